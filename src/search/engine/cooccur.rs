//! Who appears with whom among a query's matches.

use tantivy::collector::Count;
use tantivy::schema::Facet;
use tantivy::Searcher;

use crate::error::Result;
use crate::search::cooccur::{
    pairs, CooccurEntity, CooccurRequest, CooccurResponse, PairCollector,
};
use crate::search::facets::{self, FacetCounts};
use crate::search::hit::warnings;

use super::prepare::Prepared;
use super::Engine;

impl Engine {
    /// The `top` most frequent entities of the matches (of one type or of
    /// all) and the matches naming each pair of them.
    pub fn cooccur(&self, req: &CooccurRequest) -> Result<CooccurResponse> {
        let searcher = self.reader.searcher();
        let kind = req.kind.as_deref();
        facets::check_kind(&self.gazetteer, kind)?;
        let prepared = self.prepare(&req.search, &searcher)?;
        let (articles, counts) = searcher.search(
            &*prepared.matching,
            &(Count, facets::collector(&self.gazetteer, kind)),
        )?;
        self.within_budget(&req.search, &prepared)?;
        // The overall top N is among the top N of each type.
        let summary = facets::summarize(&counts, articles, &self.gazetteer, kind, req.top);
        self.pairs_among(req, &searcher, &prepared, &summary)
    }

    /// Who appears with whom when the entity counts of the same search are
    /// known (a page that shows both): only the pass that counts pairs.
    /// `counts` must list at least `req.top` entities per type.
    pub fn cooccur_among(
        &self,
        req: &CooccurRequest,
        counts: &FacetCounts,
    ) -> Result<CooccurResponse> {
        let searcher = self.reader.searcher();
        facets::check_kind(&self.gazetteer, req.kind.as_deref())?;
        let prepared = self.prepare(&req.search, &searcher)?;
        self.pairs_among(req, &searcher, &prepared, counts)
    }

    fn pairs_among(
        &self,
        req: &CooccurRequest,
        searcher: &Searcher,
        prepared: &Prepared,
        summary: &FacetCounts,
    ) -> Result<CooccurResponse> {
        let mut entities: Vec<CooccurEntity> = summary
            .types
            .iter()
            .filter(|t| req.kind.as_ref().is_none_or(|k| k == &t.kind))
            .flat_map(|t| {
                t.top.iter().map(|e| CooccurEntity {
                    id: e.id.clone(),
                    kind: t.kind.clone(),
                    ar: e.ar.clone(),
                    en: e.en.clone(),
                    count: e.count,
                })
            })
            .collect();
        entities.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.id.cmp(&b.id)));
        entities.truncate(req.top);
        let facets: Vec<Facet> = entities
            .iter()
            .map(|e| Facet::from_path([e.kind.as_str(), e.id.as_str()]))
            .collect();
        let n = facets.len();
        let table = if n > 1 {
            searcher.search(&*prepared.matching, &PairCollector { facets })?
        } else {
            vec![0; n * n]
        };
        self.within_budget(&req.search, prepared)?;
        Ok(CooccurResponse {
            articles: summary.articles,
            pairs: pairs(&table, n),
            entities,
            warnings: warnings(&prepared.compiled.words),
        })
    }
}
