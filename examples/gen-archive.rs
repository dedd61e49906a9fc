//! Generates a deterministic archive of Arabic news articles for
//! benchmarks: `cargo run --release --example gen-archive -- --articles
//! 200000 --out DIR --seed 1 [--bad-fraction 0.01]`.
//!
//! The vocabulary is the word forms of `sample-corpus/` (our own text),
//! drawn with their corpus frequencies, so word frequencies follow the
//! corpus's Zipf curve; clitics and suffixes are added at news-like rates
//! to widen it. Articles have a headline, a dateline, 300–900 words in
//! paragraphs, entity names from the built-in gazetteer about once in forty
//! words, and source and translator lines. Formats are mixed: txt in the
//! seed's style (90% of files), html (8%), json arrays of 10 (1.5%) and
//! jsonl files of 50 (0.5%), so about two thirds of the articles are txt; in `YYYY/MM/DD` folders. `--bad-fraction` adds
//! broken files (binary, empty, malformed JSON, no headline); `--queries N`
//! writes N search queries of one to three words to `OUT.queries`.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use fahras::entities::Gazetteer;
use rand::distr::weighted::WeightedIndex;
use rand::distr::Distribution;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

struct Args {
    articles: usize,
    out: PathBuf,
    seed: u64,
    bad_fraction: f64,
    queries: usize,
}

fn args() -> Args {
    let mut a = Args {
        articles: 10_000,
        out: PathBuf::from("bench-archive"),
        seed: 1,
        bad_fraction: 0.0,
        queries: 0,
    };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < argv.len() {
        let value = argv.get(i + 1).cloned().unwrap_or_default();
        match argv[i].as_str() {
            "--articles" => a.articles = value.parse().expect("--articles N"),
            "--out" => a.out = PathBuf::from(value),
            "--seed" => a.seed = value.parse().expect("--seed N"),
            "--bad-fraction" => a.bad_fraction = value.parse().expect("--bad-fraction F"),
            "--queries" => a.queries = value.parse().expect("--queries N"),
            other => {
                panic!("unknown argument {other}; see the doc comment of examples/gen-archive.rs")
            }
        }
        i += 2;
    }
    a
}

/// Word forms of the sample corpus with their counts.
fn vocabulary() -> (Vec<String>, Vec<u32>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus");
    let mut counts: HashMap<String, u32> = HashMap::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.expect("readable sample corpus");
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for w in text.split(|c: char| !('\u{0621}'..='\u{064A}').contains(&c) && c != '\u{0640}') {
            if w.chars().count() >= 2 {
                *counts.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(String, u32)> = counts.into_iter().collect();
    words.sort();
    words.into_iter().unzip()
}

struct Writer {
    rng: ChaCha8Rng,
    words: Vec<String>,
    weights: WeightedIndex<u32>,
    names: Vec<String>,
}

const PREFIXES: [&str; 8] = ["و", "ال", "وال", "بال", "لل", "ب", "ل", "ف"];
const SUFFIXES: [&str; 6] = ["ها", "هم", "ات", "ين", "ية", "ه"];
const SOURCES: [&str; 6] = [
    "وكالة الأنباء العراقية",
    "الشرق الأوسط",
    "العربية الانكليزية",
    "رويترز",
    "شبكة روداو",
    "وكالات",
];
const CITIES: [&str; 6] = ["بغداد", "أربيل", "البصرة", "الموصل", "واشنطن", "دمشق"];
const MONTHS: [&str; 12] = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];

impl Writer {
    fn word(&mut self) -> String {
        let base = &self.words[self.weights.sample(&mut self.rng)];
        let mut w = base.clone();
        if !w.starts_with("ال") && self.rng.random_bool(0.12) {
            w = format!("{}{w}", PREFIXES[self.rng.random_range(0..PREFIXES.len())]);
        }
        if self.rng.random_bool(0.06) {
            w.push_str(SUFFIXES[self.rng.random_range(0..SUFFIXES.len())]);
        }
        w
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut out = Vec::with_capacity(words);
        for _ in 0..words {
            if self.rng.random_bool(1.0 / 40.0) {
                out.push(self.names[self.rng.random_range(0..self.names.len())].clone());
            } else {
                out.push(self.word());
            }
        }
        out.join(" ")
    }

    fn article(&mut self) -> (String, String, (i16, i8, i8), String) {
        let title_len = self.rng.random_range(7..14);
        let title = self.sentence(title_len);
        let date = (
            self.rng.random_range(2019..=2025),
            self.rng.random_range(1..=12),
            self.rng.random_range(1..=28),
        );
        let mut body = format!(
            "{} - {} {} {}\n\n",
            CITIES[self.rng.random_range(0..CITIES.len())],
            date.2,
            MONTHS[(date.1 - 1) as usize],
            date.0
        );
        let mut left = self.rng.random_range(300..=900);
        while left > 0 {
            let n = self.rng.random_range(40..=80).min(left);
            body.push_str(&self.sentence(n));
            body.push_str(".\n\n");
            left -= n;
        }
        let source = SOURCES[self.rng.random_range(0..SOURCES.len())].to_string();
        (title, body.trim_end().to_string(), date, source)
    }
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn main() {
    let args = args();
    let (words, counts) = vocabulary();
    let gazetteer = Gazetteer::load(&[]).expect("built-in gazetteer");
    let names = gazetteer
        .entities
        .iter()
        .flat_map(|e| {
            e.arabic_forms()
                .map(|(f, _)| f.to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut w = Writer {
        rng: ChaCha8Rng::seed_from_u64(args.seed),
        weights: WeightedIndex::new(&counts).expect("non-empty vocabulary"),
        words,
        names,
    };
    std::fs::create_dir_all(&args.out).expect("output folder");
    let mut written = 0;
    let mut file_no = 0;
    let mut bytes = 0u64;
    while written < args.articles {
        file_no += 1;
        // Per file: 90% txt, 8% html, 1.5% json arrays of 10, 0.5% jsonl
        // of 50, so about two thirds of the articles come as txt.
        let kind = match w.rng.random_range(0..1000) {
            0..900 => 0,
            900..980 => 75,
            980..995 => 85,
            _ => 95,
        };
        let (title, body, (y, m, d), source) = w.article();
        let dir = args.out.join(format!("{y}/{m:02}/{d:02}"));
        std::fs::create_dir_all(&dir).expect("folder");
        if w.rng.random_bool(args.bad_fraction) {
            let path = dir.join(format!("broken-{file_no:07}.txt"));
            let content: &[u8] = match file_no % 4 {
                0 => b"\x00\x01\x02binary",
                1 => b"",
                2 => b"12345\n\n",
                _ => b"\xff\xfe\x00",
            };
            std::fs::write(&path, content).expect("write");
            if file_no % 8 == 3 {
                std::fs::write(
                    dir.join(format!("broken-{file_no:07}.json")),
                    b"{\"title\": \"x\",",
                )
                .expect("write");
            }
            continue;
        }
        let content = if kind < 70 {
            written += 1;
            let header = if file_no % 3 == 0 {
                "بغداد °C\n\n00964 770 555 0192\n\n"
            } else {
                ""
            };
            let translator = if file_no % 4 == 0 {
                "\n\nترجمة: فريق التحرير"
            } else {
                ""
            };
            let path = dir.join(format!("article-{file_no:07}.txt"));
            (
                path,
                format!("{header}{title}\n\n{body}\n\nالمصدر: {source}{translator}\n"),
            )
        } else if kind < 80 {
            written += 1;
            let path = dir.join(format!("page-{file_no:07}.html"));
            let paragraphs: String = body
                .split("\n\n")
                .map(|p| format!("<p>{}</p>\n", escape_html(p)))
                .collect();
            (
                path,
                format!(
                    "<!doctype html><html lang=\"ar\"><head><meta charset=\"utf-8\"><title>{t}</title><meta property=\"og:site_name\" content=\"{source}\"><meta property=\"article:published_time\" content=\"{y}-{m:02}-{d:02}\"></head><body><nav><a href=\"/\">الرئيسية</a></nav><article><h1>{t}</h1>\n{paragraphs}</article><footer>جميع الحقوق محفوظة</footer></body></html>\n",
                    t = escape_html(&title)
                ),
            )
        } else {
            let per_file = if kind < 90 { 10 } else { 50 };
            let mut items = vec![
                serde_json::json!({"title": title, "body": body, "date": format!("{y}-{m:02}-{d:02}"), "source": source}),
            ];
            written += 1;
            while items.len() < per_file && written < args.articles {
                let (t, b, (y, m, d), s) = w.article();
                items.push(serde_json::json!({"title": t, "body": b, "date": format!("{y}-{m:02}-{d:02}"), "source": s}));
                written += 1;
            }
            if kind < 90 {
                (
                    dir.join(format!("export-{file_no:07}.json")),
                    serde_json::to_string(&items).expect("json"),
                )
            } else {
                let lines: Vec<String> = items.iter().map(|v| v.to_string()).collect();
                (
                    dir.join(format!("dump-{file_no:07}.jsonl")),
                    lines.join("\n") + "\n",
                )
            }
        };
        bytes += content.1.len() as u64;
        std::fs::File::create(&content.0)
            .and_then(|mut f| f.write_all(content.1.as_bytes()))
            .expect("write article");
    }
    if args.queries > 0 {
        // One to three words drawn like the text, so common and rare words
        // both occur; every fifth query is an entity name.
        let mut out = String::new();
        for i in 0..args.queries {
            let q = if i % 5 == 4 {
                w.names[w.rng.random_range(0..w.names.len())].clone()
            } else {
                let n = w.rng.random_range(1..=3);
                (0..n)
                    .map(|_| w.words[w.weights.sample(&mut w.rng)].clone())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            out.push_str(&q);
            out.push('\n');
        }
        std::fs::write(args.out.with_extension("queries"), out).expect("queries file");
    }
    eprintln!(
        "wrote {written} articles in {file_no} files ({:.1} MB) to {}",
        bytes as f64 / 1e6,
        args.out.display()
    );
}
