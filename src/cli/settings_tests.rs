//! Which value wins, for every setting that has both a flag and a config
//! key: the flag, then the config, then the built-in default.

use clap::Parser;

use super::*;

const PLAIN: Terminal = Terminal {
    stdout: false,
    stderr: false,
    no_color: false,
    width: 100,
};

fn settings(args: &[&str], config: &str) -> Settings {
    settings_on(args, config, PLAIN)
}

fn settings_on(args: &[&str], config: &str, term: Terminal) -> Settings {
    let cli = Cli::try_parse_from(std::iter::once("fahras").chain(args.iter().copied()))
        .expect("the test's arguments parse");
    Settings::from_parts(
        &cli,
        Config::parse(config).expect("the test's config parses"),
        term,
    )
}

#[test]
fn the_limit_is_the_flag_then_the_config_then_ten() {
    assert_eq!(
        settings(&["search", "x", "-n", "3"], "[search]\nlimit = 7")
            .search
            .limit,
        3
    );
    assert_eq!(
        settings(&["search", "x"], "[search]\nlimit = 7")
            .search
            .limit,
        7
    );
    assert_eq!(settings(&["search", "x"], "").search.limit, 10);
    assert_eq!(
        settings(&["similar", "a1", "-n", "2"], "[search]\nlimit = 7")
            .search
            .limit,
        2
    );
    assert_eq!(
        settings(&["similar", "a1"], "[search]\nlimit = 7")
            .search
            .limit,
        7
    );
    // A command without -n still gets the config's limit.
    assert_eq!(settings(&["facets"], "[search]\nlimit = 7").search.limit, 7);
}

#[test]
fn a_zero_limit_reaches_validation_from_the_flag_of_any_command() {
    for args in [
        &["search", "x", "-n", "0"][..],
        &["similar", "a1", "-n", "0"],
    ] {
        assert_eq!(
            settings(args, "").search.validate(),
            Err(crate::search::RequestError::Limit),
            "{args:?}"
        );
    }
}

#[test]
fn snippet_lengths_are_kept_within_bounds_from_the_flag_or_the_config() {
    let chars = |args: &[&str], config| settings(args, config).search.snippet_chars;
    assert_eq!(
        chars(
            &["search", "x", "--snippet-chars", "90"],
            "[search]\nsnippet_chars = 300"
        ),
        90
    );
    assert_eq!(
        chars(&["search", "x"], "[search]\nsnippet_chars = 300"),
        300
    );
    assert_eq!(chars(&["search", "x"], "[search]\nsnippet_chars = 5"), 20);
    assert_eq!(chars(&["search", "x", "--snippet-chars", "9000"], ""), 2000);
    assert_eq!(chars(&["search", "x"], ""), 200);
}

#[test]
fn any_beats_the_configured_operator() {
    let op = |args: &[&str], config| settings(args, config).search.operator;
    let or = "[search]\ndefault_operator = \"or\"";
    assert_eq!(op(&["search", "x"], ""), Operator::And);
    assert_eq!(op(&["search", "x"], or), Operator::Or);
    assert_eq!(op(&["search", "x", "--any"], ""), Operator::Or);
    assert_eq!(op(&["facets", "x", "--any"], ""), Operator::Or);
    assert_eq!(op(&["timeline", "x", "--any"], ""), Operator::Or);
    assert_eq!(op(&["cooccur", "--any"], ""), Operator::Or);
}

#[test]
fn the_time_budget_comes_from_the_config_and_zero_means_none() {
    let budget = |config| settings(&["search", "x"], config).search.timeout;
    assert_eq!(budget(""), Some(Duration::from_millis(1000)));
    assert_eq!(
        budget("[search]\ntimeout_ms = 50"),
        Some(Duration::from_millis(50))
    );
    assert_eq!(budget("[search]\ntimeout_ms = 0"), None);
}

#[test]
fn the_index_folder_is_the_flag_then_the_config_then_dot_fahras() {
    let path = |args: &[&str], config| settings(args, config).index_path;
    let config = "[index]\npath = \"/srv/idx\"";
    assert_eq!(
        path(&["--index", "/tmp/i", "stats"], config),
        PathBuf::from("/tmp/i")
    );
    assert_eq!(path(&["stats"], config), PathBuf::from("/srv/idx"));
    assert_eq!(path(&["stats"], ""), PathBuf::from(DEFAULT_INDEX_DIR));
}

#[test]
fn colour_only_on_a_terminal_without_no_color_unless_asked() {
    let color = |args: &[&str], term| settings_on(args, "", term).style.color;
    let tty = Terminal {
        stdout: true,
        ..PLAIN
    };
    let no_color = Terminal {
        no_color: true,
        ..tty
    };
    assert!(color(&["stats"], tty));
    assert!(!color(&["stats"], PLAIN));
    assert!(!color(&["stats"], no_color));
    assert!(color(&["--color", "always", "stats"], no_color));
    assert!(!color(&["--color", "never", "stats"], tty));
    // The width matters only on a terminal.
    assert_eq!(settings_on(&["stats"], "", tty).style.width, Some(100));
    assert_eq!(settings_on(&["stats"], "", PLAIN).style.width, None);
}

#[test]
fn index_roots_threads_and_progress() {
    let config = "[archive]\npaths = [\"/data/news\"]\n[index]\nthreads = 3";
    let s = settings(&["index"], config);
    assert_eq!(s.index.roots, vec![PathBuf::from("/data/news")]);
    assert_eq!(s.index.threads, 3);
    let s = settings(&["index", "a", "b", "--threads", "1"], config);
    assert_eq!(s.index.roots, vec![PathBuf::from("a"), PathBuf::from("b")]);
    assert_eq!(s.index.threads, 1);

    let progress = |args: &[&str], term| settings_on(args, "", term).index.progress;
    let tty = Terminal {
        stderr: true,
        ..PLAIN
    };
    assert_eq!(progress(&["index"], tty), ProgressMode::Bar);
    assert_eq!(progress(&["index"], PLAIN), ProgressMode::Log);
    assert_eq!(
        progress(&["index", "--progress", "bar"], PLAIN),
        ProgressMode::Bar
    );
    assert_eq!(
        progress(&["index", "--progress", "log"], tty),
        ProgressMode::Log
    );
    assert_eq!(
        progress(&["index", "--quiet", "--progress", "bar"], tty),
        ProgressMode::None
    );
}

#[test]
fn serve_flags_beat_the_config() {
    let config = "[serve]\nbind = \"0.0.0.0:80\"\nworkers = 3\nqueue = 9\ntoken = \"c\"";
    let s = settings(&["serve"], config).serve;
    assert_eq!(
        s,
        ServeSettings {
            bind: "0.0.0.0:80".into(),
            workers: 3,
            queue: 9,
            token: Some("c".into()),
        }
    );
    let args = [
        "serve",
        "--bind",
        "127.0.0.1:1",
        "--workers",
        "1",
        "--queue",
        "2",
        "--token",
        "f",
    ];
    let s = settings(&args, config).serve;
    assert_eq!(
        s,
        ServeSettings {
            bind: "127.0.0.1:1".into(),
            workers: 1,
            queue: 2,
            token: Some("f".into()),
        }
    );
    // No workers given anywhere: one per core.
    assert!(settings(&["serve"], "").serve.workers >= 1);
    assert_eq!(settings(&["serve"], "").serve.token, None);
}
