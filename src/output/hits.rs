//! Renders hits in every format through one writer, so a page of results,
//! a streamed `--all` export and a batch of queries share the same code.
//! Text and HTML are for people; JSON, JSON Lines and CSV for scripts.

use std::io::{self, Write};

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::fields::HitField;
use super::sanitize::{html, one_line};
use super::style::Style;
use super::Format;
use crate::search::{FacetCounts, Hit};

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
pub struct Picked<'a> {
    pub hit: &'a Hit,
    pub fields: &'a [HitField],
}

impl Serialize for Picked<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.fields.len()))?;
        for f in self.fields {
            f.json_entry(&mut map, self.hit)?;
        }
        map.end()
    }
}

fn write_hit_json<W: Write>(out: &mut W, hit: &Hit, fields: Option<&[HitField]>) -> io::Result<()> {
    match fields {
        Some(fields) => serde_json::to_writer(out, &Picked { hit, fields })?,
        None => serde_json::to_writer(out, hit)?,
    }
    Ok(())
}

/// Writes hits of one or more queries in one format.
pub struct HitWriter<W: Write> {
    out: W,
    /// Reused buffer for one CSV record.
    csv_row: Vec<u8>,
    format: Format,
    fields: Option<Vec<HitField>>,
    csv_fields: Vec<HitField>,
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
        fields: Option<Vec<HitField>>,
        default_fields: Vec<HitField>,
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
                let header: Vec<String> =
                    self.csv_fields.iter().map(|f| f.key().to_string()).collect();
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
                let row: Vec<String> = self.csv_fields.iter().map(|f| f.csv(hit)).collect();
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
        use HitField::*;
        let fields = [Title, Qid, Rank, Date, Highlights, Source];
        let mut out = Vec::new();
        write_hit_json(&mut out, &hit(), Some(&fields)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            r#"{"title":"بغداد، \"اليوم\"","qid":null,"rank":3,"date":null,"highlights":[[0,2]],"source":"واع"}"#
        );
        // Every field serializes as it does in the whole hit.
        let whole = serde_json::to_value(hit()).unwrap();
        for f in HitField::ALL {
            let mut out = Vec::new();
            write_hit_json(&mut out, &hit(), Some(&[f])).unwrap();
            let one: Value = serde_json::from_slice(&out).unwrap();
            let key = f.key();
            assert_eq!(
                one[key],
                whole.get(key).cloned().unwrap_or(Value::Null),
                "{key}"
            );
        }
    }
}
