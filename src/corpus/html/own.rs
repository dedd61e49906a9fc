//! fahras's own reading of a page's text, for pages where Readability finds
//! no article: the paragraphs of `<article>` (else `<main>`, else
//! `<body>`), leaving out navigation, headers, footers, asides, menus,
//! forms, scripts and styles.

use std::sync::LazyLock;

use dom_query::{Document, Matcher, NodeRef};

use super::page::{matcher, text_of};

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

static CONTAINERS: [LazyLock<Matcher>; 3] = [
    LazyLock::new(|| matcher("article")),
    LazyLock::new(|| matcher("main")),
    LazyLock::new(|| matcher("body")),
];
static BLOCK: LazyLock<Matcher> = LazyLock::new(|| matcher(&BLOCKS.join(", ")));
static CHROME: LazyLock<Matcher> = LazyLock::new(|| matcher("nav, header, footer, aside"));

fn name_in(node: &NodeRef, names: &[&str]) -> bool {
    node.node_name().is_some_and(|n| names.contains(&&*n))
}

fn is_noise(node: &NodeRef) -> bool {
    std::iter::once(*node)
        .chain(node.ancestors_it(None))
        .any(|a| {
            name_in(&a, &NOISE)
                || a.attr("role")
                    .is_some_and(|r| matches!(&*r, "navigation" | "banner" | "contentinfo"))
        })
}

/// The text of the page's navigation, header, footer and asides, squeezed.
pub(super) fn chrome(doc: &Document) -> String {
    doc.select_matcher(&CHROME)
        .nodes()
        .iter()
        .map(text_of)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The page's paragraphs, blank-line separated.
pub(super) fn body(doc: &Document) -> String {
    let Some(container) = CONTAINERS
        .iter()
        .find_map(|m| doc.select_matcher(m).nodes().first().copied())
    else {
        return String::new();
    };
    let mut paragraphs: Vec<String> = Vec::new();
    for el in under(&container, &BLOCK) {
        // A block nested in another block (a <p> in an <li>) is read once,
        // with its parent.
        let nested = el
            .ancestors_it(None)
            .take_while(|a| a.id != container.id)
            .any(|a| name_in(&a, &BLOCKS));
        if nested || is_noise(&el) {
            continue;
        }
        let text = text_of(&el);
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    if paragraphs.is_empty() {
        // A page with bare text and no paragraph tags: its text outside the
        // noise elements.
        let words: Vec<String> = container
            .descendants_it()
            .filter(|n| n.is_text() && !n.ancestors_it(None).any(|a| name_in(&a, &NOISE)))
            .map(|n| n.text().split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
            .collect();
        if !words.is_empty() {
            paragraphs.push(words.join(" "));
        }
    }
    paragraphs.join("\n\n")
}

/// The elements under `root` that `m` matches, in document order.
fn under<'a>(root: &NodeRef<'a>, m: &Matcher) -> Vec<NodeRef<'a>> {
    dom_query::Selection::from(*root)
        .select_matcher(m)
        .nodes()
        .to_vec()
}
