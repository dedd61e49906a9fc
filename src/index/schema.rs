//! The tantivy schema: which article fields are indexed, stored and fast.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};

use crate::analysis::{ARABIC, ARABIC_EXACT};

/// Bumped whenever the fields below change; an index of another format is
/// rebuilt by the next `fahras index`.
pub const SCHEMA_VERSION: u32 = 6;
use crate::error::{Error, Result};

/// Handles to every field, looked up once per open.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    pub id: Field,
    pub path: Field,
    pub title: Field,
    /// Indexed only: the headline and the body, so that a word of the
    /// headline counts as a word of the article (ARCD MRR@10 0.833 -> 0.844).
    pub body: Field,
    /// Stored only: the body as written, for snippets and `show`.
    pub body_text: Field,
    pub title_exact: Field,
    pub body_exact: Field,
    pub source: Field,
    pub source_text: Field,
    pub translator: Field,
    pub author: Field,
    pub url: Field,
    pub date: Field,
    /// Stored only: how much of `date` is known ([`crate::corpus::date::Precision`]).
    pub date_precision: Field,
    /// Stored only: the language and text direction the article declares.
    pub lang: Field,
    pub dir: Field,
    pub entity: Field,
    pub extras: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub file_hash: Field,
}

fn analyzed(analyzer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

pub fn build() -> Schema {
    let mut b = Schema::builder();
    // Fast too: a hit that shows only its id reads it from this column
    // instead of decompressing a block of the document store.
    b.add_text_field("id", STRING | STORED | FAST);
    b.add_text_field("path", STRING | STORED | FAST);
    // The headline is a column too (whole, untokenized), for hits made
    // from columns alone.
    b.add_text_field("title", analyzed(ARABIC, true).set_fast("raw"));
    b.add_text_field("body", analyzed(ARABIC, false));
    b.add_text_field("title_exact", analyzed(ARABIC_EXACT, false));
    b.add_text_field("body_exact", analyzed(ARABIC_EXACT, false));
    b.add_text_field("source", STRING | STORED | FAST);
    b.add_text_field("source_text", analyzed(ARABIC, false));
    b.add_text_field("translator", STRING | STORED);
    b.add_text_field("author", STRING | STORED);
    b.add_text_field("url", STORED);
    b.add_date_field(
        "date",
        DateOptions::from(tantivy::schema::INDEXED | STORED | FAST)
            .set_precision(DateTimePrecision::Seconds),
    );
    b.add_facet_field("entity", FacetOptions::default().set_stored());
    b.add_text_field("extras", STORED);
    b.add_u64_field(
        "file_size",
        NumericOptions::default().set_stored().set_fast(),
    );
    b.add_i64_field(
        "file_mtime",
        NumericOptions::default().set_stored().set_fast(),
    );
    b.add_text_field("file_hash", STRING | STORED | FAST);
    b.add_text_field("body_text", STORED);
    // Added last to keep field ids (and `stored::HEAD_END`); its value is
    // written with the short fields.
    b.add_u64_field("date_precision", STORED | FAST);
    // Added after it for the same reason; written with the short fields.
    b.add_text_field("lang", STRING | STORED);
    b.add_text_field("dir", STORED);
    b.build()
}

impl Fields {
    /// Looks up every field; an index missing one was not built by this
    /// version of fahras.
    pub fn from_schema(schema: &Schema) -> Result<Fields, MissingField> {
        let f = |name: &'static str| schema.get_field(name).map_err(|_| MissingField(name));
        Ok(Fields {
            id: f("id")?,
            path: f("path")?,
            title: f("title")?,
            body: f("body")?,
            body_text: f("body_text")?,
            title_exact: f("title_exact")?,
            body_exact: f("body_exact")?,
            source: f("source")?,
            source_text: f("source_text")?,
            translator: f("translator")?,
            author: f("author")?,
            url: f("url")?,
            date: f("date")?,
            date_precision: f("date_precision")?,
            lang: f("lang")?,
            dir: f("dir")?,
            entity: f("entity")?,
            extras: f("extras")?,
            file_size: f("file_size")?,
            file_mtime: f("file_mtime")?,
            file_hash: f("file_hash")?,
        })
    }
}

/// A field this fahras needs and an index's schema lacks.
#[derive(Debug, PartialEq, thiserror::Error)]
#[error("it has no `{0}` field")]
pub struct MissingField(pub &'static str);

/// True when an existing index has exactly the schema this fahras writes.
pub fn matches(schema: &Schema) -> bool {
    let current = build();
    serde_json::to_value(schema).ok() == serde_json::to_value(&current).ok()
}

pub(crate) fn not_fahras(path: &std::path::Path, reason: impl ToString) -> Error {
    Error::NotFahras {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schema_missing_a_field_names_the_first_one_missing() {
        assert!(Fields::from_schema(&build()).is_ok());
        let mut b = Schema::builder();
        b.add_text_field("id", STRING | STORED);
        assert_eq!(
            Fields::from_schema(&b.build()).err(),
            Some(MissingField("path"))
        );
        assert_eq!(MissingField("path").to_string(), "it has no `path` field");
    }
}
