//! `fahras index`: summaries, bad files, and never losing the index.

mod common;

use common::*;

#[test]
fn the_sample_corpus_indexes_cleanly() {
    let ix = Indexed::sample();
    let s = ix.summary();
    assert!(s.completed);
    assert_eq!(s.files_skipped, 0, "{:?}", s.skipped);
    assert_eq!(s.articles_added, 47);
    assert_eq!((s.files_seen, s.files_added), (35, 35));
    assert!(
        stderr(&ix.output).contains("47 articles indexed"),
        "{}",
        stderr(&ix.output)
    );
}

#[test]
fn bad_files_are_skipped_counted_and_named() {
    let ix = Indexed::new(&[&fixture("bad")]);
    assert_eq!(ix.output.status.code(), Some(0), "{}", stderr(&ix.output));
    let s = ix.summary();
    let reason = |name: &str| {
        s.skipped
            .iter()
            .find(|k| k.path.ends_with(name))
            .map(|k| k.reason.clone())
            .unwrap_or_else(|| panic!("{name} not reported: {:?}", s.skipped))
    };
    assert_eq!(reason("empty.txt"), "empty file");
    assert!(reason("archive.txt").starts_with("binary"));
    assert!(reason("latin1.txt").contains("UTF-8"));
    assert!(reason("malformed.json").contains("line 2"));
    assert!(
        reason("no-headline.txt").contains("headline")
            || reason("no-headline.txt").contains("no article")
    );
    assert_eq!(s.files_skipped, 5);
    // The JSONL file's good lines are indexed, its bad line reported.
    assert_eq!(s.articles_added, 2);
    assert_eq!(s.problems.len(), 1);
    assert!(s.problems[0].reason.starts_with("line 2"));
    let names = stderr(&ix.output);
    assert!(names.contains("empty.txt: empty file"), "{names}");
}

#[test]
fn strict_turns_skipped_files_into_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = fahras()
        .current_dir(dir.path())
        .args(["index", "--strict", "--index", "idx"])
        .arg(fixture("bad"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--strict"));
}

#[test]
fn a_failed_run_leaves_the_previous_index_searchable() {
    let ix = Indexed::sample();
    let out = ix.cmd(&["index", "/no/such/archive"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/no/such/archive"));
    let search = ix.cmd(&["search", "خارطة طريق"]).output().unwrap();
    assert_eq!(search.status.code(), Some(0));
}

#[test]
fn reindexing_replaces_rather_than_duplicates() {
    let ix = Indexed::sample();
    let again = ix
        .cmd(&["index", "--json"])
        .arg(sample_corpus())
        .output()
        .unwrap();
    assert!(again.status.success());
    let out = ix.cmd(&["stats", "--format", "json"]).output().unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["articles"], 47);
    assert_eq!(stats["files"], 35);
    assert_eq!(stats["last_run"]["files_unchanged"], 35);
}

#[test]
fn a_folder_that_is_not_an_index_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("precious.txt"), "keep me").unwrap();
    let out = fahras()
        .args(["index", "--index"])
        .arg(dir.path())
        .arg(sample_corpus())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not empty"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("precious.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn machine_output_stays_on_stdout_and_chatter_on_stderr() {
    let ix = Indexed::sample();
    // stdout is exactly one JSON document.
    let _: serde_json::Value = serde_json::from_slice(&ix.output.stdout).unwrap();
    assert!(!stderr(&ix.output).is_empty());
}

#[test]
fn a_config_file_sets_paths_and_a_bad_one_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("fahras.toml");
    std::fs::write(
        &cfg,
        format!(
            "[archive]\npaths = [{:?}]\n[index]\npath = \"my-index\"\n",
            sample_corpus()
        ),
    )
    .unwrap();
    let out = fahras()
        .current_dir(dir.path())
        .args(["index", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("my-index/meta.json").is_file());

    std::fs::write(&cfg, "[search]\nlimt = 3\n").unwrap();
    let bad = fahras()
        .current_dir(dir.path())
        .args(["stats"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("fahras.toml"), "{}", stderr(&bad));
    assert!(stderr(&bad).contains("limt"));
}

/// A file the indexing user may not read is skipped and named; the rest of
/// the archive is indexed. Under root, which reads any file, the run is
/// made as `nobody` so the test can fail.
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_skipped_and_named() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::os::unix::process::CommandExt;
    use std::path::Path;

    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    let dir = tempfile::tempdir().unwrap();
    mode(dir.path(), 0o777);
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    mode(&archive, 0o755);
    let seed = sample_corpus().join("2024/07/23/us-iraq-roadmap.txt");
    for name in ["open.txt", "locked.txt"] {
        std::fs::copy(&seed, archive.join(name)).unwrap();
        mode(&archive.join(name), 0o644);
    }
    mode(&archive.join("locked.txt"), 0o000);

    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("fahras"));
    cmd.env_remove("FAHRAS_INDEX")
        .current_dir(dir.path())
        .args(["index", "--json", "--index"])
        .arg(dir.path().join("idx"))
        .arg(&archive);
    if std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0) {
        cmd.uid(65534).gid(65534);
    }
    let out = match cmd.output() {
        Ok(out) => out,
        // A root without the right to change user cannot make the case.
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            eprintln!("skipped: cannot run as an unprivileged user: {e}");
            return;
        }
        Err(e) => panic!("{e}"),
    };
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s: Summary = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((s.files_added, s.files_skipped), (1, 1), "{:?}", s.skipped);
    assert!(s.skipped[0].path.ends_with("locked.txt"), "{:?}", s.skipped);
    assert!(
        s.skipped[0].reason.contains("ermission denied"),
        "{:?}",
        s.skipped
    );
    assert!(stderr(&out).contains("locked.txt"), "{}", stderr(&out));
}

#[test]
fn an_empty_folder_given_as_the_index_becomes_one() {
    // A mount point or a folder made beforehand cannot be replaced: the
    // new index is moved into it.
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("volume");
    std::fs::create_dir(&index).unwrap();
    let out = fahras()
        .args(["index", "--progress", "none", "-q", "--index"])
        .arg(&index)
        .arg(sample_corpus())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let found = fahras()
        .args(["search", "خارطة طريق", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    assert_eq!(found.status.code(), Some(0), "{}", stderr(&found));
    // Nothing is left beside it.
    let beside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(beside.len(), 1);
}
