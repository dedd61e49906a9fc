//! What the search page shows, read from its URL and written back into
//! every link: the whole state lives in the query string, so a link
//! reproduces the view. Names are the API's, plus `vs` (a query compared
//! on the chart), `page` and `share`.

use crate::server::error::ApiError;
use crate::server::params::Params;

/// The most queries on one chart: the page's own and four compared.
pub const MAX_COMPARED: usize = 4;
/// Hits on one page.
pub const PER_PAGE: usize = 10;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    pub q: String,
    /// Other queries on the chart.
    pub vs: Vec<String>,
    pub since: String,
    pub until: String,
    pub sources: Vec<String>,
    pub entities: Vec<String>,
    /// `relevance`, `date` or `date:asc`; empty for the default.
    pub sort: String,
    /// 1 for the first page.
    pub page: usize,
    /// `day`, `week`, `month` or `year`; empty for month.
    pub interval: String,
    /// The chart shows each bucket's share of all articles.
    pub share: bool,
    pub any: bool,
}

impl View {
    pub fn read(p: &Params) -> Result<View, ApiError> {
        p.only(&[
            "q", "vs", "since", "until", "source", "entity", "sort", "page", "interval", "share",
            "any",
        ])?;
        let one = |name: &str| -> Result<String, ApiError> {
            Ok(p.one(name)?.unwrap_or("").trim().to_string())
        };
        let vs: Vec<String> = p
            .all("vs")
            .into_iter()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect();
        if vs.len() > MAX_COMPARED {
            return Err(ApiError::bad_request(format!(
                "vs: at most {MAX_COMPARED} queries compared with the page's own"
            )));
        }
        let page = p.number::<usize>("page")?.unwrap_or(1);
        if page == 0 {
            return Err(ApiError::bad_request("page: pages count from 1"));
        }
        Ok(View {
            q: one("q")?,
            vs,
            since: one("since")?,
            until: one("until")?,
            sources: non_empty(p.all("source")),
            entities: non_empty(p.all("entity")),
            sort: one("sort")?,
            page,
            interval: one("interval")?,
            share: p.flag("share")?,
            any: p.flag("any")?,
        })
    }

    /// The parameters of this view's link; defaults are left out so that
    /// links stay short.
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let mut put = |k: &'static str, v: &str| {
            if !v.is_empty() {
                pairs.push((k, v.to_string()));
            }
        };
        put("q", &self.q);
        for v in &self.vs {
            put("vs", v);
        }
        put("since", &self.since);
        put("until", &self.until);
        for v in &self.sources {
            put("source", v);
        }
        for v in &self.entities {
            put("entity", v);
        }
        put("sort", &self.sort);
        if self.page > 1 {
            put("page", &self.page.to_string());
        }
        put("interval", &self.interval);
        if self.share {
            put("share", "true");
        }
        if self.any {
            put("any", "true");
        }
        pairs
    }

    /// The query string of this view, without `?`.
    pub fn query_string(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.query_pairs() {
            s.append_pair(k, &v);
        }
        s.finish()
    }

    /// The link to this view's search page.
    pub fn href(&self) -> String {
        let qs = self.query_string();
        if qs.is_empty() {
            "/".into()
        } else {
            format!("/?{qs}")
        }
    }

    /// A changed copy, back on the first page (a new filter changes what
    /// the pages hold).
    pub fn with(&self, change: impl FnOnce(&mut View)) -> View {
        let mut v = self.clone();
        v.page = 1;
        change(&mut v);
        v
    }

    /// The parameters of the library's requests: the page's query and
    /// filters, as the API names them.
    pub fn api_pairs(&self, q: &str) -> Vec<(String, String)> {
        let mut pairs = vec![("q".to_string(), q.to_string())];
        let mut put = |k: &str, v: &str| {
            if !v.is_empty() {
                pairs.push((k.to_string(), v.to_string()));
            }
        };
        put("since", &self.since);
        put("until", &self.until);
        for v in &self.sources {
            put("source", v);
        }
        for v in &self.entities {
            put("entity", v);
        }
        if self.any {
            put("any", "true");
        }
        pairs
    }
}

fn non_empty(values: Vec<String>) -> Vec<String> {
    values
        .into_iter()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(qs: &str) -> Result<View, ApiError> {
        View::read(&Params::from_query(qs)?)
    }

    #[test]
    fn a_view_survives_its_own_link() {
        let v = view("q=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF&vs=a&vs=b&entity=iraq&source=x&page=3&share=true&sort=date").unwrap();
        assert_eq!(v.q, "بغداد");
        assert_eq!(v.vs, vec!["a", "b"]);
        assert_eq!(v.page, 3);
        let again = view(&v.query_string()).unwrap();
        assert_eq!(again, v);
    }

    #[test]
    fn blanks_are_dropped_and_changes_go_back_to_page_one() {
        let v = view("q=&vs=&vs=x&page=2&source=").unwrap();
        assert_eq!(v.vs, vec!["x"]);
        assert!(v.sources.is_empty());
        let narrowed = v.with(|v| v.entities.push("iraq".into()));
        assert_eq!(narrowed.page, 1);
        assert_eq!(narrowed.href(), "/?vs=x&entity=iraq");
    }

    #[test]
    fn bad_parameters_are_refused_not_ignored() {
        assert!(view("page=0").is_err());
        assert!(view("vs=1&vs=2&vs=3&vs=4&vs=5").is_err());
        assert!(view("colour=red").is_err());
    }
}
