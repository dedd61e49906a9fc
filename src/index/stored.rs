//! Reading stored articles back.
//!
//! tantivy's document store keeps a document's fields in the order they
//! were added, and [`to_document`](super::document::to_document) adds the
//! short fields first, closed by `file_hash`, and the stored body
//! (`body_text`) and extras after it. A hit list needs only the short
//! fields, so [`Head`] stops reading at `file_hash`: the body — nearly all
//! of a document's bytes — is never copied or checked as UTF-8. That was
//! most of the time an `--all` export spent per hit. [`Whole`] reads
//! everything, for snippets and `show`. Should a document ever hold its
//! fields in another order, [`Head`] still returns every field it meets
//! before `file_hash`: slower, never wrong.

use tantivy::schema::document::{DeserializeError, DocumentDeserialize, DocumentDeserializer};
use tantivy::schema::{Field, OwnedValue};

/// The field that closes the head: `file_hash` (a unit test keeps the two
/// in step).
pub const HEAD_END: Field = Field::from_field_id(16);

/// A stored document's field values; with `WHOLE = false`, only those up to
/// and including [`HEAD_END`].
#[derive(Debug, Default)]
pub struct Stored<const WHOLE: bool> {
    values: Vec<(Field, OwnedValue)>,
}

/// Every stored field but the body and `extras`.
pub type Head = Stored<false>;
/// Every stored field.
pub type Whole = Stored<true>;

impl<const WHOLE: bool> DocumentDeserialize for Stored<WHOLE> {
    fn deserialize<'de, D>(mut fields: D) -> Result<Self, DeserializeError>
    where
        D: DocumentDeserializer<'de>,
    {
        let mut values = Vec::with_capacity(fields.size_hint());
        while let Some((field, value)) = fields.next_field::<OwnedValue>()? {
            values.push((field, value));
            if !WHOLE && field == HEAD_END {
                // The rest of the bytes are left unread on purpose.
                break;
            }
        }
        Ok(Stored { values })
    }
}

impl<const WHOLE: bool> Stored<WHOLE> {
    /// Every value of `field`, in the order stored.
    pub fn all(&self, field: Field) -> impl Iterator<Item = &OwnedValue> {
        self.values
            .iter()
            .filter(move |(f, _)| *f == field)
            .map(|(_, v)| v)
    }

    /// The first text value of `field`.
    pub fn text(&self, field: Field) -> Option<&str> {
        self.all(field).find_map(|v| match v {
            OwnedValue::Str(s) => Some(s.as_str()),
            _ => None,
        })
    }

    /// The first date value of `field`.
    pub fn date(&self, field: Field) -> Option<tantivy::DateTime> {
        self.all(field).find_map(|v| match v {
            OwnedValue::Date(d) => Some(*d),
            _ => None,
        })
    }

    /// The facet paths stored in `field`.
    pub fn u64(&self, field: Field) -> Option<u64> {
        self.all(field).find_map(|v| match v {
            OwnedValue::U64(n) => Some(*n),
            _ => None,
        })
    }

    pub fn facets(&self, field: Field) -> impl Iterator<Item = &str> {
        self.all(field).filter_map(|v| match v {
            OwnedValue::Facet(f) => Some(f.encoded_str()),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema;

    #[test]
    fn head_stops_before_the_body_and_whole_reads_it() {
        use crate::corpus::{Article, Format, SourceFile};
        use crate::index::document::to_document;
        use tantivy::{Index, IndexWriter, TantivyDocument};

        let s = schema::build();
        let fields = schema::Fields::from_schema(&s).unwrap();
        let index = Index::create_in_ram(s);
        crate::analysis::register(&index, crate::analysis::Stages::ALL);
        let article = Article {
            id: "a".into(),
            title: "عنوان".into(),
            body: "نص طويل".into(),
            source: Some("واع".into()),
            extras: [("k".to_string(), serde_json::json!(1))]
                .into_iter()
                .collect(),
            ..Article::default()
        };
        let file = SourceFile {
            path: "/a.txt".into(),
            rel: "a.txt".into(),
            format: Format::Txt,
            size: 3,
            mtime_ns: 7,
        };
        let mut writer: IndexWriter<TantivyDocument> = index.writer(15_000_000).unwrap();
        writer
            .add_document(to_document(
                &fields,
                &article,
                &file,
                "h",
                &["/place/x".into()],
                true,
            ))
            .unwrap();
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let addr = tantivy::DocAddress::new(0, 0);
        let head: Head = searcher.doc(addr).unwrap();
        assert_eq!(head.text(fields.title), Some("عنوان"));
        assert_eq!(head.text(fields.source), Some("واع"));
        assert_eq!(head.text(fields.file_hash), Some("h"));
        assert_eq!(head.facets(fields.entity).count(), 1);
        assert_eq!(head.text(fields.body_text), None);
        assert_eq!(head.text(fields.extras), None);
        let whole: Whole = searcher.doc(addr).unwrap();
        assert_eq!(whole.text(fields.body_text), Some("نص طويل"));
        assert_eq!(whole.text(fields.extras), Some(r#"{"k":1}"#));
    }

    #[test]
    fn head_ends_at_the_file_hash_field() {
        let s = schema::build();
        assert_eq!(s.get_field("file_hash").unwrap(), HEAD_END);
    }
}
