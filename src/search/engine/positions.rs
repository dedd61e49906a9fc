//! Where the hits of a page hold the query's terms, read from the index's
//! positions: a snippet is cut around them without analyzing the article
//! again (see [`crate::search::snippet::best_at`]).

use std::collections::{HashMap, HashSet};

use tantivy::postings::Postings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, DocSet, Searcher, Term};

use crate::analysis::analyze;
use crate::error::{Error, Result};

/// The positions of some terms in some articles' text field (the body,
/// which indexes the headline, then the text).
pub(super) struct TermPositions {
    terms: Vec<String>,
    /// Per article: (position, index in `terms`), by position.
    found: HashMap<DocAddress, Vec<(u32, usize)>>,
}

impl TermPositions {
    /// Reads where each of `terms` stands in `field` of each of `addrs`.
    pub(super) fn read(
        searcher: &Searcher,
        field: Field,
        terms: &HashSet<String>,
        addrs: &[DocAddress],
    ) -> Result<TermPositions> {
        let mut terms: Vec<String> = terms.iter().cloned().collect();
        terms.sort();
        let mut sorted = addrs.to_vec();
        sorted.sort();
        sorted.dedup();
        let mut found: HashMap<DocAddress, Vec<(u32, usize)>> = HashMap::new();
        let mut buffer = Vec::new();
        for segment_docs in sorted.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
            let segment = searcher.segment_reader(segment_docs[0].segment_ord);
            let inverted = segment.inverted_index(field)?;
            for (t, term) in terms.iter().enumerate() {
                let term = Term::from_field_text(field, term);
                let Some(mut postings) = inverted
                    .read_postings(&term, IndexRecordOption::WithFreqsAndPositions)
                    .map_err(|e| Error::io("cannot read the index's positions", e))?
                else {
                    continue;
                };
                for addr in segment_docs {
                    if postings.doc() <= addr.doc_id && postings.seek(addr.doc_id) == addr.doc_id {
                        postings.positions(&mut buffer);
                        let at = found.entry(*addr).or_default();
                        at.extend(buffer.iter().map(|&p| (p, t)));
                    }
                }
            }
        }
        for at in found.values_mut() {
            at.sort_unstable();
        }
        Ok(TermPositions { terms, found })
    }

    /// The number of distinct terms looked for.
    pub(super) fn terms(&self) -> usize {
        self.terms.len()
    }

    /// Where the terms stand in the text of the article at `addr`, whose
    /// headline is `title`: positions counted from the text's first word.
    /// The field indexes the headline first, and tantivy starts a field's
    /// next value one position after the last word of the one before.
    pub(super) fn in_text(
        &self,
        addr: DocAddress,
        title: &str,
        analyzer: &mut TextAnalyzer,
    ) -> Vec<(u32, &str)> {
        let Some(at) = self.found.get(&addr) else {
            return Vec::new();
        };
        let headline_end = analyze(analyzer, title)
            .last()
            .map_or(0, |t| t.position as u32 + 1);
        let first = headline_end + 1;
        at.iter()
            .filter(|(p, _)| *p >= first)
            .map(|&(p, t)| (p - first, self.terms[t].as_str()))
            .collect()
    }
}
