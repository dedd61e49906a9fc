//! Articles per source among a query's matches, for the facet sidebar of
//! the web app and the `facets` of a search: one pass over the `source`
//! fast column, counting term ordinals per segment and naming them once.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct SourceCount {
    pub source: String,
    /// Matched articles from it.
    pub count: u64,
}

/// Counts the matches of each source; articles without one are not
/// counted.
pub struct SourceCollector;

pub struct SourceSegment {
    column: Option<StrColumn>,
    /// Matches per term ordinal of this segment's column.
    counts: Vec<u64>,
}

impl Collector for SourceCollector {
    type Fruit = HashMap<String, u64>;
    type Child = SourceSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let column = segment.fast_fields().str("source")?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(SourceSegment {
            column,
            counts: vec![0; terms],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: HashMap<String, u64> = HashMap::new();
        for fruit in fruits {
            for (source, n) in fruit {
                *all.entry(source).or_default() += n;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SourceSegment {
    type Fruit = HashMap<String, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(ord) = self.column.as_ref().and_then(|c| c.ords().first(doc)) {
            if let Some(n) = self.counts.get_mut(ord as usize) {
                *n += 1;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut out = HashMap::new();
        let Some(column) = self.column else {
            return out;
        };
        let mut name = String::new();
        for (ord, &n) in self.counts.iter().enumerate() {
            if n > 0 && column.ord_to_str(ord as u64, &mut name).unwrap_or(false) {
                out.insert(std::mem::take(&mut name), n);
            }
        }
        out
    }
}

/// The `top` sources by matches, most first, ties by name.
pub fn top(counts: HashMap<String, u64>, top: usize) -> Vec<SourceCount> {
    let mut all: Vec<SourceCount> = counts
        .into_iter()
        .map(|(source, count)| SourceCount { source, count })
        .collect();
    all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.source.cmp(&b.source)));
    all.truncate(top);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_orders_by_count_then_name_and_cuts() {
        let counts = HashMap::from([
            ("ب".to_string(), 2),
            ("أ".to_string(), 2),
            ("ج".to_string(), 5),
        ]);
        let names: Vec<(String, u64)> = top(counts, 2)
            .into_iter()
            .map(|s| (s.source, s.count))
            .collect();
        assert_eq!(names, vec![("ج".into(), 5), ("أ".into(), 2)]);
    }
}
