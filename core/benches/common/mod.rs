//! Inputs shared by the benchmarks: the files `bench/gen.py` wrote into `bench/out/`
//! when present, else the seed documents of `tests/data/` repeated in memory (names
//! numbered) so that `cargo bench` runs on a fresh checkout.

#![allow(dead_code)]

use std::path::PathBuf;

/// `bench/out/` (or `$JIXIAO_BENCH_DIR`).
pub fn out_dir() -> PathBuf {
    std::env::var_os("JIXIAO_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bench/out"))
}

fn seed(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A generated file of `bench/out/`, if `bench/gen.py` made it.
pub fn generated(name: &str) -> Option<Vec<u8>> {
    std::fs::read(out_dir().join(name)).ok()
}

const TITLE: &str = "财政项目支出绩效目标申报表";

/// The 申报表 seed repeated to at least `bytes` with every project name numbered.
pub fn form_text(bytes: usize) -> String {
    let text = seed("shanghai-eeb-enforcement-2024.txt");
    let mut parts = text.split(TITLE);
    let head = parts.next().unwrap_or_default();
    let forms: Vec<String> = parts
        .map(|p| format!("{TITLE}{}\n\n", p.trim_end_matches('\n')))
        .collect();
    let mut out = String::with_capacity(bytes + text.len());
    out.push_str(head);
    let mut copy = 0;
    while out.len() < bytes {
        for form in &forms {
            out.push_str(&number_names(form, copy));
        }
        copy += 1;
    }
    out
}

fn number_names(form: &str, copy: usize) -> String {
    let mut out = String::with_capacity(form.len() + 16);
    for line in form.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("项目名称\t") {
            let (name, tail) = rest.split_once('\t').unwrap_or((rest.trim_end(), "\n"));
            out.push_str(&format!("项目名称\t{name}-{copy:06}\t{tail}"));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// The list layout of the same projects: the form text converted by jixiao's own CSV
/// writer.
pub fn list_text(form: &str) -> String {
    let reading = jixiao::read(form.as_bytes(), &jixiao::ReadOptions::default())
        .unwrap_or_else(|e| panic!("seed: {e}"));
    let csv = jixiao::write(&reading.document, jixiao::OutputFormat::Csv)
        .unwrap_or_else(|e| panic!("csv: {e}"));
    String::from_utf8(csv).unwrap_or_default()
}

/// The 自评表 seed with its actuals varied, repeated to `indicators` indicators.
pub fn selfeval_text(indicators: usize) -> String {
    let text = seed("selfeval-putuo-sports-2022.txt");
    let at = text.find("财政项目支出绩效自评表").unwrap_or(0);
    let (head, form) = text.split_at(at);
    let per = 5;
    let mut out = String::with_capacity(indicators / per * form.len() + head.len());
    out.push_str(head);
    for copy in 0..indicators.div_ceil(per) {
        let actual = format!("{}%", 100 - copy % 25);
        out.push_str(
            &number_names(form, copy)
                .replace("\t100%\t10\t10", &format!("\t{actual}\t10\t"))
                .replace("\t100%\t20\t20", &format!("\t{actual}\t20\t")),
        );
    }
    out
}
