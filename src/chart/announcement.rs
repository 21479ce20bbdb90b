//! What a screen reader hears when the view changes: one announcement of what changed, not the whole summary
//! again. A new chart (another indicator, year or language) is said in full, since everything on it is new;
//! a province or the national lines turned on or off is said in a sentence about that alone; a change that
//! moves nothing a screen reader hears (the highlight) says nothing. The summary paragraph stays the full
//! description, read when the reader goes to it.

use crate::chart::reference;
use crate::chart::view::{self, ChartConfig, View};
use crate::data::model::Dataset;

/// The announcement for a change from `before` to `after`; empty when there is nothing to say.
pub fn change_sentence(dataset: &Dataset, before: &ChartConfig, after: &ChartConfig) -> String {
    let lang = after.lang;
    let text = lang.text();
    let view = View::new(dataset, after);
    let new_chart =
        before.indicator != after.indicator || before.year != after.year || before.lang != after.lang;
    if new_chart {
        let mut out = view::summary(dataset, &view, lang);
        out.push_str(&reference::summary_sentences(dataset, &view, after));
        return out;
    }
    let mut said: Vec<String> = Vec::new();
    for (province, (was, is)) in before.shown.iter().zip(&after.shown).enumerate() {
        let name = &dataset.provinces[province].name_vi;
        match (was, is) {
            (true, false) => said.push(lang.province_hidden(name)),
            (false, true) => {
                let row = view.rows.iter().find(|row| row.province == province);
                let phrase = row.and_then(|row| view::row_phrase(dataset, row, lang));
                said.push(match phrase {
                    Some(phrase) => format!("{phrase}."),
                    None => format!("{name}: {}.", text.summary_missing_inline),
                });
            }
            _ => {}
        }
    }
    // The chart now shows the sentence saying what to do: the reader hears it too.
    if view.rows.is_empty() && before.shown.iter().any(|shown| *shown) {
        said.push(text.no_province_selected.to_string());
    }
    if before.national != after.national {
        if after.national {
            let sentences = reference::summary_sentences(dataset, &view, after);
            said.extend(Some(sentences.trim().to_string()).filter(|s| !s.is_empty()));
        } else {
            said.push(text.national_hidden.to_string());
        }
    }
    said.join(" ")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::view::Requested;
    use crate::data::read::{dataset_from_json, BUNDLED};
    use crate::locale::i18n::Lang;

    const GRDP: &str = "digital-economy-share-grdp";

    fn config(dataset: &Dataset, indicator: &str, year: Option<&str>) -> ChartConfig {
        let requested = Requested {
            indicator: Some(indicator.into()),
            year: year.map(str::to_string),
            ..Requested::default()
        };
        ChartConfig::resolve(dataset, &requested).0
    }

    fn province(dataset: &Dataset, id: &str) -> usize {
        dataset.provinces.iter().position(|p| p.id == id).unwrap()
    }

    #[test]
    fn a_new_year_is_said_in_full() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let before = config(&dataset, GRDP, None);
        let after = config(&dataset, GRDP, Some("2025"));
        let said = change_sentence(&dataset, &before, &after);
        assert!(said.contains("(2025): "), "{said}");
        assert!(said.contains("Bắc Giang khoảng 25% (2025)"), "{said}");
        assert!(said.contains("Bình Dương"), "{said}");
        assert!(said.contains("Mục tiêu quốc gia 2025"), "the national line is said: {said}");
    }

    #[test]
    fn a_province_turned_off_is_said_by_name_alone() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let before = config(&dataset, GRDP, None);
        let mut after = before.clone();
        after.shown[province(&dataset, "binh-dinh")] = false;
        assert_eq!(change_sentence(&dataset, &before, &after), "Đã ẩn Bình Định.");
        after.lang = Lang::En;
        let mut before_en = before.clone();
        before_en.lang = Lang::En;
        assert_eq!(change_sentence(&dataset, &before_en, &after), "Bình Định hidden.");
    }

    #[test]
    fn a_province_turned_on_is_said_with_its_targets() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let mut before = config(&dataset, GRDP, None);
        before.shown[province(&dataset, "lang-son")] = false;
        let mut after = before.clone();
        after.shown[province(&dataset, "lang-son")] = true;
        let said = change_sentence(&dataset, &before, &after);
        assert!(said.starts_with("Lạng Sơn ") && said.contains("(2023)"), "{said}");
        assert!(!said.contains("Bắc Giang"), "only what changed: {said}");
    }

    #[test]
    fn a_province_with_no_target_in_view_says_so() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let mut before = config(&dataset, GRDP, Some("2025"));
        before.shown[province(&dataset, "lang-son")] = false;
        let mut after = before.clone();
        after.shown[province(&dataset, "lang-son")] = true;
        assert_eq!(change_sentence(&dataset, &before, &after), "Lạng Sơn: không đặt mục tiêu.");
    }

    #[test]
    fn the_last_province_off_says_what_to_do() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let mut before = config(&dataset, GRDP, None);
        before.shown.iter_mut().for_each(|shown| *shown = false);
        before.shown[province(&dataset, "bac-giang")] = true;
        let mut after = before.clone();
        after.shown[province(&dataset, "bac-giang")] = false;
        assert_eq!(
            change_sentence(&dataset, &before, &after),
            "Đã ẩn Bắc Giang. Chọn ít nhất một tỉnh để xem biểu đồ."
        );
    }

    #[test]
    fn national_lines_and_highlight() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let before = config(&dataset, GRDP, Some("2025"));
        let mut off = before.clone();
        off.national = false;
        assert_eq!(change_sentence(&dataset, &before, &off), "Đã ẩn mục tiêu quốc gia.");
        let on = change_sentence(&dataset, &off, &before);
        assert!(on.starts_with("Mục tiêu quốc gia 2025"), "{on}");
        let mut highlighted = before.clone();
        highlighted.highlight = vec![province(&dataset, "bac-giang")];
        assert_eq!(
            change_sentence(&dataset, &before, &highlighted),
            "",
            "nothing a screen reader hears moved"
        );
    }
}
