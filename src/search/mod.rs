//! Searching: the query language ([`query`]), its translation to tantivy
//! ([`compile`]), ranking, paging, export and more-like-this ([`engine`]),
//! and [`snippet`]s. Results are plain data ([`hit`]); [`crate::output`]
//! renders them.

pub mod budget;
pub mod compile;
pub mod engine;
pub mod facets;
pub mod hit;
pub mod neighbours;
pub mod query;
pub mod rescore;
pub mod snippet;

use jiff::civil::Date;

pub use compile::AnalyzedWord;
pub use engine::{Engine, HitSink};
pub use facets::FacetCounts;
pub use hit::{Explanation, Hit, Results, StoredArticle, TermMatch};
pub use query::{parse_date_value, DateRange, QueryError, QueryErrorKind};

pub use query::Operator;

/// Order of hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    Relevance,
    /// Newest first; undated articles last.
    DateDesc,
    /// Oldest first; undated articles last.
    DateAsc,
}

/// One search, fully resolved.
#[derive(Clone, Debug)]
pub struct SearchRequest {
    pub query: String,
    pub operator: Operator,
    pub exact: bool,
    pub limit: usize,
    pub offset: usize,
    /// Keep only these sources (any of them); exact names.
    pub sources: Vec<String>,
    pub since: Option<Date>,
    pub until: Option<Date>,
    /// With `since`/`until`, keep undated articles too.
    pub include_undated: bool,
    /// `None`: relevance for a page of hits, index order for `--all`.
    pub sort: Option<Sort>,
    pub snippet_chars: usize,
    /// Compute snippets (an export that does not show them skips the work).
    pub snippets: bool,
    pub explain: bool,
    /// Facet paths every hit must carry (`--entity`).
    pub entities: Vec<String>,
    /// Count entity facets over every match, keeping this many per type.
    pub facets: Option<usize>,
    /// Longest time phrase matching may take (`None`: no limit).
    pub timeout: Option<std::time::Duration>,
}
