//! `fahras analyze`: the analyzer's output as the evaluation tools read it.

mod common;

use common::*;

#[test]
fn lines_mode_prints_one_line_per_input_line() {
    let out = fahras()
        .args(["analyze", "--lines"])
        .write_stdin("وللقوات\nفي\n\nالقُوَّات الأمريكية\n")
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "قوات\n\n\nقوات امريكي\n");
}

#[test]
fn switches_turn_stages_off() {
    let out = fahras()
        .args(["analyze", "--lines", "--no-stem", "--no-stopwords"])
        .write_stdin("وللقوات في\n")
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "وللقوات في\n");
}

#[test]
fn json_gives_tokens_with_positions_and_offsets() {
    let out = fahras()
        .args(["analyze", "--format", "json", "انسحاب من العراق"])
        .output()
        .unwrap();
    let tokens: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tokens.len(), 2);
    assert_eq!(tokens[1]["token"], "عراق");
    assert_eq!(tokens[1]["text"], "العراق");
    assert_eq!(tokens[1]["position"], 2);
    assert_eq!(tokens[1]["start"], "انسحاب من ".len());
}
