//! The pure core compiled to WebAssembly, run under Node (`wasm-pack test --node`): the data path the
//! browser takes (the text parsed by JavaScript's `JSON.parse`, the value read into the serde types through
//! serde-wasm-bindgen) must give the same dataset, the same problems and the same SVG, byte for byte, as the
//! native build's golden files.
#![cfg(target_arch = "wasm32")]

use province_targets::chart::layout::layout;
use province_targets::chart::view::{ChartConfig, Requested};
use province_targets::data::raw::DatasetFile;
use province_targets::data::validate::validate;
use province_targets::render::svg::{to_svg, Palette};
use province_targets::render::theme::ThemeName;
use province_targets::{Dataset, Lang};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

const BUNDLED: &str = include_str!("../data/targets.json");

fn read(json: &str) -> Result<Dataset, Vec<province_targets::Problem>> {
    let value = js_sys::JSON::parse(json).expect("the test's text is JSON");
    let file: DatasetFile = serde_wasm_bindgen::from_value(value).expect("reading a dataset never fails");
    validate(&file)
}

#[wasm_bindgen_test]
fn the_bundled_dataset_reads_in_the_module() {
    let dataset = read(BUNDLED).unwrap_or_else(|p| panic!("{}", p[0].message(Lang::En)));
    assert_eq!(dataset.provinces.len(), 5);
    assert!(dataset.targets.len() > 100);
    assert_eq!(dataset.indicators[dataset.default_indicator().unwrap()].id, "digital-economy-share-grdp");
}

#[wasm_bindgen_test]
fn the_module_draws_exactly_the_native_golden_svg() {
    let dataset = read(BUNDLED).unwrap();
    let (config, _) = ChartConfig::resolve(&dataset, &Requested::default());
    let svg = to_svg(&layout(&dataset, &config, 600.0), &Palette::of(ThemeName::Light));
    assert_eq!(svg, include_str!("golden/default-vi-600.svg"));

    let requested = Requested {
        indicator: Some("records-online-commune".into()),
        year: Some("2025".into()),
        lang: Some("en".into()),
        provinces: None,
        national: None,
        highlight: None,
    };
    let (config, _) = ChartConfig::resolve(&dataset, &requested);
    let svg = to_svg(&layout(&dataset, &config, 360.0), &Palette::of(ThemeName::Dark));
    assert_eq!(svg, include_str!("golden/records-online-commune-2025-en-360-dark.svg"));
}

#[wasm_bindgen_test]
fn negative_targets_and_huge_numbers_come_out_as_natively() {
    // The u128 and big-integer paths of locale::number, and the axis across zero, in WebAssembly.
    let dataset = read(include_str!("fixtures/negative.json")).unwrap();
    let (config, _) = ChartConfig::resolve(&dataset, &Requested::default());
    let svg = to_svg(&layout(&dataset, &config, 600.0), &Palette::of(ThemeName::Light));
    assert_eq!(svg, include_str!("golden/negative-vi-600.svg"));
    use province_targets::locale::number::{number, plain};
    assert_eq!(number(-1e20, Lang::Vi), "\u{2212}100.000.000.000.000.000.000");
    assert_eq!(plain(0.015, 2), "0.01");
    assert_eq!(&plain(1e300, 0)[..20], "10000000000000000525");
}

#[wasm_bindgen_test]
fn a_wrong_type_in_a_javascript_value_names_the_record_and_field() {
    let broken = BUNDLED.replacen("\"year\": 2025", "\"year\": \"2025\"", 1);
    let problems = read(&broken).unwrap_err();
    let message = problems[0].message(Lang::En);
    assert!(message.starts_with("targets["), "{message}");
    assert!(message.contains("field \"year\""), "{message}");
}

#[wasm_bindgen_test]
fn not_an_object_at_all_is_a_clear_problem_not_a_panic() {
    for json in ["42", "null", "[1,2]", "\"text\""] {
        let problems = read(json).unwrap_err();
        let message = problems[0].message(Lang::En);
        assert!(
            message.starts_with("Dataset file: wrong type: expected an object, found "),
            "{json}: {message}"
        );
    }
}

#[wasm_bindgen_test]
fn a_record_keeps_its_unknown_keys_in_file_order_in_the_module() {
    use province_targets::data::field::{Field, Record};
    let value =
        js_sys::JSON::parse(r#"{"provinces": [{"zz": 1, "id": "hn", "aa": 2}], "extra": true}"#).unwrap();
    let file: DatasetFile = serde_wasm_bindgen::from_value(value).unwrap();
    let Record::Object { fields, unknown, .. } = file else { panic!("the file is an object") };
    assert_eq!(unknown, ["extra"]);
    let Field::Value(provinces) = fields.provinces else { panic!("provinces is a list") };
    let Record::Object { unknown, .. } = &provinces[0] else { panic!("the province is an object") };
    assert_eq!(unknown, &["zz", "aa"]);
}

#[wasm_bindgen_test]
fn a_record_no_json_text_makes_is_unreadable_not_a_panic() {
    // JSON.parse never makes a Map or a typed array; a page's hand-made value that holds one fails to read.
    let odd: [JsValue; 2] = [js_sys::Map::new().into(), js_sys::Uint8Array::new_with_length(2).into()];
    for record in odd {
        let file = js_sys::Object::new();
        js_sys::Reflect::set(&file, &"provinces".into(), &js_sys::Array::of1(&record)).unwrap();
        assert!(serde_wasm_bindgen::from_value::<DatasetFile>(file.into()).is_err());
    }
}
