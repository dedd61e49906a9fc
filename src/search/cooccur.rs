//! Who appears with whom: the most frequent entities of the matching
//! articles and, for each pair of them, the articles naming both. Two
//! passes over the matches: facet counts pick the entities, then a
//! collector counts the pairs from those entities' postings.

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, Term, TERMINATED};

use super::{RequestError, SearchRequest};

/// The most entities a co-occurrence table may hold: pairs grow with the
/// square, and a table of 100×100 is already more than a page shows.
pub const MAX_TOP: usize = 100;

/// A co-occurrence count over the articles a search matches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CooccurRequest {
    /// The query and filters; paging and snippet fields are not used.
    pub search: SearchRequest,
    /// Only entities of this type (person, org, place, event, ...).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// How many entities, the most frequent first.
    pub top: usize,
}

impl Default for CooccurRequest {
    fn default() -> Self {
        CooccurRequest {
            search: SearchRequest::default(),
            kind: None,
            top: 20,
        }
    }
}

impl CooccurRequest {
    pub fn validate(&self) -> Result<(), RequestError> {
        if !(1..=MAX_TOP).contains(&self.top) {
            return Err(RequestError::Top { max: MAX_TOP });
        }
        self.search.validate()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CooccurEntity {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub ar: String,
    pub en: String,
    /// Matching articles naming it.
    pub count: u64,
}

/// Two entities (indexes into `entities`, `a < b`) and the matching
/// articles naming both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub count: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CooccurResponse {
    /// Articles the query matched.
    pub articles: usize,
    /// The most frequent entities, most frequent first.
    pub entities: Vec<CooccurEntity>,
    /// Every pair named together at least once, most frequent first.
    pub pairs: Vec<Pair>,
    /// What was searched that the user did not type.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Counts, for `facets` (full paths such as `/person/lloyd-austin`), the
/// matches naming each pair of them. Each segment notes its matches in a
/// bit set, reads the few entities' postings into bit sets of their own,
/// and counts each pair as the bits the three share: a broad query's
/// matches are not read one by one for their entities.
pub struct PairCollector {
    pub facets: Vec<Facet>,
}

pub struct PairSegment {
    /// The documents naming each entity, one bit per document.
    naming: Vec<Bits>,
    matches: Bits,
}

/// A fixed-size set of a segment's document ids.
struct Bits(Vec<u64>);

impl Bits {
    fn new(docs: u32) -> Bits {
        Bits(vec![0; (docs as usize).div_ceil(64)])
    }

    fn insert(&mut self, doc: DocId) {
        if let Some(w) = self.0.get_mut(doc as usize / 64) {
            *w |= 1 << (doc % 64);
        }
    }
}

impl Collector for PairCollector {
    type Fruit = Vec<u64>;
    type Child = PairSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<PairSegment> {
        let field = segment.schema().get_field("entity")?;
        let postings = segment.inverted_index(field)?;
        let docs = segment.max_doc();
        let mut naming = Vec::with_capacity(self.facets.len());
        for f in &self.facets {
            let mut bits = Bits::new(docs);
            let term = Term::from_facet(field, f);
            if let Some(mut p) = postings.read_postings(&term, IndexRecordOption::Basic)? {
                let mut doc = p.doc();
                while doc != TERMINATED {
                    bits.insert(doc);
                    doc = p.advance();
                }
            }
            naming.push(bits);
        }
        Ok(PairSegment {
            naming,
            matches: Bits::new(docs),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<u64>>) -> tantivy::Result<Vec<u64>> {
        let n = self.facets.len();
        let mut all = vec![0; n * n];
        for f in fruits {
            for (a, b) in all.iter_mut().zip(f) {
                *a += b;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for PairSegment {
    type Fruit = Vec<u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.matches.insert(doc);
    }

    fn harvest(self) -> Vec<u64> {
        let n = self.naming.len();
        let mut counts = vec![0; n * n];
        // Only the matches: deleted documents are still in the postings.
        let naming: Vec<Vec<u64>> = self
            .naming
            .iter()
            .map(|e| {
                e.0.iter()
                    .zip(&self.matches.0)
                    .map(|(a, m)| a & m)
                    .collect()
            })
            .collect();
        for a in 0..n {
            for b in a + 1..n {
                counts[a * n + b] = naming[a]
                    .iter()
                    .zip(&naming[b])
                    .map(|(x, y)| u64::from((x & y).count_ones()))
                    .sum();
            }
        }
        counts
    }
}

/// The pairs of an `n × n` upper triangle with a count, most frequent first.
pub fn pairs(counts: &[u64], n: usize) -> Vec<Pair> {
    let mut out: Vec<Pair> = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .filter_map(|(a, b)| {
            let count = counts[a * n + b];
            (count > 0).then_some(Pair { a, b, count })
        })
        .collect();
    out.sort_by(|x, y| y.count.cmp(&x.count).then((x.a, x.b).cmp(&(y.a, y.b))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_come_from_the_upper_triangle_most_frequent_first() {
        // 3 entities: (0,1) twice, (1,2) five times, (0,2) never.
        let counts = [0, 2, 0, 0, 0, 5, 0, 0, 0];
        assert_eq!(
            pairs(&counts, 3),
            [
                Pair {
                    a: 1,
                    b: 2,
                    count: 5
                },
                Pair {
                    a: 0,
                    b: 1,
                    count: 2
                }
            ]
        );
    }

    #[test]
    fn the_table_size_is_bounded() {
        let mut r = CooccurRequest::default();
        assert!(r.validate().is_ok());
        r.top = 0;
        assert!(r.validate().is_err());
        r.top = MAX_TOP + 1;
        assert!(r.validate().is_err());
    }
}
