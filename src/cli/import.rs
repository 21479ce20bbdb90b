//! `province-targets import SHEET.csv`: a dataset built from the spreadsheet form that `csv` writes (one row
//! per target, then the national targets and the records they refer to, told apart by the `record` column),
//! printed as `data/targets.json` is written. `csv` then `import` gives back the bundled file byte for byte.
//!
//! Every problem names its row (as a spreadsheet numbers it, the header being row 1) and column: a cell that
//! is not a number, a column no row of that kind uses, a name that differs from the record it repeats, and
//! every problem `validate` finds in the dataset the rows make. No row is dropped: a row that cannot be read
//! is a problem, and only rows with every cell empty are skipped.

use province_targets::data::model::Dataset;
use province_targets::data::read::dataset_from_json;
use province_targets::export::csv::{undefuse, RecordColumns, HEADER, NUMBER_COLUMNS, RECORDS};
use province_targets::Lang;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A JSON value in the shape the file has, with its fields in the file's order (serde_json's own map
/// sorts them).
enum Json {
    Null,
    Number(f64),
    Text(String),
    List(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_none(),
            // Whole numbers are written as the file writes them, `2025` and not `2025.0`.
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => serializer.serialize_i64(*n as i64),
            Json::Number(n) => serializer.serialize_f64(*n),
            Json::Text(text) => serializer.serialize_str(text),
            Json::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(fields) => {
                let mut map = serializer.serialize_map(Some(fields.len()))?;
                for (name, value) in fields {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
        }
    }
}

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

/// Reads the sheet's text into the dataset's JSON text, or every problem found, worded in `lang`.
pub fn sheet_to_json(text: &str, lang: Lang) -> Result<String, Vec<String>> {
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

    let mut file = vec![("schema_version", Json::Number(1.0))];
    for kind in &kinds {
        let mut records = Vec::new();
        for row in &kind.rows {
            let mut fields = Vec::new();
            for &(column, field) in kind.columns.fields {
                let value = cell_value(row, column, lang, &mut problems);
                if !(matches!(value, Json::Null) && kind.columns.omitted_when_empty.contains(&field)) {
                    fields.push((field, value));
                }
            }
            records.push(Json::Object(fields));
        }
        file.push((kind.columns.collection, Json::List(records)));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut json = serde_json::to_string_pretty(&Json::Object(file)).expect("JSON values always serialise");
    json.push('\n');

    match dataset_from_json(&json) {
        Err(found) => Err(found.iter().map(|problem| problem_in_sheet(problem, &kinds, lang)).collect()),
        Ok(dataset) => {
            let problems = derived_problems(&dataset, &kinds, lang);
            if problems.is_empty() {
                Ok(json)
            } else {
                Err(problems)
            }
        }
    }
}

/// A cell as the file's value: empty is null, a number column holds a number, text is taken as written
/// (less the apostrophe that defused a formula).
fn cell_value(row: &SheetRow, column: &str, lang: Lang, problems: &mut Vec<String>) -> Json {
    let cell = row.cell(column);
    if cell.trim().is_empty() {
        return Json::Null;
    }
    if !NUMBER_COLUMNS.contains(&column) {
        return Json::Text(undefuse(cell).to_string());
    }
    let trimmed = cell.trim();
    let is_number = trimmed.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    match trimmed.parse::<f64>() {
        Ok(number) if is_number && number.is_finite() => Json::Number(number),
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
            Json::Null
        }
    }
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
fn problem_in_sheet(problem: &province_targets::Problem, kinds: &[Kind], lang: Lang) -> String {
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
                    let names = vec![
                        province_targets::chart::reference::national_name(Lang::Vi),
                        province_targets::chart::reference::national_name(Lang::En),
                    ];
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
