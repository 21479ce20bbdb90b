//! The dataset as one CSV sheet (RFC 4180, UTF-8 with a byte-order mark so that Excel reads the diacritics,
//! CRLF line ends), for spreadsheets, scripts and `province-targets import`, which rebuilds the very same
//! dataset from it.
//!
//! A reader finds what they want first: one row per target, with the province, pillar and indicator named
//! (Vietnamese names keep their diacritics in either language), then the national targets, named as such and
//! by their document, never as a province's words. Below them come the records the targets refer to
//! (pillars, provinces, indicators, sources), one row each, which the `record` column tells apart; every
//! field of the file has its column, so nothing is lost on the way back.
//!
//! Pure: it returns a `String`, and the caller (the command line, or the page's download button) decides
//! where it goes. Text cells that a spreadsheet would run as a formula are defused with a leading `'`, which
//! `undefuse` takes off again; number cells are written as they are, since a target may be negative.

use crate::chart::reference::national_name;
use crate::data::model::{Dataset, PartialDate};
use crate::data::sheet::columns::{
    DEFUSED_STARTS, HEADER, INDICATOR, NATIONAL, PILLAR, PROVINCE, SOURCE, TARGET,
};
use crate::locale::i18n::Lang;
use crate::locale::number::plain;

/// The byte-order mark the sheet starts with: without it, Excel reads UTF-8 as the local code page.
pub const BOM: char = '\u{feff}';

/// How many decimals a value keeps: more than any target states, so nothing the article says is rounded.
const VALUE_DECIMALS: u32 = 4;

/// One row being filled, cell by column name.
struct Row([Cell; HEADER.len()]);

impl Row {
    /// A row of the kind `record` (a `RecordColumns::record`), every other cell empty.
    fn new(record: &'static str) -> Row {
        let mut row = Row(std::array::from_fn(|_| Cell::Text(String::new())));
        row.text("record", record);
        row
    }

    fn column(name: &str) -> usize {
        HEADER.iter().position(|c| *c == name).expect("every column written is in HEADER")
    }

    fn text(&mut self, column: &str, text: &str) {
        self.0[Row::column(column)] = Cell::Text(text.to_string());
    }

    fn optional(&mut self, column: &str, text: &Option<String>) {
        self.text(column, text.as_deref().unwrap_or(""));
    }

    fn number(&mut self, column: &str, value: Option<f64>) {
        let text = value.map(|v| plain(v, VALUE_DECIMALS)).unwrap_or_default();
        self.0[Row::column(column)] = Cell::Number(text);
    }

    fn date(&mut self, column: &str, date: &Option<PartialDate>) {
        self.text(column, &date.map(iso_date).unwrap_or_default());
    }
}

/// The column of `$kind`'s field `$field`, as `RECORDS` (the one list, which the reader reads) says,
/// looked up while compiling: a field the kind does not list does not build, and it costs the module nothing.
macro_rules! field {
    ($kind:ident.$field:ident) => {
        const { $kind.column(stringify!($field)) }
    };
}

/// A column `$kind` fills only for reading (the name of what a row refers to), checked as `field!` is.
macro_rules! for_reading {
    ($kind:ident.$column:ident) => {
        const { $kind.for_reading(stringify!($column)) }
    };
}

/// Writes the whole dataset, in dataset order, with names in `lang`.
pub fn write_csv(dataset: &Dataset, lang: Lang) -> String {
    let mut out = String::from(BOM);
    push_row(&mut out, &HEADER.map(|h| Cell::Text(h.to_string())));
    let pillar_name = |i: usize| lang.pick(&dataset.pillars[i].name_vi, &dataset.pillars[i].name_en);
    for target in &dataset.targets {
        let province = &dataset.provinces[target.province];
        let indicator = &dataset.indicators[target.indicator];
        let source = &dataset.sources[target.source];
        let mut row = Row::new(TARGET.record);
        row.text(for_reading!(TARGET.province), &province.name_vi);
        row.text(for_reading!(TARGET.pillar), pillar_name(indicator.pillar));
        row.text(for_reading!(TARGET.indicator), lang.pick(&indicator.label_vi, &indicator.label_en));
        row.optional(for_reading!(TARGET.document), &source.document);
        row.text(field!(TARGET.id), &target.id);
        row.text(field!(TARGET.province), &province.id);
        row.text(field!(TARGET.indicator), &indicator.id);
        row.number(field!(TARGET.year), Some(f64::from(target.year)));
        row.text(field!(TARGET.qualifier), target.qualifier.as_str());
        row.number(field!(TARGET.value), target.value);
        row.number(field!(TARGET.value_max), target.value_max);
        row.text(field!(TARGET.unit), target.unit.as_str());
        row.text(field!(TARGET.status), target.status.as_str());
        row.text(field!(TARGET.source), &source.id);
        row.text(field!(TARGET.quote), &target.quote);
        row.optional(field!(TARGET.quote_en), &target.quote_en);
        row.optional(field!(TARGET.note_vi), &target.note_vi);
        row.optional(field!(TARGET.note_en), &target.note_en);
        row.optional(field!(TARGET.label_vi), &target.label_vi);
        row.optional(field!(TARGET.label_en), &target.label_en);
        push_row(&mut out, &row.0);
    }
    for national in &dataset.national {
        let indicator = &dataset.indicators[national.indicator];
        let mut row = Row::new(NATIONAL.record);
        row.text(for_reading!(NATIONAL.province), national_name(lang));
        row.text(for_reading!(NATIONAL.pillar), pillar_name(indicator.pillar));
        row.text(for_reading!(NATIONAL.indicator), lang.pick(&indicator.label_vi, &indicator.label_en));
        row.text(field!(NATIONAL.id), &national.id);
        row.text(field!(NATIONAL.indicator), &indicator.id);
        row.number(field!(NATIONAL.year), Some(f64::from(national.year)));
        row.text(field!(NATIONAL.qualifier), national.qualifier.as_str());
        row.number(field!(NATIONAL.value), Some(national.value));
        row.number(field!(NATIONAL.value_max), national.value_max);
        row.text(field!(NATIONAL.unit), national.unit.as_str());
        row.text(field!(NATIONAL.document), &national.document);
        row.optional(field!(NATIONAL.document_title), &national.document_title);
        row.date(field!(NATIONAL.document_date), &national.document_date);
        row.optional(field!(NATIONAL.issuer), &national.issuer);
        row.optional(field!(NATIONAL.note_vi), &national.note_vi);
        row.optional(field!(NATIONAL.note_en), &national.note_en);
        push_row(&mut out, &row.0);
    }
    for pillar in &dataset.pillars {
        let mut row = Row::new(PILLAR.record);
        row.text(field!(PILLAR.id), &pillar.id);
        row.text(field!(PILLAR.name_vi), &pillar.name_vi);
        row.text(field!(PILLAR.name_en), &pillar.name_en);
        push_row(&mut out, &row.0);
    }
    for province in &dataset.provinces {
        let mut row = Row::new(PROVINCE.record);
        row.text(field!(PROVINCE.id), &province.id);
        row.text(field!(PROVINCE.name_vi), &province.name_vi);
        row.text(field!(PROVINCE.name_ascii), &province.name_ascii);
        row.optional(field!(PROVINCE.admin_note_vi), &province.admin_note_vi);
        row.optional(field!(PROVINCE.admin_note_en), &province.admin_note_en);
        push_row(&mut out, &row.0);
    }
    for indicator in &dataset.indicators {
        let mut row = Row::new(INDICATOR.record);
        row.text(field!(INDICATOR.id), &indicator.id);
        row.text(field!(INDICATOR.pillar), &dataset.pillars[indicator.pillar].id);
        row.text(field!(INDICATOR.label_vi), &indicator.label_vi);
        row.text(field!(INDICATOR.label_en), &indicator.label_en);
        row.optional(field!(INDICATOR.short_vi), &indicator.short_vi);
        row.optional(field!(INDICATOR.short_en), &indicator.short_en);
        row.optional(field!(INDICATOR.definition_vi), &indicator.definition_vi);
        row.optional(field!(INDICATOR.definition_en), &indicator.definition_en);
        row.text(field!(INDICATOR.unit), indicator.unit.as_str());
        row.optional(field!(INDICATOR.unit_label_vi), &indicator.unit_label_vi);
        row.optional(field!(INDICATOR.unit_label_en), &indicator.unit_label_en);
        push_row(&mut out, &row.0);
    }
    for source in &dataset.sources {
        let mut row = Row::new(SOURCE.record);
        row.text(field!(SOURCE.id), &source.id);
        row.text(field!(SOURCE.province), &dataset.provinces[source.province].id);
        row.optional(field!(SOURCE.document), &source.document);
        row.optional(field!(SOURCE.document_title), &source.document_title);
        row.optional(field!(SOURCE.document_en), &source.document_en);
        row.optional(field!(SOURCE.title_en), &source.title_en);
        row.date(field!(SOURCE.document_date), &source.document_date);
        row.optional(field!(SOURCE.issuer), &source.issuer);
        row.optional(field!(SOURCE.issuer_en), &source.issuer_en);
        row.optional(field!(SOURCE.article_title), &source.article_title);
        row.date(field!(SOURCE.article_date), &source.article_date);
        row.optional(field!(SOURCE.article_author), &source.article_author);
        row.optional(field!(SOURCE.article_publisher), &source.article_publisher);
        row.optional(field!(SOURCE.article_file), &source.article_file);
        push_row(&mut out, &row.0);
    }
    out
}

/// A date as the file writes it: `2021-06-11`, or `--06-11` when the year is not known.
fn iso_date(date: PartialDate) -> String {
    let year = date.year.map(|y| y.to_string()).unwrap_or_else(|| "-".to_string());
    let pad = |n: u8| if n < 10 { format!("0{n}") } else { n.to_string() };
    format!("{year}-{}-{}", pad(date.month), pad(date.day))
}

/// Appends one row: its cells separated by commas, then CRLF.
pub(super) fn push_row(out: &mut String, cells: &[Cell]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Text(text) => push_text(out, text),
            Cell::Number(text) => out.push_str(text),
        }
    }
    out.push_str("\r\n");
}

/// A cell's content: text from the data, which may need defusing and quoting, or a number written by
/// `number::plain` (digits, `-` and `.` only), which must reach the spreadsheet unchanged.
pub(super) enum Cell {
    Text(String),
    Number(String),
}

/// Appends a text cell: defused if a spreadsheet would read it as a formula, quoted if it holds a comma,
/// a quote or a line break.
fn push_text(out: &mut String, text: &str) {
    // OWASP's advice for CSV injection: a leading apostrophe makes the spreadsheet show the text as text.
    let defuse = text.starts_with(DEFUSED_STARTS);
    let quote = text.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if defuse {
        out.push('\'');
    }
    if quote {
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::*;
    use crate::data::sheet::columns::undefuse;

    fn text_cell(text: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, text);
        out
    }

    #[test]
    fn plain_text_is_written_as_is() {
        assert_eq!(text_cell("Bắc Giang"), "Bắc Giang");
        assert_eq!(text_cell(""), "");
        assert_eq!(text_cell("95% hồ sơ"), "95% hồ sơ");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(text_cell("a,b"), "\"a,b\"");
        assert_eq!(text_cell("Nghị quyết \"111\""), "\"Nghị quyết \"\"111\"\"\"");
        assert_eq!(text_cell("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(text_cell("line\r\nbreak"), "\"line\r\nbreak\"");
        assert_eq!(text_cell("\""), "\"\"\"\"");
    }

    #[test]
    fn formula_starts_are_defused() {
        assert_eq!(text_cell("=1+1"), "'=1+1");
        assert_eq!(text_cell("+84 912"), "'+84 912");
        assert_eq!(text_cell("-5%"), "'-5%");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("\tx"), "'\tx");
        // A carriage return both defuses and quotes; the apostrophe goes inside the quotes.
        assert_eq!(text_cell("\rx"), "\"'\rx\"");
        assert_eq!(
            text_cell("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        // Only the first character counts.
        assert_eq!(text_cell("a=b"), "a=b");
        assert_eq!(text_cell("15-20%"), "15-20%");
    }

    fn tiny_dataset() -> Dataset {
        Dataset {
            pillars: vec![Pillar {
                id: "kinh-te-so".into(),
                name_vi: "Kinh tế số".into(),
                name_en: "Digital economy".into(),
            }],
            provinces: vec![Province {
                id: "bac-giang".into(),
                name_vi: "Bắc Giang".into(),
                name_ascii: "Bac Giang".into(),
                admin_note_vi: None,
                admin_note_en: None,
            }],
            indicators: vec![Indicator {
                id: "grdp-growth".into(),
                pillar: 0,
                label_vi: "Tăng trưởng, năm".into(),
                label_en: "Growth, yearly".into(),
                short_vi: None,
                short_en: None,
                definition_vi: None,
                definition_en: None,
                unit: Unit::PercentPerYear,
                unit_label_vi: None,
                unit_label_en: None,
            }],
            sources: vec![
                Source {
                    id: "nq-111".into(),
                    province: 0,
                    document: Some("Nghị quyết số 111-NQ/TU, \"chuyển đổi số\"".into()),
                    document_title: None,
                    document_en: None,
                    title_en: None,
                    document_date: None,
                    issuer: None,
                    issuer_en: None,
                    article_title: None,
                    article_date: None,
                    article_author: None,
                    article_publisher: None,
                    article_file: None,
                },
                Source {
                    id: "no-document".into(),
                    province: 0,
                    document: None,
                    document_title: None,
                    document_en: None,
                    title_en: None,
                    document_date: None,
                    issuer: None,
                    issuer_en: None,
                    article_title: None,
                    article_date: None,
                    article_author: None,
                    article_publisher: None,
                    article_file: None,
                },
            ],
            targets: vec![
                Target {
                    id: "bac-giang/grdp-growth/2025".into(),
                    province: 0,
                    indicator: 0,
                    year: 2025,
                    qualifier: Qualifier::Range,
                    value: Some(-2.5),
                    value_max: Some(12.34567),
                    unit: Unit::PercentPerYear,
                    status: Status::Adopted,
                    source: 0,
                    quote: "-2,5% đến 12%".into(),
                    quote_en: None,
                    note_vi: None,
                    note_en: None,
                    label_vi: None,
                    label_en: None,
                },
                Target {
                    id: "bac-giang/grdp-growth/2030".into(),
                    province: 0,
                    indicator: 0,
                    year: 2030,
                    qualifier: Qualifier::Qualitative,
                    value: None,
                    value_max: None,
                    unit: Unit::PercentPerYear,
                    status: Status::Draft,
                    source: 1,
                    quote: "tăng trưởng\nbền vững".into(),
                    quote_en: None,
                    note_vi: None,
                    note_en: None,
                    label_vi: None,
                    label_en: None,
                },
            ],
            national: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The cells of each line of `csv` after the header, split naively (the test rows hold no quoted comma
    /// outside the columns checked).
    fn lines(csv: &str) -> Vec<&str> {
        csv.strip_prefix(BOM).expect("the sheet starts with a BOM").split("\r\n").collect()
    }

    #[test]
    fn targets_come_first_with_the_reader_columns_then_every_record() {
        let vi = write_csv(&tiny_dataset(), Lang::Vi);
        let rows = lines(&vi);
        assert_eq!(rows[0], HEADER.join(","));
        assert!(rows[1].starts_with(
            "bac-giang,Bắc Giang,Kinh tế số,grdp-growth,\"Tăng trưởng, năm\",2025,range,-2.5,12.3457,percent_per_year,adopted,\"Nghị quyết số 111-NQ/TU, \"\"chuyển đổi số\"\"\",\"'-2,5% đến 12%\",target,bac-giang/grdp-growth/2025,nq-111,"
        ), "{}", rows[1]);
        assert!(rows[2].starts_with(
            "bac-giang,Bắc Giang,Kinh tế số,grdp-growth,\"Tăng trưởng, năm\",2030,qualitative,,,percent_per_year,draft,,\"tăng trưởng\nbền vững\",target,"
        ), "{}", rows[2]);
        // Then one row per record, its kind and id side by side.
        let records = [
            ",pillar,kinh-te-so,",
            ",province,bac-giang,",
            ",indicator,grdp-growth,",
            ",source,nq-111,",
            ",source,no-document,",
        ];
        assert_eq!(rows.len(), 3 + records.len() + 1);
        for (row, record) in rows[3..].iter().zip(records) {
            assert!(row.contains(record), "{record} in {row}");
        }
        assert_eq!(rows.last(), Some(&""), "the last row ends with CRLF");
        assert!(rows.iter().all(|r| r.is_empty() || r.split(',').count() >= HEADER.len()));
    }

    #[test]
    fn english_names_keep_their_diacritics() {
        let en = write_csv(&tiny_dataset(), Lang::En);
        assert!(lines(&en)[1]
            .starts_with("bac-giang,Bắc Giang,Digital economy,grdp-growth,\"Growth, yearly\",2025,"));
    }

    #[test]
    fn undefusing_gives_back_the_text_that_was_defused() {
        for text in ["=1+1", "-5%", "--11-13", "'quoted", "''", "plain", "a'b", "\tx", "@x"] {
            let mut cell = String::new();
            push_text(&mut cell, text);
            assert_eq!(undefuse(&cell), text, "{cell}");
        }
        assert_eq!(text_cell("'x"), "''x");
    }

    /// The builder and `import` share `data::sheet::read`: the sheet read back is the bundled file, in each
    /// language's sheet (which differ only in the names repeated for reading).
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn the_sheet_read_back_is_the_bundled_file() {
        use crate::data::read::{dataset_from_json, BUNDLED};
        use crate::data::sheet::read::read_sheet;
        let dataset = dataset_from_json(BUNDLED).expect("the bundled dataset is valid");
        for lang in [Lang::Vi, Lang::En] {
            let value = read_sheet(&write_csv(&dataset, lang), lang).expect("the sheet reads back");
            let json = serde_json::to_string_pretty(&value).expect("JSON") + "\n";
            assert!(json == BUNDLED, "{lang:?}: the sheet read back differs from data/targets.json");
        }
    }

    #[test]
    fn dates_are_written_as_the_file_writes_them() {
        assert_eq!(iso_date(PartialDate { year: Some(2021), month: 6, day: 11 }), "2021-06-11");
        assert_eq!(iso_date(PartialDate { year: None, month: 11, day: 13 }), "--11-13");
    }
}
