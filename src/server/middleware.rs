//! What wraps every request: the bearer token, when one is set, and the
//! access log.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

use super::error::ApiError;
use super::state::AppState;
use crate::output::sanitize::one_line;

/// Refuses a request without the server's token. Compared in constant
/// time, so the answer's timing says nothing about how much of a guess
/// was right.
pub async fn auth(State(st): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let Some(token) = &st.token else {
        return next.run(req).await;
    };
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "))
        .unwrap_or(b"");
    if bool::from(given.ct_eq(token.as_bytes())) {
        return next.run(req).await;
    }
    let mut res = ApiError::new(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        "this server asks for a token: send Authorization: Bearer TOKEN",
    )
    .into_response();
    res.headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    res
}

/// The longest request target an access log line shows.
const LOGGED: usize = 300;

/// One line per request on stderr: method, target, status, milliseconds
/// until the response started.
pub async fn access_log(State(st): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    if st.quiet {
        return next.run(req).await;
    }
    let method = req.method().clone();
    let target: String = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/")
        .chars()
        .take(LOGGED)
        .collect();
    let started = Instant::now();
    let res = next.run(req).await;
    eprintln!(
        "{method} {} {} {:.1}ms",
        one_line(&target),
        res.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    res
}
