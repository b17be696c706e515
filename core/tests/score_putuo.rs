//! The real 上海市普陀区 2022 self-evaluation: budget 8.62, indicators 90, total 98.62, 优,
//! and an audit that finds nothing.

#[path = "score_fixture_putuo.rs"]
mod fixture;

use fixture::{d, putuo};
use jixiao::audit::{audit_declaration, audit_document};
use jixiao::model::Document;
use jixiao::read::{read, ReadOptions};
use jixiao::score::{score_declaration, score_document, Profile, Status};
use rust_decimal::Decimal;

/// The published table, read from its text by the form reader.
fn read_putuo() -> Document {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/selfeval-putuo-sports-2022.txt"
    );
    let bytes = std::fs::read(path).expect("tests/data/selfeval-putuo-sports-2022.txt");
    read(
        &bytes,
        &ReadOptions::named("selfeval-putuo-sports-2022.txt"),
    )
    .expect("the Putuo form reads")
    .document
}

#[test]
fn the_published_table_scores_98_62_and_audits_clean() {
    let doc = read_putuo();
    let cards = score_document(&doc, &Profile::default());
    assert_eq!(cards.len(), 1);
    let card = &cards[0];
    assert_eq!(card.budget.score, Some(d("8.62")));
    let indicators: Decimal = card.indicators.iter().filter_map(|i| i.score).sum();
    assert_eq!(indicators, d("90"));
    assert_eq!(card.total.to_string(), "98.62");
    assert_eq!(card.grade.as_deref(), Some("优"));
    let audits = audit_document(&doc, &Profile::default());
    assert!(audits[0].findings.is_empty(), "{}", audits[0].to_text());
    // The hand-built fixture models the reader's output exactly.
    assert_eq!(card, &score_declaration(&putuo(), &Profile::default()));
}

#[test]
fn putuo_scores_98_62() {
    let card = score_declaration(&putuo(), &Profile::default());
    assert_eq!(card.budget.score, Some(d("8.62")));
    assert_eq!(card.budget.rate, Some(d("0.861830")));
    let indicators: Decimal = card.indicators.iter().filter_map(|i| i.score).sum();
    assert_eq!(indicators, d("90"));
    assert_eq!(card.total.to_string(), "98.62");
    assert_eq!(card.max.to_string(), "100.00");
    assert_eq!(card.grade.as_deref(), Some("优"));
    assert!(card.complete);
    assert!(card.open.is_zero());
    assert!(card.indicators.iter().all(|i| i.status == Status::Met));
    let levels: Vec<(String, String, String)> = card
        .levels
        .iter()
        .map(|l| (l.name.clone(), l.max.to_string(), l.score.to_string()))
        .collect();
    assert_eq!(
        levels,
        [
            ("产出指标".into(), "50.00".into(), "50.00".into()),
            ("效益指标".into(), "30.00".into(), "30.00".into()),
            ("满意度指标".into(), "10.00".into(), "10.00".into()),
        ]
    );
    for i in &card.indicators {
        assert!(
            i.rule.contains("财预〔2020〕10号"),
            "{}: {}",
            i.name,
            i.rule
        );
        assert!(!i.explanation.is_empty());
    }
}

#[test]
fn putuo_audit_finds_nothing() {
    let audit = audit_declaration(&putuo(), &Profile::default());
    assert!(audit.findings.is_empty(), "{}", audit.to_text());
    assert!(audit.to_text().contains("no findings"));
}

#[test]
fn putuo_under_budget_20_reports_the_form_points() {
    let profile = Profile::by_name("budget-20").expect("profile");
    let card = score_declaration(&putuo(), &profile);
    // The form's own 分值 win: the same 98.62.
    assert_eq!(card.total.to_string(), "98.62");
    let audit = audit_declaration(&putuo(), &profile);
    let codes: Vec<&str> = audit.findings.iter().map(|f| f.code.as_str()).collect();
    assert!(codes.contains(&"A008"), "{codes:?}");
    assert!(codes.contains(&"A004"), "{codes:?}");
}

#[test]
fn putuo_texts() {
    let card = score_declaration(&putuo(), &Profile::default());
    let text = card.to_text();
    println!("{text}\n{}", card.explain());
    assert!(text.contains("总分 98.62 / 100.00，等级 优"), "{text}");
    assert!(text.contains("场馆开放满意度"));
    let explain = card.explain();
    assert!(explain.contains("215457.6 / 250000 = 86.183%"), "{explain}");
    assert!(
        explain.contains("总分 = 8.62 + 10.00 + 20.00 + 20.00 + 30.00 + 10.00 = 98.62"),
        "{explain}"
    );
}

#[test]
fn putuo_golden() {
    let doc = read_putuo();
    let card = &score_document(&doc, &Profile::default())[0];
    let json = card.to_json() + "\n";
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/golden/putuo-scorecard.json"
    );
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &json).expect("write golden");
    }
    let golden = std::fs::read_to_string(path).expect("golden file (UPDATE_GOLDEN=1 writes it)");
    assert_eq!(json, golden, "the scorecard differs from {path}");
}
