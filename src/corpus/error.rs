//! Why a file, a JSON element or a dump's line gave no article. The index
//! run names each one in its summary, with the file; the messages are part
//! of that summary, so they say what is wrong in the file's own terms.

/// A reason to skip an article (or all of a file).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("no article text: no line has two Arabic words")]
    NoText,
    #[error("no headline: no line has two Arabic words")]
    NoHeadline,
    #[error("no article text: the page has no title and no paragraphs")]
    EmptyPage,
    /// `line` is 0 for one line of a dump, whose line is named around it.
    #[error("malformed JSON at {}column {column}: {message}", if *.line > 0 { format!("line {line}, ") } else { String::new() })]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("is a JSON {0}, not an object")]
    NotObject(&'static str),
    #[error("the file holds a JSON {0}, not an article object or an array of them")]
    NotArticles(&'static str),
    #[error("has neither `title` nor `body`")]
    NoTitleOrBody,
    #[error("`{key}` is a JSON {kind}, expected a string")]
    FieldType { key: String, kind: &'static str },
    #[error(
        "too large: {bytes} bytes, the limit for one article is {max} (archive.max_file_bytes)"
    )]
    TooLarge { bytes: u64, max: u64 },
    #[error(
        "nests its elements about {depth} deep; fahras reads pages up to {max} deep (a broken or hostile page)"
    )]
    TooDeep { depth: usize, max: usize },
    #[error("is not UTF-8")]
    NotUtf8,
    /// What is wrong with line `n` of a JSON Lines dump.
    #[error("line {n}: {error}")]
    Line { n: usize, error: Box<ParseError> },
}

impl ParseError {
    /// The error of one JSON document; `whole_file` names its line too.
    pub fn json(e: &serde_json::Error, whole_file: bool) -> ParseError {
        ParseError::Json {
            line: if whole_file { e.line() } else { 0 },
            column: e.column(),
            message: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_place_in_the_file() {
        let e = serde_json::from_str::<serde_json::Value>("{\n  \"a\": }").unwrap_err();
        let whole = ParseError::json(&e, true).to_string();
        assert!(
            whole.starts_with("malformed JSON at line 2, column 8: "),
            "{whole}"
        );
        let line = ParseError::Line {
            n: 7,
            error: Box::new(ParseError::json(&e, false)),
        };
        assert!(
            line.to_string()
                .starts_with("line 7: malformed JSON at column 8: "),
            "{line}"
        );
    }
}
