//! The national yardstick (issue 15) in the whole layout: the line stands at the national value, under its
//! label, and the embed option `national="off"` removes it.
#![cfg(not(target_arch = "wasm32"))]

use province_targets::chart::layout::layout;
use province_targets::chart::scene::{Anchor, BBox, Item, Paint, Shape};
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
        let national_lines: Vec<(f64, f64, f64)> = scene
            .shapes()
            .filter_map(|shape| match shape {
                Shape::Line { x1, y1, y2, paint: Paint::Ink, dashed: true, .. } => Some((*x1, *y1, *y2)),
                _ => None,
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
    assert!(!scene.shapes().any(|s| matches!(s, Shape::Line { paint: Paint::Ink, dashed: true, .. })));
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
