//! Speed of the 指标值 grammar on the values of the seed (上海市生态环境局执法总队 2024,
//! 29 indicators) plus the other forms of `domain.md` §3.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
