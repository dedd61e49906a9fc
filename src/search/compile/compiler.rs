//! The compiler: one walk over the query tree.

use std::collections::HashSet;
use std::sync::Arc;

use tantivy::query::{AllQuery, BooleanQuery, EmptyQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use crate::analysis::{analyze, analyzer, Stages};
use crate::entities::resolve::resolve;
use crate::entities::Gazetteer;
use crate::index::schema::Fields;
use crate::search::budget::{Bounded, Budget};
use crate::search::neighbours::{augment_variants, one_edit, Vocabulary, MIN_LETTERS};
use crate::search::query::{FieldName, Node, QueryError, QueryErrorKind};

use super::clauses::{boolean, boosted, date_query, entity_query};
use super::plan::*;

/// Fewest letters a word as typed needs before it is searched as its
/// one-letter neighbours: every word of four letters is one letter from
/// common words of other meanings (`الاف` from `اضاف`, `خلاف`).
const MIN_TYPED_LETTERS: usize = 5;

pub struct Compiler<'a> {
    fields: &'a Fields,
    /// The index has exact copies to score the typed form against.
    surface_bonus: bool,
    gazetteer: &'a Gazetteer,
    analyzer: TextAnalyzer,
    surface: TextAnalyzer,
    exact: bool,
    query: &'a str,
    /// The terms of the body field, to look past words it does not hold.
    vocabulary: Option<&'a dyn Vocabulary>,
    /// Phrases stop matching when this is spent.
    budget: Option<Arc<Budget>>,
    highlight: HashSet<String>,
    words: Vec<AnalyzedWord>,
    leaves: Vec<Leaf>,
    rescore: RescorePlan,
}

impl<'a> Compiler<'a> {
    /// `stages` are the index's; with `exact`, words are not stemmed and the
    /// exact copies of title and body are searched.
    pub fn new(
        fields: &'a Fields,
        gazetteer: &'a Gazetteer,
        stages: Stages,
        exact: bool,
        query: &'a str,
    ) -> Compiler<'a> {
        let stages = if exact {
            Stages {
                stem: false,
                ..stages
            }
        } else {
            stages
        };
        Compiler {
            fields,
            surface_bonus: false,
            gazetteer,
            analyzer: analyzer(stages),
            surface: analyzer(Stages {
                stem: false,
                ..stages
            }),
            exact,
            query,
            vocabulary: None,
            budget: None,
            highlight: HashSet::new(),
            words: Vec::new(),
            leaves: Vec::new(),
            rescore: RescorePlan::default(),
        }
    }

    /// Lets the compiler see which terms the index holds: a word that
    /// occurs in no article is searched as its neighbours, and the
    /// re-ranking plan lists the query terms' derived forms.
    pub fn with_vocabulary(mut self, vocabulary: &'a dyn Vocabulary) -> Self {
        self.vocabulary = Some(vocabulary);
        self
    }

    /// Bounds the time the query's phrases may take (see [`super::budget`]).
    pub fn with_budget(mut self, budget: Option<Arc<Budget>>) -> Self {
        self.budget = budget;
        self
    }

    /// Compiles `node`. A query whose every word is a stopword matches
    /// nothing, like a word that occurs nowhere; `--show-query` tells why.
    pub fn compile(mut self, node: &Node) -> Result<Compiled, QueryError> {
        let query = self
            .node(node, false)?
            .unwrap_or_else(|| Box::new(EmptyQuery));
        Ok(Compiled {
            query,
            highlight: self.highlight,
            words: self.words,
            leaves: self.leaves,
            rescore: self.rescore,
        })
    }

    fn field_name(&self, field: Field) -> &'static str {
        let f = self.fields;
        match field {
            x if x == f.title => "title",
            x if x == f.body => "body",
            x if x == f.title_exact => "title_exact",
            x if x == f.body_exact => "body_exact",
            x if x == f.source_text => "source",
            _ => "other",
        }
    }

    /// Scores the form as typed too; only for an index with exact copies.
    pub fn with_surface_bonus(mut self, on: bool) -> Self {
        self.surface_bonus = on;
        self
    }

    /// Remembers a scoring leaf for `--explain` (negated ones never score).
    fn leaf(&mut self, field: Field, terms: String, boost: f32, query: &dyn Query, negated: bool) {
        if !negated {
            self.leaves.push(Leaf {
                field: self.field_name(field),
                terms,
                boost,
                query: query.box_clone(),
            });
        }
    }

    fn text_fields(&self, field: Option<FieldName>) -> Vec<(Field, f32)> {
        let f = self.fields;
        let (title, body) = if self.exact {
            (f.title_exact, f.body_exact)
        } else {
            (f.title, f.body)
        };
        match field {
            None => vec![(title, TITLE_BOOST), (body, 1.0)],
            Some(FieldName::Title) => vec![(title, 1.0)],
            Some(FieldName::Body) => vec![(body, 1.0)],
            Some(FieldName::Source) => vec![(f.source_text, 1.0)],
            Some(FieldName::Entity) => Vec::new(),
        }
    }

    fn node(&mut self, node: &Node, negated: bool) -> Result<Option<Box<dyn Query>>, QueryError> {
        match node {
            Node::Word { field, text, at } => self.words_query(*field, text, None, *at, negated),
            Node::Phrase {
                field,
                text,
                slop,
                at,
            } => self.words_query(*field, text, Some(*slop), *at, negated),
            Node::Date(range) => Ok(Some(date_query(self.fields.date, range))),
            Node::All => Ok(Some(Box::new(AllQuery))),
            Node::Not(inner) => Ok(self.node(inner, !negated)?.map(|q| {
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                    (Occur::MustNot, q),
                ])) as Box<dyn Query>
            })),
            Node::Required(inner) => self.node(inner, negated),
            Node::And(items) => {
                let mut clauses = Vec::new();
                for item in items {
                    let (inner, occur) = match item {
                        Node::Not(inner) => (inner.as_ref(), Occur::MustNot),
                        other => (other, Occur::Must),
                    };
                    let negate = negated ^ (occur == Occur::MustNot);
                    if let Some(q) = self.node(inner, negate)? {
                        clauses.push((occur, q));
                    }
                }
                Ok(boolean(clauses))
            }
            Node::Or(items) => {
                let mut clauses = Vec::new();
                for item in items {
                    let (inner, occur) = match item {
                        Node::Not(inner) => (inner.as_ref(), Occur::MustNot),
                        Node::Required(inner) => (inner.as_ref(), Occur::Must),
                        other => (other, Occur::Should),
                    };
                    let negate = negated ^ (occur == Occur::MustNot);
                    if let Some(q) = self.node(inner, negate)? {
                        clauses.push((occur, q));
                    }
                }
                Ok(boolean(clauses))
            }
        }
    }

    fn words_query(
        &mut self,
        field: Option<FieldName>,
        text: &str,
        // `Some` for a quoted phrase (even of one word): words exactly as
        // given, nothing guessed.
        phrase: Option<u32>,
        at: usize,
        negated: bool,
    ) -> Result<Option<Box<dyn Query>>, QueryError> {
        let slop = phrase.unwrap_or(0);
        if field == Some(FieldName::Entity) {
            let entity = resolve(self.gazetteer, text).map_err(|e| QueryError {
                query: self.query.to_string(),
                position: at,
                message: e.to_string(),
                kind: QueryErrorKind::Unknown,
            })?;
            return Ok(Some(entity_query(self.fields, &entity.facet())));
        }
        let tokens = analyze(&mut self.analyzer, text);
        let mut word = AnalyzedWord {
            word: text.to_string(),
            terms: tokens.iter().map(|t| t.term.clone()).collect(),
            neighbours: Vec::new(),
            spellings: Vec::new(),
        };
        if tokens.is_empty() {
            self.words.push(word);
            return Ok(None);
        }
        // A positive, unquoted word of the article's text takes part in the
        // re-ranking; unless `--exact` asks for the form typed, it also
        // looks past itself (to its neighbours when no article has it, to
        // its derived forms when some do).
        let plain = tokens.len() == 1
            && phrase.is_none()
            && !negated
            && matches!(field, None | Some(FieldName::Title) | Some(FieldName::Body));
        if plain {
            let term = &tokens[0].term;
            match self.vocabulary.filter(|_| !self.exact) {
                Some(vocab) if vocab.doc_freq(term) == 0 => {
                    // Another spelling of the same word before any typo.
                    word.spellings = vocab.present(self.respelt(text, term, true));
                    if word.spellings.is_empty() {
                        word.neighbours = vocab.present(self.misspelt(text, term));
                    }
                }
                Some(vocab) => {
                    word.spellings = vocab.present(self.respelt(text, term, false));
                    let variants = vocab.counted(augment_variants(term));
                    self.rescore
                        .variants
                        .extend(variants.into_iter().map(|(v, doc_freq)| Variant {
                            term: v,
                            of: term.clone(),
                            doc_freq,
                        }));
                }
                None => {}
            }
            if word.neighbours.is_empty() {
                self.rescore.sequence.push(term.clone());
            }
        }
        if !word.neighbours.is_empty() {
            let query = self.neighbours_query(field, &word.neighbours);
            self.words.push(word);
            return Ok(Some(query));
        }
        if !negated && field != Some(FieldName::Source) {
            self.highlight.extend(tokens.iter().map(|t| t.term.clone()));
            self.highlight.extend(word.spellings.iter().cloned());
        }
        let first = tokens[0].position;
        let joined = tokens
            .iter()
            .map(|t| t.term.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (f, boost) in self.text_fields(field) {
            let q: Box<dyn Query> = if tokens.len() == 1 {
                Box::new(TermQuery::new(
                    Term::from_field_text(f, &tokens[0].term),
                    IndexRecordOption::WithFreqs,
                ))
            } else {
                let terms = tokens
                    .iter()
                    .map(|t| (t.position - first, Term::from_field_text(f, &t.term)))
                    .collect();
                let phrase = Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop));
                match &self.budget {
                    Some(budget) => Box::new(Bounded::new(phrase, budget.clone())),
                    None => phrase,
                }
            };
            self.leaf(f, joined.clone(), boost, q.as_ref(), negated);
            per_field.push((Occur::Should, boosted(q, boost)));
            for spelling in &word.spellings {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(f, spelling),
                    IndexRecordOption::WithFreqs,
                ));
                self.leaf(f, spelling.clone(), boost, q.as_ref(), negated);
                per_field.push((Occur::Should, boosted(q, boost)));
            }
        }
        if self.surface_bonus && !self.exact && field.is_none() && tokens.len() == 1 {
            let surface = analyze(&mut self.surface, text);
            if let [word] = surface.as_slice() {
                for f in [self.fields.title_exact, self.fields.body_exact] {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(f, &word.term),
                        IndexRecordOption::WithFreqs,
                    ));
                    self.leaf(f, word.term.clone(), SURFACE_BOOST, q.as_ref(), negated);
                    per_field.push((Occur::Should, boosted(q, SURFACE_BOOST)));
                }
            }
        }
        self.words.push(word);
        Ok(boolean(per_field))
    }

    /// The term of `text` spelt with its other final `ة`/`ه`, when it
    /// differs from `term`. Queries are typed, and `ه` for `ة` is the
    /// commonest slip (`الخزانه`, `اللة`); a typed `ه` is also a pronoun
    /// (`خزانه`, his tank), so both readings are searched. A typed `ة` is
    /// only respelt (`missing`) when no article has it.
    fn respelt(&mut self, text: &str, term: &str, missing: bool) -> Vec<String> {
        let trimmed = text.trim_end();
        let other = if let Some(stem) = trimmed.strip_suffix('ه') {
            format!("{stem}ة")
        } else if let Some(stem) = trimmed.strip_suffix('ة').filter(|_| missing) {
            format!("{stem}ه")
        } else {
            return Vec::new();
        };
        match analyze(&mut self.analyzer, &other).as_slice() {
            [t] if t.term != term => vec![t.term.clone()],
            _ => Vec::new(),
        }
    }

    /// The terms of the words one edit from `text` as typed (normalized,
    /// unstemmed): a typo is in the word, not its stem (`مفاوضاط` is one
    /// letter from `مفاوضات`, whose stem `مفاوض` is far from `مفاوضاط`).
    fn misspelt(&mut self, text: &str, term: &str) -> Vec<String> {
        let surface = analyze(&mut self.surface, text);
        let [word] = surface.as_slice() else {
            return Vec::new();
        };
        if word.term.chars().count() < MIN_TYPED_LETTERS {
            return Vec::new();
        }
        let mut terms: Vec<String> = one_edit(&word.term)
            .iter()
            .filter_map(
                |candidate| match analyze(&mut self.analyzer, candidate).as_slice() {
                    [t] if t.term != term && t.term.chars().count() >= MIN_LETTERS => {
                        Some(t.term.clone())
                    }
                    _ => None,
                },
            )
            .collect();
        terms.sort();
        terms.dedup();
        terms
    }

    /// Any of `neighbours`, in the word's fields, weighed down by
    /// [`NEIGHBOUR_BOOST`].
    fn neighbours_query(
        &mut self,
        field: Option<FieldName>,
        neighbours: &[String],
    ) -> Box<dyn Query> {
        self.highlight.extend(neighbours.iter().cloned());
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (f, boost) in self.text_fields(field) {
            for n in neighbours {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(f, n),
                    IndexRecordOption::WithFreqs,
                ));
                let boost = boost * NEIGHBOUR_BOOST;
                self.leaf(f, n.clone(), boost, q.as_ref(), false);
                clauses.push((Occur::Should, boosted(q, boost)));
            }
        }
        boolean(clauses).unwrap_or_else(|| Box::new(EmptyQuery))
    }
}

#[cfg(test)]
#[path = "compiler_tests.rs"]
mod tests;
