//! Scoring never reads a float: no `f32`/`f64` in core's source outside the one place a
//! spreadsheet hands one over (`read/xlsx.rs`, where calamine gives a number cell as an
//! `f64` and it becomes its shortest decimal text, never arithmetic). Money, values,
//! weights and scores are `rust_decimal::Decimal` everywhere else; the JSON reader refuses
//! a number a float would round (`read/json.rs`, which names `f64` to check exactly that).
//! The PDF reader (`read/pdf*`) works in page coordinates; the texts it
//! places are read by the same cell rules as every other input.
//! A new use of a float fails this test: use `Decimal`, or add the file here with a reason.

use std::path::{Path, PathBuf};

/// Files allowed to name a float type, and why.
const ALLOWED: &[(&str, &str)] = &[
    (
        "read/xls_formula.rs",
        "a BIFF formula's number token is an IEEE double by the file format; it becomes its \
         shortest decimal text at once, as a spreadsheet cell does in read/xlsx.rs",
    ),
    (
        "read/pdf.rs",
        "page coordinates (points) place characters in cells; no value passes through them",
    ),
    (
        "read/pdf/extract.rs",
        "page coordinates from the PDF interpreter (its matrices are f64)",
    ),
    (
        "read/pdf/table.rs",
        "ruling-line coordinates: column and row boundaries",
    ),
    (
        "read/pdf/text.rs",
        "character positions: lines, gaps and duplicates",
    ),
    (
        "read/xlsx.rs",
        "calamine number cells are f64: converted to decimal text",
    ),
    (
        "read/json.rs",
        "checks that a JSON number reads exactly through f64",
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("core/src") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether a line of code (comments and string literals aside, roughly) names a float type.
fn names_a_float(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    let bytes = code.as_bytes();
    ["f32", "f64"].iter().any(|t| {
        code.match_indices(t).any(|(i, _)| {
            let before = i.checked_sub(1).and_then(|j| bytes.get(j));
            let after = bytes.get(i + 3);
            let ident = |b: Option<&u8>| b.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
            !ident(before) && !ident(after)
        })
    })
}

#[test]
fn no_float_outside_the_spreadsheet_boundary() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "core/src has {} files", files.len());
    let mut offending = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(&src)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        if ALLOWED.iter().any(|(f, _)| *f == rel) {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("readable");
        for (n, line) in text.lines().enumerate() {
            if names_a_float(line) {
                offending.push(format!("core/src/{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        offending.is_empty(),
        "floats in core:\n{}",
        offending.join("\n")
    );
}

#[test]
fn the_detector_sees_floats() {
    assert!(names_a_float("let x: f64 = 1.0;"));
    assert!(names_a_float("fn f(v: f32) {}"));
    assert!(names_a_float("let y = z as f64;"));
    assert!(!names_a_float("// an f64 in a comment"));
    assert!(!names_a_float("let buf64 = 1; let f640 = 2;"));
}
