//! Every piece of interface text, in Vietnamese (the default) and English: the one place to translate.

/// The reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The languages, each as the primary subtag of the BCP 47 tags that ask for it.
    pub const CHOICES: &'static [&'static str] = &["vi", "en"];
    const ALL: [Lang; 2] = [Lang::Vi, Lang::En];
    /// The longest subtag BCP 47 allows after the primary one.
    const SUBTAG_MAX: usize = 8;

    /// The language a BCP 47 tag asks for, in any case: a primary subtag in `CHOICES`, then any subtags
    /// (`en`, `en-US`, `EN-gb`, `vi-VN`). Anything else is `None`: the caller falls back, with a warning.
    pub fn parse(text: &str) -> Option<Lang> {
        let mut subtags = text.split('-');
        let primary = subtags.next()?;
        let well_formed = |subtag: &str| {
            (1..=Self::SUBTAG_MAX).contains(&subtag.len())
                && subtag.bytes().all(|b| b.is_ascii_alphanumeric())
        };
        if !subtags.all(well_formed) {
            return None;
        }
        let position = Self::CHOICES.iter().position(|choice| choice.eq_ignore_ascii_case(primary))?;
        Some(Self::ALL[position])
    }

    /// `parse` as a JavaScript regular expression, for the `i` flag; its first group is the language. The
    /// embed contract carries it to the loader, whose own messages then follow the module's rule
    /// (`tests/cli.rs` runs both over the same tags).
    pub fn tag_pattern() -> String {
        format!("^({})(-[0-9a-z]{{1,{}}})*$", Self::CHOICES.join("|"), Self::SUBTAG_MAX)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// "5 tỉnh", "1 province", "5 provinces": a count of provinces as a reader reads it.
    pub fn provinces(self, n: usize) -> String {
        let (one, several) = self.text().n_provinces;
        format!("{n} {}", if n == 1 { one } else { several })
    }

    /// "Tỉnh (3/5)": the province disclosure's label on a phone, with how many of them are shown.
    pub fn provinces_shown(self, shown: usize, all: usize) -> String {
        format!("{} ({shown}/{all})", self.text().provinces)
    }

    /// The sentence a chart says instead of rows of "no target" when no shown province set a target for
    /// `year`: `all_shown` when the reader has turned none of the provinces off.
    pub fn empty_year(self, year: u16, all_shown: bool) -> String {
        match (self, all_shown) {
            (Lang::Vi, true) => format!("Chưa tỉnh nào đặt mục tiêu cho năm {year}."),
            (Lang::Vi, false) => format!("Các tỉnh đang chọn chưa đặt mục tiêu cho năm {year}."),
            (Lang::En, true) => format!("No province has set a target for {year}."),
            (Lang::En, false) => format!("None of the chosen provinces has set a target for {year}."),
        }
    }

    /// The summary's sentence about the provinces that set a higher target than the national `value`:
    /// `names` as the language lists them, `several` when there is more than one (English agrees with it).
    pub fn higher_than_national(self, names: &str, several: bool, value: &str) -> String {
        match (self, several) {
            (Lang::Vi, _) => format!("{names} đặt cao hơn mục tiêu quốc gia ({value})."),
            (Lang::En, false) => format!("{names} sets a higher target than the national one ({value})."),
            (Lang::En, true) => format!("{names} set higher targets than the national one ({value})."),
        }
    }

    /// What a screen reader hears when the reader turns a province off: "Đã ẩn Bắc Giang."
    pub fn province_hidden(self, name: &str) -> String {
        match self {
            Lang::Vi => format!("Đã ẩn {name}."),
            Lang::En => format!("{name} hidden."),
        }
    }

    /// The interface text of this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }

    /// Whose target a national one is, where a province's name would stand (the chart's label, the table, the
    /// CSV, and the sheet reader's check of that cell).
    pub fn national_target(self) -> &'static str {
        self.text().national_target
    }

    /// Picks the Vietnamese or English form of a field from the data.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// Picks the Vietnamese or English form of an optional field from the data, falling back to the other.
    pub fn pick_optional<'a>(self, vi: &'a Option<String>, en: &'a Option<String>) -> Option<&'a str> {
        let (first, second) = match self {
            Lang::Vi => (vi, en),
            Lang::En => (en, vi),
        };
        first.as_deref().or(second.as_deref())
    }
}

/// The interface text of one language.
pub struct Text {
    pub decimal_separator: char,
    pub group_separator: char,
    pub about: &'static str,
    pub above: &'static str,
    pub at_least: &'static str,
    pub at_most: &'static str,
    /// "top N": a place in the first N, which rank targets set.
    pub rank_prefix: &'static str,
    pub rank_suffix: &'static str,
    /// Rank 1, worded as the articles word it: "đứng đầu", never "nhóm 1 dẫn đầu".
    pub rank_first: &'static str,
    /// One exact place: "hạng 5", "rank 5".
    pub rank_place: &'static str,
    pub per_year: &'static str,
    pub no_target: &'static str,
    pub draft: &'static str,
    pub adopted: &'static str,
    pub legend_draft: &'static str,
    /// "above" and "at least" are told apart: an open chevron for "above", a solid head for "at least".
    pub legend_above: &'static str,
    pub legend_at_least: &'static str,
    pub legend_at_most: &'static str,
    /// The glyph of a target stated in words only (qualitative).
    pub legend_words: &'static str,
    pub legend_about: &'static str,
    pub source_prefix: &'static str,
    pub unit_caption: &'static str,
    pub rank_caption: &'static str,
    /// Before the last place a rank axis shows, where the ranking goes on but the axis stops.
    pub rank_cut: &'static str,
    pub chart_label: &'static str,
    pub provinces: &'static str,
    pub indicator: &'static str,
    pub year: &'static str,
    pub all_years: &'static str,
    /// The noun after a count of provinces: (one, several). Vietnamese nouns do not change with the count.
    pub n_provinces: (&'static str, &'static str),
    pub show_table: &'static str,
    pub hide_table: &'static str,
    /// The chart's own rows and columns as CSV (`export::view_csv`).
    pub download_view_csv: &'static str,
    /// The whole dataset as CSV (`export::csv`).
    pub download_csv: &'static str,
    pub download_svg: &'static str,
    pub download_png: &'static str,
    /// The button that opens the menu of the four downloads above.
    pub download_menu: &'static str,
    pub table_caption: &'static str,
    pub column_province: &'static str,
    pub column_year: &'static str,
    pub column_target: &'static str,
    pub column_status: &'static str,
    pub column_document: &'static str,
    pub details_hint: &'static str,
    /// On a phone, the one line under a quote that opens the document, article and notes it comes from.
    pub citation: &'static str,
    pub document: &'static str,
    pub issued_by: &'static str,
    pub article: &'static str,
    pub quote: &'static str,
    pub note: &'static str,
    pub date_unknown_year: &'static str,
    pub summary_none: &'static str,
    pub summary_lead: &'static str,
    pub summary_missing: &'static str,
    /// The same, inside a sentence.
    pub summary_missing_inline: &'static str,
    pub no_province_selected: &'static str,
    pub data_error_title: &'static str,
    pub data_error_more: &'static str,
    pub load_error: &'static str,
    pub retry: &'static str,
    pub close: &'static str,
    /// The "all years" segment: short, since it shares a row with every year on a phone.
    pub all_years_short: &'static str,
    /// The tooltip of a year no shown province set a target for.
    pub year_without_targets: &'static str,
    /// Before the buttons of the years that have targets, under the empty-year sentence.
    pub years_with_targets: &'static str,
    /// The label of an empty-year message's button: this, then the year.
    pub show_year: &'static str,
    /// What a screen reader hears on Enter: the pinned mark's quote follows this.
    pub quote_lead: &'static str,
    /// Before the English of a Vietnamese quote: the quote is the evidence, its English a reading aid that no
    /// official body has checked.
    pub unofficial_translation: &'static str,
    /// Whose target a national one is, where a province's name would stand (the line's label, the details
    /// panel, the table, the CSV, the reader's switch).
    pub national_target: &'static str,
    /// The word before the last name of a list: "A, B và C".
    pub list_and: &'static str,
    /// What a screen reader hears when the reader turns the national lines off.
    pub national_hidden: &'static str,
}

pub static VI: Text = Text {
    decimal_separator: ',',
    group_separator: '.',
    about: "khoảng ",
    above: "trên ",
    at_least: "tối thiểu ",
    at_most: "tối đa ",
    rank_prefix: "nhóm ",
    rank_suffix: " dẫn đầu",
    rank_first: "đứng đầu",
    rank_place: "hạng ",
    per_year: "/năm",
    no_target: "không đặt mục tiêu",
    draft: "dự thảo",
    adopted: "đã ban hành",
    legend_draft: "dự thảo",
    legend_above: "trên",
    legend_at_least: "tối thiểu",
    legend_at_most: "tối đa",
    legend_words: "mục tiêu không có con số",
    legend_about: "khoảng",
    source_prefix: "Nguồn: ",
    unit_caption: "Đơn vị: ",
    rank_caption: "Thứ hạng: hạng 1 (đứng đầu) ở bên phải →",
    rank_cut: "Trục cắt ở hạng ",
    chart_label: "Biểu đồ so sánh mục tiêu",
    provinces: "Tỉnh",
    indicator: "Chỉ tiêu",
    year: "Năm",
    all_years: "Tất cả các năm",
    n_provinces: ("tỉnh", "tỉnh"),
    show_table: "Xem bảng số liệu",
    hide_table: "Ẩn bảng số liệu",
    download_view_csv: "Tải số liệu biểu đồ (CSV)",
    download_csv: "Tải toàn bộ dữ liệu (CSV)",
    download_svg: "Tải ảnh (SVG)",
    download_png: "Tải ảnh (PNG)",
    download_menu: "Tải xuống",
    table_caption: "Số liệu đang hiển thị",
    column_province: "Tỉnh",
    column_year: "Năm",
    column_target: "Mục tiêu",
    column_status: "Tình trạng",
    column_document: "Văn bản",
    details_hint: "Chạm, di chuột hoặc dùng phím Tab tới một điểm để xem trích dẫn và nguồn.",
    citation: "Văn bản và nguồn",
    document: "Văn bản",
    issued_by: "Cơ quan ban hành",
    article: "Bài báo",
    quote: "Trích dẫn",
    note: "Ghi chú",
    date_unknown_year: "không rõ năm",
    summary_none: "Không tỉnh nào trong lựa chọn đặt mục tiêu cho chỉ tiêu này.",
    summary_lead: "mục tiêu",
    summary_missing: "Không đặt mục tiêu",
    summary_missing_inline: "không đặt mục tiêu",
    no_province_selected: "Chọn ít nhất một tỉnh để xem biểu đồ.",
    data_error_title: "Không thể hiển thị biểu đồ: dữ liệu có lỗi",
    data_error_more: "lỗi khác (xem console)",
    load_error: "Không tải được dữ liệu",
    retry: "Thử lại",
    close: "Đóng",
    all_years_short: "Tất cả",
    year_without_targets: "không có mục tiêu",
    years_with_targets: "Năm có mục tiêu:",
    show_year: "Xem năm ",
    quote_lead: "Trích dẫn: ",
    unofficial_translation: "Bản dịch không chính thức",
    national_target: "Mục tiêu quốc gia",
    list_and: "và",
    national_hidden: "Đã ẩn mục tiêu quốc gia.",
};

pub static EN: Text = Text {
    decimal_separator: '.',
    group_separator: ',',
    about: "about ",
    above: "over ",
    at_least: "at least ",
    at_most: "at most ",
    rank_prefix: "top ",
    rank_suffix: "",
    rank_first: "first",
    rank_place: "rank ",
    per_year: "/yr",
    no_target: "no target set",
    draft: "draft",
    adopted: "adopted",
    legend_draft: "draft",
    legend_above: "over",
    legend_at_least: "at least",
    legend_at_most: "at most",
    legend_words: "target without a number",
    legend_about: "about",
    source_prefix: "Source: ",
    unit_caption: "Unit: ",
    rank_caption: "Rank: first place is at the right →",
    rank_cut: "Axis cut at place ",
    chart_label: "Comparison of targets",
    provinces: "Provinces",
    indicator: "Indicator",
    year: "Year",
    all_years: "All years",
    n_provinces: ("province", "provinces"),
    show_table: "Show data table",
    hide_table: "Hide data table",
    download_view_csv: "Get this chart's data (CSV)",
    download_csv: "Get the whole dataset (CSV)",
    download_svg: "Download image (SVG)",
    download_png: "Download image (PNG)",
    download_menu: "Download",
    table_caption: "Data in the current view",
    column_province: "Province",
    column_year: "Year",
    column_target: "Target",
    column_status: "Status",
    column_document: "Document",
    details_hint: "Tap, hover or Tab to a mark to read its quote and source.",
    citation: "Document and source",
    document: "Document",
    issued_by: "Issued by",
    article: "Article",
    quote: "Quote",
    note: "Note",
    date_unknown_year: "year not stated",
    summary_none: "No selected province sets a target for this indicator.",
    summary_lead: "target",
    summary_missing: "No target set",
    summary_missing_inline: "no target set",
    no_province_selected: "Select at least one province to see the chart.",
    data_error_title: "The chart cannot be shown: the data has errors",
    data_error_more: "more problems (see the console)",
    load_error: "The data could not be loaded",
    retry: "Retry",
    close: "Close",
    all_years_short: "All",
    year_without_targets: "no targets",
    years_with_targets: "Years with targets:",
    show_year: "Show ",
    quote_lead: "Quote: ",
    unofficial_translation: "Unofficial translation",
    national_target: "National target",
    list_and: "and",
    national_hidden: "National targets hidden.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_of_provinces_agrees_with_its_noun() {
        assert_eq!(Lang::En.provinces(1), "1 province");
        assert_eq!(Lang::En.provinces(5), "5 provinces");
        assert_eq!(Lang::Vi.provinces(1), "1 tỉnh");
        assert_eq!(Lang::Vi.provinces(5), "5 tỉnh");
    }

    #[test]
    fn the_disclosure_counts_shown_provinces_in_both_languages() {
        assert_eq!(Lang::Vi.provinces_shown(5, 5), "Tỉnh (5/5)");
        assert_eq!(Lang::En.provinces_shown(2, 5), "Provinces (2/5)");
    }

    #[test]
    fn an_empty_year_is_one_sentence_that_says_whether_provinces_are_filtered() {
        assert_eq!(Lang::Vi.empty_year(2021, true), "Chưa tỉnh nào đặt mục tiêu cho năm 2021.");
        assert_eq!(Lang::Vi.empty_year(2021, false), "Các tỉnh đang chọn chưa đặt mục tiêu cho năm 2021.");
        assert_eq!(Lang::En.empty_year(2023, true), "No province has set a target for 2023.");
    }

    #[test]
    fn the_national_sentence_names_the_provinces_above_it_in_both_languages() {
        assert_eq!(
            Lang::Vi.higher_than_national("Bắc Giang và Lạng Sơn", true, "20%"),
            "Bắc Giang và Lạng Sơn đặt cao hơn mục tiêu quốc gia (20%)."
        );
        assert_eq!(
            Lang::En.higher_than_national("Bắc Giang", false, "20%"),
            "Bắc Giang sets a higher target than the national one (20%)."
        );
        assert_eq!(
            Lang::En.higher_than_national("A and B", true, "30%"),
            "A and B set higher targets than the national one (30%)."
        );
        assert_eq!((VI.national_target, EN.national_target), ("Mục tiêu quốc gia", "National target"));
    }

    #[test]
    fn a_bcp_47_tag_asks_for_its_primary_language_in_any_case() {
        for (tag, lang) in [("en", Lang::En), ("en-US", Lang::En), ("EN-gb", Lang::En), ("EN", Lang::En)] {
            assert_eq!(Lang::parse(tag), Some(lang), "{tag}");
        }
        for tag in ["vi", "vi-VN", "VI-vn", "vi-Latn-VN"] {
            assert_eq!(Lang::parse(tag), Some(Lang::Vi), "{tag}");
        }
        for tag in
            ["", "fr", "fr-FR", "en_US", "english", "en-", "-en", "en--US", "en-toolongsubtag", "en US", "ên"]
        {
            assert_eq!(Lang::parse(tag), None, "{tag:?}");
        }
    }

    #[test]
    fn every_choice_parses_to_itself() {
        for choice in Lang::CHOICES {
            assert_eq!(Lang::parse(choice).map(Lang::as_str), Some(*choice));
        }
    }
}
