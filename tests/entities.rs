//! Entity recognition and facets: measured on an annotated set, and used
//! from the command line.

mod common;

use std::collections::BTreeSet;

use common::*;
use fahras::entities::{Gazetteer, Matcher};

/// Precision and recall over (sentence, entity) pairs of the annotated set.
#[test]
fn recognition_precision_and_recall_on_the_annotated_set() {
    let text = std::fs::read_to_string(fixture("entities/annotated.tsv")).unwrap();
    let gazetteer = Gazetteer::load(&[]).unwrap();
    let mut matcher = Matcher::new(&gazetteer);
    let (mut tp, mut fp, mut fn_, mut sentences) = (0usize, 0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (ids, sentence) = line.split_once('\t').expect("ids<TAB>sentence");
        sentences += 1;
        let want: BTreeSet<&str> = ids.split(',').filter(|i| *i != "-").collect();
        for id in &want {
            assert!(
                gazetteer.get(id).is_some(),
                "gold id {id} is not in the gazetteer"
            );
        }
        let got: BTreeSet<&str> = matcher
            .find(sentence)
            .iter()
            .map(|m| gazetteer.entities[m.entity].id.as_str())
            .collect();
        tp += want.intersection(&got).count();
        fp += got.difference(&want).count();
        fn_ += want.difference(&got).count();
        if got != want {
            misses.push(format!("{sentence}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!(
        "{sentences} sentences: precision {precision:.3}, recall {recall:.3} (tp {tp}, fp {fp}, fn {fn_})\n{}",
        misses.join("\n")
    );
    assert!(sentences >= 150);
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.90, "recall {recall:.3}");
}

#[test]
fn an_english_name_finds_arabic_only_articles() {
    let ix = Indexed::sample();
    for filter in [
        ["--entity", "Lloyd Austin"],
        ["--entity", "lloyd-austin"],
        ["--entity", "person/lloyd-austin"],
    ] {
        let out = ix
            .cmd(
                &[
                    &["search", "--format", "jsonl", "--fields", "id"],
                    &filter[..],
                ]
                .concat(),
            )
            .output()
            .unwrap();
        assert!(
            stdout(&out).contains(SEED_ID),
            "{filter:?}: {}",
            stderr(&out)
        );
    }
    let q = ix
        .cmd(&[
            "search",
            "entity:\"Lloyd Austin\" انسحاب",
            "--format",
            "jsonl",
            "--fields",
            "id",
        ])
        .output()
        .unwrap();
    assert!(stdout(&q).contains(SEED_ID), "{}", stderr(&q));
}

#[test]
fn all_entity_filters_must_match() {
    let ix = Indexed::sample();
    let one = ix
        .cmd(&["search", "--entity", "isis", "--all", "--format", "jsonl"])
        .output()
        .unwrap();
    let two = ix
        .cmd(&[
            "search",
            "--entity",
            "isis",
            "--entity",
            "بغداد",
            "--all",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    let (a, b) = (stdout(&one).lines().count(), stdout(&two).lines().count());
    assert!(a > b && b > 0, "{a} {b}");
    for line in stdout(&two).lines() {
        let hit: Hit = serde_json::from_str(line).unwrap();
        assert!(
            hit.entities.contains(&"isis".to_string())
                && hit.entities.contains(&"baghdad".to_string())
        );
    }
}

#[test]
fn an_unknown_entity_is_an_error_with_suggestions() {
    let ix = Indexed::sample();
    let out = ix
        .cmd(&["search", "--entity", "Loyd Austen"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean lloyd-austin"),
        "{}",
        stderr(&out)
    );
    let q = ix
        .cmd(&["search", "entity:nobody-at-all"])
        .output()
        .unwrap();
    assert_eq!(q.status.code(), Some(2));
    assert!(stderr(&q).contains("character 8"), "{}", stderr(&q));
}

#[test]
fn facets_count_over_all_matching_articles() {
    let ix = Indexed::sample();
    let out = ix
        .cmd(&["facets", "--format", "json", "--top", "3"])
        .output()
        .unwrap();
    let f: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(f["articles"], 47);
    let places = f["types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["type"] == "place")
        .unwrap();
    assert_eq!(places["top"].as_array().unwrap().len(), 3);
    assert!(places["others"].as_u64().unwrap() > 0);
    let ids: Vec<&str> = places["top"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"iraq"), "{ids:?}");

    // The same counts come with a search, over every hit, not just the page.
    let s = ix
        .cmd(&[
            "search", "داعش", "-n", "1", "--facets", "5", "--format", "json",
        ])
        .output()
        .unwrap();
    let r: serde_json::Value = serde_json::from_slice(&s.stdout).unwrap();
    assert_eq!(r["hits"].as_array().unwrap().len(), 1);
    assert_eq!(r["facets"]["articles"], r["total"]);
    let orgs = r["facets"]["types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["type"] == "org")
        .unwrap();
    assert_eq!(orgs["top"][0]["id"], "isis");
    assert_eq!(orgs["top"][0]["count"], r["total"]);

    let persons = ix
        .cmd(&["facets", "--type", "person", "--format", "json"])
        .output()
        .unwrap();
    let p: serde_json::Value = serde_json::from_slice(&persons.stdout).unwrap();
    assert_eq!(p["types"].as_array().unwrap().len(), 1);
}

#[test]
fn entities_command_shows_spans() {
    let out = fahras()
        .args(["entities", "--format", "json"])
        .write_stdin("وقال السوداني في بغداد")
        .output()
        .unwrap();
    let found: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let text = "وقال السوداني في بغداد";
    assert_eq!(found.len(), 2);
    assert_eq!(found[0]["id"], "mohammed-shia-al-sudani");
    let (s, e) = (
        found[1]["start"].as_u64().unwrap() as usize,
        found[1]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "بغداد");
}

#[test]
fn a_user_gazetteer_adds_entities_and_a_change_rebuilds_the_index() {
    let ix = Indexed::sample();
    let g = ix.dir.path().join("mine.toml");
    std::fs::write(&g, "[[entity]]\nid = \"tahrir-square\"\ntype = \"place\"\nar = \"ساحة التحرير\"\nen = \"Tahrir Square\"\n").unwrap();
    let cfg = ix.dir.path().join("fahras.toml");
    std::fs::write(&cfg, format!("[entities]\ngazetteers = [{:?}]\n", g)).unwrap();
    // Searching with a changed gazetteer warns that the index is stale.
    let stale = ix.cmd(&["search", "كورمور"]).output().unwrap();
    assert!(
        stderr(&stale).contains("gazetteer changed"),
        "{}",
        stderr(&stale)
    );
    let run = ix
        .cmd(&["index", "--json"])
        .arg(sample_corpus())
        .output()
        .unwrap();
    let s: Summary = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(s.mode, "full");
    assert!(
        stderr(&run).contains("the gazetteer changed"),
        "{}",
        stderr(&run)
    );
    let out = ix
        .cmd(&[
            "search",
            "--entity",
            "Tahrir Square",
            "--format",
            "jsonl",
            "--fields",
            "id",
        ])
        .output()
        .unwrap();
    assert!(
        stdout(&out).contains("tishreen-protests"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_broken_gazetteer_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("bad.toml");
    std::fs::write(&g, "[[entity]]\nid = \"x\"\ntype = \"place\"\nar = \"بغداد\"\nen = \"X\"\n\n[[entity]]\nid = \"x\"\ntype = \"place\"\nar = \"بغداد\"\nen = \"X\"\n").unwrap();
    let cfg = dir.path().join("fahras.toml");
    std::fs::write(&cfg, format!("[entities]\ngazetteers = [{:?}]\n", g)).unwrap();
    let out = fahras()
        .current_dir(dir.path())
        .args(["entities", "بغداد"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("bad.toml:7") && err.contains("duplicate id"),
        "{err}"
    );
}

#[test]
fn entities_says_why_a_name_is_not_counted() {
    let out = fahras()
        .args([
            "entities",
            "--date",
            "2018-05",
            "--format",
            "jsonl",
            "الحرب على غزة والانتخابات المبكرة في تركيا",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let found: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let refused = |id: &str| {
        found
            .iter()
            .find(|f| f["id"] == id)
            .and_then(|f| f["refused"].as_str().map(str::to_string))
    };
    assert!(refused("gaza-war").unwrap().contains("before 2023-10-07"));
    assert_eq!(refused("turkey"), None);
    // A `not` name, and a weak name that another place qualifies.
    let why = fahras()
        .args([
            "entities",
            "قالت بي بي سي إن مجلس النواب الأمريكي صوت في واشنطن وبغداد",
        ])
        .output()
        .unwrap();
    let text = stdout(&why);
    assert!(
        text.contains("\"بي بي سي\" is one of its `not` names"),
        "{text}"
    );
    assert!(text.contains("followed by united-states"), "{text}");
    // Undated, the election is refused for want of Iraq, not of time.
    let undated = fahras()
        .args(["entities", "الانتخابات المبكرة في تركيا"])
        .output()
        .unwrap();
    assert!(
        stdout(&undated).contains("not counted: the article names none of iraq"),
        "{}",
        stdout(&undated)
    );
    let bad = fahras()
        .args(["entities", "--date", "soon", "نص"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--date \"soon\" is not a date"));
}

/// Events on a small dated archive: an article from before an event never
/// mentions it, and a generic name counts only beside its country.
#[test]
fn events_are_tagged_by_date_and_context_in_an_indexed_archive() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dated.jsonl");
    let article = |id: &str, date: &str, body: &str| {
        serde_json::json!({"id": id, "date": date, "title": "", "body": body}).to_string()
    };
    let lines = [
        article(
            "gaza-2018",
            "2018-05-14",
            "تواصلت الحرب على غزة واحتجاجات مسيرة العودة",
        ),
        article(
            "gaza-2023",
            "2023-11-01",
            "تواصلت الحرب على غزة لليوم السادس والعشرين",
        ),
        article(
            "iraq-2021",
            "2021-06-01",
            "حدد الكاظمي موعد الانتخابات المبكرة في العراق",
        ),
        article(
            "turkey-2018",
            "2018-04-20",
            "دعا أردوغان إلى الانتخابات المبكرة في تركيا",
        ),
        article(
            "study",
            "2018-03-01",
            "كشفت دراسة حديثة أن حماس الجماهير يرفع الأداء",
        ),
    ];
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let ix = Indexed::new(&[&file]);
    assert!(ix.output.status.success(), "{}", stderr(&ix.output));
    let with = |entity: &str| -> Vec<String> {
        let out = ix
            .cmd(&["search", "--entity", entity, "--all", "--format", "jsonl"])
            .output()
            .unwrap();
        jsonl_ids(&out)
    };
    assert_eq!(with("gaza-war"), ["gaza-2023"]);
    assert_eq!(with("iraqi-election-2021"), ["iraq-2021"]);
    assert!(with("haditha").is_empty());
    assert!(with("hamas").is_empty());
}
