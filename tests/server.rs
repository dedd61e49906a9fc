//! The HTTP API, through a real server on a free loopback port and a real
//! client: every endpoint's document, every error code, and that the
//! numbers agree with each other.

mod common;

use common::server::{client, get, post, Server};
use common::*;
use serde_json::{json, Value};

fn sample() -> (Indexed, Server) {
    let indexed = Indexed::sample();
    let server = Server::start(&indexed.index, &["--quiet"]);
    (indexed, server)
}

#[test]
fn search_puts_the_seed_first_and_answers_get_and_post_alike() {
    let (_i, s) = sample();
    let (status, doc) = get(
        &s.url("/api/search"),
        &[("q", "خارطة طريق"), ("limit", "3")],
    );
    assert_eq!(status, 200, "{doc}");
    assert_eq!(doc["hits"][0]["id"], SEED_ID);
    assert_eq!(doc["query"], "خارطة طريق");
    assert!(doc["total"].as_u64().unwrap() >= 1);
    assert!(doc["took_ms"].is_number());
    assert!(doc["warnings"].is_array());
    // The same fields as `fahras search --format json`.
    for key in [
        "rank",
        "score",
        "id",
        "title",
        "date",
        "snippet",
        "highlights",
        "entities",
    ] {
        assert!(
            doc["hits"][0].get(key).is_some(),
            "no {key} in {}",
            doc["hits"][0]
        );
    }
    let (status, posted) = post(
        &s.url("/api/search"),
        &json!({"q": "خارطة طريق", "limit": 3, "fields": ["id", "title"]}),
    );
    assert_eq!(status, 200, "{posted}");
    assert_eq!(posted["total"], doc["total"]);
    let first = posted["hits"][0].as_object().unwrap();
    assert_eq!(first.keys().collect::<Vec<_>>(), ["id", "title"]);
    assert_eq!(first["id"], SEED_ID);
}

#[test]
fn search_filters_facets_and_repeatable_parameters() {
    let (_i, s) = sample();
    let (_, all) = get(&s.url("/api/search"), &[("q", "العراق")]);
    let (_, dated) = get(
        &s.url("/api/search"),
        &[("q", "العراق"), ("since", "2024"), ("until", "2024-12")],
    );
    assert!(dated["total"].as_u64() < all["total"].as_u64());
    for hit in dated["hits"].as_array().unwrap() {
        assert!(hit["date"].as_str().unwrap().starts_with("2024"), "{hit}");
    }
    let (status, faceted) = get(
        &s.url("/api/search"),
        &[
            ("q", "العراق"),
            ("facets", "3"),
            ("entity", "Lloyd Austin"),
            ("sort", "date"),
        ],
    );
    assert_eq!(status, 200, "{faceted}");
    assert!(faceted["facets"]["types"].as_array().unwrap().len() > 1);
    let dates: Vec<&str> = faceted["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["date"].as_str())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
}

#[test]
fn the_other_endpoints_answer_their_documents() {
    let (_i, s) = sample();
    let (status, health) = get(&s.url("/api/health"), &[]);
    assert_eq!((status, &health["status"]), (200, &json!("ok")));
    assert_eq!(health["articles"], 47);
    // An id with slashes, percent-encoded as one path segment.
    let encoded = SEED_ID.replace('/', "%2F");
    let (status, article) = get(&s.url(&format!("/api/articles/{encoded}")), &[]);
    assert_eq!(status, 200, "{article}");
    assert_eq!(article["id"], SEED_ID);
    assert!(article["body"].as_str().unwrap().contains("خارطة طريق"));
    let (status, similar) = get(
        &s.url(&format!("/api/similar/{encoded}")),
        &[("limit", "3")],
    );
    assert_eq!(status, 200, "{similar}");
    assert_eq!(similar["hits"].as_array().unwrap().len(), 3);
    assert!(similar["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["id"] != SEED_ID));
    let (status, facets) = get(&s.url("/api/facets"), &[("type", "person"), ("top", "2")]);
    assert_eq!(status, 200, "{facets}");
    assert_eq!(facets["types"][0]["type"], "person");
    let (status, co) = get(&s.url("/api/cooccur"), &[("q", "العراق"), ("top", "5")]);
    assert_eq!(status, 200, "{co}");
    let entities = co["entities"].as_array().unwrap();
    assert_eq!(entities.len(), 5);
    for p in co["pairs"].as_array().unwrap() {
        // A pair is never named by more articles than either entity.
        let (a, b) = (
            p["a"].as_u64().unwrap() as usize,
            p["b"].as_u64().unwrap() as usize,
        );
        assert!(p["count"].as_u64() <= entities[a]["count"].as_u64());
        assert!(p["count"].as_u64() <= entities[b]["count"].as_u64());
    }
    let (status, tokens) = get(&s.url("/api/analyze"), &[("text", "والعراقيون")]);
    assert_eq!(status, 200, "{tokens}");
    assert_eq!(tokens[0]["text"], "والعراقيون");
    let (status, stats) = get(&s.url("/api/stats"), &[]);
    assert_eq!((status, &stats["articles"]), (200, &json!(47)));
}

#[test]
fn the_openapi_document_lists_every_endpoint() {
    let (_i, s) = sample();
    let (status, doc) = get(&s.url("/api/openapi.json"), &[]);
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/api/search",
        "/api/articles/{id}",
        "/api/similar/{id}",
        "/api/facets",
        "/api/cooccur",
        "/api/timeline",
        "/api/export",
        "/api/analyze",
        "/api/stats",
        "/api/health",
        "/api/openapi.json",
    ] {
        assert!(paths.contains_key(p), "{p} missing");
    }
    let params = paths["/api/search"]["get"]["parameters"]
        .as_array()
        .unwrap();
    assert!(params.iter().any(|p| p["name"] == "entity"));
}

fn error_code(status_and_doc: (u16, Value)) -> (u16, String) {
    let (status, doc) = status_and_doc;
    (
        status,
        doc["error"]["code"].as_str().unwrap_or("").to_string(),
    )
}

#[test]
fn every_mistake_is_a_4xx_with_a_code_and_a_message() {
    let (_i, s) = sample();
    let search = s.url("/api/search");
    let (status, doc) = get(&search, &[("q", "بغداد \"خارطة")]);
    assert_eq!(
        (status, doc["error"]["code"].as_str()),
        (400, Some("bad_query"))
    );
    assert_eq!(doc["error"]["position"], 6);
    assert!(doc["error"]["message"].as_str().unwrap().contains("quote"));
    for params in [
        vec![("limt", "5")],
        vec![("limit", "0")],
        vec![("limit", "many")],
        vec![("limit", "100000")],
        vec![("offset", "99999999999999999999")],
        vec![("sort", "size")],
        vec![("since", "spring")],
        vec![("since", "2025"), ("until", "2024")],
        vec![("entity", "Nobody Atall")],
        vec![("q", "a"), ("q", "b")],
        vec![("fields", "id,colour")],
        vec![("any", "perhaps")],
    ] {
        let (status, code) = error_code(get(&search, &params));
        assert_eq!((status, code.as_str()), (400, "bad_request"), "{params:?}");
    }
    let long = "بغداد ".repeat(900);
    assert_eq!(get(&search, &[("q", &long)]).0, 400);
    assert_eq!(
        error_code(get(&s.url("/api/articles/nope"), &[])),
        (404, "not_found".into())
    );
    assert_eq!(
        error_code(get(&s.url("/api/nothing"), &[])),
        (404, "not_found".into())
    );
    assert_eq!(
        error_code(get(&s.url("/api/cooccur"), &[("top", "1000")])).0,
        400
    );
    assert_eq!(
        error_code(get(&s.url("/api/timeline"), &[("interval", "hour")])).0,
        400
    );
    assert_eq!(
        error_code(get(&s.url("/api/export"), &[("format", "xml")])).0,
        400
    );
    // Not JSON, not an object, too large, a method the API has not.
    let agent = client();
    for body in ["{not json", "[1, 2]", "{\"q\": {\"nested\": 1}}"] {
        let res = agent
            .post(&search)
            .header("content-type", "application/json")
            .send(body)
            .unwrap();
        assert_eq!(res.status().as_u16(), 400, "{body}");
    }
    let huge = format!("{{\"q\": \"{}\"}}", "ب".repeat(100_000));
    let res = agent
        .post(&search)
        .header("content-type", "application/json")
        .send(&huge)
        .unwrap();
    assert_eq!(res.status().as_u16(), 413);
    let res = agent.delete(&search).call().unwrap();
    assert_eq!(res.status().as_u16(), 405);
}

#[test]
fn timeline_buckets_add_up_and_match_search_per_month() {
    let (_i, s) = sample();
    let (status, t) = get(
        &s.url("/api/timeline"),
        &[
            ("q", "العراق"),
            ("q", "بغداد"),
            ("interval", "month"),
            ("normalize", "true"),
        ],
    );
    assert_eq!(status, 200, "{t}");
    assert_eq!(t["interval"], "month");
    let series = t["series"].as_array().unwrap();
    assert_eq!(series.len(), 2);
    for sr in series {
        let buckets = sr["buckets"].as_array().unwrap();
        let sum: u64 = buckets.iter().map(|b| b["count"].as_u64().unwrap()).sum();
        let (total, undated) = (
            sr["total"].as_u64().unwrap(),
            sr["undated"].as_u64().unwrap(),
        );
        assert_eq!(sum, total - undated, "{}", sr["query"]);
        for b in buckets.iter().filter(|b| b["count"].as_u64() > Some(0)) {
            let share = b["share"].as_f64().unwrap();
            assert!(share > 0.0 && share <= 1.0, "{b}");
        }
    }
    // Each non-empty month is what a search over that month finds.
    let months: Vec<&Value> = series[0]["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["count"].as_u64() > Some(0))
        .take(4)
        .collect();
    for b in months {
        let month = &b["start"].as_str().unwrap()[..7];
        let (_, found) = get(
            &s.url("/api/search"),
            &[("q", "العراق"), ("since", month), ("until", month)],
        );
        assert_eq!(found["total"], b["count"], "{month}");
    }
}

#[test]
fn export_streams_every_hit_with_its_count() {
    let (_i, s) = sample();
    let (_, search) = get(&s.url("/api/search"), &[("q", "العراق")]);
    let total = search["total"].as_u64().unwrap();
    let mut res = client()
        .get(&s.url("/api/export"))
        .query("q", "العراق")
        .query("fields", "id,date")
        .call()
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let count: u64 = res.headers()["x-total-count"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(count, total);
    let body = res.body_mut().read_to_string().unwrap();
    let lines: Vec<Value> = body
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len() as u64, total);
    assert!(lines.iter().all(|l| l.as_object().unwrap().len() == 2));
    let mut res = client()
        .get(&s.url("/api/export"))
        .query("format", "csv")
        .call()
        .unwrap();
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = res.body_mut().read_to_string().unwrap();
    assert!(csv.starts_with("rank,"), "{}", &csv[..40.min(csv.len())]);
    let rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
    assert_eq!(rows, 47);
}
