//! On a phone, a tap never moves the page: the details panel under the chart keeps the height it had before
//! the tap, and a pinned mark's longer lines scroll inside it. The chart above never moves and the page is
//! never scrolled for the reader, so the mark they tapped stays under their finger and the next tap lands
//! where they aim it.

use super::state::State;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// Below this chart width the widget is on a phone, where a growing panel would push the article away.
pub(super) const PHONE_WIDTH: f64 = 480.0;

/// Set while the panel's height is held; the stylesheet makes its lines scroll inside it then.
const HELD: &str = "data-held";

impl State {
    /// Before a mark's details replace the panel's lines: on a phone, fixes the panel's height at what it is
    /// now (the opening target's, which the widget was laid out with). Only while it is not already held,
    /// so the layout read happens once per reader's first touch of a view.
    pub(super) fn hold_details_height(&self) -> Result<(), JsValue> {
        if self.width >= PHONE_WIDTH {
            return Ok(());
        }
        let Some(panel) = self.parts.details.dyn_ref::<HtmlElement>() else { return Ok(()) };
        if panel.has_attribute(HELD) || panel.has_attribute("hidden") {
            return Ok(());
        }
        let height = panel.get_bounding_client_rect().height();
        if height <= 0.0 {
            return Ok(());
        }
        panel.style().set_property("block-size", &format!("{height}px"))?;
        panel.set_attribute(HELD, "")
    }

    /// When the panel goes back to a view's opening target: it is as tall as what it holds again.
    pub(super) fn release_details_height(&self) -> Result<(), JsValue> {
        let Some(panel) = self.parts.details.dyn_ref::<HtmlElement>() else { return Ok(()) };
        if !panel.has_attribute(HELD) {
            return Ok(());
        }
        panel.style().remove_property("block-size")?;
        panel.remove_attribute(HELD)
    }
}
