//! What a search returns: plain data that every renderer reads.

use serde::{Deserialize, Serialize};

use super::compile::AnalyzedWord;

/// One hit. Field names are part of the machine-output contract: fields may
/// be added, never renamed.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Hit {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qid: Option<String>,
    pub rank: usize,
    /// Relevance; null in an unranked `--all` export.
    pub score: Option<f32>,
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub translator: Option<String>,
    pub path: String,
    pub url: Option<String>,
    pub snippet: String,
    /// `[start, end)` character ranges inside `snippet`.
    pub highlights: Vec<[usize; 2]>,
    /// Ids of the entities the article mentions.
    pub entities: Vec<String>,
    /// Their Arabic names, in the same order (for people, and for a
    /// notebook that shows them).
    #[serde(default)]
    pub entity_names: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

/// Why a hit scored what it did (`--explain`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Explanation {
    pub score: f32,
    /// Each query term or phrase that matched, in which field, with its
    /// weighted BM25 contribution.
    pub matches: Vec<TermMatch>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct TermMatch {
    pub field: String,
    pub terms: String,
    pub bm25: f32,
    pub boost: f32,
    pub score: f32,
}

/// What a search returns, as plain data: the page of hits and what the
/// front end should tell the user about how it was found.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SearchResponse {
    pub query: String,
    /// Every matching article, not just those shown.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Entity counts over every matching article (`--facets`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facets: Option<super::FacetCounts>,
    /// What each query word became (for `--show-query`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub analyzed: Vec<AnalyzedWord>,
    /// What was searched that the user did not type (a word in no article
    /// searched as its neighbours), in words; untrusted text, escape it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Time the search took in the engine, in milliseconds.
    pub took_ms: f64,
}

/// The page of hits a search returns (the name the command line knew).
pub type Results = SearchResponse;

/// What the compiler searched in place of what was typed, as sentences:
/// the warnings of a [`SearchResponse`], and of an export or a facet count.
pub fn warnings(words: &[AnalyzedWord]) -> Vec<String> {
    /// Neighbours named in a warning; the rest are counted.
    const SHOWN: usize = 6;
    let respelt = words.iter().filter(|w| !w.spellings.is_empty()).map(|w| {
        // The word as it would have been typed, not its index term.
        let typed = w.word.trim_end();
        let other = match (typed.strip_suffix('ه'), typed.strip_suffix('ة')) {
            (Some(stem), _) => format!("{stem}ة"),
            (_, Some(stem)) => format!("{stem}ه"),
            _ => w.spellings.join("، "),
        };
        format!("«{}» also searched as «{other}» (ة/ه)", w.word)
    });
    let respelt: Vec<String> = respelt.collect();
    respelt.into_iter().chain(words
        .iter()
        .filter(|w| !w.neighbours.is_empty())
        .map(|w| {
            let mut names = w.neighbours[..w.neighbours.len().min(SHOWN)].join("، ");
            if w.neighbours.len() > SHOWN {
                names.push_str(&format!(" and {} more", w.neighbours.len() - SHOWN));
            }
            format!(
                "no article has «{}»; searched the words one letter from it: {names} (in quotes it is searched alone)",
                w.word
            )
        }))
        .collect()
}

/// A whole stored article, for `fahras show`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct StoredArticle {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub translator: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// The language and text direction the article declares (`ar`,
    /// `rtl`), when it declares them.
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub dir: Option<String>,
    pub path: String,
    pub body: String,
    /// Ids of the entities the article mentions, and their Arabic names in
    /// the same order (as in a hit).
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub entity_names: Vec<String>,
    /// Fields of the source record fahras does not read, as they were.
    #[schema(value_type = Object)]
    pub extras: serde_json::Map<String, serde_json::Value>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::facets::{EntityCount, FacetCounts, TypeCounts};

    fn roundtrip<T: Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(v: &T) {
        let json = serde_json::to_string(v).unwrap();
        assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), v, "{json}");
    }

    #[test]
    fn every_response_type_reads_back_unchanged() {
        let hit = Hit {
            qid: Some("q1".into()),
            rank: 1,
            score: Some(2.5),
            id: "2024/07/23/us-iraq-roadmap.txt".into(),
            title: "خارطة طريق".into(),
            date: Some("2024-07".into()),
            source: Some("واع".into()),
            translator: None,
            path: "/a/b.txt".into(),
            url: None,
            snippet: "… خارطة طريق …".into(),
            highlights: vec![[2, 7]],
            entities: vec!["baghdad".into()],
            entity_names: Vec::new(),
            explanation: Some(Explanation {
                score: 2.5,
                matches: vec![TermMatch {
                    field: "body".into(),
                    terms: "خارط".into(),
                    bm25: 2.5,
                    boost: 1.0,
                    score: 2.5,
                }],
            }),
        };
        let facets = FacetCounts {
            articles: 3,
            types: vec![TypeCounts {
                kind: "place".into(),
                entities: 1,
                top: vec![EntityCount {
                    id: "baghdad".into(),
                    ar: "بغداد".into(),
                    en: "Baghdad".into(),
                    count: 3,
                }],
                others: 0,
                others_mentions: 0,
            }],
            sources: vec![crate::search::sources::SourceCount {
                source: "الشرق".into(),
                count: 2,
            }],
            analyzed: Vec::new(),
        };
        let response = SearchResponse {
            query: "بغدادد".into(),
            total: 1,
            hits: vec![hit],
            facets: Some(facets),
            analyzed: vec![AnalyzedWord {
                word: "بغدادد".into(),
                terms: vec!["بغدادد".into()],
                neighbours: vec!["بغداد".into()],
                spellings: Vec::new(),
            }],
            warnings: vec!["no article has «بغدادد»".into()],
            took_ms: 1.25,
        };
        roundtrip(&response);
        roundtrip(&StoredArticle {
            id: "a".into(),
            title: "t".into(),
            date: None,
            source: None,
            translator: None,
            author: Some("x".into()),
            url: None,
            lang: Some("ar-IQ".into()),
            dir: Some("rtl".into()),
            path: "/a".into(),
            body: "b".into(),
            entities: vec!["iraq".into()],
            entity_names: vec!["العراق".into()],
            extras: serde_json::Map::new(),
        });
    }

    #[test]
    fn warnings_name_the_word_and_what_was_searched() {
        let words = [AnalyzedWord {
            word: "بغدادد".into(),
            terms: vec!["بغدادد".into()],
            neighbours: (0..8).map(|i| format!("n{i}")).collect(),
            spellings: Vec::new(),
        }];
        let w = warnings(&words);
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("«بغدادد»") && w[0].contains("n5") && w[0].contains("and 2 more"));
        // A respelt word is named as typed the other way, not by its term.
        let respelt = [AnalyzedWord {
            word: "اللة".into(),
            terms: vec!["لة".into()],
            neighbours: Vec::new(),
            spellings: vec!["له".into()],
        }];
        assert_eq!(warnings(&respelt), ["«اللة» also searched as «الله» (ة/ه)"]);
    }
}
