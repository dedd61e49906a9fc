//! Tests of gazetteer loading and merging.

use super::*;

#[test]
fn a_not_name_must_hold_one_of_the_names() {
    let load = |not: &str| {
        let toml = format!(
            r#"entity = [{{ id = "x", type = "org", ar = "بي بي", en = "X", not = ["{not}"] }}]"#
        );
        Gazetteer::from_sources(&[("g.toml".into(), toml)])
    };
    assert!(load("بي بي سي").is_ok());
    let err = load("سي إن إن").unwrap_err();
    assert!(err.message.contains("holds none of its names"), "{err}");
    assert_eq!(err.line, 1);
}

fn load(text: &str) -> Result<Gazetteer, GazetteerError> {
    Gazetteer::from_sources(&[("g.toml".into(), text.into())])
}

#[test]
fn the_default_gazetteer_loads_and_is_large() {
    let g = Gazetteer::load(&[]).unwrap();
    assert!(g.entities.len() >= 250, "{}", g.entities.len());
    for kind in BUILT_IN_TYPES {
        assert!(g.entities.iter().any(|e| e.kind == kind), "{kind}");
    }
    assert_eq!(g.get("lloyd-austin").unwrap().en, "Lloyd Austin");
}

#[test]
fn errors_name_the_file_line_and_problem() {
    let dup = load("entity = [\n{ id = \"a\", type = \"place\", ar = \"بغداد\", en = \"A\" },\n{ id = \"a\", type = \"place\", ar = \"بغداد\", en = \"A\" },\n]").unwrap_err();
    assert_eq!((dup.file.as_str(), dup.line), ("g.toml", 3));
    assert!(dup.message.contains("duplicate id"), "{dup}");
    let kind = load("[[entity]]\nid = \"b\"\ntype = \"weapon\"\nar = \"صاروخ\"\nen = \"B\"\n")
        .unwrap_err();
    assert!(kind.message.contains("unknown type"), "{kind}");
    assert_eq!(kind.line, 1);
    let empty = load(
        "[[entity]]\nid = \"c\"\ntype = \"org\"\nar = \"منظمة\"\nen = \"C\"\naliases = [\"\"]\n",
    )
    .unwrap_err();
    assert!(empty.message.contains("empty alias"), "{empty}");
    let syntax = load("[[entity]]\nid = \"d\"\ntype =\n").unwrap_err();
    assert_eq!(syntax.line, 3, "{syntax}");
    let first =
        load("[[entity]]\nid = \"e\"\ntype = \"person\"\nar = \"محمد\"\nen = \"E\"\n").unwrap_err();
    assert!(first.message.contains("first name"), "{first}");
}

#[test]
fn declared_types_are_accepted() {
    let g = load("types = [\"weapon\"]\n[[entity]]\nid = \"f16\"\ntype = \"weapon\"\nar = \"إف 16\"\nen = \"F-16\"\n").unwrap();
    assert!(g.entities.iter().any(|e| e.id == "f16"));
}

#[test]
fn later_files_extend_or_disable_entities() {
    let g = Gazetteer::from_sources(&[
        ("a".into(), "[[entity]]\nid = \"x\"\ntype = \"place\"\nar = \"بغداد\"\nen = \"Baghdad\"\naliases = [\"دار السلام\"]\n[[entity]]\nid = \"y\"\ntype = \"place\"\nar = \"أربيل\"\nen = \"Erbil\"\n".into()),
        ("b".into(), "[[entity]]\nid = \"x\"\nen = \"Bagdad\"\naliases = [\"عاصمة الرشيد\"]\n[[entity]]\nid = \"y\"\ndisabled = true\n".into()),
    ])
    .unwrap();
    let x = g.get("x").unwrap();
    assert_eq!(x.en, "Bagdad");
    assert_eq!(x.aliases, ["دار السلام", "عاصمة الرشيد"]);
    assert!(g.get("y").is_none());
}

#[test]
fn the_hash_changes_with_the_entities() {
    let a = load("[[entity]]\nid = \"x\"\ntype = \"place\"\nar = \"بغداد\"\nen = \"B\"\n").unwrap();
    let b = load("[[entity]]\nid = \"x\"\ntype = \"place\"\nar = \"بغداد\"\nen = \"C\"\n").unwrap();
    assert_ne!(a.hash, b.hash);
}

#[test]
fn from_must_be_a_date_and_requires_a_known_id() {
    let load = |extra: &str| {
        let toml = format!(
            r#"entity = [{{ id = "x", type = "event", ar = "حدث", en = "X", {extra} }},
{{ id = "iraq", type = "place", ar = "العراق", en = "Iraq" }}]"#
        );
        Gazetteer::from_sources(&[("g.toml".into(), toml)])
    };
    let ok = load(r#"from = "2023-10", requires = ["iraq"]"#).unwrap();
    assert_eq!(ok.get("x").unwrap().from.unwrap().to_string(), "2023-10-01");
    let bad_date = load(r#"from = "October""#).unwrap_err();
    assert!(bad_date.message.contains("is not a date"), "{bad_date}");
    let unknown = load(r#"requires = ["atlantis"]"#).unwrap_err();
    assert!(
        unknown
            .message
            .contains("\"atlantis\", which no gazetteer names"),
        "{unknown}"
    );
    assert_eq!((unknown.file.as_str(), unknown.line), ("g.toml", 1));
}
