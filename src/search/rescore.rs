//! Re-ranking of the first hits, as Elasticsearch's rescore does: BM25
//! picks the best [`WINDOW`] articles, then each gets bonuses BM25 cannot
//! see, and the window is sorted again. Hits after the window keep their
//! BM25 order below it (a bonus is never negative, so nothing in the window
//! falls under a hit outside it).
//!
//! - **Proximity**: query words that stand next to each other in the query
//!   and near each other in the article (`ولد ... مدينة`) mean the article
//!   talks about them together. Per pair, the rarer word's idf times a
//!   saturating count of the places they meet.
//! - **Lead**: a query word among the article's first [`LEAD`] positions
//!   (headline and first sentence) counts its idf again, weighed down:
//!   news says what it is about first, and an article that only mentions
//!   a word further down is less often the one asked for.
//! - **Entities**: an article tagged with an entity the query names speaks
//!   of it under whichever of its names (`واشنطن` typed, `الولايات
//!   المتحدة` written); the entity's idf counts, weighed down.
//! - **Derived forms**: an article using `انتخب` (elected) speaks of what
//!   a query for `الانتخابات` (stem `انتخاب`) asks, though the light
//!   stemmer keeps them apart; their BM25, weighed down, counts a little.
//!
//! On ARCD, proximity alone takes MRR@10 from 0.844 to 0.852, derived forms
//! alone to 0.850, both (with misspelt words searched as their neighbours)
//! to 0.864; see docs/analysis.md. They read only the window's postings, so
//! their cost does not grow with the archive: +0.2 ms at the median on
//! 200,000 articles (BENCHMARKS.md).

use std::collections::HashMap;

use tantivy::postings::Postings;
use tantivy::query::{Bm25StatisticsProvider, Bm25Weight};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DocAddress, DocId, DocSet, Searcher, Term};

use super::compile::RescorePlan;
use super::hit::TermMatch;

/// How many of the first hits are re-ranked: on antnews (headline →
/// article) MRR@10 is 0.7131 with 10, 0.7161 with 20, 0.7167 with 30 and
/// 0.7169 with 50 (ARCD 0.861 from 20 on). A deeper window costs every
/// search: the first stage must find that many best candidates. 30 ranks
/// as well as 50 to 0.0002 and answers short queries 10% sooner
/// (docs/analysis.md, BENCHMARKS.md).
pub const WINDOW: usize = 30;

/// Weight of the proximity bonus against the BM25 score.
pub const NEAR_BOOST: f32 = 0.5;

/// Two words meet when at most this many positions apart (stopwords keep
/// their positions, so `ولد في مدينة` is two apart).
pub const NEAR_DISTANCE: u32 = 3;

/// Weight of a derived form's BM25 against the query term's own.
pub const VARIANT_BOOST: f32 = 0.2;

/// Weight of the idf of an entity the query names, for an article tagged
/// with it. On antnews (headline → article) 0.4 takes MRR@10 from 0.7184
/// to 0.7193, 0.7 to 0.7205, 1.0 to 0.7211 and 1.5 to 0.7208; ARCD moves
/// from 0.8601 to 0.8602–0.8605 (docs/analysis.md).
pub const ENTITY_BOOST: f32 = 1.0;

/// The lead: the first positions of the text (the headline, then the
/// first sentence or two), where news states what an article is about.
pub const LEAD: u32 = 40;

/// Weight of a query word's idf when the word is in the lead. On antnews
/// (headline → article) 0.4 takes MRR@10 from 0.686 to 0.718; more helps
/// news further (0.6: 0.723) and costs ARCD, whose Wikipedia paragraphs
/// have no lead (0.865 → 0.862 at 0.4, 0.856 at 0.6); docs/analysis.md.
pub const LEAD_BOOST: f32 = 0.4;

/// Saturation of the count of meetings: one meeting gives half of what
/// many give.
const NEAR_K: f32 = 1.0;

/// The bonuses of one article, each as an explanation line.
pub type Bonuses = Vec<TermMatch>;

/// Computes bonuses on `field` (the body, or its exact copy).
pub struct Rescorer<'a> {
    searcher: &'a Searcher,
    field: Field,
    /// For `--explain`.
    field_name: String,
    plan: &'a RescorePlan,
    /// The entity facet field, when the re-ranking looks at entities.
    entity: Option<Field>,
}

impl<'a> Rescorer<'a> {
    pub fn new(searcher: &'a Searcher, field: Field, plan: &'a RescorePlan) -> Rescorer<'a> {
        let field_name = searcher.schema().get_field_name(field).to_string();
        Rescorer {
            searcher,
            field,
            field_name,
            plan,
            entity: None,
        }
    }

    /// Gives the articles tagged with an entity the query names a bonus.
    pub fn with_entities(mut self, field: Field) -> Rescorer<'a> {
        self.entity = Some(field);
        self
    }

    fn pairs(&self) -> Vec<(&str, &str)> {
        self.plan
            .sequence
            .windows(2)
            .filter(|w| w[0] != w[1])
            .map(|w| (w[0].as_str(), w[1].as_str()))
            .collect()
    }

    /// Nothing to add: the window keeps its order.
    pub fn is_idle(&self) -> bool {
        self.pairs().is_empty()
            && self.plan.variants.is_empty()
            && (self.entity.is_none() || self.plan.entities.is_empty())
    }

    /// Re-ranks the first [`WINDOW`] of `hits` (best first); returns the
    /// bonuses each article got, for `--explain`.
    pub fn rescore(
        &self,
        hits: &mut [(f32, DocAddress)],
    ) -> tantivy::Result<HashMap<DocAddress, Bonuses>> {
        if self.is_idle() {
            return Ok(HashMap::new());
        }
        let end = hits.len().min(WINDOW);
        let window = &mut hits[..end];
        let addrs: Vec<DocAddress> = window.iter().map(|(_, a)| *a).collect();
        let bonuses = self.bonuses(&addrs)?;
        for ((score, _), b) in window.iter_mut().zip(&bonuses) {
            *score += b.iter().map(|m| m.score).sum::<f32>();
        }
        // Ties keep index order, as tantivy's own ranking does.
        window.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Ok(addrs
            .into_iter()
            .zip(bonuses)
            .filter(|(_, b)| !b.is_empty())
            .collect())
    }

    /// The bonuses of each of `addrs`, in their order.
    pub fn bonuses(&self, addrs: &[DocAddress]) -> tantivy::Result<Vec<Bonuses>> {
        let mut out: Vec<Bonuses> = vec![Vec::new(); addrs.len()];
        // Postings are read forward, so each segment's documents in order.
        let mut by_segment: HashMap<u32, Vec<(DocId, usize)>> = HashMap::new();
        for (i, a) in addrs.iter().enumerate() {
            by_segment
                .entry(a.segment_ord)
                .or_default()
                .push((a.doc_id, i));
        }
        let pairs = self.pairs();
        let stats = Stats::of(self.searcher, self.field)?;
        let idf = self.idfs(&stats);
        let entities = self.entity_terms(stats.docs)?;
        let variants: Vec<(Term, Bm25Weight, String)> = self
            .plan
            .variants
            .iter()
            .map(|v| {
                (
                    Term::from_field_text(self.field, &v.term),
                    Bm25Weight::for_one_term_without_explain(v.doc_freq, stats.docs, stats.average),
                    format!("{} (from {})", v.term, v.of),
                )
            })
            .collect();
        for (ord, mut docs) in by_segment {
            docs.sort_unstable();
            let segment = self.searcher.segment_reader(ord);
            let positions = self.positions(segment, &docs)?;
            for (pos, &(_, i)) in docs.iter().enumerate() {
                let mut seen: Vec<&str> = Vec::new();
                for t in &self.plan.sequence {
                    let Some(p) = positions.get(t.as_str()) else {
                        continue;
                    };
                    if seen.contains(&t.as_str()) || p[pos].first().is_none_or(|&x| x >= LEAD) {
                        continue;
                    }
                    seen.push(t);
                    out[i].push(self.bonus(
                        format!("{t} in the lead"),
                        idf[t.as_str()],
                        LEAD_BOOST,
                    ));
                }
                for &(a, b) in &pairs {
                    let meetings = match (positions.get(a), positions.get(b)) {
                        (Some(pa), Some(pb)) => meetings(&pa[pos], &pb[pos]),
                        _ => 0,
                    };
                    if meetings > 0 {
                        let f = meetings as f32;
                        let raw = idf[a].min(idf[b]) * f * (NEAR_K + 1.0) / (f + NEAR_K);
                        out[i].push(self.bonus(format!("{a} ~ {b}"), raw, NEAR_BOOST));
                    }
                }
            }
            self.entity_bonuses(segment, &docs, &entities, &mut out)?;
            if variants.is_empty() {
                continue;
            }
            // BM25 of each derived form, as a term query would score it.
            let inverted = segment.inverted_index(self.field)?;
            let norms = segment.get_fieldnorms_reader(self.field)?;
            for (term, weight, label) in &variants {
                let Some(mut postings) =
                    inverted.read_postings(term, IndexRecordOption::WithFreqs)?
                else {
                    continue;
                };
                for &(doc, i) in &docs {
                    if postings.doc() <= doc && postings.seek(doc) == doc {
                        let raw = weight.score(norms.fieldnorm_id(doc), postings.term_freq());
                        out[i].push(self.bonus(label.clone(), raw, VARIANT_BOOST));
                    }
                }
            }
        }
        Ok(out)
    }

    /// The bonus of each of `docs` tagged with an entity the query names.
    fn entity_bonuses(
        &self,
        segment: &tantivy::SegmentReader,
        docs: &[(DocId, usize)],
        entities: &[(Term, f32, String)],
        out: &mut [Bonuses],
    ) -> tantivy::Result<()> {
        let Some(field) = self.entity else {
            return Ok(());
        };
        let inverted = segment.inverted_index(field)?;
        for (term, idf, label) in entities {
            let Some(mut postings) = inverted.read_postings(term, IndexRecordOption::Basic)? else {
                continue;
            };
            for &(doc, i) in docs {
                if postings.doc() <= doc && postings.seek(doc) == doc {
                    let mut bonus = self.bonus(label.clone(), *idf, ENTITY_BOOST);
                    bonus.field = "entity".into();
                    out[i].push(bonus);
                }
            }
        }
        Ok(())
    }

    /// The facet term of each entity the query names, its idf and its
    /// explanation label.
    fn entity_terms(&self, docs: u64) -> tantivy::Result<Vec<(Term, f32, String)>> {
        let Some(field) = self.entity else {
            return Ok(Vec::new());
        };
        let n = docs as f32;
        self.plan
            .entities
            .iter()
            .map(|path| {
                let term = Term::from_facet(field, &Facet::from(path.as_str()));
                let df = self.searcher.doc_freq(&term)? as f32;
                let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                Ok((term, idf, path.clone()))
            })
            .collect()
    }

    /// One bonus as an explanation line.
    fn bonus(&self, terms: String, raw: f32, boost: f32) -> TermMatch {
        TermMatch {
            field: self.field_name.clone(),
            terms,
            bm25: raw,
            boost,
            score: raw * boost,
        }
    }

    /// BM25's idf of each sequence term, over the whole index.
    fn idfs(&self, stats: &Stats) -> HashMap<&str, f32> {
        let n = stats.docs as f32;
        self.plan
            .sequence
            .iter()
            .map(|t| {
                let df = self
                    .searcher
                    .doc_freq(&Term::from_field_text(self.field, t))
                    .unwrap_or(0) as f32;
                (t.as_str(), (1.0 + (n - df + 0.5) / (df + 0.5)).ln())
            })
            .collect()
    }

    /// For each sequence term, its positions in each of `docs` (empty where
    /// it does not occur).
    fn positions(
        &self,
        segment: &tantivy::SegmentReader,
        docs: &[(DocId, usize)],
    ) -> tantivy::Result<HashMap<&str, Vec<Vec<u32>>>> {
        let inverted = segment.inverted_index(self.field)?;
        let mut out = HashMap::new();
        for t in &self.plan.sequence {
            if out.contains_key(t.as_str()) {
                continue;
            }
            let term = Term::from_field_text(self.field, t);
            let Some(mut postings) =
                inverted.read_postings(&term, IndexRecordOption::WithFreqsAndPositions)?
            else {
                continue;
            };
            let mut per_doc = vec![Vec::new(); docs.len()];
            for (slot, &(doc, _)) in per_doc.iter_mut().zip(docs) {
                if postings.doc() <= doc && postings.seek(doc) == doc {
                    postings.positions(slot);
                }
            }
            out.insert(t.as_str(), per_doc);
        }
        Ok(out)
    }
}

/// The collection figures BM25 takes, as tantivy's term queries get them.
struct Stats {
    docs: u64,
    average: f32,
}

impl Stats {
    fn of(searcher: &Searcher, field: Field) -> tantivy::Result<Stats> {
        let docs = searcher.total_num_docs()?;
        let tokens = searcher.total_num_tokens(field)?;
        Ok(Stats {
            docs,
            average: tokens as f32 / docs.max(1) as f32,
        })
    }
}

/// How many positions of `a` have a position of `b` at most
/// [`NEAR_DISTANCE`] away (both sorted; two terms never share a position).
fn meetings(a: &[u32], b: &[u32]) -> usize {
    let mut j = 0;
    a.iter()
        .filter(|&&p| {
            // The first position of `b` not too far before `p`.
            while j < b.len() && b[j] + NEAR_DISTANCE < p {
                j += 1;
            }
            j < b.len() && b[j] <= p + NEAR_DISTANCE
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_count_positions_of_the_first_word_near_the_second() {
        assert_eq!(meetings(&[0], &[2]), 1);
        assert_eq!(meetings(&[5], &[2]), 1, "before counts too");
        assert_eq!(meetings(&[0], &[4]), 0, "four apart is too far");
        assert_eq!(meetings(&[0, 10, 20], &[1, 22]), 2);
        assert_eq!(meetings(&[], &[1]), 0);
        assert_eq!(meetings(&[3], &[]), 0);
    }
}
