//! Whether a mark is under the pointer or has focus, shown on the chart as `data-marked`, from which the
//! stylesheet fades the other marks. The events that say so arrive in `events.rs`.

use wasm_bindgen::JsValue;
use web_sys::Element;

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

    /// The pointer entered a mark (`true`) or went elsewhere (`false`); `chart` shows it.
    pub(super) fn set_hovered(&mut self, chart: &Element, hovered: bool) -> Result<(), JsValue> {
        let was = self.any();
        self.hovered = hovered;
        self.show(chart, was)
    }

    /// Focus went to a mark (`true`) or elsewhere (`false`); `chart` shows it.
    pub(super) fn set_focused(&mut self, chart: &Element, focused: bool) -> Result<(), JsValue> {
        let was = self.any();
        self.focused = focused;
        self.show(chart, was)
    }

    /// Writes `data-marked` only when it changes: a pointer crossing the chart fires an event per element.
    fn show(&self, chart: &Element, was: bool) -> Result<(), JsValue> {
        match (was, self.any()) {
            (false, true) => chart.set_attribute("data-marked", ""),
            (true, false) => chart.remove_attribute("data-marked"),
            _ => Ok(()),
        }
    }
}
