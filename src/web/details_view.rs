//! On a phone, a tap's details in view: the panel sits below the chart, often below the screen's bottom
//! edge, so after a tap pins a mark the page scrolls just enough for its lines (quote included) to show.

use super::state::State;
use wasm_bindgen::JsValue;

/// Below this chart width the widget is on a phone, where the panel is out of sight after a tap.
const PHONE_WIDTH: f64 = 480.0;

impl State {
    /// Scrolls the pinned details into view on a phone, if any of their lines is off the screen: their
    /// bottom to the screen's bottom (the chart stays as much in view as it can), or, when they are taller
    /// than the screen, their top to its top. Once per tap, so reading layout here costs a reader nothing.
    pub(super) fn bring_details_into_view(&self) -> Result<(), JsValue> {
        if self.width >= PHONE_WIDTH || self.pinned.is_none() {
            return Ok(());
        }
        let details = &self.parts.details;
        let (Some(first), Some(last)) = (details.first_element_child(), details.last_element_child()) else {
            return Ok(());
        };
        let window = web_sys::window().ok_or("province-targets: no window")?;
        let screen = window.inner_height()?.as_f64().unwrap_or(0.0);
        let (top, bottom) =
            (first.get_bounding_client_rect().top(), last.get_bounding_client_rect().bottom());
        if top >= 0.0 && bottom <= screen {
            return Ok(());
        }
        if bottom - top > screen {
            first.scroll_into_view_with_bool(true);
        } else {
            last.scroll_into_view_with_bool(false);
        }
        Ok(())
    }
}
