//! One token filter for every stage of the analyzer. A stage says what it
//! does to one token ([`Rewrite`]); [`RewriteFilter`] does the plumbing
//! tantivy asks for (filter, tokenizer, stream) once, for all of them.
//! Modelled on charabia's two-method normalizer trait.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// What one stage does to one token.
pub trait Rewrite: Clone + Send + Sync + 'static {
    /// Rewrites `token.text` in place (`scratch` is a buffer to write into
    /// and swap); `raw` is the text as written under the token's offsets.
    /// Returns false to drop the token.
    fn rewrite(&self, token: &mut Token, raw: &str, scratch: &mut String) -> bool;
}

/// A [`Rewrite`] as a tantivy token filter.
#[derive(Clone, Copy, Debug, Default)]
pub struct RewriteFilter<R>(pub R);

impl<R: Rewrite> TokenFilter for RewriteFilter<R> {
    type Tokenizer<T: Tokenizer> = RewriteTokenizer<T, R>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> RewriteTokenizer<T, R> {
        RewriteTokenizer {
            inner: tokenizer,
            rewrite: self.0,
            scratch: String::new(),
        }
    }
}

#[derive(Clone)]
pub struct RewriteTokenizer<T, R> {
    inner: T,
    rewrite: R,
    scratch: String,
}

impl<T: Tokenizer, R: Rewrite> Tokenizer for RewriteTokenizer<T, R> {
    type TokenStream<'a> = RewriteStream<'a, T::TokenStream<'a>, R>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        RewriteStream {
            tail: self.inner.token_stream(text),
            text,
            rewrite: &self.rewrite,
            scratch: &mut self.scratch,
        }
    }
}

pub struct RewriteStream<'a, T, R> {
    tail: T,
    text: &'a str,
    rewrite: &'a R,
    scratch: &'a mut String,
}

impl<T: TokenStream, R: Rewrite> TokenStream for RewriteStream<'_, T, R> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let token = self.tail.token_mut();
            let raw = self
                .text
                .get(token.offset_from..token.offset_to)
                .unwrap_or("");
            if self.rewrite.rewrite(token, raw, self.scratch) {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
