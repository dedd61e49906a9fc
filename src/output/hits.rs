//! Renderers for search results: text for people, and JSON, JSON Lines and
//! CSV for scripts. All of them read the same [`Results`].

use std::io::{self, Write};

use serde_json::{Map, Value};

use super::sanitize::{for_terminal, one_line};
use super::style::Style;
use crate::search::{Hit, Results};

/// Every hit field, in the order CSV uses by default.
pub const HIT_FIELDS: [&str; 13] = [
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

/// The snippet with highlights applied, safe for a terminal.
pub fn highlighted_snippet(hit: &Hit, style: Style) -> String {
    let chars: Vec<char> = hit.snippet.chars().collect();
    let mut out = String::new();
    let mut pos = 0;
    for [start, end] in &hit.highlights {
        let (start, end) = ((*start).min(chars.len()), (*end).min(chars.len()));
        if start < pos {
            continue;
        }
        out.push_str(&one_line(&chars[pos..start].iter().collect::<String>()));
        out.push_str(&style.highlight(&one_line(&chars[start..end].iter().collect::<String>())));
        pos = end;
    }
    out.push_str(&one_line(&chars[pos..].iter().collect::<String>()));
    out
}

pub fn text(
    out: &mut dyn Write,
    results: &Results,
    style: Style,
    show_qid: bool,
) -> io::Result<()> {
    for hit in &results.hits {
        let qid = match (&hit.qid, show_qid) {
            (Some(q), true) => format!("[{}] ", one_line(q)),
            _ => String::new(),
        };
        writeln!(
            out,
            "{qid}{}. {}",
            hit.rank,
            style.title(&one_line(&hit.title))
        )?;
        let mut meta = vec![hit.date.clone().unwrap_or_else(|| "undated".into())];
        meta.extend(hit.source.as_deref().map(one_line));
        meta.push(format!("score {:.2}", hit.score));
        meta.push(format!("id {}", one_line(&hit.id)));
        writeln!(out, "   {}", style.dim(&meta.join(" · ")))?;
        writeln!(out, "   {}", highlighted_snippet(hit, style))?;
        writeln!(out)?;
    }
    Ok(())
}

fn hit_value(hit: &Hit) -> Value {
    serde_json::to_value(hit).unwrap_or(Value::Null)
}

/// A hit as a JSON object, restricted to `fields` when given.
pub fn hit_object(hit: &Hit, fields: Option<&[String]>) -> Value {
    let value = hit_value(hit);
    match (fields, value) {
        (Some(fields), Value::Object(map)) => {
            let mut picked = Map::new();
            for f in fields {
                picked.insert(f.clone(), map.get(f).cloned().unwrap_or(Value::Null));
            }
            Value::Object(picked)
        }
        (_, v) => v,
    }
}

pub fn json(
    out: &mut dyn Write,
    results: &Results,
    qid: Option<&str>,
    fields: Option<&[String]>,
) -> io::Result<()> {
    let mut doc = Map::new();
    if let Some(q) = qid {
        doc.insert("qid".into(), Value::String(q.to_string()));
    }
    doc.insert("query".into(), Value::String(results.query.clone()));
    doc.insert("total".into(), Value::from(results.total));
    doc.insert(
        "hits".into(),
        Value::Array(results.hits.iter().map(|h| hit_object(h, fields)).collect()),
    );
    serde_json::to_writer(&mut *out, &Value::Object(doc))?;
    writeln!(out)
}

pub fn jsonl(out: &mut dyn Write, results: &Results, fields: Option<&[String]>) -> io::Result<()> {
    for hit in &results.hits {
        serde_json::to_writer(&mut *out, &hit_object(hit, fields))?;
        writeln!(out)?;
    }
    Ok(())
}

fn csv_cell(hit: &Hit, field: &str) -> String {
    match field {
        "qid" => hit.qid.clone().unwrap_or_default(),
        "rank" => hit.rank.to_string(),
        "score" => format!("{:.4}", hit.score),
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
        _ => String::new(),
    }
}

/// A CSV writer that writes the header once, before the first row.
pub struct CsvHits<W: Write> {
    writer: csv::Writer<W>,
    fields: Vec<String>,
    header_done: bool,
}

impl<W: Write> CsvHits<W> {
    pub fn new(out: W, fields: Vec<String>) -> Self {
        CsvHits {
            writer: csv::Writer::from_writer(out),
            fields,
            header_done: false,
        }
    }

    pub fn write(&mut self, results: &Results) -> io::Result<()> {
        if !self.header_done {
            self.writer.write_record(&self.fields)?;
            self.header_done = true;
        }
        for hit in &results.hits {
            self.writer
                .write_record(self.fields.iter().map(|f| csv_cell(hit, f)))?;
        }
        Ok(())
    }

    /// Flushes; a search with no hits still gets its header row.
    pub fn finish(mut self) -> io::Result<W> {
        if !self.header_done {
            self.writer.write_record(&self.fields)?;
        }
        self.writer.flush()?;
        self.writer.into_inner().map_err(|e| e.into_error())
    }
}

/// Text of an article field for a terminal.
pub fn safe(text: &str) -> String {
    for_terminal(text).into_owned()
}
