//! What the details panel says about one target: its value, the article's own words, the document that set
//! it and the province's administrative status today. Plain text lines; the browser boundary only places them.

use crate::chart::format::{self, Style};
use crate::data::model::{Dataset, Status, TargetIdx};
use crate::locale::i18n::Lang;

/// The role of a line, which decides how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// "Bắc Giang · 2025": the heading.
    Heading,
    /// "khoảng 25%": the value as worded.
    Value,
    /// The verbatim Vietnamese quote.
    Quote,
    /// The quote's unofficial English translation, under it, for an English reader only.
    Translation,
    /// "Văn bản: …", "Bài báo: …", "Ghi chú: …".
    Fact,
    /// The province's administrative note (merged since 1 July 2025, …).
    AdminNote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    pub text: String,
}

fn line(kind: LineKind, text: String) -> Line {
    Line { kind, text }
}

/// The English field for an English reader where the dataset has it, else the Vietnamese one. Unlike
/// `Lang::pick_optional`, a Vietnamese reader never gets the English: the Vietnamese is the record, and an
/// empty Vietnamese field means the article does not say.
pub fn english_or<'a>(lang: Lang, en: &'a Option<String>, vi: &'a Option<String>) -> Option<&'a str> {
    match lang {
        Lang::En => en.as_deref().or(vi.as_deref()),
        Lang::Vi => vi.as_deref(),
    }
}

/// The lines describing target `target` in `lang`.
pub fn details(dataset: &Dataset, target: TargetIdx, lang: Lang) -> Vec<Line> {
    let text = lang.text();
    let t = &dataset.targets[target];
    let province = &dataset.provinces[t.province];
    let indicator = &dataset.indicators[t.indicator];
    let source = &dataset.sources[t.source];

    let mut lines = vec![line(LineKind::Heading, format!("{} · {}", province.name_vi, t.year))];
    let mut value = format!(
        "{}: {}",
        lang.pick(&indicator.label_vi, &indicator.label_en),
        format::target_value(t, indicator, lang, Style::Full)
    );
    value.push_str(&format!(" ({})", if t.status == Status::Draft { text.draft } else { text.adopted }));
    lines.push(line(LineKind::Value, value));
    lines.push(line(LineKind::Quote, format!("“{}”", t.quote)));
    // The Vietnamese stays first, as the evidence; a Vietnamese reader is never shown the English.
    if let (Lang::En, Some(english)) = (lang, &t.quote_en) {
        lines.push(line(LineKind::Translation, format!("{}: “{english}”", text.unofficial_translation)));
    }

    let mut document = String::from(text.document);
    document.push_str(": ");
    let mut parts: Vec<String> = Vec::new();
    // Each English field stands in for its Vietnamese one where the dataset has it.
    if let Some(d) = english_or(lang, &source.document_en, &source.document) {
        parts.push(d.to_string());
    }
    if let Some(d) = english_or(lang, &source.title_en, &source.document_title) {
        parts.push(d.to_string());
    }
    if let Some(d) = &source.document_date {
        parts.push(format::date(d, lang));
    }
    if let Some(issuer) = english_or(lang, &source.issuer_en, &source.issuer) {
        parts.push(format!("{}: {issuer}", text.issued_by));
    }
    document.push_str(&parts.join(", "));
    lines.push(line(LineKind::Fact, document));

    let mut article: Vec<String> = Vec::new();
    if let Some(title) = &source.article_title {
        article.push(title.clone());
    }
    if let Some(publisher) = &source.article_publisher {
        article.push(publisher.clone());
    }
    if let Some(date) = &source.article_date {
        article.push(format::date(date, lang));
    }
    // An author is credited beside the article's title, never alone: a bare name says nothing to a reader.
    if let (Some(author), Some(_)) = (&source.article_author, &source.article_title) {
        article.push(author.clone());
    }
    if !article.is_empty() {
        lines.push(line(LineKind::Fact, format!("{}: {}", text.article, article.join(", "))));
    }
    if let Some(note) = lang.pick_optional(&t.note_vi, &t.note_en) {
        lines.push(line(LineKind::Fact, format!("{}: {note}", text.note)));
    }
    if let Some(admin) = lang.pick_optional(&province.admin_note_vi, &province.admin_note_en) {
        lines.push(line(LineKind::AdminNote, admin.to_string()));
    }
    lines
}

// The bundled dataset is read with serde_json, a native dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::read::{dataset_from_json, BUNDLED};

    #[test]
    fn the_document_and_article_dates_are_spelt_out_in_english_and_numeric_in_vietnamese() {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let target = dataset.targets.iter().position(|t| t.id == "bac-giang/digital-economy-share-grdp/2025");
        let target = target.expect("Bắc Giang's digital-economy target");
        let facts = |lang| -> Vec<String> {
            let lines = details(&dataset, target, lang).into_iter();
            lines.filter(|l| l.kind == LineKind::Fact).map(|l| l.text).collect()
        };
        let en = facts(Lang::En);
        assert!(
            en[0].starts_with("Document: Resolution No. 111-NQ/TU,") && en[0].contains(", 11 June 2021"),
            "{en:?}"
        );
        assert!(en[1].contains(", 30 June 2021"), "{en:?}");
        let vi = facts(Lang::Vi);
        assert!(vi[0].contains(", 11/6/2021,") && vi[1].contains(", 30/6/2021"), "{vi:?}");
    }

    fn bac_giang_grdp_2025() -> (Dataset, TargetIdx) {
        let dataset = dataset_from_json(BUNDLED).unwrap();
        let target = dataset.targets.iter().position(|t| t.id == "bac-giang/digital-economy-share-grdp/2025");
        (dataset, target.unwrap())
    }

    fn texts(lines: &[Line], kind: LineKind) -> Vec<&str> {
        lines.iter().filter(|l| l.kind == kind).map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn an_english_reader_gets_the_vietnamese_quote_then_its_labelled_translation() {
        let (dataset, target) = bac_giang_grdp_2025();
        let lines = details(&dataset, target, Lang::En);
        let kinds: Vec<LineKind> = lines.iter().map(|l| l.kind).collect();
        let quote = kinds.iter().position(|k| *k == LineKind::Quote).unwrap();
        assert_eq!(kinds[quote + 1], LineKind::Translation);
        assert_eq!(lines[quote].text, "“kinh tế số chiếm khoảng 25% GRDP của tỉnh”");
        assert_eq!(
            lines[quote + 1].text,
            "Unofficial translation: “the digital economy accounts for about 25% of the province's GRDP”"
        );
        let document = texts(&lines, LineKind::Fact)[0];
        assert!(
            document.starts_with("Document: Resolution No. 111-NQ/TU, Resolution on digital"),
            "{document}"
        );
        assert!(
            document
                .ends_with("Issued by: Executive Committee of the Bắc Giang Provincial Party Organisation"),
            "{document}"
        );
    }

    #[test]
    fn a_vietnamese_reader_gets_no_english() {
        let (dataset, target) = bac_giang_grdp_2025();
        let lines = details(&dataset, target, Lang::Vi);
        assert!(texts(&lines, LineKind::Translation).is_empty());
        let document = texts(&lines, LineKind::Fact)[0];
        assert!(
            document.starts_with("Văn bản: Nghị quyết số 111-NQ/TU, Nghị quyết về chuyển đổi số"),
            "{document}"
        );
        assert!(!document.contains("Resolution"), "{document}");
    }

    #[test]
    fn without_the_english_fields_an_english_reader_gets_the_vietnamese_alone() {
        let (mut dataset, target) = bac_giang_grdp_2025();
        dataset.targets[target].quote_en = None;
        let source = &mut dataset.sources[dataset.targets[target].source];
        (source.document_en, source.title_en, source.issuer_en) = (None, None, None);
        let lines = details(&dataset, target, Lang::En);
        assert!(texts(&lines, LineKind::Translation).is_empty());
        assert_eq!(texts(&lines, LineKind::Quote), ["“kinh tế số chiếm khoảng 25% GRDP của tỉnh”"]);
        let document = texts(&lines, LineKind::Fact)[0];
        assert!(document.starts_with("Document: Nghị quyết số 111-NQ/TU"), "{document}");
        assert!(document.ends_with("Issued by: Ban Chấp hành Đảng bộ tỉnh Bắc Giang"), "{document}");
    }
}
