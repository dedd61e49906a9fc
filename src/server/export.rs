//! `/api/export`: every hit, streamed as JSON Lines or CSV. The engine
//! writes on a worker into a bounded channel the response body drains, so
//! memory stays constant however many hits there are and a slow client
//! slows the export instead of filling memory.

use std::io::{self, Write};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::Response;
use tokio::sync::mpsc;

use crate::output::fields::HitField;
use crate::output::hits::HitWriter;
use crate::output::{Format, Style};
use crate::search::{Hit, HitSink, SearchRequest, Sort};

use super::error::ApiError;
use super::input::Input;
use super::pool::Pool;
use super::requests::{self, known};
use super::state::AppState;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    Jsonl,
    Csv,
}

/// Bytes gathered before a chunk goes out.
const CHUNK: usize = 64 * 1024;
/// Chunks in flight between the worker and the connection.
const IN_FLIGHT: usize = 8;

pub async fn export(
    State(st): State<Arc<AppState>>,
    Input(p): Input,
) -> Result<Response, ApiError> {
    p.only(&known(&[
        "q",
        "sort",
        "any",
        "exact",
        "fields",
        "format",
        "snippet_chars",
    ]))?;
    let format = p
        .choice::<ExportFormat>("format")?
        .unwrap_or(ExportFormat::Jsonl);
    // First the count, for X-Total-Count, on the engine the export then
    // uses: both see the same commit.
    let pool = st.pool.clone();
    let (engine, req, fields, total) = pool
        .run(move || {
            let engine = st.engines.current();
            let mut req = requests::filters(&p, &st, engine.gazetteer())?;
            req.sort = p.choice::<Sort>("sort")?;
            if let Some(n) = p.number::<usize>("snippet_chars")? {
                req.snippet_chars = crate::search::request::clamp_snippet_chars(n);
            }
            let fields = requests::fields(&p)?;
            let shown = fields
                .clone()
                .unwrap_or_else(|| HitField::defaults(false, true, false));
            HitField::load_only(&shown, &mut req);
            req.validate()
                .map_err(|e| ApiError::bad_request(e.to_string()))?;
            let total = engine
                .search(&SearchRequest {
                    limit: 1,
                    snippets: false,
                    stored: false,
                    sort: None,
                    facets: None,
                    ..req.clone()
                })?
                .total;
            Ok((engine, req, fields, total))
        })
        .await?;
    let slot = pool.slot().await?;
    let (tx, mut rx) = mpsc::channel::<Result<Bytes, io::Error>>(IN_FLIGHT);
    let failed = tx.clone();
    tokio::spawn(Pool::blocking(slot, move || {
        let out = ChannelWriter {
            tx,
            buf: Vec::with_capacity(CHUNK),
        };
        let format = match format {
            ExportFormat::Jsonl => Format::Jsonl,
            ExportFormat::Csv => Format::Csv,
        };
        let plain = Style {
            color: false,
            width: None,
        };
        let defaults = HitField::defaults(false, true, false);
        let mut writer = HitWriter::new(out, format, fields, defaults, plain, false);
        let done = engine
            .export(&req, &mut Sink(&mut writer))
            .map_err(|e| e.to_string())
            .and_then(|_| writer.finish().map_err(|e| e.to_string()));
        if let Err(e) = done {
            // The status is already sent: cut the body short, so that the
            // client sees an incomplete response rather than a short file.
            let _ = failed.blocking_send(Err(io::Error::other(e)));
        }
        Ok(())
    }));
    let stream = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let content_type = match format {
        ExportFormat::Jsonl => "application/x-ndjson",
        ExportFormat::Csv => "text/csv; charset=utf-8",
    };
    let mut res = Response::new(Body::from_stream(stream));
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert("x-total-count", HeaderValue::from(total));
    Ok(res)
}

struct Sink<'a, W: Write>(&'a mut HitWriter<W>);

impl<W: Write> HitSink for Sink<'_, W> {
    fn begin(&mut self) -> io::Result<()> {
        self.0.begin_query(None, "")
    }

    fn hit(&mut self, hit: Hit) -> io::Result<()> {
        self.0.hit(&hit)
    }
}

/// Writes into the response body a chunk at a time; a client that hung up
/// makes the next write fail, which ends the export.
struct ChannelWriter {
    tx: mpsc::Sender<Result<Bytes, io::Error>>,
    buf: Vec<u8>,
}

impl ChannelWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK)));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client hung up"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}
