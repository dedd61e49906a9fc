//! What a query may cost and ask for: slop, words and nesting are capped,
//! every year is a date bound, a reversed range is an error, and a query
//! that fails writes nothing to stdout.

mod common;

use common::{stderr, stdout, Indexed};

fn count(indexed: &Indexed, args: &[&str]) -> usize {
    let out = indexed.cmd(args).output().unwrap();
    assert!(out.status.code().unwrap() < 2, "{args:?}: {}", stderr(&out));
    stdout(&out).lines().count()
}

#[test]
fn a_huge_slop_is_refused_with_its_position() {
    let indexed = Indexed::sample();
    let out = indexed.run(&["search", "\"العراق الولايات\"~1000"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("character 18") && err.contains("~50"), "{err}");
    assert!(stdout(&out).is_empty());
    // At the cap it runs.
    let ok = indexed.run(&["search", "\"العراق الولايات\"~50"]);
    assert!(ok.status.code().unwrap() < 2, "{}", stderr(&ok));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let indexed = Indexed::sample();
    let deep = format!("{}العراق{}", "(".repeat(20_000), ")".repeat(20_000));
    let out = indexed.run(&["search", &deep]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("nest at most"), "{}", stderr(&out));
    let negations = format!("{}العراق", "-".repeat(10_000));
    let out = indexed.run(&["search", "--", &negations]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn a_batch_line_over_a_limit_fails_alone() {
    let indexed = Indexed::sample();
    let batch = indexed.dir.path().join("q.tsv");
    let deep = format!("{}العراق", "(".repeat(100_000));
    let words = vec!["بغداد"; 300].join(" ");
    std::fs::write(&batch, format!("ok\tبغداد\ndeep\t{deep}\nlong\t{words}\n")).unwrap();
    let out = indexed.run(&[
        "search",
        "--batch",
        batch.to_str().unwrap(),
        "--format",
        "jsonl",
        "--fields",
        "qid",
    ]);
    // The good query is answered; the other two are named; exit 2.
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).lines().all(|l| l.contains("\"ok\"")),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("query deep") && err.contains("query long"),
        "{err}"
    );
    assert!(err.contains("at most 256 words"), "{err}");
}

#[test]
fn a_bad_query_with_all_writes_nothing_to_stdout() {
    let indexed = Indexed::sample();
    for format in ["csv", "json", "jsonl", "html"] {
        let out = indexed.run(&["search", "(العراق", "--all", "--format", format]);
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(stdout(&out).is_empty(), "{format}: {}", stdout(&out));
    }
}

#[test]
fn every_year_works_as_a_date_bound() {
    let indexed = Indexed::sample();
    let dated = count(
        &indexed,
        &[
            "search", "*", "--since", "1900", "--all", "--format", "jsonl", "--fields", "id",
        ],
    );
    assert!(dated > 30, "{dated}");
    for args in [
        ["--until", "9999"],
        ["--since", "1000"],
        ["--since", "0001"],
    ] {
        let mut all = vec![
            "search", "*", "--all", "--format", "jsonl", "--fields", "id",
        ];
        all.extend(args);
        assert_eq!(count(&indexed, &all), dated, "{args:?}");
    }
    for q in ["date:<9999", "date:>=0001", "date:[0001 TO 9999]"] {
        let n = count(
            &indexed,
            &["search", q, "--all", "--format", "jsonl", "--fields", "id"],
        );
        assert_eq!(n, dated, "{q}");
    }
    for q in ["date:>9999", "date:<0001"] {
        let out = indexed.run(&["search", q]);
        assert_eq!(out.status.code(), Some(1), "{q}: {}", stderr(&out));
    }
}

#[test]
fn a_reversed_date_range_is_an_error() {
    let indexed = Indexed::sample();
    let out = indexed.run(&["search", "العراق", "--since", "2025", "--until", "2024"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("before it starts"),
        "{}",
        stderr(&out)
    );
    let out = indexed
        .cmd(&["search", "date:[2025 TO 2024]"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("ends before it starts"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn odd_batch_lines_warn_and_the_batch_goes_on() {
    let indexed = Indexed::sample();
    let batch = indexed.dir.path().join("q.tsv");
    std::fs::write(
        &batch,
        "\u{feff}first\tبغداد\n\tالعراق\nempty\t\nent\tentity:nonexistent بغداد\n",
    )
    .unwrap();
    let out = indexed.run(&[
        "search",
        "--batch",
        batch.to_str().unwrap(),
        "--format",
        "jsonl",
        "--fields",
        "qid",
        "-n",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let qids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["qid"].to_string())
        .collect();
    assert_eq!(qids, ["\"first\"", "\"2\""]);
    let err = stderr(&out);
    assert!(err.contains("q.tsv:3: query empty is empty"), "{err}");
    assert!(err.contains("query ent searched as plain words"), "{err}");
}
