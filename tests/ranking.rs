//! What ranking does beyond BM25: the re-ranking of the first hits
//! (proximity, derived forms) and words that occur in no article.

mod common;

use common::*;

/// An index of JSONL articles `(id, title, body)`, in this order, built
/// with `config` as its `fahras.toml`.
fn corpus_with(config: &str, articles: &[(&str, &str, &str)]) -> Indexed {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fahras.toml"), config).unwrap();
    let lines: Vec<String> = articles
        .iter()
        .map(|(id, title, body)| {
            serde_json::json!({"id": id, "title": title, "body": body}).to_string()
        })
        .collect();
    let file = dir.path().join("articles.jsonl");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let index = dir.path().join("idx");
    let output = fahras()
        .current_dir(dir.path())
        .args(["index", "-q", "--index"])
        .arg(&index)
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    Indexed { dir, index, output }
}

fn corpus(articles: &[(&str, &str, &str)]) -> Indexed {
    corpus_with("", articles)
}

fn search(ix: &Indexed, args: &[&str]) -> serde_json::Value {
    let out = ix
        .cmd(&[&["search"], args, &["--format", "json", "--explain"]].concat())
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)))
}

fn ids(v: &serde_json::Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

fn explained(hit: &serde_json::Value) -> Vec<String> {
    hit["explanation"]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["terms"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn words_near_each_other_rank_first() {
    // The same words, as often, in articles of the same length: BM25 ties
    // them, and the tie would go to the first article.
    let articles = [
        (
            "apart",
            "جلسة",
            "صوت البرلمان اليوم على قرارات كثيرة تخص التعليم والصحة والنقل ثم الموازنة",
        ),
        (
            "together",
            "جلسة",
            "صوت اليوم على قرارات كثيرة تخص التعليم والصحة والنقل ثم البرلمان الموازنة",
        ),
        ("other", "خبر", "هطلت أمطار غزيرة على المدينة"),
    ];
    let ix = corpus(&articles);
    let r = search(&ix, &["البرلمان الموازنة"]);
    assert_eq!(ids(&r), ["together", "apart"]);
    // `--exact` ranks by the unstemmed copies, the same way.
    let exact = corpus_with("[analysis]\nexact = true\n", &articles);
    let e = search(&exact, &["البرلمان الموازنة", "--exact"]);
    assert_eq!(ids(&e), ["together", "apart"]);
    assert!(
        explained(&e["hits"][0])
            .iter()
            .any(|t| t == "البرلمان ~ الموازنة"),
        "{e}"
    );
    let first = &r["hits"][0];
    assert!(
        explained(first).iter().any(|t| t.contains(" ~ ")),
        "{first}"
    );
    // The explanation still adds up to the score.
    let sum: f64 = first["explanation"]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["score"].as_f64().unwrap())
        .sum();
    assert!(
        (sum - first["score"].as_f64().unwrap()).abs() < 1e-3,
        "{first}"
    );
}

#[test]
fn an_article_with_a_derived_form_ranks_above_one_without() {
    let ix = corpus(&[
        (
            "without",
            "جلسة",
            "ناقش البرلمان الملف الزراعي في جلسة طويلة",
        ),
        (
            "derived",
            "جلسة",
            "ناقش البرلمان الملف الاقتصادي في جلسة طويلة",
        ),
        ("itself", "تقرير", "تراجع الاقتصاد هذا العام"),
    ]);
    let r = search(&ix, &["البرلمان الاقتصاد", "--any"]);
    let order = ids(&r);
    let pos = |id: &str| order.iter().position(|x| x == id).unwrap();
    assert!(pos("derived") < pos("without"), "{order:?}");
    assert!(
        explained(&r["hits"][pos("derived")])
            .iter()
            .any(|t| t.contains("اقتصادي")),
        "{r}"
    );
    // A derived form only re-ranks: it never makes an article match.
    let alone = search(&ix, &["الاقتصاد"]);
    assert_eq!(ids(&alone), ["itself"]);
}

#[test]
fn a_word_in_no_article_is_searched_as_its_neighbours_and_said_so() {
    let ix = Indexed::sample();
    let out = ix
        .cmd(&["search", "بغدادد", "--format", "jsonl", "--show-query"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(err.contains("no article has «بغدادد»"), "{err}");
    assert!(err.contains("بغداد"), "{err}");
    // Machine output stays clean.
    for line in stdout(&out).lines() {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
    // Entity counts over the same matches say so too.
    let facets = ix.cmd(&["facets", "بغدادد"]).output().unwrap();
    assert_eq!(facets.status.code(), Some(0));
    assert!(stderr(&facets).contains("no article has «بغدادد»"));
    // In quotes the word is searched as typed: nothing found, nothing said.
    let quoted = ix.cmd(&["search", "\"بغدادد\""]).output().unwrap();
    assert_eq!(quoted.status.code(), Some(1));
    assert!(!stderr(&quoted).contains("no article has"));
}

#[test]
fn a_word_that_occurs_is_never_replaced() {
    let ix = Indexed::sample();
    let out = ix.cmd(&["search", "بغداد"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!stderr(&out).contains("no article has"));
}

#[test]
fn pages_and_exports_cut_the_same_reranked_list() {
    let ix = Indexed::sample();
    let query = "القوات الأمريكية في العراق";
    let page = ids(&search(&ix, &[query, "-n", "12"]));
    let second = ids(&search(&ix, &[query, "-n", "6", "--offset", "6"]));
    assert_eq!(second, page[6..12]);
    let out = ix
        .cmd(&[
            "search",
            query,
            "--all",
            "--sort",
            "relevance",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(jsonl_ids(&out)[..12], page[..]);
}
