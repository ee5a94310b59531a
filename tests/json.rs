//! The JSON reader and writer of the saved format (domain::json): serde_json's layout and messages, positions
//! for every problem, and no panic on anything.

use iec62443_assess::domain::json::{parse, to_pretty, Json};
use iec62443_assess::domain::storage::{from_json, to_json};
use proptest::prelude::*;

const SCHEMA_2: &str = include_str!("fixtures/schema-2.json");

/// A file of the current schema (3). Its layout is serde_json's pretty layout, as the schema-2 file written
/// by the serde_json-based writer of earlier versions was (checked when it was made: serde_json and
/// Python's json module, both with two-space indents, write it back unchanged).
const SCHEMA_3: &str = include_str!("fixtures/schema-3.json");

#[test]
fn a_saved_file_is_written_back_byte_for_byte_in_serde_jsons_layout() {
    let a = from_json(SCHEMA_3).expect("the fixture reads").assessment;
    assert_eq!(to_json(&a), SCHEMA_3.trim_end());
}

#[test]
fn the_writer_agrees_with_serde_json_on_every_value() {
    let a = from_json(SCHEMA_3).expect("the fixture reads").assessment;
    let ours: serde_json::Value = serde_json::from_str(&to_json(&a)).expect("our output is JSON for serde_json");
    let theirs: serde_json::Value = serde_json::from_str(SCHEMA_3).expect("the fixture is JSON");
    assert_eq!(ours, theirs);
}

#[test]
fn strings_with_quotes_controls_and_any_unicode_survive_a_round_trip() {
    let text = "say \"hi\"\\ \n\t\r \u{1} \u{7f} é ✓ 🏭 </script>";
    let written = to_pretty(&text.to_string());
    assert_eq!(written, "\"say \\\"hi\\\"\\\\ \\n\\t\\r \\u0001 \u{7f} é ✓ 🏭 </script>\"");
    assert_eq!(parse(&written).expect("it parses").value, Json::Str(text.to_string()));
    // serde_json's reading of our writing, and ours of its escapes (including a surrogate pair).
    assert_eq!(serde_json::from_str::<String>(&written).expect("serde_json reads it"), text);
    assert_eq!(parse("\"\\ud83c\\udfed \\u00e9\\/\"").expect("escapes").value, Json::Str("🏭 é/".into()));
}

#[test]
fn syntax_errors_name_what_and_where_like_serde_json() {
    let cases = [
        ("{\n  \"a\": oops\n}", "expected value", 2, 8),
        ("{\"a\": 1,}", "trailing comma", 1, 9),
        ("[1, 2", "EOF while parsing a list", 1, 6),
        ("{\"a\" 1}", "expected `:`", 1, 6),
        ("{1: 2}", "key must be a string", 1, 2),
        ("\"a\\qb\"", "invalid escape", 1, 4),
        ("01", "invalid number", 1, 2),
        ("{} x", "trailing characters", 1, 4),
        ("\"\\ud83c\"", "lone leading surrogate in hex escape", 1, 8),
        ("\"tab\there\"", "control character (\\u0000-\\u001F) found while parsing a string", 1, 5),
    ];
    for (text, message, line, column) in cases {
        let e = parse(text).expect_err(text);
        assert_eq!((e.message.as_str(), e.pos.line, e.pos.column), (message, line, column), "{text:?}");
    }
}

#[test]
fn nesting_deeper_than_128_levels_is_refused_not_overflowing_the_stack() {
    let deep = "[".repeat(100_000);
    assert_eq!(parse(&deep).expect_err("too deep").message, "recursion limit exceeded");
    assert!(parse(&format!("{}{}", "[".repeat(100), "]".repeat(100))).is_ok());
}

#[test]
fn numbers_other_than_whole_ones_are_kept_as_written_and_refused_where_a_level_is_expected() {
    assert_eq!(parse("-12").expect("int").value, Json::Int(-12));
    assert_eq!(parse("1.5e3").expect("number").value, Json::Number("1.5e3".into()));
    assert_eq!(parse("99999999999999999999").expect("big").value, Json::Number("99999999999999999999".into()));
    let text = SCHEMA_2.replacen("\"target_maturity\": 2", "\"target_maturity\": 2.5", 1);
    let e = from_json(&text).expect_err("2.5 is not a level");
    assert_eq!(e.problem, "The file has an unexpected value: invalid type: number `2.5`, expected u8.");
}

proptest! {
    #[test]
    fn any_text_parses_or_fails_without_panicking(text in "\\PC{0,200}") {
        let _ = parse(&text);
    }

    #[test]
    fn any_string_round_trips(text in "\\PC{0,100}|[\\x00-\\x20\"\\\\]{0,20}") {
        let written = to_pretty(&text);
        prop_assert_eq!(parse(&written).expect("our output parses").value, Json::Str(text.clone()));
        prop_assert_eq!(serde_json::from_str::<String>(&written).expect("serde_json reads it"), text);
    }
}
