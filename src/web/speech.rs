//! What a screen reader hears of the chart: one summary (the hidden paragraph), the marks by name, and one
//! short sentence in the live region when the focused mark changes. The drawn SVG's own words (title,
//! definition, legend, province names, ticks, source line) are hidden from speech in the widget: each is in
//! the summary, in a mark's name or in the data table, and read again they would bury the marks. The exported
//! SVG keeps its `<title>` and `<desc>` (see `download`, which writes it afresh from the scene).

use super::html::Ui;
use super::state::State;
use crate::chart::details::LineKind;
use crate::chart::navigation::Focus;
use crate::chart::{reference, view};
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

/// A mark or a national line: a button named by its `aria-label`, whose own texts are not hidden.
fn is_mark(attributes: &[(&'static str, String)]) -> bool {
    let focusable = |class: &str| class == "pt-mark" || class == "pt-national";
    attributes.iter().any(|(name, value)| *name == "class" && value.split(' ').any(focusable))
}

impl State {
    /// Says what has focus, in one short sentence: "Bắc Giang, 2025: khoảng 25%.", or for a national line
    /// its label, which says it is the national target: "Mục tiêu quốc gia 2025: 20% (QĐ 749/QĐ-TTg)."
    pub(super) fn say_focus(&self, focus: Focus) {
        let (dataset, lang) = (&self.dataset, self.config.lang);
        let mut sentence = match focus {
            Focus::Target(target) => view::mark_name(dataset, target, lang),
            Focus::National(n) => {
                let national = &dataset.national[n];
                reference::label(national, &dataset.indicators[national.indicator], lang)
            }
        };
        sentence.push('.');
        self.say(&sentence);
    }

    /// Says what the reader pinned (Enter): a mark's quote, the full words one keystroke away; a national
    /// line's document in full, since it has no quote.
    pub(super) fn say_pinned(&self, focus: Focus) {
        match focus {
            Focus::Target(target) => {
                let quote = &self.dataset.targets[target].quote;
                self.say(self.config.lang.text().quote_lead);
                // The quote is Vietnamese in either interface language: read in a Vietnamese voice, as the
                // visible blockquote (`lang="vi"`) is.
                let mut ui = Ui::default();
                ui.leaf("span", "", &[("lang", "vi")], &format!("“{quote}”"));
                let _ = ui.apply(&self.parts.live);
            }
            Focus::National(n) => {
                let lines = reference::details(&self.dataset, &self.dataset.national[n], self.config.lang);
                if let Some(document) = lines.into_iter().find(|line| line.kind == LineKind::Fact) {
                    self.say(&document.text);
                }
            }
        }
    }

    fn say(&self, sentence: &str) {
        self.parts.live.set_text_content(Some(sentence));
    }
}
