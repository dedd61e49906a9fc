//! Who appears with whom: a ranked list of pairs for people, pair rows
//! for scripts.

use std::io::{self, Write};

use super::sanitize::one_line;
use super::style::Style;
use crate::search::CooccurResponse;

pub fn text(out: &mut dyn Write, c: &CooccurResponse, style: Style) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        style.title(&format!("entities in {} matching articles", c.articles))
    )?;
    for e in &c.entities {
        let id = format!("{}/{}", e.kind, e.id);
        super::facets::entity_line(out, e.count, &e.ar, &e.en, &id, style)?;
    }
    writeln!(out, "{}", style.title("named together"))?;
    if c.pairs.is_empty() {
        writeln!(out, "  {}", style.dim("no two of them in one article"))?;
    }
    for p in &c.pairs {
        let (a, b) = (&c.entities[p.a], &c.entities[p.b]);
        writeln!(
            out,
            "  {:>6}  {} + {}  {}",
            p.count,
            one_line(&a.ar),
            one_line(&b.ar),
            style.dim(&format!("({} + {})", one_line(&a.en), one_line(&b.en)))
        )?;
    }
    Ok(())
}

/// `a,a_name,b,b_name,count`: one row per pair, `type/id` and the Arabic
/// name of each side.
pub fn csv(out: &mut dyn Write, c: &CooccurResponse) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["a", "a_name", "b", "b_name", "count"])?;
    for p in &c.pairs {
        let (a, b) = (&c.entities[p.a], &c.entities[p.b]);
        w.write_record([
            format!("{}/{}", a.kind, a.id),
            a.ar.clone(),
            format!("{}/{}", b.kind, b.id),
            b.ar.clone(),
            p.count.to_string(),
        ])?;
    }
    w.flush()
}
