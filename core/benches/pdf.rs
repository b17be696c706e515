//! Reading a form from its office PDF, next to reading the same form from its TAB text
//! and next to poppler's `pdftotext` extracting the PDF's plain text (no tables, no
//! model): `cargo bench -p jixiao --features pdf --bench pdf`, called by `bench/run.sh`.
//! Prints the time per document of each and the ratios. `pdftotext` is timed as a
//! process per file (its start-up included), as a pipeline would call it; it is skipped
//! with a message when it is not installed.

#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jixiao::read::grid::{read_grids, GridSource};
use jixiao::read::pdf::pdf_grids;
use jixiao::read::{read, ReadOptions};

const SOURCE: GridSource = GridSource {
    kind: "PDF",
    part: "page",
    part_zh: "页",
};

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests")
}

/// The mean time of `f` over as many runs as fit in about `budget` (at least 5).
fn time(budget: Duration, mut f: impl FnMut()) -> Duration {
    f();
    let start = Instant::now();
    let mut runs = 0u32;
    while runs < 5 || start.elapsed() < budget {
        f();
        runs += 1;
    }
    start.elapsed() / runs
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is read.
    let budget = Duration::from_secs(2);
    let pdftotext = Command::new("pdftotext")
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    println!("document\tPDF bytes\tjixiao PDF\tjixiao text\tPDF/text\tpdftotext\tPDF/pdftotext");
    for name in [
        "selfeval-putuo-sports-2022",
        "shanghai-eeb-enforcement-2024",
    ] {
        let pdf_path = tests_dir().join(format!("data/office/{name}.pdf"));
        let pdf = std::fs::read(&pdf_path).unwrap();
        let text = std::fs::read(tests_dir().join(format!("data/{name}.txt"))).unwrap();
        let options = ReadOptions::named(&format!("{name}.pdf"));
        let grids = pdf_grids(&pdf, &options).unwrap();
        let (doc, _) = read_grids(grids, SOURCE, &options).unwrap();
        let pdf_time = time(budget, || {
            let grids = pdf_grids(black_box(&pdf), &options).unwrap();
            black_box(read_grids(grids, SOURCE, &options).unwrap());
        });
        let text_options = ReadOptions::named(&format!("{name}.txt"));
        let text_time = time(budget, || {
            black_box(read(black_box(&text), &text_options).unwrap());
        });
        let (poppler, ratio) = if pdftotext {
            let t = time(budget, || {
                let status = Command::new("pdftotext")
                    .arg(&pdf_path)
                    .arg("-")
                    .stdout(Stdio::null())
                    .status()
                    .unwrap();
                assert!(status.success());
            });
            (
                ms(t),
                format!("{:.2}", pdf_time.as_secs_f64() / t.as_secs_f64()),
            )
        } else {
            (
                "(pdftotext not installed: skipped)".to_owned(),
                "-".to_owned(),
            )
        };
        println!(
            "{name} ({} declarations)\t{}\t{}\t{}\t{:.1}\t{poppler}\t{ratio}",
            doc.declarations.len(),
            pdf.len(),
            ms(pdf_time),
            ms(text_time),
            pdf_time.as_secs_f64() / text_time.as_secs_f64(),
        );
    }
}
