//! Ids given to more than one article. An id is the article's own (a JSON
//! `id`, a front matter `id`) or derived from its path, and two exports can
//! reuse one: `show` would then have to guess. After a run, every id it
//! added is looked up in what it committed, and the ids held by more than
//! one article are named with where they stand (file, and line or element
//! for JSON), so the summary can say so.

use std::collections::HashMap;

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
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
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
        found.push((id, paths));
    }
    // Each file is read once for all the ids it holds twice.
    let mut by_path: HashMap<&str, Vec<&str>> = HashMap::new();
    for (id, paths) in &found {
        for p in paths {
            by_path.entry(p).or_default().push(id);
        }
    }
    let mut places: HashMap<(&str, &str), Vec<String>> = HashMap::new();
    for (path, ids) in &by_path {
        for (id, at) in places_in(path, ids) {
            places.insert((id, path), at);
        }
    }
    let found = found
        .iter()
        .map(|(id, paths)| DuplicateId {
            id: id.clone(),
            places: paths
                .iter()
                .flat_map(|p| {
                    places
                        .get(&(id.as_str(), p.as_str()))
                        .cloned()
                        .unwrap_or_else(|| vec![p.clone()])
                })
                .collect(),
        })
        .collect();
    Ok((found, count))
}

/// Where each of `ids` stands in the file at `path`: its lines or elements
/// for JSON; ids not placed (other formats, or a file that cannot be read
/// again) are left out, and the caller names the file alone.
fn places_in<'a>(path: &str, ids: &[&'a str]) -> Vec<(&'a str, Vec<String>)> {
    let mut at: HashMap<&'a str, Vec<String>> = HashMap::new();
    let mut note = |own: &str, place: String| {
        if let Some(id) = ids.iter().find(|i| **i == own) {
            at.entry(id).or_default().push(place);
        }
    };
    match Format::from_path(std::path::Path::new(path)) {
        Some(Format::Jsonl) => {
            if let Ok(f) = std::fs::File::open(path) {
                let mut lines = jsonl::Lines::new(std::io::BufReader::new(f), u64::MAX);
                while let Ok(batch) = lines.batch(1024) {
                    if batch.is_empty() {
                        break;
                    }
                    for line in batch {
                        if let jsonl::Line::Text { n, text } = &line {
                            if let Ok((a, _)) = json::parse_line(text.trim(), "", *n) {
                                note(&a.id, format!("{path}:line {n}"));
                            }
                        }
                    }
                }
            }
        }
        Some(Format::Json) => {
            let parsed = std::fs::read_to_string(path)
                .ok()
                .and_then(|text| json::parse_json(&text, "").ok());
            if let Some(parsed) = parsed.filter(|p| p.articles.len() > 1) {
                for (i, a) in parsed.articles.iter().enumerate() {
                    note(&a.id, format!("{path}:element {}", i + 1));
                }
            }
        }
        _ => {}
    }
    at.into_iter().collect()
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
            places_in(&p, &["x"]),
            [("x", vec![format!("{p}:line 1"), format!("{p}:line 3")])]
        );
        let txt = dir.path().join("a.txt");
        std::fs::write(&txt, "عنوان الخبر هنا").unwrap();
        assert!(places_in(&txt.display().to_string(), &["same-1"]).is_empty());
    }
}
