//! The downloads menu: a disclosure button ("Tải xuống ▾") and the list of PNG, SVG and CSV it opens. A
//! native button, so Enter, Space, a click and a tap all open it; Escape closes it and returns focus to the
//! button; choosing a download, clicking elsewhere in the widget or moving focus out of it closes it.

use super::state::State;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

impl State {
    pub(super) fn downloads_open(&self) -> bool {
        !self.parts.downloads_list.has_attribute("hidden")
    }

    /// Opens the list, or closes it if it is open.
    pub(super) fn toggle_downloads(&self) -> Result<(), JsValue> {
        if self.downloads_open() {
            self.close_downloads(false)
        } else {
            self.parts.downloads_list.remove_attribute("hidden")?;
            self.parts.downloads_toggle.set_attribute("aria-expanded", "true")
        }
    }

    /// Closes the list if it is open; with `return_focus`, focus goes back to the button (after Escape or a
    /// chosen download, so a keyboard reader is not left on an element that vanished).
    pub(super) fn close_downloads(&self, return_focus: bool) -> Result<(), JsValue> {
        if !self.downloads_open() {
            return Ok(());
        }
        self.parts.downloads_list.set_attribute("hidden", "")?;
        self.parts.downloads_toggle.set_attribute("aria-expanded", "false")?;
        if return_focus {
            if let Some(button) = self.parts.downloads_toggle.dyn_ref::<HtmlElement>() {
                button.focus()?;
            }
        }
        Ok(())
    }
}
