//! Saved news pages: what `show` gives for the HTML files of the sample
//! corpus, written in the layouts Arabic news sites use.

mod common;

use common::*;

#[test]
fn html_articles_give_title_date_source_and_clean_text() {
    let ix = Indexed::sample();
    let out = ix
        .cmd(&["show", "web/erbil-airport-drone.html", "--format", "json"])
        .output()
        .unwrap();
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        a["title"],
        "هجوم بطائرة مسيّرة على قاعدة للتحالف قرب مطار أربيل"
    );
    assert_eq!(a["date"], "2023-11-05");
    assert_eq!(a["source"], "نشرة الشمال");
    let body = a["body"].as_str().unwrap();
    for noise in ["الرئيسية", "اقرأ أيضاً", "الحقوق", "analytics"] {
        assert!(!body.contains(noise), "{noise} leaked into {body}");
    }
    let ld = ix
        .cmd(&["show", "web/sinjar-agreement.html", "--format", "json"])
        .output()
        .unwrap();
    let b: serde_json::Value = serde_json::from_slice(&ld.stdout).unwrap();
    assert_eq!(b["date"], "2020-10-09");
    assert!(!b["body"].as_str().unwrap().contains("اشترك"));
}

/// Pages in the layouts Arabic news sites use: nested `<div>`s, share bars,
/// "read also" links, related and most-read lists, tags, newsletter boxes,
/// readers' comments longer than some paragraphs, a date shown as words.
#[test]
fn arabic_news_layouts_give_the_article_and_nothing_else() {
    let ix = Indexed::sample();
    let show = |id: &str| -> serde_json::Value {
        let out = ix.cmd(&["show", id, "--format", "json"]).output().unwrap();
        assert!(out.status.success(), "{id}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    struct Page {
        id: &'static str,
        title: &'static str,
        date: &'static str,
        source: &'static str,
        author: Option<&'static str>,
        lang: &'static str,
        paragraphs: usize,
        first: &'static str,
        last: &'static str,
        noise: &'static [&'static str],
    }
    let pages = [
        Page {
            id: "web/mosul-old-city-rebuild.html",
            title: "إعادة إعمار المدينة القديمة في الموصل تتعثر بانتظار التمويل",
            date: "2021-07-14",
            source: "شبكة دجلة الإخبارية",
            author: Some("الموصل - مراسل الشبكة"),
            lang: "ar",
            paragraphs: 5,
            first: "قال مسؤولون محليون في نينوى",
            last: "حين تغيب الدولة.",
            noise: &[
                "شارك الخبر",
                "فيسبوك",
                "اقرأ أيضاً",
                "تطلق مرحلة جديدة",
                "الوسوم",
                "أخبار ذات صلة",
                "البنك الدولي",
                "الأكثر قراءة",
                "الذهب",
                "عاجل",
                "الرئيسية",
                "الحقوق",
                "dataLayer",
            ],
        },
        Page {
            id: "web/basra-oil-exports.html",
            // The site's name before the headline in <title> is the source.
            title: "صادرات النفط من موانئ البصرة ترتفع رغم الاحتجاجات",
            date: "2018-09-18",
            source: "صحيفة الخليج العربي",
            author: None,
            lang: "ar-IQ",
            paragraphs: 5,
            first: "البصرة - خاص",
            last: "ولا يعود إليهم منه شيء.",
            noise: &[
                "الثلاثاء 18 أيلول",
                "طباعة",
                "أرسل لصديق",
                "كلمات مفتاحية",
                "تعليقات القراء",
                "أبو علي",
                "أين تذهب أموال النفط",
                "آخر الأخبار",
                "وزير الخارجية",
                "RSS",
                "إرسال",
            ],
        },
        Page {
            id: "web/kirkuk-census-talks.html",
            title: "بغداد وأربيل تستأنفان المحادثات حول إدارة كركوك",
            date: "2022-03-06",
            source: "وكالة الفرات للأنباء",
            author: Some("سارة الجبوري"),
            lang: "ar",
            paragraphs: 4,
            first: "استأنف وفدان من الحكومة الاتحادية",
            last: "بعد استفتاء الاستقلال في الإقليم.",
            noise: &[
                "شارك على فيسبوك",
                "غرّد",
                "مواضيع قد تهمك",
                "تظاهرات في كركوك",
                "اشترك في نشرتنا",
                "التعليقات",
                "كركوك عراقية وستبقى",
                "منذ عام 2003",
                "سياسة الخصوصية",
                "فيديو",
            ],
        },
    ];
    for p in pages {
        let a = show(p.id);
        assert_eq!(a["title"], p.title, "{}", p.id);
        assert_eq!(a["date"], p.date, "{}", p.id);
        assert_eq!(a["source"], p.source, "{}", p.id);
        assert_eq!(a["author"].as_str(), p.author, "{}", p.id);
        assert_eq!(
            (a["lang"].as_str(), a["dir"].as_str()),
            (Some(p.lang), Some("rtl"))
        );
        let body = a["body"].as_str().unwrap();
        let paragraphs: Vec<&str> = body.split("\n\n").collect();
        assert_eq!(paragraphs.len(), p.paragraphs, "{}: {body}", p.id);
        assert!(paragraphs[0].starts_with(p.first), "{}: {body}", p.id);
        assert!(body.ends_with(p.last), "{}: {body}", p.id);
        for noise in p.noise {
            assert!(
                !body.contains(noise),
                "{}: {noise} leaked into {body}",
                p.id
            );
        }
    }
}
