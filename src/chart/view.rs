//! What the reader asked to see: the chart configuration, checked against the dataset, and the rows of
//! targets it selects. Layout, the text summary and the data table all read the same `View`, so they can
//! never disagree about what is shown.

use crate::chart::embed;
use crate::chart::format::{self, Style};
use crate::data::model::{Dataset, IndicatorIdx, ProvinceIdx, Target, TargetIdx};
use crate::locale::i18n::Lang;

/// The reader's choices, already checked against the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartConfig {
    pub indicator: IndicatorIdx,
    /// `None` shows every year.
    pub year: Option<u16>,
    /// One flag per province of the dataset: shown or not.
    pub shown: Vec<bool>,
    pub lang: Lang,
    /// Whether the national targets are drawn as reference lines (`chart::reference`).
    pub national: bool,
    /// Provinces the editor put forward (`highlight`), in the order given: drawn in the accent colour,
    /// the others muted, and named first in the summary. Empty: no highlight.
    pub highlight: Vec<ProvinceIdx>,
}

/// Unchecked choices, as they come from an embed's attributes or the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Requested {
    pub indicator: Option<String>,
    pub year: Option<String>,
    /// Comma-separated province ids.
    pub provinces: Option<String>,
    pub lang: Option<String>,
    /// `on` or `off`: the national reference lines.
    pub national: Option<String>,
    /// Comma-separated province ids to highlight.
    pub highlight: Option<String>,
}

/// A requested value that does not exist, with the valid ones, so the caller can warn and fall back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallback {
    pub attribute: &'static str,
    pub value: String,
    pub valid: Vec<String>,
}

impl Fallback {
    /// The warning for a value a page set on a widget already showing a view, which it keeps.
    pub fn message_kept(&self) -> String {
        format!(
            "province-targets: unknown {} \"{}\", keeping the current view. Valid values: {}.",
            self.attribute,
            self.value,
            self.valid.join(", ")
        )
    }

    pub fn message(&self) -> String {
        format!(
            "province-targets: unknown {} \"{}\", using the default. Valid values: {}.",
            self.attribute,
            self.value,
            self.valid.join(", ")
        )
    }
}

impl ChartConfig {
    /// The default view: the indicator set by the most provinces, every year, every province, Vietnamese.
    pub fn default_for(dataset: &Dataset) -> ChartConfig {
        ChartConfig {
            indicator: dataset.default_indicator().unwrap_or(0),
            year: None,
            shown: vec![true; dataset.provinces.len()],
            lang: Lang::Vi,
            national: true,
            highlight: Vec::new(),
        }
    }

    /// Applies `requested` over the default; every value that does not exist is reported and ignored.
    pub fn resolve(dataset: &Dataset, requested: &Requested) -> (ChartConfig, Vec<Fallback>) {
        let mut config = ChartConfig::default_for(dataset);
        let mut fallbacks = Vec::new();
        let mut fallback = |attribute, value: &str, valid: Vec<String>| {
            fallbacks.push(Fallback { attribute, value: value.to_string(), valid })
        };
        if let Some(lang) = nonempty(&requested.lang) {
            match Lang::parse(lang) {
                Some(l) => config.lang = l,
                None => fallback("lang", lang, strings(Lang::CHOICES.iter().copied())),
            }
        }
        if let Some(id) = nonempty(&requested.indicator) {
            match dataset.indicator_by_id(id) {
                Some(i) => config.indicator = i,
                None => fallback("indicator", id, strings(dataset.indicators.iter().map(|i| i.id.as_str()))),
            }
        }
        if let Some(year) = nonempty(&requested.year) {
            let years = dataset.years();
            match year.parse::<u16>().ok().filter(|y| years.contains(y)) {
                Some(y) => config.year = Some(y),
                None if year == embed::YEAR_ALL => {}
                None => {
                    let mut valid = vec![embed::YEAR_ALL.to_string()];
                    valid.extend(years.iter().map(|y| y.to_string()));
                    fallback("year", year, valid)
                }
            }
        }
        if let Some(list) = nonempty(&requested.provinces) {
            let mut shown = vec![false; dataset.provinces.len()];
            for p in province_list(dataset, list, "province", &mut fallback) {
                shown[p] = true;
            }
            if shown.contains(&true) {
                config.shown = shown;
            }
        }
        if let Some(national) = nonempty(&requested.national) {
            match embed::NATIONAL.iter().position(|choice| *choice == national) {
                Some(i) => config.national = i == 0,
                None => fallback("national", national, strings(embed::NATIONAL.iter().copied())),
            }
        }
        if let Some(list) = nonempty(&requested.highlight) {
            for p in province_list(dataset, list, "highlight", &mut fallback) {
                if !config.highlight.contains(&p) {
                    config.highlight.push(p);
                }
            }
        }
        (config, fallbacks)
    }

    /// The choices after the page changed the options named in `changed` (attribute names), with
    /// `requested` holding every option as the page now sets it. Only the named choices move: a new
    /// `indicator` keeps the reader's province filter and year. A named choice whose value does not exist
    /// keeps its current value and is reported, so a page's typo never throws away the view on screen.
    pub fn with_changes(
        &self,
        dataset: &Dataset,
        requested: &Requested,
        changed: &[&str],
    ) -> (ChartConfig, Vec<Fallback>) {
        let (fresh, fallbacks) = ChartConfig::resolve(dataset, requested);
        let mut next = self.clone();
        let mut reported = Vec::new();
        for &name in changed {
            // `provinces` reports its unknown ids under "province" (one id per fallback).
            let reported_as = if name == "provinces" { "province" } else { name };
            let bad: Vec<&Fallback> = fallbacks.iter().filter(|f| f.attribute == reported_as).collect();
            if !bad.is_empty() {
                reported.extend(bad.into_iter().cloned());
                continue;
            }
            match name {
                "indicator" => next.indicator = fresh.indicator,
                "year" => next.year = fresh.year,
                "provinces" => next.shown = fresh.shown.clone(),
                "national" => next.national = fresh.national,
                "highlight" => next.highlight = fresh.highlight.clone(),
                "lang" => next.lang = fresh.lang,
                _ => {}
            }
        }
        (next, reported)
    }
}

/// The provinces of a comma-separated list of ids, in its order; each unknown id is reported under
/// `attribute` with the valid ids.
fn province_list(
    dataset: &Dataset,
    list: &str,
    attribute: &'static str,
    fallback: &mut impl FnMut(&'static str, &str, Vec<String>),
) -> Vec<ProvinceIdx> {
    let mut found = Vec::new();
    for id in list.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        match dataset.province_by_id(id) {
            Some(p) => found.push(p),
            None => fallback(attribute, id, strings(dataset.provinces.iter().map(|p| p.id.as_str()))),
        }
    }
    found
}

fn nonempty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn strings<'a>(items: impl Iterator<Item = &'a str>) -> Vec<String> {
    items.map(str::to_string).collect()
}

/// One province of the view and the targets it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub province: ProvinceIdx,
    /// Targets of the indicator (and year, if one is chosen), in file order; empty means "no target set".
    pub targets: Vec<TargetIdx>,
}

/// The selection a chart, a summary and a table show.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub indicator: IndicatorIdx,
    pub year: Option<u16>,
    pub rows: Vec<Row>,
    /// The axis minimum and maximum over every target of the indicator in any year or province, so that
    /// filtering never rescales the axis under the reader's eyes. Zero is always inside: a minimum above
    /// zero is 0, a maximum below zero is 0 (a growth target of −5 %/yr is drawn left of a zero line).
    pub domain_min: f64,
    pub domain_max: f64,
    /// Whether any target of the indicator has a number. If none has, there is no axis to draw: qualitative
    /// targets are words, never points on a scale.
    pub has_numbers: bool,
    /// The highlighted provinces, as in `ChartConfig::highlight`.
    pub highlight: Vec<ProvinceIdx>,
}

impl View {
    pub fn new(dataset: &Dataset, config: &ChartConfig) -> View {
        // One pass over the targets fills every row (in file order within a row), rather than one pass per
        // province: on a 34-province dataset that is the difference between reading 4,080 targets and 139,000.
        let mut by_province: Vec<Vec<TargetIdx>> = vec![Vec::new(); dataset.provinces.len()];
        for (i, target) in dataset.targets_of(config.indicator) {
            if config.year.is_none_or(|y| y == target.year) {
                by_province[target.province].push(i);
            }
        }
        let rows = by_province
            .into_iter()
            .enumerate()
            .filter(|(p, _)| config.shown.get(*p).copied().unwrap_or(false))
            .map(|(province, targets)| Row { province, targets })
            .collect();
        let spans = || dataset.targets_of(config.indicator).filter_map(|(_, t)| extent(t));
        let domain_min = spans().map(|(low, _)| low).fold(0.0, f64::min);
        let domain_max = spans().map(|(_, high)| high).fold(0.0, f64::max);
        let has_numbers = spans().next().is_some();
        View {
            indicator: config.indicator,
            year: config.year,
            rows,
            domain_min,
            domain_max,
            has_numbers,
            highlight: config.highlight.clone(),
        }
    }

    /// Whether the editor highlighted `province` (false for every province when nothing is highlighted).
    pub fn is_highlighted(&self, province: ProvinceIdx) -> bool {
        self.highlight.contains(&province)
    }

    /// Every target in the view, row by row.
    pub fn targets(&self) -> impl Iterator<Item = TargetIdx> + '_ {
        self.rows.iter().flat_map(|r| r.targets.iter().copied())
    }
}

/// The interval a target covers on its axis: its value, its range, or for "top N" every place from 1 to N;
/// `None` for a qualitative target.
pub fn extent(target: &Target) -> Option<(f64, f64)> {
    let (low, high) = target.span()?;
    if format::is_rank_band(target) {
        return Some((1.0, high));
    }
    Some((low, high))
}

/// The accessible name of one mark: "Bắc Giang, 2025: khoảng 25%, dự thảo".
pub fn mark_name(dataset: &Dataset, target: TargetIdx, lang: Lang) -> String {
    let t = &dataset.targets[target];
    let mut name = format!(
        "{}, {}: {}",
        dataset.provinces[t.province].name_vi,
        t.year,
        format::target_value(t, &dataset.indicators[t.indicator], lang, Style::Full)
    );
    if t.status == crate::data::model::Status::Draft {
        name.push_str(" (");
        name.push_str(lang.text().draft);
        name.push(')');
    }
    name
}

/// One sentence describing the view for screen readers and the SVG's `<desc>`.
pub fn summary(dataset: &Dataset, view: &View, lang: Lang) -> String {
    let text = lang.text();
    let indicator = &dataset.indicators[view.indicator];
    let mut out = String::from(lang.pick(&indicator.label_vi, &indicator.label_en));
    if let Some(year) = view.year {
        out.push_str(&format!(" ({year})"));
    }
    out.push_str(": ");
    // The same sentence the chart shows in place of its rows (layout.rs), so that a screen reader hears what
    // a sighted reader reads: with every province turned off, what to do, not that no province set a target.
    if view.rows.is_empty() {
        out.push_str(text.no_province_selected);
        return out;
    }
    if view.targets().next().is_none() {
        out.push_str(text.summary_none);
        return out;
    }
    let mut missing = Vec::new();
    let mut parts = Vec::new();
    // The highlighted provinces first, in the order the editor gave, then the others as drawn.
    let highlighted = view.highlight.iter().filter_map(|p| view.rows.iter().find(|r| r.province == *p));
    let others = view.rows.iter().filter(|r| !view.is_highlighted(r.province));
    for row in highlighted.chain(others) {
        match row_phrase(dataset, row, lang) {
            Some(phrase) => parts.push(phrase),
            None => missing.push(dataset.provinces[row.province].name_vi.as_str()),
        }
    }
    out.push_str(&parts.join("; "));
    if !missing.is_empty() {
        out.push_str(&format!("; {}: {}", text.summary_missing_inline, missing.join(", ")));
    }
    out.push('.');
    out
}

/// One row as the summary words it: "Bắc Giang khoảng 25% (2025), 30% (2030)"; `None` for a row with no
/// target in view, which the summary lists among the provinces that set none.
pub fn row_phrase(dataset: &Dataset, row: &Row, lang: Lang) -> Option<String> {
    if row.targets.is_empty() {
        return None;
    }
    let text = lang.text();
    let values: Vec<String> = row
        .targets
        .iter()
        .map(|&i| {
            let t = &dataset.targets[i];
            let mut v = format::target_value(t, &dataset.indicators[t.indicator], lang, Style::Full);
            v.push_str(&format!(" ({}", t.year));
            if t.status == crate::data::model::Status::Draft {
                v.push_str(", ");
                v.push_str(text.draft);
            }
            v.push(')');
            v
        })
        .collect();
    Some(format!("{} {}", dataset.provinces[row.province].name_vi, values.join(", ")))
}
