//! The widget's HTML (controls, details, table, alerts) written as a `Tree` and created in one call through
//! `patch.js`, the way the chart is drawn, rather than one boundary crossing per element.

use super::patch;
use crate::render::svg::Sink;
use crate::render::tree::{self, Tree};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

pub(super) const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

#[derive(Default)]
pub(super) struct Ui {
    tree: Tree,
}

impl Ui {
    /// Opens an element with a class (if any) and attributes; returns its index, which is its position in
    /// the array of elements `apply` returns.
    pub(super) fn open(
        &mut self,
        tag: &'static str,
        class: &str,
        attributes: &[(&'static str, &str)],
    ) -> usize {
        let mut all: Vec<(&'static str, String)> = Vec::with_capacity(attributes.len() + 1);
        if !class.is_empty() {
            all.push(("class", class.to_string()));
        }
        all.extend(attributes.iter().map(|(name, value)| (*name, value.to_string())));
        let index = self.tree.nodes.len();
        self.tree.open(tag, all);
        index
    }

    pub(super) fn close(&mut self) {
        self.tree.close("");
    }

    /// An element with text and no children.
    pub(super) fn leaf(
        &mut self,
        tag: &'static str,
        class: &str,
        attributes: &[(&'static str, &str)],
        text: &str,
    ) -> usize {
        let index = self.open(tag, class, attributes);
        self.tree.text(text);
        self.close();
        index
    }

    /// Creates the tree's elements at the end of `container`, in one call; returns them, in order.
    pub(super) fn apply(&self, container: &Element) -> Result<js_sys::Array, JsValue> {
        let nothing_drawn = js_sys::Array::new();
        let created = tree::created(&self.tree);
        Ok(patch::apply(container, &nothing_drawn, &created, &self.tree, HTML_NAMESPACE)?.unchecked_into())
    }

    /// A labelled `<select>`: the label wraps it, so a tap on the label opens it. The visible word is hidden
    /// from the accessibility tree and the select carries it as its name, so a screen reader says it once
    /// (as the select's name), not once as text and again as the name.
    pub(super) fn select_field(&mut self, label: &str) -> usize {
        self.open("label", "pt-field", &[]);
        self.leaf("span", "", &[("aria-hidden", "true")], label);
        self.open("select", "", &[("aria-label", label)])
    }
}
