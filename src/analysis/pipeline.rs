//! The stages after the tokenizer as one token filter, which remembers the
//! words it analyzed lately.
//!
//! A token's term depends on the token's own text and nothing around it:
//! the normalizer, the stopword list and the stemmer each look at one word
//! (the stemmer at its letters as written too, which are the token's
//! text). News repeats its words — a few tens of thousands of forms make
//! nine in ten of its tokens — so each thread keeps the terms of the forms
//! it saw last, and a form seen before costs one look at one cache line
//! instead of three stages. What a form gives never depends on whether it was remembered:
//! a test analyzes text both ways.

use std::cell::RefCell;
use std::hash::Hasher;

use tantivy::tokenizer::Token;

use super::normalize::Normalizer;
use super::rewrite::Rewrite;
use super::stem::Stemmer;
use super::stopwords::StopWords;
use super::Stages;

/// Forms remembered per thread and kind of analyzer. The memory is
/// direct-mapped: a form has one slot, by its hash, and takes it from
/// whatever was there. A slot is one cache line holding the form and its
/// term, so a lookup reads 64 bytes and follows no pointer.
const SLOTS: usize = 1 << 14;

/// Longest form (and term) in bytes a slot holds: fifteen Arabic letters.
const WIDTH: usize = 31;

/// `term_len` of a form the stages drop (a stopword).
const DROPPED: u8 = u8::MAX;

#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    /// 0: empty.
    form_len: u8,
    term_len: u8,
    form: [u8; WIDTH],
    term: [u8; WIDTH],
}

const EMPTY: Slot = Slot {
    form_len: 0,
    term_len: 0,
    form: [0; WIDTH],
    term: [0; WIDTH],
};

/// One memory per combination of stages (stopwords, stemming), made on
/// first use: 1 MiB each.
type Memo = [Option<Box<[Slot]>>; 4];

thread_local! {
    static MEMO: RefCell<Memo> = const { RefCell::new([None, None, None, None]) };
}

/// Forgets what this thread remembered: to measure the analyzer on a text
/// as the first it sees.
pub fn forget() {
    MEMO.with_borrow_mut(|memos| memos.iter_mut().for_each(|m| *m = None));
}

fn slot_of(form: &str) -> usize {
    let mut h = rustc_hash::FxHasher::default();
    h.write(form.as_bytes());
    h.finish() as usize & (SLOTS - 1)
}

/// Normalization, then the stopwords and the stemmer when `stages` ask.
#[derive(Clone, Copy, Debug)]
pub struct Pipeline {
    stages: Stages,
    /// Remember what words give; off to measure what remembering saves.
    remember: bool,
}

impl Pipeline {
    pub fn new(stages: Stages) -> Pipeline {
        Pipeline {
            stages,
            remember: true,
        }
    }

    /// The same stages, nothing remembered.
    pub fn forgetful(stages: Stages) -> Pipeline {
        Pipeline {
            stages,
            remember: false,
        }
    }

    fn slot(&self) -> usize {
        usize::from(self.stages.stopwords) * 2 + usize::from(self.stages.stem)
    }

    /// The stages themselves; false when the token is dropped.
    fn run(&self, token: &mut Token, raw: &str, scratch: &mut String) -> bool {
        Normalizer.rewrite(token, raw, scratch)
            && (!self.stages.stopwords || StopWords.rewrite(token, raw, scratch))
            && (!self.stages.stem || Stemmer.rewrite(token, raw, scratch))
    }
}

impl Rewrite for Pipeline {
    fn rewrite(&self, token: &mut Token, raw: &str, scratch: &mut String) -> bool {
        // The tokenizer's text is the word as written: it is `raw`, and the
        // whole of what the stages see.
        if !self.remember || raw.is_empty() || raw.len() > WIDTH || token.text != raw {
            return self.run(token, raw, scratch);
        }
        MEMO.with_borrow_mut(|memos| {
            let slots = memos[self.slot()].get_or_insert_with(|| vec![EMPTY; SLOTS].into());
            let slot = &mut slots[slot_of(raw)];
            if usize::from(slot.form_len) == raw.len() && &slot.form[..raw.len()] == raw.as_bytes()
            {
                if slot.term_len == DROPPED {
                    return false;
                }
                let term = &slot.term[..usize::from(slot.term_len)];
                token.text.clear();
                // Written from a `str` below, and cut at its length.
                token
                    .text
                    .push_str(std::str::from_utf8(term).unwrap_or_default());
                return true;
            }
            let kept = self.run(token, raw, scratch);
            let term = token.text.as_bytes();
            if !kept || term.len() <= WIDTH {
                slot.form_len = raw.len() as u8;
                slot.form[..raw.len()].copy_from_slice(raw.as_bytes());
                if kept {
                    slot.term_len = term.len() as u8;
                    slot.term[..term.len()].copy_from_slice(term);
                } else {
                    slot.term_len = DROPPED;
                }
            }
            kept
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, ArabicTokenizer, RewriteFilter};
    use tantivy::tokenizer::TextAnalyzer;

    fn with(pipeline: Pipeline) -> TextAnalyzer {
        TextAnalyzer::builder(ArabicTokenizer)
            .filter(RewriteFilter(pipeline))
            .build()
    }

    #[test]
    fn remembered_words_give_what_analyzed_words_give() {
        let text = include_str!("../../sample-corpus/2024/07/23/us-iraq-roadmap.txt");
        for stopwords in [false, true] {
            for stem in [false, true] {
                let stages = Stages { stopwords, stem };
                let plain = analyze(&mut with(Pipeline::forgetful(stages)), text);
                // Twice: the second pass finds every word remembered.
                for _ in 0..2 {
                    assert_eq!(analyze(&mut with(Pipeline::new(stages)), text), plain);
                }
            }
        }
    }

    proptest::proptest! {
        /// Any text, its words remembered or not, gives the same tokens:
        /// hamza seats, marks, Latin, digits and long words included.
        #[test]
        fn remembering_never_changes_a_term(
            text in "([ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْـ a-zA-Z0-9٠-٩،.-]{1,40} ?){1,12}",
        ) {
            for stages in [Stages::ALL, Stages::EXACT] {
                let plain = analyze(&mut with(Pipeline::forgetful(stages)), &text);
                for _ in 0..2 {
                    proptest::prop_assert_eq!(analyze(&mut with(Pipeline::new(stages)), &text), plain.clone());
                }
            }
        }
    }

    #[test]
    fn each_combination_of_stages_remembers_apart() {
        let mut stem = with(Pipeline::new(Stages::ALL));
        let mut exact = with(Pipeline::new(Stages::EXACT));
        assert_eq!(analyze(&mut stem, "القوات")[0].term, "قوات");
        assert_eq!(analyze(&mut exact, "القوات")[0].term, "القوات");
        assert!(analyze(&mut stem, "في").is_empty(), "a stopword");
        let mut all_words = with(Pipeline::new(Stages {
            stopwords: false,
            stem: false,
        }));
        assert_eq!(analyze(&mut all_words, "في")[0].term, "في");
    }
}
