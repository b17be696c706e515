//! The golden table of 指标值 (`tests/golden/targets.json`, shared with the C and Python
//! tests): every text parses to its expected canonical JSON, and that JSON reads back.

use jixiao::value::{parse_target, Target};
use serde_json::Value;

fn rows() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/golden/targets.json");
    let text = std::fs::read_to_string(path).expect("tests/golden/targets.json");
    let Value::Array(rows) = serde_json::from_str(&text).expect("golden JSON") else {
        panic!("the golden table is an array");
    };
    rows
}

fn text_of(row: &Value) -> &str {
    row["text"].as_str().expect("row.text")
}

#[test]
fn every_row_parses_to_its_canonical_json() {
    let rows = rows();
    assert!(rows.len() >= 60, "{} rows", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        let text = text_of(row);
        let got = serde_json::to_value(parse_target(text)).expect("serialize");
        if got != row["target"] {
            failures.push(format!("{text:?}\n  want {}\n  got  {got}", row["target"]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn canonical_json_reads_back() {
    for row in rows() {
        let text = text_of(&row);
        let back: Target = serde_json::from_value(row["target"].clone()).expect("deserialize");
        assert_eq!(back, parse_target(text), "{text:?}");
    }
}

#[test]
fn hand_written_json_is_completed() {
    for row in rows() {
        let text = text_of(&row);
        let want = parse_target(text);
        // Without the derived keys, they are filled from the unit and the text.
        let mut short = row["target"].clone();
        if let Value::Object(map) = &mut short {
            map.remove("unit_class");
            map.remove("class");
            map.remove("problem");
        }
        let back: Target = serde_json::from_value(short).expect("deserialize");
        assert_eq!(back, want, "{text:?}");
        // Only the text, or a plain string: parsed.
        let only_text: Target =
            serde_json::from_value(serde_json::json!({ "text": text })).expect("text only");
        assert_eq!(only_text, want, "{text:?}");
        let plain: Target = serde_json::from_value(Value::String(text.to_owned())).expect("plain");
        assert_eq!(plain, want, "{text:?}");
    }
}

#[test]
fn rendering_parses_back() {
    for row in rows() {
        let t = parse_target(text_of(&row));
        let again = parse_target(&t.render());
        assert_eq!(
            Target {
                text: String::new(),
                ..again
            },
            Target {
                text: String::new(),
                ..t.clone()
            },
            "{:?} rendered {:?}",
            t.text,
            t.render()
        );
    }
}

#[test]
fn given_keys_win_over_the_text() {
    // JSON is authoritative when it says more than the text.
    let t: Target = serde_json::from_str(
        r#"{"text": "≥90%", "kind": "quantitative", "comparator": ">", "value": "91", "unit": "%"}"#,
    )
    .expect("deserialize");
    assert_eq!(t.comparator, Some(jixiao::value::Comparator::Above));
    assert_eq!(t.value.map(|v| v.to_string()).as_deref(), Some("91"));
    assert_eq!(t.unit_class, Some(jixiao::value::UnitClass::Percent));
}
