//! What the index records about itself, in tantivy's commit payload: the
//! analyzer that built it and the summary of the last indexing run. Kept in
//! the index so it can never drift from the documents it describes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::schema::SCHEMA_VERSION;
use super::summary::Summary;
use crate::analysis::{rules, Stages, ANALYZER_VERSION};
use crate::corpus::Format;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Stamp {
    /// Version of the fahras binary that made the last commit.
    pub fahras: String,
    /// [`super::schema::SCHEMA_VERSION`] of the index.
    #[serde(default)]
    pub schema_version: u32,
    pub analyzer_version: u32,
    pub stemmer: bool,
    pub stopwords: bool,
    /// Stemmer rules switched off for measurement (`FAHRAS_STEMMER_OFF`);
    /// empty in normal use.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub stemmer_off: String,
    /// Whether unstemmed copies of title and body are indexed (`--exact`).
    #[serde(default)]
    pub exact_fields: bool,
    /// Hash of the gazetteer the entity facets were made with.
    #[serde(default)]
    pub gazetteer_hash: String,
    /// The version of each format's reader the files were read with.
    #[serde(default)]
    pub readers: BTreeMap<String, u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_run: Option<Summary>,
}

impl Stamp {
    pub fn new(stages: Stages, exact_fields: bool, gazetteer_hash: &str) -> Stamp {
        Stamp {
            fahras: env!("CARGO_PKG_VERSION").to_string(),
            schema_version: SCHEMA_VERSION,
            analyzer_version: ANALYZER_VERSION,
            stemmer: stages.stem,
            stopwords: stages.stopwords,
            stemmer_off: rules::fingerprint(),
            exact_fields,
            gazetteer_hash: gazetteer_hash.to_string(),
            readers: Format::ALL
                .iter()
                .map(|f| (f.name().to_string(), f.reader_version()))
                .collect(),
            last_run: None,
        }
    }

    pub fn stages(&self) -> Stages {
        Stages {
            stem: self.stemmer,
            stopwords: self.stopwords,
        }
    }

    /// Why an index with this stamp must be rebuilt for `stages`, if it
    /// must.
    pub fn rebuild_reason(
        &self,
        stages: Stages,
        exact_fields: bool,
        gazetteer_hash: &str,
    ) -> Option<String> {
        if self.schema_version != SCHEMA_VERSION {
            Some(format!(
                "the index format changed (index {}, fahras {SCHEMA_VERSION})",
                self.schema_version
            ))
        } else if self.analyzer_version != ANALYZER_VERSION {
            Some(format!(
                "the analyzer changed (index version {}, fahras version {ANALYZER_VERSION})",
                self.analyzer_version
            ))
        } else if self.stages() != stages {
            Some("the analysis settings changed (stemmer or stopwords)".into())
        } else if self.stemmer_off != rules::fingerprint() {
            Some("the stemmer rules switched off (FAHRAS_STEMMER_OFF) changed".into())
        } else if self.exact_fields != exact_fields {
            Some("analysis.exact changed".into())
        } else if self.gazetteer_hash != gazetteer_hash {
            Some("the gazetteer changed".into())
        } else {
            None
        }
    }

    /// The formats whose files were read by another version of their
    /// reader than this fahras's, and why, for the run's summary.
    pub fn stale_readers(&self) -> (Vec<Format>, Option<String>) {
        let stale: Vec<(Format, Option<u32>)> = Format::ALL
            .into_iter()
            .map(|f| (f, self.readers.get(f.name()).copied()))
            .filter(|(f, v)| *v != Some(f.reader_version()))
            .collect();
        let why: Vec<String> = stale
            .iter()
            .map(|(f, v)| match v {
                Some(v) => format!(
                    "the {} reader changed (index version {v}, fahras version {})",
                    f.label(),
                    f.reader_version()
                ),
                None => format!("the index does not record its {} reader", f.label()),
            })
            .collect();
        let reason = (!why.is_empty()).then(|| why.join("; "));
        (stale.into_iter().map(|(f, _)| f).collect(), reason)
    }

    /// Records the readers of `stale` formats as `previous` had them: a
    /// commit in the middle of a run (or of an interrupted one) has not
    /// read all their files again yet.
    pub fn keep_readers(&mut self, previous: Option<&Stamp>, stale: &[Format]) {
        for f in stale {
            match previous.and_then(|p| p.readers.get(f.name())) {
                Some(v) => self.readers.insert(f.name().to_string(), *v),
                None => self.readers.remove(f.name()),
            };
        }
    }

    /// The stamp of the index at `path`, when there is a readable one.
    pub fn recorded(path: &std::path::Path) -> Option<Stamp> {
        tantivy::Index::open_in_dir(path)
            .ok()?
            .load_metas()
            .ok()?
            .payload
            .and_then(|p| Stamp::from_payload(&p))
    }

    pub fn to_payload(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_payload(payload: &str) -> Option<Stamp> {
        serde_json::from_str(payload).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> Stamp {
        Stamp::new(
            Stages {
                stem: true,
                stopwords: true,
            },
            false,
            "h",
        )
    }

    #[test]
    fn a_changed_reader_is_stale_until_a_completed_run() {
        let current = stamp();
        assert_eq!(current.stale_readers(), (Vec::new(), None));
        let mut old = stamp();
        old.readers.insert("html".into(), 1);
        old.readers.remove("txt");
        let (stale, why) = old.stale_readers();
        assert_eq!(stale, [Format::Txt, Format::Html]);
        let why = why.unwrap();
        assert!(why.contains("does not record its text reader"), "{why}");
        assert!(
            why.contains("the HTML reader changed (index version 1"),
            "{why}"
        );
        // A commit before the files are read again keeps the old versions.
        let mut midway = stamp();
        midway.keep_readers(Some(&old), &stale);
        assert_eq!(midway.readers, old.readers);
    }
}
