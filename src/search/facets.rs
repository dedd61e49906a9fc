//! Entity facet counts over every article a query matches (not just the
//! page shown): per type, the most frequent entities, and how many were
//! left out.

use serde::{Deserialize, Serialize};
use tantivy::collector::{FacetCollector, FacetCounts as TantivyFacetCounts};

use super::{AnalyzedWord, RequestError, SearchRequest};
use crate::entities::Gazetteer;

/// The most entities of a type a facet count may list.
pub const MAX_TOP: usize = 1000;

/// Entity counts over the articles a search matches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FacetsRequest {
    /// The query and filters; paging and snippet fields are not used.
    pub search: SearchRequest,
    /// Only entities of this type (person, org, place, event, ...).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Entities listed per type, the most frequent first.
    pub top: usize,
}

impl Default for FacetsRequest {
    fn default() -> Self {
        FacetsRequest {
            search: SearchRequest::default(),
            kind: None,
            top: 10,
        }
    }
}

impl FacetsRequest {
    pub fn validate(&self) -> Result<(), RequestError> {
        if !(1..=MAX_TOP).contains(&self.top) {
            return Err(RequestError::Top { max: MAX_TOP });
        }
        self.search.validate()
    }
}

/// Refuses an entity type the gazetteer does not have.
pub fn check_kind(gazetteer: &Gazetteer, kind: Option<&str>) -> Result<(), RequestError> {
    match kind {
        Some(k) if !gazetteer.types.contains(k) => Err(RequestError::UnknownType {
            kind: k.to_string(),
            known: gazetteer
                .types
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
        }),
        _ => Ok(()),
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct FacetCounts {
    /// Articles the query matched.
    pub articles: usize,
    pub types: Vec<TypeCounts>,
    /// The sources with the most matches (none for a count of one type).
    #[serde(default)]
    pub sources: Vec<crate::search::sources::SourceCount>,
    /// What each query word became (for the note on a word in no article).
    #[serde(skip)]
    pub analyzed: Vec<AnalyzedWord>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct TypeCounts {
    #[serde(rename = "type")]
    pub kind: String,
    /// Distinct entities of this type in the matched articles.
    pub entities: usize,
    pub top: Vec<EntityCount>,
    /// Entities left out of `top`, and the article mentions they account for.
    pub others: usize,
    pub others_mentions: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct EntityCount {
    pub id: String,
    pub ar: String,
    pub en: String,
    /// Matched articles mentioning it.
    pub count: u64,
}

/// A collector for the entity facets of every type (or only `kind`).
pub fn collector(gazetteer: &Gazetteer, kind: Option<&str>) -> FacetCollector {
    let mut c = FacetCollector::for_field("entity");
    for t in &gazetteer.types {
        if kind.is_none_or(|k| k == t) {
            c.add_facet(format!("/{t}").as_str());
        }
    }
    c
}

/// Turns tantivy's counts into per-type tops of `top` entities.
pub fn summarize(
    counts: &TantivyFacetCounts,
    articles: usize,
    gazetteer: &Gazetteer,
    kind: Option<&str>,
    top: usize,
) -> FacetCounts {
    let mut types = Vec::new();
    for t in &gazetteer.types {
        if kind.is_some_and(|k| k != t) {
            continue;
        }
        let mut entities: Vec<(String, u64)> = counts
            .get(format!("/{t}").as_str())
            .map(|(f, n)| {
                (
                    f.to_path()
                        .last()
                        .map(|s| s.to_string())
                        .unwrap_or_default(),
                    n,
                )
            })
            .collect();
        entities.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let shown: Vec<EntityCount> = entities
            .iter()
            .take(top)
            .map(|(id, n)| {
                let e = gazetteer.get(id);
                EntityCount {
                    id: id.clone(),
                    ar: e.map(|e| e.ar.clone()).unwrap_or_default(),
                    en: e.map(|e| e.en.clone()).unwrap_or_default(),
                    count: *n,
                }
            })
            .collect();
        if entities.is_empty() && kind.is_none() {
            continue;
        }
        types.push(TypeCounts {
            kind: t.clone(),
            entities: entities.len(),
            others: entities.len().saturating_sub(shown.len()),
            others_mentions: entities.iter().skip(top).map(|(_, n)| n).sum(),
            top: shown,
        });
    }
    FacetCounts {
        articles,
        types,
        sources: Vec::new(),
        analyzed: Vec::new(),
    }
}
