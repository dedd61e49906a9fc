//! Text output on a terminal (a pseudo-terminal made by `script`): lines
//! wrapped to its width between words, and Arabic fields of the meta line
//! isolated, while the same search piped stays one line per part.

mod common;

use std::process::Command;

use common::*;

/// `fahras <args>` on a pseudo-terminal `columns` wide; `None` when this
/// machine has no `script` (util-linux) to make one.
fn on_terminal(indexed: &Indexed, args: &str, columns: usize) -> Option<String> {
    let bin = assert_cmd::cargo::cargo_bin("fahras");
    let command = format!(
        "{} {args} --index {}",
        bin.display(),
        indexed.index.display()
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("COLUMNS", columns.to_string())
        .env("NO_COLOR", "1")
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap().replace('\r', ""))
}

#[test]
fn a_terminal_gets_lines_wrapped_between_words_and_isolated_fields() {
    let indexed = Indexed::sample();
    let args = "search 'خارطة طريق' -n 1";
    let Some(shown) = on_terminal(&indexed, args, 50) else {
        eprintln!("no `script` here: skipped");
        return;
    };
    let lines: Vec<&str> = shown.lines().collect();
    assert!(lines.len() > 6, "{shown}");
    for line in &lines {
        // Isolates take no column, and a lam-alef is one glyph (as
        // Unicode's width tables count it).
        let ligatures: usize = ["لا", "لأ", "لإ", "لآ"]
            .iter()
            .map(|l| line.matches(l).count())
            .sum();
        let chars = line
            .chars()
            .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'));
        let width = chars.count() - ligatures;
        assert!(width <= 50 || !line.trim().contains(' '), "{width}: {line}");
    }
    assert!(
        shown.contains("\u{2068}العربية الانكليزية\u{2069}"),
        "{shown}"
    );
    // The same words as piped output, in the same order.
    let piped = stdout(&indexed.run(&["search", "خارطة طريق", "-n", "1"]));
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| !matches!(*w, "\u{2068}" | "\u{2069}"))
            .map(|w| w.replace(['\u{2068}', '\u{2069}'], ""))
            .collect::<Vec<_>>()
    };
    assert_eq!(words(&shown), words(&piped));
}
