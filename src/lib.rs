//! province-targets: an embeddable chart comparing Vietnamese provinces' digital-transformation targets.
//!
//! The crate is one pure core, used natively (tests, the command line, static export) and in the browser.
//! Only `web` touches the DOM, and only `json` parses JSON text; see ARCHITECTURE.md for the code map.

pub mod csv;
pub mod details;
pub mod format;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod json;
pub mod layout;
pub mod model;
pub mod problem;
pub mod raw;
pub mod scale;
pub mod scene;
pub mod svg;
pub mod table;
pub mod text;
pub mod theme;
pub mod validate;
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use i18n::Lang;
pub use model::Dataset;
pub use problem::Problem;

/// Reads and validates a dataset from any serde deserializer (JSON text natively, a parsed JavaScript value
/// in the browser). Every problem names its record and field; reading never stops at the first one.
pub fn read_dataset<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Dataset, Vec<Problem>>
where
    D::Error: std::fmt::Display,
{
    let json = <raw::Json as serde::Deserialize>::deserialize(deserializer)
        .map_err(|error| vec![problem::syntax_problem(error.to_string())])?;
    dataset_from_json_tree(&json)
}

/// Reads and validates a dataset from a JSON tree (the browser builds one from its `JSON.parse` value).
pub fn dataset_from_json_tree(json: &raw::Json) -> Result<Dataset, Vec<Problem>> {
    let (raw, problems) = raw::read(json);
    validate::validate_after(&raw, problems)
}
