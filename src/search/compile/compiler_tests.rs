//! Unit tests of the query compiler (beside it, in their own file for length).
use super::*;
use crate::index::schema;
use crate::search::query::parse;
use crate::search::query::Operator;

/// An index vocabulary of a few stems.
struct Words(&'static [&'static str]);
impl Vocabulary for Words {
    fn doc_freq(&self, term: &str) -> u64 {
        u64::from(self.0.contains(&term))
    }
}

const INDEX: Words = Words(&["بغداد", "انتخاب", "انتخب", "برلمان"]);

fn compile(query: &str, exact: bool) -> Compiled {
    let fields = schema::Fields::from_schema(&schema::build()).unwrap();
    let gazetteer = Gazetteer::load(&[]).unwrap();
    let node = parse(query, Operator::And).unwrap();
    Compiler::new(&fields, &gazetteer, Stages::ALL, exact, query)
        .with_vocabulary(&INDEX)
        .compile(&node)
        .unwrap()
}

fn neighbours(c: &Compiled) -> Vec<&str> {
    c.words
        .iter()
        .flat_map(|w| &w.neighbours)
        .map(String::as_str)
        .collect()
}

#[test]
fn a_word_in_no_article_becomes_its_neighbours() {
    let c = compile("بغدادد", false);
    assert_eq!(neighbours(&c), ["بغداد"]);
    assert!(c.highlight.contains("بغداد"));
    assert!(c.rescore.sequence.is_empty(), "it is not in the index");
}

#[test]
fn quotes_negation_and_exact_keep_the_word_as_typed() {
    for (query, exact) in [
        ("\"بغدادد\"", false),
        ("البرلمان -بغدادد", false),
        ("بغدادد", true),
    ] {
        assert!(neighbours(&compile(query, exact)).is_empty(), "{query}");
    }
}

#[test]
fn the_plan_lists_positive_words_in_order_and_their_derived_forms() {
    let c = compile("البرلمان الانتخابات -بغداد", false);
    assert_eq!(c.rescore.sequence, ["برلمان", "انتخاب"]);
    let derived: Vec<(&str, &str)> = c
        .rescore
        .variants
        .iter()
        .map(|v| (v.term.as_str(), v.of.as_str()))
        .collect();
    assert_eq!(derived, [("انتخب", "انتخاب")]);
    // `--exact` keeps the order for proximity, without derived forms.
    let e = compile("البرلمان الانتخابات", true);
    assert_eq!(e.rescore.sequence, ["البرلمان", "الانتخابات"]);
    assert!(e.rescore.variants.is_empty());
}

#[test]
fn a_word_of_four_letters_is_not_guessed_at() {
    // Every four-letter word is one letter from common words of other
    // meanings; `بغدا` stays as typed, `بغدادد` finds `بغداد`.
    assert!(neighbours(&compile("بغدا", false)).is_empty());
    assert_eq!(neighbours(&compile("بغدادد", false)), ["بغداد"]);
}

#[test]
fn the_plan_keeps_the_positive_text_words_as_typed() {
    let c = compile(
        "الولايات المتحدة -بغداد source:العربية \"مجلس النواب\"",
        false,
    );
    assert_eq!(c.rescore.text, "الولايات المتحدة مجلس النواب");
    // The engine fills in the entities; the compiler has no matcher.
    assert!(c.rescore.entities.is_empty());
}
