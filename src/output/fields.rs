//! The fields of a hit, each owning its JSON key and its CSV cell, so that
//! `--fields`, the CSV header, JSON picking and the defaults are written
//! once. Names are part of the machine-output contract: fields may be
//! added, never renamed.

use serde::ser::SerializeMap;

use crate::search::Hit;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum HitField {
    Qid,
    Rank,
    Score,
    Id,
    Title,
    Date,
    Source,
    Translator,
    Path,
    Url,
    Snippet,
    Highlights,
    Entities,
    EntityNames,
    Explanation,
}

impl HitField {
    /// Every field, in the order CSV uses by default.
    pub const ALL: [HitField; 15] = [
        HitField::Qid,
        HitField::Rank,
        HitField::Score,
        HitField::Id,
        HitField::Title,
        HitField::Date,
        HitField::Source,
        HitField::Translator,
        HitField::Path,
        HitField::Url,
        HitField::Snippet,
        HitField::Highlights,
        HitField::Entities,
        HitField::EntityNames,
        HitField::Explanation,
    ];

    /// The JSON key and CSV column name.
    pub fn key(self) -> &'static str {
        match self {
            HitField::Qid => "qid",
            HitField::Rank => "rank",
            HitField::Score => "score",
            HitField::Id => "id",
            HitField::Title => "title",
            HitField::Date => "date",
            HitField::Source => "source",
            HitField::Translator => "translator",
            HitField::Path => "path",
            HitField::Url => "url",
            HitField::Snippet => "snippet",
            HitField::Highlights => "highlights",
            HitField::Entities => "entities",
            HitField::EntityNames => "entity_names",
            HitField::Explanation => "explanation",
        }
    }

    /// True for the fields that need a snippet made (the costly part).
    pub fn needs_snippet(self) -> bool {
        matches!(self, HitField::Snippet | HitField::Highlights)
    }

    /// True for the fields read from the stored article; the others come
    /// from the search itself or from columns (id, headline, date, source,
    /// path).
    pub fn needs_stored(self) -> bool {
        matches!(
            self,
            HitField::Translator
                | HitField::Url
                | HitField::Snippet
                | HitField::Highlights
                | HitField::Entities
                | HitField::EntityNames
        )
    }

    /// Sets what `req` computes for each hit to what `shown` needs: no
    /// snippet nobody reads, no stored article for ids and scores.
    pub fn load_only(shown: &[HitField], req: &mut crate::search::SearchRequest) {
        req.snippets = shown.iter().any(|f| f.needs_snippet());
        req.stored = shown.iter().any(|f| f.needs_stored());
    }

    /// The CSV cell: lists joined by `;`, highlights as `start-end`, the
    /// explanation as `field:terms=score; …`.
    pub fn csv(self, hit: &Hit) -> String {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        match self {
            HitField::Qid => opt(&hit.qid),
            HitField::Rank => hit.rank.to_string(),
            HitField::Score => hit.score.map(|s| format!("{s:.4}")).unwrap_or_default(),
            HitField::Id => hit.id.clone(),
            HitField::Title => hit.title.clone(),
            HitField::Date => opt(&hit.date),
            HitField::Source => opt(&hit.source),
            HitField::Translator => opt(&hit.translator),
            HitField::Path => hit.path.clone(),
            HitField::Url => opt(&hit.url),
            HitField::Snippet => hit.snippet.clone(),
            HitField::Highlights => hit
                .highlights
                .iter()
                .map(|[s, e]| format!("{s}-{e}"))
                .collect::<Vec<_>>()
                .join(";"),
            HitField::Entities => hit.entities.join(";"),
            HitField::EntityNames => hit.entity_names.join(";"),
            HitField::Explanation => hit
                .explanation
                .iter()
                .flat_map(|e| &e.matches)
                .map(|m| format!("{}:{}={:.3}", m.field, m.terms, m.score))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// Writes this field of `hit` as one JSON map entry.
    pub fn json_entry<M: SerializeMap>(self, map: &mut M, hit: &Hit) -> Result<(), M::Error> {
        let key = self.key();
        match self {
            HitField::Qid => map.serialize_entry(key, &hit.qid),
            HitField::Rank => map.serialize_entry(key, &hit.rank),
            HitField::Score => map.serialize_entry(key, &hit.score),
            HitField::Id => map.serialize_entry(key, &hit.id),
            HitField::Title => map.serialize_entry(key, &hit.title),
            HitField::Date => map.serialize_entry(key, &hit.date),
            HitField::Source => map.serialize_entry(key, &hit.source),
            HitField::Translator => map.serialize_entry(key, &hit.translator),
            HitField::Path => map.serialize_entry(key, &hit.path),
            HitField::Url => map.serialize_entry(key, &hit.url),
            HitField::Snippet => map.serialize_entry(key, &hit.snippet),
            HitField::Highlights => map.serialize_entry(key, &hit.highlights),
            HitField::Entities => map.serialize_entry(key, &hit.entities),
            HitField::EntityNames => map.serialize_entry(key, &hit.entity_names),
            HitField::Explanation => map.serialize_entry(key, &hit.explanation),
        }
    }

    /// The default CSV columns: every field but `qid` outside a batch,
    /// `entity_names` (on request), the snippet in an export (making
    /// snippets for every hit is the slow part), and the explanation unless
    /// asked for.
    pub fn defaults(batch: bool, all: bool, explain: bool) -> Vec<HitField> {
        HitField::ALL
            .into_iter()
            .filter(|f| batch || *f != HitField::Qid)
            .filter(|f| *f != HitField::EntityNames)
            .filter(|f| !all || !f.needs_snippet())
            .filter(|f| explain || *f != HitField::Explanation)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn every_field_parses_from_its_own_key() {
        for f in HitField::ALL {
            assert_eq!(HitField::from_str(f.key(), false), Ok(f));
        }
        assert!(HitField::from_str("titel", false).is_err());
    }

    #[test]
    fn a_request_loads_only_what_the_fields_show() {
        let load = |fields: &[HitField]| {
            let mut req = crate::search::SearchRequest::default();
            HitField::load_only(fields, &mut req);
            (req.snippets, req.stored)
        };
        assert_eq!(
            load(&[HitField::Qid, HitField::Id, HitField::Score]),
            (false, false)
        );
        assert_eq!(load(&[HitField::Id, HitField::Explanation]), (false, false));
        assert_eq!(
            load(&[HitField::Id, HitField::Title, HitField::Date]),
            (false, false)
        );
        assert_eq!(load(&[HitField::Id, HitField::Url]), (false, true));
        assert_eq!(load(&[HitField::Snippet]), (true, true));
        assert_eq!(load(&HitField::defaults(false, false, false)), (true, true));
    }

    #[test]
    fn defaults_leave_out_what_is_costly_or_not_asked_for() {
        let page = HitField::defaults(false, false, false);
        assert!(!page.contains(&HitField::Qid) && page.contains(&HitField::Snippet));
        let export = HitField::defaults(true, true, true);
        assert!(export.contains(&HitField::Qid) && !export.contains(&HitField::Snippet));
        assert!(export.contains(&HitField::Explanation));
    }
}
