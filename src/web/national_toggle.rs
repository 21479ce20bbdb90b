//! The reader's switch for the national reference lines (issue 15): shown while the view's indicator and
//! year have a national target, pressed while its line is drawn; pressing it draws the view without or with
//! the line and its summary sentence.

use super::controls;
use super::state::State;
use crate::chart::reference;
use crate::chart::view::View;
use wasm_bindgen::JsValue;

impl State {
    /// Shows the switch only when the view has a national target: on any other view it would change nothing.
    pub(super) fn sync_national_toggle(&self) -> Result<(), JsValue> {
        let view = View::new(&self.dataset, &self.config);
        let has_target = !reference::of_view(&self.dataset, &view).is_empty();
        let toggle = &self.parts.national;
        if has_target == toggle.has_attribute("hidden") {
            if has_target {
                toggle.remove_attribute("hidden")?;
            } else {
                toggle.set_attribute("hidden", "")?;
            }
        }
        Ok(())
    }

    /// The reader pressed the switch: the line goes (or comes back), and the page hears of it.
    pub(super) fn toggle_national(&mut self) -> Result<(), JsValue> {
        self.config.national = !self.config.national;
        self.parts.national.set_attribute("aria-pressed", controls::pressed(self.config.national))?;
        self.render()?;
        self.announce_change()
    }
}
