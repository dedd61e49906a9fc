//! Finds an article's publication date: in a field, in its path, or in a
//! dateline written in Arabic near the top of the text.
//!
//! A date mentioned further down the body is never taken: "the agreement of
//! 2003" is not when the article was written.

use jiff::civil::Date;

use crate::analysis::normalize;

/// How much of a date is known. An article filed under `2025/09/` is from
/// September 2025, on a day nobody recorded: it is stored at the first day
/// of its period, matches every range that holds that day, and is shown as
/// `2025-09`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    #[default]
    Day,
    Month,
    Year,
}

impl Precision {
    /// The number the index stores.
    pub fn code(self) -> u64 {
        match self {
            Precision::Day => 0,
            Precision::Month => 1,
            Precision::Year => 2,
        }
    }

    pub fn from_code(code: u64) -> Precision {
        match code {
            1 => Precision::Month,
            2 => Precision::Year,
            _ => Precision::Day,
        }
    }

    /// `date` written to this precision: `2025-09-01` as `2025-09`.
    pub fn show(self, date: Date) -> String {
        match self {
            Precision::Day => date.to_string(),
            Precision::Month => format!("{:04}-{:02}", date.year(), date.month()),
            Precision::Year => format!("{:04}", date.year()),
        }
    }
}

/// Like [`parse_date`], and a month (`2025-09`, `2025/09`) or a year
/// (`2025`) alone, at its precision.
pub fn parse_period(text: &str) -> Option<(Date, Precision)> {
    if let Some(d) = parse_date(text) {
        return Some((d, Precision::Day));
    }
    let ascii: String = text.trim().chars().map(ascii_digit).collect();
    match ascii.split(['-', '/']).collect::<Vec<_>>().as_slice() {
        [y] if y.len() == 4 => Some((make_date(y.parse().ok()?, 1, 1)?, Precision::Year)),
        [y, m] if y.len() == 4 && m.len() <= 2 => Some((
            make_date(y.parse().ok()?, m.parse().ok()?, 1)?,
            Precision::Month,
        )),
        _ => None,
    }
}

/// Like [`date_in_path`], and else a `YYYY/MM` run of folders (a month) or
/// a `YYYY` folder (a year): `2025/09/story.txt` is from September 2025.
pub fn period_in_path(path: &str) -> Option<(Date, Precision)> {
    if let Some(d) = date_in_path(path) {
        return Some((d, Precision::Day));
    }
    let parts: Vec<&str> = path.split(['/', '\\']).collect();
    // The file name itself is no folder.
    let folders = &parts[..parts.len().saturating_sub(1)];
    for w in folders.windows(2) {
        if w[0].len() == 4 && w[1].len() <= 2 {
            if let (Ok(y), Ok(m)) = (w[0].parse(), w[1].parse()) {
                if let Some(d) = make_date(y, m, 1) {
                    return Some((d, Precision::Month));
                }
            }
        }
    }
    folders.iter().find_map(|f| {
        let y = f.parse().ok().filter(|_| f.len() == 4)?;
        Some((make_date(y, 1, 1)?, Precision::Year))
    })
}

/// Parses a date field: `2024-03-15`, `2024/03/15`, `2024.03.15`, an ISO
/// timestamp (`2024-03-15T10:00:00Z`, the day is kept), `15/03/2024`, in
/// ASCII or Arabic-Indic digits, or a dateline such as `15 آذار 2024`.
pub fn parse_date(text: &str) -> Option<Date> {
    let ascii: String = text.trim().chars().map(ascii_digit).collect();
    let head: String = ascii
        .chars()
        .take_while(|c| *c != 'T' && *c != ' ')
        .collect();
    let parts: Vec<&str> = head.split(['-', '/', '.']).collect();
    if let [a, b, c] = parts.as_slice() {
        let nums = (a.parse::<i16>(), b.parse::<i8>(), c.parse::<i16>());
        if let (Ok(a), Ok(b), Ok(c)) = nums {
            if a.to_string().len() == 4 || a > 31 {
                return make_date(a, b, c as i8);
            }
            if c > 31 {
                return make_date(c, b, a as i8);
            }
        }
    }
    dateline(text)
}

fn ascii_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c => c,
    }
}

/// The years an article may be dated in: outside them a "date" is a
/// number that only looks like one.
pub const YEARS: std::ops::RangeInclusive<i16> = 1900..=2200;

fn make_date(year: i16, month: i8, day: i8) -> Option<Date> {
    if !YEARS.contains(&year) {
        return None;
    }
    Date::new(year, month, day).ok()
}

/// A `YYYY/MM/DD` run of folders, or `YYYY-MM-DD` inside a file or folder
/// name, in a path like `archive/2024/03/15/story.txt`.
pub fn date_in_path(path: &str) -> Option<Date> {
    let parts: Vec<&str> = path.split(['/', '\\']).collect();
    for w in parts.windows(3) {
        let nums = (w[0].parse::<i16>(), w[1].parse::<i8>(), w[2].parse::<i8>());
        if let (Ok(y), Ok(m), Ok(d)) = nums {
            if w[0].len() == 4 && w[1].len() <= 2 && w[2].len() <= 2 {
                if let Some(date) = make_date(y, m, d) {
                    return Some(date);
                }
            }
        }
    }
    for part in parts.iter().rev() {
        let bytes = part.as_bytes();
        for start in 0..bytes.len().saturating_sub(9) {
            // File names are often Arabic: slice only on character bounds.
            let Some(window) = part.get(start..start + 10) else {
                continue;
            };
            let b = window.as_bytes();
            let shape = b.iter().enumerate().all(|(i, ch)| match i {
                4 | 7 => *ch == b'-' || *ch == b'_',
                _ => ch.is_ascii_digit(),
            });
            if shape {
                let y = window[0..4].parse().ok()?;
                let m = window[5..7].parse().ok()?;
                let d = window[8..10].parse().ok()?;
                if let Some(date) = make_date(y, m, d) {
                    return Some(date);
                }
            }
        }
    }
    None
}

/// Month names of both systems in normalized form, with their numbers.
/// The Levantine names of October–January take two words.
const MONTHS: [(&str, i8); 30] = [
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("إبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونية", 6),
    ("يوليو", 7),
    ("يولية", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
    ("كانون الثاني", 1),
    ("أوت", 8),
];

fn month_at(words: &[String]) -> Option<(i8, usize)> {
    for (name, number) in MONTHS {
        let name_words: Vec<String> = name.split(' ').map(normalize).collect();
        if words.len() >= name_words.len() && words[..name_words.len()] == name_words[..] {
            return Some((number, name_words.len()));
        }
    }
    None
}

/// A date written as words: `الثلاثاء 23 كانون الثاني 2024`,
/// `15 يناير/كانون الثاني 2024`, `٣ آذار ٢٠٢٤`.
pub fn dateline(line: &str) -> Option<Date> {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '،' | ',' | '-' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .map(|w| normalize(w.trim_end_matches('م')))
        .collect();
    for i in 0..words.len() {
        let Ok(day) = words[i].parse::<i8>() else {
            continue;
        };
        let Some((month, mut used)) = month_at(&words[i + 1..]) else {
            continue;
        };
        // `يناير/كانون الثاني`: a second name for the same month.
        if let Some((_, more)) = month_at(&words[i + 1 + used..]) {
            used += more;
        }
        if let Some(year) = words.get(i + 1 + used).and_then(|w| w.parse::<i16>().ok()) {
            if let Some(date) = make_date(year, month, day) {
                return Some(date);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Option<Date> {
        Some(Date::new(y, m, day).unwrap())
    }

    #[test]
    fn field_dates() {
        assert_eq!(parse_date("2024-03-15"), d(2024, 3, 15));
        assert_eq!(parse_date("2024/3/5"), d(2024, 3, 5));
        assert_eq!(parse_date("2024-03-15T22:10:00+03:00"), d(2024, 3, 15));
        assert_eq!(parse_date("15/03/2024"), d(2024, 3, 15));
        assert_eq!(parse_date("٢٠٢٤-٠٣-١٥"), d(2024, 3, 15));
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn path_dates() {
        assert_eq!(date_in_path("news/2024/03/15/a.txt"), d(2024, 3, 15));
        assert_eq!(date_in_path("news/2023-10-07_gaza.txt"), d(2023, 10, 7));
        assert_eq!(date_in_path("news/1234/5678.txt"), None);
        assert_eq!(
            period_in_path("2025/09/coalition-leaves-baghdad.txt"),
            d(2025, 9, 1).map(|d| (d, Precision::Month))
        );
        assert_eq!(
            period_in_path("archive/2019/report.txt"),
            d(2019, 1, 1).map(|d| (d, Precision::Year))
        );
        assert_eq!(
            period_in_path("2024/03/15/a.txt"),
            d(2024, 3, 15).map(|d| (d, Precision::Day))
        );
        // A number as a file name is not a year; nor is 1234.
        assert_eq!(period_in_path("news/2019.txt"), None);
        assert_eq!(period_in_path("news/1234/5678.txt"), None);
        assert_eq!(
            parse_period("2025-09"),
            d(2025, 9, 1).map(|d| (d, Precision::Month))
        );
        assert_eq!(
            parse_period("٢٠٢٥"),
            d(2025, 1, 1).map(|d| (d, Precision::Year))
        );
        assert_eq!(Precision::Month.show(d(2025, 9, 1).unwrap()), "2025-09");
        // Regression: a byte window inside an Arabic name used to panic.
        assert_eq!(
            date_in_path("أخبار/خبر-2024-03-15-بغداد.txt"),
            d(2024, 3, 15)
        );
        assert_eq!(date_in_path("أخبار/خبر عاجل.txt"), None);
    }

    #[test]
    fn datelines_in_both_month_systems() {
        assert_eq!(
            dateline("بغداد - الثلاثاء 23 كانون الثاني 2024"),
            d(2024, 1, 23)
        );
        assert_eq!(dateline("15 يناير/كانون الثاني 2024"), d(2024, 1, 15));
        assert_eq!(dateline("٣ آذار ٢٠٢٤"), d(2024, 3, 3));
        assert_eq!(dateline("الأحد 5 أيار 2019م"), d(2019, 5, 5));
        assert_eq!(dateline("قتل 23 شخصا في 2024"), None);
    }
}
