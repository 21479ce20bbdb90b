//! The national yardstick: a dashed reference line at each national target of the indicator and year
//! shown, labelled with its document ("Mục tiêu quốc gia 2025: 20% (QĐ 749/QĐ-TTg)"), and the sentence the
//! summary adds about it. A national target is the programme's figure, never a province's words: it is not
//! a mark, has no quote, and its label always names the document.
//!
//! `layout` calls `ReferenceLines::place` once the value scale is known, gives the labels their room above
//! the rows, keeps the rows' labels clear of the lines (`xs`), and draws the lines under the rows' marks.

use crate::chart::details::{Line, LineKind};
use crate::chart::format::{self, Style};
use crate::chart::scale::LinearScale;
use crate::chart::scene::{Anchor, Shape, Weight};
use crate::chart::scene::{Item, NationalIdx, Paint, Reference};
use crate::chart::text;
use crate::chart::view::{ChartConfig, View};
use crate::data::model::{Dataset, Indicator, National, Unit};
use crate::locale::i18n::Lang;
use crate::locale::number::number;

const LABEL_SIZE: f64 = 12.0;
const LINE_HEIGHT: f64 = 15.0;

/// The national targets for a view's indicator in its year (every year when it shows all).
pub fn of_view<'d>(dataset: &'d Dataset, view: &View) -> Vec<&'d National> {
    in_view(dataset, view).map(|(_, national)| national).collect()
}

/// The national targets a view draws, with their places in `Dataset::national` (what a reader focuses):
/// those of `of_view`, or none when the embed turned them off.
pub fn shown<'d>(
    dataset: &'d Dataset,
    view: &View,
    config: &ChartConfig,
) -> Vec<(NationalIdx, &'d National)> {
    if config.national {
        in_view(dataset, view).collect()
    } else {
        Vec::new()
    }
}

fn in_view<'d>(dataset: &'d Dataset, view: &View) -> impl Iterator<Item = (NationalIdx, &'d National)> {
    let indicator = view.indicator;
    let year = view.year;
    (dataset.national.iter().enumerate())
        .filter(move |(_, n)| n.indicator == indicator && year.is_none_or(|year| year == n.year))
}

/// A national value as the document words it: `20%`, `trên 80%`, `tối thiểu 7%/năm`.
pub fn value_text(national: &National, indicator: &Indicator, lang: Lang, style: Style) -> String {
    let mut out = String::from(format::qualifier_prefix(national.qualifier, lang.text()));
    out.push_str(&number(national.value, lang));
    if let Some(max) = national.value_max {
        out.push('–');
        out.push_str(&number(max, lang));
    }
    out.push_str(&format::unit_suffix(national.unit, indicator, lang, style));
    out
}

/// Whose target a national one is, where a province's name would stand (the table, the CSV, the label);
/// the words live in `locale` because the sheet reader (`data::sheet`) checks them too.
pub fn national_name(lang: Lang) -> &'static str {
    lang.national_target()
}

/// "Mục tiêu quốc gia 2025: 20% (QĐ 749/QĐ-TTg)": what the line is, its year, value and document.
pub fn label(national: &National, indicator: &Indicator, lang: Lang) -> String {
    format!(
        "{} {}: {} ({})",
        national_name(lang),
        national.year,
        value_text(national, indicator, lang, Style::Short),
        national.document
    )
}

/// What the details panel says about a national target, for a back end that lets a reader focus its line:
/// "national target" and its year, the value, the document in full and the note, and no quote, since it
/// is not a province's words.
pub fn details(dataset: &Dataset, national: &National, lang: Lang) -> Vec<Line> {
    let text = lang.text();
    let indicator = &dataset.indicators[national.indicator];
    let heading = format!("{} · {}", national_name(lang), national.year);
    let value = format!(
        "{}: {}",
        lang.pick(&indicator.label_vi, &indicator.label_en),
        value_text(national, indicator, lang, Style::Full)
    );
    let mut document = vec![national.document.clone()];
    document.extend(national.document_title.clone());
    document.extend(national.document_date.as_ref().map(|d| format::date(d, lang)));
    document.extend(national.issuer.as_ref().map(|issuer| format!("{}: {issuer}", text.issued_by)));
    let mut lines = vec![
        Line { kind: LineKind::Heading, text: heading },
        Line { kind: LineKind::Value, text: value },
        Line { kind: LineKind::Fact, text: format!("{}: {}", text.document, document.join(", ")) },
    ];
    if let Some(note) = lang.pick_optional(&national.note_vi, &national.note_en) {
        lines.push(Line { kind: LineKind::Fact, text: format!("{}: {note}", text.note) });
    }
    lines
}

/// The reference lines of one view, with their labels placed above the rows.
pub struct ReferenceLines {
    /// One per national target on the axis, the leftmost line's first.
    placed: Vec<Placed>,
    /// How much height the labels take above the rows (0 without national targets).
    pub height: f64,
}

/// One national target's label, the box round it that a finger or pointer hits, and where its line stands.
struct Placed {
    national: NationalIdx,
    /// The label unwrapped: what a screen reader hears.
    name: String,
    /// The key (a stroke of the line's colour and dash) and the label's text shapes, one per wrapped line.
    labels: Vec<Shape>,
    /// A transparent box round the key and label, at least `HIT_SIZE` on each side.
    hit: Shape,
    x: f64,
    /// The line's colour: its year's, as that year's marks and legend entry have it.
    paint: Paint,
}

/// The smallest side of a label's touch target: WCAG 2.5.8 asks for 24 × 24 CSS px. Each label's box is at
/// least this tall and the next label's box starts below it, so two national lines' targets never overlap.
const HIT_SIZE: f64 = 24.0;
/// The room between a label and the sides of its box.
const HIT_MARGIN: f64 = 4.0;
/// The key before each label, a stroke of its line, and the room it takes with the gap after it.
const KEY_LENGTH: f64 = 12.0;
pub const KEY_WIDTH: f64 = 18.0;

impl ReferenceLines {
    /// Places a label for each of `nationals` that falls on the axis, stacked from `top` at the left edge
    /// `min_x`, the leftmost line's first: each label leads with a key in its line's colour (`paint_of` its
    /// year) and dash, at every width the same way, and the lines start under the last label, so that no
    /// line crosses a label whatever the width. A label wraps between words, never inside its document
    /// number or its value.
    #[allow(clippy::too_many_arguments)]
    pub fn place(
        nationals: &[(NationalIdx, &National)],
        indicator: &Indicator,
        scale: &LinearScale,
        top: f64,
        min_x: f64,
        max_x: f64,
        lang: Lang,
        paint_of: &dyn Fn(u16) -> Paint,
    ) -> ReferenceLines {
        let (low, high) = (scale.domain.0.min(scale.domain.1), scale.domain.0.max(scale.domain.1));
        // A rank axis is drawn by its own rules, and a value off the axis would be drawn outside the chart.
        let mut on_axis: Vec<(f64, NationalIdx, &National)> = nationals
            .iter()
            .filter(|(_, n)| n.unit != Unit::Rank && (low..=high).contains(&n.value))
            .map(|&(i, n)| (scale.map(n.value), i, n))
            .collect();
        crate::data::order::sort_by(&mut on_axis, &|a, b| a.0.total_cmp(&b.0));

        let mut placed: Vec<Placed> = Vec::new();
        let mut y = top;
        let text_x = min_x + KEY_WIDTH;
        for (x, national, n) in on_axis {
            let name = label(n, indicator, lang);
            let paint = paint_of(n.year);
            let block_top = y;
            let value = value_text(n, indicator, lang, Style::Short);
            let document = format!("({})", n.document);
            let keep = [document.as_str(), value.as_str()];
            let wrapped = text::wrap_keeping(&name, &keep, LABEL_SIZE, false, max_x - text_x);
            let mut labels = Vec::new();
            let mut right = text_x;
            for line in wrapped {
                y += LINE_HEIGHT;
                let width = text::width(&line, LABEL_SIZE, false);
                right = right.max(text_x + width);
                if labels.is_empty() {
                    labels.push(Shape::Line {
                        x1: min_x,
                        y1: y - 4.0,
                        x2: min_x + KEY_LENGTH,
                        y2: y - 4.0,
                        paint,
                        stroke_width: LINE_WIDTH,
                        dashed: true,
                    });
                }
                labels.push(Shape::Text {
                    x: text_x,
                    y,
                    text: line,
                    anchor: Anchor::Start,
                    size: LABEL_SIZE,
                    weight: Weight::Normal,
                    paint,
                    italic: false,
                    width,
                });
            }
            y = (y + 9.0).max(block_top + HIT_SIZE);
            // A little room either side, so that the focus ring drawn on the box clears the key and text.
            let grow = ((HIT_SIZE - (right - min_x)) / 2.0).max(HIT_MARGIN);
            let hit = Shape::Rect {
                x: min_x - grow,
                y: block_top,
                width: right - min_x + 2.0 * grow,
                height: y - block_top,
                paint: Paint::Transparent,
            };
            placed.push(Placed { national, name, labels, hit, x, paint });
        }
        // One pixel under the last box, as the labels had 10 under their last baseline before they had boxes.
        let height = if placed.is_empty() { 0.0 } else { y + 1.0 - top };
        ReferenceLines { placed, height }
    }

    /// Where each line stands, for the labels of the rows to keep clear of.
    pub fn xs(&self) -> Vec<f64> {
        self.placed.iter().map(|p| p.x).collect()
    }

    /// Each national target as one `Reference`: its touch box, line from `top` (the rows' top, under every
    /// label) down to `bottom`, the foot of the rows, and its key and label. The line is dashed and in its
    /// year's colour, bolder than the light gridlines, and drawn before the rows so that marks stay on top;
    /// it comes before the key, as the first line of a reference is its line (`chart::navigation`).
    pub fn items(self, top: f64, bottom: f64) -> impl Iterator<Item = Item> {
        self.placed.into_iter().map(move |p| {
            let line = Shape::Line {
                x1: p.x,
                y1: top,
                x2: p.x,
                y2: bottom,
                paint: p.paint,
                stroke_width: LINE_WIDTH,
                dashed: true,
            };
            let mut shapes = vec![p.hit, line];
            shapes.extend(p.labels);
            Item::Reference(Reference { national: p.national, name: p.name, shapes })
        })
    }
}

/// The national lines' width: bolder than a gridline (1 px), thinner than a mark's stroke.
const LINE_WIDTH: f64 = 1.5;

/// What the summary adds: each national target shown, with its document, and which provinces set a higher
/// target for the same year ("Bắc Giang đặt cao hơn mục tiêu quốc gia (20%)"). Empty without any.
pub fn summary_sentences(dataset: &Dataset, view: &View, config: &ChartConfig) -> String {
    let lang = config.lang;
    let indicator = &dataset.indicators[view.indicator];
    let mut out = String::new();
    for (_, national) in shown(dataset, view, config) {
        let value = value_text(national, indicator, lang, Style::Full);
        out.push(' ');
        out.push_str(&label(national, indicator, lang));
        out.push('.');
        // A higher rank number is a weaker target, so "higher" only reads right for the other units.
        if national.unit == Unit::Rank {
            continue;
        }
        let mut above: Vec<&str> = Vec::new();
        for row in &view.rows {
            let higher = row.targets.iter().any(|&t| {
                let target = &dataset.targets[t];
                target.year == national.year && target.value.is_some_and(|v| v > national.value)
            });
            let name = dataset.provinces[row.province].name_vi.as_str();
            if higher && !above.contains(&name) {
                above.push(name);
            }
        }
        if above.is_empty() {
            continue;
        }
        let names = join_names(&above, lang);
        out.push(' ');
        out.push_str(&lang.higher_than_national(&names, above.len() > 1, &value));
    }
    out
}

/// "A, B và C" / "A, B and C".
fn join_names(names: &[&str], lang: Lang) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), lang.text().list_and)
        }
        _ => names.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::scene::BBox;
    use crate::data::model::Qualifier;

    fn national(value: f64, qualifier: Qualifier) -> National {
        National {
            id: "national/x/2025".into(),
            indicator: 0,
            year: 2025,
            qualifier,
            value,
            value_max: None,
            unit: Unit::Percent,
            document: "QĐ 749/QĐ-TTg".into(),
            document_title: None,
            document_date: None,
            issuer: None,
            note_vi: None,
            note_en: None,
        }
    }

    fn indicator() -> Indicator {
        Indicator {
            id: "x".into(),
            pillar: 0,
            label_vi: "X".into(),
            label_en: "X".into(),
            short_vi: None,
            short_en: None,
            definition_vi: None,
            definition_en: None,
            unit: Unit::Percent,
            unit_label_vi: None,
            unit_label_en: None,
        }
    }

    #[test]
    fn the_label_names_the_year_value_and_document_in_either_language() {
        let twenty = national(20.0, Qualifier::Exact);
        assert_eq!(label(&twenty, &indicator(), Lang::Vi), "Mục tiêu quốc gia 2025: 20% (QĐ 749/QĐ-TTg)");
        let over = national(80.5, Qualifier::Above);
        assert_eq!(
            label(&over, &indicator(), Lang::Vi),
            "Mục tiêu quốc gia 2025: trên 80,5% (QĐ 749/QĐ-TTg)"
        );
        assert_eq!(label(&over, &indicator(), Lang::En), "National target 2025: over 80.5% (QĐ 749/QĐ-TTg)");
    }

    #[test]
    fn a_line_stands_at_its_value_and_one_off_the_axis_is_not_drawn() {
        let scale = LinearScale { domain: (0.0, 40.0), range: (100.0, 500.0) };
        let (twenty, fifty) = (national(20.0, Qualifier::Exact), national(50.0, Qualifier::Exact));
        let lines = ReferenceLines::place(
            &[(0, &twenty), (1, &fifty)],
            &indicator(),
            &scale,
            10.0,
            16.0,
            584.0,
            Lang::Vi,
            &year_paint,
        );
        assert!(lines.height > 0.0);
        let items: Vec<Item> = lines.items(60.0, 300.0).collect();
        let [Item::Reference(reference)] = &items[..] else { panic!("one reference: {items:?}") };
        assert_eq!(reference.national, 0, "the 20 one, as the reader focuses it");
        assert_eq!(reference.name, "Mục tiêu quốc gia 2025: 20% (QĐ 749/QĐ-TTg)");
        let xs: Vec<f64> = (reference.shapes.iter())
            .filter_map(|shape| match shape {
                Shape::Line { x1, x2, y2, dashed: true, .. } if x1 == x2 && *y2 == 300.0 => Some(*x1),
                _ => None,
            })
            .collect();
        assert_eq!(xs, [300.0], "one line, at 20 on a 0–40 axis from 100 to 500 px");
        let none = ReferenceLines::place(&[], &indicator(), &scale, 10.0, 16.0, 584.0, Lang::Vi, &year_paint);
        assert_eq!(none.height, 0.0);
    }

    /// 20 (for 2025) and 30 (for 2030) on a 0–35 axis 16–584 px wide, labels from y 10.
    fn twenty_and_thirty() -> (ReferenceLines, LinearScale) {
        let scale = LinearScale { domain: (0.0, 35.0), range: (16.0, 584.0) };
        let mut thirty = national(30.0, Qualifier::Exact);
        thirty.year = 2030;
        let twenty = national(20.0, Qualifier::Exact);
        let nationals = [(0, &thirty), (1, &twenty)];
        (
            ReferenceLines::place(&nationals, &indicator(), &scale, 10.0, 16.0, 584.0, Lang::Vi, &year_paint),
            scale,
        )
    }

    /// 2025's colour is the first of the palette, 2030's the second.
    fn year_paint(year: u16) -> Paint {
        Paint::Series(usize::from(year == 2030))
    }

    #[test]
    fn each_label_starts_at_the_left_with_a_key_in_its_lines_colour_and_the_lines_start_under_them() {
        let (lines, scale) = twenty_and_thirty();
        assert_eq!(lines.xs(), [scale.map(20.0), scale.map(30.0)]);
        let last_label = 10.0 + lines.height;
        let items: Vec<Item> = lines.items(last_label, 300.0).collect();
        for (item, paint) in items.iter().zip([Paint::Series(0), Paint::Series(1)]) {
            let Item::Reference(reference) = item else { panic!("{item:?}") };
            let [Shape::Rect { .. }, Shape::Line { y1, paint: line, dashed: true, .. }, Shape::Line { x1, paint: key, .. }, Shape::Text { x, anchor: Anchor::Start, paint: text, .. }, ..] =
                &reference.shapes[..]
            else {
                panic!("box, line, key, label: {:?}", reference.shapes)
            };
            assert_eq!((*line, *key, *text), (paint, paint, paint));
            assert_eq!((*x1, *x), (16.0, 16.0 + KEY_WIDTH));
            assert_eq!(*y1, last_label);
        }
    }

    #[test]
    fn each_label_has_a_touch_box_of_24_px_that_no_other_overlaps() {
        let (lines, _) = twenty_and_thirty();
        let boxes: Vec<BBox> = (lines.placed.iter())
            .map(|p| match p.hit {
                Shape::Rect { paint: Paint::Transparent, .. } => p.hit.bbox(),
                _ => panic!("the touch box is a transparent rectangle"),
            })
            .collect();
        for (b, p) in boxes.iter().zip(&lines.placed) {
            assert!(b.x1 - b.x0 >= HIT_SIZE && b.y1 - b.y0 >= HIT_SIZE, "{b:?}");
            let inside = |l: BBox| b.x0 <= l.x0 && l.x1 <= b.x1 && b.y0 <= l.y0 && l.y1 <= b.y1;
            assert!(p.labels.iter().all(|label| inside(label.bbox())), "the box holds its label");
        }
        assert!(!boxes[0].overlaps(&boxes[1]), "{boxes:?}");
        assert!(10.0 + lines.height >= boxes[1].y1, "the rows start under the last box");
    }

    #[test]
    fn names_join_as_each_language_lists_them() {
        assert_eq!(join_names(&["Bắc Giang"], Lang::Vi), "Bắc Giang");
        assert_eq!(join_names(&["A", "B", "C"], Lang::Vi), "A, B và C");
        assert_eq!(join_names(&["A", "B"], Lang::En), "A and B");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_details_say_national_target_and_name_the_document_without_a_quote() {
        let dataset = crate::data::read::dataset_from_json(crate::data::read::BUNDLED).unwrap();
        let grdp = dataset.indicator_by_id("digital-economy-share-grdp").unwrap();
        let national = dataset.national_for(grdp, 2025).unwrap();
        let lines: Vec<(LineKind, String)> =
            details(&dataset, national, Lang::En).into_iter().map(|l| (l.kind, l.text)).collect();
        assert_eq!(lines[0], (LineKind::Heading, "National target · 2025".to_string()));
        assert_eq!(lines[1], (LineKind::Value, "Digital economy share of GRDP: 20%".to_string()));
        assert!(
            lines[2].1.starts_with(
                "Document: QĐ 749/QĐ-TTg, Quyết định phê duyệt “Chương trình Chuyển đổi số quốc gia"
            ),
            "{}",
            lines[2].1
        );
        assert!(lines[2].1.ends_with("3 June 2020, Issued by: Thủ tướng Chính phủ"), "{}", lines[2].1);
        assert!(lines[3].1.contains("GDP") && lines[3].1.contains("GRDP"), "the note: {}", lines[3].1);
        assert!(lines.iter().all(|(kind, _)| *kind != LineKind::Quote), "no quote: not a province's words");
        let vi = details(&dataset, national, Lang::Vi);
        assert_eq!(vi[0].text, "Mục tiêu quốc gia · 2025");
    }
}
