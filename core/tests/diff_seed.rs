//! Target changes (目标调整, `domain.md` §9) of the seed (2024) against a hand-made next-year
//! copy (`tests/data/shanghai-eeb-enforcement-2025-changed.txt`), with and without last
//! year's self-evaluation of the hotline project
//! (`tests/data/selfeval-eeb-hotline-2024-constructed.txt`). Every change of the copy is
//! listed below by hand with its kind; nothing else may be reported. The JSON is also kept as
//! the golden `tests/golden/seed-diff.json` that the C and Python tests read (set
//! `JIXIAO_UPDATE_GOLDEN=1` to rewrite it after the hand-written checks pass).

use std::path::PathBuf;

use jixiao::diff::{diff, diff_json, diff_text, ChangeKind, ProjectChanges, ProjectMatch};
use jixiao::read::{read, ReadOptions};
use jixiao::{Document, Severity};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load(name: &str) -> Document {
    let bytes = std::fs::read(repo().join("tests/data").join(name)).expect("test data");
    read(&bytes, &ReadOptions::named(name))
        .expect("the file reads")
        .document
}

fn seed() -> Document {
    load("shanghai-eeb-enforcement-2024.txt")
}

fn changed() -> Document {
    load("shanghai-eeb-enforcement-2025-changed.txt")
}

fn prior() -> Document {
    load("selfeval-eeb-hotline-2024-constructed.txt")
}

/// (code, kind, indicator) of every change of `project`.
fn keys(all: &[ProjectChanges], project: &str) -> Vec<(String, ChangeKind, Option<String>)> {
    let p = all
        .iter()
        .find(|p| p.project == project)
        .unwrap_or_else(|| panic!("project {project} in the diff"));
    p.changes
        .iter()
        .map(|c| (c.code.clone(), c.kind, c.indicator.clone()))
        .collect()
}

fn k(
    code: &str,
    kind: ChangeKind,
    indicator: Option<&str>,
) -> (String, ChangeKind, Option<String>) {
    (code.to_owned(), kind, indicator.map(str::to_owned))
}

fn change<'a>(all: &'a [ProjectChanges], project: &str, code: &str) -> &'a jixiao::diff::Change {
    all.iter()
        .find(|p| p.project == project)
        .and_then(|p| p.changes.iter().find(|c| c.code == code))
        .unwrap_or_else(|| panic!("{code} in {project}"))
}

#[test]
fn every_change_of_the_next_year_copy_with_its_kind() {
    use ChangeKind::*;
    let all = diff(&seed(), &changed(), None);
    assert_eq!(all.len(), 5, "the five projects, each matched once");
    assert!(all
        .iter()
        .all(|p| p.matched_by == Some(ProjectMatch::Name) && !p.uncertain));

    // 环保热线运行: funding 2,650,000 → 2,800,000; 合格率 ≥98% → ≥95% (正向 lowered);
    // 发放率 ≥90% → ≥95%; the only 满意度 indicator dropped (and with it the 一级).
    assert_eq!(
        keys(&all, "环保热线运行"),
        vec![
            k("C005", LevelRemoved, None),
            k("C010", Relaxed, Some("热线受理平台功能优化合格率")),
            k("C011", Tightened, Some("有奖举报奖励落实发放率")),
            k("C002", Removed, Some("热线受理人员满意度")),
            k("C040", FundingChanged, None),
            k("C041", FundingVsOutput, None),
            k("C042", FundingVsOutput, Some("服务费保障聘用人员数量")),
        ]
    );
    // 生态环境综合执法相关配套工作: 满意度 → 满意率 (a rename found by similarity), one
    // 时效指标 added.
    assert_eq!(
        keys(&all, "生态环境综合执法相关配套工作"),
        vec![
            k("C001", Added, Some("设备采购完成及时率")),
            k("C003", Renamed, Some("执法人员满意率")),
        ]
    );
    // 办案经费: 人次 → 人 (the values do not compare), ≥90% → 及时.
    assert_eq!(
        keys(&all, "办案经费"),
        vec![
            k("C022", UnitChanged, Some("对污染源日常监管执法出动人次")),
            k("C020", Softened, Some("项目完成及时率")),
        ]
    );
    // 生态环境执法工作能力建设: ≥90% → =90%, the 数量指标 dropped (产出 remains).
    assert_eq!(
        keys(&all, "生态环境执法工作能力建设"),
        vec![
            k("C021", Softened, Some("项目完成及时率")),
            k("C002", Removed, Some("制定培训规范化建设方案")),
        ]
    );
    // 办公用房修缮及装修经费 is unchanged (only its year and dates moved on).
    assert_eq!(keys(&all, "办公用房修缮及装修经费"), vec![]);
}

#[test]
fn old_and_new_values_and_messages() {
    let all = diff(&seed(), &changed(), None);
    let relaxed = change(&all, "环保热线运行", "C010");
    assert_eq!(relaxed.old.as_deref(), Some("≥98.00(%)"));
    assert_eq!(relaxed.new.as_deref(), Some("≥95.00(%)"));
    assert_eq!(relaxed.severity, Severity::Warning);
    // (95 − 98) / 98 = −3.0612…%
    assert!(
        relaxed.message.contains("≥98.00(%) → ≥95.00(%)"),
        "{}",
        relaxed.message
    );
    assert!(relaxed.message.contains("-3.06%"), "{}", relaxed.message);
    assert!(!relaxed.message_en.is_empty());

    let level = change(&all, "环保热线运行", "C005");
    assert_eq!(level.old.as_deref(), Some("满意度指标"));
    assert_eq!(level.new, None);

    // 2,650,000 → 2,800,000 元: +150,000 = +5.660…%.
    let funding = change(&all, "环保热线运行", "C040");
    assert_eq!(funding.old.as_deref(), Some("2650000.00"));
    assert_eq!(funding.new.as_deref(), Some("2800000.00"));
    assert!(funding.message.contains("+5.66%"), "{}", funding.message);
    assert_eq!(funding.severity, Severity::Info);

    // Funding up, 服务费保障聘用人员数量 flat at 17 人.
    let flat = change(&all, "环保热线运行", "C041");
    assert!(flat.message.contains("持平"), "{}", flat.message);
    assert_eq!(flat.severity, Severity::Warning);

    // Unit cost: 2,650,000 / 17 = 155,882.352… → 155882.35; 2,800,000 / 17 = 164,705.882… →
    // 164705.88 元/人.
    let cost = change(&all, "环保热线运行", "C042");
    assert_eq!(cost.old.as_deref(), Some("155882.35"));
    assert_eq!(cost.new.as_deref(), Some("164705.88"));
    assert!(cost.message.contains("元/人"), "{}", cost.message);

    let renamed = change(&all, "生态环境综合执法相关配套工作", "C003");
    assert_eq!(renamed.old.as_deref(), Some("执法人员满意度"));
    assert_eq!(renamed.new.as_deref(), Some("执法人员满意率"));
    assert!(renamed.uncertain, "a rename is a guess by similarity");

    let unit = change(&all, "办案经费", "C022");
    assert_eq!(unit.old.as_deref(), Some("≥5000.00(人次)"));
    assert_eq!(unit.new.as_deref(), Some("≥1200.00(人)"));
    assert!(unit.message.contains("人次") && unit.message.contains("不可比"));

    let added = change(&all, "生态环境综合执法相关配套工作", "C001");
    assert_eq!(
        (added.old.as_deref(), added.new.as_deref()),
        (None, Some("=100.00(%)"))
    );

    // Only the rename is uncertain.
    let uncertain: Vec<&str> = all
        .iter()
        .flat_map(|p| &p.changes)
        .filter(|c| c.uncertain)
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(uncertain, ["C003"]);
}

#[test]
fn a_document_against_itself_has_no_changes() {
    let all = diff(&seed(), &seed(), None);
    assert_eq!(all.len(), 5);
    assert!(all.iter().all(|p| p.changes.is_empty()));
    assert!(diff_text(&all).contains("无变化"));
}

#[test]
fn below_last_actual_from_the_prior_self_evaluation() {
    let all = diff(&seed(), &changed(), Some(&prior()));
    // Last year: 18 人 (new target ≥17 人), 99.00% (new ≥95%): both below; 93.00% against
    // the new ≥95% is not; 100% against =100% is not.
    let below: Vec<(String, Option<String>, Option<String>)> = all
        .iter()
        .flat_map(|p| &p.changes)
        .filter(|c| c.kind == ChangeKind::BelowLastActual)
        .map(|c| {
            (
                c.indicator.clone().unwrap_or_default(),
                c.old.clone(),
                c.new.clone(),
            )
        })
        .collect();
    assert_eq!(
        below,
        vec![
            (
                "服务费保障聘用人员数量".to_owned(),
                Some("18人".to_owned()),
                Some("≥17.00(人)".to_owned())
            ),
            (
                "热线受理平台功能优化合格率".to_owned(),
                Some("99.00%".to_owned()),
                Some("≥95.00(%)".to_owned())
            ),
        ]
    );
    assert!(all
        .iter()
        .flat_map(|p| &p.changes)
        .filter(|c| c.code == "C030")
        .all(|c| c.message.contains("低于上年实际完成值")));
}

#[test]
fn json_has_the_keys_of_formats_md_and_matches_the_golden() {
    let all = diff(&seed(), &changed(), Some(&prior()));
    let json = diff_json(&all);
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let first = &value[0];
    assert_eq!(first["project"], "环保热线运行");
    for change in first["changes"].as_array().expect("changes") {
        for key in ["code", "kind", "indicator", "old", "new", "message"] {
            assert!(change.get(key).is_some(), "{key} in {change}");
        }
    }
    assert_eq!(first["changes"][0]["kind"], "level_removed");
    assert_eq!(first["changes"][0]["indicator"], serde_json::Value::Null);
    let golden = repo().join("tests/golden/seed-diff.json");
    if std::env::var_os("JIXIAO_UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &json).expect("write the golden");
    }
    let want = std::fs::read_to_string(&golden).expect("tests/golden/seed-diff.json");
    assert_eq!(
        json, want,
        "the diff JSON differs from tests/golden/seed-diff.json"
    );
}
