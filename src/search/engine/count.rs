//! Counting the articles a query matches, scoring none.
//!
//! A query of words alone (the matching query of `العراق الحكومة`: body
//! terms, all required or any) is counted segment by segment: one term in
//! a segment without deletes is its document frequency; terms that each
//! fill at least a thirty-second of a segment are ANDed (or ORed) as bit
//! sets, which the engine keeps for the next search that names them, and
//! the segment's live documents with them. Everything else is tantivy's
//! own count, where a rare term leads an intersection by skipping.

use tantivy::postings::TermInfo;
use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query, TermQuery, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Searcher, SegmentReader, Term};

use crate::error::{Error, Result};

use super::cache::{lock, Bits};
use super::Engine;

/// A query that is one term, or terms that are all required (`all`) or
/// any of which may match.
struct Words<'q> {
    all: bool,
    terms: Vec<&'q Term>,
}

fn words(query: &dyn Query) -> Option<Words<'_>> {
    if let Some(t) = query.downcast_ref::<TermQuery>() {
        return Some(Words {
            all: true,
            terms: vec![t.term()],
        });
    }
    let b = query.downcast_ref::<BooleanQuery>()?;
    let occur = b.clauses().first()?.0;
    if occur == Occur::MustNot
        || b.get_minimum_number_should_match() > 1
        || b.clauses().iter().any(|(o, _)| *o != occur)
    {
        return None;
    }
    let terms = b
        .clauses()
        .iter()
        .map(|(_, q)| q.downcast_ref::<TermQuery>().map(TermQuery::term))
        .collect::<Option<Vec<&Term>>>()?;
    Some(Words {
        all: occur == Occur::Must || terms.len() == 1,
        terms,
    })
}

/// A term fills enough of a segment for a bit set of it to be cheaper
/// than skipping through its postings (tantivy's own bound).
fn dense(info: &TermInfo, max_doc: DocId) -> bool {
    u64::from(info.doc_freq) * 32 >= u64::from(max_doc)
}

fn words_of(max_doc: DocId) -> usize {
    (max_doc as usize).div_ceil(64)
}

impl Engine {
    /// The number of live articles `query` matches.
    pub(super) fn count(&self, searcher: &Searcher, query: &dyn Query) -> Result<usize> {
        let Some(words) = words(query) else {
            return Ok(query.count(searcher)?);
        };
        let mut weight: Option<Box<dyn Weight>> = None;
        let mut total = 0usize;
        for segment in searcher.segment_readers() {
            let n = self.count_segment(segment, &words)?;
            total += match n {
                Some(n) => n,
                None => {
                    if weight.is_none() {
                        let scoring = EnableScoring::disabled_from_searcher(searcher);
                        weight = Some(query.weight(scoring)?);
                    }
                    let w = weight.as_ref().expect("made above");
                    w.count(segment)? as usize
                }
            };
        }
        Ok(total)
    }

    /// The count in one segment, or `None` where tantivy counts better.
    fn count_segment(&self, segment: &SegmentReader, words: &Words) -> Result<Option<usize>> {
        let mut found: Vec<(&Term, TermInfo)> = Vec::with_capacity(words.terms.len());
        for term in &words.terms {
            let inverted = segment.inverted_index(term.field())?;
            match inverted.get_term_info(term).map_err(read_error)? {
                Some(info) => found.push((term, info)),
                None if words.all => return Ok(Some(0)),
                None => {}
            }
        }
        let deletes = segment.alive_bitset().is_some();
        match found.as_slice() {
            [] => return Ok(Some(0)),
            [(_, info)] if !deletes => return Ok(Some(info.doc_freq as usize)),
            _ => {}
        }
        if !found.iter().all(|(_, info)| dense(info, segment.max_doc())) {
            return Ok(None);
        }
        let mut acc: Vec<u64> = Vec::new();
        for (i, (term, info)) in found.iter().enumerate() {
            let bits = self.postings_bits(segment, term, info)?;
            if i == 0 {
                acc.extend_from_slice(&bits);
            } else if words.all {
                acc.iter_mut().zip(bits.iter()).for_each(|(a, b)| *a &= b);
            } else {
                acc.iter_mut().zip(bits.iter()).for_each(|(a, b)| *a |= b);
            }
        }
        if deletes {
            let alive = self.alive_bits(segment);
            acc.iter_mut().zip(alive.iter()).for_each(|(a, b)| *a &= b);
        }
        Ok(Some(acc.iter().map(|w| w.count_ones() as usize).sum()))
    }

    /// The documents of `term` in `segment` as bits, kept for the next
    /// search that counts it.
    fn postings_bits(&self, segment: &SegmentReader, term: &Term, info: &TermInfo) -> Result<Bits> {
        let key = (segment.segment_id(), term.clone());
        if let Some(bits) = lock(&self.caches.postings).get(&key) {
            return Ok(bits.clone());
        }
        let inverted = segment.inverted_index(term.field())?;
        let mut blocks = inverted
            .read_block_postings_from_terminfo(info, IndexRecordOption::Basic)
            .map_err(read_error)?;
        let mut bits = vec![0u64; words_of(segment.max_doc())];
        loop {
            let docs = blocks.docs();
            if docs.is_empty() {
                break;
            }
            for &doc in docs {
                bits[(doc / 64) as usize] |= 1 << (doc % 64);
            }
            blocks.advance();
        }
        let bits: Bits = bits.into();
        let cost = bits.len() * 8;
        lock(&self.caches.postings).insert(key, bits.clone(), cost);
        Ok(bits)
    }

    /// The live documents of `segment` as bits (all of them without
    /// deletes).
    fn alive_bits(&self, segment: &SegmentReader) -> Bits {
        let id = segment.segment_id();
        if let Some(bits) = lock(&self.caches.alive).get(&id) {
            return bits.clone();
        }
        let mut bits = vec![0u64; words_of(segment.max_doc())];
        match segment.alive_bitset() {
            Some(alive) => {
                for doc in alive.iter_alive() {
                    bits[(doc / 64) as usize] |= 1 << (doc % 64);
                }
            }
            None => bits.iter_mut().for_each(|w| *w = u64::MAX),
        }
        let bits: Bits = bits.into();
        lock(&self.caches.alive).insert(id, bits.clone());
        bits
    }
}

fn read_error(e: std::io::Error) -> Error {
    Error::io("cannot read the index's terms", e)
}
