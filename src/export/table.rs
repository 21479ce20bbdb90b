//! The data table of the current view, for screen readers and for readers who want the numbers: one row per
//! target, and one row saying "no target set" for each shown province without one.

use crate::chart::format::{self, Style};
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
