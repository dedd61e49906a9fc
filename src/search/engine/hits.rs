//! One hit from its stored article: fields, snippet, entities and, when
//! asked, the parts of its score.

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Searcher};

use crate::corpus::date::Precision;
use crate::entities::Entity;
use crate::error::Result;
use crate::index::schema::Fields;
use crate::index::stored::{Head, Stored, Whole};
use crate::search::hit::{Explanation, Hit, TermMatch};
use crate::search::{snippet, SearchRequest};

use super::columns::Columns;
use super::positions::TermPositions;
use super::prepare::Prepared;
use super::Engine;

pub(super) fn text<const W: bool>(doc: &Stored<W>, field: Field) -> Option<String> {
    doc.text(field).map(str::to_string)
}

/// The article's date as far as it is known: `2025-09-14`, `2025-09`, `2025`.
pub(super) fn date_of<const W: bool>(doc: &Stored<W>, f: &Fields) -> Option<String> {
    let dt = doc.date(f.date)?;
    let ts = jiff::Timestamp::from_second(dt.into_timestamp_secs()).ok()?;
    let precision = Precision::from_code(doc.u64(f.date_precision).unwrap_or(0));
    Some(precision.show(ts.to_zoned(jiff::tz::TimeZone::UTC).date()))
}

/// What every hit of one search shares: the searcher it came from, the
/// prepared query (highlights, leaves to explain, re-ranking bonuses) and
/// the request (snippets or not, their length, explain or not).
pub(super) struct HitContext<'a> {
    pub(super) searcher: &'a Searcher,
    pub(super) prepared: &'a Prepared,
    pub(super) req: &'a SearchRequest,
    /// Open when hits are made from columns alone (no snippet, nothing
    /// stored asked for).
    columns: Option<Columns>,
    /// Where the hits hold the query's terms, when read for their snippets.
    positions: Option<TermPositions>,
}

impl<'a> HitContext<'a> {
    pub(super) fn new(
        engine: &Engine,
        searcher: &'a Searcher,
        prepared: &'a Prepared,
        req: &'a SearchRequest,
    ) -> Result<HitContext<'a>> {
        let columns = (!req.snippets && !req.stored)
            .then(|| Columns::open(searcher, &engine.index.path))
            .transpose()?;
        Ok(HitContext {
            searcher,
            prepared,
            req,
            columns,
            positions: None,
        })
    }

    /// The hits of `batch` made from the columns in one pass per column and
    /// segment, when hits are made from columns and not explained.
    pub(super) fn column_hits(
        &self,
        batch: &[(DocAddress, Option<f32>)],
    ) -> Option<Result<Vec<Hit>>> {
        let columns = self.columns.as_ref().filter(|_| !self.req.explain)?;
        Some(columns.hits(batch, 0))
    }

    /// Reads where `addrs` hold the query's terms, so that their snippets
    /// need not analyze their text (a page's hits; an export makes its
    /// snippets, if any, by analyzing).
    pub(super) fn with_positions(
        mut self,
        engine: &Engine,
        addrs: &[DocAddress],
    ) -> Result<HitContext<'a>> {
        if self.req.snippets && !self.prepared.compiled.highlight.is_empty() {
            let f = &engine.index.fields;
            let field = if self.req.exact { f.body_exact } else { f.body };
            let terms = &self.prepared.compiled.highlight;
            self.positions = Some(TermPositions::read(self.searcher, field, terms, addrs)?);
        }
        Ok(self)
    }
}

impl Engine {
    fn explain(&self, ctx: &HitContext, addr: DocAddress, score: f32) -> Result<Explanation> {
        let mut matches = Vec::new();
        for leaf in &ctx.prepared.compiled.leaves {
            // An explanation is an error exactly when the leaf does not match.
            if let Ok(e) = leaf.query.explain(ctx.searcher, addr) {
                matches.push(TermMatch {
                    field: leaf.field.to_string(),
                    terms: leaf.terms.clone(),
                    bm25: e.value(),
                    boost: leaf.boost,
                    score: e.value() * leaf.boost,
                });
            }
        }
        if let Some(bonuses) = ctx.prepared.bonuses.get(&addr) {
            matches.extend(bonuses.iter().cloned());
        }
        Ok(Explanation { score, matches })
    }

    /// The hit for `addr`, reading the body only when a snippet needs it,
    /// and explained when asked.
    pub(super) fn load_hit(
        &self,
        ctx: &HitContext,
        addr: DocAddress,
        rank: usize,
        score: Option<f32>,
        analyzer: &mut TextAnalyzer,
    ) -> Result<Hit> {
        let mut hit = if let Some(columns) = &ctx.columns {
            columns.hit(addr, rank, score)?
        } else if ctx.req.snippets {
            let doc: Whole = ctx.searcher.doc(addr)?;
            self.hit(ctx, addr, &doc, rank, score, analyzer)
        } else {
            let doc: Head = ctx.searcher.doc(addr)?;
            self.hit(ctx, addr, &doc, rank, score, analyzer)
        };
        if ctx.req.explain {
            hit.explanation = Some(self.explain(ctx, addr, score.unwrap_or(0.0))?);
        }
        Ok(hit)
    }

    fn hit<const W: bool>(
        &self,
        ctx: &HitContext,
        addr: DocAddress,
        doc: &Stored<W>,
        rank: usize,
        score: Option<f32>,
        analyzer: &mut TextAnalyzer,
    ) -> Hit {
        let (f, req) = (&self.index.fields, ctx.req);
        let highlight = &ctx.prepared.compiled.highlight;
        let title = text(doc, f.title).unwrap_or_default();
        let entities: Vec<&Entity> = doc
            .facets(f.entity)
            .filter_map(|path| self.gazetteer.by_facet(path))
            .collect();
        let snip = if req.snippets {
            let body = text(doc, f.body_text).unwrap_or_default();
            let chars = req.snippet_chars;
            let in_body = match &ctx.positions {
                Some(p) => {
                    let at = p.in_text(addr, &title, analyzer);
                    if at.is_empty() {
                        None
                    } else {
                        // Analyzing is the fallback for a text that is not
                        // what was indexed.
                        snippet::best_at(analyzer, &body, &at, p.terms(), chars)
                            .or_else(|| snippet::best(analyzer, &body, highlight, chars))
                    }
                }
                None => snippet::best(analyzer, &body, highlight, chars),
            };
            in_body
                .or_else(|| snippet::best(analyzer, &title, highlight, chars))
                .unwrap_or_else(|| snippet::lead(&body, chars))
        } else {
            snippet::Snippet::default()
        };
        Hit {
            qid: None,
            rank,
            score,
            id: text(doc, f.id).unwrap_or_default(),
            title,
            date: date_of(doc, f),
            source: text(doc, f.source),
            translator: text(doc, f.translator),
            path: text(doc, f.path).unwrap_or_default(),
            url: text(doc, f.url),
            highlights: snip.highlights.iter().map(|r| [r.start, r.end]).collect(),
            snippet: snip.text,
            entities: entities.iter().map(|e| e.id.clone()).collect(),
            entity_names: entities.iter().map(|e| e.ar.clone()).collect(),
            explanation: None,
        }
    }
}
