//! The chart's motion from one drawing to the next (see `motion.js`): measured before a patch, played after it.

use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/web/motion.js")]
extern "C" {
    /// Where the elements of the chart in `container` (drawn as `nodes`) are before a patch, or null when
    /// nothing will move.
    #[wasm_bindgen(catch)]
    fn measure(container: &Element, nodes: &JsValue) -> Result<JsValue, JsValue>;

    /// Starts the motion from the measured drawing to the one drawn now, whose elements are `nodes`.
    #[wasm_bindgen(catch)]
    fn play(snapshot: &JsValue, nodes: &JsValue) -> Result<(), JsValue>;
}

/// A chart measured before a patch, whose motion starts once the patch is applied.
pub(super) struct Motion {
    snapshot: JsValue,
}

impl Motion {
    /// Measures the chart in `container`, drawn as `nodes`; `moving` false (or a failed measure) gives a
    /// motion that does nothing: the patch then removes what goes at once.
    pub(super) fn measure(container: &Element, nodes: &JsValue, moving: bool) -> Motion {
        let snapshot =
            if moving { measure(container, nodes).unwrap_or(JsValue::NULL) } else { JsValue::NULL };
        Motion { snapshot }
    }

    /// Where the patch puts the elements it removes, the snapshot's `leaving` array (null: it removes them
    /// at once).
    pub(super) fn leaving(&self) -> JsValue {
        if self.snapshot.is_null() {
            return JsValue::NULL;
        }
        js_sys::Reflect::get(&self.snapshot, &"leaving".into()).unwrap_or(JsValue::NULL)
    }

    /// Starts the motion to the drawing whose elements are `nodes`. The drawing is already in place: a
    /// motion that fails leaves it shown without motion, which is no reason to fail the render.
    pub(super) fn play(self, nodes: &JsValue) {
        if let Err(error) = play(&self.snapshot, nodes) {
            web_sys::console::warn_1(&error);
        }
    }
}
