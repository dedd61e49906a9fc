//! fahras: full-text search for archives of Arabic news articles.
//!
//! Indexing flows one way: [`corpus`] (discover, decode, parse) →
//! [`analysis`] (tokens and stems) → [`index`] (tantivy). Searching too:
//! [`search`] (query language, ranking, snippets) → [`output`] (text, JSON,
//! JSONL, CSV). [`cli`] wires commands to both and [`server`] answers the
//! same requests over HTTP; `main.rs` only calls the first.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod entities;
pub mod error;
pub mod index;
pub mod output;
pub mod recent;
pub mod search;
pub mod server;

pub use error::{Error, Result};
