//! Turns a name a user typed (`--entity`, `entity:`) into an entity: its id,
//! `type/id`, its Arabic name or any Arabic alias, its English name or any
//! English alias. An unknown name gets the closest known names back.

use super::gazetteer::{name_tokens, Entity, Gazetteer};

fn english(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Why a name names no one entity; its message says what was perhaps meant.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("unknown entity {name:?}; {}", hint(.suggestions))]
    Unknown {
        name: String,
        /// The closest known entities, as `id (ar, en)`.
        suggestions: Vec<String>,
    },
    #[error("{name:?} names several entities: {}; use an id", .candidates.join(", "))]
    Ambiguous {
        name: String,
        /// Each as `id (en)`.
        candidates: Vec<String>,
    },
}

fn hint(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "`fahras entities TEXT` shows what the gazetteer recognises".into()
    } else {
        format!("did you mean {}?", suggestions.join(", or "))
    }
}

/// The entity named `name`, or why it names none.
pub fn resolve<'g>(gazetteer: &'g Gazetteer, name: &str) -> Result<&'g Entity, ResolveError> {
    let name = name.trim();
    let (kind, name) = match name.split_once('/') {
        Some((k, rest)) if gazetteer.types.contains(k) => (Some(k), rest.trim()),
        _ => (None, name),
    };
    let of_kind = |e: &&Entity| kind.is_none_or(|k| e.kind == k);
    if let Some(e) = gazetteer.get(name).filter(of_kind) {
        return Ok(e);
    }
    let wanted_en = english(name);
    let wanted_ar = name_tokens(name);
    let matches: Vec<&Entity> = gazetteer
        .entities
        .iter()
        .filter(of_kind)
        .filter(|e| {
            std::iter::once(&e.en)
                .chain(&e.en_aliases)
                .any(|n| english(n) == wanted_en)
                || (!wanted_ar.is_empty()
                    && e.arabic_forms().any(|(f, _)| name_tokens(f) == wanted_ar))
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(unknown(gazetteer, name, kind)),
        many => Err(ResolveError::Ambiguous {
            name: name.to_string(),
            candidates: many
                .iter()
                .map(|e| format!("{} ({})", e.id, e.en))
                .collect(),
        }),
    }
}

fn unknown(gazetteer: &Gazetteer, name: &str, kind: Option<&str>) -> ResolveError {
    let wanted = english(&name_tokens(name).join(" "));
    let mut scored: Vec<(usize, &Entity)> = gazetteer
        .entities
        .iter()
        .filter(|e| kind.is_none_or(|k| e.kind == k))
        .map(|e| {
            let candidates = [e.id.clone(), english(&e.en), name_tokens(&e.ar).join(" ")]
                .into_iter()
                .chain(e.aliases.iter().map(|a| name_tokens(a).join(" ")))
                .chain(e.en_aliases.iter().map(|a| english(a)));
            let best = candidates
                .map(|c| strsim::levenshtein(&wanted, &c))
                .min()
                .unwrap_or(usize::MAX);
            (best, e)
        })
        .collect();
    scored.sort_by_key(|(d, e)| (*d, e.id.clone()));
    let limit = (wanted.chars().count() / 2).max(2);
    let close: Vec<String> = scored
        .iter()
        .take_while(|(d, _)| *d <= limit)
        .take(3)
        .map(|(_, e)| format!("{} ({}, {})", e.id, e.ar, e.en))
        .collect();
    ResolveError::Unknown {
        name: name.to_string(),
        suggestions: close,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> Gazetteer {
        Gazetteer::load(&[]).unwrap()
    }

    #[test]
    fn ids_names_and_aliases_in_both_languages() {
        let g = g();
        for name in [
            "lloyd-austin",
            "person/lloyd-austin",
            "Lloyd Austin",
            "lloyd  austin",
            "لويد أوستن",
            "اوستن",
        ] {
            assert_eq!(resolve(&g, name).unwrap().id, "lloyd-austin", "{name}");
        }
        assert_eq!(resolve(&g, "البنتاجون").unwrap().id, "pentagon");
    }

    #[test]
    fn unknown_names_get_suggestions() {
        let e = resolve(&g(), "Loyd Austen").unwrap_err();
        assert!(matches!(&e, ResolveError::Unknown { suggestions, .. } if !suggestions.is_empty()));
        let e = e.to_string();
        assert!(e.contains("lloyd-austin"), "{e}");
        let e = resolve(&g(), "place/lloyd-austin").unwrap_err().to_string();
        assert!(e.starts_with("unknown entity"), "{e}");
    }
}
