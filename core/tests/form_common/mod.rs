// Shared helpers of the form tests (included with `mod` by each test file).
#![allow(dead_code)]

use std::path::PathBuf;

use jixiao::read::ReadOptions;
use jixiao::{Document, Finding};

/// A file under the repository's `tests/` directory.
pub fn repo_file(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join(relative)
}

/// The text of a bundled test document.
pub fn data(name: &str) -> String {
    let path = repo_file(&format!("data/{name}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads bytes through the format-detecting entry point, named `name`.
pub fn read_named(bytes: &[u8], name: &str) -> (Document, Vec<Finding>) {
    let reading = jixiao::read::read(bytes, &ReadOptions::named(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(reading.format, jixiao::InputFormat::Form, "{name}");
    (reading.document, reading.diagnostics)
}

/// A decimal written in a test (`d("99.18")`).
pub fn d(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// The text of a template variant made by hand (`tests/data/variants/<name>`).
pub fn variant_text(name: &str) -> String {
    let path = repo_file(&format!("data/variants/{name}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A template variant made by hand (`tests/data/variants/<name>`, in any format the
/// reader takes: a form text, a list export, an office copy under `office/`) as `read`
/// reads it.
pub fn read_variant(name: &str) -> jixiao::read::Reading {
    let path = repo_file(&format!("data/variants/{name}"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    jixiao::read::read(&bytes, &ReadOptions::named(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The office formats a variant has copies of under `tests/data/variants/office/` that this
/// build reads (the PDF only with the `pdf` feature).
pub fn office_extensions() -> Vec<&'static str> {
    let mut extensions = vec!["docx", "xlsx", "xls"];
    if cfg!(feature = "pdf") {
        extensions.push("pdf");
    }
    extensions
}

/// `d` without the places its declarations, indicators and monitoring tables were read from
/// (lines differ between a text and the text a writer prints of it).
pub fn without_sources(mut d: Document) -> Document {
    for decl in &mut d.declarations {
        decl.source = Default::default();
        for i in &mut decl.indicators {
            i.source = Default::default();
        }
        if let Some(m) = &mut decl.monitoring {
            m.source = Default::default();
        }
    }
    d
}

/// Compares `actual` with the golden file `tests/golden/<name>`; `JIXIAO_BLESS=1` rewrites it.
pub fn golden(name: &str, actual: &str) {
    let path = repo_file(&format!("golden/{name}"));
    if std::env::var("JIXIAO_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (generate it with JIXIAO_BLESS=1 and review it)",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the output at line {}:\n  golden: {:?}\n  output: {:?}\n(re-bless deliberately with JIXIAO_BLESS=1)",
            path.display(),
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}
