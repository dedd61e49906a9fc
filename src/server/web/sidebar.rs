//! The filters of the search page: a chip for each one chosen (a link
//! that removes it), and the entity and source counts over all matches,
//! each a link that adds it as a filter.

use maud::{html, Markup};

use crate::entities::Gazetteer;
use crate::search::FacetCounts;

use super::text;
use super::view::View;

/// The Arabic heading of an entity type.
pub fn type_label(kind: &str) -> &str {
    match kind {
        "person" => "أشخاص",
        "org" | "organization" => "منظمات",
        "place" => "أماكن",
        "event" => "أحداث",
        other => other,
    }
}

/// What the filter `id` is called: the entity's Arabic name when known.
pub fn entity_name<'a>(gazetteer: &'a Gazetteer, id: &'a str) -> &'a str {
    gazetteer.get(id).map_or(id, |e| e.ar.as_str())
}

/// The chosen filters, each with a link that removes it.
pub fn chips(view: &View, gazetteer: &Gazetteer) -> Markup {
    let mut chips: Vec<(String, String)> = Vec::new();
    for id in &view.entities {
        let href = view.with(|v| v.entities.retain(|e| e != id)).href();
        chips.push((entity_name(gazetteer, id).to_string(), href));
    }
    for s in &view.sources {
        chips.push((
            s.clone(),
            view.with(|v| v.sources.retain(|x| x != s)).href(),
        ));
    }
    if !view.since.is_empty() {
        chips.push((
            format!("من {}", view.since),
            view.with(|v| v.since.clear()).href(),
        ));
    }
    if !view.until.is_empty() {
        chips.push((
            format!("إلى {}", view.until),
            view.with(|v| v.until.clear()).href(),
        ));
    }
    html! {
        @if !chips.is_empty() {
            ul.chips aria-label="المرشّحات" {
                @for (label, href) in &chips {
                    li { bdi { (text::plain(label)) } a href=(href) aria-label={ "أزل " (label) } { "×" } }
                }
            }
        }
    }
}

/// Entity counts per type, then sources.
pub fn facets(f: &FacetCounts, view: &View) -> Markup {
    html! {
        aside.facets aria-label="تصفية النتائج" {
            @for t in &f.types {
                @if !t.top.is_empty() {
                    section.facet {
                        h2 { (type_label(&t.kind)) }
                        ul {
                            @for e in &t.top {
                                @let chosen = view.entities.contains(&e.id);
                                li {
                                    a href=(view.with(|v| if !chosen { v.entities.push(e.id.clone()) }).href())
                                        aria-current=[chosen.then_some("true")] data-entity=(e.id) {
                                        bdi { (text::plain(&e.ar)) }
                                    }
                                    span.count { (e.count) }
                                }
                            }
                        }
                    }
                }
            }
            @if !f.sources.is_empty() {
                section.facet {
                    h2 { "المصادر" }
                    ul {
                        @for s in &f.sources {
                            @let chosen = view.sources.contains(&s.source);
                            li {
                                a href=(view.with(|v| if !chosen { v.sources.push(s.source.clone()) }).href())
                                    aria-current=[chosen.then_some("true")] {
                                    bdi { (text::plain(&s.source)) }
                                }
                                span.count { (s.count) }
                            }
                        }
                    }
                }
            }
        }
    }
}
