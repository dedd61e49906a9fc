//! A time budget for one search. Term queries cost what their posting
//! lists cost, and the query limits ([`super::query::MAX_WORDS`]) bound
//! those; a phrase, above all a sloppy one over frequent words, can cost far
//! more than its postings. So phrases are wrapped in [`Bounded`], whose
//! scorer stops matching once the budget is spent and records that it did:
//! the search then ends quickly and the engine reports the query as too
//! costly instead of hanging.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

/// When a search must end, and whether some part of it had to stop early.
#[derive(Debug)]
pub struct Budget {
    deadline: Instant,
    spent: AtomicBool,
}

impl Budget {
    pub fn new(limit: Duration) -> Arc<Budget> {
        Arc::new(Budget {
            deadline: Instant::now() + limit,
            spent: AtomicBool::new(false),
        })
    }

    /// True once a bounded part of the search stopped for lack of time.
    pub fn spent(&self) -> bool {
        self.spent.load(Ordering::Relaxed)
    }

    fn check(&self) -> bool {
        if Instant::now() < self.deadline {
            return true;
        }
        self.spent.store(true, Ordering::Relaxed);
        false
    }
}

/// A query whose matching stops when its budget is spent.
#[derive(Debug)]
pub struct Bounded {
    inner: Box<dyn Query>,
    budget: Arc<Budget>,
}

impl Bounded {
    pub fn new(inner: Box<dyn Query>, budget: Arc<Budget>) -> Bounded {
        Bounded { inner, budget }
    }
}

impl Clone for Bounded {
    fn clone(&self) -> Bounded {
        Bounded {
            inner: self.inner.box_clone(),
            budget: self.budget.clone(),
        }
    }
}

impl Query for Bounded {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(BoundedWeight {
            inner: self.inner.weight(scoring)?,
            budget: self.budget.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a tantivy::Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct BoundedWeight {
    inner: Box<dyn Weight>,
    budget: Arc<Budget>,
}

impl Weight for BoundedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(BoundedScorer {
            inner: self.inner.scorer(reader, boost)?,
            budget: self.budget.clone(),
            steps: 0,
            stopped: false,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }
}

struct BoundedScorer {
    inner: Box<dyn Scorer>,
    budget: Arc<Budget>,
    steps: u32,
    stopped: bool,
}

impl BoundedScorer {
    /// Looks at the clock every few steps: a step of a phrase scorer costs
    /// far more than reading it.
    fn going(&mut self) -> bool {
        self.steps = self.steps.wrapping_add(1);
        if !self.stopped && self.steps % 16 == 0 && !self.budget.check() {
            self.stopped = true;
        }
        !self.stopped
    }
}

impl DocSet for BoundedScorer {
    fn advance(&mut self) -> DocId {
        if !self.going() {
            return TERMINATED;
        }
        self.inner.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if !self.going() {
            return TERMINATED;
        }
        self.inner.seek(target)
    }

    fn doc(&self) -> DocId {
        if self.stopped {
            TERMINATED
        } else {
            self.inner.doc()
        }
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for BoundedScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_is_spent_only_after_its_deadline() {
        let long = Budget::new(Duration::from_secs(3600));
        assert!(long.check());
        assert!(!long.spent());
        let none = Budget::new(Duration::ZERO);
        assert!(!none.check());
        assert!(none.spent());
    }

    fn index_of(docs: usize) -> tantivy::Index {
        let mut schema = tantivy::schema::Schema::builder();
        let f = schema.add_text_field("t", tantivy::schema::STRING);
        let index = tantivy::Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for _ in 0..docs {
            writer.add_document(tantivy::doc!(f => "x")).unwrap();
        }
        writer.commit().unwrap();
        index
    }

    #[test]
    fn a_spent_budget_stops_matching_and_says_so() {
        use tantivy::collector::Count;
        use tantivy::query::AllQuery;
        let searcher = index_of(1000).reader().unwrap().searcher();
        let ample = Budget::new(Duration::from_secs(3600));
        let q = Bounded::new(Box::new(AllQuery), ample.clone());
        assert_eq!(searcher.search(&q, &Count).unwrap(), 1000);
        assert!(!ample.spent());
        let none = Budget::new(Duration::ZERO);
        let q = Bounded::new(Box::new(AllQuery), none.clone());
        assert!(searcher.search(&q, &Count).unwrap() < 1000);
        assert!(none.spent());
    }
}
