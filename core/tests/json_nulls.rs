//! `null` in the canonical JSON means the same as the key being absent (`formats.md` §C:
//! "absent values are `null`"). Documents the library wrote — the published forms in
//! `tests/data`, and one with every optional field filled — are read back with their keys
//! set to `null`, all together and one at a time, and must read exactly as the same
//! document with those keys removed. A wrong type is still an error at its line.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers

use rust_decimal::Decimal;
use serde_json::Value;

use jixiao::model::{BudgetRow, Direction, Document, NotApplicable};
use jixiao::read::{read, InputFormat, ReadOptions};
use jixiao::taxonomy::{Level1, Level2};
use jixiao::write::json::to_json;

/// Keys whose absence is an error (a declaration without its project, an indicator
/// without its name): their `null` is an error too.
const REQUIRED: [&str; 2] = ["project", "name"];

/// Keys holding maps whose keys are data (labels, 一级 names), not fields.
const DATA_MAPS: [&str; 2] = ["extra", "level_points"];

fn data(name: &str) -> Document {
    let path = format!("{}/../tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("a test data file");
    read(&bytes, &ReadOptions::named(name))
        .expect("the test data reads")
        .document
}

/// The documents the library wrote: the published forms and list, and the Putuo
/// self-evaluation with every optional field filled in besides.
fn documents() -> Vec<Document> {
    let mut full = data("selfeval-putuo-sports-2022.txt");
    full.year = Some(2022);
    let declaration = &mut full.declarations[0];
    declaration.project.code = Some("P-001".into());
    declaration.project.policy_basis = Some("沪财绩〔2020〕6号".into());
    declaration.project.calculation_basis = Some("按合同价".into());
    declaration
        .project
        .extra
        .insert("联系人".into(), "张三".into());
    declaration
        .level_points
        .insert("产出指标".into(), Decimal::new(50, 0));
    declaration.not_applicable.push(NotApplicable {
        level1: Some(Level1::Benefit),
        level2: Some(Level2::EconomicBenefit),
        level2_text: Some("经济效益".into()),
    });
    let indicator = &mut declaration.indicators[0];
    indicator.weight = Some(Decimal::new(10, 0));
    indicator.level1_text = Some("项目完成指标".into());
    indicator.level2_text = Some("数量".into());
    indicator.direction = Some(Direction::Increase);
    indicator.extra.insert("备注".into(), "无".into());
    let evaluation = declaration.evaluation.as_mut().expect("a self-evaluation");
    let row = BudgetRow {
        initial: Some(Decimal::new(100, 2)),
        adjusted: Some(Decimal::new(200, 2)),
        executed: Some(Decimal::new(150, 2)),
        weight: Some(Decimal::new(5, 0)),
        rate: Some("75%".into()),
        score: Some(Decimal::new(375, 2)),
        ..BudgetRow::default()
    };
    evaluation.budget_fiscal = Some(row.clone());
    evaluation.budget_carryover = Some(row.clone());
    evaluation.budget_other = Some(row);
    evaluation.goal_achieved = Some("已完成".into());
    evaluation.total_weight = Some(Decimal::new(100, 0));
    evaluation.grade = Some("优".into());
    evaluation.deviation_analysis = Some("无偏差".into());
    evaluation.improvement = Some("继续保持".into());
    vec![
        data("shanghai-eeb-enforcement-2024.txt"),
        data("selfeval-putuo-sports-2022.txt"),
        data("list-example.csv"),
        full,
    ]
}

fn read_json(value: &Value) -> Result<Document, jixiao::error::ReadError> {
    let text = serde_json::to_string_pretty(value).unwrap();
    read(
        text.as_bytes(),
        &ReadOptions {
            format: Some(InputFormat::Json),
            ..ReadOptions::named("nulls.json")
        },
    )
    .map(|reading| reading.document)
}

/// A step into a JSON value: an object key or an array index.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// The path of every object key in `value`, outside the data maps.
fn key_paths(value: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                at.push(Step::Key(key.clone()));
                out.push(at.clone());
                if !DATA_MAPS.contains(&key.as_str()) {
                    key_paths(inner, at, out);
                }
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                at.push(Step::Index(i));
                key_paths(inner, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// The object holding the last key of `path`, and that key.
fn parent<'a>(
    value: &'a mut Value,
    path: &[Step],
) -> (&'a mut serde_json::Map<String, Value>, String) {
    let (last, init) = path.split_last().unwrap();
    let mut here = value;
    for step in init {
        here = match step {
            Step::Key(k) => here.get_mut(k.as_str()).unwrap(),
            Step::Index(i) => here.get_mut(*i).unwrap(),
        };
    }
    let Step::Key(key) = last else {
        panic!("a key path ends in a key")
    };
    (here.as_object_mut().unwrap(), key.clone())
}

fn last_key(path: &[Step]) -> &str {
    match path.last() {
        Some(Step::Key(k)) => k,
        _ => "",
    }
}

/// Every optional scalar field set to `null` at once reads as the document with those
/// keys removed.
#[test]
fn every_optional_field_null_reads_as_absent() {
    for document in documents() {
        let written: Value = serde_json::from_str(&to_json(&document)).unwrap();
        let mut paths = Vec::new();
        key_paths(&written, &mut Vec::new(), &mut paths);
        let (mut nulled, mut removed) = (written.clone(), written.clone());
        let mut count = 0;
        // Deepest first, so that removing a key never moves another path.
        for path in paths.iter().rev() {
            if REQUIRED.contains(&last_key(path)) {
                continue;
            }
            let (object, key) = parent(&mut nulled, path);
            if matches!(object[&key], Value::Object(_) | Value::Array(_)) {
                continue;
            }
            object.insert(key.clone(), Value::Null);
            parent(&mut removed, path).0.remove(&key);
            count += 1;
        }
        assert!(count > 20, "only {count} optional scalars");
        let from_nulls = read_json(&nulled).unwrap_or_else(|e| panic!("{e}\n{nulled:#}"));
        let from_absent = read_json(&removed).unwrap_or_else(|e| panic!("{e}\n{removed:#}"));
        assert_eq!(from_nulls, from_absent);
        assert_eq!(to_json(&from_nulls), to_json(&from_absent));
        // The empty blocks and lists as null too, `evaluation` among them.
        let declaration = &mut nulled["declarations"][0];
        for key in [
            "funding",
            "goals",
            "indicators",
            "level_points",
            "not_applicable",
            "evaluation",
        ] {
            declaration[key] = Value::Null;
        }
        let declaration = read_json(&nulled).unwrap().declarations.remove(0);
        assert_eq!(declaration.funding, Default::default());
        assert!(declaration.indicators.is_empty() && declaration.evaluation.is_none());
    }
}

/// Each key of a written document set to `null`, one at a time, reads exactly as the
/// document without that key: both read the same document (which writes the same
/// bytes), or both are refused (a required key).
#[test]
fn each_key_null_reads_as_absent() {
    let mut tried = 0;
    for document in documents() {
        let written: Value = serde_json::from_str(&to_json(&document)).unwrap();
        let mut paths = Vec::new();
        key_paths(&written, &mut Vec::new(), &mut paths);
        for path in &paths {
            let (mut nulled, mut removed) = (written.clone(), written.clone());
            let (object, key) = parent(&mut nulled, path);
            object.insert(key.clone(), Value::Null);
            parent(&mut removed, path).0.remove(&key);
            match (read_json(&nulled), read_json(&removed)) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a, b, "{path:?}");
                    let json = to_json(&a);
                    assert_eq!(json, to_json(&b), "{path:?}");
                    // And what it writes reads back to the same bytes.
                    let again = read_json(&serde_json::from_str(&json).unwrap()).unwrap();
                    assert_eq!(to_json(&again), json, "{path:?}");
                }
                (Err(a), Err(_)) => {
                    assert!(REQUIRED.contains(&key.as_str()), "{path:?}: {a}");
                    assert_eq!(a.code(), "bad_json");
                    assert!(a.location().line.is_some(), "{a}");
                }
                (a, b) => panic!("{path:?}: null {:?}, absent {:?}", a.err(), b.err()),
            }
            tried += 1;
        }
    }
    assert!(tried > 200, "only {tried} keys");
}

/// `null` is accepted where a value may be absent; a value of the wrong type is still
/// refused, at its line.
#[test]
fn wrong_types_are_still_errors_at_their_line() {
    let base = |line3: &str| {
        format!(
            "{{\"schema\": \"jixiao/1\", \"declarations\": [{{\"project\": {{\"name\": \"x\"}},\n\"indicators\": [{{\"name\": \"n\", \"target\": \"≥1人\",\n{line3}}}]}}]}}"
        )
    };
    let options = ReadOptions {
        format: Some(InputFormat::Json),
        ..ReadOptions::named("types.json")
    };
    assert!(read(base("\"weight\": null").as_bytes(), &options).is_ok());
    for wrong in [
        "\"weight\": true",
        "\"weight\": [1]",
        "\"extra\": 5",
        "\"extra\": \"x\"",
        "\"direction\": 3",
        "\"level1_text\": {}",
    ] {
        let err = read(base(wrong).as_bytes(), &options).unwrap_err();
        assert_eq!(err.code(), "bad_json", "{wrong}");
        assert_eq!(err.location().line, Some(3), "{wrong}: {err}");
    }
    let wrong_target = "{\"declarations\": [{\"project\": {},\n\"indicators\": [{\"name\": \"n\", \"target\": 5}]}]}";
    let err = read(wrong_target.as_bytes(), &options).unwrap_err();
    assert_eq!(err.location().line, Some(2), "{err}");
    let wrong_list = "{\"declarations\": [{\"project\": {},\n\"indicators\": \"none\"}]}";
    let err = read(wrong_list.as_bytes(), &options).unwrap_err();
    assert_eq!(err.location().line, Some(2), "{err}");
}
