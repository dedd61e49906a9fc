//! The query's tokens, each with its character position.

use super::error::{QueryError, QueryErrorKind};
use super::parse::{FieldName, MAX_SLOP, MAX_WORDS};

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Word(String),
    Phrase(String, u32),
    Field(FieldName),
    DateValue(String),
    Open,
    Close,
    And,
    Or,
    Not,
    Plus,
    Minus,
}

pub(super) struct Lexed {
    pub(super) tok: Tok,
    pub(super) at: usize,
}

fn field_name(name: &str) -> Option<Result<FieldName, ()>> {
    match name {
        "title" => Some(Ok(FieldName::Title)),
        "body" => Some(Ok(FieldName::Body)),
        "source" => Some(Ok(FieldName::Source)),
        "entity" => Some(Ok(FieldName::Entity)),
        "date" => Some(Err(())),
        _ => None,
    }
}

fn is_break(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '(' | ')' | '“' | '”')
}

pub(super) fn lex(query: &str) -> Result<Vec<Lexed>, QueryError> {
    let chars: Vec<char> = query.chars().collect();
    let err = |at: usize, message: &str| QueryError {
        query: query.to_string(),
        position: at,
        message: message.to_string(),
        kind: QueryErrorKind::Syntax,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let at = i;
        match c {
            '"' | '“' | '”' => {
                let close = chars[i + 1..]
                    .iter()
                    .position(|&c| matches!(c, '"' | '”' | '“'))
                    .ok_or_else(|| err(at, "this quote is never closed: add a closing \""))?;
                let text: String = chars[i + 1..i + 1 + close].iter().collect();
                i += close + 2;
                let mut slop = 0;
                if chars.get(i) == Some(&'~') {
                    let digits: String = chars[i + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .collect();
                    if digits.is_empty() {
                        return Err(err(i, "expected a number of words after ~, as in \"…\"~3"));
                    }
                    // A run of digits too long for u32 is over the cap too.
                    slop = digits.parse().unwrap_or(u32::MAX);
                    if slop > MAX_SLOP {
                        return Err(QueryError::limit(
                            query,
                            i,
                            format!("a phrase's words may stand at most {MAX_SLOP} words apart (~{MAX_SLOP}); a larger ~N costs much and finds little"),
                        ));
                    }
                    i += 1 + digits.len();
                }
                out.push(Lexed {
                    tok: Tok::Phrase(text, slop),
                    at,
                });
            }
            '(' => {
                out.push(Lexed { tok: Tok::Open, at });
                i += 1;
            }
            ')' => {
                out.push(Lexed {
                    tok: Tok::Close,
                    at,
                });
                i += 1;
            }
            '+' | '-' => {
                let next = chars.get(i + 1).copied();
                i += 1;
                // A lone sign ("- من هو") is punctuation, not an operator.
                if next.is_some_and(|n| !n.is_whitespace() && n != ')') {
                    out.push(Lexed {
                        tok: if c == '+' { Tok::Plus } else { Tok::Minus },
                        at,
                    });
                }
            }
            _ => {
                let start = i;
                while i < chars.len() && !is_break(chars[i]) {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                match word.as_str() {
                    "AND" | "&&" => out.push(Lexed { tok: Tok::And, at }),
                    "OR" | "||" => out.push(Lexed { tok: Tok::Or, at }),
                    "NOT" => out.push(Lexed { tok: Tok::Not, at }),
                    _ => {
                        let field = word
                            .split_once(':')
                            .and_then(|(name, rest)| field_name(name).map(|f| (f, name, rest)));
                        match field {
                            Some((Ok(f), name, rest)) => {
                                out.push(Lexed {
                                    tok: Tok::Field(f),
                                    at,
                                });
                                if !rest.is_empty() {
                                    out.push(Lexed {
                                        tok: Tok::Word(rest.to_string()),
                                        at: at + name.chars().count() + 1,
                                    });
                                }
                            }
                            Some((Err(()), name, rest)) => {
                                let value_at = at + name.chars().count() + 1;
                                let mut value = rest.to_string();
                                if value.starts_with('[') && !value.ends_with(']') {
                                    // `[2024-01 TO 2024-06]` spans spaces.
                                    let close = chars[i..]
                                        .iter()
                                        .position(|&c| c == ']')
                                        .ok_or_else(|| {
                                            err(value_at, "this date range is never closed: add ]")
                                        })?;
                                    value.extend(&chars[i..i + close + 1]);
                                    i += close + 1;
                                }
                                if value.is_empty() {
                                    return Err(err(
                                        value_at,
                                        "expected a date after date:, as in date:2024-03",
                                    ));
                                }
                                out.push(Lexed {
                                    tok: Tok::DateValue(value),
                                    at: value_at,
                                });
                            }
                            None => out.push(Lexed {
                                tok: Tok::Word(word),
                                at,
                            }),
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Refuses a query of more than [`MAX_WORDS`] words, pointing at the first
/// word past the limit.
pub(super) fn count_words(query: &str, toks: &[Lexed]) -> Result<(), QueryError> {
    let mut words = 0;
    for lexed in toks {
        words += match &lexed.tok {
            Tok::Word(_) => 1,
            Tok::Phrase(text, _) => text.split_whitespace().count(),
            _ => 0,
        };
        if words > MAX_WORDS {
            return Err(QueryError::limit(
                query,
                lexed.at,
                format!("a query may hold at most {MAX_WORDS} words; search for fewer, rarer ones"),
            ));
        }
    }
    Ok(())
}
