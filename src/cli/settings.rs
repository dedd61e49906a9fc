//! Settings resolved once, before any command runs: the config file, the
//! environment, the terminal and the flags of the command merged into one
//! value (ripgrep's low-level args → high-level args). A flag beats the
//! environment (`FAHRAS_INDEX`, `FAHRAS_TOKEN`, read by clap), which
//! beats the config file, which beats the built-in default. Commands read
//! these values and never merge a flag with the config themselves.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use super::args::{Cli, ColorChoice, Command, ProgressChoice};
use crate::config::{Config, Operator, DEFAULT_INDEX_DIR};
use crate::entities::Gazetteer;
use crate::error::Result;
use crate::index::{ArticleIndex, ProgressMode};
use crate::output::Style;
use crate::search::request::clamp_snippet_chars;
use crate::search::{Engine, SearchRequest};

pub struct Settings {
    pub config: Config,
    pub index_path: PathBuf,
    /// Style for stdout.
    pub style: Style,
    /// The request every search of this command starts from: every
    /// article, no filters, and the limit, snippet length, operator and
    /// time budget resolved from the flags and the config.
    pub search: SearchRequest,
    /// What `fahras index` walks and how.
    pub index: IndexSettings,
    /// What `fahras serve` listens on and how much it takes at once.
    pub serve: ServeSettings,
    /// What an engine may keep between searches (`search.cache_mb`).
    pub cache_bytes: usize,
    /// The gazetteer, loaded the first time a command needs it and then
    /// shared: a search with --entity and facets reads its files once.
    gazetteer: OnceLock<Arc<Gazetteer>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndexSettings {
    pub roots: Vec<PathBuf>,
    /// Parsing threads; 0: one per core.
    pub threads: usize,
    pub progress: ProgressMode,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ServeSettings {
    pub bind: String,
    /// Search workers, at least 1.
    pub workers: usize,
    pub queue: usize,
    pub token: Option<String>,
}

/// What the process's surroundings say, read once: which streams are
/// terminals, `NO_COLOR`, and the terminal's width.
#[derive(Clone, Copy, Debug)]
pub struct Terminal {
    pub stdout: bool,
    pub stderr: bool,
    pub no_color: bool,
    pub width: usize,
}

impl Terminal {
    pub fn detect() -> Terminal {
        Terminal {
            stdout: std::io::stdout().is_terminal(),
            stderr: std::io::stderr().is_terminal(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            width: terminal_width(),
        }
    }
}

impl Settings {
    /// The index opened for searching, with the gazetteer; warns when the
    /// index's entities were made with another gazetteer.
    pub fn engine(&self) -> Result<Engine> {
        let gazetteer = self.gazetteer()?;
        let engine = Engine::open(ArticleIndex::open(&self.index_path)?, gazetteer)?
            .with_cache_bytes(self.cache_bytes);
        if !engine.gazetteer_matches() {
            eprintln!(
                "fahras: warning: the gazetteer changed since {} was built; run `fahras index` to update its entities",
                self.index_path.display()
            );
        }
        Ok(engine)
    }

    /// The built-in gazetteer plus `entities.gazetteers`; empty when
    /// `entities.enabled` is off.
    pub fn gazetteer(&self) -> Result<Arc<Gazetteer>> {
        if let Some(g) = self.gazetteer.get() {
            return Ok(g.clone());
        }
        let loaded = if self.config.entities.enabled {
            Gazetteer::load(&self.config.entities.gazetteers)?
        } else {
            Gazetteer::default()
        };
        Ok(self.gazetteer.get_or_init(|| Arc::new(loaded)).clone())
    }

    pub fn resolve(cli: &Cli) -> Result<Settings> {
        let config = Config::load(cli.config.as_deref())?;
        Ok(Settings::from_parts(cli, config, Terminal::detect()))
    }

    /// Every merge of a flag with the config, in one place.
    pub fn from_parts(cli: &Cli, config: Config, term: Terminal) -> Settings {
        let index_path = cli
            .index
            .clone()
            .or_else(|| config.index.path.clone())
            .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX_DIR));
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => term.stdout && !term.no_color,
        };
        let flags = Flags::of(&cli.command);
        let search = SearchRequest {
            query: "*".into(),
            operator: if flags.any {
                Operator::Or
            } else {
                config.search.default_operator
            },
            limit: flags.limit.unwrap_or(config.search.limit),
            snippet_chars: clamp_snippet_chars(
                flags.snippet_chars.unwrap_or(config.search.snippet_chars),
            ),
            timeout: Some(config.search.timeout_ms)
                .filter(|&ms| ms > 0)
                .map(Duration::from_millis),
            ..SearchRequest::default()
        };
        let index = IndexSettings {
            roots: flags
                .paths
                .clone()
                .unwrap_or_else(|| config.archive.paths.clone()),
            threads: flags.threads.unwrap_or(config.index.threads),
            progress: match (flags.quiet, flags.progress) {
                (true, _) | (_, Some(ProgressChoice::None)) => ProgressMode::None,
                (_, Some(ProgressChoice::Bar)) => ProgressMode::Bar,
                (_, Some(ProgressChoice::Log)) => ProgressMode::Log,
                (_, None) if term.stderr => ProgressMode::Bar,
                (_, None) => ProgressMode::Log,
            },
        };
        let serve = ServeSettings {
            bind: flags.bind.unwrap_or_else(|| config.serve.bind.clone()),
            workers: match flags.workers.unwrap_or(config.serve.workers) {
                0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
                n => n,
            },
            queue: flags.queue.unwrap_or(config.serve.queue),
            token: flags.token.or_else(|| config.serve.token.clone()),
        };
        Settings {
            cache_bytes: config.search.cache_mb.saturating_mul(1 << 20),
            config,
            index_path,
            style: Style {
                color,
                width: term.stdout.then_some(term.width),
            },
            search,
            index,
            serve,
            gazetteer: OnceLock::new(),
        }
    }
}

/// The flags of the command run that have a config value behind them.
#[derive(Default)]
struct Flags {
    limit: Option<usize>,
    snippet_chars: Option<usize>,
    any: bool,
    paths: Option<Vec<PathBuf>>,
    threads: Option<usize>,
    quiet: bool,
    progress: Option<ProgressChoice>,
    bind: Option<String>,
    workers: Option<usize>,
    queue: Option<usize>,
    token: Option<String>,
}

impl Flags {
    fn of(command: &Command) -> Flags {
        match command {
            Command::Search(a) => Flags {
                limit: a.limit,
                snippet_chars: a.snippet_chars,
                any: a.any,
                ..Flags::default()
            },
            Command::Similar(a) => Flags {
                limit: a.limit,
                ..Flags::default()
            },
            Command::Facets(a) => Flags {
                any: a.any,
                ..Flags::default()
            },
            Command::Timeline(a) => Flags {
                any: a.any,
                ..Flags::default()
            },
            Command::Cooccur(a) => Flags {
                any: a.any,
                ..Flags::default()
            },
            Command::Index(a) => Flags {
                paths: (!a.paths.is_empty()).then(|| a.paths.clone()),
                threads: a.threads,
                quiet: a.quiet,
                progress: a.progress,
                ..Flags::default()
            },
            Command::Serve(a) => Flags {
                bind: a.bind.clone(),
                workers: a.workers,
                queue: a.queue,
                token: a.token.clone(),
                ..Flags::default()
            },
            Command::Show(_) | Command::Entities(_) | Command::Stats(_) | Command::Analyze(_) => {
                Flags::default()
            }
        }
    }
}

/// Columns of the terminal on stdout: its own size, else `$COLUMNS`, else 80.
fn terminal_width() -> usize {
    terminal_size::terminal_size()
        .map(|(w, _)| usize::from(w.0))
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .unwrap_or(80)
}

#[cfg(test)]
#[path = "settings_tests.rs"]
mod tests;
