//! The search page: the page's view becomes the library's requests (a
//! page of hits with facets, the timeline of its queries, who appears with
//! whom), made on a worker of the pool (the timeline on a helper thread
//! beside it), and rendered.

use maud::{html, Markup};

use crate::search::Sort;
use crate::server::error::ApiError;
use crate::server::params::Params;
use crate::server::requests;
use crate::server::state::AppState;

use super::timing::Timing;
use super::view::{View, MAX_COMPARED, PER_PAGE};
use super::{chart, cooccur, layout, results, sidebar};

/// Entities and sources listed per facet.
const FACET_TOP: usize = 10;
// Who appears with whom takes its entities from the sidebar's counts.
const _: () = assert!(cooccur::TOP <= FACET_TOP);

/// The parameters of one API request from the view and `extra`.
fn params(view: &View, q: &str, extra: &[(&str, String)]) -> Params {
    let mut pairs = view.api_pairs(q);
    pairs.extend(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
    Params::from_pairs(pairs)
}

/// The whole page for `view`, on a worker.
pub fn render(st: &AppState, view: &View, timing: &Timing) -> Result<Markup, ApiError> {
    let engine = st.engines.current();
    let gazetteer = engine.gazetteer();
    let q = if view.q.is_empty() {
        "*"
    } else {
        view.q.as_str()
    };
    let offset = (view.page - 1).saturating_mul(PER_PAGE);
    let mut extra = vec![
        ("limit", PER_PAGE.to_string()),
        ("offset", offset.to_string()),
        ("facets", FACET_TOP.to_string()),
    ];
    if !view.sort.is_empty() {
        extra.push(("sort", view.sort.clone()));
    }
    let (mut search, _) = requests::search(&params(view, q, &extra), st, gazetteer)?;
    // The whole archive has no relevance order: newest first.
    if view.q.is_empty() && view.sort.is_empty() {
        search.sort = Some(Sort::DateDesc);
    }

    let mut series: Vec<(String, String)> = std::iter::once(q)
        .chain(view.vs.iter().map(String::as_str))
        .map(|s| ("q".to_string(), s.to_string()))
        .collect();
    series.extend(view.api_pairs(q).into_iter().filter(|(k, _)| k != "q"));
    if !view.interval.is_empty() {
        series.push(("interval".into(), view.interval.clone()));
    }
    series.push(("normalize".into(), view.share.to_string()));
    let timeline = requests::timeline(&Params::from_pairs(series), st, gazetteer)?;
    let pairs = params(view, q, &[("top", cooccur::TOP.to_string())]);
    let cooccur = requests::cooccur(&pairs, st, gazetteer)?;

    // The timeline reads the same snapshot of the index and nothing of the
    // rest: made at once, on a helper thread. Who appears with whom starts
    // from the sidebar's entity counts (its top is among each type's top
    // FACET_TOP), so its own pass only counts pairs.
    let (found, timeline) = std::thread::scope(|s| {
        let timeline = s.spawn(|| timing.measure("timeline", || engine.timeline(&timeline)));
        let found = timing.measure("search", || engine.search(&search));
        (found, joined(timeline))
    });
    let (found, timeline) = (found?, timeline?);
    let together = timing.measure("cooccur", || match &found.facets {
        Some(counts) => engine.cooccur_among(&cooccur, counts),
        None => engine.cooccur(&cooccur),
    })?;

    let title = if view.q.is_empty() {
        "الأرشيف"
    } else {
        view.q.as_str()
    };
    Ok(layout::page(
        title,
        view,
        html! {
            (sidebar::chips(view, gazetteer))
            div.columns {
                @if let Some(f) = &found.facets { (sidebar::facets(f, view)) }
                div.content {
                    (chart::section(&timeline, view))
                    (compare(view))
                    (results::section(&found, view))
                    (cooccur::section(&together, view))
                }
            }
        },
    ))
}

/// A part's answer, or the error of a part that panicked.
fn joined<T>(part: std::thread::ScopedJoinHandle<'_, crate::Result<T>>) -> Result<T, ApiError> {
    match part.join() {
        Ok(answer) => Ok(answer?),
        Err(_) => Err(ApiError::internal("a part of the page failed")),
    }
}

/// The box that adds a query to the chart, and the queries compared with
/// a link that takes each off.
fn compare(view: &View) -> Markup {
    let full = view.vs.len() >= MAX_COMPARED;
    html! {
        form.compare action="/" method="get" {
            @for (k, v) in view.with(|_| {}).query_pairs() { input type="hidden" name=(k) value=(v); }
            label for="vs" { "قارن باستعلام آخر على المخطط" }
            input #vs type="search" name="vs" dir="auto" disabled[full]
                placeholder=(if full { "بلغت أقصى عدد من الاستعلامات" } else { "مثال: سوريا" });
            button type="submit" disabled[full] { "أضف" }
            @if !view.vs.is_empty() {
                ul.compared {
                    @for v in &view.vs {
                        li { bdi dir="auto" { (super::text::plain(v)) } " "
                            a href=(view.with(|w| w.vs.retain(|x| x != v)).href()) aria-label={ "أزل " (v) } { "×" } }
                    }
                }
            }
        }
    }
}
