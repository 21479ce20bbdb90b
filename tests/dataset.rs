//! The real bundled dataset, `data/targets.json`: what the chart promises about it holds.
#![cfg(not(target_arch = "wasm32"))]

use province_targets::data::model::{Qualifier, Status, Target};
use province_targets::data::read::{dataset_from_json, BUNDLED};
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
    let warnings: Vec<String> = dataset().warnings.iter().map(|p| p.message(Lang::En)).collect();
    assert!(warnings.is_empty(), "the bundled dataset draws, but with warnings:\n{}", warnings.join("\n"));
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
/// repository, else the team's shared folder `/work/shared/sources` (a clone made elsewhere, e.g. in a
/// temporary directory, finds it there). The quote check must not pass by not running, so a missing folder
/// fails.
fn sources_folder() -> PathBuf {
    let folder = match std::env::var_os("PROVINCE_TARGETS_SOURCES") {
        Some(folder) => PathBuf::from(folder),
        None => [
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources"),
            PathBuf::from("/work/shared/sources"),
        ]
        .into_iter()
        .find(|folder| folder.is_dir())
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources")),
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

/// The ids of the provinces that set a target for `indicator`, in target order.
fn provinces_setting(dataset: &Dataset, indicator: &str) -> Vec<String> {
    let indicator = dataset.indicator_by_id(indicator).unwrap_or_else(|| panic!("no indicator {indicator}"));
    dataset.targets_of(indicator).map(|(_, t)| dataset.provinces[t.province].id.clone()).collect()
}

/// The target with id `id`.
fn target<'a>(dataset: &'a Dataset, id: &str) -> &'a Target {
    dataset.targets.iter().find(|t| t.id == id).unwrap_or_else(|| panic!("no target {id}"))
}

/// "Toàn trình và một phần" are today's names for what "mức độ 3,4" called levels 4 and 3: one rule puts both
/// wordings under `online-services-full-partial`, and `level4-online-services` keeps level 4 alone.
#[test]
fn levels_3_and_4_are_one_indicator_apart_from_level_4_alone() {
    let dataset = dataset();
    let full_partial = dataset.indicator_by_id("online-services-full-partial").unwrap();
    let level4 = dataset.indicator_by_id("level4-online-services").unwrap();
    for target in &dataset.targets {
        let levels_3_and_4 =
            target.quote.contains("mức độ 3,4") || target.quote.contains("dưới dạng toàn trình và một phần");
        if levels_3_and_4 {
            assert_eq!(target.indicator, full_partial, "{} counts levels 3 and 4", target.id);
        }
        if target.indicator == level4 {
            assert!(
                target.quote.contains("mức độ 4") && !levels_3_and_4,
                "{} is not level 4 alone",
                target.id
            );
        }
    }
    assert_eq!(provinces_setting(&dataset, "online-services-full-partial"), ["binh-duong", "vinh-phuc"]);
    assert_eq!(provinces_setting(&dataset, "level4-online-services"), ["bac-giang", "binh-dinh"]);
}

/// Bình Dương's "…được cung cấp trên nhiều phương tiện truy cập khác nhau, bao gồm cả thiết bị di động" is a
/// clause of its "toàn trình và một phần" sentence, with no number: a note on that target, not a target.
#[test]
fn binh_duong_multi_device_clause_is_a_note_not_a_target() {
    let dataset = dataset();
    let clause = "dịch vụ công trực tuyến được cung cấp trên nhiều phương tiện truy cập khác nhau";
    let binh_duong = dataset.province_by_id("binh-duong").unwrap();
    let quoting: Vec<&str> = dataset
        .targets
        .iter()
        .filter(|t| t.province == binh_duong && t.quote.starts_with(clause))
        .map(|t| t.id.as_str())
        .collect();
    assert!(quoting.is_empty(), "the clause is a target: {quoting:?}");
    let target = target(&dataset, "binh-duong/online-services-full-partial/2025");
    let note_vi = target.note_vi.as_deref().unwrap_or_default();
    let note_en = target.note_en.as_deref().unwrap_or_default();
    assert!(
        note_vi.contains("thiết bị di động") && note_en.contains("mobile devices"),
        "{note_vi} / {note_en}"
    );
}

/// Vĩnh Phúc's article names no issuer: the UBND tỉnh heard drafts that the Sở Thông tin và Truyền thông is to
/// complete, and a draft is not issued. The chart must not name a body as having issued it.
#[test]
fn vinh_phuc_draft_names_no_issuer() {
    let dataset = dataset();
    let source = dataset.sources.iter().find(|s| s.id == "vinh-phuc-du-thao-de-an-cds").unwrap();
    assert_eq!(source.issuer, None);
}

/// The indicators say what the articles say. Bắc Giang's article has "doanh nghiệp số", never "doanh nghiệp
/// công nghệ số". Its "02 đô thị thông minh" are a city and a district, Bình Định's three a city and two towns:
/// smart urban areas, not smart cities.
#[test]
fn digital_enterprises_and_smart_urban_areas_use_the_articles_words() {
    let dataset = dataset();
    let indicator = |id: &str| &dataset.indicators[dataset.indicator_by_id(id).unwrap()];
    let enterprises = indicator("digital-enterprises");
    for text in [&enterprises.label_vi, enterprises.definition_vi.as_ref().unwrap()] {
        assert!(!text.contains("công nghệ số"), "digital-enterprises: {text}");
    }
    for text in [&enterprises.label_en, enterprises.definition_en.as_ref().unwrap()] {
        assert!(!text.contains("technology"), "digital-enterprises: {text}");
    }
    let smart = indicator("smart-cities");
    for text in
        [&smart.label_en, smart.definition_en.as_ref().unwrap(), smart.unit_label_en.as_ref().unwrap()]
    {
        assert!(text.contains("urban areas") && !text.contains("smart cit"), "smart-cities: {text}");
    }
    for id in ["bac-giang/smart-cities/2025", "binh-dinh/smart-cities/2025"] {
        let note = target(&dataset, id).note_en.as_deref().unwrap_or_default();
        assert!(
            note.contains("district") || note.contains("town"),
            "{id} does not say what it counts: {note}"
        );
    }
}

/// `e-payment-accounts` is a share of the whole population ("tỷ lệ dân số"). Bắc Giang's "100% người dân có nhu
/// cầu, đủ điều kiện" counts only those who want an account and may have one: a different base, which the
/// chart shows as its own indicator rather than a 100% mark beside the others' "trên 50%".
#[test]
fn e_payment_accounts_of_the_population_and_of_those_eligible_are_apart() {
    let dataset = dataset();
    let population = dataset.indicator_by_id("e-payment-accounts").unwrap();
    for (_, target) in dataset.targets_of(population) {
        assert!(target.quote.contains("dân số"), "{} is not a share of the population", target.id);
    }
    assert_eq!(provinces_setting(&dataset, "e-payment-accounts-eligible"), ["bac-giang"]);
}

/// Chart titles fit: every indicator's `label_vi` and `label_en` is at most 55 characters; the detail goes in
/// the definition.
#[test]
fn chart_titles_are_at_most_55_characters() {
    let dataset = dataset();
    let long: Vec<String> = dataset
        .indicators
        .iter()
        .flat_map(|i| [&i.label_vi, &i.label_en].map(|label| (i.id.as_str(), label)))
        .filter(|(_, label)| label.chars().count() > 55)
        .map(|(id, label)| format!("{id}: {label:?} has {} characters", label.chars().count()))
        .collect();
    assert!(long.is_empty(), "titles over 55 characters:\n{}", long.join("\n"));
}

/// English titles a reader outside Vietnam can follow: "thi đua" is a competition campaign, not "emulation";
/// a title does not explain reports by the reporting system; the border-gate platform serves vehicles too.
#[test]
fn english_titles_read_plainly() {
    let dataset = dataset();
    for indicator in &dataset.indicators {
        let label = indicator.label_en.to_lowercase();
        for phrase in ["emulation", "reports on the reporting", "digital-tech parks"] {
            assert!(!label.contains(phrase), "{}: {:?}", indicator.id, indicator.label_en);
        }
        let definition = indicator.definition_en.as_deref().unwrap_or_default();
        assert!(!definition.contains("emulation"), "{}: {definition:?}", indicator.id);
    }
    let border = &dataset.indicators[dataset.indicator_by_id("border-gate-platform-users").unwrap()];
    assert!(border.label_en.contains("Vehicles"), "{:?} leaves out the vehicles", border.label_en);
}

/// "Duy trì" (maintain) says the province already stands there: a reader learns it from the target's note.
#[test]
fn a_target_to_maintain_says_so_in_its_note() {
    let dataset = dataset();
    let maintained: Vec<&Target> =
        dataset.targets.iter().filter(|t| t.quote.to_lowercase().contains("duy trì")).collect();
    // Vĩnh Phúc's cybersecurity rank, Lạng Sơn's internal management and its two digital border-gate targets.
    assert_eq!(maintained.len(), 4, "{:?}", maintained.iter().map(|t| &t.id).collect::<Vec<_>>());
    for target in maintained {
        let note = target.note_en.as_deref().unwrap_or_default().to_lowercase();
        assert!(note.contains("maintain"), "{}: the note does not say “duy trì”: {note:?}", target.id);
        let quote = target.quote.to_lowercase();
        assert!(
            quote.starts_with("duy trì") || quote.starts_with("tiếp tục duy trì"),
            "{}: {quote}",
            target.id
        );
    }
}

/// The national yardstick: the figures of Quyết định 749/QĐ-TTg, each on the indicator whose
/// definition matches, cited by the document and never carrying a quote.
#[test]
fn the_national_targets_are_those_of_decision_749() {
    let dataset = dataset();
    let figures: Vec<(String, u16, &str, f64)> = dataset
        .national
        .iter()
        .map(|n| (dataset.indicators[n.indicator].id.clone(), n.year, n.qualifier.as_str(), n.value))
        .collect();
    let expected = [
        ("level4-online-services", 2025, "exact", 80.0),
        ("digital-economy-share-grdp", 2025, "exact", 20.0),
        ("digital-economy-share-sectors", 2025, "at_least", 10.0),
        ("labour-productivity-growth", 2025, "at_least", 7.0),
        ("fibre-households", 2025, "above", 80.0),
        ("fibre-communes", 2025, "exact", 100.0),
        ("records-online-province", 2025, "exact", 90.0),
        ("records-online-district", 2025, "exact", 80.0),
        ("records-online-commune", 2025, "exact", 60.0),
        ("digital-economy-share-grdp", 2030, "exact", 30.0),
        ("level4-online-services", 2030, "exact", 100.0),
        ("records-online-province", 2030, "exact", 100.0),
        ("records-online-district", 2030, "exact", 90.0),
        ("records-online-commune", 2030, "exact", 70.0),
        ("e-payment-accounts", 2030, "above", 80.0),
    ];
    let expected: Vec<(String, u16, &str, f64)> =
        expected.iter().map(|(id, year, q, v)| (id.to_string(), *year, *q, *v)).collect();
    assert_eq!(figures, expected);
    for national in &dataset.national {
        assert_eq!(national.document, "QĐ 749/QĐ-TTg");
        assert_eq!(national.issuer.as_deref(), Some("Thủ tướng Chính phủ"));
    }
    // GDP against the provinces' GRDP is the usual comparison, and the note says so.
    let gdp =
        dataset.national_for(dataset.indicator_by_id("digital-economy-share-grdp").unwrap(), 2025).unwrap();
    assert!(gdp.note_en.as_deref().unwrap().contains("GRDP"));
}

#[test]
fn every_qualitative_target_has_short_words_of_its_own_in_both_languages() {
    let dataset = dataset();
    for target in dataset.targets.iter().filter(|t| t.qualifier == Qualifier::Qualitative) {
        for label in [&target.label_vi, &target.label_en] {
            let label = label.as_deref().unwrap_or_else(|| panic!("{} has no short label", target.id));
            assert!(label.chars().count() <= 48, "{}: {label}", target.id);
        }
    }
}

/// A short label is plain words, not the newsroom abbreviations ("DN" for doanh nghiệp), and a universal-
/// coverage target's own words keep "phổ cập", which is what it sets.
#[test]
fn short_labels_spell_their_words_and_universal_targets_say_pho_cap() {
    let dataset = dataset();
    for indicator in &dataset.indicators {
        for short in [&indicator.short_vi, &indicator.short_en].into_iter().flatten() {
            assert!(!short.split([' ', ',']).any(|word| word == "DN"), "{}: {short}", indicator.id);
        }
    }
    let mobile = dataset.indicator_by_id("mobile-broadband-universal").unwrap();
    for target in dataset.targets.iter().filter(|t| t.indicator == mobile) {
        let label = target.label_vi.as_deref().unwrap_or_default();
        assert!(label.starts_with("phổ cập"), "{}: {label}", target.id);
    }
}

/// An English reader reads the evidence through its translation: every target of the bundled dataset has
/// one. (A newsroom's own dataset may leave it out; the English panel then shows the Vietnamese alone.)
#[test]
fn every_target_has_an_english_translation_of_its_quote() {
    let dataset = dataset();
    let missing: Vec<&str> = dataset
        .targets
        .iter()
        .filter(|t| t.quote_en.as_deref().is_none_or(|q| q.trim().is_empty()))
        .map(|t| t.id.as_str())
        .collect();
    assert!(missing.is_empty(), "no quote_en: {missing:?}");
}

/// Every document of the bundled dataset is cited in English too: its name as cited, its title and the body
/// that issued it. Only a body the article names is translated: Vĩnh Phúc's drafts have no issuer in either.
#[test]
fn every_document_has_its_title_and_issuer_in_english() {
    let dataset = dataset();
    for source in &dataset.sources {
        let pairs = [
            ("document", &source.document, &source.document_en),
            ("document_title", &source.document_title, &source.title_en),
            ("issuer", &source.issuer, &source.issuer_en),
        ];
        for (field, vi, en) in pairs {
            let en = en.as_deref().filter(|en| !en.trim().is_empty());
            assert_eq!(vi.is_some(), en.is_some(), "{}: {field} {vi:?}, its English {en:?}", source.id);
        }
    }
}

/// The numbers of a text, as numbers: Vietnamese writes "12,5" and "1.500" (`vietnamese`), English "12.5"
/// and "1,500"; "02" is 2.
fn numbers(text: &str, vietnamese: bool) -> Vec<f64> {
    let (group, decimal) = if vietnamese { ('.', ',') } else { (',', '.') };
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut number = String::new();
        while i < chars.len() {
            let c = chars[i];
            let next_is_digit = |k: usize| chars.get(k).is_some_and(|c| c.is_ascii_digit());
            if c.is_ascii_digit() {
                number.push(c);
            } else if c == group && next_is_digit(i + 1) {
            } else if c == decimal && next_is_digit(i + 1) {
                number.push('.');
            } else if c == decimal
                && chars.get(i + 1) == Some(&' ')
                && next_is_digit(i + 2)
                && chars.get(i + 3) == Some(&'%')
            {
                // "13, 5%": the article's stray space inside a decimal (not "năm 2021, 100%").
                number.push('.');
                i += 1;
            } else {
                break;
            }
            i += 1;
        }
        found.push(number.parse::<f64>().unwrap());
    }
    found.sort_by(f64::total_cmp);
    found
}

/// What a second reader checks first, made a test: a translation keeps every number of its quote, and the
/// words that qualify a number or a commitment ("khoảng", "trên", "tối thiểu", "phấn đấu", …) each have
/// their one English wording from the glossary in `data/README.md`.
#[test]
fn every_translation_keeps_the_numbers_and_qualifiers_of_its_quote() {
    // "mức độ 3,4" is levels 3 and 4, not a decimal; "từ 15 tuổi trở lên" is an age ("aged 15 and over"),
    // not a target's "N% trở lên" ("N% or more").
    let plain = |quote: &str| quote.replace("mức độ 3,4", "mức độ 3 và 4").replace("tuổi trở lên", "tuổi");
    let words: [(&[&str], &str); 7] = [
        (&["khoảng"], "about"),
        (&["tối thiểu", "ít nhất"], "at least"),
        (&["trở lên"], "or more"),
        (&["phấn đấu"], "strive"),
        (&["duy trì"], "maintain"),
        (&["bình quân"], "average"),
        (&["hàng năm"], "annual"),
    ];
    let dataset = dataset();
    let mut wrong = Vec::new();
    for target in &dataset.targets {
        let Some(english) = &target.quote_en else { continue };
        let quote = plain(&target.quote).to_lowercase();
        let english_lower = english.to_lowercase();
        if numbers(&quote, true) != numbers(english, false) {
            wrong.push(format!(
                "{}: numbers {:?} vs {:?}",
                target.id,
                numbers(&quote, true),
                numbers(english, false)
            ));
        }
        for (vi, en) in words {
            let n_vi: usize = vi.iter().map(|vi| quote.matches(vi).count()).sum();
            if n_vi != english_lower.matches(en).count() {
                wrong.push(format!("{}: {vi:?} is {en:?} as often", target.id));
            }
        }
        // "trên 80%" is "over 80%"; "trên môi trường mạng" (in a networked environment) is not a qualifier.
        let over = |text: &str, word: &str| {
            text.match_indices(word)
                .filter(|(i, _)| text[i + word.len()..].starts_with(|c: char| c.is_ascii_digit()))
                .count()
        };
        if over(&quote, "trên ") != over(&english_lower, "over ") {
            wrong.push(format!("{}: \"trên N\" is \"over N\" as often", target.id));
        }
    }
    assert!(wrong.is_empty(), "{} translations differ from their quotes:\n{}", wrong.len(), wrong.join("\n"));
}
