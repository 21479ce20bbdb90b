//! The browser boundary: the only module that knows about `wasm_bindgen` and the DOM.
//!
//! `mount` builds the widget inside a container the loader made in a shadow root, and wires its events.
//! Everything it shows comes from the pure core (view, layout, details, table, CSV); here it only becomes
//! nodes. Every string from the data is set with `textContent` or `setAttribute`, never parsed as markup.

use crate::chart::details::{self, LineKind};
use crate::chart::layout;
use crate::chart::scene::Item;
use crate::chart::view::{ChartConfig, Requested, View};
use crate::data::browser_syntax::syntax_error_from_browser;
use crate::data::model::{Dataset, TargetIdx};
use crate::data::problem::{syntax_problem, SyntaxError};
use crate::data::raw::DatasetFile;
use crate::data::validate::validate;
use crate::export::{csv, table};
use crate::locale::i18n::Lang;
use crate::render::svg::{self, Palette, Sink};
use crate::render::theme::ThemeName;
use crate::render::tree::{self, Change, Tree};

mod canvas;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget, HtmlElement, HtmlSelectElement, KeyboardEvent};

#[wasm_bindgen(module = "/src/web/patch.js")]
extern "C" {
    /// Applies a patch written by `encode` to the chart in `container`, whose elements are `nodes` (in
    /// the last drawing's order); returns the new drawing's elements. See `patch.js` for the encoding.
    #[wasm_bindgen(catch)]
    fn apply_patch(
        container: &Element,
        nodes: &JsValue,
        ops: &[u32],
        text: &str,
        namespace: &str,
    ) -> Result<JsValue, JsValue>;
}

/// The op codes of `apply_patch`'s stream (see `patch.js`).
mod op {
    pub const REMOVE: u32 = 0;
    pub const KEEP: u32 = 1;
    pub const SET_ATTRIBUTE: u32 = 2;
    pub const REMOVE_ATTRIBUTE: u32 = 3;
    pub const SET_TEXT: u32 = 4;
    pub const CREATE: u32 = 5;
}

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";
const CSV_HREF_PREFIX: &str = "data:text/csv;charset=utf-8,";

/// A mounted widget. Dropping it (`free()` from JavaScript) removes every listener it added.
#[wasm_bindgen]
pub struct Widget {
    state: Rc<RefCell<State>>,
    listeners: Vec<Listener>,
    resize_observer: web_sys::ResizeObserver,
    _on_resize: ResizeCallback,
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.resize_observer.disconnect();
        let root = self.state.borrow().root.clone();
        LIVE_ROOTS.with(|roots| roots.borrow_mut().retain(|r| *r != root));
    }
}

/// An event listener that removes itself when dropped, so a freed widget leaves nothing behind.
struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ =
            self.target.remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// Everything a render needs.
struct State {
    document: Document,
    root: Element,
    dataset: Rc<Dataset>,
    config: ChartConfig,
    theme: String,
    parts: Parts,
    /// The target whose details are pinned by a click or tap.
    pinned: Option<TargetIdx>,
    /// The chart's width and colours, measured when they can change (mount, resize, `refresh()`), never
    /// on a reader's click: reading layout or computed style there would force the browser to lay out the
    /// page in the middle of a render.
    width: f64,
    palette: Palette,
    /// The root's computed style (live: it follows the page), read by `measure` and `restyle`.
    style: Option<web_sys::CssStyleDeclaration>,
    /// The chart as last drawn and the summary, so that a render changes only what differs.
    drawn: Tree,
    /// The chart's elements, a JavaScript array in `drawn`'s order, kept by `patch.js`.
    drawn_nodes: JsValue,
    drawn_summary: String,
    /// Rows below the first screen are drawn after the first frame (see `mount`).
    rows_deferred: bool,
}

/// The widget's elements that change after mount.
struct Parts {
    toggles: Vec<Element>,
    indicator: HtmlSelectElement,
    year: HtmlSelectElement,
    summary: Element,
    chart: Element,
    details: Element,
    table_toggle: Element,
    table: Element,
}

/// A dataset read and validated once per page: every widget showing it shares it.
#[wasm_bindgen]
pub struct Data {
    read: Result<Rc<Dataset>, Rc<[crate::Problem]>>,
}

/// Reads and validates `value`, what the page's `JSON.parse` made of a dataset's text. Never throws: a
/// broken dataset is kept with its problems, which each widget mounted on it shows in its reader's language.
#[wasm_bindgen]
pub fn read_data(value: JsValue) -> Data {
    let read = match serde_wasm_bindgen::from_value::<DatasetFile>(value) {
        Ok(file) => validate(&file),
        // `Field` and `Record` accept every value JSON can hold; only a value no JSON text makes (a
        // function, a BigInt) can end up here, and the file is then as unreadable as text that is not JSON.
        Err(_) => Err(vec![syntax_problem(SyntaxError { line: 1, column: 1, expected: None })]),
    };
    Data { read: read.map(Rc::new).map_err(Rc::from) }
}

/// The dataset whose `text` the page's `JSON.parse` refused with `parser_message`: kept as one problem
/// that says where the text stops being JSON.
#[wasm_bindgen]
pub fn read_unparsable_data(text: &str, parser_message: &str) -> Data {
    let problem = syntax_problem(syntax_error_from_browser(text, parser_message));
    Data { read: Err(Rc::from(vec![problem])) }
}

#[wasm_bindgen]
impl Data {
    /// When the text is not JSON at all: where and what was expected there, in `lang` ("vi" or "en"), for the
    /// loader's message, which also names the URL.
    pub fn syntax_error(&self, lang: &str) -> Option<String> {
        let lang = Lang::parse(lang).unwrap_or_default();
        self.read.as_ref().err()?.iter().find_map(|p| match &p.kind {
            crate::data::problem::ProblemKind::Syntax(error) => {
                Some(crate::data::problem::describe_syntax(error, lang))
            }
            _ => None,
        })
    }
}

/// Builds a widget in `container` from `data` (see `read_data`) and `options` (the embed's attribute strings:
/// indicator, year, provinces, lang, theme). Bad data shows an alert in the widget and lists every problem in
/// the console; unknown option values fall back to the defaults with a warning naming the valid ones.
#[wasm_bindgen]
pub fn mount(container: Element, options: JsValue, data: &Data) -> Result<Widget, JsValue> {
    install_panic_hook();
    let document = container.owner_document().ok_or("province-targets: the container has no document")?;
    let requested = Requested {
        indicator: option_string(&options, "indicator"),
        year: option_string(&options, "year"),
        provinces: option_string(&options, "provinces"),
        lang: option_string(&options, "lang"),
    };
    let lang = requested.lang.as_deref().and_then(Lang::parse).unwrap_or_default();
    container.set_text_content(None);
    container.set_attribute("lang", lang.as_str())?;

    let dataset = match &data.read {
        Ok(dataset) => Rc::clone(dataset),
        Err(problems) => {
            show_problems(&container, problems, lang)?;
            return Err(JsValue::from_str(&format!(
                "province-targets: the dataset has {} problem(s); see the list above",
                problems.len()
            )));
        }
    };
    let (config, fallbacks) = ChartConfig::resolve(&dataset, &requested);
    for fallback in &fallbacks {
        web_sys::console::warn_1(&fallback.message().into());
    }
    let theme = match option_string(&options, "theme") {
        Some(theme) if ThemeName::parse(&theme).is_some() => theme,
        Some(theme) => {
            web_sys::console::warn_1(
                &format!(
                    "province-targets: unknown theme \"{theme}\", using the default. Valid values: {}.",
                    ThemeName::CHOICES.join(", ")
                )
                .into(),
            );
            "auto".into()
        }
        None => "auto".into(),
    };

    // Width and colours are read while the container is still empty: the style and layout the browser
    // must compute for them are then tiny, where after building they would cover the whole widget.
    let style = computed_style(&container);
    let width = chart_width(&container, style.as_ref());
    let visible = visible_height(&container);
    let palette = restyle(&container, &theme, style.as_ref())?;
    let parts = build(&container, &dataset, &config)?;
    let state = Rc::new(RefCell::new(State {
        document,
        root: container.clone(),
        dataset,
        config,
        theme,
        parts,
        pinned: None,
        width,
        palette,
        style,
        drawn: Tree::default(),
        drawn_nodes: js_sys::Array::new().into(),
        drawn_summary: String::new(),
        rows_deferred: false,
    }));
    // The first frame gets the rows a reader can see: those starting above the viewport's bottom edge, as
    // seen from the widget's top (the chart starts lower, so this errs towards drawing more). The others are
    // drawn right after that frame; on a 34-province dataset that halves the work before the first paint.
    state.borrow_mut().render_rows_above(visible)?;
    if state.borrow().rows_deferred {
        draw_rest_after_next_frame(&state)?;
    }
    let listeners = wire(&state, &container)?;
    let (resize_observer, _on_resize) = observe_width(&state, &container)?;
    LIVE_ROOTS.with(|roots| roots.borrow_mut().push(container.clone()));
    Ok(Widget { state, listeners, resize_observer, _on_resize })
}

#[wasm_bindgen]
impl Widget {
    /// The chart as it is now, as a standalone SVG document (the same text the command line writes).
    pub fn svg(&self) -> String {
        let state = self.state.borrow();
        let scene = layout::layout(&state.dataset, &state.config, state.width);
        svg::to_svg(&scene, &state.palette)
    }

    /// The chart as it is now, as a PNG `data:` URL drawn at `scale` device pixels per pixel (what
    /// "Tải ảnh (PNG)" downloads at scale 2).
    pub fn png(&self, scale: f64) -> Result<String, JsValue> {
        let state = self.state.borrow();
        let scene = layout::layout(&state.dataset, &state.config, state.width);
        canvas::png_data_url(&state.document, &scene, &state.palette, scale)
    }

    /// The whole dataset as CSV, as `province-targets csv` writes it.
    pub fn csv(&self) -> String {
        let state = self.state.borrow();
        csv::write_csv(&state.dataset, state.config.lang)
    }

    /// Re-reads the width, the colour scheme and the brand colours, and draws again.
    pub fn refresh(&self) -> Result<(), JsValue> {
        let mut state = self.state.borrow_mut();
        state.measure();
        state.restyle()?;
        state.render()
    }

    /// The current view as the embed attributes that would reproduce it:
    /// `{indicator, year, provinces, lang}` (`year` is "all" or a year; `provinces` a comma-separated list).
    pub fn state(&self) -> JsValue {
        self.state.borrow().state_object()
    }

    /// How many listeners the widget holds (for leak tests).
    pub fn listener_count(&self) -> usize {
        self.listeners.len()
    }
}

fn option_string(options: &JsValue, key: &str) -> Option<String> {
    if options.is_undefined() || options.is_null() {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok().and_then(|v| v.as_string())
}

thread_local! {
    /// The roots of the widgets alive on this page, so that a panic can be shown where the reader looks.
    static LIVE_ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Turns a panic (a bug: every expected failure is an error value) into the same kind of visible alert as a
/// data problem, in every live widget, besides the console line. With `panic = "abort"` the module stops
/// after this, so the alert is what the reader keeps.
fn install_panic_hook() {
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

/// The alert shown instead of a chart when the dataset is broken.
fn show_problems(container: &Element, problems: &[crate::Problem], lang: Lang) -> Result<(), JsValue> {
    const SHOWN: usize = 5;
    let text = lang.text();
    let mut ui = Ui::default();
    ui.open("div", "pt-alert", &[("role", "alert")]);
    ui.leaf("strong", "", &[], text.data_error_title);
    ui.open("ul", "", &[]);
    for problem in problems.iter().take(SHOWN) {
        ui.leaf("li", "", &[], &problem.message(lang));
    }
    if problems.len() > SHOWN {
        ui.leaf("li", "", &[], &format!("+{} {}", problems.len() - SHOWN, text.data_error_more));
    }
    ui.apply(container)?;
    for problem in problems {
        web_sys::console::error_1(&format!("province-targets: {}", problem.message(Lang::En)).into());
    }
    Ok(())
}

/// The widget's HTML written as a `Tree`, so that it is created in one call (`apply_patch`), like the chart.
#[derive(Default)]
struct Ui {
    tree: Tree,
}

impl Ui {
    /// Opens an element with a class (if any) and attributes; returns its index, which is its position in
    /// the array of elements `apply_patch` returns.
    fn open(&mut self, tag: &'static str, class: &str, attributes: &[(&'static str, &str)]) -> usize {
        let mut all: Vec<(&'static str, String)> = Vec::with_capacity(attributes.len() + 1);
        if !class.is_empty() {
            all.push(("class", class.to_string()));
        }
        all.extend(attributes.iter().map(|(name, value)| (*name, value.to_string())));
        let index = self.tree.nodes.len();
        self.tree.open(tag, &all);
        index
    }

    fn close(&mut self) {
        self.tree.close("");
    }

    /// An element with text and no children.
    fn leaf(
        &mut self,
        tag: &'static str,
        class: &str,
        attributes: &[(&'static str, &str)],
        text: &str,
    ) -> usize {
        let index = self.open(tag, class, attributes);
        self.tree.text(text);
        self.close();
        index
    }

    /// Creates the tree's elements at the end of `container`, in one call; returns them, in order.
    fn apply(&self, container: &Element) -> Result<js_sys::Array, JsValue> {
        let (ops, strings) = encode(&tree::created(&self.tree), &self.tree);
        Ok(apply_patch(container, &js_sys::Array::new(), &ops, &strings, HTML_NAMESPACE)?.unchecked_into())
    }

    /// A labelled `<select>`: the label wraps it, so a tap on the label opens it and it is named by it.
    fn select_field(&mut self, label: &str) -> usize {
        self.open("label", "pt-field", &[]);
        self.leaf("span", "", &[], label);
        self.open("select", "", &[])
    }
}

/// Builds the controls, the chart area, the details panel, the table and the footer, in one call.
fn build(root: &Element, dataset: &Dataset, config: &ChartConfig) -> Result<Parts, JsValue> {
    let lang = config.lang;
    let text = lang.text();
    let mut ui = Ui::default();
    ui.open("div", "pt-controls", &[]);
    ui.open("div", "pt-provinces", &[("role", "group"), ("aria-label", text.provinces)]);
    let toggles: Vec<usize> = (dataset.provinces.iter().enumerate())
        .map(|(i, province)| {
            let index = i.to_string();
            let pressed = pressed(config.shown.get(i).copied().unwrap_or(false));
            ui.leaf(
                "button",
                "pt-toggle",
                &[("type", "button"), ("data-province", &index), ("aria-pressed", pressed)],
                &province.name_vi,
            )
        })
        .collect();
    ui.close();

    let indicator = ui.select_field(text.indicator);
    for (p, pillar) in dataset.pillars.iter().enumerate() {
        ui.open("optgroup", "", &[("label", lang.pick(&pillar.name_vi, &pillar.name_en))]);
        for (i, ind) in dataset.indicators.iter().enumerate().filter(|(_, ind)| ind.pillar == p) {
            let label = format!(
                "{} ({} {})",
                lang.pick(&ind.label_vi, &ind.label_en),
                dataset.n_provinces_setting(i),
                text.n_provinces
            );
            ui.leaf("option", "", &[("value", &ind.id)], &label);
        }
        ui.close();
    }
    ui.close(); // select
    ui.close(); // label

    let year = ui.select_field(text.year);
    ui.leaf("option", "", &[("value", "all")], text.all_years);
    for y in dataset.years() {
        let y = y.to_string();
        ui.leaf("option", "", &[("value", &y)], &y);
    }
    ui.close(); // select
    ui.close(); // label
    ui.close(); // controls

    // The one-sentence summary is for screen readers: sighted readers have the chart it describes.
    let summary = ui.leaf("p", "pt-summary pt-visually-hidden", &[("aria-live", "polite")], "");
    let chart = ui.open("div", "pt-chart", &[]);
    ui.close();
    let details = ui.leaf("div", "pt-details", &[("aria-live", "polite")], text.details_hint);

    ui.open("div", "pt-actions", &[]);
    let table_toggle = ui.leaf(
        "button",
        "pt-table-toggle",
        &[("type", "button"), ("aria-expanded", "false")],
        text.show_table,
    );
    // The CSV is written when the link is followed (see `on_click`), not for every reader who never asks.
    ui.leaf(
        "a",
        "pt-download pt-csv-download",
        &[("href", CSV_HREF_PREFIX), ("download", "province-targets.csv")],
        text.download_csv,
    );
    ui.leaf("button", "pt-download pt-svg-download", &[("type", "button")], text.download_svg);
    ui.leaf("button", "pt-download pt-png-download", &[("type", "button")], text.download_png);
    ui.close();

    let table = ui.open("div", "pt-table", &[("hidden", "")]);
    ui.close();

    ui.open("footer", "pt-footer", &[]);
    for source in &dataset.sources {
        let province = &dataset.provinces[source.province].name_vi;
        let document_name =
            source.document.as_deref().or(source.document_title.as_deref()).unwrap_or(&source.id);
        let mut line = format!("{province}: {document_name}");
        if let Some(date) = &source.document_date {
            line.push_str(", ");
            line.push_str(&crate::chart::format::date(date, lang));
        }
        if let Some(publisher) = &source.article_publisher {
            line.push_str(" · ");
            line.push_str(publisher);
        }
        ui.leaf("p", "", &[], &line);
    }
    ui.close();

    let nodes = ui.apply(root)?;
    let get = |i: usize| -> Element { nodes.get(i as u32).unchecked_into() };
    // The selects change only by the reader's hand after this (see `on_change`), so they are set once.
    let indicator: HtmlSelectElement = get(indicator).unchecked_into();
    indicator.set_value(&dataset.indicators[config.indicator].id);
    let year: HtmlSelectElement = get(year).unchecked_into();
    year.set_value(&config.year.map_or_else(|| "all".into(), |y| y.to_string()));
    Ok(Parts {
        toggles: toggles.into_iter().map(get).collect(),
        indicator,
        year,
        summary: get(summary),
        chart: get(chart),
        details: get(details),
        table_toggle: get(table_toggle),
        table: get(table),
    })
}

/// An `aria-pressed` value.
fn pressed(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

impl State {
    /// Reads the chart's width from the page; returns whether it changed.
    fn measure(&mut self) -> bool {
        let width = chart_width(&self.root, self.style.as_ref());
        let changed = (width - self.width).abs() >= 1.0;
        self.width = width;
        changed
    }

    /// Resolves the theme and reads the brand colours again (after `theme` changes or the page's scheme does).
    fn restyle(&mut self) -> Result<(), JsValue> {
        self.palette = restyle(&self.root, &self.theme, self.style.as_ref())?;
        Ok(())
    }

    /// Draws the current view: chart, summary, table, details. Only what changed since the last
    /// render reaches the DOM (see `tree::diff`): a reader's toggle moves a few rows, it does not rebuild the SVG.
    fn render(&mut self) -> Result<(), JsValue> {
        self.render_rows_above(f64::INFINITY)
    }

    /// `render`, drawing only the rows whose top is above `limit` (in chart coordinates); the chart keeps its
    /// full height, so the rows drawn later change nothing else.
    fn render_rows_above(&mut self, limit: f64) -> Result<(), JsValue> {
        let mut scene = layout::layout(&self.dataset, &self.config, self.width);
        // Every target in view has a mark, including those in rows left for later.
        if let Some(target) = self.pinned {
            if !scene.marks().any(|mark| mark.target == target) {
                self.pinned = None;
                self.parts.details.set_text_content(Some(self.config.lang.text().details_hint));
            }
        }
        let all_rows = scene.items.len();
        scene.items.retain(|item| !matches!(item, Item::Row(row) if row.top > limit));
        self.rows_deferred = scene.items.len() < all_rows;
        let mut tree = Tree::default();
        svg::emit(&scene, &self.palette, &mut tree);
        self.draw(tree)?;
        if self.drawn_summary != scene.description {
            self.parts.summary.set_text_content(Some(&scene.description));
            self.drawn_summary = scene.description;
        }
        // The table is built when it is open; a closed one is rebuilt on opening.
        if !self.parts.table.has_attribute("hidden") {
            self.render_table()?;
        }
        Ok(())
    }

    /// Makes the chart's DOM match `tree` (see `tree::diff`): kept elements get their changed attributes and
    /// texts, elements that went are removed, new ones are created in place. The patch crosses into
    /// JavaScript once (`patch.js`), as a stream of numbers and one string holding every string it needs.
    fn draw(&mut self, tree: Tree) -> Result<(), JsValue> {
        let patch = tree::diff(&self.drawn, &tree);
        let (ops, strings) = encode(&patch, &tree);
        self.drawn_nodes =
            apply_patch(&self.parts.chart, &self.drawn_nodes, &ops, &strings, svg::SVG_NAMESPACE)?;
        self.drawn = tree;
        Ok(())
    }

    fn render_table(&self) -> Result<(), JsValue> {
        let view = View::new(&self.dataset, &self.config);
        let data = table::table(&self.dataset, &view, self.config.lang);
        let mut ui = Ui::default();
        ui.open("table", "", &[]);
        ui.leaf("caption", "", &[], &data.caption);
        ui.open("thead", "", &[]);
        ui.open("tr", "", &[]);
        for header in data.headers {
            ui.leaf("th", "", &[("scope", "col")], header);
        }
        ui.close();
        ui.close();
        ui.open("tbody", "", &[]);
        for row in &data.rows {
            ui.open("tr", "", &[]);
            for (i, cell) in row.iter().enumerate() {
                match i {
                    0 => ui.leaf("th", "", &[("scope", "row")], cell),
                    _ => ui.leaf("td", "", &[], cell),
                };
            }
            ui.close();
        }
        self.parts.table.set_text_content(None);
        ui.apply(&self.parts.table)?;
        Ok(())
    }

    /// Shows the quote and source of `target` in the details panel.
    fn show_details(&self, target: TargetIdx) -> Result<(), JsValue> {
        let mut ui = Ui::default();
        for line in details::details(&self.dataset, target, self.config.lang) {
            let (tag, class, attributes): (_, _, &[_]) = match line.kind {
                LineKind::Heading => ("strong", "pt-details-heading", &[]),
                LineKind::Value => ("p", "pt-details-value", &[]),
                LineKind::Quote => ("blockquote", "pt-quote", &[("lang", "vi")]),
                LineKind::Fact => ("p", "pt-details-fact", &[]),
                LineKind::AdminNote => ("p", "pt-details-admin", &[]),
            };
            ui.leaf(tag, class, attributes, &line.text);
        }
        self.parts.details.set_text_content(None);
        ui.apply(&self.parts.details)?;
        Ok(())
    }

    fn toggle_province(&mut self, province: usize) -> Result<(), JsValue> {
        if let (Some(shown), Some(toggle)) =
            (self.config.shown.get_mut(province), self.parts.toggles.get(province))
        {
            *shown = !*shown;
            toggle.set_attribute("aria-pressed", pressed(*shown))?;
        }
        self.render()?;
        self.announce_change()
    }

    fn state_object(&self) -> JsValue {
        let object = js_sys::Object::new();
        let provinces: Vec<&str> = self
            .dataset
            .provinces
            .iter()
            .zip(&self.config.shown)
            .filter(|(_, shown)| **shown)
            .map(|(p, _)| p.id.as_str())
            .collect();
        let year = self.config.year.map(|y| y.to_string()).unwrap_or_else(|| "all".into());
        for (key, value) in [
            ("indicator", self.dataset.indicators[self.config.indicator].id.as_str()),
            ("year", year.as_str()),
            ("provinces", &provinces.join(",")),
            ("lang", self.config.lang.as_str()),
        ] {
            let _ = js_sys::Reflect::set(&object, &key.into(), &value.into());
        }
        object.into()
    }

    /// Tells the page the reader changed the view (`province-targets-change`, detail: `state()`), so a page
    /// can keep it in its URL or an embed builder can show the matching code. It crosses the shadow root.
    fn announce_change(&self) -> Result<(), JsValue> {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&self.state_object());
        let event = web_sys::CustomEvent::new_with_event_init_dict("province-targets-change", &init)?;
        self.root.dispatch_event(&event)?;
        Ok(())
    }

    fn toggle_table(&self) -> Result<(), JsValue> {
        let text = self.config.lang.text();
        let open = self.parts.table.has_attribute("hidden");
        if open {
            self.render_table()?;
            self.parts.table.remove_attribute("hidden")?;
        } else {
            self.parts.table.set_attribute("hidden", "")?;
        }
        self.parts.table_toggle.set_attribute("aria-expanded", if open { "true" } else { "false" })?;
        self.parts.table_toggle.set_text_content(Some(if open { text.hide_table } else { text.show_table }));
        Ok(())
    }

    /// Offers the current chart as a file: SVG text, or PNG drawn on a canvas at twice the size.
    fn download(&self, format: ImageFormat) -> Result<(), JsValue> {
        let scene = layout::layout(&self.dataset, &self.config, self.width);
        let href = match format {
            ImageFormat::Svg => format!(
                "data:image/svg+xml;charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(&svg::to_svg(&scene, &self.palette)))
            ),
            ImageFormat::Png => canvas::png_data_url(&self.document, &scene, &self.palette, 2.0)?,
        };
        let link = self.document.create_element_ns(Some(HTML_NAMESPACE), "a")?;
        link.set_attribute("href", &href)?;
        let indicator = &self.dataset.indicators[self.config.indicator].id;
        let extension = match format {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
        };
        link.set_attribute("download", &format!("province-targets-{indicator}.{extension}"))?;
        link.dyn_ref::<HtmlElement>().ok_or("not an element")?.click();
        Ok(())
    }
}

/// `patch` (which makes `tree` from what was drawn before) as `apply_patch`'s op stream and strings.
fn encode(patch: &tree::Patch, tree: &Tree) -> (Vec<u32>, String) {
    let mut ops: Vec<u32> = Vec::with_capacity(patch.remove.len() * 2 + tree.nodes.len() * 12);
    let mut strings = String::new();
    // Appends `s` to the strings and its length, in UTF-16 code units (how JavaScript slices), plus `plus`
    // to the ops.
    fn put(ops: &mut Vec<u32>, strings: &mut String, s: &str, plus: u32) {
        strings.push_str(s);
        ops.push(s.encode_utf16().count() as u32 + plus);
    }
    for &old in &patch.remove {
        ops.extend([op::REMOVE, old as u32]);
    }
    for (i, old) in patch.reuse.iter().enumerate() {
        if let Some(old) = old {
            ops.extend([op::KEEP, i as u32, *old as u32]);
        }
    }
    for change in &patch.changes {
        match *change {
            Change::SetAttribute { node, name, value } => {
                ops.extend([op::SET_ATTRIBUTE, node as u32]);
                put(&mut ops, &mut strings, name, 0);
                put(&mut ops, &mut strings, value, 0);
            }
            Change::RemoveAttribute { node, name } => {
                ops.extend([op::REMOVE_ATTRIBUTE, node as u32]);
                put(&mut ops, &mut strings, name, 0);
            }
            Change::SetText { node, text } => {
                ops.extend([op::SET_TEXT, node as u32]);
                put(&mut ops, &mut strings, text, 0);
            }
        }
    }
    // In document order, so each new element's parent and the kept sibling it goes before exist.
    let plus_one = |i: Option<usize>| i.map_or(0, |i| i as u32 + 1);
    for (i, node) in tree.nodes.iter().enumerate() {
        if patch.reuse[i].is_some() {
            continue;
        }
        ops.extend([op::CREATE, i as u32, plus_one(node.parent), plus_one(patch.before[i])]);
        put(&mut ops, &mut strings, node.tag, 0);
        // The namespace comes with createElementNS; as an attribute it would only be noise.
        let attributes = || node.attributes.iter().filter(|(name, _)| *name != "xmlns");
        ops.push(attributes().count() as u32);
        for (name, value) in attributes() {
            put(&mut ops, &mut strings, name, 0);
            put(&mut ops, &mut strings, value, 0);
        }
        match &node.text {
            Some(t) => put(&mut ops, &mut strings, t, 1),
            None => ops.push(0),
        }
    }
    (ops, strings)
}

#[derive(Clone, Copy)]
enum ImageFormat {
    Svg,
    Png,
}

/// The width the chart has: the root's, inside its padding (600 px if the root is not laid out yet).
fn chart_width(root: &Element, style: Option<&web_sys::CssStyleDeclaration>) -> f64 {
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
fn visible_height(el: &Element) -> f64 {
    match web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()) {
        Some(viewport) => viewport - el.get_bounding_client_rect().top(),
        None => f64::INFINITY,
    }
}

/// Draws the deferred rows in a task after the next frame (rAF, then a timeout), so that frame is not
/// delayed by them. A reader's action before then draws everything anyway; the task then finds nothing to do.
fn draw_rest_after_next_frame(state: &Rc<RefCell<State>>) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("province-targets: no window")?;
    let weak = Rc::downgrade(state);
    let draw_rest = Closure::once_into_js(move || {
        let Some(state) = weak.upgrade() else { return };
        let Ok(mut state) = state.try_borrow_mut() else { return };
        if state.rows_deferred {
            if let Err(error) = state.render() {
                web_sys::console::error_1(&error);
            }
        }
    });
    let after_frame = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(draw_rest.unchecked_ref());
        }
    });
    window.request_animation_frame(after_frame.unchecked_ref())?;
    Ok(())
}

fn computed_style(el: &Element) -> Option<web_sys::CssStyleDeclaration> {
    web_sys::window().and_then(|w| w.get_computed_style(el).ok().flatten())
}

/// Resolves `theme` ("light", "dark", or "auto": the reader's preference), marks it on the root for the
/// stylesheet, and reads the palette, with any brand colours the host page set as CSS custom properties.
fn restyle(
    root: &Element,
    theme: &str,
    style: Option<&web_sys::CssStyleDeclaration>,
) -> Result<Palette, JsValue> {
    let theme = match theme {
        "dark" => ThemeName::Dark,
        "light" => ThemeName::Light,
        _ => {
            let dark = web_sys::window()
                .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
                .is_some_and(|m| m.matches());
            if dark {
                ThemeName::Dark
            } else {
                ThemeName::Light
            }
        }
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

/// Whether `value` can only be a colour: `#hex`, a name, or `rgb()`/`hsl()` with plain arguments.
fn is_css_colour(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value.chars().all(|c| c.is_ascii_alphanumeric() || " #(),.%/-".contains(c))
}

/// Adds one delegated listener per event kind on the widget's root.
fn wire(state: &Rc<RefCell<State>>, root: &Element) -> Result<Vec<Listener>, JsValue> {
    let mut listeners = Vec::new();
    let mut listen =
        |kind: &'static str, handler: fn(&mut State, &Event) -> Result<(), JsValue>| -> Result<(), JsValue> {
            let state = Rc::clone(state);
            let closure = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                let Ok(mut state) = state.try_borrow_mut() else { return };
                if let Err(error) = handler(&mut state, &event) {
                    web_sys::console::error_1(&error);
                }
            });
            let target: EventTarget = root.clone().into();
            target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
            listeners.push(Listener { target, kind, closure });
            Ok(())
        };
    listen("click", on_click)?;
    listen("change", on_change)?;
    listen("focusin", on_focus)?;
    listen("pointerover", on_focus)?;
    listen("keydown", on_key)?;

    Ok(listeners)
}

type ResizeCallback = Closure<dyn FnMut(JsValue)>;

/// Draws again when the widget's width changes (rotation, resizing, a late stylesheet).
fn observe_width(
    state: &Rc<RefCell<State>>,
    root: &Element,
) -> Result<(web_sys::ResizeObserver, ResizeCallback), JsValue> {
    let state = Rc::clone(state);
    let on_resize = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| {
        let Ok(mut state) = state.try_borrow_mut() else { return };
        if state.measure() {
            if let Err(error) = state.render() {
                web_sys::console::error_1(&error);
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    observer.observe(root);
    Ok((observer, on_resize))
}

fn target_element(event: &Event) -> Option<Element> {
    event.target().and_then(|t| t.dyn_into::<Element>().ok())
}

fn mark_of(event: &Event) -> Option<TargetIdx> {
    let mark = target_element(event)?.closest(".pt-mark").ok()??;
    mark.get_attribute("data-target")?.parse().ok()
}

fn on_click(state: &mut State, event: &Event) -> Result<(), JsValue> {
    let Some(el) = target_element(event) else { return Ok(()) };
    if let Some(toggle) = el.closest(".pt-toggle")? {
        if let Some(province) = toggle.get_attribute("data-province").and_then(|p| p.parse().ok()) {
            return state.toggle_province(province);
        }
    }
    if el.closest(".pt-table-toggle")?.is_some() {
        return state.toggle_table();
    }
    if el.closest(".pt-svg-download")?.is_some() {
        return state.download(ImageFormat::Svg);
    }
    if el.closest(".pt-png-download")?.is_some() {
        return state.download(ImageFormat::Png);
    }
    if let Some(link) = el.closest(".pt-csv-download")? {
        // Set before the browser follows the link: the default action reads the href after this listener.
        let csv_text = csv::write_csv(&state.dataset, state.config.lang);
        let href = format!("{CSV_HREF_PREFIX}{}", String::from(js_sys::encode_uri_component(&csv_text)));
        return link.set_attribute("href", &href);
    }
    if let Some(target) = mark_of(event) {
        state.pinned = Some(target);
        return state.show_details(target);
    }
    Ok(())
}

fn on_change(state: &mut State, event: &Event) -> Result<(), JsValue> {
    let Some(el) = target_element(event) else { return Ok(()) };
    let Ok(select) = el.dyn_into::<HtmlSelectElement>() else { return Ok(()) };
    let value = select.value();
    if select == state.parts.indicator {
        if let Some(i) = state.dataset.indicator_by_id(&value) {
            state.config.indicator = i;
        }
    } else if select == state.parts.year {
        state.config.year = value.parse().ok();
    }
    state.render()?;
    state.announce_change()
}

fn on_focus(state: &mut State, event: &Event) -> Result<(), JsValue> {
    match mark_of(event) {
        Some(target) => state.show_details(target),
        None => Ok(()),
    }
}

/// Arrow keys move between marks; Enter and Space pin the focused one.
fn on_key(state: &mut State, event: &Event) -> Result<(), JsValue> {
    let Some(key_event) = event.dyn_ref::<KeyboardEvent>() else { return Ok(()) };
    let Some(current) = mark_of(event) else { return Ok(()) };
    let marks = state.parts.chart.query_selector_all(".pt-mark")?;
    let n = marks.length();
    let position = (0..n).find(|&i| {
        marks
            .item(i)
            .and_then(|m| m.dyn_into::<Element>().ok())
            .and_then(|m| m.get_attribute("data-target"))
            .and_then(|t| t.parse::<usize>().ok())
            == Some(current)
    });
    let Some(position) = position else { return Ok(()) };
    let next = match key_event.key().as_str() {
        "ArrowRight" | "ArrowDown" => (position + 1).min(n - 1),
        "ArrowLeft" | "ArrowUp" => position.saturating_sub(1),
        "Home" => 0,
        "End" => n - 1,
        "Enter" | " " => {
            event.prevent_default();
            state.pinned = Some(current);
            return state.show_details(current);
        }
        _ => return Ok(()),
    };
    event.prevent_default();
    if let Some(mark) = marks.item(next).and_then(|m| m.dyn_into::<web_sys::SvgElement>().ok()) {
        mark.focus()?;
    }
    Ok(())
}
