//! `jixiao monitor` on the constructed monitoring table (tests/data): the done-when of
//! issue 16, worked out by hand from domain.md §8, and the options and errors.

use std::process::{Command, Output};

fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .env_remove("COLUMNS")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("the jixiao binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json(output: &Output) -> serde_json::Value {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

const MONITOR: &str = "tests/data/monitor-example-constructed.txt";
const SEED: &str = "tests/data/shanghai-eeb-enforcement-2024.txt";
const PUTUO: &str = "tests/data/selfeval-putuo-sports-2022.txt";

#[test]
fn monitor_json_gives_the_done_when_of_issue_16() {
    let v = json(&jixiao(&["monitor", MONITOR, "--format", "json"]));
    let p = &v[0];
    assert_eq!(p["project"], "环保热线运行");
    assert_eq!(
        (p["month"].as_u64(), &p["policy"]),
        (Some(7), &"monitor-bands".into())
    );
    assert_eq!(p["budget"]["rate"], "50.00");
    assert_eq!(p["budget"]["progress"], "85.71");
    assert_eq!(p["budget"]["colour"], "green");
    let e = p["budget"]["explanation"].as_str().unwrap_or_default();
    assert!(
        e.contains("1325000 / 2650000 = 50.00%") && e.contains("= 85.71"),
        "{e}"
    );
    let prize = p["indicators"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["name"] == "有奖举报奖励落实发放率"))
        .expect("the indicator");
    assert_eq!(prize["colour"], "red");
    assert_eq!(prize["forecast"]["colour"], "yellow");
    assert_eq!(prize["reasons"], serde_json::json!(["制度保障", "其他"]));
    assert!(prize["explanation"]
        .as_str()
        .is_some_and(|x| x.contains("40% ÷ 90% × 100 = 44.44")));
    assert_eq!(p["colour"], "red");
    for key in [
        "project",
        "month",
        "policy",
        "colour",
        "budget",
        "indicators",
        "findings",
    ] {
        assert!(p.get(key).is_some(), "{key}");
    }
}

#[test]
fn monitor_text_is_a_traffic_light_table() {
    let out = jixiao(&["monitor", MONITOR]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("环保热线运行 — 1-7月, policy monitor-bands: 红 red"),
        "{text}"
    );
    assert!(text.contains("有奖举报奖励落实发放率"), "{text}");
    assert!(text.contains("[deviation_reason_missing]"), "{text}");
}

#[test]
fn month_policy_rollup_and_selfeval() {
    let v = json(&jixiao(&[
        "monitor",
        MONITOR,
        "--month",
        "8",
        "--policy",
        "milestones-local-example",
        "--format",
        "json",
    ]));
    // Month 8: the 60% milestone; 50 ÷ 60% × 100 = 83.33 → yellow (80 ≤ v < 100).
    assert_eq!(v[0]["budget"]["expected"], "60.00");
    assert_eq!(v[0]["budget"]["progress"], "83.33");
    assert_eq!(v[0]["budget"]["colour"], "yellow");
    let v = json(&jixiao(&[
        "monitor", MONITOR, MONITOR, "--rollup", "--format", "json",
    ]));
    assert_eq!(v[0]["projects"], 2);
    assert_eq!(v[0]["rate"], "50.00");
    let v = json(&jixiao(&[
        "monitor",
        MONITOR,
        "--selfeval",
        PUTUO,
        "--format",
        "json",
    ]));
    assert_eq!(v[0]["code"], "no_selfevaluation");
}

#[test]
fn a_json_policy_file() {
    let dir = std::env::temp_dir().join(format!("jixiao-monitor-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("policy.json");
    std::fs::write(
        &path,
        r#"{"name": "strict", "expected": {"kind": "linear"},
            "budget": {"red_below": "60", "yellow_below": "90"},
            "indicator": {"red_below": "60", "yellow_below": "80"}}"#,
    )
    .expect("write policy");
    let p = path.to_string_lossy().into_owned();
    let v = json(&jixiao(&[
        "monitor", MONITOR, "--policy", &p, "--format", "json",
    ]));
    assert_eq!(v[0]["policy"], "strict");
    assert_eq!(v[0]["budget"]["colour"], "yellow");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn errors_exit_2_with_a_message() {
    for (args, needle) in [
        (vec!["monitor", SEED], "no monitoring table"),
        (vec!["monitor", MONITOR, "--month", "13"], "not a month"),
        (
            vec!["monitor", MONITOR, "--policy", "nope"],
            "unknown monitoring policy",
        ),
    ] {
        let out = jixiao(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}
