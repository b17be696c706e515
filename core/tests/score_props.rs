//! Properties of scoring: an indicator's score never exceeds its weight, is monotone in the
//! actual (non-decreasing for 正向/等于, non-increasing for 反向), and the total equals the
//! sum of the rounded parts.

use jixiao::model::{BudgetRow, Declaration, Evaluation, Indicator, IndicatorEvaluation};
use jixiao::score::{score_declaration, Profile, ReversePolicy, Scorecard};
use jixiao::taxonomy::Level1;
use jixiao::value::{Comparator, Target, TargetKind};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn target(c: Comparator, t: Decimal) -> Target {
    Target {
        text: format!("{}{t}个", c.symbol()),
        kind: TargetKind::Quantitative,
        comparator: Some(c),
        value: Some(t),
        unit: Some("个".to_owned()),
        unit_class: None,
        class: None,
        problem: None,
    }
}

fn card(c: Comparator, t: Decimal, a: Decimal, w: Decimal, profile: &Profile) -> Scorecard {
    let mut indicator = Indicator::new(Some(Level1::Output), None, "x", target(c, t));
    indicator.weight = Some(w);
    let decl = Declaration {
        indicators: vec![indicator],
        evaluation: Some(Evaluation {
            budget: BudgetRow {
                adjusted: Some(Decimal::ONE),
                executed: Some(Decimal::ONE),
                ..BudgetRow::default()
            },
            indicators: vec![IndicatorEvaluation {
                actual: Some(format!("{a}个")),
                ..IndicatorEvaluation::default()
            }],
            ..Evaluation::default()
        }),
        ..Declaration::default()
    };
    score_declaration(&decl, profile)
}

/// A decimal with 2 decimals in [0, max].
fn amount(max: i64) -> impl Strategy<Value = Decimal> {
    (0..=max * 100).prop_map(|n| Decimal::new(n, 2))
}

fn comparator() -> impl Strategy<Value = Comparator> {
    prop_oneof![
        Just(Comparator::AtLeast),
        Just(Comparator::Above),
        Just(Comparator::Equal),
        Just(Comparator::AtMost),
        Just(Comparator::Below),
    ]
}

fn profile() -> impl Strategy<Value = Profile> {
    prop_oneof![Just(ReversePolicy::Linear), Just(ReversePolicy::Ratio)].prop_map(|reverse| {
        Profile {
            reverse,
            ..Profile::default()
        }
    })
}

proptest! {
    #[test]
    fn score_never_exceeds_weight(c in comparator(), t in amount(1000), a in amount(5000), w in amount(60), p in profile()) {
        let card = card(c, t, a, w, &p);
        let i = &card.indicators[0];
        if let Some(s) = i.score {
            prop_assert!(s <= i.max.unwrap_or_default(), "{} > {:?}: {}", s, i.max, i.explanation);
            prop_assert!(s >= Decimal::ZERO);
        }
    }

    #[test]
    fn score_is_monotone_in_the_actual(c in comparator(), t in amount(1000), a in amount(2000), delta in amount(500), w in amount(60), p in profile()) {
        let low = card(c, t, a, w, &p).indicators[0].score;
        let high = card(c, t, a + delta, w, &p).indicators[0].score;
        if let (Some(low), Some(high)) = (low, high) {
            match c {
                Comparator::AtLeast | Comparator::Above => prop_assert!(low <= high),
                Comparator::Equal if t > Decimal::ZERO => prop_assert!(low <= high),
                Comparator::Equal | Comparator::AtMost | Comparator::Below => prop_assert!(low >= high),
            }
        }
    }

    #[test]
    fn total_is_the_sum_of_rounded_parts(
        rows in proptest::collection::vec((comparator(), amount(200), amount(400), prop::option::of(amount(30))), 1..12),
        budget in (amount(1000), amount(1200)),
    ) {
        let mut decl = Declaration::default();
        let mut evaluations = Vec::new();
        for (k, (c, t, a, w)) in rows.iter().enumerate() {
            let level = [Level1::Output, Level1::Benefit, Level1::Satisfaction][k % 3];
            let mut indicator = Indicator::new(Some(level), None, &format!("i{k}"), target(*c, *t));
            indicator.weight = *w;
            decl.indicators.push(indicator);
            evaluations.push(IndicatorEvaluation { actual: Some(format!("{a}个")), ..IndicatorEvaluation::default() });
        }
        decl.evaluation = Some(Evaluation {
            budget: BudgetRow { adjusted: Some(budget.0), executed: Some(budget.1), ..BudgetRow::default() },
            indicators: evaluations,
            ..Evaluation::default()
        });
        let card = score_declaration(&decl, &Profile::default());
        let parts: Decimal = card.budget.score.unwrap_or_default()
            + card.indicators.iter().filter_map(|i| i.score).sum::<Decimal>();
        prop_assert_eq!(card.total, parts);
        for i in card.indicators.iter().filter_map(|i| i.score) {
            prop_assert_eq!(i.scale(), 2);
        }
        let levels: Decimal = card.levels.iter().map(|l| l.score).sum();
        prop_assert_eq!(levels + card.budget.score.unwrap_or_default(), card.total);
        prop_assert_eq!(card.complete, card.indicators.iter().all(|i| i.score.is_some()) && card.budget.score.is_some());
        prop_assert_eq!(card.grade.is_some(), card.complete);
    }
}

/// Any decimal, from the full range of `rust_decimal` (±7.9e28, up to 28 decimals).
fn any_decimal() -> impl Strategy<Value = Decimal> {
    (
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        0..=28u32,
    )
        .prop_map(|(lo, mid, hi, negative, scale)| {
            Decimal::from_parts(lo, mid, hi, negative, scale)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// Absurd published figures (huge weights, tiny targets, huge actuals and budgets) never
    /// panic in scoring or auditing: arithmetic saturates or the item is not scorable.
    #[test]
    fn absurd_figures_never_panic(
        c in comparator(), t in any_decimal(), a in any_decimal(), w in any_decimal(),
        w2 in any_decimal(), adjusted in any_decimal(), executed in any_decimal(),
        published in any_decimal(), p in profile(),
    ) {
        let mut first = Indicator::new(Some(Level1::Output), None, "x", target(c, t));
        first.weight = Some(w);
        let mut second = Indicator::new(Some(Level1::Output), None, "y", Target::parse("满意"));
        second.weight = Some(w2);
        let decl = Declaration {
            indicators: vec![first, second, Indicator::new(Some(Level1::Output), None, "z", target(c, t))],
            evaluation: Some(Evaluation {
                budget: BudgetRow {
                    adjusted: Some(adjusted),
                    executed: Some(executed),
                    weight: Some(w),
                    score: Some(published),
                    rate: Some(format!("{published}%")),
                    ..BudgetRow::default()
                },
                indicators: vec![
                    IndicatorEvaluation { actual: Some(a.to_string()), score: Some(published), deviation: None },
                    IndicatorEvaluation { actual: Some("满意".to_owned()), score: Some(published), deviation: None },
                    IndicatorEvaluation { actual: Some(format!("{a}个")), score: None, deviation: None },
                ],
                total: Some(published),
                total_weight: Some(w2),
                ..Evaluation::default()
            }),
            ..Declaration::default()
        };
        let card = score_declaration(&decl, &p);
        let _ = (card.to_text(), card.explain(), card.to_json());
        let audit = jixiao::audit::audit_declaration(&decl, &p);
        let _ = audit.to_text();
    }
}

#[test]
fn huge_execution_rate_does_not_panic() {
    let decl = Declaration {
        evaluation: Some(Evaluation {
            budget: BudgetRow {
                adjusted: Some("0.605800261859170382426144768".parse().expect("d")),
                executed: Some("4799644173439039626031398912".parse().expect("d")),
                weight: Some(Decimal::ZERO),
                score: Some(Decimal::ZERO),
                rate: Some("0%".to_owned()),
                ..BudgetRow::default()
            },
            ..Evaluation::default()
        }),
        ..Declaration::default()
    };
    let card = score_declaration(&decl, &Profile::default());
    let _ = (card.to_text(), card.explain(), card.to_json());
    let _ = jixiao::audit::audit_declaration(&decl, &Profile::default()).to_text();
    assert_eq!(card.budget.score, Some(Decimal::new(0, 2)));
}
