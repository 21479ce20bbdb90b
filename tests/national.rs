//! The national yardstick (issue 15) in the whole layout: the line stands at the national value, under its
//! label, and the embed option `national="off"` removes it.
#![cfg(not(target_arch = "wasm32"))]

use province_targets::chart::layout::layout;
use province_targets::chart::scene::{Anchor, BBox, Item, Paint, Scene, Shape};
use province_targets::chart::view::{ChartConfig, Requested};
use province_targets::data::read::{dataset_from_json, BUNDLED};

/// The whole layout: the 2025 digital-economy chart draws one national line, at the x of its 20% tick,
/// from under its label down to the rows' foot, and none when the embed turns it off.
#[test]
fn the_layout_draws_the_line_at_the_national_value() {
    let dataset = dataset_from_json(BUNDLED).unwrap();
    let requested = Requested {
        indicator: Some("digital-economy-share-grdp".into()),
        year: Some("2025".into()),
        ..Requested::default()
    };
    let (config, _) = ChartConfig::resolve(&dataset, &requested);
    for width in [320.0, 600.0, 1200.0] {
        let scene = layout(&dataset, &config, width);
        let national_lines: Vec<(f64, f64, f64)> = national_lines(&scene)
            .into_iter()
            .map(|(_, shape)| match shape {
                Shape::Line { x1, y1, y2, .. } => (x1, y1, y2),
                other => panic!("{other:?}"),
            })
            .collect();
        let tick_x = scene.shapes().find_map(|shape| match shape {
            Shape::Text { x, text, anchor: Anchor::Middle, .. } if text == "20%" => Some(*x),
            _ => None,
        });
        assert_eq!(national_lines.len(), 1, "{width}");
        let (x, top, bottom) = national_lines[0];
        assert_eq!(Some(x), tick_x, "{width}: the line stands at 20%");
        assert!(bottom - top > 100.0, "{width}: the line runs through the rows");
        let label_bottom = scene.shapes().find_map(|shape| match shape {
            Shape::Text { y, text, .. } if text.starts_with("Mục tiêu quốc gia 2025: 20%") => Some(*y),
            _ => None,
        });
        assert!(label_bottom.is_some_and(|y| y < top), "{width}: the label stands above the line");
    }
    let off = ChartConfig { national: false, ..config };
    let scene = layout(&dataset, &off, 600.0);
    assert!(national_lines(&scene).is_empty());
}

/// Each national line of a scene with its year, in drawing order.
fn national_lines(scene: &Scene) -> Vec<(u16, Shape)> {
    let dataset = dataset_from_json(BUNDLED).unwrap();
    scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Reference(r) => {
                let line = r.shapes.iter().find(|s| matches!(s, Shape::Line { dashed: true, .. }))?;
                Some((dataset.national[r.national].year, line.clone()))
            }
            _ => None,
        })
        .collect()
}

/// The two national lines of the default view (2025 and 2030) are told apart at a glance: each is drawn in
/// its year's colour, the colour of that year's marks and legend entry, and its label starts the same way
/// at every width (at the chart's left edge, after a key in the line's colour and dash).
#[test]
fn each_national_line_is_drawn_in_its_years_colour_and_labelled_the_same_way_at_every_width() {
    let dataset = dataset_from_json(BUNDLED).unwrap();
    let config = ChartConfig::default_for(&dataset);
    for width in [320.0, 360.0, 768.0, 1280.0] {
        let scene = layout(&dataset, &config, width);
        let lines = national_lines(&scene);
        assert_eq!(lines.len(), 2, "{width}");
        // A year's colour, as its marks have it.
        let mark_paint = |year: u16| {
            scene
                .marks()
                .filter(|m| dataset.targets[m.target].year == year)
                .flat_map(|m| m.shapes.iter())
                .find_map(|s| match s {
                    Shape::Text { paint, .. } => Some(*paint),
                    _ => None,
                })
                .unwrap()
        };
        for (year, line) in &lines {
            let Shape::Line { paint, .. } = line else { unreachable!() };
            assert!(matches!(paint, Paint::Series(_)), "{width}: {year} in a year's colour: {paint:?}");
            assert_eq!(*paint, mark_paint(*year), "{width}: the {year} line in the {year} marks' colour");
        }
        assert_ne!(lines[0].1, lines[1].1);
        // Every label starts at the same place, whatever the width: after its key at the left edge.
        let starts: Vec<(f64, Anchor)> = scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Reference(r) => r.shapes.iter().find_map(|s| match s {
                    Shape::Text { x, anchor, .. } => Some((*x, *anchor)),
                    _ => None,
                }),
                _ => None,
            })
            .collect();
        let pad = if width < 560.0 { 12.0 } else { 16.0 };
        for (x, anchor) in starts {
            assert_eq!((x - pad, anchor), (18.0, Anchor::Start), "{width}");
        }
    }
}

/// Every national line a reader can reach has a touch box of at least 24 × 24 px round its label (WCAG
/// 2.5.8), and no two boxes overlap, at every width, in the default view that draws the 2025 and 2030 lines.
#[test]
fn each_national_line_has_its_own_touch_target_of_24_px() {
    let dataset = dataset_from_json(BUNDLED).unwrap();
    let config = ChartConfig::default_for(&dataset);
    for width in (320..=1200).step_by(20) {
        let scene = layout(&dataset, &config, width as f64);
        let boxes: Vec<BBox> = scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Reference(reference) => {
                    let hit = reference.shapes.iter().find_map(|shape| match shape {
                        Shape::Rect { paint: Paint::Transparent, .. } => Some(shape.bbox()),
                        _ => None,
                    });
                    assert!(reference.name.starts_with("Mục tiêu quốc gia 20"), "{}", reference.name);
                    hit
                }
                _ => None,
            })
            .collect();
        assert_eq!(boxes.len(), 2, "{width}: the 2025 and 2030 lines, each with its box");
        for b in &boxes {
            assert!(b.x1 - b.x0 >= 24.0 && b.y1 - b.y0 >= 24.0, "{width}: {b:?}");
            assert!(b.x0 >= 0.0 && b.x1 <= width as f64, "{width}: inside the chart: {b:?}");
        }
        assert!(!boxes[0].overlaps(&boxes[1]), "{width}: {boxes:?}");
    }
}
