//! The endpoints: each reads its parameters, runs the library's request
//! on the pool and answers its JSON document. Serialization happens on
//! the worker too, so a large page never holds up the async threads.

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::analysis::{analyze, analyzer, views, Stages};
use crate::output::fields::HitField;
use crate::output::hits::Picked;
use crate::search::{FacetCounts, Hit, SearchResponse, ShowRequest, SimilarRequest};

use super::error::ApiError;
use super::input::Input;
use super::requests::{self, known};
use super::state::AppState;

type Shared = State<Arc<AppState>>;

/// A JSON response made on a worker.
pub struct Json(Vec<u8>);

impl IntoResponse for Json {
    fn into_response(self) -> Response {
        let mut res = self.0.into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        res
    }
}

fn json<T: Serialize>(value: &T) -> Result<Json, ApiError> {
    serde_json::to_vec(value)
        .map(Json)
        .map_err(|e| ApiError::internal(format!("cannot write the response: {e}")))
}

/// Runs `work` with the engine of the newest commit on the pool.
async fn on_pool<F>(st: Arc<AppState>, work: F) -> Result<Json, ApiError>
where
    F: FnOnce(&AppState, &crate::search::Engine) -> Result<Json, ApiError> + Send + 'static,
{
    let pool = st.pool.clone();
    pool.run(move || {
        let engine = st.engines.current();
        work(&st, &engine)
    })
    .await
}

/// The search document: what `fahras search --format json` writes, with
/// the time taken and the warnings.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct SearchDoc<'a> {
    query: &'a str,
    /// Every matching article, not just those on the page.
    total: usize,
    /// With `fields`, each hit has only those fields.
    #[schema(value_type = Vec<Hit>)]
    hits: Hits<'a>,
    /// Entity counts over every match, with `facets`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<FacetCounts>)]
    facets: Option<&'a FacetCounts>,
    /// Time in the engine, in milliseconds.
    took_ms: f64,
    /// What was searched that the user did not type.
    #[schema(value_type = Vec<String>)]
    warnings: &'a [String],
}

struct Hits<'a> {
    hits: &'a [Hit],
    fields: Option<&'a [HitField]>,
}

impl Serialize for Hits<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.hits.len()))?;
        for hit in self.hits {
            match self.fields {
                Some(fields) => seq.serialize_element(&Picked { hit, fields })?,
                None => seq.serialize_element(hit)?,
            }
        }
        seq.end()
    }
}

fn search_doc(r: &SearchResponse, fields: Option<&[HitField]>) -> Result<Json, ApiError> {
    json(&SearchDoc {
        query: &r.query,
        total: r.total,
        hits: Hits {
            hits: &r.hits,
            fields,
        },
        facets: r.facets.as_ref(),
        took_ms: r.took_ms,
        warnings: &r.warnings,
    })
}

pub async fn search(State(st): Shared, Input(p): Input) -> Result<Json, ApiError> {
    p.only(&known(&[
        "q",
        "limit",
        "offset",
        "sort",
        "any",
        "exact",
        "facets",
        "fields",
        "explain",
        "snippet_chars",
    ]))?;
    on_pool(st, move |st, engine| {
        let (req, fields) = requests::search(&p, st, engine.gazetteer())?;
        search_doc(&engine.search(&req)?, fields.as_deref())
    })
    .await
}

pub async fn article(
    State(st): Shared,
    id: Result<Path<String>, PathRejection>,
    Input(p): Input,
) -> Result<Json, ApiError> {
    let id = article_id(id)?;
    p.only(&["path"])?;
    on_pool(st, move |_, engine| {
        json(&engine.article(&ShowRequest {
            id,
            path: p.one("path")?.map(str::to_string),
        })?)
    })
    .await
}

pub async fn similar(
    State(st): Shared,
    id: Result<Path<String>, PathRejection>,
    Input(p): Input,
) -> Result<Json, ApiError> {
    let id = article_id(id)?;
    p.only(&known(&["limit", "offset", "fields"]))?;
    on_pool(st, move |st, engine| {
        let req = requests::paged(&p, st, requests::filters(&p, st, engine.gazetteer())?)?;
        let fields = requests::fields(&p)?;
        search_doc(
            &engine.similar(&SimilarRequest { id, search: req })?,
            fields.as_deref(),
        )
    })
    .await
}

pub async fn facets(State(st): Shared, Input(p): Input) -> Result<Json, ApiError> {
    p.only(&known(&["q", "type", "top", "any", "exact"]))?;
    on_pool(st, move |st, engine| {
        json(&engine.facets(&requests::facets(&p, st, engine.gazetteer())?)?)
    })
    .await
}

pub async fn cooccur(State(st): Shared, Input(p): Input) -> Result<Json, ApiError> {
    p.only(&known(&["q", "type", "top", "any", "exact"]))?;
    on_pool(st, move |st, engine| {
        json(&engine.cooccur(&requests::cooccur(&p, st, engine.gazetteer())?)?)
    })
    .await
}

/// The formats of `/api/timeline`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum TableFormat {
    Json,
    Csv,
}

pub async fn timeline(State(st): Shared, Input(p): Input) -> Result<Response, ApiError> {
    p.only(&known(&[
        "q",
        "interval",
        "normalize",
        "any",
        "exact",
        "format",
    ]))?;
    let format = p
        .choice::<TableFormat>("format")?
        .unwrap_or(TableFormat::Json);
    let body = on_pool(st, move |st, engine| {
        let t = engine.timeline(&requests::timeline(&p, st, engine.gazetteer())?)?;
        match format {
            TableFormat::Json => json(&t),
            TableFormat::Csv => {
                let mut out = Vec::new();
                crate::output::timeline::csv(&mut out, &t)
                    .map_err(|e| ApiError::internal(format!("cannot write the CSV: {e}")))?;
                Ok(Json(out))
            }
        }
    })
    .await?;
    let mut res = body.into_response();
    if format == TableFormat::Csv {
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/csv; charset=utf-8"),
        );
        h.insert(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment; filename=\"fahras-timeline.csv\""),
        );
    }
    Ok(res)
}

pub async fn analyze_text(State(st): Shared, Input(p): Input) -> Result<Json, ApiError> {
    p.only(&["text", "no_stem", "no_stopwords"])?;
    let text = p
        .one("text")?
        .ok_or_else(|| ApiError::bad_request("text: give the text to analyze"))?
        .to_string();
    let stages = Stages {
        stem: !p.flag("no_stem")?,
        stopwords: !p.flag("no_stopwords")?,
    };
    on_pool(st, move |_, _| {
        let tokens = analyze(&mut analyzer(stages), &text);
        json(&views(&text, &tokens))
    })
    .await
}

pub async fn stats(State(st): Shared, Input(p): Input) -> Result<Json, ApiError> {
    p.only(&[])?;
    on_pool(st, |_, engine| json(&engine.stats()?)).await
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct Health {
    status: &'static str,
    articles: u64,
}

pub async fn health(State(st): Shared, Input(p): Input) -> Result<Json, ApiError> {
    p.only(&[])?;
    on_pool(st, |_, engine| {
        json(&Health {
            status: "ok",
            articles: engine.articles(),
        })
    })
    .await
}

pub async fn openapi() -> Response {
    let mut res = super::openapi::document().into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

/// The `{id}` of a path, or a JSON 400 for one that is not UTF-8 once
/// decoded (axum's own answer would be plain text).
fn article_id(id: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    id.map(|Path(id)| id)
        .map_err(|e| ApiError::bad_request(format!("the article id in the path: {e}")))
}

/// JSON under `/api/`, the web app's page of its own elsewhere.
pub async fn no_route(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") || uri.path() == "/api" {
        ApiError::not_found("no such endpoint: see /api/openapi.json for the API").into_response()
    } else {
        super::web::not_found().await
    }
}

pub async fn no_method() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this endpoint does not take that method: the API is read-only (GET, and POST with parameters as JSON)",
    )
}
