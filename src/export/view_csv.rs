//! The chart the reader sees as a CSV sheet: the rows and columns of its data table (province, year, target as
//! the chart words it, status, document), in the reader's language, national targets included. It is what a
//! reader who asks for "the data of this chart" expects; the whole dataset, every field of every record, is the
//! other download (`csv::write_csv`), which `province-targets import` reads back.
//!
//! Written as `csv` writes the dataset: RFC 4180, a byte-order mark for Excel, CRLF, formulas defused.

use super::csv::{push_row, Cell, BOM};
use super::table::Table;

/// The table `table` as CSV: its headers, then its rows.
pub fn write_view_csv(table: &Table) -> String {
    let mut out = String::new();
    out.push(BOM);
    push_row(&mut out, &table.headers.map(|h| Cell::Text(h.to_string())));
    for row in &table.rows {
        push_row(&mut out, &row.clone().map(Cell::Text));
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::view::{ChartConfig, Requested, View};
    use crate::data::read::{dataset_from_json, BUNDLED};
    use crate::export::table::table;
    use crate::locale::i18n::Lang;

    #[test]
    fn the_view_of_2025_in_vietnamese_is_its_table_row_by_row() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let requested = Requested {
            indicator: Some("digital-economy-share-grdp".into()),
            year: Some("2025".into()),
            ..Requested::default()
        };
        let (config, _) = ChartConfig::resolve(&dataset, &requested);
        let text = write_view_csv(&table(&dataset, &View::new(&dataset, &config), Lang::Vi));
        let lines: Vec<&str> = text.trim_start_matches(BOM).split("\r\n").collect();
        assert_eq!(lines[0], "Tỉnh,Năm,Mục tiêu,Tình trạng,Văn bản");
        assert!(
            lines.contains(&"Bắc Giang,2025,khoảng 25%,đã ban hành,Nghị quyết số 111-NQ/TU"),
            "{lines:#?}"
        );
        assert!(lines.iter().any(|l| l.starts_with("Mục tiêu quốc gia,2025,20%,")), "{lines:#?}");
        // Every province of the view has its row, a target or "no target"; no other indicator's row.
        assert!(lines.iter().any(|l| l.starts_with("Lạng Sơn,")), "{lines:#?}");
        assert!(!text.contains("65%"), "another indicator's value: {text}");
        assert_eq!(lines.last(), Some(&""), "the sheet ends with CRLF");
    }
}
