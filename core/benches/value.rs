//! Speed of the 指标值 grammar on the values of the seed (上海市生态环境局执法总队 2024,
//! 29 indicators) plus the other forms of `domain.md` §3 (criterion), then one timed pass
//! over every 指标值 and 实际完成值 of the generated corpus (the seeds repeated, as
//! `cargo bench --bench pipeline` reads them), printed as values/s per core (this thread's
//! CPU time from `/proc/thread-self/schedstat` when Linux has it, wall time otherwise).

#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Instant;

use jixiao::read::{read, ReadOptions};
use jixiao::value::{parse_actual, parse_target};

/// The seed's 29 targets, in order, and a few more written as other forms write them.
const VALUES: &[&str] = &[
    "≥17.00(人)",
    "提高",
    "≥98.00(%)",
    "降低",
    "按月发放",
    "=100.00 (%)",
    "=100.00 (%)",
    "≥90.00 (%)",
    "满意",
    "≥5.00(台)",
    "=100.00(%)",
    "有一定促进作用",
    "≥90.00(%)",
    "≥5000.00(人次)",
    "达标",
    "≥90.00(%)",
    "有积极促进作用",
    "≥90.00(%)",
    "≥1.00(套)",
    "=100.00(%)",
    "≥90(%)",
    "有积极促进作用",
    "≥90.00(%)",
    "≤4578.00(平方米)",
    "≥95.00(%)",
    "≥95.00(%)",
    "≥95.00(%)",
    "≥95.00(%)",
    "$\\geq 90.00\\%$",
    ">=90%",
    "≤90万元",
    "≥９０％",
    "5,000",
    "1次/月",
    "不低于95%",
    "2023年12月底前",
    "≥**%",
];

/// This thread's CPU time in nanoseconds, when Linux tells it.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Values per second of the best of `runs` measurements of `run` over `texts` (each
/// measurement passes over them until 0.2 s have gone by, as the kernel's CPU-time clock
/// ticks coarsely), and whether the figure is CPU time (`true`) or wall time.
fn per_second(texts: &[&str], runs: usize, run: impl Fn(&str) -> bool) -> (f64, bool) {
    let mut best = f64::MAX;
    let mut cpu = true;
    for _ in 0..runs {
        let start = thread_cpu_ns();
        let wall = Instant::now();
        let mut n = 0usize;
        let mut passes = 0u32;
        while passes == 0 || wall.elapsed().as_secs_f64() < 0.2 {
            for text in texts {
                n += usize::from(run(black_box(text)));
            }
            passes += 1;
        }
        black_box(n);
        let seconds = match (start, thread_cpu_ns()) {
            (Some(a), Some(b)) if b > a => (b - a) as f64 / 1e9,
            _ => {
                cpu = false;
                wall.elapsed().as_secs_f64()
            }
        };
        best = best.min(seconds / f64::from(passes));
    }
    (texts.len() as f64 / best, cpu)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("value");
    group.throughput(Throughput::Elements(VALUES.len() as u64));
    group.bench_function("parse_target", |b| {
        b.iter(|| {
            for v in VALUES {
                black_box(parse_target(black_box(v)));
            }
        })
    });
    group.bench_function("parse_actual", |b| {
        b.iter(|| {
            for v in VALUES {
                black_box(parse_actual(black_box(v)));
            }
        })
    });
    group.finish();

    // Every 指标值 of the form corpus and every 实际完成值 of the 自评表 corpus.
    let form = common::generated("form-10MB.txt")
        .unwrap_or_else(|| common::form_text(10 << 20).into_bytes());
    let forms = read(&form, &ReadOptions::default()).unwrap().document;
    let targets: Vec<&str> = forms
        .declarations
        .iter()
        .flat_map(|d| d.indicators.iter().map(|i| i.target.text.as_str()))
        .collect();
    let selfeval = common::selfeval_text(100_000);
    let evaluations = read(selfeval.as_bytes(), &ReadOptions::default())
        .unwrap()
        .document;
    let actuals: Vec<&str> = evaluations
        .declarations
        .iter()
        .filter_map(|d| d.evaluation.as_ref())
        .flat_map(|e| e.indicators.iter().filter_map(|i| i.actual.as_deref()))
        .collect();
    let (t, cpu) = per_second(&targets, 10, |t| parse_target(t).value.is_some());
    let (a, _) = per_second(&actuals, 10, |t| parse_actual(t).value.is_some());
    let clock = if cpu { "thread CPU time" } else { "wall time" };
    println!(
        "value grammar per core ({clock}): parse_target {:.2} M values/s ({:.0} ns, {} 指标值), \
         parse_actual {:.2} M values/s ({:.0} ns, {} 实际完成值)",
        t / 1e6,
        1e9 / t,
        targets.len(),
        a / 1e6,
        1e9 / a,
        actuals.len()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
