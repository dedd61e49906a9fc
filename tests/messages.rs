//! Messages that point the right way, and commands that do what their
//! flags say: a query may start with `-`, a mistyped flag is not searched,
//! an English name gets a hint, a broken index is named broken, and an
//! index keeps the analysis it was built with.

mod common;

use common::*;

#[test]
fn a_query_may_start_with_a_dash_and_a_mistyped_flag_is_refused() {
    let indexed = Indexed::sample();
    let out = indexed.run(&["search", "-العراق", "--format", "jsonl", "--fields", "id"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let with = jsonl_ids(&indexed.run(&[
        "search",
        "العراق",
        "--all",
        "--format",
        "jsonl",
        "--fields",
        "id",
    ]));
    assert!(jsonl_ids(&out).iter().all(|id| !with.contains(id)));
    let typo = indexed.run(&["search", "--limt"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(stderr(&typo).contains("--limt"), "{}", stderr(&typo));
}

#[test]
fn an_english_name_with_no_hits_points_at_the_entity() {
    let indexed = Indexed::sample();
    let out = indexed.run(&["search", "Austin"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--entity \"Lloyd Austin\""),
        "{}",
        stderr(&out)
    );
    let entity = indexed.run(&["search", "--entity", "Lloyd Austin"]);
    assert_eq!(entity.status.code(), Some(0));
}

#[test]
fn fields_may_have_spaces_and_an_offset_past_the_end_says_so() {
    let indexed = Indexed::sample();
    let out = indexed.run(&[
        "search",
        "بغداد",
        "-n",
        "1",
        "--format",
        "csv",
        "--fields",
        " id , date ",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("id,date\n"), "{}", stdout(&out));
    let past = indexed.run(&["search", "بغداد", "--offset", "100000"]);
    assert_eq!(past.status.code(), Some(0));
    assert!(stdout(&past).contains("past the last"), "{}", stdout(&past));
}

#[test]
fn stats_shows_the_times_the_run_printed() {
    let indexed = Indexed::sample();
    let printed: serde_json::Value = serde_json::from_slice(&indexed.output.stdout).unwrap();
    let stats = indexed.run(&["stats", "--format", "json"]);
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["last_run"]["elapsed_secs"], printed["elapsed_secs"]);
    assert_eq!(
        stats["last_run"]["articles_per_sec"],
        printed["articles_per_sec"]
    );
}

#[test]
fn a_broken_meta_json_is_called_broken_and_rebuilt() {
    let indexed = Indexed::sample();
    std::fs::write(indexed.index.join("meta.json"), "{ not json").unwrap();
    let search = indexed.run(&["search", "بغداد"]);
    assert_eq!(search.status.code(), Some(2));
    assert!(
        !stderr(&search).contains("another version"),
        "{}",
        stderr(&search)
    );
    let again = fahras()
        .current_dir(indexed.dir.path())
        .args(["index", "--json", "--progress", "none", "--index"])
        .arg(&indexed.index)
        .arg(sample_corpus())
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let summary: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    let reason = summary["full_reason"].as_str().unwrap_or_default();
    assert!(reason.contains("meta.json cannot be read"), "{reason}");
    assert_eq!(indexed.run(&["search", "بغداد"]).status.code(), Some(0));
}

#[test]
fn an_index_keeps_its_analysis_when_no_config_says_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("exact.toml");
    std::fs::write(&config, "[analysis]\nexact = true\n").unwrap();
    let index = dir.path().join("idx");
    let run = |extra: &[&str]| {
        fahras()
            .current_dir(dir.path())
            .args(["index", "--json", "--progress", "none", "--index"])
            .arg(&index)
            .args(extra)
            .arg(sample_corpus())
            .output()
            .unwrap()
    };
    assert!(run(&["--config", config.to_str().unwrap()])
        .status
        .success());
    // No --config: the exact copies stay, nothing is rebuilt.
    let again = run(&[]);
    let summary: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(summary["mode"], "incremental", "{summary}");
    assert_eq!(summary["articles_added"], 0);
    let exact = fahras()
        .args(["search", "--exact", "القوات", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    assert!(exact.status.code().unwrap() < 2, "{}", stderr(&exact));
}
