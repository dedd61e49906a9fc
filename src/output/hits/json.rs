//! JSON (one document per query) and JSON Lines (one hit per line).

use std::io::{self, Write};

use serde_json::Value;

use super::{write_hit_json, QueryEnd, Render};
use crate::output::fields::HitField;
use crate::search::Hit;

/// `{"qid"?, "query", "hits": [...], "total", "facets"?}` per query.
pub(super) struct Json {
    pub fields: Option<Vec<HitField>>,
    /// Hits written in the current query (commas go between them).
    pub in_query: usize,
}

impl Render for Json {
    fn begin_query(
        &mut self,
        out: &mut dyn Write,
        qid: Option<&str>,
        query: &str,
    ) -> io::Result<()> {
        self.in_query = 0;
        out.write_all(b"{")?;
        if let Some(q) = qid {
            write!(out, "\"qid\":{},", Value::String(q.to_string()))?;
        }
        write!(
            out,
            "\"query\":{},\"hits\":[",
            Value::String(query.to_string())
        )
    }

    fn hit(&mut self, out: &mut dyn Write, hit: &Hit) -> io::Result<()> {
        if self.in_query > 0 {
            out.write_all(b",")?;
        }
        write_hit_json(out, hit, self.fields.as_deref())?;
        self.in_query += 1;
        Ok(())
    }

    fn end_query(&mut self, out: &mut dyn Write, end: &QueryEnd) -> io::Result<()> {
        write!(out, "],\"total\":{}", end.total)?;
        if let Some(f) = end.facets {
            out.write_all(b",\"facets\":")?;
            serde_json::to_writer(&mut *out, f)?;
        }
        writeln!(out, "}}")
    }
}

/// One hit a line, nothing else.
pub(super) struct Jsonl {
    pub fields: Option<Vec<HitField>>,
}

impl Render for Jsonl {
    fn hit(&mut self, out: &mut dyn Write, hit: &Hit) -> io::Result<()> {
        write_hit_json(out, hit, self.fields.as_deref())?;
        writeln!(out)
    }
}
