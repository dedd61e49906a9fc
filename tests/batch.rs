//! `search --batch`: queries run in parallel must answer as if run one by
//! one, in the batch's order, and hits that show only ids read nothing else.

mod common;

use common::{stderr, stdout, Indexed};

const QUERIES: [&str; 10] = [
    "العراق",
    "النفط",
    "بغداد",
    "خارطة طريق",
    "واشنطن",
    "الانتخابات",
    "كورمور",
    "جيهان",
    "بغداذ",
    "كلمةلاتوجد",
];

/// `(qid, id)` of every hit line, in output order.
fn pairs(jsonl: &str) -> Vec<(String, String)> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["id", "qid"], "only the fields asked for: {l}");
            (
                v["qid"].as_str().unwrap().into(),
                v["id"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn a_parallel_batch_answers_each_query_as_alone_and_in_order() {
    let ix = Indexed::sample();
    // Each query four times, so that several chunks run and the same query
    // lands on different threads.
    let lines: Vec<String> = (0..4)
        .flat_map(|round| {
            QUERIES
                .iter()
                .enumerate()
                .map(move |(i, q)| format!("r{round}q{i}\t{q}"))
        })
        .collect();
    let batch = ix.dir.path().join("queries.tsv");
    std::fs::write(&batch, lines.join("\n")).unwrap();
    let out = ix.run(&[
        "search",
        "--batch",
        batch.to_str().unwrap(),
        "--fields",
        "qid,id",
        "--format",
        "jsonl",
        "-n",
        "5",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = pairs(&stdout(&out));

    let mut expected = Vec::new();
    for round in 0..4 {
        for (i, q) in QUERIES.iter().enumerate() {
            let alone = ix.run(&[
                "search", q, "--fields", "id", "--format", "jsonl", "-n", "5",
            ]);
            for line in stdout(&alone).lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                expected.push((
                    format!("r{round}q{i}"),
                    v["id"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    assert!(expected.len() > 20, "the queries find something");
    assert_eq!(got, expected);
    // The misspelt word is noted once per round, in order.
    let err = stderr(&out);
    let notes: Vec<&str> = err.lines().filter(|l| l.contains("«بغداذ»")).collect();
    assert_eq!(notes.len(), 4, "{notes:?}");
    for (round, note) in notes.iter().enumerate() {
        assert!(note.contains(&format!("r{round}q8")), "{note}");
    }
}

#[test]
fn hits_made_from_columns_equal_hits_read_from_the_store() {
    let ix = Indexed::sample();
    let lines = |fields: &str| -> Vec<serde_json::Value> {
        let out = ix.run(&[
            "search", "*", "--all", "--format", "jsonl", "--fields", fields,
        ]);
        stdout(&out)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    // `url` is stored only, so this export reads the store ...
    let mut stored = lines("id,title,date,source,path,url");
    for hit in &mut stored {
        hit.as_object_mut().unwrap().remove("url");
    }
    // ... and this one reads columns only.
    let columns = lines("id,title,date,source,path");
    assert!(stored.len() > 20);
    assert_eq!(columns, stored);
    assert!(
        columns
            .iter()
            .any(|h| h["date"].as_str().is_some_and(|d| d.len() < 10)),
        "a month- or year-precision date keeps its precision"
    );
}
