//! A chart as a plain list of primitives in pixel space: what layout produces and every back end draws.
//!
//! Colours are roles (`Paint`), not values: the theme is chosen when the scene is written, so the same
//! scene serves light and dark pages, the widget and the static export.

use crate::data::model::TargetIdx;

/// A colour role, resolved by a `Theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Background,
    Ink,
    Muted,
    Grid,
    /// The colour of one target year (an index into the theme's palette).
    Series(usize),
    /// The highlighted provinces' marks (the widget's accent, or a newsroom's `--pt-accent`).
    Accent,
    /// Nothing visible: enlarges what a finger or pointer can hit.
    Transparent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Normal,
    Bold,
}

/// One drawable thing.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Rect {
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        paint: Paint,
    },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        paint: Paint,
        stroke_width: f64,
        dashed: bool,
    },
    /// A filled disc, or a ring when `hollow` (drafts are hollow).
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        paint: Paint,
        hollow: bool,
        dashed: bool,
    },
    Polygon {
        points: Vec<(f64, f64)>,
        paint: Paint,
        hollow: bool,
    },
    /// One line of text; `y` is the baseline. `width` is the layout's estimate, kept for overlap checks.
    Text {
        x: f64,
        y: f64,
        text: String,
        anchor: Anchor,
        size: f64,
        weight: Weight,
        paint: Paint,
        italic: bool,
        width: f64,
    },
}

/// The shapes of one target, which a reader can focus, hover or tap to read its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub target: TargetIdx,
    /// The accessible name: province, year and formatted value.
    pub name: String,
    pub shapes: Vec<Shape>,
}

/// An index into `Dataset::national`: which national target a reference line shows.
pub type NationalIdx = usize;

/// One national target's reference line and its label, which a reader can focus or tap to read its document.
/// Not a `Mark`: it is the national programme's figure, not a province's words, and it has no quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub national: NationalIdx,
    /// The accessible name, the label unwrapped: "Mục tiêu quốc gia 2025: 20% (QĐ 749/QĐ-TTg)".
    pub name: String,
    pub shapes: Vec<Shape>,
}

/// The shapes and marks of one province's row. Coordinates stay absolute; `top` lets a back end draw the row
/// as a group it can move as a whole (the widget moves one attribute when a row above it goes away).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub province: usize,
    pub top: f64,
    /// Shapes and marks only: rows do not nest.
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Shape(Shape),
    Mark(Mark),
    Reference(Reference),
    Row(Row),
}

/// A whole chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    /// The chart's title, also the SVG `<title>`.
    pub title: String,
    /// A one-sentence summary, also the SVG `<desc>`.
    pub description: String,
    pub items: Vec<Item>,
}

/// An axis-aligned box, for overlap and containment checks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl BBox {
    pub fn overlaps(&self, other: &BBox) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

impl Shape {
    /// The same shape `dy` lower.
    pub fn shift(&mut self, dy: f64) {
        match self {
            Shape::Rect { y, .. } | Shape::Text { y, .. } => *y += dy,
            Shape::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
            Shape::Circle { cy, .. } => *cy += dy,
            Shape::Polygon { points, .. } => points.iter_mut().for_each(|(_, y)| *y += dy),
        }
    }

    /// The box the shape covers (for text, the layout's estimate from the baseline's ascent and descent).
    pub fn bbox(&self) -> BBox {
        match self {
            Shape::Rect { x, y, width, height, .. } => BBox { x0: *x, y0: *y, x1: x + width, y1: y + height },
            Shape::Line { x1, y1, x2, y2, stroke_width, .. } => {
                let half = stroke_width / 2.0;
                BBox {
                    x0: x1.min(*x2) - half,
                    y0: y1.min(*y2) - half,
                    x1: x1.max(*x2) + half,
                    y1: y1.max(*y2) + half,
                }
            }
            Shape::Circle { cx, cy, r, .. } => BBox { x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r },
            Shape::Polygon { points, .. } => points.iter().fold(
                BBox { x0: f64::MAX, y0: f64::MAX, x1: f64::MIN, y1: f64::MIN },
                |b, (x, y)| BBox { x0: b.x0.min(*x), y0: b.y0.min(*y), x1: b.x1.max(*x), y1: b.y1.max(*y) },
            ),
            Shape::Text { x, y, anchor, size, width, .. } => {
                let x0 = match anchor {
                    Anchor::Start => *x,
                    Anchor::Middle => x - width / 2.0,
                    Anchor::End => x - width,
                };
                BBox { x0, y0: y - size * 0.8, x1: x0 + width, y1: y + size * 0.25 }
            }
        }
    }
}

impl Scene {
    /// Every item outside rows, and every item inside them, in drawing order.
    pub fn flat_items(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().flat_map(|item| match item {
            Item::Row(row) => row.items.iter(),
            other => std::slice::from_ref(other).iter(),
        })
    }

    /// Every shape, inside marks or not.
    pub fn shapes(&self) -> impl Iterator<Item = &Shape> {
        self.flat_items().flat_map(|item| match item {
            Item::Shape(shape) => std::slice::from_ref(shape).iter(),
            Item::Mark(mark) => mark.shapes.iter(),
            Item::Reference(reference) => reference.shapes.iter(),
            Item::Row(_) => [].iter(),
        })
    }

    pub fn marks(&self) -> impl Iterator<Item = &Mark> {
        self.flat_items().filter_map(|item| match item {
            Item::Mark(mark) => Some(mark),
            _ => None,
        })
    }
}
