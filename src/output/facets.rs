//! Entity facet counts as text for people.

use std::io::{self, Write};

use super::sanitize::one_line;
use super::style::Style;
use crate::search::FacetCounts;

pub fn text(out: &mut dyn Write, counts: &FacetCounts, style: Style) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        style.title(&format!(
            "entities in {} matching articles",
            counts.articles
        ))
    )?;
    for t in &counts.types {
        writeln!(out, "{} ({} entities)", style.title(&t.kind), t.entities)?;
        for e in &t.top {
            writeln!(
                out,
                "  {:>6}  {} · {} · {}",
                e.count,
                one_line(&e.ar),
                one_line(&e.en),
                style.dim(&e.id)
            )?;
        }
        if t.others > 0 {
            writeln!(
                out,
                "  {}",
                style.dim(&format!(
                    "… {} more entities in {} article mentions",
                    t.others, t.others_mentions
                ))
            )?;
        }
    }
    Ok(())
}
