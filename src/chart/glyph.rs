//! The small drawings that encode a target, shared by its mark and the legend entry that explains it: the
//! year markers, the arrows of open-ended targets, and the glyph of a target stated in words.

use crate::chart::scene::{Paint, Shape};

/// A year's marker: circle, diamond, square or triangle, so that years differ in shape as well as colour
/// (the chart reads in greyscale and for colour-blind readers).
pub fn symbol(kind: usize, cx: f64, cy: f64, r: f64, paint: Paint, hollow: bool) -> Shape {
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

/// How an arrow ends. "At least" includes its number and "above" does not, and the chart must tell the two
/// apart at a glance, not by the head alone: "at least" and "at most" are a solid shaft from the marker and a
/// solid head; "above" starts clear of the marker, as its number is not included, and is a dashed shaft with
/// an open chevron.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    Solid,
    Open,
}

/// An arrow from `x` along `direction` (1 right, -1 left) of `length`.
pub fn arrow(x: f64, y: f64, direction: f64, length: f64, head: Head, paint: Paint) -> Vec<Shape> {
    let tip = x + direction * length;
    let base = tip - direction * 5.0;
    let line = |x1: f64, y1: f64, x2: f64, y2: f64, dashed: bool| Shape::Line {
        x1,
        y1,
        x2,
        y2,
        paint,
        stroke_width: 2.0,
        dashed,
    };
    match head {
        Head::Solid => vec![
            line(x, y, base, y, false),
            Shape::Polygon { points: vec![(tip, y), (base, y - 4.0), (base, y + 4.0)], paint, hollow: false },
        ],
        Head::Open => vec![
            line(x + direction * 3.0, y, tip, y, true),
            line(base, y - 4.5, tip, y, false),
            line(base, y + 4.5, tip, y, false),
        ],
    }
}

/// The glyph of a target stated in words only: three lines of "text", left edge at `x`, centred on `y`.
pub fn words(x: f64, y: f64, paint: Paint) -> [Shape; 3] {
    let line = |dy: f64, length: f64| Shape::Line {
        x1: x + 1.0,
        y1: y + dy,
        x2: x + 1.0 + length,
        y2: y + dy,
        paint,
        stroke_width: 2.0,
        dashed: false,
    };
    [line(-4.0, 8.0), line(0.0, 8.0), line(4.0, 5.0)]
}

/// How much room the words glyph takes before its label.
pub const WORDS_WIDTH: f64 = 14.0;
