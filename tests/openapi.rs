//! The OpenAPI document against what the server really answers: each
//! endpoint's response is checked against the schema the document gives
//! for it, so a field added, renamed or retyped without the document
//! fails here.

mod common;

use common::server::{get, Server};
use common::*;
use serde_json::Value;

/// Why `value` does not fit `schema` (inside `doc`, for `$ref`), or `None`.
fn misfit(doc: &Value, schema: &Value, value: &Value, at: &str) -> Option<String> {
    if let Some(name) = schema["$ref"].as_str() {
        let name = name.trim_start_matches("#/components/schemas/");
        let Some(target) = doc["components"]["schemas"].get(name) else {
            return Some(format!("{at}: no schema {name:?} in components"));
        };
        return misfit(doc, target, value, at);
    }
    for (key, every) in [("oneOf", false), ("anyOf", false), ("allOf", true)] {
        if let Some(branches) = schema[key].as_array() {
            let fails: Vec<String> = branches
                .iter()
                .filter_map(|b| misfit(doc, b, value, at))
                .collect();
            let fits = if every {
                fails.is_empty()
            } else {
                fails.len() < branches.len()
            };
            return (!fits).then(|| fails.join("; "));
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let allowed = types.contains(&kind) || (kind == "integer" && types.contains(&"number"));
    if !allowed {
        return Some(format!("{at}: a {kind}, the document says {types:?}"));
    }
    match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| misfit(doc, &schema["items"], item, &format!("{at}[{i}]"))),
        Value::Object(fields) => {
            let props = schema["properties"].as_object();
            if let Some(required) = schema["required"].as_array() {
                for r in required.iter().filter_map(Value::as_str) {
                    if !fields.contains_key(r) {
                        return Some(format!("{at}: required {r:?} missing"));
                    }
                }
            }
            let Some(props) = props else {
                return None; // a free-form object
            };
            fields.iter().find_map(|(k, v)| match props.get(k) {
                None => Some(format!("{at}: {k:?} is not in the document")),
                Some(s) => misfit(doc, s, v, &format!("{at}.{k}")),
            })
        }
        _ => None,
    }
}

/// The schema of an endpoint's 200 response of `content` type.
fn schema_of<'a>(doc: &'a Value, path: &str, content: &str) -> &'a Value {
    let s = &doc["paths"][path]["get"]["responses"]["200"]["content"][content]["schema"];
    assert!(!s.is_null(), "{path} documents no {content} response");
    s
}

/// A documented path, the URL asked and its parameters.
type Case<'a> = (&'a str, String, Vec<(&'a str, &'a str)>);

#[test]
fn every_response_fits_the_schema_the_document_gives_it() {
    let indexed = Indexed::sample();
    let s = Server::start(&indexed.index, &["--quiet"]);
    let (status, doc) = get(&s.url("/api/openapi.json"), &[]);
    assert_eq!(status, 200);
    let q = ("q", "العراق");
    let seed = SEED_ID.replace('/', "%2F");
    let cases: Vec<Case> = vec![
        (
            "/api/search",
            "/api/search".into(),
            vec![q, ("facets", "3"), ("explain", "true")],
        ),
        ("/api/search", "/api/search".into(), vec![("q", "خارطه")]),
        (
            "/api/articles/{id}",
            format!("/api/articles/{seed}"),
            vec![],
        ),
        ("/api/similar/{id}", format!("/api/similar/{seed}"), vec![]),
        ("/api/facets", "/api/facets".into(), vec![q]),
        ("/api/cooccur", "/api/cooccur".into(), vec![q]),
        (
            "/api/timeline",
            "/api/timeline".into(),
            vec![q, ("q", "بغداد"), ("normalize", "true")],
        ),
        (
            "/api/analyze",
            "/api/analyze".into(),
            vec![("text", "والعراقية")],
        ),
        ("/api/stats", "/api/stats".into(), vec![]),
        ("/api/health", "/api/health".into(), vec![]),
    ];
    for (path, url, params) in &cases {
        let (status, body) = get(&s.url(url), params);
        assert_eq!(status, 200, "{url}: {body}");
        let schema = schema_of(&doc, path, "application/json");
        if let Some(why) = misfit(&doc, schema, &body, url) {
            panic!("{why}\n{body}");
        }
    }
    // Errors have their schema too.
    let (status, body) = get(&s.url("/api/search"), &[("q", "\"خارطة")]);
    assert_eq!(status, 400);
    let error = &doc["paths"]["/api/search"]["get"]["responses"]["400"]["content"]
        ["application/json"]["schema"];
    assert_eq!(misfit(&doc, error, &body, "error"), None);
    // Each line of an export is a hit.
    let (status, export) = get(&s.url("/api/export"), &[q]);
    assert_eq!(status, 200);
    let export = export.as_str().expect("JSON Lines, not one JSON document");
    let hit = schema_of(&doc, "/api/export", "application/x-ndjson");
    for line in export.lines() {
        let value: Value = serde_json::from_str(line).unwrap();
        assert_eq!(misfit(&doc, hit, &value, "export"), None);
    }
    assert!(export.lines().count() > 1);
}

#[test]
fn the_checker_finds_a_field_the_document_lacks() {
    let doc: Value = serde_json::json!({"components": {"schemas": {"A": {
        "type": "object", "required": ["id"],
        "properties": {"id": {"type": "string"}, "n": {"type": ["integer", "null"]}}
    }}}});
    let a = serde_json::json!({"$ref": "#/components/schemas/A"});
    assert_eq!(
        misfit(&doc, &a, &serde_json::json!({"id": "x", "n": null}), "a"),
        None
    );
    assert!(misfit(&doc, &a, &serde_json::json!({"id": "x", "m": 1}), "a").is_some());
    assert!(misfit(&doc, &a, &serde_json::json!({"n": 1}), "a").is_some());
    assert!(misfit(&doc, &a, &serde_json::json!({"id": 3}), "a").is_some());
}
