//! Properties of the core over generated inputs: any dataset that passes validation lays out without panic,
//! with no NaN and every primitive inside the view box, at any width and for any view a reader can reach;
//! and any text handed to the reader yields a dataset or problems, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use province_targets::chart::layout::layout;
use province_targets::chart::scene::Shape;
use province_targets::chart::view::ChartConfig;
use province_targets::data::read::dataset_from_json;
use province_targets::render::svg::{to_svg, Palette};
use province_targets::render::theme::ThemeName;
use province_targets::Lang;
use serde_json::{json, Value};

/// Names from plain to hostile: long, Vietnamese, markup, quotes, control-free but awkward.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Bắc Giang".to_string()),
        Just("Thành phố Hồ Chí Minh".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("A \"quoted\" & 'odd' ]]> name".to_string()),
        "[a-zA-ZÀ-ỹ][a-zA-ZÀ-ỹ ]{0,59}",
        "[A-Z]{1,40}",
    ]
}

#[derive(Debug, Clone)]
struct GenTarget {
    province: usize,
    indicator: usize,
    year: u16,
    qualifier: &'static str,
    value: f64,
    spread: f64,
    draft: bool,
}

fn target(n_provinces: usize, n_indicators: usize) -> impl Strategy<Value = GenTarget> {
    (
        0..n_provinces,
        0..n_indicators,
        prop_oneof![Just(2021u16), Just(2025), Just(2030), 2000u16..=2100],
        prop::sample::select(vec!["exact", "about", "above", "at_least", "at_most", "range", "qualitative"]),
        0.0f64..=1.0,
        0.0f64..=1.0,
        any::<bool>(),
    )
        .prop_map(|(province, indicator, year, qualifier, value, spread, draft)| GenTarget {
            province,
            indicator,
            year,
            qualifier,
            value,
            spread,
            draft,
        })
}

const UNITS: [&str; 4] = ["percent", "percent_per_year", "count", "rank"];

/// A valid dataset: generated records are made consistent (unique keys, values within their unit's bounds).
fn dataset() -> impl Strategy<Value = String> {
    (1usize..=8, 1usize..=4)
        .prop_flat_map(|(n_provinces, n_indicators)| {
            (
                prop::collection::vec(name(), n_provinces),
                prop::collection::vec((name(), 0usize..4), n_indicators),
                prop::collection::vec(target(n_provinces, n_indicators), 1..40),
            )
        })
        .prop_map(|(provinces, indicators, targets)| {
            let mut seen = std::collections::HashSet::new();
            let units: Vec<&str> = indicators.iter().map(|(_, u)| UNITS[*u]).collect();
            let targets: Vec<Value> = targets
                .into_iter()
                .filter(|t| seen.insert((t.province, t.indicator, t.year)))
                .enumerate()
                .map(|(i, t)| {
                    let unit = units[t.indicator];
                    let (low, high) = match unit {
                        "percent" => (0.0, 100.0),
                        "percent_per_year" => (-100.0, 1000.0),
                        "count" => (0.0, 1_000_000.0),
                        _ => (1.0, 100.0),
                    };
                    let whole = matches!(unit, "count" | "rank");
                    let round = |v: f64| if whole { v.round() } else { (v * 100.0).round() / 100.0 };
                    let value = round(low + (high - low) * t.value);
                    let max = round(value + (high - value) * t.spread);
                    let (value, value_max) = match t.qualifier {
                        "qualitative" => (Value::Null, Value::Null),
                        "range" => (json!(value), json!(max)),
                        _ => (json!(value), Value::Null),
                    };
                    json!({
                        "id": format!("t-{i}"), "province": format!("p-{}", t.province),
                        "indicator": format!("i-{}", t.indicator), "year": t.year, "qualifier": t.qualifier,
                        "value": value, "value_max": value_max, "unit": unit,
                        "status": if t.draft { "draft" } else { "adopted" }, "source": format!("s-{}", t.province),
                        "quote": "trích dẫn", "note_vi": null, "note_en": null
                    })
                })
                .collect();
            json!({
                "schema_version": 1,
                "pillars": [{"id": "p", "name_vi": "Trụ cột", "name_en": "Pillar"}],
                "provinces": provinces.iter().enumerate().map(|(i, n)| json!({
                    "id": format!("p-{i}"), "name_vi": n, "name_ascii": "x", "admin_note_vi": null, "admin_note_en": null
                })).collect::<Vec<_>>(),
                "indicators": indicators.iter().enumerate().map(|(i, (n, u))| json!({
                    "id": format!("i-{i}"), "pillar": "p", "label_vi": n, "label_en": n,
                    "definition_vi": n, "definition_en": null, "unit": UNITS[*u],
                    "unit_label_vi": "doanh nghiệp", "unit_label_en": null
                })).collect::<Vec<_>>(),
                "sources": (0..provinces.len()).map(|i| json!({
                    "id": format!("s-{i}"), "province": format!("p-{i}"), "document": "Kế hoạch số 1/KH-UBND",
                    "document_title": null, "document_date": "2023-05-23", "issuer": null, "article_title": null,
                    "article_date": null, "article_author": null, "article_publisher": null, "article_file": null
                })).collect::<Vec<_>>(),
                "targets": targets,
            })
            .to_string()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn every_valid_dataset_lays_out_inside_the_view_box(
        text in dataset(),
        width in 280.0f64..1400.0,
        indicator_pick in any::<prop::sample::Index>(),
        year_pick in any::<prop::sample::Index>(),
        all_years in any::<bool>(),
        shown_bits in any::<u8>(),
        english in any::<bool>(),
    ) {
        let dataset = dataset_from_json(&text).unwrap_or_else(|p| panic!("generated data is invalid: {}", p[0].message(Lang::En)));
        let years = dataset.years();
        let config = ChartConfig {
            indicator: indicator_pick.index(dataset.indicators.len()),
            year: if all_years { None } else { Some(years[year_pick.index(years.len())]) },
            shown: (0..dataset.provinces.len()).map(|i| shown_bits & (1 << (i % 8)) != 0).collect(),
            lang: if english { Lang::En } else { Lang::Vi },
            national: true,
            highlight: Vec::new(),
        };
        let scene = layout(&dataset, &config, width);
        prop_assert!(scene.width.is_finite() && scene.height.is_finite() && scene.height > 0.0);
        for shape in scene.shapes() {
            let b = shape.bbox();
            prop_assert!([b.x0, b.y0, b.x1, b.y1].iter().all(|v| v.is_finite()), "NaN in {:?}", shape);
            prop_assert!(
                b.x0 >= -0.5 && b.y0 >= -0.5 && b.x1 <= scene.width + 0.5 && b.y1 <= scene.height + 0.5,
                "outside the {}×{} view box: {:?}", scene.width, scene.height, shape
            );
            if let Shape::Text { text, .. } = shape {
                prop_assert!(!text.is_empty());
            }
        }
        let svg = to_svg(&scene, &Palette::of(ThemeName::Dark));
        prop_assert!(roxmltree::Document::parse(&svg).is_ok(), "the SVG is not well-formed XML");
    }

    #[test]
    fn any_text_reads_to_a_dataset_or_problems_never_a_panic(text in any::<String>()) {
        let _ = dataset_from_json(&text);
    }

    #[test]
    fn any_mutation_of_a_valid_dataset_reads_without_panic(
        text in dataset(),
        position in any::<prop::sample::Index>(),
        replacement in prop_oneof![Just("null"), Just("\"\""), Just("-1e308"), Just("[]"), Just("{}"), Just("1.5"), Just("\"x\"")],
    ) {
        // Replace one JSON value (the token after a colon) with something of another type or range.
        let colons: Vec<usize> = text.match_indices(": ").map(|(i, _)| i).chain(text.match_indices(':').map(|(i, _)| i)).collect();
        let at = colons[position.index(colons.len())] + 1;
        let end = text[at..].find([',', '}']).map(|e| at + e).unwrap_or(text.len());
        let mutated = format!("{}{}{}", &text[..at], replacement, &text[end..]);
        let _ = dataset_from_json(&mutated);
    }
}

/// One indicator of `unit`, one province per value, each with an exact target of that value in 2025.
fn one_indicator(unit: &str, values: &[f64]) -> String {
    json!({
        "schema_version": 1,
        "pillars": [{"id": "p", "name_vi": "Trụ cột", "name_en": "Pillar"}],
        "provinces": (0..values.len()).map(|i| json!({
            "id": format!("p-{i}"), "name_vi": format!("Tỉnh {i}"), "name_ascii": "x",
            "admin_note_vi": null, "admin_note_en": null
        })).collect::<Vec<_>>(),
        "indicators": [{
            "id": "i", "pillar": "p", "label_vi": "Chỉ tiêu", "label_en": "Indicator", "definition_vi": null,
            "definition_en": null, "unit": unit, "unit_label_vi": null, "unit_label_en": null
        }],
        "sources": (0..values.len()).map(|i| json!({
            "id": format!("s-{i}"), "province": format!("p-{i}"), "document": "Kế hoạch số 1/KH-UBND",
            "document_title": null, "document_date": null, "issuer": null, "article_title": null,
            "article_date": null, "article_author": null, "article_publisher": null, "article_file": null
        })).collect::<Vec<_>>(),
        "targets": values.iter().enumerate().map(|(i, v)| json!({
            "id": format!("t-{i}"), "province": format!("p-{i}"), "indicator": "i", "year": 2025,
            "qualifier": "exact", "value": v, "value_max": null, "unit": unit, "status": "adopted",
            "source": format!("s-{i}"), "quote": "trích dẫn", "note_vi": null, "note_en": null
        })).collect::<Vec<_>>(),
    })
    .to_string()
}

/// A value within `unit`'s bounds, rounded as the data gives it.
fn value_in(unit: &'static str) -> impl Strategy<Value = f64> {
    let (low, high): (f64, f64) = match unit {
        "percent" => (0.0, 100.0),
        "percent_per_year" => (-100.0, 1000.0),
        "count" => (0.0, 1_000_000.0),
        _ => (1.0, 100.0),
    };
    prop_oneof![
        // Small values on either side of zero, where a clamp at zero would hide the sign.
        (low.max(-20.0)..=20.0f64.min(high)),
        (low..=high),
    ]
    .prop_map(move |v| if matches!(unit, "count" | "rank") { v.round() } else { (v * 100.0).round() / 100.0 })
}

fn unit_and_values() -> impl Strategy<Value = (&'static str, Vec<f64>)> {
    prop::sample::select(UNITS.to_vec())
        .prop_flat_map(|unit| (Just(unit), prop::collection::vec(value_in(unit), 2..6)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// A mark stands further right the larger its value, on both sides of zero (for a rank, the higher its
    /// place: first place is at the right), and every value lies on the axis (between its first and last
    /// tick): nothing is drawn at a bound it does not have.
    #[test]
    fn a_mark_moves_right_as_its_value_grows_across_zero(
        (unit, values) in unit_and_values(),
        width in 280.0f64..1400.0,
    ) {
        let dataset = dataset_from_json(&one_indicator(unit, &values)).expect("valid");
        let config = ChartConfig { indicator: 0, ..ChartConfig::default_for(&dataset) };
        let scene = layout(&dataset, &config, width);
        // The mark's position: the centre of its (transparent) hit circle.
        let xs: Vec<(f64, f64)> = scene
            .marks()
            .map(|mark| {
                let value = dataset.targets[mark.target].value.unwrap();
                let x = mark.shapes.iter().find_map(|s| match s {
                    Shape::Circle { cx, r, .. } if *r == 14.0 => Some(*cx),
                    _ => None,
                });
                (value, x.expect("a point mark has a hit circle"))
            })
            .collect();
        prop_assert_eq!(xs.len(), values.len());
        let rightward = if unit == "rank" { -1.0 } else { 1.0 };
        for a in &xs {
            for b in &xs {
                if a.0 < b.0 {
                    prop_assert!((b.1 - a.1) * rightward > 0.0, "{} drawn at {} and {} drawn at {}", a.0, a.1, b.0, b.1);
                }
            }
        }
        // The ticks are the axis: the gridlines' x, in order, cover every value, and 0 is one of them
        // whenever the axis spans zero.
        let ticks = tick_positions(&scene);
        prop_assert!(ticks.len() >= 2, "{:?}", ticks);
        let (first, last) = (ticks[0], ticks[ticks.len() - 1]);
        let (lowest, highest) = (first.0.min(last.0), first.0.max(last.0));
        if unit == "rank" {
            prop_assert_eq!(highest.min(lowest), 1.0, "a rank axis starts at first place: {:?}", ticks);
        }
        for (value, x) in &xs {
            let (left, right) = (first.1.min(last.1), first.1.max(last.1));
            prop_assert!(*x >= left - 1e-6 && *x <= right + 1e-6, "{} at {} is off the axis {:?}", value, x, ticks);
            prop_assert!(*value >= lowest && *value <= highest, "{} is outside the ticks {:?}", value, ticks);
        }
    }
}

/// The axis's ticks, as (value, x): the gridlines, with the value read back from the tick labels.
fn tick_positions(scene: &province_targets::chart::scene::Scene) -> Vec<(f64, f64)> {
    use province_targets::chart::scene::Item;
    // A gridline broken round a label is drawn in pieces, one after another: one tick.
    let mut gridlines: Vec<f64> = scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Shape(Shape::Line { x1, x2, y1, y2, .. }) if x1 == x2 && y2 > y1 => Some(*x1),
            _ => None,
        })
        .collect();
    gridlines.dedup();
    let labels: Vec<f64> = scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Shape(Shape::Text { text, .. }) => {
                let number: String = text
                    .trim_end_matches('%')
                    .chars()
                    .filter(|c| *c != '.' && *c != ' ')
                    .map(|c| match c {
                        ',' => '.',
                        '\u{2212}' => '-',
                        c => c,
                    })
                    .collect();
                number.parse::<f64>().ok()
            }
            _ => None,
        })
        .collect();
    let n = gridlines.len().min(labels.len());
    labels[labels.len() - n..].iter().copied().zip(gridlines[gridlines.len() - n..].iter().copied()).collect()
}
