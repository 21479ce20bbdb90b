//! The year segments and what depends on which years have targets: after each render the segments show the
//! chosen year and mark the years no shown province set a target for (`aria-disabled`, with a tooltip), the
//! province disclosure counts the shown provinces, and a view of an empty year shows one sentence and the
//! years to go to instead of the chart.

use super::controls::Parts;
use super::html::Ui;
use crate::chart::view::ChartConfig;
use crate::chart::years::{empty_year, years_with_targets, EmptyYear};
use crate::data::model::Dataset;
use crate::locale::i18n::Lang;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// What the controls last showed (`None` before the first render), so that a render touches each only when
/// it changed: a province toggle usually changes the disclosure's count alone.
#[derive(Default)]
pub(super) struct YearControl {
    shown: Option<Shown>,
}

struct Shown {
    year: Option<u16>,
    with_targets: Vec<u16>,
    n_provinces: usize,
    empty: Option<EmptyYear>,
}

impl YearControl {
    /// Brings the year segments, the disclosure's count and the empty-year message in `parts` in line with
    /// the view of `config`.
    pub(super) fn sync(
        &mut self,
        parts: &Parts,
        dataset: &Dataset,
        config: &ChartConfig,
    ) -> Result<(), JsValue> {
        let with_targets = years_with_targets(dataset, config);
        let empty = empty_year(dataset, config);
        let now = Shown {
            year: config.year,
            with_targets,
            n_provinces: config.shown.iter().filter(|shown| **shown).count(),
            empty,
        };
        let was = self.shown.take();
        let lang = config.lang;
        let segments_same =
            was.as_ref().is_some_and(|w| w.year == now.year && w.with_targets == now.with_targets);
        if !segments_same {
            mark_year_segments(parts, lang, now.year, &now.with_targets)?;
        }
        if was.as_ref().map(|w| w.n_provinces) != Some(now.n_provinces) {
            let n_all = parts.toggles.len();
            parts.provinces_toggle.set_text_content(Some(&lang.provinces_shown(now.n_provinces, n_all)));
        }
        if was.as_ref().is_some_and(|w| w.empty == now.empty) {
            self.shown = Some(now);
            return Ok(());
        }
        parts.empty.set_text_content(None);
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
                ui.apply(&parts.empty)?;
                parts.empty.remove_attribute("hidden")?;
                set_hidden(&parts.chart, true)?;
                set_hidden(&parts.details, true)?;
            }
            None => {
                parts.empty.set_attribute("hidden", "")?;
                set_hidden(&parts.chart, false)?;
                set_hidden(&parts.details, false)?;
            }
        }
        self.shown = Some(now);
        Ok(())
    }
}

/// Checks the segment of `year` (the one Tab stop of the group) and marks the years without targets.
fn mark_year_segments(
    parts: &Parts,
    lang: Lang,
    chosen: Option<u16>,
    with_targets: &[u16],
) -> Result<(), JsValue> {
    for (year, segment) in &parts.years {
        let checked = *year == chosen;
        segment.set_attribute("aria-checked", if checked { "true" } else { "false" })?;
        segment.set_attribute("tabindex", if checked { "0" } else { "-1" })?;
        match year {
            Some(y) if !with_targets.contains(y) => {
                segment.set_attribute("aria-disabled", "true")?;
                segment.set_attribute("title", lang.text().year_without_targets)?;
            }
            _ => {
                segment.remove_attribute("aria-disabled")?;
                segment.remove_attribute("title")?;
            }
        }
    }
    Ok(())
}

/// The segment of `year` in `parts`, to move focus to after an arrow key or an empty-year button.
pub(super) fn segment(parts: &Parts, year: Option<u16>) -> Option<&Element> {
    parts.years.iter().find(|(y, _)| *y == year).map(|(_, segment)| segment)
}

fn set_hidden(element: &Element, hidden: bool) -> Result<(), JsValue> {
    if hidden {
        element.set_attribute("hidden", "")
    } else {
        element.remove_attribute("hidden")
    }
}
