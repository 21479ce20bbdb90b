//! The contract between what writes elements and what receives them (`Sink`), and the one escaping every
//! string from data goes through before it becomes markup. Both the SVG writer and the element tree depend
//! on this file; it depends on nothing.

/// Receives elements in document order.
pub trait Sink {
    /// Starts an element; it contains what follows until the matching `close`. The attributes are given, not
    /// lent: a tree keeps them as they are, without copying every string of every redraw.
    fn open(&mut self, tag: &'static str, attributes: Vec<(&'static str, String)>);
    /// Text content of the element last opened; written as text, never parsed as markup.
    fn text(&mut self, text: &str);
    fn close(&mut self, tag: &'static str);
}

/// Escapes the five characters with meaning in XML, and drops control characters XML 1.0 forbids.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_in_text_and_attributes() {
        let mut out = String::new();
        escape_into(&mut out, "<script>alert('x') & \"y\"</script>\u{1}");
        assert_eq!(out, "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }
}
