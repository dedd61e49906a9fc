//! One news article as fahras understands it, whatever file it came from.

use jiff::civil::Date;

use super::date::Precision;
use serde::Serialize;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    /// Stable identifier: the article's own `id`, else derived from its path.
    pub id: String,
    pub title: String,
    pub body: String,
    pub date: Option<Date>,
    /// How much of `date` is known (a path may name only the month).
    pub date_precision: Precision,
    pub source: Option<String>,
    pub translator: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// The language the page declares (`<html lang="ar">`, a JSON `lang`).
    pub lang: Option<String>,
    /// The text direction it declares: `rtl`, `ltr` or `auto`.
    pub dir: Option<String>,
    /// Keys of a JSON article that fahras has no field for, kept as JSON.
    pub extras: serde_json::Map<String, serde_json::Value>,
}

/// The longest headline, in characters. A file that is one long line (a
/// dump of a page, a wire with no line breaks) would otherwise become a
/// headline of megabytes, printed whole by every search that finds it.
pub const MAX_TITLE_CHARS: usize = 300;

impl Article {
    /// Dates the article with a date of some precision, or leaves it.
    pub fn set_period(&mut self, period: Option<(Date, Precision)>) {
        if let Some((date, precision)) = period {
            self.date = Some(date);
            self.date_precision = precision;
        }
    }

    /// Cuts an over-long title at the last word boundary within
    /// [`MAX_TITLE_CHARS`] (or at the limit, in a run with no space); what
    /// is cut off starts the body, so no text is lost.
    pub fn bound_title(&mut self) {
        let Some((cut, _)) = self.title.char_indices().nth(MAX_TITLE_CHARS) else {
            return;
        };
        let head = &self.title[..cut];
        let cut = match head.rfind(char::is_whitespace) {
            Some(space) if space > 0 => space,
            _ => cut,
        };
        let rest = self.title[cut..].trim_start().to_string();
        self.title.truncate(cut);
        self.title.truncate(self.title.trim_end().len());
        self.body = if self.body.is_empty() {
            rest
        } else {
            format!("{rest}\n\n{}", self.body)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_is_cut_at_a_word_and_the_rest_starts_the_body() {
        let words = "كلمة ".repeat(100);
        let mut a = Article {
            title: words.trim().to_string(),
            body: "النص".into(),
            ..Article::default()
        };
        a.bound_title();
        assert!(a.title.chars().count() <= MAX_TITLE_CHARS);
        assert!(a.title.ends_with("كلمة"));
        assert!(a.body.ends_with("\n\nالنص") && a.body.starts_with("كلمة"));
        let total =
            |a: &Article| a.title.split_whitespace().count() + a.body.split_whitespace().count();
        assert_eq!(total(&a), 101);
    }

    #[test]
    fn a_title_without_spaces_is_cut_at_the_limit_and_a_short_one_is_kept() {
        let mut a = Article {
            title: "ب".repeat(1000),
            ..Article::default()
        };
        a.bound_title();
        assert_eq!(a.title.chars().count(), MAX_TITLE_CHARS);
        assert_eq!(a.body.chars().count(), 700);
        let mut short = Article {
            title: "عنوان قصير".into(),
            ..Article::default()
        };
        short.bound_title();
        assert_eq!(
            (short.title.as_str(), short.body.as_str()),
            ("عنوان قصير", "")
        );
    }
}
