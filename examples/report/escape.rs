//! HTML escaping. Every byte of article text and every name or cue taken
//! from it goes through here before it reaches the page: the text is
//! untrusted (`<script>` in an article must show as text, never run).

/// Appends `text` to `out` as HTML text content.
pub fn text_into(out: &mut String, text: &str) {
    escape_into(out, text, false);
}

/// Appends `text` to `out` for use inside a double-quoted attribute value.
pub fn attr_into(out: &mut String, text: &str) {
    escape_into(out, text, true);
}

/// `text` as HTML text content.
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    text_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str, attribute: bool) {
    // Copy the runs that need no escaping in one go: most text has none.
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if attribute => "&quot;",
            b'\'' if attribute => "&#39;",
            // A NUL is a parse error in HTML and is dropped or replaced by
            // parsers anyway; say so visibly.
            0 => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&text[copied..at]);
        out.push_str(replacement);
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(text("a < b && c > d"), "a &lt; b &amp;&amp; c &gt; d");
        let mut out = String::new();
        attr_into(&mut out, r#"say "hi" 'there'"#);
        assert_eq!(out, "say &quot;hi&quot; &#39;there&#39;");
        assert_eq!(text("“curly” ünïcode"), "“curly” ünïcode");
    }
}
