//! `jixiao diff OLD NEW [--actuals PRIOR] [--format text|json]` on the seed and its
//! hand-made next-year copy.

use std::process::{Command, Output};

fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .env_remove("COLUMNS")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("the jixiao binary runs")
}

const SEED: &str = "tests/data/shanghai-eeb-enforcement-2024.txt";
const CHANGED: &str = "tests/data/shanghai-eeb-enforcement-2025-changed.txt";
const PRIOR: &str = "tests/data/selfeval-eeb-hotline-2024-constructed.txt";

#[test]
fn json_lists_each_change_with_its_kind() {
    let out = jixiao(&["diff", SEED, CHANGED, "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let mut kinds: Vec<String> = json
        .as_array()
        .expect("one object per project")
        .iter()
        .flat_map(|p| p["changes"].as_array().cloned().unwrap_or_default())
        .map(|c| c["kind"].as_str().unwrap_or_default().to_owned())
        .collect();
    kinds.sort();
    kinds.dedup();
    // The copy has a relaxed, a tightened, a softened (twice), a renamed, a removed (twice) and
    // an added indicator, a dropped 满意度 level, a unit change and a funding rise.
    assert_eq!(
        kinds,
        [
            "added",
            "funding_changed",
            "funding_vs_output",
            "level_removed",
            "relaxed",
            "removed",
            "renamed",
            "softened",
            "tightened",
            "unit_changed"
        ]
    );
    let unchanged = &json[4];
    assert_eq!(unchanged["project"], "办公用房修缮及装修经费");
    assert_eq!(unchanged["changes"], serde_json::json!([]));
}

#[test]
fn json_is_the_golden_with_last_years_actuals() {
    let out = jixiao(&[
        "diff",
        SEED,
        CHANGED,
        "--actuals",
        PRIOR,
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let want = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/golden/seed-diff.json"
    ))
    .expect("golden");
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
}

#[test]
fn text_names_the_changes_in_chinese() {
    let out = jixiao(&["diff", SEED, CHANGED, "--actuals", PRIOR]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "环保热线运行（按项目名称匹配）",
        "C010  放宽",
        "≥98.00(%) → ≥95.00(%)",
        "C030  低于上年实际",
        "C022  单位改变",
        "办公用房修缮及装修经费（按项目名称匹配）\n  无变化",
    ] {
        assert!(text.contains(needle), "{needle} missing in\n{text}");
    }
}

#[test]
fn actuals_that_are_no_self_evaluation_and_bad_files_exit_2() {
    let out = jixiao(&["diff", SEED, CHANGED, "--actuals", SEED]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("自评表"));
    let out = jixiao(&["diff", SEED, "tests/data/no-such-file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.txt"));
    let out = jixiao(&["diff", SEED, CHANGED, "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
}
