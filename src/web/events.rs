//! The widget's event handling: one delegated listener per event kind on the root (clicks, select changes,
//! focus and hover on marks, arrow keys between marks) and a ResizeObserver that redraws when the width changes.

use super::download::{self, ImageFormat};
use super::state::State;
use super::trap;
use crate::chart::navigation::Move;
use crate::data::model::TargetIdx;
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
    _closure: Closure<dyn FnMut(Event)>,
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
            let closure = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                trap::spring(trap::Armed::Event);
                let Ok(mut state) = state.try_borrow_mut() else { return };
                if let Err(error) = handler(&mut state, &event) {
                    web_sys::console::error_1(&error);
                }
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

fn mark_of(event: &Event) -> Option<TargetIdx> {
    let mark = target_element(event)?.closest(".pt-mark").ok()??;
    mark.get_attribute("data-target")?.parse().ok()
}

fn on_click(state: &mut State, event: &Event) -> Result<(), JsValue> {
    let Some(el) = target_element(event) else { return Ok(()) };
    if el.closest(".pt-downloads-toggle")?.is_some() {
        return state.toggle_downloads();
    }
    // Choosing a download, or clicking anywhere else, closes the downloads menu.
    state.close_downloads(false)?;
    if let Some(toggle) = el.closest(".pt-toggle")? {
        if let Some(province) = toggle.get_attribute("data-province").and_then(|p| p.parse().ok()) {
            return state.toggle_province(province);
        }
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
    if let Some(link) = el.closest(".pt-csv-download")? {
        // Set before the browser follows the link: the default action reads the href after this listener.
        return link.set_attribute("href", &download::csv_href(state));
    }
    if let Some(target) = mark_of(event) {
        return toggle_pin(state, target);
    }
    Ok(())
}

/// A click, a tap, Enter or Space pins a mark's details; a second press on the same mark unpins them.
fn toggle_pin(state: &mut State, target: TargetIdx) -> Result<(), JsValue> {
    state.pinned = if state.pinned == Some(target) { None } else { Some(target) };
    state.set_active(target)?;
    state.show_details(target)
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

/// The details follow keyboard focus, which also moves the chart's Tab stop; a pointer passing over a mark
/// shows it too, unless the reader pinned one.
fn on_focus(state: &mut State, event: &Event) -> Result<(), JsValue> {
    if event.type_() == "focusin" && state.downloads_open() {
        let in_menu = target_element(event).and_then(|el| el.closest(".pt-downloads").ok().flatten());
        if in_menu.is_none() {
            state.close_downloads(false)?;
        }
    }
    let Some(target) = mark_of(event) else { return Ok(()) };
    if event.type_() == "focusin" {
        state.set_active(target)?;
    } else if state.pinned.is_some() {
        return Ok(());
    }
    state.show_details(target)
}

/// Inside the chart (one Tab stop): the arrow keys move by position, left and right within a row, up and
/// down between rows; Home and End go to the first and last mark; Enter and Space pin the focused mark's
/// details (a second press unpins them); Escape unpins and clears the panel.
fn on_key(state: &mut State, event: &Event) -> Result<(), JsValue> {
    let Some(key_event) = event.dyn_ref::<KeyboardEvent>() else { return Ok(()) };
    if key_event.key() == "Escape" && state.downloads_open() {
        return state.close_downloads(true);
    }
    let Some(current) = mark_of(event) else { return Ok(()) };
    let step = match key_event.key().as_str() {
        "ArrowRight" => Move::Right,
        "ArrowLeft" => Move::Left,
        "ArrowUp" => Move::Up,
        "ArrowDown" => Move::Down,
        "Home" => Move::First,
        "End" => Move::Last,
        "Enter" | " " => {
            event.prevent_default();
            return toggle_pin(state, current);
        }
        "Escape" => {
            state.pinned = None;
            return state.clear_details();
        }
        _ => return Ok(()),
    };
    // The page does not scroll under a reader moving between marks, even at an edge.
    event.prevent_default();
    let Some(next) = state.grid.step(current, step) else { return Ok(()) };
    // The Tab stop and the details move here: the `focusin` that `focus()` dispatches arrives while this
    // listener still holds the widget's state, so `on_focus` does not run for it.
    state.set_active(next)?;
    state.show_details(next)?;
    let selector = format!(".pt-mark[data-target=\"{next}\"]");
    if let Some(mark) = state.parts.chart.query_selector(&selector)? {
        mark.dyn_into::<web_sys::SvgElement>()?.focus()?;
    }
    Ok(())
}
