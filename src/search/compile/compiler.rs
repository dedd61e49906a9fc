//! The compiler: one walk over the query tree.

use std::collections::HashSet;
use std::sync::Arc;

use tantivy::query::{AllQuery, BooleanQuery, EmptyQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use crate::analysis::stem::spelling_decides;
use crate::analysis::{analyze, analyzer, Stages};
use crate::entities::resolve::resolve;
use crate::entities::Gazetteer;
use crate::index::schema::Fields;
use crate::search::budget::{Bounded, Budget};
use crate::search::neighbours::Vocabulary;
use crate::search::query::{FieldName, Node, QueryError, QueryErrorKind};

use super::clauses::{boosted, date_query, entity_query, Built, Clauses};
use super::plan::*;
use super::spelling::{misspelt, respelt};

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
    extras: Vec<Box<dyn Query>>,
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
            extras: Vec::new(),
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
        let built = self
            .node(node, false)?
            .unwrap_or_else(|| Built::same(Box::new(EmptyQuery)));
        Ok(Compiled {
            query: built.full,
            matching: built.matching,
            extras: self.extras,
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

    /// The fields where a word of `field` is found: the body (or its exact
    /// copy) holds the headline too, so a word of either is found there.
    fn matching_fields(&self, field: Option<FieldName>) -> Vec<Field> {
        match field {
            None if self.exact => vec![self.fields.body_exact],
            None => vec![self.fields.body],
            some => self.text_fields(some).into_iter().map(|(f, _)| f).collect(),
        }
    }

    fn node(&mut self, node: &Node, negated: bool) -> Result<Option<Built>, QueryError> {
        match node {
            Node::Word { field, text, at } => self.words_query(*field, text, None, *at, negated),
            Node::Phrase {
                field,
                text,
                slop,
                at,
            } => self.words_query(*field, text, Some(*slop), *at, negated),
            Node::Date(range) => Ok(Some(Built::same(date_query(self.fields.date, range)))),
            Node::All => Ok(Some(Built::same(Box::new(AllQuery)))),
            Node::Not(inner) => Ok(self.node(inner, !negated)?.map(|b| {
                b.map(|q| {
                    Box::new(BooleanQuery::new(vec![
                        (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                        (Occur::MustNot, q),
                    ])) as Box<dyn Query>
                })
            })),
            Node::Required(inner) => self.node(inner, negated),
            Node::And(items) | Node::Or(items) => {
                let and = matches!(node, Node::And(_));
                let mut clauses = Clauses::default();
                for item in items {
                    let (inner, occur) = match item {
                        Node::Not(inner) => (inner.as_ref(), Occur::MustNot),
                        Node::Required(inner) if !and => (inner.as_ref(), Occur::Must),
                        other if and => (other, Occur::Must),
                        other => (other, Occur::Should),
                    };
                    let negate = negated ^ (occur == Occur::MustNot);
                    if let Some(b) = self.node(inner, negate)? {
                        clauses.push_built(occur, b);
                    }
                }
                Ok(clauses.build())
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
    ) -> Result<Option<Built>, QueryError> {
        let slop = phrase.unwrap_or(0);
        if field == Some(FieldName::Entity) {
            let entity = resolve(self.gazetteer, text).map_err(|e| QueryError {
                query: self.query.to_string(),
                position: at,
                message: e.to_string(),
                kind: QueryErrorKind::Unknown,
            })?;
            return Ok(Some(Built::same(entity_query(
                self.fields,
                &entity.facet(),
            ))));
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
            self.look_past(text, &tokens[0].term, &mut word);
        }
        if !negated && matches!(field, None | Some(FieldName::Title) | Some(FieldName::Body)) {
            if !self.rescore.text.is_empty() {
                self.rescore.text.push(' ');
            }
            self.rescore.text.push_str(text);
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
        let matching = self.matching_fields(field);
        let mut clauses = Clauses::default();
        for (f, boost) in self.text_fields(field) {
            let q: Box<dyn Query> = if tokens.len() == 1 {
                term_query(f, &tokens[0].term)
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
            let finds = matching.contains(&f);
            self.clause(&mut clauses, boosted(q, boost), finds, negated);
            for spelling in &word.spellings {
                let q = term_query(f, spelling);
                self.leaf(f, spelling.clone(), boost, q.as_ref(), negated);
                self.clause(&mut clauses, boosted(q, boost), finds, negated);
            }
        }
        if self.surface_bonus && !self.exact && field.is_none() && tokens.len() == 1 {
            let surface = analyze(&mut self.surface, text);
            if let [form] = surface.as_slice() {
                // The form as typed matches only where its stem does,
                // unless its stem depends on how it was written.
                let finds_alone = spelling_decides(&form.term);
                for f in [self.fields.title_exact, self.fields.body_exact] {
                    let q = term_query(f, &form.term);
                    self.leaf(f, form.term.clone(), SURFACE_BOOST, q.as_ref(), negated);
                    let finds = finds_alone && f == self.fields.body_exact;
                    self.clause(&mut clauses, boosted(q, SURFACE_BOOST), finds, negated);
                }
            }
        }
        self.words.push(word);
        Ok(clauses.build())
    }

    /// One alternative of a word: in both queries when it `finds`
    /// articles, else in the full one only, and listed among the extras
    /// that score on top of the matching query (unless negated: a negated
    /// word scores nothing).
    fn clause(&mut self, clauses: &mut Clauses, q: Box<dyn Query>, finds: bool, negated: bool) {
        if finds {
            let m = q.box_clone();
            clauses.push(Occur::Should, q, Some(m));
        } else {
            if !negated {
                self.extras.push(q.box_clone());
            }
            clauses.push(Occur::Should, q, None);
        }
    }

    /// What a plain word searches beyond its term: its other spelling
    /// (`ه`/`ة`), its neighbours when no article has it, and the derived
    /// forms the re-ranking weighs.
    fn look_past(&mut self, text: &str, term: &str, word: &mut AnalyzedWord) {
        match self.vocabulary.filter(|_| !self.exact) {
            Some(vocab) if vocab.doc_freq(term) == 0 => {
                // Another spelling of the same word before any typo.
                word.spellings = vocab.present(respelt(&mut self.analyzer, text, term, true));
                if word.spellings.is_empty() {
                    word.neighbours =
                        vocab.present(misspelt(&mut self.analyzer, &mut self.surface, text, term));
                }
            }
            Some(vocab) => {
                word.spellings = vocab.present(respelt(&mut self.analyzer, text, term, false));
                let variants = vocab.variants(term);
                self.rescore
                    .variants
                    .extend(variants.into_iter().map(|(v, doc_freq)| Variant {
                        term: v,
                        of: term.to_string(),
                        doc_freq,
                    }));
            }
            None => {}
        }
        if word.neighbours.is_empty() {
            self.rescore.sequence.push(term.to_string());
        }
    }

    /// Any of `neighbours`, in the word's fields, weighed down by
    /// [`NEIGHBOUR_BOOST`].
    fn neighbours_query(&mut self, field: Option<FieldName>, neighbours: &[String]) -> Built {
        self.highlight.extend(neighbours.iter().cloned());
        let matching = self.matching_fields(field);
        let mut clauses = Clauses::default();
        for (f, boost) in self.text_fields(field) {
            for n in neighbours {
                let q = term_query(f, n);
                let boost = boost * NEIGHBOUR_BOOST;
                self.leaf(f, n.clone(), boost, q.as_ref(), false);
                self.clause(
                    &mut clauses,
                    boosted(q, boost),
                    matching.contains(&f),
                    false,
                );
            }
        }
        clauses
            .build()
            .unwrap_or_else(|| Built::same(Box::new(EmptyQuery)))
    }
}

fn term_query(field: Field, term: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, term),
        IndexRecordOption::WithFreqs,
    ))
}

#[cfg(test)]
#[path = "compiler_tests.rs"]
mod tests;
