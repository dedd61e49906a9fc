//! Blocks of a news page that are never its article, removed before the
//! main text is looked for: share bars, tag and keyword lists, "read also"
//! links, newsletter boxes, print tools and lines that only give the date.
//! Readability already drops what it recognises (comments, sidebars,
//! "related" boxes); these are the blocks of Arabic sites it keeps.

use std::sync::LazyLock;

use dom_query::{Document, Matcher, NodeRef};

use super::page::{first_words, has_more_words, matcher, name_words, shown_date};
use crate::analysis::normalize;

/// Words of a class or id that name boilerplate.
const NAMES: [&str; 19] = [
    "share",
    "sharing",
    "sharebar",
    "social",
    "tags",
    "tag",
    "keywords",
    "newsletter",
    "subscribe",
    "subscription",
    "breadcrumb",
    "breadcrumbs",
    "print",
    "tools",
    "toolbar",
    "readmore",
    "readalso",
    "mostread",
    "promo",
];

/// Two words of a class that name boilerplate together (`read-also`,
/// `most-read`).
const PAIRS: [(&str, &str); 5] = [
    ("read", "also"),
    ("read", "more"),
    ("also", "read"),
    ("most", "read"),
    ("most", "viewed"),
];

/// How a short block of boilerplate starts, in Arabic: "read also", "related
/// topics", "keywords", "tags", "subscribe to", "follow us on", "share".
const OPENINGS: [&str; 17] = [
    "اقرأ أيضا",
    "اقرأ المزيد",
    "شاهد أيضا",
    "مواضيع ذات صلة",
    "أخبار ذات صلة",
    "مواضيع قد تهمك",
    "قد يهمك أيضا",
    "كلمات مفتاحية",
    "الكلمات المفتاحية",
    "الوسوم",
    "وسوم",
    "اشترك في",
    "اشترك الآن",
    "تابعونا على",
    "تابعنا على",
    "شارك الخبر",
    "شارك المقال",
];

/// Boilerplate is short: a block with more words than this is kept
/// whatever it is called (a WordPress `<article class="tag-iraq">`).
const MAX_WORDS: usize = 60;

static CLASSED: LazyLock<Matcher> = LazyLock::new(|| matcher("[class], [id]"));
static BLOCKS: LazyLock<Matcher> =
    LazyLock::new(|| matcher("p, div, section, li, ul, span, strong"));

/// Elements that hold the article: never removed as boilerplate.
const HOLDERS: [&str; 4] = ["html", "body", "article", "main"];

fn named_boilerplate(node: &NodeRef) -> bool {
    let words = name_words(node);
    words.iter().enumerate().any(|(i, w)| {
        // `tag-iraq`, `category-news`: WordPress names an article's
        // taxonomy this way; they are not tag lists.
        let taxonomy = w == "tag" && words.get(i + 1).is_some_and(|n| !n.is_empty());
        (NAMES.contains(&w.as_str()) && !taxonomy)
            || words
                .get(i + 1)
                .is_some_and(|next| PAIRS.contains(&(w.as_str(), next.as_str())))
    })
}

fn opens_as_boilerplate(node: &NodeRef, openings: &[Vec<String>]) -> bool {
    let words: Vec<String> = first_words(node, 4)
        .iter()
        .flat_map(|w| w.split([':', '،', '-', '|']))
        .filter(|w| !w.is_empty())
        .take(4)
        .map(normalize)
        .collect();
    if words.is_empty() {
        return false;
    }
    openings
        .iter()
        .any(|o| words.len() >= o.len() && words[..o.len()] == o[..])
}

fn removable(node: &NodeRef) -> bool {
    let name = node.node_name();
    let name = name.as_deref().unwrap_or("");
    !HOLDERS.contains(&name)
        && !has_more_words(node, MAX_WORDS)
        && !node
            .descendants_it()
            .any(|d| d.node_name().as_deref() == Some("h1"))
}

/// Removes the page's boilerplate blocks.
pub(super) fn strip(doc: &Document) {
    static OPENING_WORDS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
        OPENINGS
            .iter()
            .map(|o| o.split(' ').map(normalize).collect())
            .collect()
    });
    let mut doomed: Vec<NodeRef> = Vec::new();
    for node in doc.select_matcher(&CLASSED).nodes() {
        if (named_boilerplate(node) || shown_date(node).is_some()) && removable(node) {
            doomed.push(*node);
        }
    }
    for node in doc.select_matcher(&BLOCKS).nodes() {
        if opens_as_boilerplate(node, &OPENING_WORDS) && removable(node) {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

#[cfg(test)]
mod tests {
    use super::super::page::text_of;
    use super::*;

    fn body_after_strip(html: &str) -> String {
        let doc = Document::from(html);
        strip(&doc);
        text_of(&doc.root())
    }

    #[test]
    fn named_and_opening_boilerplate_goes_and_the_article_stays() {
        let text = body_after_strip(
            r#"<html><body><article class="post tag-iraq">
<div class="share-bar">شارك: فيسبوك تويتر</div>
<p>وصل الوفد إلى بغداد صباح اليوم.</p>
<div class="news-date">الثلاثاء 18 أيلول 2018</div>
<p><strong>اقرأ أيضاً:</strong> <a>خبر آخر</a></p>
<div>كلمات مفتاحية: نفط، البصرة</div>
<div class="read-also"><a>عنوان</a></div>
<div class="tags"><a>العراق</a></div>
</article></body></html>"#,
        );
        assert_eq!(text, "وصل الوفد إلى بغداد صباح اليوم.");
    }

    #[test]
    fn a_long_block_is_kept_whatever_its_name() {
        let long = "كلمة ".repeat(MAX_WORDS + 1);
        let text = body_after_strip(&format!(
            r#"<html><body><div class="tools"><p>{long}</p></div></body></html>"#
        ));
        assert_eq!(text.split(' ').count(), MAX_WORDS + 1);
        // A paragraph that only mentions "read" is not a "read also" box.
        let kept = body_after_strip(r#"<p class="lead">اقرأ النص كاملا في العدد المقبل</p>"#);
        assert_eq!(kept, "اقرأ النص كاملا في العدد المقبل");
    }
}
