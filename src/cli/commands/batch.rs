//! Batch files for `search --batch`: one query a line.

use crate::error::{Error, Result};

/// One query of a batch (or the single query), with its id.
pub(super) struct Job {
    pub(super) qid: Option<String>,
    pub(super) query: String,
}

/// The queries of a batch file: `qid<TAB>query` or a bare query, numbered
/// by its line. A line with no query, or with more than one tab, is named
/// in a warning (and the extra tabs read as spaces); it never fails the
/// batch.
pub(super) fn batch_jobs(path: &std::path::Path) -> Result<Vec<Job>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("cannot read batch file {}", path.display()), e))?;
    Ok(parse_batch(&text, &path.display().to_string()))
}

fn parse_batch(text: &str, name: &str) -> Vec<Job> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut jobs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let (qid, query) = match line.split_once('\t') {
            Some((qid, query)) => {
                if query.contains('\t') {
                    eprintln!(
                        "fahras: warning: {name}:{n}: more than one tab; the text after the first is the query"
                    );
                }
                (qid.trim(), query.replace('\t', " "))
            }
            None => ("", line.to_string()),
        };
        let qid = if qid.is_empty() {
            n.to_string()
        } else {
            qid.to_string()
        };
        let query = query.trim().to_string();
        if query.is_empty() {
            eprintln!("fahras: warning: {name}:{n}: query {qid} is empty; skipped");
            continue;
        }
        jobs.push(Job {
            qid: Some(qid),
            query,
        });
    }
    jobs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jobs(text: &str) -> Vec<(String, String)> {
        parse_batch(text, "q.tsv")
            .into_iter()
            .map(|j| (j.qid.unwrap_or_default(), j.query))
            .collect()
    }

    #[test]
    fn batch_lines_with_odd_shapes_are_read_not_refused() {
        let got = jobs("\u{feff}a1\tبغداد\n\tالعراق\nسوريا\n\nb2\t\nc3\tx\ty\n");
        let want = [
            ("a1", "بغداد"),
            ("2", "العراق"),
            ("3", "سوريا"),
            ("c3", "x y"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(q, t)| (q.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want);
    }
}
