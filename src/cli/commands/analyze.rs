//! `fahras analyze`: the analyzer's view of a text, like Elasticsearch's
//! `_analyze`.

use std::io::{BufRead, BufWriter, Read, Write};

use super::super::args::AnalyzeArgs;
use super::super::{stdout_error, Outcome};
use crate::analysis::{analyze, analyzer, views, Stages};
use crate::error::{Error, Result};
use crate::output::sanitize::one_line;
use crate::output::RecordFormat;

pub fn run(args: &AnalyzeArgs) -> Result<Outcome> {
    let mut analyzer = analyzer(Stages {
        stem: !args.no_stem,
        stopwords: !args.no_stopwords,
    });
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.lines {
        for line in stdin.lock().lines() {
            let line = line.map_err(|e| Error::io("cannot read standard input", e))?;
            let terms: Vec<String> = analyze(&mut analyzer, &line)
                .into_iter()
                .map(|t| t.term)
                .collect();
            writeln!(out, "{}", terms.join(" ")).map_err(stdout_error)?;
        }
        out.flush().map_err(stdout_error)?;
        return Ok(Outcome::Found);
    }
    let text = match &args.text {
        Some(t) => t.clone(),
        None => {
            let mut s = String::new();
            stdin
                .lock()
                .read_to_string(&mut s)
                .map_err(|e| Error::io("cannot read standard input", e))?;
            s
        }
    };
    let tokens = analyze(&mut analyzer, &text);
    let shown = views(&text, &tokens);
    match args.format {
        RecordFormat::Json => {
            serde_json::to_writer(&mut out, &shown).map_err(|e| stdout_error(e.into()))?;
            writeln!(out).map_err(stdout_error)?;
        }
        RecordFormat::Jsonl => {
            for s in &shown {
                serde_json::to_writer(&mut out, s).map_err(|e| stdout_error(e.into()))?;
                writeln!(out).map_err(stdout_error)?;
            }
        }
        RecordFormat::Text => {
            for s in &shown {
                writeln!(
                    out,
                    "{}\t{}..{}\t{}\t{}",
                    s.position,
                    s.start,
                    s.end,
                    one_line(s.text),
                    one_line(s.token)
                )
                .map_err(stdout_error)?;
            }
        }
    }
    out.flush().map_err(stdout_error)?;
    Ok(if shown.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}
