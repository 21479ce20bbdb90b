//! Whether a mark is under the pointer or has focus, shown on the chart as `data-marked`, from which the
//! stylesheet fades the other marks. The events that say so arrive in `events.rs`.

use super::state::State;
use wasm_bindgen::JsValue;

/// The two ways a mark is singled out; the chart is marked while either holds.
#[derive(Default)]
pub(super) struct Marked {
    hovered: bool,
    focused: bool,
}

impl Marked {
    fn any(&self) -> bool {
        self.hovered || self.focused
    }
}

impl State {
    /// The pointer entered a mark (`true`) or went elsewhere (`false`).
    pub(super) fn mark_hovered(&mut self, hovered: bool) -> Result<(), JsValue> {
        let was = self.marked.any();
        self.marked.hovered = hovered;
        self.show_marked(was)
    }

    /// Focus went to a mark (`true`) or elsewhere (`false`).
    pub(super) fn mark_focused(&mut self, focused: bool) -> Result<(), JsValue> {
        let was = self.marked.any();
        self.marked.focused = focused;
        self.show_marked(was)
    }

    /// Writes `data-marked` only when it changes: a pointer crossing the chart fires an event per element.
    fn show_marked(&self, was: bool) -> Result<(), JsValue> {
        match (was, self.marked.any()) {
            (false, true) => self.parts.chart.set_attribute("data-marked", ""),
            (true, false) => self.parts.chart.remove_attribute("data-marked"),
            _ => Ok(()),
        }
    }
}
