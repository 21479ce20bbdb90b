//! The command line as a user runs it: the real binary, its output, and its exit status.
#![cfg(not(target_arch = "wasm32"))]

use province_targets::data::read::{dataset_from_json, BUNDLED};
use std::path::PathBuf;
use std::process::{Command, Output};

const HEADER: &str =
    "province_id,province,pillar,indicator_id,indicator,year,qualifier,value,value_max,unit,status,document,quote";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_province-targets")).args(args).output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// A file under the system's temporary folder, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("province-targets-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Reads RFC 4180 text into records of fields: quoted fields may hold commas, doubled quotes and line
/// breaks; every record ends with CRLF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(field.is_empty(), "a quote inside an unquoted field: {field:?}");
                in_quotes = true;
            }
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR not followed by LF outside quotes");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            '\n' => panic!("a bare LF ends a record: lines must end with CRLF"),
            _ => field.push(c),
        }
    }
    assert!(!in_quotes, "unterminated quoted field");
    assert!(field.is_empty() && record.is_empty(), "the last record does not end with CRLF");
    records
}

#[test]
fn check_on_the_bundled_data_prints_the_summary() {
    let output = run(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let dataset = dataset_from_json(BUNDLED).expect("the bundled dataset is valid");
    let out = stdout(&output);
    let mut lines = out.lines();
    let summary = lines.next().unwrap();
    assert!(summary.starts_with("ok: "), "{summary}");
    let n_qualitative = dataset.targets.iter().filter(|t| t.value.is_none()).count();
    assert_eq!(
        summary,
        format!(
            "ok: {} provinces, {} indicators, {} pillars, {} sources, {} targets ({} numeric, {} qualitative)",
            dataset.provinces.len(),
            dataset.indicators.len(),
            dataset.pillars.len(),
            dataset.sources.len(),
            dataset.targets.len(),
            dataset.targets.len() - n_qualitative,
            n_qualitative
        )
    );
    let mut province_lines: Vec<&str> = lines.collect();
    assert_eq!(province_lines.pop(), Some("  national: 15 targets (QĐ 749/QĐ-TTg)"), "{out}");
    assert_eq!(province_lines.len(), dataset.provinces.len(), "{out}");
    for (line, province) in province_lines.iter().zip(&dataset.provinces) {
        let n = dataset.targets.iter().filter(|t| dataset.provinces[t.province].id == province.id).count();
        assert!(line.contains(&province.id) && line.contains(&format!(" {n} target")), "{line}");
    }
    assert_eq!(stderr(&output), "");
}

#[test]
fn check_on_a_broken_file_prints_every_problem() {
    let mut json: serde_json::Value = serde_json::from_str(BUNDLED).unwrap();
    json["targets"][0]["year"] = serde_json::json!(1999);
    json["targets"][1]["qualifier"] = serde_json::json!("approx");
    let file = TempFile::new("broken.json", &serde_json::to_string_pretty(&json).unwrap());
    let target_0 = json["targets"][0]["id"].as_str().unwrap();
    let target_1 = json["targets"][1]["id"].as_str().unwrap();

    let output = run(&["check", file.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    assert_eq!(
        err,
        format!(
            "error: targets[0] \"{target_0}\", field \"year\": year 1999 is not valid: expected a whole year from 2000 to 2100\n\
             error: targets[1] \"{target_1}\", field \"qualifier\": \"approx\" is not valid. \
             Choose from: exact, about, above, at_least, at_most, range, qualitative.\n\
             2 errors in {}\n",
            file.path()
        )
    );

    let output = run(&["check", file.path(), "--lang", "vi"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(&format!(
            "error: targets[0] \"{target_0}\", trường \"year\": năm 1999 không hợp lệ: cần một năm từ 2000 đến 2100\n"
        )),
        "{err}"
    );
    assert!(err.ends_with(&format!("2 lỗi trong {}\n", file.path())), "{err}");
}

/// The bundled dataset with `edit` made, in a temporary file.
fn edited_dataset(name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> TempFile {
    let mut json: serde_json::Value = serde_json::from_str(BUNDLED).unwrap();
    edit(&mut json);
    TempFile::new(name, &serde_json::to_string_pretty(&json).unwrap())
}

/// A short label of 37 characters, one over the limit: a warning.
fn over_long_short_label(json: &mut serde_json::Value) {
    json["indicators"][0]["short_en"] = serde_json::json!("Digital economy in the provincial GDP");
}

#[test]
fn check_prints_warnings_and_exits_0_and_under_strict_exits_1() {
    let file = edited_dataset("warning.json", over_long_short_label);
    let indicator = dataset_from_json(BUNDLED).unwrap().indicators[0].id.clone();
    let warning = format!(
        "indicators[0] \"{indicator}\", field \"short_en\": 37 characters long, over the limit of 36 that fits \
         a phone's select: shown cut to at most 36 characters, ending in \"…\""
    );

    let output = run(&["check", file.path()]);
    assert_eq!(output.status.code(), Some(0), "a warning alone does not fail the check");
    assert!(stdout(&output).starts_with("ok: "), "{}", stdout(&output));
    assert_eq!(stderr(&output), format!("warning: {warning}\n1 warning in {}\n", file.path()));

    let output = run(&["check", file.path(), "--strict"]);
    assert_eq!(output.status.code(), Some(1), "--strict makes a warning an error");
    assert_eq!(stdout(&output), "");
    assert_eq!(stderr(&output), format!("error: {warning}\n1 error in {}\n", file.path()));

    // A command that draws goes on, and says what it cut.
    let output = run(&["svg", file.path(), "--lang", "en"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), format!("warning: {warning}\n"));

    let output = run(&["check", file.path(), "--strict=yes"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("error: option --strict takes no value\n"), "{}", stderr(&output));
}

#[test]
fn check_lists_errors_then_warnings_and_counts_each() {
    let file = edited_dataset("errors-and-warning.json", |json| {
        over_long_short_label(json);
        json["targets"][0]["year"] = serde_json::json!(1999);
    });
    let output = run(&["check", file.path(), "--lang", "vi"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with("error: targets[0] ") && lines[0].contains("năm 1999 không hợp lệ"),
        "{err}"
    );
    assert!(lines[1].starts_with("warning: indicators[0] ") && lines[1].contains("dài 37 ký tự"), "{err}");
    assert_eq!(lines[2], format!("1 lỗi, 1 cảnh báo trong {}", file.path()));
    assert_eq!(run(&["check", file.path()]).status.code(), Some(1));
}

#[test]
fn check_in_english_names_provinces_as_the_english_chart_does() {
    let dataset = dataset_from_json(BUNDLED).unwrap();
    let out = stdout(&run(&["check", "--lang", "en"]));
    let svg = stdout(&run(&["svg", "--lang", "en"]));
    for province in &dataset.provinces {
        assert!(out.contains(&format!("({})", province.name_vi)), "{} in:\n{out}", province.name_vi);
        assert!(svg.contains(&province.name_vi), "{} in the English chart", province.name_vi);
        if province.name_ascii != province.name_vi {
            assert!(!out.contains(&province.name_ascii), "{} in:\n{out}", province.name_ascii);
        }
    }
}

#[test]
fn check_on_a_file_that_is_not_json_exits_1() {
    let file = TempFile::new("not-json.json", "province,value\nbac-giang,25\n");
    let output = run(&["check", file.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "error: Dataset file: cannot be read, not valid JSON: line 1, column 1: expected a value (an object, a list, text in double quotes, a number, true, false or null)\n1 error in {}\n",
            file.path()
        )
    );
}

#[test]
fn csv_prints_a_bom_the_header_then_one_row_per_target_then_the_other_records() {
    let output = run(&["csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark, so that Excel reads UTF-8");
    assert!(text.starts_with(&format!("{HEADER},record,id,")), "{}", &text[..text.len().min(300)]);

    let dataset = dataset_from_json(BUNDLED).unwrap();
    let records = parse_csv(text);
    let n_records = dataset.pillars.len()
        + dataset.provinces.len()
        + dataset.indicators.len()
        + dataset.sources.len()
        + dataset.national.len();
    assert_eq!(records.len(), 1 + dataset.targets.len() + n_records);
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record.len(), records[0].len(), "record {i}: {record:?}");
    }
    for (record, target) in records[1..].iter().zip(&dataset.targets) {
        let province = &dataset.provinces[target.province];
        assert_eq!(record[0], province.id);
        assert_eq!(record[1], province.name_vi, "Vietnamese names by default");
        assert_eq!(record[3], dataset.indicators[target.indicator].id);
        assert_eq!(record[5], target.year.to_string());
        // A quote is defused only when it starts like a formula.
        let quote = record[12].strip_prefix('\'').filter(|q| q.starts_with(['=', '+', '-', '@']));
        assert_eq!(quote.unwrap_or(&record[12]), target.quote);
        assert_eq!(record[13], "target");
    }
    // The national targets follow, named as the national programme's and by their document, with no quote.
    let national = &records[1 + dataset.targets.len()];
    assert_eq!(&national[..4], ["", "Mục tiêu quốc gia", "Chính quyền số", "level4-online-services"]);
    assert_eq!(
        (national[7].as_str(), national[11].as_str(), national[12].as_str()),
        ("80", "QĐ 749/QĐ-TTg", "")
    );
    assert_eq!(national[13], "national");
}

#[test]
fn csv_in_english_gives_english_names_and_keeps_the_diacritics_of_vietnamese_ones() {
    let output = run(&["csv", "--lang", "en"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let dataset = dataset_from_json(BUNDLED).unwrap();
    let text = stdout(&output);
    let records = parse_csv(text.strip_prefix('\u{feff}').unwrap());
    assert!(records[0].join(",").starts_with(HEADER));
    for (record, target) in records[1..].iter().zip(&dataset.targets) {
        let indicator = &dataset.indicators[target.indicator];
        assert_eq!(record[1], dataset.provinces[target.province].name_vi, "Bắc Giang, not Bac Giang");
        assert_eq!(record[2], dataset.pillars[indicator.pillar].name_en);
        assert_eq!(record[4], indicator.label_en);
    }
    assert_eq!(records[1 + dataset.targets.len()][1], "National target");
    // The same with `--lang=en`.
    assert_eq!(run(&["csv", "--lang=en"]).stdout, output.stdout);
}

/// `csv` into a file, then `import` of that file: the JSON it prints.
fn csv_then_import(lang: &str) -> Output {
    let csv = run(&["csv", "--lang", lang]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let sheet = TempFile::new(&format!("round-trip-{lang}.csv"), &stdout(&csv));
    run(&["import", sheet.path()])
}

#[test]
fn csv_then_import_gives_back_the_bundled_file_byte_for_byte() {
    for lang in ["vi", "en"] {
        let output = csv_then_import(lang);
        assert!(output.status.success(), "{lang}: {}", stderr(&output));
        let json = stdout(&output);
        if json != BUNDLED {
            let first = json.lines().zip(BUNDLED.lines()).position(|(a, b)| a != b);
            panic!("{lang}: the imported JSON differs from data/targets.json from line {first:?}");
        }
    }
}

/// The bundled sheet with `edit` applied to its records (header first), written back as CSV.
fn edited_sheet(name: &str, edit: impl FnOnce(&mut Vec<Vec<String>>)) -> TempFile {
    sheet_with(name, ",", edit)
}

/// The bundled sheet, edited, written back with `separator` between cells.
fn sheet_with(name: &str, separator: &str, edit: impl FnOnce(&mut Vec<Vec<String>>)) -> TempFile {
    let text = stdout(&run(&["csv"]));
    let mut records = parse_csv(text.strip_prefix('\u{feff}').unwrap());
    edit(&mut records);
    let quote = |cell: &String| {
        if cell.contains([',', ';', '"', '\r', '\n']) {
            format!("\"{}\"", cell.replace('"', "\"\""))
        } else {
            cell.clone()
        }
    };
    let lines: Vec<String> =
        records.iter().map(|r| r.iter().map(quote).collect::<Vec<_>>().join(separator) + "\r\n").collect();
    TempFile::new(name, &lines.concat())
}

#[test]
fn a_sheet_saved_with_semicolons_imports_the_same() {
    let sheet = sheet_with("semicolons.csv", ";", |_| {});
    let output = run(&["import", sheet.path()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output) == BUNDLED, "the same file from a semicolon-separated sheet");
}

/// The column index of `name` in the sheet.
fn column(name: &str) -> usize {
    let text = stdout(&run(&["csv"]));
    parse_csv(text.strip_prefix('\u{feff}').unwrap())[0].iter().position(|c| c == name).unwrap()
}

#[test]
fn bad_rows_are_located_by_row_and_column_and_nothing_is_dropped() {
    let (value, record, quote, province, unit) =
        (column("value"), column("record"), column("quote"), column("province"), column("unit"));
    let sheet = edited_sheet("bad-rows.csv", |rows| {
        rows[4][value] = "12,5".into(); // row 5: a Vietnamese decimal comma
        rows[6][record] = "tagret".into(); // row 7: a typo in the record kind
        rows[9][unit] = "percentage".into(); // row 10: not a unit
        rows[115][quote] = "a quote on a national row".into(); // row 116: the first national target
        rows[11][province] = "Bắc Ninh".into(); // row 12: a name edited where it is only repeated
        rows[13].pop(); // row 14: one cell short
    });
    let output = run(&["import", sheet.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "", "no JSON for a sheet with problems");
    let err = stderr(&output);
    let expected = [
        "error: row 5, column \"value\": \"12,5\" is not a number (write decimals with a point: 12.5)",
        "error: row 7, column \"record\": \"tagret\" is not valid. Choose from: pillar, province, indicator, source, target, national.",
        "error: row 14: has 43 cells, but the header row has 44 columns",
        "error: row 116, column \"quote\": a national row does not use this column: leave it empty",
    ];
    for line in expected {
        assert!(err.contains(line), "missing {line:?} in:\n{err}");
    }
    // Problems of the dataset the rows make come after the sheet's own are fixed; the unit is one of them.
    let sheet = edited_sheet("bad-unit.csv", |rows| rows[9][unit] = "percentage".into());
    let err = stderr(&run(&["import", sheet.path()]));
    assert!(err.contains("error: row 10, column \"unit\": \"percentage\" is not valid. Choose from: percent, percent_per_year, count, rank."), "{err}");
    let sheet = edited_sheet("renamed.csv", |rows| rows[11][province] = "Bắc Ninh".into());
    let err = stderr(&run(&["import", sheet.path(), "--lang", "vi"]));
    assert!(
        err.starts_with("error: dòng 12, cột \"province\": \"Bắc Ninh\" khác với tên trong bản ghi"),
        "{err}"
    );
    assert!(err.ends_with(&format!("1 lỗi trong {}\n", sheet.path())), "{err}");
}

#[test]
fn import_reports_unknown_columns_and_a_sheet_without_a_record_column() {
    let sheet = TempFile::new("no-record.csv", "id,provnce\r\nbac-giang,Bắc Giang\r\n");
    let err = stderr(&run(&["import", sheet.path()]));
    assert!(
        err.contains(
            "error: column 2 \"provnce\" is not a column of the sheet. Valid columns: province_id, province,"
        ),
        "{err}"
    );
    assert!(err.contains("error: the sheet has no column \"record\""), "{err}");
    let output = run(&["import"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn csv_of_an_invalid_file_exits_1_with_the_problems() {
    let file = TempFile::new("csv-broken.json", r#"{"schema_version": 2}"#);
    let output = run(&["csv", file.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        format!(
            "error: Dataset file, field \"schema_version\": version 2 is not supported (supported: 1)\n\
             error: pillars: has no records; at least one is needed\n\
             error: provinces: has no records; at least one is needed\n\
             error: indicators: has no records; at least one is needed\n\
             error: sources: has no records; at least one is needed\n\
             error: targets: has no records; at least one is needed\n\
             6 errors in {}\n",
            file.path()
        )
    );
}

#[test]
fn an_unknown_option_exits_2_naming_the_valid_ones() {
    for command in ["check", "csv", "import"] {
        let output = run(&[command, "--foo"]);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(stdout(&output), "");
        let err = stderr(&output);
        assert!(
            err.starts_with(&format!("error: unknown option --foo for {command}. Valid options: --lang")),
            "{err}"
        );
        assert!(err.contains("Usage:"), "{err}");
    }
}

#[test]
fn a_bad_language_exits_2_listing_the_choices() {
    let output = run(&["csv", "--lang", "fr"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("error: \"fr\" is not a language. Choose from: vi, en\n"));
}

#[test]
fn a_missing_file_exits_2() {
    let path = std::env::temp_dir().join("province-targets-cli-no-such-file.json");
    for command in ["check", "csv", "import"] {
        let output = run(&[command, path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(stdout(&output), "");
        let err = stderr(&output);
        assert!(err.starts_with(&format!("error: cannot read {}: ", path.display())), "{err}");
    }
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    for args in [&[][..], &["frobnicate"], &["check", "a.json", "b.json"]] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains("Usage:"), "{args:?}");
    }
    for args in [&["--help"][..], &["-h"], &["help"], &["csv", "--help"]] {
        let output = run(args);
        assert!(output.status.success(), "{args:?}");
        assert!(stdout(&output).contains("province-targets check [FILE]"), "{args:?}");
    }
}

#[test]
fn embed_contract_lists_what_the_loader_and_the_module_read() {
    let output = run(&["embed-contract"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let contract: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("the contract is JSON");
    let strings = |key: &str| -> Vec<String> {
        let list = contract[key].as_array().unwrap_or_else(|| panic!("{key} is not a list: {contract}"));
        list.iter().map(|v| v.as_str().expect("a string").to_string()).collect()
    };
    assert_eq!(contract["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(contract["tag"], "province-targets");
    let options = strings("options");
    assert_eq!(
        options,
        [
            "indicator",
            "year",
            "provinces",
            "lang",
            "theme",
            "national",
            "title",
            "subtitle",
            "note",
            "credit",
            "controls",
            "highlight",
            "layout"
        ]
    );
    assert_eq!(strings("attributes"), [&options[..], &["src".to_string(), "heights".to_string()]].concat());
    assert_eq!(contract["values"]["lang"], serde_json::json!(["vi", "en"]));
    assert_eq!(contract["values"]["theme"], serde_json::json!(["light", "dark", "auto"]));
    assert_eq!(contract["values"]["year"], serde_json::json!(["all"]));
    assert_eq!(contract["values"]["national"], serde_json::json!(["on", "off"]));

    // Every EMBED.<key> the loader reads is in the contract (the build checks the same).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut loader = std::fs::read_to_string(root.join("www/province-targets.js")).unwrap();
    let mut modules: Vec<_> = std::fs::read_dir(root.join("www/loader"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "js"))
        .collect();
    modules.sort();
    for module in modules {
        loader.push_str(&std::fs::read_to_string(module).unwrap());
    }
    let read: Vec<&str> = loader
        .split("EMBED.")
        .skip(1)
        .map(|rest| rest.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').next().unwrap())
        .collect();
    assert!(read.len() >= 4, "the loader reads its constants from EMBED: {read:?}");
    for key in &read {
        assert!(!contract[*key].is_null(), "the loader reads EMBED.{key}, which the contract lacks");
    }
    // The browser module reads exactly these options: `chart::embed::EmbedOptions`, whose fields a unit
    // test holds equal to the contract's.
}

/// The loader picks the language of its own messages with the contract's `lang_tag`, a JavaScript regular
/// expression; the module with `Lang::parse`. Run in node over the same tags, the two agree.
#[test]
fn the_loaders_language_rule_is_the_modules() {
    let output = run(&["embed-contract"]);
    let contract: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("the contract is JSON");
    let default = contract["lang_default"].as_str().expect("lang_default is a string");
    assert_eq!(default, province_targets::Lang::default().as_str());
    let tags = [
        "en",
        "vi",
        "EN",
        "Vi",
        "en-US",
        "EN-gb",
        "vi-VN",
        "vi-Latn-VN",
        "en-12345678",
        "",
        "fr",
        "fr-FR",
        "en_US",
        "english",
        "en-",
        "-en",
        "en--US",
        "en-toolongsubtag",
        "en US",
        " en",
        "ên",
        "en-ü",
        "vien",
    ];
    let script = format!(
        "const rule = new RegExp({}, 'i'); const tags = {};\n\
         console.log(JSON.stringify(tags.map((t) => {{ const m = rule.exec(t); return m ? m[1].toLowerCase() : null; }})));",
        contract["lang_tag"],
        serde_json::json!(tags),
    );
    let node =
        Command::new("node").args(["-e", &script]).output().expect("node runs (make setup installs it)");
    assert!(node.status.success(), "{}", String::from_utf8_lossy(&node.stderr));
    let loader: Vec<Option<String>> = serde_json::from_slice(&node.stdout).expect("node printed JSON");
    let module: Vec<Option<String>> =
        tags.iter().map(|t| province_targets::Lang::parse(t).map(|l| l.as_str().to_string())).collect();
    assert_eq!(loader, module, "the loader's and the module's languages for {tags:?}");
    assert_eq!(module.iter().filter(|m| m.is_some()).count(), 9, "{module:?}");
}

#[test]
fn embed_contract_takes_no_file() {
    let output = run(&["embed-contract", "data/targets.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("embed-contract takes no FILE"), "{}", stderr(&output));
}

/// Issue 15: the editor's words reach the exported file as text, and an over-long one names its limit.
#[test]
fn svg_takes_the_editors_title_subtitle_and_note() {
    let output = run(&[
        "svg",
        "--width",
        "600",
        "--title",
        "Lạng Sơn <b>đi sau</b>",
        "--subtitle",
        "Hai tỉnh",
        "--note",
        "Ghi chú & nguồn",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let svg = stdout(&output);
    assert!(svg.contains(">Lạng Sơn &lt;b&gt;đi sau&lt;/b&gt;</text>"), "the title, escaped: {svg}");
    assert!(svg.contains(">Hai tỉnh</text>") && svg.contains(">Ghi chú &amp; nguồn</text>"));

    let long = "x".repeat(121);
    let output = run(&["svg", "--title", &long]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output)
        .contains("--title is 121 characters long. Valid values: text of at most 120 characters"));
}
