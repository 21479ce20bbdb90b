//! Text measurement without a font: a conservative estimate of how wide a line will be, and word wrapping.
//!
//! The widget uses the reader's system sans-serif and the static export declares a list of fonts, so no
//! exact metrics exist at layout time. The estimate errs wide: never narrower than DejaVu Sans, the widest
//! common face with Vietnamese glyphs (tests/glyphs.rs measures every text of every view with it), so
//! labels laid out apart stay apart in the faces readers have.

/// Estimated advance of one character, in ems: at least DejaVu Sans's (regular or bold) for every character
/// the chart shows, read off the font by tests/glyphs.rs, which checks every text of every view against
/// the real glyphs. Characters outside Latin and Vietnamese count as a whole em and more.
fn char_em(c: char, bold: bool) -> f64 {
    let (regular, bold_em) = match c {
        '\'' | 'i' | 'j' | 'l' | 'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ỉ' | 'ị' => (0.28, 0.35),
        ' ' | NO_BREAK | ',' | '.' | '‘' | '’' | 'I' | 'J' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ỉ' | 'Ị' => {
            (0.32, 0.38)
        }
        ':' | ';' | '/' | '\\' | '|' | 'f' | '-' => (0.37, 0.42),
        '(' | ')' | '[' | ']' | 't' | 'r' | '!' => (0.41, 0.50),
        '"' | '_' | '–' | '`' | '*' | 's' | 'z' | '?' | 'c' | 'ç' => (0.56, 0.60),
        '“' | '”' => (0.52, 0.66),
        'w' | 'M' => (0.87, 1.0),
        'm' | 'W' | '%' | '@' | '—' | '…' | 'Æ' | 'æ' => (1.0, 1.11),
        '&' | '#' | '+' | '<' | '=' | '>' | '~' | '^' | '×' | '÷' | '→' | '\u{2212}' => (0.84, 0.88),
        // Capitals with a horn are the widest letters.
        'Ơ' | 'Ớ' | 'Ờ' | 'Ở' | 'Ỡ' | 'Ợ' | 'Ư' | 'Ứ' | 'Ừ' | 'Ử' | 'Ữ' | 'Ự' => {
            (0.92, 0.92)
        }
        // ASCII capitals, and Vietnamese capitals with diacritics (Latin-1 and Latin Extended Additional
        // capitals sit on even code points there); testing Unicode case would pull its tables into the module.
        c if c.is_ascii_uppercase() || is_vietnamese_capital(c) || c == 'Þ' => (0.79, 0.86),
        // Lower-case letters, digits and the rest of Latin and Vietnamese.
        c if c.is_ascii() || c < '\u{250}' || ('\u{1EA0}'..='\u{1EF9}').contains(&c) => (0.64, 0.72),
        _ => (1.0, 1.11),
    };
    if bold {
        bold_em
    } else {
        regular
    }
}

fn is_vietnamese_capital(c: char) -> bool {
    matches!(c, 'À'..='Ý' | 'Đ' | 'Ă' | 'Ĩ' | 'Ũ' | 'Ơ' | 'Ư')
        || (('\u{1EA0}'..='\u{1EF9}').contains(&c) && (c as u32).is_multiple_of(2))
}

/// Estimated width in pixels of `text` set at `size` pixels.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    text.chars().map(|c| char_em(c, bold)).sum::<f64>() * size
}

/// A space that `wrap` never breaks at: it holds a name or a document number together while wrapping.
const NO_BREAK: char = '\u{a0}';

/// Breaks `text` into lines no wider than `max_width`, at spaces; a word wider than a whole line is broken
/// where it must be (a long document number or URL would otherwise run off the chart).
pub fn wrap(text: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
    wrap_keeping(text, &[], size, bold, max_width)
}

/// `wrap`, with each of `keep` that occurs in `text` kept on one line ("Lạng Sơn", "QĐ 749/QĐ-TTg") unless
/// it is wider than a whole line, so that no name or document number breaks inside itself.
pub fn wrap_keeping(text: &str, keep: &[&str], size: f64, bold: bool, max_width: f64) -> Vec<String> {
    let mut glued = text.to_string();
    for phrase in keep {
        if phrase.contains(' ') && width(phrase, size, bold) <= max_width {
            glued = glued.replace(phrase, &phrase.replace(' ', "\u{a0}"));
        }
    }
    let lines = break_lines(&glued, size, bold, max_width);
    lines.into_iter().map(|line| line.replace(NO_BREAK, " ")).collect()
}

fn break_lines(text: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(|c: char| c.is_whitespace() && c != NO_BREAK).filter(|w| !w.is_empty()) {
        for piece in split_to_fit(word, size, bold, max_width) {
            if line.is_empty() {
                line = piece;
            } else if width(&line, size, bold) + width(" ", size, bold) + width(&piece, size, bold)
                > max_width
            {
                lines.push(std::mem::replace(&mut line, piece));
            } else {
                line.push(' ');
                line.push_str(&piece);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `word` in pieces no wider than `max_width` (one piece if it fits).
fn split_to_fit(word: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
    let mut pieces = vec![String::new()];
    let mut piece_width = 0.0;
    for c in word.chars() {
        let w = char_em(c, bold) * size;
        let last = pieces.last_mut().expect("never empty");
        if piece_width + w > max_width && !last.is_empty() {
            pieces.push(String::new());
            piece_width = 0.0;
        }
        pieces.last_mut().expect("never empty").push(c);
        piece_width += w;
    }
    pieces
}

/// `text` cut to fit `max_width`, ending in "…" when cut.
pub fn truncate(text: &str, size: f64, bold: bool, max_width: f64) -> String {
    if width(text, size, bold) <= max_width {
        return text.to_string();
    }
    let ellipsis = char_em('…', bold) * size;
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = char_em(c, bold) * size;
        if used + w + ellipsis > max_width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_respects_the_width() {
        let text = "Tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn tỉnh (GRDP)";
        let lines = wrap(text, 14.0, false, 150.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(width(line, 14.0, false) <= 150.0 || !line.contains(' '), "{line}");
        }
    }

    #[test]
    fn an_overlong_word_is_broken_and_a_long_name_truncated() {
        let lines =
            wrap("Nguồn: https://example.org/a-very-long-path-without-any-space-in-it", 12.0, false, 120.0);
        assert!(lines.iter().all(|l| width(l, 12.0, false) <= 120.0), "{lines:?}");
        let name = truncate("Thành phố Hồ Chí Minh mở rộng sau sáp nhập", 14.0, true, 100.0);
        assert!(name.ends_with('…') && width(&name, 14.0, true) <= 100.0, "{name}");
        assert_eq!(truncate("Bắc Giang", 14.0, true, 200.0), "Bắc Giang");
    }

    #[test]
    fn a_kept_phrase_stays_on_one_line() {
        let text = "Không đặt mục tiêu: Bình Định, Vĩnh Phúc, Lạng Sơn.";
        let room = width("Không đặt mục tiêu: Bình Định, Vĩnh Phúc, Lạng", 14.0, false);
        let plain = wrap(text, 14.0, false, room);
        assert_eq!(plain.last().map(String::as_str), Some("Sơn."), "{plain:?}");
        let kept = wrap_keeping(text, &["Lạng Sơn", "Vĩnh Phúc"], 14.0, false, room);
        assert_eq!(kept, ["Không đặt mục tiêu: Bình Định, Vĩnh Phúc,", "Lạng Sơn."]);
        assert_eq!(kept.join(" "), text);
    }

    #[test]
    fn bold_and_wide_letters_measure_wider() {
        assert!(width("Bình Định", 14.0, true) > width("Bình Định", 14.0, false));
        assert!(width("WWW", 10.0, false) > width("iii", 10.0, false));
    }
}
