//! Hits made from columns alone: id, headline, date, source and path are
//! fast fields, so a hit that shows only those reads no block of the
//! document store (where every block holds whole bodies to decompress).

use tantivy::columnar::{Column, StrColumn};
use tantivy::{DateTime, DocAddress, DocId, Searcher};

use crate::corpus::date::Precision;
use crate::error::{Error, Result};
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
        let date = c.date.first(doc).and_then(|dt| {
            let ts = jiff::Timestamp::from_second(dt.into_timestamp_secs()).ok()?;
            let precision = Precision::from_code(c.precision.first(doc).unwrap_or(0));
            Some(precision.show(ts.to_zoned(jiff::tz::TimeZone::UTC).date()))
        });
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
