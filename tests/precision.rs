//! The analyzer keeps unrelated news words apart and lets the spellings of
//! one word meet, seen from `fahras search` on small archives.

mod common;

use std::fs;

use common::*;

/// An index of one JSONL file of `(id, body)` articles, and that file's
/// folder, which lives as long as the index.
struct Archive {
    _files: tempfile::TempDir,
    indexed: Indexed,
}

fn archive(articles: &[(&str, &str)]) -> Archive {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = articles
        .iter()
        .map(|(id, body)| serde_json::json!({"id": id, "title": "", "body": body}).to_string())
        .collect();
    let file = dir.path().join("articles.jsonl");
    fs::write(&file, lines.join("\n") + "\n").unwrap();
    let indexed = Indexed::new(&[&file]);
    assert!(
        indexed.output.status.success(),
        "{}",
        stderr(&indexed.output)
    );
    Archive {
        _files: dir,
        indexed,
    }
}

fn ids(archive: &Archive, query: &str) -> Vec<String> {
    let out = fahras()
        .args(["search", "--index"])
        .arg(&archive.indexed.index)
        .args(["--format", "jsonl", "--fields", "id", "--", query])
        .output()
        .unwrap();
    assert!(out.status.code().unwrap() <= 1, "{}", stderr(&out));
    let mut ids = jsonl_ids(&out);
    ids.sort();
    ids
}

#[test]
fn iraqi_never_finds_ethnic() {
    let indexed = archive(&[
        ("iraqi", "قالت الحكومة العراقية إن المحادثات مستمرة"),
        ("ethnic", "حذر التقرير من توترات عرقية في المنطقة"),
        ("iraq", "وصل الوفد إلى العراق صباح اليوم"),
    ]);
    assert_eq!(ids(&indexed, "العراقية"), ["iraqi"]);
    assert_eq!(ids(&indexed, "عرقية"), ["ethnic"]);
}

#[test]
fn words_that_share_letters_stay_apart() {
    let indexed = archive(&[
        ("ministries", "اجتمع ممثلو الوزارات المعنية"),
        ("visited", "زار الرئيس المدينة أمس"),
        ("cameras", "رصدت الكاميرات الحادث"),
        ("emir", "استقبل الأمير الوفد"),
        ("opposition", "رفضت المعارضة الاقتراح"),
        ("exhibition", "افتتح المعرض أبوابه"),
    ]);
    assert_eq!(ids(&indexed, "وزارات"), ["ministries"]);
    assert_eq!(ids(&indexed, "كاميرات"), ["cameras"]);
    assert_eq!(ids(&indexed, "المعارضة"), ["opposition"]);
}

#[test]
fn a_final_heh_typed_for_teh_marbuta_finds_the_word() {
    let indexed = archive(&[
        ("treasury", "أعلنت وزارة الخزانة عقوبات جديدة"),
        ("hezbollah", "قالت كتائب حزب الله في بيان"),
        ("tanks", "انفجر خزان وقود قرب الميناء"),
    ]);
    let treasury = ids(&indexed, "الخزانة");
    assert!(treasury.contains(&"treasury".to_string()));
    let typed = ids(&indexed, "الخزانه");
    assert!(treasury.iter().all(|id| typed.contains(id)), "{typed:?}");
    assert_eq!(
        ids(&indexed, "كتائب حزب اللة"),
        ids(&indexed, "كتائب حزب الله")
    );
    assert_eq!(ids(&indexed, "كتائب حزب اللة"), ["hezbollah"]);
}

#[test]
fn clitics_and_spellings_of_a_name_meet() {
    let indexed = archive(&[
        ("a", "التقى الكاظمي بالوفد"),
        ("b", "وقال كاظمي إن الاتفاق قريب"),
        ("c", "نزح آلاف اللاجئين"),
        ("d", "وصل الاف من لاجئين آخرين"),
    ]);
    assert_eq!(ids(&indexed, "كاظمي"), ["a", "b"]);
    assert_eq!(ids(&indexed, "الآلاف"), ["c", "d"]);
    assert_eq!(ids(&indexed, "لاجئ"), ["c", "d"]);
}
