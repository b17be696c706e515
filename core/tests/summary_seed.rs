//! The roll-up of the seed: 19,555,000.00 元 requested for the year, 5 projects, 29
//! indicators. Golden: `tests/golden/seed-summary.json` (default policy);
//! `JIXIAO_UPDATE_GOLDEN=1` rewrites it.

use std::path::PathBuf;

use jixiao::read::{read, ReadOptions};
use jixiao::review::ReviewPolicy;
use jixiao::summary::summarize;
use jixiao::Document;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn seed() -> Document {
    let name = "shanghai-eeb-enforcement-2024.txt";
    let bytes = std::fs::read(repo().join("tests/data").join(name)).expect("seed in tests/data");
    read(&bytes, &ReadOptions::named(name))
        .expect("the seed reads")
        .document
}

fn text(v: Option<rust_decimal::Decimal>) -> Option<String> {
    v.map(|d| d.to_string())
}

#[test]
fn seed_totals() {
    let s = summarize(&[seed()], &ReviewPolicy::default());
    let f = &s.figures;
    assert_eq!(f.projects, 5);
    assert_eq!(f.indicators, 29);
    assert_eq!(text(f.funding.annual).as_deref(), Some("19555000.00"));
    assert_eq!(
        text(f.funding.annual_fiscal).as_deref(),
        Some("19555000.00")
    );
    assert_eq!(text(f.funding.annual_carryover).as_deref(), Some("0.00"));
    assert_eq!(text(f.funding.annual_other).as_deref(), Some("0.00"));
    // the left side of every funding block is empty: absent, not zero
    assert_eq!(f.funding.total, None);
    assert_eq!(f.funding.annual_missing, 0);
    // 提高, 降低, 按月发放, 满意, 有一定促进作用, 达标, 有积极促进作用 ×2 are 定性
    assert_eq!(f.quantitative, 21);
    assert_eq!(f.qualitative, 8);
    assert_eq!(f.invalid, 0);
    assert_eq!(
        f.quantitative_share.map(|d| d.to_string()).as_deref(),
        Some("0.7241")
    );
    assert_eq!(f.by_level1.get("产出指标"), 19);
    assert_eq!(f.by_level1.get("效益指标"), 5);
    assert_eq!(f.by_level1.get("满意度指标"), 5);
    assert_eq!(f.by_level2.get("产出指标/质量指标"), 9);
    assert_eq!(f.findings.errors, 0);
    assert_eq!(f.findings.warnings, 6);
    assert_eq!(s.by_department.len(), 1);
    assert_eq!(s.by_department[0].name.as_deref(), Some("上海市生态环境局"));
    assert_eq!(s.by_implementer[0].figures, s.figures);
    assert!(s.to_text().contains("19,555,000.00"));
}

#[test]
fn seed_summary_golden() {
    let s = summarize(&[seed()], &ReviewPolicy::default());
    let path = repo().join("tests/golden/seed-summary.json");
    let mut json = serde_json::to_string_pretty(&s).expect("serializes");
    json.push('\n');
    if std::env::var_os("JIXIAO_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &json).expect("golden written");
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (JIXIAO_UPDATE_GOLDEN=1 writes it)", path.display()));
    assert_eq!(json, expected, "seed-summary.json differs");
}
