//! Entity facet counts as text for people.

use std::io::{self, Write};

use super::sanitize::one_line;
use super::style::Style;
use crate::search::FacetCounts;

/// One entity with its count: `count  Arabic · English · id`, the
/// names made safe for a terminal.
pub(super) fn entity_line(
    out: &mut dyn Write,
    count: u64,
    ar: &str,
    en: &str,
    id: &str,
    style: Style,
) -> io::Result<()> {
    writeln!(
        out,
        "  {count:>6}  {} · {} · {}",
        one_line(ar),
        one_line(en),
        style.dim(id)
    )
}

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
            entity_line(out, e.count, &e.ar, &e.en, &e.id, style)?;
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
