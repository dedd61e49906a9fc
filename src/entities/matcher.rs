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

use jiff::civil::Date;

use super::gazetteer::{name_tokens, Gazetteer};
use crate::analysis::{analyzer, Stages};
use crate::corpus::date::Precision;

struct Pattern {
    /// Tokens after the first.
    rest: Vec<String>,
    entity: u32,
    adjective: bool,
}

/// One recognised mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index into [`Gazetteer::entities`].
    pub entity: usize,
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    pub adjective: bool,
}

/// Why a name found in an article does not count as a mention there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The article is dated before the entity's `from`.
    TooEarly(Date),
    /// The article names none of the entities in `requires` (their ids).
    Requires(Vec<String>),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Refusal::TooEarly(from) => {
                write!(f, "the article is dated before {from}, when it begins")
            }
            Refusal::Requires(ids) => write!(f, "the article names none of {}", ids.join(", ")),
        }
    }
}

/// The last day of a date known to `precision`.
fn latest_day(date: Date, precision: Precision) -> Date {
    match precision {
        Precision::Day => date,
        Precision::Month => date.last_of_month(),
        Precision::Year => date.last_of_year(),
    }
}

/// Cheap to clone: the patterns are shared; each clone has its own
/// analyzer buffers, one per indexing thread.
#[derive(Clone)]
pub struct Matcher {
    by_first: Arc<FxHashMap<String, Vec<Pattern>>>,
    /// Per entity: the first day it can be mentioned, and the entities one
    /// of which an article must name too.
    context: Arc<Vec<(Option<Date>, Vec<usize>)>>,
    ids: Arc<Vec<String>>,
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
            for (form, adjective) in entity.arabic_forms() {
                let mut tokens = name_tokens(form);
                if tokens.is_empty() {
                    continue;
                }
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
                    });
                }
            }
        }
        // After every entity's own names: at equal length a name wins over
        // a `not` name (the sort below is stable).
        for not in gazetteer.entities.iter().flat_map(|e| &e.not) {
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
                });
            }
        }
        for patterns in by_first.values_mut() {
            patterns.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        let context = gazetteer
            .entities
            .iter()
            .map(|e| {
                let requires = e
                    .requires
                    .iter()
                    .filter_map(|id| gazetteer.index_of(id))
                    .collect();
                (e.from, requires)
            })
            .collect();
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
                Some((pattern_len, entity, _)) if entity == NOBODY as usize => i += pattern_len,
                Some((pattern_len, entity, adjective)) => {
                    mentions.push(Mention {
                        entity,
                        start: tokens[i].start,
                        end: tokens[i + pattern_len - 1].end,
                        adjective,
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
        let seen: Vec<usize> = self
            .find(&article.title)
            .into_iter()
            .chain(self.find(&article.body))
            .map(|m| m.entity)
            .collect();
        let date = article.date.map(|d| (d, article.date_precision));
        self.judge(seen, date)
            .into_iter()
            .filter(|(_, refusal)| refusal.is_none())
            .map(|(i, _)| self.facet_paths[i].clone())
            .collect()
    }

    /// The entities found in an article (any order, repeats allowed), each
    /// once with why it does not count there, if it does not: an article
    /// from before an event does not mention it, and a generic name counts
    /// only beside an entity that makes it specific.
    pub fn judge(
        &self,
        mut found: Vec<usize>,
        date: Option<(Date, Precision)>,
    ) -> Vec<(usize, Option<Refusal>)> {
        found.sort_unstable();
        found.dedup();
        let latest = date.map(|(d, p)| latest_day(d, p));
        let context = &self.context;
        let early = |i: usize| match (context[i].0, latest) {
            (Some(from), Some(last)) if last < from => Some(from),
            _ => None,
        };
        let named: Vec<usize> = found
            .iter()
            .copied()
            .filter(|&i| early(i).is_none())
            .collect();
        found
            .into_iter()
            .map(|i| {
                let requires = &context[i].1;
                let refusal = if let Some(from) = early(i) {
                    Some(Refusal::TooEarly(from))
                } else if !requires.is_empty()
                    && !requires.iter().any(|r| named.binary_search(r).is_ok())
                {
                    Some(Refusal::Requires(
                        requires.iter().map(|&r| self.ids[r].clone()).collect(),
                    ))
                } else {
                    None
                };
                (i, refusal)
            })
            .collect()
    }

    /// The longest name starting at token `i`: (tokens it spans, entity,
    /// adjective?).
    fn longest_at(&self, buf: &str, tokens: &[Token], i: usize) -> Option<(usize, usize, bool)> {
        let text = |t: &Token| &buf[t.text.clone()];
        let word = text(&tokens[i]);
        let mut best: Option<(usize, usize, bool)> = None;
        let mut consider = |first: &str| {
            let Some(patterns) = self.by_first.get(first) else {
                return;
            };
            for p in patterns {
                let len = 1 + p.rest.len();
                if best.is_some_and(|(l, _, _)| l >= len) || i + len > tokens.len() {
                    continue;
                }
                if p.rest
                    .iter()
                    .zip(&tokens[i + 1..])
                    .all(|(a, b)| a == text(b))
                {
                    best = Some((len, p.entity as usize, p.adjective));
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
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        let g = Gazetteer::load(&[]).unwrap();
        let mut m = Matcher::new(&g);
        m.find(text)
            .into_iter()
            .map(|x| g.entities[x.entity].id.clone())
            .collect()
    }

    #[test]
    fn clitics_on_the_first_word() {
        assert_eq!(ids("وبغداد"), ["baghdad"]);
        assert_eq!(ids("لبغداد"), ["baghdad"]);
        assert_eq!(ids("ببغداد"), ["baghdad"]);
        assert_eq!(ids("والسوداني"), ["mohammed-shia-al-sudani"]);
        assert_eq!(ids("للسوداني"), ["mohammed-shia-al-sudani"]);
    }

    #[test]
    fn a_not_name_is_nobody_and_the_name_alone_still_counts() {
        assert_eq!(ids("نقلت بي بي سي عن مصادر"), Vec::<String>::new());
        assert_eq!(ids("وذكرت وبي بي سي أن"), Vec::<String>::new());
        assert_eq!(ids("أعلنت بي بي أرباحها"), ["bp"]);
        assert_eq!(ids("ذكرت صحيفة واشنطن بوست أن واشنطن"), ["united-states"]);
        assert_eq!(ids("فاز باريس سان جيرمان"), Vec::<String>::new());
        // A `not` name blocks only where it is the longest.
        assert_eq!(ids("نيويورك تايمز نيويورك"), ["new-york"]);
    }

    #[test]
    fn events_count_only_from_their_start_and_beside_what_makes_them_specific() {
        let g = Gazetteer::load(&[]).unwrap();
        let mut m = Matcher::new(&g);
        let article = |title: &str, date: &str| crate::corpus::Article {
            title: title.into(),
            date: Some(date.parse().unwrap()),
            ..Default::default()
        };
        let gaza = "/event/gaza-war".to_string();
        assert!(!m
            .facets(&article("الحرب على غزة", "2018-05-14"))
            .contains(&gaza));
        assert!(m
            .facets(&article("الحرب على غزة", "2023-11-01"))
            .contains(&gaza));
        // Known to the month only: October 2023 may hold the 7th.
        let mut october = article("الحرب على غزة", "2023-10-01");
        october.date_precision = Precision::Month;
        assert!(m.facets(&october).contains(&gaza));
        let election = "/event/iraqi-election-2021".to_string();
        let turkey = m.facets(&article("أردوغان يدعو إلى الانتخابات المبكرة", "2021-05-01"));
        assert!(!turkey.contains(&election), "{turkey:?}");
        let iraq = m.facets(&article(
            "الكاظمي يحدد موعد الانتخابات المبكرة في العراق",
            "2021-05-01",
        ));
        assert!(iraq.contains(&election), "{iraq:?}");
        let e = g.index_of("iraqi-election-2021").unwrap();
        let judged = m.judge(vec![e], None);
        assert!(
            matches!(&judged[0].1, Some(Refusal::Requires(ids)) if ids.contains(&"iraq".to_string()))
        );
    }

    #[test]
    fn a_name_wins_over_a_not_name_of_the_same_length() {
        let toml = r#"entity = [
{ id = "bp", type = "org", ar = "بي بي", en = "BP", not = ["بي بي سي"] },
{ id = "bbc", type = "org", ar = "بي بي سي", en = "BBC" },
]"#;
        let g = Gazetteer::from_sources(&[("g".into(), toml.into())]).unwrap();
        let mut m = Matcher::new(&g);
        let found: Vec<&str> = m
            .find("قالت بي بي سي")
            .into_iter()
            .map(|x| g.entities[x.entity].id.as_str())
            .collect();
        assert_eq!(found, ["bbc"]);
    }

    #[test]
    fn longest_match_wins() {
        assert_eq!(
            ids("رئيس الوزراء محمد شياع السوداني"),
            ["mohammed-shia-al-sudani"]
        );
        assert_eq!(ids("قاعدة عين الأسد الجوية"), ["ain-al-asad"]);
    }

    #[test]
    fn spelling_variants_meet() {
        assert_eq!(ids("البنتاغون"), ["pentagon"]);
        assert_eq!(ids("البنتاجون"), ["pentagon"]);
        assert_eq!(ids("أوستن"), ["lloyd-austin"]);
        assert_eq!(ids("اوستن"), ["lloyd-austin"]);
    }

    #[test]
    fn names_inside_longer_words_do_not_match() {
        assert!(ids("البغدادية").is_empty());
        assert!(ids("المحمدية").is_empty());
    }

    #[test]
    fn a_lone_first_name_is_nobody() {
        assert!(ids("قال محمد إن").is_empty());
    }
}
