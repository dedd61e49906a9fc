//! `fahras index`: builds the index and reports what happened.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use super::super::args::IndexArgs;
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use crate::analysis::Stages;
use crate::error::Result;
use crate::index::stamp::Stamp;
use crate::index::{self, RunOptions};

pub fn run(args: &IndexArgs, settings: &Settings) -> Result<Outcome> {
    let config = &settings.config;
    let cancel = Arc::new(AtomicBool::new(false));
    {
        let cancel = Arc::clone(&cancel);
        // Ctrl-C, SIGTERM and SIGHUP stop the run at the next file: an incremental run commits
        // what it finished, a full rebuild commits nothing. Only one handler
        // per process is possible; a failure to set it is ignored.
        let _ = ctrlc::set_handler(move || cancel.store(true, Ordering::Relaxed));
    }
    // Without an [analysis] section, an index keeps the analysis it was
    // built with: `--config` forgotten once must not silently rebuild an
    // `exact = true` index without its exact copies.
    let mut stages = Stages {
        stem: config.analysis.stemmer,
        stopwords: config.analysis.stopwords,
    };
    let mut exact_fields = config.analysis.exact;
    if !config.analysis_given {
        if let Some(stamp) = Stamp::recorded(&settings.index_path) {
            stages = stamp.stages();
            exact_fields = stamp.exact_fields;
        }
    }
    // Before any thread starts: they inherit it.
    super::super::priority::lower(config.index.nice);
    let opts = RunOptions {
        roots: settings.index.roots.clone(),
        archive: config.archive.clone(),
        index_path: settings.index_path.clone(),
        writer_memory_mb: config.index.writer_memory_mb,
        merge_mb: config.index.merge_mb,
        threads: settings.index.threads,
        stages,
        progress: settings.index.progress,
        cancel,
        full: args.full,
        wait: args
            .wait
            .map(|s| s.map_or(Duration::MAX, Duration::from_secs)),
        commit_every_articles: config.index.commit_every_articles,
        commit_every: Duration::from_secs(config.index.commit_every_secs),
        gazetteer: settings.gazetteer()?,
        exact_fields,
    };
    let summary = index::run(&opts)?;
    if !args.quiet {
        eprint!("{}", crate::output::summary::render(&summary));
    }
    if args.json {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &summary).map_err(|e| stdout_error(e.into()))?;
        writeln!(out).map_err(stdout_error)?;
    }
    if !summary.completed {
        let kept = if summary.mode == "full" {
            "the index still holds its previous state"
        } else {
            "what was finished is committed; the next run continues"
        };
        eprintln!("fahras: the run was interrupted; {kept}");
        return Ok(Outcome::Failed);
    }
    if args.strict && summary.files_skipped > 0 {
        eprintln!(
            "fahras: --strict: {} files were skipped (the index was still updated)",
            summary.files_skipped
        );
        return Ok(Outcome::Failed);
    }
    Ok(Outcome::Found)
}
