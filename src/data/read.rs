//! Reading a dataset from JSON text natively (the command line, the static export, the tests), with
//! serde_json over the serde types of `raw`. In the browser the module never sees the text: the page's own
//! `JSON.parse` reads it and `web` hands the value to the same types through serde-wasm-bindgen.

use crate::data::problem::{syntax_problem, Expected, Problem, SyntaxError};
use crate::data::raw::DatasetFile;
use crate::data::validate::validate;
use crate::Dataset;
use serde::Deserialize;

/// The bundled dataset, compiled into the native binary so `check` and `csv` work from any directory.
pub const BUNDLED: &str = include_str!("../../data/targets.json");

/// Reads and validates a dataset written as JSON text. Every problem names its record and field; reading
/// never stops at the first one, except where the text itself is not JSON.
pub fn dataset_from_json(text: &str) -> Result<Dataset, Vec<Problem>> {
    let file = file_from_json(text).map_err(|error| vec![syntax_problem(error)])?;
    validate(&file)
}

/// The file as read, or where the text stops being JSON.
pub fn file_from_json(text: &str) -> Result<DatasetFile, SyntaxError> {
    // A byte-order mark is how some editors save UTF-8; it is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let file = DatasetFile::deserialize(&mut deserializer).and_then(|file| {
        deserializer.end()?;
        Ok(file)
    });
    file.map_err(|error| {
        // serde_json says column 0 at the very start of an empty line.
        SyntaxError::at(error.line().max(1), error.column().max(1), expected_from_serde_json(&error))
    })
}

/// What serde_json's message says was expected. `Field` and `Record` never fail on a value, so every
/// error here is about the text's syntax; serde_json words them in a fixed set of English phrases.
fn expected_from_serde_json(error: &serde_json::Error) -> Option<Expected> {
    let message = error.to_string();
    let phrases: [(&str, Expected); 15] = [
        ("EOF while parsing a list", Expected::CommaOrBracket),
        ("EOF while parsing an object", Expected::CommaOrBrace),
        ("EOF while parsing a string", Expected::Quote),
        ("EOF while parsing a value", Expected::Value),
        ("expected `:`", Expected::Colon),
        ("expected `,` or `]`", Expected::CommaOrBracket),
        ("expected `,` or `}`", Expected::CommaOrBrace),
        ("expected ident", Expected::Value),
        ("expected value", Expected::Value),
        ("key must be a string", Expected::Key),
        ("trailing comma", Expected::Value),
        ("invalid escape", Expected::Escape),
        ("invalid number", Expected::Digit),
        ("trailing characters", Expected::End),
        ("control character", Expected::Quote),
    ];
    let known = phrases.iter().find(|(phrase, _)| message.starts_with(phrase)).map(|(_, expected)| *expected);
    known.or(if message.starts_with("recursion limit exceeded") {
        Some(Expected::ShallowerNesting)
    } else if message.starts_with("number out of range") {
        Some(Expected::SmallerNumber)
    } else {
        None
    })
}
