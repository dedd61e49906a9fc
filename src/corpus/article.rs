//! One news article as fahras understands it, whatever file it came from.

use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    /// Stable identifier: the article's own `id`, else derived from its path.
    pub id: String,
    pub title: String,
    pub body: String,
    pub date: Option<Date>,
    pub source: Option<String>,
    pub translator: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// Keys of a JSON article that fahras has no field for, kept as JSON.
    pub extras: serde_json::Map<String, serde_json::Value>,
}
