//! Turns a panic (a bug: every expected failure is an error value) into the same kind of visible alert as a
//! data problem, in every live widget, besides the console line. With `panic = "abort"` the module stops
//! after this, so the alert is what the reader keeps.

use super::html::HTML_NAMESPACE;
use crate::locale::i18n::Lang;
use std::cell::RefCell;
use web_sys::Element;

thread_local! {
    /// The roots of the widgets alive on this page, so that a panic can be shown where the reader looks.
    static LIVE_ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

pub(super) fn remember_root(root: &Element) {
    LIVE_ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
}

pub(super) fn forget_root(root: &Element) {
    LIVE_ROOTS.with(|roots| roots.borrow_mut().retain(|r| r != root));
}

pub(super) fn install_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("province-targets: internal error: {info}").into());
            LIVE_ROOTS.with(|roots| {
                let Ok(roots) = roots.try_borrow() else { return };
                for root in roots.iter() {
                    let lang = root.get_attribute("lang").and_then(|l| Lang::parse(&l)).unwrap_or_default();
                    let Some(document) = root.owner_document() else { continue };
                    let Ok(alert) = document.create_element_ns(Some(HTML_NAMESPACE), "div") else { continue };
                    let _ = alert.set_attribute("class", "pt-alert");
                    let _ = alert.set_attribute("role", "alert");
                    alert.set_text_content(Some(lang.text().internal_error));
                    let _ = root.insert_before(&alert, root.first_child().as_ref());
                }
            });
        }));
    });
}
