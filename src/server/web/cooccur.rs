//! Who appears with whom: the top entities of the matches as a matrix,
//! each cell the articles naming both, shaded by class (the page's
//! security policy allows no inline style). Every name is a filter link.

use maud::{html, Markup};

use crate::search::CooccurResponse;

use super::text;
use super::view::View;

/// Entities in the matrix: more would not fit a page's width.
pub const TOP: usize = 8;

/// The shade (0–4) of `count` against the largest count.
fn level(count: u64, max: u64) -> u64 {
    if count == 0 || max == 0 {
        0
    } else {
        (count * 4).div_ceil(max).clamp(1, 4)
    }
}

pub fn section(c: &CooccurResponse, view: &View) -> Markup {
    let n = c.entities.len();
    let mut cells = vec![vec![0u64; n]; n];
    for p in &c.pairs {
        if p.a < n && p.b < n {
            cells[p.a][p.b] = p.count;
            cells[p.b][p.a] = p.count;
        }
    }
    let max = c.pairs.iter().map(|p| p.count).max().unwrap_or(0);
    let link = |id: &str| {
        view.with(|v| {
            if !v.entities.iter().any(|e| e == id) {
                v.entities.push(id.to_string());
            }
        })
        .href()
    };
    html! {
        section.cooccur aria-labelledby="cooccur-h" {
            h2 #cooccur-h { "من يظهر مع من" }
            @if n < 2 {
                p.note { "لا يكفي عدد الكيانات في المقالات المطابقة لعرض الروابط بينها." }
            } @else {
                div.scroll {
                    table.matrix {
                        caption { "عدد المقالات التي تذكر الكيانين معًا، من " (c.articles) " مقالة مطابقة" }
                        thead { tr {
                            td {}
                            @for e in &c.entities { th scope="col" { a href=(link(&e.id)) { bdi { (text::plain(&e.ar)) } } } }
                        } }
                        tbody {
                            @for (i, e) in c.entities.iter().enumerate() {
                                tr {
                                    th scope="row" { a href=(link(&e.id)) { bdi { (text::plain(&e.ar)) } } " " span.count { (e.count) } }
                                    @for j in 0..n {
                                        @if i == j { td.self { "—" } }
                                        @else { td class={ "l" (level(cells[i][j], max)) } { (cells[i][j]) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shades_rise_with_the_count() {
        use super::level;
        assert_eq!([0, 1, 5, 10].map(|c| level(c, 10)), [0, 1, 2, 4]);
        assert_eq!(level(3, 0), 0);
    }
}
