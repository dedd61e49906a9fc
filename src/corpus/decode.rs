//! Turns a file's bytes into text, or says why it cannot.
//!
//! UTF-8 with or without a byte-order mark and UTF-16 with one are read.
//! Anything else is refused with a reason rather than indexed as mojibake.

use std::fmt;

/// Why a file's bytes are not article text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undecodable {
    Empty,
    Binary,
    NotUtf8 { offset: usize },
}

impl fmt::Display for Undecodable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Undecodable::Empty => write!(f, "empty file"),
            Undecodable::Binary => write!(f, "binary file (NUL bytes)"),
            Undecodable::NotUtf8 { offset } => {
                write!(f, "not valid UTF-8 (first bad byte at offset {offset})")
            }
        }
    }
}

/// How far into a file to look for NUL bytes.
const BINARY_PROBE: usize = 8192;

pub fn decode(bytes: &[u8]) -> Result<String, Undecodable> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)
    } else {
        if bytes[..bytes.len().min(BINARY_PROBE)].contains(&0) {
            return Err(Undecodable::Binary);
        }
        utf8(bytes)?
    };
    if text.trim().is_empty() {
        return Err(Undecodable::Empty);
    }
    Ok(text)
}

fn utf8(bytes: &[u8]) -> Result<String, Undecodable> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => Err(Undecodable::NotUtf8 {
            offset: e.valid_up_to(),
        }),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("بغداد".as_bytes()).unwrap(), "بغداد");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice("بغداد".as_bytes());
        assert_eq!(decode(&bom).unwrap(), "بغداد");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "بغداد".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), "بغداد");
        assert_eq!(decode(&be).unwrap(), "بغداد");
    }

    #[test]
    fn refuses_empty_binary_and_invalid_files() {
        assert_eq!(decode(b""), Err(Undecodable::Empty));
        assert_eq!(decode(b" \n\n "), Err(Undecodable::Empty));
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(Undecodable::Binary));
        assert_eq!(
            decode(b"abc\xC7\xE1"),
            Err(Undecodable::NotUtf8 { offset: 3 })
        );
    }
}
