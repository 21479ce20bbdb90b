//! A drawing as a flat list of elements in document order, and the few changes that turn one drawing into
//! the next.
//!
//! `svg::emit` writes a scene into a `Tree`; the tree then becomes SVG text (`to_svg_text`, for export and
//! golden files) or live DOM nodes (`web`). When a reader turns a province off, most of the chart stays: the
//! same elements with a few moved coordinates and changed labels. `diff` finds the elements that can stay and
//! the attributes and texts that changed, so the browser updates a handful of attributes instead of
//! rebuilding the whole SVG, and the same walk keeps one copy of `emit` in the WebAssembly module.

use crate::render::markup::{escape_into, Sink};

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
    fn open(&mut self, tag: &'static str, attributes: Vec<(&'static str, String)>) {
        let parent = self.open.last().copied();
        self.open.push(self.nodes.len());
        self.nodes.push(Node { tag, parent, attributes, text: None });
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
    /// Sets the attribute `(name, value)` on the first element whose attribute `key.0` is `key.1` (the widget
    /// moves the chart's one Tab stop between marks this way); false if there is none.
    pub fn set_attribute_where(&mut self, key: (&str, &str), (name, value): (&'static str, &str)) -> bool {
        let has_key = |node: &Node| node.attributes.iter().any(|(n, v)| *n == key.0 && v == key.1);
        let Some(node) = self.nodes.iter_mut().find(|node| has_key(node)) else { return false };
        match node.attributes.iter_mut().find(|(n, _)| *n == name) {
            Some(attribute) => attribute.1 = value.to_string(),
            None => node.attributes.push((name, value.to_string())),
        }
        true
    }

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

/// Attributes that name what an element stands for (a province's row, a target's mark): elements with one
/// are matched by it, so a row keeps its nodes when a row above it goes away.
const IDENTITY: [&str; 2] = ["data-row", "data-target"];

fn identity(node: &Node) -> Option<(&'static str, &str)> {
    node.attributes
        .iter()
        .find(|(name, _)| IDENTITY.contains(name))
        .map(|(name, value)| (*name, value.as_str()))
}

/// What changes between two drawings.
#[derive(Debug, PartialEq)]
pub struct Patch<'t> {
    /// For each element of the new drawing, the element of the old one it keeps, if any; the others are
    /// created, each inserted before `before[i]` (a kept sibling, by new index) or at the end of its parent.
    pub reuse: Vec<Option<usize>>,
    pub before: Vec<Option<usize>>,
    /// Old elements to remove: only the top of each removed subtree.
    pub remove: Vec<usize>,
    /// Attribute and text changes of kept elements, by new index.
    pub changes: Vec<Change<'t>>,
}

/// A change to a kept element (by its index in the new drawing).
#[derive(Debug, PartialEq)]
pub enum Change<'t> {
    SetAttribute { node: usize, name: &'static str, value: &'t str },
    RemoveAttribute { node: usize, name: &'static str },
    SetText { node: usize, text: &'t str },
}

/// The changes from `old` to `new`. Children are matched under matched parents: by identity when they have
/// one, otherwise in order among siblings of the same tag. Kept children never change order (a match that
/// would move one back is dropped and that child rebuilt), so created ones are only ever inserted.
pub fn diff<'t>(old: &Tree, new: &'t Tree) -> Patch<'t> {
    let mut patch = Patch {
        reuse: vec![None; new.nodes.len()],
        before: vec![None; new.nodes.len()],
        remove: Vec::new(),
        changes: Vec::new(),
    };
    let (old_children, new_children) = (old.children(), new.children());
    match (old.nodes.first(), new.nodes.first()) {
        (Some(a), Some(b)) if a.tag == b.tag => {
            patch.reuse[0] = Some(0);
            match_children(old, new, &old_children, &new_children, 0, 0, &mut patch);
        }
        (Some(_), _) => patch.remove.push(0),
        _ => {}
    }
    for (i, reused) in patch.reuse.iter().enumerate() {
        if let Some(j) = *reused {
            changes_of(&old.nodes[j], &new.nodes[i], i, &mut patch.changes);
        }
    }
    patch
}

/// The patch that creates all of `tree` from nothing (every element new, in order).
pub fn created(tree: &Tree) -> Patch<'_> {
    let n = tree.nodes.len();
    Patch { reuse: vec![None; n], before: vec![None; n], remove: Vec::new(), changes: Vec::new() }
}

fn match_children(
    old: &Tree,
    new: &Tree,
    old_children: &[Vec<usize>],
    new_children: &[Vec<usize>],
    old_parent: usize,
    new_parent: usize,
    patch: &mut Patch,
) {
    let (oc, nc) = (&old_children[old_parent], &new_children[new_parent]);
    let mut taken = vec![false; oc.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new(); // (new child, position in oc)
                                                     // Each old sibling's tag and identity, looked up once: the search below compares them for every new child
                                                     // (a chart's root has a hundred children, so a search that read attributes each time dominated a redraw).
    let old_keys: Vec<_> = oc.iter().map(|&o| (old.nodes[o].tag, identity(&old.nodes[o]))).collect();
    // Every old sibling before this one is taken: the search starts here (children mostly match in order).
    let mut first_free = 0;
    for &c in nc {
        let node = &new.nodes[c];
        let key = (node.tag, identity(node));
        // The first old sibling not yet taken with the same tag and identity (or lack of one).
        let found = (first_free..oc.len()).find(|&p| !taken[p] && old_keys[p] == key);
        if let Some(p) = found {
            taken[p] = true;
            pairs.push((c, p));
            while first_free < oc.len() && taken[first_free] {
                first_free += 1;
            }
        }
    }
    // Kept children must stay in order: a match that would move one back is dropped (that child is rebuilt).
    let mut last = None;
    pairs.retain(|&(_, p)| {
        let in_order = last.is_none_or(|l| p > l);
        if in_order {
            last = Some(p);
        } else {
            taken[p] = false;
        }
        in_order
    });
    for (p, &o) in oc.iter().enumerate() {
        if !taken[p] {
            patch.remove.push(o);
        }
    }
    for &(c, p) in &pairs {
        patch.reuse[c] = Some(oc[p]);
    }
    // Each created child goes before the next kept sibling.
    let mut next_kept = None;
    for &c in nc.iter().rev() {
        if patch.reuse[c].is_some() {
            next_kept = Some(c);
        } else {
            patch.before[c] = next_kept;
        }
    }
    for (c, p) in pairs {
        match_children(old, new, old_children, new_children, oc[p], c, patch);
    }
}

fn changes_of<'t>(was: &Node, now: &'t Node, i: usize, changes: &mut Vec<Change<'t>>) {
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

impl Tree {
    /// Each element's children, in order.
    fn children(&self) -> Vec<Vec<usize>> {
        let mut children = vec![Vec::new(); self.nodes.len()];
        for (i, node) in self.nodes.iter().enumerate() {
            if let Some(parent) = node.parent {
                children[parent].push(i);
            }
        }
        children
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(rows: &[(&'static str, &str)]) -> Tree {
        let mut t = Tree::default();
        t.open("svg", vec![("width", "100".into())]);
        for (tag, label) in rows {
            t.open("g", Vec::new());
            t.open(tag, vec![("y", label.len().to_string())]);
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
        let same = t.clone();
        let patch = diff(&t, &same);
        assert_eq!(patch.reuse, (0..5).map(Some).collect::<Vec<_>>());
        assert!(patch.changes.is_empty() && patch.remove.is_empty());
    }

    /// Rows named by `data-row`, as `svg::emit` writes them.
    fn rows(keys: &[u32]) -> Tree {
        let mut t = Tree::default();
        t.open("svg", Vec::new());
        t.open("text", Vec::new());
        t.text("title");
        t.close("text");
        for (i, key) in keys.iter().enumerate() {
            t.open(
                "g",
                vec![("transform", format!("translate(0 {})", i * 40)), ("data-row", key.to_string())],
            );
            t.open("text", vec![("y", "12".into())]);
            t.text(&format!("province {key}"));
            t.close("text");
            t.close("g");
        }
        t.close("svg");
        t
    }

    #[test]
    fn removing_the_first_row_moves_the_others_with_one_attribute_each() {
        let old = rows(&[1, 2, 3]);
        let new = rows(&[2, 3]);
        let patch = diff(&old, &new);
        // svg, title, title text; row 2 and its text; row 3 and its text.
        assert_eq!(patch.reuse, vec![Some(0), Some(1), Some(4), Some(5), Some(6), Some(7)]);
        assert_eq!(patch.remove, vec![2]);
        assert_eq!(
            patch.changes,
            vec![
                Change::SetAttribute { node: 2, name: "transform", value: "translate(0 0)" },
                Change::SetAttribute { node: 4, name: "transform", value: "translate(0 40)" },
            ]
        );
    }

    #[test]
    fn a_row_coming_back_is_inserted_before_the_next_kept_row() {
        let old = rows(&[2, 3]);
        let new = rows(&[1, 2, 3]);
        let patch = diff(&old, &new);
        assert_eq!(patch.reuse[2], None, "row 1 is created");
        assert_eq!(patch.before[2], Some(4), "before row 2, which is kept");
        assert_eq!(patch.reuse[3], None, "with its text");
        assert_eq!(patch.before[3], None, "appended inside the new row");
        assert_eq!(patch.reuse[4], Some(2));
    }

    #[test]
    fn a_row_that_would_move_back_is_rebuilt_rather_than_moved() {
        let reordered = rows(&[2, 1]);
        let patch = diff(&rows(&[1, 2]), &reordered);
        assert_eq!(patch.reuse[2], Some(4), "row 2 stays");
        assert_eq!(patch.reuse[4], None, "row 1 is rebuilt after it");
        assert_eq!(patch.remove, vec![2]);
    }

    #[test]
    fn a_different_root_replaces_everything() {
        let mut other = Tree::default();
        other.open("div", Vec::new());
        other.close("div");
        let patch = diff(&rows(&[1]), &other);
        assert_eq!(patch.reuse, vec![None]);
        assert_eq!(patch.remove, vec![0]);
    }

    #[test]
    fn attributes_that_disappear_are_removed() {
        let mut old = Tree::default();
        old.open("rect", vec![("x", "1".into()), ("stroke", "red".into())]);
        old.close("rect");
        let mut new = Tree::default();
        new.open("rect", vec![("x", "1".into())]);
        new.close("rect");
        assert_eq!(diff(&old, &new).changes, vec![Change::RemoveAttribute { node: 0, name: "stroke" }]);
    }
}
