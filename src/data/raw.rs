//! The dataset exactly as it stands in the file, before anything is checked.
//!
//! Reading happens in two steps. `json::parse` turns the text into a `Json` tree; then each record is read
//! field by field from the tree. A wrong type or an unknown field is then a problem naming its record and
//! field, reported with every other problem, instead of a parse error that stops at the first one. It also
//! keeps the WebAssembly module small: no derived deserializers.
//!
//! Every field is optional here so that a missing field becomes a validation problem too, and enumerations
//! stay strings so that `validate` can list the valid choices.

use crate::data::problem::{Location, Problem, ProblemKind};

/// A JSON value, as close to the file as it gets.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Members in file order; duplicates are kept so that they can be reported.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// How a data editor would call this kind of value, for "expected …, found …" messages.
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true/false",
            Json::Number(_) => "a number",
            Json::String(_) => "text",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

/// The whole file.
#[derive(Debug, Default, Clone)]
pub struct RawDataset {
    pub schema_version: Option<f64>,
    pub pillars: Vec<RawPillar>,
    pub provinces: Vec<RawProvince>,
    pub indicators: Vec<RawIndicator>,
    pub sources: Vec<RawSource>,
    pub targets: Vec<RawTarget>,
}

/// A group of indicators (chính quyền số, kinh tế số, …).
#[derive(Debug, Default, Clone)]
pub struct RawPillar {
    pub id: Option<String>,
    pub name_vi: Option<String>,
    pub name_en: Option<String>,
}

/// A province as it was when it set its targets.
#[derive(Debug, Default, Clone)]
pub struct RawProvince {
    pub id: Option<String>,
    pub name_vi: Option<String>,
    pub name_ascii: Option<String>,
    pub admin_note_vi: Option<String>,
    pub admin_note_en: Option<String>,
}

/// Something a target measures, shared by every province that sets it.
#[derive(Debug, Default, Clone)]
pub struct RawIndicator {
    pub id: Option<String>,
    pub pillar: Option<String>,
    pub label_vi: Option<String>,
    pub label_en: Option<String>,
    pub definition_vi: Option<String>,
    pub definition_en: Option<String>,
    pub unit: Option<String>,
    pub unit_label_vi: Option<String>,
    pub unit_label_en: Option<String>,
}

/// A plan or resolution, and the article that reports it.
#[derive(Debug, Default, Clone)]
pub struct RawSource {
    pub id: Option<String>,
    pub province: Option<String>,
    pub document: Option<String>,
    pub document_title: Option<String>,
    pub document_date: Option<String>,
    pub issuer: Option<String>,
    pub article_title: Option<String>,
    pub article_date: Option<String>,
    pub article_author: Option<String>,
    pub article_publisher: Option<String>,
    pub article_file: Option<String>,
}

/// One numeric (or, rarely, qualitative) target.
#[derive(Debug, Default, Clone)]
pub struct RawTarget {
    pub id: Option<String>,
    pub province: Option<String>,
    pub indicator: Option<String>,
    pub year: Option<f64>,
    pub qualifier: Option<String>,
    pub value: Option<f64>,
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    pub status: Option<String>,
    pub source: Option<String>,
    pub quote: Option<String>,
    pub note_vi: Option<String>,
    pub note_en: Option<String>,
}

const DATASET_FIELDS: &[&str] =
    &["schema_version", "pillars", "provinces", "indicators", "sources", "targets"];
const PILLAR_FIELDS: &[&str] = &["id", "name_vi", "name_en"];
const PROVINCE_FIELDS: &[&str] = &["id", "name_vi", "name_ascii", "admin_note_vi", "admin_note_en"];
const INDICATOR_FIELDS: &[&str] = &[
    "id",
    "pillar",
    "label_vi",
    "label_en",
    "definition_vi",
    "definition_en",
    "unit",
    "unit_label_vi",
    "unit_label_en",
];
const SOURCE_FIELDS: &[&str] = &[
    "id",
    "province",
    "document",
    "document_title",
    "document_date",
    "issuer",
    "article_title",
    "article_date",
    "article_author",
    "article_publisher",
    "article_file",
];
const TARGET_FIELDS: &[&str] = &[
    "id",
    "province",
    "indicator",
    "year",
    "qualifier",
    "value",
    "value_max",
    "unit",
    "status",
    "source",
    "quote",
    "note_vi",
    "note_en",
];

/// The fields of one record, read one at a time; what is wrong is added to `problems`.
struct Fields<'a> {
    members: &'a [(String, Json)],
    location: Location,
    problems: &'a mut Vec<Problem>,
}

impl<'a> Fields<'a> {
    fn new(
        collection: &'static str,
        index: Option<usize>,
        value: &'a Json,
        problems: &'a mut Vec<Problem>,
    ) -> Option<Self> {
        let location = Location { collection, index, id: None, field: None };
        let Json::Object(members) = value else {
            let kind = ProblemKind::WrongType { expected: "an object", found: value.kind() };
            problems.push(Problem::new(location, kind));
            return None;
        };
        let id = members.iter().find(|(k, _)| k == "id").and_then(|(_, v)| match v {
            Json::String(s) => Some(s.clone()),
            _ => None,
        });
        Some(Fields { members, location: Location { id, ..location }, problems })
    }

    fn problem(&mut self, field: &str, kind: ProblemKind) {
        let location = Location { field: Some(field.to_string()), ..self.location.clone() };
        self.problems.push(Problem::new(location, kind));
    }

    fn get(&self, name: &str) -> Option<&'a Json> {
        self.members.iter().find(|(k, _)| k == name).map(|(_, v)| v).filter(|v| **v != Json::Null)
    }

    fn string(&mut self, name: &str) -> Option<String> {
        match self.get(name)? {
            Json::String(s) => Some(s.clone()),
            other => {
                self.problem(name, ProblemKind::WrongType { expected: "text", found: other.kind() });
                None
            }
        }
    }

    fn number(&mut self, name: &str) -> Option<f64> {
        match self.get(name)? {
            Json::Number(n) => Some(*n),
            other => {
                self.problem(name, ProblemKind::WrongType { expected: "a number", found: other.kind() });
                None
            }
        }
    }

    fn list(&mut self, name: &str) -> &'a [Json] {
        match self.get(name) {
            None => &[],
            Some(Json::Array(items)) => items,
            Some(other) => {
                self.problem(name, ProblemKind::WrongType { expected: "a list", found: other.kind() });
                &[]
            }
        }
    }

    /// Reports the fields that are not in `known`, and any that appear twice.
    fn finish(mut self, known: &'static [&'static str]) {
        for (i, (name, _)) in self.members.iter().enumerate() {
            if !known.contains(&name.as_str()) {
                self.problem(name, ProblemKind::UnknownField { valid: known });
            } else if self.members[..i].iter().any(|(earlier, _)| earlier == name) {
                self.problem(name, ProblemKind::DuplicateField);
            }
        }
    }
}

/// Reads every record of the list `name` with `read`.
fn records<T>(
    top: &mut Fields,
    name: &'static str,
    known: &'static [&'static str],
    read: fn(&mut Fields) -> T,
) -> Vec<T> {
    let items = top.list(name);
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        if let Some(mut fields) = Fields::new(name, Some(index), item, top.problems) {
            out.push(read(&mut fields));
            fields.finish(known);
        }
    }
    out
}

/// Reads the dataset out of a JSON tree. The problems found on the way (wrong types, unknown fields, records
/// that are not objects) are returned with it; `validate` reports everything else.
pub fn read(json: &Json) -> (RawDataset, Vec<Problem>) {
    let mut problems = Vec::new();
    let Some(mut top) = Fields::new("", None, json, &mut problems) else {
        return (RawDataset::default(), problems);
    };
    let dataset = RawDataset {
        schema_version: top.number("schema_version"),
        pillars: records(&mut top, "pillars", PILLAR_FIELDS, |f| RawPillar {
            id: f.string("id"),
            name_vi: f.string("name_vi"),
            name_en: f.string("name_en"),
        }),
        provinces: records(&mut top, "provinces", PROVINCE_FIELDS, |f| RawProvince {
            id: f.string("id"),
            name_vi: f.string("name_vi"),
            name_ascii: f.string("name_ascii"),
            admin_note_vi: f.string("admin_note_vi"),
            admin_note_en: f.string("admin_note_en"),
        }),
        indicators: records(&mut top, "indicators", INDICATOR_FIELDS, |f| RawIndicator {
            id: f.string("id"),
            pillar: f.string("pillar"),
            label_vi: f.string("label_vi"),
            label_en: f.string("label_en"),
            definition_vi: f.string("definition_vi"),
            definition_en: f.string("definition_en"),
            unit: f.string("unit"),
            unit_label_vi: f.string("unit_label_vi"),
            unit_label_en: f.string("unit_label_en"),
        }),
        sources: records(&mut top, "sources", SOURCE_FIELDS, |f| RawSource {
            id: f.string("id"),
            province: f.string("province"),
            document: f.string("document"),
            document_title: f.string("document_title"),
            document_date: f.string("document_date"),
            issuer: f.string("issuer"),
            article_title: f.string("article_title"),
            article_date: f.string("article_date"),
            article_author: f.string("article_author"),
            article_publisher: f.string("article_publisher"),
            article_file: f.string("article_file"),
        }),
        targets: records(&mut top, "targets", TARGET_FIELDS, |f| RawTarget {
            id: f.string("id"),
            province: f.string("province"),
            indicator: f.string("indicator"),
            year: f.number("year"),
            qualifier: f.string("qualifier"),
            value: f.number("value"),
            value_max: f.number("value_max"),
            unit: f.string("unit"),
            status: f.string("status"),
            source: f.string("source"),
            quote: f.string("quote"),
            note_vi: f.string("note_vi"),
            note_en: f.string("note_en"),
        }),
    };
    top.finish(DATASET_FIELDS);
    (dataset, problems)
}
