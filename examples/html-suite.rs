//! Scores fahras's HTML reading on Mozilla Readability's test pages: for
//! each `PAGES/<name>/{source.html, expected.html, expected-metadata.json}`
//! it parses `source.html` as `fahras index` does and compares the result
//! with what Readability expects: the title exactly, the body as words
//! (F1 of the two bags of words), the published date and the site name
//! where the page has them, and how many bodies come out empty.
//!
//! `cargo run --release --example html-suite -- PAGES` (benches/html-suite.sh
//! extracts PAGES from a snapshot); `VERBOSE=1` lists every page.

use std::collections::HashMap;
use std::path::Path;

fn words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *bag.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// F1 of two bags of words (1 when both are empty).
fn f1(got: &HashMap<String, usize>, want: &HashMap<String, usize>) -> f64 {
    let (g, w): (usize, usize) = (got.values().sum(), want.values().sum());
    if g == 0 && w == 0 {
        return 1.0;
    }
    let common: usize = got
        .iter()
        .map(|(k, n)| (*n).min(want.get(k).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / g as f64, common as f64 / w as f64);
    2.0 * p * r / (p + r)
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `--time DIR`: parses every `.html` file under DIR on one thread and
/// prints the reading throughput.
fn time(dir: &str) {
    let files: Vec<std::path::PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect();
    let texts: Vec<String> = files
        .iter()
        .map(|f| String::from_utf8_lossy(&std::fs::read(f).unwrap_or_default()).into_owned())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let start = std::time::Instant::now();
    let read = texts
        .iter()
        .filter(|t| fahras::corpus::html::parse(t, String::new(), None).is_ok())
        .count();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} html files ({read} read), {:.1} MB in {secs:.2} s: {:.1} MB/s on one thread",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir] = argv.as_slice() {
        if flag == "--time" {
            return time(dir);
        }
    }
    let pages = argv
        .first()
        .cloned()
        .expect("usage: html-suite PAGES (the test/test-pages folder) | html-suite --time DIR");
    let verbose = std::env::var_os("VERBOSE").is_some();
    let mut names: Vec<String> = std::fs::read_dir(&pages)
        .expect("PAGES is a folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("source.html").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let (mut titles, mut empty, mut f1_sum, mut good) = (0, 0, 0.0, 0);
    let (mut dates, mut dated, mut sites, mut sited) = (0, 0, 0, 0);
    for name in &names {
        let dir = Path::new(&pages).join(name);
        let read = |f: &str| {
            String::from_utf8_lossy(&std::fs::read(dir.join(f)).unwrap_or_default()).into_owned()
        };
        let meta: serde_json::Value =
            serde_json::from_str(&read("expected-metadata.json")).unwrap_or_default();
        let expected = dom_query::Document::from(read("expected.html"));
        let text: Vec<String> = expected
            .root()
            .descendants_it()
            .filter(|n| n.is_text())
            .map(|n| n.text().to_string())
            .collect();
        let want = words(&text.join(" "));
        let article = fahras::corpus::html::parse(&read("source.html"), name.clone(), None).ok();
        let (title, body, date, source) = article
            .map(|a| (a.title, a.body, a.date.map(|d| d.to_string()), a.source))
            .unwrap_or_default();
        let score = f1(&words(&body), &want);
        f1_sum += score;
        good += usize::from(score >= 0.9);
        empty += usize::from(body.trim().is_empty());
        let title_ok = meta["title"]
            .as_str()
            .is_some_and(|t| squeeze(t) == squeeze(&title));
        titles += usize::from(title_ok);
        if let Some(when) = meta["publishedTime"].as_str() {
            dated += 1;
            dates += usize::from(date.as_deref().is_some_and(|d| when.starts_with(d)));
        }
        if let Some(site) = meta["siteName"].as_str() {
            sited += 1;
            sites += usize::from(
                source
                    .as_deref()
                    .is_some_and(|s| squeeze(s) == squeeze(site)),
            );
        }
        if verbose {
            println!(
                "{score:.3}  title {}  {name}  {title}",
                if title_ok { "ok  " } else { "diff" }
            );
        }
    }
    let n = names.len();
    println!("| figure | fahras |");
    println!("|---|---|");
    println!("| pages | {n} |");
    println!(
        "| title exactly as expected | {titles} of {n} ({:.2}) |",
        titles as f64 / n as f64
    );
    println!(
        "| body, word-level F1 (mean) | {:.2} — {good} pages ≥ 0.9, {empty} with an empty body |",
        f1_sum / n as f64
    );
    println!("| published date (where expected) | {dates} of {dated} |");
    println!("| site name (where expected) | {sites} of {sited} |");
}
