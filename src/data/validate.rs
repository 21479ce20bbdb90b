//! Turns a `RawDataset` into a trusted `Dataset`, or into the full list of problems found.
//!
//! Validation never stops at the first problem: an editor fixing a hand-edited file wants every mistake at
//! once, each naming the record (by index and id) and the field.

use crate::data::model::*;
use crate::data::order;
use crate::data::problem::{Location, Problem, ProblemKind};
use crate::data::raw::*;

/// The first and last target years a dataset may hold.
pub const YEARS: std::ops::RangeInclusive<f64> = 2000.0..=2100.0;

/// Checks every record of `raw`; returns the dataset only if nothing is wrong.
pub fn validate(raw: &RawDataset) -> Result<Dataset, Vec<Problem>> {
    validate_after(raw, Vec::new())
}

/// Like `validate`, after reading already found `earlier` problems (wrong types, unknown fields): those are
/// reported first, and a field already reported there is not reported again as missing.
pub fn validate_after(raw: &RawDataset, earlier: Vec<Problem>) -> Result<Dataset, Vec<Problem>> {
    let n_earlier = earlier.len();
    let mut v = Validator { problems: earlier, n_earlier };
    if let Some(version) = raw.schema_version {
        if version != 1.0 {
            v.problems.push(Problem::new(
                Location { field: Some("schema_version".into()), ..Location::file() },
                ProblemKind::UnsupportedVersion { version },
            ));
        }
    }

    // A chart needs something to show: an empty list is a broken file, not an empty chart.
    for (collection, len) in [
        ("pillars", raw.pillars.len()),
        ("provinces", raw.provinces.len()),
        ("indicators", raw.indicators.len()),
        ("sources", raw.sources.len()),
        ("targets", raw.targets.len()),
    ] {
        if len == 0 {
            let location = Location { collection, ..Location::file() };
            v.problems.push(Problem::new(location, ProblemKind::EmptyList));
        }
    }

    let pillar_ids = v.ids("pillars", raw.pillars.len(), &|i| raw.pillars[i].id.as_deref(), false);
    let mut pillars = Vec::new();
    for (i, p) in raw.pillars.iter().enumerate() {
        let mut r = v.record("pillars", i, p.id.as_deref());
        pillars.push(Pillar {
            id: r.required("id", &p.id),
            name_vi: r.required("name_vi", &p.name_vi),
            name_en: r.required("name_en", &p.name_en),
        });
    }

    let province_ids = v.ids("provinces", raw.provinces.len(), &|i| raw.provinces[i].id.as_deref(), false);
    let mut provinces = Vec::new();
    for (i, p) in raw.provinces.iter().enumerate() {
        let mut r = v.record("provinces", i, p.id.as_deref());
        provinces.push(Province {
            id: r.required("id", &p.id),
            name_vi: r.required("name_vi", &p.name_vi),
            name_ascii: r.required("name_ascii", &p.name_ascii),
            admin_note_vi: optional(&p.admin_note_vi),
            admin_note_en: optional(&p.admin_note_en),
        });
    }

    let indicator_ids =
        v.ids("indicators", raw.indicators.len(), &|i| raw.indicators[i].id.as_deref(), false);
    // Each indicator's unit as the file spells it, `None` when invalid: a target is only compared with a
    // unit that is really there, so one typo is not reported again as a mismatch on every target.
    let mut indicator_units: Vec<Option<Unit>> = Vec::new();
    let mut indicators = Vec::new();
    for (i, ind) in raw.indicators.iter().enumerate() {
        let mut r = v.record("indicators", i, ind.id.as_deref());
        let id = r.required("id", &ind.id);
        let pillar = r.reference("pillar", &ind.pillar, "pillars", &pillar_ids);
        let label_vi = r.required("label_vi", &ind.label_vi);
        let label_en = r.required("label_en", &ind.label_en);
        let unit = r.spelled("unit", &ind.unit, Unit::parse, Unit::CHOICES);
        indicator_units.push(unit);
        indicators.push(Indicator {
            id,
            pillar,
            label_vi,
            label_en,
            definition_vi: optional(&ind.definition_vi),
            definition_en: optional(&ind.definition_en),
            unit: unit.unwrap_or(Unit::Percent),
            unit_label_vi: optional(&ind.unit_label_vi),
            unit_label_en: optional(&ind.unit_label_en),
        });
    }

    let source_ids = v.ids("sources", raw.sources.len(), &|i| raw.sources[i].id.as_deref(), false);
    // Each source's province, `None` when its reference is broken (same reason as `indicator_units`).
    let mut source_provinces: Vec<Option<ProvinceIdx>> = Vec::new();
    let mut sources = Vec::new();
    for (i, s) in raw.sources.iter().enumerate() {
        let mut r = v.record("sources", i, s.id.as_deref());
        let id = r.required("id", &s.id);
        let province = r.reference("province", &s.province, "provinces", &province_ids);
        source_provinces.push((!r.failed_reference).then_some(province));
        sources.push(Source {
            id,
            province,
            document: optional(&s.document),
            document_title: optional(&s.document_title),
            document_date: r.date("document_date", &s.document_date),
            issuer: optional(&s.issuer),
            article_title: optional(&s.article_title),
            article_date: r.date("article_date", &s.article_date),
            article_author: optional(&s.article_author),
            article_publisher: optional(&s.article_publisher),
            article_file: optional(&s.article_file),
        });
    }

    v.ids("targets", raw.targets.len(), &|i| raw.targets[i].id.as_deref(), true);
    let mut target_keys: Vec<((usize, usize, u16, usize), usize)> = Vec::new();
    let mut targets = Vec::new();
    for (i, t) in raw.targets.iter().enumerate() {
        let mut r = v.record("targets", i, t.id.as_deref());
        let id = r.required("id", &t.id);
        let province = r.reference("province", &t.province, "provinces", &province_ids);
        let indicator = r.reference("indicator", &t.indicator, "indicators", &indicator_ids);
        let source = r.reference("source", &t.source, "sources", &source_ids);
        let year = r.year(t.year);
        let qualifier = r.spelled("qualifier", &t.qualifier, Qualifier::parse, Qualifier::CHOICES);
        let unit = r.spelled("unit", &t.unit, Unit::parse, Unit::CHOICES);
        let status = r.spelled("status", &t.status, Status::parse, Status::CHOICES);
        let quote = r.required("quote", &t.quote);

        if let (Some(unit), Some(Some(indicator_unit))) = (unit, indicator_units.get(indicator)) {
            if !r.failed_reference && unit != *indicator_unit {
                r.problem(
                    "unit",
                    ProblemKind::UnitMismatch {
                        unit: unit.as_str(),
                        indicator_unit: indicator_unit.as_str(),
                    },
                );
            }
        }
        if let Some(&Some(source_province)) = source_provinces.get(source) {
            if !r.failed_reference && source_province != province {
                let source_province =
                    raw.provinces.get(source_province).and_then(|p| p.id.clone()).unwrap_or_default();
                r.problem("source", ProblemKind::SourceProvinceMismatch { source_province });
            }
        }
        if let (Some(qualifier), Some(unit)) = (qualifier, unit) {
            r.amount(qualifier, unit, t.value, t.value_max);
        }
        if let (false, Some(year)) = (r.failed_reference, year) {
            target_keys.push(((province, indicator, year, source), i));
        }
        targets.push(Target {
            id,
            province,
            indicator,
            year: year.unwrap_or(2000),
            qualifier: qualifier.unwrap_or(Qualifier::Qualitative),
            value: t.value,
            value_max: t.value_max,
            unit: unit.unwrap_or(Unit::Percent),
            status: status.unwrap_or(Status::Adopted),
            source,
            quote,
            note_vi: optional(&t.note_vi),
            note_en: optional(&t.note_en),
        });
    }

    // Two targets with the same province, indicator, year and source, found by a stable sort of their keys:
    // each is reported after the first target of its group.
    let sorted = order::sorted_indices(target_keys.len(), &|a, b| target_keys[a].0 < target_keys[b].0);
    let mut group_first = 0;
    for (k, &pos) in sorted.iter().enumerate() {
        let (key, later) = target_keys[pos];
        if k > 0 && key == target_keys[sorted[k - 1]].0 {
            let first_index = target_keys[group_first].1;
            let first_id = raw.targets[first_index].id.clone().unwrap_or_default();
            let id = raw.targets[later].id.as_deref();
            v.problems.push(Problem::new(
                Location::field("targets", later, id, "id"),
                ProblemKind::DuplicateTarget { first_index, first_id },
            ));
        } else {
            group_first = pos;
        }
    }

    if v.problems.is_empty() {
        Ok(Dataset { pillars, provinces, indicators, sources, targets })
    } else {
        Err(v.problems)
    }
}

fn optional(field: &Option<String>) -> Option<String> {
    field.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

struct Validator {
    problems: Vec<Problem>,
    /// How many of `problems` came from reading, before validation.
    n_earlier: usize,
}

impl Validator {
    /// Checks that ids are present, well formed and unique; returns them for reference look-ups. `id(i)` is
    /// the id of record `i` of `n`.
    fn ids<'a>(
        &mut self,
        collection: &'static str,
        n: usize,
        id: &dyn Fn(usize) -> Option<&'a str>,
        allow_slash: bool,
    ) -> IdTable {
        let mut all: Vec<(&str, usize)> = Vec::new();
        for i in 0..n {
            let Some(id) = id(i).filter(|id| !id.is_empty()) else { continue };
            let well_formed = id.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || (allow_slash && b == b'/')
            });
            if !well_formed {
                self.problems.push(Problem::new(
                    Location::field(collection, i, Some(id), "id"),
                    ProblemKind::BadId { value: id.to_string() },
                ));
            }
            all.push((id, i));
        }
        // Sorting finds duplicates in n log n, which matters for large newsroom datasets; the stable sort keeps
        // the first occurrence first.
        let order = order::sorted_indices(all.len(), &|a, b| all[a].0 < all[b].0);
        let mut table = IdTable { collection, sorted: Vec::with_capacity(all.len()), known: String::new() };
        // For each of `all`, the index of the first record with the same id, if it is a repeat.
        let mut first_of: Vec<Option<usize>> = vec![None; all.len()];
        for k in order {
            let (id, i) = all[k];
            match table.sorted.last() {
                Some((last, first_index)) if last == id => first_of[k] = Some(*first_index),
                _ => table.sorted.push((id.to_string(), i)),
            }
        }
        // Repeats are reported in file order; the first occurrences, in file order, are the valid ids.
        for (&(id, i), first) in all.iter().zip(first_of) {
            match first {
                Some(first_index) => self.problems.push(Problem::new(
                    Location::field(collection, i, Some(id), "id"),
                    ProblemKind::DuplicateId { value: id.to_string(), first_index },
                )),
                None => {
                    if !table.known.is_empty() {
                        table.known.push_str(", ");
                    }
                    table.known.push_str(id);
                }
            }
        }
        table
    }

    fn record<'v>(&'v mut self, collection: &'static str, index: usize, id: Option<&'v str>) -> Record<'v> {
        Record { validator: self, collection, index, id, failed_reference: false }
    }
}

/// The ids of one list: sorted for look-ups, and in file order for messages. A sorted `Vec` rather than a
/// `HashMap` keeps hashing code out of the WebAssembly module.
struct IdTable {
    collection: &'static str,
    sorted: Vec<(String, usize)>,
    /// Every valid id once, in file order, separated by ", ".
    known: String,
}

impl IdTable {
    fn index_of(&self, id: &str) -> Option<usize> {
        self.sorted.binary_search_by(|(seen, _)| seen.as_str().cmp(id)).ok().map(|p| self.sorted[p].1)
    }
}

/// The checks of one record, which know how to name it in a problem.
struct Record<'v> {
    validator: &'v mut Validator,
    collection: &'static str,
    index: usize,
    id: Option<&'v str>,
    /// Set when a reference did not resolve, so that checks needing it are skipped rather than misleading.
    failed_reference: bool,
}

impl Record<'_> {
    fn problem(&mut self, field: &str, kind: ProblemKind) {
        // A field that reading reported (a wrong type leaves it empty) is not reported again as missing. Only
        // `Missing` is looked up, so other problems do not scan the earlier ones.
        if kind == ProblemKind::Missing
            && self.validator.problems[..self.validator.n_earlier].iter().any(|p| {
                p.location.collection == self.collection
                    && p.location.index == Some(self.index)
                    && p.location.field.as_deref() == Some(field)
            })
        {
            return;
        }
        let location = Location::field(self.collection, self.index, self.id, field);
        self.validator.problems.push(Problem::new(location, kind));
    }

    fn required(&mut self, field: &str, value: &Option<String>) -> String {
        match optional(value) {
            Some(v) => v,
            None => {
                self.problem(field, ProblemKind::Missing);
                String::new()
            }
        }
    }

    fn reference(
        &mut self,
        field: &str,
        value: &Option<String>,
        collection: &'static str,
        table: &IdTable,
    ) -> usize {
        debug_assert_eq!(collection, table.collection);
        let Some(id) = optional(value) else {
            self.problem(field, ProblemKind::Missing);
            self.failed_reference = true;
            return 0;
        };
        match table.index_of(&id) {
            Some(index) => index,
            None => {
                self.problem(
                    field,
                    ProblemKind::UnknownReference { value: id, collection, known: table.known.clone() },
                );
                self.failed_reference = true;
                0
            }
        }
    }

    fn spelled<T>(
        &mut self,
        field: &str,
        value: &Option<String>,
        parse: fn(&str) -> Option<T>,
        choices: &'static [&'static str],
    ) -> Option<T> {
        let Some(text) = optional(value) else {
            self.problem(field, ProblemKind::Missing);
            return None;
        };
        let parsed = parse(&text);
        if parsed.is_none() {
            self.problem(field, ProblemKind::NotOneOf { value: text, choices });
        }
        parsed
    }

    fn date(&mut self, field: &str, value: &Option<String>) -> Option<PartialDate> {
        let text = optional(value)?;
        let date = PartialDate::parse(&text);
        if date.is_none() {
            self.problem(field, ProblemKind::BadDate { value: text });
        }
        date
    }

    fn year(&mut self, year: Option<f64>) -> Option<u16> {
        match year {
            None => {
                self.problem("year", ProblemKind::Missing);
                None
            }
            Some(year) if YEARS.contains(&year) && year.fract() == 0.0 => Some(year as u16),
            Some(year) => {
                self.problem("year", ProblemKind::YearOutOfRange { year });
                None
            }
        }
    }

    /// Checks that the numbers fit the qualifier and the unit.
    fn amount(&mut self, qualifier: Qualifier, unit: Unit, value: Option<f64>, value_max: Option<f64>) {
        if qualifier == Qualifier::Qualitative {
            if value.is_some() || value_max.is_some() {
                self.problem(
                    "value",
                    ProblemKind::Unexpected {
                        why_en: "a qualitative target has no value: set value and value_max to null",
                        why_vi: "mục tiêu định tính không có giá trị số: để value và value_max là null",
                    },
                );
            }
            return;
        }
        let Some(low) = value else {
            self.problem("value", ProblemKind::Missing);
            return;
        };
        self.bounds("value", unit, low);
        match (qualifier, value_max) {
            (Qualifier::Range, None) => self.problem("value_max", ProblemKind::Missing),
            (Qualifier::Range, Some(high)) => {
                self.bounds("value_max", unit, high);
                if high < low {
                    self.problem("value_max", ProblemKind::RangeInverted { min: low, max: high });
                }
            }
            (_, Some(_)) => self.problem(
                "value_max",
                ProblemKind::Unexpected {
                    why_en: "value_max is only for qualifier \"range\": set it to null",
                    why_vi: "value_max chỉ dùng cho qualifier \"range\": để null",
                },
            ),
            (_, None) => {}
        }
    }

    fn bounds(&mut self, field: &str, unit: Unit, value: f64) {
        let (min, max) = unit_bounds(unit);
        if !(min..=max).contains(&value) {
            self.problem(field, ProblemKind::OutOfBounds { value, unit: unit.as_str(), min, max });
        } else if matches!(unit, Unit::Count | Unit::Rank) && value.fract() != 0.0 {
            self.problem(field, ProblemKind::NotWhole { value });
        }
    }
}

/// The smallest and largest value a unit allows.
pub fn unit_bounds(unit: Unit) -> (f64, f64) {
    match unit {
        Unit::Percent => (0.0, 100.0),
        Unit::PercentPerYear => (-100.0, 1000.0),
        Unit::Count => (0.0, 1e9),
        Unit::Rank => (1.0, 1000.0),
    }
}
