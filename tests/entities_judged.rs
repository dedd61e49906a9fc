//! The judged sample of real news mentions (tests/fixtures/entities/
//! antnews-judged.tsv) as a regression test: the built-in gazetteer must
//! keep its precision per type on it, and keep the mentions judged right.

use std::collections::BTreeMap;

use fahras::corpus::date::parse_period;
use fahras::entities::{Gazetteer, Matcher, Mention};

const SAMPLE: &str = include_str!("fixtures/entities/antnews-judged.tsv");
/// Drawn after the fixes the first sample led to.
const HELD_OUT: &str = include_str!("fixtures/entities/antnews-heldout.tsv");

struct Judged<'a> {
    entity: &'a str,
    right: bool,
    date: &'a str,
    names: Vec<&'a str>,
    /// The sentence without the marks, and the mention's span in it.
    text: String,
    span: (usize, usize),
}

fn sample(file: &'static str) -> Vec<Judged<'static>> {
    file.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 6, "{l}");
            let marked = c[5];
            let start = marked.find("[[").expect("[[");
            let end = marked.find("]]").expect("]]") - 2;
            Judged {
                entity: c[0],
                right: match c[1] {
                    "y" => true,
                    "n" => false,
                    other => panic!("judgement {other:?} in {l}"),
                },
                date: c[3],
                names: c[4].split(',').filter(|n| !n.is_empty()).collect(),
                text: marked.replacen("[[", "", 1).replacen("]]", "", 1),
                span: (start, end),
            }
        })
        .collect()
}

/// Whether fahras tags the marked words as the entity, judged as in an
/// article of that date naming the entities the whole article named.
fn tagged(g: &Gazetteer, m: &mut Matcher, j: &Judged) -> bool {
    let Some(entity) = g.index_of(j.entity) else {
        return false;
    };
    let found: Vec<Mention> = m
        .find(&j.text)
        .into_iter()
        .filter(|x| x.entity != entity || (x.start, x.end) == j.span)
        .collect();
    if !found.iter().any(|x| x.entity == entity) {
        return false;
    }
    // The rest of the article, as mentions after the sentence.
    let far = j.text.len() + 10;
    let mut all = found;
    all.extend(
        j.names
            .iter()
            .filter_map(|n| g.index_of(n))
            .filter(|&i| i != entity)
            .map(|i| Mention {
                entity: i,
                start: far + i * 10,
                end: far + i * 10 + 5,
                adjective: false,
                weak: false,
            }),
    );
    m.judge(&all, parse_period(j.date))
        .iter()
        .any(|(i, refusal)| *i == entity && refusal.is_none())
}

#[test]
fn the_judged_antnews_sample_keeps_its_precision_per_type() {
    let sample = sample(SAMPLE);
    assert!(sample.len() >= 500, "{} mentions", sample.len());
    check(&sample, 3);
}

#[test]
fn the_held_out_sample_keeps_its_precision_per_type() {
    check(&sample(HELD_OUT), 1);
}

/// Precision ≥ 0.97 for every type, and at most `may_lose` mentions judged
/// right that are no longer tagged.
fn check(sample: &[Judged], may_lose: usize) {
    let g = Gazetteer::load(&[]).unwrap();
    let mut m = Matcher::new(&g);
    // type → (tagged and right, tagged, right, right and still tagged)
    let mut by_type: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    // entity → (tagged and right, tagged, right, drawn)
    let mut by_entity: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    let mut lost = Vec::new();
    let mut wrong = Vec::new();
    for j in sample {
        let kind = g.get(j.entity).map_or("?", |e| e.kind.as_str()).to_string();
        let t = tagged(&g, &mut m, j);
        let row = by_type.entry(kind).or_default();
        row[0] += (t && j.right) as usize;
        row[1] += t as usize;
        row[2] += j.right as usize;
        row[3] += (t && j.right) as usize;
        let e = by_entity.entry(j.entity).or_default();
        e[0] += (t && j.right) as usize;
        e[1] += t as usize;
        e[2] += j.right as usize;
        e[3] += 1;
        if j.right && !t {
            lost.push(format!("{}: {}", j.entity, j.text));
        }
        if t && !j.right {
            wrong.push(format!("{}: {}", j.entity, j.text));
        }
    }
    for (kind, [ok, tagged, right, kept]) in &by_type {
        let total = sample
            .iter()
            .filter(|j| g.get(j.entity).is_some_and(|e| &e.kind == kind))
            .count();
        eprintln!(
            "{kind}: precision {ok}/{tagged} = {:.3} (when drawn: {right}/{total}), judged right and still tagged {kept}/{right}",
            *ok as f64 / *tagged as f64
        );
    }
    // `cargo test --test entities_judged -- --nocapture` prints the table
    // of docs/entities.md.
    for (entity, [ok, tagged, right, drawn]) in &by_entity {
        eprintln!("| {entity} | {right}/{drawn} | {ok}/{tagged} |");
    }
    for l in &lost {
        eprintln!("lost: {l}");
    }
    for w in &wrong {
        eprintln!("still wrong: {w}");
    }
    for (kind, [ok, tagged, ..]) in &by_type {
        let precision = *ok as f64 / (*tagged).max(1) as f64;
        assert!(precision >= 0.97, "{kind}: precision {precision:.3}");
    }
    // The fixes of classes of error must not cost true mentions.
    assert!(lost.len() <= may_lose, "true mentions lost: {lost:#?}");
}
