//! Text for people: each hit as [`crate::output::text`] lays it out, and a
//! line saying how many of how many were shown.

use std::io::{self, Write};

use super::{one_line, QueryEnd, Render};
use crate::output::style::Style;
use crate::search::Hit;

pub(super) struct Text {
    pub style: Style,
    /// Label each line with its query's id (a batch).
    pub show_qid: bool,
}

impl Render for Text {
    fn hit(&mut self, mut out: &mut dyn Write, hit: &Hit) -> io::Result<()> {
        crate::output::text::hit(&mut out, hit, self.style, self.show_qid)
    }

    fn end_query(&mut self, out: &mut dyn Write, end: &QueryEnd) -> io::Result<()> {
        let label = end
            .qid
            .filter(|_| self.show_qid)
            .map(|q| format!("[{}] ", one_line(q)))
            .unwrap_or_default();
        let (shown, total, first_rank) = (end.shown, end.total, end.first_rank);
        let first = if shown == 0 { 0 } else { first_rank };
        let last = if shown == 0 {
            0
        } else {
            first_rank + shown - 1
        };
        if shown == 0 && total > 0 {
            writeln!(
                out,
                "{label}{total} matching articles; none from rank {first_rank} on (the --offset is past the last)"
            )?;
        } else {
            writeln!(
                out,
                "{label}{shown} of {total} matching articles (showing {first}–{last})"
            )?;
        }
        if let Some(f) = end.facets {
            writeln!(out)?;
            crate::output::facets::text(out, f, self.style)?;
        }
        Ok(())
    }
}
