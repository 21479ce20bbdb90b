//! What a screen reader hears of the chart: one summary (the hidden paragraph), the marks by name, and one
//! short sentence in the live region when the focused mark changes. The drawn SVG's own words (title,
//! definition, legend, province names, ticks, source line) are hidden from speech in the widget: each is in
//! the summary, in a mark's name or in the data table, and read again they would bury the marks. The exported
//! SVG keeps its `<title>` and `<desc>` (see `download`, which writes it afresh from the scene).

use crate::chart::details::LineKind;
use crate::chart::navigation::Focus;
use crate::chart::{reference, view};
use crate::data::model::Dataset;
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

/// What has focus, in one short sentence: "Bắc Giang, 2025: khoảng 25%.", or for a national line its label,
/// which says it is the national target: "Mục tiêu quốc gia 2025: 20% (QĐ 749/QĐ-TTg)."
pub(super) fn focus_sentence(dataset: &Dataset, focus: Focus, lang: Lang) -> String {
    let mut sentence = match focus {
        Focus::Target(target) => view::mark_name(dataset, target, lang),
        Focus::National(n) => {
            let national = &dataset.national[n];
            reference::label(national, &dataset.indicators[national.indicator], lang)
        }
    };
    sentence.push('.');
    sentence
}

/// What the reader hears on pinning (Enter): the words to say, and for a mark its quote, which is Vietnamese in
/// either interface language and so is read in a Vietnamese voice (`lang="vi"`), as the visible blockquote is.
pub(super) struct Pinned {
    pub said: String,
    pub vietnamese: Option<String>,
}

/// What the reader pinned (Enter): a mark's quote, the full words one keystroke away; a national line's
/// document in full, since it has no quote.
pub(super) fn pinned_sentence(dataset: &Dataset, focus: Focus, lang: Lang) -> Option<Pinned> {
    match focus {
        Focus::Target(target) => {
            let quote = &dataset.targets[target].quote;
            Some(Pinned {
                said: lang.text().quote_lead.to_string(), vietnamese: Some(format!("“{quote}”"))
            })
        }
        Focus::National(n) => {
            let lines = reference::details(dataset, &dataset.national[n], lang);
            let document = lines.into_iter().find(|line| line.kind == LineKind::Fact)?;
            Some(Pinned { said: document.text, vietnamese: None })
        }
    }
}
