//! Reading a dataset for the widgets: once per URL per page (the loader keeps one `Data` per URL), the result
//! shared by every widget showing it, or kept with its problems when the dataset is broken. The page's own
//! `JSON.parse` reads the text; serde-wasm-bindgen hands the value to the dataset's serde types, a slice of
//! records at a time (`Reading`), so that the loader can give the page back between slices of a large file.

use super::alert::warn_problems;
use crate::data::browser_syntax::syntax_error_from_browser;
use crate::data::field::{Field, Record};
use crate::data::model::Dataset;
use crate::data::problem::{self, syntax_problem, Problem, ProblemKind, SyntaxError};
use crate::data::raw::{DatasetFile, RawDataset};
use crate::data::validate::validate;
use crate::locale::i18n::Lang;
use js_sys::{Array, Object, Reflect};
use serde::de::DeserializeOwned;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// A dataset read and validated, or every problem found in it.
pub(super) type Read = Result<Rc<Dataset>, Rc<[Problem]>>;

/// The lists of the file whose records are read a slice at a time, by their key in the file.
const LISTS: [&str; 6] = ["pillars", "provinces", "indicators", "sources", "targets", "national"];

/// A dataset being read: the file with its lists emptied, read at once, and the lists' records still to
/// read, each handed to serde-wasm-bindgen on its own. Each record is read exactly as it would be inside its
/// list, so the dataset, and every problem validation finds in it, are the same as from one `from_value`.
pub(super) struct Reading {
    /// `None` once a value no JSON text makes was met (see `unreadable`).
    file: Option<DatasetFile>,
    /// The lists still to read, in file order of `LISTS`: which one (its index in `LISTS`), its records and
    /// how many of them are read.
    pending: Vec<(usize, Array, u32)>,
}

impl Reading {
    /// Starts reading `value`, what `JSON.parse` made of a dataset's text. The top-level object's lists are
    /// taken out of it (replaced by empty lists, so its keys and their order stay as they were) and read
    /// later by `read_some`; `value` is the loader's own parse, used for nothing else.
    pub(super) fn start(value: JsValue) -> Reading {
        let mut pending = Vec::new();
        if let Some(object) = value.dyn_ref::<Object>().filter(|_| !Array::is_array(&value)) {
            for (list, key) in LISTS.iter().enumerate() {
                let key = JsValue::from_str(key);
                // An own key only: a key a page added to Object.prototype is not in the file. Not
                // `Object.hasOwn`, which Safari 15.0–15.3 lacks (the module supports Safari 15+).
                #[allow(deprecated)]
                if !object.has_own_property(&key) {
                    continue;
                }
                let Ok(records) = Reflect::get(object, &key).and_then(|r| r.dyn_into::<Array>()) else {
                    continue;
                };
                if Reflect::set(object, &key, &Array::new()).unwrap_or(false) {
                    pending.push((list, records, 0));
                }
            }
        }
        let file = serde_wasm_bindgen::from_value::<DatasetFile>(value).ok();
        Reading { file, pending }
    }

    /// Reads up to `records` more records; returns whether every record is read.
    pub(super) fn read_some(&mut self, records: u32) -> bool {
        let mut budget = records;
        while budget > 0 && !self.pending.is_empty() {
            let Some(Record::Object { fields, .. }) = &mut self.file else {
                // Nothing left to read into: the file is unreadable, or not an object.
                self.pending.clear();
                break;
            };
            let (list, array, next) = &mut self.pending[0];
            let end = array.length().min(next.saturating_add(budget));
            if (*next..end).any(|i| read_record(fields, *list, array.get(i)).is_err()) {
                self.file = None;
                continue;
            }
            budget -= end - *next;
            *next = end;
            if end == array.length() {
                self.pending.remove(0);
            }
        }
        self.pending.is_empty()
    }

    /// Validates what was read (reading what is left first).
    pub(super) fn finish(mut self) -> Read {
        while !self.read_some(u32::MAX) {}
        let read = match &self.file {
            Some(file) => validate(file),
            None => Err(vec![unreadable()]),
        };
        match &read {
            Ok(dataset) => warn_problems(&dataset.warnings),
            Err(problems) => warn_problems(problems),
        }
        read.map(Rc::new).map_err(Rc::from)
    }
}

/// Reads one record of the list `LISTS[list]` into the file's list.
fn read_record(file: &mut RawDataset, list: usize, value: JsValue) -> Result<(), ()> {
    match list {
        0 => push(&mut file.pillars, value),
        1 => push(&mut file.provinces, value),
        2 => push(&mut file.indicators, value),
        3 => push(&mut file.sources, value),
        4 => push(&mut file.targets, value),
        _ => push(&mut file.national, value),
    }
}

fn push<T: DeserializeOwned>(list: &mut Field<Vec<Record<T>>>, value: JsValue) -> Result<(), ()> {
    let record = serde_wasm_bindgen::from_value::<Record<T>>(value).map_err(|_| ())?;
    // The list was read as an empty list when the reading started, so it is a `Value`.
    if let Field::Value(records) = list {
        records.push(record);
    }
    Ok(())
}

/// `Field` and `Record` accept every value JSON can hold; only a value no JSON text makes (a function, a
/// BigInt) fails to read, and the file is then as unreadable as text that is not JSON.
fn unreadable() -> Problem {
    syntax_problem(SyntaxError { position: None, expected: None })
}

/// Reads what `JSON.parse` made of a dataset's text, in one go.
pub(super) fn read(value: JsValue) -> Read {
    Reading::start(value).finish()
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
