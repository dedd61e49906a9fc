//! Settings from `fahras.toml` (or `--config FILE`), with every default in
//! one place. `index.example.toml` documents each key; a test keeps the two
//! in step.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Config file read when `--config` is not given and it exists.
pub const DEFAULT_CONFIG_FILE: &str = "fahras.toml";
/// Index directory when neither `--index`, `$FAHRAS_INDEX` nor the config
/// names one.
pub const DEFAULT_INDEX_DIR: &str = ".fahras";

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub archive: Archive,
    pub index: IndexSettings,
    pub analysis: Analysis,
    pub entities: Entities,
    pub search: Search,
    pub serve: Serve,
    /// Whether the config file has an `[analysis]` section. Without one, an
    /// existing index keeps the analysis it was built with instead of being
    /// rebuilt to the defaults.
    #[serde(skip)]
    pub analysis_given: bool,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Entities {
    /// Recognise entities while indexing (facets, `--entity`).
    pub enabled: bool,
    /// Gazetteer files read after the built-in one, in order; an id given
    /// again extends (aliases) or overrides (names, type) the earlier entry.
    pub gazetteers: Vec<PathBuf>,
}

impl Default for Entities {
    fn default() -> Self {
        Entities {
            enabled: true,
            gazetteers: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Archive {
    /// Folders or files indexed when `fahras index` gets no PATH.
    pub paths: Vec<PathBuf>,
    /// Glob patterns (relative to each archive root) a file must match.
    pub include: Vec<String>,
    /// Glob patterns that exclude a file or a whole folder.
    pub exclude: Vec<String>,
    pub follow_symlinks: bool,
    /// The largest article: larger txt/html/json files are skipped and
    /// reported; for a JSON Lines dump, the longest line.
    pub max_file_bytes: u64,
}

impl Default for Archive {
    fn default() -> Self {
        Archive {
            paths: Vec::new(),
            include: ["*.txt", "*.json", "*.jsonl", "*.ndjson", "*.html", "*.htm"]
                .map(|p| format!("**/{p}"))
                .to_vec(),
            exclude: Vec::new(),
            follow_symlinks: false,
            max_file_bytes: 50 * 1024 * 1024,
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct IndexSettings {
    /// Index directory; `--index` and `$FAHRAS_INDEX` take precedence.
    pub path: Option<PathBuf>,
    /// Memory tantivy's writer may use before flushing a segment, in MiB.
    pub writer_memory_mb: usize,
    /// The most one merge of segments reads, in MiB.
    pub merge_mb: usize,
    /// Threads for parsing and indexing; 0 means one per core.
    pub threads: usize,
    /// An incremental run commits after this many new articles...
    pub commit_every_articles: usize,
    /// ...or after this many seconds, so an interrupted run keeps its work.
    pub commit_every_secs: u64,
    /// How far below other processes' CPU priority an index run works
    /// (the Unix nice value, 0–19), so that searches answered meanwhile
    /// keep their speed.
    pub nice: u8,
}

impl Default for IndexSettings {
    fn default() -> Self {
        IndexSettings {
            path: None,
            writer_memory_mb: 256,
            merge_mb: 512,
            threads: 0,
            commit_every_articles: 20_000,
            commit_every_secs: 120,
            nice: 19,
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Analysis {
    /// Light stemming of title and body (the index records the choice).
    pub stemmer: bool,
    /// Removal of Arabic function words.
    pub stopwords: bool,
    /// Also index unstemmed copies of title and body, for `--exact`.
    pub exact: bool,
}

impl Default for Analysis {
    fn default() -> Self {
        Analysis {
            stemmer: true,
            stopwords: true,
            exact: false,
        }
    }
}

/// How query words without an operator combine; the query language's own
/// notion, named here for `search.default_operator`.
pub use crate::search::query::Operator;

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Search {
    /// Hits shown when `-n` is not given.
    pub limit: usize,
    /// Longest snippet, in characters.
    pub snippet_chars: usize,
    /// How words without an operator combine: "and" or "or".
    pub default_operator: Operator,
    /// Longest time one search may spend matching phrases, in ms; a query
    /// that needs more is stopped with an error (exit 2). 0: no limit.
    pub timeout_ms: u64,
    /// Memory, in MiB, a long-lived search process (`serve`, a batch)
    /// keeps between searches: where frequent terms are, for counting.
    pub cache_mb: usize,
}

impl Default for Search {
    fn default() -> Self {
        Search {
            limit: 10,
            snippet_chars: 200,
            default_operator: Operator::And,
            timeout_ms: 1000,
            cache_mb: 64,
        }
    }
}

/// `fahras serve`.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Serve {
    /// Address to listen on; `--bind` takes precedence.
    pub bind: String,
    /// Searches run at once; 0 means one per core.
    pub workers: usize,
    /// Requests that may wait for a worker; past them the server answers
    /// 503 at once.
    pub queue: usize,
    /// The most hits one page may ask for (`limit`), and the deepest page
    /// (`offset + limit`); `/api/export` streams every hit.
    pub max_limit: usize,
    pub max_window: usize,
    /// Bearer token every request must carry; `--token` and
    /// `$FAHRAS_TOKEN` take precedence. None: no token asked.
    pub token: Option<String>,
}

impl Default for Serve {
    fn default() -> Self {
        Serve {
            bind: "127.0.0.1:7700".into(),
            workers: 0,
            queue: 64,
            max_limit: 1000,
            max_window: 10_000,
            token: None,
        }
    }
}

impl Config {
    /// Reads `path`, or `./fahras.toml` when it exists, or the defaults.
    pub fn load(path: Option<&Path>) -> Result<Config> {
        let path = match path {
            Some(p) => p.to_path_buf(),
            None => {
                let default = PathBuf::from(DEFAULT_CONFIG_FILE);
                if !default.is_file() {
                    return Ok(Config::default());
                }
                default
            }
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::io(format!("cannot read config {}", path.display()), e))?;
        Config::parse(&text).map_err(|source| Error::Config { path, source })
    }

    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(Box::new)?;
        config.analysis_given =
            toml::from_str::<toml::Table>(text).is_ok_and(|t| t.contains_key("analysis"));
        let invalid = |key, rule| Err(ConfigError::Invalid { key, rule });
        if config.search.limit == 0 {
            return invalid("search.limit", "at least 1");
        }
        if config.serve.max_limit == 0 || config.serve.max_window < config.serve.max_limit {
            return invalid("serve.max_limit", "at least 1 and at most serve.max_window");
        }
        if config.index.writer_memory_mb < 16 {
            return invalid("index.writer_memory_mb", "at least 16");
        }
        if config.index.merge_mb < 64 {
            return invalid("index.merge_mb", "at least 64");
        }
        if config.index.nice > 19 {
            return invalid("index.nice", "from 0 to 19");
        }
        Ok(config)
    }
}

/// What is wrong with a config file's text.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Not TOML, an unknown key, or a value of the wrong type; toml's
    /// message names the line and the key.
    #[error("{0}")]
    Toml(#[from] Box<toml::de::Error>),
    /// A value of the right type outside what it may be.
    #[error("{key} must be {rule}")]
    Invalid {
        key: &'static str,
        rule: &'static str,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_config_parses_to_the_defaults() {
        let example = include_str!("../index.example.toml");
        let parsed = Config::parse(example).unwrap();
        assert!(parsed.analysis_given);
        let defaults = Config {
            analysis_given: true,
            ..Config::default()
        };
        assert_eq!(parsed, defaults);
        assert!(
            !Config::parse("[search]\nlimit = 3\n")
                .unwrap()
                .analysis_given
        );
    }

    #[test]
    fn unknown_keys_are_errors() {
        let err = Config::parse("[search]\nlimt = 5\n").unwrap_err();
        assert!(matches!(err, ConfigError::Toml(_)));
        assert!(err.to_string().contains("limt"), "{err}");
    }

    #[test]
    fn bad_values_are_errors() {
        assert!(matches!(
            Config::parse("[search]\nlimit = 0\n"),
            Err(ConfigError::Invalid {
                key: "search.limit",
                ..
            })
        ));
        assert!(Config::parse("[search]\ndefault_operator = \"xor\"\n").is_err());
        assert!(matches!(
            Config::parse("[index]\nnice = 20\n"),
            Err(ConfigError::Invalid {
                key: "index.nice",
                ..
            })
        ));
    }
}
