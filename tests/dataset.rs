//! The real bundled dataset, `data/targets.json`: what the chart promises about it holds.
#![cfg(not(target_arch = "wasm32"))]

use province_targets::data::json::{dataset_from_json, BUNDLED};
use province_targets::data::model::Status;
use province_targets::{Dataset, Lang};
use std::path::{Path, PathBuf};

const PROVINCES: [&str; 5] = ["bac-giang", "binh-dinh", "binh-duong", "vinh-phuc", "lang-son"];

fn dataset() -> Dataset {
    match dataset_from_json(BUNDLED) {
        Ok(dataset) => dataset,
        Err(problems) => {
            let messages: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
            panic!("data/targets.json has {} problems:\n{}", problems.len(), messages.join("\n"));
        }
    }
}

#[test]
fn validates_with_no_problem() {
    dataset();
}

#[test]
fn has_over_100_numeric_targets() {
    let n_numeric = dataset().targets.iter().filter(|t| t.value.is_some()).count();
    assert!(n_numeric > 100, "only {n_numeric} numeric targets");
}

#[test]
fn has_the_five_provinces() {
    let dataset = dataset();
    for id in PROVINCES {
        let province = dataset.province_by_id(id).unwrap_or_else(|| panic!("no province {id}"));
        assert!(dataset.targets.iter().any(|t| t.province == province), "province {id} sets no target");
    }
}

#[test]
fn digital_economy_share_is_set_by_all_five_and_shown_first() {
    let dataset = dataset();
    let indicator = dataset.indicator_by_id("digital-economy-share-grdp").expect("the indicator exists");
    for id in PROVINCES {
        let province = dataset.province_by_id(id).unwrap();
        assert!(
            dataset.targets_of(indicator).any(|(_, t)| t.province == province),
            "{id} sets no digital-economy-share-grdp target"
        );
    }
    assert_eq!(dataset.default_indicator(), Some(indicator));
}

#[test]
fn only_vinh_phuc_targets_are_drafts() {
    let dataset = dataset();
    let vinh_phuc = dataset.province_by_id("vinh-phuc").unwrap();
    let wrong: Vec<String> = dataset
        .targets
        .iter()
        .filter(|t| (t.status == Status::Draft) != (t.province == vinh_phuc))
        .map(|t| format!("{} is {}", t.id, t.status))
        .collect();
    assert!(
        wrong.is_empty(),
        "Vĩnh Phúc's documents are drafts and the others adopted:\n{}",
        wrong.join("\n")
    );
}

/// The folder of archived articles: `$PROVINCE_TARGETS_SOURCES` if set, else `../shared/sources` beside the
/// repository (where CI has it). The quote check must not pass by not running, so a missing folder fails.
fn sources_folder() -> PathBuf {
    let folder = match std::env::var_os("PROVINCE_TARGETS_SOURCES") {
        Some(folder) => PathBuf::from(folder),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources"),
    };
    assert!(
        folder.is_dir(),
        "the article folder {} is absent, so the quotes cannot be checked: put the articles there or set \
         PROVINCE_TARGETS_SOURCES to their folder",
        folder.display()
    );
    folder
}

#[test]
fn every_quote_is_verbatim_in_its_article() {
    let folder = sources_folder();
    let dataset = dataset();
    // Each source's article, read once: `Err` says why its targets cannot be checked.
    let articles: Vec<Result<String, String>> = dataset
        .sources
        .iter()
        .map(|source| {
            let file =
                source.article_file.as_ref().ok_or(format!("source {} names no article_file", source.id))?;
            std::fs::read_to_string(folder.join(file)).map_err(|error| format!("cannot read {file}: {error}"))
        })
        .collect();
    let failures: Vec<String> = dataset
        .targets
        .iter()
        .filter_map(|target| match &articles[target.source] {
            Err(why) => Some(format!("{}: {why}", target.id)),
            Ok(article) if !article.contains(&target.quote) => Some(format!(
                "{}: not in {}: {:?}",
                target.id,
                dataset.sources[target.source].article_file.as_deref().unwrap_or_default(),
                target.quote
            )),
            Ok(_) => None,
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} quotes are not verbatim in their article:\n{}",
        failures.len(),
        dataset.targets.len(),
        failures.join("\n")
    );
}
