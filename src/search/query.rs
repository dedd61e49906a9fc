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

use std::fmt;

use jiff::civil::Date;

use crate::config::Operator;

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
    fn limit(query: &str, position: usize, message: String) -> QueryError {
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

/// Fields a query may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldName {
    Title,
    Body,
    Source,
    Entity,
}

/// A date bound, inclusive, at day precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
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

#[derive(Clone, Debug, PartialEq)]
enum Tok {
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

struct Lexed {
    tok: Tok,
    at: usize,
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

fn lex(query: &str) -> Result<Vec<Lexed>, QueryError> {
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
                .map_err(|m| self.err(at, m)),
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

/// Refuses a query of more than [`MAX_WORDS`] words, pointing at the first
/// word past the limit.
fn count_words(query: &str, toks: &[Lexed]) -> Result<(), QueryError> {
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

/// `query` with all syntax taken out: quotes, parentheses, brackets, field
/// prefixes, leading signs and operator words become plain separators or
/// words. Used for batch queries written as natural language.
pub fn literal(query: &str) -> String {
    let spaced: String = query
        .chars()
        .map(|c| {
            if matches!(c, '"' | '“' | '”' | '(' | ')' | '[' | ']' | ':' | '~') {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced
        .split_whitespace()
        .map(|w| w.trim_start_matches(['+', '-']))
        .filter(|w| !w.is_empty())
        .map(|w| match w {
            "AND" | "OR" | "NOT" | "&&" | "||" => w.to_lowercase(),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A period named by a partial date: `2024` is the whole year.
fn period(text: &str) -> Option<(Date, Date)> {
    let parts: Vec<&str> = text.split(['-', '/']).collect();
    // Four digits: `0001` to `9999`, every year a bound may name.
    let year = parts.first().filter(|y| y.len() == 4)?;
    let year: i16 = year.parse().ok().filter(|y| (1..=9999).contains(y))?;
    match parts.as_slice() {
        [_] => Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)),
        [_, m] => {
            let first = Date::new(year, m.parse().ok()?, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        [_, m, d] => {
            let day = Date::new(year, m.parse().ok()?, d.parse().ok()?).ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

const DATE_HELP: &str =
    "expected a date such as 2024, 2024-03, 2024-03-15, >=2023-10-07 or [2024-01 TO 2024-06]";

/// Parses the value after `date:`, or a `--since`/`--until` argument.
pub fn parse_date_value(value: &str) -> Result<DateRange, String> {
    let bad = |what: &str| format!("{what:?} is not a date: {DATE_HELP}");
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        let (a, b) = inner
            .split_once(" TO ")
            .ok_or_else(|| format!("a date range needs TO: {DATE_HELP}"))?;
        let (a, b) = (a.trim(), b.trim());
        let from = if a == "*" {
            None
        } else {
            Some(period(a).ok_or_else(|| bad(a))?.0)
        };
        let to = if b == "*" {
            None
        } else {
            Some(period(b).ok_or_else(|| bad(b))?.1)
        };
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(format!(
                    "the range [{a} TO {b}] ends before it starts: put the earlier date first"
                ));
            }
        }
        return Ok(DateRange { from, to });
    }
    for (op, make) in [
        (
            ">=",
            (|(a, _): (Date, Date)| (Some(a), None))
                as fn((Date, Date)) -> (Option<Date>, Option<Date>),
        ),
        ("<=", |(_, b)| (None, Some(b))),
        // Past the last (first) day jiff knows: a bound nothing meets.
        (">", |(_, b)| {
            (Some(b.tomorrow().unwrap_or(Date::MAX)), None)
        }),
        ("<", |(a, _)| {
            (None, Some(a.yesterday().unwrap_or(Date::MIN)))
        }),
    ] {
        if let Some(rest) = value.strip_prefix(op) {
            let (from, to) = make(period(rest).ok_or_else(|| bad(rest))?);
            return Ok(DateRange { from, to });
        }
    }
    let (from, to) = period(value).ok_or_else(|| bad(value))?;
    Ok(DateRange {
        from: Some(from),
        to: Some(to),
    })
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
    fn dates_in_every_form() {
        let d = |s: &str| Date::strptime("%Y-%m-%d", s).ok();
        assert_eq!(
            p("date:2024"),
            Node::Date(DateRange {
                from: d("2024-01-01"),
                to: d("2024-12-31")
            })
        );
        assert_eq!(
            p("date:2024-02"),
            Node::Date(DateRange {
                from: d("2024-02-01"),
                to: d("2024-02-29")
            })
        );
        assert_eq!(
            p("date:>=2023-10-07"),
            Node::Date(DateRange {
                from: d("2023-10-07"),
                to: None
            })
        );
        assert_eq!(
            p("date:<2024"),
            Node::Date(DateRange {
                from: None,
                to: d("2023-12-31")
            })
        );
        assert_eq!(
            p("date:[2024-01 TO 2024-06]"),
            Node::Date(DateRange {
                from: d("2024-01-01"),
                to: d("2024-06-30")
            })
        );
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
    fn literal_queries_always_parse() {
        for q in [
            "ماذا تعنى الكلمة)JOCUND)",
            "المختصر ::Clit\"؟",
            "date:2024-13 OR",
            "(\"a",
        ] {
            let l = literal(q);
            assert!(parse(&l, Operator::Or).is_ok(), "{q} → {l}");
        }
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
