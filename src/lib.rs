//! province-targets: an embeddable chart comparing Vietnamese provinces' digital-transformation targets.
//!
//! The crate is one pure core, used natively (tests, the command line, static export) and in the browser.
//! Only `web` touches the DOM, and only `json` parses JSON text (on both sides); see ARCHITECTURE.md for the code map.

#[cfg(any(target_arch = "wasm32", test))]
mod alloc;
// The layers, each depending only on those listed before it (tests/tidy.rs checks this).
pub mod chart;
pub mod data;
pub mod export;
pub mod locale;
pub mod render;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use data::model::Dataset;
pub use data::problem::Problem;
pub use locale::i18n::Lang;

/// Reads and validates a dataset from JSON text. Every problem names its record and field; reading never stops
/// at the first one. `slow_number` converts the rare number the parser cannot convert exactly itself.
pub fn read_dataset(text: &str, slow_number: data::json::SlowNumber) -> Result<Dataset, Vec<Problem>> {
    let tree =
        data::json::parse(text, slow_number).map_err(|error| vec![data::problem::syntax_problem(error)])?;
    dataset_from_json_tree(&tree)
}

/// Validates a dataset already read into a JSON tree.
pub fn dataset_from_json_tree(json: &data::raw::Json) -> Result<Dataset, Vec<Problem>> {
    let (raw, problems) = data::raw::read(json);
    data::validate::validate_after(&raw, problems)
}
