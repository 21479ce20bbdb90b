//! Where a browser's `JSON.parse` said a dataset stops being JSON, made into a `SyntaxError` like the one
//! serde_json gives natively. The browser's parser is the one the module relies on (the page parses the
//! text, the module reads the value), so its message is all there is; its wording is not a stable
//! interface, so every part of it is optional: a position without a known phrase still gives line and
//! column, and a message with no position (Safari's never has one) gives an unknown position, never a
//! made-up line 1, column 1.

use crate::data::problem::{Expected, SyntaxError};

/// Phrases of Chromium's, Firefox's and Safari's messages (compared in lower case), and what they mean.
const PHRASES: [(&str, Expected); 18] = [
    ("expected ':'", Expected::Colon),
    ("expected ',' or '}'", Expected::CommaOrBrace),
    ("expected ',' or ']'", Expected::CommaOrBracket),
    ("expected property name", Expected::Key),
    ("expected double-quoted property name", Expected::Key),
    ("non-whitespace character after json", Expected::End),
    ("unterminated string", Expected::Quote),
    ("bad control character", Expected::Quote),
    ("bad escaped character", Expected::Escape),
    ("bad unicode escape", Expected::Escape),
    ("no number after minus sign", Expected::Digit),
    ("exponent part is missing a number", Expected::Digit),
    ("unterminated fractional number", Expected::Digit),
    ("is not valid json", Expected::Value),
    ("property name must be a string literal", Expected::Key),
    ("unexpected identifier", Expected::Value),
    ("unrecognized token", Expected::Value),
    ("invalid escape character", Expected::Escape),
];

/// `text` is what was parsed, `message` what the parser threw. Chromium writes "… in JSON at position 41
/// (line 3 column 7)", Firefox "… at line 3 column 7 of the JSON data", older engines only "position 41",
/// and Safari no position at all ("JSON Parse error: Unexpected identifier \"x\"").
pub fn syntax_error_from_browser(text: &str, message: &str) -> SyntaxError {
    let lower = message.to_lowercase();
    let expected = PHRASES.iter().find(|(phrase, _)| lower.contains(phrase)).map(|(_, expected)| *expected);
    let at_end = || line_and_column(text, text.encode_utf16().count());
    let (line, column) = match (number_after(&lower, "line "), number_after(&lower, "column ")) {
        (Some(line), Some(column)) => (line, column),
        _ => match number_after(&lower, "position ") {
            Some(position) => line_and_column(text, position),
            // Chromium's "Unexpected end of JSON input", Safari's "Unexpected EOF": the text's end.
            None if lower.contains("unexpected end") || lower.contains("unexpected eof") => at_end(),
            None => match unexpected_first_token(text, message) {
                Some(position) => position,
                None => return SyntaxError { position: None, expected },
            },
        },
    };
    SyntaxError::at(line.max(1), column.max(1), expected)
}

/// Where the text's first token stands, when the message names it as the unexpected one ("Unexpected token
/// 'T'", "Unrecognized token '<'") and no JSON text can begin with it: the parser stopped right there (a CSV
/// or an HTML page handed over as JSON). Any other token may stand anywhere in the text.
fn unexpected_first_token(text: &str, message: &str) -> Option<(usize, usize)> {
    let named = message[message.find("token '")? + "token '".len()..].chars().next()?;
    let (line, column, first) = first_token(text)?;
    let starts_json = matches!(first, '{' | '[' | '"' | '-' | '0'..='9' | 't' | 'f' | 'n');
    (first == named && !starts_json).then_some((line, column))
}

/// The first character that is not JSON white space, with its line and column.
fn first_token(text: &str) -> Option<(usize, usize, char)> {
    let (mut line, mut column) = (1, 1);
    for c in text.chars() {
        match c {
            '\n' => (line, column) = (line + 1, 1),
            ' ' | '\t' | '\r' => column += 1,
            _ => return Some((line, column, c)),
        }
    }
    None
}

/// The whole number written right after the first `label` in `message`.
fn number_after(message: &str, label: &str) -> Option<usize> {
    let start = message.find(label)? + label.len();
    let digits: &str = &message[start..];
    let end = digits.find(|c: char| !c.is_ascii_digit()).unwrap_or(digits.len());
    digits[..end].parse().ok()
}

/// Line and column (from 1, in characters) of the UTF-16 offset `position`, as JavaScript counts.
fn line_and_column(text: &str, position: usize) -> (usize, usize) {
    let (mut line, mut column, mut offset) = (1, 1, 0);
    for c in text.chars() {
        if offset >= position {
            break;
        }
        offset += c.len_utf16();
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::problem::describe_syntax;
    use crate::locale::i18n::Lang;

    fn at(line: usize, column: usize, expected: Option<Expected>) -> SyntaxError {
        SyntaxError::at(line, column, expected)
    }

    fn nowhere(expected: Option<Expected>) -> SyntaxError {
        SyntaxError { position: None, expected }
    }

    #[test]
    fn chromium_messages_give_line_column_and_what_was_expected() {
        let text = "{\n  \"a\" 1\n}";
        let message = "Expected ':' after property name in JSON at position 8 (line 2 column 7)";
        assert_eq!(syntax_error_from_browser(text, message), at(2, 7, Some(Expected::Colon)));
        let message = "Unexpected token 'T', \"Tỉnh,Chỉ t\"... is not valid JSON";
        assert_eq!(syntax_error_from_browser("Tỉnh,Chỉ tiêu", message), at(1, 1, Some(Expected::Value)));
        assert_eq!(syntax_error_from_browser("", "Unexpected end of JSON input"), at(1, 1, None));
        assert_eq!(syntax_error_from_browser("{\n\"a\":", "Unexpected end of JSON input"), at(2, 5, None));
    }

    #[test]
    fn firefox_and_older_messages_are_understood_too() {
        let message = "JSON.parse: expected ',' or '}' after property value in object at line 3 column 2 of the JSON data";
        assert_eq!(syntax_error_from_browser("", message), at(3, 2, Some(Expected::CommaOrBrace)));
        // A position counts UTF-16 units, as JavaScript strings do: "ạ" is one, "𝔸" two.
        let text = "[\"ạ𝔸\"\n,,]";
        assert_eq!(
            syntax_error_from_browser(text, "Unexpected token , in JSON at position 8"),
            at(2, 2, None)
        );
        assert_eq!(syntax_error_from_browser("x", "something else entirely"), nowhere(None));
        // A token named unexpected is placed only when it is the first and no JSON begins with it.
        let message = "Unexpected token 'x', \"{\"a\": x}\" is not valid JSON";
        assert_eq!(syntax_error_from_browser("{\"a\": x}", message), nowhere(Some(Expected::Value)));
        let message = "JSON Parse error: Unrecognized token '<'";
        assert_eq!(syntax_error_from_browser("\n <html>", message), at(2, 2, Some(Expected::Value)));
    }

    #[test]
    fn safari_messages_have_no_position_so_none_is_made_up() {
        let message = "JSON Parse error: Unexpected identifier \"x\"";
        let error = syntax_error_from_browser("{\n  \"a\": x\n}", message);
        assert_eq!(error, nowhere(Some(Expected::Value)));
        assert_eq!(describe_syntax(&error, Lang::En), "position unknown: expected a value (an object, a list, text in double quotes, a number, true, false or null)");
        assert_eq!(describe_syntax(&error, Lang::Vi), "không rõ vị trí: cần một giá trị (đối tượng, danh sách, văn bản trong ngoặc kép, số, true, false hoặc null)");
        let message = "JSON Parse error: Property name must be a string literal";
        assert_eq!(syntax_error_from_browser("{a:1}", message), nowhere(Some(Expected::Key)));
        assert_eq!(describe_syntax(&nowhere(None), Lang::En), "position unknown");
        // Safari's end of text is still a place: where the text ends.
        assert_eq!(
            syntax_error_from_browser("{\n\"a\":", "JSON Parse error: Unexpected EOF"),
            at(2, 5, None)
        );
    }
}
