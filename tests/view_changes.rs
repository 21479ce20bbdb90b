//! How a page's change of options moves the view on screen (`ChartConfig::with_changes`): only the named
//! choices move, the reader's other choices stay, and a value that does not exist keeps the current one.

#![cfg(not(target_arch = "wasm32"))]
use province_targets::chart::view::{ChartConfig, Requested};
use province_targets::data::read::{dataset_from_json, BUNDLED};

fn requested(pairs: &[(&str, &str)]) -> Requested {
    let mut requested = Requested::default();
    for &(name, value) in pairs {
        let value = Some(value.to_string());
        match name {
            "indicator" => requested.indicator = value,
            "year" => requested.year = value,
            "provinces" => requested.provinces = value,
            "national" => requested.national = value,
            "highlight" => requested.highlight = value,
            _ => panic!("no option {name}"),
        }
    }
    requested
}

#[test]
fn a_new_indicator_keeps_the_readers_provinces_and_year() {
    let dataset = dataset_from_json(BUNDLED).unwrap();
    let (mut on_screen, _) = ChartConfig::resolve(&dataset, &requested(&[("year", "2025")]));
    // The reader hid the first province with its chip: the page never said so.
    on_screen.shown[0] = false;
    let page = requested(&[("year", "2025"), ("indicator", "digital-economy-share-grdp")]);
    let (next, warnings) = on_screen.with_changes(&dataset, &page, &["indicator"]);
    assert!(warnings.is_empty());
    assert_eq!(next.indicator, dataset.indicator_by_id("digital-economy-share-grdp").unwrap());
    assert_eq!(next.shown, on_screen.shown, "the reader's filter stays");
    assert_eq!(next.year, Some(2025));
}

#[test]
fn named_choices_take_the_pages_values() {
    let dataset = dataset_from_json(BUNDLED).unwrap();
    let (on_screen, _) = ChartConfig::resolve(&dataset, &Requested::default());
    let page =
        requested(&[("provinces", "lang-son,bac-giang"), ("highlight", "lang-son"), ("national", "off")]);
    let (next, warnings) = on_screen.with_changes(&dataset, &page, &["provinces", "highlight", "national"]);
    assert!(warnings.is_empty());
    let (fresh, _) = ChartConfig::resolve(&dataset, &page);
    assert_eq!(next, fresh, "the same view as a fresh mount with those options");
}

#[test]
fn an_unknown_value_keeps_the_view_and_names_the_valid_ones() {
    let dataset = dataset_from_json(BUNDLED).unwrap();
    let (on_screen, _) = ChartConfig::resolve(&dataset, &requested(&[("year", "2025")]));
    let page = requested(&[("year", "1999"), ("indicator", "nope")]);
    let (next, warnings) = on_screen.with_changes(&dataset, &page, &["year", "indicator"]);
    assert_eq!(next, on_screen);
    assert_eq!(warnings.len(), 2);
    let message = warnings[0].message_kept();
    assert!(message.contains("keeping the current view") && message.contains("2025"), "{message}");
}

#[test]
fn an_option_that_is_not_named_does_not_move() {
    let dataset = dataset_from_json(BUNDLED).unwrap();
    let (on_screen, _) = ChartConfig::resolve(&dataset, &Requested::default());
    // The page's provinces attribute holds a bad id, but only the year changed: nothing is reported.
    let page = requested(&[("provinces", "atlantis"), ("year", "2025")]);
    let (next, warnings) = on_screen.with_changes(&dataset, &page, &["year"]);
    assert!(warnings.is_empty());
    assert_eq!(next.shown, on_screen.shown);
    assert_eq!(next.year, Some(2025));
}
