//! The frame of every page: a right-to-left document, the stylesheet and
//! script served by fahras itself, and the search form in the header.

use maud::{html, Markup, DOCTYPE};

use super::assets;
use super::text;
use super::view::View;

/// A whole page titled `title` around `main`.
pub fn page(title: &str, view: &View, main: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="ar" dir="rtl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                title { (text::plain(title)) " — فهرس" }
                link rel="stylesheet" href=(assets::href("app.css"));
                script src=(assets::href("app.js")) defer {}
            }
            body {
                a.skip href="#results" { "انتقل إلى النتائج" }
                header.top {
                    a.brand href="/" { "فهرس" }
                    (form(view))
                }
                main id="main" { (main) }
            }
        }
    }
}

/// The search form: the query, the dates, the order; the filters already
/// chosen ride along as hidden fields so a new query keeps them.
pub fn form(view: &View) -> Markup {
    let sorts = [("", "الأنسب"), ("date", "الأحدث"), ("date:asc", "الأقدم")];
    html! {
        form.search action="/" method="get" role="search" {
            div.query {
                label for="q" { "البحث" }
                input #q type="search" name="q" dir="auto" value=(view.q)
                    placeholder="مثال: \"خارطة طريق\" OR العراق -سوريا"
                    aria-describedby="syntax";
                button type="submit" { "ابحث" }
            }
            div.options {
                label { "من " input type="date" name="since" value=(view.since); }
                label { "إلى " input type="date" name="until" value=(view.until); }
                label {
                    "الترتيب "
                    select name="sort" {
                        @for (value, label) in sorts {
                            option value=(value) selected[view.sort == value] { (label) }
                        }
                    }
                }
                label { input type="checkbox" name="any" value="true" checked[view.any]; " أيّ كلمة" }
            }
            @for s in &view.sources { input type="hidden" name="source" value=(s); }
            @for e in &view.entities { input type="hidden" name="entity" value=(e); }
            @for v in &view.vs { input type="hidden" name="vs" value=(v); }
            @if !view.interval.is_empty() { input type="hidden" name="interval" value=(view.interval); }
            @if view.share { input type="hidden" name="share" value="true"; }
            details #syntax {
                summary { "صيغة البحث" }
                dl {
                    dt { code dir="rtl" { "\"خارطة طريق\"" } } dd { "عبارة بنصّها" }
                    dt { code { "بغداد OR دمشق" } } dd { "إحداهما" }
                    dt { code { "-سوريا" } } dd { "بدون هذه الكلمة" }
                    dt { code { "entity:iraq" } } dd { "مقالات تذكر هذا الكيان" }
                    dt { code { "date:2003" } } dd { "في هذه المدة (سنة، شهر 2003-04، يوم)" }
                }
            }
        }
    }
}

/// A page that says what went wrong with the request and keeps the form.
pub fn error_page(view: &View, message: &str) -> Markup {
    page(
        "خطأ",
        view,
        html! {
            div.error role="alert" {
                h1 { "تعذّر البحث" }
                p dir="auto" { (text::plain(message)) }
            }
        },
    )
}
