//! Layout properties over the real dataset: at every width the widget supports, for every indicator, every
//! year filter and both languages, no two pieces of text overlap, nothing leaves the view box, and no
//! coordinate is NaN.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::every_view;
use province_targets::chart::layout::layout;
use province_targets::chart::scene::{BBox, Item, Paint, Scene, Shape};
use province_targets::chart::view::{ChartConfig, Requested};
use province_targets::data::model::{Qualifier, Unit};
use province_targets::data::read::{dataset_from_json, BUNDLED};
use province_targets::{Dataset, Lang};

const WIDTHS: [f64; 8] = [320.0, 360.0, 600.0, 768.0, 1000.0, 1200.0, 1280.0, 1024.0];

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
    for (what, line) in vertical_lines(scene) {
        for (text, b) in &texts {
            if line.x0 < b.x1 && b.x0 < line.x1 && line.y0 < b.y1 && b.y0 < line.y1 {
                problems.push(format!("the {what} at x {:.1} crosses \"{text}\" {b:?}", line.x0));
            }
        }
    }
    for (text, _) in &texts {
        // The layout cuts a text with "…" at its end; a quote's own "(…)" is not a cut.
        if text.ends_with('…') {
            problems.push(format!("\"{text}\" is cut"));
        }
    }
    problems.extend(rows_problems(scene));
    problems.extend(away_from_mark(scene));
    problems
}

/// How far a label may stand from its own marker, across: further away, it reads as another mark's label.
const AWAY: f64 = 12.0;

/// Each label that stands away from its own marker (the mark's drawn shapes, not its touch box or texts).
fn away_from_mark(scene: &Scene) -> Vec<String> {
    let mut problems = Vec::new();
    for item in scene.flat_items() {
        let Item::Mark(mark) = item else { continue };
        let drawn =
            |s: &&Shape| !matches!(s, Shape::Text { .. } | Shape::Rect { paint: Paint::Transparent, .. });
        let marker = mark.shapes.iter().filter(drawn).map(|s| s.bbox());
        let Some((x0, x1)) = marker.fold(None, |span: Option<(f64, f64)>, b| {
            Some(span.map_or((b.x0, b.x1), |(a, z)| (a.min(b.x0), z.max(b.x1))))
        }) else {
            continue;
        };
        for shape in &mark.shapes {
            if let Shape::Text { text, .. } = shape {
                let b = shape.bbox();
                if b.x1 < x0 - AWAY || b.x0 > x1 + AWAY {
                    problems.push(format!(
                        "\"{text}\" stands away from its mark ({:.0}..{:.0} vs {x0:.0}..{x1:.0})",
                        b.x0, b.x1
                    ));
                }
            }
        }
    }
    problems
}

/// The lines a label could be drawn across: each national line, and each gridline (only where drawn, a
/// gridline broken round a label counts as its pieces).
fn vertical_lines(scene: &Scene) -> Vec<(&'static str, BBox)> {
    let mut lines = Vec::new();
    for item in scene.flat_items() {
        match item {
            Item::Reference(reference) => {
                for shape in &reference.shapes {
                    if let Shape::Line { .. } = shape {
                        lines.push(("national line", shape.bbox()));
                    }
                }
            }
            Item::Shape(shape @ Shape::Line { x1, x2, paint: Paint::Grid, .. }) if x1 == x2 => {
                lines.push(("gridline", shape.bbox()))
            }
            _ => {}
        }
    }
    lines
}

/// Each row's name and its marks' labels: every label stands well clear of the next row's name (it would
/// read as that province's) and below the previous row's.
fn rows_problems(scene: &Scene) -> Vec<String> {
    /// A row's name and its box, and its labels with theirs.
    type RowTexts<'s> = (&'s str, BBox, Vec<(&'s str, BBox)>);
    let rows: Vec<RowTexts> = scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Row(row) => {
                let name = row.items.iter().find_map(|item| match item {
                    Item::Shape(s @ Shape::Text { text, .. }) => Some((text.as_str(), s.bbox())),
                    _ => None,
                })?;
                let labels = row
                    .items
                    .iter()
                    .filter_map(|item| match item {
                        Item::Mark(mark) => Some(mark.shapes.iter()),
                        _ => None,
                    })
                    .flatten()
                    .filter_map(|s| match s {
                        Shape::Text { text, .. } => Some((text.as_str(), s.bbox())),
                        _ => None,
                    })
                    .collect();
                Some((name.0, name.1, labels))
            }
            _ => None,
        })
        .collect();
    const CLEAR: f64 = 10.0;
    let mut problems = Vec::new();
    for (i, (name, _, labels)) in rows.iter().enumerate() {
        for (label, b) in labels {
            if let Some((next, next_box, _)) = rows.get(i + 1) {
                if b.y1 > next_box.y0 - CLEAR {
                    problems.push(format!("\"{label}\" of {name} stands nearer {next}'s name"));
                }
            }
            if let Some((previous, previous_box, _)) = i.checked_sub(1).map(|p| &rows[p]) {
                if b.y0 < previous_box.y1 + CLEAR {
                    problems.push(format!("\"{label}\" of {name} stands nearer {previous}'s name"));
                }
            }
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
    for kind in ["national line", "gridline", "is cut", "nearer", "overlaps", "outside", "away"] {
        let of_kind: Vec<&String> = failures.iter().filter(|f| f.contains(kind)).collect();
        eprintln!("{kind}: {} {:#?}", of_kind.len(), &of_kind[..of_kind.len().min(4)]);
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
    let rows: Vec<usize> = scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Row(row) => Some(row.province),
            _ => None,
        })
        .collect();
    assert_eq!(rows, [0], "one row, the province that set the target");
    assert!(
        texts.contains(&"Không đặt mục tiêu: Bình Định, Bình Dương, Vĩnh Phúc, Lạng Sơn."),
        "the others on one line: {texts:?}"
    );
    assert!(!texts.contains(&"không đặt mục tiêu"), "no row of \"no target\": {texts:?}");
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
fn qualitative_targets_are_their_own_words_never_points_on_a_scale() {
    let scene = scene_of(&bundled(), "mobile-broadband-universal");
    let texts = words(&scene);
    assert!(
        !texts.iter().any(|t| t.ends_with('%') || t.contains("định tính")),
        "no axis ticks, and words instead of a category: {texts:?}"
    );
    assert!(scene.marks().count() >= 3);
    let mut labels = Vec::new();
    for mark in scene.marks() {
        assert!(!mark.name.contains("định tính"), "{}", mark.name);
        for shape in &mark.shapes {
            match shape {
                Shape::Text { text, italic, .. } => {
                    assert!(*italic, "{text}");
                    labels.push(text.as_str());
                }
                Shape::Rect { paint, .. } => {
                    assert_eq!(*paint, province_targets::chart::scene::Paint::Transparent)
                }
                // The words glyph: three short strokes, not a marker on a scale.
                Shape::Line { x1, x2, .. } => assert!((x2 - x1).abs() <= 8.0, "{shape:?}"),
                other => panic!("a qualitative mark drew {other:?}"),
            }
        }
    }
    assert!(labels.contains(&"2025: phổ cập 4G/5G và điện thoại thông minh"), "{labels:?}");
    assert!(labels.contains(&"2030: phổ cập 5G"), "{labels:?}");
    assert!(texts.contains(&"mục tiêu không có con số"), "the legend explains the glyph: {texts:?}");
}

/// The tick labels under the rows and where they stand, left to right.
fn ticks(scene: &Scene) -> Vec<(String, f64)> {
    let mut ticks: Vec<(String, f64)> = scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Shape(Shape::Text { text, x, size, .. })
                if *size == 12.0 && text.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '%') =>
            {
                Some((text.clone(), *x))
            }
            _ => None,
        })
        .collect();
    ticks.sort_by(|a, b| a.1.total_cmp(&b.1));
    ticks
}

/// The shapes a reader sees of a mark: everything but its transparent touch boxes.
fn visible(shapes: &[Shape]) -> impl Iterator<Item = &Shape> {
    shapes.iter().filter(|s| {
        !matches!(
            s,
            Shape::Rect { paint: Paint::Transparent, .. } | Shape::Circle { paint: Paint::Transparent, .. }
        )
    })
}

#[test]
fn a_rank_axis_starts_at_first_place_and_top_n_is_a_mark_at_n_pointing_to_first_place() {
    let dataset = bundled();
    let indicator = dataset.indicator_by_id("dti-ranking").unwrap();
    for width in [320.0, 360.0, 600.0, 768.0, 1280.0] {
        let config = ChartConfig { indicator, ..ChartConfig::default_for(&dataset) };
        let scene = layout(&dataset, &config, width);
        let ticks = ticks(&scene);
        let labels: Vec<&str> = ticks.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(labels, ["15", "10", "5", "1"], "worst place left, first place right");
        let x_of = |label: &str| ticks.iter().find(|(t, _)| t == label).unwrap().1;
        // The axis says that it stops at 15th place, where the ranking goes on.
        assert!(words(&scene).iter().any(|t| t.contains("Trục cắt ở hạng 15")), "{:?}", words(&scene));
        // Bắc Giang's "top 15" (2025) and "top 10" (2030): each a marker at its place, neither a band
        // that the other covers.
        let mark = |name: &str| scene.marks().find(|m| m.name == name).expect(name);
        let (top15, top10) =
            (mark("Bắc Giang, 2025: nhóm 15 dẫn đầu"), mark("Bắc Giang, 2030: nhóm 10 dẫn đầu"));
        for (m, place) in [(top15, "15"), (top10, "10")] {
            let extent = visible(&m.shapes)
                .filter(|s| !matches!(s, Shape::Text { .. }))
                .map(Shape::bbox)
                .fold((f64::MAX, f64::MIN), |(a, b), bb| (a.min(bb.x0), b.max(bb.x1)));
            assert!(extent.0 > x_of(place) - 10.0, "{width}: {} starts at its place: {extent:?}", m.name);
            assert!(extent.1 < x_of(place) + 30.0, "{width}: {} is no band: {extent:?}", m.name);
            // Its arrow points to first place, at the right.
            assert!(extent.1 > x_of(place) + 15.0, "{width}: {} has its arrow: {extent:?}", m.name);
        }
        // Neither covers the other: their drawn shapes do not overlap.
        for a in visible(&top15.shapes).filter(|s| !matches!(s, Shape::Text { .. })) {
            for b in visible(&top10.shapes).filter(|s| !matches!(s, Shape::Text { .. })) {
                assert!(!a.bbox().overlaps(&b.bbox()), "{width}: {a:?} and {b:?} overlap");
            }
        }
        assert!(words(&scene).contains(&"nhóm 10 dẫn đầu"));
    }
}

#[test]
fn no_name_or_document_number_breaks_across_lines() {
    let dataset = bundled();
    let mut phrases: Vec<String> = Vec::new();
    for province in &dataset.provinces {
        phrases.push(province.name_vi.clone());
    }
    phrases.extend(dataset.national.iter().map(|n| format!("({})", n.document)));
    phrases.retain(|p| p.contains(' '));
    let mut failures = Vec::new();
    for width in WIDTHS {
        for config in every_view(&dataset) {
            let scene = layout(&dataset, &config, width);
            let texts = words(&scene);
            for pair in texts.windows(2) {
                for phrase in &phrases {
                    for (i, _) in phrase.match_indices(' ') {
                        let (left, right) = (&phrase[..i], &phrase[i + 1..]);
                        if pair[0].ends_with(left) && pair[1].starts_with(right) {
                            failures.push(format!("{width}px: \"{}\" / \"{}\"", pair[0], pair[1]));
                        }
                    }
                }
            }
        }
    }
    failures.dedup();
    assert!(failures.is_empty(), "{} breaks: {:#?}", failures.len(), &failures[..failures.len().min(10)]);
}

#[test]
fn over_and_at_least_differ_in_their_arrows_shaft_and_say_so_on_the_mark() {
    let dataset = bundled();
    for lang in [Lang::Vi, Lang::En] {
        let (over, at_least) = (lang.text().legend_above, lang.text().legend_at_least);
        for config in every_view(&dataset).into_iter().filter(|c| c.lang == lang) {
            let scene = layout(&dataset, &config, 360.0);
            for mark in scene.marks() {
                let target = &dataset.targets[mark.target];
                if target.unit == Unit::Rank
                    || !matches!(target.qualifier, Qualifier::Above | Qualifier::AtLeast)
                {
                    continue;
                }
                let label = mark.shapes.iter().find_map(|s| match s {
                    Shape::Text { text, .. } => Some(text.as_str()),
                    _ => None,
                });
                let word = if target.qualifier == Qualifier::Above { over } else { at_least };
                assert!(label.is_some_and(|l| l.starts_with(word)), "{}: {label:?}", mark.name);
                // "Over" does not include its number: a dashed shaft that starts clear of the marker.
                let dashed = mark.shapes.iter().any(|s| matches!(s, Shape::Line { dashed: true, .. }));
                assert_eq!(dashed, target.qualifier == Qualifier::Above, "{}: {:?}", mark.name, mark.shapes);
            }
        }
    }
}

#[test]
fn first_place_is_worded_as_the_source_words_it_never_top_1() {
    let dataset = bundled();
    let indicator = dataset.indicator_by_id("smart-city-regional-rank").unwrap();
    for (lang, first) in [(Lang::Vi, "đứng đầu"), (Lang::En, "first")] {
        let config = ChartConfig { indicator, lang, ..ChartConfig::default_for(&dataset) };
        let scene = layout(&dataset, &config, 600.0);
        let texts = words(&scene);
        assert!(texts.contains(&first), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("top 1") || t.contains("nhóm 1 ")), "{texts:?}");
        let ticks = ticks(&scene);
        assert_eq!(ticks.last().map(|(t, _)| t.as_str()), Some("1"), "{ticks:?}");
        assert!(!ticks.iter().any(|(t, _)| t == "0"), "{ticks:?}");
    }
}

#[test]
fn no_view_says_source_dash_or_names_a_category_instead_of_words() {
    let dataset = bundled();
    for config in every_view(&dataset) {
        let scene = layout(&dataset, &config, 600.0);
        for text in words(&scene) {
            assert!(!text.starts_with("Source: —") && !text.starts_with("Nguồn: —"), "{text}");
            assert!(!text.contains("qualitative") && !text.contains("định tính"), "{text}");
        }
    }
}

#[test]
fn over_and_at_least_have_their_own_legend_entries_and_arrowheads() {
    let dataset = bundled();
    let view_with = |qualifier: Qualifier| {
        dataset.targets.iter().find(|t| t.qualifier == qualifier && t.unit != Unit::Rank).unwrap().indicator
    };
    let indicator_above = view_with(Qualifier::Above);
    let config =
        ChartConfig { indicator: indicator_above, lang: Lang::En, ..ChartConfig::default_for(&dataset) };
    let scene = layout(&dataset, &config, 600.0);
    assert!(words(&scene).contains(&"over"), "{:?}", words(&scene));
    assert!(!words(&scene).contains(&"over, at least"));
    // "over" has an open chevron (three lines); "at least" a solid head (one line and a triangle).
    let over_marks: Vec<_> = scene.marks().filter(|m| m.name.contains(": over ")).collect();
    assert!(!over_marks.is_empty());
    for mark in over_marks {
        let lines = mark.shapes.iter().filter(|s| matches!(s, Shape::Line { .. })).count();
        assert!(lines >= 3, "an open chevron is drawn with lines: {:?}", mark.shapes);
    }
    let indicator_at_least = view_with(Qualifier::AtLeast);
    let config =
        ChartConfig { indicator: indicator_at_least, lang: Lang::En, ..ChartConfig::default_for(&dataset) };
    let scene = layout(&dataset, &config, 600.0);
    assert!(words(&scene).contains(&"at least"), "{:?}", words(&scene));
    for mark in scene.marks().filter(|m| m.name.contains(": at least ")) {
        let lines = mark.shapes.iter().filter(|s| matches!(s, Shape::Line { .. })).count();
        assert_eq!(lines, 1, "a solid head: one line and a triangle: {:?}", mark.shapes);
    }
}

#[test]
fn a_highlighted_province_is_drawn_in_the_accent_and_named_first() {
    let dataset = bundled();
    let requested = Requested { highlight: Some("lang-son".into()), ..Requested::default() };
    let (config, fallbacks) = ChartConfig::resolve(&dataset, &requested);
    assert!(fallbacks.is_empty());
    let scene = layout(&dataset, &config, 600.0);
    let lang_son = dataset.province_by_id("lang-son").unwrap();
    for item in &scene.items {
        let Item::Row(row) = item else { continue };
        for item in &row.items {
            let Item::Mark(mark) = item else { continue };
            for shape in &mark.shapes {
                let paint = match shape {
                    Shape::Text { paint, .. }
                    | Shape::Circle { paint, .. }
                    | Shape::Polygon { paint, .. } => *paint,
                    _ => continue,
                };
                if paint == Paint::Transparent {
                    continue;
                }
                let expected = if row.province == lang_son { Paint::Accent } else { Paint::Muted };
                assert_eq!(paint, expected, "{}", mark.name);
            }
        }
    }
    assert!(
        scene.description.starts_with("Kinh tế số trong GRDP: Lạng Sơn tối thiểu 10%"),
        "{}",
        scene.description
    );

    let (_, fallbacks) = ChartConfig::resolve(
        &dataset,
        &Requested { highlight: Some("lang-son, ha-noi".into()), ..Requested::default() },
    );
    assert_eq!(fallbacks.len(), 1);
    assert_eq!(fallbacks[0].attribute, "highlight");
    assert_eq!(fallbacks[0].value, "ha-noi");
}
