//! The whole pipeline against its baselines, measured in the same run, printed as one
//! table of figures and ratios (`cargo bench --bench pipeline`; `bench/run.sh` runs it
//! with the Python baselines). Inputs: `bench/out/` from `bench/gen.py` when present,
//! else the seed repeated in memory.
//!
//! Rows: the form and list readers in MB/s against the `csv` crate reading the list file
//! of the same content (the floor: it only splits cells), the target grammar in values/s,
//! scoring in indicators/s on one core, and the linearity of each reader (10× input).

#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use jixiao::read::{read, stream, InputFormat, ReadOptions};
use jixiao::score::{score_declaration, Profile};
use jixiao::value::parse_target;
use jixiao::Declaration;

/// The CPU time of this thread (`/proc/thread-self/schedstat`, nanoseconds on a CPU):
/// the machines this runs on are shared, and wall time counts the other tenants' work.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// The best of `runs` runs (at least one, at most `budget` seconds in all), in CPU time
/// of this thread where the system tells it, else wall time.
fn best<T>(runs: usize, budget: f64, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    let mut best = Duration::MAX;
    for i in 0..runs.max(1) {
        let (t, cpu) = (Instant::now(), thread_cpu());
        black_box(f());
        let took = match (cpu, thread_cpu()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => t.elapsed(),
        };
        best = best.min(took);
        if i > 0 && start.elapsed().as_secs_f64() > budget {
            break;
        }
    }
    best
}

struct Row {
    what: String,
    figure: f64,
    unit: &'static str,
    note: String,
}

fn mb(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

fn csv_floor(bytes: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::StringRecord::new();
    let mut cells = 0;
    while reader.read_record(&mut record).unwrap_or(false) {
        cells += record.len();
    }
    cells
}

fn read_as(bytes: &[u8], format: impl Into<Option<InputFormat>>) -> usize {
    let options = ReadOptions {
        format: format.into(),
        ..ReadOptions::default()
    };
    read(bytes, &options)
        .map(|r| r.document.declarations.len())
        .unwrap_or_else(|e| panic!("{e}"))
}

fn inputs(size: &str, bytes: usize) -> (Vec<u8>, Vec<u8>) {
    match (
        common::generated(&format!("form-{size}.txt")),
        common::generated(&format!("list-{size}.csv")),
    ) {
        (Some(form), Some(list)) => (form, list),
        _ => {
            let form = common::form_text(bytes);
            let list = common::list_text(&form);
            (form.into_bytes(), list.into_bytes())
        }
    }
}

/// `--stream FILE`: reads FILE with the streaming reader, printing the count and the
/// sum of indicators; run under `/usr/bin/time -v` for the peak memory (bench/run.sh).
fn stream_file(path: &str) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let start = Instant::now();
    let cpu = thread_cpu();
    let (mut declarations, mut indicators, mut errors) = (0usize, 0usize, 0usize);
    for item in stream::declarations(file, &ReadOptions::named(path)).unwrap() {
        match item {
            Ok((d, _)) => {
                declarations += 1;
                indicators += d.indicators.len();
            }
            Err(_) => errors += 1,
        }
    }
    let bytes = std::fs::metadata(path).map_or(0, |m| m.len() as usize);
    let wall = start.elapsed();
    let t = match (cpu, thread_cpu()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall,
    };
    println!(
        "streamed {path}: {declarations} declarations, {indicators} indicators, {errors} errors, \
         {:.1} s CPU ({:.1} s wall), {:.1} MB/s",
        t.as_secs_f64(),
        wall.as_secs_f64(),
        mb(bytes, t)
    );
}

/// `--whole FORMAT FILE [RUNS]`: reads FILE whole as FORMAT (`form`, `csv`, `tsv`, or
/// `auto`: detected, as the CLI does) RUNS times and prints the best CPU time: a driver for
/// `perf record` on one reader.
fn whole_file(format: &str, path: &str, runs: usize) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let format: Option<InputFormat> = (format != "auto").then(|| format.parse().unwrap());
    let mut declarations = 0;
    let t = best(runs, f64::MAX, || {
        declarations = read_as(&bytes, format);
    });
    let format = format.map_or("auto".to_owned(), |f| f.to_string());
    println!(
        "read {path} as {format}: {declarations} declarations, {:.3} s CPU, {:.1} MB/s",
        t.as_secs_f64(),
        mb(bytes.len(), t)
    );
}

/// `--dump FILE...`: prints everything a whole read and a streamed read of each FILE
/// yield (declarations with their sources, findings, errors), for checking that a reader
/// change keeps its output byte-identical.
fn dump(paths: &[String]) {
    for path in paths {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let options = ReadOptions::named(path);
        println!("== {path}\n{:#?}", read(&bytes, &options));
        match stream::declarations(&bytes[..], &options) {
            Ok(items) => {
                for item in items {
                    println!("{item:#?}");
                }
            }
            Err(e) => println!("stream: {e:#?}"),
        }
    }
}

fn selfevals(indicators: usize) -> Vec<Declaration> {
    let bytes = common::generated("selfeval-1M.txt")
        .unwrap_or_else(|| common::selfeval_text(indicators).into_bytes());
    let mut out = Vec::new();
    for item in stream::declarations(&bytes[..], &ReadOptions::default()).unwrap() {
        out.push(item.unwrap().0);
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--stream") {
        for path in args.get(i + 1..).unwrap_or_default() {
            stream_file(path);
        }
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--dump") {
        dump(args.get(i + 1..).unwrap_or_default());
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--whole") {
        let arg = |n: usize| args.get(i + n).map(String::as_str);
        let runs = arg(3).and_then(|r| r.parse().ok()).unwrap_or(3);
        whole_file(arg(1).unwrap_or("form"), arg(2).unwrap_or(""), runs);
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let big = std::env::var("JIXIAO_BENCH_BIG").map_or(!quick, |v| v != "0");
    let mut rows = Vec::new();

    // Readers against the csv crate on the list file of the same projects.
    let (form, list) = inputs("10MB", 10 << 20);
    let declarations = read_as(&form, InputFormat::Form);
    assert_eq!(declarations, read_as(&list, InputFormat::Csv));
    let t_floor = best(5, 10.0, || csv_floor(&list));
    let t_form = best(5, 20.0, || read_as(&form, InputFormat::Form));
    let t_list = best(5, 20.0, || read_as(&list, InputFormat::Csv));
    // `read()` with no format (the CLI, C and Python): decoding once, detecting on the text.
    let t_form_auto = best(5, 20.0, || read_as(&form, None));
    let t_list_auto = best(5, 20.0, || read_as(&list, None));
    rows.push(Row {
        what: format!(
            "csv crate, list layout ({} MB) [floor]",
            list.len() / 1_000_000
        ),
        figure: mb(list.len(), t_floor),
        unit: "MB/s",
        note: format!("{:.3} s", t_floor.as_secs_f64()),
    });
    rows.push(Row {
        what: format!(
            "form reader ({} MB, {declarations} declarations)",
            form.len() / 1_000_000
        ),
        figure: mb(form.len(), t_form),
        unit: "MB/s",
        note: format!(
            "{:.3} s; {:.1}x the floor's time for the same projects",
            t_form.as_secs_f64(),
            t_form.as_secs_f64() / t_floor.as_secs_f64()
        ),
    });
    rows.push(Row {
        what: format!("list reader ({} MB)", list.len() / 1_000_000),
        figure: mb(list.len(), t_list),
        unit: "MB/s",
        note: format!(
            "{:.3} s; {:.1}x the floor's time (same file)",
            t_list.as_secs_f64(),
            t_list.as_secs_f64() / t_floor.as_secs_f64()
        ),
    });

    for (what, bytes, t_auto, t_given) in [
        ("form", &form, t_form_auto, t_form),
        ("list", &list, t_list_auto, t_list),
    ] {
        rows.push(Row {
            what: format!("{what} reader, format detected (read() with no format)"),
            figure: mb(bytes.len(), t_auto),
            unit: "MB/s",
            note: format!(
                "{:.3} s; {:.2}x the time with the format given",
                t_auto.as_secs_f64(),
                t_auto.as_secs_f64() / t_given.as_secs_f64()
            ),
        });
    }

    let t_stream = best(3, 20.0, || {
        stream::declarations(&form[..], &ReadOptions::default())
            .unwrap()
            .count()
    });
    rows.push(Row {
        what: "form stream reader (same 10 MB)".to_owned(),
        figure: mb(form.len(), t_stream),
        unit: "MB/s",
        note: format!(
            "{:.2}x the whole reader's time",
            t_stream.as_secs_f64() / t_form.as_secs_f64()
        ),
    });

    // Canonical JSON of the 自评表 corpus: read into the model, against serde_json's own
    // `Value` parsing the same bytes (it only builds a tree of strings and maps).
    let selfeval = common::generated("selfeval-100000.txt")
        .unwrap_or_else(|| common::selfeval_text(100_000).into_bytes());
    let json =
        jixiao::write::json::to_json(&read(&selfeval, &ReadOptions::default()).unwrap().document)
            .into_bytes();
    drop(selfeval);
    let t_json = best(5, 20.0, || read_as(&json, InputFormat::Json));
    let t_value = best(5, 20.0, || {
        serde_json::from_slice::<serde_json::Value>(&json)
            .map(|v| v.is_object())
            .unwrap()
    });
    rows.push(Row {
        what: format!(
            "canonical JSON reader ({} MB of 自评表)",
            json.len() / 1_000_000
        ),
        figure: mb(json.len(), t_json),
        unit: "MB/s",
        note: format!(
            "{:.3} s; {:.2}x serde_json::Value's speed ({:.1} MB/s, {:.3} s)",
            t_json.as_secs_f64(),
            t_value.as_secs_f64() / t_json.as_secs_f64(),
            mb(json.len(), t_value),
            t_value.as_secs_f64()
        ),
    });
    drop(json);

    // Target grammar on every 指标值 of the corpus.
    let whole = read(&form, &ReadOptions::default()).unwrap();
    let texts: Vec<&str> = whole
        .document
        .declarations
        .iter()
        .flat_map(|d| d.indicators.iter().map(|i| i.target.text.as_str()))
        .collect();
    // Passes over the corpus per timed run: one pass takes a few milliseconds, about the
    // granularity of the thread's CPU clock (a run could read 0 ns).
    const PASSES: u32 = 20;
    let t_grammar = best(10, 10.0, || {
        (0..PASSES)
            .map(|_| {
                texts
                    .iter()
                    .map(|t| parse_target(black_box(t)).value.is_some() as usize)
                    .sum::<usize>()
            })
            .sum::<usize>()
    }) / PASSES;
    rows.push(Row {
        what: format!("target grammar ({} values of the corpus)", texts.len()),
        figure: texts.len() as f64 / t_grammar.as_secs_f64() / 1e6,
        unit: "M/s",
        note: format!(
            "{:.0} ns a value",
            t_grammar.as_secs_f64() * 1e9 / texts.len() as f64
        ),
    });

    // Scoring: 自评表 declarations with actuals.
    let declarations = selfevals(if quick { 100_000 } else { 1_000_000 });
    let indicators: usize = declarations.iter().map(|d| d.indicators.len()).sum();
    let profile = Profile::default();
    let t_score = best(3, 30.0, || {
        declarations
            .iter()
            .map(|d| score_declaration(d, &profile).indicators.len())
            .sum::<usize>()
    });
    rows.push(Row {
        what: format!("scoring, one core ({indicators} indicators)"),
        figure: indicators as f64 / t_score.as_secs_f64() / 1e6,
        unit: "M/s",
        note: format!("{:.3} s", t_score.as_secs_f64()),
    });
    let t_totals = best(3, 30.0, || {
        declarations
            .iter()
            .map(|d| jixiao::score::score_totals(d, &profile).indicators.len())
            .sum::<usize>()
    });
    rows.push(Row {
        what: "scoring, score_totals (figures only), one core".to_owned(),
        figure: indicators as f64 / t_totals.as_secs_f64() / 1e6,
        unit: "M/s",
        note: format!(
            "{:.3} s; {:.1}x the full scorecards",
            t_totals.as_secs_f64(),
            t_score.as_secs_f64() / t_totals.as_secs_f64()
        ),
    });
    // Several threads: wall time (best of 3), so a busy machine shows here.
    let t_batch = (0..3)
        .map(|_| {
            let t = Instant::now();
            black_box(jixiao::batch::score_declarations(&declarations, &profile).len());
            t.elapsed()
        })
        .min()
        .unwrap_or(Duration::MAX);
    let t_score_wall = {
        let t = Instant::now();
        black_box(
            declarations
                .iter()
                .map(|d| score_declaration(d, &profile).indicators.len())
                .sum::<usize>(),
        );
        t.elapsed()
    };
    rows.push(Row {
        what: format!(
            "scoring, batch::score_declarations ({} threads)",
            std::thread::available_parallelism().map_or(1, |n| n.get())
        ),
        figure: indicators as f64 / t_batch.as_secs_f64() / 1e6,
        unit: "M/s",
        note: format!(
            "wall time; {:.2}x one core's wall time ({:.3} s)",
            t_score_wall.as_secs_f64() / t_batch.as_secs_f64(),
            t_score_wall.as_secs_f64()
        ),
    });

    if big {
        let (form10, list10) = inputs("100MB", 100 << 20);
        let t_form10 = best(2, 60.0, || read_as(&form10, InputFormat::Form));
        let t_list10 = best(2, 60.0, || read_as(&list10, InputFormat::Csv));
        let scale = |small: usize, large: usize, ts: Duration, tl: Duration| {
            (tl.as_secs_f64() / ts.as_secs_f64()) / (large as f64 / small as f64) * 10.0
        };
        rows.push(Row {
            what: "form reader linearity (time at 10x input, target <= 11)".to_owned(),
            figure: scale(form.len(), form10.len(), t_form, t_form10),
            unit: "x",
            note: format!(
                "{:.1} MB/s at {} MB",
                mb(form10.len(), t_form10),
                form10.len() / 1_000_000
            ),
        });
        rows.push(Row {
            what: "list reader linearity (time at 10x input, target <= 11)".to_owned(),
            figure: scale(list.len(), list10.len(), t_list, t_list10),
            unit: "x",
            note: format!(
                "{:.1} MB/s at {} MB",
                mb(list10.len(), t_list10),
                list10.len() / 1_000_000
            ),
        });
    }

    println!();
    println!(
        "times: CPU time of the benchmark thread{}; best of several runs",
        if thread_cpu().is_some() {
            ""
        } else {
            " (not available here: wall time)"
        }
    );
    println!("{:<62} {:>12} {:<6} note", "benchmark", "figure", "unit");
    for row in &rows {
        println!(
            "{:<62} {:>12.1} {:<6} {}",
            row.what, row.figure, row.unit, row.note
        );
    }
}
