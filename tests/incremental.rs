//! Nightly reindexing: incremental runs, crash safety, locking, encodings
//! and HTML.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::*;

/// A small archive in a temp dir that tests can change.
struct Archive {
    ix: Indexed,
    root: PathBuf,
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, to).unwrap();
}

impl Archive {
    fn new() -> Archive {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("archive");
        for rel in [
            "2024/07/23/us-iraq-roadmap.txt",
            "2022/06/kurdistan-gas-field-attack.txt",
            "exports/wire-2023-2025.jsonl",
        ] {
            copy(&sample_corpus().join(rel), &root.join(rel));
        }
        let index = dir.path().join("idx");
        let ix = Indexed {
            output: fahras()
                .arg("index")
                .arg("--index")
                .arg(&index)
                .arg(&root)
                .output()
                .unwrap(),
            dir,
            index,
        };
        assert!(ix.output.status.success(), "{}", stderr(&ix.output));
        Archive { ix, root }
    }

    fn run(&self, extra: &[&str]) -> Summary {
        let out = self
            .ix
            .cmd(&[&["index", "--json"], extra].concat())
            .arg(&self.root)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn ids(&self) -> BTreeSet<String> {
        ids_of(&self.ix)
    }
}

fn ids_of(ix: &Indexed) -> BTreeSet<String> {
    let out = ix
        .cmd(&[
            "search", "*", "--all", "--format", "jsonl", "--fields", "id",
        ])
        .output()
        .unwrap();
    assert!(out.status.code().unwrap() < 2, "{}", stderr(&out));
    jsonl_ids(&out).into_iter().collect()
}

/// Sets a file's modification time without changing its content.
fn touch(path: &Path) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(std::time::SystemTime::now() + Duration::from_secs(5))
        .unwrap();
}

#[test]
fn a_second_run_with_nothing_changed_reads_nothing() {
    let a = Archive::new();
    let s = a.run(&[]);
    assert_eq!(s.mode, "incremental");
    assert_eq!(
        (
            s.files_unchanged,
            s.files_added,
            s.files_updated,
            s.articles_added
        ),
        (3, 0, 0, 0)
    );
    assert_eq!(a.ids().len(), 9);
}

#[test]
fn added_modified_and_deleted_files_are_applied() {
    let a = Archive::new();
    copy(
        &sample_corpus().join("2025/05/isis-cell-anbar.txt"),
        &a.root.join("2025/05/isis-cell-anbar.txt"),
    );
    let roadmap = a.root.join("2024/07/23/us-iraq-roadmap.txt");
    let text = std::fs::read_to_string(&roadmap).unwrap();
    std::fs::write(&roadmap, text.replace("خارطة طريق", "خطة عمل")).unwrap();
    std::fs::remove_file(a.root.join("2022/06/kurdistan-gas-field-attack.txt")).unwrap();

    let s = a.run(&[]);
    assert_eq!(
        (
            s.files_added,
            s.files_updated,
            s.files_deleted,
            s.files_unchanged
        ),
        (1, 1, 1, 1)
    );
    assert_eq!((s.articles_added, s.articles_deleted), (2, 2));
    let ids = a.ids();
    assert!(ids.contains("2025/05/isis-cell-anbar.txt"));
    assert!(!ids.contains("2022/06/kurdistan-gas-field-attack.txt"));
    assert_eq!(ids.len(), 9);
    // The modified article is there once, with its new text.
    let old =
        a.ix.cmd(&["search", "\"خارطة طريق\"", "--format", "jsonl"])
            .output()
            .unwrap();
    assert_eq!(old.status.code(), Some(1), "{}", stdout(&old));
    let new =
        a.ix.cmd(&["search", "\"خطة عمل\"", "--format", "jsonl"])
            .output()
            .unwrap();
    assert_eq!(stdout(&new).lines().count(), 1);
}

#[test]
fn a_touched_file_is_read_once_then_never_again() {
    let a = Archive::new();
    touch(&a.root.join("exports/wire-2023-2025.jsonl"));
    touch(&a.root.join("2024/07/23/us-iraq-roadmap.txt"));
    let s = a.run(&[]);
    assert_eq!(
        (s.files_unchanged, s.files_updated, s.articles_added),
        (3, 0, 0)
    );
    assert_eq!(s.files_touched, 2);
    assert!(s.bytes_read > 0);
    // Their new times were recorded: the third run reads nothing.
    let s = a.run(&[]);
    assert_eq!(
        (s.files_unchanged, s.files_touched, s.bytes_read),
        (3, 0, 0)
    );
    assert_eq!(a.ids().len(), 9);
}

#[test]
fn a_renamed_file_moves_its_articles() {
    let a = Archive::new();
    std::fs::rename(a.root.join("exports"), a.root.join("feeds")).unwrap();
    let s = a.run(&[]);
    assert_eq!((s.files_added, s.files_deleted), (1, 1));
    let ids = a.ids();
    assert_eq!(ids.len(), 9);
    assert!(ids.contains("feeds/wire-2023-2025.jsonl#1"), "{ids:?}");
}

#[test]
fn a_changed_file_that_breaks_keeps_its_previous_articles() {
    let a = Archive::new();
    let path = a.root.join("2022/06/kurdistan-gas-field-attack.txt");
    std::fs::write(&path, b"\x00\x01binary now").unwrap();
    let s = a.run(&[]);
    assert_eq!(s.files_skipped, 1);
    assert!(
        s.skipped[0]
            .reason
            .contains("previously indexed version is kept"),
        "{:?}",
        s.skipped
    );
    assert!(a.ids().contains("2022/06/kurdistan-gas-field-attack.txt"));
}

#[test]
fn full_rebuilds_everything() {
    let a = Archive::new();
    let s = a.run(&["--full"]);
    assert_eq!(s.mode, "full");
    assert_eq!((s.files_added, s.articles_added), (3, 9));
    assert_eq!(a.ids().len(), 9);
}

#[test]
fn a_second_run_fails_at_once_while_the_index_is_locked() {
    let a = Archive::new();
    let index = tantivy::Index::open_in_dir(&a.ix.index).unwrap();
    let holder: tantivy::IndexWriter = index.writer(20_000_000).unwrap();
    let start = std::time::Instant::now();
    let out = a.ix.cmd(&["index"]).arg(&a.root).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("another `fahras index` run"),
        "{}",
        stderr(&out)
    );
    assert!(start.elapsed() < Duration::from_secs(5));
    // Searching still works while a writer holds the lock.
    let search = a.ix.cmd(&["search", "خارطة طريق"]).output().unwrap();
    assert_eq!(search.status.code(), Some(0));
    // --wait gives up after its limit...
    let out =
        a.ix.cmd(&["index", "--wait", "1"])
            .arg(&a.root)
            .output()
            .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // ...and succeeds once the lock is released.
    let waiter = {
        let mut cmd = a.ix.cmd(&["index", "--wait", "30"]);
        cmd.arg(&a.root);
        std::thread::spawn(move || cmd.output().unwrap())
    };
    std::thread::sleep(Duration::from_millis(700));
    drop(holder);
    let out = waiter.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn kill_dash_nine_at_any_moment_never_breaks_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    generate(&root, 3000);
    let config = dir.path().join("fahras.toml");
    std::fs::write(
        &config,
        "[index]\ncommit_every_articles = 150\nwriter_memory_mb = 32\n",
    )
    .unwrap();
    let index = dir.path().join("idx");
    let bin = assert_cmd::cargo::cargo_bin("fahras");
    let mut killed_mid_run = 0;
    let mut partial = Vec::new();
    for delay_ms in [30u64, 120, 250, 400, 700] {
        let mut child = std::process::Command::new(&bin)
            .arg("index")
            .arg("--config")
            .arg(&config)
            .arg("--index")
            .arg(&index)
            .arg("--progress")
            .arg("none")
            .arg(&root)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_none() {
            killed_mid_run += 1;
        }
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if index.join("meta.json").exists() {
            let stats = fahras()
                .args(["stats", "--format", "json", "--index"])
                .arg(&index)
                .output()
                .unwrap();
            if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&stats.stdout) {
                partial.push(v["articles"].as_u64().unwrap_or(0));
            }
            // Whatever moment the kill hit, the index opens and answers.
            let stats = fahras()
                .arg("stats")
                .arg("--index")
                .arg(&index)
                .output()
                .unwrap();
            assert_eq!(
                stats.status.code(),
                Some(0),
                "after {delay_ms} ms: {}",
                stderr(&stats)
            );
            let search = fahras()
                .args(["search", "العراق", "--index"])
                .arg(&index)
                .output()
                .unwrap();
            assert!(
                search.status.code().unwrap() < 2,
                "after {delay_ms} ms: {}",
                stderr(&search)
            );
        }
    }
    assert!(
        killed_mid_run >= 3,
        "the runs finished before the kills: {partial:?}"
    );
    // The next run converges to exactly the archive.
    let done = fahras()
        .arg("index")
        .arg("--config")
        .arg(&config)
        .arg("--index")
        .arg(&index)
        .arg(&root)
        .output()
        .unwrap();
    assert!(done.status.success(), "{}", stderr(&done));
    let resumed = Indexed {
        dir: tempfile::tempdir().unwrap(),
        index: index.clone(),
        output: done,
    };
    let clean = Indexed::new(&[&root]);
    let (got, want) = (ids_of(&resumed), ids_of(&clean));
    assert_eq!(want.len(), 3000);
    assert_eq!(got, want);
    let stats = fahras()
        .args(["stats", "--format", "json", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["articles"], 3000, "no duplicates");
}

#[test]
fn who_appears_with_whom_forgets_deleted_articles() {
    let a = Archive::new();
    let pairs = |a: &Archive| -> Vec<(String, String, u64)> {
        let out = a.ix.run(&["cooccur", "--top", "6", "--format", "json"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let name = |i: &serde_json::Value| {
            let e = &c["entities"][i.as_u64().unwrap() as usize];
            format!(
                "{}/{}",
                e["type"].as_str().unwrap(),
                e["id"].as_str().unwrap()
            )
        };
        c["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (name(&p["a"]), name(&p["b"]), p["count"].as_u64().unwrap()))
            .collect()
    };
    let before = pairs(&a);
    std::fs::remove_file(a.root.join("2024/07/23/us-iraq-roadmap.txt")).unwrap();
    a.run(&[]);
    let after = pairs(&a);
    assert_ne!(before, after, "the deleted article named some pair");
    // The deleted article's postings stay in its segment until a merge;
    // each count is still what a search with both filters finds.
    for (x, y, count) in after {
        let out =
            a.ix.run(&["search", "--entity", &x, "--entity", &y, "--format", "json"]);
        let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(found["total"], count, "{x} with {y}");
    }
}

/// Rewrites the reader versions the index's stamp records, as an older
/// fahras would have left them.
fn set_recorded_reader(index: &Path, format: &str, version: u32) {
    let meta_path = index.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta_path).unwrap()).unwrap();
    let mut stamp: serde_json::Value =
        serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    stamp["readers"][format] = version.into();
    meta["payload"] = stamp.to_string().into();
    std::fs::write(&meta_path, meta.to_string()).unwrap();
}

#[test]
fn files_of_a_changed_reader_are_read_again_once() {
    let a = Archive::new();
    copy(
        &sample_corpus().join("web/kirkuk-census-talks.html"),
        &a.root.join("web/kirkuk.html"),
    );
    assert_eq!(a.run(&[]).files_added, 1);
    set_recorded_reader(&a.ix.index, "html", 1);
    let s = a.run(&[]);
    assert_eq!(
        (
            s.files_reread,
            s.files_unchanged,
            s.files_updated,
            s.files_added
        ),
        (1, 4, 0, 0),
        "{s:?}"
    );
    let why = s.reread_reason.unwrap();
    assert!(
        why.contains("HTML reader changed (index version 1"),
        "{why}"
    );
    set_recorded_reader(&a.ix.index, "html", 1);
    let human = a.ix.run(&["index", a.root.to_str().unwrap()]);
    assert!(
        stderr(&human).contains("1 unchanged files were read again: the HTML reader changed"),
        "{}",
        stderr(&human)
    );
    let again = a.run(&[]);
    assert_eq!((again.files_reread, again.files_unchanged), (0, 4));
    assert!(again.reread_reason.is_none());
    // The article was not duplicated by being read twice.
    let found =
        a.ix.run(&["search", "تعداد", "--format", "jsonl", "--fields", "id"]);
    assert_eq!(jsonl_ids(&found), ["web/kirkuk.html"]);
}
