//! Whether the names found in an article count as mentions there: an
//! article dated before an event does not mention it; a generic name
//! (`الانتخابات المبكرة`) counts only beside an entity that makes it
//! specific (`requires`); and a `weak` name, one that is also a common word
//! or every country's body (`حماس`, `مجلس النواب`), counts only beside
//! `requires` and not where another place qualifies it (`مجلس النواب
//! الأمريكي`).

use jiff::civil::Date;

use super::gazetteer::Gazetteer;
use super::matcher::{Matcher, Mention};
use crate::corpus::date::Precision;

/// Why a name found in an article does not count as a mention there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The article is dated before the entity's `from`.
    TooEarly(Date),
    /// The article names none of the entities in `requires` (their ids).
    Requires(Vec<String>),
    /// Every mention is by a weak name that another place qualifies (its
    /// id): `مجلس النواب الأمريكي` is not Iraq's parliament.
    Qualified(String),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Refusal::TooEarly(from) => {
                write!(f, "the article is dated before {from}, when it begins")
            }
            Refusal::Requires(ids) => write!(f, "the article names none of {}", ids.join(", ")),
            Refusal::Qualified(place) => {
                write!(
                    f,
                    "the name is another place's here: it is followed by {place}"
                )
            }
        }
    }
}

/// What an entity's mentions need from their article.
#[derive(Clone, Debug)]
pub(super) struct Context {
    from: Option<Date>,
    requires: Vec<usize>,
    /// Whether `requires` applies only to the weak names.
    has_weak: bool,
    is_place: bool,
}

pub(super) fn contexts(gazetteer: &Gazetteer) -> Vec<Context> {
    gazetteer
        .entities
        .iter()
        .map(|e| Context {
            from: e.from,
            requires: e
                .requires
                .iter()
                .filter_map(|id| gazetteer.index_of(id))
                .collect(),
            has_weak: !e.weak.is_empty(),
            is_place: e.kind == "place",
        })
        .collect()
}

/// The last day of a date known to `precision`.
fn latest_day(date: Date, precision: Precision) -> Date {
    match precision {
        Precision::Day => date,
        Precision::Month => date.last_of_month(),
        Precision::Year => date.last_of_year(),
    }
}

impl Matcher {
    /// Each entity found in an article (`found`: its mentions in order,
    /// from [`Matcher::find`]; title then body), once, with why it does
    /// not count there, if it does not.
    pub fn judge(
        &self,
        found: &[Mention],
        date: Option<(Date, Precision)>,
    ) -> Vec<(usize, Option<Refusal>)> {
        let context = &self.context;
        let latest = date.map(|(d, p)| latest_day(d, p));
        let early = |i: usize| match (context[i].from, latest) {
            (Some(from), Some(last)) if last < from => Some(from),
            _ => None,
        };
        // Only a name that is not weak makes another name specific (and an
        // entity may require itself: `كابل` counts beside `أفغانستان`).
        let mut named: Vec<usize> = found
            .iter()
            .filter(|m| !m.weak)
            .map(|m| m.entity)
            .filter(|&i| early(i).is_none())
            .collect();
        named.sort_unstable();
        named.dedup();
        let names_one_of = |ids: &[usize]| ids.iter().any(|r| named.binary_search(r).is_ok());
        let mut entities: Vec<usize> = found.iter().map(|m| m.entity).collect();
        entities.sort_unstable();
        entities.dedup();
        entities
            .into_iter()
            .map(|i| {
                let c = &context[i];
                let requires =
                    || Refusal::Requires(c.requires.iter().map(|&r| self.ids[r].clone()).collect());
                let refusal = if let Some(from) = early(i) {
                    Some(Refusal::TooEarly(from))
                } else if !c.has_weak {
                    (!c.requires.is_empty() && !names_one_of(&c.requires)).then(requires)
                } else {
                    self.weak_refusal(found, i, names_one_of(&c.requires))
                        .map(|q| match q {
                            Some(place) => Refusal::Qualified(self.ids[place].clone()),
                            None => requires(),
                        })
                };
                (i, refusal)
            })
            .collect()
    }

    /// For an entity with weak names: `None` when one of its mentions
    /// counts; else `Some(Some(place))` when `requires` is met but another
    /// place qualified every weak mention, `Some(None)` when `requires` is
    /// missing.
    fn weak_refusal(
        &self,
        found: &[Mention],
        entity: usize,
        required: bool,
    ) -> Option<Option<usize>> {
        let mut qualifier = None;
        for (k, m) in found.iter().enumerate() {
            if m.entity != entity {
                continue;
            }
            if !m.weak {
                return None;
            }
            // The next mention right after it (one space between) names
            // another place: `مجلس النواب` + `الأمريكي`.
            let other = found.get(k + 1).filter(|n| {
                n.start >= m.end
                    && n.start - m.end <= 1
                    && n.entity != entity
                    && self.context[n.entity].is_place
                    && !self.context[entity].requires.contains(&n.entity)
            });
            match other {
                Some(n) => {
                    qualifier.get_or_insert(n.entity);
                }
                None if required => return None,
                None => {}
            }
        }
        Some(qualifier.filter(|_| required))
    }
}
