//! The indicator picker's order: the indicators several provinces share first, since those are the ones a
//! chart compares, then those only one province set; each part grouped by pillar. Option labels are the
//! indicators' short labels where the data gives one, else their own labels, with no count after them, so
//! that they fit a phone's select.

use crate::data::model::{Dataset, Indicator, IndicatorIdx};
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
    let counts = dataset.n_provinces_setting_each();
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

/// What an indicator's `<option>` says: its short label in `lang` where the data gives one (a closed select
/// cannot wrap, and the full label would be cut at 360 px), else its label. Never the other language's short
/// label: an English reader gets the English label, however long, rather than Vietnamese words.
pub fn option_label(indicator: &Indicator, lang: Lang) -> &str {
    let (short, label) = match lang {
        Lang::Vi => (&indicator.short_vi, &indicator.label_vi),
        Lang::En => (&indicator.short_en, &indicator.label_en),
    };
    short.as_deref().unwrap_or(label)
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

    #[test]
    fn counting_every_indicator_at_once_agrees_with_counting_each() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let each: Vec<usize> =
            (0..dataset.indicators.len()).map(|i| dataset.n_provinces_setting(i)).collect();
        assert_eq!(dataset.n_provinces_setting_each(), each);
        assert!(each.iter().any(|&n| n >= 2) && each.contains(&1), "shared and single ones: {each:?}");
    }

    #[test]
    fn an_option_says_the_short_label_in_its_own_language_and_falls_back_to_the_label() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let find = |id: &str| dataset.indicators.iter().find(|i| i.id == id).unwrap();
        let full_partial = find("online-services-full-partial");
        assert_eq!(option_label(full_partial, Lang::Vi), "Dịch vụ công toàn trình, một phần");
        assert_eq!(option_label(full_partial, Lang::En), "Online services, full or partial");
        let grdp = find("digital-economy-share-grdp");
        assert_eq!(option_label(grdp, Lang::Vi), grdp.label_vi, "a label that fits is its own option");
        // Only the Vietnamese label is too wide for this one: English keeps its label.
        let communes = find("digital-communes");
        assert_eq!(communes.short_vi, None);
        assert_eq!(option_label(communes, Lang::Vi), communes.label_vi);
        assert_eq!(option_label(communes, Lang::En), "Digital communes per district");
        let rank = find("smart-city-regional-rank");
        assert_eq!(rank.short_en, None);
        assert_eq!(option_label(rank, Lang::En), rank.label_en, "never the other language's short label");
    }
}
