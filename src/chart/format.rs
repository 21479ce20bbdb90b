//! Target values, units, ticks and dates as readers read them: `khoảng 12,5%`, `top 10`, `3/6/2020` and
//! `3 June 2020`.
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

/// A target's value as the article words it: `khoảng 25%`, `trên 12,5%`, `15–20%`, `nhóm 15 dẫn đầu`,
/// `đứng đầu`, or a qualitative target's own words (`phổ cập 5G`).
pub fn target_value(target: &Target, indicator: &Indicator, lang: Lang, style: Style) -> String {
    let text = lang.text();
    let Some(value) = target.value else {
        return words(target, lang).to_string();
    };
    if target.unit == Unit::Rank {
        return rank(value, target.qualifier, lang);
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

/// A rank target: "top N" (`at_most` N: a place among the first N), "first" for the first place, or one
/// place. Rank 1 is never "top 1": the articles say "đứng đầu".
fn rank(value: f64, qualifier: Qualifier, lang: Lang) -> String {
    let text = lang.text();
    match qualifier {
        Qualifier::AtMost | Qualifier::Exact if value == 1.0 => text.rank_first.to_string(),
        Qualifier::AtMost => format!("{}{}{}", text.rank_prefix, number(value, lang), text.rank_suffix),
        other => format!("{}{}{}", qualifier_prefix(other, text), text.rank_place, number(value, lang)),
    }
}

/// Whether a target is a "top N" band: every place from 1 to N meets it.
pub fn is_rank_band(target: &Target) -> bool {
    target.unit == Unit::Rank && target.qualifier == Qualifier::AtMost
}

/// A qualitative target's short label in the reader's language (either language if only one is given), or
/// its quote: its own words either way, never a category name.
pub fn words(target: &Target, lang: Lang) -> &str {
    lang.pick_optional(&target.label_vi, &target.label_en).unwrap_or(&target.quote)
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

/// A date as the article gives it: `11/6/2021` in Vietnamese, `11 June 2021` in English (where `11/6/2021`
/// reads as 6 November to an American reader), and `13/11 (không rõ năm)`, `13 November (year not stated)`
/// when the year is not stated. Every date a reader reads goes through here; the CSV keeps ISO dates.
pub fn date(date: &crate::data::model::PartialDate, lang: Lang) -> String {
    let mut out = match lang {
        Lang::Vi => format!("{}/{}", date.day, date.month),
        Lang::En => format!("{} {}", date.day, MONTHS_EN[usize::from(date.month.clamp(1, 12)) - 1]),
    };
    match (date.year, lang) {
        (Some(year), Lang::Vi) => out.push_str(&format!("/{year}")),
        (Some(year), Lang::En) => out.push_str(&format!(" {year}")),
        (None, _) => out.push_str(&format!(" ({})", lang.text().date_unknown_year)),
    }
    out
}

/// The months in English, spelt out so that no reader takes the day for the month.
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::PartialDate;

    #[test]
    fn english_dates_spell_the_month_and_vietnamese_ones_keep_day_month_year() {
        let june = PartialDate::parse("2021-06-11").unwrap();
        assert_eq!(date(&june, Lang::En), "11 June 2021");
        assert_eq!(date(&june, Lang::Vi), "11/6/2021");
        let no_year = PartialDate::parse("--11-13").unwrap();
        assert_eq!(date(&no_year, Lang::En), "13 November (year not stated)");
        assert_eq!(date(&no_year, Lang::Vi), "13/11 (không rõ năm)");
    }
}
