//! Encoding a `tree::Patch` for `patch.js`, which applies it to the page in one call: a stream of numbers
//! and one string holding every string the patch needs (see `patch.js` for the encoding).

use crate::render::tree::{self, Change, Tree};
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/web/patch.js")]
extern "C" {
    /// Applies a patch written by `encode` to the elements in `container`, whose elements are `nodes` (in
    /// the last drawing's order); returns the new drawing's elements.
    #[wasm_bindgen(catch)]
    fn apply_patch(
        container: &Element,
        nodes: &JsValue,
        ops: &[u32],
        text: &str,
        namespace: &str,
        leaving: &JsValue,
    ) -> Result<JsValue, JsValue>;
}

/// The op codes of `apply_patch`'s stream (see `patch.js`).
mod op {
    pub const REMOVE: u32 = 0;
    pub const KEEP: u32 = 1;
    pub const SET_ATTRIBUTE: u32 = 2;
    pub const REMOVE_ATTRIBUTE: u32 = 3;
    pub const SET_TEXT: u32 = 4;
    pub const CREATE: u32 = 5;
}

/// Makes the elements of `container` drawn as `nodes` (a JavaScript array, in the old tree's order) into
/// `tree`, by `patch`; returns the new elements, in `tree`'s order, for the next patch. One boundary
/// crossing and one string decoding per call, whatever the number of DOM operations.
pub(super) fn apply(
    container: &Element,
    nodes: &JsValue,
    patch: &tree::Patch,
    tree: &Tree,
    namespace: &str,
) -> Result<JsValue, JsValue> {
    apply_leaving(container, nodes, patch, tree, namespace, &JsValue::NULL)
}

/// `apply`, leaving the removed elements in place and putting them in the array `leaving` (for `motion`
/// to fade out) when it is one.
pub(super) fn apply_leaving(
    container: &Element,
    nodes: &JsValue,
    patch: &tree::Patch,
    tree: &Tree,
    namespace: &str,
    leaving: &JsValue,
) -> Result<JsValue, JsValue> {
    let (ops, strings) = encode(patch, tree);
    apply_patch(container, nodes, &ops, &strings, namespace, leaving)
}

/// `patch` (which makes `tree` from what was drawn before) as `apply_patch`'s op stream and strings.
fn encode(patch: &tree::Patch, tree: &Tree) -> (Vec<u32>, String) {
    let mut ops: Vec<u32> = Vec::with_capacity(patch.remove.len() * 2 + tree.nodes.len() * 12);
    let mut strings = String::new();
    // Appends `s` to the strings and its length, in UTF-16 code units (how JavaScript slices), plus `plus`
    // to the ops.
    fn put(ops: &mut Vec<u32>, strings: &mut String, s: &str, plus: u32) {
        strings.push_str(s);
        ops.push(s.encode_utf16().count() as u32 + plus);
    }
    for &old in &patch.remove {
        ops.extend([op::REMOVE, old as u32]);
    }
    for (i, old) in patch.reuse.iter().enumerate() {
        if let Some(old) = old {
            ops.extend([op::KEEP, i as u32, *old as u32]);
        }
    }
    for change in &patch.changes {
        match *change {
            Change::SetAttribute { node, name, value } => {
                ops.extend([op::SET_ATTRIBUTE, node as u32]);
                put(&mut ops, &mut strings, name, 0);
                put(&mut ops, &mut strings, value, 0);
            }
            Change::RemoveAttribute { node, name } => {
                ops.extend([op::REMOVE_ATTRIBUTE, node as u32]);
                put(&mut ops, &mut strings, name, 0);
            }
            Change::SetText { node, text } => {
                ops.extend([op::SET_TEXT, node as u32]);
                put(&mut ops, &mut strings, text, 0);
            }
        }
    }
    // In document order, so each new element's parent and the kept sibling it goes before exist.
    let plus_one = |i: Option<usize>| i.map_or(0, |i| i as u32 + 1);
    for (i, node) in tree.nodes.iter().enumerate() {
        if patch.reuse[i].is_some() {
            continue;
        }
        ops.extend([op::CREATE, i as u32, plus_one(node.parent), plus_one(patch.before[i])]);
        put(&mut ops, &mut strings, node.tag, 0);
        // The namespace comes with createElementNS; as an attribute it would only be noise.
        let attributes = || node.attributes.iter().filter(|(name, _)| *name != "xmlns");
        ops.push(attributes().count() as u32);
        for (name, value) in attributes() {
            put(&mut ops, &mut strings, name, 0);
            put(&mut ops, &mut strings, value, 0);
        }
        match &node.text {
            Some(t) => put(&mut ops, &mut strings, t, 1),
            None => ops.push(0),
        }
    }
    (ops, strings)
}
