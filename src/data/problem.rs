//! Problems found in a dataset, each naming its record and field, worded for a data editor in either language,
//! and each an error (the dataset is refused) or a warning (the chart draws, and says what it changed).

use crate::locale::i18n::Lang;
use crate::locale::number::write_number;
use std::fmt::Write;

/// Where a problem is: `targets[12]` ("bac-giang/x/2025"), field `value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The list in the file: `targets`, `provinces`, … Empty for the file as a whole.
    pub collection: &'static str,
    pub index: Option<usize>,
    /// The record's `id`, when it has a readable one.
    pub id: Option<String>,
    pub field: Option<String>,
}

impl Location {
    pub fn file() -> Location {
        Location { collection: "", index: None, id: None, field: None }
    }

    pub fn field(collection: &'static str, index: usize, id: Option<&str>, field: &str) -> Location {
        Location {
            collection,
            index: Some(index),
            id: id.map(str::to_string),
            field: Some(field.to_string()),
        }
    }
}

/// How much a problem matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The chart would be untrue or could not be drawn: the dataset is refused.
    Error,
    /// Cosmetic: the chart draws, with the flaw mended (a label cut with "…"), and the console or `check`
    /// names the record and field.
    Warning,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file is not JSON: where the reading stopped and what it expected there.
    Syntax(SyntaxError),
    /// A field or record of the wrong JSON type: text where a number belongs, …
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    /// A field this format does not have (often a typo).
    UnknownField {
        valid: &'static [&'static str],
    },
    /// A field written twice in one record.
    DuplicateField,
    /// A required field is absent, null or empty.
    Missing,
    /// A list the chart cannot do without (provinces, indicators, …) has no records.
    EmptyList,
    /// A spelled value that is not one of the valid choices.
    NotOneOf {
        value: String,
        choices: &'static [&'static str],
    },
    /// An id used by this record is not defined in the list `collection`.
    UnknownReference {
        value: String,
        collection: &'static str,
        /// The valid ids, in file order, separated by ", ".
        known: String,
    },
    /// Two records of one list share an id.
    DuplicateId {
        value: String,
        first_index: usize,
    },
    /// Two targets state the same province, indicator, year and source.
    DuplicateTarget {
        first_index: usize,
        first_id: String,
    },
    /// Two national targets for the same indicator and year: the chart draws one line per indicator and year.
    DuplicateNational {
        first_index: usize,
        first_id: String,
    },
    /// An id with characters outside `a-z 0-9 -` (and `/` for targets).
    BadId {
        value: String,
    },
    /// A range whose upper bound is below its lower bound.
    RangeInverted {
        min: f64,
        max: f64,
    },
    /// A number outside what its unit allows.
    OutOfBounds {
        value: f64,
        unit: &'static str,
        min: f64,
        max: f64,
    },
    /// A text longer than its field allows (an indicator's short label), in characters: a warning, the text
    /// is shown cut to `max` characters with "…".
    TooLong {
        length: usize,
        max: usize,
    },
    /// A count or rank that is not a whole number.
    NotWhole {
        value: f64,
    },
    YearOutOfRange {
        year: f64,
    },
    /// `value` for a qualitative target, or `value_max` for anything but a range.
    Unexpected {
        why_en: &'static str,
        why_vi: &'static str,
    },
    /// A target's unit that differs from its indicator's.
    UnitMismatch {
        unit: &'static str,
        indicator_unit: &'static str,
    },
    BadDate {
        value: String,
    },
    /// The source names another province than the target.
    SourceProvinceMismatch {
        source_province: String,
    },
    /// A version of the format this program does not read.
    UnsupportedVersion {
        version: f64,
    },
}

/// What the reader expected where the text went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A value: an object, list, text, number, `true`, `false` or `null`.
    Value,
    /// A field name in double quotes.
    Key,
    /// The `:` after a field name.
    Colon,
    /// `,` or `}` after a field.
    CommaOrBrace,
    /// `,` or `]` after a list item.
    CommaOrBracket,
    /// Nothing more after the top-level value.
    End,
    /// The closing `"` of a text (the file ended, or a line break or control character came first).
    Quote,
    /// One of the escapes JSON allows after `\`.
    Escape,
    /// A digit, in a number.
    Digit,
    /// Fewer levels of nesting.
    ShallowerNesting,
    /// A number small enough for a 64-bit float.
    SmallerNumber,
}

/// Where and why the text is not JSON. `position` is `None` when the parser did not say where (Safari's
/// messages carry no position), and `expected` when it did not say what (a browser's wording is not a
/// stable interface).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxError {
    pub position: Option<Position>,
    pub expected: Option<Expected>,
}

/// A place in a text: `line` and `column` count from 1, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl SyntaxError {
    /// A syntax error at `line` and `column`.
    pub fn at(line: usize, column: usize, expected: Option<Expected>) -> SyntaxError {
        SyntaxError { position: Some(Position { line, column }), expected }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub location: Location,
    pub kind: ProblemKind,
}

impl ProblemKind {
    /// Whether the dataset can still be drawn truthfully. Only a text over its length is cosmetic. An unknown
    /// field stays an error: a misspelt optional field is a dropped note or label, and a note is where a
    /// target's caveat ("duy trì", a different base) is said.
    pub fn severity(&self) -> Severity {
        use ProblemKind::*;
        match self {
            TooLong { .. } => Severity::Warning,
            Syntax(_)
            | WrongType { .. }
            | UnknownField { .. }
            | DuplicateField
            | Missing
            | EmptyList
            | NotOneOf { .. }
            | UnknownReference { .. }
            | DuplicateId { .. }
            | DuplicateTarget { .. }
            | DuplicateNational { .. }
            | BadId { .. }
            | RangeInverted { .. }
            | OutOfBounds { .. }
            | NotWhole { .. }
            | YearOutOfRange { .. }
            | Unexpected { .. }
            | UnitMismatch { .. }
            | BadDate { .. }
            | SourceProvinceMismatch { .. }
            | UnsupportedVersion { .. } => Severity::Error,
        }
    }
}

impl Problem {
    pub fn new(location: Location, kind: ProblemKind) -> Problem {
        Problem { location, kind }
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// One line for a data editor: where, then what.
    pub fn message(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.write_location(&mut out, lang);
        self.write_kind(&mut out, lang);
        out
    }

    /// What is wrong, without where: for callers that say where in their own terms (a sheet's row and
    /// column).
    pub fn describe(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.write_kind(&mut out, lang);
        out
    }

    fn write_location(&self, out: &mut String, lang: Lang) {
        let loc = &self.location;
        if loc.collection.is_empty() {
            out.push_str(match lang {
                Lang::Vi => "Tệp dữ liệu",
                Lang::En => "Dataset file",
            });
        } else {
            out.push_str(loc.collection);
        }
        if let Some(index) = loc.index {
            out.push('[');
            push_integer(out, index);
            out.push(']');
        }
        if let Some(id) = &loc.id {
            out.push_str(" \"");
            out.push_str(id);
            out.push('"');
        }
        if let Some(field) = &loc.field {
            out.push_str(match lang {
                Lang::Vi => ", trường \"",
                Lang::En => ", field \"",
            });
            out.push_str(field);
            out.push('"');
        }
        out.push_str(": ");
    }

    fn write_kind(&self, out: &mut String, lang: Lang) {
        use Arg::{Count, Index, List, Number, Text};
        use ProblemKind::*;
        let vi = lang == Lang::Vi;
        let kind = |kind: &'static str| Text(if vi { vi_kind(kind) } else { kind });
        match &self.kind {
            Syntax(e) => fill(
                out,
                vi,
                "không đọc được vì không phải JSON hợp lệ: {}",
                "cannot be read, not valid JSON: {}",
                &[Text(&describe_syntax(e, lang))],
            ),
            WrongType { expected, found } => fill(
                out,
                vi,
                "kiểu sai: cần {}, nhưng là {}",
                "wrong type: expected {}, found {}",
                &[kind(expected), kind(found)],
            ),
            UnknownField { valid } => fill(
                out,
                vi,
                "trường không tồn tại (gõ nhầm?). Các trường hợp lệ: {}.",
                "is not a field of this record (a typo?). Valid fields: {}.",
                &[List(valid)],
            ),
            DuplicateField => fill(out, vi, "trường xuất hiện hai lần", "appears twice in this record", &[]),
            Missing => fill(out, vi, "thiếu giá trị (bắt buộc)", "is missing (required)", &[]),
            EmptyList => fill(
                out,
                vi,
                "không có bản ghi nào; cần ít nhất một",
                "has no records; at least one is needed",
                &[],
            ),
            NotOneOf { value, choices } => fill(
                out,
                vi,
                "\"{}\" không hợp lệ. Chọn một trong: {}.",
                "\"{}\" is not valid. Choose from: {}.",
                &[Text(value), List(choices)],
            ),
            UnknownReference { value, collection, known } => fill(
                out,
                vi,
                "\"{}\" không có trong danh sách {}. Các id hợp lệ: {}.",
                "\"{}\" is not in {}. Valid ids: {}.",
                &[Text(value), Text(collection), Text(known)],
            ),
            DuplicateId { value, first_index } => fill(
                out,
                vi,
                "id \"{}\" trùng với bản ghi [{}]",
                "id \"{}\" is already used by record [{}]",
                &[Text(value), Index(*first_index)],
            ),
            DuplicateTarget { first_index, first_id } => fill(
                out,
                vi,
                "trùng mục tiêu targets[{}] \"{}\" (cùng tỉnh, chỉ tiêu, năm và nguồn)",
                "duplicates targets[{}] \"{}\" (same province, indicator, year and source)",
                &[Index(*first_index), Text(first_id)],
            ),
            DuplicateNational { first_index, first_id } => fill(
                out,
                vi,
                "trùng mục tiêu quốc gia national[{}] \"{}\" (cùng chỉ tiêu và năm; biểu đồ chỉ vẽ một đường)",
                "duplicates national[{}] \"{}\" (same indicator and year; the chart draws one line)",
                &[Index(*first_index), Text(first_id)],
            ),
            // Target and national ids may also hold slashes (validate's rule): saying otherwise would send the editor
            // after the wrong character.
            BadId { value } if matches!(self.location.collection, "targets" | "national") => fill(
                out,
                vi,
                "id \"{}\" chỉ được gồm chữ thường không dấu, chữ số, dấu gạch ngang và dấu gạch chéo",
                "id \"{}\" may only hold lowercase ASCII letters, digits, hyphens and slashes",
                &[Text(value)],
            ),
            BadId { value } => fill(
                out,
                vi,
                "id \"{}\" chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang",
                "id \"{}\" may only hold lowercase ASCII letters, digits and hyphens",
                &[Text(value)],
            ),
            RangeInverted { min, max } => fill(
                out,
                vi,
                "khoảng ngược: value_max {} nhỏ hơn value {}",
                "range is inverted: value_max {} is below value {}",
                &[Number(*max), Number(*min)],
            ),
            OutOfBounds { value, unit, min, max } => fill(
                out,
                vi,
                "{} nằm ngoài giới hạn của đơn vị {} ({} đến {})",
                "{} is outside what the unit {} allows ({} to {})",
                &[Number(*value), Text(unit), Number(*min), Number(*max)],
            ),
            TooLong { length, max } => fill(
                out,
                vi,
                "dài {} ký tự, vượt giới hạn {} ký tự để vừa ô chọn trên điện thoại: nhãn được cắt còn tối đa {} ký tự, kết thúc bằng \"…\"",
                "{} characters long, over the limit of {} that fits a phone's select: shown cut to at most {} characters, ending in \"…\"",
                &[Count(*length), Count(*max), Count(*max)],
            ),
            NotWhole { value } => {
                fill(out, vi, "{} phải là số nguyên", "{} must be a whole number", &[Number(*value)])
            }
            YearOutOfRange { year } => fill(
                out,
                vi,
                "năm {} không hợp lệ: cần một năm từ 2000 đến 2100",
                "year {} is not valid: expected a whole year from 2000 to 2100",
                &[Number(*year)],
            ),
            Unexpected { why_en, why_vi } => fill(out, vi, why_vi, why_en, &[]),
            UnitMismatch { unit, indicator_unit } => fill(
                out,
                vi,
                "đơn vị \"{}\" khác đơn vị \"{}\" của chỉ tiêu",
                "unit \"{}\" differs from the indicator's unit \"{}\"",
                &[Text(unit), Text(indicator_unit)],
            ),
            BadDate { value } => fill(
                out,
                vi,
                "ngày \"{}\" không hợp lệ: dùng YYYY-MM-DD, hoặc --MM-DD khi bài báo không nêu năm",
                "date \"{}\" is not valid: use YYYY-MM-DD, or --MM-DD when the article gives no year",
                &[Text(value)],
            ),
            SourceProvinceMismatch { source_province } => fill(
                out,
                vi,
                "nguồn này thuộc tỉnh \"{}\", khác tỉnh của mục tiêu",
                "this source belongs to province \"{}\", not the target's",
                &[Text(source_province)],
            ),
            UnsupportedVersion { version } => fill(
                out,
                vi,
                "phiên bản {} chưa được hỗ trợ (phiên bản hỗ trợ: 1)",
                "version {} is not supported (supported: 1)",
                &[Number(*version)],
            ),
        }
    }
}

/// Writes the Vietnamese or the English wording, each `{}` replaced by the next of `args`.
#[inline(never)]
fn fill(out: &mut String, vi: bool, text_vi: &str, text_en: &str, args: &[Arg]) {
    let mut rest = if vi { text_vi } else { text_en };
    for arg in args {
        let Some((before, after)) = rest.split_once("{}") else { break };
        out.push_str(before);
        arg.write(out);
        rest = after;
    }
    out.push_str(rest);
}

/// What fills a `{}` of a message.
enum Arg<'a> {
    Text(&'a str),
    /// A number written plainly, with up to four decimals.
    Number(f64),
    /// A record's position in its list.
    Index(usize),
    /// How many of something, as a plain integer.
    Count(usize),
    /// Choices, separated by commas.
    List(&'a [&'a str]),
}

impl Arg<'_> {
    fn write(&self, out: &mut String) {
        match *self {
            Arg::Text(text) => out.push_str(text),
            Arg::Number(value) => write_number(out, value, 4, '.', None),
            Arg::Index(number) | Arg::Count(number) => push_integer(out, number),
            Arg::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(item);
                }
            }
        }
    }
}

fn push_integer(out: &mut String, n: usize) {
    let _ = write!(out, "{n}");
}

/// The file (or the text handed to the module) is not JSON.
pub fn syntax_problem(error: SyntaxError) -> Problem {
    Problem::new(Location::file(), ProblemKind::Syntax(error))
}

/// Where the JSON went wrong and what was expected there: "dòng 2, cột 7: cần dấu hai chấm sau tên trường",
/// or "không rõ vị trí" ("position unknown") when the parser did not say where: a made-up "line 1, column 1"
/// would send the editor to the wrong place.
pub fn describe_syntax(error: &SyntaxError, lang: Lang) -> String {
    let mut out = match (lang, error.position) {
        (Lang::Vi, Some(Position { line, column })) => format!("dòng {line}, cột {column}"),
        (Lang::En, Some(Position { line, column })) => format!("line {line}, column {column}"),
        (Lang::Vi, None) => "không rõ vị trí".to_string(),
        (Lang::En, None) => "position unknown".to_string(),
    };
    match (lang, error.expected) {
        (Lang::Vi, Some(expected)) => out.push_str(&format!(": cần {}", expected_vi(expected))),
        (Lang::En, Some(expected)) => out.push_str(&format!(": expected {}", expected_en(expected))),
        (_, None) => {}
    }
    out
}

fn expected_vi(expected: Expected) -> &'static str {
    match expected {
        Expected::Value => {
            "một giá trị (đối tượng, danh sách, văn bản trong ngoặc kép, số, true, false hoặc null)"
        }
        Expected::Key => "tên trường trong ngoặc kép",
        Expected::Colon => "dấu hai chấm sau tên trường",
        Expected::CommaOrBrace => "dấu phẩy hoặc }",
        Expected::CommaOrBracket => "dấu phẩy hoặc ]",
        Expected::End => "hết tệp sau giá trị đầu tiên",
        Expected::Quote => "dấu \" đóng văn bản, trước khi hết dòng",
        Expected::Escape => "một ký tự thoát hợp lệ sau \\ (\" \\ / b f n r t uXXXX)",
        Expected::Digit => "một chữ số",
        Expected::ShallowerNesting => "ít tầng lồng nhau hơn",
        Expected::SmallerNumber => "một số nhỏ hơn (số này vượt quá giới hạn)",
    }
}

fn expected_en(expected: Expected) -> &'static str {
    match expected {
        Expected::Value => {
            "a value (an object, a list, text in double quotes, a number, true, false or null)"
        }
        Expected::Key => "a field name in double quotes",
        Expected::Colon => "a colon after the field name",
        Expected::CommaOrBrace => "a comma or }",
        Expected::CommaOrBracket => "a comma or ]",
        Expected::End => "the end of the file after the first value",
        Expected::Quote => "a closing \" before the end of the line",
        Expected::Escape => "a valid escape after \\ (\" \\ / b f n r t uXXXX)",
        Expected::Digit => "a digit",
        Expected::ShallowerNesting => "fewer levels of nesting",
        Expected::SmallerNumber => "a smaller number (this one is out of range)",
    }
}

/// The Vietnamese for the JSON kinds named in `WrongType`.
fn vi_kind(kind: &str) -> &'static str {
    match kind {
        "null" => "null",
        "true/false" => "true/false",
        "a number" => "một số",
        "text" => "văn bản",
        "a list" => "một danh sách",
        _ => "một đối tượng",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_record_id_and_field_in_both_languages() {
        let p = Problem::new(
            Location::field("targets", 3, Some("bac-giang/x/2025"), "value"),
            ProblemKind::WrongType { expected: "a number", found: "text" },
        );
        assert_eq!(
            p.message(Lang::En),
            "targets[3] \"bac-giang/x/2025\", field \"value\": wrong type: expected a number, found text"
        );
        assert_eq!(
            p.message(Lang::Vi),
            "targets[3] \"bac-giang/x/2025\", trường \"value\": kiểu sai: cần một số, nhưng là văn bản"
        );
        let syntax = syntax_problem(SyntaxError::at(2, 7, Some(Expected::Colon)));
        assert_eq!(
            syntax.message(Lang::En),
            "Dataset file: cannot be read, not valid JSON: line 2, column 7: expected a colon after the field name"
        );
        assert_eq!(
            syntax.message(Lang::Vi),
            "Tệp dữ liệu: không đọc được vì không phải JSON hợp lệ: dòng 2, cột 7: cần dấu hai chấm sau tên trường"
        );
    }
}
