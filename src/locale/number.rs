//! Numbers as readers and machines read them: `12,5` and `1.500` in Vietnamese, `12.5` and `1,500` in
//! English, and plain `12.5` for machines (CSV, SVG coordinates).
//!
//! Written by hand on integers rather than through `format!("{}", f64)`: the standard float printer is
//! several kilobytes of WebAssembly, and every value here needs at most two decimals anyway.

use crate::locale::i18n::Lang;

/// Appends `value` rounded to at most `max_decimals` decimals, without trailing zeros, using the given
/// separators (`group` between thousands, if any).
pub fn write_number(out: &mut String, value: f64, max_decimals: u32, decimal: char, group: Option<char>) {
    if !value.is_finite() {
        out.push('0');
        return;
    }
    let scale = 10u64.pow(max_decimals);
    let scaled = (value.abs() * scale as f64).round() as u64;
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    let whole = scaled / scale;
    let mut fraction = scaled % scale;
    let mut decimals = max_decimals;
    while decimals > 0 && fraction.is_multiple_of(10) {
        fraction /= 10;
        decimals -= 1;
    }
    write_grouped(out, whole, group);
    if decimals > 0 {
        out.push(decimal);
        let digits = fraction.to_string();
        for _ in digits.len()..decimals as usize {
            out.push('0');
        }
        out.push_str(&digits);
    }
}

fn write_grouped(out: &mut String, whole: u64, group: Option<char>) {
    let digits = whole.to_string();
    let Some(group) = group else {
        out.push_str(&digits);
        return;
    };
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(digit);
    }
}

/// `value` for a reader: `1.500`, `12,5` (Vietnamese) or `1,500`, `12.5` (English).
pub fn number(value: f64, lang: Lang) -> String {
    let text = lang.text();
    let mut out = String::new();
    write_number(&mut out, value, 2, text.decimal_separator, Some(text.group_separator));
    out
}

/// `value` for a machine: a dot before the decimals, no grouping, at most `max_decimals` decimals.
pub fn plain(value: f64, max_decimals: u32) -> String {
    let mut out = String::new();
    write_number(&mut out, value, max_decimals, '.', None);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers_use_a_comma_for_decimals_and_dots_for_thousands() {
        assert_eq!(number(12.5, Lang::Vi), "12,5");
        assert_eq!(number(1500.0, Lang::Vi), "1.500");
        assert_eq!(number(1234567.25, Lang::Vi), "1.234.567,25");
        assert_eq!(number(100.0, Lang::Vi), "100");
        assert_eq!(number(0.0, Lang::Vi), "0");
        assert_eq!(number(1500.0, Lang::En), "1,500");
        assert_eq!(number(12.5, Lang::En), "12.5");
    }

    #[test]
    fn plain_numbers_round_and_drop_trailing_zeros() {
        assert_eq!(plain(13.5, 2), "13.5");
        assert_eq!(plain(2.0, 2), "2");
        assert_eq!(plain(0.125, 2), "0.13");
        assert_eq!(plain(-3.04, 2), "-3.04");
        assert_eq!(plain(-0.001, 1), "0");
        assert_eq!(plain(f64::NAN, 1), "0");
        assert_eq!(plain(12345.678, 1), "12345.7");
    }
}
