//! The library's typed errors. Each message says what failed, where, and
//! what to do; the binary prints it and exits with status 2.

use std::io;
use std::path::PathBuf;

use crate::search::QueryError;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no index at {}: build one with `fahras index PATH` or point --index at one", .path.display())]
    NoIndex { path: PathBuf },

    #[error("the index at {} is being written by another `fahras index` run; try again when it has finished, or give --wait to wait for it", .path.display())]
    Locked { path: PathBuf },

    #[error("the index at {} must be rebuilt: {reason}; run `fahras index` (it rebuilds by itself) or `fahras index --full`", .path.display())]
    Outdated { path: PathBuf, reason: String },

    #[error("{} is not a fahras index ({reason}): point --index at another folder, or remove this one if it is not needed", .path.display())]
    NotFahras { path: PathBuf, reason: String },

    #[error(transparent)]
    Query(#[from] QueryError),

    #[error("{0}")]
    Request(#[from] crate::search::RequestError),

    #[error("{0}")]
    Filter(#[from] crate::search::FilterError),

    #[error("config {}: {source}", .path.display())]
    Config {
        path: PathBuf,
        #[source]
        source: crate::config::ConfigError,
    },

    /// Misuse of the command line (or of a request's fields): the message
    /// says what to give instead.
    #[error("{0}")]
    Usage(String),

    #[error("--exact needs an index with exact copies: set `exact = true` under [analysis] in the config and run `fahras index` (it rebuilds {})", .path.display())]
    NoExactCopies { path: PathBuf },

    #[error("the index at {} is damaged: {what}; rebuild it with `fahras index --full`", .path.display())]
    Corrupt { path: PathBuf, what: String },

    #[error("cannot lock the index at {}: {message}", .path.display())]
    Lock { path: PathBuf, message: String },

    #[error("cannot start {threads} indexing threads: {source}")]
    Threads {
        threads: usize,
        #[source]
        source: rayon::ThreadPoolBuildError,
    },

    #[error("archive.{key}: bad pattern {pattern:?}: {source}")]
    Glob {
        key: &'static str,
        pattern: String,
        #[source]
        source: globset::Error,
    },

    #[error("gazetteer {0}")]
    Gazetteer(#[from] crate::entities::GazetteerError),

    #[error("the query {query:?} needed more than {ms} ms and was stopped: use fewer or rarer words in its phrases, a smaller ~N, or raise search.timeout_ms")]
    TooCostly { query: String, ms: u128 },

    #[error("no article with id {id:?} in the index")]
    NotFound { id: String },

    #[error("{} articles have the id {id:?}; pick one with --path:{}", .paths.len(), .paths.iter().map(|p| format!("\n  --path {p:?}")).collect::<String>())]
    Ambiguous { id: String, paths: Vec<String> },

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },

    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

impl Error {
    pub fn io(context: impl Into<String>, source: io::Error) -> Error {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}
