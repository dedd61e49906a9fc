//! What the index records about itself, in tantivy's commit payload: the
//! analyzer that built it and the summary of the last indexing run. Kept in
//! the index so it can never drift from the documents it describes.

use serde::{Deserialize, Serialize};

use super::schema::SCHEMA_VERSION;
use super::summary::Summary;
use crate::analysis::{rules, Stages, ANALYZER_VERSION};

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
