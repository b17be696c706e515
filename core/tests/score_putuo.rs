//! The real 上海市普陀区 2022 self-evaluation: budget 8.62, indicators 90, total 98.62, 优,
//! and an audit that finds nothing. The declaration is built as the form reader yields it
//! (published figures kept exactly as published).

use jixiao::audit::audit_declaration;
use jixiao::model::{BudgetRow, Declaration, Evaluation, Indicator, IndicatorEvaluation, Project};
use jixiao::score::{score_declaration, Profile, Status};
use jixiao::taxonomy::{Level1, Level2};
use jixiao::value::{Comparator, Target, TargetKind};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

fn quantitative(text: &str, comparator: Comparator, value: &str, unit: &str) -> Target {
    Target {
        text: text.to_owned(),
        kind: TargetKind::Quantitative,
        comparator: Some(comparator),
        value: Some(d(value)),
        unit: Some(unit.to_owned()),
        unit_class: None,
        class: None,
        problem: None,
    }
}

fn qualitative(text: &str) -> Target {
    Target {
        text: text.to_owned(),
        kind: TargetKind::Qualitative,
        comparator: None,
        value: None,
        unit: None,
        unit_class: None,
        class: None,
        problem: None,
    }
}

/// The Putuo form as the form reader gives it.
pub fn putuo() -> Declaration {
    let rows: [(Level1, Level2, &str, Target, &str, &str); 5] = [
        (
            Level1::Output,
            Level2::Quantity,
            "与委托运营方结算完成率",
            quantitative("=100%", Comparator::Equal, "100", "%"),
            "100%",
            "10",
        ),
        (
            Level1::Output,
            Level2::Quality,
            "合同结算条款完成率",
            quantitative("=100%", Comparator::Equal, "100", "%"),
            "100%",
            "20",
        ),
        (
            Level1::Output,
            Level2::Timeliness,
            "费用结算及时性",
            qualitative("及时"),
            "及时",
            "20",
        ),
        (
            Level1::Benefit,
            Level2::SocialBenefit,
            "与委托运营方合同完成率",
            quantitative("=100%", Comparator::Equal, "100", "%"),
            "100%",
            "30",
        ),
        (
            Level1::Satisfaction,
            Level2::ServiceSatisfaction,
            "场馆开放满意度",
            quantitative(">=90%", Comparator::AtLeast, "90", "%"),
            "100%",
            "10",
        ),
    ];
    let mut declaration = Declaration {
        project: Project {
            name: "普陀体育中心与委托运营方结算费用".to_owned(),
            department: Some("上海市普陀区体育局".to_owned()),
            implementer: Some("上海市普陀区体育事业管理中心".to_owned()),
            ..Project::default()
        },
        ..Declaration::default()
    };
    let mut evaluations = Vec::new();
    for (l1, l2, name, target, actual, score) in rows {
        let mut indicator = Indicator::new(Some(l1), Some(l2), name, target);
        indicator.weight = Some(d(score));
        declaration.indicators.push(indicator);
        evaluations.push(IndicatorEvaluation {
            actual: Some(actual.to_owned()),
            score: Some(d(score)),
            deviation: None,
        });
    }
    declaration.evaluation = Some(Evaluation {
        budget: BudgetRow {
            initial: Some(d("250000.00")),
            adjusted: Some(d("250000.00")),
            executed: Some(d("215457.6")),
            weight: Some(d("10")),
            rate: Some("86.19%".to_owned()),
            score: Some(d("8.62")),
            ..BudgetRow::default()
        },
        budget_fiscal: Some(BudgetRow {
            initial: Some(d("250000.00")),
            adjusted: Some(d("250000.00")),
            executed: Some(d("215457.6")),
            ..BudgetRow::default()
        }),
        budget_carryover: Some(BudgetRow {
            initial: Some(d("0")),
            adjusted: Some(d("0")),
            ..BudgetRow::default()
        }),
        budget_other: Some(BudgetRow {
            initial: Some(d("0")),
            adjusted: Some(d("0")),
            ..BudgetRow::default()
        }),
        goal_achieved: Some("已完成普陀体育中心与委托运营方费用结算。".to_owned()),
        indicators: evaluations,
        total: Some(d("98.62")),
        total_weight: Some(d("100")),
        ..Evaluation::default()
    });
    declaration
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
    let card = score_declaration(&putuo(), &Profile::default());
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
