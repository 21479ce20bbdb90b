//! Reading a dataset for the widgets: once per URL per page (the loader keeps one `Data` per URL), the result
//! shared by every widget showing it, or kept with its problems when the dataset is broken. The page's own
//! `JSON.parse` reads the text; serde-wasm-bindgen hands the value to the dataset's serde types.

use crate::data::browser_syntax::syntax_error_from_browser;
use crate::data::model::Dataset;
use crate::data::problem::{self, syntax_problem, Problem, ProblemKind, SyntaxError};
use crate::data::raw::DatasetFile;
use crate::data::validate::validate;
use crate::locale::i18n::Lang;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// A dataset read and validated, or every problem found in it.
pub(super) type Read = Result<Rc<Dataset>, Rc<[Problem]>>;

/// Reads what `JSON.parse` made of a dataset's text.
pub(super) fn read(value: JsValue) -> Read {
    let read = match serde_wasm_bindgen::from_value::<DatasetFile>(value) {
        Ok(file) => validate(&file),
        // `Field` and `Record` accept every value JSON can hold; only a value no JSON text makes (a function,
        // a BigInt) can end up here, and the file is then as unreadable as text that is not JSON.
        Err(_) => Err(vec![syntax_problem(SyntaxError { line: 1, column: 1, expected: None })]),
    };
    read.map(Rc::new).map_err(Rc::from)
}

/// A dataset whose text `JSON.parse` refused: one problem saying where, from the parser's own message.
pub(super) fn unparsable(text: &str, parser_message: &str) -> Read {
    Err(Rc::from(vec![syntax_problem(syntax_error_from_browser(text, parser_message))]))
}

/// When the text is not JSON at all: where and what was expected there, in `lang` ("vi" or "en").
pub(super) fn syntax_error(read: &Read, lang: &str) -> Option<String> {
    let lang = Lang::parse(lang).unwrap_or_default();
    read.as_ref().err()?.iter().find_map(|p| match &p.kind {
        ProblemKind::Syntax(error) => Some(problem::describe_syntax(error, lang)),
        _ => None,
    })
}
