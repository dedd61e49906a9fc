//! The web app's pages as HTML, without a browser: status, headers,
//! escaping, links that reproduce the view. `tests/browser.rs` drives the
//! same pages in Chromium.

mod common;

use common::server::{client, Server};
use common::*;

struct Page {
    status: u16,
    csp: String,
    content_type: String,
    body: String,
}

fn page(s: &Server, path_and_query: &str) -> Page {
    let mut res = client().get(&s.url(path_and_query)).call().unwrap();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let (csp, content_type) = (header("content-security-policy"), header("content-type"));
    Page {
        status: res.status().as_u16(),
        csp,
        content_type,
        body: res.body_mut().read_to_string().unwrap(),
    }
}

fn q(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The number in `data-total="N"`, the page's count of matches.
fn total(body: &str) -> usize {
    let at = body.find("data-total=\"").expect("the page shows a total") + 12;
    body[at..].split('"').next().unwrap().parse().unwrap()
}

#[test]
fn the_search_page_finds_the_seed_first_with_its_match_marked() {
    let ix = Indexed::sample();
    let s = Server::start(&ix.index, &["--quiet"]);
    let p = page(&s, &format!("/?q={}", q("خارطة طريق")));
    assert_eq!(p.status, 200, "{}", p.body);
    assert!(
        p.content_type.starts_with("text/html"),
        "{}",
        p.content_type
    );
    assert!(p.body.contains(r#"<html lang="ar" dir="rtl">"#));
    let first = p.body.find("<li class=\"hit\">").expect("a hit");
    let hit = &p.body[first..];
    assert!(
        hit.contains(&format!("href=\"/article/{}", SEED_ID.replace('/', "%2F"))),
        "{}",
        &hit[..600.min(hit.len())]
    );
    assert!(hit[..hit.find("</li>").unwrap()].contains("<mark>"));
    assert!(total(&p.body) >= 1);
    // The chart, its data table, who appears with whom and the exports.
    for part in [
        "<svg",
        "a class=\"period\"",
        "table class=\"matrix\"",
        "/api/export?",
        "format=csv",
    ] {
        assert!(p.body.contains(part), "no {part}");
    }
    // Only this server's own script and styles, under a policy that says so.
    assert!(
        p.csp.contains("default-src 'none'") && p.csp.contains("script-src 'self'"),
        "{}",
        p.csp
    );
    for tag in p
        .body
        .split('<')
        .filter(|t| t.starts_with("script") || t.starts_with("link"))
    {
        assert!(
            !tag.contains("http:") && !tag.contains("https:") && !tag.contains("//"),
            "{tag}"
        );
    }
}

#[test]
fn a_facet_link_narrows_the_results_to_its_count() {
    let ix = Indexed::sample();
    let s = Server::start(&ix.index, &["--quiet"]);
    let p = page(&s, &format!("/?q={}", q("العراق")));
    let all = total(&p.body);
    // The first entity of the sidebar, its link and its count.
    let at = p.body.find("data-entity=").expect("an entity facet");
    let li = &p.body[p.body[..at].rfind("<li>").unwrap()..];
    let href = li
        .split("href=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&");
    let count: usize = li
        .split("<span class=\"count\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let narrowed = page(&s, &href);
    assert_eq!(narrowed.status, 200);
    assert_eq!(total(&narrowed.body), count, "{href}");
    assert!(count <= all);
    // The filter shows as a chip that removes it.
    assert!(narrowed.body.contains("class=\"chips\""));
}

#[test]
fn article_text_is_text_in_every_page() {
    let ix = Indexed::new(&[&fixture("hostile")]);
    let s = Server::start(&ix.index, &["--quiet"]);
    let results = page(&s, &format!("/?q={}", q("بغداد")));
    assert_eq!(results.status, 200, "{}", results.body);
    let href = results
        .body
        .split("href=\"/article/")
        .nth(1)
        .map(|r| {
            format!(
                "/article/{}",
                r.split('"').next().unwrap().replace("&amp;", "&")
            )
        })
        .expect("a hit");
    let article = page(&s, &href);
    assert_eq!(article.status, 200, "{}", article.body);
    for body in [&results.body, &article.body] {
        assert!(
            !body.contains("<script>alert"),
            "markup from an article ran"
        );
        assert!(!body.contains('\u{202E}') && !body.contains('\u{1b}'));
        assert!(
            body.contains("\\u{202e}"),
            "the override is shown, not obeyed"
        );
    }
    assert!(
        article.body.contains("alert(&quot;x&quot;)&lt;/script"),
        "shown as text"
    );
    assert!(
        article.body.contains("<mark>بغداد</mark>"),
        "the query's match is marked"
    );
}

#[test]
fn the_article_page_has_the_text_the_entities_and_similar_articles() {
    let ix = Indexed::sample();
    let s = Server::start(&ix.index, &["--quiet"]);
    let p = page(
        &s,
        &format!(
            "/article/{}?q={}",
            SEED_ID.replace('/', "%2F"),
            q("خارطة طريق")
        ),
    );
    assert_eq!(p.status, 200, "{}", p.body);
    assert!(
        p.body.contains("<mark>خارطة</mark> <mark>طريق</mark>"),
        "{}",
        p.body
    );
    assert!(p.body.contains("aside class=\"similar\""));
    assert!(
        p.body.matches("href=\"/article/").count() >= 2,
        "similar articles are listed"
    );
    assert!(
        p.body.contains("href=\"/?entity="),
        "entities are filter links"
    );
    assert!(p.csp.contains("default-src 'none'"));
    // A text file declares nothing: the browser guesses; a saved page's
    // own language and direction are used.
    assert!(
        p.body.contains(r#"<div class="body" dir="auto">"#),
        "{}",
        p.body
    );
    let saved = page(&s, "/article/web%2Fbasra-oil-exports.html");
    assert!(
        saved
            .body
            .contains(r#"<div class="body" lang="ar-IQ" dir="rtl">"#),
        "{}",
        saved.body
    );
}

#[test]
fn mistakes_get_a_page_that_says_what_is_wrong() {
    let ix = Indexed::sample();
    let s = Server::start(&ix.index, &["--quiet"]);
    let bad = page(&s, &format!("/?q={}", q("(بغداد")));
    assert_eq!(bad.status, 400);
    assert!(
        bad.body.contains("role=\"alert\"") && bad.body.contains("never closed"),
        "{}",
        bad.body
    );
    assert!(
        bad.body.contains("value=\"(بغداد\""),
        "the form keeps the query to fix"
    );
    assert_eq!(page(&s, "/?page=0").status, 400);
    assert_eq!(page(&s, "/?colour=red").status, 400);
    assert_eq!(page(&s, "/?since=yesterday").status, 400);
    let missing = page(&s, "/article/no-such-article");
    assert_eq!(missing.status, 404);
    assert!(missing.content_type.starts_with("text/html"));
    let nowhere = page(&s, "/no/such/page");
    assert_eq!(nowhere.status, 404);
    assert!(nowhere.content_type.starts_with("text/html"));
    // Under /api/ a stray path is still the API's JSON.
    let api = page(&s, "/api/nothing");
    assert_eq!(api.status, 404);
    assert!(
        api.content_type.starts_with("application/json"),
        "{}",
        api.content_type
    );
}

#[test]
fn assets_are_served_from_the_binary_and_cached_by_version() {
    let ix = Indexed::sample();
    let s = Server::start(&ix.index, &["--quiet"]);
    let home = page(&s, "/");
    assert_eq!(home.status, 200, "{}", home.body);
    for (name, mime) in [("app.css", "text/css"), ("app.js", "text/javascript")] {
        let at = home.body.find(&format!("/assets/{name}?v=")).expect(name);
        let href = home.body[at..].split('"').next().unwrap().to_string();
        let mut res = client().get(&s.url(&href)).call().unwrap();
        assert_eq!(res.status().as_u16(), 200);
        let h = res.headers();
        assert!(h["content-type"].to_str().unwrap().starts_with(mime));
        assert!(h["cache-control"].to_str().unwrap().contains("immutable"));
        assert!(!res.body_mut().read_to_string().unwrap().is_empty());
    }
    assert_eq!(page(&s, "/assets/nothing.js").status, 404);
}

#[test]
fn the_chart_data_downloads_as_csv_with_a_series_per_query() {
    let ix = Indexed::sample();
    let s = Server::start(&ix.index, &["--quiet"]);
    let p = page(
        &s,
        &format!("/?q={}&vs={}&interval=year", q("العراق"), q("سوريا")),
    );
    let at = p
        .body
        .find("/api/timeline?")
        .expect("a CSV link for the chart");
    let href = p.body[at..]
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&");
    let mut res = client().get(&s.url(&href)).call().unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = res.body_mut().read_to_string().unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("query,start,count,share"));
    let queries: std::collections::BTreeSet<&str> =
        lines.map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(
        queries.into_iter().collect::<Vec<_>>(),
        vec!["العراق", "سوريا"]
    );
}

#[test]
fn the_matrix_shows_the_pairs_the_api_counts() {
    let ix = Indexed::sample();
    let s = Server::start(&ix.index, &["--quiet"]);
    let api: serde_json::Value = client()
        .get(&s.url(&format!("/api/cooccur?q={}&top=8", q("العراق"))))
        .call()
        .unwrap()
        .body_mut()
        .read_json()
        .unwrap();
    let names: Vec<&str> = api["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["ar"].as_str().unwrap())
        .collect();
    assert!(names.len() >= 2, "{api}");
    let pairs: u64 = api["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["count"].as_u64().unwrap())
        .sum();

    let p = page(&s, &format!("/?q={}", q("العراق")));
    let table = &p.body[p.body.find("<table class=\"matrix\">").expect("a matrix")..];
    let table = &table[..table.find("</table>").unwrap()];
    // The columns in the API's order.
    let mut at = 0;
    for name in &names {
        at += table[at..]
            .find(name)
            .unwrap_or_else(|| panic!("{name} in {table}"));
    }
    // Every pair is shown twice, above and below the diagonal.
    let cells: u64 = table
        .split("<td class=\"l")
        .skip(1)
        .map(|c| {
            c[c.find('>').unwrap() + 1..c.find('<').unwrap()]
                .parse::<u64>()
                .unwrap()
        })
        .sum();
    assert_eq!(cells, 2 * pairs);
}
