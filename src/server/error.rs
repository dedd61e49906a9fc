//! Errors as the API answers them: `{"error": {"code", "message",
//! "position"}}` with a 4xx for anything a client sent, 503 when the server
//! is full or the index cannot be read, and 500 only for a fault of
//! fahras's own.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::Error;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Character index in the query of a `bad_query`.
    pub position: Option<usize>,
    pub retry_after: Option<u32>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct ErrorDetail<'a> {
    /// bad_query, bad_request, too_costly, ambiguous, not_found,
    /// overloaded or unavailable
    code: &'a str,
    /// What failed and what to do, for a person.
    message: &'a str,
    /// Where in the query the problem is (characters), for bad_query.
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<usize>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            position: None,
            retry_after: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn overloaded() -> ApiError {
        ApiError {
            retry_after: Some(1),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "overloaded",
                "every worker is busy and the queue is full: try again in a moment",
            )
        }
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        let message = e.to_string();
        match e {
            Error::Query(q) => ApiError {
                position: Some(q.position),
                ..ApiError::new(StatusCode::BAD_REQUEST, "bad_query", message)
            },
            Error::Request(_)
            | Error::Filter(_)
            | Error::Usage(_)
            | Error::NoExactCopies { .. } => ApiError::bad_request(message),
            Error::TooCostly { .. } => {
                ApiError::new(StatusCode::BAD_REQUEST, "too_costly", message)
            }
            Error::NotFound { .. } => ApiError::not_found(message),
            Error::Ambiguous { .. } => ApiError::new(StatusCode::BAD_REQUEST, "ambiguous", message),
            // The index went away or is being rebuilt under the server: the
            // client's request was fine, and a retry may work.
            Error::NoIndex { .. } | Error::Outdated { .. } | Error::NotFahras { .. } => ApiError {
                retry_after: Some(5),
                ..ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", message)
            },
            _ => ApiError::internal(message),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: &self.message,
                position: self.position,
            },
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{QueryError, QueryErrorKind};

    #[test]
    fn client_mistakes_are_4xx_with_a_code() {
        let q = QueryError {
            query: "\"بغداد".into(),
            position: 0,
            message: "unclosed quote".into(),
            kind: QueryErrorKind::Syntax,
        };
        let e = ApiError::from(Error::Query(q));
        assert_eq!(
            (e.status, e.code, e.position),
            (StatusCode::BAD_REQUEST, "bad_query", Some(0))
        );
        let e = ApiError::from(Error::NotFound { id: "x".into() });
        assert_eq!((e.status, e.code), (StatusCode::NOT_FOUND, "not_found"));
        assert_eq!(ApiError::overloaded().retry_after, Some(1));
    }
}
