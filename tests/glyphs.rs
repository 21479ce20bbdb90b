//! The overlap guarantee, measured on real glyphs: every reachable view of the bundled dataset, at phone and
//! desktop widths, is written as SVG, laid out by usvg with DejaVu Sans (the bundled face, the widest common
//! one with Vietnamese glyphs, which the layout's width estimate is tuned to cover), and no two text boxes
//! may overlap, nor any leave the view box.
//!
//! tests/layout.rs checks the scene against the layout's own estimate of text width; this file checks the
//! estimate against the font. A text box is usvg's: the glyphs' advances across, the face's ascent to
//! descent down.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::every_view;
use province_targets::chart::layout::layout;
use province_targets::chart::scene::{Scene, Shape};
use province_targets::data::read::{dataset_from_json, BUNDLED};
use province_targets::render::svg::{to_svg, Palette};
use province_targets::render::theme::ThemeName;
use resvg::usvg::{self, fontdb};
use std::sync::Arc;

const WIDTHS: [f64; 4] = [320.0, 360.0, 768.0, 1200.0];

/// usvg with DejaVu Sans and DejaVu Sans Bold only: no system font, so every machine measures the same.
fn options() -> usvg::Options<'static> {
    let mut fonts = fontdb::Database::new();
    for data in [
        &include_bytes!("../assets/fonts/DejaVuSans.ttf")[..],
        &include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf")[..],
    ] {
        fonts.load_font_source(fontdb::Source::Binary(Arc::new(data)));
    }
    fonts.set_sans_serif_family("DejaVu Sans");
    usvg::Options {
        font_family: "DejaVu Sans".to_string(),
        languages: vec!["vi".to_string(), "en".to_string()],
        fontdb: Arc::new(fonts),
        ..usvg::Options::default()
    }
}

/// Each text of the tree with its box in the view box's coordinates, and each long vertical line (a
/// national line or a gridline, as drawn: a line broken round a label is its pieces).
fn text_boxes(group: &usvg::Group, out: &mut Vec<(String, usvg::Rect)>, lines: &mut Vec<usvg::Rect>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(group) => text_boxes(group, out, lines),
            usvg::Node::Text(text) => {
                let words: String = text.chunks().iter().map(|c| c.text()).collect();
                out.push((words, text.abs_bounding_box()));
            }
            usvg::Node::Path(path) => {
                let b = path.abs_bounding_box();
                if b.width() < 0.5 && b.height() > 20.0 {
                    lines.push(b);
                }
            }
            _ => {}
        }
    }
}

/// What is wrong with the SVG's text as the font lays it out. With the `estimates` the layout made of each
/// text's width (in document order), a text wider in the font than its estimate is wrong too: the layout's
/// own overlap guarantee (tests/layout.rs) only carries over to real glyphs if the estimate covers them.
fn problems(svg: &str, options: &usvg::Options, estimates: Option<&[(String, f64)]>) -> Vec<String> {
    let tree = usvg::Tree::from_str(svg, options).expect("the SVG parses");
    let (width, height) = (tree.size().width(), tree.size().height());
    let (mut boxes, mut lines) = (Vec::new(), Vec::new());
    text_boxes(tree.root(), &mut boxes, &mut lines);
    let mut problems = Vec::new();
    let texts_in_svg = svg.matches("<text").count();
    if boxes.len() != texts_in_svg {
        problems.push(format!("{} of {texts_in_svg} texts were laid out", boxes.len()));
    }
    if let Some(estimates) = estimates {
        for ((text, real), (estimated_text, estimate)) in boxes.iter().zip(estimates) {
            // SVG drops a text's trailing space (a wrapped label's line keeps the one it was broken at).
            assert_eq!(text, estimated_text.trim_end(), "the SVG's texts come in the scene's order");
            if real.width() as f64 > estimate + 0.01 {
                problems.push(format!("\"{text}\" is {:.2} px wide, estimated {estimate:.2}", real.width()));
            }
        }
    }
    for (i, (a, box_a)) in boxes.iter().enumerate() {
        for (b, box_b) in &boxes[i + 1..] {
            let overlap_x = box_a.right().min(box_b.right()) - box_a.left().max(box_b.left());
            let overlap_y = box_a.bottom().min(box_b.bottom()) - box_a.top().max(box_b.top());
            // A hundredth of a pixel for rounding: boxes that only touch do not overlap.
            if overlap_x > 0.01 && overlap_y > 0.01 {
                problems.push(format!("\"{a}\" overlaps \"{b}\" by {overlap_x:.1}×{overlap_y:.1} px"));
            }
        }
        for line in &lines {
            // The line's own width is not in its box: it is drawn at most 1.5 px wide.
            let (x, half) = (line.left(), 0.75);
            if x + half > box_a.left()
                && x - half < box_a.right()
                && line.top() < box_a.bottom()
                && line.bottom() > box_a.top()
            {
                problems.push(format!("a line at x {x:.1} crosses \"{a}\""));
            }
        }
        if box_a.left() < -0.01
            || box_a.top() < -0.01
            || box_a.right() > width + 0.01
            || box_a.bottom() > height + 0.01
        {
            problems.push(format!(
                "\"{a}\" ({:.1}, {:.1})–({:.1}, {:.1}) leaves the {width}×{height} view box",
                box_a.left(),
                box_a.top(),
                box_a.right(),
                box_a.bottom()
            ));
        }
    }
    problems
}

/// Each text of the scene with the width the layout estimated for it.
fn estimated_widths(scene: &Scene) -> Vec<(String, f64)> {
    scene
        .shapes()
        .filter_map(|shape| match shape {
            Shape::Text { text, width, .. } => Some((text.clone(), *width)),
            _ => None,
        })
        .collect()
}

#[test]
fn no_two_texts_overlap_in_real_glyphs_and_none_leaves_the_view_box() {
    let dataset = dataset_from_json(BUNDLED).expect("the bundled dataset is valid");
    let configs = every_view(&dataset);
    let options = options();
    let palette = Palette::of(ThemeName::Light);
    // One thread per width: usvg's text layout is the slow part, and the machine has more than one core.
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = WIDTHS
            .iter()
            .map(|&width| {
                let (dataset, configs, options, palette) = (&dataset, &configs, &options, &palette);
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    for config in configs {
                        let scene = layout(dataset, config, width);
                        let estimates = estimated_widths(&scene);
                        let svg = to_svg(&scene, palette);
                        for problem in problems(&svg, options, Some(&estimates)) {
                            failures.push(format!(
                                "{} {:?} {:?} at {width}px: {problem}",
                                dataset.indicators[config.indicator].id, config.year, config.lang
                            ));
                        }
                    }
                    failures
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("no panic")).collect()
    });
    assert!(
        failures.is_empty(),
        "{} problems, first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(25)].join("\n")
    );
}

#[test]
fn the_glyph_check_catches_an_overlap_and_a_text_outside() {
    // Guards the test above: the same text twice, and a text past the right edge, must be reported.
    let options = options();
    let svg = |body: &str| {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" viewBox=\"0 0 200 100\" \
             font-family=\"DejaVu Sans\">{body}</svg>"
        )
    };
    let crossed = svg("<text x=\"10\" y=\"50\" font-size=\"12\">Lạng Sơn</text><line x1=\"30\" y1=\"0\" x2=\"30\" y2=\"100\" stroke=\"black\"/>");
    assert!(problems(&crossed, &options, None).iter().any(|p| p.contains("crosses")));
    let twice = svg("<text x=\"10\" y=\"50\" font-size=\"12\">Bắc Giang</text><text x=\"60\" y=\"52\" font-size=\"12\">Lạng Sơn</text>");
    assert!(
        problems(&twice, &options, None).iter().any(|p| p.contains("overlaps")),
        "{:?}",
        problems(&twice, &options, None)
    );
    let apart = svg("<text x=\"10\" y=\"50\" font-size=\"12\">Bắc Giang</text><text x=\"90\" y=\"50\" font-size=\"12\">Lạng Sơn</text>");
    assert_eq!(problems(&apart, &options, None), Vec::<String>::new());
    let outside = svg("<text x=\"150\" y=\"50\" font-size=\"12\">khoảng 25%</text>");
    assert!(problems(&outside, &options, None).iter().any(|p| p.contains("leaves")));
}

#[test]
fn the_estimate_covers_real_glyphs_in_the_fixtures_too() {
    // Negative numbers (the minus sign), hostile names and markup: characters the bundled data lacks.
    let options = options();
    for fixture in [include_str!("fixtures/negative.json"), include_str!("fixtures/hostile.json")] {
        let dataset = dataset_from_json(fixture).expect("valid fixture");
        for config in every_view(&dataset) {
            for width in WIDTHS {
                let scene = layout(&dataset, &config, width);
                let svg = to_svg(&scene, &Palette::of(ThemeName::Dark));
                let problems = problems(&svg, &options, Some(&estimated_widths(&scene)));
                assert!(
                    problems.is_empty(),
                    "{} at {width}px: {problems:#?}",
                    dataset.indicators[config.indicator].id
                );
            }
        }
    }
}
