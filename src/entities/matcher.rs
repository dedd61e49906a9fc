//! Finds gazetteer entities in text.
//!
//! Text and names go through the same tokenizer and normalizer as the index
//! (not the stemmer: names are matched as written), so spelling variants that
//! normalization folds (`أمريكا` / `امريكا`, diacritics, tatweel) meet. A
//! name may carry proclitics on its first word (`وبغداد`, `لبغداد`,
//! `والسوداني`, `للسوداني`); later words must match exactly. Candidates are
//! found through a hash map on the first word, so the cost per token does
//! not grow with the gazetteer; the longest name starting at a token wins
//! (`محمد شياع السوداني` is one person, not `محمد`), and a gazetteer's
//! `not` names take part as names of nothing (`بي بي سي` is not BP).

/// The entity of a `not` name: none.
const NOBODY: u32 = u32::MAX;

use std::sync::Arc;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use super::gazetteer::{name_tokens, Gazetteer};
use super::judge::{self, Context};
use crate::analysis::{analyzer, Stages};

struct Pattern {
    /// Tokens after the first.
    rest: Vec<String>,
    entity: u32,
    adjective: bool,
    weak: bool,
    /// For a `not` name, the entity whose `not` list holds it.
    owner: u32,
}

/// A `not` name found in a text: a span that is no mention of `owner`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocked {
    pub owner: usize,
    pub start: usize,
    pub end: usize,
}

/// What [`Matcher::longest_at`] found: tokens spanned, entity, adjective,
/// weak, owner of a `not` name.
type Longest = (usize, usize, bool, bool, usize);

/// One recognised mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index into [`Gazetteer::entities`].
    pub entity: usize,
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    pub adjective: bool,
    /// Found by one of the entity's `weak` names.
    pub weak: bool,
}

/// Cheap to clone: the patterns are shared; each clone has its own
/// analyzer buffers, one per indexing thread.
#[derive(Clone)]
pub struct Matcher {
    by_first: Arc<FxHashMap<String, Vec<Pattern>>>,
    /// Per entity: what its mentions need from the article.
    pub(super) context: Arc<Vec<Context>>,
    pub(super) ids: Arc<Vec<String>>,
    facet_paths: Arc<Vec<String>>,
    analyzer: TextAnalyzer,
    buf: String,
    tokens: Vec<Token>,
}

/// A token of the text being scanned: its normalized text (a range of the
/// scan buffer) and its byte span in the text.
#[derive(Clone)]
struct Token {
    text: std::ops::Range<usize>,
    start: usize,
    end: usize,
}

impl Matcher {
    pub fn new(gazetteer: &Gazetteer) -> Matcher {
        let mut by_first: FxHashMap<String, Vec<Pattern>> = FxHashMap::default();
        for (i, entity) in gazetteer.entities.iter().enumerate() {
            let weak: Vec<Vec<String>> = entity.weak.iter().map(|w| name_tokens(w)).collect();
            for (form, adjective) in entity.arabic_forms() {
                let mut tokens = name_tokens(form);
                if tokens.is_empty() {
                    continue;
                }
                let is_weak = weak.contains(&tokens);
                let first = tokens.remove(0);
                let patterns = by_first.entry(first).or_default();
                if !patterns
                    .iter()
                    .any(|p| p.rest == tokens && p.entity as usize == i)
                {
                    patterns.push(Pattern {
                        rest: tokens,
                        entity: i as u32,
                        adjective,
                        weak: is_weak,
                        owner: NOBODY,
                    });
                }
            }
        }
        // After every entity's own names: at equal length a name wins over
        // a `not` name (the sort below is stable).
        let nots = gazetteer
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.not.iter().map(move |n| (i, n)));
        for (owner, not) in nots {
            let mut tokens = name_tokens(not);
            if tokens.is_empty() {
                continue;
            }
            let first = tokens.remove(0);
            let patterns = by_first.entry(first).or_default();
            if !patterns.iter().any(|p| p.rest == tokens) {
                patterns.push(Pattern {
                    rest: tokens,
                    entity: NOBODY,
                    adjective: false,
                    weak: false,
                    owner: owner as u32,
                });
            }
        }
        for patterns in by_first.values_mut() {
            patterns.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        let context = judge::contexts(gazetteer);
        Matcher {
            by_first: Arc::new(by_first),
            context: Arc::new(context),
            ids: Arc::new(gazetteer.entities.iter().map(|e| e.id.clone()).collect()),
            facet_paths: Arc::new(gazetteer.entities.iter().map(|e| e.facet()).collect()),
            analyzer: analyzer(Stages {
                stem: false,
                stopwords: false,
            }),
            buf: String::new(),
            tokens: Vec::new(),
        }
    }

    /// Every mention in `text`, in order, not overlapping.
    pub fn find(&mut self, text: &str) -> Vec<Mention> {
        self.scan(text, &mut Vec::new())
    }

    /// Every mention in `text`, and every `not` name that kept a name from
    /// being one (for `fahras entities`, which says why).
    pub fn find_explained(&mut self, text: &str) -> (Vec<Mention>, Vec<Blocked>) {
        let mut blocked = Vec::new();
        let found = self.scan(text, &mut blocked);
        (found, blocked)
    }

    fn scan(&mut self, text: &str, blocked: &mut Vec<Blocked>) -> Vec<Mention> {
        // All token texts in one buffer: no allocation per token.
        let mut buf = std::mem::take(&mut self.buf);
        let mut tokens = std::mem::take(&mut self.tokens);
        buf.clear();
        tokens.clear();
        let mut stream = self.analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            let at = buf.len();
            buf.push_str(&t.text);
            tokens.push(Token {
                text: at..buf.len(),
                start: t.offset_from,
                end: t.offset_to,
            });
        }
        drop(stream);
        let mut mentions = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(&buf, &tokens, i) {
                Some((pattern_len, entity, _, _, owner)) if entity == NOBODY as usize => {
                    blocked.push(Blocked {
                        owner,
                        start: tokens[i].start,
                        end: tokens[i + pattern_len - 1].end,
                    });
                    i += pattern_len;
                }
                Some((pattern_len, entity, adjective, weak, _)) => {
                    mentions.push(Mention {
                        entity,
                        start: tokens[i].start,
                        end: tokens[i + pattern_len - 1].end,
                        adjective,
                        weak,
                    });
                    i += pattern_len;
                }
                None => i += 1,
            }
        }
        self.buf = buf;
        self.tokens = tokens;
        mentions
    }

    /// Facet paths of the entities an article mentions (title and body),
    /// each once.
    pub fn facets(&mut self, article: &crate::corpus::Article) -> Vec<String> {
        let mut seen = self.find(&article.title);
        seen.extend(self.find(&article.body));
        let date = article.date.map(|d| (d, article.date_precision));
        self.judge(&seen, date)
            .into_iter()
            .filter(|(_, refusal)| refusal.is_none())
            .map(|(i, _)| self.facet_paths[i].clone())
            .collect()
    }

    /// The longest name starting at token `i`.
    fn longest_at(&self, buf: &str, tokens: &[Token], i: usize) -> Option<Longest> {
        let text = |t: &Token| &buf[t.text.clone()];
        let word = text(&tokens[i]);
        let mut best: Option<Longest> = None;
        let mut consider = |first: &str| {
            let Some(patterns) = self.by_first.get(first) else {
                return;
            };
            for p in patterns {
                let len = 1 + p.rest.len();
                if best.is_some_and(|(l, ..)| l >= len) || i + len > tokens.len() {
                    continue;
                }
                if p.rest
                    .iter()
                    .zip(&tokens[i + 1..])
                    .all(|(a, b)| a == text(b))
                {
                    best = Some((
                        len,
                        p.entity as usize,
                        p.adjective,
                        p.weak,
                        p.owner as usize,
                    ));
                }
            }
        };
        // The word itself, then the word without each proclitic group it
        // starts with. Most words start with none, so this is one lookup.
        consider(word);
        let mut chars = word.char_indices();
        let first = chars.next().map(|(_, c)| c);
        let second = chars.next();
        let long_enough = |rest: &str| rest.chars().nth(1).is_some();
        let strip = |rest: &str, pass: &mut dyn FnMut(&str)| {
            if long_enough(rest) {
                pass(rest);
            }
        };
        match (first, second) {
            (Some('و' | 'ف'), Some((at, c2))) => {
                strip(&word[at..], &mut consider);
                if matches!(c2, 'ب' | 'ك' | 'ل') {
                    strip(&word[at + c2.len_utf8()..], &mut consider);
                }
            }
            (Some('ب' | 'ك' | 'ل'), Some((at, c2))) => {
                strip(&word[at..], &mut consider);
                if first == Some('ل') && c2 == 'ل' {
                    // `للسوداني` is `ل` + `السوداني` with the article's
                    // alef elided.
                    let rest = &word[at + c2.len_utf8()..];
                    if long_enough(rest) {
                        consider(&format!("ال{rest}"));
                    }
                }
            }
            _ => {}
        }
        best
    }
}

#[cfg(test)]
#[path = "matcher_tests.rs"]
mod tests;
