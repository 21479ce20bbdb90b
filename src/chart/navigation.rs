//! Where the arrow keys go in a chart: by position, as a reader sees the marks. Left and right move within a
//! province's row, up and down to the nearest mark of the row above or below. The chart is one Tab stop
//! (its active mark); this is how a keyboard reader moves inside it.

use crate::chart::scene::{Item, Mark, Scene};
use crate::data::model::TargetIdx;
use crate::data::order;

/// A key that moves between marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Left,
    Right,
    Up,
    Down,
    /// The first mark of the chart.
    First,
    /// The last mark of the chart.
    Last,
}

/// The marks of a scene by row, each row's marks from left to right, with their horizontal centres.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarkGrid {
    rows: Vec<Vec<(f64, TargetIdx)>>,
}

impl MarkGrid {
    pub fn of(scene: &Scene) -> MarkGrid {
        let mut rows = Vec::new();
        for item in &scene.items {
            let marks: Vec<&Mark> = match item {
                Item::Row(row) => row
                    .items
                    .iter()
                    .filter_map(|item| match item {
                        Item::Mark(mark) => Some(mark),
                        _ => None,
                    })
                    .collect(),
                Item::Mark(mark) => vec![mark],
                Item::Shape(_) => continue,
            };
            let mut row: Vec<(f64, TargetIdx)> =
                marks.iter().map(|mark| (centre(mark), mark.target)).collect();
            // Through the library's one sort: `slice::sort_by` here would bring a second copy of std's sort.
            order::sort_by(&mut row, &|a, b| a.0.total_cmp(&b.0));
            if !row.is_empty() {
                rows.push(row);
            }
        }
        MarkGrid { rows }
    }

    /// The first mark, which holds the chart's Tab stop until the reader moves.
    pub fn first(&self) -> Option<TargetIdx> {
        self.rows.first()?.first().map(|(_, target)| *target)
    }

    pub fn contains(&self, target: TargetIdx) -> bool {
        self.position(target).is_some()
    }

    fn position(&self, target: TargetIdx) -> Option<(usize, usize)> {
        self.rows
            .iter()
            .enumerate()
            .find_map(|(r, row)| row.iter().position(|(_, t)| *t == target).map(|c| (r, c)))
    }

    /// Where `step` goes from `from`; `None` at an edge (the focus then stays).
    pub fn step(&self, from: TargetIdx, step: Move) -> Option<TargetIdx> {
        let (r, c) = self.position(from)?;
        let row = &self.rows[r];
        let target_at = |row: &[(f64, TargetIdx)], c: usize| row.get(c).map(|(_, t)| *t);
        match step {
            Move::Left => c.checked_sub(1).and_then(|c| target_at(row, c)),
            Move::Right => target_at(row, c + 1),
            Move::Up => r.checked_sub(1).and_then(|r| self.nearest(r, row[c].0)),
            Move::Down => self.nearest(r + 1, row[c].0),
            Move::First => self.first(),
            Move::Last => self.rows.last()?.last().map(|(_, t)| *t),
        }
        .filter(|to| *to != from)
    }

    /// The mark of row `r` whose centre is nearest `x` (the left one on a tie).
    fn nearest(&self, r: usize, x: f64) -> Option<TargetIdx> {
        let row = self.rows.get(r)?;
        let mut best: Option<(f64, TargetIdx)> = None;
        for &(centre, target) in row {
            let distance = (centre - x).abs();
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, target));
            }
        }
        best.map(|(_, target)| target)
    }
}

/// The horizontal centre of a mark's shapes.
fn centre(mark: &Mark) -> f64 {
    let (x0, x1) = mark
        .shapes
        .iter()
        .map(|shape| shape.bbox())
        .fold((f64::MAX, f64::MIN), |(x0, x1), b| (x0.min(b.x0), x1.max(b.x1)));
    if x0 <= x1 {
        (x0 + x1) / 2.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::scene::{Paint, Row, Shape};

    fn mark(target: TargetIdx, cx: f64) -> Item {
        let shape = Shape::Circle { cx, cy: 0.0, r: 4.0, paint: Paint::Ink, hollow: false, dashed: false };
        Item::Mark(Mark { target, name: String::new(), shapes: vec![shape] })
    }

    fn row(province: usize, items: Vec<Item>) -> Item {
        Item::Row(Row { province, top: province as f64 * 40.0, items })
    }

    /// Row 0: marks 1 (x 100) and 0 (x 50), drawn in that order; row 1: mark 2 (x 90); row 2: none;
    /// row 3: marks 3 (x 20) and 4 (x 300).
    fn grid() -> MarkGrid {
        let scene = Scene {
            width: 400.0,
            height: 200.0,
            title: String::new(),
            description: String::new(),
            items: vec![
                row(0, vec![mark(1, 100.0), mark(0, 50.0)]),
                row(1, vec![mark(2, 90.0)]),
                row(2, vec![]),
                row(3, vec![mark(3, 20.0), mark(4, 300.0)]),
            ],
        };
        MarkGrid::of(&scene)
    }

    #[test]
    fn left_and_right_follow_positions_not_drawing_order() {
        let grid = grid();
        assert_eq!(grid.first(), Some(0));
        assert_eq!(grid.step(0, Move::Right), Some(1));
        assert_eq!(grid.step(1, Move::Left), Some(0));
        assert_eq!(grid.step(1, Move::Right), None, "the row's right edge keeps the focus");
        assert_eq!(grid.step(0, Move::Left), None);
    }

    #[test]
    fn up_and_down_go_to_the_nearest_mark_of_the_next_row_with_marks() {
        let grid = grid();
        assert_eq!(grid.step(0, Move::Down), Some(2));
        assert_eq!(grid.step(2, Move::Up), Some(1), "x 90 is nearer 100 than 50");
        assert_eq!(grid.step(2, Move::Down), Some(3), "an empty row is skipped");
        assert_eq!(grid.step(4, Move::Up), Some(2));
        assert_eq!(grid.step(3, Move::Down), None);
        assert_eq!(grid.step(4, Move::First), Some(0));
        assert_eq!(grid.step(0, Move::Last), Some(4));
    }
}
