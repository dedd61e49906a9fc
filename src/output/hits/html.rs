//! A standalone right-to-left HTML page: a section per query, a list item
//! per hit; every piece of article text escaped.

use std::io::{self, Write};

use super::{snippet_runs, QueryEnd, Render};
use crate::output::sanitize::html;
use crate::search::Hit;

pub(super) struct Html;

impl Render for Html {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(
            b"<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">\n<head><meta charset=\"utf-8\"><title>fahras</title>\n<style>body{font-family:sans-serif;max-width:50em;margin:auto}mark{background:#fe6}.meta{color:#666;font-size:90%}</style></head>\n<body>\n",
        )
    }

    fn begin_query(
        &mut self,
        out: &mut dyn Write,
        qid: Option<&str>,
        query: &str,
    ) -> io::Result<()> {
        let heading = qid
            .map(|q| format!("[{q}] {query}"))
            .unwrap_or_else(|| query.to_string());
        write!(out, "<section>\n<h2>{}</h2>\n<ol>\n", html(&heading))
    }

    fn hit(&mut self, out: &mut dyn Write, hit: &Hit) -> io::Result<()> {
        let snippet: String = snippet_runs(hit)
            .into_iter()
            .map(|(text, marked)| {
                if marked {
                    format!("<mark>{}</mark>", html(&text))
                } else {
                    html(&text)
                }
            })
            .collect();
        let meta = [
            hit.date.clone().unwrap_or_else(|| "undated".into()),
            hit.source.clone().unwrap_or_default(),
            hit.id.clone(),
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| html(s))
        .collect::<Vec<_>>()
        .join(" · ");
        writeln!(
            out,
            "<li><h3>{}</h3>\n<p class=\"meta\">{meta}</p>\n<p>{snippet}</p></li>",
            html(&hit.title)
        )
    }

    fn end_query(&mut self, out: &mut dyn Write, end: &QueryEnd) -> io::Result<()> {
        writeln!(
            out,
            "</ol>\n<p class=\"meta\">{} of {}</p>\n</section>",
            end.shown, end.total
        )
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"</body>\n</html>\n")
    }
}
