//! How deep a page's elements nest, estimated from its raw text before it
//! is parsed. The HTML parser checks the stack of open elements at many
//! tags, so its cost grows with depth times size: 20,000 nested `<div>`s
//! (0.2 MB) take 1.6 s to parse, and a few megabytes of them would take
//! hours. Browsers cap the depth of the tree they build; fahras refuses
//! such a page, named in the summary, instead of stalling the run.

/// Elements with no end tag, and those whose end tag pages often leave
/// out (a run of unclosed `<p>` or `<li>` is not nesting).
const FLAT: [&str; 22] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th",
];

/// Elements whose text is not markup: their content is skipped to their
/// end tag.
const RAW: [&str; 4] = ["script", "style", "textarea", "title"];

/// The most elements open at once, counting start tags up and end tags
/// down; stops counting once past `limit`.
pub(super) fn estimate(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        i += at + 1;
        match bytes.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b'!') if bytes[i..].starts_with(b"!--") => i = skip_past(bytes, i, b"-->"),
            Some(c) if c.is_ascii_alphabetic() => {
                let end = bytes[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |n| i + n);
                let name = html[i..end].to_ascii_lowercase();
                if RAW.contains(&name.as_str()) {
                    i = skip_past(bytes, end, format!("</{name}").as_bytes());
                    continue;
                }
                let tag_end = bytes[end..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(bytes.len(), |n| end + n);
                let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
                if !FLAT.contains(&name.as_str()) && !self_closing {
                    depth += 1;
                    deepest = deepest.max(depth);
                    if deepest > limit {
                        return deepest;
                    }
                }
                i = tag_end;
            }
            _ => {}
        }
        if i >= bytes.len() {
            break;
        }
    }
    deepest
}

/// The index just past the next `needle` at or after `from` (ASCII case
/// ignored), or the end.
fn skip_past(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    bytes[from.min(bytes.len())..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map_or(bytes.len(), |n| from + n + needle.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_open_elements_and_not_flat_or_raw_ones() {
        assert_eq!(
            estimate("<html><body><div><p>a<p>b</div></body></html>", 100),
            3
        );
        assert_eq!(
            estimate("<ul><li>a<li>b<li>c</ul><br><img src=x/><x-y/>", 100),
            1
        );
        let script = "<script>if (a<b && c<d) { x = '<div><div>'; }</script><div></div>";
        assert_eq!(estimate(script, 100), 1);
        assert_eq!(estimate("<!-- <div><div><div> --><span>", 100), 1);
    }

    #[test]
    fn stops_once_past_the_limit() {
        let deep = "<div>".repeat(10_000);
        assert_eq!(estimate(&deep, 50), 51);
        assert_eq!(estimate("<div", 10), 1);
        assert_eq!(estimate("<", 10), 0);
    }
}
