//! One article as a tantivy document.

use jiff::tz::TimeZone;
use tantivy::schema::Facet;
use tantivy::{DateTime, TantivyDocument};

use super::schema::Fields;
use crate::corpus::date::Precision;
use crate::corpus::{Article, SourceFile};

/// `hash`: the hex BLAKE3 hash of the file's bytes; `entities`: facet paths
/// of the entities the article mentions; `exact`: index the unstemmed
/// copies of title and body too.
pub fn to_document(
    fields: &Fields,
    article: &Article,
    file: &SourceFile,
    hash: &str,
    entities: &[String],
    exact: bool,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, &article.id);
    doc.add_text(fields.path, file.path.to_string_lossy());
    doc.add_text(fields.title, &article.title);
    if let Some(source) = &article.source {
        doc.add_text(fields.source, source);
        doc.add_text(fields.source_text, source);
    }
    if let Some(t) = &article.translator {
        doc.add_text(fields.translator, t);
    }
    if let Some(a) = &article.author {
        doc.add_text(fields.author, a);
    }
    if let Some(u) = &article.url {
        doc.add_text(fields.url, u);
    }
    if let Some(l) = &article.lang {
        doc.add_text(fields.lang, l);
    }
    if let Some(d) = &article.dir {
        doc.add_text(fields.dir, d);
    }
    if let Some(ts) = article.date.and_then(|d| d.to_zoned(TimeZone::UTC).ok()) {
        doc.add_date(
            fields.date,
            DateTime::from_timestamp_secs(ts.timestamp().as_second()),
        );
        if article.date_precision != Precision::Day {
            doc.add_u64(fields.date_precision, article.date_precision.code());
        }
    }
    for facet in entities {
        doc.add_facet(fields.entity, Facet::from(facet.as_str()));
    }
    doc.add_u64(fields.file_size, file.size);
    doc.add_i64(fields.file_mtime, file.mtime_ns);
    // The short fields end here: `stored::Head` stops reading at
    // `file_hash`, so everything long must come after it.
    doc.add_text(fields.file_hash, hash);
    // The headline is indexed as part of the text too (a word of it is a
    // word of the article), and the body stored apart from what is indexed.
    doc.add_text(fields.body, &article.title);
    doc.add_text(fields.body, &article.body);
    doc.add_text(fields.body_text, &article.body);
    if exact {
        // Half the indexing cost again: opt-in (`analysis.exact`).
        doc.add_text(fields.title_exact, &article.title);
        doc.add_text(fields.body_exact, &article.title);
        doc.add_text(fields.body_exact, &article.body);
    }
    if !article.extras.is_empty() {
        doc.add_text(
            fields.extras,
            serde_json::Value::Object(article.extras.clone()).to_string(),
        );
    }
    doc
}
