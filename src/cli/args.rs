//! Command-line arguments, as clap parses them. Nothing here is resolved:
//! defaults that depend on the config file, the environment or the
//! terminal are settled in [`super::settings`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::fields::HitField;
use crate::output::{Format, RecordFormat, TableFormat};
use crate::search::{Interval, Sort};

#[derive(Debug, Parser)]
#[command(
    name = "fahras",
    version,
    about = "Full-text search for archives of Arabic news articles"
)]
pub struct Cli {
    /// Config file (default: ./fahras.toml when it exists).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Index directory (default: index.path from the config, else ./.fahras).
    #[arg(long, global = true, value_name = "DIR", env = "FAHRAS_INDEX")]
    pub index: Option<PathBuf>,

    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index an archive: walk, parse, analyze and commit.
    Index(IndexArgs),
    /// Search the index: ranked hits with snippets.
    Search(SearchArgs),
    /// Articles most like a given one (more like this).
    Similar(SimilarArgs),
    /// Show one stored article.
    Show(ShowArgs),
    /// Count the entities of the matching articles.
    Facets(FacetsArgs),
    /// Show the entities the gazetteer recognises in a text.
    Entities(EntitiesArgs),
    /// Index statistics and the last indexing run.
    Stats(StatsArgs),
    /// Show what the Arabic analyzer makes of a text.
    Analyze(AnalyzeArgs),
    /// Coverage over time: matching articles per day, week, month or year.
    Timeline(TimelineArgs),
    /// Who appears with whom: the top entities and the articles naming each pair.
    Cooccur(CooccurArgs),
    /// Serve the index over HTTP: a read-only JSON API.
    Serve(ServeArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProgressChoice {
    Bar,
    Log,
    None,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folders or files to index (default: archive.paths from the config).
    pub paths: Vec<PathBuf>,
    /// Rebuild from scratch instead of updating what changed.
    #[arg(long)]
    pub full: bool,
    /// When another run holds the index, wait for it (up to SECONDS, or
    /// for as long as it takes) instead of failing at once.
    #[arg(long, value_name = "SECONDS", num_args = 0..=1)]
    pub wait: Option<Option<u64>>,
    /// Threads for parsing and indexing (default: index.threads, 0 = one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print the run summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// Progress display (default: bar on a terminal, log otherwise).
    #[arg(long, value_enum)]
    pub progress: Option<ProgressChoice>,
    /// No progress and no summary on stderr (errors are still reported).
    #[arg(long, short)]
    pub quiet: bool,
    /// Exit with status 2 when any file was skipped.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query (see the README for the query language). Without one,
    /// the filters alone select articles (`--entity`, `--source`, dates).
    /// A query may start with `-` (`-العراق`): a word in any script but
    /// Latin after a dash is no flag.
    #[arg(allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Run one query per line of FILE: `qid<TAB>query`, or a bare query
    /// numbered by its line.
    #[arg(long, value_name = "FILE", conflicts_with = "query")]
    pub batch: Option<PathBuf>,
    /// Hits to show (default: search.limit from the config, 10).
    #[arg(short = 'n', long, value_name = "N")]
    pub limit: Option<usize>,
    /// Hits to skip before the first one shown.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Any word may match (OR) instead of every word (AND).
    #[arg(long)]
    pub any: bool,
    /// Match word forms exactly: normalized but not stemmed.
    #[arg(long)]
    pub exact: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Columns for csv and keys for json/jsonl, comma-separated (spaces
    /// around names are ignored).
    #[arg(long, value_name = "a,b,c", value_delimiter = ',', value_parser = hit_field)]
    pub fields: Option<Vec<HitField>>,
    /// Longest snippet, in characters, 20 to 2000 (default:
    /// search.snippet_chars; a value outside is taken as the nearest end).
    #[arg(long, value_name = "N")]
    pub snippet_chars: Option<usize>,
    /// Print what each query word became after analysis (on stderr).
    #[arg(long)]
    pub show_query: bool,
    /// Every hit, streamed, for export (unranked unless --sort is given).
    #[arg(long, conflicts_with_all = ["limit", "offset"])]
    pub all: bool,
    /// Order: relevance (the default), date (newest first) or date:asc.
    #[arg(long, value_name = "ORDER", value_enum)]
    pub sort: Option<Sort>,
    /// With --since/--until, keep undated articles too.
    #[arg(long)]
    pub include_undated: bool,
    /// Show, per hit, which terms matched in which field and what they scored.
    #[arg(long)]
    pub explain: bool,
    /// Add entity counts over every matching article (the N most frequent
    /// per type, 10 by default).
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "10")]
    pub facets: Option<usize>,
}

#[derive(Debug, Args)]
pub struct FacetsArgs {
    /// Count over the articles matching this query (default: all).
    #[arg(allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Only this entity type (person, org, place, event, ...).
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Entities shown per type.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Any query word may match (OR).
    #[arg(long)]
    pub any: bool,
    #[arg(long, value_enum, default_value_t = RecordFormat::Text)]
    pub format: RecordFormat,
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// One or more queries, one series each (default: every article, `*`).
    /// A query that starts with `-` goes after `--`: `timeline -- -العراق`.
    pub queries: Vec<String>,
    /// Width of a bucket.
    #[arg(long, value_enum, default_value_t = Interval::Month)]
    pub interval: Interval,
    /// Add each bucket's share of all dated articles in it.
    #[arg(long)]
    pub normalize: bool,
    /// Any query word may match (OR).
    #[arg(long)]
    pub any: bool,
    /// Match word forms exactly: normalized but not stemmed.
    #[arg(long)]
    pub exact: bool,
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(Debug, Args)]
pub struct CooccurArgs {
    /// Count over the articles matching this query (default: all).
    #[arg(allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Only entities of this type (person, org, place, event, ...).
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// How many entities (1 to 100), the most frequent first.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top: usize,
    /// Any query word may match (OR).
    #[arg(long)]
    pub any: bool,
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (default: serve.bind from the config,
    /// 127.0.0.1:7700; port 0 picks a free one).
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<String>,
    /// Require `Authorization: Bearer TOKEN` on every request.
    #[arg(
        long,
        value_name = "TOKEN",
        env = "FAHRAS_TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,
    /// Searches run at once (default: serve.workers, 0 = one per core).
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// Requests that may wait for a worker before the server answers 503
    /// (default: serve.queue).
    #[arg(long, value_name = "N")]
    pub queue: Option<usize>,
    /// No access log on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Text to scan (default: standard input).
    pub text: Option<String>,
    /// Judge the names as in an article of this date (2018, 2018-06,
    /// 2018-06-24): an event's `from` applies. The gazetteer's `requires`
    /// applies always, with the text as the article.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[arg(long, value_enum, default_value_t = RecordFormat::Text)]
    pub format: RecordFormat,
}

#[derive(Debug, Args)]
pub struct SimilarArgs {
    /// The article's id, as search results give it.
    pub id: String,
    #[arg(short = 'n', long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Columns for csv and keys for json/jsonl, comma-separated (spaces
    /// around names are ignored).
    #[arg(long, value_name = "a,b,c", value_delimiter = ',', value_parser = hit_field)]
    pub fields: Option<Vec<HitField>>,
}

/// Filters shared by `search`, `similar`, `facets`, `timeline` and `cooccur`.
#[derive(Debug, Default, Args)]
pub struct FilterArgs {
    /// Only articles naming this entity: an id, `type/id`, an Arabic name
    /// or alias, or an English name (repeatable: all must match).
    #[arg(long, value_name = "ENTITY")]
    pub entity: Vec<String>,
    /// Only articles from this source (exact name; repeatable, any matches).
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Only articles dated on or after this day (2024, 2024-03, 2024-03-15).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles dated on or before this day.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id, as search results give it.
    pub id: String,
    /// The file the article came from, when two files use the same id.
    #[arg(long, value_name = "FILE")]
    pub path: Option<String>,
    #[arg(long, value_enum, default_value_t = RecordFormat::Text)]
    pub format: RecordFormat,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[arg(long, value_enum, default_value_t = RecordFormat::Text)]
    pub format: RecordFormat,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Text to analyze (default: standard input).
    pub text: Option<String>,
    /// Read standard input and print each line's final tokens on one line.
    #[arg(long)]
    pub lines: bool,
    /// Leave out the stemming stage.
    #[arg(long)]
    pub no_stem: bool,
    /// Leave out the stopword stage.
    #[arg(long)]
    pub no_stopwords: bool,
    #[arg(long, value_enum, default_value_t = RecordFormat::Text)]
    pub format: RecordFormat,
}

/// A `--fields` name, the spaces around it taken off (`' id , title '`).
fn hit_field(item: &str) -> Result<HitField, String> {
    HitField::from_str(item.trim(), false).map_err(|_| {
        let names: Vec<&str> = HitField::ALL.iter().map(|f| f.key()).collect();
        format!(
            "unknown field {:?}; the fields are: {}",
            item.trim(),
            names.join(", ")
        )
    })
}
