//! Every finding code the library emits on the test documents, the real documents and the
//! fuzz regressions is catalogued: a review rule (`review::rules`) or a code of
//! `codes::codes`, with the severity it is listed with.

use std::path::{Path, PathBuf};

use jixiao::audit::audit_document;
use jixiao::review::{review, ReviewPolicy};
use jixiao::score::Profile;
use jixiao::{read, Finding, ReadOptions, Severity};

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut dirs: Vec<PathBuf> = [
        "tests/data",
        "tests/data/office",
        "tests/real/selfeval",
        "tests/real/songgang",
    ]
    .iter()
    .map(|d| root.join(d))
    .collect();
    for entry in std::fs::read_dir(root.join("fuzz/regressions")).expect("fuzz/regressions") {
        dirs.push(entry.expect("a directory entry").path());
    }
    let mut out = Vec::new();
    for dir in dirs {
        for entry in std::fs::read_dir(&dir).expect("a test data directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_file() && path.extension().is_none_or(|e| e != "md") {
                out.push(path);
            }
        }
    }
    out
}

fn check((code, severity): (&str, Severity), at: &Path, problems: &mut Vec<String>) {
    if let Some(rule) = jixiao::review::rules().iter().find(|r| r.code == code) {
        if rule.severity != severity {
            problems.push(format!("{}: {code} as {severity}", at.display()));
        }
        return;
    }
    match jixiao::codes::lookup(code) {
        Some(info) if info.severities.contains(&severity) => {}
        Some(_) => problems.push(format!("{}: {code} as {severity}", at.display())),
        None => problems.push(format!("{}: {code} is not catalogued", at.display())),
    }
}

#[test]
fn every_emitted_code_is_catalogued() {
    let mut problems = Vec::new();
    let mut seen = 0;
    let checklist = ReviewPolicy::for_profile("shenzhen-2023").unwrap();
    for path in inputs() {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Ok(reading) = read(&bytes, &ReadOptions::named(&name)) else {
            continue;
        };
        let doc = &reading.document;
        let mut findings: Vec<Finding> = reading.diagnostics.clone();
        findings.extend(review(doc, &ReviewPolicy::default()).findings);
        findings.extend(review(doc, &checklist).findings);
        let mut codes: Vec<(String, Severity)> =
            findings.into_iter().map(|f| (f.code, f.severity)).collect();
        for audit in audit_document(doc, &Profile::auto()) {
            codes.extend(audit.findings.into_iter().map(|f| (f.code, f.severity)));
        }
        seen += codes.len();
        for (code, severity) in &codes {
            check((code, *severity), &path, &mut problems);
        }
    }
    assert!(seen > 1000, "only {seen} findings seen");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `docs/codes.md` is generated from the catalogue (`JIXIAO_BLESS=1` rewrites it).
#[test]
fn docs_codes_table_is_generated_from_the_catalogue() {
    let mut out = String::from(
        "# Finding codes that are not review rules\n\n\
         Generated from `core/src/codes.rs` by `core/tests/finding_codes.rs` \
         (`JIXIAO_BLESS=1 cargo test -p jixiao --test finding_codes` rewrites it); the review \
         rules (F, X, D, S, T, W, K) are in [review.md](review.md). A test checks that every \
         code the library emits on the test, real and fuzz documents is listed here with its \
         severity.\n",
    );
    for (family, heading) in [
        (jixiao::codes::CodeFamily::Read, "Readers (读取)"),
        (
            jixiao::codes::CodeFamily::Actuals,
            "Joining actual values (实际值)",
        ),
        (
            jixiao::codes::CodeFamily::Audit,
            "Re-checking a self-evaluation (自评复核)",
        ),
    ] {
        out.push_str(&format!(
            "\n## {heading}\n\n| code | severity | meaning | in English |\n|---|---|---|---|\n"
        ));
        for c in jixiao::codes::codes().iter().filter(|c| c.family == family) {
            let severities: Vec<&str> = c.severities.iter().map(|s| s.as_str()).collect();
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                c.code,
                severities.join(", "),
                c.title,
                c.title_en
            ));
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/codes.md");
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == out,
        "docs/codes.md is stale: JIXIAO_BLESS=1 cargo test -p jixiao --test finding_codes"
    );
}
