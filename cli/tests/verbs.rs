//! `jixiao check`, `score`, `audit` and `summary` on the bundled documents.

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

const SEED: &str = "tests/data/shanghai-eeb-enforcement-2024.txt";
const PUTUO: &str = "tests/data/selfeval-putuo-sports-2022.txt";

#[test]
fn check_seed_has_warnings_and_no_errors() {
    let out = jixiao(&["check", SEED]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(text.contains("T007"), "{text}");
    assert!(text.contains("错误 0"), "{text}");
}

#[test]
fn check_json_is_the_review() {
    let out = jixiao(&[
        "check",
        SEED,
        "--profile",
        "shanghai-2025",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"S007"),
        "missing 成本指标 under shanghai-2025: {codes:?}"
    );
}

#[test]
fn check_exits_1_on_errors() {
    let broken = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/shanghai-eeb-enforcement-2024.txt"
    ))
    .expect("seed")
    .replace("≥17.00(人)", "≥**(人)");
    let dir = std::env::temp_dir().join(format!("jixiao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("broken.txt");
    std::fs::write(&path, broken).expect("write");
    let out = jixiao(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("T002"), "{}", stdout(&out));
}

#[test]
fn score_putuo_matches_the_golden_scorecard() {
    let out = jixiao(&["score", PUTUO, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let cards: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let golden: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/golden/putuo-scorecard.json"
        ))
        .expect("golden"),
    )
    .expect("golden JSON");
    assert_eq!(cards[0], golden);
    let text = stdout(&jixiao(&["score", PUTUO]));
    assert!(text.contains("98.62") && text.contains("优"), "{text}");
}

#[test]
fn score_markdown_and_xlsx() {
    let md = stdout(&jixiao(&["score", PUTUO, "--format", "md"]));
    assert!(md.contains("| 总分 |") && md.contains("98.62"), "{md}");
    let out = jixiao(&["score", PUTUO, "--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"PK\x03\x04"));
}

#[test]
fn score_without_a_profile_follows_the_forms_budget_points() {
    let form = "tests/real/selfeval/huanggang_shuitubaochi_2020.form.txt";
    let out = jixiao(&["score", form, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let cards: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(cards[0]["profile"], "budget-20", "{cards}");
    // budget 20 + point group 1 (40 / 3 = 13.33 × 3) + point group 2 (40 / 2 = 20 × 2)
    assert_eq!(cards[0]["total"], "99.99", "{cards}");
    let named = stdout(&jixiao(&["score", form, "--profile", "mof-2020"]));
    assert!(named.contains("(profile mof-2020)"), "{named}");
}

#[test]
fn score_tables_fit_the_terminal_width() {
    let form = "tests/real/selfeval/suixi_linshijiuzhu_2019_partial.form.txt";
    let run = |columns: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_jixiao"));
        cmd.args(["score", form])
            .env_remove("COLUMNS")
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
        if let Some(c) = columns {
            cmd.env("COLUMNS", c);
        }
        stdout(&cmd.output().expect("the jixiao binary runs"))
    };
    let fitted = run(Some("100"));
    for line in fitted.lines() {
        assert!(jixiao::text::display_width(line) <= 100, "{line}");
    }
    assert!(fitted.contains('…'), "{fitted}");
    assert!(fitted.contains("总分 88.84"), "{fitted}");
    // To a pipe without COLUMNS every cell is printed in full.
    let full = run(None);
    assert!(full.contains("★★★其中:农村低保对象中建档立卡贫困人口数量(按月平均)(≥**人)"));
    assert!(full.lines().any(|l| jixiao::text::display_width(l) > 100));
}

#[test]
fn audit_putuo_finds_nothing() {
    let out = jixiao(&["audit", PUTUO, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let audits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(
        audits[0]["findings"].as_array().map(Vec::len),
        Some(0),
        "{audits}"
    );
}

#[test]
fn summary_of_the_seed() {
    let json: serde_json::Value =
        serde_json::from_slice(&jixiao(&["summary", SEED, "--format", "json"]).stdout)
            .expect("valid JSON");
    assert_eq!(json["projects"], 5);
    assert_eq!(json["indicators"], 29);
    assert_eq!(json["funding"]["annual"], "19555000.00");
    let csv = stdout(&jixiao(&["summary", SEED, "--format", "csv"]));
    assert!(
        csv.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("all,,5,29,")),
        "{csv}"
    );
    assert!(stdout(&jixiao(&["summary", SEED])).contains("19,555,000.00"));
}

#[test]
fn unknown_profile_exits_2() {
    let out = jixiao(&["score", PUTUO, "--profile", "nope"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn office_copies_score_like_the_text() {
    for file in [
        "tests/data/office/selfeval-putuo-sports-2022.xlsx",
        "tests/data/office/selfeval-putuo-sports-2022.xls",
        "tests/data/office/selfeval-putuo-sports-2022.docx",
        "tests/data/office/selfeval-putuo-sports-2022.pdf",
    ] {
        let out = jixiao(&["score", file]);
        assert_eq!(out.status.code(), Some(0), "{file}");
        let text = stdout(&out);
        assert!(
            text.contains("总分 98.62 / 100.00，等级 优"),
            "{file}: {text}"
        );
    }
}

#[test]
fn summary_of_a_folder_names_each_unreadable_file_and_covers_the_rest() {
    let broken = std::env::temp_dir().join(format!("jixiao-broken-{}.docx", std::process::id()));
    std::fs::write(&broken, b"PK\x03\x04 not a zip").expect("a temporary file");
    let broken_name = broken.to_string_lossy().into_owned();
    let out = jixiao(&[
        "summary",
        "tests/data/office/selfeval-putuo-sports-2022.xlsx",
        "tests/data/office/shanghai-eeb-enforcement-2024.xls",
        "tests/data/office/shanghai-eeb-enforcement-2024.pdf",
        &broken_name,
    ]);
    let _ = std::fs::remove_file(&broken);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(&broken_name), "{err}");
    assert!(err.contains("1 of 4 files could not be read"), "{err}");
    let text = stdout(&out);
    assert!(text.contains("3 个文件，11 个项目"), "{text}");
}

#[test]
fn a_form_written_as_docx_reads_back_as_the_same_projects() {
    let path = std::env::temp_dir().join(format!("jixiao-seed-{}.docx", std::process::id()));
    let path_name = path.to_string_lossy().into_owned();
    let out = jixiao(&["read", SEED, "--to", "docx", "-o", &path_name]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let back = jixiao(&["read", &path_name, "--to", "json"]);
    let direct = jixiao(&["read", SEED, "--to", "json"]);
    let _ = std::fs::remove_file(&path);
    let projects = |o: &Output| -> Vec<String> {
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
        json["declarations"]
            .as_array()
            .expect("declarations")
            .iter()
            .map(|d| d["project"]["name"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(projects(&back), projects(&direct));
    assert_eq!(projects(&back).len(), 5);
}

#[test]
fn check_writes_the_checklists_comments_as_text_and_a_workbook() {
    let book = "tests/real/songgang/songgang_2023_sbb_00.xlsx";
    let out = jixiao(&[
        "check",
        book,
        "--profile",
        "shenzhen-2023",
        "--format",
        "comments",
    ]);
    // the empty skeletons are errors (S009): exit 1
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(text.starts_with("项目编码："), "{text}");
    assert!(
        text.contains("\n一、完整性\n1. 【绩效目标表未填写】"),
        "{text}"
    );
    assert!(text.contains("疑似以元填入万元栏"), "{text}");
    let dir = std::env::temp_dir().join(format!("jixiao-comments-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("comments.xlsx");
    let out = jixiao(&[
        "check",
        book,
        "--profile",
        "shenzhen-2023",
        "--format",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let bytes = std::fs::read(&xlsx).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip workbook");
    std::fs::remove_dir_all(&dir).ok();
    // an unknown profile names the checklists
    let out = jixiao(&["check", book, "--profile", "shenzhen-2099"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("shenzhen-2023"));
}

#[test]
fn no_progress_bar_when_piped() {
    // stderr is a pipe here: many files, no bar (and `--quiet` is accepted everywhere).
    let out = jixiao(&["check", SEED, SEED, SEED]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("files"), "{err}");
    let out = jixiao(&["summary", "--quiet", SEED, PUTUO]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("项目"), "{}", stdout(&out));
}

#[test]
fn progress_bar_on_a_terminal_unless_quiet() {
    // `script` (util-linux) runs the command with a terminal as its stderr.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to give the command a terminal");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_jixiao");
    let run = |extra: &str| {
        let cmd = format!("{bin} summary {extra} {SEED} {PUTUO} {SEED} >/dev/null");
        let out = Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .output()
            .expect("script runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = run("");
    assert!(
        shown.contains("reading") && shown.contains("/3 files"),
        "{shown:?}"
    );
    let quiet = run("--quiet");
    assert!(!quiet.contains("files"), "{quiet:?}");
}
