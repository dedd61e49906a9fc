//! A search as plain data: what every front end (the command line, and an
//! HTTP API or a notebook through serde) hands the engine. Built anywhere,
//! checked in one place ([`SearchRequest::validate`]); the answer is a
//! [`SearchResponse`](super::SearchResponse), plain data too.
//!
//! ```
//! use std::sync::{atomic::AtomicBool, Arc};
//! use std::time::Duration;
//!
//! use fahras::analysis::Stages;
//! use fahras::config::Archive;
//! use fahras::entities::Gazetteer;
//! use fahras::index::{self, ArticleIndex, ProgressMode, RunOptions};
//! use fahras::search::{Engine, SearchRequest};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = tempfile::tempdir()?;
//! let archive = dir.path().join("archive");
//! std::fs::create_dir(&archive)?;
//! std::fs::write(
//!     archive.join("roadmap.txt"),
//!     "بغداد وواشنطن تتفقان على خارطة طريق\n\nقال مسؤولون إن الجانبين اتفقا على خارطة طريق للوجود العسكري.\n",
//! )?;
//! let gazetteer = Arc::new(Gazetteer::load(&[])?);
//! let path = dir.path().join("index");
//! index::run(&RunOptions {
//!     roots: vec![archive],
//!     archive: Archive::default(),
//!     index_path: path.clone(),
//!     writer_memory_mb: 32,
//!     merge_mb: 512,
//!     threads: 1,
//!     stages: Stages::ALL,
//!     progress: ProgressMode::None,
//!     cancel: Arc::new(AtomicBool::new(false)),
//!     full: false,
//!     wait: None,
//!     commit_every_articles: 1000,
//!     commit_every: Duration::from_secs(60),
//!     gazetteer: gazetteer.clone(),
//!     exact_fields: false,
//! })?;
//!
//! let engine = Engine::open(ArticleIndex::open(&path)?, gazetteer)?;
//! let request = SearchRequest {
//!     query: "\"خارطة طريق\"".into(),
//!     ..SearchRequest::default()
//! };
//! request.validate()?;
//! let response = engine.search(&request)?;
//! assert_eq!(response.total, 1);
//! assert_eq!(response.hits[0].id, "roadmap.txt");
//! // Plain data: it goes to JSON and back as it is.
//! let json = serde_json::to_string(&response)?;
//! assert_eq!(serde_json::from_str::<fahras::search::SearchResponse>(&json)?, response);
//! # Ok(())
//! # }
//! ```

use std::time::Duration;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::query::Operator;

/// The shortest and longest snippet, in characters.
pub const SNIPPET_CHARS: std::ops::RangeInclusive<usize> = 20..=2000;

/// A snippet length brought within [`SNIPPET_CHARS`]: a few words at
/// least, a long paragraph at most (whatever a flag, a config or a client
/// asks).
pub fn clamp_snippet_chars(n: usize) -> usize {
    n.clamp(*SNIPPET_CHARS.start(), *SNIPPET_CHARS.end())
}

/// Order of hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    Relevance,
    /// Newest first; undated articles last.
    #[value(name = "date", alias = "date:desc")]
    DateDesc,
    /// Oldest first; undated articles last.
    #[value(name = "date:asc")]
    DateAsc,
}

/// One search, fully resolved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
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
    /// Read each hit's stored article. Without it and without snippets a
    /// hit is made from columns: id, title, date, source and path, and no
    /// translator, url or entities; nothing is read from the document store.
    pub stored: bool,
    pub explain: bool,
    /// Facet paths every hit must carry (`--entity`).
    pub entities: Vec<String>,
    /// Count entity facets over every match, keeping this many per type.
    pub facets: Option<usize>,
    /// Longest time phrase matching may take (`None`: no limit). Set by
    /// the front end from its configuration, never by its client.
    #[serde(skip)]
    pub timeout: Option<Duration>,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: "*".into(),
            operator: Operator::And,
            exact: false,
            limit: 10,
            offset: 0,
            sources: Vec::new(),
            since: None,
            until: None,
            include_undated: false,
            sort: None,
            snippet_chars: 200,
            snippets: true,
            stored: true,
            explain: false,
            entities: Vec::new(),
            facets: None,
            timeout: Some(Duration::from_millis(1000)),
        }
    }
}

/// What is wrong with a request, before any index is opened.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("the limit (-n) must be at least 1")]
    Limit,
    #[error("snippets are {} to {} characters long", SNIPPET_CHARS.start(), SNIPPET_CHARS.end())]
    SnippetChars,
    #[error("the date range ends ({until}) before it starts ({since}): swap them")]
    ReversedDates { since: Date, until: Date },
    #[error("the query is empty: give words, or * for every article")]
    EmptyQuery,
    #[error("top must be 1 to {max} entities")]
    Top { max: usize },
    #[error("the timeline would have {n} buckets, more than {max}: use a coarser --interval or a shorter --since/--until")]
    TooManyBuckets { n: u64, max: u64 },
    #[error("unknown entity type {kind:?}; the types are: {known}")]
    UnknownType { kind: String, known: String },
    #[error("an entity filter must be a facet path such as /person/lloyd-austin, not {0:?}")]
    EntityPath(String),
    #[error("the article id is empty: give one as `fahras search` shows it")]
    EmptyId,
}

/// One stored article, whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowRequest {
    pub id: String,
    /// The article's file, when several articles share the id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl ShowRequest {
    pub fn validate(&self) -> Result<(), RequestError> {
        if self.id.trim().is_empty() {
            return Err(RequestError::EmptyId);
        }
        Ok(())
    }
}

/// The articles most like one article. `search` gives the filters, the
/// page and the snippet length; its query is not used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimilarRequest {
    pub id: String,
    #[serde(default)]
    pub search: SearchRequest,
}

impl SimilarRequest {
    pub fn validate(&self) -> Result<(), RequestError> {
        ShowRequest {
            id: self.id.clone(),
            path: None,
        }
        .validate()?;
        self.search.validate()
    }
}

impl SearchRequest {
    /// Refuses what no search can do: the one place every front end's
    /// request is checked.
    pub fn validate(&self) -> Result<(), RequestError> {
        // A limit past the archive is cut to it by the engine, not refused.
        if self.limit == 0 {
            return Err(RequestError::Limit);
        }
        if !SNIPPET_CHARS.contains(&self.snippet_chars) {
            return Err(RequestError::SnippetChars);
        }
        if let (Some(since), Some(until)) = (self.since, self.until) {
            if since > until {
                return Err(RequestError::ReversedDates { since, until });
            }
        }
        if self.query.trim().is_empty() {
            return Err(RequestError::EmptyQuery);
        }
        if let Some(bad) = self.entities.iter().find(|e| !e.starts_with('/')) {
            return Err(RequestError::EntityPath(bad.clone()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: impl FnOnce(&mut SearchRequest)) -> Result<(), RequestError> {
        let mut r = SearchRequest::default();
        f(&mut r);
        r.validate()
    }

    #[test]
    fn the_default_request_is_valid() {
        assert_eq!(SearchRequest::default().validate(), Ok(()));
    }

    #[test]
    fn validation_refuses_what_no_search_can_do() {
        assert_eq!(with(|r| r.limit = 0), Err(RequestError::Limit));
        assert_eq!(with(|r| r.limit = usize::MAX), Ok(()));
        assert_eq!(
            with(|r| r.snippet_chars = 5),
            Err(RequestError::SnippetChars)
        );
        assert_eq!(
            with(|r| r.query = "  ".into()),
            Err(RequestError::EmptyQuery)
        );
        let (a, b) = (jiff::civil::date(2025, 1, 1), jiff::civil::date(2024, 1, 1));
        assert_eq!(
            with(|r| (r.since, r.until) = (Some(a), Some(b))),
            Err(RequestError::ReversedDates { since: a, until: b })
        );
        assert_eq!(with(|r| (r.since, r.until) = (Some(b), Some(a))), Ok(()));
        assert!(with(|r| r.entities = vec!["lloyd-austin".into()]).is_err());
    }

    #[test]
    fn show_and_similar_refuse_an_empty_id_and_a_bad_page() {
        let show = |id: &str| {
            ShowRequest {
                id: id.into(),
                path: None,
            }
            .validate()
        };
        assert_eq!(show(" "), Err(RequestError::EmptyId));
        assert_eq!(show("a1"), Ok(()));
        let similar = |id: &str, limit| {
            SimilarRequest {
                id: id.into(),
                search: SearchRequest {
                    limit,
                    ..SearchRequest::default()
                },
            }
            .validate()
        };
        assert_eq!(similar("", 5), Err(RequestError::EmptyId));
        assert_eq!(similar("a1", 0), Err(RequestError::Limit));
        assert_eq!(similar("a1", 5), Ok(()));
        let r: SimilarRequest = serde_json::from_str(r#"{"id":"a1"}"#).unwrap();
        assert_eq!(r.search, SearchRequest::default());
    }

    #[test]
    fn a_request_reads_from_json_with_defaults_and_refuses_unknown_keys() {
        let r: SearchRequest = serde_json::from_str(
            r#"{"query":"بغداد","limit":5,"sort":"date_asc","since":"2024-03-01"}"#,
        )
        .unwrap();
        assert_eq!(
            (r.query.as_str(), r.limit, r.sort),
            ("بغداد", 5, Some(Sort::DateAsc))
        );
        assert_eq!(r.since, Some(jiff::civil::date(2024, 3, 1)));
        assert_eq!(r.snippet_chars, 200);
        assert!(serde_json::from_str::<SearchRequest>(r#"{"limt":5}"#).is_err());
        // And back: everything but the server-set timeout survives.
        let back: SearchRequest =
            serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back, r);
    }
}
