//! Hits made from columns alone: id, headline, date, source and path are
//! fast fields, so a hit that shows only those reads no block of the
//! document store (where every block holds whole bodies to decompress).

use tantivy::columnar::{Column, StrColumn};
use tantivy::{DateTime, DocAddress, DocId, Searcher};

use crate::corpus::date::Precision;
use crate::error::{Error, Result};
use crate::index::column;
use crate::search::hit::Hit;

/// One segment's columns.
struct SegmentColumns {
    id: StrColumn,
    title: Option<StrColumn>,
    source: Option<StrColumn>,
    path: Option<StrColumn>,
    date: Column<DateTime>,
    precision: Column<u64>,
}

/// The columns of every segment of one searcher, opened once per search.
pub(super) struct Columns {
    segments: Vec<SegmentColumns>,
}

impl Columns {
    pub(super) fn open(searcher: &Searcher, index_path: &std::path::Path) -> Result<Columns> {
        let missing = |what: &str| Error::Corrupt {
            path: index_path.to_path_buf(),
            what: format!("the {what} column is missing"),
        };
        let segments = searcher
            .segment_readers()
            .iter()
            .map(|segment| {
                let ff = segment.fast_fields();
                Ok(SegmentColumns {
                    id: ff.str("id")?.ok_or_else(|| missing("id"))?,
                    title: ff.str("title")?,
                    source: ff.str("source")?,
                    path: ff.str("path")?,
                    date: ff.date("date")?,
                    precision: ff.u64("date_precision")?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Columns { segments })
    }

    pub(super) fn hit(&self, addr: DocAddress, rank: usize, score: Option<f32>) -> Result<Hit> {
        let c = &self.segments[addr.segment_ord as usize];
        let doc = addr.doc_id;
        let date = date_of(c, doc);
        Ok(Hit {
            rank,
            score,
            id: first(Some(&c.id), doc)?.unwrap_or_default(),
            title: first(c.title.as_ref(), doc)?.unwrap_or_default(),
            date,
            source: first(c.source.as_ref(), doc)?,
            path: first(c.path.as_ref(), doc)?.unwrap_or_default(),
            ..Hit::default()
        })
    }
}

impl Columns {
    /// The hits of `batch` (address and score, ranked from `rank` on), with
    /// each string column read in one pass per segment: the term ordinals
    /// of the batch's documents sorted, then their terms read in a walk
    /// over the column's dictionary, where a hit alone costs a search
    /// through one of its blocks. An export's batches run this way.
    pub(super) fn hits(
        &self,
        batch: &[(DocAddress, Option<f32>)],
        rank: usize,
    ) -> Result<Vec<Hit>> {
        let mut hits: Vec<Hit> = Vec::with_capacity(batch.len());
        for (i, &(addr, score)) in batch.iter().enumerate() {
            let c = &self.segments[addr.segment_ord as usize];
            hits.push(Hit {
                rank: rank + i,
                score,
                date: date_of(c, addr.doc_id),
                ..Hit::default()
            });
        }
        let mut at: Vec<usize> = (0..batch.len()).collect();
        at.sort_by_key(|&i| batch[i].0);
        for segment_hits in at.chunk_by(|&a, &b| batch[a].0.segment_ord == batch[b].0.segment_ord) {
            let c = &self.segments[batch[segment_hits[0]].0.segment_ord as usize];
            let docs = || segment_hits.iter().map(|&i| (batch[i].0.doc_id, i));
            each_term(Some(&c.id), docs(), |i, t| hits[i].id = t)?;
            each_term(c.title.as_ref(), docs(), |i, t| hits[i].title = t)?;
            each_term(c.source.as_ref(), docs(), |i, t| hits[i].source = Some(t))?;
            each_term(c.path.as_ref(), docs(), |i, t| hits[i].path = t)?;
        }
        Ok(hits)
    }
}

/// The article's date from the columns, as far as it is known.
fn date_of(c: &SegmentColumns, doc: DocId) -> Option<String> {
    c.date.first(doc).and_then(|dt| {
        let ts = jiff::Timestamp::from_second(dt.into_timestamp_secs()).ok()?;
        let precision = Precision::from_code(c.precision.first(doc).unwrap_or(0));
        Some(precision.show(ts.to_zoned(jiff::tz::TimeZone::UTC).date()))
    })
}

/// [`column::first_terms`] on a column the index may lack.
fn each_term(
    column: Option<&StrColumn>,
    docs: impl Iterator<Item = (DocId, usize)>,
    set: impl FnMut(usize, String),
) -> Result<()> {
    let Some(column) = column else {
        return Ok(());
    };
    column::first_terms(column, docs, set)
        .map_err(|e| Error::io("cannot read a column of the index", e))
}

/// The document's first value in a string column (`None` for no value, or
/// no column: a segment where no article has the field).
fn first(column: Option<&StrColumn>, doc: DocId) -> Result<Option<String>> {
    let Some(column) = column else {
        return Ok(None);
    };
    let Some(ord) = column.term_ords(doc).next() else {
        return Ok(None);
    };
    let mut text = String::new();
    column
        .ord_to_str(ord, &mut text)
        .map_err(|e| Error::io("cannot read a column of the index", e))?;
    Ok(Some(text))
}
