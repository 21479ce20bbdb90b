//! The chart without JavaScript, as a build script or an editor runs it: `province-targets svg`, `png` and
//! `static`, through the real binary. The SVG must be the golden file's text (the widget's own SVG), and the
//! PNG must show it, text included, with the fonts the binary carries.
#![cfg(not(target_arch = "wasm32"))]

use province_targets::data::read::{dataset_from_json, BUNDLED};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_province-targets"));
    command.args(args);
    command
}

fn run(args: &[&str]) -> Output {
    command(args).output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn golden(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(format!("{name}.svg"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A folder under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("province-targets-export-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Texts of every `<text>` element.
fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants().filter(|n| n.has_tag_name("text")).map(|n| n.text().unwrap_or("").to_string()).collect()
}

/// A decoded PNG: size and RGBA pixels.
struct Image {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

fn decode_png(bytes: &[u8]) -> Image {
    // The header by hand first: the signature, then IHDR's big-endian width and height.
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR", "IHDR is the first chunk");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    let (width, height) = (be(16), be(20));
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("a readable PNG");
    let mut buffer = vec![0; reader.output_buffer_size().expect("a sane size")];
    let info = reader.next_frame(&mut buffer).expect("one frame");
    assert_eq!((info.width, info.height), (width, height), "the decoder agrees with IHDR");
    assert_eq!(info.color_type, png::ColorType::Rgba, "RGBA pixels");
    buffer.truncate(info.buffer_size());
    Image { width, height, rgba: buffer }
}

impl Image {
    fn pixels(&self) -> impl Iterator<Item = &[u8]> {
        self.rgba.chunks_exact(4)
    }

    fn distinct_colours(&self) -> usize {
        self.pixels().map(|p| u32::from_be_bytes([p[0], p[1], p[2], p[3]])).collect::<HashSet<_>>().len()
    }

    /// Opaque pixels near the light theme's ink (#1a1a1a): the title, the province names, the labels.
    fn dark_pixels(&self) -> usize {
        self.pixels().filter(|p| p[3] == 255 && p[0] < 80 && p[1] < 80 && p[2] < 80).count()
    }
}

/// The `height` attribute of an SVG document's root.
fn svg_height(svg: &str) -> f64 {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.root_element().attribute("height").expect("a height").parse().expect("a number")
}

#[test]
fn svg_of_the_default_view_is_the_golden_file() {
    let output = run(&["svg", "--width", "600"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), golden("default-vi-600"), "the CLI writes the widget's SVG byte for byte");
}

#[test]
fn svg_honours_indicator_year_lang_theme_and_width() {
    let output = run(&[
        "svg",
        "--indicator",
        "records-online-commune",
        "--year=2025",
        "--lang",
        "en",
        "--theme",
        "dark",
        "--width",
        "360",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), golden("records-online-commune-2025-en-360-dark"));
}

#[test]
fn svg_is_standalone_xml_with_title_description_and_every_province_of_the_view() {
    let dataset = dataset_from_json(BUNDLED).unwrap();
    let output = run(&["svg"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let svg = stdout(&output);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg"),
        "namespaced, so it opens alone"
    );
    assert_eq!(root.attribute("width"), Some("640"), "the default export width");
    let title = doc.descendants().find(|n| n.has_tag_name("title")).expect("a <title>");
    let default = &dataset.indicators[dataset.default_indicator().unwrap()];
    assert_eq!(title.text(), Some(default.label_vi.as_str()));
    let desc = doc.descendants().find(|n| n.has_tag_name("desc")).expect("a <desc>");
    let summary = desc.text().unwrap_or("");
    assert!(summary.starts_with(&default.label_vi) && summary.ends_with('.'), "one sentence: {summary}");
    let texts = texts(&doc);
    for province in &dataset.provinces {
        assert!(texts.contains(&province.name_vi), "{} is shown in a <text>: {texts:?}", province.name_vi);
    }
}

#[test]
fn svg_of_some_provinces_shows_only_those() {
    let output = run(&["svg", "--provinces", "lang-son,bac-giang", "--year", "all"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let svg = stdout(&output);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let texts = texts(&doc);
    for shown in ["Bắc Giang", "Lạng Sơn"] {
        assert!(texts.iter().any(|t| t == shown), "{shown} is shown");
    }
    for hidden in ["Bình Định", "Bình Dương", "Vĩnh Phúc"] {
        assert!(!texts.iter().any(|t| t == hidden), "{hidden} is not a row");
        let marks = doc.descendants().filter_map(|n| n.attribute("aria-label"));
        assert!(!marks.clone().any(|l| l.starts_with(hidden)), "no mark of {hidden}");
    }
}

#[test]
fn png_at_scale_2_is_twice_the_svg_and_shows_text() {
    let dir = TempDir::new("png");
    let out = dir.join("chart.png");
    let output = run(&["png", "--width", "600", "--scale", "2", "--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.is_empty(), "the image goes to --out only");
    let image = decode_png(&std::fs::read(&out).unwrap());
    let height = svg_height(&golden("default-vi-600"));
    assert_eq!(image.width, 1200);
    assert_eq!(image.height, (height * 2.0).round() as u32, "twice the SVG's height of {height}");
    let colours = image.distinct_colours();
    assert!(colours > 200, "a drawing, not a blank page: {colours} distinct colours");
    let dark = image.dark_pixels();
    assert!(dark > 6_000, "text is drawn: {dark} dark pixels");
    let white = image.pixels().filter(|p| p == &[255, 255, 255, 255]).count();
    assert!(
        white as f64 > 0.5 * (image.width * image.height) as f64,
        "on the light theme's white background"
    );
}

/// A machine with no fonts at all: fontconfig is pointed at an empty folder, so only the fonts inside the
/// binary exist, and the text must still be drawn (with DejaVu Sans).
#[test]
fn png_draws_text_with_the_bundled_font_when_the_system_has_none() {
    let dir = TempDir::new("nofonts");
    let empty = dir.join("no-fonts-here");
    std::fs::create_dir_all(&empty).unwrap();
    let config = dir.join("fonts.conf");
    std::fs::write(
        &config,
        format!("<?xml version=\"1.0\"?>\n<fontconfig><dir>{}</dir></fontconfig>\n", empty.display()),
    )
    .unwrap();
    let out = dir.join("chart.png");
    let output = command(&["png", "--scale", "1", "--out", out.to_str().unwrap()])
        .env("FONTCONFIG_FILE", &config)
        .env("HOME", dir.0.as_os_str())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let image = decode_png(&std::fs::read(&out).unwrap());
    assert_eq!(image.width, 640, "the default width at scale 1");
    let dark = image.dark_pixels();
    assert!(dark > 1_500, "text is drawn with the bundled font: {dark} dark pixels");
}

#[test]
fn png_goes_to_a_piped_stdout() {
    let output = run(&["png", "--scale", "0.5"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let image = decode_png(&output.stdout);
    assert_eq!(image.width, 320);
}

#[test]
fn unknown_indicator_exits_2_listing_every_valid_id() {
    let dataset = dataset_from_json(BUNDLED).unwrap();
    for args in [&["svg"][..], &["png", "--out", "/dev/null"]] {
        let command = args[0];
        let output = run(&[args, &["--indicator", "gdp-per-capita"]].concat());
        assert_eq!(output.status.code(), Some(2), "{command}: {}", stderr(&output));
        assert!(output.stdout.is_empty(), "{command}: nothing on stdout");
        let message = stderr(&output);
        assert!(message.contains("unknown indicator \"gdp-per-capita\""), "{message}");
        for indicator in &dataset.indicators {
            assert!(message.contains(&indicator.id), "{command}: {} is listed in {message}", indicator.id);
        }
    }
}

#[test]
fn other_unknown_values_exit_2_listing_the_valid_ones() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["--year", "2031"], &["unknown year \"2031\"", "all", "2025", "2030"]),
        (&["--provinces", "bac-giang,ha-noi"], &["unknown province \"ha-noi\"", "bac-giang", "lang-son"]),
        (&["--lang", "fr"], &["\"fr\" is not a language", "vi, en"]),
        (&["--theme", "auto"], &["unknown theme \"auto\"", "light, dark"]),
        (&["--width", "wide"], &["--width \"wide\"", "280"]),
        (&["--width", "100"], &["--width \"100\""]),
        (&["--colour", "red"], &["unknown option --colour", "--indicator"]),
    ];
    for (args, expected) in cases {
        let mut all = vec!["svg"];
        all.extend_from_slice(args);
        let output = run(&all);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
        assert!(output.stdout.is_empty(), "{args:?}: nothing on stdout");
        let message = stderr(&output);
        for part in *expected {
            assert!(message.contains(part), "{args:?}: {part:?} in {message}");
        }
    }
    let output = run(&["png", "--scale", "0", "--out", "/dev/null"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn static_writes_every_indicator_and_an_index() {
    let dir = TempDir::new("static");
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile.json");
    let dataset = dataset_from_json(&std::fs::read_to_string(&fixture).unwrap()).unwrap();
    let out = dir.join("static");
    let output = run(&[
        "static",
        fixture.to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
        "--width",
        "480",
        "--scale",
        "1",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).expect("JSON");
    let charts = index["charts"].as_array().expect("a list of charts");
    assert_eq!(charts.len(), dataset.indicators.len(), "one chart per indicator");
    for (chart, indicator) in charts.iter().zip(&dataset.indicators) {
        assert_eq!(chart["indicator"], indicator.id.as_str());
        let svg = std::fs::read_to_string(out.join(chart["svg"].as_str().unwrap())).unwrap();
        let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
        let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap().text().unwrap_or("");
        assert_eq!(chart["summary"], desc, "the index carries the SVG's <desc>, the fallback image's alt");
        assert_eq!(chart["width"], 480.0);
        let image = decode_png(&std::fs::read(out.join(chart["png"].as_str().unwrap())).unwrap());
        assert_eq!((image.width, image.height), (480, svg_height(&svg) as u32));
        assert_eq!(chart["png_height"], image.height);
        let source = chart["source"].as_str().expect("a source line");
        assert!(source.starts_with("Nguồn: "), "{source}");
        let years = chart["years"].as_array().expect("a list of years");
        let targeted: std::collections::BTreeSet<u16> = dataset
            .targets
            .iter()
            .filter(|t| dataset.indicators[t.indicator].id == indicator.id)
            .map(|t| t.year)
            .collect();
        let listed: Vec<u16> = years.iter().map(|y| y["year"].as_u64().unwrap() as u16).collect();
        assert_eq!(listed, targeted.into_iter().collect::<Vec<_>>(), "one chart per year with a target");
        for year in years {
            let svg = std::fs::read_to_string(out.join(year["svg"].as_str().unwrap())).unwrap();
            let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
            let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap().text().unwrap_or("");
            assert_eq!(year["summary"], desc, "a year's summary is its SVG's <desc>");
            assert!(desc.contains(&year["year"].to_string()), "the year's chart names its year: {desc}");
        }
    }
    let n_years = charts.iter().map(|c| c["years"].as_array().unwrap().len()).sum();
    assert_static_dir_is_listed(&out, charts.len(), n_years);
}

fn assert_static_dir_is_listed(dir: &Path, n: usize, n_years: usize) {
    let files = std::fs::read_dir(dir).unwrap().count();
    assert_eq!(files, 2 * n + n_years + 1, "an SVG and a PNG per chart, an SVG per year, and index.json");
}
