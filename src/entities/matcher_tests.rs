//! Tests of [`super::Matcher`]: names, clitics, `not` names, and the
//! judging of events and weak names in context.
use super::*;
use crate::corpus::date::Precision;
use crate::entities::Refusal;

fn ids(text: &str) -> Vec<String> {
    let g = Gazetteer::load(&[]).unwrap();
    let mut m = Matcher::new(&g);
    m.find(text)
        .into_iter()
        .map(|x| g.entities[x.entity].id.clone())
        .collect()
}

#[test]
fn clitics_on_the_first_word() {
    assert_eq!(ids("وبغداد"), ["baghdad"]);
    assert_eq!(ids("لبغداد"), ["baghdad"]);
    assert_eq!(ids("ببغداد"), ["baghdad"]);
    assert_eq!(ids("والسوداني"), ["mohammed-shia-al-sudani"]);
    assert_eq!(ids("للسوداني"), ["mohammed-shia-al-sudani"]);
}

#[test]
fn a_not_name_is_nobody_and_the_name_alone_still_counts() {
    assert_eq!(ids("نقلت بي بي سي عن مصادر"), Vec::<String>::new());
    assert_eq!(ids("وذكرت وبي بي سي أن"), Vec::<String>::new());
    assert_eq!(ids("أعلنت بي بي أرباحها"), ["bp"]);
    assert_eq!(ids("ذكرت صحيفة واشنطن بوست أن واشنطن"), ["united-states"]);
    assert_eq!(ids("فاز باريس سان جيرمان"), Vec::<String>::new());
    // A `not` name blocks only where it is the longest.
    assert_eq!(ids("نيويورك تايمز نيويورك"), ["new-york"]);
}

#[test]
fn events_count_only_from_their_start_and_beside_what_makes_them_specific() {
    let g = Gazetteer::load(&[]).unwrap();
    let mut m = Matcher::new(&g);
    let article = |title: &str, date: &str| crate::corpus::Article {
        title: title.into(),
        date: Some(date.parse().unwrap()),
        ..Default::default()
    };
    let gaza = "/event/gaza-war".to_string();
    assert!(!m
        .facets(&article("الحرب على غزة", "2018-05-14"))
        .contains(&gaza));
    assert!(m
        .facets(&article("الحرب على غزة", "2023-11-01"))
        .contains(&gaza));
    // Known to the month only: October 2023 may hold the 7th.
    let mut october = article("الحرب على غزة", "2023-10-01");
    october.date_precision = Precision::Month;
    assert!(m.facets(&october).contains(&gaza));
    let election = "/event/iraqi-election-2021".to_string();
    let turkey = m.facets(&article("أردوغان يدعو إلى الانتخابات المبكرة", "2021-05-01"));
    assert!(!turkey.contains(&election), "{turkey:?}");
    let iraq = m.facets(&article(
        "الكاظمي يحدد موعد الانتخابات المبكرة في العراق",
        "2021-05-01",
    ));
    assert!(iraq.contains(&election), "{iraq:?}");
    let e = g.index_of("iraqi-election-2021").unwrap();
    let mention = Mention {
        entity: e,
        start: 0,
        end: 10,
        adjective: false,
        weak: false,
    };
    let judged = m.judge(&[mention], None);
    assert!(
        matches!(&judged[0].1, Some(Refusal::Requires(ids)) if ids.contains(&"iraq".to_string()))
    );
}

#[test]
fn a_name_wins_over_a_not_name_of_the_same_length() {
    let toml = r#"entity = [
{ id = "bp", type = "org", ar = "بي بي", en = "BP", not = ["بي بي سي"] },
{ id = "bbc", type = "org", ar = "بي بي سي", en = "BBC" },
]"#;
    let g = Gazetteer::from_sources(&[("g".into(), toml.into())]).unwrap();
    let mut m = Matcher::new(&g);
    let found: Vec<&str> = m
        .find("قالت بي بي سي")
        .into_iter()
        .map(|x| g.entities[x.entity].id.as_str())
        .collect();
    assert_eq!(found, ["bbc"]);
}

#[test]
fn longest_match_wins() {
    assert_eq!(
        ids("رئيس الوزراء محمد شياع السوداني"),
        ["mohammed-shia-al-sudani"]
    );
    assert_eq!(ids("قاعدة عين الأسد الجوية"), ["ain-al-asad"]);
}

#[test]
fn spelling_variants_meet() {
    assert_eq!(ids("البنتاغون"), ["pentagon"]);
    assert_eq!(ids("البنتاجون"), ["pentagon"]);
    assert_eq!(ids("أوستن"), ["lloyd-austin"]);
    assert_eq!(ids("اوستن"), ["lloyd-austin"]);
}

#[test]
fn names_inside_longer_words_do_not_match() {
    assert!(ids("البغدادية").is_empty());
    assert!(ids("المحمدية").is_empty());
}

#[test]
fn a_lone_first_name_is_nobody() {
    assert!(ids("قال محمد إن").is_empty());
}

#[test]
fn a_weak_name_counts_only_beside_what_makes_it_specific() {
    let g = Gazetteer::load(&[]).unwrap();
    let mut m = Matcher::new(&g);
    let mut counted = |text: &str| -> Vec<String> {
        let found = m.find(text);
        m.judge(&found, None)
            .into_iter()
            .filter(|(_, r)| r.is_none())
            .map(|(i, _)| g.entities[i].id.clone())
            .collect()
    };
    // A common word: "enthusiasm", "a recent study".
    assert!(!counted("وحماس الجماهير كبير").contains(&"hamas".to_string()));
    assert!(!counted("كشفت دراسة حديثة").contains(&"haditha".to_string()));
    // Beside what makes it the name.
    assert!(counted("قصفت إسرائيل مواقع حماس").contains(&"hamas".to_string()));
    assert!(counted("معارك في حديثة غرب الأنبار").contains(&"haditha".to_string()));
    // Its strong names need nothing.
    assert!(counted("قالت حركة حماس").contains(&"hamas".to_string()));
    // Another place right after it makes it that place's body.
    let us = counted("صوت مجلس النواب الأمريكي بينما تحدث العراق");
    assert!(!us.contains(&"iraqi-parliament".to_string()), "{us:?}");
    let iraq = counted("صوت مجلس النواب على الموازنة في بغداد");
    assert!(iraq.contains(&"iraqi-parliament".to_string()), "{iraq:?}");
    // A weak name does not satisfy another's `requires`, and an entity may
    // require itself: Kabul counts beside Afghanistan.
    assert!(!counted("انقطع كابل الإنترنت").contains(&"afghanistan".to_string()));
    assert!(counted("هجوم في كابل عاصمة أفغانستان").contains(&"afghanistan".to_string()));
}

#[test]
fn weak_names_must_be_names_of_the_entity_and_need_requires() {
    let load = |e: &str| Gazetteer::from_sources(&[("g".into(), format!("entity = [{e}]"))]);
    let stray = load(
        r#"{ id = "x", type = "org", ar = "حركة س", en = "X", weak = ["س"], requires = ["iraq"] }"#,
    );
    assert!(stray.unwrap_err().message.contains("none of its names"));
    let bare = load(r#"{ id = "x", type = "org", ar = "س", en = "X", weak = ["س"] }"#);
    assert!(bare.unwrap_err().message.contains("no `requires`"));
}

#[test]
fn not_names_are_reported_with_the_entity_they_block() {
    let g = Gazetteer::load(&[]).unwrap();
    let mut m = Matcher::new(&g);
    let (found, blocked) = m.find_explained("قالت بي بي سي");
    assert!(found.is_empty());
    assert_eq!(blocked.len(), 1);
    assert_eq!(g.entities[blocked[0].owner].id, "bp");
}

#[test]
fn a_family_name_alone_is_the_person_only_where_they_are_named_in_full() {
    let g = Gazetteer::load(&[]).unwrap();
    let mut m = Matcher::new(&g);
    let mut counted = |text: &str| -> bool {
        let found = m.find(text);
        let maliki = g.index_of("nouri-al-maliki").unwrap();
        m.judge(&found, None)
            .iter()
            .any(|(i, r)| *i == maliki && r.is_none())
    };
    // The coalition's spokesman in Yemen and Palestine's foreign minister.
    assert!(!counted("قال العقيد تركي المالكي إن التحالف اعترض صاروخا"));
    assert!(!counted("وصل رياض المالكي إلى لاهاي، وقال المالكي إن"));
    // News names a person in full first; a bare family name, even beside
    // Iraq, is someone else as often as not.
    assert!(!counted("وفي تعز، قال المالكي إن العراق لم يتدخل"));
    assert!(counted(
        "التقى نوري المالكي السفير، وقال المالكي إن الحكومة"
    ));
    assert!(counted("نوري المالكي"));
}
