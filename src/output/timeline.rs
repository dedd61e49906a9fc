//! Coverage over time as a bar chart for people, or CSV rows for scripts
//! (JSON is the response itself).

use std::io::{self, Write};

use super::sanitize::one_line;
use super::style::Style;
use crate::search::timeline::{Interval, TimelineResponse};

/// Columns kept for the label, count and share beside a bar.
const LABEL: usize = 26;
/// Bars are at least this wide, however narrow the terminal.
const MIN_BAR: usize = 10;

/// A bucket's label: as long as its interval needs.
pub fn label(start: jiff::civil::Date, interval: Interval) -> String {
    match interval {
        Interval::Day | Interval::Week => start.to_string(),
        Interval::Month => format!("{:04}-{:02}", start.year(), start.month()),
        Interval::Year => format!("{:04}", start.year()),
    }
}

/// One block per query: a line per bucket, bars scaled to the largest
/// count of any query so that blocks compare.
pub fn text(out: &mut dyn Write, t: &TimelineResponse, style: Style) -> io::Result<()> {
    let width = style.width.unwrap_or(80).saturating_sub(LABEL).max(MIN_BAR);
    let max = t
        .series
        .iter()
        .flat_map(|s| s.buckets.iter().map(|b| b.count))
        .max()
        .unwrap_or(0)
        .max(1);
    for (i, s) in t.series.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let undated = if s.undated > 0 {
            format!(", {} undated", s.undated)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{}",
            style.title(&format!(
                "{} — {} articles{undated}",
                one_line(&s.query),
                s.total
            ))
        )?;
        for b in &s.buckets {
            // Round up: a bucket with one article shows a sliver, not nothing.
            let len = (b.count as usize * width).div_ceil(max as usize);
            let share = b
                .share
                .map(|x| format!("  {}", style.dim(&format!("{:.1}%", x * 100.0))))
                .unwrap_or_default();
            writeln!(
                out,
                "{:<10} {:>6} {}{share}",
                label(b.start, t.interval),
                b.count,
                "█".repeat(len)
            )?;
        }
    }
    Ok(())
}

/// `query,start,count,share` — one row per bucket of every query, and one
/// row per query with `start` = `undated` for its undated matches.
pub fn csv(out: &mut dyn Write, t: &TimelineResponse) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["query", "start", "count", "share"])?;
    for s in &t.series {
        for b in &s.buckets {
            let share = b.share.map(|x| format!("{x:.6}")).unwrap_or_default();
            w.write_record([
                s.query.as_str(),
                &b.start.to_string(),
                &b.count.to_string(),
                &share,
            ])?;
        }
        w.write_record([s.query.as_str(), "undated", &s.undated.to_string(), ""])?;
    }
    w.flush()
}
