//! Reading a document from each office file it comes as (`.xlsx`, `.xls`, `.docx`, `.pdf`,
//! as LibreOffice saves them: `tests/data/office/`), next to reading the same document from
//! its TAB text, and the PDF next to poppler's `pdftotext` extracting its plain text (no
//! tables, no model, as a floor): `cargo bench -p jixiao --features pdf --bench office`,
//! called by `bench/run.sh`. Prints the time per document of each, in one run, and the
//! ratios to the text. `pdftotext` is timed as a process per file (its start-up included),
//! as a pipeline would call it; it is skipped with a message when it is not installed.

#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jixiao::read::{read, ReadOptions};

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

/// The time to read `bytes` named `name` through `read`, the one entry point.
fn read_time(budget: Duration, bytes: &[u8], name: &str) -> Duration {
    let options = ReadOptions::named(name);
    let declarations = read(bytes, &options).unwrap().document.declarations.len();
    assert!(declarations > 0, "{name}");
    time(budget, || {
        black_box(read(black_box(bytes), &options).unwrap());
    })
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
    println!("document\tformat\tbytes\tjixiao\tjixiao text\tformat/text");
    for name in [
        "selfeval-putuo-sports-2022",
        "shanghai-eeb-enforcement-2024",
    ] {
        let text = std::fs::read(tests_dir().join(format!("data/{name}.txt"))).unwrap();
        let text_time = read_time(budget, &text, &format!("{name}.txt"));
        for format in ["xlsx", "xls", "docx", "pdf"] {
            let path = tests_dir().join(format!("data/office/{name}.{format}"));
            let bytes = std::fs::read(&path).unwrap();
            let t = read_time(budget, &bytes, &format!("{name}.{format}"));
            println!(
                "{name}\t{format}\t{}\t{}\t{}\t{:.1}",
                bytes.len(),
                ms(t),
                ms(text_time),
                t.as_secs_f64() / text_time.as_secs_f64(),
            );
            if format != "pdf" {
                continue;
            }
            if pdftotext {
                let floor = time(budget, || {
                    let status = Command::new("pdftotext")
                        .arg(&path)
                        .arg("-")
                        .stdout(Stdio::null())
                        .status()
                        .unwrap();
                    assert!(status.success());
                });
                println!(
                    "{name}\tpdftotext (text only, one process)\t{}\t{}\t\tjixiao pdf / pdftotext {:.2}",
                    bytes.len(),
                    ms(floor),
                    t.as_secs_f64() / floor.as_secs_f64(),
                );
            } else {
                println!("{name}\tpdftotext\t(not installed: skipped)");
            }
        }
    }
}
