//! The Arabic analyzer: text in, index terms out.
//!
//! The pipeline, in order (each stage in its own file):
//! [`tokenizer`] → [`normalize`] → [`stopwords`] → [`stem`] (with the
//! [`plurals`] table); [`pipeline`] runs the stages after the tokenizer as
//! one filter that remembers the words it analyzed lately. Every stage keeps token offsets as they are, so
//! highlights always point at the words as written.
//!
//! Two analyzers are registered on every index: `arabic` (the whole
//! pipeline) for `title` and `body`, and `arabic_exact` (no stemming) for
//! their exact copies searched by `--exact`.

pub mod feminine;
pub mod lexicon;
pub mod normalize;
pub mod pipeline;
pub mod plurals;
mod protected;
pub mod rewrite;
pub mod rules;
pub mod stem;
pub mod stopwords;
pub mod tokenizer;
pub mod wordset;

use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::Index;

pub use normalize::{normalize, Normalizer};
pub use pipeline::Pipeline;
pub use rewrite::{Rewrite, RewriteFilter};
pub use stem::Stemmer;
pub use stopwords::StopWords;
pub use tokenizer::ArabicTokenizer;

/// Name of the full analyzer in tantivy's tokenizer registry.
pub const ARABIC: &str = "arabic";
/// Name of the unstemmed analyzer.
pub const ARABIC_EXACT: &str = "arabic_exact";

/// Bumped whenever a change to any stage changes the terms it produces;
/// an index built with another version must be rebuilt.
pub const ANALYZER_VERSION: u32 = 3;

/// Which optional stages run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stages {
    pub stopwords: bool,
    pub stem: bool,
}

impl Stages {
    pub const ALL: Stages = Stages {
        stopwords: true,
        stem: true,
    };
    pub const EXACT: Stages = Stages {
        stopwords: true,
        stem: false,
    };
}

/// Builds the analyzer with the given stages.
pub fn analyzer(stages: Stages) -> TextAnalyzer {
    TextAnalyzer::builder(ArabicTokenizer)
        .filter(RewriteFilter(Pipeline::new(stages)))
        .build()
}

/// Registers both analyzers on `index`; must run on every open, since
/// tantivy does not persist analyzers. `stages` are those the index was
/// built with; the exact analyzer never stems.
pub fn register(index: &Index, stages: Stages) {
    let manager = index.tokenizers();
    manager.register(ARABIC, analyzer(stages));
    manager.register(
        ARABIC_EXACT,
        analyzer(Stages {
            stem: false,
            ..stages
        }),
    );
}

/// One analyzed token: the term, its position and its byte span in the text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AnalyzedToken {
    pub term: String,
    pub position: usize,
    pub start: usize,
    pub end: usize,
}

/// A token as `fahras analyze` and `/api/analyze` show it: the term, the
/// text it came from, and where.
#[derive(Clone, Debug, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct TokenView<'a> {
    pub token: &'a str,
    pub text: &'a str,
    pub position: usize,
    pub start: usize,
    pub end: usize,
}

/// The tokens of `text` with the text each came from.
pub fn views<'a>(text: &'a str, tokens: &'a [AnalyzedToken]) -> Vec<TokenView<'a>> {
    tokens
        .iter()
        .map(|t| TokenView {
            token: &t.term,
            text: text.get(t.start..t.end).unwrap_or(""),
            position: t.position,
            start: t.start,
            end: t.end,
        })
        .collect()
}

/// Runs `text` through the analyzer, collecting every token.
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<AnalyzedToken> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push(AnalyzedToken {
            term: t.text.clone(),
            position: t.position,
            start: t.offset_from,
            end: t.offset_to,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        analyze(&mut analyzer(Stages::ALL), text)
            .into_iter()
            .map(|t| t.term)
            .collect()
    }

    #[test]
    fn one_query_form_finds_the_others() {
        let forms = ["القوات", "وللقوات", "قواتها", "القوّات", "القـــوات"];
        let first = terms(forms[0]);
        for f in forms {
            assert_eq!(terms(f), first, "{f}");
        }
    }

    #[test]
    fn stopwords_leave_position_gaps() {
        let tokens = analyze(&mut analyzer(Stages::ALL), "انسحاب من العراق");
        let positions: Vec<usize> = tokens.iter().map(|t| t.position).collect();
        assert_eq!(positions, [0, 2]);
    }

    #[test]
    fn offsets_point_at_the_words_as_written() {
        let text = "وصلت القُوَّات";
        let tokens = analyze(&mut analyzer(Stages::ALL), text);
        assert_eq!(&text[tokens[1].start..tokens[1].end], "القُوَّات");
    }
}
