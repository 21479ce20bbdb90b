//! The dataset exactly as it stands in the JSON file, before anything is checked.
//!
//! Every field is optional here so that a missing field becomes a validation problem that names its record,
//! alongside every other problem, instead of a parse error that stops at the first one. Unknown fields are
//! rejected: a misspelt field name is an editor's mistake worth reporting. Enumerations stay strings for the
//! same reason: `validate` can then list the valid choices.

use serde::Deserialize;

/// The whole file.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    pub schema_version: Option<u32>,
    #[serde(default)]
    pub pillars: Vec<RawPillar>,
    #[serde(default)]
    pub provinces: Vec<RawProvince>,
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub targets: Vec<RawTarget>,
}

/// A group of indicators (chính quyền số, kinh tế số, …).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPillar {
    pub id: Option<String>,
    pub name_vi: Option<String>,
    pub name_en: Option<String>,
}

/// A province as it was when it set its targets.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProvince {
    pub id: Option<String>,
    pub name_vi: Option<String>,
    pub name_ascii: Option<String>,
    pub admin_note_vi: Option<String>,
    pub admin_note_en: Option<String>,
}

/// Something a target measures, shared by every province that sets it.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    pub id: Option<String>,
    pub province: Option<String>,
    pub indicator: Option<String>,
    pub year: Option<i64>,
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
