//! What a screen reader hears of the chart: one summary (the hidden paragraph), the marks by name, and one
//! short sentence in the live region when the focused mark changes. The drawn SVG's own words (title,
//! definition, legend, province names, ticks, source line) are hidden from speech in the widget: each is in
//! the summary, in a mark's name or in the data table, and read again they would bury the marks. The exported
//! SVG keeps its `<title>` and `<desc>` (see `download`, which writes it afresh from the scene).

use super::state::State;
use crate::chart::view;
use crate::data::model::TargetIdx;
use crate::locale::i18n::Lang;
use crate::render::tree::Tree;

/// Rewrites the chart's tree for the widget: the SVG is a group named "Biểu đồ so sánh mục tiêu" (the title
/// and summary are already on the page, so neither names it again), its `<title>` and `<desc>` are emptied,
/// and every text outside a mark is `aria-hidden`.
pub(super) fn for_speech(tree: &mut Tree, lang: Lang) {
    let mut in_mark = vec![false; tree.nodes.len()];
    for i in 0..tree.nodes.len() {
        let parent = tree.nodes[i].parent;
        in_mark[i] = parent.is_some_and(|p| in_mark[p] || is_mark(&tree.nodes[p].attributes));
        let node = &mut tree.nodes[i];
        match node.tag {
            "svg" if parent.is_none() => {
                node.attributes.retain(|(name, _)| *name != "aria-labelledby");
                node.attributes.push(("role", "group".into()));
                node.attributes.push(("aria-label", lang.text().chart_label.into()));
            }
            "title" | "desc" => node.text = None,
            "text" if !in_mark[i] => node.attributes.push(("aria-hidden", "true".into())),
            _ => {}
        }
    }
}

fn is_mark(attributes: &[(&'static str, String)]) -> bool {
    attributes.iter().any(|(name, value)| *name == "class" && value.split(' ').any(|c| c == "pt-mark"))
}

impl State {
    /// Says which mark has focus, in one short sentence: "Bắc Giang, 2025: khoảng 25%."
    pub(super) fn say_mark(&self, target: TargetIdx) {
        let mut sentence = view::mark_name(&self.dataset, target, self.config.lang);
        sentence.push('.');
        self.say(&sentence);
    }

    /// Says the quote of a mark the reader pinned (Enter): the full words are one keystroke away.
    pub(super) fn say_quote(&self, target: TargetIdx) {
        let quote = &self.dataset.targets[target].quote;
        self.say(&format!("{}“{quote}”", self.config.lang.text().quote_lead));
    }

    fn say(&self, sentence: &str) {
        self.parts.live.set_text_content(Some(sentence));
    }
}
