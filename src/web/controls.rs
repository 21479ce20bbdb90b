//! Building the widget's HTML on mount, in the order a graphics desk publishes: the headline (an `h2`) and
//! its description, the province chips (behind a disclosure on phones), the indicator picker, the year
//! segments and the national-target switch (all hidden by `controls="none"`), the chart, the details panel, then the note, the one source
//! line, the downloads menu and the table, in one call. On a phone the controls then move after the details
//! (`phone_order.rs`). What changes after mount is kept in `Parts`.

use super::html::Ui;
use crate::chart::indicator_menu::{indicator_menu, option_label};
use crate::chart::reference::national_name;
use crate::chart::view::ChartConfig;
use crate::data::model::Dataset;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlSelectElement};

/// The CSV link's `href` before a reader follows it (an empty CSV): the click sets a `blob:` URL
/// (`download::csv_href`).
pub(super) const CSV_HREF_PREFIX: &str = "data:text/csv;charset=utf-8,";

/// The widget's elements that change after mount.
pub(super) struct Parts {
    /// The headline, the description under it, the editor's note and the source line (see `framing.rs`).
    pub title: Element,
    pub description: Element,
    pub note: Element,
    pub source: Element,
    pub credit: Element,
    pub toggles: Vec<Element>,
    /// The "Tỉnh (5/5)" button that opens the province chips on a phone (hidden by CSS on wider widgets).
    pub provinces_toggle: Element,
    pub indicator: HtmlSelectElement,
    /// The year segments (`role="radio"`), "all" first, then each year of the dataset.
    pub years: Vec<(Option<u16>, Element)>,
    /// The "Mục tiêu quốc gia" switch (`aria-pressed`), shown only while the view has a national target
    /// to draw or hide (`national_toggle.rs`).
    pub national: Element,
    pub summary: Element,
    /// The live region: one short sentence when the focused mark changes (`speech`).
    pub live: Element,
    /// The sentence and buttons shown instead of the chart for a year no shown province set targets for.
    pub empty: Element,
    pub chart: Element,
    pub details: Element,
    pub table_toggle: Element,
    pub table: Element,
    /// The "Tải xuống ▾" disclosure button and the list of downloads it opens (see `menu.rs`).
    pub downloads_toggle: Element,
    pub downloads_list: Element,
}

/// Builds the headline, the controls (hidden when the editor fixes the view: `show_controls` false), the
/// chart area, the details panel and what follows the chart, in one call. The headline's texts are written
/// by the first render (`framing.rs`).
pub(super) fn build(
    root: &Element,
    dataset: &Dataset,
    config: &ChartConfig,
    show_controls: bool,
) -> Result<Parts, JsValue> {
    let lang = config.lang;
    let text = lang.text();
    let mut ui = Ui::default();
    // A level-2 heading: an article's own title is its h1, and a chart inside it is a section of it.
    let title = ui.leaf("h2", "pt-title", &[], "");
    let description = ui.leaf("p", "pt-description", &[], "");
    let controls_attributes: &[(&'static str, &str)] = if show_controls { &[] } else { &[("hidden", "")] };
    ui.open("div", "pt-controls", controls_attributes);
    // On a phone the chips are behind a disclosure, so the headline and chart come first; wider, the button is
    // hidden and the chips always show (widget.css).
    let n_shown = config.shown.iter().filter(|shown| **shown).count();
    let provinces_toggle = ui.leaf(
        "button",
        "pt-provinces-toggle",
        &[("type", "button"), ("aria-expanded", "false"), ("aria-controls", "pt-provinces")],
        &lang.provinces_shown(n_shown, dataset.provinces.len()),
    );
    ui.open(
        "div",
        "pt-provinces",
        &[("id", "pt-provinces"), ("role", "group"), ("aria-label", text.provinces)],
    );
    // The chips are one Tab stop, as the year segments are: the first holds it until the reader moves with
    // the arrow keys (`province_chips.rs`), so that five provinces do not cost five Tab presses.
    let toggles: Vec<usize> = (dataset.provinces.iter().enumerate())
        .map(|(i, province)| {
            let index = i.to_string();
            let pressed = pressed(config.shown.get(i).copied().unwrap_or(false));
            let tabindex = if i == 0 { "0" } else { "-1" };
            ui.leaf(
                "button",
                "pt-toggle",
                &[
                    ("type", "button"),
                    ("data-province", &index),
                    ("aria-pressed", pressed),
                    ("tabindex", tabindex),
                ],
                &province.name_vi,
            )
        })
        .collect();
    ui.close();

    let indicator = ui.select_field(text.indicator);
    for group in indicator_menu(dataset, lang) {
        ui.open("optgroup", "", &[("label", &group.label)]);
        for i in group.indicators {
            let ind = &dataset.indicators[i];
            ui.leaf("option", "", &[("value", &ind.id)], option_label(ind, lang));
        }
        ui.close();
    }
    ui.close(); // select
    ui.close(); // label

    // The year is a segmented control with radio semantics: one Tab stop (the checked segment), arrow keys
    // move and choose (`events::on_key`). Segments of years with no target are marked at each render.
    ui.open("div", "pt-field pt-year-field", &[]);
    // The visible word is hidden from the accessibility tree and the group carries it as its name: a screen
    // reader says "Năm" once, as the group's name, not once as text and again as the name.
    ui.leaf("span", "", &[("aria-hidden", "true")], text.year);
    ui.open("div", "pt-years", &[("role", "radiogroup"), ("aria-label", text.year)]);
    let year_choices: Vec<Option<u16>> =
        std::iter::once(None).chain(dataset.years().into_iter().map(Some)).collect();
    let years: Vec<(Option<u16>, usize)> = year_choices
        .into_iter()
        .map(|year| {
            let value = year.map_or_else(|| "all".to_string(), |y| y.to_string());
            let label = year.map_or_else(|| lang.text().all_years_short.to_string(), |y| y.to_string());
            let checked = year == config.year;
            let node = ui.leaf(
                "button",
                "pt-year",
                &[
                    ("type", "button"),
                    ("role", "radio"),
                    ("data-year", &value),
                    ("aria-checked", if checked { "true" } else { "false" }),
                    ("tabindex", if checked { "0" } else { "-1" }),
                ],
                &label,
            );
            (year, node)
        })
        .collect();
    ui.close(); // radiogroup
    ui.close(); // field
                // Last in the row, so that showing or hiding it (it follows the view) moves no other control. Hidden
                // until the first render says whether the view has a national target.
    let national = ui.leaf(
        "button",
        "pt-national-toggle",
        &[("type", "button"), ("aria-pressed", pressed(config.national)), ("hidden", "")],
        national_name(lang),
    );
    ui.close(); // controls

    // The one-sentence summary is for screen readers: sighted readers have the chart it describes.
    let summary = ui.leaf("p", "pt-summary pt-visually-hidden", &[], "");
    // What the focused mark is, in one short sentence; the details panel below is not live, so a screen
    // reader is not read a whole quote at every arrow key (Enter reads it, see `speech`).
    let live = ui.leaf("p", "pt-live pt-visually-hidden", &[("aria-live", "polite")], "");
    let empty = ui.open("div", "pt-empty", &[("hidden", "")]);
    ui.close();
    let chart = ui.open("div", "pt-chart", &[]);
    ui.close();
    let details = ui.leaf("div", "pt-details", &[], text.details_hint);

    // What follows the chart: the editor's note, the source line of the rows shown, then the downloads and
    // the table, so a reader meets the chart's credits where a printed graphic has them.
    let note = ui.leaf("p", "pt-note", &[("hidden", "")], "");
    let source = ui.leaf("p", "pt-source", &[], "");
    let credit = ui.leaf("p", "pt-credit", &[("hidden", "")], "");
    ui.open("div", "pt-actions", &[]);
    ui.open("div", "pt-downloads", &[]);
    let downloads_toggle = ui.open(
        "button",
        "pt-downloads-toggle",
        &[("type", "button"), ("aria-expanded", "false"), ("aria-controls", "pt-downloads-list")],
    );
    ui.leaf("span", "", &[], text.download_menu);
    // The triangle says "opens"; the button's name is the word alone.
    ui.leaf("span", "pt-downloads-caret", &[("aria-hidden", "true")], "▾");
    ui.close(); // button
    let downloads_list = ui.open("ul", "pt-downloads-list", &[("id", "pt-downloads-list"), ("hidden", "")]);
    ui.open("li", "", &[]);
    ui.leaf("button", "pt-download pt-png-download", &[("type", "button")], text.download_png);
    ui.close();
    ui.open("li", "", &[]);
    ui.leaf("button", "pt-download pt-svg-download", &[("type", "button")], text.download_svg);
    ui.close();
    // Each CSV is written when its link is followed (see `download::csv_href`), not for every reader who never
    // asks: first the chart's own rows, which a reader asking for "the data" of what they see expects, then the
    // whole dataset, every field of every record.
    ui.open("li", "", &[]);
    ui.leaf(
        "a",
        "pt-download pt-view-csv-download",
        &[("href", CSV_HREF_PREFIX), ("download", "province-targets-view.csv")],
        text.download_view_csv,
    );
    ui.close(); // li
    ui.open("li", "", &[]);
    ui.leaf(
        "a",
        "pt-download pt-csv-download",
        &[("href", CSV_HREF_PREFIX), ("download", "province-targets.csv")],
        text.download_csv,
    );
    ui.close(); // li
    ui.close(); // ul
    ui.close(); // pt-downloads
    let table_toggle = ui.leaf(
        "button",
        "pt-table-toggle",
        &[("type", "button"), ("aria-expanded", "false")],
        text.show_table,
    );
    ui.close(); // pt-actions

    let table = ui.open("div", "pt-table", &[("hidden", "")]);
    ui.close();

    let nodes = ui.apply(root)?;
    let get = |i: usize| -> Element { nodes.get(i as u32).unchecked_into() };
    // The select changes only by the reader's hand after this (see `on_change`), so it is set once.
    let indicator: HtmlSelectElement = get(indicator).unchecked_into();
    indicator.set_value(&dataset.indicators[config.indicator].id);
    Ok(Parts {
        title: get(title),
        description: get(description),
        note: get(note),
        source: get(source),
        credit: get(credit),
        toggles: toggles.into_iter().map(get).collect(),
        provinces_toggle: get(provinces_toggle),
        indicator,
        years: years.into_iter().map(|(year, node)| (year, get(node))).collect(),
        national: get(national),
        summary: get(summary),
        live: get(live),
        empty: get(empty),
        chart: get(chart),
        details: get(details),
        table_toggle: get(table_toggle),
        table: get(table),
        downloads_toggle: get(downloads_toggle),
        downloads_list: get(downloads_list),
    })
}

/// An `aria-pressed` value.
pub(super) fn pressed(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}
