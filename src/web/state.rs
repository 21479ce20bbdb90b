//! A mounted widget's state (the dataset, the reader's choices, the parts of the page it changes, what was
//! last drawn) and the renders that bring the page in line with it after each change.
//!
//! The parts of the page that keep their own memory of what they last showed (the framing, the year
//! control, the faded marks) are components with private fields that only this file imports; they are
//! handed the parts and the view they show, and none of them knows `State`.

use super::attributes::{self, Options};
use super::controls::{self, Parts};
use super::framing::Framing;
use super::html::Ui;
use super::marked::Marked;
use super::motion::Motion;
use super::year_control::{self, YearControl};
use super::{measure, patch, speech, theme, trap};
use crate::chart::announcement;
use crate::chart::framing::{EditorWords, Standing};
use crate::chart::layout;
use crate::chart::navigation::{Focus, MarkGrid};
use crate::chart::opening::opening_target;
use crate::chart::scene::Item;
use crate::chart::view::{ChartConfig, View};
use crate::data::model::Dataset;
use crate::render::svg::{self, Palette};
use crate::render::tree::{self, Tree};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleDeclaration, Document, Element};

/// Everything a render needs.
pub(super) struct State {
    pub document: Document,
    pub root: Element,
    pub dataset: Rc<Dataset>,
    pub config: ChartConfig,
    pub theme: String,
    /// The editor's title, subtitle and note (`framing.rs` shows them; the downloads draw them).
    pub words: EditorWords,
    pub parts: Parts,
    /// The target or national line whose details are pinned by a click, a tap, Enter or Space, until Escape
    /// or a second press.
    pub pinned: Option<Focus>,
    /// The mark or national line that holds the chart's one Tab stop (`tabindex="0"`; every other has -1):
    /// the first mark until the reader moves inside the chart, then the last one they reached while in view.
    pub active: Option<Focus>,
    /// Whether the reader chose `active` (focus, click, keys), rather than it being the first mark.
    active_chosen: bool,
    /// The drawn marks by position, for the arrow keys.
    pub grid: MarkGrid,
    /// The chart's width and colours, measured when they can change (mount, resize, `refresh()`), never
    /// on a reader's click: reading layout or computed style there would force the browser to lay out the
    /// page in the middle of a render.
    pub width: f64,
    pub palette: Palette,
    /// The root's computed style (live: it follows the page), read by `measure` and `restyle`.
    style: Option<CssStyleDeclaration>,
    /// The chart as last drawn and the summary, so that a render changes only what differs.
    drawn: Tree,
    /// The chart's elements, a JavaScript array in `drawn`'s order, kept by `patch.js`.
    drawn_nodes: JsValue,
    drawn_summary: String,
    /// The view as last drawn, so that a render can say what changed (`chart::announcement`). It starts as
    /// the first view: mounting says nothing, the page has just shown the whole widget.
    drawn_config: ChartConfig,
    /// What the headline, description, note and source line last showed (`framing.rs`).
    framing: Framing,
    /// Rows below the first screen are drawn after the first frame (see `mount`).
    pub rows_deferred: bool,
    /// What the year segments and the empty-year message last showed (`year_control`).
    year_control: YearControl,
    /// Whether a mark is hovered or focused, which fades the others (`marked.rs`).
    marked: Marked,
}

impl State {
    /// Builds the widget in `root` and draws its first view. Unknown options fall back with a warning.
    pub(super) fn mount(
        document: Document,
        root: &Element,
        dataset: Rc<Dataset>,
        options: &Options,
    ) -> Result<Rc<RefCell<State>>, JsValue> {
        let (config, theme) = attributes::resolve(&dataset, options);
        // Width and colours are read while the container is still empty: the style and layout the browser
        // must compute for them are then tiny, where after building they would cover the whole widget.
        let style = measure::computed_style(root);
        let width = measure::chart_width(root, style.as_ref());
        let visible = measure::visible_height(root);
        let palette = theme::restyle(root, &theme, style.as_ref())?;
        let parts = controls::build(root, &dataset, &config, options.controls)?;
        let state = Rc::new(RefCell::new(State {
            document,
            root: root.clone(),
            dataset,
            config: config.clone(),
            theme,
            words: options.words.clone(),
            parts,
            pinned: None,
            active: None,
            active_chosen: false,
            grid: MarkGrid::default(),
            width,
            palette,
            style,
            drawn: Tree::default(),
            drawn_nodes: js_sys::Array::new().into(),
            drawn_summary: String::new(),
            drawn_config: config,
            framing: Framing::default(),
            rows_deferred: false,
            year_control: YearControl::default(),
            marked: Marked::default(),
        }));
        // The first frame gets the rows a reader can see: those starting above the viewport's bottom edge, as
        // seen from the widget's top (the chart starts lower, so this errs towards drawing more). The others
        // are drawn right after that frame; on a 34-province dataset that halves the work before the first
        // paint.
        state.borrow_mut().render_rows_above(visible)?;
        if state.borrow().rows_deferred {
            draw_rest_after_next_frame(&state)?;
        }
        Ok(state)
    }

    /// Reads the chart's width from the page; returns whether it changed.
    pub(super) fn measure(&mut self) -> bool {
        let width = measure::chart_width(&self.root, self.style.as_ref());
        let changed = (width - self.width).abs() >= 1.0;
        self.width = width;
        changed
    }

    /// Resolves the theme and reads the brand colours again (after `theme` changes or the page's scheme does).
    pub(super) fn restyle(&mut self) -> Result<(), JsValue> {
        self.palette = theme::restyle(&self.root, &self.theme, self.style.as_ref())?;
        Ok(())
    }

    /// Draws the current view: chart, summary, table, details. Only what changed since the last
    /// render reaches the DOM (see `tree::diff`): a reader's toggle moves a few rows, it does not rebuild the SVG.
    /// A change of view is said once, in the live region, as what changed (`announcement::change_sentence`):
    /// the summary paragraph is not live, so a screen reader is not read the whole view after every toggle.
    pub(super) fn render(&mut self) -> Result<(), JsValue> {
        self.render_rows_above(f64::INFINITY)?;
        if self.drawn_config != self.config {
            let sentence = announcement::change_sentence(&self.dataset, &self.drawn_config, &self.config);
            if !sentence.is_empty() {
                self.say(&sentence);
            }
            self.drawn_config = self.config.clone();
        }
        Ok(())
    }

    /// `render`, drawing only the rows whose top is above `limit` (in chart coordinates); the chart keeps its
    /// full height, so the rows drawn later change nothing else.
    fn render_rows_above(&mut self, limit: f64) -> Result<(), JsValue> {
        // Where the chart's marks are, read before this render changes anything on the page (the layout is
        // still the last frame's, so the read costs nothing). The rows a first drawing left for later arrive
        // without motion: they complete it, no view changed.
        let motion = Motion::measure(&self.parts.chart, &self.drawn_nodes, !self.rows_deferred);
        let mut scene =
            layout::layout_with(&self.dataset, &self.config, self.width, &self.words, Standing::InPage);
        // Every target and national line in view is in the grid, including those in rows left for later.
        self.grid = MarkGrid::of(&scene);
        if self.pinned.is_some_and(|focus| !self.grid.contains(focus)) {
            self.pinned = None;
        }
        let view = View::new(&self.dataset, &self.config);
        self.framing.render(&self.parts, &self.dataset, &self.config, &self.words, &view)?;
        // Unpinned, the panel holds the view's most telling target, never an empty box (see `opening`).
        if self.pinned.is_none() {
            self.show_opening(opening_target(&self.dataset, &view))?;
        }
        let kept = self.active_chosen && self.active.is_some_and(|target| self.grid.contains(target));
        if !kept {
            self.active = self.pinned.or(self.grid.first());
            self.active_chosen = self.pinned.is_some();
        }
        let all_rows = scene.items.len();
        scene.items.retain(|item| !matches!(item, Item::Row(row) if row.top > limit));
        self.rows_deferred = scene.items.len() < all_rows;
        let mut tree = Tree::default();
        svg::emit(&scene, &self.palette, &mut tree);
        speech::for_speech(&mut tree, self.config.lang);
        if let Some(active) = self.active {
            let (name, value) = active.attribute();
            tree.set_attribute_where((name, &value), ("tabindex", "0"));
        }
        self.draw(tree, motion)?;
        self.year_control.sync(&self.parts, &self.dataset, &self.config)?;
        self.place_controls()?;
        self.sync_national_toggle()?;
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
    /// `motion`, measured before, then moves the chart to it (see `motion.js`).
    fn draw(&mut self, tree: Tree, motion: Motion) -> Result<(), JsValue> {
        let patch = tree::diff(&self.drawn, &tree);
        let leaving = motion.leaving();
        self.drawn_nodes = patch::apply_leaving(
            &self.parts.chart,
            &self.drawn_nodes,
            &patch,
            &tree,
            svg::SVG_NAMESPACE,
            &leaving,
        )?;
        self.drawn = tree;
        motion.play(&self.drawn_nodes);
        Ok(())
    }

    /// Moves the chart's Tab stop to `focus`'s mark or line, in the page and in the drawn tree alike (so the
    /// next render's diff starts from what the page shows).
    pub(super) fn set_active(&mut self, focus: Focus) -> Result<(), JsValue> {
        self.active_chosen = true;
        let Some(was) = self.active.replace(focus).filter(|was| *was != focus) else { return Ok(()) };
        for (focus, tabindex) in [(was, "-1"), (focus, "0")] {
            let (name, value) = focus.attribute();
            self.drawn.set_attribute_where((name, &value), ("tabindex", tabindex));
            if let Some(element) = self.focus_element(focus)? {
                element.set_attribute("tabindex", tabindex)?;
            }
        }
        Ok(())
    }

    /// The drawn mark or national line of `focus`, if it is in the page.
    pub(super) fn focus_element(&self, focus: Focus) -> Result<Option<Element>, JsValue> {
        let (name, value) = focus.attribute();
        self.parts.chart.query_selector(&format!("[{name}=\"{value}\"]"))
    }

    pub(super) fn toggle_province(&mut self, province: usize) -> Result<(), JsValue> {
        if let (Some(shown), Some(toggle)) =
            (self.config.shown.get_mut(province), self.parts.toggles.get(province))
        {
            *shown = !*shown;
            toggle.set_attribute("aria-pressed", controls::pressed(*shown))?;
        }
        self.render()?;
        self.announce_change()
    }

    /// The reader chose `year` (a segment, an arrow key, or a button of the empty-year message).
    pub(super) fn choose_year(&mut self, year: Option<u16>) -> Result<(), JsValue> {
        self.config.year = year;
        self.render()?;
        self.announce_change()
    }

    /// The segment of `year`, to move focus to after an arrow key or an empty-year button.
    pub(super) fn year_segment(&self, year: Option<u16>) -> Option<&Element> {
        year_control::segment(&self.parts, year)
    }

    /// The pointer entered a mark (`true`) or went elsewhere (`false`): the other marks fade while it is there.
    pub(super) fn mark_hovered(&mut self, hovered: bool) -> Result<(), JsValue> {
        self.marked.set_hovered(&self.parts.chart, hovered)
    }

    /// Focus went to a mark (`true`) or elsewhere (`false`).
    pub(super) fn mark_focused(&mut self, focused: bool) -> Result<(), JsValue> {
        self.marked.set_focused(&self.parts.chart, focused)
    }

    /// Says what has focus in the live region, in one short sentence (`speech::focus_sentence`).
    pub(super) fn say_focus(&self, focus: Focus) {
        self.say(&speech::focus_sentence(&self.dataset, focus, self.config.lang));
    }

    /// Says what the reader pinned with Enter: a mark's quote, a national line's document.
    pub(super) fn say_pinned(&self, focus: Focus) {
        if let Some(pinned) = speech::pinned_sentence(&self.dataset, focus, self.config.lang) {
            self.say(&pinned.said);
            if let Some(quote) = pinned.vietnamese {
                let mut ui = Ui::default();
                ui.leaf("span", "", &[("lang", "vi")], &quote);
                let _ = ui.apply(&self.parts.live);
            }
        }
    }

    fn say(&self, sentence: &str) {
        self.parts.live.set_text_content(Some(sentence));
    }

    /// The current view as the embed attributes that reproduce it (`Widget.state()`, the event's detail).
    pub(super) fn view_attributes(&self) -> JsValue {
        attributes::view_attributes(&self.dataset, &self.config)
    }

    /// Applies the options the page changed (`changed` names them; `options` holds every option as the
    /// page now sets it) to the widget on screen and draws once through the usual patch: the chart keeps
    /// its nodes, and the reader's choices the page did not name (provinces, year, pinned details, an open
    /// table) stay where they still apply. Returns the warning for each value that does not exist; those
    /// choices keep their current value. A change of view is said once (what changed, in the live region) and
    /// sent to the page as `province-targets-change` with `source: "page"`.
    pub(super) fn apply_options(
        &mut self,
        options: &Options,
        changed: &[String],
    ) -> Result<Vec<String>, JsValue> {
        let changed: Vec<&str> = changed.iter().map(String::as_str).collect();
        let (config, fallbacks) = self.config.with_changes(&self.dataset, &options.requested, &changed);
        let mut warnings: Vec<String> = fallbacks.iter().map(|f| f.message_kept()).collect();
        if changed.contains(&"theme") {
            // Unlike the view's choices, an unknown theme falls back to the default, as on mount: the widget's
            // background follows the attribute in CSS, where an unknown value is light, and the chart must agree.
            let (theme, checked) = attributes::resolve_theme(options.theme.as_deref());
            if let Err(warning) = checked {
                warnings.push(warning);
            }
            self.theme = theme;
            self.restyle()?;
        }
        if changed.iter().any(|name| matches!(*name, "title" | "subtitle" | "note" | "credit")) {
            self.words = options.words.clone();
        }
        let view_changed = config != self.config;
        if view_changed {
            for (shown, toggle) in config.shown.iter().zip(&self.parts.toggles) {
                toggle.set_attribute("aria-pressed", controls::pressed(*shown))?;
            }
            if config.indicator != self.config.indicator {
                self.parts.indicator.set_value(&self.dataset.indicators[config.indicator].id);
            }
            self.config = config;
        }
        self.render()?;
        // The render said what changed in the live region: that is the one announcement.
        if view_changed {
            self.announce_change_from("page")?;
        }
        for warning in &warnings {
            web_sys::console::warn_1(&warning.into());
        }
        Ok(warnings)
    }

    /// The warnings `apply_options` would give for these options, without applying anything: the page's
    /// API refuses a batch with an unknown value as a whole, so the view stays as it was.
    pub(super) fn option_warnings(&self, options: &Options, changed: &[String]) -> Vec<String> {
        let changed: Vec<&str> = changed.iter().map(String::as_str).collect();
        let (_, fallbacks) = self.config.with_changes(&self.dataset, &options.requested, &changed);
        let mut warnings: Vec<String> = fallbacks.iter().map(|f| f.message_kept()).collect();
        if changed.contains(&"theme") {
            if let Err(warning) = attributes::resolve_theme(options.theme.as_deref()).1 {
                warnings.push(warning);
            }
        }
        if changed.contains(&"layout") {
            warnings.extend(options.layout_warning.clone());
        }
        warnings
    }

    /// Tells the page the reader changed the view (`province-targets-change`, detail: `state()`), so a page
    /// can keep it in its URL or an embed builder can show the matching code. It crosses the shadow root.
    /// It is sent once the state is released, so a listener may call any of the widget's methods.
    pub(super) fn announce_change(&self) -> Result<(), JsValue> {
        self.announce_change_from("reader")
    }

    /// `announce_change`, saying who changed the view in `detail.source` (`"reader"` or `"page"`), so a page
    /// that listens and sets does not loop.
    pub(super) fn announce_change_from(&self, source: &str) -> Result<(), JsValue> {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        let detail = self.view_attributes();
        js_sys::Reflect::set(&detail, &"source".into(), &source.into())?;
        init.set_detail(&detail);
        let event = web_sys::CustomEvent::new_with_event_init_dict("province-targets-change", &init)?;
        super::outbox::dispatch_after_release(&self.root, event);
        Ok(())
    }
}

/// Draws the deferred rows in a task after the next frame (rAF, then a timeout), so that frame is not
/// delayed by them. A reader's action before then draws everything anyway; the task then finds nothing to do.
fn draw_rest_after_next_frame(state: &Rc<RefCell<State>>) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("province-targets: no window")?;
    let root = state.borrow().root.clone();
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
    // Both callbacks call into the module from the browser: each goes through the trap guard.
    let draw_rest = trap::guarded(&root, &draw_rest)?;
    let after_frame = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&draw_rest);
        }
    });
    window.request_animation_frame(&trap::guarded(&root, &after_frame)?)?;
    Ok(())
}
