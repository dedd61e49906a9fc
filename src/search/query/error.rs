//! What went wrong in a query, and where.

use std::fmt;

/// What kind of mistake a [`QueryError`] is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QueryErrorKind {
    /// A slip of syntax (a stray quote or parenthesis): a batch of
    /// natural-language questions searches such a query as plain words.
    #[default]
    Syntax,
    /// Over one of the limits on what a query may cost ([`MAX_SLOP`],
    /// [`MAX_WORDS`], [`MAX_DEPTH`]); never searched in another form.
    Limit,
    /// A name or value that means nothing here (an unknown entity).
    Unknown,
}

/// A parse error: what went wrong and the character position in the query.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct QueryError {
    pub query: String,
    /// Character (not byte) index of the problem.
    pub position: usize,
    pub message: String,
    pub kind: QueryErrorKind,
}

impl QueryError {
    pub(super) fn limit(query: &str, position: usize, message: String) -> QueryError {
        QueryError {
            query: query.to_string(),
            position,
            message,
            kind: QueryErrorKind::Limit,
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A query of thousands of characters is shown around the problem.
        const SHOWN: usize = 60;
        let chars: Vec<char> = self.query.chars().collect();
        let start = self.position.saturating_sub(SHOWN);
        let end = (self.position + SHOWN).min(chars.len());
        let (lead, tail) = (
            if start > 0 { "…" } else { "" },
            if end < chars.len() { "…" } else { "" },
        );
        // One replacement per character keeps the caret under its place;
        // control characters and bidi overrides are never shown raw.
        let shown: String = chars[start..end]
            .iter()
            .map(|&c| {
                if c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect();
        write!(
            f,
            "bad query at character {}: {}\n  {lead}{}{tail}\n  {}^",
            self.position + 1,
            self.message,
            shown,
            " ".repeat(self.position - start + lead.chars().count())
        )
    }
}
