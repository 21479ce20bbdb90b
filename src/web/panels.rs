//! The two panels beside the chart: the details of one target (its value, verbatim quote and source), and
//! the data table of the current view, which is built only while it is open.

use super::html::Ui;
use super::state::State;
use crate::chart::details::{self, LineKind};
use crate::chart::view::View;
use crate::data::model::TargetIdx;
use crate::export::table;
use wasm_bindgen::JsValue;

impl State {
    /// Shows the quote and source of `target` in the details panel.
    pub(super) fn show_details(&self, target: TargetIdx) -> Result<(), JsValue> {
        let mut ui = Ui::default();
        for line in details::details(&self.dataset, target, self.config.lang) {
            let (tag, class, attributes): (_, _, &[_]) = match line.kind {
                LineKind::Heading => ("strong", "pt-details-heading", &[]),
                LineKind::Value => ("p", "pt-details-value", &[]),
                LineKind::Quote => ("blockquote", "pt-quote", &[("lang", "vi")]),
                LineKind::Fact => ("p", "pt-details-fact", &[]),
                LineKind::AdminNote => ("p", "pt-details-admin", &[]),
            };
            ui.leaf(tag, class, attributes, &line.text);
        }
        self.parts.details.set_text_content(None);
        ui.apply(&self.parts.details)?;
        Ok(())
    }

    /// Empties the details panel back to its hint.
    pub(super) fn clear_details(&self) -> Result<(), JsValue> {
        self.parts.details.set_text_content(Some(self.config.lang.text().details_hint));
        Ok(())
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
        ui.open("table", "", &[]);
        ui.leaf("caption", "", &[], &data.caption);
        ui.open("thead", "", &[]);
        ui.open("tr", "", &[]);
        for header in data.headers {
            ui.leaf("th", "", &[("scope", "col")], header);
        }
        ui.close();
        ui.close();
        ui.open("tbody", "", &[]);
        for row in &data.rows {
            ui.open("tr", "", &[]);
            for (i, cell) in row.iter().enumerate() {
                match i {
                    0 => ui.leaf("th", "", &[("scope", "row")], cell),
                    _ => ui.leaf("td", "", &[], cell),
                };
            }
            ui.close();
        }
        self.parts.table.set_text_content(None);
        ui.apply(&self.parts.table)?;
        Ok(())
    }
}
