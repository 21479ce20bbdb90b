//! What a data editor sees for each mistake in a hand-edited dataset: every validation rule is broken once
//! in a tiny valid dataset, and the exact messages are checked (refresh them with `UPDATE_EXPECT=1`).
#![cfg(not(target_arch = "wasm32"))]

use expect_test::{expect, Expect};
use province_targets::data::problem::Severity;
use province_targets::data::read::dataset_from_json;
use province_targets::{Lang, Problem};
use serde_json::{json, Value};

/// Two provinces, three indicators (percent, count, rank), every qualifier that needs a special rule.
const TINY: &str = r#"{
  "schema_version": 1,
  "pillars": [
    { "id": "kinh-te-so", "name_vi": "Kinh tế số", "name_en": "Digital economy" },
    { "id": "chinh-quyen-so", "name_vi": "Chính quyền số", "name_en": "Digital government" }
  ],
  "provinces": [
    { "id": "bac-giang", "name_vi": "Bắc Giang", "name_ascii": "Bac Giang",
      "admin_note_vi": null, "admin_note_en": null },
    { "id": "lang-son", "name_vi": "Lạng Sơn", "name_ascii": "Lang Son",
      "admin_note_vi": null, "admin_note_en": null }
  ],
  "indicators": [
    { "id": "digital-economy-share-grdp", "pillar": "kinh-te-so",
      "label_vi": "Tỷ trọng kinh tế số trong GRDP", "label_en": "Digital economy share of GRDP",
      "definition_vi": null, "definition_en": null,
      "unit": "percent", "unit_label_vi": null, "unit_label_en": null },
    { "id": "digital-enterprises", "pillar": "kinh-te-so",
      "label_vi": "Doanh nghiệp công nghệ số", "label_en": "Digital technology enterprises",
      "definition_vi": null, "definition_en": null,
      "unit": "count", "unit_label_vi": "doanh nghiệp", "unit_label_en": "enterprises" },
    { "id": "dti-ranking", "pillar": "chinh-quyen-so",
      "label_vi": "Xếp hạng chuyển đổi số", "label_en": "Digital-transformation ranking",
      "definition_vi": null, "definition_en": null,
      "unit": "rank", "unit_label_vi": null, "unit_label_en": null }
  ],
  "sources": [
    { "id": "bac-giang-nq-111", "province": "bac-giang",
      "document": "Nghị quyết số 111-NQ/TU", "document_title": null, "document_date": "2021-06-11",
      "issuer": null, "article_title": null, "article_date": "2021-06-30", "article_author": null,
      "article_publisher": null, "article_file": null },
    { "id": "lang-son-kh-72", "province": "lang-son",
      "document": "Kế hoạch số 72-KH/BCĐ", "document_title": null, "document_date": "2023-05-23",
      "issuer": null, "article_title": null, "article_date": "--05-25", "article_author": null,
      "article_publisher": null, "article_file": null }
  ],
  "targets": [
    { "id": "bac-giang/digital-economy-share-grdp/2025", "province": "bac-giang",
      "indicator": "digital-economy-share-grdp", "year": 2025, "qualifier": "about", "value": 25,
      "value_max": null, "unit": "percent", "status": "adopted", "source": "bac-giang-nq-111",
      "quote": "kinh tế số chiếm khoảng 25% GRDP", "note_vi": null, "note_en": null },
    { "id": "lang-son/digital-economy-share-grdp/2025", "province": "lang-son",
      "indicator": "digital-economy-share-grdp", "year": 2025, "qualifier": "range", "value": 15,
      "value_max": 20, "unit": "percent", "status": "adopted", "source": "lang-son-kh-72",
      "quote": "kinh tế số chiếm từ 15% đến 20% GRDP", "note_vi": null, "note_en": null },
    { "id": "bac-giang/dti-ranking/2025", "province": "bac-giang",
      "indicator": "dti-ranking", "year": 2025, "qualifier": "at_most", "value": 15,
      "value_max": null, "unit": "rank", "status": "adopted", "source": "bac-giang-nq-111",
      "quote": "thuộc nhóm 15 tỉnh, thành phố dẫn đầu", "note_vi": null, "note_en": null },
    { "id": "lang-son/digital-enterprises/2023", "province": "lang-son",
      "indicator": "digital-enterprises", "year": 2023, "qualifier": "at_least", "value": 100,
      "value_max": null, "unit": "count", "status": "draft", "source": "lang-son-kh-72",
      "quote": "ít nhất 100 doanh nghiệp công nghệ số", "note_vi": null, "note_en": null },
    { "id": "lang-son/dti-ranking/2023", "province": "lang-son",
      "indicator": "dti-ranking", "year": 2023, "qualifier": "qualitative", "value": null,
      "value_max": null, "unit": "rank", "status": "adopted", "source": "lang-son-kh-72",
      "quote": "nâng thứ hạng chuyển đổi số", "note_vi": null, "note_en": null }
  ]
}"#;

/// The tiny dataset after `edit`, as an editor would save it.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(TINY).expect("TINY is JSON");
    edit(&mut value);
    serde_json::to_string_pretty(&value).unwrap()
}

/// Every problem `text` has, one message a line, in `lang`: a warning starts with "warning: ", and a file
/// with warnings only still gives its dataset.
fn messages(text: &str, lang: Lang) -> String {
    let problems = match dataset_from_json(text) {
        Ok(dataset) if dataset.warnings.is_empty() => return "(no problem)".to_string(),
        Ok(dataset) => dataset.warnings,
        Err(problems) => problems,
    };
    let line = |p: &Problem| match p.severity() {
        Severity::Error => p.message(lang),
        Severity::Warning => format!("warning: {}", p.message(lang)),
    };
    problems.iter().map(line).collect::<Vec<_>>().join("\n")
}

/// Checks the English messages for the tiny dataset after `edit`.
fn check(edit: impl FnOnce(&mut Value), expected: Expect) {
    expected.assert_eq(&messages(&edited(edit), Lang::En));
}

/// Checks the messages in both languages.
fn check_both(edit: impl FnOnce(&mut Value), expected_en: Expect, expected_vi: Expect) {
    let text = edited(edit);
    expected_en.assert_eq(&messages(&text, Lang::En));
    expected_vi.assert_eq(&messages(&text, Lang::Vi));
}

/// Sets one field of one record: `set(&mut v, "targets", 0, "value", json!(30))`.
fn set(dataset: &mut Value, collection: &str, index: usize, field: &str, value: Value) {
    dataset[collection][index][field] = value;
}

#[test]
fn the_tiny_dataset_is_valid() {
    let dataset = dataset_from_json(TINY).expect("the tiny dataset is valid");
    assert_eq!(dataset.targets.len(), 5);
    assert_eq!(messages(TINY, Lang::En), "(no problem)");
}

#[test]
fn unknown_province() {
    check_both(
        |d| set(d, "targets", 0, "province", json!("bac-ninh")),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "province": "bac-ninh" is not in provinces. Valid ids: bac-giang, lang-son."#
        ]],
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", trường "province": "bac-ninh" không có trong danh sách provinces. Các id hợp lệ: bac-giang, lang-son."#
        ]],
    );
}

#[test]
fn unknown_indicator() {
    check(
        |d| set(d, "targets", 2, "indicator", json!("dti-rank")),
        expect![[
            r#"targets[2] "bac-giang/dti-ranking/2025", field "indicator": "dti-rank" is not in indicators. Valid ids: digital-economy-share-grdp, digital-enterprises, dti-ranking."#
        ]],
    );
}

#[test]
fn unknown_source() {
    check(
        |d| set(d, "targets", 1, "source", json!("lang-son-kh-27")),
        expect![[
            r#"targets[1] "lang-son/digital-economy-share-grdp/2025", field "source": "lang-son-kh-27" is not in sources. Valid ids: bac-giang-nq-111, lang-son-kh-72."#
        ]],
    );
}

#[test]
fn unknown_pillar() {
    check(
        |d| set(d, "indicators", 1, "pillar", json!("kinh-te")),
        expect![[
            r#"indicators[1] "digital-enterprises", field "pillar": "kinh-te" is not in pillars. Valid ids: kinh-te-so, chinh-quyen-so."#
        ]],
    );
}

#[test]
fn source_of_another_province() {
    check(
        |d| set(d, "targets", 0, "source", json!("lang-son-kh-72")),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "source": this source belongs to province "lang-son", not the target's"#
        ]],
    );
}

#[test]
fn duplicate_id() {
    check_both(
        |d| {
            let copy = d["pillars"][0].clone();
            d["pillars"].as_array_mut().unwrap().push(copy);
        },
        expect![[r#"pillars[2] "kinh-te-so", field "id": id "kinh-te-so" is already used by record [0]"#]],
        expect![[r#"pillars[2] "kinh-te-so", trường "id": id "kinh-te-so" trùng với bản ghi [0]"#]],
    );
    check(
        |d| set(d, "targets", 1, "id", json!("bac-giang/digital-economy-share-grdp/2025")),
        expect![[
            r#"targets[1] "bac-giang/digital-economy-share-grdp/2025", field "id": id "bac-giang/digital-economy-share-grdp/2025" is already used by record [0]"#
        ]],
    );
}

#[test]
fn duplicate_target() {
    check(
        |d| {
            let mut copy = d["targets"][0].clone();
            copy["id"] = json!("bac-giang/digital-economy-share-grdp/2025-again");
            copy["value"] = json!(30);
            d["targets"].as_array_mut().unwrap().push(copy);
        },
        expect![[
            r#"targets[5] "bac-giang/digital-economy-share-grdp/2025-again", field "id": duplicates targets[0] "bac-giang/digital-economy-share-grdp/2025" (same province, indicator, year and source)"#
        ]],
    );
}

#[test]
fn range_with_max_below_min() {
    check_both(
        |d| set(d, "targets", 1, "value_max", json!(10)),
        expect![[
            r#"targets[1] "lang-son/digital-economy-share-grdp/2025", field "value_max": range is inverted: value_max 10 is below value 15"#
        ]],
        expect![[
            r#"targets[1] "lang-son/digital-economy-share-grdp/2025", trường "value_max": khoảng ngược: value_max 10 nhỏ hơn value 15"#
        ]],
    );
}

#[test]
fn percent_above_100() {
    check(
        |d| set(d, "targets", 0, "value", json!(120)),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "value": 120 is outside what the unit percent allows (0 to 100)"#
        ]],
    );
}

#[test]
fn percent_below_0() {
    check(
        |d| set(d, "targets", 0, "value", json!(-5)),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "value": -5 is outside what the unit percent allows (0 to 100)"#
        ]],
    );
}

#[test]
fn count_not_whole() {
    check(
        |d| set(d, "targets", 3, "value", json!(100.5)),
        expect![[
            r#"targets[3] "lang-son/digital-enterprises/2023", field "value": 100.5 must be a whole number"#
        ]],
    );
}

#[test]
fn a_short_label_that_is_not_short() {
    // 36 characters is the most: the short label exists to fit a 360 px phone's select.
    let fits = "Doanh nghiệp công nghệ số, mới lập";
    assert_eq!(
        messages(&edited(|d| set(d, "indicators", 1, "short_vi", json!(fits))), Lang::En),
        "(no problem)"
    );
    // One character over is a warning, not a refusal: the chart draws, the label cut with "…".
    let text =
        edited(|d| set(d, "indicators", 1, "short_en", json!("Digital technology enterprises, new!!")));
    let dataset = dataset_from_json(&text).expect("a long short label does not refuse the dataset");
    assert_eq!(dataset.indicators[1].short_en.as_deref(), Some("Digital technology enterprises,…"));
    expect![[r#"warning: indicators[1] "digital-enterprises", field "short_en": 37 characters long, over the limit of 36 that fits a phone's select: shown cut to at most 36 characters, ending in "…""#]]
        .assert_eq(&messages(&text, Lang::En));
    expect![[r#"warning: indicators[1] "digital-enterprises", trường "short_en": dài 37 ký tự, vượt giới hạn 36 ký tự để vừa ô chọn trên điện thoại: nhãn được cắt còn tối đa 36 ký tự, kết thúc bằng "…""#]]
        .assert_eq(&messages(&text, Lang::Vi));
}

#[test]
fn an_error_refuses_the_file_and_its_warnings_are_listed_with_it() {
    check(
        |d| {
            set(d, "indicators", 1, "short_vi", json!("Doanh nghiệp công nghệ số được hình thành mới"));
            set(d, "indicators", 1, "short_en", json!(42));
        },
        expect![[r#"
            warning: indicators[1] "digital-enterprises", field "short_vi": 45 characters long, over the limit of 36 that fits a phone's select: shown cut to at most 36 characters, ending in "…"
            indicators[1] "digital-enterprises", field "short_en": wrong type: expected text, found a number"#]],
    );
}

#[test]
fn rank_below_1() {
    check(
        |d| set(d, "targets", 2, "value", json!(0)),
        expect![[
            r#"targets[2] "bac-giang/dti-ranking/2025", field "value": 0 is outside what the unit rank allows (1 to 1000)"#
        ]],
    );
}

#[test]
fn year_outside_2000_to_2100() {
    check(
        |d| set(d, "targets", 0, "year", json!(1999)),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "year": year 1999 is not valid: expected a whole year from 2000 to 2100"#
        ]],
    );
    check(
        |d| set(d, "targets", 0, "year", json!(2101)),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "year": year 2101 is not valid: expected a whole year from 2000 to 2100"#
        ]],
    );
}

#[test]
fn missing_year() {
    check(
        |d| set(d, "targets", 0, "year", Value::Null),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "year": is missing (required)"#
        ]],
    );
    check(
        |d| drop(d["targets"][0].as_object_mut().unwrap().remove("year")),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "year": is missing (required)"#
        ]],
    );
}

#[test]
fn missing_or_empty_quote() {
    check_both(
        |d| set(d, "targets", 0, "quote", Value::Null),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "quote": is missing (required)"#
        ]],
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", trường "quote": thiếu giá trị (bắt buộc)"#
        ]],
    );
    check(
        |d| set(d, "targets", 0, "quote", json!("")),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "quote": is missing (required)"#
        ]],
    );
    check(
        |d| set(d, "targets", 0, "quote", json!("   ")),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "quote": is missing (required)"#
        ]],
    );
}

#[test]
fn unknown_qualifier_lists_the_choices() {
    check_both(
        |d| set(d, "targets", 0, "qualifier", json!("approx")),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "qualifier": "approx" is not valid. Choose from: exact, about, above, at_least, at_most, range, qualitative."#
        ]],
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", trường "qualifier": "approx" không hợp lệ. Chọn một trong: exact, about, above, at_least, at_most, range, qualitative."#
        ]],
    );
}

#[test]
fn unknown_unit_lists_the_choices() {
    check(
        |d| set(d, "targets", 0, "unit", json!("percents")),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "unit": "percents" is not valid. Choose from: percent, percent_per_year, count, rank."#
        ]],
    );
    check(
        |d| set(d, "indicators", 0, "unit", json!("%")),
        expect![[
            r#"indicators[0] "digital-economy-share-grdp", field "unit": "%" is not valid. Choose from: percent, percent_per_year, count, rank."#
        ]],
    );
}

#[test]
fn unknown_status_lists_the_choices() {
    check(
        |d| set(d, "targets", 0, "status", json!("approved")),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "status": "approved" is not valid. Choose from: adopted, draft."#
        ]],
    );
}

#[test]
fn unit_differing_from_the_indicators() {
    check_both(
        |d| set(d, "targets", 0, "unit", json!("percent_per_year")),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "unit": unit "percent_per_year" differs from the indicator's unit "percent""#
        ]],
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", trường "unit": đơn vị "percent_per_year" khác đơn vị "percent" của chỉ tiêu"#
        ]],
    );
}

#[test]
fn qualitative_target_with_a_value() {
    check_both(
        |d| set(d, "targets", 4, "value", json!(10)),
        expect![[
            r#"targets[4] "lang-son/dti-ranking/2023", field "value": a qualitative target has no value: set value and value_max to null"#
        ]],
        expect![[
            r#"targets[4] "lang-son/dti-ranking/2023", trường "value": mục tiêu định tính không có giá trị số: để value và value_max là null"#
        ]],
    );
}

#[test]
fn value_max_without_range() {
    check(
        |d| set(d, "targets", 0, "value_max", json!(30)),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "value_max": value_max is only for qualifier "range": set it to null"#
        ]],
    );
}

#[test]
fn range_without_value_max() {
    check(
        |d| set(d, "targets", 1, "value_max", Value::Null),
        expect![[
            r#"targets[1] "lang-son/digital-economy-share-grdp/2025", field "value_max": is missing (required)"#
        ]],
    );
}

#[test]
fn numeric_target_without_a_value() {
    check(
        |d| set(d, "targets", 0, "value", Value::Null),
        expect![[
            r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "value": is missing (required)"#
        ]],
    );
}

#[test]
fn bad_date() {
    check_both(
        |d| set(d, "sources", 0, "document_date", json!("11/6/2021")),
        expect![[
            r#"sources[0] "bac-giang-nq-111", field "document_date": date "11/6/2021" is not valid: use YYYY-MM-DD, or --MM-DD when the article gives no year"#
        ]],
        expect![[
            r#"sources[0] "bac-giang-nq-111", trường "document_date": ngày "11/6/2021" không hợp lệ: dùng YYYY-MM-DD, hoặc --MM-DD khi bài báo không nêu năm"#
        ]],
    );
    check(
        |d| set(d, "sources", 1, "article_date", json!("2023-02-30")),
        expect![[
            r#"sources[1] "lang-son-kh-72", field "article_date": date "2023-02-30" is not valid: use YYYY-MM-DD, or --MM-DD when the article gives no year"#
        ]],
    );
}

#[test]
fn a_29_february_outside_a_leap_year_is_not_a_date() {
    check(
        |d| set(d, "sources", 0, "document_date", json!("2021-02-29")),
        expect![[
            r#"sources[0] "bac-giang-nq-111", field "document_date": date "2021-02-29" is not valid: use YYYY-MM-DD, or --MM-DD when the article gives no year"#
        ]],
    );
    // 2024 is a leap year, and a day and month with no year may be 29 February.
    check(|d| set(d, "sources", 0, "document_date", json!("2024-02-29")), expect!["(no problem)"]);
    check(|d| set(d, "sources", 1, "article_date", json!("--02-29")), expect!["(no problem)"]);
}

#[test]
fn bad_id_characters() {
    check_both(
        |d| set(d, "targets", 0, "id", json!("bac-giang/Digital_economy/2025")),
        expect![[
            r#"targets[0] "bac-giang/Digital_economy/2025", field "id": id "bac-giang/Digital_economy/2025" may only hold lowercase ASCII letters, digits, hyphens and slashes"#
        ]],
        expect![[
            r#"targets[0] "bac-giang/Digital_economy/2025", trường "id": id "bac-giang/Digital_economy/2025" chỉ được gồm chữ thường không dấu, chữ số, dấu gạch ngang và dấu gạch chéo"#
        ]],
    );
    // Only target ids may hold a slash.
    check(
        |d| {
            set(d, "pillars", 1, "id", json!("chinh-quyen/so"));
            set(d, "indicators", 2, "pillar", json!("chinh-quyen/so"));
        },
        expect![[
            r#"pillars[1] "chinh-quyen/so", field "id": id "chinh-quyen/so" may only hold lowercase ASCII letters, digits and hyphens"#
        ]],
    );
}

#[test]
fn missing_required_fields() {
    check(
        |d| {
            set(d, "provinces", 1, "name_ascii", Value::Null);
            drop(d["pillars"][0].as_object_mut().unwrap().remove("name_en"));
            set(d, "indicators", 2, "label_vi", json!(""));
        },
        expect![[r#"
            pillars[0] "kinh-te-so", field "name_en": is missing (required)
            provinces[1] "lang-son", field "name_ascii": is missing (required)
            indicators[2] "dti-ranking", field "label_vi": is missing (required)"#]],
    );
}

/// The tiny dataset's text with `from` (which must occur exactly once) replaced by `to`: for mistakes that
/// stop parsing, whose messages give a line and column in the text as written.
fn retyped(from: &str, to: &str) -> String {
    assert_eq!(TINY.matches(from).count(), 1, "{from:?} should occur once in TINY");
    TINY.replacen(from, to, 1)
}

#[test]
fn misspelt_field_names_the_record_and_field() {
    let text = retyped(r#""qualifier": "at_most", "value": 15"#, r#""qualifier": "at_most", "valeu": 15"#);
    expect![[r#"
        targets[2] "bac-giang/dti-ranking/2025", field "valeu": is not a field of this record (a typo?). Valid fields: id, province, indicator, year, qualifier, value, value_max, unit, status, source, quote, quote_en, note_vi, note_en, label_vi, label_en.
        targets[2] "bac-giang/dti-ranking/2025", field "value": is missing (required)"#]].assert_eq(&messages(&text, Lang::En));
    let text = retyped(r#""schema_version": 1,"#, r#""schema_version": 1, "provincess": [],"#);
    expect![[r#"Dataset file, field "provincess": is not a field of this record (a typo?). Valid fields: schema_version, pillars, provinces, indicators, sources, targets, national."#]].assert_eq(&messages(&text, Lang::En));
}

#[test]
fn wrong_type_names_the_record_and_field() {
    let text =
        retyped(r#""year": 2023, "qualifier": "at_least""#, r#""year": "2023", "qualifier": "at_least""#);
    expect![[r#"targets[3] "lang-son/digital-enterprises/2023", field "year": wrong type: expected a number, found text"#]].assert_eq(&messages(&text, Lang::En));
    expect![[r#"targets[3] "lang-son/digital-enterprises/2023", trường "year": kiểu sai: cần một số, nhưng là văn bản"#]].assert_eq(&messages(&text, Lang::Vi));
    let text = retyped(r#""value": 25,"#, r#""value": "25%","#);
    expect![[r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "value": wrong type: expected a number, found text"#]].assert_eq(&messages(&text, Lang::En));
    let text = retyped(r#""schema_version": 1,"#, r#""schema_version": "1","#);
    expect![[r#"Dataset file, field "schema_version": wrong type: expected a number, found text"#]]
        .assert_eq(&messages(&text, Lang::En));
}

#[test]
fn not_json_at_all() {
    expect!["Dataset file: cannot be read, not valid JSON: line 1, column 1: expected a value (an object, a list, text in double quotes, a number, true, false or null)"]
        .assert_eq(&messages("Tỉnh,Chỉ tiêu,Năm\nBắc Giang,25%,2025\n", Lang::En));
    expect!["Dataset file: cannot be read, not valid JSON: line 1, column 1: expected a value (an object, a list, text in double quotes, a number, true, false or null)"]
        .assert_eq(&messages("", Lang::En));
    expect!["Dataset file: cannot be read, not valid JSON: line 59, column 2: expected the end of the file after the first value"]
        .assert_eq(&messages(&format!("{TINY},"), Lang::En));
}

#[test]
fn schema_version_2() {
    check_both(
        |d| d["schema_version"] = json!(2),
        expect![[r#"Dataset file, field "schema_version": version 2 is not supported (supported: 1)"#]],
        expect![[
            r#"Tệp dữ liệu, trường "schema_version": phiên bản 2 chưa được hỗ trợ (phiên bản hỗ trợ: 1)"#
        ]],
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    check(
        |d| {
            d["schema_version"] = json!(2);
            set(d, "provinces", 1, "name_vi", Value::Null);
            set(d, "sources", 1, "document_date", json!("23/5/2023"));
            set(d, "targets", 0, "value", json!(120));
            set(d, "targets", 1, "value_max", json!(10));
            set(d, "targets", 2, "qualifier", json!("top"));
            set(d, "targets", 3, "year", json!(2200));
            set(d, "targets", 4, "quote", json!(""));
        },
        expect![[r#"
            Dataset file, field "schema_version": version 2 is not supported (supported: 1)
            provinces[1] "lang-son", field "name_vi": is missing (required)
            sources[1] "lang-son-kh-72", field "document_date": date "23/5/2023" is not valid: use YYYY-MM-DD, or --MM-DD when the article gives no year
            targets[0] "bac-giang/digital-economy-share-grdp/2025", field "value": 120 is outside what the unit percent allows (0 to 100)
            targets[1] "lang-son/digital-economy-share-grdp/2025", field "value_max": range is inverted: value_max 10 is below value 15
            targets[2] "bac-giang/dti-ranking/2025", field "qualifier": "top" is not valid. Choose from: exact, about, above, at_least, at_most, range, qualitative.
            targets[3] "lang-son/digital-enterprises/2023", field "year": year 2200 is not valid: expected a whole year from 2000 to 2100
            targets[4] "lang-son/dti-ranking/2023", field "quote": is missing (required)"#]],
    );
}

#[test]
fn a_broken_record_does_not_cause_misleading_problems_elsewhere() {
    // The source's own province is unknown: its targets cannot be compared with it.
    check(
        |d| set(d, "sources", 1, "province", json!("lang-sn")),
        expect![[
            r#"sources[1] "lang-son-kh-72", field "province": "lang-sn" is not in provinces. Valid ids: bac-giang, lang-son."#
        ]],
    );
    // The indicator's unit is unknown: its targets' units cannot be compared with it.
    check(
        |d| set(d, "indicators", 1, "unit", json!("counts")),
        expect![[
            r#"indicators[1] "digital-enterprises", field "unit": "counts" is not valid. Choose from: percent, percent_per_year, count, rank."#
        ]],
    );
    // The indicator's pillar is unknown: nothing else is wrong.
    check(
        |d| set(d, "indicators", 2, "pillar", Value::Null),
        expect![[r#"indicators[2] "dti-ranking", field "pillar": is missing (required)"#]],
    );
}

#[test]
fn a_field_written_twice_is_one_problem_and_reading_goes_on() {
    let text = retyped(r#""value": 25,"#, r#""value": 25, "value": 26,"#);
    expect![[r#"targets[0] "bac-giang/digital-economy-share-grdp/2025", field "value": appears twice in this record"#]]
        .assert_eq(&messages(&text, Lang::En));
}

#[test]
fn a_record_that_is_not_an_object_is_one_problem() {
    check_both(
        |d| d["provinces"].as_array_mut().unwrap().push(json!("ha-noi")),
        expect![[r#"provinces[2]: wrong type: expected an object, found text"#]],
        expect![[r#"provinces[2]: kiểu sai: cần một đối tượng, nhưng là văn bản"#]],
    );
    // The records after it keep their own indices in the messages.
    check(
        |d| {
            d["targets"].as_array_mut().unwrap().insert(1, json!(null));
            set(d, "targets", 2, "value", json!(-1));
        },
        expect![[r#"
            targets[1]: wrong type: expected an object, found null
            targets[2] "lang-son/digital-economy-share-grdp/2025", field "value": -1 is outside what the unit percent allows (0 to 100)"#]],
    );
}

#[test]
fn a_list_of_the_wrong_type_is_one_problem() {
    check(
        |d| d["sources"] = json!({ "bac-giang-nq-111": {} }),
        expect![[r#"Dataset file, field "sources": wrong type: expected a list, found an object"#]],
    );
    expect![[r#"Dataset file: wrong type: expected an object, found a list"#]]
        .assert_eq(&messages("[]", Lang::En));
}

#[test]
fn syntax_errors_name_line_column_and_what_was_expected() {
    let text = retyped(r#""schema_version": 1,"#, r#""schema_version" 1,"#);
    expect!["Dataset file: cannot be read, not valid JSON: line 2, column 20: expected a colon after the field name"]
        .assert_eq(&messages(&text, Lang::En));
    expect!["Tệp dữ liệu: không đọc được vì không phải JSON hợp lệ: dòng 2, cột 20: cần dấu hai chấm sau tên trường"]
        .assert_eq(&messages(&text, Lang::Vi));
    let text = retyped(r#""value": 25,"#, r#""value": 25,,"#);
    expect!["Dataset file: cannot be read, not valid JSON: line 39, column 98: expected a field name in double quotes"]
        .assert_eq(&messages(&text, Lang::En));
}

/// The tiny dataset with one valid national target (digital economy, 20% by 2025, QĐ 749).
fn with_national(dataset: &mut Value) {
    dataset["national"] = json!([{
        "id": "national/digital-economy-share-grdp/2025", "indicator": "digital-economy-share-grdp",
        "year": 2025, "qualifier": "exact", "value": 20, "value_max": null, "unit": "percent",
        "document": "Quyết định 749/QĐ-TTg", "document_title": null, "document_date": "2020-06-03",
        "issuer": "Thủ tướng Chính phủ", "note_vi": null, "note_en": null
    }]);
}

#[test]
fn a_national_target_is_read_and_an_empty_or_absent_list_is_no_problem() {
    let dataset = dataset_from_json(&edited(with_national)).expect("a valid national target");
    assert_eq!(dataset.national.len(), 1);
    assert_eq!(dataset.national[0].document, "Quyết định 749/QĐ-TTg");
    assert_eq!(dataset.national_for(0, 2025).map(|n| n.value), Some(20.0));
    assert_eq!(dataset.national_for(0, 2030), None);
    assert_eq!(messages(&edited(|d| d["national"] = json!([])), Lang::En), "(no problem)");
    assert!(dataset_from_json(TINY).unwrap().national.is_empty());
}

#[test]
fn national_target_of_an_unknown_indicator() {
    check_both(
        |d| {
            with_national(d);
            set(d, "national", 0, "indicator", json!("digital-economy-share-gdp"));
        },
        expect![[
            r#"national[0] "national/digital-economy-share-grdp/2025", field "indicator": "digital-economy-share-gdp" is not in indicators. Valid ids: digital-economy-share-grdp, digital-enterprises, dti-ranking."#
        ]],
        expect![[
            r#"national[0] "national/digital-economy-share-grdp/2025", trường "indicator": "digital-economy-share-gdp" không có trong danh sách indicators. Các id hợp lệ: digital-economy-share-grdp, digital-enterprises, dti-ranking."#
        ]],
    );
}

#[test]
fn national_target_with_a_bad_year_unit_value_or_document() {
    check(
        |d| {
            with_national(d);
            set(d, "national", 0, "year", json!(2025.5));
            set(d, "national", 0, "unit", json!("count"));
            set(d, "national", 0, "value", json!(12.5));
            set(d, "national", 0, "document", json!(" "));
        },
        expect![[r#"
            national[0] "national/digital-economy-share-grdp/2025", field "year": year 2025.5 is not valid: expected a whole year from 2000 to 2100
            national[0] "national/digital-economy-share-grdp/2025", field "document": is missing (required)
            national[0] "national/digital-economy-share-grdp/2025", field "unit": unit "count" differs from the indicator's unit "percent"
            national[0] "national/digital-economy-share-grdp/2025", field "value": 12.5 must be a whole number"#]],
    );
}

#[test]
fn qualitative_or_duplicate_national_targets() {
    check(
        |d| {
            with_national(d);
            let mut second = d["national"][0].clone();
            second["id"] = json!("national/digital-economy-share-grdp/2025-again");
            second["qualifier"] = json!("qualitative");
            d["national"].as_array_mut().unwrap().push(second);
        },
        expect![[r#"
            national[1] "national/digital-economy-share-grdp/2025-again", field "qualifier": a national target is drawn as a line at its value: it cannot be qualitative
            national[1] "national/digital-economy-share-grdp/2025-again", field "year": duplicates national[0] "national/digital-economy-share-grdp/2025" (same indicator and year; the chart draws one line)"#]],
    );
}
