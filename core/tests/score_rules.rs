//! Every rule row of `domain.md` §5 through the public API, with the edge cases:
//! T = 0, missing actual, unit mismatch, `=` overshoot, qualitative band violations,
//! rounding half away from zero, incomplete scorecards, weights.

use jixiao::model::{BudgetRow, Declaration, Evaluation, Indicator, IndicatorEvaluation};
use jixiao::score::{score_declaration, Profile, ReversePolicy, Scorecard, Status, WeightSource};
use jixiao::taxonomy::{Level1, Level2};
use jixiao::value::{Comparator, Target, TargetKind};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

fn q(c: Comparator, v: &str, unit: &str) -> Target {
    Target {
        text: format!("{}{v}{unit}", c.symbol()),
        kind: TargetKind::Quantitative,
        comparator: Some(c),
        value: Some(d(v)),
        unit: (!unit.is_empty()).then(|| unit.to_owned()),
        unit_class: None,
        class: None,
        problem: None,
    }
}

fn ql(text: &str) -> Target {
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

struct Row {
    level1: Level1,
    target: Target,
    weight: Option<&'static str>,
    actual: Option<&'static str>,
    published: Option<&'static str>,
}

fn row(
    level1: Level1,
    target: Target,
    weight: Option<&'static str>,
    actual: Option<&'static str>,
) -> Row {
    Row {
        level1,
        target,
        weight,
        actual,
        published: None,
    }
}

fn declaration(rows: Vec<Row>, budget: Option<(&str, &str)>) -> Declaration {
    let mut decl = Declaration::default();
    decl.project.name = "测试项目".to_owned();
    let mut evaluations = Vec::new();
    for (k, r) in rows.into_iter().enumerate() {
        let mut indicator =
            Indicator::new(Some(r.level1), None, &format!("指标{}", k + 1), r.target);
        indicator.weight = r.weight.map(d);
        decl.indicators.push(indicator);
        evaluations.push(IndicatorEvaluation {
            actual: r.actual.map(str::to_owned),
            score: r.published.map(d),
            deviation: None,
        });
    }
    decl.evaluation = Some(Evaluation {
        budget: BudgetRow {
            adjusted: budget.map(|b| d(b.0)),
            executed: budget.map(|b| d(b.1)),
            ..BudgetRow::default()
        },
        indicators: evaluations,
        ..Evaluation::default()
    });
    decl
}

/// One indicator of weight `w` under 产出指标, budget fully executed.
fn one(target: Target, actual: Option<&'static str>, w: &'static str) -> Scorecard {
    score_declaration(
        &declaration(
            vec![row(Level1::Output, target, Some(w), actual)],
            Some(("100", "100")),
        ),
        &Profile::default(),
    )
}

fn score_of(card: &Scorecard) -> Option<String> {
    card.indicators[0].score.map(|s| s.to_string())
}

fn has_flag(card: &Scorecard, code: &str) -> bool {
    card.indicators[0].flags.iter().any(|f| f.code == code)
}

#[test]
fn budget_execution() {
    let card = one(ql("及时"), Some("及时"), "50");
    assert_eq!(card.budget.score, Some(d("10.00")));
    let card = score_declaration(
        &declaration(vec![], Some(("250000.00", "215457.60"))),
        &Profile::default(),
    );
    assert_eq!(card.budget.score, Some(d("8.62")));
    let card = score_declaration(
        &declaration(vec![], Some(("20000", "9034"))),
        &Profile::default(),
    );
    assert_eq!(card.budget.score, Some(d("4.52")));
    // Over-execution is capped: min(rate, 1).
    let card = score_declaration(
        &declaration(vec![], Some(("100", "150"))),
        &Profile::default(),
    );
    assert_eq!(card.budget.score, Some(d("10.00")));
    assert_eq!(card.budget.rate, Some(d("1.5")));
}

#[test]
fn budget_falls_back_to_parts_and_says_so() {
    let mut decl = declaration(vec![], None);
    if let Some(e) = decl.evaluation.as_mut() {
        e.budget_fiscal = Some(BudgetRow {
            adjusted: Some(d("300")),
            executed: Some(d("240")),
            ..BudgetRow::default()
        });
        e.budget_carryover = Some(BudgetRow {
            adjusted: Some(d("100")),
            executed: Some(d("100")),
            ..BudgetRow::default()
        });
    }
    let card = score_declaration(&decl, &Profile::default());
    assert!(card.budget.summed);
    assert_eq!(card.budget.adjusted, Some(d("400")));
    assert_eq!(card.budget.score, Some(d("8.50")));
    assert!(card.budget.explanation.contains("其中"));
}

#[test]
fn increase_rule() {
    let card = one(q(Comparator::AtLeast, "98", "%"), Some("99%"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("10.00"));
    assert_eq!(card.indicators[0].status, Status::Met);
    let card = one(q(Comparator::AtLeast, "98", "%"), Some("49%"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("5.00"));
    assert_eq!(card.indicators[0].status, Status::Partial);
    assert!(has_flag(&card, "deviation_required"));
    let card = one(q(Comparator::Above, "17", "人"), Some("0人"), "10");
    assert_eq!(card.indicators[0].status, Status::Unmet);
    assert_eq!(score_of(&card).as_deref(), Some("0.00"));
}

#[test]
fn equal_rule_and_overshoot() {
    let card = one(q(Comparator::Equal, "100", "%"), Some("90%"), "20");
    assert_eq!(score_of(&card).as_deref(), Some("18.00"));
    let card = one(q(Comparator::Equal, "100", "%"), Some("120%"), "20");
    assert_eq!(score_of(&card).as_deref(), Some("20.00"), "capped at W");
    assert!(has_flag(&card, "exact_exceeded"));
    assert!(!has_flag(&card, "over_achievement"), "120/100 < 1.3");
    let card = one(q(Comparator::Equal, "100", "%"), Some("130%"), "20");
    assert!(has_flag(&card, "over_achievement"));
}

#[test]
fn zero_target_rules() {
    for c in [Comparator::Equal, Comparator::AtMost] {
        let card = one(q(c, "0", "起"), Some("0起"), "10");
        assert_eq!(score_of(&card).as_deref(), Some("10.00"));
        assert_eq!(card.indicators[0].status, Status::Met);
        let card = one(q(c, "0", "起"), Some("2起"), "10");
        assert_eq!(score_of(&card).as_deref(), Some("0.00"));
        assert_eq!(card.indicators[0].status, Status::Unmet);
    }
    let card = one(q(Comparator::AtLeast, "0", "个"), Some("3个"), "10");
    assert_eq!(card.indicators[0].status, Status::NotScorable);
    assert!(card.indicators[0]
        .reason
        .as_deref()
        .is_some_and(|r| r.contains("T = 0")));
}

#[test]
fn reverse_rules_and_policy() {
    let card = one(q(Comparator::AtMost, "90", "万元"), Some("85万元"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("10.00"));
    let card = one(q(Comparator::AtMost, "90", "万元"), Some("99万元"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("9.00"), "(1 − 9/90) × 10");
    let card = one(q(Comparator::Below, "90", "万元"), Some("180万元"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("0.00"));
    let ratio = Profile {
        reverse: ReversePolicy::Ratio,
        ..Profile::default()
    };
    let decl = declaration(
        vec![row(
            Level1::Output,
            q(Comparator::AtMost, "90", "万元"),
            Some("10"),
            Some("120万元"),
        )],
        Some(("1", "1")),
    );
    let card = score_declaration(&decl, &ratio);
    assert_eq!(score_of(&card).as_deref(), Some("7.50"), "90/120 × 10");
    assert!(card.indicators[0].rule.contains("ratio"));
}

#[test]
fn qualitative_bands() {
    // Bare grades take 100% / 70% / 30%.
    let card = one(ql("提高"), Some("达成年度指标"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("10.00"));
    let card = one(ql("提高"), Some("部分达成年度指标并具有一定效果"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("7.00"));
    assert_eq!(card.indicators[0].status, Status::Partial);
    let card = one(ql("提高"), Some("未达成年度指标且效果较差"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("3.00"));
    // Restating the target is 达成.
    let card = one(ql("满意"), Some("满意"), "10");
    assert_eq!(card.indicators[0].status, Status::Met);
    // An explicit score inside its band is kept; outside, the band default applies.
    let mut decl = declaration(
        vec![row(Level1::Output, ql("及时"), Some("10"), Some("及时"))],
        Some(("1", "1")),
    );
    let set = |decl: &mut Declaration, p: &str| {
        if let Some(e) = decl.evaluation.as_mut() {
            e.indicators[0].score = Some(d(p));
        }
    };
    set(&mut decl, "8");
    let card = score_declaration(&decl, &Profile::default());
    assert_eq!(score_of(&card).as_deref(), Some("8.00"));
    assert!(!has_flag(&card, "band_violation"));
    set(&mut decl, "7.99");
    let card = score_declaration(&decl, &Profile::default());
    assert_eq!(score_of(&card).as_deref(), Some("10.00"));
    assert!(has_flag(&card, "band_violation"));
    set(&mut decl, "11");
    let card = score_declaration(&decl, &Profile::default());
    assert!(has_flag(&card, "band_violation"));
    assert_eq!(score_of(&card).as_deref(), Some("10.00"));
}

#[test]
fn qualitative_not_gradable_is_not_scorable() {
    let card = one(ql("提高"), Some("有待进一步观察"), "10");
    assert_eq!(card.indicators[0].status, Status::NotScorable);
    assert!(card.indicators[0].reason.is_some());
    assert_eq!(card.grade, None);
}

#[test]
fn not_scorable_cases_are_never_zero() {
    let cases = [
        one(q(Comparator::AtLeast, "5000", "人次"), Some("5200人"), "10"),
        one(q(Comparator::AtLeast, "5", "台"), Some("已完成"), "10"),
        one(q(Comparator::AtLeast, "5", "台"), None, "10"),
        one(q(Comparator::AtLeast, "5", "台"), Some("  "), "10"),
    ];
    for card in cases {
        let i = &card.indicators[0];
        assert_eq!(i.status, Status::NotScorable, "{}", i.explanation);
        assert_eq!(i.score, None);
        assert!(i.reason.is_some());
        assert!(!card.complete);
        assert_eq!(card.open, d("10.00"));
        assert_eq!(card.grade, None);
        assert_eq!(card.total, d("10.00"), "the budget's 10 only");
    }
}

#[test]
fn units_convert_exactly() {
    let card = one(q(Comparator::AtMost, "90", "万元"), Some("850,000元"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("10.00"));
    assert!(has_flag(&card, "unit_converted"));
    let card = one(q(Comparator::AtLeast, "50", "个"), Some("40"), "10");
    assert_eq!(
        score_of(&card).as_deref(),
        Some("8.00"),
        "a bare actual takes the target's unit"
    );
    let card = one(q(Comparator::AtLeast, "3", "公里"), Some("2700米"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("9.00"));
}

#[test]
fn negative_actual_counts_as_zero() {
    let card = one(q(Comparator::AtLeast, "10", "个"), Some("-5个"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("0.00"));
    assert!(has_flag(&card, "negative_actual"));
}

#[test]
fn rounding_is_half_away_from_zero() {
    // 2.345 → 2.35 (banker's rounding would give 2.34).
    let card = one(q(Comparator::AtLeast, "100", "个"), Some("23.45个"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("2.35"));
    // 0.125 × 10 = 1.25 exactly; 1.125 → 1.13.
    let card = one(q(Comparator::AtLeast, "80", "个"), Some("9个"), "10");
    assert_eq!(score_of(&card).as_deref(), Some("1.13"));
}

#[test]
fn total_is_the_sum_of_rounded_scores() {
    // Three thirds of 10: each 3.333… rounds to 3.33, the total is 9.99 (+ budget).
    let rows = (0..3)
        .map(|_| {
            row(
                Level1::Satisfaction,
                q(Comparator::AtLeast, "3", "个"),
                None,
                Some("3个"),
            )
        })
        .collect();
    let card = score_declaration(&declaration(rows, Some(("1", "1"))), &Profile::default());
    assert!(card
        .indicators
        .iter()
        .all(|i| i.max == Some(d("3.33")) && i.weight_source == WeightSource::Split));
    assert_eq!(card.total, d("19.99"));
    let level = card
        .levels
        .iter()
        .find(|l| l.name == "满意度指标")
        .expect("level");
    assert_eq!(level.max, d("9.99"));
}

#[test]
fn equal_split_is_reported_and_given_weights_subtracted() {
    let rows = vec![
        row(
            Level1::Output,
            q(Comparator::AtLeast, "1", "套"),
            Some("20"),
            Some("1套"),
        ),
        row(Level1::Output, ql("及时"), None, Some("及时")),
        row(Level1::Output, ql("达标"), None, Some("达标")),
        row(
            Level1::Benefit,
            ql("有积极促进作用"),
            None,
            Some("达成年度指标"),
        ),
        row(
            Level1::Satisfaction,
            q(Comparator::AtLeast, "90", "%"),
            None,
            Some("95%"),
        ),
    ];
    let card = score_declaration(&declaration(rows, Some(("10", "10"))), &Profile::default());
    let maxes: Vec<String> = card
        .indicators
        .iter()
        .map(|i| i.max.map(|m| m.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(maxes, ["20.00", "15.00", "15.00", "30.00", "10.00"]);
    assert_eq!(card.indicators[0].weight_source, WeightSource::Given);
    assert_eq!(card.indicators[1].weight_source, WeightSource::Split);
    assert!(
        card.indicators[1].explanation.contains("− 20 given"),
        "{}",
        card.indicators[1].explanation
    );
    assert_eq!(card.total, d("100.00"));
    assert_eq!(card.grade.as_deref(), Some("优"));
}

#[test]
fn form_level_points_win_over_the_profile() {
    let mut decl = declaration(
        vec![
            row(Level1::Output, ql("及时"), None, Some("及时")),
            row(Level1::Benefit, ql("提高"), None, Some("有所提高")),
        ],
        Some(("1", "1")),
    );
    decl.level_points.insert("产出指标".to_owned(), d("60"));
    let card = score_declaration(&decl, &Profile::default());
    assert_eq!(card.indicators[0].max, Some(d("60.00")));
    assert_eq!(card.indicators[1].max, Some(d("30.00")));
    assert!(
        card.flags.iter().any(|f| f.code == "level_empty"),
        "no 满意度指标"
    );
}

#[test]
fn cost_indicators_share_output_under_mof_2021() {
    let mut decl = declaration(
        vec![
            row(Level1::Output, ql("及时"), None, Some("及时")),
            row(
                Level1::Cost,
                q(Comparator::AtMost, "90", "万元"),
                None,
                Some("90万元"),
            ),
        ],
        Some(("1", "1")),
    );
    decl.indicators[1].level2 = Some(Level2::EconomicCost);
    let card = score_declaration(&decl, &Profile::by_name("mof-2021").expect("profile"));
    assert_eq!(card.indicators[1].max, Some(d("25.00")));
    assert_eq!(card.levels[0].name, "产出指标");
    assert_eq!(card.levels[0].max, d("50.00"));
}

#[test]
fn grades_follow_the_bands() {
    // One indicator worth 90 (weight given) and the budget's 10 fully executed.
    let cases = [
        ("100%", "100.00", "优"),
        ("89%", "90.10", "优"),
        ("88%", "89.20", "良"),
        ("78%", "80.20", "良"),
        ("77%", "79.30", "中"),
        ("56%", "60.40", "中"),
        ("55%", "59.50", "差"),
    ];
    for (actual, total, grade) in cases {
        let rows = vec![row(
            Level1::Output,
            q(Comparator::AtLeast, "100", "%"),
            Some("90"),
            Some(actual),
        )];
        let card = score_declaration(&declaration(rows, Some(("1", "1"))), &Profile::default());
        assert_eq!(card.total.to_string(), total, "{actual}");
        assert_eq!(card.grade.as_deref(), Some(grade), "{actual}");
    }
}

#[test]
fn every_rule_names_its_source_and_explains_its_arithmetic() {
    let rows = vec![
        row(
            Level1::Output,
            q(Comparator::AtLeast, "98", "%"),
            Some("10"),
            Some("95%"),
        ),
        row(
            Level1::Output,
            q(Comparator::AtMost, "90", "万元"),
            Some("10"),
            Some("99万元"),
        ),
        row(Level1::Output, ql("提高"), Some("10"), Some("部分达成")),
    ];
    let card = score_declaration(&declaration(rows, Some(("100", "90"))), &Profile::default());
    assert!(card.budget.rule.contains("财预〔2020〕10号"));
    for i in &card.indicators {
        assert!(
            i.rule.contains('号') || i.rule.contains("domain.md"),
            "{}",
            i.rule
        );
        assert!(i.explanation.contains("W = 10"), "{}", i.explanation);
        assert!(i.explanation.contains('→'), "{}", i.explanation);
    }
    assert!(
        card.indicators[0].explanation.contains("95 / 98 × 10"),
        "{}",
        card.indicators[0].explanation
    );
    assert!(card.indicators[1]
        .explanation
        .contains("(1 − (99 − 90) / 90) × 10"));
    let text = card.explain();
    assert!(text.lines().count() >= 8);
}

#[test]
fn a_declaration_without_evaluation_is_incomplete_not_zero() {
    let mut decl = declaration(vec![row(Level1::Output, ql("及时"), None, None)], None);
    decl.evaluation = None;
    let card = score_declaration(&decl, &Profile::default());
    assert!(!card.complete);
    assert_eq!(card.open, d("60.00"));
    assert_eq!(card.total, d("0.00"));
    assert_eq!(card.grade, None);
    assert!(card.to_text().contains("incomplete"));
}
