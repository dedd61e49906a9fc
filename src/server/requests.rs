//! Parameters turned into the library's requests, with the same checks
//! and defaults as the command line's flags, plus the server's own bounds
//! (the deepest page; `/api/export` streams the rest).

use crate::config::Operator;
use crate::entities::Gazetteer;
use crate::output::fields::HitField;
use crate::search::request::clamp_snippet_chars;
use crate::search::{
    named, CooccurRequest, FacetsRequest, Interval, SearchRequest, Sort, TimelineRequest,
};

use super::error::ApiError;
use super::params::Params;
use super::state::AppState;

/// Parameters every search-like endpoint takes.
pub const FILTERS: [&str; 5] = ["since", "until", "source", "entity", "include_undated"];

/// `FILTERS` and `extra`, for [`Params::only`].
pub fn known<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    extra.iter().copied().chain(FILTERS).collect()
}

/// The query, filters and matching switches; paging and snippets at the
/// server's defaults.
pub fn filters(
    p: &Params,
    st: &AppState,
    gazetteer: &Gazetteer,
) -> Result<SearchRequest, ApiError> {
    let entity = p.all("entity");
    let day = |name: &str, end: bool| -> Result<_, ApiError> {
        p.one(name)?
            .filter(|v| !v.trim().is_empty())
            .map(|v| named::day(v, name, end))
            .transpose()
            .map_err(|e| ApiError::bad_request(e.to_string()))
    };
    let query = match p.one("q")? {
        Some(q) if !q.trim().is_empty() => q.to_string(),
        _ => "*".to_string(),
    };
    Ok(SearchRequest {
        query,
        operator: if p.flag("any")? {
            Operator::Or
        } else {
            st.defaults.operator
        },
        exact: p.flag("exact")?,
        sources: p.all("source"),
        since: day("since", false)?,
        until: day("until", true)?,
        include_undated: p.flag("include_undated")?,
        entities: named::entity_facets(gazetteer, &entity, "entity")
            .map_err(|e| ApiError::bad_request(e.to_string()))?,
        ..st.defaults.clone()
    })
}

/// A page: `limit` and `offset` within the server's bounds.
pub fn paged(p: &Params, st: &AppState, mut req: SearchRequest) -> Result<SearchRequest, ApiError> {
    req.limit = p.number("limit")?.unwrap_or(st.defaults.limit);
    req.offset = p.number("offset")?.unwrap_or(0);
    let l = &st.limits;
    if req.limit > l.max_limit {
        return Err(ApiError::bad_request(format!(
            "limit: at most {} hits a page; /api/export streams every hit",
            l.max_limit
        )));
    }
    if req.offset.saturating_add(req.limit) > l.max_window {
        return Err(ApiError::bad_request(format!(
            "offset + limit: at most {}; narrow the query, or use /api/export for every hit",
            l.max_window
        )));
    }
    Ok(req)
}

/// `/api/search`: a page of hits, and the fields to show of each.
pub fn search(
    p: &Params,
    st: &AppState,
    gazetteer: &Gazetteer,
) -> Result<(SearchRequest, Option<Vec<HitField>>), ApiError> {
    let mut req = paged(p, st, filters(p, st, gazetteer)?)?;
    req.sort = p.choice::<Sort>("sort")?;
    req.explain = p.flag("explain")?;
    req.facets = p.number("facets")?;
    if let Some(n) = p.number::<usize>("snippet_chars")? {
        req.snippet_chars = clamp_snippet_chars(n);
    }
    let fields = fields(p)?;
    if let Some(shown) = &fields {
        HitField::load_only(shown, &mut req);
    }
    req.validate()
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    Ok((req, fields))
}

/// `fields`: names, comma-separated or repeated.
pub fn fields(p: &Params) -> Result<Option<Vec<HitField>>, ApiError> {
    let given = p.all("fields");
    if given.is_empty() {
        return Ok(None);
    }
    given
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(|f| {
            <HitField as clap::ValueEnum>::from_str(f, false).map_err(|_| {
                let names: Vec<&str> = HitField::ALL.iter().map(|f| f.key()).collect();
                ApiError::bad_request(format!(
                    "fields: unknown field {f:?}; the fields are: {}",
                    names.join(", ")
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

pub fn facets(p: &Params, st: &AppState, gazetteer: &Gazetteer) -> Result<FacetsRequest, ApiError> {
    let req = FacetsRequest {
        search: filters(p, st, gazetteer)?,
        kind: p.one("type")?.map(str::to_string),
        top: p.number("top")?.unwrap_or(10),
    };
    req.validate()
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    Ok(req)
}

pub fn cooccur(
    p: &Params,
    st: &AppState,
    gazetteer: &Gazetteer,
) -> Result<CooccurRequest, ApiError> {
    let req = CooccurRequest {
        search: filters(p, st, gazetteer)?,
        kind: p.one("type")?.map(str::to_string),
        top: p.number("top")?.unwrap_or(20),
    };
    req.validate()
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    Ok(req)
}

/// The most queries one timeline compares.
pub const MAX_SERIES: usize = 10;

pub fn timeline(
    p: &Params,
    st: &AppState,
    gazetteer: &Gazetteer,
) -> Result<TimelineRequest, ApiError> {
    let mut queries: Vec<String> = p
        .all("q")
        .into_iter()
        .filter(|q| !q.trim().is_empty())
        .collect();
    if queries.is_empty() {
        queries.push("*".into());
    }
    if queries.len() > MAX_SERIES {
        return Err(ApiError::bad_request(format!(
            "q: at most {MAX_SERIES} queries in one timeline"
        )));
    }
    // `filters` reads one `q`; the series' queries are set apart.
    let without_q = Params::from_pairs(
        p.pairs()
            .iter()
            .filter(|(k, _)| k != "q")
            .cloned()
            .collect(),
    );
    let req = TimelineRequest {
        queries,
        interval: p.choice::<Interval>("interval")?.unwrap_or_default(),
        normalize: p.flag("normalize")?,
        filters: filters(&without_q, st, gazetteer)?,
    };
    req.validate()
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    Ok(req)
}
