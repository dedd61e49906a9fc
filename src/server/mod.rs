//! `fahras serve`: the library's requests over HTTP, as a read-only JSON
//! API. Parameters come in ([`input`], [`params`]) and become requests
//! ([`requests`]); each runs on the bounded [`pool`] against the newest
//! commit ([`state`]); the answer is the library's plain data as JSON
//! ([`routes`], [`export`]) or an [`error`] document. The same server
//! answers the [`web`] app's pages at `/`.

mod error;
mod export;
mod input;
mod middleware;
pub mod openapi;
mod params;
mod pool;
mod requests;
mod routes;
mod state;
mod web;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::Router;

use crate::entities::Gazetteer;
use crate::error::{Error, Result};
use crate::search::SearchRequest;

pub use state::Limits;

/// The largest request body: parameters, never documents.
const MAX_BODY: usize = 64 * 1024;
/// The longest a request may take before it is answered 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long in-flight requests get to finish after SIGTERM or Ctrl-C.
const DRAIN: Duration = Duration::from_secs(10);

pub struct ServeOptions {
    pub index_path: PathBuf,
    pub gazetteer: Arc<Gazetteer>,
    pub bind: String,
    /// Searches at once (at least 1).
    pub workers: usize,
    pub queue: usize,
    pub limits: Limits,
    /// A request's defaults: operator, limit, snippet length, time budget.
    pub defaults: SearchRequest,
    pub token: Option<String>,
    pub quiet: bool,
    /// What each engine keeps between searches.
    pub cache_bytes: usize,
}

/// The router over `state`, every endpoint of the API.
fn router(state: Arc<state::AppState>) -> Router {
    use routes::*;
    let api = Router::new()
        .route("/api/search", get(search).post(search))
        .route("/api/articles/{id}", get(article))
        .route("/api/similar/{id}", get(similar).post(similar))
        .route("/api/facets", get(facets).post(facets))
        .route("/api/cooccur", get(cooccur).post(cooccur))
        .route("/api/timeline", get(timeline).post(timeline))
        .route("/api/export", get(export::export).post(export::export))
        .route("/api/analyze", get(analyze_text).post(analyze_text))
        .route("/api/stats", get(stats))
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi))
        .merge(web::router())
        .fallback(no_route)
        .method_not_allowed_fallback(no_method);
    api.layer(axum::middleware::from_fn_with_state(
        state.clone(),
        middleware::auth,
    ))
    .layer(DefaultBodyLimit::max(MAX_BODY))
    .layer(tower_http::timeout::TimeoutLayer::with_status_code(
        axum::http::StatusCode::REQUEST_TIMEOUT,
        REQUEST_TIMEOUT,
    ))
    .layer(axum::middleware::from_fn_with_state(
        state.clone(),
        middleware::access_log,
    ))
    .with_state(state)
}

/// Serves until SIGTERM or Ctrl-C, then lets in-flight requests finish.
pub fn run(opts: ServeOptions) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("fahras-http")
        .build()
        .map_err(|e| Error::io("cannot start the server's threads", e))?;
    let served = runtime.block_on(serve(opts));
    // Workers still busy (an export to a client that stopped reading) get
    // the drain time, not forever.
    runtime.shutdown_timeout(DRAIN);
    served
}

async fn serve(opts: ServeOptions) -> Result<()> {
    let engines = state::Engines::open(
        opts.index_path.clone(),
        opts.gazetteer.clone(),
        opts.cache_bytes,
    )?;
    let articles = engines.current().articles();
    let state = Arc::new(state::AppState {
        engines,
        pool: pool::Pool::new(opts.workers, opts.queue),
        limits: opts.limits,
        defaults: opts.defaults,
        token: opts.token.filter(|t| !t.is_empty()),
        quiet: opts.quiet,
    });
    let listener = tokio::net::TcpListener::bind(&opts.bind)
        .await
        .map_err(|e| Error::io(format!("cannot listen on {} (is another server on that port? try --bind 127.0.0.1:0 for a free one)", opts.bind), e))?;
    let addr: SocketAddr = listener
        .local_addr()
        .map_err(|e| Error::io("cannot read the address listened on", e))?;
    if !addr.ip().is_loopback() {
        let auth = if state.token.is_some() {
            "it asks for the token"
        } else {
            "it has no authentication (give --token or $FAHRAS_TOKEN)"
        };
        eprintln!(
            "fahras: warning: listening on {addr}, beyond this machine: the API is read-only, and {auth}"
        );
    }
    eprintln!(
        "fahras: serving {articles} articles of {} at http://{addr}/api/ (Ctrl-C to stop)",
        opts.index_path.display()
    );
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| Error::io("the server stopped", e))?;
    eprintln!("fahras: stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_openapi_document_lists_every_route_and_parses() {
        let doc: serde_json::Value = serde_json::from_str(&super::openapi::document()).unwrap();
        let listed = doc["paths"].as_object().unwrap();
        // The router's routes, as written in `router` above.
        let source = include_str!("mod.rs");
        for line in source
            .lines()
            .filter(|l| l.trim_start().starts_with(".route(\""))
        {
            let path = line.split('"').nth(1).unwrap();
            assert!(
                listed.contains_key(path),
                "{path} is served but not documented"
            );
        }
        assert_eq!(listed.len(), super::openapi::paths().len());
    }
}
