//! Reading archives: encodings, odd file names, JSON Lines
//! dumps of any size, one set of articles however an archive is reached,
//! bounded titles, dates known to the month, and what a run reports about
//! ids.

mod common;

use std::path::Path;

use common::*;

/// Runs `fahras index` with `args` (and `--json`) in `dir`.
fn index(dir: &Path, args: &[&str]) -> (Summary, String) {
    let out = fahras()
        .current_dir(dir)
        .args(["index", "--index", "idx", "--json", "--progress", "none"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    (serde_json::from_slice(&out.stdout).unwrap(), stderr(&out))
}

fn ids(dir: &Path, query: &str) -> Vec<String> {
    let out = fahras()
        .current_dir(dir)
        .args([
            "search", "--index", "idx", query, "--all", "--format", "jsonl",
        ])
        .args(["--fields", "id"])
        .output()
        .unwrap();
    let mut ids = jsonl_ids(&out);
    ids.sort();
    ids
}

fn dump_line(i: usize) -> String {
    format!(
        "{{\"id\":\"d-{i}\",\"title\":\"خبر رقم {i} عن بغداد\",\"body\":\"نص الخبر {i} عن العراق والمفاوضات الجارية.\"}}\n"
    )
}

#[test]
fn jsonl_dump_larger_than_max_file_bytes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("fahras.toml"),
        "[archive]\nmax_file_bytes = 1000\n",
    )
    .unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    let mut dump: String = (1..=300).map(dump_line).collect();
    // One article over the limit: that line alone is left out.
    dump.push_str(&format!(
        "{{\"id\":\"huge\",\"title\":\"عنوان\",\"body\":\"{}\"}}\n",
        "كلمة ".repeat(400)
    ));
    std::fs::write(archive.join("dump.jsonl"), &dump).unwrap();
    assert!(dump.len() > 30 * 1000, "the dump is far over the limit");

    let (summary, _) = index(dir.path(), &["archive"]);
    assert_eq!(summary.files_skipped, 0, "{:?}", summary.skipped);
    assert_eq!(summary.articles_added, 300);
    assert_eq!(summary.problems.len(), 1, "{:?}", summary.problems);
    assert!(summary.problems[0]
        .reason
        .starts_with("line 301: too large"));
    assert_eq!(ids(dir.path(), "بغداد").len(), 300);

    // A changed dump replaces its articles.
    let changed: String = (1..=299).map(dump_line).collect();
    std::fs::write(archive.join("dump.jsonl"), changed).unwrap();
    let (summary, _) = index(dir.path(), &["archive"]);
    assert_eq!(
        (
            summary.files_updated,
            summary.articles_added,
            summary.articles_deleted
        ),
        (1, 299, 300)
    );
    let found = ids(dir.path(), "بغداد");
    assert_eq!(found.len(), 299);
    assert!(!found.contains(&"d-300".to_string()));

    // An unchanged dump is not read again.
    let (summary, _) = index(dir.path(), &["archive"]);
    assert_eq!((summary.files_unchanged, summary.articles_added), (1, 0));
}

#[test]
fn a_jsonl_dump_that_turns_bad_keeps_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    std::fs::write(archive.join("d.jsonl"), dump_line(1) + &dump_line(2)).unwrap();
    index(dir.path(), &["archive"]);
    std::fs::write(archive.join("d.jsonl"), "{broken\nnot json\n").unwrap();
    let (summary, _) = index(dir.path(), &["archive"]);
    assert_eq!(summary.files_skipped, 1);
    assert!(summary.skipped[0]
        .reason
        .contains("previously indexed version is kept"));
    assert_eq!(ids(dir.path(), "بغداد"), ["d-1", "d-2"]);
}

/// How many articles the index holds.
fn articles(dir: &Path) -> u64 {
    let out = fahras()
        .current_dir(dir)
        .args(["stats", "--index", "idx", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["articles"].as_u64().unwrap()
}

#[test]
fn every_path_to_an_archive_is_the_same_archive() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    generate(&archive, 150);
    std::os::unix::fs::symlink(&archive, dir.path().join("link")).unwrap();
    let (first, _) = index(dir.path(), &["archive"]);
    assert_eq!(first.articles_added, 150);
    for root in ["link", "archive/001/../001", "./archive/", "link/000"] {
        let (again, _) = index(dir.path(), &[root]);
        assert_eq!(
            (again.articles_added, again.files_added, again.files_deleted),
            (0, 0, 0),
            "{root}"
        );
        assert_eq!(articles(dir.path()), 150, "{root}");
    }
    // Overlapping roots in one run read each file once.
    std::fs::remove_dir_all(dir.path().join("idx")).unwrap();
    let (both, _) = index(dir.path(), &["archive", "archive/001", "link"]);
    assert_eq!(both.articles_added, 150);
    assert_eq!(articles(dir.path()), 150);
    // A deletion is seen whichever way the archive is named.
    std::fs::remove_file(archive.join("000/article-00007.txt")).unwrap();
    let (after, _) = index(dir.path(), &["link"]);
    assert_eq!(after.files_deleted, 1);
    assert_eq!(articles(dir.path()), 149);
}

#[test]
fn a_one_line_file_gets_a_bounded_title() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    let line = "خبر طويل عن بغداد ".repeat(20_000);
    std::fs::write(archive.join("one-line.txt"), &line).unwrap();
    index(dir.path(), &["archive"]);
    let out = fahras()
        .current_dir(dir.path())
        .args([
            "search",
            "--index",
            "idx",
            "بغداد",
            "-n",
            "1",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        out.stdout.len() < 10_000,
        "{} bytes printed",
        out.stdout.len()
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let title = v["hits"][0]["title"].as_str().unwrap();
    assert!(title.chars().count() <= 300, "{title}");
    // Cut between words.
    assert!(line.starts_with(title) && line[title.len()..].starts_with(' '));
    // Nothing is lost: the rest of the line is the body.
    let shown = fahras()
        .current_dir(dir.path())
        .args(["show", "--index", "idx", "one-line.txt", "--format", "json"])
        .output()
        .unwrap();
    let a: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    let words = |s: &str| s.split_whitespace().count();
    assert_eq!(
        words(a["title"].as_str().unwrap()) + words(a["body"].as_str().unwrap()),
        words(&line)
    );
}

#[test]
fn a_path_that_names_the_month_dates_the_article_to_the_month() {
    let indexed = common::Indexed::sample();
    let id = "2025/09/coalition-leaves-baghdad.txt";
    let ids_for = |args: &[&str]| {
        let mut all = vec!["search", "--all", "--format", "jsonl", "--fields", "id"];
        all.extend(args);
        jsonl_ids(&indexed.run(&all))
    };
    for args in [
        &["*", "--since", "2025-09", "--until", "2025-09"][..],
        &["date:2025"],
        &["date:2025-09"],
    ] {
        assert!(ids_for(args).contains(&id.to_string()), "{args:?}");
    }
    assert!(!ids_for(&["date:2025-10"]).contains(&id.to_string()));
    let shown = indexed.run(&["show", id, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(v["date"], "2025-09");
    // Newest first, it sorts with September 2025.
    let sorted = indexed.run(&[
        "search", "*", "--sort", "date", "--all", "--format", "jsonl", "--fields", "id,date",
    ]);
    let dates: Vec<String> = common::stdout(&sorted)
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["date"].as_str().map(|d| format!("{d:-<10}"))
        })
        .collect();
    let mut desc = dates.clone();
    desc.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, desc);
}

#[test]
fn duplicate_ids_are_named_and_show_asks_which() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    let one = |title: &str| format!("{{\"id\":\"same-1\",\"title\":\"{title}\",\"body\":\"نص\"}}");
    std::fs::write(archive.join("a.json"), one("خبر عن بغداد")).unwrap();
    std::fs::write(
        archive.join("b.jsonl"),
        format!("{}{}\n", dump_line(1), one("خبر عن أربيل")),
    )
    .unwrap();
    let (summary, err) = index(dir.path(), &["archive"]);
    assert_eq!(summary.duplicate_ids_total, 1, "{err}");
    assert!(err.contains("same-1"), "{err}");
    assert!(
        err.contains("b.jsonl:line 2") && err.contains("a.json"),
        "{err}"
    );

    let show = |args: &[&str]| {
        fahras()
            .current_dir(dir.path())
            .args(["show", "--index", "idx", "same-1", "--format", "json"])
            .args(args)
            .output()
            .unwrap()
    };
    let ambiguous = show(&[]);
    assert_eq!(ambiguous.status.code(), Some(2));
    assert!(
        stderr(&ambiguous).contains("--path"),
        "{}",
        stderr(&ambiguous)
    );
    assert!(ambiguous.stdout.is_empty());
    let picked = show(&["--path", "archive/a.json"]);
    assert_eq!(picked.status.code(), Some(0), "{}", stderr(&picked));
    let v: serde_json::Value = serde_json::from_slice(&picked.stdout).unwrap();
    assert_eq!(v["title"], "خبر عن بغداد");
}

#[test]
fn legacy_encodings_and_utf16_are_read() {
    let ix = Indexed::new(&[&fixture("encodings")]);
    let s = ix.summary();
    assert_eq!((s.files_added, s.files_skipped), (4, 0), "{:?}", s.skipped);
    for (query, id) in [
        ("مصفاة بيجي", "cp1256.txt"),
        ("ميناء الفاو", "iso-8859-6.txt"),
        ("سد الموصل", "utf16le.txt"),
        ("معرض الكتاب", "utf8-bom.txt"),
    ] {
        let out = ix
            .cmd(&["search", query, "--format", "jsonl", "--fields", "id"])
            .output()
            .unwrap();
        assert!(stdout(&out).contains(id), "{query}: {}", stdout(&out));
    }
    let show = ix
        .cmd(&["show", "cp1256.txt", "--format", "json"])
        .output()
        .unwrap();
    let a: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(a["source"], "وكالة محلية");
}

#[cfg(unix)]
#[test]
fn odd_names_and_symlink_loops_are_handled() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::copy(
        sample_corpus().join("2019/10/tishreen-protests.txt"),
        root.join("name with spaces.txt"),
    )
    .unwrap();
    let odd = root.join(std::ffi::OsStr::from_bytes(b"bad\xffname.txt"));
    std::fs::copy(
        sample_corpus().join("2022/06/kurdistan-gas-field-attack.txt"),
        &odd,
    )
    .unwrap();
    std::os::unix::fs::symlink("..", root.join("loop")).unwrap();
    let cfg = dir.path().join("fahras.toml");
    std::fs::write(&cfg, "[archive]\nfollow_symlinks = true\n").unwrap();
    let index = dir.path().join("idx");
    let run = || {
        let out = fahras()
            .current_dir(dir.path())
            .args(["index", "--json", "--index"])
            .arg(&index)
            .arg(&root)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice::<Summary>(&out.stdout).unwrap()
    };
    let first = run();
    assert_eq!((first.files_added, first.files_skipped), (2, 1));
    assert_eq!(first.skipped[0].reason, "symlink loop");
    // A name that is not UTF-8 is recorded lossily and still seen as unchanged.
    let second = run();
    assert_eq!((second.files_unchanged, second.files_added), (2, 0));
}

#[test]
fn a_page_nested_thousands_deep_is_skipped_and_named_and_the_rest_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    let n = 50_000;
    let deep = format!(
        "<html><body>{}<p>نص عن بغداد</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    std::fs::write(archive.join("deep.html"), deep).unwrap();
    std::fs::write(
        archive.join("ok.html"),
        "<html><body><h1>خبر</h1><p>وصل الوفد إلى بغداد</p></body></html>",
    )
    .unwrap();
    let (summary, _) = index(dir.path(), &["archive"]);
    assert_eq!((summary.files_added, summary.files_skipped), (1, 1));
    assert!(
        summary.skipped[0].reason.contains("nests its elements"),
        "{:?}",
        summary.skipped
    );
    assert_eq!(ids(dir.path(), "بغداد"), ["ok.html"]);
}
