//! Writes a `Scene` as SVG elements into a `Sink`, in practice a `tree::Tree`, which becomes SVG text for
//! export and golden files or live DOM nodes in the browser. One walk serves both, so what the widget shows
//! and what it exports can never differ.
//!
//! Only presentation attributes are written, never `style`: the SVG then renders standalone, without the
//! page's CSS, and the widget stays within a `style-src 'self'` Content-Security-Policy.

use crate::chart::scene::{Anchor, Item, Paint, Scene, Shape, Weight};
use crate::locale::number::plain;
pub use crate::render::markup::Sink;
use crate::render::theme::ThemeName;

/// Fonts with Vietnamese glyphs, from the reader's system first to the common fallbacks.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

pub const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// The colours one drawing uses: a theme, possibly with a newsroom's brand colours over it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    pub background: String,
    pub ink: String,
    pub muted: String,
    pub grid: String,
    pub accent: String,
    pub series: Vec<String>,
}

impl Palette {
    pub fn of(theme: ThemeName) -> Palette {
        let t = theme.theme();
        Palette {
            background: t.background.into(),
            ink: t.ink.into(),
            muted: t.muted.into(),
            grid: t.grid.into(),
            accent: t.accent.into(),
            series: t.series.iter().map(|s| s.to_string()).collect(),
        }
    }

    pub fn color(&self, paint: Paint) -> String {
        match paint {
            Paint::Background => self.background.clone(),
            Paint::Ink => self.ink.clone(),
            Paint::Muted => self.muted.clone(),
            Paint::Grid => self.grid.clone(),
            Paint::Accent => self.accent.clone(),
            Paint::Series(i) => self.series[i % self.series.len().max(1)].clone(),
            Paint::Transparent => "transparent".into(),
        }
    }
}

/// Coordinates rounded to a tenth of a pixel: sharper is invisible, and round numbers keep golden files stable.
fn px(value: f64) -> String {
    plain(value, 1)
}

/// Writes `scene` into `sink`.
pub fn emit(scene: &Scene, palette: &Palette, sink: &mut impl Sink) {
    let (w, h) = (px(scene.width), px(scene.height));
    sink.open(
        "svg",
        vec![
            ("xmlns", SVG_NAMESPACE.into()),
            ("viewBox", format!("0 0 {w} {h}")),
            ("width", w.clone()),
            ("height", h.clone()),
            ("font-family", FONT_FAMILY.into()),
            ("class", "pt-svg".into()),
            ("aria-labelledby", "pt-title pt-desc".into()),
        ],
    );
    sink.open("title", vec![("id", "pt-title".into())]);
    sink.text(&scene.title);
    sink.close("title");
    sink.open("desc", vec![("id", "pt-desc".into())]);
    sink.text(&scene.description);
    sink.close("desc");
    sink.open("rect", vec![("width", w), ("height", h), ("fill", palette.background.clone())]);
    sink.close("rect");
    for item in &scene.items {
        emit_item(item, palette, sink, 0.0);
    }
    sink.close("svg");
}

/// Writes one item with its vertical coordinates less `top` (the top of the row group it is in).
fn emit_item(item: &Item, palette: &Palette, sink: &mut impl Sink, top: f64) {
    match item {
        Item::Shape(shape) => emit_shape(shape, palette, sink, top),
        Item::Mark(mark) => {
            let key = ("data-target", mark.target.to_string());
            emit_focusable("pt-mark", key, &mark.name, &mark.shapes, palette, sink, top);
        }
        // A national line is in the chart's one keyboard model too, as a button named by its label; it is no
        // `pt-mark`, since it is not a province's target.
        Item::Reference(reference) => {
            let key = ("data-national", reference.national.to_string());
            emit_focusable("pt-national", key, &reference.name, &reference.shapes, palette, sink, top);
        }
        // A row is a group at its top: when a row above goes, the widget moves this one attribute.
        Item::Row(row) => {
            sink.open(
                "g",
                vec![
                    ("transform", format!("translate(0 {})", px(row.top))),
                    ("data-row", row.province.to_string()),
                ],
            );
            for item in &row.items {
                emit_item(item, palette, sink, row.top);
            }
            sink.close("g");
        }
    }
}

/// A group a reader can focus and tap (a mark, a national line), named for screen readers by `name`.
fn emit_focusable(
    class: &'static str,
    key: (&'static str, String),
    name: &str,
    shapes: &[Shape],
    palette: &Palette,
    sink: &mut impl Sink,
    top: f64,
) {
    sink.open(
        "g",
        vec![
            ("class", class.into()),
            // Focusable, but not a Tab stop: the chart is one Tab stop, its active mark (set by the widget),
            // and the arrow keys move inside it (`chart::navigation`).
            ("tabindex", "-1".into()),
            ("role", "button".into()),
            key,
            ("aria-label", name.into()),
        ],
    );
    for shape in shapes {
        emit_shape(shape, palette, sink, top);
    }
    sink.close("g");
}

/// Fill and stroke of a shape that is either solid or, for drafts, an outline on the background.
fn fill_and_stroke(paint: Paint, hollow: bool, palette: &Palette) -> Vec<(&'static str, String)> {
    if hollow {
        vec![
            ("fill", palette.background.clone()),
            ("stroke", palette.color(paint)),
            ("stroke-width", "2".into()),
        ]
    } else {
        vec![("fill", palette.color(paint))]
    }
}

fn emit_shape(shape: &Shape, palette: &Palette, sink: &mut impl Sink, top: f64) {
    let y = |value: f64| px(value - top);
    match shape {
        Shape::Rect { x, y: top_edge, width, height, paint } => {
            sink.open(
                "rect",
                vec![
                    ("x", px(*x)),
                    ("y", y(*top_edge)),
                    ("width", px(*width)),
                    ("height", px(*height)),
                    ("fill", palette.color(*paint)),
                ],
            );
            sink.close("rect");
        }
        Shape::Line { x1, y1, x2, y2, paint, stroke_width, dashed } => {
            let mut attributes = vec![
                ("x1", px(*x1)),
                ("y1", y(*y1)),
                ("x2", px(*x2)),
                ("y2", y(*y2)),
                ("stroke", palette.color(*paint)),
                ("stroke-width", px(*stroke_width)),
                ("stroke-linecap", "round".into()),
            ];
            if *dashed {
                // Round caps lengthen each dash by the stroke's width: a 2 px arrow shaft ("over") gets
                // short dashes with room between them, where "3 3" would close its gaps.
                let pattern = if *stroke_width == 2.0 { "1 4" } else { "3 3" };
                attributes.push(("stroke-dasharray", pattern.into()));
            }
            sink.open("line", attributes);
            sink.close("line");
        }
        Shape::Circle { cx, cy, r, paint, hollow, dashed } => {
            let mut attributes = vec![("cx", px(*cx)), ("cy", y(*cy)), ("r", px(*r))];
            if *dashed {
                attributes.extend([
                    ("fill", "none".into()),
                    ("stroke", palette.color(*paint)),
                    ("stroke-width", "1.5".into()),
                    ("stroke-dasharray", "2.5 2.5".into()),
                ]);
            } else {
                attributes.extend(fill_and_stroke(*paint, *hollow, palette));
            }
            sink.open("circle", attributes);
            sink.close("circle");
        }
        Shape::Polygon { points, paint, hollow } => {
            let points: Vec<String> =
                points.iter().map(|(px_x, px_y)| format!("{},{}", px(*px_x), y(*px_y))).collect();
            let mut attributes = vec![("points", points.join(" "))];
            attributes.extend(fill_and_stroke(*paint, *hollow, palette));
            sink.open("polygon", attributes);
            sink.close("polygon");
        }
        Shape::Text { x, y: baseline, text, anchor, size, weight, paint, italic, .. } => {
            let mut attributes = vec![
                ("x", px(*x)),
                ("y", y(*baseline)),
                ("font-size", px(*size)),
                ("fill", palette.color(*paint)),
            ];
            match anchor {
                Anchor::Start => {}
                Anchor::Middle => attributes.push(("text-anchor", "middle".into())),
                Anchor::End => attributes.push(("text-anchor", "end".into())),
            }
            if *weight == Weight::Bold {
                attributes.push(("font-weight", "700".into()));
            }
            if *italic {
                attributes.push(("font-style", "italic".into()));
            }
            sink.open("text", attributes);
            sink.text(text);
            sink.close("text");
        }
    }
}

/// The whole scene as a standalone SVG document.
pub fn to_svg(scene: &Scene, palette: &Palette) -> String {
    let mut tree = crate::render::tree::Tree::default();
    emit(scene, palette, &mut tree);
    tree.to_svg_text()
}
