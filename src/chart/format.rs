//! Target values, units, ticks and dates as readers read them: `khoảng 12,5%`, `top 10`, `3/6/2020`.
//! The numbers inside them come from `locale::number`.

use crate::data::model::{Indicator, Qualifier, Target, Unit};
use crate::locale::i18n::{Lang, Text};
use crate::locale::number::number;

/// How long the value label is allowed to be: `Short` on the chart, `Full` where the unit must be spelt out
/// (accessible names, the table, the details panel).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Short,
    Full,
}

/// A target's value as the article words it: `khoảng 25%`, `trên 12,5%`, `15–20%`, `nhóm 15 dẫn đầu`.
pub fn target_value(target: &Target, indicator: &Indicator, lang: Lang, style: Style) -> String {
    let text = lang.text();
    let Some(value) = target.value else {
        return text.qualitative.to_string();
    };
    if target.unit == Unit::Rank {
        return format!("{}{}{}", text.rank_prefix, number(value, lang), text.rank_suffix);
    }
    let mut out = String::from(qualifier_prefix(target.qualifier, text));
    out.push_str(&number(value, lang));
    if let Some(max) = target.value_max {
        // An en dash joins the ends of a range; the unit follows the upper end only: 15–20%. Spaced when
        // an end has a minus sign, which would otherwise run into it: −10 – −2%.
        out.push_str(if value < 0.0 || max < 0.0 { " – " } else { "–" });
        out.push_str(&number(max, lang));
    }
    out.push_str(&unit_suffix(target.unit, indicator, lang, style));
    out
}

/// The words before a qualified number: `khoảng `, `trên `, `tối thiểu `, `tối đa `.
pub fn qualifier_prefix(qualifier: Qualifier, text: &Text) -> &'static str {
    match qualifier {
        Qualifier::About => text.about,
        Qualifier::Above => text.above,
        Qualifier::AtLeast => text.at_least,
        Qualifier::AtMost => text.at_most,
        Qualifier::Exact | Qualifier::Range | Qualifier::Qualitative => "",
    }
}

/// What follows a number of this unit: `%`, `%/năm`, ` doanh nghiệp`.
pub fn unit_suffix(unit: Unit, indicator: &Indicator, lang: Lang, style: Style) -> String {
    match (unit, style) {
        (Unit::Percent, _) | (Unit::PercentPerYear, Style::Short) => "%".to_string(),
        (Unit::PercentPerYear, Style::Full) => format!("%{}", lang.text().per_year),
        (Unit::Count, Style::Full) => {
            unit_label(indicator, lang).map(|l| format!(" {l}")).unwrap_or_default()
        }
        (Unit::Count, Style::Short) | (Unit::Rank, _) => String::new(),
    }
}

/// The name of the counted things, in the reader's language, falling back to the other one.
pub fn unit_label(indicator: &Indicator, lang: Lang) -> Option<&str> {
    lang.pick_optional(&indicator.unit_label_vi, &indicator.unit_label_en)
}

/// A tick label on an axis of this unit.
pub fn tick(value: f64, unit: Unit, lang: Lang) -> String {
    let mut out = number(value, lang);
    if matches!(unit, Unit::Percent | Unit::PercentPerYear) {
        out.push('%');
    }
    out
}

/// A date as the article gives it: `11/6/2021`, or `13/11 (không rõ năm)` when the year is not stated.
pub fn date(date: &crate::data::model::PartialDate, lang: Lang) -> String {
    match date.year {
        Some(year) => format!("{}/{}/{}", date.day, date.month, year),
        None => format!("{}/{} ({})", date.day, date.month, lang.text().date_unknown_year),
    }
}
