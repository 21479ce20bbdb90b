//! The alert a widget shows instead of its chart when the dataset is broken: the first errors, in the
//! reader's language, naming their record and field; the console gets every one of them. A warning never
//! reaches the alert: it is one console line, `warn_problems`.

use super::html::Ui;
use crate::data::problem::Problem;
use crate::locale::i18n::Lang;
use wasm_bindgen::JsValue;
use web_sys::Element;

pub(super) fn show_problems(container: &Element, problems: &[Problem], lang: Lang) -> Result<(), JsValue> {
    // A few are enough to start fixing; a long list would push the article down.
    const SHOWN: usize = 5;
    let text = lang.text();
    let errors: Vec<&Problem> = problems.iter().filter(|p| p.is_error()).collect();
    let mut ui = Ui::default();
    ui.open("div", "pt-alert", &[("role", "alert")]);
    ui.leaf("strong", "", &[], text.data_error_title);
    ui.open("ul", "", &[]);
    for problem in errors.iter().take(SHOWN) {
        ui.leaf("li", "", &[], &problem.message(lang));
    }
    if errors.len() > SHOWN {
        ui.leaf("li", "", &[], &format!("+{} {}", errors.len() - SHOWN, text.data_error_more));
    }
    ui.apply(container)?;
    for problem in errors {
        web_sys::console::error_1(&format!("province-targets: {}", problem.message(Lang::En)).into());
    }
    Ok(())
}

/// One console warning per warning of a dataset, worded as the errors are: once per dataset read, not per
/// widget showing it.
pub(super) fn warn_problems(problems: &[Problem]) {
    for problem in problems.iter().filter(|p| !p.is_error()) {
        web_sys::console::warn_1(&format!("province-targets: {}", problem.message(Lang::En)).into());
    }
}
