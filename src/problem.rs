//! Problems found in a dataset, each naming its record and field, worded for a data editor in either language.

use crate::format::plain;
use crate::i18n::Lang;
use crate::json::{Expected, SyntaxError};
use std::fmt::Write;

/// Where a problem is: `targets[12]` ("bac-giang/x/2025"), field `value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The list in the file: `targets`, `provinces`, … Empty for the file as a whole.
    pub collection: String,
    pub index: Option<usize>,
    /// The record's `id`, when it has a readable one.
    pub id: Option<String>,
    pub field: Option<String>,
}

impl Location {
    pub fn file() -> Location {
        Location { collection: String::new(), index: None, id: None, field: None }
    }

    pub fn field(collection: &str, index: usize, id: Option<&str>, field: &str) -> Location {
        Location {
            collection: collection.to_string(),
            index: Some(index),
            id: id.map(str::to_string),
            field: Some(field.to_string()),
        }
    }
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
        known: Vec<String>,
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

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub location: Location,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(location: Location, kind: ProblemKind) -> Problem {
        Problem { location, kind }
    }

    /// One line for a data editor: where, then what.
    pub fn message(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.write_location(&mut out, lang);
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
            out.push_str(&loc.collection);
        }
        if let Some(index) = loc.index {
            let _ = write!(out, "[{index}]");
        }
        if let Some(id) = &loc.id {
            let _ = write!(out, " \"{id}\"");
        }
        if let Some(field) = &loc.field {
            let _ = match lang {
                Lang::Vi => write!(out, ", trường \"{field}\""),
                Lang::En => write!(out, ", field \"{field}\""),
            };
        }
        out.push_str(": ");
    }

    fn write_kind(&self, out: &mut String, lang: Lang) {
        use ProblemKind::*;
        let vi = lang == Lang::Vi;
        let _ = match &self.kind {
            Syntax(e) if vi => {
                write!(out, "không đọc được vì không phải JSON hợp lệ: {}", describe_syntax(e, lang))
            }
            Syntax(e) => write!(out, "cannot be read, not valid JSON: {}", describe_syntax(e, lang)),
            WrongType { expected, found } if vi => {
                write!(out, "kiểu sai: cần {}, nhưng là {}", vi_kind(expected), vi_kind(found))
            }
            WrongType { expected, found } => write!(out, "wrong type: expected {expected}, found {found}"),
            UnknownField { valid } if vi => {
                write!(out, "trường không tồn tại (gõ nhầm?). Các trường hợp lệ: {}.", valid.join(", "))
            }
            UnknownField { valid } => {
                write!(out, "is not a field of this record (a typo?). Valid fields: {}.", valid.join(", "))
            }
            DuplicateField if vi => write!(out, "trường xuất hiện hai lần"),
            DuplicateField => write!(out, "appears twice in this record"),
            Missing if vi => write!(out, "thiếu giá trị (bắt buộc)"),
            Missing => write!(out, "is missing (required)"),
            EmptyList if vi => write!(out, "không có bản ghi nào; cần ít nhất một"),
            EmptyList => write!(out, "has no records; at least one is needed"),
            NotOneOf { value, choices } if vi => {
                write!(out, "\"{value}\" không hợp lệ. Chọn một trong: {}.", choices.join(", "))
            }
            NotOneOf { value, choices } => {
                write!(out, "\"{value}\" is not valid. Choose from: {}.", choices.join(", "))
            }
            UnknownReference { value, collection, known } if vi => write!(
                out,
                "\"{value}\" không có trong danh sách {collection}. Các id hợp lệ: {}.",
                known.join(", ")
            ),
            UnknownReference { value, collection, known } => {
                write!(out, "\"{value}\" is not in {collection}. Valid ids: {}.", known.join(", "))
            }
            DuplicateId { value, first_index } if vi => {
                write!(out, "id \"{value}\" trùng với bản ghi [{first_index}]")
            }
            DuplicateId { value, first_index } => {
                write!(out, "id \"{value}\" is already used by record [{first_index}]")
            }
            DuplicateTarget { first_index, first_id } if vi => write!(
                out,
                "trùng mục tiêu targets[{first_index}] \"{first_id}\" (cùng tỉnh, chỉ tiêu, năm và nguồn)"
            ),
            DuplicateTarget { first_index, first_id } => write!(
                out,
                "duplicates targets[{first_index}] \"{first_id}\" (same province, indicator, year and source)"
            ),
            // Target ids may also hold slashes (validate's rule): saying otherwise would send the editor
            // after the wrong character.
            BadId { value } if vi && self.location.collection == "targets" => write!(
                out,
                "id \"{value}\" chỉ được gồm chữ thường không dấu, chữ số, dấu gạch ngang và dấu gạch chéo"
            ),
            BadId { value } if vi => {
                write!(out, "id \"{value}\" chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang")
            }
            BadId { value } if self.location.collection == "targets" => write!(
                out,
                "id \"{value}\" may only hold lowercase ASCII letters, digits, hyphens and slashes"
            ),
            BadId { value } => {
                write!(out, "id \"{value}\" may only hold lowercase ASCII letters, digits and hyphens")
            }
            RangeInverted { min, max } if vi => {
                write!(out, "khoảng ngược: value_max {} nhỏ hơn value {}", plain(*max, 4), plain(*min, 4))
            }
            RangeInverted { min, max } => {
                write!(
                    out,
                    "range is inverted: value_max {} is below value {}",
                    plain(*max, 4),
                    plain(*min, 4)
                )
            }
            OutOfBounds { value, unit, min, max } if vi => write!(
                out,
                "{} nằm ngoài giới hạn của đơn vị {unit} ({} đến {})",
                plain(*value, 4),
                plain(*min, 4),
                plain(*max, 4)
            ),
            OutOfBounds { value, unit, min, max } => write!(
                out,
                "{} is outside what the unit {unit} allows ({} to {})",
                plain(*value, 4),
                plain(*min, 4),
                plain(*max, 4)
            ),
            NotWhole { value } if vi => write!(out, "{} phải là số nguyên", plain(*value, 4)),
            NotWhole { value } => write!(out, "{} must be a whole number", plain(*value, 4)),
            YearOutOfRange { year } if vi => {
                write!(out, "năm {} không hợp lệ: cần một năm từ 2000 đến 2100", plain(*year, 4))
            }
            YearOutOfRange { year } => {
                write!(out, "year {} is not valid: expected a whole year from 2000 to 2100", plain(*year, 4))
            }
            Unexpected { why_vi, .. } if vi => write!(out, "{why_vi}"),
            Unexpected { why_en, .. } => write!(out, "{why_en}"),
            UnitMismatch { unit, indicator_unit } if vi => {
                write!(out, "đơn vị \"{unit}\" khác đơn vị \"{indicator_unit}\" của chỉ tiêu")
            }
            UnitMismatch { unit, indicator_unit } => {
                write!(out, "unit \"{unit}\" differs from the indicator's unit \"{indicator_unit}\"")
            }
            BadDate { value } if vi => write!(
                out,
                "ngày \"{value}\" không hợp lệ: dùng YYYY-MM-DD, hoặc --MM-DD khi bài báo không nêu năm"
            ),
            BadDate { value } => write!(
                out,
                "date \"{value}\" is not valid: use YYYY-MM-DD, or --MM-DD when the article gives no year"
            ),
            SourceProvinceMismatch { source_province } if vi => {
                write!(out, "nguồn này thuộc tỉnh \"{source_province}\", khác tỉnh của mục tiêu")
            }
            SourceProvinceMismatch { source_province } => {
                write!(out, "this source belongs to province \"{source_province}\", not the target's")
            }
            UnsupportedVersion { version } if vi => {
                write!(out, "phiên bản {} chưa được hỗ trợ (phiên bản hỗ trợ: 1)", plain(*version, 4))
            }
            UnsupportedVersion { version } => {
                write!(out, "version {} is not supported (supported: 1)", plain(*version, 4))
            }
        };
    }
}

/// The file (or the text handed to the module) is not JSON.
pub fn syntax_problem(error: SyntaxError) -> Problem {
    Problem::new(Location::file(), ProblemKind::Syntax(error))
}

/// Where the JSON went wrong and what was expected there: "dòng 2, cột 7: cần dấu hai chấm sau tên trường".
pub fn describe_syntax(error: &SyntaxError, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("dòng {}, cột {}: cần {}", error.line, error.column, expected_vi(error.expected)),
        Lang::En => {
            format!("line {}, column {}: expected {}", error.line, error.column, expected_en(error.expected))
        }
    }
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
        Expected::ShallowerNesting => "không quá 64 tầng lồng nhau",
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
        Expected::ShallowerNesting => "at most 64 levels of nesting",
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
        let syntax = syntax_problem(SyntaxError { line: 2, column: 7, expected: Expected::Colon });
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
