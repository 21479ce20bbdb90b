//! The national yardstick: a dashed reference line at each national target of the indicator and year
//! shown, labelled with its document ("Mục tiêu quốc gia 2025: 20% (QĐ 749/QĐ-TTg)"), and the sentence the
//! summary adds about it. A national target is the programme's figure, never a province's words: it is not
//! a mark, has no quote, and its label always names the document.
//!
//! `layout` calls `ReferenceLines::place` once the value scale is known, gives the labels their room above
//! the rows, and draws the lines under the rows' marks; nothing else in the layout depends on them.

use crate::chart::details::{Line, LineKind};
use crate::chart::format::{self, Style};
use crate::chart::scale::LinearScale;
use crate::chart::scene::{Anchor, Shape, Weight};
use crate::chart::scene::{Item, Paint};
use crate::chart::text;
use crate::chart::view::{ChartConfig, View};
use crate::data::model::{Dataset, Indicator, National, Unit};
use crate::locale::i18n::Lang;
use crate::locale::number::number;

const LABEL_SIZE: f64 = 12.0;
const LINE_HEIGHT: f64 = 15.0;

/// The national targets for a view's indicator in its year (every year when it shows all).
pub fn of_view<'d>(dataset: &'d Dataset, view: &View) -> Vec<&'d National> {
    dataset
        .national
        .iter()
        .filter(|n| n.indicator == view.indicator && view.year.is_none_or(|year| year == n.year))
        .collect()
}

/// The national targets a view draws: `of_view`, or none when the embed turned them off.
pub fn shown<'d>(dataset: &'d Dataset, view: &View, config: &ChartConfig) -> Vec<&'d National> {
    if config.national {
        of_view(dataset, view)
    } else {
        Vec::new()
    }
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

/// Whose target a national one is, where a province's name would stand (the table, the CSV, the label):
/// the interface's word (`Text::national_target`), under the name the table, CSV and import know it by.
pub fn national_name(lang: Lang) -> &'static str {
    lang.text().national_target
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
    /// The labels' text shapes, from the top of the room given to them.
    labels: Vec<Shape>,
    /// Each line's x and the y where it starts, just under its own label.
    lines: Vec<(f64, f64)>,
    /// How much height the labels take above the rows (0 without national targets).
    pub height: f64,
}

impl ReferenceLines {
    /// Places a label for each of `nationals` that falls on the axis, stacked from `top`, the leftmost line's
    /// label first so that each line runs down past the labels below it, which start further right.
    #[allow(clippy::too_many_arguments)]
    pub fn place(
        nationals: &[&National],
        indicator: &Indicator,
        scale: &LinearScale,
        top: f64,
        min_x: f64,
        max_x: f64,
        lang: Lang,
    ) -> ReferenceLines {
        let (low, high) = (scale.domain.0.min(scale.domain.1), scale.domain.0.max(scale.domain.1));
        // A rank axis is drawn by its own rules, and a value off the axis would be drawn outside the chart.
        let mut on_axis: Vec<(f64, String)> = nationals
            .iter()
            .filter(|n| n.unit != Unit::Rank && (low..=high).contains(&n.value))
            .map(|n| (scale.map(n.value), label(n, indicator, lang)))
            .collect();
        crate::data::order::sort_by(&mut on_axis, &|a, b| a.0.total_cmp(&b.0));

        let mut lines_out = ReferenceLines { labels: Vec::new(), lines: Vec::new(), height: 0.0 };
        let mut y = top;
        for (x, content) in on_axis {
            let wrapped = text::wrap(&content, LABEL_SIZE, false, max_x - min_x);
            for (i, line) in wrapped.iter().enumerate() {
                y += LINE_HEIGHT;
                let width = text::width(line, LABEL_SIZE, false);
                // One line stands at its reference line, on the side with room; a wrapped label from the left.
                let (lx, anchor) = if wrapped.len() > 1 || i > 0 {
                    (min_x, Anchor::Start)
                } else if x + width <= max_x {
                    (x, Anchor::Start)
                } else if x - width >= min_x {
                    (x, Anchor::End)
                } else {
                    (min_x, Anchor::Start)
                };
                lines_out.labels.push(Shape::Text {
                    x: lx,
                    y,
                    text: line.clone(),
                    anchor,
                    size: LABEL_SIZE,
                    weight: Weight::Normal,
                    paint: Paint::Ink,
                    italic: false,
                    width,
                });
            }
            lines_out.lines.push((x, y + 4.0));
        }
        // A later label that had no room right of its line stands left of it, and may cross an earlier line
        // (at 700 px, the 2030 label crosses the 2025 line): that line then starts under it, never through it.
        for (x, line_top) in &mut lines_out.lines {
            for label in &lines_out.labels {
                let Shape::Text { x: lx, y: ly, anchor, width, .. } = label else { continue };
                let (left, right) = match anchor {
                    Anchor::End => (lx - width, *lx),
                    _ => (*lx, lx + width),
                };
                if *ly > *line_top - 4.0 && (left..=right).contains(x) {
                    *line_top = ly + 4.0;
                }
            }
        }
        if !lines_out.lines.is_empty() {
            lines_out.height = y + 10.0 - top;
        }
        lines_out
    }

    /// The labels and the lines down to `bottom`, the foot of the rows: dashed and in ink, unlike the
    /// lighter gridlines, and drawn before the rows so that marks stay on top.
    pub fn items(self, bottom: f64) -> impl Iterator<Item = Item> {
        let lines = self.lines.into_iter().map(move |(x, y)| Shape::Line {
            x1: x,
            y1: y,
            x2: x,
            y2: bottom,
            paint: Paint::Ink,
            stroke_width: 1.5,
            dashed: true,
        });
        self.labels.into_iter().chain(lines).map(Item::Shape)
    }
}

/// What the summary adds: each national target shown, with its document, and which provinces set a higher
/// target for the same year ("Bắc Giang đặt cao hơn mục tiêu quốc gia (20%)"). Empty without any.
pub fn summary_sentences(dataset: &Dataset, view: &View, config: &ChartConfig) -> String {
    let lang = config.lang;
    let indicator = &dataset.indicators[view.indicator];
    let mut out = String::new();
    for national in shown(dataset, view, config) {
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
        let lines =
            ReferenceLines::place(&[&twenty, &fifty], &indicator(), &scale, 10.0, 16.0, 584.0, Lang::Vi);
        assert!(lines.height > 0.0);
        let items: Vec<Item> = lines.items(300.0).collect();
        let xs: Vec<f64> = items
            .iter()
            .filter_map(|item| match item {
                Item::Shape(Shape::Line { x1, x2, y2, dashed: true, .. }) if x1 == x2 && *y2 == 300.0 => {
                    Some(*x1)
                }
                _ => None,
            })
            .collect();
        assert_eq!(xs, [300.0], "one line, at 20 on a 0–40 axis from 100 to 500 px");
        let none = ReferenceLines::place(&[], &indicator(), &scale, 10.0, 16.0, 584.0, Lang::Vi);
        assert_eq!(none.height, 0.0);
    }

    #[test]
    fn a_line_starts_under_a_later_label_that_would_cross_it() {
        // 20 and 30 on a 0–35 axis 16–584 px wide: the 30 label has no room right of its line, so it stands
        // left of it, across the 20 line, which then starts below it.
        let scale = LinearScale { domain: (0.0, 35.0), range: (16.0, 584.0) };
        let mut thirty = national(30.0, Qualifier::Exact);
        thirty.year = 2030;
        let twenty = national(20.0, Qualifier::Exact);
        let lines =
            ReferenceLines::place(&[&thirty, &twenty], &indicator(), &scale, 10.0, 16.0, 584.0, Lang::Vi);
        let label_bottom = |year: &str| {
            (lines.labels.iter())
                .find_map(|shape| match shape {
                    Shape::Text { text, y, anchor: Anchor::End, .. } if text.contains(year) => Some(*y),
                    _ => None,
                })
                .expect("each label stands left of its line")
        };
        let (twenty_x, twenty_top) = lines.lines[0];
        assert_eq!(twenty_x, scale.map(20.0));
        assert_eq!(twenty_top, label_bottom("2030") + 4.0, "the 20 line starts under the 2030 label");
        assert_eq!(lines.lines[1].1, label_bottom("2030") + 4.0, "the 30 line starts under its own label");
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
        assert!(lines[2].1.ends_with("3/6/2020, Issued by: Thủ tướng Chính phủ"), "{}", lines[2].1);
        assert!(lines[3].1.contains("GDP") && lines[3].1.contains("GRDP"), "the note: {}", lines[3].1);
        assert!(lines.iter().all(|(kind, _)| *kind != LineKind::Quote), "no quote: not a province's words");
        let vi = details(&dataset, national, Lang::Vi);
        assert_eq!(vi[0].text, "Mục tiêu quốc gia · 2025");
    }
}
