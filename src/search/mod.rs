//! Searching: the query language ([`query`]), its translation to tantivy
//! ([`compile`]), ranking, paging, export and more-like-this ([`engine`]),
//! and [`snippet`]s. A [`request`] goes in and plain data comes out
//! ([`hit`]), the same for every front end; [`crate::output`] renders it.

pub mod budget;
pub mod compile;
pub mod cooccur;
pub mod engine;
pub mod facets;
pub mod hit;
pub mod named;
pub mod neighbours;
pub mod query;
pub mod request;
pub mod rescore;
pub mod snippet;
pub mod sources;
pub mod timeline;

pub use compile::AnalyzedWord;
pub use cooccur::{CooccurRequest, CooccurResponse};
pub use engine::{Engine, HitSink};
pub use facets::{FacetCounts, FacetsRequest};
pub use hit::{Explanation, Hit, Results, SearchResponse, StoredArticle, TermMatch};
pub use query::{parse_date_value, DateRange, QueryError, QueryErrorKind};

pub use query::Operator;

pub use named::FilterError;
pub use request::{RequestError, SearchRequest, ShowRequest, SimilarRequest, Sort};
pub use timeline::{Interval, TimelineRequest, TimelineResponse};
