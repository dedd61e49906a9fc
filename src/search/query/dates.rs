//! Date values: `date:` in a query and `--since`/`--until`.

use jiff::civil::Date;

/// A date bound, inclusive, at day precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
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

/// What is wrong with a date value.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("{0:?} is not a date: expected a date such as 2024, 2024-03, 2024-03-15, >=2023-10-07 or [2024-01 TO 2024-06]")]
    NotADate(String),
    #[error("a date range needs TO, as in [2024-01 TO 2024-06]")]
    NoTo,
    #[error("the range [{0} TO {1}] ends before it starts: put the earlier date first")]
    Reversed(String, String),
}

/// Parses the value after `date:`, or a `--since`/`--until` argument.
pub fn parse_date_value(value: &str) -> Result<DateRange, DateError> {
    let bad = |what: &str| DateError::NotADate(what.to_string());
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        let (a, b) = inner.split_once(" TO ").ok_or(DateError::NoTo)?;
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
                return Err(DateError::Reversed(a.to_string(), b.to_string()));
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
    use crate::search::query::Operator;
    use crate::search::query::{parse, DateRange, Node};
    use jiff::civil::Date;

    fn p(q: &str) -> Node {
        parse(q, Operator::And).unwrap()
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
}
