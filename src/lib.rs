//! fahras: full-text search for archives of Arabic news articles.
pub mod analysis;
