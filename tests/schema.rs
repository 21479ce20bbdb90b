//! `data/targets.schema.json` (for editors' tools) and the serde types of `src/data/raw.rs` (what the
//! program reads) describe the same fields: every record type of the schema has exactly the fields of its
//! serde type, and lists every one of them as required (the bundled file writes every field, null or not),
//! except the few fields that only some records carry (`OPTIONAL`).
#![cfg(not(target_arch = "wasm32"))]

use province_targets::data::field::Record;
use province_targets::data::raw::{
    RawDataset, RawIndicator, RawNational, RawPillar, RawProvince, RawSource, RawTarget,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The field names serde reads for `T`, learnt by reading an empty object: `Record` keeps them for its
/// "valid fields" message.
fn serde_fields<T: DeserializeOwned>() -> Vec<&'static str> {
    match serde_json::from_str::<Record<T>>("{}").unwrap() {
        Record::Object { valid, .. } => valid.to_vec(),
        Record::NotObject { .. } => unreachable!("{{}} is an object"),
    }
}

fn schema() -> Value {
    let text = include_str!("../data/targets.schema.json");
    serde_json::from_str(text).expect("the schema is JSON")
}

/// The names, sorted: serde_json's maps do not keep the file's order.
fn sorted(names: impl IntoIterator<Item = impl Into<String>>) -> Vec<String> {
    let mut names: Vec<String> = names.into_iter().map(Into::into).collect();
    names.sort();
    names
}

/// Fields the bundled file writes only where they apply: a qualitative target's short label, an indicator's
/// short label for the picker.
// A dataset without national targets is complete (it draws no reference line); a target's short words are
// only for qualitative targets; an indicator's short label only where its label is cut in a phone's select;
// the English of a quote or a document is optional, so that a newsroom's Vietnamese dataset still reads.
const OPTIONAL: &[(&str, &str)] = &[
    ("the file", "national"),
    ("target", "label_vi"),
    ("target", "label_en"),
    ("indicator", "short_vi"),
    ("indicator", "short_en"),
    ("target", "quote_en"),
    ("source", "document_en"),
    ("source", "title_en"),
    ("source", "issuer_en"),
];

#[test]
fn the_schema_and_the_serde_types_have_the_same_fields() {
    let schema = schema();
    let definitions = &schema["$defs"];
    let cases: [(&str, &Value, Vec<&str>); 7] = [
        ("the file", &schema, serde_fields::<RawDataset>()),
        ("pillar", &definitions["pillar"], serde_fields::<RawPillar>()),
        ("province", &definitions["province"], serde_fields::<RawProvince>()),
        ("indicator", &definitions["indicator"], serde_fields::<RawIndicator>()),
        ("source", &definitions["source"], serde_fields::<RawSource>()),
        ("target", &definitions["target"], serde_fields::<RawTarget>()),
        ("national target", &definitions["national"], serde_fields::<RawNational>()),
    ];
    for (name, definition, serde) in cases {
        let serde = sorted(serde);
        let properties = definition["properties"].as_object().expect("a record type has properties");
        assert_eq!(sorted(properties.keys().cloned()), serde, "{name}: schema properties vs serde fields");
        assert_eq!(
            definition["additionalProperties"],
            Value::Bool(false),
            "{name}: unknown fields are errors"
        );
        let required = definition["required"].as_array().expect("a record type lists its required fields");
        let required = sorted(required.iter().map(|v| v.as_str().unwrap().to_string()));
        let always: Vec<String> =
            serde.iter().filter(|field| !OPTIONAL.contains(&(name, field.as_str()))).cloned().collect();
        assert_eq!(
            required, always,
            "{name}: the schema requires every field, as the bundled file writes them"
        );
    }
}
