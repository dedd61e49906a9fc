//! The engine's fast paths checked against the plain way on the sample
//! corpus, indexed in several segments with deletes: the two-stage ranking
//! (same matches, counts, order and scores), snippets cut from the index's
//! positions (same snippets) and hits read from the columns a batch at a
//! time (same hits).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

use tantivy::collector::TopDocs;
use tantivy::query::Query;
use tantivy::DocAddress;

use super::positions::TermPositions;
use super::rank::{add_extras, top};
use super::Engine;
use crate::analysis::{analyzer, Stages};
use crate::config::Archive;
use crate::entities::Gazetteer;
use crate::index::stored::Whole;
use crate::index::{self, ArticleIndex, ProgressMode, RunOptions};
use crate::search::{snippet, Operator, SearchRequest};

/// Every shape of query: single words, AND and OR, phrases, negations,
/// fields, a misspelt word, a final heh for teh marbuta, entities.
const QUERIES: &[&str] = &[
    "العراق",
    "خارطة طريق",
    "القوات الأمريكية",
    "\"خارطة طريق\"",
    "title:العراق",
    "body:النفط",
    "العراق -بغداد",
    "العراق OR سوريا",
    "(القوات OR الجيش) بغداد",
    "الحكومه العراقيه",
    "المفاوضاط",
    "entity:بغداد النفط",
    "الانتخابات البرلمان",
    "واشنطن +بغداد",
    "date:[2021-01-01 TO 2023-12-31] النفط",
];

fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus")
}

/// The sample corpus indexed in three runs, each adding a part, so that
/// it has several segments (the heap carries its bar from one to the
/// next), then a fourth after two files went, so that segments have
/// deletes.
fn engine(dir: &Path, exact_fields: bool) -> Engine {
    let gazetteer = Arc::new(Gazetteer::load(&[]).unwrap());
    let name = if exact_fields { "exact" } else { "plain" };
    let (path, corpus) = (dir.join(name), dir.join(format!("{name}-corpus")));
    copy(&sample_corpus(), &corpus);
    let parts = [
        &["2019", "2020", "2021", "2022"][..],
        &["2023", "2024", "commentary"],
        &["2025", "exports", "web"],
        &[],
    ];
    let mut roots = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if i == 3 {
            std::fs::remove_file(corpus.join("2019/10/tishreen-protests.txt")).unwrap();
            std::fs::remove_file(corpus.join("2023/06/12/budget-law-passed.txt")).unwrap();
        }
        roots.extend(part.iter().map(|p| corpus.join(p)));
        index::run(&RunOptions {
            roots: roots.clone(),
            archive: Archive::default(),
            index_path: path.clone(),
            writer_memory_mb: 32,
            merge_mb: 512,
            threads: 1,
            stages: Stages::ALL,
            progress: ProgressMode::None,
            cancel: Arc::new(AtomicBool::new(false)),
            full: false,
            wait: None,
            commit_every_articles: 1000,
            commit_every: Duration::from_secs(600),
            gazetteer: gazetteer.clone(),
            exact_fields,
        })
        .unwrap();
    }
    Engine::open(ArticleIndex::open(&path).unwrap(), gazetteer).unwrap()
}

fn copy(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn requests() -> Vec<SearchRequest> {
    let mut out = Vec::new();
    for q in QUERIES {
        for operator in [Operator::And, Operator::Or] {
            out.push(SearchRequest {
                query: q.to_string(),
                operator,
                snippets: true,
                ..SearchRequest::default()
            });
        }
    }
    out
}

#[test]
fn two_stages_find_count_and_rank_what_the_full_query_does() {
    let dir = tempfile::tempdir().unwrap();
    for exact_fields in [false, true] {
        let engine = engine(dir.path(), exact_fields);
        let searcher = engine.reader.searcher();
        assert!(searcher.segment_readers().len() > 1, "several segments");
        let deletes = searcher.segment_readers().iter().any(|s| s.has_deletes());
        assert!(deletes, "a segment with deletes");
        for req in requests() {
            let prepared = engine.prepare(&req, &searcher).unwrap();
            let what = format!(
                "{:?} ({:?}, exact fields {exact_fields})",
                req.query, req.operator
            );
            let full = prepared.query.count(&searcher).unwrap();
            assert_eq!(prepared.matching.count(&searcher).unwrap(), full, "{what}");
            // The engine's own count: document frequencies and bit sets.
            assert_eq!(
                engine.count(&searcher, &*prepared.matching).unwrap(),
                full,
                "{what}"
            );
            assert_eq!(
                engine.count(&searcher, &*prepared.matching).unwrap(),
                full,
                "{what}, kept"
            );
            let every = full.max(1);
            let by_full = searcher
                .search(
                    &*prepared.query,
                    &TopDocs::with_limit(every).order_by_score(),
                )
                .unwrap();
            let mut two = top(&searcher, &*prepared.matching, every).unwrap();
            add_extras(&searcher, &prepared.compiled.extras, &mut two).unwrap();
            assert_eq!(two.len(), by_full.len(), "{what}");
            for ((a, x), (b, y)) in two.iter().zip(&by_full) {
                assert!((a - b).abs() < 1e-4, "{what}: {a} against {b}");
                // Scores this close may swap on rounding.
                if x != y {
                    let other = by_full.iter().find(|(_, d)| d == x).unwrap().0;
                    assert!((other - a).abs() < 1e-4, "{what}: {x:?} out of place");
                }
            }
        }
    }
}

#[test]
fn snippets_cut_from_positions_are_those_of_the_analyzed_text() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path(), false);
    let searcher = engine.reader.searcher();
    let f = engine.index.fields;
    let mut cut = 0;
    for req in requests() {
        let prepared = engine.prepare(&req, &searcher).unwrap();
        let highlight = &prepared.compiled.highlight;
        let addrs: Vec<DocAddress> = searcher
            .search(
                &*prepared.matching,
                &TopDocs::with_limit(100).order_by_score(),
            )
            .unwrap()
            .into_iter()
            .map(|(_, a)| a)
            .collect();
        let positions = TermPositions::read(&searcher, f.body, highlight, &addrs).unwrap();
        let mut a = analyzer(Stages::ALL);
        for addr in addrs {
            let doc: Whole = searcher.doc(addr).unwrap();
            let title = doc.text(f.title).unwrap_or_default();
            let body = doc.text(f.body_text).unwrap_or_default();
            let at = positions.in_text(addr, title, &mut a);
            for chars in [40, 200] {
                let analyzed = snippet::best(&mut a, body, highlight, chars);
                let from_index = if at.is_empty() {
                    None
                } else {
                    snippet::best_at(&mut a, body, &at, positions.terms(), chars)
                };
                assert_eq!(from_index, analyzed, "{:?} in {addr:?}", req.query);
                cut += usize::from(from_index.is_some());
            }
        }
    }
    assert!(cut > 100, "only {cut} snippets compared");
}

#[test]
fn a_snippet_whose_positions_miss_their_words_is_refused() {
    let text = "قال الوزير إن القوات ستبقى";
    let mut a = analyzer(Stages::ALL);
    // Position 3 is `القوات`; position 2 is `إن`, not the term.
    assert!(snippet::best_at(&mut a, text, &[(3, "قوات")], 1, 100).is_some());
    assert!(snippet::best_at(&mut a, text, &[(2, "قوات")], 1, 100).is_none());
}

#[test]
fn a_batch_of_hits_from_the_columns_is_the_hits_one_by_one() {
    use super::columns::Columns;
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path(), false);
    let searcher = engine.reader.searcher();
    let columns = Columns::open(&searcher, &engine.index.path).unwrap();
    // Every live article, in an order that mixes the segments.
    let mut batch: Vec<(DocAddress, Option<f32>)> = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        for doc in segment.doc_ids_alive() {
            batch.push((DocAddress::new(ord as u32, doc), Some(doc as f32)));
        }
    }
    batch.sort_by_key(|(a, _)| (a.doc_id % 3, std::cmp::Reverse(*a)));
    let together = columns.hits(&batch, 7).unwrap();
    assert_eq!(together.len(), batch.len());
    for (i, (hit, &(addr, score))) in together.iter().zip(&batch).enumerate() {
        assert_eq!(*hit, columns.hit(addr, 7 + i, score).unwrap(), "{addr:?}");
        assert!(!hit.id.is_empty());
    }
}

#[test]
fn the_entities_a_query_names_give_their_articles_a_bonus() {
    use crate::search::rescore::Rescorer;
    use tantivy::collector::DocSetCollector;
    use tantivy::query::TermQuery;
    use tantivy::schema::{Facet, IndexRecordOption};
    use tantivy::Term;

    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path(), false);
    let searcher = engine.reader.searcher();
    let req = SearchRequest {
        query: "واشنطن والعراق -بغداد".into(),
        ..SearchRequest::default()
    };
    let prepared = engine.prepare(&req, &searcher).unwrap();
    let mut plan = prepared.compiled.rescore.clone();
    plan.entities = engine.entities_named(&plan.text);
    // A name negated is not asked for.
    assert_eq!(plan.entities, ["/place/united-states", "/place/iraq"]);
    let plan = &plan;

    // Every article tagged with the United States gets its bonus, whichever
    // name it uses; the others do not.
    let fields = &engine.index.fields;
    let us = Term::from_facet(fields.entity, &Facet::from("/place/united-states"));
    let tagged = searcher
        .search(
            &TermQuery::new(us, IndexRecordOption::Basic),
            &DocSetCollector,
        )
        .unwrap();
    let all: Vec<DocAddress> = searcher
        .search(&tantivy::query::AllQuery, &DocSetCollector)
        .unwrap()
        .into_iter()
        .collect();
    assert!(!tagged.is_empty() && tagged.len() < all.len());
    let bonuses = Rescorer::new(&searcher, fields.body, plan)
        .with_entities(fields.entity)
        .bonuses(&all)
        .unwrap();
    for (addr, b) in all.iter().zip(&bonuses) {
        let has = b
            .iter()
            .any(|m| m.field == "entity" && m.terms == "/place/united-states");
        assert_eq!(has, tagged.contains(addr), "{addr:?}");
    }
    // Without the entity field, no such bonus.
    let without = Rescorer::new(&searcher, fields.body, plan)
        .bonuses(&all)
        .unwrap();
    assert!(without.iter().flatten().all(|m| m.field != "entity"));
}
