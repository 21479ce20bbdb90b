//! The HTML around the live chart: the headline, the description under it, the editor's note, the source
//! line of the rows shown and the outlet's credit (`chart::framing` words them), brought up to date after each render. The live SVG
//! leaves them out; a downloaded SVG or PNG, which stands alone, draws them itself.

use super::controls::Parts;
use crate::chart::framing::{self, EditorWords};
use crate::chart::view::{ChartConfig, View};
use crate::data::model::Dataset;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// What each of the five elements last showed (`None` inside: hidden), `None` before the first render. Kept
/// here rather than read back from the page: a render after a toggle compares strings in the module instead
/// of crossing into the browser four times to read texts that rarely change.
#[derive(Default)]
pub(super) struct Framing {
    title: Option<Option<String>>,
    description: Option<Option<String>>,
    note: Option<Option<String>>,
    source: Option<Option<String>>,
    credit: Option<Option<String>>,
}

impl Framing {
    /// Writes the headline, description, note, source line and credit of `view`, as text, touching only those
    /// that changed; an absent description, note, source line or credit hides its element.
    pub(super) fn render(
        &mut self,
        parts: &Parts,
        dataset: &Dataset,
        config: &ChartConfig,
        words: &EditorWords,
        view: &View,
    ) -> Result<(), JsValue> {
        show_text(&parts.title, &mut self.title, Some(framing::title(dataset, config, words)))?;
        show_text(&parts.description, &mut self.description, framing::description(dataset, config, words))?;
        show_text(&parts.note, &mut self.note, words.note.clone())?;
        show_text(&parts.source, &mut self.source, framing::source_line(dataset, view, config.lang))?;
        show_text(&parts.credit, &mut self.credit, words.credit.clone())
    }
}

/// Sets `element`'s text (never markup) to `text`, or hides the element when there is none, unless `shown`
/// says it already is so.
fn show_text(
    element: &Element,
    shown: &mut Option<Option<String>>,
    text: Option<String>,
) -> Result<(), JsValue> {
    if shown.as_ref() == Some(&text) {
        return Ok(());
    }
    let was_hidden = shown.as_ref().map(Option::is_none);
    match &text {
        Some(text) => {
            if shown.as_ref().and_then(Option::as_deref) != Some(text.as_str()) {
                element.set_text_content(Some(text));
            }
            if was_hidden != Some(false) {
                element.remove_attribute("hidden")?;
            }
        }
        None => element.set_attribute("hidden", "")?,
    }
    *shown = Some(text);
    Ok(())
}
