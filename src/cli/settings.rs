//! Resolves everything that depends on more than one flag: the config file,
//! the environment and the terminal. Commands receive these values and never
//! ask the environment themselves.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::args::{Cli, ColorChoice};
use crate::config::{Config, DEFAULT_INDEX_DIR};
use std::sync::Arc;

use crate::entities::Gazetteer;
use crate::error::Result;
use crate::index::ArticleIndex;
use crate::output::Style;
use crate::search::Engine;

pub struct Settings {
    pub config: Config,
    pub index_path: PathBuf,
    /// Style for stdout.
    pub style: Style,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    /// The gazetteer, loaded the first time a command needs it and then
    /// shared: a search with --entity and facets reads its files once.
    gazetteer: std::sync::OnceLock<Arc<Gazetteer>>,
}

impl Settings {
    /// The index opened for searching, with the gazetteer; warns when the
    /// index's entities were made with another gazetteer.
    pub fn engine(&self) -> Result<Engine> {
        let gazetteer = self.gazetteer()?;
        let engine = Engine::open(ArticleIndex::open(&self.index_path)?, gazetteer)?;
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
        let index_path = cli
            .index
            .clone()
            .or_else(|| config.index.path.clone())
            .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX_DIR));
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stdout_is_terminal && !no_color,
        };
        Ok(Settings {
            config,
            index_path,
            style: Style {
                color,
                width: stdout_is_terminal.then(terminal_width),
            },
            stdout_is_terminal,
            stderr_is_terminal: std::io::stderr().is_terminal(),
            gazetteer: std::sync::OnceLock::new(),
        })
    }
}

/// Columns of the terminal on stdout: its own size, else `$COLUMNS`, else 80.
fn terminal_width() -> usize {
    terminal_size::terminal_size()
        .map(|(w, _)| usize::from(w.0))
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .unwrap_or(80)
}
