//! Gazetteers: the TOML files that name the people, organisations, places
//! and events fahras recognises.
//!
//! ```toml
//! types = ["weapon"]      # optional: types beyond person, org, place, event
//! entity = [
//!   { id = "lloyd-austin", type = "person", ar = "لويد أوستن", en = "Lloyd Austin",
//!     aliases = ["أوستن", "اوستن"], en_aliases = ["Austin"] },
//! ]
//! ```
//!
//! (`[[entity]]` tables work the same.) `aliases` are other Arabic forms;
//! `adjectives` are adjective forms that count as mentions of the entity
//! (`الأمريكية` for the United States): listing them or not is the per-form
//! choice. `not` lists longer names that hold one of the entity's and name
//! something else (`not = ["بي بي سي"]` for BP: the BBC); the longest name
//! at a place wins, and one of these names no entity unless an entity has
//! it as a name. A later file naming an id again extends that entity: its
//! aliases and `not` names are added, and `ar`, `en` and `type` replace the
//! earlier ones; `disabled = true` drops it.
//!
//! Events with generic names carry context: `from = "2023-10-07"` (an
//! article dated before never mentions the event) and `requires =
//! ["iraq"]` (the article must name one of these entities too:
//! `الانتخابات المبكرة` is Iraq's only where Iraq is named).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::analysis::{analyze, analyzer, Stages};

/// The gazetteer shipped with fahras.
pub const DEFAULT: &str = include_str!("default.toml");
pub const DEFAULT_NAME: &str = "(built-in gazetteer)";

/// Types every gazetteer may use without declaring them.
pub const BUILT_IN_TYPES: [&str; 4] = ["person", "org", "place", "event"];

/// Common first names: alone, they name nobody in particular, so a person
/// alias may not be one of them by itself.
const FIRST_NAMES: &str =
    "محمد أحمد علي حسن حسين عمر عثمان خالد عادل مصطفى إبراهيم عبدالله عبد الله
    جاسم كاظم جعفر حيدر عباس صالح سعد سعيد فؤاد نوري هادي قاسم ياسر يوسف محمود مسعود جلال برهم
    جون جو مايك مارك جيمس ديفيد دونالد جورج روبرت مايكل كريستوفر ريتشارد توماس وليام بول";

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    ar: Option<String>,
    en: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    en_aliases: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    not: Vec<String>,
    from: Option<String>,
    #[serde(default)]
    requires: Vec<String>,
    #[serde(default)]
    weak: Vec<String>,
    #[serde(default)]
    disabled: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    types: Vec<String>,
    #[serde(default)]
    entity: Vec<Spanned<RawEntity>>,
}

/// One entity after loading and merging.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub ar: String,
    pub en: String,
    pub aliases: Vec<String>,
    pub en_aliases: Vec<String>,
    pub adjectives: Vec<String>,
    /// Longer names holding one of this entity's that are not mentions of
    /// it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not: Vec<String>,
    /// The first day the entity can be mentioned (an event's start).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<jiff::civil::Date>,
    /// Ids of entities one of which an article must name too: for every
    /// name, or only for the `weak` ones when there are any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
    /// Names that are also common words or other bodies' names
    /// (`حماس` is "enthusiasm", `مجلس النواب` every country's parliament):
    /// they count only beside `requires`, and not when another place
    /// qualifies them (`مجلس النواب الأمريكي`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weak: Vec<String>,
}

impl Entity {
    /// The facet path under which articles record this entity.
    pub fn facet(&self) -> String {
        format!("/{}/{}", self.kind, self.id)
    }

    /// Every Arabic form that counts as a mention, with whether it is an
    /// adjective.
    pub fn arabic_forms(&self) -> impl Iterator<Item = (&str, bool)> {
        std::iter::once(self.ar.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .map(|a| (a, false))
            .chain(self.adjectives.iter().map(|a| (a.as_str(), true)))
    }
}

/// A problem in a gazetteer file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GazetteerError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// The merged entities, in id order.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    /// Index of each id in `entities`.
    by_id: rustc_hash::FxHashMap<String, usize>,
    pub types: BTreeSet<String>,
    /// Hex BLAKE3 of the merged entities: an index records it, and a
    /// different one means its facets are stale.
    pub hash: String,
}

/// The normalized tokens of an Arabic name (no stemming, no stopwords).
pub fn name_tokens(name: &str) -> Vec<String> {
    analyze(
        &mut analyzer(Stages {
            stem: false,
            stopwords: false,
        }),
        name,
    )
    .into_iter()
    .map(|t| t.term)
    .collect()
}

/// Whether `name` holds one of the entity's forms as a run of whole words.
fn holds_a_form(entity: &Entity, name: &str) -> bool {
    let words = name_tokens(name);
    entity.arabic_forms().any(|(form, _)| {
        let form = name_tokens(form);
        !form.is_empty() && words.windows(form.len()).any(|w| w == form.as_slice())
    })
}

/// Whether `name` is one of the entity's forms, spelling aside.
fn is_a_form(entity: &Entity, name: &str) -> bool {
    let words = name_tokens(name);
    !words.is_empty()
        && entity
            .arabic_forms()
            .any(|(form, _)| name_tokens(form) == words)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn line_of(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl Gazetteer {
    /// The built-in gazetteer followed by `files`.
    pub fn load(files: &[PathBuf]) -> Result<Gazetteer, GazetteerError> {
        let mut sources = vec![(DEFAULT_NAME.to_string(), DEFAULT.to_string())];
        for path in files {
            let text = std::fs::read_to_string(path).map_err(|e| GazetteerError {
                file: path.display().to_string(),
                line: 0,
                message: format!("cannot read: {e}"),
            })?;
            sources.push((path.display().to_string(), text));
        }
        Gazetteer::from_sources(&sources)
    }

    /// Merges gazetteers given as (name, TOML text), in order.
    pub fn from_sources(sources: &[(String, String)]) -> Result<Gazetteer, GazetteerError> {
        let first_names: BTreeSet<Vec<String>> =
            FIRST_NAMES.split_whitespace().map(name_tokens).collect();
        let mut merged: BTreeMap<String, Entity> = BTreeMap::new();
        // The last line each id was given on, for messages after merging.
        let mut lines: BTreeMap<String, (String, usize)> = BTreeMap::new();
        let mut types: BTreeSet<String> = BUILT_IN_TYPES.iter().map(|t| t.to_string()).collect();
        for (name, text) in sources {
            let err = |line: usize, message: String| GazetteerError {
                file: name.clone(),
                line,
                message,
            };
            let raw: RawFile = toml::from_str(text).map_err(|e| {
                let line = e.span().map_or(0, |s| line_of(text, s.start));
                err(line, e.message().to_string())
            })?;
            for t in &raw.types {
                if !is_slug(t) {
                    return Err(err(
                        0,
                        format!("type {t:?} must be lowercase ASCII letters, digits or '-'"),
                    ));
                }
                types.insert(t.clone());
            }
            let mut seen_here: BTreeMap<String, usize> = BTreeMap::new();
            for spanned in raw.entity {
                let line = line_of(text, spanned.span().start);
                let e = spanned.into_inner();
                if !is_slug(&e.id) {
                    return Err(err(
                        line,
                        format!(
                            "id {:?} must be lowercase ASCII letters, digits or '-'",
                            e.id
                        ),
                    ));
                }
                if let Some(first) = seen_here.insert(e.id.clone(), line) {
                    return Err(err(
                        line,
                        format!("duplicate id {:?} (first at line {first})", e.id),
                    ));
                }
                if e.disabled {
                    merged.remove(&e.id);
                    continue;
                }
                if let Some(kind) = &e.kind {
                    if !types.contains(kind) {
                        let known: Vec<&str> = types.iter().map(String::as_str).collect();
                        return Err(err(
                            line,
                            format!("unknown type {kind:?} for {:?}; the types are {} (declare others with `types = [...]`)", e.id, known.join(", ")),
                        ));
                    }
                }
                for (what, list) in [
                    ("alias", &e.aliases),
                    ("adjective", &e.adjectives),
                    ("English alias", &e.en_aliases),
                ] {
                    if let Some(empty) = list.iter().find(|a| {
                        a.trim().is_empty()
                            || (what != "English alias" && name_tokens(a).is_empty())
                    }) {
                        return Err(err(line, format!("empty {what} {empty:?} for {:?}", e.id)));
                    }
                }
                let from = match &e.from {
                    Some(text) => Some(
                        crate::corpus::date::parse_period(text)
                            .ok_or_else(|| err(line, format!("`from` {text:?} of {:?} is not a date (write 2023-10-07, 2023-10 or 2023)", e.id)))?
                            .0,
                    ),
                    None => None,
                };
                lines.insert(e.id.clone(), (name.clone(), line));
                if let Some(empty) = e.not.iter().find(|n| name_tokens(n).is_empty()) {
                    return Err(err(
                        line,
                        format!("empty `not` name {empty:?} for {:?}", e.id),
                    ));
                }
                let entry = match merged.remove(&e.id) {
                    Some(mut old) => {
                        // A later file extends an entity: forms are added,
                        // names and type replaced.
                        if let Some(k) = e.kind {
                            old.kind = k;
                        }
                        if let Some(ar) = e.ar {
                            old.ar = ar;
                        }
                        if let Some(en) = e.en {
                            old.en = en;
                        }
                        old.aliases.extend(e.aliases);
                        old.en_aliases.extend(e.en_aliases);
                        old.adjectives.extend(e.adjectives);
                        old.not.extend(e.not);
                        old.from = from.or(old.from);
                        old.requires.extend(e.requires);
                        old.weak.extend(e.weak);
                        old
                    }
                    None => {
                        let missing =
                            |field: &str| err(line, format!("{:?} needs `{field}`", e.id));
                        Entity {
                            kind: e.kind.ok_or_else(|| missing("type"))?,
                            ar: e
                                .ar
                                .filter(|a| !name_tokens(a).is_empty())
                                .ok_or_else(|| missing("ar"))?,
                            en: e
                                .en
                                .filter(|n| !n.trim().is_empty())
                                .ok_or_else(|| missing("en"))?,
                            id: e.id,
                            aliases: e.aliases,
                            en_aliases: e.en_aliases,
                            adjectives: e.adjectives,
                            not: e.not,
                            from,
                            requires: e.requires,
                            weak: e.weak,
                        }
                    }
                };
                if entry.kind == "person" {
                    for (form, _) in entry.arabic_forms() {
                        if first_names.contains(&name_tokens(form)) {
                            return Err(err(
                                line,
                                format!("alias {form:?} of {:?} is a common first name alone and would tag everyone called so; use a longer form", entry.id),
                            ));
                        }
                    }
                }
                if let Some(stray) = entry.not.iter().find(|n| !holds_a_form(&entry, n)) {
                    return Err(err(
                        line,
                        format!("`not` name {stray:?} of {:?} holds none of its names, so it changes nothing", entry.id),
                    ));
                }
                if let Some(stray) = entry.weak.iter().find(|w| !is_a_form(&entry, w)) {
                    return Err(err(
                        line,
                        format!("`weak` name {stray:?} of {:?} is none of its names (ar, aliases, adjectives)", entry.id),
                    ));
                }
                if !entry.weak.is_empty() && entry.requires.is_empty() {
                    return Err(err(
                        line,
                        format!("{:?} has `weak` names but no `requires`: say which entities make them mentions", entry.id),
                    ));
                }
                merged.insert(entry.id.clone(), entry);
            }
        }
        for e in merged.values() {
            if let Some(missing) = e.requires.iter().find(|r| !merged.contains_key(*r)) {
                let (file, line) = lines.get(&e.id).cloned().unwrap_or_default();
                return Err(GazetteerError {
                    file,
                    line,
                    message: format!("{:?} requires {missing:?}, which no gazetteer names", e.id),
                });
            }
        }
        let entities: Vec<Entity> = merged.into_values().collect();
        let serialized = serde_json::to_vec(&entities).unwrap_or_default();
        let hash = blake3::hash(&serialized).to_hex()[..16].to_string();
        let by_id = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        Ok(Gazetteer {
            entities,
            by_id,
            types,
            hash,
        })
    }

    /// The position of the entity `id` in [`Gazetteer::entities`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// The entity of a facet path (`/person/lloyd-austin`), written out or
    /// as tantivy stores it (segments separated by NUL).
    /// Entities whose English name or alias holds `word` as a whole word,
    /// ignoring case: `Austin` → Lloyd Austin. For a hint when a Latin
    /// word finds nothing in Arabic articles.
    pub fn by_english_word(&self, word: &str) -> Vec<&Entity> {
        let word = word.to_lowercase();
        self.entities
            .iter()
            .filter(|e| {
                std::iter::once(&e.en).chain(&e.en_aliases).any(|name| {
                    name.to_lowercase()
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w == word)
                })
            })
            .collect()
    }

    pub fn by_facet(&self, facet: &str) -> Option<&Entity> {
        facet.rsplit(['/', '\0']).next().and_then(|id| self.get(id))
    }
}

#[cfg(test)]
#[path = "gazetteer_tests.rs"]
mod tests;
