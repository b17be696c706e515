//! Criterion benchmarks of the readers, in MB/s, next to the `csv` crate reading the list
//! file of the same projects (the floor) and the streaming reader (`cargo bench --bench
//! read`). The inputs are the seed documents repeated in memory to ~4 MB, names
//! numbered, so the bench runs on a fresh checkout; `bench/run.sh` has the larger runs.

#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jixiao::read::{read, stream, InputFormat, ReadOptions};

fn options(format: InputFormat) -> ReadOptions {
    ReadOptions {
        format: Some(format),
        ..ReadOptions::default()
    }
}

fn readers(c: &mut Criterion) {
    let form = common::form_text(4 << 20);
    let list = common::list_text(&form);
    let mut group = c.benchmark_group("read");
    group.sample_size(10);

    group.throughput(Throughput::Bytes(list.len() as u64));
    group.bench_function("csv_crate_floor_list", |b| {
        b.iter(|| {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(list.as_bytes());
            let mut record = csv::StringRecord::new();
            let mut cells = 0;
            while reader.read_record(&mut record).unwrap() {
                cells += record.len();
            }
            black_box(cells)
        })
    });
    group.bench_function("list_reader", |b| {
        b.iter(|| read(black_box(list.as_bytes()), &options(InputFormat::Csv)).unwrap())
    });
    group.bench_function("list_stream", |b| {
        b.iter(|| {
            stream::declarations(list.as_bytes(), &options(InputFormat::Csv))
                .unwrap()
                .count()
        })
    });

    group.throughput(Throughput::Bytes(form.len() as u64));
    group.bench_function("form_reader", |b| {
        b.iter(|| read(black_box(form.as_bytes()), &options(InputFormat::Form)).unwrap())
    });
    group.bench_function("form_stream", |b| {
        b.iter(|| {
            stream::declarations(form.as_bytes(), &options(InputFormat::Form))
                .unwrap()
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, readers);
criterion_main!(benches);
