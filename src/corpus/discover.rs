//! Walks the archive roots and lists the files to read.
//!
//! Hidden files and folders are passed over, symlinks are not followed
//! unless asked, include/exclude globs are matched against the path
//! relative to its root, and files over the size limit are skipped with a
//! reason. Only paths and metadata are collected here; no file is opened.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use globset::{Glob, GlobSet, GlobSetBuilder};
use walkdir::WalkDir;

use crate::config::Archive;
use crate::error::{Error, Result};

/// The article formats fahras reads, chosen by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Txt,
    Json,
    Jsonl,
    Html,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Txt, Format::Json, Format::Jsonl, Format::Html];

    /// The name the index's stamp records this format's reader under.
    pub fn name(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
        }
    }

    /// What the files of this format are called in messages.
    pub fn label(self) -> &'static str {
        match self {
            Format::Txt => "text",
            Format::Json => "JSON",
            Format::Jsonl => "JSON Lines",
            Format::Html => "HTML",
        }
    }

    /// The version of the reader of this format: an index made with
    /// another reads the format's files again.
    pub fn reader_version(self) -> u32 {
        match self {
            Format::Txt => super::txt::VERSION,
            Format::Json | Format::Jsonl => super::json::VERSION,
            Format::Html => super::html::VERSION,
        }
    }

    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Txt),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// One file to read.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Absolute path: the key incremental indexing uses.
    pub path: PathBuf,
    /// Path relative to its archive root, with `/` separators: the base of
    /// the ids of its articles.
    pub rel: String,
    pub format: Format,
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime_ns: i64,
}

/// A file or folder left out, and why.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<SourceFile>,
    pub skipped: Vec<Skipped>,
}

fn globset(patterns: &[String], key: &'static str) -> Result<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p).map_err(|source| Error::Glob {
            key,
            pattern: p.clone(),
            source,
        })?;
        builder.add(glob);
    }
    builder.build().map_err(|source| Error::Glob {
        key,
        pattern: patterns.join(", "),
        source,
    })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

/// Lists the files under `roots`. A root that does not exist is an error:
/// a mistyped path must not look like an empty archive.
pub fn discover(roots: &[PathBuf], settings: &Archive) -> Result<Discovery> {
    let include = globset(&settings.include, "include")?;
    let exclude = globset(&settings.exclude, "exclude")?;
    let mut found = Discovery::default();
    for root in roots {
        let meta = std::fs::metadata(root)
            .map_err(|e| Error::io(format!("cannot read archive path {}", root.display()), e))?;
        // Every way of naming the archive (a symlink to it, `a/../a`) is
        // the same archive: paths are keys, so they must be canonical.
        let abs_root = canonical_root(root)?;
        if meta.is_file() {
            // A file named on the command line is read whatever the globs say.
            let rel = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            add_file(&mut found, abs_root, rel, &meta, settings.max_file_bytes);
            continue;
        }
        let walker = WalkDir::new(&abs_root)
            .follow_links(settings.follow_symlinks)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() == 0 {
                    return true;
                }
                if is_hidden(e.file_name()) {
                    return false;
                }
                let rel = rel_path(e.path(), &abs_root);
                !exclude.is_match(&rel)
            });
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| abs_root.display().to_string());
                    let reason = if e.loop_ancestor().is_some() {
                        "symlink loop".to_string()
                    } else {
                        e.io_error()
                            .map(|io| io.to_string())
                            .unwrap_or_else(|| e.to_string())
                    };
                    found.skipped.push(Skipped { path, reason });
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = rel_path(entry.path(), &abs_root);
            if !include.is_match(&rel) {
                continue;
            }
            // A followed link is keyed by what it points at, so a file
            // reached twice is read once.
            let path = if entry.path_is_symlink() {
                std::fs::canonicalize(entry.path()).unwrap_or_else(|_| entry.path().to_path_buf())
            } else {
                entry.path().to_path_buf()
            };
            match entry.metadata() {
                Ok(meta) => add_file(&mut found, path, rel, &meta, settings.max_file_bytes),
                Err(e) => found.skipped.push(Skipped {
                    path: entry.path().display().to_string(),
                    reason: e.to_string(),
                }),
            }
        }
    }
    // Overlapping roots (`archive` and `archive/2024`) name the same files:
    // each is kept once, as the first root reached it.
    let mut seen = std::collections::HashSet::new();
    found.files.retain(|f| seen.insert(f.path.clone()));
    Ok(found)
}

/// `root` as an absolute path without links or `..`: the form the index
/// keys files by, and the form deletions are looked for under.
pub fn canonical_root(root: &Path) -> Result<PathBuf> {
    std::fs::canonicalize(root)
        .map_err(|e| Error::io(format!("cannot resolve {}", root.display()), e))
}

fn rel_path(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn add_file(found: &mut Discovery, path: PathBuf, rel: String, meta: &std::fs::Metadata, max: u64) {
    let Some(format) = Format::from_path(&path) else {
        found.skipped.push(Skipped {
            path: path.display().to_string(),
            reason: "unknown format (expected .txt, .json, .jsonl, .ndjson, .html or .htm)".into(),
        });
        return;
    };
    // A JSON Lines dump is read as a stream: the limit is on each line.
    if meta.len() > max && format != Format::Jsonl {
        found.skipped.push(Skipped {
            path: path.display().to_string(),
            reason: format!(
                "too large: {} bytes, the limit is {max} (archive.max_file_bytes)",
                meta.len()
            ),
        });
        return;
    }
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0);
    found.files.push(SourceFile {
        path,
        rel,
        format,
        size: meta.len(),
        mtime_ns,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, rel: &str, body: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, body).unwrap();
    }

    fn rels(found: &Discovery) -> Vec<&str> {
        found.files.iter().map(|f| f.rel.as_str()).collect()
    }

    #[test]
    fn walks_with_globs_hidden_folders_and_size_limit() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "a.txt", "x");
        touch(dir.path(), "sub/b.jsonl", "x");
        touch(dir.path(), ".git/c.txt", "x");
        touch(dir.path(), "drafts/d.txt", "x");
        touch(dir.path(), "notes.md", "x");
        touch(dir.path(), "big.json", &"x".repeat(100));
        let settings = Archive {
            exclude: vec!["drafts/**".into(), "drafts".into()],
            max_file_bytes: 50,
            ..Archive::default()
        };
        let found = discover(&[dir.path().to_path_buf()], &settings).unwrap();
        assert_eq!(rels(&found), ["a.txt", "sub/b.jsonl"]);
        assert_eq!(found.skipped.len(), 1, "{:?}", found.skipped);
        assert!(found.skipped[0].reason.starts_with("too large"));
    }

    #[test]
    fn a_missing_root_is_an_error() {
        let err = discover(&[PathBuf::from("/no/such/archive")], &Archive::default()).unwrap_err();
        assert!(err.to_string().contains("/no/such/archive"));
    }

    #[test]
    fn a_file_root_is_read_whatever_the_globs() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "x/one.json", "{}");
        let settings = Archive {
            include: vec!["*.txt".into()],
            ..Archive::default()
        };
        let found = discover(&[dir.path().join("x/one.json")], &settings).unwrap();
        assert_eq!(rels(&found), ["one.json"]);
    }
}
