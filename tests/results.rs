//! What a result list holds and in which order: sorting, dates, `--all`
//! exports, explain, more-like-this, and HTML escaping.

mod common;

use common::*;

fn jsonl(indexed: &Indexed, args: &[&str]) -> Vec<Hit> {
    let out = indexed.cmd(args).output().unwrap();
    assert!(out.status.code().unwrap() < 2, "{}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn all_streams_every_hit_and_agrees_with_the_json_total() {
    let ix = Indexed::sample();
    let out = ix
        .cmd(&["search", "العراق", "--format", "json", "-n", "1"])
        .output()
        .unwrap();
    let page: Results = serde_json::from_slice(&out.stdout).unwrap();
    let all = ix
        .cmd(&["search", "العراق", "--all", "--format", "jsonl"])
        .output()
        .unwrap();
    let lines = stdout(&all).lines().count();
    assert_eq!(lines, page.total);
    assert!(page.total > 10);
    assert!(
        stderr(&all).contains(&format!("{} hits", page.total)),
        "{}",
        stderr(&all)
    );
    // The json form of an export carries the total too.
    let doc = ix
        .cmd(&["search", "العراق", "--all", "--format", "json"])
        .output()
        .unwrap();
    let r: Results = serde_json::from_slice(&doc.stdout).unwrap();
    assert_eq!((r.total, r.hits.len()), (page.total, page.total));
    // Unranked export: no scores, no snippets unless asked for.
    assert!(r
        .hits
        .iter()
        .all(|h| h.score.is_none() && h.snippet.is_empty()));
}

#[test]
fn all_works_with_batch_and_csv() {
    let ix = Indexed::sample();
    let batch = ix.dir.path().join("q.tsv");
    std::fs::write(&batch, "a\tكورمور\nb\tجيهان\n").unwrap();
    let out = ix
        .cmd(&[
            "search",
            "--batch",
            batch.to_str().unwrap(),
            "--all",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(&reader.headers().unwrap()[0], "qid");
    let qids: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(qids.iter().filter(|q| *q == "a").count(), 1);
    assert_eq!(qids.iter().filter(|q| *q == "b").count(), 2);
}

#[test]
fn sort_by_date_both_ways_with_undated_last() {
    let ix = Indexed::sample();
    let desc = jsonl(
        &ix,
        &[
            "search",
            "العراق",
            "--sort",
            "date",
            "--all",
            "--format",
            "jsonl",
        ],
    );
    let dates: Vec<Option<String>> = desc.iter().map(|h| h.date.clone()).collect();
    let dated: Vec<&String> = dates.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "{dated:?}");
    let first_undated = dates
        .iter()
        .position(Option::is_none)
        .unwrap_or(dates.len());
    assert!(
        dates[first_undated..].iter().all(Option::is_none),
        "undated must come last"
    );

    let asc = jsonl(
        &ix,
        &[
            "search",
            "العراق",
            "--sort",
            "date:asc",
            "-n",
            "5",
            "--format",
            "jsonl",
        ],
    );
    let asc_dates: Vec<String> = asc.iter().map(|h| h.date.clone().unwrap()).collect();
    assert!(asc_dates.windows(2).all(|w| w[0] <= w[1]), "{asc_dates:?}");
    assert!(asc.iter().all(|h| h.score.is_some()));
}

#[test]
fn undated_articles_are_left_out_of_date_ranges_unless_asked() {
    let ix = Indexed::sample();
    let without = jsonl(
        &ix,
        &[
            "search", "داعش", "--since", "2019", "--all", "--format", "jsonl",
        ],
    );
    let with = jsonl(
        &ix,
        &[
            "search",
            "داعش",
            "--since",
            "2019",
            "--include-undated",
            "--all",
            "--format",
            "jsonl",
        ],
    );
    assert!(without.iter().all(|h| h.date.is_some()));
    assert!(with.iter().any(|h| h.date.is_none()));
    assert!(with.len() > without.len());
}

#[test]
fn csv_quotes_arabic_text_with_commas_and_quotes() {
    let ix = Indexed::sample();
    let args = ["search", "\"بات يهدد الاستقرار\"", "-n", "1"];
    let json = ix
        .cmd(&[&args[..], &["--format", "json"]].concat())
        .output()
        .unwrap();
    let r: Results = serde_json::from_slice(&json.stdout).unwrap();
    let snippet = &r.hits[0].snippet;
    assert!(snippet.contains('"') && snippet.contains('،'), "{snippet}");
    let csv_out = ix
        .cmd(&[&args[..], &["--format", "csv", "--fields", "id,snippet"]].concat())
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(csv_out.stdout.as_slice());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[1], snippet);
}

#[test]
fn explain_names_the_matching_terms_and_fields() {
    let ix = Indexed::sample();
    let out = ix
        .cmd(&[
            "search",
            "خارطة طريق",
            "--explain",
            "--format",
            "json",
            "-n",
            "1",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &v["hits"][0]["explanation"];
    let matches = e["matches"].as_array().unwrap();
    assert!(
        matches
            .iter()
            .any(|m| m["field"] == "title" && m["terms"] == "خارط"),
        "{e}"
    );
    let sum: f64 = matches.iter().map(|m| m["score"].as_f64().unwrap()).sum();
    assert!((sum - e["score"].as_f64().unwrap()).abs() < 0.01, "{e}");
}

#[test]
fn similar_lists_related_articles_without_itself() {
    let ix = Indexed::sample();
    let hits = jsonl(&ix, &["similar", SEED_ID, "--format", "jsonl", "-n", "5"]);
    assert_eq!(hits.len(), 5);
    assert!(hits.iter().all(|h| h.id != SEED_ID));
    let missing = ix.cmd(&["similar", "no-such-id"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn html_output_escapes_article_text() {
    let ix = Indexed::new(&[&fixture("hostile")]);
    let out = ix
        .cmd(&["search", "بغداد", "--format", "html"])
        .output()
        .unwrap();
    let page = stdout(&out);
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("&lt;script&gt;"), "{page}");
    assert!(!page.contains("<script>"));
    assert!(!page.contains('\x1b'));
    assert!(page.contains("<mark>"));
}
