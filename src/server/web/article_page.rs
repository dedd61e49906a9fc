//! One article: its headline and metadata, the full text with the query's
//! matches marked, its entities as filter links, and the articles most
//! like it.

use maud::{html, Markup};

use crate::search::{ShowRequest, SimilarRequest};
use crate::server::error::ApiError;
use crate::server::params::Params;
use crate::server::requests;
use crate::server::state::AppState;

use super::results::article_href;
use super::view::View;
use super::{layout, text};

/// Similar articles listed.
const SIMILAR: usize = 5;

pub fn render(st: &AppState, id: &str, view: &View) -> Result<Markup, ApiError> {
    let engine = st.engines.current();
    let article = engine.article(&ShowRequest {
        id: id.to_string(),
        path: None,
    })?;
    let (title_marks, body_marks) = if view.q.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let p = Params::from_pairs(vec![("q".into(), view.q.clone())]);
        let req = requests::filters(&p, st, engine.gazetteer())?;
        (
            engine.marks(&req, &article.title)?,
            engine.marks(&req, &article.body)?,
        )
    };
    let similar = {
        let p = Params::from_pairs(vec![("limit".into(), SIMILAR.to_string())]);
        let mut req = requests::paged(&p, st, requests::filters(&p, st, engine.gazetteer())?)?;
        req.snippets = false;
        engine.similar(&SimilarRequest {
            id: article.id.clone(),
            search: req,
        })?
    };
    let back = view.href();
    let meta = [
        ("التاريخ", article.date.clone()),
        ("المصدر", article.source.clone()),
        ("الترجمة", article.translator.clone()),
        ("الكاتب", article.author.clone()),
    ];
    Ok(layout::page(
        &article.title,
        view,
        html! {
            article.article {
                p.back { a href=(back) { "← العودة إلى النتائج" } }
                h1 dir="auto" { (text::marked(&article.title, &title_marks)) }
                dl.meta {
                    @for (name, value) in &meta {
                        @if let Some(v) = value { dt { (name) } dd { bdi { (text::plain(v)) } } }
                    }
                    @if let Some(url) = &article.url {
                        dt { "الرابط" }
                        dd { @if url.starts_with("https://") || url.starts_with("http://") {
                            a href=(url) rel="noreferrer noopener" { bdi { (text::plain(url)) } }
                        } @else { bdi { (text::plain(url)) } } }
                    }
                }
                @if !article.entities.is_empty() {
                    ul.entities aria-label="الكيانات" {
                        @for (id, name) in article.entities.iter().zip(&article.entity_names) {
                            li { a href=(View { entities: vec![id.clone()], page: 1, ..View::default() }.href()) { bdi { (text::plain(name)) } } }
                        }
                    }
                }
                // The page's own language and direction where it declared
                // them (an English page in an Arabic archive reads left to
                // right); else the browser's guess from the text.
                div.body lang=[article.lang.as_deref()] dir=(article.dir.as_deref().unwrap_or("auto")) {
                    (text::paragraphs(&article.body, &body_marks))
                }
            }
            aside.similar aria-labelledby="similar-h" {
                h2 #similar-h { "مقالات مشابهة" }
                @if similar.hits.is_empty() { p.note { "لا مقالات مشابهة." } }
                ol {
                    @for hit in &similar.hits {
                        li {
                            a href=(article_href(&hit.id, &view.q)) dir="auto" { (text::plain(&hit.title)) }
                            @if let Some(d) = &hit.date { " " span.meta { bdi { (d) } } }
                        }
                    }
                }
            }
        },
    ))
}
