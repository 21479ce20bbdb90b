//! Theming: resolving the widget's theme ("light", "dark", or "auto", the reader's preference), marking it
//! on the root for the stylesheet, and reading the chart's palette with any brand colours the host page set
//! as CSS custom properties.

use crate::render::svg::Palette;
use crate::render::theme::ThemeName;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleDeclaration, Element};

/// Marks the resolved theme on `root` and returns the palette to draw with.
pub(super) fn restyle(
    root: &Element,
    theme: &str,
    style: Option<&CssStyleDeclaration>,
) -> Result<Palette, JsValue> {
    // Printed, the chart is light whatever the theme: the loader redraws as printing starts and ends,
    // and widget.css's @media print block gives the widget the light palette.
    let matches = |query: &str| {
        web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
    };
    let theme = match theme {
        _ if matches("print") => ThemeName::Light,
        "dark" => ThemeName::Dark,
        "light" => ThemeName::Light,
        _ if matches("(prefers-color-scheme: dark)") => ThemeName::Dark,
        _ => ThemeName::Light,
    };
    root.set_attribute("data-theme", if theme == ThemeName::Dark { "dark" } else { "light" })?;
    let mut palette = Palette::of(theme);
    let Some(style) = style else { return Ok(palette) };
    let read = |name: &str| {
        style.get_property_value(name).ok().map(|v| v.trim().to_string()).filter(|v| is_css_colour(v))
    };
    for (name, slot) in [
        ("--pt-bg", &mut palette.background),
        ("--pt-text", &mut palette.ink),
        ("--pt-muted", &mut palette.muted),
        ("--pt-grid", &mut palette.grid),
        ("--pt-accent", &mut palette.accent),
    ] {
        if let Some(colour) = read(name) {
            *slot = colour;
        }
    }
    for (i, slot) in palette.series.iter_mut().enumerate() {
        if let Some(colour) = read(&format!("--pt-year-{}", i + 1)) {
            *slot = colour;
        }
    }
    Ok(palette)
}

/// Whether `value` can only be a colour: `#hex`, a name, or `rgb()`/`hsl()` with plain arguments. A value
/// goes into the SVG's presentation attributes, so anything else (a `url()`, a `var()`) is ignored.
fn is_css_colour(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value.chars().all(|c| c.is_ascii_alphanumeric() || " #(),.%/-".contains(c))
}
