//! Finds gazetteer entities in text.
//!
//! Text and names go through the same tokenizer and normalizer as the index
//! (not the stemmer: names are matched as written), so spelling variants that
//! normalization folds (`أمريكا` / `امريكا`, diacritics, tatweel) meet. A
//! name may carry proclitics on its first word (`وبغداد`, `لبغداد`,
//! `والسوداني`, `للسوداني`); later words must match exactly. Candidates are
//! found through a hash map on the first word, so the cost per token does
//! not grow with the gazetteer; the longest name starting at a token wins
//! (`محمد شياع السوداني` is one person, not `محمد`).

use std::sync::Arc;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use super::gazetteer::{name_tokens, Gazetteer};
use crate::analysis::{analyzer, Stages};

/// Proclitic groups that may precede a name, longest first. `لل` is the
/// preposition `ل` fused with the article; it is handled apart.
const PROCLITICS: [&str; 13] = [
    "وب", "وك", "ول", "فب", "فك", "فل", "و", "ف", "ب", "ك", "ل", "", "لل",
];

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

/// Cheap to clone: the patterns are shared; each clone has its own
/// analyzer buffers, one per indexing thread.
#[derive(Clone)]
pub struct Matcher {
    by_first: Arc<FxHashMap<String, Vec<Pattern>>>,
    facet_paths: Arc<Vec<String>>,
    analyzer: TextAnalyzer,
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
        for patterns in by_first.values_mut() {
            patterns.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        Matcher {
            by_first: Arc::new(by_first),
            facet_paths: Arc::new(gazetteer.entities.iter().map(|e| e.facet()).collect()),
            analyzer: analyzer(Stages {
                stem: false,
                stopwords: false,
            }),
        }
    }

    /// Every mention in `text`, in order, not overlapping.
    pub fn find(&mut self, text: &str) -> Vec<Mention> {
        let mut tokens: Vec<(String, usize, usize)> = Vec::new();
        let mut stream = self.analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            tokens.push((t.text.clone(), t.offset_from, t.offset_to));
        }
        drop(stream);
        let mut mentions = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(&tokens, i) {
                Some((pattern_len, entity, adjective)) => {
                    mentions.push(Mention {
                        entity,
                        start: tokens[i].1,
                        end: tokens[i + pattern_len - 1].2,
                        adjective,
                    });
                    i += pattern_len;
                }
                None => i += 1,
            }
        }
        mentions
    }

    /// Facet paths of the entities an article mentions (title and body),
    /// each once.
    pub fn facets(&mut self, article: &crate::corpus::Article) -> Vec<String> {
        let mut seen: Vec<usize> = self
            .find(&article.title)
            .into_iter()
            .chain(self.find(&article.body))
            .map(|m| m.entity)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter()
            .map(|i| self.facet_paths[i].clone())
            .collect()
    }

    /// The longest name starting at token `i`: (tokens it spans, entity,
    /// adjective?).
    fn longest_at(
        &self,
        tokens: &[(String, usize, usize)],
        i: usize,
    ) -> Option<(usize, usize, bool)> {
        let word = tokens[i].0.as_str();
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
                    .all(|(a, (b, _, _))| a == b)
                {
                    best = Some((len, p.entity as usize, p.adjective));
                }
            }
        };
        for prefix in PROCLITICS {
            let Some(rest) = word.strip_prefix(prefix) else {
                continue;
            };
            // At least two letters must remain: a clitic is never the name.
            if rest.chars().count() < 2 {
                continue;
            }
            if prefix == "لل" {
                // `للسوداني` is `ل` + `السوداني` with the article's alef elided.
                consider(&format!("ال{rest}"));
            } else {
                consider(rest);
            }
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
