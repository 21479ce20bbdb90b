//! Golden files of the SVG the widget shows and the command line exports, for a few views. A change in the
//! output fails here and leaves `NAME.changed.svg` beside the golden file to review; accept it with
//! `UPDATE_GOLDEN=1 cargo test --test svg_golden`.
#![cfg(not(target_arch = "wasm32"))]

use province_targets::chart::framing::{EditorWords, Standing};
use province_targets::chart::layout::{layout, layout_with};
use province_targets::chart::view::{ChartConfig, Requested};
use province_targets::data::read::{dataset_from_json, BUNDLED};
use province_targets::render::svg::{to_svg, Palette};
use province_targets::render::theme::ThemeName;
use std::path::PathBuf;

fn render(dataset_json: &str, requested: Requested, width: f64, theme: ThemeName) -> String {
    let dataset = dataset_from_json(dataset_json).expect("valid dataset");
    let (config, fallbacks) = ChartConfig::resolve(&dataset, &requested);
    assert!(fallbacks.is_empty(), "{fallbacks:?}");
    to_svg(&layout(&dataset, &config, width), &Palette::of(theme))
}

fn check_golden(name: &str, svg: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let golden = dir.join(format!("{name}.svg"));
    let changed = dir.join(format!("{name}.changed.svg"));
    // Every golden file must also be well-formed XML, as a standalone SVG file is.
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: not well-formed XML: {e}"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, svg).unwrap();
        let _ = std::fs::remove_file(&changed);
        return;
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_default();
    if expected != svg {
        std::fs::write(&changed, svg).unwrap();
        let first_difference = expected.lines().zip(svg.lines()).position(|(a, b)| a != b);
        panic!(
            "{name}.svg differs from the golden file (first different line: {first_difference:?}); \
             review {} and accept with UPDATE_GOLDEN=1",
            changed.display()
        );
    }
    let _ = std::fs::remove_file(&changed);
}

fn requested(indicator: &str, year: Option<&str>, lang: &str) -> Requested {
    Requested {
        indicator: Some(indicator.into()),
        year: year.map(str::to_string),
        provinces: None,
        lang: Some(lang.into()),
        national: None,
        highlight: None,
    }
}

#[test]
fn default_view_in_vietnamese_at_600px() {
    let svg = render(BUNDLED, Requested::default(), 600.0, ThemeName::Light);
    check_golden("default-vi-600", &svg);
}

#[test]
fn commune_records_2025_in_english_on_a_phone_in_dark() {
    let svg =
        render(BUNDLED, requested("records-online-commune", Some("2025"), "en"), 360.0, ThemeName::Dark);
    check_golden("records-online-commune-2025-en-360-dark", &svg);
}

#[test]
fn productivity_growth_at_1200px() {
    let svg = render(BUNDLED, requested("labour-productivity-growth", None, "vi"), 1200.0, ThemeName::Light);
    check_golden("labour-productivity-growth-vi-1200", &svg);
}

#[test]
fn ranking_targets() {
    let svg = render(BUNDLED, requested("dti-ranking", None, "vi"), 600.0, ThemeName::Light);
    check_golden("dti-ranking-vi-600", &svg);
}

#[test]
fn hostile_strings_are_written_as_text() {
    let hostile = include_str!("fixtures/hostile.json");
    let svg = render(hostile, Requested::default(), 480.0, ThemeName::Light);
    check_golden("hostile-480", &svg);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // Nothing from the data became an element or an attribute: only the writer's own tags exist.
    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(
            ["svg", "title", "desc", "rect", "line", "circle", "polygon", "text", "g"].contains(&tag),
            "unexpected element <{tag}>"
        );
        for attribute in node.attributes() {
            assert!(!attribute.name().starts_with("on"), "event handler attribute {}", attribute.name());
        }
    }
    let all_text: String = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(all_text.contains("<script>alert(1)</script>"), "the province name is shown literally");
    assert!(all_text.contains("</text><script>alert(4)</script>"), "the label is shown literally");
}

#[test]
fn negative_targets_stand_left_of_a_zero_line() {
    let negative = include_str!("fixtures/negative.json");
    let svg = render(negative, Requested::default(), 600.0, ThemeName::Light);
    check_golden("negative-vi-600", &svg);
    let svg = render(negative, requested("cash-payments-growth", None, "en"), 360.0, ThemeName::Light);
    check_golden("negative-en-360", &svg);
}

/// The national yardstick (issue 15): the digital-economy chart for 2025 draws a dashed line at 20% labelled
/// with its document, and `national="off"` draws the same chart without it.
#[test]
fn the_national_target_is_a_labelled_line_unless_turned_off() {
    let svg =
        render(BUNDLED, requested("digital-economy-share-grdp", Some("2025"), "vi"), 360.0, ThemeName::Light);
    check_golden("digital-economy-share-grdp-2025-vi-360", &svg);
    assert!(svg.contains(">Mục tiêu quốc gia 2025: 20% (QĐ 749/QĐ-TTg)</text>"), "the line's label");
    let off = Requested {
        national: Some("off".into()),
        ..requested("digital-economy-share-grdp", Some("2025"), "vi")
    };
    let svg = render(BUNDLED, off, 360.0, ThemeName::Light);
    assert!(!svg.contains("Mục tiêu quốc gia"), "national=\"off\" draws no line");
}

/// Issue 15: the editor's title, subtitle and note stand in for the indicator's label and definition and add a
/// footnote, written as text (the `<b>` stays two words in angle brackets), in a file that stands alone.
#[test]
fn an_editors_own_words_in_a_standalone_export() {
    let dataset = dataset_from_json(BUNDLED).expect("valid dataset");
    let requested = Requested {
        provinces: Some("bac-giang,lang-son".into()),
        ..requested("digital-economy-share-grdp", None, "vi")
    };
    let (config, _) = ChartConfig::resolve(&dataset, &requested);
    let (words, cuts) = EditorWords::read(
        Some("Lạng Sơn <b>đi sau</b> Bắc Giang"),
        Some("Tỷ trọng kinh tế số trong GRDP mà hai tỉnh tự đặt ra"),
        Some("Mục tiêu của Bắc Giang là \"khoảng\", không phải tối thiểu."),
        Some("Đồ họa: Báo Ví Dụ"),
    );
    assert!(cuts.is_empty());
    let svg = to_svg(
        &layout_with(&dataset, &config, 360.0, &words, Standing::Alone),
        &Palette::of(ThemeName::Light),
    );
    check_golden("editor-words-vi-360", &svg);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let texts: Vec<&str> =
        doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
    // Wrapped paragraphs are several texts, one per line: read them as one run.
    let all = texts.join(" ");
    assert!(all.starts_with("Lạng Sơn <b>đi sau</b> Bắc Giang Tỷ trọng"), "headline, then subtitle: {all}");
    assert!(all.contains("Mục tiêu của Bắc Giang là \"khoảng\", không phải tối thiểu."), "the note is drawn");
    assert!(
        all.ends_with("Ban Chỉ đạo về chuyển đổi số tỉnh Lạng Sơn Đồ họa: Báo Ví Dụ"),
        "the source line, then the outlet's credit, come last: {all}"
    );
    assert!(!texts.iter().any(|t| t.contains("Bình Dương")), "only the shown provinces' documents are cited");
}

#[test]
fn targets_in_words_in_english_on_a_phone() {
    let svg = render(BUNDLED, requested("mobile-broadband-universal", None, "en"), 360.0, ThemeName::Light);
    check_golden("mobile-broadband-universal-en-360", &svg);
}

#[test]
fn a_highlighted_province_in_dark() {
    let requested = Requested {
        highlight: Some("lang-son".into()),
        ..requested("digital-economy-share-grdp", None, "vi")
    };
    let svg = render(BUNDLED, requested, 600.0, ThemeName::Dark);
    check_golden("highlight-lang-son-vi-600-dark", &svg);
}
