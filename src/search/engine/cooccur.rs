//! Who appears with whom among a query's matches.

use tantivy::collector::Count;
use tantivy::schema::Facet;

use crate::error::Result;
use crate::search::cooccur::{
    pairs, CooccurEntity, CooccurRequest, CooccurResponse, PairCollector,
};
use crate::search::facets;
use crate::search::hit::warnings;

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
            &*prepared.query,
            &(Count, facets::collector(&self.gazetteer, kind)),
        )?;
        self.within_budget(&req.search, &prepared)?;
        // The overall top N is among the top N of each type.
        let summary = facets::summarize(&counts, articles, &self.gazetteer, kind, req.top);
        let mut entities: Vec<CooccurEntity> = summary
            .types
            .into_iter()
            .flat_map(|t| {
                let kind = t.kind;
                t.top.into_iter().map(move |e| CooccurEntity {
                    id: e.id,
                    kind: kind.clone(),
                    ar: e.ar,
                    en: e.en,
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
            searcher.search(&*prepared.query, &PairCollector { facets })?
        } else {
            vec![0; n * n]
        };
        self.within_budget(&req.search, &prepared)?;
        Ok(CooccurResponse {
            articles,
            pairs: pairs(&table, n),
            entities,
            warnings: warnings(&prepared.compiled.words),
        })
    }
}
