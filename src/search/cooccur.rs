//! Who appears with whom: the most frequent entities of the matching
//! articles and, for each pair of them, the articles naming both. Two
//! passes over the matches: facet counts pick the entities, then a
//! collector reads each match's entity ordinals and counts the pairs.

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub count: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
/// matches naming each pair of them.
pub struct PairCollector {
    pub facets: Vec<Facet>,
}

pub struct PairSegment {
    reader: FacetReader,
    /// Segment term ordinal → index into `facets`, sorted by ordinal.
    known: Vec<(u64, usize)>,
    /// Upper triangle, `n × n`.
    counts: Vec<u64>,
    n: usize,
    seen: Vec<usize>,
}

impl Collector for PairCollector {
    type Fruit = Vec<u64>;
    type Child = PairSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<PairSegment> {
        let reader = segment.facet_reader("entity")?;
        let mut known = Vec::new();
        for (i, f) in self.facets.iter().enumerate() {
            if let Some(ord) = reader.facet_dict().term_ord(f.encoded_str())? {
                known.push((ord, i));
            }
        }
        known.sort_unstable();
        let n = self.facets.len();
        Ok(PairSegment {
            reader,
            known,
            counts: vec![0; n * n],
            n,
            seen: Vec::new(),
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
        if self.known.is_empty() {
            return;
        }
        self.seen.clear();
        for ord in self.reader.facet_ords(doc) {
            if let Ok(at) = self.known.binary_search_by_key(&ord, |k| k.0) {
                self.seen.push(self.known[at].1);
            }
        }
        self.seen.sort_unstable();
        self.seen.dedup();
        for (i, &a) in self.seen.iter().enumerate() {
            for &b in &self.seen[i + 1..] {
                self.counts[a * self.n + b] += 1;
            }
        }
    }

    fn harvest(self) -> Vec<u64> {
        self.counts
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
