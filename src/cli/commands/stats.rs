//! `fahras stats`: what the index holds and how the last run went.

use std::io::Write;

use super::super::args::StatsArgs;
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use crate::error::Result;
use crate::index::stats::Stats;
use crate::index::ArticleIndex;
use crate::output::RecordFormat;

pub fn run(args: &StatsArgs, settings: &Settings) -> Result<Outcome> {
    let index = ArticleIndex::open(&settings.index_path)?;
    let stats = Stats::of(&index, &index.reader()?.searcher())?;
    let mut out = std::io::stdout().lock();
    match args.format {
        RecordFormat::Json | RecordFormat::Jsonl => {
            serde_json::to_writer_pretty(&mut out, &stats).map_err(|e| stdout_error(e.into()))?;
            writeln!(out).map_err(stdout_error)?;
        }
        RecordFormat::Text => {
            let text = format!(
                "index:     {}\narticles:  {}\nfiles:     {}\nsegments:  {}\nsize:      {:.1} MB\nanalyzer:  version {} (stemmer {}, stopwords {}), built by {}\n",
                stats.index,
                stats.articles,
                stats.files,
                stats.segments,
                stats.size_bytes as f64 / 1e6,
                stats.analyzer_version,
                on_off(stats.stemmer),
                on_off(stats.stopwords),
                stats.built_by,
            );
            out.write_all(text.as_bytes()).map_err(stdout_error)?;
            if let Some(run) = &stats.last_run {
                writeln!(out, "last run:  {} ({} mode)", run.started_at, run.mode)
                    .map_err(stdout_error)?;
                for line in crate::output::summary::render(run).lines() {
                    writeln!(out, "  {line}").map_err(stdout_error)?;
                }
            }
        }
    }
    Ok(Outcome::Found)
}

fn on_off(b: bool) -> &'static str {
    if b {
        "on"
    } else {
        "off"
    }
}
