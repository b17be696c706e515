//! The fast path agrees with the full scorecard: `score_totals(d, p)` equals
//! `score_declaration(d, p).totals()` — every figure, status and flag code — on the real
//! documents (Putuo, the seed with its actuals) under every built-in profile and both
//! reverse policies, and on generated declarations covering every rule.

#[path = "score_fixture_putuo.rs"]
mod fixture;

use jixiao::actuals::{apply_actuals, read_actuals};
use jixiao::model::{
    BudgetRow, Declaration, Direction, Document, Evaluation, Indicator, IndicatorEvaluation,
};
use jixiao::read::{read, ReadOptions};
use jixiao::score::{
    score_declaration, score_totals, FlagCode, Profile, ReversePolicy, ScoreTotals, Status,
};
use jixiao::taxonomy::{Level1, Level2};
use jixiao::value::Target;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read_doc(name: &str) -> Document {
    read(&data(name), &ReadOptions::named(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .document
}

fn seed_with_actuals() -> Document {
    let seed = read_doc("shanghai-eeb-enforcement-2024.txt");
    let actuals = read_actuals(
        &data("seed-actuals.csv"),
        &ReadOptions::named("seed-actuals.csv"),
    )
    .expect("actuals read");
    let (filled, findings) = apply_actuals(&seed, &actuals).expect("actuals apply");
    assert!(findings.is_empty(), "{findings:?}");
    filled
}

/// Every built-in profile, each under both reverse policies.
fn profiles() -> Vec<Profile> {
    Profile::names()
        .iter()
        .flat_map(|name| {
            let p = Profile::by_name(name).expect("built-in");
            [ReversePolicy::Linear, ReversePolicy::Ratio].map(|reverse| Profile {
                reverse,
                ..p.clone()
            })
        })
        .collect()
}

/// Scores both ways, asserts they agree, returns the fast result.
fn agree(declaration: &Declaration, profile: &Profile) -> ScoreTotals {
    let fast = score_totals(declaration, profile);
    let full = score_declaration(declaration, profile).totals();
    assert_eq!(
        fast, full,
        "fast and full paths differ for {} under {}",
        declaration.project.name, profile.name
    );
    fast
}

#[test]
fn putuo_agrees_and_is_98_62() {
    let declarations = [
        fixture::putuo(),
        read_doc("selfeval-putuo-sports-2022.txt")
            .declarations
            .into_iter()
            .next()
            .expect("one declaration"),
    ];
    for declaration in &declarations {
        for profile in profiles() {
            agree(declaration, &profile);
        }
        let totals = agree(declaration, &Profile::default());
        assert_eq!(totals.total, fixture::d("98.62"));
        assert_eq!(totals.budget.score, Some(fixture::d("8.62")));
        assert_eq!(totals.grade.as_deref(), Some("优"));
        assert!(totals.complete);
    }
}

#[test]
fn seed_agrees_and_carries_flags() {
    let seed = seed_with_actuals();
    let mut flagged = 0;
    for declaration in &seed.declarations {
        for profile in profiles() {
            let totals = agree(declaration, &profile);
            flagged += totals
                .indicators
                .iter()
                .filter(|i| !i.flags.is_empty())
                .count();
        }
    }
    assert!(flagged > 0, "the seed exercises some flags");
}

/// (target, actual) pairs covering every rule and flag.
const CASES: &[(&str, &str)] = &[
    ("≥98%", "95%"),
    ("≥98%", "99.5%"),
    ("≥17(人)", "17人"),
    ("≥100人", "130人"),
    ("≥100人", "≥120人"),
    (">5台", "0台"),
    ("≥5台", "-2台"),
    ("≥0个", "3个"),
    ("=100%", "100%"),
    ("=100%", "96.5%"),
    ("=100%", "105%"),
    ("=0起", "0"),
    ("≤0起", "1起"),
    ("≤90万元", "850000元"),
    ("≤90万元", "1.2万元"),
    ("≤100万元", "125万元"),
    ("≤100万元", "250万元"),
    ("≤4578平方米", "4700平方米"),
    ("≥5000人次", "5200人"),
    ("≤2小时", "90分钟"),
    ("≥50个", "达成年度指标"),
    ("提高", "有所提高"),
    ("及时", "及时"),
    ("及时", "100%"),
    ("及时", "95%"),
    ("有一定促进作用", "部分达成年度指标并具有一定效果"),
    ("满意", "未达成年度指标且效果较差"),
    ("满意", "一般"),
    ("规范", "是"),
    ("2024年12月底前", "2024年11月30日"),
    ("2024年12月底前", "2025年1月5日"),
    ("", "100%"),
    ("详见附件", "完成"),
];

const LEVELS: &[(Option<Level1>, Option<Level2>)] = &[
    (Some(Level1::Output), None),
    (Some(Level1::Output), Some(Level2::Quantity)),
    (Some(Level1::Cost), Some(Level2::EconomicCost)),
    (Some(Level1::Benefit), Some(Level2::SocialBenefit)),
    (Some(Level1::Satisfaction), None),
    (None, Some(Level2::SocialBenefit)),
    (None, None),
];

/// One generated indicator: case, level, given weight (hundredths), published score
/// (hundredths), actual missing, deviation given, declared direction.
type Spec = (usize, usize, Option<i64>, Option<i64>, bool, bool, u8);

fn spec() -> impl Strategy<Value = Spec> {
    (
        0..CASES.len(),
        0..LEVELS.len(),
        proptest::option::of(0i64..3000),
        proptest::option::of(0i64..2000),
        proptest::bool::weighted(0.05),
        any::<bool>(),
        0u8..4,
    )
}

/// Budget figures: (adjusted, executed) in yuan, maybe missing; a form weight.
type Budget = (Option<i64>, Option<i64>, Option<i64>);

fn declaration(specs: &[Spec], budget: Budget, level_points: Option<i64>) -> Declaration {
    let mut d = Declaration::default();
    d.project.name = "生成项目".to_owned();
    if let Some(points) = level_points {
        d.level_points
            .insert("产出指标".to_owned(), Decimal::from(points));
    }
    let mut evaluations = Vec::new();
    for (k, &(case, level, weight, published, missing, deviation, direction)) in
        specs.iter().enumerate()
    {
        let (target, actual) = CASES[case % CASES.len()];
        let (l1, l2) = LEVELS[level % LEVELS.len()];
        let mut indicator = Indicator::new(l1, l2, &format!("指标{k}"), Target::parse(target));
        indicator.weight = weight.map(|w| Decimal::new(w, 2));
        indicator.direction = match direction {
            1 => Some(Direction::Increase),
            2 => Some(Direction::Decrease),
            _ => None,
        };
        d.indicators.push(indicator);
        evaluations.push(IndicatorEvaluation {
            actual: (!missing).then(|| actual.to_owned()),
            score: published.map(|p| Decimal::new(p, 2)),
            deviation: deviation.then(|| "原因".to_owned()),
        });
    }
    d.evaluation = Some(Evaluation {
        budget: BudgetRow {
            adjusted: budget.0.map(Decimal::from),
            executed: budget.1.map(Decimal::from),
            weight: budget.2.map(Decimal::from),
            ..BudgetRow::default()
        },
        indicators: evaluations,
        ..Evaluation::default()
    });
    d
}

#[test]
fn every_case_agrees_in_one_declaration() {
    let specs: Vec<Spec> = (0..CASES.len() * 3)
        .map(|k| {
            let weight = (k % 4 == 0).then_some(500);
            let published = (k % 5 == 0).then_some(850);
            (k, k % LEVELS.len(), weight, published, false, k % 2 == 0, 0)
        })
        .collect();
    let decl = declaration(&specs, (Some(250_000), Some(215_457), None), None);
    for profile in profiles() {
        let totals = agree(&decl, &profile);
        let codes: Vec<FlagCode> = totals
            .indicators
            .iter()
            .flat_map(|i| i.flags.iter())
            .collect();
        for code in [
            FlagCode::OverAchievement,
            FlagCode::DeviationRequired,
            FlagCode::ExactExceeded,
            FlagCode::NegativeActual,
            FlagCode::ActualComparator,
            FlagCode::UnitConverted,
            FlagCode::BandViolation,
        ] {
            assert!(codes.contains(&code), "{code:?} under {}", profile.name);
        }
        for status in [
            Status::Met,
            Status::Partial,
            Status::Unmet,
            Status::NotScorable,
        ] {
            assert!(totals.indicators.iter().any(|i| i.status == status));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_declarations_agree(
        specs in proptest::collection::vec(spec(), 0..24),
        adjusted in proptest::option::of(0i64..1_000_000),
        executed in proptest::option::of(0i64..1_500_000),
        budget_weight in proptest::option::of(0i64..30),
        level_points in proptest::option::of(0i64..80),
        profile in 0usize..64,
    ) {
        let decl = declaration(&specs, (adjusted, executed, budget_weight), level_points);
        let profiles = profiles();
        let profile = &profiles[profile % profiles.len()];
        let fast = score_totals(&decl, profile);
        let full = score_declaration(&decl, profile).totals();
        prop_assert_eq!(fast, full);
    }
}
