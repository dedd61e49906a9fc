//! `fahras stats`: what the index holds and how the last run went.

use std::io::Write;

use serde::Serialize;

use super::super::args::StatsArgs;
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use crate::error::Result;
use crate::index::known;
use crate::index::{ArticleIndex, Summary};
use crate::output::RecordFormat;

#[derive(Serialize)]
struct Stats {
    index: String,
    articles: u64,
    files: usize,
    segments: usize,
    size_bytes: u64,
    analyzer_version: u32,
    stemmer: bool,
    stopwords: bool,
    built_by: String,
    last_run: Option<Summary>,
}

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

pub fn run(args: &StatsArgs, settings: &Settings) -> Result<Outcome> {
    let index = ArticleIndex::open(&settings.index_path)?;
    let reader = index.reader()?;
    let searcher = reader.searcher();
    // Distinct files: the path column the incremental runs read too.
    let files = known::read(&searcher, &settings.index_path)?;
    let stats = Stats {
        index: settings.index_path.display().to_string(),
        articles: searcher.num_docs(),
        files: files.len(),
        segments: searcher.segment_readers().len(),
        size_bytes: dir_size(&settings.index_path),
        analyzer_version: index.stamp.analyzer_version,
        stemmer: index.stamp.stemmer,
        stopwords: index.stamp.stopwords,
        built_by: format!("fahras {}", index.stamp.fahras),
        last_run: index.stamp.last_run.clone(),
    };
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
