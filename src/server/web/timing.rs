//! The parts of a page's server time, for its `Server-Timing` header:
//! `page;dur=41.2, search;dur=12.0, timeline;dur=20.1, …` in ms.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Parts measured while a page is made; shared by the threads that make
/// its parts at once.
#[derive(Default)]
pub struct Timing {
    parts: Mutex<Vec<(&'static str, Duration)>>,
}

impl Timing {
    /// Runs `work` and records how long it took under `name`.
    pub fn measure<T>(&self, name: &'static str, work: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let out = work();
        let took = started.elapsed();
        if let Ok(mut parts) = self.parts.lock() {
            parts.push((name, took));
        }
        out
    }

    /// The header's value: the whole page first, then each part.
    pub fn header(&self, page: Duration) -> String {
        let mut out = metric("page", page);
        if let Ok(parts) = self.parts.lock() {
            for (name, took) in parts.iter() {
                out.push_str(", ");
                out.push_str(&metric(name, *took));
            }
        }
        out
    }
}

fn metric(name: &str, took: Duration) -> String {
    format!("{name};dur={:.1}", took.as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_lists_the_page_then_its_parts() {
        let t = Timing::default();
        assert_eq!(t.measure("search", || 7), 7);
        let h = t.header(Duration::from_millis(12));
        assert!(h.starts_with("page;dur=12.0, search;dur="), "{h}");
    }
}
