//! One hit as text for a person: the headline, date · source · score · id,
//! the snippet with its matches marked, the entities named, and with
//! `--explain` the parts of the score. On a terminal every part is wrapped
//! to its width between words and the fields of the meta line are kept
//! in their own direction; elsewhere each part is one line.

use std::io::{self, Write};

use super::hits::snippet_runs;
use super::sanitize::one_line;
use super::style::Style;
use super::wrap;
use crate::search::Hit;

/// Writes `runs` after `lead` (continuation lines indented like it),
/// wrapped on a terminal.
fn block(
    out: &mut impl Write,
    lead: &str,
    runs: &[(String, bool)],
    style: Style,
    render: impl Fn(&str, bool) -> String,
) -> io::Result<()> {
    match style.width {
        Some(width) => {
            let lines = wrap::wrap(runs, width.saturating_sub(lead.chars().count()), render);
            for (i, line) in lines.iter().enumerate() {
                let lead = if i == 0 { lead } else { "   " };
                writeln!(out, "{lead}{line}")?;
            }
            Ok(())
        }
        None => {
            let line: String = runs.iter().map(|(t, m)| render(t, *m)).collect();
            writeln!(out, "{lead}{line}")
        }
    }
}

pub fn hit(out: &mut impl Write, hit: &Hit, style: Style, show_qid: bool) -> io::Result<()> {
    let qid = match (&hit.qid, show_qid) {
        (Some(q), true) => format!("[{}] ", one_line(q)),
        _ => String::new(),
    };
    let plain = |t: &str| vec![(one_line(t), false)];
    let lead = format!("{qid}{}. ", hit.rank);
    block(out, &lead, &plain(&hit.title), style, |t, _| style.title(t))?;

    let mut meta = vec![hit.date.clone().unwrap_or_else(|| "undated".into())];
    meta.extend(hit.source.as_deref().map(one_line));
    if let Some(s) = hit.score {
        meta.push(format!("score {s:.2}"));
    }
    meta.push(format!("id {}", one_line(&hit.id)));
    if style.width.is_some() {
        // A terminal that applies the bidi algorithm would otherwise move
        // an Arabic source to the far side of the line.
        meta = meta.iter().map(|m| wrap::isolate(m)).collect();
    }
    // Each field is sanitized already; the isolates are ours.
    let meta = [(meta.join(" · "), false)];
    block(out, "   ", &meta, style, |t, _| style.dim(t))?;

    if !hit.snippet.is_empty() {
        let runs: Vec<(String, bool)> = snippet_runs(hit)
            .into_iter()
            .map(|(t, m)| (one_line(&t), m))
            .collect();
        block(out, "   ", &runs, style, |t, marked| {
            if marked {
                style.highlight(t)
            } else {
                t.to_string()
            }
        })?;
    }
    if !hit.entity_names.is_empty() {
        let names: Vec<String> = hit.entity_names.iter().map(|n| one_line(n)).collect();
        block(out, "   ", &plain(&names.join("، ")), style, |t, _| {
            style.dim(t)
        })?;
    }
    for m in hit.explanation.iter().flat_map(|e| &e.matches) {
        let line = format!(
            "{:>8.3} = {:.3} × {} in {}: {}",
            m.score,
            m.bm25,
            m.boost,
            m.field,
            one_line(&m.terms)
        );
        writeln!(out, "   {}", style.dim(&line))?;
    }
    writeln!(out)
}
