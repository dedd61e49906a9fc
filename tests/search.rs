//! `fahras search` on the sample corpus: ranking, formats, exit statuses.

mod common;

use common::*;

fn json(indexed: &Indexed, args: &[&str]) -> Results {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let out = indexed.cmd(&all).output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)))
}

#[test]
fn the_seed_article_ranks_first_for_its_headline_phrase() {
    let ix = Indexed::sample();
    let r = json(&ix, &["خارطة طريق"]);
    assert_eq!(r.hits[0].id, SEED_ID);
    assert_eq!(highlighted(&r.hits[0]), ["خارطة", "طريق"]);
    assert_eq!(r.hits[0].source.as_deref(), Some("العربية الانكليزية"));
}

#[test]
fn text_output_marks_highlights_and_exits_zero() {
    let ix = Indexed::sample();
    let out = ix.cmd(&["search", "خارطة طريق"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("**خارطة** **طريق**"), "{text}");
    assert!(!text.contains('\x1b'), "no colour without a terminal");
}

#[test]
fn a_query_in_one_form_finds_the_others() {
    let ix = Indexed::sample();
    // وللقوات appears in no article; القوات، قوات، لقوات، القُوَّات do.
    let r = json(&ix, &["وللقوات", "-n", "50"]);
    assert!(r.total >= 10, "{}", r.total);
    let words: Vec<String> = r.hits.iter().flat_map(highlighted).collect();
    for form in ["القوات", "القُوَّات", "لقوات"] {
        assert!(
            words.iter().any(|w| w == form),
            "{form} not highlighted in {words:?}"
        );
    }
}

#[test]
fn spelling_variants_of_america_meet() {
    let ix = Indexed::sample();
    let a = json(&ix, &["الأمريكية", "-n", "100"]);
    let b = json(&ix, &["الأميركية", "-n", "100"]);
    assert!(a.total > 5);
    // The two spellings are different words; each finds its own articles.
    assert!(b.total >= 1);
}

#[test]
fn all_words_are_required_by_default_and_any_relaxes_it() {
    let ix = Indexed::sample();
    let and = json(&ix, &["كورمور جيهان"]);
    let or = json(&ix, &["كورمور جيهان", "--any"]);
    assert_eq!(and.total, 0);
    assert_eq!(or.total, 3);
}

#[test]
fn phrases_negation_and_fields() {
    let ix = Indexed::sample();
    let phrase = json(&ix, &["\"عين الأسد\""]);
    assert!(phrase.total >= 5);
    let without = json(&ix, &["\"عين الأسد\" -أربيل"]);
    assert!(without.total < phrase.total);
    let title = json(&ix, &["title:كردستان"]);
    assert!(
        title.hits.iter().all(|h| h.title.contains("كردستان")),
        "{:?}",
        title.hits
    );
}

#[test]
fn date_filters() {
    let ix = Indexed::sample();
    let r = json(&ix, &["العراق", "--since", "2024-01-01", "-n", "100"]);
    assert!(r.total > 0);
    assert!(r
        .hits
        .iter()
        .all(|h| h.date.as_deref().unwrap() >= "2024-01-01"));
    let q = json(&ix, &["العراق date:2021", "-n", "100"]);
    assert!(q.total > 0);
    assert!(q
        .hits
        .iter()
        .all(|h| h.date.as_deref().unwrap().starts_with("2021")));
}

#[test]
fn limit_and_offset_page_through_hits() {
    let ix = Indexed::sample();
    let all = json(&ix, &["العراق", "-n", "6"]);
    let page = json(&ix, &["العراق", "-n", "3", "--offset", "3"]);
    let ids: Vec<&str> = page.hits.iter().map(|h| h.id.as_str()).collect();
    let expected: Vec<&str> = all.hits[3..6].iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert_eq!(page.hits[0].rank, 4);
    assert_eq!(page.total, all.total);
}

#[test]
fn an_offset_or_limit_past_any_archive_is_not_an_error() {
    let ix = Indexed::sample();
    let huge = usize::MAX.to_string();
    for sort in ["relevance", "date"] {
        let r = json(
            &ix,
            &["العراق", "--offset", &huge, "-n", &huge, "--sort", sort],
        );
        assert!(r.hits.is_empty() && r.total > 0, "{sort}");
    }
    let out = ix
        .cmd(&["similar", SEED_ID, "--offset", &huge, "-n", &huge])
        .output()
        .unwrap();
    assert!(out.status.code().unwrap() < 2, "{}", stderr(&out));
}

#[test]
fn jsonl_reads_back_one_hit_per_line() {
    let ix = Indexed::sample();
    let out = ix
        .cmd(&["search", "السوداني", "--format", "jsonl", "-n", "5"])
        .output()
        .unwrap();
    let hits: Vec<Hit> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a hit"))
        .collect();
    assert_eq!(hits.len(), 5);
    assert_eq!(
        hits.iter().map(|h| h.rank).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(hits.iter().all(|h| h.score.is_some()));
}

#[test]
fn csv_reads_back_with_a_csv_parser() {
    let ix = Indexed::sample();
    let out = ix
        .cmd(&["search", "النفط", "--format", "csv", "-n", "4"])
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "rank");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let title = headers.iter().position(|h| h == "title").unwrap();
    assert!(rows.iter().all(|r| !r[title].is_empty()));
}

#[test]
fn fields_picks_columns_in_order() {
    let ix = Indexed::sample();
    let out = ix
        .cmd(&[
            "search",
            "النفط",
            "--format",
            "csv",
            "--fields",
            "id,rank",
            "-n",
            "1",
        ])
        .output()
        .unwrap();
    assert!(stdout(&out).starts_with("id,rank\n"), "{}", stdout(&out));
    let bad = ix
        .cmd(&["search", "النفط", "--fields", "id,nope"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("nope"));
}

#[test]
fn batch_puts_the_qid_on_every_hit() {
    let ix = Indexed::sample();
    let batch = ix.dir.path().join("queries.tsv");
    std::fs::write(&batch, "q1\tخارطة طريق\nq2\tكورمور\n\nجيهان\n").unwrap();
    let out = ix
        .cmd(&[
            "search",
            "--batch",
            batch.to_str().unwrap(),
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let hits: Vec<Hit> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let qids: std::collections::BTreeSet<&str> =
        hits.iter().map(|h| h.qid.as_deref().unwrap()).collect();
    // The bare query on line 4 is numbered by its line.
    assert_eq!(qids.into_iter().collect::<Vec<_>>(), ["4", "q1", "q2"]);
}

#[test]
fn no_hits_exits_one() {
    let ix = Indexed::sample();
    let out = ix.cmd(&["search", "زرافة"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = ix
        .cmd(&["search", "زرافة", "--format", "json"])
        .output()
        .unwrap();
    let r: Results = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((r.total, r.hits.len()), (0, 0));
}

#[test]
fn a_malformed_query_says_where_and_exits_two() {
    let ix = Indexed::sample();
    let out = ix.cmd(&["search", "بغداد AND (واشنطن"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("character 11"), "{err}");
    assert!(err.contains("never closed"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn a_missing_index_exits_two_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let out = fahras()
        .current_dir(dir.path())
        .args(["search", "بغداد", "--index", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no index at nowhere"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("fahras index"));
}

#[test]
fn article_text_cannot_drive_the_terminal() {
    let ix = Indexed::new(&[&fixture("hostile")]);
    assert!(ix.output.status.success());
    let out = ix
        .cmd(&["search", "بغداد", "--color", "always"])
        .output()
        .unwrap();
    let text = stdout(&out);
    // Our own colour codes are there; the article's are escaped.
    assert!(text.contains("\\u{1b}[31m"), "{text}");
    assert!(!text.contains("\x1b[31m"));
    assert!(!text.contains('\u{202E}'));
    let show = ix.cmd(&["show", "ansi-bidi.txt"]).output().unwrap();
    assert!(!stdout(&show).contains("\x1b[2J"));
}

#[test]
fn show_prints_the_whole_article() {
    let ix = Indexed::sample();
    let out = ix
        .cmd(&["show", SEED_ID, "--format", "json"])
        .output()
        .unwrap();
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["translator"], "أوغاريت بوست");
    assert!(a["body"].as_str().unwrap().contains("بسيادة العراق"));
    let missing = ix.cmd(&["show", "no-such-id"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn show_query_explains_what_words_became() {
    let ix = Indexed::sample();
    let out = ix
        .cmd(&["search", "وللقوات في بغداد", "--show-query"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(err.contains("وللقوات → قوات\n"), "{err}");
    assert!(err.contains("في → (stopword"), "{err}");
}

#[test]
fn exact_search_needs_exact_copies_and_then_matches_one_form() {
    let plain = Indexed::sample();
    let refused = plain
        .cmd(&["search", "--exact", "القوات"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("exact = true"),
        "{}",
        stderr(&refused)
    );

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fahras.toml"), "[analysis]\nexact = true\n").unwrap();
    let index = dir.path().join("idx");
    let built = fahras()
        .current_dir(dir.path())
        .args(["index", "-q", "--index"])
        .arg(&index)
        .arg(sample_corpus())
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", stderr(&built));
    let ix = Indexed {
        dir,
        index,
        output: built,
    };
    let out = ix
        .cmd(&[
            "search",
            "--exact",
            "القوات",
            "--all",
            "--format",
            "jsonl",
            "--fields",
            "snippet,highlights",
        ])
        .output()
        .unwrap();
    let stemmed = ix
        .cmd(&[
            "search",
            "القوات",
            "--all",
            "--format",
            "jsonl",
            "--fields",
            "snippet,highlights",
        ])
        .output()
        .unwrap();
    let exact_hits: Vec<Hit> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let all_hits = stdout(&stemmed).lines().count();
    assert!(
        !exact_hits.is_empty() && exact_hits.len() < all_hits,
        "{} vs {all_hits}",
        exact_hits.len()
    );
    for hit in &exact_hits {
        for word in highlighted(hit) {
            // Normalized forms only: diacritics may differ, clitics may not.
            assert_eq!(fahras::analysis::normalize(&word), "القوات", "{word}");
        }
    }
}

/// An index built in two runs has two segments, searched on every core;
/// its hits and scores are those of the index built in one.
#[test]
fn several_segments_rank_like_one() {
    let one = Indexed::sample();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    let index = dir.path().join("idx");
    let files: Vec<_> = walkdir::WalkDir::new(sample_corpus())
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let run = || {
        let out = fahras()
            .args(["index", "-q", "--index"])
            .arg(&index)
            .arg(&root)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    };
    for (pass, half) in [0, 1].into_iter().zip([true, false]) {
        for (i, f) in files.iter().enumerate() {
            if (i % 2 == 0) == half || pass == 1 {
                let to = root.join(f.strip_prefix(sample_corpus()).unwrap());
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::copy(f, to).unwrap();
            }
        }
        run();
    }
    let two = Indexed {
        dir,
        index,
        output: one.output.clone(),
    };
    let stats: serde_json::Value = serde_json::from_slice(
        &two.cmd(&["stats", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(stats["segments"].as_u64().unwrap() > 1, "{stats}");
    // Queries with fewer hits than the re-ranking window: where more
    // articles match, two that tie on BM25 at the window's edge enter it
    // in index order, which the segments decide (as in Elasticsearch).
    for query in ["واشنطن", "خارطة طريق", "القوات الأمريكية", "*"] {
        let hits = |ix: &Indexed| {
            let out = ix
                .cmd(&["search", query, "--format", "json", "-n", "100"])
                .output()
                .unwrap();
            let r: Results = serde_json::from_slice(&out.stdout).unwrap();
            let mut hits: Vec<(String, String)> = r
                .hits
                .into_iter()
                .map(|h| (format!("{:.4}", h.score.unwrap()), h.id))
                .collect();
            // Equal scores may come in another order.
            hits.sort();
            (r.total, hits)
        };
        assert_eq!(hits(&one), hits(&two), "{query}");
    }
}
