//! The words of a text that a query matches, as the article page marks
//! them: the same terms a snippet highlights, everywhere in the text.

use std::ops::Range;

use crate::analysis::analyzer;
use crate::error::Result;
use crate::search::snippet;
use crate::search::SearchRequest;

use super::Engine;

impl Engine {
    /// Byte ranges in `text` of the words `req`'s query matches (none for
    /// `*` or a query of filters only). The query is compiled as for a
    /// search, so a stemmed form (`قواتها` for `القوات`) is marked too.
    pub fn marks(&self, req: &SearchRequest, text: &str) -> Result<Vec<Range<usize>>> {
        let searcher = self.reader.searcher();
        let prepared = self.prepare_within(req, &searcher, None)?;
        let mut analyzer = analyzer(self.stages(req.exact));
        Ok(snippet::marks(
            &mut analyzer,
            text,
            &prepared.compiled.highlight,
        ))
    }
}
