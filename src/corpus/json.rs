//! JSON exports: `.json` holds one article object or an array of them,
//! `.jsonl` / `.ndjson` one object per line.
//!
//! Keys: `id`, `title`, `body` (or `text` / `content`), `date`, `source`,
//! `url`, `author`, `translator`, `lang` (or `language`), `dir`; any other key is kept in `extras`. A bad
//! element or line is reported and skipped; the rest of the file is read.

use super::error::ParseError;
use serde_json::{Map, Value};

use super::article::Article;
use super::date::parse_period;

/// The version of this reader (JSON and JSON Lines alike); see
/// [`super::html::VERSION`]. 2: `lang` and `dir` are fields, not extras.
pub const VERSION: u32 = 2;

/// What one JSON file gave: its articles and, for each element or line that
/// could not be read, a description of the problem.
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<Article>,
    pub problems: Vec<String>,
}

/// Parses a `.json` file. `base_id` names the file; elements of an array
/// without their own `id` get `base_id#N` (1-based).
pub fn parse_json(text: &str, base_id: &str) -> Result<Parsed, ParseError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ParseError::json(&e, true))?;
    let mut parsed = Parsed::default();
    match value {
        Value::Object(map) => {
            let (a, warning) = article(map, base_id.to_string())?;
            parsed.articles.push(a);
            parsed.problems.extend(warning);
        }
        Value::Array(items) => {
            for (i, item) in items.into_iter().enumerate() {
                let id = format!("{base_id}#{}", i + 1);
                let result = match item {
                    Value::Object(map) => article(map, id),
                    other => Err(ParseError::NotObject(kind(&other))),
                };
                match result {
                    Ok((a, warning)) => {
                        parsed.articles.push(a);
                        let at = i + 1;
                        parsed
                            .problems
                            .extend(warning.map(|w| format!("element {at}: {w}")));
                    }
                    Err(e) => parsed.problems.push(format!("element {}: {e}", i + 1)),
                }
            }
        }
        other => return Err(ParseError::NotArticles(kind(&other))),
    }
    Ok(parsed)
}

/// Parses a JSON Lines file; articles without an `id` get `base_id#LINE`.
pub fn parse_jsonl(text: &str, base_id: &str) -> Parsed {
    let mut parsed = Parsed::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let n = i + 1;
        match parse_line(line, base_id, n) {
            Ok((a, warning)) => {
                parsed.articles.push(a);
                parsed
                    .problems
                    .extend(warning.map(|w| format!("line {n}: {w}")));
            }
            Err(e) => parsed.problems.push(format!("line {n}: {e}")),
        }
    }
    parsed
}

/// The article on line `n` of a JSON Lines file (`base_id#n` when it has no
/// `id`), with a warning about a field left out.
pub fn parse_line(
    line: &str,
    base_id: &str,
    n: usize,
) -> Result<(Article, Option<String>), ParseError> {
    serde_json::from_str::<Value>(line)
        .map_err(|e| ParseError::json(&e, false))
        .and_then(|v| match v {
            Value::Object(map) => article(map, format!("{base_id}#{n}")),
            other => Err(ParseError::NotObject(kind(&other))),
        })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn text_field(map: &mut Map<String, Value>, keys: &[&str]) -> Result<Option<String>, ParseError> {
    for key in keys {
        match map.remove(*key) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => {
                return Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty()))
            }
            Some(Value::Number(n)) => return Ok(Some(n.to_string())),
            Some(other) => {
                return Err(ParseError::FieldType {
                    key: key.to_string(),
                    kind: kind(&other),
                })
            }
        }
    }
    Ok(None)
}

/// An article from one JSON object, with a warning about a field that was
/// left out (the article itself is kept).
fn article(
    mut map: Map<String, Value>,
    fallback_id: String,
) -> Result<(Article, Option<String>), ParseError> {
    let id = text_field(&mut map, &["id"])?.unwrap_or(fallback_id);
    let title = text_field(&mut map, &["title", "headline"])?.unwrap_or_default();
    let body = text_field(&mut map, &["body", "text", "content"])?.unwrap_or_default();
    if title.is_empty() && body.is_empty() {
        return Err(ParseError::NoTitleOrBody);
    }
    let mut warning = None;
    let period = match text_field(&mut map, &["date", "published", "published_at"])? {
        Some(d) => {
            let period = parse_period(&d);
            if period.is_none() {
                warning = Some(format!("`date` {d:?} is not a date; indexed as undated"));
            }
            period
        }
        None => None,
    };
    let article = Article {
        id,
        title,
        body,
        date: period.map(|(d, _)| d),
        date_precision: period.map(|(_, p)| p).unwrap_or_default(),
        source: text_field(&mut map, &["source"])?,
        translator: text_field(&mut map, &["translator"])?,
        author: text_field(&mut map, &["author"])?,
        url: text_field(&mut map, &["url"])?,
        lang: text_field(&mut map, &["lang", "language"])?,
        dir: direction(&mut map),
        extras: map,
    };
    Ok((article, warning))
}

/// A `dir` of `rtl`, `ltr` or `auto`; any other value stays in `extras`.
fn direction(map: &mut Map<String, Value>) -> Option<String> {
    let dir = map.get("dir")?.as_str()?.trim().to_ascii_lowercase();
    matches!(dir.as_str(), "rtl" | "ltr" | "auto").then(|| {
        map.remove("dir");
        dir
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_and_dir_are_fields_and_an_odd_dir_stays_an_extra() {
        let p = parse_json(
            r#"[{"title":"t","lang":"ar","dir":"RTL"},{"title":"u","language":"en","dir":"up"}]"#,
            "f.json",
        )
        .unwrap();
        let (a, b) = (&p.articles[0], &p.articles[1]);
        assert_eq!(
            (a.lang.as_deref(), a.dir.as_deref()),
            (Some("ar"), Some("rtl"))
        );
        assert!(a.extras.is_empty());
        assert_eq!((b.lang.as_deref(), b.dir.as_deref()), (Some("en"), None));
        assert_eq!(b.extras["dir"], "up");
    }

    #[test]
    fn one_object() {
        let p = parse_json(
            r#"{"title":"عنوان","text":"نص","date":"2024-02-01","tags":["a"]}"#,
            "f.json",
        )
        .unwrap();
        let a = &p.articles[0];
        assert_eq!(
            (a.id.as_str(), a.title.as_str(), a.body.as_str()),
            ("f.json", "عنوان", "نص")
        );
        assert_eq!(a.date.unwrap().to_string(), "2024-02-01");
        assert_eq!(a.extras["tags"][0], "a");
    }

    #[test]
    fn array_elements_get_numbered_ids_and_bad_ones_are_reported() {
        let p = parse_json(
            r#"[{"title":"أ ب"},{"id":"x","body":"ج"},3,{"title":""}]"#,
            "f.json",
        )
        .unwrap();
        let ids: Vec<_> = p.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["f.json#1", "x"]);
        assert_eq!(p.problems.len(), 2);
        assert!(p.problems[0].starts_with("element 3"));
    }

    #[test]
    fn malformed_json_names_the_place() {
        let e = parse_json("{\"title\": \"x\",\n  oops}", "f.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2"), "{e}");
    }

    #[test]
    fn a_bad_jsonl_line_skips_that_line_only() {
        let p = parse_jsonl("{\"title\":\"أ\"}\n{broken\n\n{\"title\":\"ب\",\"date\":\"never\"}\n{\"title\":\"ج\"}\n", "f.jsonl");
        let ids: Vec<_> = p.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["f.jsonl#1", "f.jsonl#4", "f.jsonl#5"]);
        assert_eq!(p.problems.len(), 2);
        assert!(p.problems[0].starts_with("line 2"), "{:?}", p.problems);
        assert!(p.problems[1].contains("undated"), "{:?}", p.problems);
    }

    #[test]
    fn wrong_types_are_reported() {
        assert!(parse_json(r#"{"title": ["x"]}"#, "f").is_err());
        assert!(parse_json("42", "f").is_err());
    }
}
