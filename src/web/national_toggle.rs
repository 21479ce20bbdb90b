//! The reader's switch for the national reference lines: shown while the view's indicator and
//! year have a national target, pressed while its line is drawn; pressing it draws the view without or with
//! the line and its summary sentence. On a phone it shares the "Tỉnh (5/5)" row at the top, wider it ends
//! the controls: its place in the DOM follows, so that Tab meets it where the eye does (WCAG 2.4.3).

use super::controls;
use super::state::State;
use crate::chart::reference;
use crate::chart::view::View;
use wasm_bindgen::JsValue;

/// The chart width below which widget.css lays the controls out for a phone: its container query on the host
/// (max-width 479.98 px) less the root's padding (12 px on each side), since `State::width` is the chart's.
pub(super) const PHONE_CHART_WIDTH: f64 = 480.0 - 2.0 * 12.0;

impl State {
    /// Shows the switch only when the view has a national target: on any other view it would change nothing.
    /// Places it after "Tỉnh (5/5)" on a phone and last among the controls wider, where widget.css draws it;
    /// it moves only when the width crosses a phone's (a resize), never on a reader's click.
    pub(super) fn sync_national_toggle(&self) -> Result<(), JsValue> {
        let view = View::new(&self.dataset, &self.config);
        let has_target = !reference::of_view(&self.dataset, &view).is_empty();
        let toggle = &self.parts.national;
        let disclosure = &self.parts.provinces_toggle;
        let phone = self.width < PHONE_CHART_WIDTH;
        let after_disclosure = toggle.previous_element_sibling().as_ref() == Some(disclosure);
        if phone && !after_disclosure {
            disclosure.after_with_node_1(toggle)?;
        } else if !phone && after_disclosure {
            if let Some(controls) = toggle.parent_element() {
                controls.append_child(toggle)?;
            }
        }
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
