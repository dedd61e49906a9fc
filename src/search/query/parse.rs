//! The parser: tokens to a tree of [`Node`]s (grammar in the module above).

use serde::{Deserialize, Serialize};

use super::dates::{parse_date_value, DateRange};
use super::error::{QueryError, QueryErrorKind};
use super::lex::{count_words, lex, Lexed, Tok};

/// The longest slop of a `"phrase"~N`. A sloppy phrase costs more the
/// larger N is (twenty frequent words at `~1000` ran for over a minute on
/// 150,000 articles); past a few dozen words apart, "near" means nothing.
pub const MAX_SLOP: u32 = 50;

/// The most words (inside phrases too) one query may hold: a pasted page
/// is not a query, and every word is a posting list to read.
pub const MAX_WORDS: usize = 256;

/// The deepest nesting of groups and operators (`((…))`, `- - -a`): the
/// parser and the compiler recurse once per level.
pub const MAX_DEPTH: usize = 32;

/// How words without an operator between them combine: all must match
/// (the default), or any may (`--any`).
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Operator {
    #[default]
    And,
    Or,
}

/// Fields a query may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldName {
    Title,
    Body,
    Source,
    Entity,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Word {
        field: Option<FieldName>,
        text: String,
        at: usize,
    },
    Phrase {
        field: Option<FieldName>,
        text: String,
        slop: u32,
        at: usize,
    },
    Date(DateRange),
    /// `*`: every article (to list or export with filters alone).
    All,
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    Required(Box<Node>),
}

struct Parser<'q> {
    query: &'q str,
    toks: Vec<Lexed>,
    pos: usize,
    default: Operator,
    depth: usize,
}

impl Parser<'_> {
    fn err(&self, at: usize, message: impl Into<String>) -> QueryError {
        QueryError {
            query: self.query.to_string(),
            position: at,
            message: message.into(),
            kind: QueryErrorKind::Syntax,
        }
    }

    /// Enters one more level of nesting, refusing to go past [`MAX_DEPTH`].
    fn descend(&mut self, at: usize) -> Result<(), QueryError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(QueryError::limit(
                self.query,
                at,
                format!("groups and operators nest at most {MAX_DEPTH} deep here"),
            ));
        }
        Ok(())
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|l| &l.tok)
    }

    fn at(&self) -> usize {
        self.toks
            .get(self.pos)
            .map_or_else(|| self.query.chars().count(), |l| l.at)
    }

    fn starts_unary(&self) -> bool {
        matches!(
            self.peek(),
            Some(
                Tok::Word(_)
                    | Tok::Phrase(..)
                    | Tok::Field(_)
                    | Tok::DateValue(_)
                    | Tok::Open
                    | Tok::Not
                    | Tok::Plus
                    | Tok::Minus
            )
        )
    }

    fn or(&mut self) -> Result<Node, QueryError> {
        let mut items = vec![self.and()?];
        loop {
            match self.peek() {
                Some(Tok::Or) => {
                    let at = self.at();
                    self.pos += 1;
                    if !self.starts_unary() {
                        return Err(self.err(at, "OR needs a word or group after it"));
                    }
                    items.push(self.and()?);
                }
                _ if self.default == Operator::Or && self.starts_unary() => items.push(self.and()?),
                _ => break,
            }
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Node::Or(items)
        })
    }

    fn and(&mut self) -> Result<Node, QueryError> {
        let mut items = vec![self.unary()?];
        loop {
            match self.peek() {
                Some(Tok::And) => {
                    let at = self.at();
                    self.pos += 1;
                    if !self.starts_unary() {
                        return Err(self.err(at, "AND needs a word or group after it"));
                    }
                    items.push(self.unary()?);
                }
                _ if self.default == Operator::And && self.starts_unary() => {
                    items.push(self.unary()?)
                }
                _ => break,
            }
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Node::And(items)
        })
    }

    fn unary(&mut self) -> Result<Node, QueryError> {
        let at = self.at();
        match self.peek() {
            Some(Tok::Not | Tok::Minus) => {
                self.pos += 1;
                if !self.starts_unary() {
                    return Err(self.err(at, "NOT (or -) needs a word or group after it"));
                }
                self.descend(at)?;
                let inner = self.unary()?;
                self.depth -= 1;
                Ok(Node::Not(Box::new(inner)))
            }
            Some(Tok::Plus) => {
                self.pos += 1;
                self.descend(at)?;
                let inner = self.unary()?;
                self.depth -= 1;
                Ok(Node::Required(Box::new(inner)))
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Node, QueryError> {
        let at = self.at();
        let Some(lexed) = self.toks.get(self.pos) else {
            return Err(self.err(at, "the query ends where a word was expected"));
        };
        let tok = lexed.tok.clone();
        self.pos += 1;
        match tok {
            Tok::Word(text) if text == "*" => Ok(Node::All),
            Tok::Word(text) => Ok(Node::Word {
                field: None,
                text,
                at,
            }),
            Tok::Phrase(text, slop) => Ok(Node::Phrase {
                field: None,
                text,
                slop,
                at,
            }),
            Tok::DateValue(value) => parse_date_value(&value)
                .map(Node::Date)
                .map_err(|e| self.err(at, e.to_string())),
            Tok::Field(field) => {
                let value_at = self.at();
                match self.toks.get(self.pos).map(|l| l.tok.clone()) {
                    Some(Tok::Word(text)) => {
                        self.pos += 1;
                        Ok(Node::Word {
                            field: Some(field),
                            text,
                            at: value_at,
                        })
                    }
                    Some(Tok::Phrase(text, slop)) => {
                        self.pos += 1;
                        Ok(Node::Phrase {
                            field: Some(field),
                            text,
                            slop,
                            at: value_at,
                        })
                    }
                    _ => Err(self.err(
                        value_at,
                        "expected a word or \"phrase\" after the field name",
                    )),
                }
            }
            Tok::Open => {
                if self.peek() == Some(&Tok::Close) {
                    return Err(self.err(at, "empty parentheses"));
                }
                self.descend(at)?;
                let inner = self.or()?;
                self.depth -= 1;
                if self.peek() != Some(&Tok::Close) {
                    return Err(self.err(at, "this parenthesis is never closed: add )"));
                }
                self.pos += 1;
                Ok(inner)
            }
            Tok::Close => Err(self.err(at, "a closing parenthesis without an opening one")),
            Tok::And | Tok::Or => Err(self.err(at, "an operator with nothing before it")),
            Tok::Not | Tok::Plus | Tok::Minus => Err(self.err(at, "unexpected operator")),
        }
    }
}

/// Parses `query`; words without an operator combine with `default`.
pub fn parse(query: &str, default: Operator) -> Result<Node, QueryError> {
    let toks = lex(query)?;
    count_words(query, &toks)?;
    let mut parser = Parser {
        query,
        toks,
        pos: 0,
        default,
        depth: 0,
    };
    if parser.toks.is_empty() {
        return Err(parser.err(0, "the query is empty"));
    }
    let node = parser.or()?;
    if parser.pos < parser.toks.len() {
        let at = parser.at();
        let what = match parser.peek() {
            Some(Tok::Close) => "a closing parenthesis without an opening one",
            Some(Tok::And | Tok::Or) => "an operator with nothing after it",
            _ => "unexpected text",
        };
        return Err(parser.err(at, what));
    }
    Ok(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(q: &str) -> Node {
        parse(q, Operator::And).unwrap()
    }

    fn word(text: &str, at: usize) -> Node {
        Node::Word {
            field: None,
            text: text.into(),
            at,
        }
    }

    fn err(q: &str) -> QueryError {
        parse(q, Operator::And).unwrap_err()
    }

    #[test]
    fn juxtaposition_follows_the_default_operator() {
        assert_eq!(
            p("بغداد واشنطن"),
            Node::And(vec![word("بغداد", 0), word("واشنطن", 6)])
        );
        assert_eq!(
            parse("بغداد واشنطن", Operator::Or).unwrap(),
            Node::Or(vec![word("بغداد", 0), word("واشنطن", 6)])
        );
    }

    #[test]
    fn and_binds_tighter_than_or() {
        assert_eq!(
            p("a b OR c"),
            Node::Or(vec![
                Node::And(vec![word("a", 0), word("b", 2)]),
                word("c", 7)
            ])
        );
    }

    #[test]
    fn phrases_fields_negation_and_groups() {
        assert_eq!(
            p("title:\"خارطة طريق\"~2 -داعش"),
            Node::And(vec![
                Node::Phrase {
                    field: Some(FieldName::Title),
                    text: "خارطة طريق".into(),
                    slop: 2,
                    at: 6
                },
                Node::Not(Box::new(word("داعش", 22))),
            ])
        );
        assert!(matches!(p("(a OR b) c"), Node::And(_)));
    }

    #[test]
    fn a_star_matches_everything() {
        assert_eq!(p("*"), Node::All);
        assert_eq!(
            p("* -داعش"),
            Node::And(vec![Node::All, Node::Not(Box::new(word("داعش", 3)))])
        );
    }

    #[test]
    fn natural_punctuation_is_not_syntax() {
        // Questions from a test set: a leading dash, a colon, a question mark.
        assert_eq!(
            p("- من هو؟"),
            Node::And(vec![word("من", 2), word("هو؟", 5)])
        );
        assert_eq!(
            p("سؤال: ما"),
            Node::And(vec![word("سؤال:", 0), word("ما", 6)])
        );
        assert_eq!(p("F-16"), word("F-16", 0));
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = err("القوات \"خارطة طريق");
        assert_eq!(e.position, 7);
        assert!(e.message.contains("never closed"));
        assert_eq!(err("(بغداد").position, 0);
        assert_eq!(err("بغداد)").position, 5);
        assert_eq!(err("بغداد AND").position, 6);
        assert_eq!(err("OR بغداد").position, 0);
        assert_eq!(err("date:2024-13").position, 5);
        assert!(err("").message.contains("empty"));
        assert!(err("()").message.contains("empty"));
    }

    #[test]
    fn limits_on_cost_are_their_own_kind_of_error() {
        let many = vec!["كلمة"; MAX_WORDS + 1].join(" ");
        let e = err(&many);
        assert_eq!((e.kind, e.position), (QueryErrorKind::Limit, MAX_WORDS * 5));
        assert!(parse(&vec!["كلمة"; MAX_WORDS].join(" "), Operator::And).is_ok());
        let phrase = format!("\"{}\"", vec!["كلمة"; MAX_WORDS + 1].join(" "));
        assert_eq!(err(&phrase).kind, QueryErrorKind::Limit);
        assert_eq!(err("\"a b\"~51").kind, QueryErrorKind::Limit);
        assert_eq!(
            err("\"a b\"~99999999999999999999").kind,
            QueryErrorKind::Limit
        );
        assert!(parse("\"a b\"~50", Operator::And).is_ok());
        let nested = format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(parse(&nested, Operator::And).is_ok());
        let deeper = format!("({nested})");
        assert_eq!(err(&deeper).kind, QueryErrorKind::Limit);
        assert_eq!(err("(a").kind, QueryErrorKind::Syntax);
    }

    #[test]
    fn error_display_has_a_caret_under_the_position() {
        let shown = err("a (b").to_string();
        assert!(shown.ends_with("\n  a (b\n    ^"), "{shown}");
    }
}
