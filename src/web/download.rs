//! What a reader can take away: the chart as an SVG or PNG file, and its data or the whole dataset as CSV, each
//! written from the current view when asked for, never ahead of time for readers who never ask.
//!
//! Each file is offered as a `Blob` behind an object URL (`blob:`), never a `data:` URL, which browsers cap
//! (about 2 MB in Chromium: a larger dataset's CSV would not arrive). The URL is revoked a while after the
//! click, by a timer that calls `URL.revokeObjectURL` itself, so the browser never calls into the module for it.

use super::canvas;
use super::controls::CSV_HREF_PREFIX;
use super::html::HTML_NAMESPACE;
use super::state::State;
use crate::chart::framing::Standing;
use crate::chart::layout;
use crate::chart::scene::Scene;
use crate::chart::view::View;
use crate::export::{csv, table, view_csv};
use crate::render::svg;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlElement, Url};

/// How long an object URL outlives the click that offered it. Browsers resolve it when the download starts,
/// at the click; the margin is for slower ones.
const REVOKE_AFTER_MS: i32 = 10_000;

#[derive(Clone, Copy)]
pub(super) enum ImageFormat {
    Svg,
    Png,
}

/// The chart as it is now, as a standalone SVG document (the same text the command line writes).
pub(super) fn svg_text(state: &State) -> String {
    svg::to_svg(&standalone_scene(state), &state.palette)
}

/// The current view laid out as a file that stands alone: with its headline, description, note and source
/// line, which the live chart leaves to the page around it.
fn standalone_scene(state: &State) -> Scene {
    layout::layout_with(&state.dataset, &state.config, state.width, &state.words, Standing::Alone)
}

/// The chart as it is now, as a PNG `data:` URL at `scale` device pixels per pixel.
pub(super) fn png_data_url(state: &State, scale: f64) -> Result<String, JsValue> {
    canvas::png_data_url(&state.document, &standalone_scene(state), &state.palette, scale)
}

/// The whole dataset as CSV, in the reader's language.
pub(super) fn csv_text(state: &State) -> String {
    csv::write_csv(&state.dataset, state.config.lang)
}

/// The chart the reader sees as CSV: its data table's rows and columns, in the reader's language.
pub(super) fn view_csv_text(state: &State) -> String {
    let view = View::new(&state.dataset, &state.config);
    view_csv::write_view_csv(&table::table(&state.dataset, &view, state.config.lang))
}

/// The view CSV's file name: the indicator and the year it shows.
pub(super) fn view_csv_name(state: &State) -> String {
    let indicator = &state.dataset.indicators[state.config.indicator].id;
    match state.config.year {
        Some(year) => format!("province-targets-{indicator}-{year}.csv"),
        None => format!("province-targets-{indicator}.csv"),
    }
}

/// The view CSV link's `href`, as `csv_href` is the whole dataset's.
pub(super) fn view_csv_href(state: &State) -> String {
    csv_url(&view_csv_text(state))
}

/// The CSV link's `href`: a `blob:` URL of the CSV. The click listener sets it before the browser follows the
/// link: the default action reads the `href` after the listeners have run.
pub(super) fn csv_href(state: &State) -> String {
    csv_url(&csv_text(state))
}

fn csv_url(text: &str) -> String {
    object_url(&js_sys::Array::of1(&JsValue::from_str(text)), "text/csv;charset=utf-8").unwrap_or_else(|_| {
        // A browser without Blob URLs: the data in the link, as far as its cap allows.
        format!("{CSV_HREF_PREFIX}{}", String::from(js_sys::encode_uri_component(text)))
    })
}

/// Offers the current chart as a file: SVG text, or PNG drawn on a canvas at twice the size.
pub(super) fn download(state: &State, format: ImageFormat) -> Result<(), JsValue> {
    let (href, extension) = match format {
        ImageFormat::Svg => {
            (object_url(&js_sys::Array::of1(&JsValue::from_str(&svg_text(state))), "image/svg+xml")?, "svg")
        }
        ImageFormat::Png => {
            let bytes = data_url_bytes(state, &png_data_url(state, 2.0)?)?;
            (object_url(&js_sys::Array::of1(&js_sys::Uint8Array::from(&bytes[..])), "image/png")?, "png")
        }
    };
    let link = state.document.create_element_ns(Some(HTML_NAMESPACE), "a")?;
    link.set_attribute("href", &href)?;
    let indicator = &state.dataset.indicators[state.config.indicator].id;
    link.set_attribute("download", &format!("province-targets-{indicator}.{extension}"))?;
    link.dyn_ref::<HtmlElement>().ok_or("not an element")?.click();
    Ok(())
}

/// The bytes of a base64 `data:` URL (the canvas's PNG), decoded by the browser's `atob`.
fn data_url_bytes(state: &State, data_url: &str) -> Result<Vec<u8>, JsValue> {
    let base64 = data_url.split_once(',').map_or("", |(_, data)| data);
    let window = state.document.default_view().ok_or("province-targets: no window")?;
    // `atob` gives one character per byte, each below 256.
    Ok(window.atob(base64)?.chars().map(|c| c as u8).collect())
}

/// An object URL for a `Blob` of `parts` with the media type `mime`, revoked `REVOKE_AFTER_MS` from now.
fn object_url(parts: &js_sys::Array, mime: &str) -> Result<String, JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    // The timer calls `URL.revokeObjectURL(url)` directly: no module callback to guard against a trap.
    let window = web_sys::window().ok_or("province-targets: no window")?;
    let url_class = js_sys::Reflect::get(&window, &JsValue::from_str("URL"))?;
    let revoke: js_sys::Function =
        js_sys::Reflect::get(&url_class, &JsValue::from_str("revokeObjectURL"))?.dyn_into()?;
    let revoke_this: js_sys::Function = revoke.bind1(&url_class, &JsValue::from_str(&url)).unchecked_into();
    window.set_timeout_with_callback_and_timeout_and_arguments_0(&revoke_this, REVOKE_AFTER_MS)?;
    Ok(url)
}
