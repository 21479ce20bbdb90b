//! The year segments and what depends on which years have targets: after each render the segments show the
//! chosen year and mark the years no shown province set a target for (`aria-disabled`, with a tooltip), the
//! province disclosure counts the shown provinces, and a view of an empty year shows one sentence and the
//! years to go to instead of the chart.

use super::html::Ui;
use super::state::State;
use crate::chart::years::{empty_year, years_with_targets, EmptyYear};
use wasm_bindgen::JsValue;
use web_sys::Element;

/// What the controls last showed, so that a render touches each only when it changed: a province toggle
/// usually changes the disclosure's count alone.
pub(super) struct Shown {
    year: Option<u16>,
    with_targets: Vec<u16>,
    n_provinces: usize,
    empty: Option<EmptyYear>,
}

impl State {
    /// Brings the year segments, the disclosure's count and the empty-year message in line with the view.
    pub(super) fn sync_year_control(&mut self) -> Result<(), JsValue> {
        let with_targets = years_with_targets(&self.dataset, &self.config);
        let empty = empty_year(&self.dataset, &self.config);
        let now = Shown {
            year: self.config.year,
            with_targets,
            n_provinces: self.config.shown.iter().filter(|shown| **shown).count(),
            empty,
        };
        let was = self.year_control.take();
        let lang = self.config.lang;
        let segments_same =
            was.as_ref().is_some_and(|w| w.year == now.year && w.with_targets == now.with_targets);
        if !segments_same {
            self.mark_year_segments(now.year, &now.with_targets)?;
        }
        if was.as_ref().map(|w| w.n_provinces) != Some(now.n_provinces) {
            let n_all = self.parts.toggles.len();
            self.parts.provinces_toggle.set_text_content(Some(&lang.provinces_shown(now.n_provinces, n_all)));
        }
        if was.as_ref().is_some_and(|w| w.empty == now.empty) {
            self.year_control = Some(now);
            return Ok(());
        }
        self.parts.empty.set_text_content(None);
        match &now.empty {
            Some(empty) => {
                let text = lang.text();
                let mut ui = Ui::default();
                ui.leaf("p", "pt-empty-sentence", &[], &empty.sentence);
                if !empty.years.is_empty() {
                    ui.open("p", "pt-empty-years", &[]);
                    ui.leaf("span", "", &[], text.years_with_targets);
                    for year in &empty.years {
                        let value = year.to_string();
                        let label = format!("{}{year}", text.show_year);
                        ui.leaf(
                            "button",
                            "pt-empty-year",
                            &[("type", "button"), ("data-year", &value)],
                            &label,
                        );
                    }
                    ui.close();
                }
                ui.apply(&self.parts.empty)?;
                self.parts.empty.remove_attribute("hidden")?;
                set_hidden(&self.parts.chart, true)?;
                set_hidden(&self.parts.details, true)?;
            }
            None => {
                self.parts.empty.set_attribute("hidden", "")?;
                set_hidden(&self.parts.chart, false)?;
                set_hidden(&self.parts.details, false)?;
            }
        }
        self.year_control = Some(now);
        Ok(())
    }

    /// Checks the segment of `year` (the one Tab stop of the group) and marks the years without targets.
    fn mark_year_segments(&self, chosen: Option<u16>, with_targets: &[u16]) -> Result<(), JsValue> {
        for (year, segment) in &self.parts.years {
            let checked = *year == chosen;
            segment.set_attribute("aria-checked", if checked { "true" } else { "false" })?;
            segment.set_attribute("tabindex", if checked { "0" } else { "-1" })?;
            match year {
                Some(y) if !with_targets.contains(y) => {
                    segment.set_attribute("aria-disabled", "true")?;
                    segment.set_attribute("title", self.config.lang.text().year_without_targets)?;
                }
                _ => {
                    segment.remove_attribute("aria-disabled")?;
                    segment.remove_attribute("title")?;
                }
            }
        }
        Ok(())
    }

    /// The reader chose `year` (a segment, an arrow key, or a button of the empty-year message).
    pub(super) fn choose_year(&mut self, year: Option<u16>) -> Result<(), JsValue> {
        self.config.year = year;
        self.render()?;
        self.announce_change()
    }

    /// The segment of `year`, to move focus to after an arrow key or an empty-year button.
    pub(super) fn year_segment(&self, year: Option<u16>) -> Option<&Element> {
        self.parts.years.iter().find(|(y, _)| *y == year).map(|(_, segment)| segment)
    }
}

fn set_hidden(element: &Element, hidden: bool) -> Result<(), JsValue> {
    if hidden {
        element.set_attribute("hidden", "")
    } else {
        element.remove_attribute("hidden")
    }
}
