//! Lays a view out as a `Scene` at a given width: the headline (in a file that stands alone), legend, one
//! row per province with one mark per target year, the value axis, and the note and source line (alone).
//!
//! Pure and deterministic: the same dataset, configuration and width always give the same scene, in the
//! browser and on a build server. Labels are placed in lanes so that no two overlap, and the row grows to hold
//! the lanes it needs; every shape stays inside the view box (tests/layout.rs checks both at several widths).

use crate::chart::format::{self, Style};
use crate::chart::framing::{self, EditorWords, Standing};
use crate::chart::glyph::{self, Head};
use crate::chart::reference::{self, ReferenceLines};
use crate::chart::scale::{nice_ticks, rank_ticks, LinearScale};
use crate::chart::scene::{Anchor, BBox, Item, Mark, NationalIdx, Paint, Row, Scene, Shape, Weight};
use crate::chart::text;
use crate::chart::view::{self, ChartConfig, View};
use crate::data::model::{Dataset, National, Qualifier, Status, TargetIdx, Unit};
use crate::data::order;
use crate::locale::i18n::Lang;

/// Narrower than this, province names go on their own line above their marks.
const NARROW_BELOW: f64 = 560.0;
/// The narrowest layout the chart supports; narrower requests are laid out at this width.
pub const MIN_WIDTH: f64 = 280.0;

const MARKER_RADIUS: f64 = 6.5;
const LABEL_SIZE: f64 = 12.5;
const LANE_HEIGHT: f64 = 15.0;
const LABEL_GAP: f64 = 6.0;
/// Room right of the track for the arrow of an "above" target at the axis maximum.
const ARROW_ROOM: f64 = 20.0;

/// Sizes that depend on the width.
struct Metrics {
    width: f64,
    pad: f64,
    narrow: bool,
    title_size: f64,
}

impl Metrics {
    fn new(width: f64) -> Metrics {
        let narrow = width < NARROW_BELOW;
        Metrics {
            width,
            pad: if narrow { 12.0 } else { 16.0 },
            narrow,
            title_size: if narrow { 17.0 } else { 19.0 },
        }
    }

    fn inner_width(&self) -> f64 {
        self.width - 2.0 * self.pad
    }
}

/// The shapes being laid out, top to bottom.
struct Canvas {
    items: Vec<Item>,
    y: f64,
    /// Names and document numbers that a paragraph never breaks inside (`unbreakable`).
    keep: Vec<String>,
}

impl Canvas {
    fn shape(&mut self, shape: Shape) {
        self.items.push(Item::Shape(shape));
    }

    /// Wrapped lines of text from the current `y`, which then moves below them.
    fn paragraph(&mut self, content: &str, x: f64, max_width: f64, size: f64, weight: Weight, paint: Paint) {
        let bold = weight == Weight::Bold;
        let keep: Vec<&str> = self.keep.iter().map(String::as_str).collect();
        for line in text::wrap_keeping(content, &keep, size, bold, max_width) {
            self.y += size * 1.05;
            let width = text::width(&line, size, bold);
            self.shape(text_shape(x, self.y, line, Anchor::Start, size, weight, paint, width));
            self.y += size * 0.3;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn text_shape(
    x: f64,
    y: f64,
    text: String,
    anchor: Anchor,
    size: f64,
    weight: Weight,
    paint: Paint,
    width: f64,
) -> Shape {
    Shape::Text { x, y, text, anchor, size, weight, paint, italic: false, width }
}

/// The palette slot of each target year: the most frequent year of the whole dataset gets the first colour,
/// so a year keeps its colour whatever indicator or filter the reader picks.
fn year_palette(dataset: &Dataset) -> Vec<(u16, usize)> {
    let mut counts: Vec<(u16, usize)> = dataset.years().into_iter().map(|y| (y, 0)).collect();
    for target in &dataset.targets {
        if let Some(entry) = counts.iter_mut().find(|(y, _)| *y == target.year) {
            entry.1 += 1;
        }
    }
    let mut by_frequency = counts.clone();
    order::sort_by(&mut by_frequency, &|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
        .iter()
        .map(|(year, _)| (*year, by_frequency.iter().position(|(y, _)| y == year).unwrap_or(0)))
        .collect()
}

/// What a line of text must never break inside: the provinces' names ("Lạng Sơn") and the documents'
/// numbers ("QĐ 749/QĐ-TTg"). A source's document may be its whole title, which wraps as any sentence does:
/// only short ones, numbers, are kept whole.
fn unbreakable(dataset: &Dataset) -> Vec<String> {
    let mut keep: Vec<String> = dataset.provinces.iter().map(|p| p.name_vi.clone()).collect();
    keep.extend(dataset.national.iter().map(|n| n.document.clone()));
    keep.extend(dataset.sources.iter().filter_map(|s| s.document.clone()));
    keep.retain(|phrase| phrase.contains(' ') && phrase.chars().count() <= 24);
    keep.dedup();
    keep
}

fn series_of(palette: &[(u16, usize)], year: u16) -> Paint {
    Paint::Series(palette.iter().find(|(y, _)| *y == year).map(|(_, i)| *i).unwrap_or(0))
}

/// Lays out the chart of `config` at `width` pixels, as a file that stands alone: with the indicator's label
/// and definition above it and the source line below (see `layout_with` for the editor's words and the widget).
pub fn layout(dataset: &Dataset, config: &ChartConfig, width: f64) -> Scene {
    layout_with(dataset, config, width, &EditorWords::default(), Standing::Alone)
}

/// Lays out the chart of `config` at `width` pixels, with the editor's `words`. A chart that stands alone
/// carries its headline, description, note and source line; one in the widget's page leaves them to the
/// page's HTML, which shows them as a heading and text around it.
///
/// Clamping is written as `max`/`min` throughout: `f64::clamp`'s assertion message formats floats, which
/// would bring the float printer into the WebAssembly module.
#[allow(clippy::manual_clamp)]
pub fn layout_with(
    dataset: &Dataset,
    config: &ChartConfig,
    width: f64,
    words: &EditorWords,
    standing: Standing,
) -> Scene {
    let width = if width.is_finite() { width.max(MIN_WIDTH).round() } else { MIN_WIDTH };
    let m = Metrics::new(width);
    let lang = config.lang;
    let view = View::new(dataset, config);
    let indicator = &dataset.indicators[view.indicator];
    let palette = year_palette(dataset);
    let title = framing::title(dataset, config, words);

    let mut canvas = Canvas { items: Vec::new(), y: m.pad - 4.0, keep: unbreakable(dataset) };
    if standing == Standing::Alone {
        canvas.paragraph(&title, m.pad, m.inner_width(), m.title_size, Weight::Bold, Paint::Ink);
        if let Some(description) = framing::description(dataset, config, words) {
            canvas.y += 2.0;
            canvas.paragraph(&description, m.pad, m.inner_width(), 13.0, Weight::Normal, Paint::Muted);
        }
        canvas.y += 8.0;
    }
    legend(&mut canvas, &m, dataset, &view, &palette, lang);
    canvas.y += 10.0;

    let muted_paragraph = |canvas: &mut Canvas, words: &str| {
        canvas.paragraph(words, m.pad, m.inner_width(), 14.0, Weight::Normal, Paint::Muted)
    };
    if view.rows.is_empty() {
        muted_paragraph(&mut canvas, lang.text().no_province_selected);
    } else if view.targets().next().is_none() {
        // Not one row to draw: one sentence instead of a row of "no target set" per province.
        muted_paragraph(&mut canvas, lang.text().summary_none);
    } else {
        let national = reference::shown(dataset, &view, config);
        rows_and_axis(&mut canvas, &m, dataset, &view, &palette, lang, indicator.unit, &national);
        if let Some(line) = no_target_line(dataset, &view, lang) {
            canvas.y += 6.0;
            canvas.paragraph(&line, m.pad, m.inner_width(), 13.0, Weight::Normal, Paint::Muted);
        }
    }

    // The note, the source of what is drawn and the outlet's credit stand in the file itself only when it
    // stands alone, so that a shared PNG still says whose it is; in the page they are the widget's HTML. With nothing drawn there is no source to name, and no line.
    if standing == Standing::Alone {
        if let Some(note) = &words.note {
            canvas.y += 12.0;
            canvas.paragraph(note, m.pad, m.inner_width(), 12.0, Weight::Normal, Paint::Ink);
        }
        if let Some(sources) = framing::source_line(dataset, &view, lang) {
            canvas.y += 12.0;
            canvas.paragraph(&sources, m.pad, m.inner_width(), 12.0, Weight::Normal, Paint::Muted);
        }
        if let Some(credit) = &words.credit {
            canvas.y += 6.0;
            canvas.paragraph(credit, m.pad, m.inner_width(), 12.0, Weight::Normal, Paint::Muted);
        }
    }
    let height = (canvas.y + m.pad).ceil();

    let mut description = view::summary(dataset, &view, lang);
    description.push_str(&reference::summary_sentences(dataset, &view, config));
    Scene { width, height, title, description, items: canvas.items }
}

/// The year symbols present in the view, then the encodings of draft, open-ended, approximate and worded
/// targets, flowing onto as many lines as the width needs.
fn legend(
    canvas: &mut Canvas,
    m: &Metrics,
    dataset: &Dataset,
    view: &View,
    palette: &[(u16, usize)],
    lang: Lang,
) {
    let text = lang.text();
    let targets: Vec<_> = view.targets().map(|i| &dataset.targets[i]).collect();
    let mut years: Vec<u16> = targets.iter().map(|t| t.year).collect();
    order::sort_dedup(&mut years);

    enum Key {
        Year(u16),
        Draft,
        Arrow(Qualifier),
        About,
        Words,
    }
    let mut keys: Vec<Key> = years.into_iter().map(Key::Year).collect();
    if targets.iter().any(|t| t.status == Status::Draft) {
        keys.push(Key::Draft);
    }
    for qualifier in [Qualifier::Above, Qualifier::AtLeast, Qualifier::AtMost] {
        if targets.iter().any(|t| t.unit != Unit::Rank && t.qualifier == qualifier) {
            keys.push(Key::Arrow(qualifier));
        }
    }
    if targets.iter().any(|t| t.qualifier == Qualifier::About) {
        keys.push(Key::About);
    }
    if targets.iter().any(|t| t.qualifier == Qualifier::Qualitative) {
        keys.push(Key::Words);
    }
    if keys.is_empty() {
        return;
    }

    let size = 12.5;
    let mut x = m.pad;
    canvas.y += 8.0;
    let mut cy = canvas.y;
    for key in keys {
        let label = match &key {
            Key::Year(year) => year.to_string(),
            Key::Draft => text.legend_draft.to_string(),
            Key::Arrow(Qualifier::Above) => text.legend_above.to_string(),
            Key::Arrow(Qualifier::AtMost) => text.legend_at_most.to_string(),
            Key::Arrow(_) => text.legend_at_least.to_string(),
            Key::About => text.legend_about.to_string(),
            Key::Words => text.legend_words.to_string(),
        };
        let label_width = text::width(&label, size, false);
        let entry_width = 18.0 + label_width;
        if x > m.pad && x + entry_width > m.width - m.pad {
            x = m.pad;
            cy += 20.0;
        }
        let sx = x + 6.0;
        let shapes = match key {
            Key::Year(year) => {
                // Under a highlight, colour means "highlighted", not a year: the years keep their shapes.
                let paint = if view.highlight.is_empty() { series_of(palette, year) } else { Paint::Ink };
                vec![glyph::symbol(symbol_index(palette, year), sx, cy, 5.5, paint, false)]
            }
            Key::Draft => {
                vec![Shape::Circle { cx: sx, cy, r: 5.0, paint: Paint::Muted, hollow: true, dashed: false }]
            }
            Key::Arrow(qualifier) => {
                let (start, direction) =
                    if qualifier == Qualifier::AtMost { (sx + 6.0, -1.0) } else { (sx - 6.0, 1.0) };
                glyph::arrow(start, cy, direction, 12.0, head_of(qualifier), Paint::Muted)
            }
            Key::About => {
                vec![Shape::Circle { cx: sx, cy, r: 6.0, paint: Paint::Muted, hollow: true, dashed: true }]
            }
            Key::Words => glyph::words(sx - 6.0, cy, Paint::Muted).to_vec(),
        };
        canvas.items.extend(shapes.into_iter().map(Item::Shape));
        canvas.shape(text_shape(
            x + 16.0,
            cy + 4.5,
            label,
            Anchor::Start,
            size,
            Weight::Normal,
            Paint::Ink,
            label_width,
        ));
        x += entry_width + 16.0;
    }
    canvas.y = cy + 8.0;
}

/// The arrowhead of an open-ended qualifier: open for "above", solid for "at least" and "at most".
fn head_of(qualifier: Qualifier) -> Head {
    if qualifier == Qualifier::Above {
        Head::Open
    } else {
        Head::Solid
    }
}

/// Which of the four marker shapes a year uses (`glyph::symbol`).
fn symbol_index(palette: &[(u16, usize)], year: u16) -> usize {
    palette.iter().find(|(y, _)| *y == year).map(|(_, i)| *i % 4).unwrap_or(0)
}

/// How a row stands out under an editor's highlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Emphasis {
    /// No highlight in the view: every row in its years' colours.
    Plain,
    /// A highlighted province: accent colour, bold, with a bar at its left edge.
    Highlighted,
    /// Another province while some are highlighted: muted ink (still 4.5:1), regular weight.
    Muted,
}

impl Emphasis {
    fn of(view: &View, province: usize) -> Emphasis {
        match (view.highlight.is_empty(), view.is_highlighted(province)) {
            (true, _) => Emphasis::Plain,
            (false, true) => Emphasis::Highlighted,
            (false, false) => Emphasis::Muted,
        }
    }

    /// The paint of this row's marks, given their year's own.
    fn paint(self, year_paint: Paint) -> Paint {
        match self {
            Emphasis::Plain => year_paint,
            Emphasis::Highlighted => Paint::Accent,
            Emphasis::Muted => Paint::Muted,
        }
    }

    /// Weight carries the highlight where colour cannot (greyscale, colour blindness).
    fn weight(self) -> Weight {
        if self == Emphasis::Muted {
            Weight::Normal
        } else {
            Weight::Bold
        }
    }
}

/// A label waiting for a lane.
struct Label {
    mark: usize,
    centre: f64,
    /// The width of the label, with the words glyph if it leads.
    width: f64,
    text: String,
    paint: Paint,
    weight: Weight,
    /// A target stated in words leads with its glyph and is set in italics.
    words: bool,
}

/// The axis of a view: its ticks, and the scale from values to pixels along the track.
fn axis(view: &View, unit: Unit, track_x0: f64, track_x1: f64) -> (Vec<f64>, LinearScale) {
    let max_ticks = (((track_x1 - track_x0) / 64.0).floor() as usize).clamp(2, 10);
    if unit == Unit::Rank {
        // Places run from 1 at the right (where a reader looks for "more", here the higher place) to the
        // lowest place any target names at the left.
        let ticks = rank_ticks(view.domain_max, max_ticks);
        let last = *ticks.last().unwrap_or(&1.0);
        return (ticks, LinearScale { domain: (last, 1.0), range: (track_x0, track_x1) });
    }
    let axis_max = if unit == Unit::Percent && view.domain_max > 60.0 { 100.0 } else { view.domain_max };
    let ticks = nice_ticks(view.domain_min, axis_max, max_ticks, unit == Unit::Count);
    let domain = (*ticks.first().unwrap_or(&0.0), *ticks.last().unwrap_or(&1.0));
    (ticks, LinearScale { domain, range: (track_x0, track_x1) })
}

#[allow(clippy::too_many_arguments)]
fn rows_and_axis(
    canvas: &mut Canvas,
    m: &Metrics,
    dataset: &Dataset,
    view: &View,
    palette: &[(u16, usize)],
    lang: Lang,
    unit: Unit,
    national: &[(NationalIdx, &National)],
) {
    let name_size = 14.0;
    let name_column = if m.narrow {
        0.0
    } else {
        // Sized by every province, not only the shown ones, so that filtering never moves the axis.
        let widest =
            dataset.provinces.iter().map(|p| text::width(&p.name_vi, name_size, true)).fold(0.0, f64::max);
        (widest + 18.0).min(m.width * 0.3)
    };
    let track_x0 = m.pad + name_column + if m.narrow { 10.0 } else { 0.0 };
    let track_x1 = m.width - m.pad - ARROW_ROOM;
    let (ticks, scale) = axis(view, unit, track_x0, track_x1);
    let label_min_x = if m.narrow { m.pad } else { track_x0 };
    let label_max_x = m.width - m.pad;

    // The national targets' labels take the room above the rows; their lines run down through them.
    let indicator = &dataset.indicators[view.indicator];
    let year_paint = |year: u16| series_of(palette, year);
    let reference = ReferenceLines::place(
        national,
        indicator,
        &scale,
        canvas.y,
        m.pad,
        m.width - m.pad,
        lang,
        &year_paint,
    );
    let line_xs = reference.xs();
    let rows_top = canvas.y + reference.height;
    let mut rows: Vec<Item> = Vec::new();
    let mut y = rows_top;
    // A province without a target gets no row: `no_target_line` names it below the chart.
    for row in view.rows.iter().filter(|row| !row.targets.is_empty()) {
        let (row_top, row_start) = (y, rows.len());
        let emphasis = Emphasis::of(view, row.province);
        let province = &dataset.provinces[row.province];
        // A long name is cut to its column (or the width) rather than run into the marks or off the chart.
        let name_room = if m.narrow { m.inner_width() } else { name_column - 8.0 };
        let name_bold = emphasis.weight() == Weight::Bold;
        let name = text::truncate(&province.name_vi, name_size, name_bold, name_room);
        let name_width = text::width(&name, name_size, name_bold);

        // The marks are made on a track at 0 and moved to it once their labels have their lanes.
        let mut marks: Vec<Mark> = Vec::new();
        let mut labels: Vec<Label> = Vec::new();
        for &target_idx in &row.targets {
            let (mark, label) =
                mark_for(dataset, target_idx, &scale, label_min_x, 0.0, palette, emphasis, lang);
            labels.push(Label { mark: marks.len(), ..label });
            marks.push(mark);
        }
        // A row of words only (qualitative targets) reads from the line of the name down, without a track;
        // a row with a number stacks its labels upwards from above its track, between the name and the
        // track, so that no label stands nearer the next province's name than its own.
        let words_only = row.targets.iter().all(|&t| dataset.targets[t].span().is_none());
        let placed = place_labels(&mut labels, label_min_x, label_max_x, &line_xs);
        let lanes = placed.iter().map(|p| p.lane + p.lines.len()).max().unwrap_or(1) as f64;
        let (track_y, name_y, first_baseline, step, next_y);
        if words_only {
            let name_line = y + if m.narrow { 15.0 } else { LANE_HEIGHT + MARKER_RADIUS + 9.0 };
            name_y = name_line;
            track_y = name_line - 5.0;
            first_baseline = if m.narrow { name_line + 18.0 } else { name_line - 0.5 };
            step = LANE_HEIGHT;
            let last = first_baseline + (lanes - 1.0) * LANE_HEIGHT;
            // Stacked words would otherwise run into the next province's name.
            next_y = last + if lanes > 1.0 { 16.0 } else { 14.0 };
        } else {
            let lanes_top = y + if m.narrow { 22.0 } else { 0.0 };
            track_y = lanes_top + lanes * LANE_HEIGHT + MARKER_RADIUS + 4.0;
            name_y = if m.narrow { y + 15.0 } else { track_y + 5.0 };
            first_baseline = track_y - MARKER_RADIUS - 8.0;
            step = -LANE_HEIGHT;
            next_y = track_y + MARKER_RADIUS + 12.0;
        }
        let name_paint = if emphasis == Emphasis::Muted { Paint::Muted } else { Paint::Ink };
        rows.push(Item::Shape(text_shape(
            m.pad,
            name_y,
            name,
            Anchor::Start,
            name_size,
            emphasis.weight(),
            name_paint,
            name_width,
        )));
        // The track is a scale: only a row with a number gets one.
        if !words_only {
            rows.push(Item::Shape(Shape::Line {
                x1: track_x0,
                y1: track_y,
                x2: track_x1,
                y2: track_y,
                paint: Paint::Grid,
                stroke_width: 1.0,
                dashed: false,
            }));
        }
        for mark in &mut marks {
            mark.shapes.iter_mut().for_each(|shape| shape.shift(track_y));
        }
        // Each mark's own hit area (its first shape) before its label joins it.
        let hits: Vec<Option<BBox>> = marks.iter().map(|mark| mark.shapes.first().map(Shape::bbox)).collect();
        let boxes: Vec<BBox> = (placed.iter())
            .map(|label| {
                draw_label(&mut marks[label.mark].shapes, label, |lane| first_baseline + step * lane as f64)
            })
            .collect();
        for (label, own) in placed.iter().zip(&boxes) {
            if let Some(bridge) = hits[label.mark].and_then(|hit| bridge(own, &hit, &boxes)) {
                marks[label.mark].shapes.push(bridge);
            }
        }
        rows.extend(marks.into_iter().map(Item::Mark));
        y = next_y;
        if emphasis == Emphasis::Highlighted {
            // A bar in the margin beside the whole row: the highlight reads without colour, too.
            rows.push(Item::Shape(Shape::Rect {
                x: m.pad / 2.0 - 2.0,
                y: row_top + 4.0,
                width: 3.5,
                height: y - row_top - 8.0,
                paint: Paint::Accent,
            }));
        }
        group_row(&mut rows, row_start, row.province, row_top);
    }
    let rows_bottom = y;

    // Without a single number in the indicator there is no scale: no gridlines, no ticks.
    let ticks = if view.has_numbers { ticks } else { Vec::new() };
    // Gridlines first, so rows draw over them; each is broken where a name or label stands on it.
    let texts: Vec<BBox> = (rows.iter())
        .flat_map(|item| match item {
            Item::Row(row) => row.items.iter(),
            other => std::slice::from_ref(other).iter(),
        })
        .flat_map(|item| match item {
            Item::Shape(shape) => std::slice::from_ref(shape).iter(),
            Item::Mark(mark) => mark.shapes.iter(),
            _ => [].iter(),
        })
        .filter(|shape| matches!(shape, Shape::Text { .. }))
        .map(Shape::bbox)
        .collect();
    for &tick in &ticks {
        let x = scale.map(tick);
        for (y1, y2) in open_stretches(x, rows_top, rows_bottom, &texts) {
            canvas.shape(Shape::Line {
                x1: x,
                y1,
                x2: x,
                y2,
                paint: Paint::Grid,
                stroke_width: 1.0,
                dashed: tick != 0.0,
            });
        }
    }
    canvas.items.extend(reference.items(rows_top, rows_bottom));
    canvas.items.extend(rows);
    let tick_y = rows_bottom + 15.0;
    for &tick in &ticks {
        let label = format::tick(tick, unit, lang);
        let width = text::width(&label, 12.0, false);
        let x = scale.map(tick).max(m.pad + width / 2.0).min(m.width - m.pad - width / 2.0);
        canvas.shape(text_shape(x, tick_y, label, Anchor::Middle, 12.0, Weight::Normal, Paint::Muted, width));
    }
    canvas.y = if ticks.is_empty() { rows_bottom } else { tick_y + 4.0 };
    let caption = match unit {
        _ if !view.has_numbers => None,
        Unit::Percent => None,
        Unit::PercentPerYear => Some(format!("{}%{}", lang.text().unit_caption, lang.text().per_year)),
        Unit::Count => format::unit_label(&dataset.indicators[view.indicator], lang)
            .map(|l| format!("{}{l}", lang.text().unit_caption)),
        Unit::Rank => Some(lang.text().rank_caption.to_string()),
    };
    if let Some(caption) = caption {
        canvas.y += 2.0;
        canvas.paragraph(&caption, m.pad, m.inner_width(), 12.0, Weight::Normal, Paint::Muted);
    }
    // A ranking goes on past the last place the axis shows: say that the axis is cut there.
    if unit == Unit::Rank && view.has_numbers {
        if let Some(&last) = ticks.last() {
            let cut = format!("{}{}.", lang.text().rank_cut, format::tick(last, unit, lang));
            canvas.paragraph(&cut, m.pad, m.inner_width(), 12.0, Weight::Normal, Paint::Muted);
        }
    }
}

/// The stretches of the vertical line at `x` from `top` to `bottom` that no text's box covers, with room
/// round it, so that a gridline never runs through a name or a label. The room above covers the accents
/// a font sets higher than the box's estimate of ascent (DejaVu Sans: 0.93 em where the box has 0.8).
fn open_stretches(x: f64, top: f64, bottom: f64, texts: &[BBox]) -> Vec<(f64, f64)> {
    let mut covered: Vec<(f64, f64)> = (texts.iter())
        .filter(|b| b.x0 - 1.0 < x && x < b.x1 + 1.0)
        .map(|b| (b.y0 - 3.0, b.y1 + 1.5))
        .collect();
    order::sort_by(&mut covered, &|a, b| a.0.total_cmp(&b.0));
    let mut stretches = Vec::new();
    let mut from = top;
    for (y0, y1) in covered {
        if y0 > from + 2.0 {
            stretches.push((from, y0.min(bottom)));
        }
        from = from.max(y1);
    }
    if bottom > from + 2.0 {
        stretches.push((from, bottom));
    }
    stretches
}

/// "Không đặt mục tiêu: Bình Định, Bình Dương." for the shown provinces with no target in the view, or
/// `None` if every one has a target.
fn no_target_line(dataset: &Dataset, view: &View, lang: Lang) -> Option<String> {
    let names: Vec<&str> = view
        .rows
        .iter()
        .filter(|row| row.targets.is_empty())
        .map(|row| dataset.provinces[row.province].name_vi.as_str())
        .collect();
    if names.is_empty() {
        return None;
    }
    Some(format!("{}: {}.", lang.text().summary_missing, names.join(", ")))
}

/// Gathers the items pushed since `start` into one row, so that back ends can draw and move it as a group.
fn group_row(items: &mut Vec<Item>, start: usize, province: usize, top: f64) {
    let row = Item::Row(Row { province, top, items: items.split_off(start) });
    items.push(row);
}

/// The shapes of one target on its row, and its label still to be placed; words start at `words_x`.
#[allow(clippy::too_many_arguments)]
fn mark_for(
    dataset: &Dataset,
    target_idx: TargetIdx,
    scale: &LinearScale,
    words_x: f64,
    y: f64,
    palette: &[(u16, usize)],
    emphasis: Emphasis,
    lang: Lang,
) -> (Mark, Label) {
    let target = &dataset.targets[target_idx];
    let indicator = &dataset.indicators[target.indicator];
    let paint = emphasis.paint(series_of(palette, target.year));
    let hollow = target.status == Status::Draft;
    let kind = symbol_index(palette, target.year);
    let name = view::mark_name(dataset, target_idx, lang);
    let mut shapes = Vec::new();
    let words = target.qualifier == Qualifier::Qualitative;
    let label_text = if words {
        format!("{}: {}", target.year, format::words(target, lang))
    } else {
        format::target_value(target, indicator, lang, Style::Short)
    };
    // Words are a phrase, set in regular italics so that they fit a phone's width; numbers stay bold.
    let weight = if words { Weight::Normal } else { emphasis.weight() };
    let bold = weight == Weight::Bold;
    let lead = if words { glyph::WORDS_WIDTH } else { 0.0 };
    let label_width = text::width(&label_text, LABEL_SIZE, bold) + lead;

    let centre = match view::extent(target) {
        // No number, so no point on the scale: the mark is its glyph and words ("2025: phổ cập 5G").
        None => words_x + label_width / 2.0,
        // "Top N" is every place from N up to first: a marker at N and an arrow towards first place, so that
        // two of them on one row ("top 15" by 2025, "top 10" by 2030) both show, neither covering the other.
        Some((_, high)) if format::is_rank_band(target) && high > 1.0 => {
            let x = scale.map(high);
            let towards_first = if scale.map(1.0) >= x { 1.0 } else { -1.0 };
            let tip = x + towards_first * (MARKER_RADIUS + 15.0);
            shapes.push(Shape::Rect {
                x: x.min(tip) - 8.0,
                y: y - 14.0,
                width: (tip - x).abs() + 16.0,
                height: 28.0,
                paint: Paint::Transparent,
            });
            shapes.extend(glyph::arrow(
                x + towards_first * (MARKER_RADIUS + 1.0),
                y,
                towards_first,
                14.0,
                Head::Solid,
                paint,
            ));
            shapes.push(glyph::symbol(kind, x, y, MARKER_RADIUS, paint, hollow));
            x
        }
        Some((low, high)) if high > low => {
            let (xa, xb) = (scale.map(low), scale.map(high));
            let (x0, x1) = (xa.min(xb), xa.max(xb));
            shapes.push(Shape::Rect {
                x: x0,
                y: y - 14.0,
                width: (x1 - x0).max(1.0),
                height: 28.0,
                paint: Paint::Transparent,
            });
            shapes.push(Shape::Line {
                x1: x0,
                y1: y,
                x2: x1,
                y2: y,
                paint,
                stroke_width: 5.0,
                dashed: hollow,
            });
            shapes.push(glyph::symbol(kind, xa, y, MARKER_RADIUS * 0.75, paint, hollow));
            shapes.push(glyph::symbol(kind, xb, y, MARKER_RADIUS * 0.75, paint, hollow));
            (x0 + x1) / 2.0
        }
        Some((value, _)) => {
            let x = scale.map(value);
            shapes.push(Shape::Circle {
                cx: x,
                cy: y,
                r: 14.0,
                paint: Paint::Transparent,
                hollow: false,
                dashed: false,
            });
            if target.qualifier == Qualifier::About {
                shapes.push(Shape::Circle {
                    cx: x,
                    cy: y,
                    r: MARKER_RADIUS + 4.5,
                    paint,
                    hollow: true,
                    dashed: true,
                });
            }
            if target.unit != Unit::Rank {
                let head = head_of(target.qualifier);
                match target.qualifier {
                    Qualifier::Above | Qualifier::AtLeast => {
                        shapes.extend(glyph::arrow(x + MARKER_RADIUS + 1.0, y, 1.0, 12.0, head, paint))
                    }
                    Qualifier::AtMost => {
                        shapes.extend(glyph::arrow(x - MARKER_RADIUS - 1.0, y, -1.0, 12.0, head, paint))
                    }
                    _ => {}
                }
            }
            shapes.push(glyph::symbol(kind, x, y, MARKER_RADIUS, paint, hollow));
            x
        }
    };
    let mark = Mark { target: target_idx, name, shapes };
    (mark, Label { mark: 0, centre, width: label_width, text: label_text, paint, weight, words })
}

/// A label with its lane and where it starts: `lines` from `lane` on, the first line in the lane nearest the
/// track (or the name, for words) being the top one only when the lanes run downwards.
struct PlacedLabel {
    mark: usize,
    x0: f64,
    lane: usize,
    lines: Vec<String>,
    width: f64,
    paint: Paint,
    weight: Weight,
    words: bool,
}

/// Puts each label in the first lane (or run of lanes, for a label wrapped onto several lines) where it
/// keeps `LABEL_GAP` from every other label. A label stands centred on its mark, or beside the nearest
/// national line (`line_xs`) when one would run through it, but within `min_x`..`max_x`; a label wider than
/// that wraps between words, so that it is never cut.
fn place_labels(labels: &mut [Label], min_x: f64, max_x: f64, line_xs: &[f64]) -> Vec<PlacedLabel> {
    order::sort_by(labels, &|a, b| a.centre.total_cmp(&b.centre));
    let mut lanes: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut placed = Vec::new();
    for label in labels.iter() {
        let bold = label.weight == Weight::Bold;
        let lead = if label.words { glyph::WORDS_WIDTH } else { 0.0 };
        let wrapped = |room: f64| -> (Vec<String>, f64) {
            let lines = if label.width <= room {
                vec![label.text.clone()]
            } else {
                text::wrap(&label.text, LABEL_SIZE, bold, room - lead)
            };
            let width = lines.iter().map(|l| text::width(l, LABEL_SIZE, bold)).fold(0.0, f64::max) + lead;
            (lines, width)
        };
        let (mut lines, mut width) = wrapped(max_x - min_x);
        let mut x0 = clear_of_lines(label.centre, width, min_x, max_x, line_xs);
        if is_clear(x0, width, line_xs) && !stands_by(label.centre, x0, width) {
            // On one line the label fits only away from its mark, where it would read as another's: wrapped
            // into the stretch between the lines that holds the mark, if its words fit there.
            let (from, to) = stretch_around(label.centre, min_x, max_x, line_xs);
            let (near_lines, near_width) = wrapped(to - from);
            if near_width <= to - from {
                (lines, width) = (near_lines, near_width);
                x0 = (label.centre - width / 2.0).min(to - width).max(from);
            }
        }
        if !is_clear(x0, width, line_xs) {
            // Too wide for any place between the lines: wrapped to the widest stretch between them instead.
            let mut edges = vec![min_x];
            edges.extend(line_xs.iter().filter(|&&x| min_x < x && x < max_x).copied());
            edges.push(max_x);
            order::sort_by(&mut edges, &|a, b| a.total_cmp(b));
            let widest = edges.windows(2).map(|w| (w[0], w[1])).fold((min_x, min_x), |best, gap| {
                if gap.1 - gap.0 > best.1 - best.0 {
                    gap
                } else {
                    best
                }
            });
            let (from, to) = (widest.0 + LINE_ROOM * f64::from(widest.0 > min_x), widest.1 - LINE_ROOM);
            (lines, width) = wrapped(to - from);
            x0 = (label.centre - width / 2.0).min(to - width).max(from);
        }
        let (from, to) = (x0 - LABEL_GAP, x0 + width + LABEL_GAP);
        let free = |lane: &Vec<(f64, f64)>| lane.iter().all(|&(a, b)| b <= from || to <= a);
        let mut lane = 0;
        while (lane..lane + lines.len()).any(|l| lanes.get(l).is_some_and(|taken| !free(taken))) {
            lane += 1;
        }
        for l in lane..lane + lines.len() {
            if lanes.len() <= l {
                lanes.resize(l + 1, Vec::new());
            }
            lanes[l].push((x0, x0 + width));
        }
        placed.push(PlacedLabel {
            mark: label.mark,
            x0,
            lane,
            lines,
            width,
            paint: label.paint,
            weight: label.weight,
            words: label.words,
        });
    }
    placed
}

/// Where a label `width` wide starts: centred on `centre` if no line runs through it there, else just beside
/// the nearest line on either side that leaves it clear of every line, always within `min_x`..`max_x`.
#[allow(clippy::manual_clamp)]
fn clear_of_lines(centre: f64, width: f64, min_x: f64, max_x: f64, line_xs: &[f64]) -> f64 {
    let fit = |x0: f64| x0.min(max_x - width).max(min_x);
    let centred = fit(centre - width / 2.0);
    let mut candidates = vec![centred];
    for &x in line_xs {
        candidates.extend([fit(x + LINE_ROOM), fit(x - LINE_ROOM - width)]);
    }
    (candidates.into_iter())
        .filter(|&x0| is_clear(x0, width, line_xs))
        .min_by(|a, b| (a - centred).abs().total_cmp(&(b - centred).abs()))
        .unwrap_or(centred)
}

/// The room between a label and a national line beside it.
const LINE_ROOM: f64 = 4.0;

/// How far a label may stand from its mark's centre and still read as its label: a marker's half width and a
/// national line's room.
const BESIDE_MARK: f64 = 10.0;

/// Whether a label from `x0`, `width` wide, stands over or just beside the mark centred at `centre`.
fn stands_by(centre: f64, x0: f64, width: f64) -> bool {
    x0 - BESIDE_MARK <= centre && centre <= x0 + width + BESIDE_MARK
}

/// The stretch between national lines (with their room) that holds `centre`, within `min_x`..`max_x`.
fn stretch_around(centre: f64, min_x: f64, max_x: f64, line_xs: &[f64]) -> (f64, f64) {
    let left = line_xs.iter().copied().filter(|&x| x < centre).fold(f64::NEG_INFINITY, f64::max);
    let right = line_xs.iter().copied().filter(|&x| x >= centre).fold(f64::INFINITY, f64::min);
    let from = if left > min_x { left + LINE_ROOM } else { min_x };
    let to = if right < max_x { right - LINE_ROOM } else { max_x };
    (from, to)
}

/// Whether a label from `x0`, `width` wide, keeps clear of every line.
fn is_clear(x0: f64, width: f64, line_xs: &[f64]) -> bool {
    line_xs.iter().all(|&x| x <= x0 - LINE_ROOM / 2.0 || x0 + width + LINE_ROOM / 2.0 <= x)
}

/// Draws a placed label into its mark's shapes: its touch box, the words glyph if it leads, and its lines at
/// the baselines of its lanes (`baseline` of a lane), top to bottom.
/// Returns the label's touch box.
fn draw_label(shapes: &mut Vec<Shape>, label: &PlacedLabel, baseline: impl Fn(usize) -> f64) -> BBox {
    let mut baselines: Vec<f64> = (label.lane..label.lane + label.lines.len()).map(baseline).collect();
    order::sort_by(&mut baselines, &|a, b| a.total_cmp(b));
    let (top, bottom) = (baselines[0], baselines[baselines.len() - 1]);
    // The label is part of its mark: tapping the words opens the details as tapping the marker does.
    let touch = Shape::Rect {
        x: label.x0 - 2.0,
        y: top - LABEL_SIZE,
        width: label.width + 4.0,
        height: bottom - top + LABEL_SIZE * 1.35,
        paint: Paint::Transparent,
    };
    let touch_box = touch.bbox();
    shapes.push(touch);
    let lead = if label.words { glyph::WORDS_WIDTH } else { 0.0 };
    if label.words {
        shapes.extend(glyph::words(label.x0, top - 4.5, label.paint));
    }
    let bold = label.weight == Weight::Bold;
    let last = label.lines.len() - 1;
    for (index, (line, y)) in label.lines.iter().zip(baselines).enumerate() {
        // A wrapped line keeps the space it was broken at, invisible after its last word: the label's text, as
        // a screen reader or a search of the page reads it, is its words and not "khoảng25%".
        let text = if index < last { format!("{line} ") } else { line.clone() };
        shapes.push(Shape::Text {
            x: label.x0 + lead,
            y,
            text,
            anchor: Anchor::Start,
            size: LABEL_SIZE,
            weight: label.weight,
            paint: label.paint,
            italic: label.words,
            width: text::width(line, LABEL_SIZE, bold),
        });
    }
    touch_box
}

/// The strip between a label's touch box (`own`) and its mark's hit area (`hit`) where they stand one above
/// the other, as a transparent box of the mark: without it a finger landing between the words and the marker
/// (the middle of what the reader sees as one mark) opens nothing. Only over the columns both share, and
/// only where no other label (`labels`) lies in the strip, so that it never takes another mark's tap.
fn bridge(own: &BBox, hit: &BBox, labels: &[BBox]) -> Option<Shape> {
    let (x0, x1) = (own.x0.max(hit.x0), own.x1.min(hit.x1));
    let (y0, y1) = if own.y1 <= hit.y0 { (own.y1, hit.y0) } else { (hit.y1, own.y0) };
    let strip = BBox { x0, y0, x1, y1 };
    let crossed = |other: &BBox| other.x0 < x1 && x0 < other.x1 && other.y0 < y1 && y0 < other.y1;
    (x1 - x0 >= 1.0 && y1 - y0 > 0.0 && !labels.iter().any(crossed)).then_some(Shape::Rect {
        x: strip.x0,
        y: strip.y0,
        width: strip.x1 - strip.x0,
        height: strip.y1 - strip.y0,
        paint: Paint::Transparent,
    })
}
