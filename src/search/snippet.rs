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

use crate::analysis::tokenizer::spans;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    /// Character (not byte) ranges of `text` to highlight.
    pub highlights: Vec<Range<usize>>,
}

/// The matches of a text's tokens, in order, up to where a window of
/// `max_chars` holds every one of `n_terms` distinct terms: no later
/// window can hold more, and reading the rest of a long article is most
/// of a snippet's cost.
struct Found<'t> {
    text: &'t str,
    n_terms: usize,
    max_chars: usize,
    out: Vec<(Range<usize>, String)>,
    /// Once every term is in a window: where that window starts, so that
    /// the matches still inside it are collected before stopping.
    complete_from: Option<usize>,
}

impl<'t> Found<'t> {
    fn new(text: &'t str, n_terms: usize, max_chars: usize) -> Found<'t> {
        Found {
            text,
            n_terms,
            max_chars,
            out: Vec::new(),
            complete_from: None,
        }
    }

    /// The next token, and the term it matches (if any); false once no
    /// later token can change the snippet.
    fn token(&mut self, span: Range<usize>, term: Option<&str>) -> bool {
        let text = self.text;
        if let Some(start) = self.complete_from {
            if char_len(&text[start..span.start]) > self.max_chars {
                return false;
            }
        }
        let Some(term) = term else {
            return true;
        };
        let end = span.end;
        self.out.push((span, term.to_string()));
        if self.complete_from.is_some() {
            return true;
        }
        let mut distinct: HashSet<&str> = HashSet::new();
        let mut start = end;
        for (span, term) in self.out.iter().rev() {
            if char_len(&text[span.start..end]) > self.max_chars {
                break;
            }
            distinct.insert(term);
            start = span.start;
        }
        if distinct.len() == self.n_terms {
            self.complete_from = Some(start);
        }
        true
    }
}

/// The tokens of `text` whose term is in `terms`, by analyzing it.
fn matches(
    analyzer: &mut TextAnalyzer,
    text: &str,
    terms: &HashSet<String>,
    max_chars: usize,
) -> Vec<(Range<usize>, String)> {
    let mut found = Found::new(text, terms.len(), max_chars);
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        let term = terms.contains(&t.text).then_some(t.text.as_str());
        if !found.token(t.offset_from..t.offset_to, term) {
            break;
        }
    }
    found.out
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
    window(text, &matches(analyzer, text, terms, max_chars), max_chars)
}

/// [`best`] from where the index says the terms are: `at` lists the
/// token positions of `text` (its `n`th token is position `n`) that hold
/// one of `n_terms` query terms, with the term, in order. The text is only
/// split into words, not analyzed: a snippet costs a fraction of
/// analyzing the article. `None` when `at` is empty, or when a token there
/// does not analyze to its term (the text is not what was indexed), so
/// the caller can fall back to [`best`].
pub fn best_at(
    analyzer: &mut TextAnalyzer,
    text: &str,
    at: &[(u32, &str)],
    n_terms: usize,
    max_chars: usize,
) -> Option<Snippet> {
    let mut found = Found::new(text, n_terms, max_chars);
    let mut next = at.iter().peekable();
    for (position, span) in spans(text).enumerate() {
        let Some(&&(p, term)) = next.peek() else {
            break;
        };
        let matched = (p as usize == position).then(|| {
            next.next();
            term
        });
        if !found.token(span, matched) {
            break;
        }
    }
    // The index's positions must land on the words that made them.
    let mut analyzed = |span: &Range<usize>| {
        let tokens = crate::analysis::analyze(analyzer, &text[span.clone()]);
        tokens.into_iter().next().map(|t| t.term)
    };
    if found
        .out
        .iter()
        .any(|(span, term)| analyzed(span).as_deref() != Some(term))
    {
        return None;
    }
    window(text, &found.out, max_chars)
}

/// The window of `found` with the most distinct terms, then the most
/// matches, widened to whole words.
fn window(text: &str, found: &[(Range<usize>, String)], max_chars: usize) -> Option<Snippet> {
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
