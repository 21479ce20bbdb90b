//! `svg`, `png` and `static`: the chart without JavaScript.
//!
//! The view is read with `view::ChartConfig::resolve`, like the widget's attributes, but strictly: where the
//! widget warns and falls back to the default, the command line stops (exit 2) and lists the valid values, so a
//! typo in a build script cannot silently export the wrong chart. The SVG is `svg::to_svg` of
//! `layout::layout`, the very text the widget's "Tải ảnh (SVG)" button offers at the same width.

use super::raster::{Rasteriser, MAX_SIDE};
use super::{write_stdout, Failure, Options};
use province_targets::chart::framing::{self, EditorWords, Standing};
use province_targets::chart::layout;
use province_targets::chart::scene::Scene;
use province_targets::chart::view::{ChartConfig, Fallback, Requested, View};
use province_targets::render::svg::{self, Palette};
use province_targets::render::theme::ThemeName;
use province_targets::{Dataset, Lang};
use serde::Serialize;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The options of `svg`: the view, the width and the editor's words.
pub const SVG_OPTIONS: &[&str] = &[
    "--indicator",
    "--year",
    "--provinces",
    "--highlight",
    "--lang",
    "--theme",
    "--width",
    "--national",
    "--title",
    "--subtitle",
    "--note",
    "--credit",
];
/// The options of `png`: those of `svg`, then the raster's scale and file.
pub const PNG_OPTIONS: [&str; SVG_OPTIONS.len() + 2] = {
    let mut all = [""; SVG_OPTIONS.len() + 2];
    let mut i = 0;
    while i < SVG_OPTIONS.len() {
        all[i] = SVG_OPTIONS[i];
        i += 1;
    }
    all[i] = "--scale";
    all[i + 1] = "--out";
    all
};
pub const STATIC_OPTIONS: &[&str] = &["--out-dir", "--lang", "--theme", "--width", "--scale"];

/// The width of an export when none is given: the static fallbacks' width, a typical article column.
pub const DEFAULT_WIDTH: f64 = 640.0;
/// The widest export; the layout's narrowest is `layout::MIN_WIDTH`.
pub const MAX_WIDTH: f64 = 4000.0;
/// Device pixels per SVG pixel in a PNG when none is given: sharp on high-density screens.
pub const DEFAULT_SCALE: f32 = 2.0;
pub const MAX_SCALE: f32 = 8.0;

const THEMES: &[&str] = &["light", "dark"];

/// `svg`: one view as a standalone SVG document on stdout.
pub fn svg(options: &Options) -> Result<(), Failure> {
    let (_, scene, palette) = chart(options)?;
    write_stdout(svg::to_svg(&scene, &palette).as_bytes())
}

/// `png`: the same SVG, rasterised, into `--out` or a stdout that is not a terminal.
pub fn png(options: &Options) -> Result<(), Failure> {
    let scale = scale(options)?;
    let out = options.get("--out").map(PathBuf::from);
    if out.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "png writes a binary image: give --out FILE.png, or redirect stdout to a file".to_string(),
        ));
    }
    let (_, scene, palette) = chart(options)?;
    let (png, _, _) = Rasteriser::new().png(&svg::to_svg(&scene, &palette), scale).map_err(Failure::Io)?;
    match out {
        Some(path) => write_file(&path, &png),
        None => write_stdout(&png),
    }
}

/// `static`: the default view of every indicator as SVG and PNG, and an index, for pages without JavaScript.
pub fn static_files(options: &Options) -> Result<(), Failure> {
    let Some(dir) = options.get("--out-dir").map(PathBuf::from) else {
        return Err(Failure::Usage("static needs --out-dir DIR".to_string()));
    };
    let lang = chart_lang(options)?;
    let theme = theme(options)?;
    let width = width(options)?;
    let scale = scale(options)?;
    let dataset = options.dataset(options.lang(Lang::En)?)?;
    let palette = Palette::of(theme);
    std::fs::create_dir_all(&dir)
        .map_err(|error| Failure::Io(format!("cannot create {}: {error}", dir.display())))?;

    let rasteriser = Rasteriser::new();
    let mut charts = Vec::new();
    let (mut svg_bytes, mut png_bytes) = (0, 0);
    for (i, indicator) in dataset.indicators.iter().enumerate() {
        let config = ChartConfig { indicator: i, lang, ..ChartConfig::default_for(&dataset) };
        let scene = layout::layout(&dataset, &config, width);
        let svg_text = svg::to_svg(&scene, &palette);
        let (png, png_width, png_height) = rasteriser.png(&svg_text, scale).map_err(Failure::Io)?;
        let (svg_name, png_name) = (format!("{}.svg", indicator.id), format!("{}.png", indicator.id));
        write_file(&dir.join(&svg_name), svg_text.as_bytes())?;
        write_file(&dir.join(&png_name), &png)?;
        svg_bytes += svg_text.len();
        png_bytes += png.len();
        let mut years = Vec::new();
        for year in indicator_years(&dataset, i) {
            let config = ChartConfig { year: Some(year), ..config.clone() };
            let scene = layout::layout(&dataset, &config, width);
            let svg_text = svg::to_svg(&scene, &palette);
            let svg_name = format!("{}.{year}.svg", indicator.id);
            write_file(&dir.join(&svg_name), svg_text.as_bytes())?;
            svg_bytes += svg_text.len();
            years.push(StaticYear {
                year,
                svg: svg_name,
                width: scene.width.round() as u64,
                height: scene.height.ceil() as u64,
                source: framing::source_line(&dataset, &View::new(&dataset, &config), lang),
                summary: scene.description,
                svg_bytes: svg_text.len(),
            });
        }
        charts.push(StaticChart {
            indicator: &indicator.id,
            pillar: &dataset.pillars[indicator.pillar].id,
            svg: svg_name,
            png: png_name,
            // The layout rounds the width and the height up to whole pixels.
            width: scene.width.round() as u64,
            height: scene.height.ceil() as u64,
            png_width,
            png_height,
            source: framing::source_line(&dataset, &View::new(&dataset, &config), lang),
            title: scene.title,
            summary: scene.description,
            svg_bytes: svg_text.len(),
            png_bytes: png.len(),
            years,
        });
    }
    let default = dataset.default_indicator().map(|i| dataset.indicators[i].id.as_str());
    let index = StaticIndex {
        generator: concat!("province-targets ", env!("CARGO_PKG_VERSION")),
        view: "default: every year and province",
        lang: lang.as_str(),
        theme: if theme == ThemeName::Dark { "dark" } else { "light" },
        width: width.round() as u64,
        scale,
        default_indicator: default,
        charts: &charts,
    };
    let mut json = serde_json::to_string_pretty(&index).expect("plain structs of text and numbers serialise");
    json.push('\n');
    write_file(&dir.join("index.json"), json.as_bytes())?;
    println!(
        "static: {} charts in {} ({} KiB of SVG, {} KiB of PNG at {width}px × {scale})",
        charts.len(),
        dir.display(),
        svg_bytes / 1024,
        png_bytes / 1024
    );
    Ok(())
}

/// `index.json` of the static export: what was drawn, and how.
#[derive(Serialize)]
struct StaticIndex<'a> {
    generator: &'static str,
    view: &'static str,
    lang: &'static str,
    theme: &'static str,
    width: u64,
    scale: f32,
    default_indicator: Option<&'a str>,
    charts: &'a [StaticChart<'a>],
}

/// One indicator's chart in `index.json`: its files, their sizes, and the words a page shows beside it.
#[derive(Serialize)]
struct StaticChart<'a> {
    indicator: &'a str,
    pillar: &'a str,
    svg: String,
    png: String,
    width: u64,
    height: u64,
    png_width: u32,
    png_height: u32,
    title: String,
    summary: String,
    source: Option<String>,
    svg_bytes: usize,
    png_bytes: usize,
    /// The same chart for one year at a time, each year that has a target of this indicator: so that an
    /// embed opening on one year falls back to an image of that year (SVG only, to keep the build short).
    years: Vec<StaticYear>,
}

/// One year's chart of an indicator in `index.json`, every province shown.
#[derive(Serialize)]
struct StaticYear {
    year: u16,
    svg: String,
    width: u64,
    height: u64,
    summary: String,
    source: Option<String>,
    svg_bytes: usize,
}

/// The years in which some province set a target for the indicator, in order.
fn indicator_years(dataset: &Dataset, indicator: usize) -> Vec<u16> {
    let mut years: Vec<u16> =
        dataset.targets.iter().filter(|t| t.indicator == indicator).map(|t| t.year).collect();
    province_targets::data::order::sort_dedup(&mut years);
    years
}

/// The dataset, the laid-out scene and the colours of the view the options ask for.
fn chart(options: &Options) -> Result<(Dataset, Scene, Palette), Failure> {
    let theme = theme(options)?;
    let width = width(options)?;
    let lang = chart_lang(options)?;
    let dataset = options.dataset(options.lang(Lang::En)?)?;
    let requested = Requested {
        indicator: options.get("--indicator").map(str::to_string),
        year: options.get("--year").map(str::to_string),
        provinces: options.get("--provinces").map(str::to_string),
        lang: Some(lang.as_str().to_string()),
        national: options.get("--national").map(str::to_string),
        highlight: options.get("--highlight").map(str::to_string),
    };
    let (config, fallbacks) = ChartConfig::resolve(&dataset, &requested);
    strict(&fallbacks)?;
    // The editor's words, as the embed's `title`, `subtitle`, `note` and `credit` take them; where the widget cuts an
    // over-long one with a warning, the command line stops and names the limit.
    let (words, cuts) = EditorWords::read(
        options.get("--title"),
        options.get("--subtitle"),
        options.get("--note"),
        options.get("--credit"),
    );
    if let Some(cut) = cuts.first() {
        return Err(Failure::Value(format!(
            "--{} is {} characters long. Valid values: text of at most {} characters",
            cut.option, cut.length, cut.limit
        )));
    }
    let scene = layout::layout_with(&dataset, &config, width, &words, Standing::Alone);
    Ok((dataset, scene, Palette::of(theme)))
}

/// Every value the widget would have replaced by its default is an error here.
fn strict(fallbacks: &[Fallback]) -> Result<(), Failure> {
    if fallbacks.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = fallbacks
        .iter()
        .map(|f| format!("unknown {} \"{}\". Valid values: {}", f.attribute, f.value, f.valid.join(", ")))
        .collect();
    Err(Failure::Value(lines.join("\nerror: ")))
}

/// The chart's language: `--lang`, Vietnamese by default.
fn chart_lang(options: &Options) -> Result<Lang, Failure> {
    options.lang(Lang::Vi)
}

fn theme(options: &Options) -> Result<ThemeName, Failure> {
    match options.get("--theme") {
        None | Some("light") => Ok(ThemeName::Light),
        Some("dark") => Ok(ThemeName::Dark),
        Some(other) => Err(Failure::Value(format!(
            "unknown theme \"{other}\". Valid values: {} (a file has no reader's preference to follow, so \
             no \"auto\")",
            THEMES.join(", ")
        ))),
    }
}

fn width(options: &Options) -> Result<f64, Failure> {
    let Some(text) = options.get("--width") else { return Ok(DEFAULT_WIDTH) };
    match text.parse::<f64>() {
        Ok(w) if (layout::MIN_WIDTH..=MAX_WIDTH).contains(&w) => Ok(w),
        _ => Err(Failure::Value(format!(
            "--width \"{text}\" is not a width. Valid values: a number of pixels from {} to {MAX_WIDTH}",
            layout::MIN_WIDTH
        ))),
    }
}

fn scale(options: &Options) -> Result<f32, Failure> {
    let Some(text) = options.get("--scale") else { return Ok(DEFAULT_SCALE) };
    match text.parse::<f32>() {
        Ok(s) if s > 0.0 && s <= MAX_SCALE => Ok(s),
        _ => Err(Failure::Value(format!(
            "--scale \"{text}\" is not a scale. Valid values: a number above 0, at most {MAX_SCALE} \
             (and at most {MAX_SIDE} pixels a side)"
        ))),
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes)
        .map_err(|error| Failure::Io(format!("cannot write {}: {error}", path.display())))
}
