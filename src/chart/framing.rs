//! What a chart says around its rows: the headline, the description under it, the editor's note and the one
//! source line. Each comes from the dataset unless the editor gave their own words (the embed options `title`,
//! `subtitle` and `note`), which are plain text with a stated length limit: a longer value is cut with "…".
//! The outlet's `credit` ("Đồ họa: Báo …") stands next to the source line, in the page and in a file.

use crate::chart::details::english_or;
use crate::chart::view::{ChartConfig, View};
use crate::data::model::Dataset;
use crate::locale::cut::cut_to;
use crate::locale::i18n::Lang;

/// The longest headline an editor may set, in characters: two lines on a phone at most.
pub const TITLE_MAX_CHARS: usize = 120;
/// The longest description (`subtitle`): about three lines beside a chart in an article column.
pub const SUBTITLE_MAX_CHARS: usize = 280;
/// The longest footnote (`note`).
pub const NOTE_MAX_CHARS: usize = 400;
/// The longest credit (`credit`): one line under the source, at the width of a phone.
pub const CREDIT_MAX_CHARS: usize = 100;

/// Whether the chart stands alone (an SVG or PNG file, which must carry its headline, description, note and
/// source, since nothing surrounds it), or stands in the widget's page, whose HTML shows those four.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Alone,
    InPage,
}

/// The editor's own words, already trimmed and cut to their limits: `None` keeps the dataset's wording
/// (the indicator's label and definition) or, for the note, adds nothing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct EditorWords {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub note: Option<String>,
    /// The outlet's credit, shown as given after the source line; none by default.
    pub credit: Option<String>,
}

/// An editor's value that was longer than its limit, for the console hint that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    pub option: &'static str,
    pub limit: usize,
    pub length: usize,
}

impl Cut {
    /// The console hint: which option, how long it was and the limit.
    pub fn message(&self) -> String {
        format!(
            "province-targets: {} is {} characters long, over its limit of {}: it is shown cut to {} \
             characters, ending in \"…\".",
            self.option, self.length, self.limit, self.limit
        )
    }
}

impl EditorWords {
    /// Reads the embed's `title`, `subtitle`, `note` and `credit` as given: trimmed, an empty one as none, a
    /// long one cut to its limit. Returns the words and every cut made.
    pub fn read(
        title: Option<&str>,
        subtitle: Option<&str>,
        note: Option<&str>,
        credit: Option<&str>,
    ) -> (EditorWords, Vec<Cut>) {
        let mut cuts = Vec::new();
        let mut take = |option: &'static str, value: Option<&str>, limit: usize| -> Option<String> {
            let value = value?.trim();
            if value.is_empty() {
                return None;
            }
            let length = value.chars().count();
            if length <= limit {
                return Some(value.to_string());
            }
            cuts.push(Cut { option, limit, length });
            Some(cut_to(value, limit))
        };
        let words = EditorWords {
            title: take("title", title, TITLE_MAX_CHARS),
            subtitle: take("subtitle", subtitle, SUBTITLE_MAX_CHARS),
            note: take("note", note, NOTE_MAX_CHARS),
            credit: take("credit", credit, CREDIT_MAX_CHARS),
        };
        (words, cuts)
    }
}

/// The headline: the editor's title, or the indicator's label.
pub fn title(dataset: &Dataset, config: &ChartConfig, words: &EditorWords) -> String {
    if let Some(title) = &words.title {
        return title.clone();
    }
    let indicator = &dataset.indicators[config.indicator];
    config.lang.pick(&indicator.label_vi, &indicator.label_en).to_string()
}

/// The line under the headline: the editor's subtitle, or the indicator's definition (in the other language
/// if the reader's has none), or nothing.
pub fn description(dataset: &Dataset, config: &ChartConfig, words: &EditorWords) -> Option<String> {
    if let Some(subtitle) = &words.subtitle {
        return Some(subtitle.clone());
    }
    let indicator = &dataset.indicators[config.indicator];
    let (first, second) = match config.lang {
        Lang::Vi => (&indicator.definition_vi, &indicator.definition_en),
        Lang::En => (&indicator.definition_en, &indicator.definition_vi),
    };
    first.as_ref().or(second.as_ref()).cloned()
}

/// "Nguồn: Nghị quyết số 111-NQ/TU, Ban Chấp hành Đảng bộ tỉnh Bắc Giang; …": the document of each target in
/// view, once, with the body that issued it written out (or the province, where the dataset names no
/// issuer). Authors and publishers of the articles are left to the details panel, which has the article's
/// title beside them. `None` when no target is in view: a source line with nothing to cite says nothing.
pub fn source_line(dataset: &Dataset, view: &View, lang: Lang) -> Option<String> {
    let mut seen: Vec<usize> = Vec::new();
    for target in view.targets() {
        let source = dataset.targets[target].source;
        if !seen.contains(&source) {
            seen.push(source);
        }
    }
    if seen.is_empty() {
        return None;
    }
    let parts: Vec<String> = seen
        .iter()
        .map(|&s| {
            let source = &dataset.sources[s];
            let document = english_or(lang, &source.document_en, &source.document)
                .or(english_or(lang, &source.title_en, &source.document_title))
                .unwrap_or(&source.id);
            match english_or(lang, &source.issuer_en, &source.issuer) {
                Some(issuer) => format!("{document}, {issuer}"),
                None => format!("{document} ({})", dataset.provinces[source.province].name_vi),
            }
        })
        .collect();
    Some(format!("{}{}", lang.text().source_prefix, parts.join("; ")))
}

// The bundled dataset is read with serde_json, a native dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::view::Requested;
    use crate::data::read::{dataset_from_json, BUNDLED};

    #[test]
    fn words_are_trimmed_and_an_empty_one_is_none() {
        let (words, cuts) = EditorWords::read(Some("  Lạng Sơn dẫn đầu  "), Some("   "), None, Some(""));
        assert_eq!(words.title.as_deref(), Some("Lạng Sơn dẫn đầu"));
        assert_eq!(words.subtitle, None);
        assert_eq!(words.note, None);
        assert_eq!(words.credit, None);
        assert!(cuts.is_empty());
    }

    #[test]
    fn a_credit_over_its_limit_is_cut_and_named() {
        let credit = format!("Đồ họa: {}", "Báo Điện tử ".repeat(10));
        let (words, cuts) = EditorWords::read(None, None, None, Some(&credit));
        let cut = words.credit.unwrap();
        assert!(cut.starts_with("Đồ họa: Báo") && cut.ends_with('…'), "{cut}");
        assert!(cut.chars().count() <= CREDIT_MAX_CHARS);
        assert_eq!(cuts[0].option, "credit");
    }

    #[test]
    fn a_value_at_its_limit_is_kept_and_one_over_it_is_cut_with_an_ellipsis() {
        let at_limit = "a".repeat(TITLE_MAX_CHARS);
        let (words, cuts) = EditorWords::read(Some(&at_limit), None, None, None);
        assert_eq!(words.title.as_deref(), Some(at_limit.as_str()));
        assert!(cuts.is_empty());

        let long = "ă".repeat(TITLE_MAX_CHARS + 30);
        let (words, cuts) = EditorWords::read(Some(&long), None, None, None);
        let title = words.title.unwrap();
        assert_eq!(title.chars().count(), TITLE_MAX_CHARS);
        assert!(title.ends_with('…'));
        assert_eq!(cuts, [Cut { option: "title", limit: TITLE_MAX_CHARS, length: TITLE_MAX_CHARS + 30 }]);
        assert!(cuts[0].message().contains("title is 150 characters long, over its limit of 120"));
    }

    #[test]
    fn a_cut_ends_at_a_word_and_never_splits_a_letter_from_its_accent() {
        let note = "Số liệu ".repeat(60);
        let (words, _) = EditorWords::read(None, None, Some(&note), None);
        let cut = words.note.unwrap();
        assert!(cut.ends_with("liệu…") || cut.ends_with("Số…"), "{cut}");
        assert!(cut.chars().count() <= NOTE_MAX_CHARS);

        // "e" followed by a combining circumflex and dot below, decomposed, straddling the limit.
        let decomposed = format!("{}e\u{0302}\u{0323}xyz", "x".repeat(SUBTITLE_MAX_CHARS - 2));
        let (words, _) = EditorWords::read(None, Some(&decomposed), None, None);
        let cut = words.subtitle.unwrap();
        assert!(!cut.trim_end_matches('…').ends_with('e'), "the accent went, its letter stayed: {cut}");
    }

    fn view_of(provinces: &str) -> (Dataset, ChartConfig) {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let requested = Requested {
            indicator: Some("digital-economy-share-grdp".into()),
            provinces: Some(provinces.into()),
            ..Requested::default()
        };
        let (config, _) = ChartConfig::resolve(&dataset, &requested);
        (dataset, config)
    }

    #[test]
    fn the_source_line_names_only_the_documents_of_the_rows_shown_with_their_issuers() {
        let (dataset, config) = view_of("bac-giang,lang-son");
        let line = source_line(&dataset, &View::new(&dataset, &config), Lang::Vi).unwrap();
        assert_eq!(
            line,
            "Nguồn: Nghị quyết số 111-NQ/TU, Ban Chấp hành Đảng bộ tỉnh Bắc Giang; \
             Kế hoạch số 72-KH/BCĐ, Ban Chỉ đạo về chuyển đổi số tỉnh Lạng Sơn"
        );
        assert!(!line.contains("Bình Dương"), "{line}");
    }

    #[test]
    fn the_english_source_line_cites_the_documents_and_issuers_in_english() {
        let (dataset, config) = view_of("bac-giang,vinh-phuc,lang-son");
        let line = source_line(&dataset, &View::new(&dataset, &config), Lang::En).unwrap();
        assert_eq!(
            line,
            "Source: Resolution No. 111-NQ/TU, Executive Committee of the Bắc Giang Provincial Party Organisation; \
             Draft project and draft resolution on digital transformation (Vĩnh Phúc); \
             Plan No. 72-KH/BCĐ, Steering Committee for Digital Transformation of Lạng Sơn province"
        );
    }

    #[test]
    fn no_target_in_view_gives_no_source_line() {
        let (dataset, mut config) = view_of("bac-giang");
        config.shown.iter_mut().for_each(|shown| *shown = false);
        assert_eq!(source_line(&dataset, &View::new(&dataset, &config), Lang::En), None);
    }

    #[test]
    fn the_editors_words_replace_the_label_and_the_definition() {
        let (dataset, config) = view_of("bac-giang");
        let none = EditorWords::default();
        assert_eq!(title(&dataset, &config, &none), dataset.indicators[config.indicator].label_vi);
        let words = EditorWords {
            title: Some("<b>Tin</b>".into()),
            subtitle: Some("Phụ đề".into()),
            ..EditorWords::default()
        };
        assert_eq!(title(&dataset, &config, &words), "<b>Tin</b>");
        assert_eq!(description(&dataset, &config, &words).as_deref(), Some("Phụ đề"));
    }
}
