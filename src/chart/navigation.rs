//! Where the arrow keys go in a chart: by position, as a reader sees the marks. Left and right move within a
//! province's row, up and down to the nearest mark of the row above or below; the national lines' labels,
//! above the rows, are the first row. The chart is one Tab stop (its active mark or line); this is how a
//! keyboard reader moves inside it.

use crate::chart::scene::{BBox, Item, NationalIdx, Scene, Shape};
use crate::data::model::TargetIdx;
use crate::data::order;

/// What a reader can focus in a chart: a province's target (its mark) or a national target (its line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Target(TargetIdx),
    National(NationalIdx),
}

impl Focus {
    /// The attribute that names its element in the drawn chart: `data-target` or `data-national`.
    pub fn attribute(self) -> (&'static str, String) {
        match self {
            Focus::Target(target) => ("data-target", target.to_string()),
            Focus::National(national) => ("data-national", national.to_string()),
        }
    }

    /// Which focus an element's attribute names (`attribute`'s inverse).
    pub fn of_attribute(name: &str, value: &str) -> Option<Focus> {
        let index = value.parse().ok()?;
        match name {
            "data-target" => Some(Focus::Target(index)),
            "data-national" => Some(Focus::National(index)),
            _ => None,
        }
    }
}

/// A year segment's or button's `data-year`: "all" is every year (`Some(None)`), digits a year; anything
/// else (an attribute edited in the page) is no choice.
pub fn year_of_attribute(value: &str) -> Option<Option<u16>> {
    if value == "all" {
        return Some(None);
    }
    value.parse().ok().map(Some)
}

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

/// The marks of a scene by row, each row's marks from left to right, with their horizontal centres; the
/// national lines first, left to right by their lines, since their labels stand above the rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarkGrid {
    rows: Vec<Vec<(f64, Focus)>>,
    /// The first province row: 1 under a row of national lines, else 0.
    provinces_from: usize,
}

impl MarkGrid {
    pub fn of(scene: &Scene) -> MarkGrid {
        let mut national: Vec<(f64, Focus)> = Vec::new();
        let mut rows = Vec::new();
        for item in &scene.items {
            let mut row: Vec<(f64, Focus)> = match item {
                Item::Row(row) => row.items.iter().filter_map(focusable).collect(),
                Item::Mark(_) => focusable(item).into_iter().collect(),
                Item::Reference(_) => {
                    national.extend(focusable(item));
                    continue;
                }
                Item::Shape(_) => continue,
            };
            // Through the library's one sort: `slice::sort_by` here would bring a second copy of std's sort.
            order::sort_by(&mut row, &|a, b| a.0.total_cmp(&b.0));
            if !row.is_empty() {
                rows.push(row);
            }
        }
        let provinces_from = usize::from(!national.is_empty());
        if !national.is_empty() {
            order::sort_by(&mut national, &|a, b| a.0.total_cmp(&b.0));
            rows.insert(0, national);
        }
        MarkGrid { rows, provinces_from }
    }

    /// The first province's first mark, which holds the chart's Tab stop until the reader moves: a reader
    /// tabbing in meets the provinces' targets, the chart's subject, and the national lines are one ArrowUp
    /// (or Home) above. A national line when no province has a mark.
    pub fn first(&self) -> Option<Focus> {
        let row = self.rows.get(self.provinces_from).or(self.rows.first())?;
        row.first().map(|(_, focus)| *focus)
    }

    pub fn contains(&self, focus: Focus) -> bool {
        self.position(focus).is_some()
    }

    fn position(&self, focus: Focus) -> Option<(usize, usize)> {
        self.rows
            .iter()
            .enumerate()
            .find_map(|(r, row)| row.iter().position(|(_, f)| *f == focus).map(|c| (r, c)))
    }

    /// Where `step` goes from `from`; `None` at an edge (the focus then stays).
    pub fn step(&self, from: Focus, step: Move) -> Option<Focus> {
        let (r, c) = self.position(from)?;
        let row = &self.rows[r];
        let focus_at = |row: &[(f64, Focus)], c: usize| row.get(c).map(|(_, f)| *f);
        match step {
            Move::Left => c.checked_sub(1).and_then(|c| focus_at(row, c)),
            Move::Right => focus_at(row, c + 1),
            Move::Up => r.checked_sub(1).and_then(|r| self.nearest(r, row[c].0)),
            Move::Down => self.nearest(r + 1, row[c].0),
            Move::First => self.rows.first()?.first().map(|(_, f)| *f),
            Move::Last => self.rows.last()?.last().map(|(_, f)| *f),
        }
        .filter(|to| *to != from)
    }

    /// The mark of row `r` whose centre is nearest `x` (the left one on a tie).
    fn nearest(&self, r: usize, x: f64) -> Option<Focus> {
        let row = self.rows.get(r)?;
        let mut best: Option<(f64, Focus)> = None;
        for &(centre, focus) in row {
            let distance = (centre - x).abs();
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, focus));
            }
        }
        best.map(|(_, focus)| focus)
    }
}

/// A mark or a national line, with the horizontal place the arrow keys know it by: a mark's centre, or the
/// x of a national line (not of its label, which may stand left or right of it).
fn focusable(item: &Item) -> Option<(f64, Focus)> {
    match item {
        Item::Mark(mark) => Some((centre(&mark.shapes), Focus::Target(mark.target))),
        Item::Reference(reference) => {
            let line_x = reference.shapes.iter().find_map(|shape| match shape {
                Shape::Line { x1, .. } => Some(*x1),
                _ => None,
            });
            Some((line_x.unwrap_or_else(|| centre(&reference.shapes)), Focus::National(reference.national)))
        }
        _ => None,
    }
}

/// The horizontal centre of a group of shapes.
fn centre(shapes: &[Shape]) -> f64 {
    let (x0, x1) = shapes
        .iter()
        .map(Shape::bbox)
        .fold((f64::MAX, f64::MIN), |(x0, x1), b: BBox| (x0.min(b.x0), x1.max(b.x1)));
    if x0 <= x1 {
        (x0 + x1) / 2.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::scene::{Mark, Paint, Reference, Row};
    use Focus::{National, Target};

    fn mark(target: TargetIdx, cx: f64) -> Item {
        let shape = Shape::Circle { cx, cy: 0.0, r: 4.0, paint: Paint::Ink, hollow: false, dashed: false };
        Item::Mark(Mark { target, name: String::new(), shapes: vec![shape] })
    }

    /// A national line at `x`, with its label standing right of it.
    fn national(national: usize, x: f64) -> Item {
        let line = Shape::Line {
            x1: x,
            y1: 10.0,
            x2: x,
            y2: 190.0,
            paint: Paint::Ink,
            stroke_width: 1.5,
            dashed: true,
        };
        let label = Shape::Rect { x, y: 0.0, width: 200.0, height: 24.0, paint: Paint::Transparent };
        Item::Reference(Reference { national, name: String::new(), shapes: vec![label, line] })
    }

    fn row(province: usize, items: Vec<Item>) -> Item {
        Item::Row(Row { province, top: province as f64 * 40.0, items })
    }

    /// Row 0: marks 1 (x 100) and 0 (x 50), drawn in that order; row 1: mark 2 (x 90); row 2: none;
    /// row 3: marks 3 (x 20) and 4 (x 300).
    fn grid() -> MarkGrid {
        MarkGrid::of(&scene(Vec::new()))
    }

    fn scene(mut items: Vec<Item>) -> Scene {
        items.extend([
            row(0, vec![mark(1, 100.0), mark(0, 50.0)]),
            row(1, vec![mark(2, 90.0)]),
            row(2, vec![]),
            row(3, vec![mark(3, 20.0), mark(4, 300.0)]),
        ]);
        Scene { width: 400.0, height: 200.0, title: String::new(), description: String::new(), items }
    }

    #[test]
    fn left_and_right_follow_positions_not_drawing_order() {
        let grid = grid();
        assert_eq!(grid.first(), Some(Target(0)));
        assert_eq!(grid.step(Target(0), Move::Right), Some(Target(1)));
        assert_eq!(grid.step(Target(1), Move::Left), Some(Target(0)));
        assert_eq!(grid.step(Target(1), Move::Right), None, "the row's right edge keeps the focus");
        assert_eq!(grid.step(Target(0), Move::Left), None);
    }

    #[test]
    fn up_and_down_go_to_the_nearest_mark_of_the_next_row_with_marks() {
        let grid = grid();
        assert_eq!(grid.step(Target(0), Move::Down), Some(Target(2)));
        assert_eq!(grid.step(Target(2), Move::Up), Some(Target(1)), "x 90 is nearer 100 than 50");
        assert_eq!(grid.step(Target(2), Move::Down), Some(Target(3)), "an empty row is skipped");
        assert_eq!(grid.step(Target(4), Move::Up), Some(Target(2)));
        assert_eq!(grid.step(Target(3), Move::Down), None);
        assert_eq!(grid.step(Target(4), Move::First), Some(Target(0)));
        assert_eq!(grid.step(Target(0), Move::Last), Some(Target(4)));
    }

    #[test]
    fn the_national_lines_are_the_row_above_the_provinces_but_the_tab_stop_starts_on_a_mark() {
        // Drawn 2030 (x 280) before 2025 (x 95): the keys follow the lines' places, left to right.
        let grid = MarkGrid::of(&scene(vec![national(1, 280.0), national(0, 95.0)]));
        assert_eq!(grid.first(), Some(Target(0)), "tabbing in lands on the first province's mark");
        assert_eq!(
            grid.step(Target(1), Move::Up),
            Some(National(0)),
            "the line at 95 is nearest the mark at 100"
        );
        assert_eq!(grid.step(National(0), Move::Right), Some(National(1)));
        assert_eq!(grid.step(National(1), Move::Down), Some(Target(1)));
        assert_eq!(grid.step(National(0), Move::Up), None, "nothing above the lines");
        assert_eq!(grid.step(Target(4), Move::First), Some(National(0)), "Home goes to the top left");
        let only_lines = MarkGrid::of(&Scene { items: vec![national(0, 95.0)], ..scene(Vec::new()) });
        assert_eq!(only_lines.first(), Some(National(0)), "without marks, the line holds the Tab stop");
    }

    #[test]
    fn a_focus_round_trips_through_its_attribute() {
        for focus in [Target(7), National(2)] {
            let (name, value) = focus.attribute();
            assert_eq!(Focus::of_attribute(name, &value), Some(focus));
        }
        assert_eq!(Focus::of_attribute("data-row", "1"), None);
    }

    #[test]
    fn garbage_attributes_name_nothing() {
        for value in ["", "-1", "1.5", "1e3", " 1", "x", "99999999999999999999999999", "٣"] {
            assert_eq!(Focus::of_attribute("data-target", value), None, "{value:?}");
            assert_eq!(Focus::of_attribute("data-national", value), None, "{value:?}");
        }
        // In range for the type but past the chart's marks: the widget checks it against its grid.
        let grid = MarkGrid::default();
        let far = Focus::of_attribute("data-target", &usize::MAX.to_string());
        assert_eq!(far, Some(Focus::Target(usize::MAX)));
        assert!(!grid.contains(far.unwrap()));
        assert_eq!(grid.step(Focus::Target(usize::MAX), Move::Right), None);
    }

    #[test]
    fn year_attributes() {
        assert_eq!(year_of_attribute("all"), Some(None));
        assert_eq!(year_of_attribute("2025"), Some(Some(2025)));
        for value in ["", "ALL", "70000", "-1", "2025 ", "năm"] {
            assert_eq!(year_of_attribute(value), None, "{value:?}");
        }
    }
}
