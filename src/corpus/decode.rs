//! Turns a file's bytes into text, or says why it cannot.
//!
//! Read: UTF-8 with or without a byte-order mark, UTF-16 with one, and the
//! two legacy Arabic encodings, Windows-1256 and ISO-8859-6, which older
//! archives are full of. Which legacy encoding a file is in is guessed from
//! its bytes (chardetng, the detector Firefox uses); a file the guess does not
//! place in an Arabic encoding, or that does not decode cleanly, is refused
//! with a reason rather than indexed as mojibake.

use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, ISO_8859_6, WINDOWS_1256};

/// Why a file's bytes are not article text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undecodable {
    Empty,
    Binary,
    /// Not UTF-8, and not recognisably an Arabic legacy encoding.
    Unknown {
        offset: usize,
        guess: &'static str,
    },
    /// Looked like a legacy Arabic encoding but did not decode cleanly.
    Malformed {
        encoding: &'static str,
    },
}

impl fmt::Display for Undecodable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Undecodable::Empty => write!(f, "empty file"),
            Undecodable::Binary => write!(f, "binary file (NUL bytes)"),
            Undecodable::Unknown { offset, guess } => write!(
                f,
                "not UTF-8 (first bad byte at offset {offset}) nor an Arabic legacy encoding (it looks like {guess}); convert it to UTF-8"
            ),
            Undecodable::Malformed { encoding } => {
                write!(f, "looks like {encoding} but has bytes that encoding does not define")
            }
        }
    }
}

/// Text and the encoding it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// How far into a file to look for NUL bytes.
const BINARY_PROBE: usize = 8192;

pub fn decode(bytes: &[u8]) -> Result<Decoded, Undecodable> {
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes, "UTF-16LE")
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes, "UTF-16BE")
    } else {
        if bytes[..bytes.len().min(BINARY_PROBE)].contains(&0) {
            return Err(Undecodable::Binary);
        }
        match utf8(bytes) {
            Ok(d) => d,
            Err(Undecodable::Unknown { offset, .. }) => legacy(bytes, offset)?,
            Err(e) => return Err(e),
        }
    };
    if decoded.text.trim().is_empty() {
        return Err(Undecodable::Empty);
    }
    Ok(decoded)
}

fn utf8(bytes: &[u8]) -> Result<Decoded, Undecodable> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_owned(),
            encoding: "UTF-8",
        }),
        Err(e) => Err(Undecodable::Unknown {
            offset: e.valid_up_to(),
            guess: "unknown",
        }),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, encoding: &'static str) -> Decoded {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    Decoded {
        text: char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
        encoding,
    }
}

fn legacy(bytes: &[u8], offset: usize) -> Result<Decoded, Undecodable> {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess: &'static Encoding = detector.guess(None, Utf8Detection::Deny);
    if guess != WINDOWS_1256 && guess != ISO_8859_6 {
        return Err(Undecodable::Unknown {
            offset,
            guess: guess.name(),
        });
    }
    let text = guess
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or(Undecodable::Malformed {
            encoding: guess.name(),
        })?;
    Ok(Decoded {
        text: text.into_owned(),
        encoding: guess.name(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "قالت وزارة الدفاع الأمريكية إن القوات ستبقى في العراق حتى نهاية العام المقبل";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("بغداد".as_bytes()).unwrap().text, "بغداد");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice("بغداد".as_bytes());
        assert_eq!(decode(&bom).unwrap().text, "بغداد");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "بغداد".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "بغداد");
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn legacy_arabic_encodings_are_detected() {
        for enc in [WINDOWS_1256, ISO_8859_6] {
            let (bytes, _, unmappable) = enc.encode(SAMPLE);
            assert!(!unmappable);
            let d = decode(&bytes).unwrap();
            assert_eq!(d.text, SAMPLE, "{}", enc.name());
            assert_eq!(d.encoding, enc.name());
        }
    }

    #[test]
    fn refuses_empty_binary_and_foreign_files() {
        assert_eq!(decode(b""), Err(Undecodable::Empty));
        assert_eq!(decode(b" \n\n "), Err(Undecodable::Empty));
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(Undecodable::Binary));
        let (latin1, _, _) =
            encoding_rs::WINDOWS_1252.encode("Ça coûte très cher à Zürich, déjà été");
        assert!(matches!(decode(&latin1), Err(Undecodable::Unknown { .. })));
    }
}
