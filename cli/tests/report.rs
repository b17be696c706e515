//! `jixiao report`: the HTML page of one document, the roll-up of several.

use std::process::{Command, Output};

fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("the jixiao binary runs")
}

const SEED: &str = "tests/data/shanghai-eeb-enforcement-2024.txt";
const PUTUO: &str = "tests/data/selfeval-putuo-sports-2022.txt";

#[test]
fn one_file_gives_its_page() {
    let out = jixiao(&["report", PUTUO]);
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("data-figure=\"computed_total\">98.62</td>"));
    assert!(html.contains("等级 优"));
    assert!(!html.contains("绩效目标与自评汇总报告"));
}

#[test]
fn several_files_give_a_roll_up_written_to_o() {
    let dir = std::env::temp_dir().join(format!("jixiao-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("report.html");
    let path_text = path.to_str().expect("UTF-8 path");
    let out = jixiao(&[
        "report",
        SEED,
        PUTUO,
        "-o",
        path_text,
        "--profile",
        "shanghai-2025",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&path).expect("written");
    assert!(html.contains("绩效目标与自评汇总报告"));
    assert!(html.contains("data-figure=\"projects\">项目 6</span>"));
    // shanghai-2025 asks every project for a 成本指标: S007 once per 申报表
    assert!(html.contains("data-code=\"S007\"><td class=\"code\">S007</td>"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn one_file_as_a_roll_up_on_request() {
    let out = jixiao(&["report", SEED, "--rollup"]);
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(html.contains("绩效目标与自评汇总报告"));
    assert!(html.contains("href=\"#d0p4\""));
}

#[test]
fn an_unknown_profile_is_refused_by_name() {
    let out = jixiao(&["report", SEED, "--score-profile", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nope"), "{err}");
}
