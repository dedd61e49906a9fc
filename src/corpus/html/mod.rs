//! HTML articles saved from news sites.
//!
//! The page is parsed once. What it says about itself is read first
//! ([`page`]): the headline from `og:title`, `<title>` and `<h1>`, the date
//! from `article:published_time`, `<time datetime>`, JSON-LD or a date shown
//! in an element named for it, the site from `og:site_name` or the JSON-LD
//! publisher, the canonical address, `lang` and `dir`. Then the blocks that
//! are never the article are removed ([`clean`]) and the main text is found
//! by Readability (the algorithm of Firefox's Reader View, `dom_smoothie`);
//! a page where it finds none is read by fahras's own rules ([`own`]).

mod clean;
mod depth;
mod own;
mod page;

use dom_query::Document;
use jiff::civil::Date;

use super::article::Article;
use super::date::dateline;
use super::error::ParseError;
use page::Facts;

/// The version of this reader. Bumped when a page would be read
/// differently; an index made by another version reads its HTML files again
/// on the next run, changed or not. 2: one parse, Arabic sites'
/// boilerplate removed, shown dates, bylines, `lang` and `dir`.
pub const VERSION: u32 = 2;

/// Deeper than this, a page is not given to Readability, whose cost grows
/// with depth times size (20,000 nested `<div>`s took 100 s), but read by
/// fahras's own rules in one walk. News pages nest a few dozen deep.
const READABLE_DEPTH: usize = 128;

/// Deeper than this, a page is refused before it is parsed ([`depth`]).
/// Real pages nest well under [`READABLE_DEPTH`].
const MAX_DEPTH: usize = 2048;

/// Characters a site's name and a headline are separated by in `<title>`.
const SEPARATORS: [char; 9] = ['|', '-', '–', '—', ':', '»', '«', '·', '•'];

/// The page's main text as Readability finds it, paragraphs kept; `None`
/// when it finds none.
fn readable(doc: Document) -> Option<dom_smoothie::Article> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    // Pages are untrusted and this is another crate's code: a panic in it
    // on some page falls back to fahras's own reading instead of ending
    // the indexing run.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        dom_smoothie::Readability::with_document(doc, None, Some(config))
            .ok()?
            .parse()
            .ok()
    }))
    .ok()
    .flatten()
}

/// Readability's text, unless it is only the page's navigation, header,
/// footer or asides: a page with no article of its own has no body.
fn readable_body(r: &dom_smoothie::Article, chrome: &str) -> Option<String> {
    let text = r.text_content.trim();
    let squeezed = squeeze(text);
    if squeezed.is_empty() || chrome.contains(&squeezed) {
        return None;
    }
    Some(text.to_string())
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The site's name before the headline in `<title>`, when an `<h1>` is
/// that headline: `صحيفة الخليج العربي - صادرات النفط ترتفع` with the h1
/// `صادرات النفط ترتفع`. Readability keeps such a title whole when the
/// name before the separator has three or four words, as Arabic sites'
/// names often do (`وكالة الأنباء العراقية`). A name after the headline is
/// left to Readability, whose title keeps it by design (`Mozilla -
/// Wikipedia`).
fn site_before_headline<'a>(title: &str, h1s: &'a [String]) -> Option<(&'a str, String)> {
    h1s.iter().find_map(|h1| {
        let before = title.strip_suffix(h1.as_str())?.trim_end();
        // Only a separator between them: `الخبر` at the end of `نص الخبر`
        // is not its headline.
        let site = before.strip_suffix(SEPARATORS)?;
        let site = site.trim_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c));
        // A headline is longer than a site's name: an <h1> that holds a
        // logo (`V8`) at the end of the title is not the headline.
        let words = |t: &str| t.split_whitespace().count();
        (!site.is_empty() && words(h1) > words(site)).then(|| (h1.as_str(), site.to_string()))
    })
}

fn title(facts: &Facts, readable: Option<&dom_smoothie::Article>) -> (String, Option<String>) {
    let own = facts.title.as_deref();
    // The page's own headline when an <h1> repeats it word for word (the
    // page vouches for it whole: `اتفاق سنجار: بغداد وأربيل …` is not cut
    // at its colon).
    if let Some(t) = own.filter(|t| facts.h1s.iter().any(|h| h == t)) {
        return (t.to_string(), None);
    }
    if let Some((h1, site)) = own.and_then(|t| site_before_headline(t, &facts.h1s)) {
        return (h1.to_string(), Some(site));
    }
    // Readability's (the <title> without the site's name), else the
    // page's own, else its first <h1>.
    let title = readable
        .map(|r| r.title.trim().to_string())
        .filter(|t| !t.is_empty())
        .or_else(|| own.map(str::to_string))
        .or_else(|| facts.h1s.first().cloned())
        .unwrap_or_default();
    (title, None)
}

pub fn parse(text: &str, id: String, path_date: Option<Date>) -> Result<Article, ParseError> {
    let depth = depth::estimate(text, MAX_DEPTH);
    if depth > MAX_DEPTH {
        return Err(ParseError::TooDeep {
            depth,
            max: MAX_DEPTH,
        });
    }
    let doc = Document::from(text);
    let facts = Facts::read(&doc);
    clean::strip(&doc);
    let chrome = own::chrome(&doc);
    let (readable, unread) = if own::nests_deeper_than(&doc, READABLE_DEPTH) {
        (None, Some(doc))
    } else {
        (readable(doc), None)
    };
    let (title, site_in_title) = title(&facts, readable.as_ref());
    let body = readable
        .as_ref()
        .and_then(|r| readable_body(r, &chrome))
        .unwrap_or_else(|| {
            // Readability consumed its copy; this rare path parses again.
            let doc = unread.unwrap_or_else(|| {
                let doc = Document::from(text);
                clean::strip(&doc);
                doc
            });
            own::body(&doc)
        });
    // The headline again at the top of the text (Readability keeps an
    // <h1> that is not its idea of the title) is said once.
    let body = match body.split_once("\n\n") {
        Some((first, rest)) if squeeze(first) == squeeze(&title) => rest.to_string(),
        _ => body,
    };
    if title.is_empty() && body.is_empty() {
        return Err(ParseError::EmptyPage);
    }
    let readable_date = readable
        .as_ref()
        .and_then(|r| r.published_time.as_deref())
        .and_then(super::date::parse_date);
    // A dateline at the top of the text (`البصرة - 18 أيلول 2018`).
    let body_dateline = || {
        body.split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .take(2)
            .find_map(dateline)
    };
    let site = facts
        .site
        .or_else(|| {
            readable
                .as_ref()
                .and_then(|r| r.site_name.clone())
                .filter(|s| !s.trim().is_empty())
        })
        .or(site_in_title);
    Ok(Article {
        id,
        title,
        date: facts
            .date
            .or(readable_date)
            .or(facts.shown_date)
            .or(path_date)
            .or_else(body_dateline),
        body,
        source: site,
        author: facts.author,
        url: facts.url,
        lang: facts.lang,
        dir: facts.dir,
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
    fn a_site_name_before_the_headline_is_the_source() {
        let h1s = |h: &[&str]| h.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let headline = "صادرات النفط من موانئ البصرة ترتفع";
        let title = format!("صحيفة الخليج العربي - {headline}");
        assert_eq!(
            site_before_headline(&title, &h1s(&[headline])),
            Some((headline, "صحيفة الخليج العربي".to_string()))
        );
        // No separator: a headline's last words are not a headline.
        assert_eq!(site_before_headline("نص الخبر", &h1s(&["الخبر"])), None);
        // A logo in an <h1> is shorter than what precedes it.
        let logo = "Outside the web: standalone binaries · V8";
        assert_eq!(site_before_headline(logo, &h1s(&["V8"])), None);
    }

    #[test]
    fn the_author_is_never_a_commenter_and_lang_and_dir_are_kept() {
        let page = r#"<html lang="ar" dir="RTL"><body><article>
<h1>خبر</h1><p>نص الخبر الذي كتبه المراسل عن زيارة الوفد إلى بغداد ولقائه بالمسؤولين.</p>
</article><div class="comments"><div class="comment-author">أبو علي</div><p>تعليق</p></div>
</body></html>"#;
        let a = parse(page, "c".into(), None).unwrap();
        assert_eq!(a.author, None);
        assert_eq!(
            (a.lang.as_deref(), a.dir.as_deref()),
            (Some("ar"), Some("rtl"))
        );
        let signed = page.replace(
            "<h1>خبر</h1>",
            r#"<h1>خبر</h1><span class="byline">سارة الجبوري</span>"#,
        );
        let b = parse(&signed, "c".into(), None).unwrap();
        assert_eq!(b.author.as_deref(), Some("سارة الجبوري"));
        let odd = r#"<html dir="sideways"><head><meta property="og:locale" content="en_GB"></head><body><p>Text of the report.</p></body></html>"#;
        let c = parse(odd, "d".into(), None).unwrap();
        assert_eq!((c.lang.as_deref(), c.dir), (Some("en-GB"), None));
    }

    #[test]
    fn a_date_shown_as_words_dates_the_page() {
        let page = r#"<html><body><div class="news-box"><h1>خبر</h1>
<div class="news-date">الثلاثاء 18 أيلول 2018</div>
<div class="text">نص الخبر الطويل عن صادرات النفط من الموانئ الجنوبية في البصرة.</div></div></body></html>"#;
        let a = parse(page, "e".into(), None).unwrap();
        assert_eq!(a.date.unwrap().to_string(), "2018-09-18");
        assert!(!a.body.contains("أيلول"), "{}", a.body);
    }

    #[test]
    fn a_page_nested_thousands_deep_is_read_in_one_walk() {
        let n = 2_000;
        let page = format!(
            "<html><head><title>صفحة عميقة</title></head><body>{}<p>نص عميق عن بغداد</p>{}<p>فقرة ثانية</p></body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let a = parse(&page, "deep".into(), None).unwrap();
        assert_eq!(a.title, "صفحة عميقة");
        assert_eq!(a.body, "نص عميق عن بغداد\n\nفقرة ثانية");
        let hostile = page.replace("<div>", "<div><span>");
        assert_eq!(
            parse(&hostile, "deeper".into(), None).unwrap_err(),
            ParseError::TooDeep {
                depth: MAX_DEPTH + 1,
                max: MAX_DEPTH
            }
        );
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
