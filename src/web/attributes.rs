//! The embed's attributes as they cross the boundary: the options a mount is given, resolved against the
//! dataset with a console warning for every unknown value, and the current view written back as the
//! attributes that would reproduce it (`Widget.state()` and the `province-targets-change` event).

use super::state::State;
use crate::chart::view::{ChartConfig, Requested};
use crate::data::model::Dataset;
use crate::render::theme::ThemeName;
use wasm_bindgen::JsValue;

/// The options as the page gave them, unchecked: any of them may be missing or name nothing.
pub(super) struct Options {
    pub requested: Requested,
    pub theme: Option<String>,
}

/// Reads the option strings from a JavaScript object; a missing key, or a value that is not a string, is no
/// option at all (the default applies).
pub(super) fn read_options(options: &JsValue) -> Options {
    Options {
        requested: Requested {
            indicator: option_string(options, "indicator"),
            year: option_string(options, "year"),
            provinces: option_string(options, "provinces"),
            lang: option_string(options, "lang"),
        },
        theme: option_string(options, "theme"),
    }
}

fn option_string(options: &JsValue, key: &str) -> Option<String> {
    if options.is_undefined() || options.is_null() {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok().and_then(|v| v.as_string())
}

/// The reader's first view and the theme: unknown values fall back to the defaults, each with a console
/// warning that lists the valid values, so an editor's typo never stops a mount.
pub(super) fn resolve(dataset: &Dataset, options: &Options) -> (ChartConfig, String) {
    let (config, fallbacks) = ChartConfig::resolve(dataset, &options.requested);
    for fallback in &fallbacks {
        web_sys::console::warn_1(&fallback.message().into());
    }
    let theme = match &options.theme {
        Some(theme) if ThemeName::parse(theme).is_some() => theme.clone(),
        Some(theme) => {
            web_sys::console::warn_1(
                &format!(
                    "province-targets: unknown theme \"{theme}\", using the default. Valid values: {}.",
                    ThemeName::CHOICES.join(", ")
                )
                .into(),
            );
            "auto".into()
        }
        None => "auto".into(),
    };
    (config, theme)
}

/// The current view as the embed attributes that would reproduce it: `{indicator, year, provinces, lang}`
/// (`year` is "all" or a year; `provinces` a comma-separated list of ids).
pub(super) fn view_attributes(state: &State) -> JsValue {
    let object = js_sys::Object::new();
    let provinces: Vec<&str> = state
        .dataset
        .provinces
        .iter()
        .zip(&state.config.shown)
        .filter(|(_, shown)| **shown)
        .map(|(p, _)| p.id.as_str())
        .collect();
    let year = state.config.year.map(|y| y.to_string()).unwrap_or_else(|| "all".into());
    for (key, value) in [
        ("indicator", state.dataset.indicators[state.config.indicator].id.as_str()),
        ("year", year.as_str()),
        ("provinces", &provinces.join(",")),
        ("lang", state.config.lang.as_str()),
    ] {
        let _ = js_sys::Reflect::set(&object, &key.into(), &value.into());
    }
    object.into()
}
