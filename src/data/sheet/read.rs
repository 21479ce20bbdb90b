//! Reading the spreadsheet form that `export::csv` writes (one row per target, then the national targets
//! and the records they refer to, told apart by the `record` column) back into the dataset: natively for
//! `province-targets import`, and in the editor's browser for the builder's "your data" step (the `sheet`
//! feature's module). `export::csv` then `read_sheet` gives back the bundled file exactly.
//!
//! Every problem names its row (as a spreadsheet numbers it, the header being row 1) and column: a cell that
//! is not a number, a column no row of that kind uses, a name that differs from the record it repeats, and
//! every problem `validate` finds in the dataset the rows make. No row is dropped: a row that cannot be read
//! is a problem, and only rows with every cell empty are skipped.

use crate::data::model::Dataset;
use crate::data::problem::Problem;
use crate::data::raw::DatasetFile;
use crate::data::sheet::columns::{undefuse, RecordColumns, HEADER, NUMBER_COLUMNS, RECORDS};
use crate::data::sheet::value::JsonValue;
use crate::data::validate::validate;
use crate::locale::i18n::Lang;
use serde::Deserialize;

/// A row read into its record: where it stands in the sheet, and its cells by column name.
struct SheetRow {
    number: usize,
    cells: Vec<(String, String)>,
}

impl SheetRow {
    /// The cell under `column`, empty where the sheet has no such column.
    fn cell(&self, column: &str) -> &str {
        self.cells.iter().find(|(c, _)| c == column).map(|(_, v)| v.as_str()).unwrap_or("")
    }
}

/// The sheet's rows of one kind, in sheet order, which is the order of their list in the file.
struct Kind {
    columns: RecordColumns,
    rows: Vec<SheetRow>,
}

/// Reads the sheet's text into the dataset it makes, or every problem found, worded in `lang`.
pub fn read_sheet(text: &str, lang: Lang) -> Result<JsonValue, Vec<String>> {
    let mut problems = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel set to Vietnamese (or any locale writing decimal commas) saves CSV with semicolons between cells.
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.contains(';') && !first_line.contains(',') { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(true).delimiter(delimiter).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(header) => header.iter().map(|h| h.trim().to_string()).collect(),
        Err(error) => {
            return Err(vec![format!(
                "{}: {error}",
                lang.pick("không đọc được dòng tiêu đề", "cannot read the header row")
            )])
        }
    };
    for (i, name) in header.iter().enumerate() {
        if !HEADER.contains(&name.as_str()) {
            problems.push(match lang {
                Lang::Vi => format!(
                    "cột {} \"{name}\" không phải cột của bảng. Các cột hợp lệ: {}.",
                    i + 1,
                    HEADER.join(", ")
                ),
                Lang::En => format!(
                    "column {} \"{name}\" is not a column of the sheet. Valid columns: {}.",
                    i + 1,
                    HEADER.join(", ")
                ),
            });
        } else if header[..i].contains(name) {
            problems.push(match lang {
                Lang::Vi => format!("cột \"{name}\" xuất hiện hai lần trong dòng tiêu đề"),
                Lang::En => format!("column \"{name}\" appears twice in the header row"),
            });
        }
    }
    if !header.iter().any(|h| h == "record") {
        problems.push(
            lang.pick(
                "bảng không có cột \"record\", cột cho biết mỗi dòng là gì",
                "the sheet has no column \"record\", which says what each row is",
            )
            .to_string(),
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut kinds: Vec<Kind> =
        RECORDS.iter().map(|columns| Kind { columns: *columns, rows: Vec::new() }).collect();
    for (i, record) in reader.records().enumerate() {
        // The header is row 1, as a spreadsheet numbers rows.
        let number = i + 2;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(unreadable_row(number, &error, header.len(), lang));
                continue;
            }
        };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let row = SheetRow {
            number,
            cells: header.iter().cloned().zip(record.iter().map(str::to_string)).collect(),
        };
        let kind_name = row.cell("record").trim();
        let Some(kind) = kinds.iter_mut().find(|k| k.columns.record == kind_name) else {
            let choices: Vec<&str> = RECORDS.iter().map(|r| r.record).collect();
            problems.push(located(
                number,
                "record",
                lang,
                &match lang {
                    Lang::Vi => {
                        format!("\"{kind_name}\" không hợp lệ. Chọn một trong: {}.", choices.join(", "))
                    }
                    Lang::En => format!("\"{kind_name}\" is not valid. Choose from: {}.", choices.join(", ")),
                },
            ));
            continue;
        };
        for (column, value) in &row.cells {
            let used = column == "record"
                || kind.columns.fields.iter().any(|(c, _)| c == column)
                || kind.columns.derived.contains(&column.as_str());
            if !used && !value.trim().is_empty() {
                problems.push(located(
                    number,
                    column,
                    lang,
                    &match lang {
                        Lang::Vi => format!("dòng loại {kind_name} không dùng cột này: để trống"),
                        Lang::En => format!("a {kind_name} row does not use this column: leave it empty"),
                    },
                ));
            }
        }
        kind.rows.push(row);
    }

    problems.extend(missing_columns(&header, &kinds, lang));

    let mut file = vec![("schema_version", JsonValue::Number(1.0))];
    for kind in &kinds {
        let mut records = Vec::new();
        for row in &kind.rows {
            let mut fields = Vec::new();
            for &(column, field) in kind.columns.fields {
                let value = cell_value(row, column, lang, &mut problems);
                if !(matches!(value, JsonValue::Null) && kind.columns.omitted_when_empty.contains(&field)) {
                    fields.push((field, value));
                }
            }
            records.push(JsonValue::Object(fields));
        }
        file.push((kind.columns.collection, JsonValue::List(records)));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let value = JsonValue::Object(file);

    // Reading the raw types never fails on the data (`field`); an error here would be a bug in `JsonValue`.
    let raw = DatasetFile::deserialize(&value).map_err(|error| vec![error.to_string()])?;
    match validate(&raw) {
        Err(found) => Err(found.iter().map(|problem| problem_in_sheet(problem, &kinds, lang)).collect()),
        Ok(dataset) => {
            let problems = derived_problems(&dataset, &kinds, lang);
            if problems.is_empty() {
                Ok(value)
            } else {
                Err(problems)
            }
        }
    }
}

/// A cell as the file's value: empty is null, a number column holds a number, text is taken as written
/// (less the apostrophe that defused a formula).
fn cell_value(row: &SheetRow, column: &str, lang: Lang, problems: &mut Vec<String>) -> JsonValue {
    let cell = row.cell(column);
    if cell.trim().is_empty() {
        return JsonValue::Null;
    }
    if !NUMBER_COLUMNS.contains(&column) {
        return JsonValue::Text(undefuse(cell).to_string());
    }
    let trimmed = cell.trim();
    let is_number = trimmed.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    match trimmed.parse::<f64>() {
        Ok(number) if is_number && number.is_finite() => JsonValue::Number(number),
        _ => {
            problems.push(located(
                row.number,
                column,
                lang,
                &match lang {
                    Lang::Vi => format!("\"{cell}\" không phải là số (viết số thập phân với dấu chấm: 12.5)"),
                    Lang::En => format!("\"{cell}\" is not a number (write decimals with a point: 12.5)"),
                },
            ));
            JsonValue::Null
        }
    }
}

/// The columns the header row lacks that a kind of row in the sheet fills: one problem each, naming those
/// kinds. Without it, a column left out would read as an empty cell in every such row. Columns written only
/// for reading, and fields the file leaves out when empty, may be left out.
fn missing_columns(header: &[String], kinds: &[Kind], lang: Lang) -> Vec<String> {
    let mut problems = Vec::new();
    for column in HEADER {
        if header.iter().any(|h| h == column) {
            continue;
        }
        let filled_by = |kind: &&Kind| {
            !kind.rows.is_empty()
                && kind
                    .columns
                    .fields
                    .iter()
                    .any(|(c, field)| *c == column && !kind.columns.omitted_when_empty.contains(field))
        };
        let needing: Vec<&str> = kinds.iter().filter(filled_by).map(|kind| kind.columns.record).collect();
        if needing.is_empty() {
            continue;
        }
        let needing = needing.join(", ");
        problems.push(match lang {
            Lang::Vi => format!(
                "cột \"{column}\": không có trong dòng tiêu đề, nhưng các dòng loại {needing} cần cột này"
            ),
            Lang::En => {
                format!("column \"{column}\": missing from the header row, but {needing} rows need it")
            }
        });
    }
    problems
}

/// "row 12, column value: …", in `lang`.
fn located(row: usize, column: &str, lang: Lang, what: &str) -> String {
    match lang {
        Lang::Vi => format!("dòng {row}, cột \"{column}\": {what}"),
        Lang::En => format!("row {row}, column \"{column}\": {what}"),
    }
}

/// A row the CSV reader could not read: too many or too few cells, or bytes that are not UTF-8.
fn unreadable_row(number: usize, error: &csv::Error, n_columns: usize, lang: Lang) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths { len, .. } => match lang {
            Lang::Vi => format!("dòng {number}: có {len} ô, nhưng dòng tiêu đề có {n_columns} cột"),
            Lang::En => format!("row {number}: has {len} cells, but the header row has {n_columns} columns"),
        },
        csv::ErrorKind::Utf8 { .. } => match lang {
            Lang::Vi => format!("dòng {number}: không phải văn bản UTF-8 (hãy lưu bảng dưới dạng CSV UTF-8)"),
            Lang::En => format!("row {number}: is not UTF-8 text (save the sheet as CSV UTF-8)"),
        },
        _ => match lang {
            Lang::Vi => format!("dòng {number}: không đọc được ({error})"),
            Lang::En => format!("row {number}: cannot be read ({error})"),
        },
    }
}

/// A problem `validate` found, moved from the file's record and field to the sheet's row and column.
fn problem_in_sheet(problem: &Problem, kinds: &[Kind], lang: Lang) -> String {
    let location = &problem.location;
    let kind = kinds.iter().find(|k| k.columns.collection == location.collection);
    let what = problem.describe(lang);
    match (kind, location.index) {
        (Some(kind), Some(index)) if index < kind.rows.len() => {
            let row = &kind.rows[index];
            let column = location
                .field
                .as_deref()
                .map(|field| {
                    kind.columns.fields.iter().find(|(_, f)| *f == field).map(|(c, _)| *c).unwrap_or(field)
                })
                .unwrap_or("id");
            located(row.number, column, lang, &what)
        }
        (Some(kind), _) => match lang {
            Lang::Vi => format!("các dòng \"{}\": {what}", kind.columns.record),
            Lang::En => format!("the \"{}\" rows: {what}", kind.columns.record),
        },
        (None, _) => problem.message(lang),
    }
}

/// The names a row repeats for reading (province, pillar, indicator, document) that differ from the record
/// they name: an edit there would otherwise be lost on import.
fn derived_problems(dataset: &Dataset, kinds: &[Kind], lang: Lang) -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |row: &SheetRow, column: &str, accepted: &[&str]| {
        let cell = undefuse(row.cell(column));
        if !cell.is_empty() && !accepted.contains(&cell) {
            problems.push(located(row.number, column, lang, &match lang {
                Lang::Vi => format!(
                    "\"{cell}\" khác với tên trong bản ghi mà dòng này trỏ tới (\"{}\"); cột này chỉ để đọc, hãy sửa tên ở dòng của bản ghi đó",
                    accepted[0]
                ),
                Lang::En => format!(
                    "\"{cell}\" differs from the name of the record this row refers to (\"{}\"); this column is for reading only: rename it on that record's own row",
                    accepted[0]
                ),
            }));
        }
    };
    for kind in kinds {
        for (i, row) in kind.rows.iter().enumerate() {
            let (indicator, province, document) = match kind.columns.record {
                "target" => {
                    let target = &dataset.targets[i];
                    let province = &dataset.provinces[target.province];
                    let source = &dataset.sources[target.source];
                    let names = vec![province.name_vi.as_str(), province.name_ascii.as_str()];
                    (target.indicator, names, Some(source.document.as_deref().unwrap_or("")))
                }
                "national" => {
                    let national = &dataset.national[i];
                    let names = vec![Lang::Vi.national_target(), Lang::En.national_target()];
                    (national.indicator, names, None)
                }
                _ => continue,
            };
            let indicator = &dataset.indicators[indicator];
            let pillar = &dataset.pillars[indicator.pillar];
            check(row, "province", &province);
            check(row, "pillar", &[&pillar.name_vi, &pillar.name_en]);
            check(row, "indicator", &[&indicator.label_vi, &indicator.label_en]);
            if let Some(document) = document {
                check(row, "document", &[document]);
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One CSV line with `cells` under their columns (quoted where they hold a comma), every other cell
    /// empty.
    fn line(cells: &[(&str, &str)]) -> String {
        let row: Vec<String> = HEADER
            .iter()
            .map(|column| cells.iter().find(|(c, _)| c == column).map(|(_, v)| *v).unwrap_or(""))
            .map(|cell| if cell.contains(',') { format!("\"{cell}\"") } else { cell.to_string() })
            .collect();
        row.join(",") + "\r\n"
    }

    /// A small sheet, one record of each kind the chart needs, with `target` as its target row.
    fn sheet(target: &[(&str, &str)]) -> String {
        [
            HEADER.join(",") + "\r\n",
            line(target),
            line(&[
                ("record", "pillar"),
                ("id", "kinh-te-so"),
                ("name_vi", "Kinh tế số"),
                ("name_en", "Economy"),
            ]),
            line(&[
                ("record", "province"),
                ("id", "bac-giang"),
                ("name_vi", "Bắc Giang"),
                ("name_ascii", "Bac Giang"),
            ]),
            line(&[
                ("record", "indicator"),
                ("id", "grdp"),
                ("pillar_id", "kinh-te-so"),
                ("label_vi", "Kinh tế số trong GRDP"),
                ("label_en", "Digital economy in GRDP"),
                ("unit", "percent"),
            ]),
            line(&[("record", "source"), ("id", "nq-1"), ("province_id", "bac-giang"), ("document", "NQ 1")]),
        ]
        .concat()
    }

    const TARGET: [(&str, &str); 10] = [
        ("record", "target"),
        ("id", "bac-giang/grdp/2025"),
        ("province_id", "bac-giang"),
        ("indicator_id", "grdp"),
        ("year", "2025"),
        ("qualifier", "about"),
        ("value", "12.5"),
        ("unit", "percent"),
        ("status", "adopted"),
        ("source_id", "nq-1"),
    ];

    fn with(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
        let mut cells: Vec<(&str, &str)> = TARGET.iter().copied().filter(|(c, _)| *c != "quote").collect();
        cells.push(("quote", "khoảng 12,5%"));
        for (column, value) in changes {
            cells.retain(|(c, _)| c != column);
            cells.push((column, value));
        }
        cells
    }

    #[test]
    fn a_good_sheet_makes_the_dataset_in_the_files_order() {
        let value = read_sheet(&sheet(&with(&[])), Lang::En).expect("a good sheet");
        let JsonValue::Object(fields) = &value else { panic!("an object: {value:?}") };
        let names: Vec<&str> = fields.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            ["schema_version", "pillars", "provinces", "indicators", "sources", "targets", "national"]
        );
        let (_, JsonValue::List(targets)) = &fields[5] else { panic!("targets: {:?}", fields[5]) };
        let JsonValue::Object(target) = &targets[0] else { panic!("a target object") };
        assert!(target.contains(&("year", JsonValue::Number(2025.0))));
        assert!(target.contains(&("value", JsonValue::Number(12.5))));
        assert!(target.contains(&("value_max", JsonValue::Null)));
        assert!(target.contains(&("quote", JsonValue::Text("khoảng 12,5%".into()))));
        // A target's short words are left out when empty, not written as null.
        assert!(!target.iter().any(|(name, _)| *name == "label_vi"));
    }

    #[test]
    fn a_cell_that_is_not_a_number_is_located_by_row_and_column_in_either_language() {
        let bad = sheet(&with(&[("value", "12,5")]));
        assert_eq!(
            read_sheet(&bad, Lang::Vi),
            Err(vec![
                "dòng 2, cột \"value\": \"12,5\" không phải là số (viết số thập phân với dấu chấm: 12.5)"
                    .to_string()
            ])
        );
        assert_eq!(
            read_sheet(&bad, Lang::En),
            Err(vec![
                "row 2, column \"value\": \"12,5\" is not a number (write decimals with a point: 12.5)"
                    .to_string()
            ])
        );
    }

    #[test]
    fn a_problem_of_the_dataset_names_the_row_and_column_it_came_from() {
        let problems =
            read_sheet(&sheet(&with(&[("province_id", "ha-noi")])), Lang::En).expect_err("unknown id");
        assert!(
            problems.iter().any(|p| p.starts_with("row 2, column \"province_id\": ") && p.contains("ha-noi")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_sheet_without_a_column_the_rows_need_is_refused_by_row_and_column() {
        // Without "unit", every row that needs a unit says so, by its row.
        let text = sheet(&with(&[])).replace(",unit,", ",unyt,");
        let problems = read_sheet(&text, Lang::En).expect_err("a misspelt column");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("column 10 \"unyt\" is not a column of the sheet. Valid columns: "));
    }

    #[test]
    fn a_column_left_out_is_one_problem_naming_the_rows_that_need_it_with_the_rows_own() {
        let without_unit = |text: &str| -> String {
            let at = HEADER.iter().position(|c| *c == "unit").unwrap();
            let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
            let mut writer = csv::Writer::from_writer(Vec::new());
            for record in reader.records() {
                let record = record.unwrap();
                writer
                    .write_record(record.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, c)| c))
                    .unwrap();
            }
            String::from_utf8(writer.into_inner().unwrap()).unwrap()
        };
        let text = without_unit(&sheet(&with(&[("value", "12,5%")])));
        assert_eq!(
            read_sheet(&text, Lang::En),
            Err(vec![
                "column \"unit\": missing from the header row, but indicator, target rows need it"
                    .to_string(),
                "row 2, column \"value\": \"12,5%\" is not a number (write decimals with a point: 12.5)"
                    .to_string(),
            ])
        );
        assert_eq!(
            read_sheet(&text, Lang::Vi).unwrap_err()[0],
            "cột \"unit\": không có trong dòng tiêu đề, nhưng các dòng loại indicator, target cần cột này"
        );
    }

    #[test]
    fn no_row_is_dropped_silently() {
        let unknown_kind = line(&[("record", "bogus"), ("id", "x")]);
        let short = "bac-giang,,,,,,,,,,,,,target,x\r\n";
        let empty = ",".repeat(HEADER.len() - 1) + "\r\n";
        let text = sheet(&with(&[])) + &unknown_kind + short + &empty;
        let problems = read_sheet(&text, Lang::En).expect_err("a row of an unknown kind, a short row");
        assert_eq!(
            problems,
            [
                "row 7, column \"record\": \"bogus\" is not valid. Choose from: pillar, province, indicator, \
                 source, target, national.",
                "row 8: has 15 cells, but the header row has 44 columns",
            ],
            "the empty row 9 is skipped, every other row is accounted for"
        );
    }
}
