//! The indicator picker's order: the indicators several provinces share first, since those are the ones a
//! chart compares, then those only one province set; each part grouped by pillar. Option labels are the
//! indicators' own labels, with no count after them, so that they fit a phone's select.

use crate::data::model::{Dataset, IndicatorIdx};
use crate::data::order;
use crate::locale::i18n::Lang;

/// One `<optgroup>`: its label and its indicators, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub label: String,
    pub indicators: Vec<IndicatorIdx>,
}

/// The groups of the picker: for each pillar, its shared indicators (most provinces first; the pillar whose
/// indicator most provinces set first), then for each pillar, the indicators one province (or none) set, under
/// "pillar · 1 tỉnh".
pub fn indicator_menu(dataset: &Dataset, lang: Lang) -> Vec<Group> {
    let counts: Vec<usize> = (0..dataset.indicators.len()).map(|i| dataset.n_provinces_setting(i)).collect();
    let mut groups = Vec::new();
    for shared in [true, false] {
        let mut part = Vec::new();
        for (p, pillar) in dataset.pillars.iter().enumerate() {
            let mut indicators: Vec<IndicatorIdx> = (0..dataset.indicators.len())
                .filter(|&i| dataset.indicators[i].pillar == p && (counts[i] >= 2) == shared)
                .collect();
            if indicators.is_empty() {
                continue;
            }
            // Stable: indicators set by as many provinces keep the dataset's order.
            order::sort_by(&mut indicators, &|a, b| counts[*b].cmp(&counts[*a]));
            let name = lang.pick(&pillar.name_vi, &pillar.name_en);
            let label = if shared { name.to_string() } else { format!("{name} · {}", lang.provinces(1)) };
            part.push(Group { label, indicators });
        }
        let most = |group: &Group| group.indicators.first().map_or(0, |&i| counts[i]);
        order::sort_by(&mut part, &|a, b| most(b).cmp(&most(a)));
        groups.extend(part);
    }
    groups
}

// The bundled dataset is read natively (serde_json): these run under `cargo test`.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::read::{dataset_from_json, BUNDLED};

    #[test]
    fn shared_indicators_come_first_by_pillar_then_single_province_ones_and_each_indicator_once() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let groups = indicator_menu(&dataset, Lang::Vi);
        let order: Vec<IndicatorIdx> = groups.iter().flat_map(|g| g.indicators.iter().copied()).collect();
        let mut times = vec![0; dataset.indicators.len()];
        order.iter().for_each(|&i| times[i] += 1);
        assert!(times.iter().all(|&n| n == 1), "every indicator exactly once: {times:?}");
        let counts: Vec<usize> = order.iter().map(|&i| dataset.n_provinces_setting(i)).collect();
        let first_single = counts.iter().position(|&n| n < 2).unwrap();
        assert!(counts[first_single..].iter().all(|&n| n < 2), "shared ones first: {counts:?}");
        assert_eq!(
            dataset.indicators[order[0]].id, "digital-economy-share-grdp",
            "the most shared indicator leads"
        );
        for group in &groups {
            let pillar = dataset.indicators[group.indicators[0]].pillar;
            assert!(group.indicators.iter().all(|&i| dataset.indicators[i].pillar == pillar), "{group:?}");
        }
        let single = groups.iter().find(|g| dataset.n_provinces_setting(g.indicators[0]) < 2).unwrap();
        assert!(single.label.ends_with(" · 1 tỉnh"), "{}", single.label);
        assert!(groups.iter().any(|g| g.label == "Kinh tế số" || !g.label.contains(" · ")));
    }
}
