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
/// in the browser). A type error names the record and field where it happened, as validation problems do.
pub fn read_dataset<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Dataset, Vec<Problem>>
where
    D::Error: std::fmt::Display,
{
    let raw: raw::RawDataset = serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        vec![problem::syntax_problem(&path, error.into_inner().to_string())]
    })?;
    validate::validate(&raw)
}
