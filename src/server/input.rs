//! The parameters of a request, wherever the client put them: the query
//! string of a GET, and for a POST also its body (JSON, or a form as
//! `curl -d` sends).

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, Method, StatusCode};

use super::error::ApiError;
use super::params::Params;

pub struct Input(pub Params);

impl<S: Send + Sync> FromRequest<S> for Input {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let mut params = Params::from_query(req.uri().query().unwrap_or(""))?;
        if req.method() != Method::POST {
            return Ok(Input(params));
        }
        let declared_form = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        let body = Bytes::from_request(req, state).await.map_err(|e| {
            // A body past the limit is 413; any other failure is the
            // client's too, never a 5xx.
            let status = Some(e.status())
                .filter(|s| s.is_client_error())
                .unwrap_or(StatusCode::BAD_REQUEST);
            ApiError::new(status, "bad_request", format!("cannot read the body: {e}"))
        })?;
        // `curl -d '{"q": …}'` labels JSON as a form: a body that opens
        // like an object is read as one, whatever its label.
        let looks_json = body
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'{' || b == b'[');
        let from_body = if declared_form && !looks_json {
            let text = std::str::from_utf8(&body)
                .map_err(|_| ApiError::bad_request("the form is not UTF-8"))?;
            Params::from_query(text)?
        } else {
            Params::from_json(&body)?
        };
        params.extend(from_body)?;
        Ok(Input(params))
    }
}
