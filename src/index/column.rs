//! Reading a string column for many documents at once.
//!
//! A term of a string column is found from its ordinal by a walk of the
//! column's dictionary; one lookup per document decompresses a dictionary
//! block each time. Sorting the documents' ordinals first reads each block
//! once, in order: what made exports and the re-run's read of the index
//! several times faster.

use tantivy::columnar::StrColumn;
use tantivy::DocId;

/// Calls `set(i, term)` with the first term of each `(doc, i)` in
/// `column`, in the order of the terms (documents without a term are left
/// out).
pub fn first_terms(
    column: &StrColumn,
    docs: impl Iterator<Item = (DocId, usize)>,
    mut set: impl FnMut(usize, String),
) -> std::io::Result<()> {
    let mut ords: Vec<(u64, usize)> = docs
        .filter_map(|(doc, i)| column.term_ords(doc).next().map(|o| (o, i)))
        .collect();
    ords.sort_unstable();
    let sorted: Vec<u64> = ords.iter().map(|&(o, _)| o).collect();
    let mut owners = ords.iter().map(|&(_, i)| i);
    column
        .dictionary()
        .sorted_ords_to_term_cb(&sorted, |bytes| {
            if let Some(i) = owners.next() {
                let term = match std::str::from_utf8(bytes) {
                    Ok(text) => text.to_owned(),
                    Err(_) => String::from_utf8_lossy(bytes).into_owned(),
                };
                set(i, term);
            }
        })?;
    Ok(())
}
