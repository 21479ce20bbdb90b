//! The two panels beside the chart: the details of one target (its value, verbatim quote and source), which
//! open on the view's most telling target before the reader picks one, and the data table of the current
//! view, which is built only while it is open.

use super::details_height::PHONE_WIDTH;
use super::html::Ui;
use super::state::State;
use crate::chart::details::{self, Line, LineKind};
use crate::chart::navigation::Focus;
use crate::chart::opening::opening_target;
use crate::chart::reference;
use crate::chart::view::View;
use crate::data::model::TargetIdx;
use crate::export::table;
use wasm_bindgen::JsValue;

/// The panel's `data-showing`: which target it holds and why, so a render that would write the same skips it.
const SHOWING: &str = "data-showing";

impl State {
    /// Shows the quote and source of a target in the details panel, or what a national line stands for:
    /// "Mục tiêu quốc gia", the value, the year and the document, never a quote (`reference::details`).
    pub(super) fn show_details(&self, focus: Focus) -> Result<(), JsValue> {
        // A touch focuses the mark before its tap arrives, so the height is kept here, before any mark's lines.
        self.hold_details_height()?;
        let lang = self.config.lang;
        match focus {
            Focus::Target(target) => {
                let lines = details::details(&self.dataset, target, lang);
                self.fill_details(lines, Fill::Target, &target.to_string())
            }
            Focus::National(n) => {
                let lines = reference::details(&self.dataset, &self.dataset.national[n], lang);
                self.fill_details(lines, Fill::National, &format!("national {n}"))
            }
        }
    }

    /// Before the reader picks a mark (and after Escape): the details of the view's opening target, with the
    /// hint under them saying how to see another. A view with no target hides the panel: a hint to tap marks
    /// that are not there would be an empty box.
    pub(super) fn show_opening(&self, target: Option<TargetIdx>) -> Result<(), JsValue> {
        self.release_details_height()?;
        let details = &self.parts.details;
        let showing = target.map_or_else(|| "nothing".to_string(), |t| format!("opening {t}"));
        if details.get_attribute(SHOWING).as_deref() == Some(showing.as_str()) {
            return Ok(());
        }
        match target {
            Some(target) => {
                let lines = details::details(&self.dataset, target, self.config.lang);
                self.fill_details(lines, Fill::Opening, &target.to_string())?
            }
            None => {
                details.set_text_content(None);
                details.set_attribute("hidden", "")?;
            }
        }
        details.set_attribute(SHOWING, &showing)
    }

    /// Writes `lines` into the panel; `showing` says what they are (`data-showing`).
    fn fill_details(&self, lines: Vec<Line>, fill: Fill, showing: &str) -> Result<(), JsValue> {
        let opening = fill == Fill::Opening;
        let mut ui = Ui::default();
        // The opening target shows its value and quote only: its document and the merger note are a tap away,
        // and the panel stays within the height the widget reserved before the chart arrived.
        // On a phone the panel is short: the document, article and notes under the quote fold into one line
        // that opens them, so that a tap's details fit the height the panel keeps (details_height.rs).
        // A national line's document is what it says (it has no quote), so it is never folded away.
        let fold = self.width < PHONE_WIDTH && fill == Fill::Target;
        let mut folded = false;
        for line in lines.into_iter().filter(|line| !opening || is_headline_line(line.kind)) {
            if fold && !folded && !is_headline_line(line.kind) {
                ui.open("details", "pt-citation", &[]);
                ui.leaf("summary", "", &[], self.config.lang.text().citation);
                folded = true;
            }
            let (tag, class, attributes): (_, _, &[_]) = match line.kind {
                LineKind::Heading => ("strong", "pt-details-heading", &[]),
                LineKind::Value => ("p", "pt-details-value", &[]),
                LineKind::Quote => ("blockquote", "pt-quote", &[("lang", "vi")]),
                LineKind::Translation => ("p", "pt-quote-en", &[("lang", "en")]),
                LineKind::Fact => ("p", "pt-details-fact", &[]),
                LineKind::AdminNote => ("p", "pt-details-admin", &[]),
            };
            ui.leaf(tag, class, attributes, &line.text);
        }
        if folded {
            ui.close();
        }
        if opening {
            // For sighted readers: a screen reader reaches the marks by Tab and hears each one (speech.rs), and
            // "tap, hover" would only be read aloud to someone who cannot see what to tap.
            ui.leaf("p", "pt-details-hint", &[("aria-hidden", "true")], self.config.lang.text().details_hint);
        }
        let details = &self.parts.details;
        // The panel is not live: a screen reader hears the short sentence of `.pt-live` (speech.rs) for the
        // mark the reader reached, and the quote on Enter, never a whole panel after each toggle.
        details.set_text_content(None);
        ui.apply(details)?;
        details.remove_attribute("hidden")?;
        details.set_attribute(SHOWING, showing)
    }

    /// Unpinned (Escape): the panel goes back to the view's opening target.
    pub(super) fn clear_details(&self) -> Result<(), JsValue> {
        let view = View::new(&self.dataset, &self.config);
        self.show_opening(opening_target(&self.dataset, &view))
    }

    /// Opens or closes the data table, building it on opening.
    pub(super) fn toggle_table(&self) -> Result<(), JsValue> {
        let text = self.config.lang.text();
        let open = self.parts.table.has_attribute("hidden");
        if open {
            self.render_table()?;
            self.parts.table.remove_attribute("hidden")?;
        } else {
            self.parts.table.set_attribute("hidden", "")?;
        }
        self.parts.table_toggle.set_attribute("aria-expanded", if open { "true" } else { "false" })?;
        self.parts.table_toggle.set_text_content(Some(if open { text.hide_table } else { text.show_table }));
        Ok(())
    }

    pub(super) fn render_table(&self) -> Result<(), JsValue> {
        let view = View::new(&self.dataset, &self.config);
        let data = table::table(&self.dataset, &view, self.config.lang);
        let mut ui = Ui::default();
        // On a phone each row is a card (widget.css), which CSS does by giving the cells `display: block`;
        // the roles keep them a table for a screen reader, which some browsers forget once the display
        // changes. Each cell's `data-label` is its column's name, which the card writes before it.
        ui.open("table", "", &[("role", "table")]);
        ui.leaf("caption", "", &[], &data.caption);
        ui.open("thead", "", &[("role", "rowgroup")]);
        ui.open("tr", "", &[("role", "row")]);
        for header in data.headers {
            ui.leaf("th", "", &[("scope", "col"), ("role", "columnheader")], header);
        }
        ui.close();
        ui.close();
        ui.open("tbody", "", &[("role", "rowgroup")]);
        for row in &data.rows {
            ui.open("tr", "", &[("role", "row")]);
            for (i, (cell, header)) in row.iter().zip(data.headers).enumerate() {
                match i {
                    0 => ui.leaf("th", "", &[("scope", "row"), ("role", "rowheader")], cell),
                    _ => ui.leaf("td", "", &[("role", "cell"), ("data-label", header)], cell),
                };
            }
            ui.close();
        }
        self.parts.table.set_text_content(None);
        ui.apply(&self.parts.table)?;
        Ok(())
    }
}

/// What the panel holds: a view's opening target, a target the reader reached, or a national line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fill {
    Opening,
    Target,
    National,
}

/// The lines an opening target shows: who, what value, and the words that state it (in English too, for a
/// reader who cannot read the Vietnamese).
fn is_headline_line(kind: LineKind) -> bool {
    matches!(kind, LineKind::Heading | LineKind::Value | LineKind::Quote | LineKind::Translation)
}
