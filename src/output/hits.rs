//! Renders hits in every format through one writer, so a page of results,
//! a streamed `--all` export and a batch of queries share the same code.
//! Text and HTML are for people; JSON, JSON Lines and CSV for scripts.

use std::io::{self, Write};

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::sanitize::{html, one_line};
use super::style::Style;
use super::Format;
use crate::search::{FacetCounts, Hit};

/// Every hit field, in the order CSV uses by default.
pub const HIT_FIELDS: [&str; 14] = [
    "qid",
    "rank",
    "score",
    "id",
    "title",
    "date",
    "source",
    "translator",
    "path",
    "url",
    "snippet",
    "highlights",
    "entities",
    "explanation",
];

/// Checks a `--fields` list against [`HIT_FIELDS`].
pub fn check_fields(fields: &[String]) -> Result<(), String> {
    for f in fields {
        if !HIT_FIELDS.contains(&f.as_str()) {
            return Err(format!(
                "unknown field {f:?} in --fields; the fields are: {}",
                HIT_FIELDS.join(", ")
            ));
        }
    }
    Ok(())
}

/// The snippet split into (text, highlighted?) runs.
pub(super) fn snippet_runs(hit: &Hit) -> Vec<(String, bool)> {
    let chars: Vec<char> = hit.snippet.chars().collect();
    let mut runs = Vec::new();
    let mut pos = 0;
    for [start, end] in &hit.highlights {
        let (start, end) = ((*start).min(chars.len()), (*end).min(chars.len()));
        if start < pos {
            continue;
        }
        runs.push((chars[pos..start].iter().collect(), false));
        runs.push((chars[start..end].iter().collect(), true));
        pos = end;
    }
    runs.push((chars[pos..].iter().collect(), false));
    runs
}

/// The snippet with highlights applied, safe for a terminal.
pub fn highlighted_snippet(hit: &Hit, style: Style) -> String {
    snippet_runs(hit)
        .into_iter()
        .map(|(text, marked)| {
            let text = one_line(&text);
            if marked {
                style.highlight(&text)
            } else {
                text
            }
        })
        .collect()
}

/// A hit restricted to the `--fields` a user picked, in their order,
/// serialized straight from the hit (an export writes millions of these).
struct Picked<'a> {
    hit: &'a Hit,
    fields: &'a [String],
}

impl Serialize for Picked<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let h = self.hit;
        let mut map = s.serialize_map(Some(self.fields.len()))?;
        for f in self.fields {
            let key = f.as_str();
            match key {
                "qid" => map.serialize_entry(key, &h.qid)?,
                "rank" => map.serialize_entry(key, &h.rank)?,
                "score" => map.serialize_entry(key, &h.score)?,
                "id" => map.serialize_entry(key, &h.id)?,
                "title" => map.serialize_entry(key, &h.title)?,
                "date" => map.serialize_entry(key, &h.date)?,
                "source" => map.serialize_entry(key, &h.source)?,
                "translator" => map.serialize_entry(key, &h.translator)?,
                "path" => map.serialize_entry(key, &h.path)?,
                "url" => map.serialize_entry(key, &h.url)?,
                "snippet" => map.serialize_entry(key, &h.snippet)?,
                "highlights" => map.serialize_entry(key, &h.highlights)?,
                "entities" => map.serialize_entry(key, &h.entities)?,
                "explanation" => map.serialize_entry(key, &h.explanation)?,
                // `check_fields` lets no other name through.
                _ => map.serialize_entry(key, &())?,
            }
        }
        map.end()
    }
}

fn write_hit_json<W: Write>(out: &mut W, hit: &Hit, fields: Option<&[String]>) -> io::Result<()> {
    match fields {
        Some(fields) => serde_json::to_writer(out, &Picked { hit, fields })?,
        None => serde_json::to_writer(out, hit)?,
    }
    Ok(())
}

fn explanation_line(hit: &Hit) -> String {
    hit.explanation
        .as_ref()
        .map(|e| {
            e.matches
                .iter()
                .map(|m| format!("{}:{}={:.3}", m.field, m.terms, m.score))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default()
}

fn csv_cell(hit: &Hit, field: &str) -> String {
    match field {
        "qid" => hit.qid.clone().unwrap_or_default(),
        "rank" => hit.rank.to_string(),
        "score" => hit.score.map(|s| format!("{s:.4}")).unwrap_or_default(),
        "id" => hit.id.clone(),
        "title" => hit.title.clone(),
        "date" => hit.date.clone().unwrap_or_default(),
        "source" => hit.source.clone().unwrap_or_default(),
        "translator" => hit.translator.clone().unwrap_or_default(),
        "path" => hit.path.clone(),
        "url" => hit.url.clone().unwrap_or_default(),
        "snippet" => hit.snippet.clone(),
        "highlights" => hit
            .highlights
            .iter()
            .map(|[s, e]| format!("{s}-{e}"))
            .collect::<Vec<_>>()
            .join(";"),
        "entities" => hit.entities.join(";"),
        "explanation" => explanation_line(hit),
        _ => String::new(),
    }
}

/// Writes hits of one or more queries in one format.
pub struct HitWriter<W: Write> {
    out: W,
    /// Reused buffer for one CSV record.
    csv_row: Vec<u8>,
    format: Format,
    fields: Option<Vec<String>>,
    csv_fields: Vec<String>,
    style: Style,
    show_qid: bool,
    /// Hits written in the current query (JSON needs commas between them).
    in_query: usize,
    started: bool,
}

impl<W: Write> HitWriter<W> {
    /// `fields`: what `--fields` asked for; `default_fields` is used for CSV
    /// when it asked for nothing.
    pub fn new(
        out: W,
        format: Format,
        fields: Option<Vec<String>>,
        default_fields: Vec<String>,
        style: Style,
        show_qid: bool,
    ) -> Self {
        let csv_fields = fields.clone().unwrap_or(default_fields);
        HitWriter {
            out,
            csv_row: Vec::new(),
            format,
            fields,
            csv_fields,
            style,
            show_qid,
            in_query: 0,
            started: false,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        match self.format {
            Format::Csv => {
                let header = self.csv_fields.clone();
                self.csv_record(&header)
            }
            Format::Html => self.out.write_all(
                b"<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">\n<head><meta charset=\"utf-8\"><title>fahras</title>\n<style>body{font-family:sans-serif;max-width:50em;margin:auto}mark{background:#fe6}.meta{color:#666;font-size:90%}</style></head>\n<body>\n",
            ),
            _ => Ok(()),
        }
    }

    /// Writes one RFC 4180 record through the csv crate.
    fn csv_record(&mut self, cells: &[String]) -> io::Result<()> {
        self.csv_row.clear();
        {
            let mut w = csv::Writer::from_writer(&mut self.csv_row);
            w.write_record(cells)?;
            w.flush()?;
        }
        self.out.write_all(&self.csv_row)
    }

    pub fn begin_query(&mut self, qid: Option<&str>, query: &str) -> io::Result<()> {
        self.start()?;
        self.in_query = 0;
        match self.format {
            Format::Json => {
                self.out.write_all(b"{")?;
                if let Some(q) = qid {
                    write!(self.out, "\"qid\":{},", Value::String(q.to_string()))?;
                }
                write!(
                    self.out,
                    "\"query\":{},\"hits\":[",
                    Value::String(query.to_string())
                )
            }
            Format::Html => write!(
                self.out,
                "<section>\n<h2>{}</h2>\n<ol>\n",
                html(
                    &qid.map(|q| format!("[{q}] {query}"))
                        .unwrap_or_else(|| query.to_string())
                )
            ),
            _ => Ok(()),
        }
    }

    pub fn hit(&mut self, hit: &Hit) -> io::Result<()> {
        let fields = self.fields.as_deref();
        match self.format {
            Format::Text => super::text::hit(&mut self.out, hit, self.style, self.show_qid),
            Format::Json => {
                if self.in_query > 0 {
                    self.out.write_all(b",")?;
                }
                write_hit_json(&mut self.out, hit, fields)?;
                self.in_query += 1;
                Ok(())
            }
            Format::Jsonl => {
                write_hit_json(&mut self.out, hit, fields)?;
                writeln!(self.out)
            }
            Format::Csv => {
                let row: Vec<String> = self.csv_fields.iter().map(|f| csv_cell(hit, f)).collect();
                self.csv_record(&row)
            }
            Format::Html => {
                let snippet: String = snippet_runs(hit)
                    .into_iter()
                    .map(|(text, marked)| {
                        if marked {
                            format!("<mark>{}</mark>", html(&text))
                        } else {
                            html(&text)
                        }
                    })
                    .collect();
                let meta = [
                    hit.date.clone().unwrap_or_else(|| "undated".into()),
                    hit.source.clone().unwrap_or_default(),
                    hit.id.clone(),
                ]
                .iter()
                .filter(|s| !s.is_empty())
                .map(|s| html(s))
                .collect::<Vec<_>>()
                .join(" · ");
                writeln!(
                    self.out,
                    "<li><h3>{}</h3>\n<p class=\"meta\">{meta}</p>\n<p>{snippet}</p></li>",
                    html(&hit.title)
                )
            }
        }
    }

    /// Ends a query: `shown` hits were written out of `total`, ranks from
    /// `first_rank`; `facets` are the query's entity counts, if asked for.
    pub fn end_query(
        &mut self,
        qid: Option<&str>,
        shown: usize,
        total: usize,
        first_rank: usize,
        facets: Option<&FacetCounts>,
    ) -> io::Result<()> {
        match self.format {
            Format::Json => {
                write!(self.out, "],\"total\":{total}")?;
                if let Some(f) = facets {
                    self.out.write_all(b",\"facets\":")?;
                    serde_json::to_writer(&mut self.out, f)?;
                }
                writeln!(self.out, "}}")
            }
            Format::Text => {
                let label = qid
                    .filter(|_| self.show_qid)
                    .map(|q| format!("[{}] ", one_line(q)))
                    .unwrap_or_default();
                let last = if shown == 0 {
                    0
                } else {
                    first_rank + shown - 1
                };
                let first = if shown == 0 { 0 } else { first_rank };
                if shown == 0 && total > 0 {
                    writeln!(
                        self.out,
                        "{label}{total} matching articles; none from rank {first_rank} on (the --offset is past the last)"
                    )?;
                } else {
                    writeln!(
                        self.out,
                        "{label}{shown} of {total} matching articles (showing {first}–{last})"
                    )?;
                }
                if let Some(f) = facets {
                    writeln!(self.out)?;
                    super::facets::text(&mut self.out, f, self.style)?;
                }
                Ok(())
            }
            Format::Html => writeln!(
                self.out,
                "</ol>\n<p class=\"meta\">{shown} of {total}</p>\n</section>"
            ),
            _ => Ok(()),
        }
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.start()?;
        if self.format == Format::Html {
            self.out.write_all(b"</body>\n</html>\n")?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit() -> Hit {
        Hit {
            qid: None,
            rank: 3,
            score: Some(1.5),
            id: "a.txt".into(),
            title: "بغداد، \"اليوم\"".into(),
            date: None,
            source: Some("واع".into()),
            translator: None,
            path: "/x/a.txt".into(),
            url: None,
            snippet: "نص".into(),
            highlights: vec![[0, 2]],
            entities: vec!["baghdad".into()],
            entity_names: vec!["بغداد".into()],
            explanation: None,
        }
    }

    #[test]
    fn picked_fields_keep_the_users_order_and_the_full_values() {
        let fields: Vec<String> = ["title", "qid", "rank", "date", "highlights", "source"]
            .map(String::from)
            .to_vec();
        let mut out = Vec::new();
        write_hit_json(&mut out, &hit(), Some(&fields)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            r#"{"title":"بغداد، \"اليوم\"","qid":null,"rank":3,"date":null,"highlights":[[0,2]],"source":"واع"}"#
        );
        // Every field serializes as it does in the whole hit.
        let whole = serde_json::to_value(hit()).unwrap();
        for f in HIT_FIELDS {
            let mut out = Vec::new();
            write_hit_json(&mut out, &hit(), Some(&[f.to_string()])).unwrap();
            let one: Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(one[f], whole.get(f).cloned().unwrap_or(Value::Null), "{f}");
        }
    }
}
