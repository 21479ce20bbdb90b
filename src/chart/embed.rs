//! The embed contract: the element the loader defines, the options an embed sets (attributes of
//! `<province-targets>`, or `data-` attributes of the script tag) and the values each accepts, and the
//! version. The loader (`www/province-targets.js`) keeps no copy: `province-targets embed-contract` prints
//! this as JSON, which the build hands to esbuild to inject into the loader. `view::Requested` holds the same
//! options, unchecked.

use crate::data::field::Field;
use crate::locale::i18n::Lang;
use serde::Deserialize;

/// The crate's version, which the loader shows as `ProvinceTargets.version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The custom element the loader defines and the script-tag embed inserts.
pub const TAG: &str = "province-targets";

/// The value of `year` that shows every year.
pub const YEAR_ALL: &str = "all";

/// The colour schemes an embed may ask for; `auto` follows the reader's `prefers-color-scheme`.
pub const THEMES: &[&str] = &["light", "dark", "auto"];

/// Whether the national targets are drawn as reference lines: `on` (the default) or `off`.
pub const NATIONAL: &[&str] = &["on", "off"];
/// Whether the reader gets the province, indicator and year controls (`all`, the default) or the editor
/// fixes the view (`none`: the chart, its details and the downloads stay).
pub const CONTROLS: &[&str] = &["all", "none"];
/// How the widget sits in the page: `inline` (the default) in the article's flow, as tall as what it shows;
/// `story` in a box of fixed height that fits the viewport (`--pt-story-height`), for a chart a scrolling
/// story drives, whose changes then never move the article's text.
pub const LAYOUTS: &[&str] = &["inline", "story"];

/// The attribute the loader reads itself, the URL of the dataset; the module never sees it.
pub const SRC: &str = "src";

/// The attribute the loader reads itself, the first view's own heights by the widget's width, which the
/// embed builder measures and writes (`600:912,700:874`: from 600 px wide, 912 px): the height the widget
/// reserves while it loads, instead of the bundled default view's. The module never sees it.
pub const HEIGHTS: &str = "heights";

/// One option the loader passes to the module's `mount`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedOption {
    pub name: &'static str,
    /// The values it accepts whatever the dataset.
    pub values: &'static [&'static str],
    /// What else it accepts from the dataset, in words; `None` if the dataset adds nothing.
    pub from_dataset: Option<&'static str>,
}

/// The options, in the order the loader reads them.
pub const OPTIONS: &[EmbedOption] = &[
    EmbedOption { name: "indicator", values: &[], from_dataset: Some("an indicator id") },
    EmbedOption { name: "year", values: &[YEAR_ALL], from_dataset: Some("a year that has targets") },
    EmbedOption { name: "provinces", values: &[], from_dataset: Some("comma-separated province ids") },
    EmbedOption { name: "lang", values: Lang::CHOICES, from_dataset: None },
    EmbedOption { name: "theme", values: THEMES, from_dataset: None },
    EmbedOption { name: "national", values: NATIONAL, from_dataset: None },
    // The editor's own words: any text, cut to `framing::*_MAX_CHARS` (the module warns when it cuts).
    EmbedOption { name: "title", values: &[], from_dataset: None },
    EmbedOption { name: "subtitle", values: &[], from_dataset: None },
    EmbedOption { name: "note", values: &[], from_dataset: None },
    EmbedOption { name: "credit", values: &[], from_dataset: None },
    EmbedOption { name: "controls", values: CONTROLS, from_dataset: None },
    EmbedOption { name: "highlight", values: &[], from_dataset: Some("comma-separated province ids") },
    EmbedOption { name: "layout", values: LAYOUTS, from_dataset: None },
];

/// The options object the loader passes to the module's `mount`, as serde reads it: each option as given,
/// unchecked (`view::ChartConfig::resolve` checks them against the dataset). Its fields are `OPTIONS`'
/// names; a test holds the two together.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmbedOptions {
    pub indicator: OptionText,
    pub year: OptionText,
    pub provinces: OptionText,
    pub lang: OptionText,
    pub theme: OptionText,
    pub national: OptionText,
    pub title: OptionText,
    pub subtitle: OptionText,
    pub note: OptionText,
    pub credit: OptionText,
    pub controls: OptionText,
    pub highlight: OptionText,
    pub layout: OptionText,
}

/// One option's value when it is text. Any other value (a number, `null`, a list, or a function, which no
/// format but a live JavaScript object can hold and whose reading is an error) is no option at all: the
/// default applies, as for a missing one, and the other options still count.
#[derive(Debug, Default, PartialEq)]
pub struct OptionText(pub Option<String>);

impl<'de> Deserialize<'de> for OptionText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Only for values read from an object already in memory (serde-wasm-bindgen), where an error is
        // the value's own and leaves nothing half-read.
        match Field::<String>::deserialize(deserializer) {
            Ok(Field::Value(text)) => Ok(OptionText(Some(text))),
            _ => Ok(OptionText(None)),
        }
    }
}

/// Every attribute the element observes: the options, then `src` and `heights`.
pub fn attributes() -> impl Iterator<Item = &'static str> {
    OPTIONS.iter().map(|o| o.name).chain([SRC, HEIGHTS])
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(not(target_arch = "wasm32"))]
    use crate::data::field::Record;

    // serde_json is a native dependency only.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_options_serde_reads_are_the_contracts_options_in_order() {
        let Record::Object { valid, .. } = serde_json::from_str::<Record<EmbedOptions>>("{}").unwrap() else {
            unreachable!("{{}} is an object")
        };
        let names: Vec<&str> = OPTIONS.iter().map(|option| option.name).collect();
        assert_eq!(valid, names);
    }

    #[test]
    fn attribute_names_are_distinct() {
        let names: Vec<&str> = attributes().collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "{names:?}");
    }
}
