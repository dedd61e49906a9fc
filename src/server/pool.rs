//! The bounded pool searches run on: at most `workers` at once, on
//! tokio's blocking threads (never on the async ones), and at most `queue`
//! more waiting. A request past that is refused at once with 503 rather
//! than left to pile up behind the others.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::error::ApiError;

#[derive(Clone)]
pub struct Pool {
    /// Running plus waiting.
    admit: Arc<Semaphore>,
    running: Arc<Semaphore>,
}

/// A place on the pool, held for as long as the work runs (an export holds
/// it while it streams).
pub struct Slot {
    _admitted: OwnedSemaphorePermit,
    _running: OwnedSemaphorePermit,
}

impl Pool {
    pub fn new(workers: usize, queue: usize) -> Pool {
        let workers = workers.max(1);
        Pool {
            admit: Arc::new(Semaphore::new(workers + queue)),
            running: Arc::new(Semaphore::new(workers)),
        }
    }

    /// Waits for a worker, or refuses when the queue is full.
    pub async fn slot(&self) -> Result<Slot, ApiError> {
        let admitted = self
            .admit
            .clone()
            .try_acquire_owned()
            .map_err(|_| ApiError::overloaded())?;
        let running = self
            .running
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::overloaded())?;
        Ok(Slot {
            _admitted: admitted,
            _running: running,
        })
    }

    /// Runs `work` on a blocking thread once a worker is free. The slot
    /// moves into the thread: a client that hangs up does not free a
    /// worker that is still busy with its search.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce() -> Result<T, ApiError> + Send + 'static,
    {
        let slot = self.slot().await?;
        Self::blocking(slot, work).await
    }

    pub async fn blocking<T, F>(slot: Slot, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce() -> Result<T, ApiError> + Send + 'static,
    {
        tokio::task::spawn_blocking(move || {
            let _slot = slot;
            work()
        })
        .await
        .map_err(|e| ApiError::internal(format!("a search failed: {e}")))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_queue_refuses_at_once() {
        let pool = Pool::new(1, 0);
        let held = pool.slot().await.unwrap();
        let refused = pool.slot().await.err().unwrap();
        assert_eq!(refused.code, "overloaded");
        drop(held);
        assert!(pool.slot().await.is_ok());
    }
}
