//! An index run steps back for searches: it lowers its CPU priority
//! (`index.nice`) before its threads start, so that they all inherit it.
//! On an idle machine it runs as fast; beside a loaded `fahras serve` the
//! searches keep most of theirs (BENCHMARKS.md).

/// Lowers this process's CPU priority by `by` (0: leaves it). A priority
/// that cannot be changed is left as it is, with a warning: the run
/// matters more than its manners.
pub fn lower(by: u8) {
    if by == 0 {
        return;
    }
    #[cfg(unix)]
    if let Err(e) = rustix::process::nice(i32::from(by)) {
        eprintln!("fahras: warning: cannot lower the index run's priority ({e}); it runs at the one it has");
    }
}
