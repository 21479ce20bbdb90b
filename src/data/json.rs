//! JSON text to a `Json` tree: the one parser, natively (the command line, static export, tests) and in the
//! browser.
//!
//! Why not `JSON.parse` in the browser? The module would then walk the parsed object graph across the
//! JavaScript boundary, several calls per value: on a 4,080-target dataset that walk alone took hundreds of
//! milliseconds, where reading the text here costs one copy of the string into the module. Why not serde_json?
//! It adds about 16 KB gzipped to the module; this reader is a few hundred lines, reports the line and column of
//! a mistake in the reader's language, and is cross-checked against serde_json in `tests/json_text.rs`.
//!
//! Numbers: the common case (up to 15 significant digits, a power of ten within ±22) is converted exactly
//! here; the rare rest goes to a converter the caller passes in (`str::parse` natively, JavaScript's
//! `parseFloat` in the browser), which keeps the standard library's float parser out of the module.

use crate::data::raw::Json;

/// The bundled dataset, compiled into the native binary so `check` and `csv` work from any directory.
#[cfg(not(target_arch = "wasm32"))]
pub const BUNDLED: &str = include_str!("../../data/targets.json");

/// Parses and validates a dataset written as JSON text, with the standard library's number converter.
#[cfg(not(target_arch = "wasm32"))]
pub fn dataset_from_json(text: &str) -> Result<crate::Dataset, Vec<crate::Problem>> {
    crate::read_dataset(text, std_number)
}

/// Containers nested deeper than this are refused: the dataset needs four levels, and a hostile file of a
/// million `[` must get a message, not exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// What the reader expected where the text went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A value: an object, list, text, number, `true`, `false` or `null`.
    Value,
    /// A field name in double quotes.
    Key,
    /// The `:` after a field name.
    Colon,
    /// `,` or `}` after a field.
    CommaOrBrace,
    /// `,` or `]` after a list item.
    CommaOrBracket,
    /// Nothing more after the top-level value.
    End,
    /// The closing `"` of a text (the file ended, or a line break or control character came first).
    Quote,
    /// One of the escapes JSON allows after `\`.
    Escape,
    /// A digit, in a number.
    Digit,
    /// Fewer levels of nesting.
    ShallowerNesting,
}

/// Where and why the text is not JSON. `line` and `column` count from 1, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub expected: Expected,
}

/// Converts number text that the exact fast path cannot take (more than 15 significant digits, or a large
/// exponent). The text is always valid JSON number syntax.
pub type SlowNumber = fn(&str) -> f64;

/// The native converter: the standard library's correctly rounded parser (never in the module, see
/// ARCHITECTURE.md; its unit tests use it too).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn std_number(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// Parses `text` (one JSON value, optionally surrounded by whitespace and preceded by a byte-order mark).
pub fn parse(text: &str, slow_number: SlowNumber) -> Result<Json, SyntaxError> {
    let mut reader = Reader { bytes: text.as_bytes(), at: 0, slow_number };
    if reader.bytes.starts_with("\u{feff}".as_bytes()) {
        reader.at = 3;
    }
    let value = reader.value(0).map_err(|(at, expected)| locate(text, at, expected))?;
    reader.skip_whitespace();
    if reader.at < reader.bytes.len() {
        return Err(locate(text, reader.at, Expected::End));
    }
    Ok(value)
}

/// Line and column of byte `at`, counted only when there is an error to report.
fn locate(text: &str, at: usize, expected: Expected) -> SyntaxError {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    // Characters, not bytes: a UTF-8 continuation byte does not start a character.
    let column = 1 + before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count();
    SyntaxError { line, column, expected }
}

type Step<T> = Result<T, (usize, Expected)>;

struct Reader<'t> {
    bytes: &'t [u8],
    at: usize,
    slow_number: SlowNumber,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn fail<T>(&self, expected: Expected) -> Step<T> {
        Err((self.at, expected))
    }

    fn value(&mut self, depth: usize) -> Step<Json> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number().map(Json::Number),
            Some(b't') => self.word(b"true", Json::Bool(true)),
            Some(b'f') => self.word(b"false", Json::Bool(false)),
            Some(b'n') => self.word(b"null", Json::Null),
            _ => self.fail(Expected::Value),
        }
    }

    fn word(&mut self, word: &[u8], value: Json) -> Step<Json> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            self.fail(Expected::Value)
        }
    }

    fn object(&mut self, depth: usize) -> Step<Json> {
        if depth > MAX_DEPTH {
            return self.fail(Expected::ShallowerNesting);
        }
        self.at += 1; // {
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return self.fail(Expected::Key);
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return self.fail(Expected::Colon);
            }
            self.at += 1;
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(members));
                }
                _ => return self.fail(Expected::CommaOrBrace),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Step<Json> {
        if depth > MAX_DEPTH {
            return self.fail(Expected::ShallowerNesting);
        }
        self.at += 1; // [
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return self.fail(Expected::CommaOrBracket),
            }
        }
    }

    /// A string starting at the opening quote. Text without escapes (nearly all of it) is copied in one go.
    fn string(&mut self) -> Step<String> {
        self.at += 1; // "
        let start = self.at;
        let mut out: Option<Vec<u8>> = None;
        let mut run_start = start;
        loop {
            let Some(byte) = self.peek() else { return self.fail(Expected::Quote) };
            match byte {
                b'"' => {
                    let text = match out {
                        None => self.bytes[start..self.at].to_vec(),
                        Some(mut out) => {
                            out.extend_from_slice(&self.bytes[run_start..self.at]);
                            out
                        }
                    };
                    self.at += 1;
                    // The input is a `str` and escapes are written as UTF-8, so the bytes are valid UTF-8.
                    return Ok(String::from_utf8(text).unwrap_or_default());
                }
                b'\\' => {
                    let out = out.get_or_insert_with(Vec::new);
                    out.extend_from_slice(&self.bytes[run_start..self.at]);
                    self.at += 1;
                    self.escape(out)?;
                    run_start = self.at;
                }
                0..=0x1F => return self.fail(Expected::Quote),
                _ => self.at += 1,
            }
        }
    }

    /// One escape, after its backslash, appended to `out` as UTF-8.
    fn escape(&mut self, out: &mut Vec<u8>) -> Step<()> {
        let Some(byte) = self.peek() else { return self.fail(Expected::Escape) };
        self.at += 1;
        let simple = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0C,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) && self.bytes[self.at..].starts_with(b"\\u") {
                    let mark = self.at;
                    self.at += 2;
                    let second = self.hex4()?;
                    if (0xDC00..0xE000).contains(&second) {
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    } else {
                        self.at = mark; // not a pair: the second escape is read on its own
                        first
                    }
                } else {
                    first
                };
                // A lone surrogate cannot be UTF-8: it becomes U+FFFD, as a browser would show it.
                let c = char::from_u32(code).unwrap_or('\u{FFFD}');
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                return Ok(());
            }
            _ => {
                self.at -= 1;
                return self.fail(Expected::Escape);
            }
        };
        out.push(simple);
        Ok(())
    }

    fn hex4(&mut self) -> Step<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return self.fail(Expected::Escape),
            };
            code = code * 16 + digit as u32;
            self.at += 1;
        }
        Ok(code)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Step<f64> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        // Significant digits, as an integer while they fit exactly, and the power of ten that scales them.
        let mut mantissa: u64 = 0;
        let mut digits = 0u32;
        let mut exponent: i32 = 0;
        let mut take = |digit: u8, after_point: bool| {
            if mantissa == 0 && digit == 0 {
                if after_point {
                    exponent -= 1;
                }
                return; // leading zeros are not significant
            }
            if digits < 19 {
                mantissa = mantissa * 10 + digit as u64;
                digits += 1;
                if after_point {
                    exponent -= 1;
                }
            } else {
                digits += 1; // more digits than fit: only the slow path can round them correctly
                if !after_point {
                    exponent += 1;
                }
            }
        };
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                while let Some(b @ b'0'..=b'9') = self.peek() {
                    take(b - b'0', false);
                    self.at += 1;
                }
            }
            _ => return self.fail(Expected::Digit),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.fail(Expected::Digit);
            }
            while let Some(b @ b'0'..=b'9') = self.peek() {
                take(b - b'0', true);
                self.at += 1;
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            let negative_exponent = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    true
                }
                Some(b'+') => {
                    self.at += 1;
                    false
                }
                _ => false,
            };
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.fail(Expected::Digit);
            }
            let mut written: i32 = 0;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                written = written.saturating_mul(10).saturating_add((b - b'0') as i32);
                self.at += 1;
            }
            exponent = exponent.saturating_add(if negative_exponent { -written } else { written });
        }
        let magnitude = if mantissa == 0 {
            0.0
        } else if digits <= 15 && exponent.unsigned_abs() <= 22 {
            // Both the mantissa and 10^|exponent| are exact doubles, so one multiplication or division rounds
            // correctly (Clinger's fast path).
            let scale = POWERS_OF_TEN[exponent.unsigned_abs() as usize];
            if exponent < 0 {
                mantissa as f64 / scale
            } else {
                mantissa as f64 * scale
            }
        } else {
            // The text includes the sign, so the slow converter's result is already signed.
            let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("0");
            return Ok((self.slow_number)(text));
        };
        Ok(if negative { -magnitude } else { magnitude })
    }
}

const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Json, SyntaxError> {
        parse(text, std_number)
    }

    fn error(text: &str) -> (usize, usize, Expected) {
        let e = read(text).unwrap_err();
        (e.line, e.column, e.expected)
    }

    #[test]
    fn reads_every_kind_of_value() {
        let json =
            read(r#" {"a": [1, -2.5, 3e2, true, false, null], "b": "x\"y\u00e9\n", "a": {}} "#).unwrap();
        assert_eq!(
            json,
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Number(1.0),
                        Json::Number(-2.5),
                        Json::Number(300.0),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null
                    ])
                ),
                ("b".into(), Json::String("x\"y\u{e9}\n".into())),
                ("a".into(), Json::Object(vec![])),
            ])
        );
    }

    #[test]
    fn surrogate_pairs_join_and_lone_surrogates_become_replacement_characters() {
        assert_eq!(read(r#""\ud83d\ude00""#).unwrap(), Json::String("😀".into()));
        assert_eq!(read(r#""\ud83d!""#).unwrap(), Json::String("\u{FFFD}!".into()));
        assert_eq!(read(r#""\ud83d\u0041""#).unwrap(), Json::String("\u{FFFD}A".into()));
    }

    #[test]
    fn numbers_round_like_the_standard_library() {
        for text in [
            "0.1",
            "12.5",
            "-0.0",
            "1e22",
            "1e23",
            "123456789012345678901",
            "2.2250738585072014e-308",
            "0.30000000000000004",
            "1E-7",
            "100000000000000000000000",
        ] {
            let Json::Number(n) = read(text).unwrap() else { panic!("{text}") };
            assert_eq!(n.to_bits(), text.parse::<f64>().unwrap().to_bits(), "{text}");
        }
    }

    #[test]
    fn mistakes_name_line_column_and_what_was_expected() {
        assert_eq!(error(""), (1, 1, Expected::Value));
        assert_eq!(error("{\n  \"a\" 1}"), (2, 7, Expected::Colon));
        assert_eq!(error("[1 2]"), (1, 4, Expected::CommaOrBracket));
        assert_eq!(error("{\"a\":1,}"), (1, 8, Expected::Key));
        assert_eq!(error("{\"a\":1 \"b\"}"), (1, 8, Expected::CommaOrBrace));
        assert_eq!(error("{} x"), (1, 4, Expected::End));
        assert_eq!(error("\"Bắc"), (1, 5, Expected::Quote));
        assert_eq!(error("\"a\nb\""), (1, 3, Expected::Quote));
        assert_eq!(error(r#""\x""#), (1, 3, Expected::Escape));
        assert_eq!(error("01"), (1, 2, Expected::End));
        assert_eq!(error("1."), (1, 3, Expected::Digit));
        assert_eq!(error("-"), (1, 2, Expected::Digit));
        assert_eq!(error("tru"), (1, 1, Expected::Value));
        assert_eq!(error("'a'"), (1, 1, Expected::Value));
    }

    #[test]
    fn deep_nesting_is_refused_without_exhausting_the_stack() {
        let deep = "[".repeat(1_000_000);
        assert_eq!(error(&deep), (1, MAX_DEPTH + 1, Expected::ShallowerNesting));
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(read(&fine).is_ok());
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(read("\u{feff}[]").unwrap(), Json::Array(vec![]));
    }
}
