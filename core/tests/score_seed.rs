//! The seed (five declarations, 29 indicators, no weights) plus `tests/data/seed-actuals.csv`
//! scores each project with equal-split weights shown; golden `tests/golden/seed-scorecards.json`.

use jixiao::actuals::{apply_actuals, read_actuals};
use jixiao::model::Document;
use jixiao::read::{read, ReadOptions};
use jixiao::score::{score_document, Profile, Scorecard, Status, WeightSource};
use rust_decimal::Decimal;

fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn seed_with_actuals() -> Document {
    let seed = read(
        &data("shanghai-eeb-enforcement-2024.txt"),
        &ReadOptions::named("shanghai-eeb-enforcement-2024.txt"),
    )
    .expect("the seed reads")
    .document;
    let actuals = read_actuals(
        &data("seed-actuals.csv"),
        &ReadOptions::named("seed-actuals.csv"),
    )
    .expect("actuals read");
    assert_eq!(actuals.rows.len(), 29);
    assert_eq!(actuals.budgets.len(), 5);
    let (filled, findings) =
        apply_actuals(&seed, &actuals).expect("every row names a known indicator");
    assert!(findings.is_empty(), "{findings:?}");
    filled
}

fn cards() -> Vec<Scorecard> {
    score_document(&seed_with_actuals(), &Profile::default())
}

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

#[test]
fn every_project_is_scored_with_equal_split_weights() {
    let cards = cards();
    assert_eq!(cards.len(), 5);
    let indicators: usize = cards.iter().map(|c| c.indicators.len()).sum();
    assert_eq!(indicators, 29);
    for card in &cards {
        assert!(card
            .indicators
            .iter()
            .all(|i| i.weight_source == WeightSource::Split));
        assert!(
            card.indicators
                .iter()
                .all(|i| i.explanation.contains("indicators =")),
            "the split is shown"
        );
    }
    // 环保热线运行: 7 产出 indicators share 50 → 7.14 each.
    let hotline = &cards[0];
    assert_eq!(hotline.indicators[0].max, Some(d("7.14")));
    assert_eq!(hotline.indicators[7].max, Some(d("30.00")));
    // 办公用房: 4 产出 → 12.50.
    assert_eq!(cards[4].indicators[0].max, Some(d("12.50")));
}

#[test]
fn outcomes_per_project() {
    let cards = cards();
    let summary: Vec<(String, String, bool, Option<String>)> = cards
        .iter()
        .map(|c| {
            (
                c.project.clone(),
                c.total.to_string(),
                c.complete,
                c.grade.clone(),
            )
        })
        .collect();
    // 环保热线运行: budget 97.5% → 9.75; 96% of =100% on 7.14 → 6.85; the rest full.
    let hotline = &cards[0];
    assert_eq!(hotline.budget.score, Some(d("9.75")));
    let late = hotline
        .indicator("热线受理平台故障响应处置及时率")
        .expect("indicator");
    assert_eq!(
        (late.score, late.status),
        (Some(d("6.85")), Status::Partial)
    );
    assert_eq!(
        hotline.total,
        d("9.75") + d("7.14") * d("6") + d("6.85") + d("30") + d("10")
    );
    assert_eq!(hotline.grade.as_deref(), Some("优"));
    // 办案经费: 5200人 against ≥5000人次 is not comparable → incomplete, no grade.
    let case = &cards[2];
    let trips = case
        .indicator("对污染源日常监管执法出动人次")
        .expect("indicator");
    assert_eq!(trips.status, Status::NotScorable);
    assert!(
        trips.reason.as_deref().is_some_and(|r| r.contains("人次")),
        "{:?}",
        trips.reason
    );
    assert!(!case.complete);
    assert_eq!(case.open, d("16.67"));
    assert_eq!(case.grade, None);
    // 生态环境执法工作能力建设: unmet and partial indicators; budget 70% → 7.00.
    let training = &cards[3];
    assert_eq!(training.budget.score, Some(d("7.00")));
    let plan = training
        .indicator("制定培训规范化建设方案")
        .expect("indicator");
    assert_eq!((plan.score, plan.status), (Some(d("0.00")), Status::Unmet));
    let effect = training.indicator("提升环境执法效能").expect("indicator");
    assert_eq!(
        (effect.score, effect.status),
        (Some(d("9.00")), Status::Unmet)
    );
    assert!(training.complete);
    assert_eq!(training.grade.as_deref(), Some("差"), "{summary:?}");
}

#[test]
fn seed_golden() {
    let cards = cards();
    let json = serde_json::to_string_pretty(&cards).expect("json") + "\n";
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/golden/seed-scorecards.json"
    );
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &json).expect("write golden");
    }
    let golden = std::fs::read_to_string(path).expect("golden file (UPDATE_GOLDEN=1 writes it)");
    assert_eq!(json, golden, "the scorecards differ from {path}");
}
