//! The account of an indexing run, for people.

use super::sanitize::one_line;
use crate::index::Summary;

/// The human summary of a run, a few lines for stderr. File names and
/// reasons come from the archive: they are shown escaped, never obeyed.
pub fn render(run: &Summary) -> String {
    let mut out = String::new();
    let state = if run.completed { "done" } else { "INTERRUPTED" };
    out.push_str(&format!(
        "{state} ({} run{}): {} files added, {} updated, {} deleted, {} unchanged, {} skipped\n",
        run.mode,
        run.full_reason
            .as_ref()
            .map(|r| format!(", because {r}"))
            .unwrap_or_default(),
        run.files_added,
        run.files_updated,
        run.files_deleted,
        run.files_unchanged,
        run.files_skipped,
    ));
    if run.files_touched > 0 {
        out.push_str(&format!(
            "{} unchanged files had a new modification time: recorded, so the next run does not read them\n",
            run.files_touched
        ));
    }
    if let Some(why) = &run.reread_reason {
        out.push_str(&format!(
            "{} unchanged files were read again: {why}\n",
            run.files_reread
        ));
    }
    out.push_str(&format!(
        "{} articles indexed, {} removed, {:.1} MB read in {:.1}s ({:.0} articles/s)\n",
        run.articles_added,
        run.articles_deleted,
        run.bytes_read as f64 / 1e6,
        run.elapsed_secs,
        run.articles_per_sec,
    ));
    if !run.skipped.is_empty() {
        out.push_str(&format!("skipped {} files:\n", run.skipped.len()));
        for s in &run.skipped {
            out.push_str(&format!(
                "  {}: {}\n",
                one_line(&s.path),
                one_line(&s.reason)
            ));
        }
    }
    if run.duplicate_ids_total > 0 {
        out.push_str(&format!(
            "{} ids are held by more than one article (`fahras show ID --path FILE` picks one):\n",
            run.duplicate_ids_total
        ));
        for d in &run.duplicate_ids {
            let places: Vec<String> = d.places.iter().map(|p| one_line(p)).collect();
            out.push_str(&format!("  {}: {}\n", one_line(&d.id), places.join(", ")));
        }
        if run.duplicate_ids.len() < run.duplicate_ids_total {
            out.push_str(&format!(
                "  and {} more\n",
                run.duplicate_ids_total - run.duplicate_ids.len()
            ));
        }
    }
    if !run.problems.is_empty() {
        out.push_str(&format!(
            "left out {} parts of files:\n",
            run.problems.len()
        ));
        for s in &run.problems {
            out.push_str(&format!(
                "  {}: {}\n",
                one_line(&s.path),
                one_line(&s.reason)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Skipped;

    #[test]
    fn file_names_cannot_drive_the_terminal() {
        let run = Summary {
            completed: true,
            skipped: vec![Skipped {
                path: "evil\u{1b}[2J\u{202e}name.txt".into(),
                reason: "empty\u{7}".into(),
            }],
            ..Summary::default()
        };
        let shown = render(&run);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{202e}') && !shown.contains('\u{7}')
        );
        assert!(shown.contains("evil\\u{1b}[2J\\u{202e}name.txt"), "{shown}");
    }
}
