//! JSON text to a validated dataset, for the native side only: the browser parses JSON with its own
//! `JSON.parse`, so the WebAssembly module carries no JSON parser.

use crate::{model::Dataset, problem::Problem};

/// The bundled dataset, compiled into the native binary so `check` and `csv` work from any directory.
pub const BUNDLED: &str = include_str!("../data/targets.json");

/// Parses and validates a dataset written as JSON text.
pub fn dataset_from_json(text: &str) -> Result<Dataset, Vec<Problem>> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let dataset = crate::read_dataset(&mut deserializer)?;
    deserializer.end().map_err(|error| vec![crate::problem::syntax_problem(error.to_string())])?;
    Ok(dataset)
}
