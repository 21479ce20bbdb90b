//! Text cut to a number of characters with "…", the one way the product shortens words it was given (an
//! editor's title, a dataset's over-long short label): at a word's end where one is near, and never between
//! a letter and its combining accent, which decomposed Vietnamese writes after the letter.

/// `text` if it has at most `limit` characters; otherwise `text` cut to `limit` characters, the last being
/// "…", at a word's end where one is near, and never between a letter and its combining accent.
pub fn cut_to(text: &str, limit: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= limit {
        return text.to_string();
    }
    let mut end = limit.saturating_sub(1).min(chars.len());
    while end > 0 && is_combining(chars[end]) {
        end -= 1;
    }
    // Back to a space if one is within the last fifth: a whole word reads better than half of one.
    let floor = end - end / 5;
    if let Some(space) = (floor..end).rev().find(|&i| chars[i] == ' ') {
        end = space;
    }
    let mut cut: String = chars[..end].iter().collect::<String>().trim_end().to_string();
    cut.push('…');
    cut
}

/// Unicode's combining diacritical marks, the accents decomposed Vietnamese writes after a letter.
fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_within_its_limit_is_kept_and_a_longer_one_ends_in_an_ellipsis_at_a_word() {
        assert_eq!(cut_to("Doanh nghiệp số", 15), "Doanh nghiệp số");
        let cut = cut_to("Doanh nghiệp công nghệ số được hình thành mới", 36);
        assert_eq!(cut, "Doanh nghiệp công nghệ số được…");
        assert!(cut.chars().count() <= 36);
        assert_eq!(cut_to(&"x".repeat(40), 36).chars().count(), 36);
    }
}
