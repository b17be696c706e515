//! The review of the seed (上海市生态环境局执法总队 2024 汇总表, five 申报表, read from the
//! form text) and of copies of it with one mistake each. Goldens: `tests/golden/seed-review.json`
//! (default policy) and `tests/golden/seed-review-shanghai-2025.json`. Set
//! `JIXIAO_UPDATE_GOLDEN=1` to rewrite them, then read the diff by eye.

use std::path::PathBuf;

use jixiao::read::{read, ReadOptions};
use jixiao::review::{review, Review, ReviewPolicy};
use jixiao::{Document, Severity};

const SEED_NAME: &str = "shanghai-eeb-enforcement-2024.txt";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn seed_text() -> String {
    std::fs::read_to_string(repo().join("tests/data").join(SEED_NAME)).expect("seed in tests/data")
}

fn read_text(text: &str) -> Document {
    read(text.as_bytes(), &ReadOptions::named(SEED_NAME))
        .expect("the seed reads")
        .document
}

fn seed() -> Document {
    read_text(&seed_text())
}

fn profile(name: &str) -> ReviewPolicy {
    ReviewPolicy::for_profile(name).expect("known profile")
}

/// (code, project, indicator name) of each finding.
fn keys(r: &Review) -> Vec<(String, String, String)> {
    r.findings
        .iter()
        .map(|f| {
            let name = f
                .indicator
                .as_deref()
                .and_then(|p| p.rsplit('/').next())
                .unwrap_or("")
                .to_owned();
            (f.code.clone(), f.project.clone().unwrap_or_default(), name)
        })
        .collect()
}

fn key(code: &str, project: &str, indicator: &str) -> (String, String, String) {
    (code.to_owned(), project.to_owned(), indicator.to_owned())
}

/// The line (1-based) of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> u32 {
    let index = text
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` not in the seed"));
    u32::try_from(index + 1).unwrap_or(0)
}

#[test]
fn seed_default_policy_warns_on_vague_and_textual_targets_only() {
    let r = review(&seed(), &ReviewPolicy::default());
    assert!(!r.has_errors(), "{:#?}", r.findings);
    let expected = [
        key("T007", "环保热线运行", "热线受理平台功能优化质量"), // 提高
        key("T007", "环保热线运行", "热线平台故障发生率"),       // 降低
        key("T006", "环保热线运行", "热线受理人员满意度"),       // 满意
        key("T007", "生态环境综合执法相关配套工作", "提升环境执法效率"), // 有一定促进作用
        key("T007", "办案经费", "提升环境质量"),                 // 有积极促进作用
        key("T007", "生态环境执法工作能力建设", "提升环境执法效能"), // 有积极促进作用
    ];
    assert_eq!(keys(&r), expected);
    assert_eq!(r.count(Severity::Warning), 6);
    // 达标 and 按月发放 are measurable (pass/fail, a schedule): not flagged
    assert!(r.findings.iter().all(|f| !f
        .indicator
        .as_deref()
        .unwrap_or("")
        .contains("办案标准达标性")));
    // every finding points at its row of the file
    let text = seed_text();
    for f in &r.findings {
        let name = f
            .indicator
            .as_deref()
            .and_then(|p| p.rsplit('/').next())
            .unwrap_or("");
        assert_eq!(f.file.as_deref(), Some(SEED_NAME));
        assert_eq!(
            f.line,
            Some(line_of(&text, &format!("\t{name}\t"))),
            "{f:?}"
        );
    }
}

#[test]
fn seed_shanghai_2025_adds_missing_cost_indicators() {
    let r = review(&seed(), &profile("shanghai-2025"));
    assert!(!r.has_errors(), "{:#?}", r.findings);
    let cost: Vec<_> = r.findings.iter().filter(|f| f.code == "S007").collect();
    assert_eq!(cost.len(), 5);
    assert!(cost.iter().all(|f| f.severity == Severity::Warning));
    assert_eq!(r.count(Severity::Warning), 11);
    for name in ["classic", "mof-2021"] {
        let r = review(&seed(), &profile(name));
        assert!(!r.has_errors(), "{name}");
        assert_eq!(r.count(Severity::Warning), 6, "{name}");
    }
}

#[test]
fn annual_total_mismatch_is_an_error_naming_project_and_line() {
    let text = seed_text().replacen(
        "其中：当年财政拨款\t4,228,800.00",
        "其中：当年财政拨款\t4,128,800.00",
        1,
    );
    let r = review(&read_text(&text), &ReviewPolicy::default());
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let f = errors[0];
    assert_eq!(f.code, "F001");
    assert_eq!(f.project.as_deref(), Some("生态环境综合执法相关配套工作"));
    assert_eq!(f.file.as_deref(), Some(SEED_NAME));
    let line = f.line.expect("a line");
    let funding_start = line_of(&text, "年度资金申请总额\t4,228,800.00");
    assert!(
        (funding_start..funding_start + 4).contains(&line),
        "line {line}, funding block at {funding_start}"
    );
    assert!(f.message.contains("100000.00"), "{}", f.message);
}

#[test]
fn quantity_under_benefit_is_an_error_at_that_indicator() {
    let text = seed_text().replacen(
        "效益指标\t社会效益指标\t有奖举报奖励落实发放率",
        "效益指标\t数量指标\t有奖举报奖励落实发放率",
        1,
    );
    let r = review(&read_text(&text), &ReviewPolicy::default());
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].code, "S002");
    assert_eq!(
        errors[0].indicator.as_deref(),
        Some("效益指标/数量指标/有奖举报奖励落实发放率")
    );
    assert_eq!(
        errors[0].line,
        Some(line_of(&text, "有奖举报奖励落实发放率\t"))
    );
}

#[test]
fn placeholder_target_is_an_error() {
    let text = seed_text().replacen("≥98.00(%)", "≥**%", 1);
    let r = review(&read_text(&text), &ReviewPolicy::default());
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].code, "T002");
    assert_eq!(errors[0].project.as_deref(), Some("环保热线运行"));
    assert!(errors[0].message.contains("≥**%"));
}

fn golden(name: &str, value: &impl serde::Serialize) {
    let path = repo().join("tests/golden").join(name);
    let mut json = serde_json::to_string_pretty(value).expect("serializes");
    json.push('\n');
    if std::env::var_os("JIXIAO_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &json).expect("golden written");
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (JIXIAO_UPDATE_GOLDEN=1 writes it)", path.display()));
    assert_eq!(
        json, expected,
        "{name} differs (JIXIAO_UPDATE_GOLDEN=1 rewrites it)"
    );
}

#[test]
fn seed_review_goldens() {
    golden(
        "seed-review.json",
        &review(&seed(), &ReviewPolicy::default()),
    );
    golden(
        "seed-review-shanghai-2025.json",
        &review(&seed(), &profile("shanghai-2025")),
    );
}
