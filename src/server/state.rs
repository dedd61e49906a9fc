//! What every request shares: the open index, reopened when a reindex has
//! committed, and the settings the server was started with.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::SystemTime;

use crate::entities::Gazetteer;
use crate::error::Result;
use crate::index::ArticleIndex;
use crate::search::{Engine, SearchRequest};

use super::pool::Pool;

/// Bounds on what one request may ask.
#[derive(Clone, Debug)]
pub struct Limits {
    pub max_limit: usize,
    pub max_window: usize,
}

pub struct AppState {
    pub engines: Engines,
    pub pool: Pool,
    pub limits: Limits,
    /// A request's defaults: operator, limit, snippet length, time budget.
    pub defaults: SearchRequest,
    pub token: Option<String>,
    pub quiet: bool,
}

/// The engine on the last commit. A reindex writes `meta.json` anew at
/// every commit (by an atomic rename); when its identity changes the
/// index is opened again. Requests already running keep the engine they
/// started with, so none fails during a commit.
pub struct Engines {
    path: PathBuf,
    gazetteer: Arc<Gazetteer>,
    cache_bytes: usize,
    current: RwLock<(Option<Signature>, Arc<Engine>)>,
    /// One reopen at a time; the others keep using the engine they have.
    reopening: Mutex<()>,
}

/// What identifies one version of `meta.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Signature {
    modified: Option<SystemTime>,
    len: u64,
    inode: u64,
}

fn signature(path: &std::path::Path) -> Option<Signature> {
    let meta = std::fs::metadata(path.join("meta.json")).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Signature {
        modified: meta.modified().ok(),
        len: meta.len(),
        inode,
    })
}

impl Engines {
    pub fn open(path: PathBuf, gazetteer: Arc<Gazetteer>, cache_bytes: usize) -> Result<Engines> {
        let sig = signature(&path);
        let engine = Engine::open(ArticleIndex::open(&path)?, gazetteer.clone())?
            .with_cache_bytes(cache_bytes);
        Ok(Engines {
            path,
            gazetteer,
            cache_bytes,
            current: RwLock::new((sig, Arc::new(engine))),
            reopening: Mutex::new(()),
        })
    }

    /// The engine on the newest commit. Runs on a worker thread: it may
    /// stat a file and open an index.
    pub fn current(&self) -> Arc<Engine> {
        let sig = signature(&self.path);
        {
            let cur = self.current.read().unwrap_or_else(|p| p.into_inner());
            if cur.0 == sig || sig.is_none() {
                return cur.1.clone();
            }
        }
        let Ok(_one) = self.reopening.try_lock() else {
            // Another request is reopening: use the engine there is.
            return self
                .current
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .1
                .clone();
        };
        let reopened = ArticleIndex::open(&self.path).and_then(|index| {
            Ok(Engine::open(index, self.gazetteer.clone())?.with_cache_bytes(self.cache_bytes))
        });
        let mut cur = self.current.write().unwrap_or_else(|p| p.into_inner());
        match reopened {
            Ok(engine) => *cur = (sig, Arc::new(engine)),
            Err(e) => {
                // Half-way through a rebuild, say: keep serving the last
                // good commit, and try again at the next change.
                eprintln!("fahras: warning: cannot open the new commit yet ({e}); serving the previous one");
                cur.0 = sig;
            }
        }
        cur.1.clone()
    }
}
