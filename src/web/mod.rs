//! The browser boundary's exported surface: what the loader and a page may call (`read_data`, `mount`, and
//! the `Data` and `Widget` handles). Each is a thin call into the files beside this one, which split the
//! work by job.
//!
//! This folder is the only one that knows about `wasm_bindgen` and the DOM. Everything a widget shows comes
//! from the pure core (view, layout, details, table, CSV); here it only becomes nodes. Every string from the
//! data is set with `textContent` or `setAttribute`, never parsed as markup.

mod alert;
mod attributes;
mod canvas;
mod controls;
mod dataset;
mod details_height;
mod download;
mod events;
mod framing;
mod html;
mod marked;
mod measure;
mod menu;
mod motion;
mod national_toggle;
mod outbox;
mod panels;
mod patch;
mod phone_order;
mod province_chips;
mod record_reader;
mod speech;
mod state;
mod theme;
mod trap;
mod warm_up;
mod year_control;

use crate::locale::i18n::Lang;
use state::State;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// A mounted widget. Dropping it (`free()` from JavaScript) removes every listener it added.
#[wasm_bindgen]
pub struct Widget {
    state: Rc<RefCell<State>>,
    listeners: Vec<events::Listener>,
    resize_observer: web_sys::ResizeObserver,
    _on_resize: events::ResizeCallback,
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.resize_observer.disconnect();
    }
}

/// A dataset read and validated once per page: every widget showing it shares it.
#[wasm_bindgen]
pub struct Data {
    read: dataset::Read,
}

/// Reads and validates `value`, what the page's `JSON.parse` made of a dataset's text. Never throws: a
/// broken dataset is kept with its problems, which each widget mounted on it shows in its reader's language.
#[wasm_bindgen]
pub fn read_data(value: JsValue) -> Data {
    Data { read: dataset::read(value) }
}

/// Starts reading `value` like `read_data`, for a large dataset: `read_some` reads a slice of its records at a
/// time, so that the loader can give the page back to the reader between slices, and `finish` validates it.
/// The result is the same `Data`, with the same problems, as `read_data(value)`. `value` is emptied of its
/// lists as they are taken over.
#[wasm_bindgen]
pub fn start_reading(value: JsValue) -> DataReader {
    DataReader { reading: dataset::Reading::start(value) }
}

/// A dataset being read (see `start_reading`).
#[wasm_bindgen]
pub struct DataReader {
    reading: dataset::Reading,
}

#[wasm_bindgen]
impl DataReader {
    /// Reads up to `records` more records; true once every record is read.
    pub fn read_some(&mut self, records: u32) -> bool {
        self.reading.read_some(records)
    }

    /// Validates what was read: the `Data` every widget on this dataset shares.
    pub fn finish(self) -> Data {
        Data { read: self.reading.finish() }
    }
}

/// The dataset whose `text` the page's `JSON.parse` refused with `parser_message`: kept as one problem that
/// says where the text stops being JSON.
#[wasm_bindgen]
pub fn read_unparsable_data(text: &str, parser_message: &str) -> Data {
    Data { read: dataset::unparsable(text, parser_message) }
}

#[wasm_bindgen]
impl Data {
    /// When the text is not JSON at all: where and what was expected there, in `lang` ("vi" or "en"), for the
    /// loader's message, which also names the URL.
    pub fn syntax_error(&self, lang: &str) -> Option<String> {
        dataset::syntax_error(&self.read, lang)
    }

    /// Draws the dataset's default view once, into nothing, so that the browser has compiled the drawing
    /// code before the first widget mounts (see `warm_up`). The loader calls it, in a task of its own, after
    /// reading a large dataset. A broken dataset has nothing to draw.
    pub fn warm_up(&self) {
        if let Ok(dataset) = &self.read {
            warm_up::warm_up(dataset);
        }
    }
}

/// For tests only, never called by the loader: makes the module trap as a bug would, with a panic, which
/// the module's build turns into a `WebAssembly.RuntimeError`. `"mount"` traps inside the next `mount`,
/// `"event"` inside the next event a widget's listeners handle (called by the browser, not by the loader);
/// anything else traps at once.
#[wasm_bindgen]
pub fn trap_for_tests(when: &str) {
    trap::arm(when);
}

/// Builds a widget in `container` from `data` (see `read_data`) and `options` (the embed's attribute strings:
/// indicator, year, provinces, lang, theme). Bad data shows an alert in the widget and lists every problem in
/// the console; unknown option values fall back to the defaults with a warning naming the valid ones.
#[wasm_bindgen]
pub fn mount(container: Element, options: JsValue, data: &Data) -> Result<Widget, JsValue> {
    trap::spring(trap::Armed::Mount);
    let document = container.owner_document().ok_or("province-targets: the container has no document")?;
    let options = attributes::read_options(options);
    let lang = options.requested.lang.as_deref().and_then(Lang::parse).unwrap_or_default();
    container.set_text_content(None);
    container.set_attribute("lang", lang.as_str())?;
    // An empty title stops the host element's `title` attribute (an embed option, the editor's headline)
    // from becoming a browser tooltip over the whole widget: advisory text is inherited, and "" ends it.
    container.set_attribute("title", "")?;

    let dataset = match &data.read {
        Ok(dataset) => Rc::clone(dataset),
        Err(problems) => {
            alert::show_problems(&container, problems, lang)?;
            return Err(JsValue::from_str(&format!(
                "province-targets: the dataset has {} problem(s); see the list above",
                problems.len()
            )));
        }
    };
    let state = State::mount(document, &container, dataset, &options)?;
    let listeners = events::wire(&state, &container)?;
    let (resize_observer, _on_resize) = events::observe_width(&state, &container)?;
    Ok(Widget { state, listeners, resize_observer, _on_resize })
}

#[wasm_bindgen]
impl Widget {
    /// The chart as it is now, as a standalone SVG document (the same text the command line writes).
    pub fn svg(&self) -> Result<String, JsValue> {
        Ok(download::svg_text(&*self.read()?))
    }

    /// The chart as it is now, as a PNG `data:` URL drawn at `scale` device pixels per pixel (what
    /// "Tải ảnh (PNG)" downloads at scale 2).
    pub fn png(&self, scale: f64) -> Result<String, JsValue> {
        download::png_data_url(&*self.read()?, scale)
    }

    /// The whole dataset as CSV, as `province-targets csv` writes it.
    pub fn csv(&self) -> Result<String, JsValue> {
        Ok(download::csv_text(&*self.read()?))
    }

    /// Re-reads the width, the colour scheme and the brand colours, and draws again.
    pub fn refresh(&self) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| busy())?;
        state.measure();
        state.restyle()?;
        state.render()
    }

    /// The current view as the embed attributes that would reproduce it:
    /// `{indicator, year, provinces, lang, national}` (`year` is "all" or a year; `provinces` a comma-separated
    /// list; `national` "on" or "off").
    pub fn state(&self) -> Result<JsValue, JsValue> {
        Ok(self.read()?.view_attributes())
    }

    /// Applies the options the page changed to the widget on screen, drawing once and keeping its nodes:
    /// `options` is every option as the page now sets it (as for `mount`), `changed` the names of those
    /// that changed. Returns the warnings for values that do not exist (each keeps its current value); the
    /// view change goes to the page as `province-targets-change` with `source: "page"`.
    pub fn update(&self, options: JsValue, changed: Vec<String>) -> Result<Vec<String>, JsValue> {
        let options = attributes::read_options(options);
        let mut state = self.state.try_borrow_mut().map_err(|_| busy())?;
        let warnings = state.apply_options(&options, &changed);
        drop(state);
        outbox::dispatch_pending();
        warnings
    }

    /// The warnings `update` would give for the same arguments (values that do not exist, each naming the
    /// valid ones), without changing anything.
    pub fn check(&self, options: JsValue, changed: Vec<String>) -> Result<Vec<String>, JsValue> {
        let options = attributes::read_options(options);
        Ok(self.read()?.option_warnings(&options, &changed))
    }

    /// How many listeners the widget holds (for leak tests).
    pub fn listener_count(&self) -> usize {
        self.listeners.len()
    }
}

impl Widget {
    /// The state, unless the widget is drawing now: a page's listener for an event the browser sends
    /// synchronously while the widget draws (a `focusin` as it moves focus) gets an exception, not a trap.
    fn read(&self) -> Result<std::cell::Ref<'_, State>, JsValue> {
        self.state.try_borrow().map_err(|_| busy())
    }
}

fn busy() -> JsValue {
    js_sys::Error::new("province-targets: the widget is drawing; call again after this event").into()
}
