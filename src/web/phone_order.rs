//! On a phone the chart comes first: the headline, then the chart and its details, then the controls that
//! change it, so that the first marks are on the reader's first screen. Wider, the controls stand between the
//! headline and the chart, as a graphics desk lays a chart out. The controls move in the DOM, never by CSS
//! `order`, so that Tab meets them where the eye does (WCAG 2.4.3); they move only when the width crosses a
//! phone's, never on a reader's click.

use super::national_toggle::PHONE_CHART_WIDTH;
use super::state::State;
use wasm_bindgen::JsValue;

impl State {
    /// Puts the controls after the details panel on a phone, after the headline's description wider.
    pub(super) fn place_controls(&self) -> Result<(), JsValue> {
        let Some(controls) = self.parts.indicator.closest(".pt-controls")? else { return Ok(()) };
        let phone = self.width < PHONE_CHART_WIDTH;
        let (anchor, wanted) = if phone {
            (&self.parts.details, self.parts.details.next_element_sibling())
        } else {
            (&self.parts.description, self.parts.description.next_element_sibling())
        };
        if wanted.as_ref() != Some(&controls) {
            anchor.after_with_node_1(&controls)?;
        }
        Ok(())
    }
}
