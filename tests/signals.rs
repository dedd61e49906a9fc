//! `timeout` and systemd stop a run with SIGTERM: it must end like Ctrl-C,
//! committing what an incremental run finished, with its summary, exit 2.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;

fn interrupted_by(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    generate(&root, 3000);
    let config = dir.path().join("fahras.toml");
    std::fs::write(&config, "[index]\ncommit_every_articles = 100\n").unwrap();
    let index = dir.path().join("idx");
    let bin = assert_cmd::cargo::cargo_bin("fahras");
    for delay_ms in [150u64, 50, 10] {
        let child = Command::new(&bin)
            .args(["index", "--json", "--progress", "none", "--config"])
            .arg(&config)
            .arg("--index")
            .arg(&index)
            .arg(&root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let sent = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        let out = child.wait_with_output().unwrap();
        if !sent.success() || out.status.code() == Some(0) {
            // The run was over before the signal: index afresh, sooner.
            std::fs::remove_dir_all(&index).unwrap();
            continue;
        }
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(summary["completed"], false);
        assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
        // What was committed opens and answers.
        let stats = fahras()
            .args(["stats", "--index"])
            .arg(&index)
            .output()
            .unwrap();
        assert_eq!(stats.status.code(), Some(0), "{}", stderr(&stats));
        return;
    }
    panic!("every run ended before {signal} reached it");
}

#[test]
fn sigterm_stops_a_run_like_ctrl_c() {
    interrupted_by("-TERM");
}

#[test]
fn sigint_stops_a_run_with_its_summary() {
    interrupted_by("-INT");
}
