//! From files to articles: [`discover`] lists an archive's files, and
//! [`parse_bytes`] turns one file's bytes into articles, through [`decode`]
//! and the per-format parsers [`txt`], [`html`] and [`json`]; a JSON Lines
//! dump is streamed instead, a line at a time ([`jsonl`]).

pub mod article;
pub mod date;
pub mod decode;
pub mod discover;
pub mod error;
pub mod front_matter;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod txt;

pub use article::Article;
pub use discover::{discover, Discovery, Format, Skipped, SourceFile};
pub use error::ParseError;

/// What reading one file gave.
#[derive(Debug)]
pub enum FileOutcome {
    /// Articles, and problems with parts of the file (a bad JSONL line).
    Read {
        articles: Vec<Article>,
        problems: Vec<String>,
    },
    /// Nothing from this file could be indexed.
    Skipped(String),
}

/// Parses a file's bytes; `rel` is the file's path relative to its root.
pub fn parse_bytes(bytes: &[u8], format: Format, rel: &str) -> FileOutcome {
    let text = match decode::decode(bytes) {
        Ok(d) => d.text,
        Err(e) => return FileOutcome::Skipped(e.to_string()),
    };
    let outcome = match format {
        Format::Txt => {
            txt::parse(&text, rel.to_string(), date::date_in_path(rel)).map(|a| json::Parsed {
                articles: vec![a],
                problems: Vec::new(),
            })
        }
        Format::Html => {
            html::parse(&text, rel.to_string(), date::date_in_path(rel)).map(|a| json::Parsed {
                articles: vec![a],
                problems: Vec::new(),
            })
        }
        Format::Json => json::parse_json(&text, rel),
        Format::Jsonl => Ok(json::parse_jsonl(&text, rel)),
    };
    match outcome {
        Ok(mut parsed) if !parsed.articles.is_empty() => {
            parsed.articles.iter_mut().for_each(Article::bound_title);
            // The path's month or year, where nothing in the file dated it.
            let path_period = date::period_in_path(rel);
            for a in parsed.articles.iter_mut().filter(|a| a.date.is_none()) {
                a.set_period(path_period);
            }
            FileOutcome::Read {
                articles: parsed.articles,
                problems: parsed.problems,
            }
        }
        Ok(parsed) => {
            let why = parsed
                .problems
                .first()
                .cloned()
                .unwrap_or_else(|| "no articles".into());
            let more = parsed.problems.len().saturating_sub(1);
            FileOutcome::Skipped(if more > 0 {
                format!("no readable article: {why} (and {more} more problems)")
            } else {
                format!("no readable article: {why}")
            })
        }
        Err(e) => FileOutcome::Skipped(e.to_string()),
    }
}
