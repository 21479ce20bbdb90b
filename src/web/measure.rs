//! What the widget reads from the page's layout: the chart's width and how much of the viewport lies below
//! the widget. Read only on mount, resize and `refresh()`, never inside a reader's click, where a layout read
//! would force the browser to lay out the page in the middle of a render.

use web_sys::{CssStyleDeclaration, Element};

/// The root's computed style: a live object that follows the page, kept for `chart_width` and `restyle`.
pub(super) fn computed_style(el: &Element) -> Option<CssStyleDeclaration> {
    web_sys::window().and_then(|w| w.get_computed_style(el).ok().flatten())
}

/// The width the chart has: the root's, inside its padding (600 px if the root is not laid out yet).
pub(super) fn chart_width(root: &Element, style: Option<&CssStyleDeclaration>) -> f64 {
    let padding = style.map_or(0.0, |style| {
        // parseFloat reads "12px" as 12, and keeps Rust's float parser (~12 KB) out of the module.
        let px = |name: &str| style.get_property_value(name).map_or(f64::NAN, |v| js_sys::parse_float(&v));
        [px("padding-left"), px("padding-right")].iter().filter(|p| p.is_finite()).sum()
    });
    let width = root.client_width() as f64 - padding;
    if width > 0.0 {
        width
    } else {
        600.0
    }
}

/// How much of the viewport lies below `el`'s top edge (more than the viewport when `el` starts above it).
pub(super) fn visible_height(el: &Element) -> f64 {
    match web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()) {
        Some(viewport) => viewport - el.get_bounding_client_rect().top(),
        None => f64::INFINITY,
    }
}
