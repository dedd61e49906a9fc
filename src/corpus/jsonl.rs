//! JSON Lines dumps read as a stream: a dump may be gigabytes, so it is
//! never held whole. Lines come out in batches, each line at most
//! `max_line` bytes (`archive.max_file_bytes` limits one article, not a
//! dump); a longer line is passed over without being kept in memory.
//! Lines must be UTF-8, as JSON is (a BOM on the first line is dropped).

use std::io::{self, BufRead};

use super::article::Article;
use super::error::ParseError;
use super::json::parse_line;

/// One line of a dump, numbered from 1.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    Text {
        n: usize,
        text: String,
    },
    /// Over the limit: how many bytes it had.
    TooLong {
        n: usize,
        bytes: u64,
    },
    NotUtf8 {
        n: usize,
    },
}

impl Line {
    /// The article on this line, or what is wrong with the line; `None`
    /// for a blank line. `base_id#N` is the id of an article without one.
    pub fn article(
        &self,
        base_id: &str,
        max_line: u64,
    ) -> Option<Result<(Article, Option<String>), ParseError>> {
        let (n, result) = match self {
            Line::Text { n, text } => {
                let text = text.trim();
                if text.is_empty() {
                    return None;
                }
                (n, parse_line(text, base_id, *n))
            }
            Line::TooLong { n, bytes } => (
                n,
                Err(ParseError::TooLarge {
                    bytes: *bytes,
                    max: max_line,
                }),
            ),
            Line::NotUtf8 { n } => (n, Err(ParseError::NotUtf8)),
        };
        Some(
            result
                .map(|(mut a, warning)| {
                    a.bound_title();
                    (a, warning)
                })
                .map_err(|e| ParseError::Line {
                    n: *n,
                    error: Box::new(e),
                }),
        )
    }
}

/// Reads a dump's lines, a batch at a time.
pub struct Lines<R> {
    reader: R,
    max_line: u64,
    n: usize,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R, max_line: u64) -> Lines<R> {
        Lines {
            reader,
            max_line,
            n: 0,
            done: false,
        }
    }

    /// Up to `max` lines; empty at the end of the dump.
    pub fn batch(&mut self, max: usize) -> io::Result<Vec<Line>> {
        let mut out = Vec::with_capacity(max);
        while out.len() < max {
            match self.next_line()? {
                Some(line) => out.push(line),
                None => break,
            }
        }
        Ok(out)
    }

    fn next_line(&mut self) -> io::Result<Option<Line>> {
        if self.done {
            return Ok(None);
        }
        let mut buf = Vec::new();
        let mut bytes: u64 = 0;
        let mut newline = false;
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                self.done = true;
                if bytes == 0 {
                    return Ok(None);
                }
                break;
            }
            let (take, found) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (available.len(), false),
            };
            bytes += take as u64;
            if bytes <= self.max_line.saturating_add(1) {
                buf.extend_from_slice(&available[..take]);
            }
            self.reader.consume(take);
            if found {
                newline = true;
                break;
            }
        }
        self.n += 1;
        let n = self.n;
        // The newline does not count against the limit.
        let content = bytes - u64::from(newline);
        if content > self.max_line {
            return Ok(Some(Line::TooLong { n, bytes: content }));
        }
        let text = if n == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
            &buf[3..]
        } else {
            &buf[..]
        };
        Ok(Some(match std::str::from_utf8(text) {
            Ok(t) => Line::Text {
                n,
                text: t.trim_end_matches(['\n', '\r']).to_string(),
            },
            Err(_) => Line::NotUtf8 { n },
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: u64) -> Vec<Line> {
        let mut l = Lines::new(io::BufReader::with_capacity(8, input), max);
        let mut all = Vec::new();
        loop {
            let batch = l.batch(2).unwrap();
            if batch.is_empty() {
                return all;
            }
            all.extend(batch);
        }
    }

    fn text(n: usize, t: &str) -> Line {
        Line::Text {
            n,
            text: t.to_string(),
        }
    }

    #[test]
    fn lines_are_numbered_and_a_long_one_is_passed_over() {
        let input = "\u{feff}{\"a\":1}\r\n\n{\"bbbbbbbbbbbbbbbbbbbb\":2}\n\u{0628}\n".as_bytes();
        assert_eq!(
            lines(input, 12),
            [
                text(1, "{\"a\":1}"),
                text(2, ""),
                Line::TooLong { n: 3, bytes: 26 },
                text(4, "\u{0628}"),
            ]
        );
    }

    #[test]
    fn a_last_line_without_newline_and_bad_bytes() {
        assert_eq!(
            lines(b"x\n\xff\xfe\ny", 100),
            [text(1, "x"), Line::NotUtf8 { n: 2 }, text(3, "y")]
        );
        assert!(lines(b"", 100).is_empty());
    }

    #[test]
    fn a_line_at_the_limit_is_kept() {
        assert_eq!(lines(b"12345\n", 5), [text(1, "12345")]);
        assert_eq!(lines(b"123456\n", 5), [Line::TooLong { n: 1, bytes: 6 }]);
    }

    #[test]
    fn each_line_becomes_an_article_or_a_problem() {
        let ok = text(3, "{\"title\":\"عنوان\"}").article("d.jsonl", 100);
        assert_eq!(ok.unwrap().unwrap().0.id, "d.jsonl#3");
        assert_eq!(text(4, "  ").article("d.jsonl", 100), None);
        let bad = text(5, "{oops").article("d.jsonl", 100).unwrap();
        assert!(bad
            .unwrap_err()
            .to_string()
            .starts_with("line 5: malformed"));
        let long = Line::TooLong { n: 6, bytes: 200 }.article("d", 100);
        assert!(long.unwrap().unwrap_err().to_string().contains("too large"));
    }
}
