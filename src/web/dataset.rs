//! Reading a dataset's text for the widgets: once per URL per page (the loader keeps one `Data` per URL), the
//! result shared by every widget showing it, or kept with its problems when the dataset is broken.

use crate::data::model::Dataset;
use crate::data::problem::{self, Problem, ProblemKind};
use crate::locale::i18n::Lang;
use std::rc::Rc;

/// A dataset read and validated, or every problem found in it.
pub(super) type Read = Result<Rc<Dataset>, Rc<[Problem]>>;

pub(super) fn read(text: &str) -> Read {
    crate::read_dataset(text, js_number).map(Rc::new).map_err(Rc::from)
}

/// The number converter for the rare number the JSON reader cannot convert exactly on its own: JavaScript's
/// own, rather than a second copy of the standard library's float parser in the module.
fn js_number(text: &str) -> f64 {
    js_sys::parse_float(text)
}

/// When the text is not JSON at all: where and what was expected there, in `lang` ("vi" or "en").
pub(super) fn syntax_error(read: &Read, lang: &str) -> Option<String> {
    let lang = Lang::parse(lang).unwrap_or_default();
    read.as_ref().err()?.iter().find_map(|p| match &p.kind {
        ProblemKind::Syntax(error) => Some(problem::describe_syntax(error, lang)),
        _ => None,
    })
}
