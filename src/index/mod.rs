//! The tantivy index: its [`schema`], how articles become documents
//! ([`document`]) and are read back ([`stored`]), opening with checks
//! ([`open`]), the record the index keeps of itself ([`stamp`]) and indexing
//! runs ([`run`], [`summary`], [`progress`]).

pub mod column;
pub mod document;
pub mod duplicates;
mod file;
pub mod known;
pub mod merge;
pub mod open;
mod place;
pub mod progress;
pub mod run;
pub mod schema;
pub mod stamp;
pub mod stats;
pub mod stored;
pub mod summary;
mod tally;

pub use open::ArticleIndex;
pub use progress::ProgressMode;
pub use run::{run, RunOptions};
pub use summary::Summary;
