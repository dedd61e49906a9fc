//! Where an index run writes: the index in place when this fahras can
//! update it, else a new one built beside the old and moved in at the end,
//! so that a folder is a whole index or none at every moment.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use tantivy::directory::error::LockError;
use tantivy::directory::{Directory, DirectoryLock, MmapDirectory, INDEX_WRITER_LOCK};
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::open::exists;
use super::run::{commit, read_stamp, RunOptions};
use super::schema;
use super::stamp::Stamp;
use crate::analysis;
use crate::error::{Error, Result};

/// Where the run writes.
pub(super) enum Target {
    /// Into the existing (or new) index at the path.
    InPlace,
    /// Into a fresh index at this temporary path, swapped in at the end.
    Beside(PathBuf),
}

/// Tries `attempt` until it stops reporting a busy lock, for as long as
/// `--wait` allows.
pub(super) fn wait_for_lock<T>(
    opts: &RunOptions,
    mut attempt: impl FnMut() -> Result<Option<T>>,
) -> Result<T> {
    let start = Instant::now();
    loop {
        if let Some(t) = attempt()? {
            return Ok(t);
        }
        match opts.wait {
            Some(limit) if start.elapsed() < limit && !opts.cancel.load(Ordering::Relaxed) => {
                std::thread::sleep(Duration::from_millis(250));
            }
            _ => {
                return Err(Error::Locked {
                    path: opts.index_path.clone(),
                })
            }
        }
    }
}

/// Opens the index at the path, or decides to build a new one beside it.
/// Returns the index to write, where it is, why the run is a full rebuild
/// (if it is), and the lock held on the old index while building beside it.
pub(super) fn prepare(
    opts: &RunOptions,
) -> Result<(Index, Target, Option<String>, Option<DirectoryLock>)> {
    let path = &opts.index_path;
    let stages = opts.stages;
    if exists(path) {
        let opened = Index::open_in_dir(path);
        // Unreadable is not the same as old: say which it is.
        let unreadable = opened.as_ref().err().map(|e| {
            format!("its meta.json cannot be read ({e}), so it is rebuilt from the archive")
        });
        let opened = opened.ok();
        let stamp = opened.as_ref().and_then(read_stamp);
        let compatible = opened.filter(|index| schema::matches(&index.schema())).zip(
            stamp
                .as_ref()
                .filter(|s| s.schema_version == schema::SCHEMA_VERSION),
        );
        if let Some((index, stamp)) = compatible {
            analysis::register(&index, stages);
            let reason = stamp
                .rebuild_reason(stages, opts.exact_fields, &opts.gazetteer.hash)
                .or_else(|| opts.full.then(|| "--full was given".to_string()));
            return Ok((index, Target::InPlace, reason, None));
        }
        // An index this fahras cannot update: hold its lock, build beside.
        let dir = MmapDirectory::open(path).map_err(|e| schema::not_fahras(path, e))?;
        let guard = wait_for_lock(opts, || match dir.acquire_lock(&INDEX_WRITER_LOCK) {
            Ok(g) => Ok(Some(g)),
            Err(LockError::LockBusy) => Ok(None),
            Err(e) => Err(Error::Lock {
                path: path.to_path_buf(),
                message: e.to_string(),
            }),
        })?;
        let reason = stamp
            .and_then(|s| s.rebuild_reason(stages, opts.exact_fields, &opts.gazetteer.hash))
            .or(unreadable)
            .unwrap_or_else(|| "the index was made by another version of fahras".into());
        let tmp = sibling(path, "new");
        let _ = std::fs::remove_dir_all(&tmp);
        return Ok((
            create(&tmp, opts)?,
            Target::Beside(tmp),
            Some(reason),
            Some(guard),
        ));
    }
    if path.is_dir()
        && std::fs::read_dir(path)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false)
    {
        return Err(schema::not_fahras(
            path,
            "the folder is not empty and holds no index; fahras will not write into it",
        ));
    }
    let reason = opts.full.then(|| "--full was given".to_string());
    // Made beside and moved in whole: tantivy writes `meta.json` before our
    // stamp is committed, and a run killed between the two would leave a
    // folder that reads as an index and opens as none.
    let tmp = sibling(path, "new");
    let _ = std::fs::remove_dir_all(&tmp);
    create(&tmp, opts)?;
    move_in(&tmp, path)?;
    let index = Index::open_in_dir(path)?;
    analysis::register(&index, stages);
    Ok((index, Target::InPlace, reason, None))
}

/// Moves the new index at `fresh` to `path`, which is absent or an empty
/// folder (a mount point, say, that cannot be replaced): file by file into
/// it, `meta.json` last, so that the index appears whole or not at all.
fn move_in(fresh: &Path, path: &Path) -> Result<()> {
    let failed = |e| {
        Error::io(
            format!("cannot move the new index into {}", path.display()),
            e,
        )
    };
    if !path.exists() {
        return std::fs::rename(fresh, path).map_err(failed);
    }
    let mut names: Vec<_> = std::fs::read_dir(fresh)
        .map_err(failed)?
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    // `meta.json` last: it is what makes a folder an index.
    names.sort_by_key(|n| n == "meta.json");
    for name in names {
        std::fs::rename(fresh.join(&name), path.join(&name)).map_err(failed)?;
    }
    let _ = std::fs::remove_dir(fresh);
    Ok(())
}

/// Creates an empty index and commits its stamp at once, so that even a
/// run killed before its first commit leaves a valid fahras index.
fn create(path: &Path, opts: &RunOptions) -> Result<Index> {
    let stages = opts.stages;
    std::fs::create_dir_all(path)
        .map_err(|e| Error::io(format!("cannot create index folder {}", path.display()), e))?;
    let index = Index::create_in_dir(path, schema::build())?;
    analysis::register(&index, stages);
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, 16 * 1024 * 1024)?;
    commit(
        &mut writer,
        &Stamp::new(stages, opts.exact_fields, &opts.gazetteer.hash),
    )?;
    writer.wait_merging_threads()?;
    Ok(index)
}

fn sibling(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into());
    path.with_file_name(format!("{name}.{what}-{}", std::process::id()))
}

/// Replaces the index at `path` with the one at `fresh`. The old index was
/// unusable by this fahras anyway, so the short moment between the two
/// renames risks nothing that could still be searched.
pub(super) fn swap_in(fresh: &Path, path: &Path) -> Result<()> {
    let old = sibling(path, "old");
    std::fs::rename(path, &old).map_err(|e| {
        Error::io(
            format!("cannot move the old index {} aside", path.display()),
            e,
        )
    })?;
    std::fs::rename(fresh, path).map_err(|e| {
        Error::io(
            format!("cannot move the new index into {}", path.display()),
            e,
        )
    })?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
