//! Text for a terminal: snippets wrapped to its width at word boundaries
//! (never inside a word, which would break Arabic letters apart), and
//! right-to-left runs isolated in lines that mix directions, so that
//! `2024-08-06 · وكالات · score 6.75` reads in its order.

use unicode_width::UnicodeWidthChar;

/// Columns of plain text, a character at a time: marks take none, and a
/// lam-alef counts as the two letters it is (a terminal that joins them
/// leaves a column free; one that does not would be overrun).
fn columns(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// A word of a snippet, as runs of (text, highlighted).
type Word = Vec<(String, bool)>;

/// Splits runs of (text, highlighted) into words, keeping each part's mark.
fn words(runs: &[(String, bool)]) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut current: Word = Vec::new();
    for (text, marked) in runs {
        let mut part = String::new();
        for c in text.chars() {
            if c.is_whitespace() {
                if !part.is_empty() {
                    current.push((std::mem::take(&mut part), *marked));
                }
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            } else {
                part.push(c);
            }
        }
        if !part.is_empty() {
            current.push((part, *marked));
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// Lays the runs out in lines of at most `width` columns (a word longer
/// than a line gets a line of its own); `render` shows one part of a word.
pub fn wrap(
    runs: &[(String, bool)],
    width: usize,
    render: impl Fn(&str, bool) -> String,
) -> Vec<String> {
    let width = width.max(10);
    let mut lines = Vec::new();
    let (mut line, mut used) = (String::new(), 0);
    for word in words(runs) {
        let shown: Vec<String> = word.iter().map(|(t, m)| render(t, *m)).collect();
        let w: usize = shown.iter().map(|s| visible_width(s)).sum();
        if used > 0 && used + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        for part in &shown {
            line.push_str(part);
        }
        used += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Columns `s` takes on a terminal: ANSI colour sequences take none.
fn visible_width(s: &str) -> usize {
    let mut width = 0;
    let mut rest = s;
    while let Some(at) = rest.find('\x1b') {
        width += columns(&rest[..at]);
        rest = &rest[at..];
        rest = match rest.find('m') {
            Some(end) => &rest[end + 1..],
            None => "",
        };
    }
    width + columns(rest)
}

fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// `field` between first-strong isolates (FSI … PDI) when it holds
/// right-to-left letters, so that a line of several fields keeps their
/// order on a terminal that applies the bidi algorithm.
pub fn isolate(field: &str) -> String {
    if field.chars().any(is_rtl) {
        format!("\u{2068}{field}\u{2069}")
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str, marked: bool) -> String {
        if marked {
            format!("[{text}]")
        } else {
            text.to_string()
        }
    }

    #[test]
    fn lines_break_between_words_only() {
        let runs = vec![
            ("قالت مصادر في ".to_string(), false),
            ("بغداد".to_string(), true),
            (" إن المحادثات مستمرة".to_string(), false),
        ];
        let lines = wrap(&runs, 12, plain);
        assert_eq!(
            lines,
            ["قالت مصادر", "في [بغداد]", "إن المحادثات", "مستمرة"]
        );
        for line in &lines {
            assert!(columns(&line.replace(['[', ']'], "")) <= 12 || !line.contains(' '));
        }
        // Nothing is lost or reordered.
        let joined = lines.join(" ").replace(['[', ']'], "");
        assert_eq!(joined, "قالت مصادر في بغداد إن المحادثات مستمرة");
    }

    #[test]
    fn marks_have_no_width_and_a_long_word_keeps_its_line() {
        let runs = vec![("العِراقُ ".to_string(), false), ("ب".repeat(30), false)];
        let lines = wrap(&runs, 10, plain);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].chars().count(), 30);
    }

    #[test]
    fn what_render_adds_counts_except_colour() {
        let runs = vec![("أ ب ج د".to_string(), true)];
        // `**x**` is five columns: two words to a line of 11.
        let stars = wrap(&runs, 11, |t, _| format!("**{t}**"));
        assert_eq!(stars, ["**أ** **ب**", "**ج** **د**"]);
        let colour = wrap(&runs, 11, |t, _| format!("\x1b[1;31m{t}\x1b[0m"));
        assert_eq!(colour.len(), 1);
    }

    #[test]
    fn only_right_to_left_fields_are_isolated() {
        assert_eq!(isolate("وكالات"), "\u{2068}وكالات\u{2069}");
        assert_eq!(isolate("score 6.75"), "score 6.75");
    }
}
