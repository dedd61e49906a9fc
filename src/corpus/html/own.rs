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
static CHROME: LazyLock<Matcher> = LazyLock::new(|| matcher("nav, header, footer, aside"));

fn name_in(node: &NodeRef, names: &[&str]) -> bool {
    node.node_name().is_some_and(|n| names.contains(&&*n))
}

/// Whether the node or one of its ancestors is noise.
fn is_noise(node: &NodeRef) -> bool {
    std::iter::once(*node)
        .chain(node.ancestors_it(None))
        .any(|a| is_noise_element(&a))
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

/// Whether the page's elements nest deeper than `limit`, found in one walk
/// that stops as soon as it knows. Readability looks at each element's
/// descendants, so its cost grows with depth times size: thousands of
/// nested `<div>`s (a broken or hostile page) take minutes.
pub(super) fn nests_deeper_than(doc: &Document, limit: usize) -> bool {
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        stack.extend(
            node.children_it(false)
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    false
}

/// The page's paragraphs, blank-line separated: the text of each block
/// element that is not inside another (a `<p>` in an `<li>` is read once,
/// with its parent), outside the noise elements. One walk over the tree,
/// whatever its depth.
pub(super) fn body(doc: &Document) -> String {
    let Some(container) = CONTAINERS
        .iter()
        .find_map(|m| doc.select_matcher(m).nodes().first().copied())
    else {
        return String::new();
    };
    let mut reading = Reading::default();
    if !is_noise(&container) {
        reading.walk(container);
    }
    let Reading {
        mut paragraphs,
        loose,
        ..
    } = reading;
    if paragraphs.is_empty() && !loose.is_empty() {
        // A page with bare text and no paragraph tags: its text outside the
        // noise elements.
        paragraphs.push(loose);
    }
    paragraphs.join("\n\n")
}

/// The state of [`body`]'s walk.
#[derive(Default)]
struct Reading {
    paragraphs: Vec<String>,
    /// The paragraph being read, while inside a block.
    current: String,
    /// Text outside every block.
    loose: String,
}

fn push_words(out: &mut String, text: &str) {
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

impl Reading {
    /// Reads the tree under `root` in document order, with an explicit
    /// stack (a deep page must not overflow the thread's).
    fn walk(&mut self, root: NodeRef) {
        // (node, whether it is the top block of a paragraph, exiting?)
        let mut stack = vec![(root, false, false)];
        let mut in_block = 0usize;
        while let Some((node, top, exiting)) = stack.pop() {
            if exiting {
                in_block -= 1;
                if top && !self.current.is_empty() {
                    self.paragraphs.push(std::mem::take(&mut self.current));
                }
                continue;
            }
            if node.is_text() {
                let out = if in_block > 0 {
                    &mut self.current
                } else {
                    &mut self.loose
                };
                push_words(out, &node.text());
                continue;
            }
            if !node.is_element() && node.id != root.id {
                continue;
            }
            if node.id != root.id && is_noise_element(&node) {
                continue;
            }
            let block = node.id != root.id && name_in(&node, &BLOCKS);
            if block {
                stack.push((node, in_block == 0, true));
                in_block += 1;
            }
            let children: Vec<NodeRef> = node.children_it(false).collect();
            stack.extend(children.into_iter().rev().map(|c| (c, false, false)));
        }
    }
}

/// Whether this element itself is noise (its ancestors aside).
fn is_noise_element(node: &NodeRef) -> bool {
    name_in(node, &NOISE)
        || node
            .attr("role")
            .is_some_and(|r| matches!(&*r, "navigation" | "banner" | "contentinfo"))
}
