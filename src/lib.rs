//! province-targets: an embeddable chart comparing Vietnamese provinces' digital-transformation targets.
//!
//! The crate is one pure core, used natively (tests, the command line, static export) and in the browser.
//! Only `web` touches the DOM, and only `json` parses JSON text (on both sides); see ARCHITECTURE.md for the code map.

#[cfg(any(target_arch = "wasm32", test))]
mod alloc;
pub mod csv;
pub mod details;
pub mod format;
pub mod i18n;
pub mod json;
pub mod layout;
pub mod model;
pub mod order;
pub mod problem;
pub mod raw;
pub mod scale;
pub mod scene;
pub mod svg;
pub mod table;
pub mod text;
pub mod theme;
pub mod tree;
pub mod validate;
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use i18n::Lang;
pub use model::Dataset;
pub use problem::Problem;

/// Reads and validates a dataset from JSON text. Every problem names its record and field; reading never stops
/// at the first one. `slow_number` converts the rare number the parser cannot convert exactly itself.
pub fn read_dataset(text: &str, slow_number: json::SlowNumber) -> Result<Dataset, Vec<Problem>> {
    let tree = json::parse(text, slow_number).map_err(|error| vec![problem::syntax_problem(error)])?;
    dataset_from_json_tree(&tree)
}

/// Validates a dataset already read into a JSON tree.
pub fn dataset_from_json_tree(json: &raw::Json) -> Result<Dataset, Vec<Problem>> {
    let (raw, problems) = raw::read(json);
    validate::validate_after(&raw, problems)
}
