//! Helpers that make each CLI test a few lines: a temporary index built from
//! the real `sample-corpus/` (or a fixture folder) by the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde::Deserialize;
use tempfile::TempDir;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample_corpus() -> PathBuf {
    root().join("sample-corpus")
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// A fahras command with no config file and no colour, run in a temp dir.
pub fn fahras() -> Command {
    let mut cmd = Command::cargo_bin("fahras").expect("binary built");
    cmd.env_remove("FAHRAS_INDEX")
        .env_remove("FAHRAS_STEMMER_OFF")
        .env("NO_COLOR", "1");
    cmd
}

pub struct Indexed {
    pub dir: TempDir,
    pub index: PathBuf,
    pub output: Output,
}

impl Indexed {
    /// Indexes `paths` into a fresh temporary index.
    pub fn new(paths: &[&Path]) -> Indexed {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("idx");
        let output = fahras()
            .current_dir(dir.path())
            .arg("index")
            .arg("--index")
            .arg(&index)
            .arg("--json")
            .args(paths)
            .output()
            .unwrap();
        Indexed { dir, index, output }
    }

    pub fn sample() -> Indexed {
        let indexed = Indexed::new(&[&sample_corpus()]);
        assert!(
            indexed.output.status.success(),
            "{}",
            String::from_utf8_lossy(&indexed.output.stderr)
        );
        indexed
    }

    /// `fahras <args> --index <this index>`.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = fahras();
        cmd.current_dir(self.dir.path())
            .args(args)
            .arg("--index")
            .arg(&self.index);
        cmd
    }

    /// Runs `fahras <args> --index <this index>` and returns what it did.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    pub fn summary(&self) -> Summary {
        serde_json::from_slice(&self.output.stdout).expect("index --json prints a summary")
    }
}

#[derive(Debug, Deserialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
pub struct Summary {
    #[serde(default)]
    pub files_touched: usize,
    #[serde(default)]
    pub files_reread: usize,
    #[serde(default)]
    pub reread_reason: Option<String>,
    #[serde(default)]
    pub bytes_read: u64,
    #[serde(default)]
    pub duplicate_ids_total: usize,
    pub mode: String,
    pub completed: bool,
    pub files_seen: usize,
    pub files_added: usize,
    pub files_updated: usize,
    pub files_deleted: usize,
    pub files_unchanged: usize,
    pub articles_added: usize,
    pub articles_deleted: usize,
    pub files_skipped: usize,
    pub skipped: Vec<Skipped>,
    pub problems: Vec<Skipped>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Hit {
    pub qid: Option<String>,
    pub rank: usize,
    pub score: Option<f32>,
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub path: String,
    pub url: Option<String>,
    pub snippet: String,
    pub highlights: Vec<[usize; 2]>,
    pub entities: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Results {
    pub query: String,
    pub total: usize,
    pub hits: Vec<Hit>,
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The `id` of every line of a JSONL output.
pub fn jsonl_ids(output: &Output) -> Vec<String> {
    stdout(output)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The highlighted words of a hit, as text.
pub fn highlighted(hit: &Hit) -> Vec<String> {
    let chars: Vec<char> = hit.snippet.chars().collect();
    hit.highlights
        .iter()
        .map(|[s, e]| chars[*s..*e].iter().collect())
        .collect()
}

pub const SEED_ID: &str = "2024/07/23/us-iraq-roadmap.txt";

/// Writes `n` small articles into `root`.
pub fn generate(root: &Path, n: usize) {
    for i in 0..n {
        let dir = root.join(format!("{:03}", i / 100));
        std::fs::create_dir_all(&dir).unwrap();
        let body = format!(
            "خبر رقم {i} عن العراق والولايات المتحدة\n\nقال مسؤولون في بغداد وواشنطن إن المحادثات رقم {i} تناولت مستقبل القوات والتعاون الأمني والاقتصادي بين البلدين.\n"
        );
        std::fs::write(dir.join(format!("article-{i:05}.txt")), body.repeat(3)).unwrap();
    }
}
pub mod server;
