//! The query language, parsed into a tree with the position of every part,
//! so an error can point at the place it happened.
//!
//! ```text
//! query   := or
//! or      := and ( OR and )*          juxtaposition is OR with --any
//! and     := unary ( [AND] unary )*   juxtaposition is AND by default
//! unary   := ( NOT | - | + ) unary | primary
//! primary := ( query ) | FIELD:value | "phrase"[~N] | word | *
//! FIELD   := title | body | source | entity | date
//! date    := 2024 | 2024-03 | 2024-03-15 | >=2024-01 | <2025 | [2024-01 TO 2024-06]
//! ```
//!
//! Natural-language queries must not trip on their punctuation: a colon
//! after an unknown word, a `?` or a lone `-` are plain separators. Only
//! unbalanced quotes and parentheses, operators with nothing to bind, and
//! unreadable dates are errors.
//!
//! [`lex`] reads tokens, [`parse`] builds the tree, [`dates`] reads date
//! values, and [`error`] says where a query went wrong.

mod dates;
mod error;
mod lex;
mod literal;
mod parse;

pub use dates::{parse_date_value, DateError, DateRange};
pub use error::{QueryError, QueryErrorKind};
pub use literal::literal;
pub use parse::{parse, FieldName, Node, Operator, MAX_DEPTH, MAX_SLOP, MAX_WORDS};
