//! Renders hits in every format through one writer, so a page of results,
//! a streamed `--all` export and a batch of queries share the same code.
//! Each format is its own [`Render`] ([`json`], [`csv`], [`html`],
//! [`text`]): text and HTML are for people; JSON, JSON Lines and CSV for
//! scripts.

mod csv;
mod html;
mod json;
mod text;

use std::io::{self, Write};

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::fields::HitField;
use super::sanitize::one_line;
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

fn write_hit_json(out: &mut dyn Write, hit: &Hit, fields: Option<&[HitField]>) -> io::Result<()> {
    match fields {
        Some(fields) => serde_json::to_writer(out, &Picked { hit, fields })?,
        None => serde_json::to_writer(out, hit)?,
    }
    Ok(())
}

/// How one query ended, for the formats that say so.
pub struct QueryEnd<'a> {
    pub qid: Option<&'a str>,
    /// Hits written, of `total` matching, ranks from `first_rank`.
    pub shown: usize,
    pub total: usize,
    pub first_rank: usize,
    /// The query's entity counts, if asked for.
    pub facets: Option<&'a FacetCounts>,
}

/// One output format: what it writes at each step of a run. Steps a
/// format has nothing to say at write nothing.
trait Render {
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn begin_query(
        &mut self,
        _out: &mut dyn Write,
        _qid: Option<&str>,
        _query: &str,
    ) -> io::Result<()> {
        Ok(())
    }
    fn hit(&mut self, out: &mut dyn Write, hit: &Hit) -> io::Result<()>;
    fn end_query(&mut self, _out: &mut dyn Write, _end: &QueryEnd) -> io::Result<()> {
        Ok(())
    }
    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// Writes hits of one or more queries in one format.
pub struct HitWriter<W: Write> {
    out: W,
    render: Box<dyn Render>,
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
        let render: Box<dyn Render> = match format {
            Format::Text => Box::new(text::Text { style, show_qid }),
            Format::Json => Box::new(json::Json {
                fields,
                in_query: 0,
            }),
            Format::Jsonl => Box::new(json::Jsonl { fields }),
            Format::Csv => Box::new(csv::Csv::new(fields.unwrap_or(default_fields))),
            Format::Html => Box::new(html::Html),
        };
        HitWriter {
            out,
            render,
            started: false,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            self.render.start(&mut self.out)?;
        }
        Ok(())
    }

    pub fn begin_query(&mut self, qid: Option<&str>, query: &str) -> io::Result<()> {
        self.start()?;
        self.render.begin_query(&mut self.out, qid, query)
    }

    pub fn hit(&mut self, hit: &Hit) -> io::Result<()> {
        self.render.hit(&mut self.out, hit)
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
        let end = QueryEnd {
            qid,
            shown,
            total,
            first_rank,
            facets,
        };
        self.render.end_query(&mut self.out, &end)
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.start()?;
        self.render.finish(&mut self.out)?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

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
