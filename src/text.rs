//! Text measurement without a font: a conservative estimate of how wide a line will be, and word wrapping.
//!
//! The widget uses the reader's system sans-serif and the static export declares a list of fonts, so no
//! exact metrics exist at layout time. The estimate errs wide (it is tuned on DejaVu Sans, the widest common
//! face with Vietnamese glyphs), so labels laid out apart stay apart in any of them.

/// Estimated advance of one character, in ems.
fn char_em(c: char, bold: bool) -> f64 {
    let em = match c {
        ' ' => 0.32,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' => {
            0.30
        }
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' => 0.42,
        'm' | 'w' | 'M' | 'W' | '%' | '—' | '…' => 0.92,
        '0'..='9' => 0.64,
        // ASCII capitals, and Vietnamese capitals with diacritics (Latin-1 and Latin Extended Additional
        // capitals sit on even code points there); testing Unicode case would pull its tables into the module.
        c if c.is_ascii_uppercase() || is_vietnamese_capital(c) => 0.72,
        _ => 0.62,
    };
    if bold {
        em * 1.08
    } else {
        em
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

/// Breaks `text` into lines no wider than `max_width`, at spaces; a single word wider than that stands alone.
pub fn wrap(text: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() {
            let candidate = format!("{line} {word}");
            if width(&candidate, size, bold) > max_width {
                lines.push(std::mem::take(&mut line));
                line.push_str(word);
            } else {
                line = candidate;
            }
        } else {
            line.push_str(word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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
    fn bold_and_wide_letters_measure_wider() {
        assert!(width("Bình Định", 14.0, true) > width("Bình Định", 14.0, false));
        assert!(width("WWW", 10.0, false) > width("iii", 10.0, false));
    }
}
