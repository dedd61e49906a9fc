//! Rendering: search hits in every format ([`hits`]), styling for terminals
//! ([`style`]) and the neutralising of untrusted article text
//! ([`sanitize`]).

pub mod cooccur;
pub mod facets;
pub mod fields;
pub mod hits;
pub mod sanitize;
pub mod style;
pub mod summary;
pub mod text;
pub mod timeline;
pub mod wrap;

pub use style::Style;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Csv,
    /// A standalone HTML page; article text is escaped.
    Html,
}

/// The formats of the commands that print records rather than hits
/// (`show`, `stats`, `facets`, `entities`, `analyze`): clap refuses csv and
/// html for them before anything is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RecordFormat {
    Text,
    Json,
    Jsonl,
}

/// The formats of the commands that print a table (`timeline`, `cooccur`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Text,
    Json,
    Csv,
}
