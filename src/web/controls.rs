//! Building the widget's HTML on mount: the province toggles, the indicator and year pickers, the chart
//! area, the details panel, the actions, the table and the sources, in one call. What changes after mount is
//! kept in `Parts`.

use super::download::CSV_HREF_PREFIX;
use super::html::Ui;
use crate::chart::view::ChartConfig;
use crate::data::model::Dataset;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlSelectElement};

/// The widget's elements that change after mount.
pub(super) struct Parts {
    pub toggles: Vec<Element>,
    pub indicator: HtmlSelectElement,
    pub year: HtmlSelectElement,
    pub summary: Element,
    pub chart: Element,
    pub details: Element,
    pub table_toggle: Element,
    pub table: Element,
}

/// Builds the controls, the chart area, the details panel, the table and the footer, in one call.
pub(super) fn build(root: &Element, dataset: &Dataset, config: &ChartConfig) -> Result<Parts, JsValue> {
    let lang = config.lang;
    let text = lang.text();
    let mut ui = Ui::default();
    ui.open("div", "pt-controls", &[]);
    ui.open("div", "pt-provinces", &[("role", "group"), ("aria-label", text.provinces)]);
    let toggles: Vec<usize> = (dataset.provinces.iter().enumerate())
        .map(|(i, province)| {
            let index = i.to_string();
            let pressed = pressed(config.shown.get(i).copied().unwrap_or(false));
            ui.leaf(
                "button",
                "pt-toggle",
                &[("type", "button"), ("data-province", &index), ("aria-pressed", pressed)],
                &province.name_vi,
            )
        })
        .collect();
    ui.close();

    let indicator = ui.select_field(text.indicator);
    for (p, pillar) in dataset.pillars.iter().enumerate() {
        ui.open("optgroup", "", &[("label", lang.pick(&pillar.name_vi, &pillar.name_en))]);
        for (i, ind) in dataset.indicators.iter().enumerate().filter(|(_, ind)| ind.pillar == p) {
            let label = format!(
                "{} ({})",
                lang.pick(&ind.label_vi, &ind.label_en),
                lang.provinces(dataset.n_provinces_setting(i))
            );
            ui.leaf("option", "", &[("value", &ind.id)], &label);
        }
        ui.close();
    }
    ui.close(); // select
    ui.close(); // label

    let year = ui.select_field(text.year);
    ui.leaf("option", "", &[("value", "all")], text.all_years);
    for y in dataset.years() {
        let y = y.to_string();
        ui.leaf("option", "", &[("value", &y)], &y);
    }
    ui.close(); // select
    ui.close(); // label
    ui.close(); // controls

    // The one-sentence summary is for screen readers: sighted readers have the chart it describes.
    let summary = ui.leaf("p", "pt-summary pt-visually-hidden", &[("aria-live", "polite")], "");
    let chart = ui.open("div", "pt-chart", &[]);
    ui.close();
    let details = ui.leaf("div", "pt-details", &[("aria-live", "polite")], text.details_hint);

    ui.open("div", "pt-actions", &[]);
    let table_toggle = ui.leaf(
        "button",
        "pt-table-toggle",
        &[("type", "button"), ("aria-expanded", "false")],
        text.show_table,
    );
    // The CSV is written when the link is followed (see `download::csv_href`), not for every reader who never asks.
    ui.leaf(
        "a",
        "pt-download pt-csv-download",
        &[("href", CSV_HREF_PREFIX), ("download", "province-targets.csv")],
        text.download_csv,
    );
    ui.leaf("button", "pt-download pt-svg-download", &[("type", "button")], text.download_svg);
    ui.leaf("button", "pt-download pt-png-download", &[("type", "button")], text.download_png);
    ui.close();

    let table = ui.open("div", "pt-table", &[("hidden", "")]);
    ui.close();

    ui.open("footer", "pt-footer", &[]);
    for source in &dataset.sources {
        let province = &dataset.provinces[source.province].name_vi;
        let document_name =
            source.document.as_deref().or(source.document_title.as_deref()).unwrap_or(&source.id);
        let mut line = format!("{province}: {document_name}");
        if let Some(date) = &source.document_date {
            line.push_str(", ");
            line.push_str(&crate::chart::format::date(date, lang));
        }
        if let Some(publisher) = &source.article_publisher {
            line.push_str(" · ");
            line.push_str(publisher);
        }
        ui.leaf("p", "", &[], &line);
    }
    ui.close();

    let nodes = ui.apply(root)?;
    let get = |i: usize| -> Element { nodes.get(i as u32).unchecked_into() };
    // The selects change only by the reader's hand after this (see `on_change`), so they are set once.
    let indicator: HtmlSelectElement = get(indicator).unchecked_into();
    indicator.set_value(&dataset.indicators[config.indicator].id);
    let year: HtmlSelectElement = get(year).unchecked_into();
    year.set_value(&config.year.map_or_else(|| "all".into(), |y| y.to_string()));
    Ok(Parts {
        toggles: toggles.into_iter().map(get).collect(),
        indicator,
        year,
        summary: get(summary),
        chart: get(chart),
        details: get(details),
        table_toggle: get(table_toggle),
        table: get(table),
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
