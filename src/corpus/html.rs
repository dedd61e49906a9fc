//! HTML articles saved from news sites, read with a real HTML parser.
//!
//! Title: `og:title`, else `<title>`, else the first `<h1>`. Date:
//! `article:published_time`, else a `<time datetime>`, else `datePublished`
//! in JSON-LD. Source: `og:site_name`. URL: the canonical link, else
//! `og:url`. Body: the paragraphs of `<article>` (else `<main>`, else
//! `<body>`), leaving out navigation, headers, footers, asides, menus,
//! forms, scripts and styles.

use super::error::ParseError;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::article::Article;
use super::date::parse_date;

/// Elements whose text is never article text.
const NOISE: [&str; 11] = [
    "nav", "header", "footer", "aside", "script", "style", "noscript", "form", "menu", "button",
    "template",
];

/// Elements that make a paragraph of their own.
const BLOCKS: [&str; 10] = [
    "p",
    "h2",
    "h3",
    "h4",
    "li",
    "blockquote",
    "pre",
    "figcaption",
    "td",
    "dd",
];

fn selector(css: &str) -> Selector {
    // Only constant selectors written here are parsed.
    Selector::parse(css).unwrap_or_else(|_| Selector::parse("*").expect("`*` parses"))
}

fn meta(doc: &Html, names: &[&str]) -> Option<String> {
    for name in names {
        let css =
            format!("meta[property=\"{name}\"], meta[name=\"{name}\"], meta[itemprop=\"{name}\"]");
        if let Some(v) = doc
            .select(&selector(&css))
            .filter_map(|m| m.value().attr("content"))
            .map(|c| c.trim().to_string())
            .find(|c| !c.is_empty())
        {
            return Some(v);
        }
    }
    None
}

fn text_of(el: ElementRef) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `datePublished` anywhere in the JSON-LD blocks.
fn json_ld_date(doc: &Html) -> Option<String> {
    fn find(v: &Value) -> Option<String> {
        match v {
            Value::Object(map) => map
                .get("datePublished")
                .and_then(|d| d.as_str().map(str::to_string))
                .or_else(|| map.values().find_map(find)),
            Value::Array(items) => items.iter().find_map(find),
            _ => None,
        }
    }
    doc.select(&selector("script[type=\"application/ld+json\"]"))
        .filter_map(|s| serde_json::from_str::<Value>(&s.text().collect::<String>()).ok())
        .find_map(|v| find(&v))
}

fn is_noise(el: &ElementRef) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .chain(std::iter::once(*el))
        .any(|a| {
            let v = a.value();
            NOISE.contains(&v.name())
                || v.attr("role")
                    .is_some_and(|r| matches!(r, "navigation" | "banner" | "contentinfo"))
        })
}

fn body_text(doc: &Html) -> String {
    let container = ["article", "main", "body"]
        .iter()
        .find_map(|tag| doc.select(&selector(tag)).next());
    let Some(container) = container else {
        return String::new();
    };
    let blocks = selector(&BLOCKS.join(", "));
    let mut paragraphs: Vec<String> = Vec::new();
    for el in container.select(&blocks) {
        // A block nested in another block (a <p> in an <li>) is read once,
        // with its parent.
        let nested = el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take_while(|a| a.id() != container.id())
            .any(|a| BLOCKS.contains(&a.value().name()));
        if nested || is_noise(&el) {
            continue;
        }
        let text = text_of(el);
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    if paragraphs.is_empty() {
        // A page with bare text and no paragraph tags: its text outside the
        // noise elements.
        let text: Vec<&str> = container
            .descendants()
            .filter_map(|node| {
                let text = node.value().as_text()?;
                let in_noise = node
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|a| NOISE.contains(&a.value().name()));
                (!in_noise).then_some(&**text)
            })
            .collect();
        let text = text
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    paragraphs.join("\n\n")
}

/// The page's main text as Readability (Firefox's Reader View) finds it,
/// paragraphs kept; `None` when it finds none (the page's paragraphs are
/// then read as they are).
fn readable(html: &str) -> Option<dom_smoothie::Article> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    // Pages are untrusted and this is another crate's code: a panic in it
    // on some page falls back to fahras's own reading instead of ending
    // the indexing run.
    std::panic::catch_unwind(|| {
        dom_smoothie::Readability::new(html, None, Some(config))
            .ok()?
            .parse()
            .ok()
    })
    .ok()
    .flatten()
}

/// Readability's text, unless it is only the page's navigation, header,
/// footer or asides: a page with no article of its own has no body.
fn readable_body(r: &dom_smoothie::Article, doc: &Html) -> Option<String> {
    let text = r.text_content.trim();
    let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if squeezed.is_empty() {
        return None;
    }
    let chrome: Vec<String> = doc
        .select(&selector("nav, header, footer, aside"))
        .map(text_of)
        .collect();
    if chrome.join(" ").contains(&squeezed) {
        return None;
    }
    Some(text.to_string())
}

pub fn parse(
    text: &str,
    id: String,
    path_date: Option<jiff::civil::Date>,
) -> Result<Article, ParseError> {
    let doc = Html::parse_document(text);
    let first = |css: &str| {
        doc.select(&selector(css))
            .next()
            .map(text_of)
            .filter(|t| !t.is_empty())
    };
    let readable = readable(text);
    // The page's own headline when an <h1> repeats it word for word (the
    // page vouches for it whole: `اتفاق سنجار: بغداد وأربيل …` is not cut
    // at its colon); else Readability's (the <title> without the site's
    // name); else the page's own.
    let own = meta(&doc, &["og:title"]).or_else(|| first("title"));
    let vouched = own
        .as_ref()
        .filter(|t| doc.select(&selector("h1")).any(|h| text_of(h) == **t));
    let title = vouched
        .cloned()
        .or_else(|| {
            readable
                .as_ref()
                .map(|r| r.title.trim().to_string())
                .filter(|t| !t.is_empty())
        })
        .or(own)
        .or_else(|| first("h1"))
        .unwrap_or_default();
    let body = readable
        .as_ref()
        .and_then(|r| readable_body(r, &doc))
        .unwrap_or_else(|| body_text(&doc));
    if title.is_empty() && body.is_empty() {
        return Err(ParseError::EmptyPage);
    }
    let date_text = meta(
        &doc,
        &["article:published_time", "datePublished", "date", "pubdate"],
    )
    .or_else(|| {
        doc.select(&selector("time[datetime]"))
            .find_map(|t| t.value().attr("datetime").map(str::to_string))
    })
    .or_else(|| json_ld_date(&doc))
    .or_else(|| readable.as_ref().and_then(|r| r.published_time.clone()));
    let url = doc
        .select(&selector("link[rel=\"canonical\"]"))
        .find_map(|l| l.value().attr("href").map(str::to_string))
        .or_else(|| meta(&doc, &["og:url"]));
    Ok(Article {
        id,
        title,
        body,
        date: date_text.as_deref().and_then(parse_date).or(path_date),
        source: meta(&doc, &["og:site_name"]).or_else(|| {
            readable
                .and_then(|r| r.site_name)
                .filter(|s| !s.trim().is_empty())
        }),
        author: meta(&doc, &["author", "article:author"]),
        url,
        ..Article::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="ar" dir="rtl"><head>
<title>عنوان الصفحة | الموقع</title>
<meta property="og:title" content="واشنطن وبغداد تبحثان مستقبل التحالف">
<meta property="og:site_name" content="شبكة الأخبار">
<meta property="article:published_time" content="2024-02-10T09:00:00+03:00">
<link rel="canonical" href="https://example.org/a/1">
<script>var tracking = "لا تقرأني";</script><style>p{color:red}</style>
</head><body>
<header><nav><ul><li>الرئيسية</li><li>سياسة</li></ul></nav></header>
<article><h1>واشنطن وبغداد تبحثان مستقبل التحالف</h1>
<p>بحث مسؤولون عراقيون وأمريكيون مستقبل <b>التحالف الدولي</b>.</p>
<aside><p>اقرأ أيضاً: خبر آخر</p></aside>
<p>وقال المتحدث إن المحادثات مستمرة.</p>
<ul><li><p>نقطة أولى</p></li></ul>
</article>
<footer><p>جميع الحقوق محفوظة</p></footer></body></html>"#;

    #[test]
    fn reads_meta_and_main_text() {
        let a = parse(PAGE, "p.html".into(), None).unwrap();
        assert_eq!(a.title, "واشنطن وبغداد تبحثان مستقبل التحالف");
        assert_eq!(a.source.as_deref(), Some("شبكة الأخبار"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a/1"));
        assert_eq!(a.date.unwrap().to_string(), "2024-02-10");
        assert_eq!(
            a.body,
            "بحث مسؤولون عراقيون وأمريكيون مستقبل التحالف الدولي.\n\nوقال المتحدث إن المحادثات مستمرة.\n\nنقطة أولى"
        );
        for noise in ["الرئيسية", "اقرأ أيضاً", "الحقوق", "tracking", "color"]
        {
            assert!(!a.body.contains(noise), "{noise} leaked");
        }
    }

    #[test]
    fn falls_back_to_title_time_and_json_ld() {
        let page = r#"<html><head><title>خبر بلا وسوم</title>
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-05-01"}</script></head>
<body><main><p>نص الخبر</p></main></body></html>"#;
        let a = parse(page, "x".into(), None).unwrap();
        assert_eq!(a.title, "خبر بلا وسوم");
        assert_eq!(a.date.unwrap().to_string(), "2023-05-01");
        let b = parse(
            r#"<html><body><h1>عنوان</h1><time datetime="2022-12-31">أمس</time><p>نص</p></body></html>"#,
            "y".into(),
            None,
        )
        .unwrap();
        assert_eq!(b.title, "عنوان");
        assert_eq!(b.date.unwrap().to_string(), "2022-12-31");
    }

    #[test]
    fn a_headline_the_page_repeats_in_its_h1_is_kept_whole() {
        let page = r#"<html><head><title>اتفاق سنجار: بغداد وأربيل تتفقان على إدارة القضاء</title></head>
<body><article><h1>اتفاق سنجار: بغداد وأربيل تتفقان على إدارة القضاء</h1>
<p>وقّعت الحكومة الاتحادية وحكومة الإقليم اتفاقاً لتطبيع الأوضاع في القضاء وإعادة تشكيل إدارته المحلية بعد سنوات من النزاع.</p>
<p>ورحّبت بعثة الأمم المتحدة بالاتفاق ودعت إلى تنفيذه سريعاً.</p></article></body></html>"#;
        let a = parse(page, "s".into(), None).unwrap();
        assert_eq!(a.title, "اتفاق سنجار: بغداد وأربيل تتفقان على إدارة القضاء");
        assert!(a.body.contains("ورحّبت بعثة الأمم المتحدة"));
    }

    #[test]
    fn an_empty_page_is_refused() {
        assert!(parse(
            "<html><body><nav>قائمة</nav></body></html>",
            "z".into(),
            None
        )
        .is_err());
    }
}
