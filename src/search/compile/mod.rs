//! Turns a parsed query into a tantivy query, analyzing every word exactly
//! as the indexed text was analyzed, and collects the terms to highlight:
//! the [`compiler`] walks the tree into the [`plan`]'s parts, built from
//! the tantivy [`clauses`] every front end shares.

mod clauses;
mod compiler;
mod plan;
mod spelling;

pub use clauses::{date_query, entity_query};
pub use compiler::Compiler;
pub use plan::{
    AnalyzedWord, Compiled, Leaf, RescorePlan, Variant, NEIGHBOUR_BOOST, SURFACE_BOOST, TITLE_BOOST,
};
