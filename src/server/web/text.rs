//! Article text as HTML: escaped (by maud), with control characters and
//! bidi overrides made visible (they would be obeyed otherwise), the
//! query's matches marked as whole words, and every embedded left-to-right
//! run (a name in Latin letters, a number, a URL) isolated in `<bdi>` so it
//! cannot reorder the Arabic around it.

use std::ops::Range;

use maud::{html, Markup, PreEscaped};

use crate::output::sanitize::for_terminal;

/// `text`, cleaned and with its left-to-right runs isolated.
pub fn plain(text: &str) -> Markup {
    marked(text, &[])
}

/// `text` with the byte ranges `marks` (sorted, whole words) in `<mark>`.
pub fn marked(text: &str, marks: &[Range<usize>]) -> Markup {
    let mut out = String::with_capacity(text.len() + 16 * marks.len());
    let mut at = 0;
    for m in marks {
        let (start, end) = (m.start.max(at), m.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        push_runs(&mut out, &text[at..start]);
        out.push_str("<mark>");
        push_runs(&mut out, &text[start..end]);
        out.push_str("</mark>");
        at = end;
    }
    push_runs(&mut out, &text[at..]);
    PreEscaped(out)
}

/// The paragraphs of an article body (split at line breaks), each a
/// `<p>`, with `marks` given as byte ranges of the whole body.
pub fn paragraphs(body: &str, marks: &[Range<usize>]) -> Markup {
    let mut start = 0;
    let mut parts = Vec::new();
    for line in body.split_inclusive('\n') {
        let end = start + line.len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let offset = start + (line.len() - line.trim_start().len());
            let inside: Vec<Range<usize>> = marks
                .iter()
                .filter(|m| m.start >= offset && m.end <= offset + trimmed.len())
                .map(|m| m.start - offset..m.end - offset)
                .collect();
            parts.push(marked(trimmed, &inside));
        }
        start = end;
    }
    html! { @for p in parts { p { (p) } } }
}

/// Character ranges (as hits give them) as byte ranges of `text`.
pub fn byte_ranges(text: &str, chars: &[[usize; 2]]) -> Vec<Range<usize>> {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    chars
        .iter()
        .filter_map(|&[s, e]| Some(*bytes.get(s)?..*bytes.get(e)?))
        .collect()
}

/// Whether `c` opens a left-to-right run: a Latin (or other non-Arabic)
/// letter, or a digit.
fn starts_run(c: char) -> bool {
    c.is_alphanumeric() && !is_arabic(c)
}

fn is_arabic(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        // Arabic-Indic digits are numbers: they go in a run.
        && !matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// Appends `text` escaped, each left-to-right run in `<bdi>`. A run goes
/// on over spaces while the next word is left-to-right too ("Colin
/// Powell"), and ends before trailing punctuation.
fn push_runs(out: &mut String, text: &str) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut plain_from = 0;
    while i < chars.len() {
        if !starts_run(chars[i].1) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i;
        let mut last_strong = i;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_whitespace() {
                if chars.get(j + 1).is_some_and(|&(_, n)| starts_run(n)) {
                    j += 1;
                    continue;
                }
                break;
            }
            if is_arabic(c) {
                break;
            }
            if starts_run(c) {
                last_strong = j;
            }
            j += 1;
        }
        let end = chars.get(last_strong + 1).map_or(text.len(), |&(b, _)| b);
        escape(out, &text[plain_from..start]);
        out.push_str("<bdi>");
        escape(out, &text[start..end]);
        out.push_str("</bdi>");
        plain_from = end;
        i = last_strong + 1;
    }
    escape(out, &text[plain_from..]);
}

fn escape(out: &mut String, text: &str) {
    use std::fmt::Write;
    let _ = maud::Escaper::new(out).write_str(&for_terminal(text));
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one mark is a list of one
mod tests {
    use super::*;

    fn render(text: &str, marks: &[Range<usize>]) -> String {
        marked(text, marks).into_string()
    }

    #[test]
    fn markup_in_article_text_is_text() {
        let out = render("<script>alert(1)</script> \u{202E}مرحبا", &[]);
        assert!(!out.contains("<script>"), "{out}");
        assert!(out.contains("&lt;"), "{out}");
        assert!(!out.contains('\u{202E}'), "{out}");
        assert!(out.contains("\\u{202e}"), "{out}");
    }

    #[test]
    fn latin_names_and_numbers_are_isolated() {
        let out = render("قال Colin Powell إن 2003 عام.", &[]);
        assert_eq!(out, "قال <bdi>Colin Powell</bdi> إن <bdi>2003</bdi> عام.");
        let out = render("الرابط https://example.org/a. انتهى", &[]);
        assert!(out.contains("<bdi>https://example.org/a</bdi>."), "{out}");
    }

    #[test]
    fn marks_cover_the_given_words_only() {
        let text = "وصلت القوات إلى بغداد";
        let start = text.find("القوات").unwrap();
        let out = render(text, &[start..start + "القوات".len()]);
        assert_eq!(out, "وصلت <mark>القوات</mark> إلى بغداد");
        // A range off a character boundary is skipped; one past the end
        // stops at it.
        assert_eq!(render(text, &[1..2]), "وصلت القوات إلى بغداد");
        assert_eq!(
            render(text, &[0..999]),
            "<mark>وصلت القوات إلى بغداد</mark>"
        );
    }

    #[test]
    fn character_ranges_become_byte_ranges() {
        let text = "أب ت";
        assert_eq!(byte_ranges(text, &[[3, 4], [9, 10]]), vec![5..7]);
    }

    #[test]
    fn paragraphs_keep_marks_at_their_place() {
        let body = "سطر أول\n\n  بغداد هنا\n";
        let at = body.find("بغداد").unwrap();
        let out = paragraphs(body, &[at..at + "بغداد".len()]).into_string();
        assert_eq!(out, "<p>سطر أول</p><p><mark>بغداد</mark> هنا</p>");
    }
}
