//! Plain-text articles in the style of scraped news sites.
//!
//! ```text
//! دمشق °C                      ← site widget: boilerplate
//! 00963 939 114 037            ← phone number: boilerplate
//! <headline>                   ← title: the first real headline line
//! <paragraphs>                 ← body
//! المصدر: العربية الانكليزية     ← source, taken out of the body
//! ترجمة: أوغاريت بوست            ← translator, taken out of the body
//! ```
//!
//! A line is boilerplate when it has fewer than two Arabic words or shows a
//! temperature. Attribution lines count only at the very end, so a body
//! paragraph that happens to start with `المصدر:` stays in the body. An
//! optional front matter block (see [`super::front_matter`]) overrides
//! everything inferred.

use super::article::Article;
use super::date::{dateline, parse_period};
use super::error::ParseError;
use super::front_matter;

/// The version of this reader; see [`super::html::VERSION`].
pub const VERSION: u32 = 1;

/// How many lines at the top may hold a dateline.
const DATELINE_LINES: usize = 4;

/// Parses one `.txt` article. `id` and `path_date` come from the file's path.
pub fn parse(
    text: &str,
    id: String,
    path_date: Option<jiff::civil::Date>,
) -> Result<Article, ParseError> {
    let (pairs, rest) = front_matter::split(text);
    let mut article = Article {
        id,
        ..Article::default()
    };
    let mut lines: Vec<&str> = rest.lines().map(str::trim).collect();

    // Attribution lines at the end.
    while let Some(pos) = lines.iter().rposition(|l| !l.is_empty()) {
        lines.truncate(pos + 1);
        match attribution(lines[pos]) {
            Some((Role::Source, value)) if article.source.is_none() => {
                article.source = Some(value.to_string())
            }
            Some((Role::Translator, value)) if article.translator.is_none() => {
                article.translator = Some(value.to_string())
            }
            _ => break,
        }
        lines.pop();
    }

    let headline = lines.iter().position(|l| is_headline(l));
    let (header, title_line, body_lines) = match headline {
        Some(i) => (&lines[..i], Some(lines[i]), &lines[i + 1..]),
        None => (&lines[..0], None, &lines[..]),
    };
    let mut body_lines = body_lines;
    article.title = title_line.unwrap_or_default().to_string();

    let mut fm_title = None;
    let mut fm_date = None;
    for (key, value) in pairs {
        match key.as_str() {
            "title" => fm_title = Some(value),
            "date" => fm_date = Some(value),
            "source" => article.source = Some(value),
            "translator" => article.translator = Some(value),
            "author" => article.author = Some(value),
            "url" => article.url = Some(value),
            "id" if !value.is_empty() => article.id = value,
            _ => {
                article.extras.insert(key, serde_json::Value::String(value));
            }
        }
    }
    if let Some(title) = fm_title {
        // The headline line, when it repeats the front matter's title, is
        // not body text; any other first line is.
        if title_line.is_some_and(|l| l != title) {
            body_lines = &lines[headline.unwrap_or(0)..];
        }
        article.title = title;
    }

    article.body = paragraphs(body_lines);
    // Front matter may give a month or a year alone.
    let fm_period = fm_date.as_deref().and_then(parse_period);
    if let Some((_, precision)) = fm_period {
        article.date_precision = precision;
    }
    article.date = fm_period.map(|(d, _)| d).or(path_date).or_else(|| {
        header
            .iter()
            .chain(
                body_lines
                    .iter()
                    .filter(|l| !l.is_empty())
                    .take(DATELINE_LINES),
            )
            .find_map(|l| dateline(l))
    });

    if article.title.is_empty() && article.body.is_empty() {
        return Err(ParseError::NoText);
    }
    if article.title.is_empty() {
        return Err(ParseError::NoHeadline);
    }
    Ok(article)
}

enum Role {
    Source,
    Translator,
}

fn attribution(line: &str) -> Option<(Role, &str)> {
    let (key, value) = line.split_once([':', '：'])?;
    let role = match key.trim() {
        "المصدر" | "مصدر" | "Source" | "source" => Role::Source,
        "ترجمة" | "الترجمة" | "المترجم" | "ترجمة وتحرير" | "Translator" | "translator" => {
            Role::Translator
        }
        _ => return None,
    };
    let value = value.trim();
    (!value.is_empty()).then_some((role, value))
}

fn arabic_words(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| {
            w.chars()
                .filter(|c| matches!(c, '\u{0621}'..='\u{064A}'))
                .count()
                >= 2
        })
        .count()
}

/// A real headline: two or more Arabic words and no weather widget.
fn is_headline(line: &str) -> bool {
    arabic_words(line) >= 2 && !line.contains(['°', '℃', '℉'])
}

/// Joins lines into paragraphs: lines of one paragraph with a newline,
/// paragraphs with a blank line, runs of blank lines collapsed.
fn paragraphs(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../sample-corpus/2024/07/23/us-iraq-roadmap.txt");

    fn parse_ok(text: &str) -> Article {
        parse(text, "t".into(), None).unwrap()
    }

    #[test]
    fn the_seed_article_parses_exactly() {
        let a = parse_ok(SEED);
        assert_eq!(
            a.title,
            "الولايات المتحدة والعراق يتفقان على خارطة طريق جديدة للوجود العسكري الأمريكي المستقبلي على الأرض"
        );
        assert_eq!(a.source.as_deref(), Some("العربية الانكليزية"));
        assert_eq!(a.translator.as_deref(), Some("أوغاريت بوست"));
        assert!(
            a.body.starts_with("مصادر مطلعة على الاجتماعات"),
            "{}",
            &a.body[..80]
        );
        assert!(a.body.ends_with("بسيادة العراق وأمنه واستقراره”."));
        for gone in ["دمشق", "00963", "المصدر:", "ترجمة:"] {
            assert!(!a.body.contains(gone), "{gone} leaked into the body");
        }
    }

    #[test]
    fn attribution_inside_the_body_stays() {
        let a = parse_ok("عنوان الخبر هنا\n\nالمصدر: مقتبس في وسط النص\n\nفقرة أخيرة من الخبر\n");
        assert!(a.body.contains("المصدر: مقتبس"));
        assert_eq!(a.source, None);
    }

    #[test]
    fn front_matter_overrides() {
        let a = parse_ok(
            "---\ntitle: عنوان من الترويسة\ndate: 2024-03-15\nsource: وكالة\nid: my-id\nregion: north\n---\nعنوان من الترويسة\n\nنص الخبر الكامل هنا.\n",
        );
        assert_eq!(a.title, "عنوان من الترويسة");
        assert_eq!(a.id, "my-id");
        assert_eq!(a.source.as_deref(), Some("وكالة"));
        assert_eq!(a.date.unwrap().to_string(), "2024-03-15");
        assert_eq!(a.body, "نص الخبر الكامل هنا.");
        assert_eq!(a.extras["region"], "north");
    }

    #[test]
    fn dateline_near_the_top_gives_the_date() {
        let a = parse_ok("عنوان الخبر هنا\nبغداد - الثلاثاء 23 كانون الثاني 2024\nنص الخبر.\n");
        assert_eq!(a.date.unwrap().to_string(), "2024-01-23");
        let b =
            parse_ok("عنوان الخبر هنا\nنص\nنص\nنص\nنص\nنص\nوفي 23 كانون الثاني 2024 حدث شيء.\n");
        assert_eq!(b.date, None);
    }

    #[test]
    fn text_without_arabic_words_is_refused() {
        assert!(parse("12345\n\n°C\n", "t".into(), None).is_err());
    }
}
