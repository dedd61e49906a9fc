//! The stylesheet and script of the web app, compiled into the binary and
//! served by fahras itself: nothing is fetched from another origin, and
//! the pages work offline. Links carry a hash of the content, so a new
//! build is never shown with an old cached file.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

struct Asset {
    name: &'static str,
    mime: &'static str,
    body: &'static str,
}

const ASSETS: [Asset; 2] = [
    Asset {
        name: "app.css",
        mime: "text/css; charset=utf-8",
        body: include_str!("assets/app.css"),
    },
    Asset {
        name: "app.js",
        mime: "text/javascript; charset=utf-8",
        body: include_str!("assets/app.js"),
    },
];

/// The first hex digits of each asset's hash, in the order of `ASSETS`.
static VERSIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|a| blake3::hash(a.body.as_bytes()).to_hex()[..12].to_string())
        .collect()
});

/// The link to the asset `name`, with its version.
pub fn href(name: &str) -> String {
    let version = ASSETS
        .iter()
        .position(|a| a.name == name)
        .map_or("", |i| VERSIONS[i].as_str());
    format!("/assets/{name}?v={version}")
}

pub async fn serve(Path(name): Path<String>) -> Response {
    let Some(asset) = ASSETS.iter().find(|a| a.name == name) else {
        return (StatusCode::NOT_FOUND, "no such file").into_response();
    };
    let mut res = asset.body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(asset.mime));
    // The link changes with the content, so the file may be kept a year.
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    res
}

#[cfg(test)]
mod tests {
    #[test]
    fn links_change_with_the_content() {
        let css = super::href("app.css");
        assert!(css.starts_with("/assets/app.css?v="), "{css}");
        assert_ne!(css, super::href("app.js").replace("app.js", "app.css"));
    }
}
