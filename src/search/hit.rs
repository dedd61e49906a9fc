//! What a search returns: plain data that every renderer reads.

use serde::Serialize;

use super::compile::AnalyzedWord;

/// One hit. Field names are part of the machine-output contract: fields may
/// be added, never renamed.
#[derive(Clone, Debug, Serialize, PartialEq)]
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
    /// Their Arabic names, for people reading text output.
    #[serde(skip)]
    pub entity_names: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

/// Why a hit scored what it did (`--explain`).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Explanation {
    pub score: f32,
    /// Each query term or phrase that matched, in which field, with its
    /// weighted BM25 contribution.
    pub matches: Vec<TermMatch>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TermMatch {
    pub field: String,
    pub terms: String,
    pub bm25: f32,
    pub boost: f32,
    pub score: f32,
}

#[derive(Clone, Debug, Serialize)]
pub struct Results {
    pub query: String,
    /// Every matching article, not just those shown.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Entity counts over every matching article (`--facets`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<super::FacetCounts>,
    /// What each query word became (for `--show-query`).
    #[serde(skip)]
    pub analyzed: Vec<AnalyzedWord>,
}

/// A whole stored article, for `fahras show`.
#[derive(Clone, Debug, Serialize)]
pub struct StoredArticle {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub translator: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub path: String,
    pub body: String,
    pub extras: serde_json::Map<String, serde_json::Value>,
}
