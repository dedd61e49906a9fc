//! The ranked hits of the search page: each with its title linking to the
//! article, its date, source and entities, and the snippet with the
//! matched words marked; then the pages.

use maud::{html, Markup};

use crate::search::{Hit, SearchResponse};

use super::text;
use super::view::{View, PER_PAGE};

/// What an id keeps escaped in a path segment: what would end or change
/// the segment, and what is not printable.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'\\')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// The link to an article's page, carrying the query so its matches are
/// marked there too.
pub fn article_href(id: &str, q: &str) -> String {
    let id = percent_encoding::utf8_percent_encode(id, SEGMENT);
    if q.is_empty() {
        format!("/article/{id}")
    } else {
        let q: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
        format!("/article/{id}?q={q}")
    }
}

pub fn section(r: &SearchResponse, view: &View) -> Markup {
    html! {
        section #results.results aria-labelledby="results-h" tabindex="-1" {
            h2 #results-h {
                @if r.total == 0 { "لا نتائج" }
                @else { "النتائج: " span.total data-total=(r.total) { (r.total) } }
            }
            @for w in &r.warnings { p.warning role="status" dir="auto" { (text::plain(w)) } }
            @if r.total > 0 {
                p.export {
                    "نزّل كل النتائج: "
                    a.download href=(export_href(view, "csv")) download="fahras.csv" { "CSV" }
                    " · "
                    a.download href=(export_href(view, "jsonl")) download="fahras.jsonl" { "JSONL" }
                }
            }
            ol.hits start=(r.hits.first().map_or(1, |h| h.rank)) {
                @for hit in &r.hits { (one(hit, view)) }
            }
            (pages(r.total, view))
        }
    }
}

fn one(hit: &Hit, view: &View) -> Markup {
    let marks = text::byte_ranges(&hit.snippet, &hit.highlights);
    html! {
        li.hit {
            h3 { a href=(article_href(&hit.id, &view.q)) dir="auto" { (text::plain(&hit.title)) } }
            p.meta {
                @if let Some(d) = &hit.date { time datetime=(d) { bdi { (d) } } } @else { "بلا تاريخ" }
                @if let Some(s) = &hit.source { " · " bdi { (text::plain(s)) } }
            }
            @if !hit.snippet.is_empty() { p.snippet dir="auto" { (text::marked(&hit.snippet, &marks)) } }
            @if !hit.entities.is_empty() {
                ul.entities aria-label="الكيانات" {
                    @for (id, name) in hit.entities.iter().zip(&hit.entity_names) {
                        li { a href=(view.with(|v| if !v.entities.contains(id) { v.entities.push(id.clone()) }).href()) { bdi { (text::plain(name)) } } }
                    }
                }
            }
        }
    }
}

/// Previous and next, and the page number among the pages.
fn pages(total: usize, view: &View) -> Markup {
    let last = total.div_ceil(PER_PAGE).max(1);
    let at = |page: usize| {
        let mut v = view.clone();
        v.page = page;
        v.href()
    };
    html! {
        @if last > 1 {
            nav.pages aria-label="الصفحات" {
                @if view.page > 1 { a rel="prev" href=(at(view.page - 1)) { "السابق" } }
                span { "صفحة " (view.page) " من " (last) }
                @if view.page < last { a rel="next" href=(at(view.page + 1)) { "التالي" } }
            }
        }
    }
}

/// `/api/export` for the page's query and filters.
fn export_href(view: &View, format: &str) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    let q = if view.q.is_empty() { "*" } else { &view.q };
    for (k, v) in view.api_pairs(q) {
        s.append_pair(&k, &v);
    }
    s.append_pair("format", format);
    format!("/api/export?{}", s.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_links_escape_the_id_and_carry_the_query() {
        assert_eq!(article_href("a/b c", ""), "/article/a%2Fb%20c");
        assert_eq!(
            article_href("x", "بغداد"),
            "/article/x?q=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF"
        );
    }
}
