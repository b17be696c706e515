//! What every fuzz target checks, one function per target, each taking the raw fuzz
//! bytes. A failed check panics (libFuzzer reports a crash; the replay test fails).
//!
//! This file depends on `jixiao` alone: `core/tests/fuzz_regressions.rs` includes it with
//! `#[path]`, so a minimized crasher under `fuzz/regressions/<target>/` is replayed
//! through exactly the checks that found it.
//!
//! The checks:
//! - no reader, writer, review, scoring or audit call panics on any input;
//! - read → write → read is stable: a document read from a workbook or JSON, written
//!   back in that layout, reads back equal; from a form or a list (CSV/TSV), equal when
//!   read without a warning, else settling within two rounds (`written_reads_back`); every
//!   document read in any format survives the canonical JSON (pretty and compact) equal;
//! - the 指标值 grammar: `parse_target(t.render())` equals `t` in every typed field for a
//!   quantitative target (the value with its scale).

#![allow(dead_code)] // the replay test uses some of these only

use jixiao::model::Document;
use jixiao::read::{read, InputFormat, ReadOptions, Reading};
use jixiao::value::{parse_actual, parse_number, parse_target, Target, TargetKind};
use jixiao::write::list::{write_list, ListStyle};

/// A fuzz target's check: panics when the input breaks a property.
pub type Check = fn(&[u8]);

/// The fuzz targets with a check here, by name (the folder names under
/// `fuzz/regressions/`).
pub const TARGETS: &[(&str, Check)] = &[
    ("value_grammar", value_grammar),
    ("read_form", read_form),
    ("read_list", read_list),
    ("read_xlsx", read_xlsx),
    ("read_docx", read_docx),
    ("read_xls", read_xls),
    ("stream", stream),
    ("read_pdf", read_pdf),
    ("read_json", read_json),
    ("analyse", analyse),
];

/// Inputs larger than this are skipped by the text targets: the readers' cost is linear
/// and libFuzzer's default `-max_len` is far below it; this only keeps replays fast.
const MAX_FUZZ_INPUT: usize = 1 << 20;

fn options(format: Option<InputFormat>) -> ReadOptions {
    ReadOptions {
        file_name: Some("fuzz-input".to_owned()),
        format,
        ..ReadOptions::default()
    }
}

/// The typed fields of a target (everything but the verbatim text), with the scale of
/// the value, which `render` keeps.
fn typed(t: &Target) -> (Target, Option<u32>) {
    (
        Target {
            text: String::new(),
            ..t.clone()
        },
        t.value.map(|v| v.scale()),
    )
}

/// `value_grammar`: `parse_target`, `parse_actual` and `parse_number` never panic; a
/// quantitative target renders to text that parses back to the same typed target.
pub fn value_grammar(data: &[u8]) {
    if data.len() > 4096 {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let target = parse_target(&text);
    assert_eq!(target.text, text, "the text is kept verbatim");
    let _ = parse_actual(&text);
    let _ = parse_number(&text);
    let _ = target.unit_info();
    match target.kind {
        TargetKind::Quantitative => {
            assert!(target.comparator.is_some() && target.value.is_some());
            let rendered = target.render();
            let back = parse_target(&rendered);
            assert_eq!(
                typed(&back),
                typed(&target),
                "parse(render(t)) != t for {text:?} rendered as {rendered:?}"
            );
        }
        TargetKind::Qualitative => assert!(target.class.is_some()),
        TargetKind::Invalid => assert!(target.problem.is_some()),
    }
}

/// Every document survives the canonical JSON, pretty and compact, equal.
fn json_round_trip(document: &Document) {
    for json in [
        jixiao::write::json::to_json(document),
        jixiao::write::json::to_json_compact(document),
    ] {
        match read(json.as_bytes(), &options(Some(InputFormat::Json))) {
            Ok(back) => assert!(
                back.document == *document,
                "the JSON written does not read back equal:\n{json}\n{:#?}\n{:#?}",
                back.document,
                document
            ),
            Err(e) => panic!("the JSON written does not read back: {e}\n{json}"),
        }
    }
}

/// Reads back what a writer wrote as `format`; a read error is a failed check.
fn read_back(format: InputFormat, written: &[u8]) -> Document {
    match read(written, &options(Some(format))) {
        Ok(back) => back.document,
        Err(e) => panic!(
            "{format} written does not read back: {e}\n{}",
            String::from_utf8_lossy(written)
        ),
    }
}

/// Reads back what a writer wrote as `format`, and checks it is equal to `document`.
fn layout_round_trip(document: &Document, format: InputFormat, written: &[u8]) {
    let back = read_back(format, written);
    assert!(
        back == *document,
        "{format} written does not read back equal:\n{}\n{:#?}\n{:#?}",
        String::from_utf8_lossy(written),
        back,
        document
    );
}

/// `read_form`: the form reader (表单式) never panics; what it reads survives the JSON
/// writer equal, and the form writer's text reads back as [`written_reads_back`] says.
pub fn read_form(data: &[u8]) {
    if data.len() > MAX_FUZZ_INPUT {
        return;
    }
    let Ok(reading) = read(data, &options(Some(InputFormat::Form))) else {
        return;
    };
    json_round_trip(&reading.document);
    written_reads_back(&reading, InputFormat::Form, |d| {
        jixiao::write::form::write_form(d).into_bytes()
    });
}

/// What a text layout's writer must keep of a document its reader read:
/// - **equal, every field**, when the reader read the input without a warning;
/// - when it recovered from something and said so (a warning or an error finding: a
///   name that is a level label, a mangled title, a row of header words, a row without
///   a name), its guesses may read the written text another way, but the written text
///   **settles**: read and written again, it reaches a fixed point — text that reads
///   back equal — within [`ROUNDS_TO_SETTLE`] rounds (docs/robustness.md).
fn written_reads_back(
    reading: &Reading,
    format: InputFormat,
    write: impl Fn(&Document) -> Vec<u8>,
) {
    let document = &reading.document;
    let written = write(document);
    let recovered = reading
        .diagnostics
        .iter()
        .any(|f| f.severity >= jixiao::Severity::Warning);
    if !recovered {
        layout_round_trip(document, format, &written);
        return;
    }
    let mut current = read_back(format, &written);
    for _ in 1..ROUNDS_TO_SETTLE {
        let next = read_back(format, &write(&current));
        if next == current {
            return;
        }
        current = next;
    }
    layout_round_trip(&current, format, &write(&current));
}

/// The rounds of writing and reading a recovered document may take to reach a fixed
/// point: one guess of the reader on mangled input can leave a row that a second round
/// reads by another guess (an empty 指标值 beside an extra column, read by the row's
/// shape: fuzz/regressions/read_form/settles-in-two-rounds.txt); more was never seen.
const ROUNDS_TO_SETTLE: usize = 2;

/// `read_list`: the list reader (清单式) as CSV (first byte even) or TSV (odd) never
/// panics; what it reads survives the JSON writer equal, and the same list writer as
/// [`written_reads_back`] says.
pub fn read_list(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    if rest.len() > MAX_FUZZ_INPUT {
        return;
    }
    let (format, style) = if first % 2 == 0 {
        (InputFormat::Csv, ListStyle::Csv)
    } else {
        (InputFormat::Tsv, ListStyle::Tsv)
    };
    if let Ok(reading) = read(rest, &options(Some(format))) {
        json_round_trip(&reading.document);
        written_reads_back(&reading, format, |d| write_list(d, style).into_bytes());
    }
}

/// The document without extra cells whose value is empty (`实际完成情况` with nothing
/// beside it): the form reader keeps such a label as an empty extra, a list cell cannot
/// tell empty from absent (reported; see docs/robustness.md).
fn without_empty_extras(document: &Document) -> Document {
    let mut document = document.clone();
    for d in &mut document.declarations {
        d.project.extra.retain(|_, v| !v.is_empty());
        for i in &mut d.indicators {
            i.extra.retain(|_, v| !v.is_empty());
        }
    }
    document
}

/// `read_xlsx`: the workbook reader never panics nor allocates without bound; what it
/// reads survives the workbook writer and the JSON writer equal (a workbook read from
/// its form-like sheets goes back through the list sheet: empty extras aside).
pub fn read_xlsx(data: &[u8]) {
    read_workbook_as(data, InputFormat::Xlsx);
}

/// `read_xls`: the legacy `.xls` reader holds what [`read_xlsx`] holds; what it reads is
/// written back as `.xlsx` and reads equal.
///
/// calamine's compound-file and BIFF parsers panic on many corrupt files, and cannot be
/// checked beforehand as the xlsx container is: the reader runs them under its guard
/// (`jixiao::read::grid::guard_library`), which turns such a panic into an error, as a
/// user sees it. libFuzzer's panic hook aborts on every panic, caught or not, so this
/// target sets a quiet hook once: a panic the guard catches is then the error it is,
/// while any panic that escapes (in jixiao's own code, outside the guard) still ends the
/// run, as libfuzzer-sys aborts when the target panics.
pub fn read_xls(data: &[u8]) {
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    read_workbook_as(data, InputFormat::Xls);
}

fn read_workbook_as(data: &[u8], format: InputFormat) {
    if data.len() > 4 * MAX_FUZZ_INPUT {
        return;
    }
    if let Ok(reading) = read(data, &options(Some(format))) {
        let document = &reading.document;
        json_round_trip(document);
        match jixiao::write::write(document, jixiao::write::OutputFormat::Xlsx) {
            Ok(written) => {
                layout_round_trip(&without_empty_extras(document), InputFormat::Xlsx, &written)
            }
            Err(e) => panic!("a document read from a workbook cannot be written back: {e}"),
        }
    }
}

/// `read_docx`: the Word reader (`docx_grids` → `read_grids`) never panics nor allocates
/// without bound; what it reads survives the JSON writer equal, and the Word writer
/// (`to_docx`) reads back to the declarations its content, the form text, reads to.
pub fn read_docx(data: &[u8]) {
    if data.len() > 4 * MAX_FUZZ_INPUT {
        return;
    }
    let options = options(None);
    let Ok(grids) = jixiao::read::docx::docx_grids(data, &options) else {
        return;
    };
    if let Ok((document, _)) =
        jixiao::read::grid::read_grids(grids, jixiao::read::docx::WORD_DOCUMENT, &options)
    {
        json_round_trip(&document);
        let written = match jixiao::write::docx::to_docx(&document) {
            Ok(written) => written,
            Err(e) => panic!("a document read from a Word file cannot be written back: {e}"),
        };
        let back = jixiao::read::docx::read_word_document(&written, &options)
            .map(|(d, _)| d.declarations)
            .ok();
        let text = jixiao::write::form::write_form(&document);
        let via_text = jixiao::read::form::read_form(&text, &options)
            .map(|(d, _)| d.declarations)
            .ok();
        assert!(
            back == via_text,
            "the Word file written reads back otherwise than its form text:\n{text}"
        );
    }
}

/// `stream`: the streaming reader is the whole read delivered one declaration at a
/// time. Where `read` reads the input, the stream yields exactly its declarations, in
/// order, with their lines and the same findings; where `read` refuses it, the stream
/// never delivers a complete, error-free reading of it.
pub fn stream(data: &[u8]) {
    if data.len() > MAX_FUZZ_INPUT {
        return;
    }
    let options = options(None);
    let whole = read(data, &options);
    let items = match jixiao::read::stream::declarations(data, &options) {
        Ok(items) => items,
        Err(e) => {
            assert!(
                whole.is_err(),
                "read() reads the input, the stream refuses it at the start: {e}"
            );
            return;
        }
    };
    let mut declarations = Vec::new();
    let mut findings = Vec::new();
    let mut failed = None;
    for item in items {
        match item {
            Ok((declaration, found)) => {
                declarations.push(declaration);
                findings.extend(found);
            }
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    let whole = match whole {
        Ok(whole) => whole,
        Err(e) => {
            assert!(
                failed.is_some() || declarations.is_empty(),
                "read() refuses the input ({e}), the stream delivers {} declarations without an error",
                declarations.len()
            );
            return;
        }
    };
    if let Some(e) = failed {
        // A list whose project comes again after another's is the one input `read` joins
        // and the stream cannot: it says so (docs/design.md, "Streaming").
        assert!(
            e.code() == "not_streamable",
            "read() reads the input, the stream fails on it: {e}"
        );
        return;
    }
    assert!(
        declarations == whole.document.declarations,
        "the stream's declarations differ from read()'s:\n{declarations:#?}\n{:#?}",
        whole.document.declarations
    );
    let lines = |ds: &[jixiao::Declaration]| -> Vec<(u32, Vec<u32>)> {
        ds.iter()
            .map(|d| {
                (
                    d.source.line,
                    d.indicators.iter().map(|i| i.source.line).collect(),
                )
            })
            .collect()
    };
    assert_eq!(lines(&declarations), lines(&whole.document.declarations));
    let key = |f: &jixiao::Finding| (f.line, f.code.clone(), f.message.clone());
    let mut a: Vec<_> = findings.iter().map(key).collect();
    let mut b: Vec<_> = whole.diagnostics.iter().map(key).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b, "the stream's findings differ from read()'s");
}

/// `read_pdf`: the PDF reader never panics (a panic of the PDF library is caught and is a
/// corrupt-PDF error) nor allocates without bound; the grid it gives is well formed (rows
/// numbered 1..n, merges inside the grid, each merge's covered cells empty), and whatever
/// the grid reads as survives the canonical JSON and the analyses. Without the `pdf`
/// feature (core's replay test built without it) the check does nothing.
pub fn read_pdf(data: &[u8]) {
    #[cfg(not(feature = "pdf"))]
    let _ = data;
    #[cfg(feature = "pdf")]
    if data.len() <= 4 * MAX_FUZZ_INPUT {
        use jixiao::read::grid::{read_grids, GridSource};
        let options = options(None);
        let Ok(grids) = jixiao::read::pdf::pdf_grids(data, &options) else {
            return;
        };
        for grid in &grids {
            let rows = &grid.table.rows;
            for (i, row) in rows.iter().enumerate() {
                assert_eq!(row.line as usize, i + 1, "PDF grid rows are numbered 1..n");
            }
            for m in &grid.merged {
                assert!(
                    m.top <= m.bottom && m.left <= m.right,
                    "{m:?} is not a range"
                );
                let row = rows
                    .get(m.bottom as usize)
                    .expect("a merge inside the grid");
                assert!(
                    (m.right as usize) < row.cells.len(),
                    "{m:?} past the row's cells"
                );
                for r in m.top..=m.bottom {
                    for c in m.left..=m.right {
                        if (r, c) != (m.top, m.left) {
                            let cell = rows.get(r as usize).and_then(|x| x.cells.get(c as usize));
                            assert!(
                                cell.is_some_and(|t| t.is_empty()),
                                "{m:?}: covered cell ({r}, {c}) holds text"
                            );
                        }
                    }
                }
            }
        }
        let source = GridSource {
            kind: "PDF",
            part: "page",
            part_zh: "页",
        };
        if let Ok((document, _)) = read_grids(grids, source, &options) {
            json_round_trip(&document);
            analyse_document(&document);
        }
    }
}

/// `read_json`: the canonical JSON reader never panics (nesting is bounded by
/// serde_json's recursion limit); what it reads is written back and reads equal.
pub fn read_json(data: &[u8]) {
    if data.len() > MAX_FUZZ_INPUT {
        return;
    }
    if let Ok(reading) = read(data, &options(Some(InputFormat::Json))) {
        json_round_trip(&reading.document);
        analyse_document(&reading.document);
    }
}

/// `analyse`: any input, format detected; whatever reads is reviewed, scored and audited
/// under every profile, and each result serialized, without a panic.
pub fn analyse(data: &[u8]) {
    if data.len() > MAX_FUZZ_INPUT {
        return;
    }
    if let Ok(reading) = read(data, &options(None)) {
        json_round_trip(&reading.document);
        analyse_document(&reading.document);
    }
}

/// Review (every policy), scoring and audit (every profile), the roll-up, and every
/// report writer over one document.
fn analyse_document(document: &Document) {
    use jixiao::review::{review, ReviewPolicy};
    use jixiao::score::{score_document, Profile};

    let policy = ReviewPolicy::default();
    let result = review(document, &policy);
    let _ = result.to_text();
    let _ = result.has_errors();
    for name in Profile::names() {
        let Ok(profile) = Profile::by_name(name) else {
            continue;
        };
        if let Ok(policy) = ReviewPolicy::for_profile(name) {
            let _ = review(document, &policy);
        }
        for card in score_document(document, &profile) {
            let _ = card.to_json();
            let _ = card.explain();
            let _ = card.to_text();
        }
        for audit in jixiao::audit::audit_document(document, &profile) {
            let _ = audit.to_json();
            let _ = audit.to_text();
        }
    }
    let _ = jixiao::summary::summarize(std::slice::from_ref(document), &policy).to_text();
}
