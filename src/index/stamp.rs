//! What the index records about itself, in tantivy's commit payload: the
//! analyzer that built it and the summary of the last indexing run. Kept in
//! the index so it can never drift from the documents it describes.

use serde::{Deserialize, Serialize};

use super::summary::Summary;
use crate::analysis::{Stages, ANALYZER_VERSION};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Stamp {
    /// Version of the fahras binary that made the last commit.
    pub fahras: String,
    pub analyzer_version: u32,
    pub stemmer: bool,
    pub stopwords: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_run: Option<Summary>,
}

impl Stamp {
    pub fn new(stages: Stages) -> Stamp {
        Stamp {
            fahras: env!("CARGO_PKG_VERSION").to_string(),
            analyzer_version: ANALYZER_VERSION,
            stemmer: stages.stem,
            stopwords: stages.stopwords,
            last_run: None,
        }
    }

    pub fn stages(&self) -> Stages {
        Stages {
            stem: self.stemmer,
            stopwords: self.stopwords,
        }
    }

    pub fn to_payload(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_payload(payload: &str) -> Option<Stamp> {
        serde_json::from_str(payload).ok()
    }
}
