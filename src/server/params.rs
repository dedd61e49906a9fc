//! Request parameters, from a query string or a JSON body alike: both
//! become one list of name/value pairs, so `GET ?source=a&source=b` and
//! `POST {"source": ["a", "b"]}` mean the same and are refused with the same
//! messages. Names are the command line's long flags with `_` for `-`.

use std::str::FromStr;

use serde_json::Value;

use super::error::ApiError;

/// The longest value of one parameter, in bytes (a query of a few hundred
/// words fits; the query language's own limits bound its cost).
pub const MAX_VALUE: usize = 8 * 1024;
/// The most parameters one request may carry.
pub const MAX_PAIRS: usize = 64;

#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    pub fn from_query(raw: &str) -> Result<Params, ApiError> {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.as_bytes())
            .take(MAX_PAIRS + 1)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Params::checked(pairs)
    }

    pub fn from_json(body: &[u8]) -> Result<Params, ApiError> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Params::default());
        }
        let value: Value = serde_json::from_slice(body)
            .map_err(|e| ApiError::bad_request(format!("the body is not JSON: {e}")))?;
        let Value::Object(map) = value else {
            return Err(ApiError::bad_request(
                "the body must be a JSON object of parameters, such as {\"q\": \"بغداد\"}",
            ));
        };
        let mut pairs = Vec::new();
        for (name, value) in map {
            let values = match value {
                Value::Array(items) => items,
                one => vec![one],
            };
            for v in values {
                let text = match v {
                    Value::Null => continue,
                    Value::String(s) => s,
                    Value::Bool(b) => b.to_string(),
                    Value::Number(n) => n.to_string(),
                    _ => {
                        return Err(ApiError::bad_request(format!(
                            "{name}: give a string, number, boolean or a list of them"
                        )))
                    }
                };
                pairs.push((name.clone(), text));
            }
        }
        Params::checked(pairs)
    }

    fn checked(pairs: Vec<(String, String)>) -> Result<Params, ApiError> {
        if pairs.len() > MAX_PAIRS {
            return Err(ApiError::bad_request(format!(
                "too many parameters: at most {MAX_PAIRS}"
            )));
        }
        if let Some((name, _)) = pairs.iter().find(|(_, v)| v.len() > MAX_VALUE) {
            return Err(ApiError::bad_request(format!(
                "{name}: longer than {MAX_VALUE} bytes"
            )));
        }
        Ok(Params { pairs })
    }

    pub fn from_pairs(pairs: Vec<(String, String)>) -> Params {
        Params { pairs }
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// Adds the pairs of `other` (a query string beside a body).
    pub fn extend(&mut self, other: Params) -> Result<(), ApiError> {
        self.pairs.extend(other.pairs);
        let all = std::mem::take(&mut self.pairs);
        *self = Params::checked(all)?;
        Ok(())
    }

    /// Refuses a parameter the endpoint does not take: a typo (`limt`)
    /// must not be silently ignored.
    pub fn only(&self, known: &[&str]) -> Result<(), ApiError> {
        match self
            .pairs
            .iter()
            .find(|(k, _)| !known.contains(&k.as_str()))
        {
            Some((k, _)) => Err(ApiError::bad_request(format!(
                "unknown parameter {k:?}; this endpoint takes: {}",
                known.join(", ")
            ))),
            None => Ok(()),
        }
    }

    /// Every value of a repeatable parameter.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The value of a parameter given at most once.
    pub fn one(&self, name: &str) -> Result<Option<&str>, ApiError> {
        let mut values = self.pairs.iter().filter(|(k, _)| k == name);
        let first = values.next().map(|(_, v)| v.as_str());
        if values.next().is_some() {
            return Err(ApiError::bad_request(format!("{name}: give it once")));
        }
        Ok(first)
    }

    pub fn number<T: FromStr>(&self, name: &str) -> Result<Option<T>, ApiError> {
        self.one(name)?
            .map(|v| {
                v.trim().parse().map_err(|_| {
                    ApiError::bad_request(format!("{name}: {v:?} is not a whole number"))
                })
            })
            .transpose()
    }

    /// A switch: `true`/`false`, `1`/`0`, or given without a value (`?any`).
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.one(name)?.map(str::trim) {
            None | Some("false") | Some("0") => Ok(false),
            Some("" | "true" | "1") => Ok(true),
            Some(v) => Err(ApiError::bad_request(format!(
                "{name}: {v:?} is neither true nor false"
            ))),
        }
    }

    /// A value one of a clap `ValueEnum`'s names, as the command line
    /// spells them.
    pub fn choice<T: clap::ValueEnum>(&self, name: &str) -> Result<Option<T>, ApiError> {
        self.one(name)?
            .map(|v| {
                T::from_str(v.trim(), true).map_err(|_| {
                    let names: Vec<String> = T::value_variants()
                        .iter()
                        .filter_map(|x| x.to_possible_value().map(|p| p.get_name().to_string()))
                        .collect();
                    ApiError::bad_request(format!(
                        "{name}: {v:?} is not one of {}",
                        names.join(", ")
                    ))
                })
            })
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Sort;

    #[test]
    fn a_query_string_and_a_json_body_mean_the_same() {
        let get =
            Params::from_query("q=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF&source=a&source=b&limit=5&any")
                .unwrap();
        let post = Params::from_json(
            r#"{"q":"بغداد","source":["a","b"],"limit":5,"any":true}"#.as_bytes(),
        )
        .unwrap();
        for p in [&get, &post] {
            assert_eq!(p.one("q").unwrap(), Some("بغداد"));
            assert_eq!(p.all("source"), ["a", "b"]);
            assert_eq!(p.number::<usize>("limit").unwrap(), Some(5));
            assert!(p.flag("any").unwrap());
            assert!(!p.flag("exact").unwrap());
        }
    }

    #[test]
    fn mistakes_name_the_parameter() {
        let p = Params::from_query("limt=5&limit=x&sort=size&q=a&q=b").unwrap();
        assert!(p
            .only(&["limit", "q", "sort"])
            .unwrap_err()
            .message
            .contains("\"limt\""));
        assert!(p
            .number::<usize>("limit")
            .unwrap_err()
            .message
            .starts_with("limit:"));
        assert!(p
            .choice::<Sort>("sort")
            .unwrap_err()
            .message
            .contains("date:asc"));
        assert!(p.one("q").is_err());
        assert_eq!(p.choice::<Sort>("nothing").unwrap(), None);
        assert!(Params::from_json(b"[1]").is_err());
        assert!(Params::from_json(b"{\"q\": {\"a\": 1}}").is_err());
        let long = format!("q={}", "a".repeat(MAX_VALUE + 1));
        assert!(Params::from_query(&long).is_err());
    }
}
