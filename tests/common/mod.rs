//! What more than one test file needs: every view a reader can reach from the controls.
#![allow(dead_code)]

use province_targets::chart::view::ChartConfig;
use province_targets::{Dataset, Lang};

/// Every configuration a reader can reach from the controls (all provinces shown): each indicator, each
/// year filter, both languages.
pub fn every_view(dataset: &Dataset) -> Vec<ChartConfig> {
    let mut configs = Vec::new();
    for indicator in 0..dataset.indicators.len() {
        let mut years: Vec<Option<u16>> = vec![None];
        years.extend(dataset.years().into_iter().map(Some));
        for year in years {
            for lang in [Lang::Vi, Lang::En] {
                configs.push(ChartConfig { year, lang, indicator, ..ChartConfig::default_for(dataset) });
            }
        }
    }
    configs
}
