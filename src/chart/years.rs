//! Which target years the shown provinces filled for the chosen indicator: the year control marks the others
//! as empty, and a view of an empty year says so in one sentence, with the years a reader can go to instead
//! of rows of "không đặt mục tiêu" over an empty axis; and where the arrow keys go among the year segments,
//! which skip the empty years.

use crate::chart::navigation::Move;
use crate::chart::view::ChartConfig;
use crate::data::model::Dataset;
use crate::data::order;

/// The years, ascending, in which a shown province set a target for the chosen indicator.
pub fn years_with_targets(dataset: &Dataset, config: &ChartConfig) -> Vec<u16> {
    let shown = |province: usize| config.shown.get(province).copied().unwrap_or(false);
    let mut years: Vec<u16> = dataset
        .targets_of(config.indicator)
        .filter(|(_, t)| shown(t.province))
        .map(|(_, t)| t.year)
        .collect();
    order::sort_dedup(&mut years);
    years
}

/// What the chart says when the chosen year has no target in any shown province.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmptyYear {
    pub sentence: String,
    /// The years the reader can go to instead (may be empty: the shown provinces set none at all).
    pub years: Vec<u16>,
}

/// `Some` when a year is chosen, some province is shown, and none of the shown ones set a target for that
/// year. With every province off, the chart's own "no province selected" line says what is wrong instead.
pub fn empty_year(dataset: &Dataset, config: &ChartConfig) -> Option<EmptyYear> {
    let year = config.year?;
    if !config.shown.iter().any(|shown| *shown) {
        return None;
    }
    let years = years_with_targets(dataset, config);
    if years.contains(&year) {
        return None;
    }
    let all_shown = config.shown.iter().all(|shown| *shown);
    Some(EmptyYear { sentence: config.lang.empty_year(year, all_shown), years })
}

/// Where an arrow key goes in the year segments, from `current` (`None` is "all years"): among `choices`
/// (each year and whether a reader can choose it, in the order shown), the next or previous choosable one,
/// wrapping round as a radio group does; `First` and `Last` go to the ends. `None` when nothing is choosable.
pub fn step(choices: &[(Option<u16>, bool)], current: Option<u16>, step: Move) -> Option<Option<u16>> {
    let open: Vec<Option<u16>> = choices.iter().filter(|(_, open)| *open).map(|(year, _)| *year).collect();
    let n = open.len();
    if n == 0 {
        return None;
    }
    let at = open.iter().position(|year| *year == current);
    let index = match step {
        Move::Right | Move::Down => at.map_or(0, |i| (i + 1) % n),
        Move::Left | Move::Up => at.map_or(n - 1, |i| (i + n - 1) % n),
        Move::First => 0,
        Move::Last => n - 1,
    };
    Some(open[index])
}

#[cfg(test)]
mod step_tests {
    use super::*;

    #[test]
    fn arrows_skip_empty_years_and_wrap_round() {
        let choices = [(None, true), (Some(2021), false), (Some(2023), true), (Some(2025), true)];
        assert_eq!(step(&choices, None, Move::Right), Some(Some(2023)), "2021 is skipped");
        assert_eq!(step(&choices, Some(2025), Move::Down), Some(None), "wraps to all years");
        assert_eq!(step(&choices, None, Move::Left), Some(Some(2025)), "and back");
        assert_eq!(step(&choices, Some(2023), Move::Up), Some(None));
        assert_eq!(step(&choices, Some(2023), Move::First), Some(None));
        assert_eq!(step(&choices, None, Move::Last), Some(Some(2025)));
        // From an empty year a reader arrived at (an embed attribute), the arrows still lead out of it.
        assert_eq!(step(&choices, Some(2021), Move::Right), Some(None));
        assert_eq!(step(&[(Some(2021), false)], Some(2021), Move::Right), None);
    }
}

// The bundled dataset is read natively (serde_json): these run under `cargo test`.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::read::{dataset_from_json, BUNDLED};
    use crate::locale::i18n::Lang;

    fn config(dataset: &Dataset, indicator: &str, year: Option<u16>) -> ChartConfig {
        ChartConfig {
            indicator: dataset.indicator_by_id(indicator).unwrap(),
            year,
            lang: Lang::Vi,
            ..ChartConfig::default_for(dataset)
        }
    }

    #[test]
    fn a_year_no_province_targets_is_empty_and_names_the_years_that_are_not() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let grdp = config(&dataset, "digital-economy-share-grdp", Some(2021));
        let years = years_with_targets(&dataset, &grdp);
        assert!(!years.contains(&2021) && years.contains(&2025), "{years:?}");
        let empty = empty_year(&dataset, &grdp).expect("2021 has no GRDP target");
        assert_eq!(empty.sentence, "Chưa tỉnh nào đặt mục tiêu cho năm 2021.");
        assert_eq!(empty.years, years);
        assert_eq!(empty_year(&dataset, &config(&dataset, "digital-economy-share-grdp", Some(2025))), None);
        assert_eq!(empty_year(&dataset, &config(&dataset, "digital-economy-share-grdp", None)), None);
    }

    #[test]
    fn turning_off_the_provinces_that_set_a_year_empties_it_and_turning_all_off_is_not_an_empty_year() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let mut view = config(&dataset, "digital-economy-share-grdp", Some(2030));
        for (_, target) in dataset.targets_of(view.indicator).filter(|(_, t)| t.year == 2030) {
            view.shown[target.province] = false;
        }
        let empty = empty_year(&dataset, &view).expect("no shown province set a 2030 target");
        assert_eq!(empty.sentence, "Các tỉnh đang chọn chưa đặt mục tiêu cho năm 2030.");
        assert!(!empty.years.contains(&2030));
        view.shown.iter_mut().for_each(|shown| *shown = false);
        assert_eq!(empty_year(&dataset, &view), None);
    }
}
