//! One article by its id, and the articles most like it.

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue};
use tantivy::{DocAddress, Searcher, Term};

use crate::analysis::analyzer;
use crate::error::{Error, Result};
use crate::index::stored::{Head, Whole};
use crate::search::compile::Compiled;
use crate::search::hit::{Results, StoredArticle};
use crate::search::{SearchRequest, ShowRequest, SimilarRequest};

use super::filters::{and, filter};
use super::hits::{date_of, text, HitContext};
use super::page::page_bounds;
use super::prepare::Prepared;
use super::Engine;

impl Engine {
    /// The one article with this id (in the file at `path`, when given).
    /// Two files may give their articles the same id: then the id alone is
    /// ambiguous, and the error lists the files to choose from.
    fn address_of(&self, searcher: &Searcher, id: &str, path: Option<&str>) -> Result<DocAddress> {
        /// Candidates named in the error.
        const LISTED: usize = 20;
        let f = &self.index.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.id, id),
                IndexRecordOption::Basic,
            )),
        )];
        if let Some(p) = path {
            // The index keys files by canonical path.
            let p = std::fs::canonicalize(p)
                .map_or_else(|_| p.to_string(), |a| a.display().to_string());
            clauses.push(filter(Box::new(TermQuery::new(
                Term::from_field_text(f.path, &p),
                IndexRecordOption::Basic,
            ))));
        }
        let top = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(LISTED).order_by_score(),
        )?;
        match top.as_slice() {
            [] => Err(Error::NotFound { id: id.to_string() }),
            [(_, a)] => Ok(*a),
            many => {
                let mut paths = Vec::new();
                for (_, a) in many {
                    let doc: Head = searcher.doc(*a)?;
                    paths.push(text(&doc, f.path).unwrap_or_default());
                }
                paths.sort();
                Err(Error::Ambiguous {
                    id: id.to_string(),
                    paths,
                })
            }
        }
    }

    /// The stored article with this id; `path` picks one when several
    /// files use the same id.
    pub fn article(&self, req: &ShowRequest) -> Result<StoredArticle> {
        req.validate()?;
        let f = &self.index.fields;
        let searcher = self.reader.searcher();
        let addr = self.address_of(&searcher, &req.id, req.path.as_deref())?;
        let doc: Whole = searcher.doc(addr)?;
        let extras = text(&doc, f.extras)
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        let entities: Vec<&crate::entities::Entity> = doc
            .facets(f.entity)
            .filter_map(|path| self.gazetteer.by_facet(path))
            .collect();
        Ok(StoredArticle {
            id: text(&doc, f.id).unwrap_or_default(),
            title: text(&doc, f.title).unwrap_or_default(),
            date: date_of(&doc, f),
            source: text(&doc, f.source),
            translator: text(&doc, f.translator),
            author: text(&doc, f.author),
            url: text(&doc, f.url),
            lang: text(&doc, f.lang),
            dir: text(&doc, f.dir),
            path: text(&doc, f.path).unwrap_or_default(),
            body: text(&doc, f.body_text).unwrap_or_default(),
            entities: entities.iter().map(|e| e.id.clone()).collect(),
            entity_names: entities.iter().map(|e| e.ar.clone()).collect(),
            extras,
        })
    }

    /// Articles most like the one with this id (its title and body terms
    /// weighed by tf-idf), itself left out.
    pub fn similar(&self, similar: &SimilarRequest) -> Result<Results> {
        similar.validate()?;
        let (id, req) = (similar.id.as_str(), &similar.search);
        let started = std::time::Instant::now();
        let f = &self.index.fields;
        let searcher = self.reader.searcher();
        let (offset, limit) = page_bounds(&searcher, req);
        let addr = self.address_of(&searcher, id, None)?;
        let doc: Whole = searcher.doc(addr)?;
        let field_text = |field| vec![OwnedValue::Str(text(&doc, field).unwrap_or_default())];
        let mlt = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(1)
            .with_min_term_frequency(1)
            .with_max_query_terms(30)
            .with_min_word_length(2)
            .with_document_fields(vec![
                (f.title, field_text(f.title)),
                (f.body, field_text(f.body_text)),
            ]);
        let not_itself: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_text(f.id, id),
            IndexRecordOption::Basic,
        ));
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, Box::new(mlt)), (Occur::MustNot, not_itself)];
        clauses.extend(self.filters(req));
        let query = and(clauses);
        let (top, total) = searcher.search(
            &*query,
            &(
                TopDocs::with_limit(limit)
                    .and_offset(offset)
                    .order_by_score(),
                Count,
            ),
        )?;
        // Nothing to highlight or explain: the snippet is the article's lead.
        let prepared = Prepared::from(Compiled::everything());
        let req = &SearchRequest {
            explain: false,
            ..req.clone()
        };
        let ctx = HitContext::new(self, &searcher, &prepared, req)?;
        let mut snippet_analyzer = analyzer(self.stages(false));
        let mut hits = Vec::new();
        for (i, (score, a)) in top.into_iter().enumerate() {
            hits.push(self.load_hit(
                &ctx,
                a,
                offset + i + 1,
                Some(score),
                &mut snippet_analyzer,
            )?);
        }
        Ok(Results {
            query: format!("similar:{id}"),
            total,
            hits,
            facets: None,
            analyzed: Vec::new(),
            warnings: Vec::new(),
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
        })
    }
}
