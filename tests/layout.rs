//! Layout properties over the real dataset: at every width the widget supports, for every indicator, every
//! year filter and both languages, no two pieces of text overlap, nothing leaves the view box, and no
//! coordinate is NaN.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::every_view;
use province_targets::chart::layout::layout;
use province_targets::chart::scene::{Item, Scene, Shape};
use province_targets::chart::view::ChartConfig;
use province_targets::data::read::{dataset_from_json, BUNDLED};
use province_targets::Dataset;

const WIDTHS: [f64; 5] = [320.0, 360.0, 600.0, 1000.0, 1200.0];

fn bundled() -> Dataset {
    dataset_from_json(BUNDLED).expect("the bundled dataset is valid")
}

fn texts(scene: &Scene) -> Vec<(&str, province_targets::chart::scene::BBox)> {
    scene
        .shapes()
        .filter_map(|s| match s {
            Shape::Text { text, .. } => Some((text.as_str(), s.bbox())),
            _ => None,
        })
        .collect()
}

/// The default view of one indicator at 600 px.
fn scene_of(dataset: &Dataset, indicator_id: &str) -> Scene {
    let indicator = dataset.indicator_by_id(indicator_id).unwrap();
    layout(dataset, &ChartConfig { indicator, ..ChartConfig::default_for(dataset) }, 600.0)
}

fn words(scene: &Scene) -> Vec<&str> {
    texts(scene).into_iter().map(|(t, _)| t).collect()
}

fn problems_of(scene: &Scene) -> Vec<String> {
    let mut problems = Vec::new();
    let texts = texts(scene);
    for (i, (a, box_a)) in texts.iter().enumerate() {
        for (b, box_b) in &texts[i + 1..] {
            if box_a.overlaps(box_b) {
                problems.push(format!("\"{a}\" {box_a:?} overlaps \"{b}\" {box_b:?}"));
            }
        }
    }
    for shape in scene.shapes() {
        let b = shape.bbox();
        if [b.x0, b.y0, b.x1, b.y1].iter().any(|v| !v.is_finite()) {
            problems.push(format!("non-finite coordinate in {shape:?}"));
        }
        // Half a pixel of tolerance for round caps and strokes.
        if b.x0 < -0.5 || b.y0 < -0.5 || b.x1 > scene.width + 0.5 || b.y1 > scene.height + 0.5 {
            problems.push(format!("outside the {}×{} view box: {shape:?}", scene.width, scene.height));
        }
    }
    problems
}

#[test]
fn no_label_overlaps_and_nothing_leaves_the_view_box_at_any_width() {
    let dataset = bundled();
    let configs = every_view(&dataset);
    let mut failures = Vec::new();
    for width in WIDTHS {
        for config in &configs {
            let scene = layout(&dataset, config, width);
            assert_eq!(scene.width, width);
            for problem in problems_of(&scene) {
                failures.push(format!(
                    "{} {:?} {:?} at {width}px: {problem}",
                    dataset.indicators[config.indicator].id, config.year, config.lang
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems, first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(15)].join("\n")
    );
}

#[test]
fn the_overlap_check_catches_overlapping_labels() {
    // Guards the test above: two labels drawn on top of each other must be reported.
    let dataset = bundled();
    let mut scene = layout(&dataset, &ChartConfig::default_for(&dataset), 600.0);
    let first_text = scene.shapes().find(|s| matches!(s, Shape::Text { .. })).unwrap().clone();
    scene.items.push(Item::Shape(first_text));
    assert!(problems_of(&scene).iter().any(|p| p.contains("overlaps")));
    let mut outside = layout(&dataset, &ChartConfig::default_for(&dataset), 600.0);
    outside.width = 100.0;
    assert!(problems_of(&outside).iter().any(|p| p.contains("outside")));
}

#[test]
fn every_shown_target_is_one_focusable_mark_named_by_province_year_and_value() {
    let dataset = bundled();
    let config = ChartConfig::default_for(&dataset);
    let scene = layout(&dataset, &config, 600.0);
    let names: Vec<&str> = scene.marks().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Bắc Giang, 2025: khoảng 25%",
            "Bắc Giang, 2030: khoảng 35%",
            "Bình Định, 2025: 10%",
            "Bình Định, 2030: 15–20%",
            "Bình Dương, 2025: 20%",
            "Vĩnh Phúc, 2030: 35% (dự thảo)",
            "Lạng Sơn, 2023: tối thiểu 10%",
        ]
    );
}

#[test]
fn a_province_without_a_target_is_listed_never_drawn_as_zero() {
    let scene = scene_of(&bundled(), "digital-enterprises");
    let texts = words(&scene);
    assert_eq!(texts.iter().filter(|t| **t == "không đặt mục tiêu").count(), 4, "{texts:?}");
    assert!(scene.marks().all(|m| m.name.starts_with("Bắc Giang")));
}

#[test]
fn filtering_keeps_the_axis_still() {
    let dataset = bundled();
    let all = ChartConfig::default_for(&dataset);
    let mut one = all.clone();
    one.shown = vec![false, true, false, false, false];
    // The axis's tick labels and where they stand: top-level texts, outside the marks and rows.
    let ticks = |config: &ChartConfig| -> Vec<(String, String)> {
        let scene = layout(&dataset, config, 600.0);
        scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Shape(s @ Shape::Text { text, .. })
                    if text.ends_with('%') && text.chars().next().unwrap().is_ascii_digit() =>
                {
                    Some((text.clone(), format!("{:.2}", s.bbox().x0)))
                }
                _ => None,
            })
            .collect()
    };
    let (ticks_all, ticks_one) = (ticks(&all), ticks(&one));
    assert!(ticks_all.len() >= 2, "the default view has an axis: {ticks_all:?}");
    assert_eq!(ticks_all, ticks_one, "the same ticks with one province shown as with all five");
}

#[test]
fn qualitative_targets_are_words_never_points_on_a_scale() {
    let scene = scene_of(&bundled(), "mobile-broadband-universal");
    let texts = words(&scene);
    assert!(
        !texts.iter().any(|t| t.ends_with('%')),
        "no axis ticks for an indicator without numbers: {texts:?}"
    );
    assert!(scene.marks().count() >= 3);
    for mark in scene.marks() {
        for shape in &mark.shapes {
            match shape {
                Shape::Text { text, italic, .. } => assert!(*italic && text.ends_with("định tính"), "{text}"),
                Shape::Rect { paint, .. } => {
                    assert_eq!(*paint, province_targets::chart::scene::Paint::Transparent)
                }
                other => panic!("a qualitative mark drew {other:?}"),
            }
        }
    }
}
