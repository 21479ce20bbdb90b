//! A drawing as a flat list of elements in document order, and the few changes that turn one drawing into
//! the next.
//!
//! `svg::emit` writes a scene into a `Tree`; the tree then becomes SVG text (`to_svg_text`, for export and
//! golden files) or live DOM nodes (`web`). When a reader turns a province off, most of the chart stays: the
//! same elements with a few moved coordinates and changed labels. `diff` finds the elements that can stay and
//! the attributes and texts that changed, so the browser updates a handful of attributes instead of
//! rebuilding the whole SVG, and the same walk keeps one copy of `emit` in the WebAssembly module.

use crate::svg::{escape_into, Sink};

/// One element: its tag, its parent (an index earlier in the list; `None` for the root), its attributes in
/// writing order and its text, if it is a leaf with text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub tag: &'static str,
    pub parent: Option<usize>,
    pub attributes: Vec<(&'static str, String)>,
    pub text: Option<String>,
}

/// Elements in document order (each parent before its children, siblings in order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tree {
    pub nodes: Vec<Node>,
    open: Vec<usize>,
}

impl Sink for Tree {
    fn open(&mut self, tag: &'static str, attributes: &[(&'static str, String)]) {
        let parent = self.open.last().copied();
        self.open.push(self.nodes.len());
        self.nodes.push(Node { tag, parent, attributes: attributes.to_vec(), text: None });
    }

    fn text(&mut self, text: &str) {
        if let Some(&i) = self.open.last() {
            self.nodes[i].text.get_or_insert_with(String::new).push_str(text);
        }
    }

    fn close(&mut self, _tag: &'static str) {
        self.open.pop();
    }
}

impl Tree {
    /// The tree as SVG text: attributes and text escaped, one shape a line so golden-file diffs stay readable.
    pub fn to_svg_text(&self) -> String {
        let mut out = String::new();
        let mut open: Vec<usize> = Vec::new();
        for (i, node) in self.nodes.iter().enumerate() {
            while open.last().is_some_and(|&top| Some(top) != node.parent) {
                self.close_into(&mut out, open.pop().unwrap_or_default());
            }
            out.push('<');
            out.push_str(node.tag);
            for (name, value) in &node.attributes {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                escape_into(&mut out, value);
                out.push('"');
            }
            out.push('>');
            if let Some(text) = &node.text {
                escape_into(&mut out, text);
            }
            open.push(i);
        }
        while let Some(i) = open.pop() {
            self.close_into(&mut out, i);
        }
        out
    }

    fn close_into(&self, out: &mut String, i: usize) {
        let tag = self.nodes[i].tag;
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
        if matches!(tag, "rect" | "line" | "circle" | "polygon" | "text" | "g" | "title" | "desc" | "svg") {
            out.push('\n');
        }
    }
}

/// What changes between two drawings.
#[derive(Debug, PartialEq)]
pub struct Patch<'t> {
    /// The first `keep` elements of the old drawing stay, as the first `keep` of the new one; the old ones
    /// after them go, and the new ones after them are created.
    pub keep: usize,
    pub changes: Vec<Change<'t>>,
}

/// A change to a kept element (an index below `keep`).
#[derive(Debug, PartialEq)]
pub enum Change<'t> {
    SetAttribute { node: usize, name: &'static str, value: &'t str },
    RemoveAttribute { node: usize, name: &'static str },
    SetText { node: usize, text: &'t str },
}

/// The changes from `old` to `new`. Elements stay while both drawings have the same tag under the same parent
/// at the same position; from the first difference on, the rest is rebuilt, which keeps document order right
/// without moving nodes.
pub fn diff<'t>(old: &Tree, new: &'t Tree) -> Patch<'t> {
    let keep =
        old.nodes.iter().zip(&new.nodes).take_while(|(a, b)| a.tag == b.tag && a.parent == b.parent).count();
    let mut changes = Vec::new();
    for (i, (was, now)) in old.nodes.iter().zip(&new.nodes).take(keep).enumerate() {
        for (name, value) in &now.attributes {
            if !was.attributes.iter().any(|(n, v)| n == name && v == value) {
                changes.push(Change::SetAttribute { node: i, name, value });
            }
        }
        for (name, _) in &was.attributes {
            if !now.attributes.iter().any(|(n, _)| n == name) {
                changes.push(Change::RemoveAttribute { node: i, name });
            }
        }
        if was.text != now.text {
            changes.push(Change::SetText { node: i, text: now.text.as_deref().unwrap_or("") });
        }
    }
    Patch { keep, changes }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(rows: &[(&'static str, &str)]) -> Tree {
        let mut t = Tree::default();
        t.open("svg", &[("width", "100".into())]);
        for (tag, label) in rows {
            t.open("g", &[]);
            t.open(tag, &[("y", label.len().to_string())]);
            t.text(label);
            t.close(tag);
            t.close("g");
        }
        t.close("svg");
        t
    }

    #[test]
    fn writes_nested_elements_with_escaped_text() {
        let t = tree(&[("text", "Bắc Giang <b>"), ("text", "x")]);
        assert_eq!(
            t.to_svg_text(),
            "<svg width=\"100\"><g><text y=\"15\">Bắc Giang &lt;b&gt;</text>\n</g>\n<g><text y=\"1\">x</text>\n</g>\n</svg>\n"
        );
    }

    #[test]
    fn the_same_drawing_needs_no_change() {
        let t = tree(&[("text", "a"), ("text", "b")]);
        assert_eq!(diff(&t, &t.clone()), Patch { keep: 5, changes: vec![] });
    }

    #[test]
    fn a_removed_row_changes_the_rows_after_it_and_drops_the_last() {
        let old = tree(&[("text", "a"), ("text", "bb"), ("text", "ccc")]);
        let new = tree(&[("text", "a"), ("text", "ccc")]);
        let patch = diff(&old, &new);
        assert_eq!(patch.keep, 5);
        assert_eq!(
            patch.changes,
            vec![
                Change::SetAttribute { node: 4, name: "y", value: "3" },
                Change::SetText { node: 4, text: "ccc" }
            ]
        );
    }

    #[test]
    fn a_different_tag_rebuilds_from_there() {
        let old = tree(&[("text", "a"), ("rect", "b")]);
        let new = tree(&[("text", "a"), ("text", "b")]);
        assert_eq!(diff(&old, &new).keep, 4);
    }

    #[test]
    fn attributes_that_disappear_are_removed() {
        let mut old = Tree::default();
        old.open("rect", &[("x", "1".into()), ("stroke", "red".into())]);
        old.close("rect");
        let mut new = Tree::default();
        new.open("rect", &[("x", "1".into())]);
        new.close("rect");
        assert_eq!(diff(&old, &new).changes, vec![Change::RemoveAttribute { node: 0, name: "stroke" }]);
    }
}
