//! The widget's event handling: one delegated listener per event kind on the root (clicks, select changes,
//! focus and hover on marks, arrow keys between marks) and a ResizeObserver that redraws when the width changes.

use super::download::{self, ImageFormat};
use super::state::State;
use super::{outbox, province_chips, trap};
use crate::chart::navigation::{year_of_attribute, Focus, Move};
use crate::chart::years;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlSelectElement, KeyboardEvent};

/// An event listener that removes itself when dropped, so a freed widget leaves nothing behind.
pub(super) struct Listener {
    target: EventTarget,
    kind: &'static str,
    /// What the browser calls: `_closure` behind the trap guard.
    function: js_sys::Function,
    _closure: Closure<dyn Fn(Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.kind, &self.function);
    }
}

/// Adds one delegated listener per event kind on the widget's root.
pub(super) fn wire(state: &Rc<RefCell<State>>, root: &Element) -> Result<Vec<Listener>, JsValue> {
    let mut listeners = Vec::new();
    let mut listen =
        |kind: &'static str, handler: fn(&mut State, &Event) -> Result<(), JsValue>| -> Result<(), JsValue> {
            let state = Rc::clone(state);
            // `Fn`, not `FnMut`: a page's listener for the change event may click the widget again from
            // inside it, and wasm-bindgen refuses to re-enter an `FnMut` closure.
            let closure = Closure::<dyn Fn(Event)>::new(move |event: Event| {
                trap::spring(trap::Armed::Event);
                let Ok(mut state) = state.try_borrow_mut() else { return };
                let handled = handler(&mut state, &event);
                drop(state);
                if let Err(error) = handled {
                    web_sys::console::error_1(&error);
                }
                outbox::dispatch_pending();
            });
            let target: EventTarget = root.clone().into();
            let function = trap::guarded(root, closure.as_ref())?;
            target.add_event_listener_with_callback(kind, &function)?;
            listeners.push(Listener { target, kind, function, _closure: closure });
            Ok(())
        };
    listen("click", on_click)?;
    listen("change", on_change)?;
    listen("focusin", on_focus)?;
    listen("pointerover", on_focus)?;
    listen("keydown", on_key)?;
    listen("mouseover", on_marked)?;
    listen("mouseout", on_marked)?;
    listen("focusout", on_marked)?;

    Ok(listeners)
}

pub(super) type ResizeCallback = Closure<dyn FnMut(JsValue)>;

/// Draws again when the widget's width changes (rotation, resizing, a late stylesheet).
pub(super) fn observe_width(
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
    let observer = web_sys::ResizeObserver::new(&trap::guarded(root, on_resize.as_ref())?)?;
    observer.observe(root);
    Ok((observer, on_resize))
}

fn target_element(event: &Event) -> Option<Element> {
    event.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// The mark or national line an event happened in, if it is one the chart drew: the attribute is read back
/// from an open shadow root, which an extension or a host script may have edited.
fn focus_of(state: &State, event: &Event) -> Option<Focus> {
    let element = target_element(event)?.closest(".pt-mark, .pt-national").ok()??;
    ["data-target", "data-national"]
        .into_iter()
        .find_map(|name| Focus::of_attribute(name, &element.get_attribute(name)?))
        .filter(|focus| state.grid.contains(*focus))
}

fn on_click(state: &mut State, event: &Event) -> Result<(), JsValue> {
    let Some(el) = target_element(event) else { return Ok(()) };
    if el.closest(".pt-downloads-toggle")?.is_some() {
        return state.toggle_downloads();
    }
    // Choosing a download, or clicking anywhere else, closes the downloads menu. After a download the menu's
    // item vanishes under the reader's focus, so focus goes back to the menu's button rather than to the page.
    let chose_download = el.closest(".pt-download")?.is_some();
    state.close_downloads(chose_download)?;
    if let Some(toggle) = el.closest(".pt-toggle")? {
        province_chips::hold_tab_stop(&state.parts.toggles, &toggle)?;
        // An index past the provinces (an edited attribute) is no province: `toggle_province` ignores it.
        if let Some(province) = toggle.get_attribute("data-province").and_then(|p| p.parse().ok()) {
            return state.toggle_province(province);
        }
    }
    if el.closest(".pt-national-toggle")?.is_some() {
        return state.toggle_national();
    }
    if let Some(disclosure) = el.closest(".pt-provinces-toggle")? {
        let open = disclosure.get_attribute("aria-expanded").as_deref() == Some("true");
        return disclosure.set_attribute("aria-expanded", if open { "false" } else { "true" });
    }
    if let Some(segment) = el.closest(".pt-year")? {
        // A year no shown province set a target for is marked, not removed: choosing it would only say so.
        if segment.get_attribute("aria-disabled").as_deref() == Some("true") {
            return Ok(());
        }
        let Some(year) = year_of(state, &segment) else { return Ok(()) };
        return state.choose_year(year);
    }
    if let Some(button) = el.closest(".pt-empty-year")? {
        let Some(year) = year_of(state, &button) else { return Ok(()) };
        state.choose_year(year)?;
        // The button is gone with the message: focus goes to the year it chose, not to the page's body.
        if let Some(segment) = state.year_segment(year) {
            segment.clone().dyn_into::<web_sys::HtmlElement>()?.focus()?;
        }
        return Ok(());
    }
    if el.closest(".pt-table-toggle")?.is_some() {
        return state.toggle_table();
    }
    if el.closest(".pt-svg-download")?.is_some() {
        return download::download(state, ImageFormat::Svg);
    }
    if el.closest(".pt-png-download")?.is_some() {
        return download::download(state, ImageFormat::Png);
    }
    if let Some(link) = el.closest(".pt-view-csv-download")? {
        // Set before the browser follows the link: the default action reads the href after this listener.
        link.set_attribute("download", &download::view_csv_name(state))?;
        return link.set_attribute("href", &download::view_csv_href(state));
    }
    if let Some(link) = el.closest(".pt-csv-download")? {
        return link.set_attribute("href", &download::csv_href(state));
    }
    if let Some(focus) = focus_of(state, event) {
        return toggle_pin(state, focus);
    }
    Ok(())
}

/// A segment's or button's `data-year`, if it is one of the year control's choices (`None` is every year):
/// an edited attribute naming no segment chooses nothing.
fn year_of(state: &State, element: &Element) -> Option<Option<u16>> {
    let year = year_of_attribute(&element.get_attribute("data-year")?)?;
    state.year_segment(year).is_some().then_some(year)
}

/// A click, a tap, Enter or Space pins a mark's or national line's details; a second press unpins them.
fn toggle_pin(state: &mut State, focus: Focus) -> Result<(), JsValue> {
    state.pinned = if state.pinned == Some(focus) { None } else { Some(focus) };
    state.set_active(focus)?;
    state.show_details(focus)
}

fn on_change(state: &mut State, event: &Event) -> Result<(), JsValue> {
    let Some(el) = target_element(event) else { return Ok(()) };
    let Ok(select) = el.dyn_into::<HtmlSelectElement>() else { return Ok(()) };
    let value = select.value();
    if select == state.parts.indicator {
        if let Some(i) = state.dataset.indicator_by_id(&value) {
            state.config.indicator = i;
        }
    }
    state.render()?;
    state.announce_change()
}

/// Keeps the chart's `data-marked` (the stylesheet fades the other marks while it is set) in step with
/// whether a mark is under the pointer or has focus, as `:hover` and `:focus` would say. Mouse events, not
/// pointer events: after a tap a touch pointer leaves at once, but `:hover` stays on the tapped mark until
/// the next tap elsewhere, as the compatibility mouse events do. Entering an element (`mouseover`, `focusin`)
/// says where the pointer or focus is; leaving one (`mouseout`, `focusout`) says where it goes (nowhere, or
/// outside the widget, is no mark).
fn on_marked(state: &mut State, event: &Event) -> Result<(), JsValue> {
    let kind = event.type_();
    let now_at: Option<JsValue> = if kind.ends_with("out") {
        // `relatedTarget` of both event kinds, read by name: one web-sys binding fewer for each.
        js_sys::Reflect::get(event, &"relatedTarget".into()).ok()
    } else {
        event.target().map(JsValue::from)
    };
    let on_mark = (now_at.and_then(|t| t.dyn_into::<Element>().ok()))
        .is_some_and(|el| el.closest(".pt-mark").ok().flatten().is_some());
    if kind.starts_with("mouse") {
        state.mark_hovered(on_mark)
    } else {
        state.mark_focused(on_mark)
    }
}

/// The details follow keyboard focus, which also moves the chart's Tab stop; a pointer passing over a mark
/// shows it too, unless the reader pinned one.
fn on_focus(state: &mut State, event: &Event) -> Result<(), JsValue> {
    if event.type_() == "focusin" && state.downloads_open() {
        let in_menu = target_element(event).and_then(|el| el.closest(".pt-downloads").ok().flatten());
        if in_menu.is_none() {
            state.close_downloads(false)?;
        }
    }
    let focus = focus_of(state, event);
    if event.type_() == "focusin" {
        // Other marks fade while a province's mark has focus; a national line fades nothing, as on hover.
        state.mark_focused(matches!(focus, Some(Focus::Target(_))))?;
    }
    let Some(focus) = focus else { return Ok(()) };
    if event.type_() == "focusin" {
        state.set_active(focus)?;
        state.say_focus(focus);
    } else if state.pinned.is_some() {
        return Ok(());
    }
    state.show_details(focus)
}

/// Inside the chart (one Tab stop): the arrow keys move by position, left and right within a row, up and
/// down between rows; Home and End go to the first and last mark; Enter and Space pin the focused mark's
/// details (a second press unpins them); Escape unpins and clears the panel.
fn on_key(state: &mut State, event: &Event) -> Result<(), JsValue> {
    let Some(key_event) = event.dyn_ref::<KeyboardEvent>() else { return Ok(()) };
    if key_event.key() == "Escape" && state.downloads_open() {
        return state.close_downloads(true);
    }
    if let Some(segment) = target_element(event).and_then(|el| el.closest(".pt-year").ok().flatten()) {
        return on_year_key(state, event, &key_event.key(), &segment);
    }
    if let Some(chip) = target_element(event).and_then(|el| el.closest(".pt-toggle").ok().flatten()) {
        // The page does not scroll under a reader moving between chips, even at an end.
        if let Some(step) = move_of(&key_event.key()) {
            event.prevent_default();
            province_chips::step(&state.parts.toggles, &chip, step)?;
        }
        return Ok(());
    }
    let Some(current) = focus_of(state, event) else { return Ok(()) };
    let key = key_event.key();
    let step = match key.as_str() {
        "Enter" | " " => {
            event.prevent_default();
            toggle_pin(state, current)?;
            if state.pinned == Some(current) {
                state.say_pinned(current);
            }
            return Ok(());
        }
        "Escape" => {
            state.pinned = None;
            return state.clear_details();
        }
        _ => match move_of(&key) {
            Some(step) => step,
            None => return Ok(()),
        },
    };
    // The page does not scroll under a reader moving between marks, even at an edge.
    event.prevent_default();
    let Some(next) = state.grid.step(current, step) else { return Ok(()) };
    // The Tab stop and the details move here: the `focusin` that `focus()` dispatches arrives while this
    // listener still holds the widget's state, so `on_focus` does not run for it.
    state.set_active(next)?;
    state.show_details(next)?;
    state.say_focus(next);
    if let Some(element) = state.focus_element(next)? {
        element.dyn_into::<web_sys::SvgElement>()?.focus()?;
    }
    Ok(())
}

/// The move an arrow key, Home or End asks for, in the chart and in the year segments alike.
fn move_of(key: &str) -> Option<Move> {
    Some(match key {
        "ArrowRight" => Move::Right,
        "ArrowLeft" => Move::Left,
        "ArrowUp" => Move::Up,
        "ArrowDown" => Move::Down,
        "Home" => Move::First,
        "End" => Move::Last,
        _ => return None,
    })
}

/// In the year segments (one Tab stop, as a radio group): the arrow keys move to the next or previous year
/// that has targets, and choose it; Home and End go to the first and last.
fn on_year_key(state: &mut State, event: &Event, key: &str, segment: &Element) -> Result<(), JsValue> {
    let Some(step) = move_of(key) else { return Ok(()) };
    let choices: Vec<(Option<u16>, bool)> = (state.parts.years.iter())
        .map(|(year, element)| (*year, element.get_attribute("aria-disabled").as_deref() != Some("true")))
        .collect();
    let Some(from) = year_of(state, segment) else { return Ok(()) };
    let Some(next) = years::step(&choices, from, step) else { return Ok(()) };
    event.prevent_default();
    state.choose_year(next)?;
    if let Some(segment) = state.year_segment(next) {
        segment.clone().dyn_into::<web_sys::HtmlElement>()?.focus()?;
    }
    Ok(())
}
