//! Filters as people type them — `2024-03` for a date, `Lloyd Austin` for
//! an entity — turned into a request's exact values. The command line's
//! flags and the HTTP API's parameters both come through here, so both
//! accept the same values and refuse the others with the same message.

use jiff::civil::Date;

use super::query::{parse_date_value, DateError};
use crate::entities::resolve::{resolve, ResolveError};
use crate::entities::Gazetteer;

/// A filter value that names no date or no entity. `param` is the flag or
/// parameter as the caller spells it (`--since`, `since`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("{param}: {source}")]
    Date {
        param: String,
        #[source]
        source: DateError,
    },
    #[error("{param} takes a date such as 2024-03-15, not a range")]
    Range { param: String },
    #[error("{param}: {source}")]
    Entity {
        param: String,
        #[source]
        source: ResolveError,
    },
}

/// A `since`/`until` value: the first (or, with `end`, the last) day of the
/// period it names (`2024` → 2024-01-01 or 2024-12-31).
pub fn day(value: &str, param: &str, end: bool) -> Result<Date, FilterError> {
    let range = parse_date_value(value.trim()).map_err(|source| FilterError::Date {
        param: param.to_string(),
        source,
    })?;
    let day = if end { range.to } else { range.from };
    day.ok_or_else(|| FilterError::Range {
        param: param.to_string(),
    })
}

/// Entity names, ids or facet paths as the facet paths a request filters on.
pub fn entity_facets(
    gazetteer: &Gazetteer,
    names: &[String],
    param: &str,
) -> Result<Vec<String>, FilterError> {
    names
        .iter()
        .map(|name| {
            resolve(gazetteer, name)
                .map(|e| e.facet())
                .map_err(|source| FilterError::Entity {
                    param: param.to_string(),
                    source,
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_gives_its_first_or_last_day() {
        assert_eq!(
            day("2024", "since", false),
            Ok(jiff::civil::date(2024, 1, 1))
        );
        assert_eq!(
            day("2024-02", "until", true),
            Ok(jiff::civil::date(2024, 2, 29))
        );
        assert!(matches!(
            day("spring", "since", false),
            Err(FilterError::Date { .. })
        ));
        // An open range has no first day to start from.
        let e = day("[* TO 2024]", "--since", false).unwrap_err();
        assert!(matches!(e, FilterError::Range { .. }), "{e}");
        assert!(e.to_string().starts_with("--since"), "{e}");
    }

    #[test]
    fn entities_resolve_by_name_and_unknown_ones_are_named() {
        let g = Gazetteer::load(&[]).unwrap();
        let facets = entity_facets(&g, &["Lloyd Austin".into()], "entity").unwrap();
        assert_eq!(facets, vec!["/person/lloyd-austin".to_string()]);
        let e = entity_facets(&g, &["Nobody Atall".into()], "entity").unwrap_err();
        assert!(e.to_string().starts_with("entity: unknown entity"), "{e}");
    }
}
