//! A request turned into a tantivy query with its time budget, and the
//! re-ranking of the first hits.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::query::{Occur, Query};
use tantivy::{DocAddress, Searcher};

use crate::entities::matcher::Matcher;
use crate::error::{Error, Result};
use crate::search::budget::Budget;
use crate::search::compile::{Compiled, Compiler};
use crate::search::neighbours::{FieldVocabulary, Vocabulary};
use crate::search::rescore::{Bonuses, Rescorer};
use crate::search::{query, SearchRequest};

use super::cache::{lock, KeptVariants};
use super::filters::and;
use super::Engine;

/// A request turned into a tantivy query, with what rendering needs.
pub(super) struct Prepared {
    /// The query with the request's filters: what scores.
    pub(super) query: Box<dyn Query>,
    /// The same matches by the body terms alone, with the filters: what
    /// collects and counts.
    pub(super) matching: Box<dyn Query>,
    /// Spent when a phrase had to stop matching for lack of time.
    pub(super) budget: Option<Arc<Budget>>,
    pub(super) compiled: Compiled,
    /// What the re-ranking of the first hits added to each, by address.
    pub(super) bonuses: HashMap<DocAddress, Bonuses>,
}

/// The body's vocabulary, with the derived forms of the terms searched
/// lately kept.
struct BodyVocabulary<'a> {
    field: FieldVocabulary,
    kept: &'a KeptVariants,
}

impl Vocabulary for BodyVocabulary<'_> {
    fn doc_freq(&self, term: &str) -> u64 {
        self.field.doc_freq(term)
    }

    fn variants(&self, term: &str) -> Vec<(String, u64)> {
        if let Some(found) = lock(self.kept).get(term) {
            return found.to_vec();
        }
        let found = self.field.variants(term);
        lock(self.kept).insert(term.to_string(), found.clone(), 1);
        found
    }
}

impl From<Compiled> for Prepared {
    /// A compiled query with no filters and no time budget.
    fn from(compiled: Compiled) -> Prepared {
        Prepared {
            query: compiled.query.box_clone(),
            matching: compiled.matching.box_clone(),
            budget: None,
            compiled,
            bonuses: HashMap::new(),
        }
    }
}

impl Engine {
    pub(super) fn prepare(&self, req: &SearchRequest, searcher: &Searcher) -> Result<Prepared> {
        self.prepare_within(req, searcher, req.timeout)
    }

    /// Fails when the search behind `prepared` ran out of time: its counts
    /// and hits would be silently short.
    pub(super) fn within_budget(&self, req: &SearchRequest, prepared: &Prepared) -> Result<()> {
        match (&prepared.budget, req.timeout) {
            (Some(b), Some(limit)) if b.spent() => Err(Error::TooCostly {
                query: req.query.clone(),
                ms: limit.as_millis(),
            }),
            _ => Ok(()),
        }
    }

    pub(super) fn prepare_within(
        &self,
        req: &SearchRequest,
        searcher: &Searcher,
        timeout: Option<std::time::Duration>,
    ) -> Result<Prepared> {
        let budget = timeout.map(Budget::new);
        let node = query::parse(&req.query, req.operator)?;
        if req.exact && !self.index.stamp.exact_fields {
            return Err(Error::NoExactCopies {
                path: self.index.path.clone(),
            });
        }
        let vocabulary = BodyVocabulary {
            field: FieldVocabulary::new(searcher, self.index.fields.body)?,
            kept: &self.caches.variants,
        };
        let compiled = Compiler::new(
            &self.index.fields,
            &self.gazetteer,
            self.index.stamp.stages(),
            req.exact,
            &req.query,
        )
        .with_surface_bonus(self.index.stamp.exact_fields)
        .with_vocabulary(&vocabulary)
        .with_budget(budget.clone())
        .compile(&node)?;
        let filters = self.filters(req);
        let with_filters = |q: &dyn Query| {
            if filters.is_empty() {
                return q.box_clone();
            }
            let mut clauses = vec![(Occur::Must, q.box_clone())];
            clauses.extend(filters.iter().map(|(o, f)| (*o, f.box_clone())));
            and(clauses)
        };
        Ok(Prepared {
            query: with_filters(&*compiled.query),
            matching: with_filters(&*compiled.matching),
            budget,
            compiled,
            bonuses: HashMap::new(),
        })
    }

    /// Facet paths of the entities `text` names by a name of their own
    /// (a family name alone, which several people share, is not one).
    pub(super) fn entities_named(&self, text: &str) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        if text.is_empty() {
            return found;
        }
        let matcher = self.matcher.get_or_init(|| Matcher::new(&self.gazetteer));
        for mention in matcher.clone().find(text) {
            let facet = self.gazetteer.entities[mention.entity].facet();
            if !mention.weak && !found.contains(&facet) {
                found.push(facet);
            }
        }
        found
    }

    /// Re-ranks the first hits of a relevance ranking (see
    /// [`rescore`](super::rescore)), keeping what each got for `--explain`.
    pub(super) fn rescore(
        &self,
        req: &SearchRequest,
        searcher: &Searcher,
        prepared: &mut Prepared,
        ranked: &mut [(f32, DocAddress)],
    ) -> Result<()> {
        let f = &self.index.fields;
        // `--exact` ranks by the unstemmed copy, where its terms are.
        let field = if req.exact { f.body_exact } else { f.body };
        // Only a ranking that re-ranks looks for entities: exports, counts
        // and timelines never build the matcher.
        let text = &prepared.compiled.rescore.text;
        prepared.compiled.rescore.entities = self.entities_named(text);
        let plan = &prepared.compiled.rescore;
        prepared.bonuses = Rescorer::new(searcher, field, plan)
            .with_entities(f.entity)
            .rescore(ranked)?;
        Ok(())
    }
}
