//! Resolves everything that depends on more than one flag: the config file,
//! the environment and the terminal. Commands receive these values and never
//! ask the environment themselves.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::args::{Cli, ColorChoice};
use crate::config::{Config, DEFAULT_INDEX_DIR};
use crate::error::Result;
use crate::output::Style;

pub struct Settings {
    pub config: Config,
    pub index_path: PathBuf,
    /// Style for stdout.
    pub style: Style,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
}

impl Settings {
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
            style: Style { color },
            stdout_is_terminal,
            stderr_is_terminal: std::io::stderr().is_terminal(),
        })
    }
}
