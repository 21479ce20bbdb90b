//! The builder's one export for an editor's spreadsheet (`--features sheet`, a module of its own that only
//! the builder loads, and only when a CSV is dropped): the CSV text in, and out through serde-wasm-bindgen
//! either the dataset it makes, as a plain JavaScript object that the builder hands to the preview as JSON,
//! or every problem located by row and column, worded in the builder's language.

use crate::data::sheet::read::read_sheet;
use crate::data::sheet::value::JsonValue;
use crate::locale::i18n::Lang;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What a sheet made: `dataset` is null where `problems` lists why.
#[derive(Serialize)]
struct SheetRead {
    dataset: Option<JsonValue>,
    problems: Vec<String>,
}

/// Reads `text`, the CSV an editor dropped, with problems worded in `lang` ("vi" unless "en").
#[wasm_bindgen]
pub fn sheet_to_dataset(text: &str, lang: &str) -> Result<JsValue, JsValue> {
    let lang = Lang::parse(lang).unwrap_or(Lang::Vi);
    let read = match read_sheet(text, lang) {
        Ok(dataset) => SheetRead { dataset: Some(dataset), problems: Vec::new() },
        Err(problems) => SheetRead { dataset: None, problems },
    };
    // Objects rather than JavaScript Maps, so that JSON.stringify writes the file the widget reads.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    read.serialize(&serializer).map_err(JsValue::from)
}
