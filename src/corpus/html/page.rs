//! What a saved page says about itself, read before anything is removed
//! from it: headline candidates, dates, site, author, address, language
//! and direction.

use std::sync::LazyLock;

use dom_query::{Document, Matcher, NodeRef};
use jiff::civil::Date;
use serde_json::Value;

use crate::corpus::date::{dateline, parse_date};

/// A selector written here; they are constants, so a parse error is a bug
/// caught by every test that reads a page.
pub(super) fn matcher(css: &str) -> Matcher {
    Matcher::new(css).unwrap_or_else(|_| panic!("selector `{css}` does not parse"))
}

static TITLE: LazyLock<Matcher> = LazyLock::new(|| matcher("title"));
static H1: LazyLock<Matcher> = LazyLock::new(|| matcher("h1"));
static TIME: LazyLock<Matcher> = LazyLock::new(|| matcher("time[datetime]"));
static JSON_LD: LazyLock<Matcher> =
    LazyLock::new(|| matcher("script[type=\"application/ld+json\"]"));
static CANONICAL: LazyLock<Matcher> = LazyLock::new(|| matcher("link[rel=\"canonical\"]"));
static HTML: LazyLock<Matcher> = LazyLock::new(|| matcher("html"));
static BODY: LazyLock<Matcher> = LazyLock::new(|| matcher("body"));
static META: LazyLock<Matcher> = LazyLock::new(|| matcher("meta[content]"));
static CLASSED: LazyLock<Matcher> = LazyLock::new(|| matcher("[class], [id]"));

/// The facts a page states in its markup.
#[derive(Debug, Default)]
pub(super) struct Facts {
    /// `og:title`, else `<title>`.
    pub title: Option<String>,
    /// The text of every `<h1>`.
    pub h1s: Vec<String>,
    /// `article:published_time` (and its kin), a `<time datetime>`, or
    /// `datePublished` in JSON-LD.
    pub date: Option<Date>,
    /// A date shown as text in an element named for it (`class="date"`):
    /// `الثلاثاء 18 أيلول 2018`.
    pub shown_date: Option<Date>,
    /// `og:site_name`, else the publisher of the JSON-LD article.
    pub site: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
}

/// The text under `node`, its text nodes joined by spaces (so that
/// `<li>a</li><li>b</li>` is two words) and its white space squeezed.
pub(super) fn text_of(node: &NodeRef) -> String {
    let mut out = String::new();
    for piece in node.descendants_it().filter(|n| n.is_text()) {
        for word in piece.text().split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// The most nodes under an element these word counts look at: every
/// element of a page is asked, and a page is untrusted, so thousands of
/// nested empty `<div>`s must not make the pass quadratic. A block whose
/// words lie deeper than this is taken as long.
const NODE_BUDGET: usize = 512;

/// The first `n` words of the text under `node`, read no further (nor past
/// [`NODE_BUDGET`] nodes).
pub(super) fn first_words(node: &NodeRef, n: usize) -> Vec<String> {
    let mut words = Vec::with_capacity(n);
    for piece in node
        .descendants_it()
        .take(NODE_BUDGET)
        .filter(|d| d.is_text())
    {
        for word in piece.text().split_whitespace() {
            if words.len() == n {
                return words;
            }
            words.push(word.to_string());
        }
    }
    words
}

/// Whether the text under `node` has more than `n` words, read no further
/// than it takes to know; true past [`NODE_BUDGET`] nodes.
pub(super) fn has_more_words(node: &NodeRef, n: usize) -> bool {
    let mut count = 0;
    for (seen, piece) in node.descendants_it().enumerate() {
        if seen >= NODE_BUDGET {
            return true;
        }
        if piece.is_text() {
            count += piece.text().split_whitespace().count();
            if count > n {
                return true;
            }
        }
    }
    false
}

/// The lowercase words of an element's class and id (`news-date` → `news`,
/// `date`).
pub(super) fn name_words(node: &NodeRef) -> Vec<String> {
    let mut words = Vec::new();
    for attr in ["class", "id"] {
        if let Some(v) = node.attr(attr) {
            words.extend(
                v.split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_ascii_lowercase),
            );
        }
    }
    words
}

/// A date written in a short text: ISO, `18/09/2018`, or Arabic words.
pub(super) fn date_text(text: &str) -> Option<Date> {
    parse_date(text).or_else(|| dateline(text))
}

/// Words of a class or id that name an element holding the page's date.
const DATE_NAMES: [&str; 6] = [
    "date",
    "time",
    "timestamp",
    "published",
    "pubdate",
    "dateline",
];

/// The longest element text read as a shown date, in words.
pub(super) const SHOWN_DATE_WORDS: usize = 8;

/// An element named for a date whose short text is only a date.
pub(super) fn shown_date(node: &NodeRef) -> Option<Date> {
    if !name_words(node)
        .iter()
        .any(|w| DATE_NAMES.contains(&w.as_str()))
    {
        return None;
    }
    if has_more_words(node, SHOWN_DATE_WORDS) {
        return None;
    }
    date_text(&text_of(node))
}

/// Words of a class or id that name an element holding the byline.
const BYLINE_NAMES: [&str; 4] = ["byline", "author", "writer", "reporter"];

/// Words of a class or id that name readers' comments: a name there is a
/// commenter's, not the author's.
const COMMENT_NAMES: [&str; 5] = ["comment", "comments", "reply", "replies", "disqus"];

/// The most words a byline may have.
const BYLINE_WORDS: usize = 8;

fn byline(node: &NodeRef) -> Option<String> {
    let named =
        |n: &NodeRef, names: &[&str]| name_words(n).iter().any(|w| names.contains(&w.as_str()));
    if !named(node, &BYLINE_NAMES) || node.ancestors_it(None).any(|a| named(&a, &COMMENT_NAMES)) {
        return None;
    }
    if has_more_words(node, BYLINE_WORDS) {
        return None;
    }
    Some(text_of(node)).filter(|t| !t.is_empty())
}

fn clean(value: &str) -> Option<String> {
    let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!v.is_empty()).then_some(v)
}

impl Facts {
    pub fn read(doc: &Document) -> Facts {
        let metas: Vec<(String, String)> = doc
            .select_matcher(&META)
            .nodes()
            .iter()
            .filter_map(|m| {
                let key = m
                    .attr("property")
                    .or_else(|| m.attr("name"))
                    .or_else(|| m.attr("itemprop"))
                    .or_else(|| m.attr("http-equiv"))?;
                Some((key.to_ascii_lowercase(), clean(&m.attr("content")?)?))
            })
            .collect();
        let meta = |names: &[&str]| {
            names.iter().find_map(|name| {
                metas
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            })
        };
        let json_ld = json_ld(doc);
        let first_text = |m: &Matcher| {
            doc.select_matcher(m)
                .nodes()
                .iter()
                .map(text_of)
                .find(|t| !t.is_empty())
        };
        let root_attr = |name: &str| {
            [&*HTML, &*BODY].iter().find_map(|m| {
                doc.select_matcher(m)
                    .nodes()
                    .first()
                    .and_then(|n| n.attr(name))
                    .and_then(|v| clean(&v[..]))
            })
        };
        let date = meta(&["article:published_time", "datepublished", "date", "pubdate"])
            .and_then(|d| parse_date(&d[..]))
            .or_else(|| {
                doc.select_matcher(&TIME)
                    .nodes()
                    .iter()
                    .find_map(|t| t.attr("datetime").and_then(|d| parse_date(&d[..])))
            })
            .or_else(|| {
                json_ld
                    .iter()
                    .find_map(|a| a.date.as_deref().and_then(parse_date))
            });
        Facts {
            title: meta(&["og:title"]).or_else(|| first_text(&TITLE)),
            h1s: doc
                .select_matcher(&H1)
                .nodes()
                .iter()
                .map(text_of)
                .filter(|t| !t.is_empty())
                .collect(),
            date,
            shown_date: doc
                .select_matcher(&CLASSED)
                .nodes()
                .iter()
                .find_map(shown_date),
            site: meta(&["og:site_name"])
                .or_else(|| json_ld.iter().find_map(|a| a.publisher.clone())),
            author: meta(&["author", "article:author"])
                .filter(|a| !a.starts_with("http"))
                .or_else(|| json_ld.iter().find_map(|a| a.author.clone()))
                .or_else(|| doc.select_matcher(&CLASSED).nodes().iter().find_map(byline)),
            url: doc
                .select_matcher(&CANONICAL)
                .nodes()
                .iter()
                .find_map(|l| l.attr("href").and_then(|h| clean(&h)))
                .or_else(|| meta(&["og:url"])),
            lang: root_attr("lang")
                .or_else(|| meta(&["content-language"]))
                .or_else(|| meta(&["og:locale"]).map(|l| l.replace('_', "-")))
                .filter(|l| is_language_tag(l)),
            dir: root_attr("dir")
                .map(|d| d.to_ascii_lowercase())
                .filter(|d| matches!(d.as_str(), "rtl" | "ltr" | "auto")),
        }
    }
}

/// `ar`, `ar-IQ`, `en-GB`: letters, digits and hyphens, short.
fn is_language_tag(tag: &str) -> bool {
    (2..=35).contains(&tag.len())
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// What a JSON-LD block says about the article it describes.
#[derive(Debug, Default)]
struct LinkedArticle {
    date: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
}

/// The objects of the page's JSON-LD blocks that carry `datePublished`
/// (the article, not the site), in page order.
fn json_ld(doc: &Document) -> Vec<LinkedArticle> {
    fn name(v: Option<&Value>) -> Option<String> {
        match v? {
            Value::String(s) => clean(s),
            Value::Object(m) => name(m.get("name")),
            Value::Array(items) => items.iter().find_map(|i| name(Some(i))),
            _ => None,
        }
    }
    fn walk(v: &Value, out: &mut Vec<LinkedArticle>) {
        match v {
            Value::Object(map) => {
                if let Some(date) = map.get("datePublished").and_then(Value::as_str) {
                    out.push(LinkedArticle {
                        date: Some(date.to_string()),
                        publisher: name(map.get("publisher")),
                        author: name(map.get("author")),
                    });
                }
                map.values().for_each(|v| walk(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for block in doc.select_matcher(&JSON_LD).nodes() {
        if let Ok(v) = serde_json::from_str::<Value>(&block.text()) {
            walk(&v, &mut out);
        }
    }
    out
}
