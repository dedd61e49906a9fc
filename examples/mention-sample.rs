//! Samples entity mentions from a JSON Lines archive for judging by hand:
//! the `TOP` entities named in the most articles, `PER` mentions of each at
//! random (a fixed seed, so the sample can be drawn again), each printed
//! with its sentence, the mention in `[[ ]]`.
//!
//! `cargo run --release --example mention-sample -- CORPUS.jsonl [TOP PER]`
//! (`SEED=N` for another draw)
//!
//! Output, tab-separated, one mention per line, ready to be judged (the
//! `?` replaced by `y` or `n`) and kept as tests/fixtures/entities/…:
//! entity id, `?`, article id, date, the entities the article names (for
//! `requires`), the sentence.

use std::collections::HashMap;
use std::io::{BufRead, Write};

use fahras::corpus::date::parse_period;
use fahras::entities::{Gazetteer, Matcher};

/// The most words of a sentence kept on each side of the mention.
const SIDE: usize = 18;

struct Found {
    article: usize,
    start: usize,
    end: usize,
}

/// xorshift64*: a fixed sequence, no dependency.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
}

/// The sentence around `start..end`, at most [`SIDE`] words each side, the
/// mention marked, on one line.
fn sentence(body: &str, start: usize, end: usize) -> String {
    let stop = |c: char| matches!(c, '.' | '!' | '?' | '؟' | '\n' | '\t');
    let from = body[..start]
        .char_indices()
        .rfind(|&(_, c)| stop(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = body[end..]
        .char_indices()
        .find(|&(_, c)| stop(c))
        .map_or(body.len(), |(i, c)| end + i + c.len_utf8());
    let before: Vec<&str> = body[from..start].split_whitespace().collect();
    let after: Vec<&str> = body[end..to].split_whitespace().collect();
    let before = &before[before.len().saturating_sub(SIDE)..];
    let after = &after[..after.len().min(SIDE)];
    // A mention may end inside a word (`البصرة,`) or start inside one
    // (`وبغداد`): keep the word whole, mark the name.
    let glue_before = !body[..start].ends_with(char::is_whitespace) && !before.is_empty();
    let glue_after = !body[end..].starts_with(char::is_whitespace) && !after.is_empty();
    let mut out = before.join(" ");
    if !glue_before && !out.is_empty() {
        out.push(' ');
    }
    out.push_str("[[");
    out.push_str(&body[start..end]);
    out.push_str("]]");
    if !glue_after && !after.is_empty() {
        out.push(' ');
    }
    out.push_str(&after.join(" "));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let (path, top, per) = match argv.as_slice() {
        [p] => (p.clone(), 50, 11),
        [p, t, n] => (p.clone(), t.parse().unwrap(), n.parse().unwrap()),
        _ => panic!("usage: mention-sample CORPUS.jsonl [TOP PER]"),
    };
    let gazetteer = Gazetteer::load(&[]).expect("gazetteer");
    let mut matcher = Matcher::new(&gazetteer);
    let file = std::io::BufReader::new(std::fs::File::open(&path).expect("corpus"));
    let mut articles: Vec<(String, String, String, Vec<String>)> = Vec::new();
    let mut by_entity: HashMap<usize, Vec<Found>> = HashMap::new();
    let mut article_count: HashMap<usize, usize> = HashMap::new();
    for line in file.lines() {
        let v: serde_json::Value = serde_json::from_str(&line.expect("line")).expect("json");
        let text = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        let (id, date, body) = (text("id"), text("date"), text("body"));
        let period = parse_period(&date);
        let mentions = matcher.find(&body);
        let judged = matcher.judge(&mentions, period);
        let counted: Vec<usize> = judged
            .iter()
            .filter(|(_, r)| r.is_none())
            .map(|(i, _)| *i)
            .collect();
        let names: Vec<String> = counted
            .iter()
            .map(|&i| gazetteer.entities[i].id.clone())
            .collect();
        let a = articles.len();
        for &i in &counted {
            *article_count.entry(i).or_default() += 1;
        }
        for m in mentions.iter().filter(|m| counted.contains(&m.entity)) {
            by_entity.entry(m.entity).or_default().push(Found {
                article: a,
                start: m.start,
                end: m.end,
            });
        }
        articles.push((id, date, body, names));
    }
    let mut ranked: Vec<(usize, usize)> = article_count.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    // SEED draws another sample (a held-out one, after fixes).
    let seed = std::env::var("SEED").map_or(0x005e_edfa_47a5_u64, |s| s.parse().expect("SEED"));
    let mut random = Random(seed);
    let mut out = std::io::stdout().lock();
    for &(entity, n) in ranked.iter().take(top) {
        let found = &by_entity[&entity];
        let id = &gazetteer.entities[entity].id;
        eprintln!("{id}: {n} articles, {} mentions", found.len());
        let mut picked: Vec<usize> = Vec::new();
        while picked.len() < per.min(found.len()) {
            let k = random.below(found.len());
            if !picked.contains(&k) {
                picked.push(k);
            }
        }
        picked.sort_unstable();
        for k in picked {
            let f = &found[k];
            let (aid, date, body, names) = &articles[f.article];
            writeln!(
                out,
                "{id}\t?\t{aid}\t{date}\t{}\t{}",
                names.join(","),
                sentence(body, f.start, f.end)
            )
            .unwrap();
        }
    }
}
