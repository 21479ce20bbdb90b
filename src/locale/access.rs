//! The words of the compact controls (the province disclosure, the year segments, the empty-year message)
//! and of what the widget says to screen readers, in Vietnamese and English. Kept beside `i18n` rather than in
//! its `Text`, so that these controls' words are found, and translated, in one place.

use super::i18n::Lang;

pub struct AccessText {
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
}

static VI: AccessText = AccessText {
    all_years_short: "Tất cả",
    year_without_targets: "không có mục tiêu",
    years_with_targets: "Năm có mục tiêu:",
    show_year: "Xem năm ",
    quote_lead: "Trích dẫn: ",
};

static EN: AccessText = AccessText {
    all_years_short: "All",
    year_without_targets: "no targets",
    years_with_targets: "Years with targets:",
    show_year: "Show ",
    quote_lead: "Quote: ",
};

impl Lang {
    pub fn access(self) -> &'static AccessText {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
