//! The target a widget opens on: its details fill the panel before the reader touches anything, so the room
//! kept against layout shift holds a real quote instead of an empty box with a hint.

use crate::chart::view::View;
use crate::data::model::{Dataset, TargetIdx, Unit};

/// The most telling target in view: of the latest year shown, the highest (for a rank, the best place, the
/// smallest number), the first in the view on a tie; a target with no number only where no other is.
/// When the editor highlights provinces, the story is theirs: only their targets are candidates, unless none
/// of them has a target in view. `None` when the view has no target at all.
pub fn opening_target(dataset: &Dataset, view: &View) -> Option<TargetIdx> {
    let highlighted = |t: &TargetIdx| view.highlight.contains(&dataset.targets[*t].province);
    let only_highlighted = view.targets().any(|t| highlighted(&t));
    let candidates = || view.targets().filter(move |t| !only_highlighted || highlighted(t));
    let latest = candidates().map(|t| dataset.targets[t].year).max()?;
    let mut best: Option<(TargetIdx, f64)> = None;
    let mut first_of_latest = None;
    for index in candidates() {
        let target = &dataset.targets[index];
        if target.year != latest {
            continue;
        }
        first_of_latest.get_or_insert(index);
        let Some((low, high)) = target.span() else { continue };
        // Higher is better, so a rank's smaller number counts as more.
        let score = if target.unit == Unit::Rank { -low } else { high };
        if best.is_none_or(|(_, best_score)| score > best_score) {
            best = Some((index, score));
        }
    }
    best.map(|(index, _)| index).or(first_of_latest)
}

// The bundled dataset is read with serde_json, a native dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::view::{ChartConfig, Requested};
    use crate::data::read::{dataset_from_json, BUNDLED};

    fn opening(indicator: &str, year: Option<&str>) -> Option<String> {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let requested = Requested {
            indicator: Some(indicator.into()),
            year: year.map(str::to_string),
            ..Requested::default()
        };
        let (config, _) = ChartConfig::resolve(&dataset, &requested);
        let view = View::new(&dataset, &config);
        opening_target(&dataset, &view).map(|t| {
            let target = &dataset.targets[t];
            format!("{} {} {:?}", dataset.provinces[target.province].id, target.year, target.span())
        })
    }

    #[test]
    fn opens_on_the_highest_target_of_the_latest_year() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let (config, _) = ChartConfig::resolve(&dataset, &Requested::default());
        let view = View::new(&dataset, &config);
        let chosen = &dataset.targets[opening_target(&dataset, &view).unwrap()];
        let latest = view.targets().map(|t| dataset.targets[t].year).max().unwrap();
        assert_eq!(chosen.year, latest);
        for t in view.targets().filter(|&t| dataset.targets[t].year == latest) {
            let (_, high) = dataset.targets[t].span().unwrap_or((0.0, f64::MIN));
            assert!(high <= chosen.span().unwrap().1, "{} beats the opening target", dataset.targets[t].id);
        }
    }

    #[test]
    fn a_rank_opens_on_the_best_place() {
        // Bắc Giang aims for the top 10 by 2030, Bình Dương's plan for 2025 has a top 10 as well; the 2030 one
        // is latest.
        let chosen = opening("dti-ranking", None).unwrap();
        assert!(chosen.contains("2030"), "{chosen}");
    }

    #[test]
    fn a_highlight_opens_on_the_highlighted_provinces_target() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let requested = Requested { highlight: Some("lang-son".into()), ..Requested::default() };
        let (config, _) = ChartConfig::resolve(&dataset, &requested);
        let view = View::new(&dataset, &config);
        let chosen = &dataset.targets[opening_target(&dataset, &view).unwrap()];
        assert_eq!(dataset.provinces[chosen.province].id, "lang-son", "{}", chosen.id);
    }

    #[test]
    fn a_view_without_targets_opens_on_nothing() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let (mut config, _) = ChartConfig::resolve(&dataset, &Requested::default());
        config.shown.iter_mut().for_each(|shown| *shown = false);
        assert_eq!(opening_target(&dataset, &View::new(&dataset, &config)), None);
    }
}
