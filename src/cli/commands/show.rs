//! `fahras show ID`: the whole stored article.

use std::io::Write;

use super::super::args::ShowArgs;
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use crate::error::Result;
use crate::output::sanitize::for_terminal;
use crate::output::sanitize::one_line;
use crate::output::RecordFormat;
use crate::search::ShowRequest;

pub fn run(args: &ShowArgs, settings: &Settings) -> Result<Outcome> {
    let engine = settings.engine()?;
    let article = engine.article(&ShowRequest {
        id: args.id.clone(),
        path: args.path.clone(),
    })?;
    let mut out = std::io::stdout().lock();
    match args.format {
        RecordFormat::Json | RecordFormat::Jsonl => {
            serde_json::to_writer(&mut out, &article).map_err(|e| stdout_error(e.into()))?;
            writeln!(out).map_err(stdout_error)?;
        }
        RecordFormat::Text => {
            let style = settings.style;
            let mut meta = vec![format!("id: {}", one_line(&article.id))];
            meta.push(format!(
                "date: {}",
                article.date.as_deref().unwrap_or("undated")
            ));
            for (label, value) in [
                ("source", &article.source),
                ("translator", &article.translator),
                ("author", &article.author),
                ("url", &article.url),
                ("lang", &article.lang),
                ("dir", &article.dir),
            ] {
                if let Some(v) = value {
                    meta.push(format!("{label}: {}", one_line(v)));
                }
            }
            meta.push(format!("path: {}", one_line(&article.path)));
            writeln!(out, "{}", style.title(&one_line(&article.title))).map_err(stdout_error)?;
            for line in meta {
                writeln!(out, "{}", style.dim(&line)).map_err(stdout_error)?;
            }
            writeln!(out, "\n{}", for_terminal(&article.body)).map_err(stdout_error)?;
        }
    }
    Ok(Outcome::Found)
}
