//! Nothing lost through the canonical JSON: any document — any text (controls, quotes,
//! backslashes, any script), any decimal with its scale (money to the fen and beyond),
//! any date, every optional field, evaluations, extras — written as JSON (pretty and
//! compact) reads back equal, and writes again to the same bytes. The list and form
//! layouts have their own properties (`list_props.rs`, `form_roundtrip.rs`); the JSON is
//! the one format that must hold every document.
#![allow(clippy::unwrap_used)] // property helpers

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

use jixiao::model::{
    BudgetRow, Declaration, Direction, Document, Evaluation, Funding, Goals, Indicator,
    IndicatorEvaluation, MoneyUnit, Project,
};
use jixiao::read::{read, InputFormat, ReadOptions};
use jixiao::taxonomy::{Level1, Level2};
use jixiao::value::parse_target;
use jixiao::write::json::{to_json, to_json_compact};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "(?s).{0,12}",
        "[项目资金指标 \t\n\"\\\\/<>&%≥≤０-９]{0,10}",
        Just(String::new()),
    ]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..=8).prop_map(|(m, s)| Decimal::new(m, s)),
        (any::<i32>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(i64::from(m), s)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
    ]
}

fn money() -> impl Strategy<Value = Option<Decimal>> {
    prop::option::of(decimal())
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(
        (1u32..=9999, 1u32..=12, 1u32..=31).prop_filter_map("a date", |(y, m, d)| {
            NaiveDate::from_ymd_opt(i32::try_from(y).unwrap(), m, d)
        }),
    )
}

fn extras() -> impl Strategy<Value = BTreeMap<String, String>> {
    prop::collection::btree_map(text(), text(), 0..3)
}

fn unit() -> impl Strategy<Value = MoneyUnit> {
    prop::sample::select(vec![MoneyUnit::Yuan, MoneyUnit::WanYuan])
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        prop::option::of(prop::sample::select(Level1::ALL.to_vec())),
        prop::option::of(prop::sample::select(Level2::ALL.to_vec())),
        text(),
        text(),
        money(),
        (opt_text(), opt_text()),
        prop::option::of(prop::sample::select(vec![
            Direction::Increase,
            Direction::Decrease,
            Direction::Qualitative,
        ])),
        extras(),
    )
        .prop_map(
            |(level1, level2, name, target, weight, (t1, t2), direction, extra)| {
                let mut i = Indicator::new(level1, level2, &name, parse_target(&target));
                i.weight = weight;
                i.level1_text = t1;
                i.level2_text = t2;
                i.direction = direction;
                i.extra = extra;
                i
            },
        )
}

fn budget_row() -> impl Strategy<Value = BudgetRow> {
    (money(), money(), money(), money(), opt_text(), money()).prop_map(
        |(initial, adjusted, executed, weight, rate, score)| BudgetRow {
            initial,
            adjusted,
            executed,
            weight,
            rate,
            score,
            ..BudgetRow::default()
        },
    )
}

fn evaluation(n: usize) -> impl Strategy<Value = Evaluation> {
    (
        unit(),
        budget_row(),
        prop::option::of(budget_row()),
        prop::option::of(budget_row()),
        prop::option::of(budget_row()),
        opt_text(),
        prop::collection::vec(
            (opt_text(), money(), opt_text()).prop_map(|(actual, score, deviation)| {
                IndicatorEvaluation {
                    actual,
                    score,
                    deviation,
                }
            }),
            n..=n,
        ),
        (money(), money()),
    )
        .prop_map(
            |(unit, budget, fiscal, carryover, other, goal, indicators, (total, weight))| {
                Evaluation {
                    unit,
                    budget,
                    budget_fiscal: fiscal,
                    budget_carryover: carryover,
                    budget_other: other,
                    goal_achieved: goal,
                    indicators,
                    total,
                    total_weight: weight,
                    ..Evaluation::default()
                }
            },
        )
}

fn declaration() -> impl Strategy<Value = Declaration> {
    (
        (
            text(),
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
        ),
        (date(), date(), extras()),
        (
            unit(),
            money(),
            money(),
            money(),
            money(),
            money(),
            money(),
            money(),
        ),
        (opt_text(), opt_text()),
        prop::collection::vec(indicator(), 0..4),
        prop::collection::btree_map(text(), decimal(), 0..3),
        any::<bool>(),
    )
        .prop_flat_map(
            |(
                (name, code, nature, category, department, implementer),
                (start, end, extra),
                f,
                g,
                indicators,
                points,
                evaluated,
            )| {
                let n = indicators.len();
                let project = Project {
                    name,
                    code,
                    nature,
                    category,
                    department,
                    implementer,
                    start_date: start,
                    end_date: end,
                    // The long texts reuse the goal strategy's arbitrary text.
                    policy_basis: g.1.clone(),
                    calculation_basis: g.0.clone(),
                    extra,
                };
                let funding = Funding {
                    unit: f.0,
                    total: f.1,
                    total_fiscal: f.2,
                    total_other: f.3,
                    annual: f.4,
                    annual_fiscal: f.5,
                    annual_carryover: f.6,
                    annual_other: f.7,
                    ..Funding::default()
                };
                let goals = Goals {
                    overall: g.0,
                    annual: g.1,
                };
                prop::option::weighted(if evaluated { 0.9 } else { 0.1 }, evaluation(n)).prop_map(
                    move |evaluation| Declaration {
                        project: project.clone(),
                        funding: funding.clone(),
                        goals: goals.clone(),
                        indicators: indicators.clone(),
                        level_points: points.clone(),
                        evaluation,
                        ..Declaration::default()
                    },
                )
            },
        )
}

fn document() -> impl Strategy<Value = Document> {
    (
        opt_text(),
        prop::option::of(any::<i32>()),
        prop::collection::vec(declaration(), 0..3),
    )
        .prop_map(|(title, year, declarations)| Document {
            title,
            year,
            declarations,
            ..Document::default()
        })
}

/// Runs a property over generated documents on a thread with a large stack: the
/// document strategy nests deeply, which overflows a test thread's 2 MiB in debug builds.
fn for_documents(
    cases: u32,
    property: impl Fn(Document) -> Result<(), TestCaseError> + Send + 'static,
) {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let mut runner =
                proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(cases));
            if let Err(e) = runner.run(&document(), property) {
                panic!("{e}");
            }
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn every_document_survives_the_json() {
    for_documents(400, |document| {
        for json in [to_json(&document), to_json_compact(&document)] {
            let back = read(
                json.as_bytes(),
                &ReadOptions {
                    format: Some(InputFormat::Json),
                    ..ReadOptions::default()
                },
            );
            prop_assert!(back.is_ok(), "{:?}\n{}", back.err(), json);
            let back = back.unwrap().document;
            prop_assert_eq!(&back, &document);
            // Byte for byte: every decimal keeps its scale, every text its characters.
            prop_assert_eq!(to_json(&back), to_json(&document));
        }
        Ok(())
    });
}

#[test]
fn detected_json_reads_the_same() {
    for_documents(100, |document| {
        let json = to_json(&document);
        let back = read(json.as_bytes(), &ReadOptions::default()).unwrap();
        prop_assert_eq!(back.format, InputFormat::Json);
        prop_assert_eq!(back.document, document);
        Ok(())
    });
}
