//! The dataset exactly as it stands in the file, before anything is checked: the one definition of the
//! format of `data/targets.json`. serde derives its reading; `data/targets.schema.json` describes the same
//! fields for editors' tools, and `tests/schema.rs` proves that the two agree.
//!
//! Every field is a `Field`, whose reading never fails: absent, null and wrong-typed values are kept as
//! such, so that `validate` reports each of them with its record and field, together with every other
//! problem. Enumerations stay strings so that `validate` can list the valid choices.

use crate::data::field::{Field, Record};
use serde::Deserialize;

/// The file as a whole: an object, or the one problem that it is not.
pub type DatasetFile = Record<RawDataset>;

/// The whole file.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct RawDataset {
    pub schema_version: Field<f64>,
    pub pillars: Field<Vec<Record<RawPillar>>>,
    pub provinces: Field<Vec<Record<RawProvince>>>,
    pub indicators: Field<Vec<Record<RawIndicator>>>,
    pub sources: Field<Vec<Record<RawSource>>>,
    pub targets: Field<Vec<Record<RawTarget>>>,
    /// Optional: a dataset without national targets draws no reference line.
    pub national: Field<Vec<Record<RawNational>>>,
}

/// A group of indicators (chính quyền số, kinh tế số, …).
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct RawPillar {
    pub id: Field<String>,
    pub name_vi: Field<String>,
    pub name_en: Field<String>,
}

/// A province as it was when it set its targets.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct RawProvince {
    pub id: Field<String>,
    pub name_vi: Field<String>,
    pub name_ascii: Field<String>,
    pub admin_note_vi: Field<String>,
    pub admin_note_en: Field<String>,
}

/// Something a target measures, shared by every province that sets it.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct RawIndicator {
    pub id: Field<String>,
    pub pillar: Field<String>,
    pub label_vi: Field<String>,
    pub label_en: Field<String>,
    /// The picker's wording where `label_*` is too wide for a phone's select (absent where it fits).
    pub short_vi: Field<String>,
    pub short_en: Field<String>,
    pub definition_vi: Field<String>,
    pub definition_en: Field<String>,
    pub unit: Field<String>,
    pub unit_label_vi: Field<String>,
    pub unit_label_en: Field<String>,
}

/// A plan or resolution, and the article that reports it.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct RawSource {
    pub id: Field<String>,
    pub province: Field<String>,
    pub document: Field<String>,
    pub document_title: Field<String>,
    /// The English of `document` and `document_title`, and of `issuer`: optional, since a newsroom's own
    /// dataset may be Vietnamese alone; an English reader then sees the Vietnamese.
    pub document_en: Field<String>,
    pub title_en: Field<String>,
    pub document_date: Field<String>,
    pub issuer: Field<String>,
    pub issuer_en: Field<String>,
    pub article_title: Field<String>,
    pub article_date: Field<String>,
    pub article_author: Field<String>,
    pub article_publisher: Field<String>,
    pub article_file: Field<String>,
}

/// One numeric (or, rarely, qualitative) target.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct RawTarget {
    pub id: Field<String>,
    pub province: Field<String>,
    pub indicator: Field<String>,
    pub year: Field<f64>,
    pub qualifier: Field<String>,
    pub value: Field<f64>,
    pub value_max: Field<f64>,
    pub unit: Field<String>,
    pub status: Field<String>,
    pub source: Field<String>,
    pub quote: Field<String>,
    /// An unofficial English translation of `quote`, shown under it to an English reader. Optional: without
    /// it the Vietnamese stands alone.
    pub quote_en: Field<String>,
    pub note_vi: Field<String>,
    pub note_en: Field<String>,
    /// A qualitative target's few words, shown where a number would stand ("phổ cập 5G"), taken from its
    /// quote. Optional: only qualitative targets need it, and only they carry it in the bundled file.
    pub label_vi: Field<String>,
    pub label_en: Field<String>,
}

/// A target the national programme sets for an indicator: a fact with a document citation, never an
/// article quote, so it has no `quote`, `source` or `province`.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct RawNational {
    pub id: Field<String>,
    pub indicator: Field<String>,
    pub year: Field<f64>,
    pub qualifier: Field<String>,
    pub value: Field<f64>,
    pub value_max: Field<f64>,
    pub unit: Field<String>,
    pub document: Field<String>,
    pub document_title: Field<String>,
    pub document_date: Field<String>,
    pub issuer: Field<String>,
    pub note_vi: Field<String>,
    pub note_en: Field<String>,
}
