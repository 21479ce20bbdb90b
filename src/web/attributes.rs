//! The embed's attributes as they cross the boundary: the options a mount is given, resolved against the
//! dataset with a console warning for every unknown value, and the current view written back as the
//! attributes that would reproduce it (`Widget.state()` and the `province-targets-change` event).

use crate::chart::embed::{EmbedOptions, CONTROLS, LAYOUTS, NATIONAL};
use crate::chart::framing::EditorWords;
use crate::chart::view::{ChartConfig, Requested};
use crate::data::model::Dataset;
use crate::render::theme::ThemeName;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// The options as the page gave them, unchecked: any of them may be missing or name nothing.
pub(super) struct Options {
    pub requested: Requested,
    pub theme: Option<String>,
    /// The editor's `title`, `subtitle`, `note` and `credit`, cut to their limits.
    pub words: EditorWords,
    /// Whether the reader gets the controls (`controls="none"` fixes the view).
    pub controls: bool,
    /// The warning for a `layout` that is none of `LAYOUTS` (the widget's CSS then lays it out inline).
    pub layout_warning: Option<String>,
}

/// Reads the options object the loader passes (`{indicator, year, provinces, lang, theme, title, subtitle,
/// note, credit, controls, …}`, each a string or missing). Anything that is not an object at all (`undefined`, a string)
/// reads as no options: a mount never fails because of its options. An editor's words over their limit are
/// cut, and an unknown `controls` value keeps the controls, each with a console warning.
pub(super) fn read_options(options: JsValue) -> Options {
    let given: EmbedOptions = serde_wasm_bindgen::from_value(options).unwrap_or_default();
    let (words, cuts) = EditorWords::read(
        given.title.0.as_deref(),
        given.subtitle.0.as_deref(),
        given.note.0.as_deref(),
        given.credit.0.as_deref(),
    );
    for cut in &cuts {
        web_sys::console::warn_1(&cut.message().into());
    }
    let controls = match given.controls.0.as_deref().map(str::trim) {
        None | Some("all") => true,
        Some("none") => false,
        Some(other) => {
            web_sys::console::warn_1(
                &format!(
                    "province-targets: unknown controls \"{other}\", showing them. Valid values: {}.",
                    CONTROLS.join(", ")
                )
                .into(),
            );
            true
        }
    };
    let layout_warning = match given.layout.0.as_deref().map(str::trim) {
        None => None,
        Some(layout) if LAYOUTS.contains(&layout) => None,
        Some(other) => Some(format!(
            "province-targets: unknown layout \"{other}\", laying the widget out inline. Valid values: {}.",
            LAYOUTS.join(", ")
        )),
    };
    if let Some(warning) = &layout_warning {
        web_sys::console::warn_1(&warning.into());
    }
    Options {
        words,
        controls,
        layout_warning,
        requested: Requested {
            indicator: given.indicator.0,
            year: given.year.0,
            provinces: given.provinces.0,
            lang: given.lang.0,
            national: given.national.0,
            highlight: given.highlight.0,
        },
        theme: given.theme.0,
    }
}

/// The reader's first view and the theme: unknown values fall back to the defaults, each with a console
/// warning that lists the valid values, so an editor's typo never stops a mount.
/// Light unless the embed asks for `dark` or `auto`: a dark box in a host page that has no dark mode is what
/// newsrooms turned off in Datawrapper, so following the reader's scheme is opt-in.
const DEFAULT_THEME: &str = "light";

pub(super) fn resolve(dataset: &Dataset, options: &Options) -> (ChartConfig, String) {
    let (config, fallbacks) = ChartConfig::resolve(dataset, &options.requested);
    for fallback in &fallbacks {
        web_sys::console::warn_1(&fallback.message().into());
    }
    let theme = match resolve_theme(options.theme.as_deref()) {
        (theme, Ok(_)) => theme,
        (theme, Err(warning)) => {
            web_sys::console::warn_1(&warning.into());
            theme
        }
    };
    (config, theme)
}

/// The theme a mount uses for `theme` (the default when it is unknown or missing), and the theme itself or
/// the warning that names the valid ones.
pub(super) fn resolve_theme(theme: Option<&str>) -> (String, Result<String, String>) {
    match theme {
        Some(theme) if ThemeName::parse(theme).is_some() => (theme.into(), Ok(theme.into())),
        Some(theme) => (
            DEFAULT_THEME.into(),
            Err(format!(
                "province-targets: unknown theme \"{theme}\", using the default. Valid values: {}.",
                ThemeName::CHOICES.join(", ")
            )),
        ),
        None => (DEFAULT_THEME.into(), Ok(DEFAULT_THEME.into())),
    }
}

/// The current view as the embed attributes that would reproduce it (`Widget.state()`, and the detail of
/// `province-targets-change`).
#[derive(Serialize)]
struct ViewAttributes<'a> {
    indicator: &'a str,
    /// "all" or a year.
    year: String,
    /// A comma-separated list of province ids.
    provinces: String,
    lang: &'static str,
    /// "on" or "off": whether the national reference lines are drawn (the reader's switch).
    national: &'static str,
    /// The highlighted province ids, only when the embed set some: a page that keeps the view in its URL
    /// keeps the highlight too.
    #[serde(skip_serializing_if = "String::is_empty")]
    highlight: String,
}

/// The current view as a JavaScript object: `{indicator, year, provinces, lang, national}`, and `highlight`
/// if set.
pub(super) fn view_attributes(dataset: &Dataset, config: &ChartConfig) -> JsValue {
    let provinces: Vec<&str> = (dataset.provinces.iter().zip(&config.shown))
        .filter(|(_, shown)| **shown)
        .map(|(p, _)| p.id.as_str())
        .collect();
    let attributes = ViewAttributes {
        indicator: &dataset.indicators[config.indicator].id,
        year: config.year.map(|y| y.to_string()).unwrap_or_else(|| "all".into()),
        provinces: provinces.join(","),
        lang: config.lang.as_str(),
        national: NATIONAL[usize::from(!config.national)],
        highlight: (config.highlight.iter())
            .map(|&p| dataset.provinces[p].id.as_str())
            .collect::<Vec<_>>()
            .join(","),
    };
    // Only strings: serializing them cannot fail.
    serde_wasm_bindgen::to_value(&attributes).unwrap_or(JsValue::UNDEFINED)
}
