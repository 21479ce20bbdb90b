//! The dataset as CSV (RFC 4180, UTF-8, CRLF line ends): one row per target, for spreadsheets and scripts.
//!
//! Pure: it returns a `String`, and the caller (the command line, or the page's download button) decides
//! where it goes. Text cells that a spreadsheet would run as a formula are defused with a leading `'`;
//! number cells are written as they are, since a target may legitimately be negative.

use crate::data::model::Dataset;
use crate::locale::i18n::Lang;
use crate::locale::number::plain;

/// The header row, in the order every row follows (each row is an array of the same length).
const HEADER: [&str; 13] = [
    "province_id",
    "province",
    "pillar",
    "indicator_id",
    "indicator",
    "year",
    "qualifier",
    "value",
    "value_max",
    "unit",
    "status",
    "document",
    "quote",
];

/// How many decimals a value keeps: more than any target states, so nothing the article says is rounded.
const VALUE_DECIMALS: u32 = 4;

/// Writes every target of `dataset`, in dataset order, with names in `lang`.
pub fn write_csv(dataset: &Dataset, lang: Lang) -> String {
    let mut out = String::new();
    push_row(&mut out, &HEADER.map(Cell::Text));
    for target in &dataset.targets {
        let province = &dataset.provinces[target.province];
        let indicator = &dataset.indicators[target.indicator];
        let pillar = &dataset.pillars[indicator.pillar];
        let source = &dataset.sources[target.source];
        let number = |value: Option<f64>| value.map(|v| plain(v, VALUE_DECIMALS)).unwrap_or_default();

        let cells: [Cell; HEADER.len()] = [
            Cell::Text(&province.id),
            Cell::Text(lang.pick(&province.name_vi, &province.name_ascii)),
            Cell::Text(lang.pick(&pillar.name_vi, &pillar.name_en)),
            Cell::Text(&indicator.id),
            Cell::Text(lang.pick(&indicator.label_vi, &indicator.label_en)),
            Cell::Number(target.year.to_string()),
            Cell::Text(target.qualifier.as_str()),
            Cell::Number(number(target.value)),
            Cell::Number(number(target.value_max)),
            Cell::Text(target.unit.as_str()),
            Cell::Text(target.status.as_str()),
            Cell::Text(source.document.as_deref().unwrap_or("")),
            Cell::Text(&target.quote),
        ];
        push_row(&mut out, &cells);
    }
    out
}

/// Appends one row: its cells separated by commas, then CRLF.
fn push_row(out: &mut String, cells: &[Cell]) {
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
enum Cell<'a> {
    Text(&'a str),
    Number(String),
}

/// Appends a text cell: defused if a spreadsheet would read it as a formula, quoted if it holds a comma,
/// a quote or a line break.
fn push_text(out: &mut String, text: &str) {
    // OWASP's advice for CSV injection: a leading apostrophe makes the spreadsheet show the text as text.
    let defuse = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
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
                    document_date: None,
                    issuer: None,
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
                    document_date: None,
                    issuer: None,
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
                    note_vi: None,
                    note_en: None,
                    label_vi: None,
                    label_en: None,
                },
            ],
        }
    }

    #[test]
    fn rows_follow_the_header_in_either_language() {
        let header = "province_id,province,pillar,indicator_id,indicator,year,qualifier,value,value_max,unit,status,document,quote\r\n";
        assert_eq!(
            write_csv(&tiny_dataset(), Lang::Vi),
            format!(
                "{header}\
                 bac-giang,Bắc Giang,Kinh tế số,grdp-growth,\"Tăng trưởng, năm\",2025,range,-2.5,12.3457,percent_per_year,adopted,\"Nghị quyết số 111-NQ/TU, \"\"chuyển đổi số\"\"\",\"'-2,5% đến 12%\"\r\n\
                 bac-giang,Bắc Giang,Kinh tế số,grdp-growth,\"Tăng trưởng, năm\",2030,qualitative,,,percent_per_year,draft,,\"tăng trưởng\nbền vững\"\r\n"
            )
        );
        let english = write_csv(&tiny_dataset(), Lang::En);
        let rows: Vec<&str> = english.split("\r\n").collect();
        assert_eq!(rows.len(), 4, "header, two rows, and the empty rest after the last CRLF");
        assert!(rows[1].starts_with(
            "bac-giang,Bac Giang,Digital economy,grdp-growth,\"Growth, yearly\",2025,range,-2.5,"
        ));
        assert_eq!(rows[3], "");
    }

    #[test]
    fn header_is_the_documented_one() {
        assert_eq!(
            HEADER.join(","),
            "province_id,province,pillar,indicator_id,indicator,year,qualifier,value,value_max,unit,status,document,quote"
        );
    }
}
