//! How an index run merges segments: tantivy's log merge policy, with a
//! bound on the bytes one merge reads.
//!
//! A merge reads the whole of the segments it merges through memory maps,
//! and every page it reads stays in the run's resident memory until the
//! merged segments are dropped. With tantivy's policy alone, a run over a
//! million articles merged 1.5–2 GB of segments at once: most of its
//! 2.6 GB peak (BENCHMARKS.md). Here one merge reads at most
//! `index.merge_mb`: segments over half of it are left as they are, and a
//! group the log policy picks is split into merges within the bound. A
//! run's peak memory is then its heap plus at most that. The price is more
//! segments in a large index, which every search reads side by side.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use tantivy::index::{SegmentComponent, SegmentId};
use tantivy::merge_policy::{LogMergePolicy, MergeCandidate, MergePolicy};
use tantivy::SegmentMeta;

/// A segment with at least this share of its documents deleted is worth
/// rewriting alone (within the bound), to drop them.
const REWRITE_DELETED: f32 = 0.2;

/// tantivy's log merge policy, one merge reading at most `max_bytes`.
pub struct BoundedMerges {
    inner: LogMergePolicy,
    /// The index folder, where the segments' files are.
    folder: PathBuf,
    max_bytes: u64,
}

impl BoundedMerges {
    pub fn new(folder: PathBuf, max_bytes: u64) -> BoundedMerges {
        BoundedMerges {
            inner: LogMergePolicy::default(),
            folder,
            max_bytes,
        }
    }

    /// The bytes of a segment's files.
    fn size(&self, segment: &SegmentMeta) -> u64 {
        use SegmentComponent::*;
        [Postings, Positions, Terms, Store, FastFields, FieldNorms]
            .into_iter()
            .filter_map(|c| std::fs::metadata(self.folder.join(segment.relative_path(c))).ok())
            .map(|m| m.len())
            .sum()
    }
}

impl fmt::Debug for BoundedMerges {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BoundedMerges")
            .field("max_bytes", &self.max_bytes)
            .finish()
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let sizes: HashMap<SegmentId, u64> =
            segments.iter().map(|s| (s.id(), self.size(s))).collect();
        let small: Vec<SegmentMeta> = segments
            .iter()
            .filter(|s| sizes[&s.id()] <= self.max_bytes / 2)
            .cloned()
            .collect();
        let mut merges = Vec::new();
        for candidate in self.inner.compute_merge_candidates(&small) {
            let (mut group, mut bytes) = (Vec::new(), 0);
            for id in candidate.0 {
                // Two segments of at most half the bound each fit it.
                if group.len() >= 2 && bytes + sizes[&id] > self.max_bytes {
                    merges.push(MergeCandidate(std::mem::take(&mut group)));
                    bytes = 0;
                }
                group.push(id);
                bytes += sizes[&id];
            }
            if group.len() >= 2 {
                merges.push(MergeCandidate(group));
            }
        }
        // A segment over half the bound but within it, full of deletes, is
        // rewritten alone.
        let merging: Vec<SegmentId> = merges.iter().flat_map(|m| m.0.clone()).collect();
        for s in segments {
            let size = sizes[&s.id()];
            let deleted = s.num_deleted_docs() as f32 / s.max_doc().max(1) as f32;
            if size > self.max_bytes / 2
                && size <= self.max_bytes
                && deleted >= REWRITE_DELETED
                && !merging.contains(&s.id())
            {
                merges.push(MergeCandidate(vec![s.id()]));
            }
        }
        merges
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, STORED, TEXT};
    use tantivy::{doc, Index, IndexWriter};

    /// An index on disk with `n` segments of 50 documents each.
    fn segments(dir: &std::path::Path, n: usize) -> Index {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT | STORED);
        let index = Index::create_in_dir(dir, schema.build()).unwrap();
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.set_merge_policy(Box::new(tantivy::merge_policy::NoMergePolicy));
        for s in 0..n {
            for d in 0..50 {
                let body = format!("segment {s} document {d} {}", "كلمة ".repeat(200));
                writer.add_document(doc!(text => body)).unwrap();
            }
            writer.commit().unwrap();
        }
        index
    }

    #[test]
    fn no_merge_reads_more_than_the_bound() {
        let dir = tempfile::tempdir().unwrap();
        let index = segments(dir.path(), 12);
        let metas = index.searchable_segment_metas().unwrap();
        let policy = BoundedMerges::new(dir.path().to_path_buf(), 0);
        let one = policy.size(&metas[0]);
        assert!(one > 1000, "a segment has files: {one}");
        // Room for three segments a merge: the log policy's groups of
        // eight are cut into merges of three.
        let policy = BoundedMerges::new(dir.path().to_path_buf(), one * 3 + one / 2);
        let merges = policy.compute_merge_candidates(&metas);
        assert!(!merges.is_empty());
        for m in &merges {
            let bytes: u64 =
                m.0.iter()
                    .map(|id| {
                        let meta = metas.iter().find(|s| s.id() == *id).unwrap();
                        policy.size(meta)
                    })
                    .sum();
            assert!(
                bytes <= policy.max_bytes,
                "{} segments, {bytes} bytes",
                m.0.len()
            );
            assert!(m.0.len() >= 2);
        }
        // Segments over half the bound are left alone.
        let tight = BoundedMerges::new(dir.path().to_path_buf(), one + one / 2);
        assert!(tight.compute_merge_candidates(&metas).is_empty());
        // Without a bound to speak of, tantivy's own choice.
        let loose = BoundedMerges::new(dir.path().to_path_buf(), u64::MAX);
        let log = LogMergePolicy::default().compute_merge_candidates(&metas);
        assert_eq!(loose.compute_merge_candidates(&metas).len(), log.len());
    }
}
