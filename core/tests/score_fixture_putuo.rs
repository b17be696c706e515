//! The 上海市普陀区 2022 self-evaluation as the form reader yields it (published figures
//! kept exactly as published), shared by the score and audit tests through `#[path]`.
#![allow(dead_code)]

use jixiao::model::{BudgetRow, Declaration, Evaluation, Indicator, IndicatorEvaluation, Project};
use jixiao::taxonomy::{Level1, Level2};
use jixiao::value::{Comparator, Target, TargetKind};
use rust_decimal::Decimal;

/// A decimal from its text.
pub fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

/// A quantitative target as the grammar gives it.
pub fn quantitative(text: &str, comparator: Comparator, value: &str, unit: &str) -> Target {
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

/// A qualitative target.
pub fn qualitative(text: &str) -> Target {
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
