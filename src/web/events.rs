//! The widget's event handling: one delegated listener per event kind on the root (clicks, select changes,
//! focus and hover on marks, arrow keys between marks) and a ResizeObserver that redraws when the width changes.

use super::download::{self, ImageFormat};
use super::state::State;
use super::trap;
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
