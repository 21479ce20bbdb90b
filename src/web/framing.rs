//! The HTML around the live chart: the headline, the description under it, the editor's note and the source
//! line of the rows shown (`chart::framing` words them), brought up to date after each render. The live SVG
//! leaves them out; a downloaded SVG or PNG, which stands alone, draws them itself.

use super::state::State;
use crate::chart::framing;
use crate::chart::view::View;
use wasm_bindgen::JsValue;
use web_sys::Element;

impl State {
    /// Writes the headline, description, note and source line of the current view, as text, touching only
    /// those that changed; an absent description, note or source line hides its element.
    pub(super) fn render_framing(&self, view: &View) -> Result<(), JsValue> {
        let (dataset, config, words) = (&self.dataset, &self.config, &self.words);
        show_text(&self.parts.title, Some(&framing::title(dataset, config, words)))?;
        show_text(&self.parts.description, framing::description(dataset, config, words).as_deref())?;
        show_text(&self.parts.note, words.note.as_deref())?;
        show_text(&self.parts.source, framing::source_line(dataset, view, config.lang).as_deref())
    }
}

/// Sets `element`'s text (never markup) to `text` if it differs, or hides the element when there is none.
fn show_text(element: &Element, text: Option<&str>) -> Result<(), JsValue> {
    match text {
        Some(text) => {
            if element.text_content().as_deref() != Some(text) {
                element.set_text_content(Some(text));
            }
            if element.has_attribute("hidden") {
                element.remove_attribute("hidden")?;
            }
        }
        None => {
            if !element.has_attribute("hidden") {
                element.set_attribute("hidden", "")?;
            }
        }
    }
    Ok(())
}
