//! Problems found in a dataset, each naming its record and field, worded for a data editor in either language.

use crate::i18n::Lang;
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
    /// The file is not JSON, or a field has the wrong type.
    Syntax {
        detail: String,
    },
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
        year: i64,
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
        version: u32,
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
                Lang::Vi => "Tệp dữ liệu: ",
                Lang::En => "Dataset file: ",
            });
            return;
        }
        out.push_str(&loc.collection);
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
            Syntax { detail } if vi => write!(out, "không đọc được: {detail}"),
            Syntax { detail } => write!(out, "cannot be read: {detail}"),
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
                write!(out, "khoảng ngược: value_max {max} nhỏ hơn value {min}")
            }
            RangeInverted { min, max } => {
                write!(out, "range is inverted: value_max {max} is below value {min}")
            }
            OutOfBounds { value, unit, min, max } if vi => {
                write!(out, "{value} nằm ngoài giới hạn của đơn vị {unit} ({min} đến {max})")
            }
            OutOfBounds { value, unit, min, max } => {
                write!(out, "{value} is outside what the unit {unit} allows ({min} to {max})")
            }
            NotWhole { value } if vi => write!(out, "{value} phải là số nguyên"),
            NotWhole { value } => write!(out, "{value} must be a whole number"),
            YearOutOfRange { year } if vi => write!(out, "năm {year} nằm ngoài khoảng 2000–2100"),
            YearOutOfRange { year } => write!(out, "year {year} is outside 2000–2100"),
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
                write!(out, "schema_version {version} chưa được hỗ trợ (phiên bản hỗ trợ: 1)")
            }
            UnsupportedVersion { version } => {
                write!(out, "schema_version {version} is not supported (supported: 1)")
            }
        };
    }
}

/// A parse failure at `path` (as serde_path_to_error writes it: `targets[3].value`) as a problem whose
/// location names the record and field, like every other problem.
pub fn syntax_problem(path: &str, detail: String) -> Problem {
    let mut location = Location::file();
    let mut rest = path;
    if let Some(bracket) = rest.find('[') {
        location.collection = rest[..bracket].to_string();
        rest = &rest[bracket + 1..];
        if let Some(close) = rest.find(']') {
            location.index = rest[..close].parse().ok();
            rest = rest[close + 1..].trim_start_matches('.');
            if !rest.is_empty() {
                location.field = Some(rest.to_string());
            }
        }
    } else if !rest.is_empty() && rest != "." {
        location.collection = rest.to_string();
    }
    Problem::new(location, ProblemKind::Syntax { detail })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_paths_become_record_and_field() {
        let p = syntax_problem("targets[3].value", "invalid type".into());
        assert_eq!(p.location.collection, "targets");
        assert_eq!(p.location.index, Some(3));
        assert_eq!(p.location.field.as_deref(), Some("value"));
        assert_eq!(p.message(Lang::En), "targets[3], field \"value\": cannot be read: invalid type");
        assert_eq!(syntax_problem(".", "eof".into()).message(Lang::En), "Dataset file: cannot be read: eof");
    }
}
