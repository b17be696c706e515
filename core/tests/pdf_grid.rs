//! `.pdf` forms (`read::pdf`): the office copies LibreOffice made of the TAB form texts
//! read to the same declarations as the texts, and broken PDFs fail with a message naming
//! the file. Expected figures come from the source texts (`tests/data/*.txt`).
#![cfg(feature = "pdf")]

use std::error::Error;
use std::path::PathBuf;

use jixiao::read::grid::{read_grids, table_text, Grid, GridSource};
use jixiao::read::pdf::pdf_grids;
use jixiao::read::{read, ReadOptions};
use jixiao::score::{score_document, Profile};
use jixiao::Document;

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

const PDF: GridSource = GridSource {
    kind: "PDF",
    part: "page",
    part_zh: "页",
};

fn repo_file(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests")
        .join(relative)
}

fn grids(name: &str) -> Result<Vec<Grid>> {
    let bytes = std::fs::read(repo_file(&format!("data/office/{name}")))?;
    Ok(pdf_grids(&bytes, &ReadOptions::named(name))?)
}

fn read_pdf(name: &str) -> Result<Document> {
    let options = ReadOptions::named(name);
    let (document, _) = read_grids(grids(name)?, PDF, &options)?;
    Ok(document)
}

fn read_text(relative: &str) -> Result<Document> {
    let bytes = std::fs::read(repo_file(relative))?;
    Ok(read(&bytes, &ReadOptions::named(relative))?.document)
}

/// The PDF and its text copy read to the same declarations (sources aside: a `Source`
/// never takes part in equality).
fn same_as_text(pdf: &str, text: &str) -> Result<Document> {
    let from_pdf = read_pdf(pdf)?;
    let from_text = read_text(text)?;
    if from_pdf.declarations != from_text.declarations {
        let dump: Vec<String> = grids(pdf)?.iter().map(|g| table_text(&g.table)).collect();
        let a = serde_json::to_string_pretty(&from_pdf.declarations)?;
        let b = serde_json::to_string_pretty(&from_text.declarations)?;
        let first = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        return Err(format!(
            "{pdf} reads differently from {text}: first difference at JSON line {}:\n  pdf:  {:?}\n  text: {:?}\n--- grid text ---\n{}",
            first + 1,
            a.lines().skip(first).take(8).collect::<Vec<_>>(),
            b.lines().skip(first).take(8).collect::<Vec<_>>(),
            dump.join("\n====\n")
        )
        .into());
    }
    Ok(from_pdf)
}

#[test]
fn putuo_selfeval_pdf_scores_98_62() -> Result {
    let doc = same_as_text(
        "selfeval-putuo-sports-2022.pdf",
        "data/selfeval-putuo-sports-2022.txt",
    )?;
    assert_eq!(doc.declarations.len(), 1);
    let cards = score_document(&doc, &Profile::default());
    assert_eq!(cards.len(), 1);
    let card = cards.first().ok_or("a scorecard")?;
    assert_eq!(card.total.to_string(), "98.62");
    assert_eq!(card.grade.as_deref(), Some("优"));
    Ok(())
}

#[test]
fn shanghai_targets_pdf_reads_5_declarations_29_indicators() -> Result {
    let doc = same_as_text(
        "shanghai-eeb-enforcement-2024.pdf",
        "data/shanghai-eeb-enforcement-2024.txt",
    )?;
    assert_eq!(doc.declarations.len(), 5);
    let indicators: usize = doc.declarations.iter().map(|d| d.indicators.len()).sum();
    assert_eq!(indicators, 29);
    Ok(())
}

/// Our own fixture (`tests/data/office/selfeval-long-2023.txt`, made into a PDF by
/// LibreOffice): 33 indicators run over a page break, the 一级 cells carry their points
/// (`产出指标(50分)`, wrapped in the cell as `产出指标` / `(50分)`).
#[test]
fn long_selfeval_over_a_page_break() -> Result {
    let doc = same_as_text(
        "selfeval-long-2023.pdf",
        "data/office/selfeval-long-2023.txt",
    )?;
    let declaration = doc.declarations.first().ok_or("a declaration")?;
    assert_eq!(declaration.indicators.len(), 33);
    let last = declaration.indicators.last().ok_or("an indicator")?;
    assert_eq!(last.name, "观众满意度第2");
    assert_eq!(last.level1, Some(jixiao::taxonomy::Level1::Satisfaction));
    let cards = score_document(&doc, &Profile::default());
    let card = cards.first().ok_or("a scorecard")?;
    // Budget: 180000 of 200000 executed, 90% of 10 points = 9.00; every indicator met
    // (2×25 + 5×6 + 5×2 = 90); total 99.00.
    assert_eq!(
        card.budget.score.map(|s| s.to_string()).as_deref(),
        Some("9.00")
    );
    assert_eq!(card.total.to_string(), "99.00");
    assert_eq!(card.grade.as_deref(), Some("优"));
    Ok(())
}

/// Our own fixture (`tests/data/office/targets-split-2024.txt`): two 申报表 whose
/// 年度总体目标 paragraphs are longer than what is left of the page, so LibreOffice splits
/// that row over the page break; the two parts read as one cell.
#[test]
fn targets_with_a_row_split_by_the_page_break() -> Result {
    let doc = same_as_text(
        "targets-split-2024.pdf",
        "data/office/targets-split-2024.txt",
    )?;
    assert_eq!(doc.declarations.len(), 2);
    for declaration in &doc.declarations {
        assert_eq!(declaration.indicators.len(), 6);
    }
    let grid = grids("targets-split-2024.pdf")?;
    let text = table_text(&grid.first().ok_or("a grid")?.table);
    let goal_rows = text
        .lines()
        .filter(|l| l.contains("围绕全区公共文化服务体系建设目标"))
        .count();
    assert_eq!(goal_rows, 2, "one goal row per form:\n{text}");
    Ok(())
}

/// The error of reading `bytes` as the PDF `name`.
fn error_of(bytes: &[u8], name: &str) -> Result<jixiao::ReadError> {
    match pdf_grids(bytes, &ReadOptions::named(name)) {
        Ok(grids) => Err(format!("{name} read as {} grid(s)", grids.len()).into()),
        Err(e) => Ok(e),
    }
}

fn broken(name: &str) -> Result<Vec<u8>> {
    Ok(std::fs::read(repo_file(&format!("broken/pdf/{name}")))?)
}

#[test]
fn garbage_is_not_a_pdf() -> Result {
    let e = error_of(b"\x00\x01garbage, not a PDF at all", "garbage.pdf")?;
    assert_eq!(e.code(), "bad_workbook");
    let text = e.to_string();
    assert!(
        text.contains("garbage.pdf") && text.contains("not a PDF"),
        "{text}"
    );
    // A header and nothing after it.
    let e = error_of(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<",
        "header-only.pdf",
    )?;
    assert!(e.to_string().contains("header-only.pdf"), "{e}");
    Ok(())
}

#[test]
fn truncated_pdfs_fail_with_a_message() -> Result {
    let whole = std::fs::read(repo_file("data/office/selfeval-putuo-sports-2022.pdf"))?;
    for keep in [whole.len() / 10, whole.len() / 2, whole.len() - 200] {
        let cut = whole.get(..keep).ok_or("a prefix")?;
        match pdf_grids(cut, &ReadOptions::named("cut.pdf")) {
            // lopdf may rebuild a cut file from its objects: then it must read the form.
            Ok(grids) => {
                let (doc, _) = read_grids(grids, PDF, &ReadOptions::named("cut.pdf"))?;
                assert!(!doc.declarations.is_empty(), "{keep} bytes");
            }
            Err(e) => assert!(e.to_string().contains("cut.pdf"), "{keep} bytes: {e}"),
        }
    }
    Ok(())
}

#[test]
fn a_password_protected_pdf_asks_to_remove_the_password() -> Result {
    // qpdf --encrypt secret owner 256 of the Putuo PDF.
    let e = error_of(&broken("encrypted-password.pdf")?, "encrypted-password.pdf")?;
    assert_eq!(e.code(), "bad_workbook");
    let text = e.to_string();
    assert!(
        text.contains("encrypted-password.pdf") && text.contains("remove the password"),
        "{text}"
    );
    Ok(())
}

#[test]
fn an_owner_password_only_pdf_reads() -> Result {
    // qpdf --encrypt "" owner 256: anyone may open it (only editing is restricted).
    let bytes = broken("encrypted-owner-only.pdf")?;
    let options = ReadOptions::named("encrypted-owner-only.pdf");
    let (doc, _) = read_grids(pdf_grids(&bytes, &options)?, PDF, &options)?;
    let cards = score_document(&doc, &Profile::default());
    assert_eq!(
        cards.first().map(|c| c.total.to_string()).as_deref(),
        Some("98.62")
    );
    Ok(())
}

#[test]
fn a_scan_is_refused_as_needing_ocr() -> Result {
    // One page drawing one 64×64 image and no text.
    let e = error_of(&broken("scan-image-only.pdf")?, "scan.pdf")?;
    let text = e.to_string();
    assert!(
        text.contains("scan.pdf") && text.contains("no text layer") && text.contains("OCR"),
        "{text}"
    );
    Ok(())
}

#[test]
fn text_without_a_table_is_no_form() -> Result {
    // Two lines of Helvetica text, no ruling line.
    let e = error_of(&broken("text-no-table.pdf")?, "letter.pdf")?;
    assert_eq!(e.code(), "no_declaration");
    let text = e.to_string();
    assert!(
        text.contains("letter.pdf[page 1]") && text.contains("ruled table"),
        "{text}"
    );
    Ok(())
}

/// The fuzz seed `fuzz/seeds/read_pdf/small-table.pdf`, written by hand: a 2×3 ruled table
/// (a stroked frame, stroked lines, one border a thin filled rectangle that runs along
/// the bottom row only), Helvetica text, a `- 1 -` page number under the table.
#[test]
fn a_hand_made_table_with_a_merge() -> Result {
    let bytes = std::fs::read(repo_file("../fuzz/seeds/read_pdf/small-table.pdf"))?;
    let grids = pdf_grids(&bytes, &ReadOptions::named("small-table.pdf"))?;
    assert_eq!(grids.len(), 1);
    let grid = grids.first().ok_or("a grid")?;
    let rows: Vec<(u32, Vec<&str>)> = grid
        .table
        .rows
        .iter()
        .map(|r| (r.line, r.cells.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        rows,
        vec![(1, vec!["Title", "merged", ""]), (2, vec!["a", "b", "c"])]
    );
    assert_eq!(
        grid.merged,
        vec![jixiao::read::grid::Merge {
            top: 0,
            left: 1,
            bottom: 0,
            right: 2
        }]
    );
    Ok(())
}

/// A PDF of the given objects (numbered from 1, the first the catalog) with a correct
/// cross-reference table.
fn pdf_of(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

#[test]
fn too_many_pages_is_refused_before_reading_them() -> Result {
    // 5,001 empty pages (objects 3..).
    let pages = jixiao::limits::MAX_PDF_PAGES + 1;
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", i + 3)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        ),
    ];
    objects.extend(
        (0..pages).map(|_| "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_owned()),
    );
    let e = error_of(&pdf_of(&objects), "many-pages.pdf")?;
    assert_eq!(e.code(), "too_large");
    let text = e.to_string();
    assert!(
        text.contains("many-pages.pdf") && text.contains("5001"),
        "{text}"
    );
    Ok(())
}

#[test]
fn text_around_a_table_in_reading_order_and_a_blank_page() -> Result {
    // A title above a 2×2 table, a footer line under it, then an empty page.
    let content = "0.5 w 50 700 300 60 re S 50 730 m 350 730 l S 150 700 m 150 760 l S \
                   BT /F1 10 Tf 55 745 Td (Title) Tj 0 -30 Td (a) Tj 100 0 Td (b) Tj ET \
                   BT /F1 14 Tf 120 780 Td (Form 2024) Tj ET BT /F1 9 Tf 50 650 Td (Filled in by: X) Tj ET";
    let bytes = pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 800] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 800] >>".to_owned(),
    ]);
    let grids = pdf_grids(&bytes, &ReadOptions::named("two-pages.pdf"))?;
    let rows: Vec<Vec<String>> = grids
        .iter()
        .flat_map(|g| g.table.rows.iter().map(|r| r.cells.clone()))
        .collect();
    let cells = |row: &[&str]| row.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        rows,
        vec![
            cells(&["Form 2024"]),
            cells(&["Title", ""]),
            cells(&["a", "b"]),
            cells(&["Filled in by: X"]),
        ]
    );
    Ok(())
}

#[test]
fn a_page_tree_that_loops_is_refused() -> Result {
    // Page 3's parent is 4, whose parent is 3; neither has resources nor a media box.
    let bytes = pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 4 0 R >>".to_owned(),
        "<< /Type /Pages /Parent 3 0 R /Kids [3 0 R] /Count 1 >>".to_owned(),
    ]);
    let e = error_of(&bytes, "tree.pdf")?;
    assert!(e.to_string().contains("tree.pdf"), "{e}");
    Ok(())
}

#[test]
fn a_form_object_drawing_itself_is_refused() -> Result {
    // Form XObject 5 draws itself (through its own resources): an endless recursion.
    let content = "/X1 Do";
    let form = format!(
        "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 5 0 R >> >> /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    );
    let bytes = pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 800] /Resources << /XObject << /X1 5 0 R >> >> /Contents 4 0 R >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        form,
    ]);
    let e = error_of(&bytes, "loop.pdf")?;
    let text = e.to_string();
    assert!(
        text.contains("loop.pdf") && text.contains("draws itself"),
        "{text}"
    );
    Ok(())
}

#[test]
fn a_table_drawn_inside_a_form_object_reads() -> Result {
    // The page draws form XObject 5 (no resources of its own: it uses the page's font),
    // which draws the table and its text.
    let form_content = "0.5 w 50 700 300 60 re S 50 730 m 350 730 l S 150 700 m 150 760 l S \
                        BT /F1 10 Tf 55 745 Td (Title) Tj 0 -30 Td (a) Tj 100 0 Td (b) Tj ET";
    let page_content = "q /X1 Do Q";
    let bytes = pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 800] /Resources << /Font << /F1 6 0 R >> /XObject << /X1 5 0 R >> >> /Contents 4 0 R >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{page_content}\nendstream", page_content.len()),
        format!(
            "<< /Type /XObject /Subtype /Form /BBox [0 0 400 800] /Length {} >>\nstream\n{form_content}\nendstream",
            form_content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
    ]);
    let grids = pdf_grids(&bytes, &ReadOptions::named("form-object.pdf"))?;
    let rows: Vec<Vec<String>> = grids
        .iter()
        .flat_map(|g| g.table.rows.iter().map(|r| r.cells.clone()))
        .collect();
    assert_eq!(
        rows,
        vec![
            vec!["Title".to_owned(), String::new()],
            vec!["a".to_owned(), "b".to_owned()]
        ]
    );
    Ok(())
}

#[test]
fn centred_short_cells_at_a_page_break_are_two_rows() -> Result {
    // Page 1 ends with a row of two centred one-letter cells, page 2 starts with another:
    // nothing wraps, so no row was split.
    let page = |y: u32, a: &str, b: &str| {
        format!(
            "0.5 w 50 {y} 300 30 re S 200 {y} m 200 {} l S BT /F1 10 Tf 122 {} Td ({a}) Tj 150 0 Td ({b}) Tj ET",
            y + 30,
            y + 10
        )
    };
    let (first, second) = (page(40, "A", "B"), page(740, "C", "D"));
    let bytes = pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 800] /Resources << /Font << /F1 7 0 R >> >> /Contents 4 0 R >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{first}\nendstream", first.len()),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 800] /Resources << /Font << /F1 7 0 R >> >> /Contents 6 0 R >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{second}\nendstream", second.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
    ]);
    let grids = pdf_grids(&bytes, &ReadOptions::named("centred.pdf"))?;
    let rows: Vec<Vec<String>> = grids
        .iter()
        .flat_map(|g| g.table.rows.iter().map(|r| r.cells.clone()))
        .collect();
    let cells = |row: &[&str]| row.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    assert_eq!(rows, vec![cells(&["A", "B"]), cells(&["C", "D"])]);
    Ok(())
}

#[test]
fn a_page_content_named_as_its_own_xobject_is_refused() -> Result {
    // Found by the read_pdf fuzz target: the page's resources name its own content stream
    // (no /Subtype) as XObject Im1, and that content draws Im1.
    let bytes = std::fs::read(repo_file(
        "../fuzz/regressions/read_pdf/xobject-is-the-page-content.pdf",
    ))?;
    let e = error_of(&bytes, "self.pdf")?;
    assert!(e.to_string().contains("draws itself"), "{e}");
    Ok(())
}
