//! What a reader can take away: the chart as an SVG or PNG file, and the dataset as CSV, each written from
//! the current view when asked for, never ahead of time for readers who never ask.

use super::canvas;
use super::html::HTML_NAMESPACE;
use super::state::State;
use crate::chart::layout;
use crate::export::csv;
use crate::render::svg;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// The CSV link's `href` before a reader follows it.
pub(super) const CSV_HREF_PREFIX: &str = "data:text/csv;charset=utf-8,";

#[derive(Clone, Copy)]
pub(super) enum ImageFormat {
    Svg,
    Png,
}

/// The chart as it is now, as a standalone SVG document (the same text the command line writes).
pub(super) fn svg_text(state: &State) -> String {
    let scene = layout::layout(&state.dataset, &state.config, state.width);
    svg::to_svg(&scene, &state.palette)
}

/// The chart as it is now, as a PNG `data:` URL at `scale` device pixels per pixel.
pub(super) fn png_data_url(state: &State, scale: f64) -> Result<String, JsValue> {
    let scene = layout::layout(&state.dataset, &state.config, state.width);
    canvas::png_data_url(&state.document, &scene, &state.palette, scale)
}

/// The whole dataset as CSV, in the reader's language.
pub(super) fn csv_text(state: &State) -> String {
    csv::write_csv(&state.dataset, state.config.lang)
}

/// The CSV link's `href` with the data in it. The click listener sets it before the browser follows the link:
/// the default action reads the `href` after the listeners have run.
pub(super) fn csv_href(state: &State) -> String {
    format!("{CSV_HREF_PREFIX}{}", String::from(js_sys::encode_uri_component(&csv_text(state))))
}

/// Offers the current chart as a file: SVG text, or PNG drawn on a canvas at twice the size.
pub(super) fn download(state: &State, format: ImageFormat) -> Result<(), JsValue> {
    let (href, extension) = match format {
        ImageFormat::Svg => (
            format!(
                "data:image/svg+xml;charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(&svg_text(state)))
            ),
            "svg",
        ),
        ImageFormat::Png => (png_data_url(state, 2.0)?, "png"),
    };
    let link = state.document.create_element_ns(Some(HTML_NAMESPACE), "a")?;
    link.set_attribute("href", &href)?;
    let indicator = &state.dataset.indicators[state.config.indicator].id;
    link.set_attribute("download", &format!("province-targets-{indicator}.{extension}"))?;
    link.dyn_ref::<HtmlElement>().ok_or("not an element")?.click();
    Ok(())
}
