//! The data table of the current view, for screen readers and for readers who want the numbers: one row per
//! target, and one row saying "no target set" for each shown province without one.

use crate::chart::format::{self, Style};
use crate::chart::reference;
use crate::chart::view::View;
use crate::data::model::{Dataset, Status};
use crate::locale::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub caption: String,
    pub headers: [&'static str; 5],
    pub rows: Vec<[String; 5]>,
}

pub fn table(dataset: &Dataset, view: &View, lang: Lang) -> Table {
    let text = lang.text();
    let indicator = &dataset.indicators[view.indicator];
    let mut rows = Vec::new();
    for row in &view.rows {
        let province = dataset.provinces[row.province].name_vi.clone();
        if row.targets.is_empty() {
            rows.push([province, String::new(), text.no_target.to_string(), String::new(), String::new()]);
            continue;
        }
        for &i in &row.targets {
            let t = &dataset.targets[i];
            let source = &dataset.sources[t.source];
            rows.push([
                province.clone(),
                t.year.to_string(),
                format::target_value(t, indicator, lang, Style::Full),
                if t.status == Status::Draft { text.draft } else { text.adopted }.to_string(),
                source.document.as_deref().or(source.document_title.as_deref()).unwrap_or("").to_string(),
            ]);
        }
    }
    // The national targets are data too, so the table lists them whether or not the chart draws their lines:
    // named as the national programme's, by their document, never as a province's.
    for national in reference::of_view(dataset, view) {
        rows.push([
            reference::national_name(lang).to_string(),
            national.year.to_string(),
            reference::value_text(national, indicator, lang, Style::Full),
            String::new(),
            national.document.clone(),
        ]);
    }
    Table {
        caption: format!("{}: {}", text.table_caption, lang.pick(&indicator.label_vi, &indicator.label_en)),
        headers: [
            text.column_province,
            text.column_year,
            text.column_target,
            text.column_status,
            text.column_document,
        ],
        rows,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::view::{ChartConfig, Requested};
    use crate::data::read::{dataset_from_json, BUNDLED};

    #[test]
    fn the_national_target_is_a_row_of_its_own_naming_its_document() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let requested = Requested {
            indicator: Some("digital-economy-share-grdp".into()),
            year: Some("2025".into()),
            lang: Some("en".into()),
            ..Requested::default()
        };
        let (config, _) = ChartConfig::resolve(&dataset, &requested);
        let table = table(&dataset, &View::new(&dataset, &config), Lang::En);
        let last = table.rows.last().unwrap();
        assert_eq!(last, &["National target", "2025", "20%", "", "QĐ 749/QĐ-TTg"].map(String::from));
        assert_eq!(table.rows.iter().filter(|r| r[0] == "National target").count(), 1);
    }
}
