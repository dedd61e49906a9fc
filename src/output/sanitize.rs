//! Article text is untrusted: before it reaches a terminal, control
//! characters, ANSI escape sequences and bidi overrides are made visible
//! instead of being obeyed. Joiners and directional marks that Arabic needs
//! to render correctly (ZWNJ, ZWJ, LRM, RLM, ALM) pass through.

use std::borrow::Cow;
use std::fmt::Write;

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character replaced by a visible escape such as
/// `\u{1b}`; newlines and tabs are kept.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`for_terminal`], and newlines and tabs become spaces: for text
/// shown on one line.
pub fn one_line(text: &str) -> String {
    for_terminal(text).replace(['\n', '\t', '\r'], " ")
}

/// Escapes text for HTML element content and attribute values; control
/// characters and bidi overrides become visible escapes (`\u{202e}`).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A character reference would be decoded and obeyed by the
            // browser: shown as visible text instead, as on a terminal.
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_ansi_and_controls() {
        assert_eq!(for_terminal("a\x1b[31mred\x07"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(for_terminal("line\nnext\ttab"), "line\nnext\ttab");
    }

    #[test]
    fn escapes_bidi_overrides_but_keeps_joiners() {
        assert_eq!(for_terminal("x\u{202E}y\u{2066}z"), "x\\u{202e}y\\u{2066}z");
        let persian = "می\u{200C}خواهم\u{200F}";
        assert_eq!(for_terminal(persian), persian);
    }

    #[test]
    fn html_escapes_markup_and_controls() {
        assert_eq!(
            html("<b>\"x\" & 'y'\u{202E}</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;\\u{202e}&lt;/b&gt;"
        );
    }
}
