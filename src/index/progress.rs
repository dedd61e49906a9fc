//! Progress of an indexing run: a bar for a person at a terminal, a plain
//! line every few seconds for logs, or nothing. The caller decides which.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressMode {
    Bar,
    Log,
    None,
}

/// How often `log` mode prints a line.
const LOG_EVERY: Duration = Duration::from_secs(5);

pub struct Progress {
    mode: ProgressMode,
    bar: Option<ProgressBar>,
    total: usize,
    files: AtomicUsize,
    articles: AtomicU64,
    started: Instant,
    last_log: Mutex<Instant>,
}

impl Progress {
    pub fn new(mode: ProgressMode, total_files: usize) -> Progress {
        let bar = (mode == ProgressMode::Bar).then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(total_files as u64),
                ProgressDrawTarget::stderr(),
            );
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} files  {msg}  ETA {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            mode,
            bar,
            total: total_files,
            files: AtomicUsize::new(0),
            articles: AtomicU64::new(0),
            started: Instant::now(),
            last_log: Mutex::new(Instant::now()),
        }
    }

    /// Records one finished file and the articles it gave.
    pub fn file_done(&self, articles: usize) {
        let files = self.files.fetch_add(1, Ordering::Relaxed) + 1;
        let total_articles =
            self.articles.fetch_add(articles as u64, Ordering::Relaxed) + articles as u64;
        let rate = total_articles as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
        match self.mode {
            ProgressMode::Bar => {
                if let Some(bar) = &self.bar {
                    bar.set_position(files as u64);
                    bar.set_message(format!("{total_articles} articles, {rate:.0}/s"));
                }
            }
            ProgressMode::Log => {
                let Ok(mut last) = self.last_log.try_lock() else {
                    return;
                };
                if last.elapsed() >= LOG_EVERY {
                    *last = Instant::now();
                    eprintln!(
                        "fahras: {files}/{} files, {total_articles} articles, {rate:.0} articles/s",
                        self.total
                    );
                }
            }
            ProgressMode::None => {}
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
