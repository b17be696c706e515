//! Office files made by office software, not by our writer (`tests/data/office/`: the
//! bundled documents as LibreOffice saves them, from `../shared/data/office/`): each reads to
//! the same model as its text copy, `tests/data/<name>.txt` — the same projects, funding,
//! goals, indicators with their levels, targets, weights and evaluation — whatever the
//! format. Where a line numbers its source (sheet row, table row) it differs, and is left
//! out of the comparison; so is a target's written text where the spreadsheet turned a
//! target typed as `=100%` into a formula and wrote it back normalised (`=100 (%)` for
//! `=100.00 (%)`): its meaning (comparator, value, unit) is still compared.
//!
//! The expected figures are the text copies' own, worked out by hand in
//! `tests/real/README.md` and `tests/data/README` (98.62 / 优 for the self-evaluation;
//! 5 declarations and 29 indicators for the seed).

use jixiao::audit::audit_declaration;
use jixiao::read::{read, InputFormat, ReadOptions};
use jixiao::score::{score_declaration, Profile};
use jixiao::{Declaration, Document};
use rust_decimal::Decimal;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn tests_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests")
}

fn read_file(relative: &str) -> Result<(Document, InputFormat), Box<dyn std::error::Error>> {
    let bytes = std::fs::read(tests_dir().join(relative))?;
    let reading = read(&bytes, &ReadOptions::named(relative))?;
    Ok((reading.document, reading.format))
}

/// What came of targets typed `=…` (a formula to a spreadsheet).
#[derive(Clone, Copy, PartialEq)]
enum Formulas {
    /// Not a spreadsheet: the target is compared whole.
    Kept,
    /// The spreadsheet rewrote the formula (`=100 (%)` for `=100.00 (%)`): its meaning
    /// (comparator, value, unit) is compared, not its text.
    Rewritten,
    /// The formula's text is lost (a BIFF formula calamine cannot decode; see
    /// docs/design.md, "Office files"): the target is not compared.
    Lost,
}

/// A declaration without what only numbers its place in the file (lines, sheets), and
/// without what `formulas` says cannot survive of the targets named in `typed`.
fn comparable(mut d: Declaration, typed: &[String], formulas: Formulas) -> Declaration {
    d.source = Default::default();
    d.funding.source = Default::default();
    for i in &mut d.indicators {
        i.source = Default::default();
        if typed.contains(&i.name) {
            match formulas {
                Formulas::Kept => {}
                Formulas::Rewritten => i.target.text.clear(),
                Formulas::Lost => i.target = jixiao::value::parse_target(""),
            }
        }
    }
    if let Some(e) = d.evaluation.as_mut() {
        e.source = Default::default();
        e.budget.source = Default::default();
        for row in [
            &mut e.budget_fiscal,
            &mut e.budget_carryover,
            &mut e.budget_other,
        ]
        .into_iter()
        .flatten()
        {
            row.source = Default::default();
        }
    }
    d
}

/// Checks that `office` reads as `format` to the model of `text`, indicator by indicator.
fn same_as_text(office: &str, format: InputFormat, text: &str, formulas: Formulas) -> TestResult {
    let (expected, _) = read_file(text)?;
    let (actual, detected) = read_file(office)?;
    assert_eq!(detected, format, "{office}");
    assert_eq!(
        actual.declarations.len(),
        expected.declarations.len(),
        "{office}: declarations"
    );
    for (a, e) in actual.declarations.iter().zip(&expected.declarations) {
        let typed: Vec<String> = e
            .indicators
            .iter()
            .filter(|i| i.target.text.starts_with('='))
            .map(|i| i.name.clone())
            .collect();
        let (a, e) = (
            comparable(a.clone(), &typed, formulas),
            comparable(e.clone(), &typed, formulas),
        );
        assert_eq!(a.project, e.project, "{office}: project");
        assert_eq!(
            a.funding, e.funding,
            "{office}: funding of {}",
            e.project.name
        );
        assert_eq!(a.goals, e.goals, "{office}: goals of {}", e.project.name);
        assert_eq!(
            a.indicators, e.indicators,
            "{office}: indicators of {}",
            e.project.name
        );
        assert_eq!(
            a.evaluation, e.evaluation,
            "{office}: evaluation of {}",
            e.project.name
        );
        assert_eq!(a, e, "{office}: {}", e.project.name);
    }
    Ok(())
}

const SEED: &str = "data/shanghai-eeb-enforcement-2024.txt";
const SELFEVAL: &str = "data/selfeval-putuo-sports-2022.txt";

#[test]
fn the_seed_as_xlsx_reads_as_its_text() -> TestResult {
    let file = "data/office/shanghai-eeb-enforcement-2024.xlsx";
    same_as_text(file, InputFormat::Xlsx, SEED, Formulas::Rewritten)?;
    let (doc, _) = read_file(file)?;
    assert_eq!(doc.declarations.len(), 5);
    let count: usize = doc.declarations.iter().map(|d| d.indicators.len()).sum();
    assert_eq!(count, 29);
    Ok(())
}

#[test]
fn the_self_evaluation_as_xlsx_reads_as_its_text() -> TestResult {
    let file = "data/office/selfeval-putuo-sports-2022.xlsx";
    same_as_text(file, InputFormat::Xlsx, SELFEVAL, Formulas::Rewritten)
}

#[test]
fn the_seed_as_xls_reads_as_its_text_but_for_targets_the_file_lost() -> TestResult {
    // LibreOffice saves `=100.00 (%)`, which is no formula it can parse, as an error
    // constant (`ptgErr`): the typed text is not in the .xls at all.
    let file = "data/office/shanghai-eeb-enforcement-2024.xls";
    same_as_text(file, InputFormat::Xls, SEED, Formulas::Lost)
}

#[test]
fn the_self_evaluation_as_xls_reads_as_its_text() -> TestResult {
    let file = "data/office/selfeval-putuo-sports-2022.xls";
    same_as_text(file, InputFormat::Xls, SELFEVAL, Formulas::Kept)
}

#[test]
fn the_seed_as_docx_reads_as_its_text() -> TestResult {
    let file = "data/office/shanghai-eeb-enforcement-2024.docx";
    same_as_text(file, InputFormat::Docx, SEED, Formulas::Kept)
}

#[test]
fn the_self_evaluation_as_docx_reads_as_its_text() -> TestResult {
    let file = "data/office/selfeval-putuo-sports-2022.docx";
    same_as_text(file, InputFormat::Docx, SELFEVAL, Formulas::Kept)
}

#[cfg(feature = "pdf")]
#[test]
fn the_seed_as_pdf_reads_as_its_text() -> TestResult {
    let file = "data/office/shanghai-eeb-enforcement-2024.pdf";
    same_as_text(file, InputFormat::Pdf, SEED, Formulas::Kept)
}

#[cfg(feature = "pdf")]
#[test]
fn the_self_evaluation_as_pdf_reads_as_its_text() -> TestResult {
    let file = "data/office/selfeval-putuo-sports-2022.pdf";
    same_as_text(file, InputFormat::Pdf, SELFEVAL, Formulas::Kept)
}

#[test]
fn the_self_evaluation_scores_98_62_from_every_office_copy() -> TestResult {
    for file in [
        "data/office/selfeval-putuo-sports-2022.xlsx",
        "data/office/selfeval-putuo-sports-2022.xls",
        "data/office/selfeval-putuo-sports-2022.docx",
        #[cfg(feature = "pdf")]
        "data/office/selfeval-putuo-sports-2022.pdf",
    ] {
        let (doc, _) = read_file(file)?;
        let decl = doc.declarations.first().ok_or("no declaration")?;
        let card = score_declaration(decl, &Profile::auto());
        assert_eq!(card.total, "98.62".parse::<Decimal>()?, "{file}");
        assert_eq!(card.grade.as_deref(), Some("优"), "{file}");
        let audit = audit_declaration(decl, &Profile::auto());
        let serious: Vec<_> = audit
            .findings
            .iter()
            .filter(|f| f.severity != jixiao::Severity::Info)
            .collect();
        assert!(serious.is_empty(), "{file}: {serious:?}");
    }
    Ok(())
}

/// The office formats LibreOffice saves a form text in, with their file extension (PDF
/// only with the `pdf` feature).
fn office_formats() -> Vec<(&'static str, InputFormat)> {
    let mut formats = vec![
        ("docx", InputFormat::Docx),
        ("xlsx", InputFormat::Xlsx),
        ("xls", InputFormat::Xls),
    ];
    if cfg!(feature = "pdf") {
        formats.push(("pdf", InputFormat::Pdf));
    }
    formats
}

/// The real self-evaluations of `tests/real/selfeval/` as LibreOffice saves them
/// (`tests/real/office/`, made by `../shared/tools/office-fixtures` from the form texts:
/// merged 一级/二级 and section-label cells, Hubei's point-group headers, `(≥**人)` and
/// `2018-2022` wrapped inside a PDF cell) read as their texts, every field.
#[test]
fn the_real_self_evaluations_read_as_their_texts_from_every_office_copy() -> TestResult {
    let cases = [
        "changjiang_jinbu_2020",
        "huanggang_shuitubaochi_2020",
        "qushangwu_fuwumaoyi_2020",
        "suixi_linshijiuzhu_2019_partial",
        "xiaoxian_hexicun_2023_partial",
    ];
    let formats = office_formats();
    for case in cases {
        let text = format!("real/selfeval/{case}.form.txt");
        for (extension, format) in &formats {
            let office = format!("real/office/{case}.{extension}");
            same_as_text(&office, *format, &text, Formulas::Kept)?;
        }
    }
    Ok(())
}

/// The template variants made by hand (`tests/data/variants/`, their expectations in
/// core/tests/form_variants.rs) as LibreOffice saves them: a county 自评表 (the stamp-aside
/// label above the form, `产出指标（50分）` cells, a budget row of dashes, the grade and
/// signature lines), a 中期 申报表 (a spaced year, a ticked box, period and year side by
/// side), and a 自评表 of 44 indicators in narrow columns over three PDF pages (one row split
/// by a page break, which joins; one full row after a page break, which does not), and a
/// system's 绩效目标表 (a one-line funding block, split target columns).
#[test]
fn the_template_variants_read_as_their_texts_from_every_office_copy() -> TestResult {
    let formats = office_formats();
    for case in [
        "county-selfeval-nutrition",
        "midterm-declaration-health",
        "long-selfeval-pagebreaks",
        "system-declaration-cityops",
        "central-selfeval-labs",
        "provincial-declaration-farmland",
        "city-selfeval-refuse",
        "municipal-declaration-eldercare",
        "provincial-selfeval-roads",
    ] {
        let text = format!("data/variants/{case}.txt");
        for (extension, format) in &formats {
            let office = format!("data/variants/office/{case}.{extension}");
            same_as_text(&office, *format, &text, Formulas::Kept)?;
        }
    }
    Ok(())
}
