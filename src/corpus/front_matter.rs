//! The optional `---` block at the top of a `.txt` article: `key: value`
//! lines that override what fahras would infer.

/// Splits `text` into its front-matter pairs and the rest. Without a
/// well-formed block (a `---` first line and a closing `---`), the whole
/// text is the rest.
pub fn split(text: &str) -> (Vec<(String, String)>, &str) {
    let trimmed = text.trim_start_matches(['\u{FEFF}', '\n', '\r', ' ']);
    let Some(after_open) = trimmed
        .strip_prefix("---\n")
        .or_else(|| trimmed.strip_prefix("---\r\n"))
    else {
        return (Vec::new(), text);
    };
    let mut pairs = Vec::new();
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim() == "---" {
            return (pairs, &after_open[offset..]);
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        match line.split_once(':') {
            Some((key, value)) => pairs.push((
                key.trim().to_lowercase(),
                value.trim().trim_matches('"').trim().to_string(),
            )),
            // Not front matter after all: a `---` rule opening the text.
            None => return (Vec::new(), text),
        }
    }
    (Vec::new(), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pairs_and_returns_the_rest() {
        let (pairs, rest) = split("---\ntitle: عنوان\ndate: 2024-03-01\n---\nالنص\n");
        assert_eq!(
            pairs,
            [
                ("title".to_string(), "عنوان".to_string()),
                ("date".to_string(), "2024-03-01".to_string())
            ]
        );
        assert_eq!(rest, "النص\n");
    }

    #[test]
    fn unclosed_or_malformed_blocks_are_text() {
        assert_eq!(split("---\ntitle: x\nالنص").0, []);
        assert_eq!(split("---\nسطر بلا مفتاح\n---\n").0, []);
        assert_eq!(split("لا شيء هنا").1, "لا شيء هنا");
    }
}
