//! Lays a view out as a `Scene` at a given width: the headline (in a file that stands alone), legend, one
//! row per province with one mark per target year, the value axis, and the note and source line (alone).
//!
//! Pure and deterministic: the same dataset, configuration and width always give the same scene, in the
//! browser and on a build server. Labels are placed in lanes so that no two overlap, and the row grows to hold
//! the lanes it needs; every shape stays inside the view box (tests/layout.rs checks both at several widths).

use crate::chart::format::{self, Style};
use crate::chart::framing::{self, EditorWords, Standing};
use crate::chart::reference::{self, ReferenceLines};
use crate::chart::scale::{nice_ticks, LinearScale};
use crate::chart::scene::{Anchor, Item, Mark, Paint, Row, Scene, Shape, Weight};
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
}

impl Canvas {
    fn shape(&mut self, shape: Shape) {
        self.items.push(Item::Shape(shape));
    }

    /// Wrapped lines of text from the current `y`, which then moves below them.
    fn paragraph(&mut self, content: &str, x: f64, max_width: f64, size: f64, weight: Weight, paint: Paint) {
        let bold = weight == Weight::Bold;
        for line in text::wrap(content, size, bold, max_width) {
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

    let mut canvas = Canvas { items: Vec::new(), y: m.pad - 4.0 };
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

    if view.rows.is_empty() {
        canvas.paragraph(
            lang.text().no_province_selected,
            m.pad,
            m.inner_width(),
            14.0,
            Weight::Normal,
            Paint::Muted,
        );
    } else {
        let national = reference::shown(dataset, &view, config);
        rows_and_axis(&mut canvas, &m, dataset, &view, &palette, lang, indicator.unit, &national);
    }

    if standing == Standing::Alone {
        if let Some(note) = &words.note {
            canvas.y += 12.0;
            canvas.paragraph(note, m.pad, m.inner_width(), 12.0, Weight::Normal, Paint::Ink);
        }
        if let Some(sources) = framing::source_line(dataset, &view, lang) {
            canvas.y += 12.0;
            canvas.paragraph(&sources, m.pad, m.inner_width(), 12.0, Weight::Normal, Paint::Muted);
        }
    }
    let height = (canvas.y + m.pad).ceil();

    let mut description = view::summary(dataset, &view, lang);
    description.push_str(&reference::summary_sentences(dataset, &view, config));
    Scene { width, height, title, description, items: canvas.items }
}

/// The year symbols present in the view, then the encodings of draft, open-ended and approximate targets,
/// flowing onto as many lines as the width needs.
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
        OpenEnded,
        About,
    }
    let mut keys: Vec<Key> = years.into_iter().map(Key::Year).collect();
    if targets.iter().any(|t| t.status == Status::Draft) {
        keys.push(Key::Draft);
    }
    if targets
        .iter()
        .any(|t| t.unit != Unit::Rank && matches!(t.qualifier, Qualifier::Above | Qualifier::AtLeast))
    {
        keys.push(Key::OpenEnded);
    }
    if targets.iter().any(|t| t.qualifier == Qualifier::About) {
        keys.push(Key::About);
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
            Key::OpenEnded => text.legend_open_ended.to_string(),
            Key::About => text.legend_about.to_string(),
        };
        let label_width = text::width(&label, size, false);
        let entry_width = 18.0 + label_width;
        if x > m.pad && x + entry_width > m.width - m.pad {
            x = m.pad;
            cy += 20.0;
        }
        let sx = x + 6.0;
        match key {
            Key::Year(year) => {
                let series = series_of(palette, year);
                canvas.shape(symbol(symbol_index(palette, year), sx, cy, 5.5, series, false));
            }
            Key::Draft => canvas.shape(Shape::Circle {
                cx: sx,
                cy,
                r: 5.0,
                paint: Paint::Muted,
                hollow: true,
                dashed: false,
            }),
            Key::OpenEnded => {
                canvas
                    .items
                    .extend(arrow(sx - 6.0, cy, 1.0, 12.0, Paint::Muted).into_iter().map(Item::Shape));
            }
            Key::About => canvas.shape(Shape::Circle {
                cx: sx,
                cy,
                r: 6.0,
                paint: Paint::Muted,
                hollow: true,
                dashed: true,
            }),
        }
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

/// Which of the four marker shapes a year uses: shape and colour both tell years apart, so the chart reads in
/// greyscale and for colour-blind readers.
fn symbol_index(palette: &[(u16, usize)], year: u16) -> usize {
    palette.iter().find(|(y, _)| *y == year).map(|(_, i)| *i % 4).unwrap_or(0)
}

/// A year's marker: circle, diamond, square or triangle.
fn symbol(kind: usize, cx: f64, cy: f64, r: f64, paint: Paint, hollow: bool) -> Shape {
    match kind {
        0 => Shape::Circle { cx, cy, r, paint, hollow, dashed: false },
        1 => {
            let d = r * 1.3;
            Shape::Polygon {
                points: vec![(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy)],
                paint,
                hollow,
            }
        }
        2 => {
            let h = r * 0.95;
            Shape::Polygon {
                points: vec![(cx - h, cy - h), (cx + h, cy - h), (cx + h, cy + h), (cx - h, cy + h)],
                paint,
                hollow,
            }
        }
        _ => {
            let h = r * 1.2;
            Shape::Polygon {
                points: vec![(cx, cy - h), (cx + h, cy + h * 0.8), (cx - h, cy + h * 0.8)],
                paint,
                hollow,
            }
        }
    }
}

/// An arrow from `x` along `direction` (1 right, -1 left) of `length`: "above", "at least", "at most".
fn arrow(x: f64, y: f64, direction: f64, length: f64, paint: Paint) -> [Shape; 2] {
    let tip = x + direction * length;
    let base = tip - direction * 5.0;
    [
        Shape::Line { x1: x, y1: y, x2: base, y2: y, paint, stroke_width: 2.0, dashed: false },
        Shape::Polygon { points: vec![(tip, y), (base, y - 4.0), (base, y + 4.0)], paint, hollow: false },
    ]
}

/// A label waiting for a lane.
struct Label {
    mark: usize,
    centre: f64,
    width: f64,
    text: String,
    paint: Paint,
    /// Qualitative targets are words, set in italics.
    italic: bool,
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
    national: &[&National],
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
    let axis_max = if unit == Unit::Percent && view.domain_max > 60.0 { 100.0 } else { view.domain_max };
    let max_ticks = (((track_x1 - track_x0) / 64.0).floor() as usize).clamp(2, 10);
    let ticks = nice_ticks(view.domain_min, axis_max, max_ticks, matches!(unit, Unit::Count | Unit::Rank));
    let axis = (*ticks.first().unwrap_or(&0.0), *ticks.last().unwrap_or(&1.0));
    let scale = LinearScale { domain: axis, range: (track_x0, track_x1) };
    let label_min_x = if m.narrow { m.pad } else { track_x0 };
    let label_max_x = m.width - m.pad;

    // The national targets' labels take the room above the rows; their lines run down through them.
    let indicator = &dataset.indicators[view.indicator];
    let reference =
        ReferenceLines::place(national, indicator, &scale, canvas.y, m.pad, m.width - m.pad, lang);
    let rows_top = canvas.y + reference.height;
    let mut rows: Vec<Item> = Vec::new();
    let mut y = rows_top;
    for row in &view.rows {
        let (row_top, row_start) = (y, rows.len());
        let province = &dataset.provinces[row.province];
        // A long name is cut to its column (or the width) rather than run into the marks or off the chart.
        let name_room = if m.narrow { m.inner_width() } else { name_column - 8.0 };
        let name = text::truncate(&province.name_vi, name_size, true, name_room);
        let name_width = text::width(&name, name_size, true);
        let track_y = y + if m.narrow { 22.0 } else { 0.0 } + LANE_HEIGHT + MARKER_RADIUS + 4.0;
        let (name_x, name_y) = if m.narrow { (m.pad, y + 15.0) } else { (m.pad, track_y + 5.0) };
        rows.push(Item::Shape(text_shape(
            name_x,
            name_y,
            name,
            Anchor::Start,
            name_size,
            Weight::Bold,
            Paint::Ink,
            name_width,
        )));

        if row.targets.is_empty() {
            let note = lang.text().no_target.to_string();
            let width = text::width(&note, 13.0, false);
            // On a phone the words fit beside the name, which saves a whole row's height; otherwise they
            // stand where the marks would.
            let beside_name = m.pad + name_width + 10.0;
            let (x, note_y, row_end) = if m.narrow && beside_name + width <= m.width - m.pad {
                (beside_name, name_y, name_y + 14.0)
            } else {
                (track_x0, track_y + 4.5, track_y + MARKER_RADIUS + 14.0)
            };
            rows.push(Item::Shape(Shape::Text {
                x,
                y: note_y,
                text: note,
                anchor: Anchor::Start,
                size: 13.0,
                weight: Weight::Normal,
                paint: Paint::Muted,
                italic: true,
                width,
            }));
            y = row_end;
            group_row(&mut rows, row_start, row.province, row_top);
            continue;
        }

        // The track is a scale: only a row with a number gets one.
        if row.targets.iter().any(|&t| dataset.targets[t].span().is_some()) {
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
        let mut marks: Vec<Mark> = Vec::new();
        let mut labels: Vec<Label> = Vec::new();
        for &target_idx in &row.targets {
            let (mark, label) = mark_for(dataset, target_idx, &scale, track_x0, track_y, palette, lang);
            labels.push(Label { mark: marks.len(), ..label });
            marks.push(mark);
        }
        // A row of words only (qualitative targets) reads on the line of the name, not above a track.
        let words_only = row.targets.iter().all(|&t| dataset.targets[t].span().is_none());
        let first_baseline = if words_only { track_y + 4.5 } else { track_y - MARKER_RADIUS - 8.0 };
        let lanes_used =
            place_labels(&mut marks, &mut labels, track_y, first_baseline, label_min_x, label_max_x);
        rows.extend(marks.into_iter().map(Item::Mark));
        let below = lanes_used.saturating_sub(1) as f64 * LANE_HEIGHT;
        y = track_y + MARKER_RADIUS + 8.0 + below.max(4.0);
        group_row(&mut rows, row_start, row.province, row_top);
    }
    let rows_bottom = y;

    // Without a single number in the indicator there is no scale: no gridlines, no ticks.
    let ticks = if view.has_numbers { ticks } else { Vec::new() };
    // Gridlines first, so rows draw over them.
    for &tick in &ticks {
        let x = scale.map(tick);
        canvas.shape(Shape::Line {
            x1: x,
            y1: rows_top,
            x2: x,
            y2: rows_bottom,
            paint: Paint::Grid,
            stroke_width: 1.0,
            dashed: tick != 0.0,
        });
    }
    canvas.items.extend(reference.items(rows_bottom));
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
}

/// Gathers the items pushed since `start` into one row, so that back ends can draw and move it as a group.
fn group_row(items: &mut Vec<Item>, start: usize, province: usize, top: f64) {
    let row = Item::Row(Row { province, top, items: items.split_off(start) });
    items.push(row);
}

/// The shapes of one target on its row, and its label still to be placed.
fn mark_for(
    dataset: &Dataset,
    target_idx: TargetIdx,
    scale: &LinearScale,
    track_x0: f64,
    y: f64,
    palette: &[(u16, usize)],
    lang: Lang,
) -> (Mark, Label) {
    let target = &dataset.targets[target_idx];
    let indicator = &dataset.indicators[target.indicator];
    let paint = series_of(palette, target.year);
    let hollow = target.status == Status::Draft;
    let kind = symbol_index(palette, target.year);
    let name = view::mark_name(dataset, target_idx, lang);
    let mut shapes = Vec::new();
    let label_text = if target.qualifier == Qualifier::Qualitative {
        format!("{}: {}", target.year, lang.text().qualitative)
    } else {
        format::target_value(target, indicator, lang, Style::Short)
    };
    let label_width = text::width(&label_text, LABEL_SIZE, true);

    let centre = match target.span() {
        // No number, so no point on the scale: the mark is its label alone ("2025: định tính").
        None => track_x0 + label_width / 2.0,
        Some((low, high)) if high > low => {
            let (x0, x1) = (scale.map(low), scale.map(high));
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
            shapes.push(symbol(kind, x0, y, MARKER_RADIUS * 0.75, paint, hollow));
            shapes.push(symbol(kind, x1, y, MARKER_RADIUS * 0.75, paint, hollow));
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
                match target.qualifier {
                    Qualifier::Above | Qualifier::AtLeast => {
                        shapes.extend(arrow(x + MARKER_RADIUS + 1.0, y, 1.0, 12.0, paint))
                    }
                    Qualifier::AtMost => shapes.extend(arrow(x - MARKER_RADIUS - 1.0, y, -1.0, 12.0, paint)),
                    _ => {}
                }
            }
            shapes.push(symbol(kind, x, y, MARKER_RADIUS, paint, hollow));
            x
        }
    };
    let mark = Mark { target: target_idx, name, shapes };
    let italic = target.qualifier == Qualifier::Qualitative;
    (mark, Label { mark: 0, centre, width: label_width, text: label_text, paint, italic })
}

/// Puts each label in the first lane where it does not touch the previous one: the first lane at
/// `first_baseline` (above the track, or on the name's line for a row of words), the others below the track.
/// Returns how many lanes were used.
#[allow(clippy::manual_clamp)]
fn place_labels(
    marks: &mut [Mark],
    labels: &mut [Label],
    track_y: f64,
    first_baseline: f64,
    min_x: f64,
    max_x: f64,
) -> usize {
    order::sort_by(labels, &|a, b| a.centre.total_cmp(&b.centre));
    let mut lane_ends: Vec<f64> = Vec::new();
    let below = (track_y + MARKER_RADIUS + 5.0 - 2.0).max(first_baseline);
    for label in labels.iter() {
        let x0 = (label.centre - label.width / 2.0).min(max_x - label.width).max(min_x);
        let lane = match lane_ends.iter().position(|end| *end + LABEL_GAP <= x0) {
            Some(lane) => lane,
            None => {
                lane_ends.push(f64::MIN);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = x0 + label.width;
        let baseline = if lane == 0 { first_baseline } else { below + lane as f64 * LANE_HEIGHT };
        // The label is part of its mark: tapping the words opens the details as tapping the marker does.
        marks[label.mark].shapes.push(Shape::Rect {
            x: x0 - 2.0,
            y: baseline - LABEL_SIZE,
            width: label.width + 4.0,
            height: LABEL_SIZE * 1.35,
            paint: Paint::Transparent,
        });
        marks[label.mark].shapes.push(Shape::Text {
            x: x0,
            y: baseline,
            text: label.text.clone(),
            anchor: Anchor::Start,
            size: LABEL_SIZE,
            weight: Weight::Bold,
            paint: label.paint,
            italic: label.italic,
            width: label.width,
        });
    }
    lane_ends.len()
}
