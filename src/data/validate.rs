//! Turns the file as read (`raw::DatasetFile`) into a trusted `Dataset`, or into the full list of problems found.
//!
//! Validation never stops at the first problem: an editor fixing a hand-edited file wants every mistake at
//! once, each naming the record (by index and id) and the field. An error refuses the file; a warning (a
//! short label over its length) is mended, the label cut with "…", and kept in `Dataset::warnings`.

use crate::data::field::{kind, Field, Record};
use crate::data::model::*;
use crate::data::order;
use crate::data::problem::{Location, Problem, ProblemKind};
use crate::data::raw::*;
use crate::locale::cut::cut_to;

/// The first and last target years a dataset may hold.
pub const YEARS: std::ops::RangeInclusive<f64> = 2000.0..=2100.0;

/// The most characters an indicator's short label (`short_vi`, `short_en`) may have: a 360 px phone's select
/// leaves about 298 px for 16 px text, and Vietnamese and English run about 8 px a character in a wide sans
/// (the end-to-end test measures the real width; this catches a short label that is plainly not short).
pub const SHORT_LABEL_MAX: usize = 36;

/// Checks every record of the file; returns the dataset, with its warnings, only if no problem is an error.
/// Otherwise returns every problem, errors and warnings, in the order found.
pub fn validate(file: &DatasetFile) -> Result<Dataset, Vec<Problem>> {
    let mut v = Validator { problems: Vec::new(), unreadable: Vec::new() };
    let raw = match file {
        Record::NotObject { found } => {
            let kind = ProblemKind::WrongType { expected: kind::OBJECT, found };
            return Err(vec![Problem::new(Location::file(), kind)]);
        }
        Record::Object { fields, unknown, repeated, valid } => {
            v.set_aside_keys(Location::file(), unknown, repeated, valid);
            fields
        }
    };
    match &raw.schema_version {
        Field::Value(version) if *version != 1.0 => v.problems.push(Problem::new(
            Location { field: Some("schema_version".into()), ..Location::file() },
            ProblemKind::UnsupportedVersion { version: *version },
        )),
        Field::WrongType { found } => v.problems.push(Problem::new(
            Location { field: Some("schema_version".into()), ..Location::file() },
            ProblemKind::WrongType { expected: kind::NUMBER, found },
        )),
        _ => {}
    }

    // A chart needs something to show: an empty list is a broken file, not an empty chart.
    let raw_pillars = v.list("pillars", &raw.pillars, |p| &p.id);
    let raw_provinces = v.list("provinces", &raw.provinces, |p| &p.id);
    let raw_indicators = v.list("indicators", &raw.indicators, |ind| &ind.id);
    let raw_sources = v.list("sources", &raw.sources, |s| &s.id);
    let raw_targets = v.list("targets", &raw.targets, |t| &t.id);
    // National targets are optional: an absent or empty list is a dataset without reference lines.
    let raw_national = match &raw.national {
        Field::Absent | Field::Null => Vec::new(),
        Field::Value(records) if records.is_empty() => Vec::new(),
        national => v.list("national", national, |n| &n.id),
    };

    let pillar_ids = v.ids("pillars", &raw_pillars, |record| &record.id, false);
    let mut pillars = Vec::new();
    for (i, p) in present(&raw_pillars) {
        let mut r = v.record("pillars", i, p.id.value());
        pillars.push(Pillar {
            id: r.required("id", &p.id),
            name_vi: r.required("name_vi", &p.name_vi),
            name_en: r.required("name_en", &p.name_en),
        });
    }

    let province_ids = v.ids("provinces", &raw_provinces, |record| &record.id, false);
    let mut provinces = Vec::new();
    for (i, p) in present(&raw_provinces) {
        let mut r = v.record("provinces", i, p.id.value());
        provinces.push(Province {
            id: r.required("id", &p.id),
            name_vi: r.required("name_vi", &p.name_vi),
            name_ascii: r.required("name_ascii", &p.name_ascii),
            admin_note_vi: r.optional("admin_note_vi", &p.admin_note_vi),
            admin_note_en: r.optional("admin_note_en", &p.admin_note_en),
        });
    }

    let indicator_ids = v.ids("indicators", &raw_indicators, |record| &record.id, false);
    // Each indicator's unit as the file spells it, `None` when invalid: a target is only compared with a
    // unit that is really there, so one typo is not reported again as a mismatch on every target.
    let mut indicator_units: Vec<Option<Unit>> = vec![None; raw_indicators.len()];
    let mut indicators = Vec::new();
    for (i, ind) in present(&raw_indicators) {
        let mut r = v.record("indicators", i, ind.id.value());
        let id = r.required("id", &ind.id);
        let pillar = r.reference("pillar", &ind.pillar, "pillars", &pillar_ids);
        let label_vi = r.required("label_vi", &ind.label_vi);
        let label_en = r.required("label_en", &ind.label_en);
        let unit = r.spelled("unit", &ind.unit, Unit::parse, Unit::CHOICES);
        indicator_units[i] = unit;
        indicators.push(Indicator {
            id,
            pillar,
            label_vi,
            label_en,
            short_vi: r.short("short_vi", &ind.short_vi),
            short_en: r.short("short_en", &ind.short_en),
            definition_vi: r.optional("definition_vi", &ind.definition_vi),
            definition_en: r.optional("definition_en", &ind.definition_en),
            unit: unit.unwrap_or(Unit::Percent),
            unit_label_vi: r.optional("unit_label_vi", &ind.unit_label_vi),
            unit_label_en: r.optional("unit_label_en", &ind.unit_label_en),
        });
    }

    let source_ids = v.ids("sources", &raw_sources, |record| &record.id, false);
    // Each source's province, `None` when its reference is broken (same reason as `indicator_units`).
    let mut source_provinces: Vec<Option<ProvinceIdx>> = vec![None; raw_sources.len()];
    let mut sources = Vec::new();
    for (i, s) in present(&raw_sources) {
        let mut r = v.record("sources", i, s.id.value());
        let id = r.required("id", &s.id);
        let province = r.reference("province", &s.province, "provinces", &province_ids);
        source_provinces[i] = (!r.failed_reference).then_some(province);
        sources.push(Source {
            id,
            province,
            document: r.optional("document", &s.document),
            document_title: r.optional("document_title", &s.document_title),
            document_en: r.optional("document_en", &s.document_en),
            title_en: r.optional("title_en", &s.title_en),
            document_date: r.date("document_date", &s.document_date),
            issuer: r.optional("issuer", &s.issuer),
            issuer_en: r.optional("issuer_en", &s.issuer_en),
            article_title: r.optional("article_title", &s.article_title),
            article_date: r.date("article_date", &s.article_date),
            article_author: r.optional("article_author", &s.article_author),
            article_publisher: r.optional("article_publisher", &s.article_publisher),
            article_file: r.optional("article_file", &s.article_file),
        });
    }

    v.ids("targets", &raw_targets, |record| &record.id, true);
    let mut target_keys: Vec<((usize, usize, u16, usize), usize)> = Vec::new();
    let mut targets = Vec::new();
    for (i, t) in present(&raw_targets) {
        let mut r = v.record("targets", i, t.id.value());
        let id = r.required("id", &t.id);
        let province = r.reference("province", &t.province, "provinces", &province_ids);
        let indicator = r.reference("indicator", &t.indicator, "indicators", &indicator_ids);
        let source = r.reference("source", &t.source, "sources", &source_ids);
        let year = r.year(&t.year);
        let value = r.number("value", &t.value);
        let value_max = r.number("value_max", &t.value_max);
        let qualifier = r.spelled("qualifier", &t.qualifier, Qualifier::parse, Qualifier::CHOICES);
        let unit = r.spelled("unit", &t.unit, Unit::parse, Unit::CHOICES);
        let status = r.spelled("status", &t.status, Status::parse, Status::CHOICES);
        let quote = r.required("quote", &t.quote);

        r.unit_of_indicator(unit, indicator_units.get(indicator).copied().flatten());
        if let Some(&Some(source_province)) = source_provinces.get(source) {
            if !r.failed_reference && source_province != province {
                let source_province =
                    raw_provinces[source_province].and_then(|p| p.id.value()).cloned().unwrap_or_default();
                r.problem("source", ProblemKind::SourceProvinceMismatch { source_province });
            }
        }
        if let (Some(qualifier), Some(unit)) = (qualifier, unit) {
            r.amount(qualifier, unit, value, value_max);
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
            value,
            value_max,
            unit: unit.unwrap_or(Unit::Percent),
            status: status.unwrap_or(Status::Adopted),
            source,
            quote,
            quote_en: r.optional("quote_en", &t.quote_en),
            note_vi: r.optional("note_vi", &t.note_vi),
            note_en: r.optional("note_en", &t.note_en),
            label_vi: r.optional("label_vi", &t.label_vi),
            label_en: r.optional("label_en", &t.label_en),
        });
    }

    // Two targets with the same province, indicator, year and source, found by a stable sort of their keys:
    // each is reported after the first target of its group.
    let sorted = order::sorted_indices(target_keys.len(), &|a, b| target_keys[a].0.cmp(&target_keys[b].0));
    let mut group_first = 0;
    for (k, &pos) in sorted.iter().enumerate() {
        let (key, later) = target_keys[pos];
        if k > 0 && key == target_keys[sorted[k - 1]].0 {
            let first_index = target_keys[group_first].1;
            let first_id = raw_targets[first_index].and_then(|t| t.id.value()).cloned().unwrap_or_default();
            let id = raw_targets[later].and_then(|t| t.id.value()).map(String::as_str);
            v.problems.push(Problem::new(
                Location::field("targets", later, id, "id"),
                ProblemKind::DuplicateTarget { first_index, first_id },
            ));
        } else {
            group_first = pos;
        }
    }

    let national = national_targets(&mut v, &raw_national, &indicator_ids, &indicator_units);

    if v.problems.iter().any(Problem::is_error) {
        Err(v.problems)
    } else {
        Ok(Dataset { pillars, provinces, indicators, sources, targets, national, warnings: v.problems })
    }
}

/// Checks the national targets: each names a known indicator in its unit, a year, a number that fits its
/// qualifier, and its document; at most one per indicator and year, since the chart draws one line.
fn national_targets(
    v: &mut Validator,
    raw_national: &[Option<&RawNational>],
    indicator_ids: &IdTable<'_>,
    indicator_units: &[Option<Unit>],
) -> Vec<National> {
    v.ids("national", raw_national, |record| &record.id, true);
    // (indicator, year) of each national target read so far, with its index in the file.
    let mut seen: Vec<((usize, u16), usize)> = Vec::new();
    let mut national = Vec::new();
    for (i, n) in present(raw_national) {
        let mut r = v.record("national", i, n.id.value());
        let id = r.required("id", &n.id);
        let indicator = r.reference("indicator", &n.indicator, "indicators", indicator_ids);
        let year = r.year(&n.year);
        let value = r.number("value", &n.value);
        let value_max = r.number("value_max", &n.value_max);
        let qualifier = r.spelled("qualifier", &n.qualifier, Qualifier::parse, Qualifier::CHOICES);
        let unit = r.spelled("unit", &n.unit, Unit::parse, Unit::CHOICES);
        let document = r.required("document", &n.document);
        r.unit_of_indicator(unit, indicator_units.get(indicator).copied().flatten());
        match (qualifier, unit) {
            (Some(Qualifier::Qualitative), _) => r.problem(
                "qualifier",
                ProblemKind::Unexpected {
                    why_en: "a national target is drawn as a line at its value: it cannot be qualitative",
                    why_vi: "mục tiêu quốc gia được vẽ thành một đường tại giá trị của nó: không thể là định tính",
                },
            ),
            (Some(qualifier), Some(unit)) => r.amount(qualifier, unit, value, value_max),
            _ => {}
        }
        if let (false, Some(year)) = (r.failed_reference, year) {
            match seen.iter().find(|(key, _)| *key == (indicator, year)) {
                Some(&(_, first_index)) => {
                    let first_id =
                        raw_national[first_index].and_then(|n| n.id.value()).cloned().unwrap_or_default();
                    r.problem("year", ProblemKind::DuplicateNational { first_index, first_id });
                }
                None => seen.push(((indicator, year), i)),
            }
        }
        national.push(National {
            id,
            indicator,
            year: year.unwrap_or(2000),
            qualifier: qualifier.unwrap_or(Qualifier::Exact),
            value: value.unwrap_or_default(),
            value_max,
            unit: unit.unwrap_or(Unit::Percent),
            document,
            document_title: r.optional("document_title", &n.document_title),
            document_date: r.date("document_date", &n.document_date),
            issuer: r.optional("issuer", &n.issuer),
            note_vi: r.optional("note_vi", &n.note_vi),
            note_en: r.optional("note_en", &n.note_en),
        });
    }
    national
}

/// The records of a list that are objects, with their index in the file.
fn present<'r, 'a, T>(records: &'r [Option<&'a T>]) -> impl Iterator<Item = (usize, &'a T)> + 'r {
    records.iter().enumerate().filter_map(|(i, record)| record.map(|record| (i, record)))
}

struct Validator {
    problems: Vec<Problem>,
    /// Lists that are not lists: references into them are not checked, since every one would fail.
    unreadable: Vec<&'static str>,
}

impl Validator {
    /// Reports the keys a record has that its type does not (typos), and keys written twice.
    fn set_aside_keys(
        &mut self,
        location: Location,
        unknown: &[String],
        repeated: &[String],
        valid: &'static [&'static str],
    ) {
        for (names, kind) in
            [(unknown, ProblemKind::UnknownField { valid }), (repeated, ProblemKind::DuplicateField)]
        {
            for name in names {
                let location = Location { field: Some(name.clone()), ..location.clone() };
                self.problems.push(Problem::new(location, kind.clone()));
            }
        }
    }

    /// The records of the list `collection`, by their index in the file: `None` for an item that is not
    /// an object, which is reported here with the list itself if it is not a list, or empty, and every
    /// record's unknown and repeated keys.
    fn list<'a, T>(
        &mut self,
        collection: &'static str,
        field: &'a Field<Vec<Record<T>>>,
        id_of: fn(&T) -> &Field<String>,
    ) -> Vec<Option<&'a T>> {
        let records: &[Record<T>] = match field {
            Field::Value(records) => records,
            Field::WrongType { found } => {
                let location = Location { field: Some(collection.to_string()), ..Location::file() };
                let kind = ProblemKind::WrongType { expected: kind::LIST, found };
                self.problems.push(Problem::new(location, kind));
                self.unreadable.push(collection);
                return Vec::new();
            }
            Field::Absent | Field::Null => &[],
        };
        if records.is_empty() {
            let location = Location { collection, ..Location::file() };
            self.problems.push(Problem::new(location, ProblemKind::EmptyList));
        }
        let mut present = Vec::with_capacity(records.len());
        for (index, record) in records.iter().enumerate() {
            let location = Location { collection, index: Some(index), id: None, field: None };
            match record {
                Record::Object { fields, unknown, repeated, valid } => {
                    let id = id_of(fields).value().cloned();
                    self.set_aside_keys(Location { id, ..location }, unknown, repeated, valid);
                    present.push(Some(fields));
                }
                Record::NotObject { found } => {
                    let kind = ProblemKind::WrongType { expected: kind::OBJECT, found };
                    self.problems.push(Problem::new(location, kind));
                    present.push(None);
                }
            }
        }
        present
    }

    /// Checks that ids are present, well formed and unique; returns them for reference look-ups.
    fn ids<'a, T>(
        &mut self,
        collection: &'static str,
        records: &[Option<&'a T>],
        id_of: fn(&T) -> &Field<String>,
        allow_slash: bool,
    ) -> IdTable<'a> {
        let mut all: Vec<(&'a str, usize)> = Vec::new();
        for (i, record) in present(records) {
            let Some(id) = id_of(record).value().map(String::as_str).filter(|id| !id.is_empty()) else {
                continue;
            };
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
        let order = order::sorted_indices(all.len(), &|a, b| all[a].0.cmp(all[b].0));
        let unreadable = self.unreadable.contains(&collection);
        let mut table =
            IdTable { collection, sorted: Vec::with_capacity(all.len()), known: Vec::new(), unreadable };
        // For each of `all`, the index of the first record with the same id, if it is a repeat.
        let mut first_of: Vec<Option<usize>> = vec![None; all.len()];
        for k in order {
            let (id, i) = all[k];
            match table.sorted.last() {
                Some((last, first_index)) if *last == id => first_of[k] = Some(*first_index),
                _ => table.sorted.push((id, i)),
            }
        }
        // Repeats are reported in file order; the first occurrences, in file order, are the valid ids.
        for (&(id, i), first) in all.iter().zip(first_of) {
            match first {
                Some(first_index) => self.problems.push(Problem::new(
                    Location::field(collection, i, Some(id), "id"),
                    ProblemKind::DuplicateId { value: id.to_string(), first_index },
                )),
                None => table.known.push(id),
            }
        }
        table
    }

    fn record<'v>(
        &'v mut self,
        collection: &'static str,
        index: usize,
        id: Option<&'v String>,
    ) -> Checks<'v> {
        let first_problem = self.problems.len();
        Checks {
            validator: self,
            collection,
            index,
            id: id.map(String::as_str),
            failed_reference: false,
            first_problem,
        }
    }
}

/// The ids of one list: sorted for look-ups, and in file order for messages. A sorted `Vec` rather than a
/// `HashMap` keeps hashing code out of the WebAssembly module. The ids are borrowed from the file as read:
/// copying the 4,080 ids of a large dataset's targets only to drop them took longer than looking them up.
struct IdTable<'a> {
    collection: &'static str,
    sorted: Vec<(&'a str, usize)>,
    /// Every valid id once, in file order, for the message of a reference that names none of them.
    known: Vec<&'a str>,
    /// The list is not a list (already reported): its ids cannot be looked up.
    unreadable: bool,
}

impl IdTable<'_> {
    fn index_of(&self, id: &str) -> Option<usize> {
        self.sorted.binary_search_by(|(seen, _)| (*seen).cmp(id)).ok().map(|p| self.sorted[p].1)
    }
}

/// The checks of one record, which know how to name it in a problem.
struct Checks<'v> {
    validator: &'v mut Validator,
    collection: &'static str,
    index: usize,
    id: Option<&'v str>,
    /// Set when a reference did not resolve, so that checks needing it are skipped rather than misleading.
    failed_reference: bool,
    /// Where this record's problems start in the validator's list.
    first_problem: usize,
}

impl Checks<'_> {
    fn problem(&mut self, field: &str, kind: ProblemKind) {
        // A field of the wrong type is empty to the checks that follow; it is not missing as well.
        let problems = &self.validator.problems[self.first_problem..];
        if kind == ProblemKind::Missing
            && problems.iter().any(|p| {
                matches!(p.kind, ProblemKind::WrongType { .. }) && p.location.field.as_deref() == Some(field)
            })
        {
            return;
        }
        let location = Location::field(self.collection, self.index, self.id, field);
        self.validator.problems.push(Problem::new(location, kind));
    }

    /// The field's text, trimmed, if it is not blank; a value that is not text is reported.
    fn text<'f>(&mut self, field: &str, value: &'f Field<String>) -> Option<&'f str> {
        if let Field::WrongType { found } = value {
            self.problem(field, ProblemKind::WrongType { expected: kind::TEXT, found });
        }
        value.value().map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    /// `text`, as the dataset keeps it.
    fn optional(&mut self, field: &str, value: &Field<String>) -> Option<String> {
        self.text(field, value).map(str::to_string)
    }

    /// Like `optional`, for a picker's short label: longer than `SHORT_LABEL_MAX` characters is a warning,
    /// since the whole point of the field is to fit where the label does not, and the label is kept cut to
    /// the limit with "…": a label too long is no reason to refuse a chart.
    fn short(&mut self, field: &str, value: &Field<String>) -> Option<String> {
        let text = self.optional(field, value)?;
        let length = text.chars().count();
        if length <= SHORT_LABEL_MAX {
            return Some(text);
        }
        self.problem(field, ProblemKind::TooLong { length, max: SHORT_LABEL_MAX });
        Some(cut_to(&text, SHORT_LABEL_MAX))
    }

    /// Like `text`, and a field that is absent, null or blank is reported as missing. Borrowed: a reference
    /// or a spelled value is only looked up, never kept as text.
    fn required_str<'f>(&mut self, field: &str, value: &'f Field<String>) -> Option<&'f str> {
        let text = self.text(field, value);
        if text.is_none() && !matches!(value, Field::WrongType { .. }) {
            self.problem(field, ProblemKind::Missing);
        }
        text
    }

    fn required(&mut self, field: &str, value: &Field<String>) -> String {
        self.required_str(field, value).map(str::to_string).unwrap_or_default()
    }

    /// The field's number; a value that is not a number is reported.
    fn number(&mut self, field: &str, value: &Field<f64>) -> Option<f64> {
        if let Field::WrongType { found } = value {
            self.problem(field, ProblemKind::WrongType { expected: kind::NUMBER, found });
        }
        value.value().copied()
    }

    fn reference(
        &mut self,
        field: &str,
        value: &Field<String>,
        collection: &'static str,
        table: &IdTable<'_>,
    ) -> usize {
        debug_assert_eq!(collection, table.collection);
        let Some(id) = self.required_str(field, value) else {
            self.failed_reference = true;
            return 0;
        };
        match table.index_of(id) {
            Some(index) => index,
            None if table.unreadable => {
                self.failed_reference = true;
                0
            }
            None => {
                self.problem(
                    field,
                    ProblemKind::UnknownReference {
                        value: id.to_string(),
                        collection,
                        known: table.known.join(", "),
                    },
                );
                self.failed_reference = true;
                0
            }
        }
    }

    fn spelled<T>(
        &mut self,
        field: &str,
        value: &Field<String>,
        parse: fn(&str) -> Option<T>,
        choices: &'static [&'static str],
    ) -> Option<T> {
        let text = self.required_str(field, value)?;
        let parsed = parse(text);
        if parsed.is_none() {
            self.problem(field, ProblemKind::NotOneOf { value: text.to_string(), choices });
        }
        parsed
    }

    fn date(&mut self, field: &str, value: &Field<String>) -> Option<PartialDate> {
        let text = self.optional(field, value)?;
        let date = PartialDate::parse(&text);
        if date.is_none() {
            self.problem(field, ProblemKind::BadDate { value: text });
        }
        date
    }

    fn year(&mut self, year: &Field<f64>) -> Option<u16> {
        match self.number("year", year) {
            None if matches!(year, Field::WrongType { .. }) => None,
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

    /// Checks that a record measures in its indicator's unit; skipped when either is unreadable or the
    /// indicator reference is broken, which are reported already.
    fn unit_of_indicator(&mut self, unit: Option<Unit>, indicator_unit: Option<Unit>) {
        if let (Some(unit), Some(indicator_unit), false) = (unit, indicator_unit, self.failed_reference) {
            if unit != indicator_unit {
                let kind = ProblemKind::UnitMismatch {
                    unit: unit.as_str(),
                    indicator_unit: indicator_unit.as_str(),
                };
                self.problem("unit", kind);
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
