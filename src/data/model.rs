//! The validated dataset: the only form of the data the rest of the program trusts.
//!
//! A `Dataset` can only be made by `validate::validate`, so its invariants hold everywhere: every reference
//! is an index that exists, every value fits its unit, a range has `value <= value_max`, and qualitative
//! targets carry no number.

use std::fmt;

/// Index of a province in `Dataset::provinces`.
pub type ProvinceIdx = usize;
/// Index of an indicator in `Dataset::indicators`.
pub type IndicatorIdx = usize;
/// Index of a target in `Dataset::targets`.
pub type TargetIdx = usize;

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Dataset {
    pub pillars: Vec<Pillar>,
    pub provinces: Vec<Province>,
    pub indicators: Vec<Indicator>,
    pub sources: Vec<Source>,
    pub targets: Vec<Target>,
    /// The national programme's targets, drawn as reference lines; empty when the file has none.
    pub national: Vec<National>,
    /// What validation found cosmetic and mended (a short label cut with "…"), each naming its record and
    /// field, for the console and `check` to report. Every `Problem` here is a `Severity::Warning`.
    pub warnings: Vec<crate::data::problem::Problem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pillar {
    pub id: String,
    pub name_vi: String,
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Province {
    pub id: String,
    pub name_vi: String,
    pub name_ascii: String,
    pub admin_note_vi: Option<String>,
    pub admin_note_en: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub pillar: usize,
    pub label_vi: String,
    pub label_en: String,
    /// The indicator picker's wording when the label would be cut in a phone's select; the headline keeps
    /// the label.
    pub short_vi: Option<String>,
    pub short_en: Option<String>,
    pub definition_vi: Option<String>,
    pub definition_en: Option<String>,
    pub unit: Unit,
    pub unit_label_vi: Option<String>,
    pub unit_label_en: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub province: ProvinceIdx,
    pub document: Option<String>,
    pub document_title: Option<String>,
    /// The English of `document`, `document_title` and `issuer`; `None` where the dataset gives none.
    pub document_en: Option<String>,
    pub title_en: Option<String>,
    pub document_date: Option<PartialDate>,
    pub issuer: Option<String>,
    pub issuer_en: Option<String>,
    pub article_title: Option<String>,
    pub article_date: Option<PartialDate>,
    pub article_author: Option<String>,
    pub article_publisher: Option<String>,
    pub article_file: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub id: String,
    pub province: ProvinceIdx,
    pub indicator: IndicatorIdx,
    pub year: u16,
    pub qualifier: Qualifier,
    /// `Some` unless the qualifier is `Qualitative`.
    pub value: Option<f64>,
    /// `Some` exactly when the qualifier is `Range`, and then at least `value`.
    pub value_max: Option<f64>,
    pub unit: Unit,
    pub status: Status,
    pub source: usize,
    pub quote: String,
    /// An unofficial English translation of the quote, which the quote itself stays the evidence for.
    pub quote_en: Option<String>,
    pub note_vi: Option<String>,
    pub note_en: Option<String>,
    /// A qualitative target's short label, in the target's own words; `None` for most targets.
    pub label_vi: Option<String>,
    pub label_en: Option<String>,
}

/// A national target for one indicator and year: what the national programme sets, cited by its document.
/// Never a province's words, so it has no quote and no source article.
#[derive(Debug, Clone, PartialEq)]
pub struct National {
    pub id: String,
    pub indicator: IndicatorIdx,
    pub year: u16,
    /// Never `Qualitative`: a reference line needs a number.
    pub qualifier: Qualifier,
    pub value: f64,
    /// `Some` exactly when the qualifier is `Range`, and then at least `value`.
    pub value_max: Option<f64>,
    pub unit: Unit,
    /// The citation drawn beside the line: `QĐ 749/QĐ-TTg`.
    pub document: String,
    pub document_title: Option<String>,
    pub document_date: Option<PartialDate>,
    pub issuer: Option<String>,
    pub note_vi: Option<String>,
    pub note_en: Option<String>,
}

impl Target {
    /// The interval the target spans on its axis, or `None` for a qualitative target.
    pub fn span(&self) -> Option<(f64, f64)> {
        let low = self.value?;
        Some((low, self.value_max.unwrap_or(low)))
    }
}

/// Declares a string-backed enumeration: its variants, their spelling in the file, and the list of valid
/// spellings that error messages show.
macro_rules! spelled_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every valid spelling, in declaration order.
            pub const CHOICES: &'static [&'static str] = &[$($text),+];
            const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The variant spelled `text` in the file, if any.
            pub fn parse(text: &str) -> Option<Self> {
                Self::CHOICES.iter().position(|c| *c == text).map(|i| Self::ALL[i])
            }

            /// How the file spells this variant.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

spelled_enum! {
    /// What a number measures, which decides its bounds and how it is written.
    Unit {
        /// A share of something, from 0 to 100.
        Percent => "percent",
        /// An annual growth rate in percent.
        PercentPerYear => "percent_per_year",
        /// A whole number of things (enterprises, cities, experts).
        Count => "count",
        /// A place in a ranking: "top N".
        Rank => "rank",
    }
}

spelled_enum! {
    /// How the article words the number: the chart must keep "about", "above" and "at least" visible.
    Qualifier {
        Exact => "exact",
        About => "about",
        Above => "above",
        AtLeast => "at_least",
        AtMost => "at_most",
        Range => "range",
        Qualitative => "qualitative",
    }
}

spelled_enum! {
    /// Whether the document setting the target was issued or is still a draft.
    Status {
        Adopted => "adopted",
        Draft => "draft",
    }
}

/// A date as precise as the article gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    /// `None` when the article states day and month only.
    pub year: Option<u16>,
    pub month: u8,
    pub day: u8,
}

impl PartialDate {
    /// Reads `YYYY-MM-DD` or `--MM-DD` (ISO 8601 for a day whose year is not known).
    pub fn parse(text: &str) -> Option<PartialDate> {
        let bytes = text.as_bytes();
        let (year, rest) = match bytes.len() {
            10 if bytes[4] == b'-' => (Some(parse_digits(&text[0..4])? as u16), &text[5..]),
            7 if text.starts_with("--") => (None, &text[2..]),
            _ => return None,
        };
        let rest_bytes = rest.as_bytes();
        if rest_bytes.len() != 5 || rest_bytes[2] != b'-' {
            return None;
        }
        let month = parse_digits(&rest[0..2])? as u8;
        let day = parse_digits(&rest[3..5])? as u8;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            // With no year, 29 February may be a real day; with one, only in a leap year.
            2 if year.is_none_or(is_leap_year) => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month).contains(&day).then_some(PartialDate { year, month, day })
    }
}

/// Gregorian: every fourth year, except centuries not divisible by 400 (2000 is leap, 1900 and 2100 are not).
fn is_leap_year(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn parse_digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl Dataset {
    /// The targets of one indicator, in file order.
    pub fn targets_of(&self, indicator: IndicatorIdx) -> impl Iterator<Item = (TargetIdx, &Target)> {
        self.targets.iter().enumerate().filter(move |(_, t)| t.indicator == indicator)
    }

    /// How many distinct provinces set at least one target for `indicator`.
    pub fn n_provinces_setting(&self, indicator: IndicatorIdx) -> usize {
        let mut seen = vec![false; self.provinces.len()];
        for (_, target) in self.targets_of(indicator) {
            seen[target.province] = true;
        }
        seen.iter().filter(|s| **s).count()
    }

    /// `n_provinces_setting` of every indicator, in one pass over the targets rather than one per
    /// indicator: 40 indicators of a 4,080-target dataset would otherwise read every target 40 times on mount.
    pub fn n_provinces_setting_each(&self) -> Vec<usize> {
        let n_provinces = self.provinces.len();
        let mut seen = vec![false; self.indicators.len() * n_provinces];
        let mut counts = vec![0; self.indicators.len()];
        for target in &self.targets {
            let slot = &mut seen[target.indicator * n_provinces + target.province];
            if !*slot {
                *slot = true;
                counts[target.indicator] += 1;
            }
        }
        counts
    }

    /// The indicator set by the most provinces (ties go to the earlier one): the view a reader sees first.
    pub fn default_indicator(&self) -> Option<IndicatorIdx> {
        let counts = self.n_provinces_setting_each();
        (0..self.indicators.len()).rev().max_by_key(|i| counts[*i])
    }

    pub fn province_by_id(&self, id: &str) -> Option<ProvinceIdx> {
        self.provinces.iter().position(|p| p.id == id)
    }

    pub fn indicator_by_id(&self, id: &str) -> Option<IndicatorIdx> {
        self.indicators.iter().position(|i| i.id == id)
    }

    /// The national target for `indicator` in `year`, if the national programme sets one (validation
    /// allows at most one).
    pub fn national_for(&self, indicator: IndicatorIdx, year: u16) -> Option<&National> {
        self.national.iter().find(|n| n.indicator == indicator && n.year == year)
    }

    /// Every year any target names, ascending.
    pub fn years(&self) -> Vec<u16> {
        let mut years: Vec<u16> = self.targets.iter().map(|t| t.year).collect();
        crate::data::order::sort_dedup(&mut years);
        years
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_accept_full_and_yearless_forms_only() {
        assert_eq!(
            PartialDate::parse("2021-06-11"),
            Some(PartialDate { year: Some(2021), month: 6, day: 11 })
        );
        assert_eq!(PartialDate::parse("--11-13"), Some(PartialDate { year: None, month: 11, day: 13 }));
        for bad in ["2021-13-01", "2021-02-30", "11/6/2021", "2021-6-11", "", "--1-13", "abcd-01-01"] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn impossible_calendar_dates_are_rejected_with_leap_years_right() {
        let bad = "2021-02-29 2023-02-29 2100-02-29 1900-02-29 2024-02-30 2021-04-31 2021-06-31 2021-09-31 \
                   2021-11-31 2021-01-32 2021-01-00 2021-00-10 --02-30 --04-31";
        for bad in bad.split_whitespace() {
            assert_eq!(PartialDate::parse(bad), None, "{bad} is not a day of the calendar");
        }
        let good = "2024-02-29 2000-02-29 2020-02-29 2021-02-28 --02-29 2021-12-31 2021-04-30";
        for good in good.split_whitespace() {
            assert!(PartialDate::parse(good).is_some(), "{good} is a day of the calendar");
        }
    }

    #[test]
    fn spelled_enums_round_trip_and_list_choices() {
        for text in Qualifier::CHOICES {
            assert_eq!(Qualifier::parse(text).unwrap().as_str(), *text);
        }
        assert_eq!(Qualifier::parse("approx"), None);
        assert_eq!(Unit::CHOICES, &["percent", "percent_per_year", "count", "rank"]);
    }
}
