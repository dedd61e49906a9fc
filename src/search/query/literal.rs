//! Any query as plain words, for batches of natural-language questions
//! whose stray quotes and parentheses are punctuation, not syntax.

/// `query` with all syntax taken out: quotes, parentheses, brackets, field
/// prefixes, leading signs and operator words become plain separators or
/// words. Used for batch queries written as natural language.
pub fn literal(query: &str) -> String {
    let spaced: String = query
        .chars()
        .map(|c| {
            if matches!(c, '"' | '“' | '”' | '(' | ')' | '[' | ']' | ':' | '~') {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced
        .split_whitespace()
        .map(|w| w.trim_start_matches(['+', '-']))
        .filter(|w| !w.is_empty())
        .map(|w| match w {
            "AND" | "OR" | "NOT" | "&&" | "||" => w.to_lowercase(),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;
    use crate::search::query::Operator;

    #[test]
    fn literal_queries_always_parse() {
        for q in [
            "ماذا تعنى الكلمة)JOCUND)",
            "المختصر ::Clit\"؟",
            "date:2024-13 OR",
            "(\"a",
        ] {
            let l = literal(q);
            assert!(parse(&l, Operator::Or).is_ok(), "{q} → {l}");
        }
    }
}
