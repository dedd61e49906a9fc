//! What a compiled query is made of, and the weights of its parts.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use tantivy::query::Query;

/// How much a match in the title weighs on top of the same match in the
/// body, which indexes the headline too. Titles are short, so BM25's length
/// normalisation already favours a title match; on the ARCD retrieval set
/// 0.4 ranked best (MRR@10 0.844, against 0.842 at 0.25 and 0.5, 0.842 at
/// 0.6). See docs/analysis.md.
pub const TITLE_BOOST: f32 = 0.4;

/// Weight of a match of the word exactly as typed (normalized, unstemmed)
/// on top of the stemmed match: the stem finds the other forms, the surface
/// form ranks the one the user wrote first. On ARCD it was worth +0.008
/// MRR@10 before the re-ranking of the first hits; with it, 0.3 costs 0.002
/// (proximity already favours the question's own wording) and 0.1 is level
/// (0.864) with a higher R@10 (0.967 against 0.965).
pub const SURFACE_BOOST: f32 = 0.1;

/// Weight of the neighbours searched in place of a word that occurs in no
/// article, against the word itself: they are guesses. On ARCD, where
/// questions are typed with typos, 0.5 ranked best (0.3: -0.002, 0.7:
/// level); see docs/analysis.md.
pub const NEIGHBOUR_BOOST: f32 = 0.5;

/// What one query word became, for `--show-query`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct AnalyzedWord {
    pub word: String,
    /// Empty when every token was a stopword.
    pub terms: Vec<String>,
    /// The index terms one letter away that were searched instead, when the
    /// word's own term occurs in no article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub neighbours: Vec<String>,
    /// The terms of other spellings of the word (a final `ه` for `ة`),
    /// searched with it at full weight.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<String>,
}

/// What the re-ranking of the first hits looks for beyond the query's own
/// matches (see [`super::rescore`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RescorePlan {
    /// The terms of the query's positive one-term words, in query order:
    /// neighbours in this list are looked for near each other.
    pub sequence: Vec<String>,
    /// Words derived from the same root as a query term that occur in the
    /// index.
    pub variants: Vec<Variant>,
    /// The query's positive words of the text as typed, in order: where
    /// the engine looks for the entities the query names.
    pub text: String,
    /// Facet paths of the entities the query names (filled by the engine,
    /// which has the matcher).
    pub entities: Vec<String>,
}

/// A word one augment letter from a query term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub term: String,
    /// The query term it comes from.
    pub of: String,
    /// In how many articles it occurs (its idf, without a second lookup).
    pub doc_freq: u64,
}

pub struct Compiled {
    /// The query that scores.
    pub query: Box<dyn Query>,
    /// The same matches as `query`, found by fewer terms: what collecting
    /// and counting run on (see [`super::clauses::Built`]).
    pub matching: Box<dyn Query>,
    /// What `query` scores and `matching` leaves out (a headline, the
    /// form as typed), each clause with its boost: a hit's full score is
    /// its score by `matching` plus theirs.
    pub extras: Vec<Box<dyn Query>>,
    /// Terms whose occurrences the snippet highlights (negated ones left out).
    pub highlight: HashSet<String>,
    pub words: Vec<AnalyzedWord>,
    /// Every scoring term or phrase, per field, for `--explain`.
    pub leaves: Vec<Leaf>,
    pub rescore: RescorePlan,
}

impl Compiled {
    /// A query that matches every article and scores none, for hits whose
    /// snippet is their lead (more-like-this).
    pub fn everything() -> Compiled {
        Compiled {
            query: Box::new(tantivy::query::AllQuery),
            matching: Box::new(tantivy::query::AllQuery),
            extras: Vec::new(),
            highlight: HashSet::new(),
            words: Vec::new(),
            leaves: Vec::new(),
            rescore: RescorePlan::default(),
        }
    }
}

/// One term or phrase searched in one field.
pub struct Leaf {
    pub field: &'static str,
    /// The analyzed term, or the phrase's terms joined by spaces.
    pub terms: String,
    pub boost: f32,
    /// The unboosted query; its explanation gives the BM25 score.
    pub query: Box<dyn Query>,
}
