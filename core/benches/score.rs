//! Scoring throughput: ~1 M generated indicators (10 000 declarations × 100 indicators:
//! 正向/等于/反向 quantitative targets with unit conversions, qualitative grades, equal-split
//! and given weights), scored one declaration at a time, two ways:
//! - `full`: `score_declaration`, the scorecard with every rule, explanation and message;
//! - `totals`: `score_totals`, the same figures, statuses and flag codes without the text.
//!
//! Criterion reports indicators/s for each; then one timed pass of each prints indicators/s
//! per core (the thread's own CPU time from `/proc/thread-self/schedstat` when Linux has it,
//! so a loaded machine does not halve the figure; wall time otherwise) and the ratio.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jixiao::model::{BudgetRow, Declaration, Evaluation, Indicator, IndicatorEvaluation};
use std::time::Instant;

use jixiao::score::{score_declaration, score_totals, Profile};
use jixiao::taxonomy::Level1;
use jixiao::value::Target;
use rust_decimal::Decimal;

const DECLARATIONS: usize = 10_000;
const PER_DECLARATION: usize = 100;

/// (target, actual) pairs covering every rule.
const CASES: &[(&str, &str)] = &[
    ("≥98%", "95%"),
    ("≥17(人)", "17人"),
    ("=100%", "100%"),
    ("=100%", "96.5%"),
    ("≤90万元", "850000元"),
    ("≤4578平方米", "4700平方米"),
    ("≥5000人次", "5200人"),
    ("=0起", "0"),
    ("提高", "有所提高"),
    ("及时", "及时"),
    ("有一定促进作用", "部分达成年度指标并具有一定效果"),
    ("满意", "未达成年度指标且效果较差"),
    ("2024年12月底前", "2024年11月30日"),
];

fn generate() -> Vec<Declaration> {
    let levels = [
        Level1::Output,
        Level1::Output,
        Level1::Output,
        Level1::Benefit,
        Level1::Satisfaction,
    ];
    let targets: Vec<Target> = CASES.iter().map(|(t, _)| Target::parse(t)).collect();
    (0..DECLARATIONS)
        .map(|d| {
            let mut declaration = Declaration::default();
            declaration.project.name = format!("项目{d}");
            let mut evaluations = Vec::with_capacity(PER_DECLARATION);
            for i in 0..PER_DECLARATION {
                let case = (d + i) % CASES.len();
                let level = levels[i % levels.len()];
                let mut indicator = Indicator::new(
                    Some(level),
                    None,
                    &format!("指标{i}"),
                    targets[case].clone(),
                );
                if i % 7 == 0 {
                    indicator.weight = Some(Decimal::new(15, 1));
                }
                declaration.indicators.push(indicator);
                evaluations.push(IndicatorEvaluation {
                    actual: Some(CASES[case].1.to_owned()),
                    ..IndicatorEvaluation::default()
                });
            }
            declaration.evaluation = Some(Evaluation {
                budget: BudgetRow {
                    adjusted: Some(Decimal::from(250_000)),
                    executed: Some(Decimal::new(2_154_576, 1)),
                    ..BudgetRow::default()
                },
                indicators: evaluations,
                ..Evaluation::default()
            });
            declaration
        })
        .collect()
}

/// This thread's CPU time in nanoseconds, when Linux tells it.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Indicators per second of one pass of `run` over every declaration, and whether the
/// figure is CPU time (`true`) or wall time.
fn per_second(declarations: &[Declaration], run: impl Fn(&Declaration)) -> (f64, bool) {
    let cpu = thread_cpu_ns();
    let wall = Instant::now();
    for declaration in declarations {
        run(black_box(declaration));
    }
    let elapsed = match (cpu, thread_cpu_ns()) {
        (Some(start), Some(end)) => Some(end.saturating_sub(start) as f64 / 1e9),
        _ => None,
    };
    let indicators = (declarations.len() * PER_DECLARATION) as f64;
    match elapsed {
        Some(seconds) if seconds > 0.0 => (indicators / seconds, true),
        _ => (indicators / wall.elapsed().as_secs_f64(), false),
    }
}

fn bench(c: &mut Criterion) {
    let declarations = generate();
    let profile = Profile::default();
    let mut group = c.benchmark_group("score");
    group.sample_size(10);
    group.throughput(Throughput::Elements(
        (DECLARATIONS * PER_DECLARATION) as u64,
    ));
    group.bench_function("full 1M indicators", |b| {
        b.iter(|| {
            for declaration in &declarations {
                black_box(score_declaration(black_box(declaration), &profile));
            }
        });
    });
    group.bench_function("totals 1M indicators", |b| {
        b.iter(|| {
            for declaration in &declarations {
                black_box(score_totals(black_box(declaration), &profile));
            }
        });
    });
    group.finish();

    let (full, cpu) = per_second(&declarations, |d| {
        black_box(score_declaration(d, &profile));
    });
    let (fast, _) = per_second(&declarations, |d| {
        black_box(score_totals(d, &profile));
    });
    let clock = if cpu { "thread CPU time" } else { "wall time" };
    println!(
        "score per core ({clock}): full scorecard {:.0} indicators/s, score_totals {:.0} indicators/s, \
         totals/full = {:.1}x",
        full,
        fast,
        fast / full
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
