//! The web app that `fahras serve` answers at `/`: right-to-left HTML
//! pages made on the server from the same library requests as the API
//! ([`search_page`], [`article_page`]), every state in the URL ([`view`]),
//! article text escaped and isolated ([`text`]), charts drawn by plotters
//! ([`chart`]), and a stylesheet and script compiled in ([`assets`]).
//! Pages work without JavaScript; the script only makes chart bars
//! clickable.

mod article_page;
mod assets;
mod chart;
mod cooccur;
mod layout;
mod results;
mod search_page;
mod sidebar;
mod text;
mod timing;
mod view;

use std::sync::Arc;
use std::time::Instant;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::Markup;

use super::error::ApiError;
use super::params::Params;
use super::state::AppState;
use timing::Timing;
use view::View;

/// Only this server's own script, styles and requests; no frames, no
/// plugins, no inline script or style (article text cannot run code even
/// if escaping failed).
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(search))
        .route("/article/{id}", get(article))
        .route("/assets/{name}", get(assets::serve))
        .layer(axum::middleware::from_fn(security_headers))
}

async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

/// The view of a page's query string; a bad one is shown on the page.
fn read_view(raw: Option<&str>) -> Result<View, ApiError> {
    View::read(&Params::from_query(raw.unwrap_or(""))?)
}

/// Runs `render` on the pool and answers its page, or the error on a page
/// of its own with the API's status for it.
async fn on_pool<F>(st: Arc<AppState>, view: View, render: F) -> Response
where
    F: FnOnce(&AppState, &View, &Timing) -> Result<Markup, ApiError> + Send + 'static,
{
    let started = Instant::now();
    let pool = st.pool.clone();
    let shown = view.clone();
    let answer = pool
        .run(move || {
            let timing = Timing::default();
            let page = render(&st, &view, &timing)?.into_string();
            Ok((page, timing))
        })
        .await;
    let (mut res, timing) = match answer {
        Ok((page, timing)) => (Html(page).into_response(), timing),
        Err(e) => (error(e, &shown), Timing::default()),
    };
    // The server's time, whole and by part, for a browser's developer
    // tools and benchmarks.
    let timing = timing.header(started.elapsed());
    if let Ok(v) = HeaderValue::from_str(&timing) {
        res.headers_mut().insert("server-timing", v);
    }
    res
}

fn error(e: ApiError, view: &View) -> Response {
    let mut res = (
        e.status,
        Html(layout::error_page(view, &e.message).into_string()),
    )
        .into_response();
    if let Some(secs) = e.retry_after {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    res
}

async fn search(State(st): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Response {
    match read_view(raw.as_deref()) {
        Ok(view) => on_pool(st, view, search_page::render).await,
        Err(e) => error(e, &View::default()),
    }
}

async fn article(
    State(st): State<Arc<AppState>>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Response {
    let Ok(Path(id)) = id else {
        return error(
            ApiError::bad_request("the article id in the path is not UTF-8"),
            &View::default(),
        );
    };
    let view = match Params::from_query(raw.as_deref().unwrap_or("")).and_then(|p| {
        p.only(&["q"])?;
        View::read(&p)
    }) {
        Ok(v) => v,
        Err(e) => return error(e, &View::default()),
    };
    on_pool(st, view, move |st, view, _| {
        article_page::render(st, &id, view)
    })
    .await
}

/// A page for a path that is none, in the app's own look.
pub async fn not_found() -> Response {
    let e = ApiError::new(StatusCode::NOT_FOUND, "not_found", "لا صفحة بهذا العنوان.");
    let mut res = error(e, &View::default());
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    res
}
