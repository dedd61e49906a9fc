//! Snippets: the passage of an article that best shows why it matched,
//! with the matched words marked.
//!
//! The text is analyzed with the index's own analyzer, so a stemmed match
//! (`قواتها` for the query `القوات`) is found and highlighted as written.
//! The window with the most distinct query terms wins, then the most
//! matches; it is widened to whole words and white space is folded. Every
//! highlight covers whole tokens, never half a word.

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    /// Character (not byte) ranges of `text` to highlight.
    pub highlights: Vec<Range<usize>>,
}

/// Byte spans in `text` of tokens whose term is in `terms`.
///
/// Stops early once some window of `max_chars` holds every term: no later
/// window can hold more distinct terms, and analyzing the rest of a long
/// article is most of a snippet's cost.
fn matches(
    analyzer: &mut TextAnalyzer,
    text: &str,
    terms: &HashSet<String>,
    max_chars: usize,
) -> Vec<(Range<usize>, String)> {
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    // Once every term is in a window: where that window starts, so that
    // the matches still inside it are collected before stopping.
    let mut complete_from: Option<usize> = None;
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        if let Some(start) = complete_from {
            if char_len(&text[start..t.offset_from]) > max_chars {
                break;
            }
        }
        if !terms.contains(&t.text) {
            continue;
        }
        out.push((t.offset_from..t.offset_to, t.text.clone()));
        if complete_from.is_some() {
            continue;
        }
        let end = t.offset_to;
        let mut distinct: HashSet<&str> = HashSet::new();
        let mut start = t.offset_from;
        for (span, term) in out.iter().rev() {
            if char_len(&text[span.start..end]) > max_chars {
                break;
            }
            distinct.insert(term);
            start = span.start;
        }
        if distinct.len() == terms.len() {
            complete_from = Some(start);
        }
    }
    out
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The best passage of `text` of at most about `max_chars` characters, or
/// `None` when no term occurs in it.
pub fn best(
    analyzer: &mut TextAnalyzer,
    text: &str,
    terms: &HashSet<String>,
    max_chars: usize,
) -> Option<Snippet> {
    if terms.is_empty() {
        return None;
    }
    let found = matches(analyzer, text, terms, max_chars);
    if found.is_empty() {
        return None;
    }
    // Sliding window over the matches.
    let mut best = (0usize, 0usize, 0usize, 0usize); // (distinct, count, first, last)
    for i in 0..found.len() {
        let mut distinct: HashSet<&str> = HashSet::new();
        let mut last = i;
        for (j, (span, term)) in found.iter().enumerate().skip(i) {
            if char_len(&text[found[i].0.start..span.end]) > max_chars {
                break;
            }
            distinct.insert(term);
            last = j;
        }
        let score = (distinct.len(), last - i + 1);
        if score > (best.0, best.1) {
            best = (score.0, score.1, i, last);
        }
    }
    let (first, last) = (best.2, best.3);
    let core = found[first].0.start..found[last].0.end;
    let spare = max_chars.saturating_sub(char_len(&text[core.clone()]));
    let start = widen_left(text, core.start, spare / 3);
    let end = widen_right(
        text,
        core.end,
        max_chars.saturating_sub(char_len(&text[start..core.end])),
    );
    let spans: Vec<Range<usize>> = found[first..=last].iter().map(|(s, _)| s.clone()).collect();
    Some(render(text, start..end, &spans))
}

/// Byte ranges of every token of `text` whose term is in `terms`: the
/// marks of a whole article, where a snippet shows one passage.
pub fn marks(
    analyzer: &mut TextAnalyzer,
    text: &str,
    terms: &HashSet<String>,
) -> Vec<Range<usize>> {
    if terms.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        if terms.contains(&t.text) {
            out.push(t.offset_from..t.offset_to);
        }
    }
    out
}

/// The opening of `text`, for a hit whose match is in no shown field.
pub fn lead(text: &str, max_chars: usize) -> Snippet {
    let end = widen_right(text, 0, max_chars);
    render(text, 0..end, &[])
}

/// Moves `from` left by up to `chars` characters, stopping after white
/// space so no word is cut.
fn widen_left(text: &str, from: usize, chars: usize) -> usize {
    let mut start = from;
    for (taken, (i, _)) in text[..from].char_indices().rev().enumerate() {
        if taken >= chars {
            break;
        }
        start = i;
    }
    if start == 0 {
        return 0;
    }
    // Snap forward to the next word start.
    match text[start..from].find(char::is_whitespace) {
        Some(ws) => start + ws,
        None => from,
    }
}

/// Moves `from` right by up to `chars` characters, stopping at white space.
fn widen_right(text: &str, from: usize, chars: usize) -> usize {
    let mut end = from;
    for (taken, (i, c)) in text[from..].char_indices().enumerate() {
        if taken >= chars {
            break;
        }
        end = from + i + c.len_utf8();
    }
    if end >= text.len() {
        return text.len();
    }
    match text[from..end].rfind(char::is_whitespace) {
        Some(ws) if from + ws > from => from + ws,
        _ => end.max(from),
    }
}

/// Builds the snippet text for `window`, folding white space and marking
/// `spans` (byte ranges in `text`) as character ranges; adds `…` where the
/// window cuts the text.
fn render(text: &str, window: Range<usize>, spans: &[Range<usize>]) -> Snippet {
    let mut out = String::new();
    let mut chars = 0usize;
    let mut highlights = Vec::new();
    if window.start > 0 {
        out.push_str("… ");
        chars += 2;
    }
    let mut open: Option<usize> = None;
    let mut span_iter = spans.iter().peekable();
    let mut pending_space = false;
    let raw = &text[window.clone()];
    let slice = raw.trim_start();
    let base = window.start + (raw.len() - slice.len());
    for (i, c) in slice.char_indices() {
        let at = base + i;
        if open.is_none() {
            while span_iter.peek().is_some_and(|s| s.end <= at) {
                span_iter.next();
            }
        }
        if c.is_whitespace() {
            pending_space = true;
        } else {
            if pending_space && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
                chars += 1;
            }
            pending_space = false;
            if open.is_none() && span_iter.peek().is_some_and(|s| s.start == at) {
                open = Some(chars);
            }
            out.push(c);
            chars += 1;
        }
        if let (Some(s), Some(span)) = (open, span_iter.peek()) {
            if at + c.len_utf8() >= span.end {
                highlights.push(s..chars);
                open = None;
                span_iter.next();
            }
        }
    }
    if window.end < text.len() {
        out.push_str(" …");
    }
    Snippet {
        text: out,
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyzer, normalize, Stages};

    fn terms(words: &[&str]) -> HashSet<String> {
        let mut a = analyzer(Stages::ALL);
        words
            .iter()
            .flat_map(|w| crate::analysis::analyze(&mut a, w))
            .map(|t| t.term)
            .collect()
    }

    fn marked(s: &Snippet) -> String {
        let chars: Vec<char> = s.text.chars().collect();
        let mut out = String::new();
        for (i, c) in chars.iter().enumerate() {
            if s.highlights.iter().any(|h| h.start == i) {
                out.push('[');
            }
            out.push(*c);
            if s.highlights.iter().any(|h| h.end == i + 1) {
                out.push(']');
            }
        }
        out
    }

    #[test]
    fn highlights_stemmed_matches_as_written() {
        let text = "أعلنت الحكومة أن قواتها ستبقى.\nوقال الوزير إن القوّات جاهزة.";
        let s = best(&mut analyzer(Stages::ALL), text, &terms(&["القوات"]), 200).unwrap();
        assert_eq!(
            marked(&s),
            "أعلنت الحكومة أن [قواتها] ستبقى. وقال الوزير إن [القوّات] جاهزة."
        );
    }

    #[test]
    fn picks_the_window_with_most_distinct_terms() {
        let filler = "كلام عام لا صلة له بالموضوع ".repeat(20);
        let text = format!("بغداد {filler} بغداد وواشنطن تتفقان {filler}");
        let s = best(
            &mut analyzer(Stages::ALL),
            &text,
            &terms(&["بغداد", "واشنطن"]),
            80,
        )
        .unwrap();
        assert_eq!(s.highlights.len(), 2, "{}", marked(&s));
        assert!(s.text.starts_with("… "));
        assert!(s.text.ends_with(" …"));
    }

    #[test]
    fn no_match_gives_none_and_lead_gives_the_opening() {
        let text = "نص لا يذكر الكلمة";
        assert_eq!(
            best(&mut analyzer(Stages::ALL), text, &terms(&["بغداد"]), 50),
            None
        );
        assert_eq!(lead(text, 7).text, "نص لا …");
        assert_eq!(normalize("x"), "x");
    }

    #[test]
    fn highlights_are_whole_words_and_inside_the_text() {
        let text = "القوات الأمريكية في العراق، وللقوات العراقية دور.";
        let s = best(&mut analyzer(Stages::ALL), text, &terms(&["القوات"]), 30).unwrap();
        let n = s.text.chars().count();
        for h in &s.highlights {
            assert!(h.end <= n);
            let word: String = s.text.chars().skip(h.start).take(h.end - h.start).collect();
            assert!(!word.contains(' '), "{word}");
        }
    }
}
