//! Ids given to more than one article. An id is the article's own (a JSON
//! `id`, a front matter `id`) or derived from its path, and two exports can
//! reuse one: `show` would then have to guess. After a run, every id it
//! added is looked up in what it committed, and the ids held by more than
//! one article are named with where they stand (file, and line or element
//! for JSON), so the summary can say so.

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::schema::Fields;
use super::stored::Head;
use crate::corpus::{json, jsonl, Format};
use crate::error::Result;

/// Duplicate ids named in a summary; past that they are only counted.
pub const NAMED: usize = 50;

/// Places listed for one id.
const PLACES: usize = 10;

/// One id and the places of the articles that hold it.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct DuplicateId {
    pub id: String,
    /// `file`, or `file:line N` / `file:element N` inside a JSON file.
    pub places: Vec<String>,
}

/// The ids among `ids` that more than one live article holds, and how many
/// such ids there were in all (at most [`NAMED`] are returned).
pub fn find(
    searcher: &Searcher,
    fields: &Fields,
    mut ids: Vec<String>,
) -> Result<(Vec<DuplicateId>, usize)> {
    ids.sort_unstable();
    ids.dedup();
    let mut found = Vec::new();
    let mut count = 0;
    for id in ids {
        let term = Term::from_field_text(fields.id, &id);
        // Deleted articles count here too: a cheap first sieve.
        if searcher.doc_freq(&term)? < 2 {
            continue;
        }
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let live = searcher.search(&query, &TopDocs::with_limit(PLACES).order_by_score())?;
        if live.len() < 2 {
            continue;
        }
        count += 1;
        if found.len() >= NAMED {
            continue;
        }
        let mut paths = Vec::new();
        for (_, addr) in live {
            let doc: Head = searcher.doc(addr)?;
            paths.push(doc.text(fields.path).unwrap_or_default().to_string());
        }
        paths.sort();
        paths.dedup();
        let places = paths.iter().flat_map(|p| places_in(p, &id)).collect();
        found.push(DuplicateId { id, places });
    }
    Ok((found, count))
}

/// Where `id` stands in the file at `path`: its lines or elements for
/// JSON, the file itself otherwise (or when it cannot be read again).
fn places_in(path: &str, id: &str) -> Vec<String> {
    let format = Format::from_path(std::path::Path::new(path));
    let at: Vec<String> = match format {
        Some(Format::Jsonl) => std::fs::File::open(path)
            .map(|f| {
                let mut lines = jsonl::Lines::new(std::io::BufReader::new(f), u64::MAX);
                let mut at = Vec::new();
                while let Ok(batch) = lines.batch(1024) {
                    if batch.is_empty() {
                        break;
                    }
                    for line in batch {
                        if let jsonl::Line::Text { n, text } = &line {
                            let own = json::parse_line(text.trim(), "", *n);
                            if own.is_ok_and(|(a, _)| a.id == id) {
                                at.push(format!("{path}:line {n}"));
                            }
                        }
                    }
                }
                at
            })
            .unwrap_or_default(),
        Some(Format::Json) => std::fs::read_to_string(path)
            .ok()
            .and_then(|text| json::parse_json(&text, "").ok())
            .map(|parsed| {
                let many = parsed.articles.len() > 1;
                parsed
                    .articles
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.id == id && many)
                    .map(|(i, _)| format!("{path}:element {}", i + 1))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    if at.is_empty() {
        vec![path.to_string()]
    } else {
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_name_the_lines_of_a_dump() {
        let dir = tempfile::tempdir().unwrap();
        let dump = dir.path().join("d.jsonl");
        std::fs::write(
            &dump,
            "{\"id\":\"x\",\"title\":\"أ\"}\n{\"id\":\"y\",\"title\":\"ب\"}\n{\"id\":\"x\",\"title\":\"ج\"}\n",
        )
        .unwrap();
        let p = dump.display().to_string();
        assert_eq!(
            places_in(&p, "x"),
            [format!("{p}:line 1"), format!("{p}:line 3")]
        );
        let txt = dir.path().join("a.txt");
        std::fs::write(&txt, "عنوان الخبر هنا").unwrap();
        let t = txt.display().to_string();
        assert_eq!(places_in(&t, "same-1"), [t]);
    }
}
