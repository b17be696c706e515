//! `.docx` Word documents read through the grid stage (`docx_grids` → `read_grids`) give
//! the same declarations as their TAB text copies: the two real documents saved by
//! LibreOffice (`../shared/data/office/`), and hand-written forms made into Word files by
//! `office-fixtures` (tests/data/office/*.txt beside their .docx). Broken files are errors
//! naming the file.

use std::error::Error;
use std::io::Write;

use jixiao::model::Document;
use jixiao::read::docx::{docx_grids, WORD_DOCUMENT};
use jixiao::read::grid::read_grids;
use jixiao::read::{read, ReadOptions};
use jixiao::score::{score_totals, Profile};
use rust_decimal::Decimal;

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

fn data(path: &str) -> Result<Vec<u8>> {
    let path = format!("{}/../tests/data/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).map_err(|e| format!("{path}: {e}").into())
}

/// The document of a `.docx` under tests/data/.
fn from_docx(path: &str) -> Result<Document> {
    let options = ReadOptions::named(path);
    let grids = docx_grids(&data(path)?, &options)?;
    Ok(read_grids(grids, WORD_DOCUMENT, &options)?.0)
}

/// The document of a TAB text copy under tests/data/.
fn from_text(path: &str) -> Result<Document> {
    Ok(read(&data(path)?, &ReadOptions::named(path))?.document)
}

/// The declarations without their source lines (the model's JSON skips `source`).
fn declarations(document: &Document) -> Result<serde_json::Value> {
    Ok(serde_json::to_value(&document.declarations)?)
}

fn same_as_text(docx: &str, text: &str) -> Result<Document> {
    let word = from_docx(docx)?;
    let copy = from_text(text)?;
    assert_eq!(
        declarations(&word)?,
        declarations(&copy)?,
        "{docx} vs {text}"
    );
    Ok(word)
}

fn d(s: &str) -> Result<Decimal> {
    Ok(s.parse()?)
}

#[test]
fn shanghai_declarations_equal_the_text_copy() -> Result {
    let word = same_as_text(
        "office/shanghai-eeb-enforcement-2024.docx",
        "shanghai-eeb-enforcement-2024.txt",
    )?;
    // By hand from the text copy: 5 申报表, 29 三级 indicators in all.
    assert_eq!(word.declarations.len(), 5);
    assert_eq!(word.indicators().count(), 29);
    let first = word.declarations.first().ok_or("no declaration")?;
    assert_eq!(first.project.name, "环保热线运行");
    assert_eq!(first.indicators.len(), 9);
    assert_eq!(word.year, Some(2024));
    Ok(())
}

#[test]
fn putuo_self_evaluation_equals_the_text_copy_and_scores_98_62() -> Result {
    let word = same_as_text(
        "office/selfeval-putuo-sports-2022.docx",
        "selfeval-putuo-sports-2022.txt",
    )?;
    let declaration = word.declarations.first().ok_or("no declaration")?;
    assert_eq!(declaration.project.name, "普陀体育中心与委托运营方结算费用");
    assert_eq!(declaration.indicators.len(), 5);
    let totals = score_totals(declaration, &Profile::default());
    assert_eq!(totals.total, d("98.62")?);
    assert_eq!(totals.budget.score, Some(d("8.62")?));
    assert_eq!(totals.grade.as_deref(), Some("优"));
    Ok(())
}

/// The hand-written fixtures: each .docx reads as its .txt does.
#[test]
fn hand_written_fixtures_equal_their_text() -> Result {
    let dir = format!("{}/../tests/data/office", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".txt") else {
            continue;
        };
        // A fixture kept only as another office format (a PDF) is that reader's.
        if !std::path::Path::new(&dir)
            .join(format!("{stem}.docx"))
            .exists()
        {
            continue;
        }
        same_as_text(&format!("office/{stem}.docx"), &format!("office/{name}"))?;
        seen += 1;
    }
    assert!(seen >= 2, "{seen} hand-written fixtures in {dir}");
    Ok(())
}

/// The `(50分)` cell under 产出指标 is that level's points (by hand from the .txt).
#[test]
fn level_points_in_a_cell_of_their_own() -> Result {
    let word = from_docx("office/selfeval-culture-levelpoints-2023.docx")?;
    let declaration = word.declarations.first().ok_or("no declaration")?;
    assert_eq!(declaration.project.name, "公共文化服务配送");
    assert_eq!(declaration.level_points.get("产出指标"), Some(&d("50")?));
    assert_eq!(declaration.indicators.len(), 5);
    let evaluation = declaration.evaluation.as_ref().ok_or("no evaluation")?;
    assert_eq!(evaluation.total, Some(d("99.1")?));
    assert_eq!(evaluation.budget.executed, Some(d("114")?));
    Ok(())
}

/// Two 申报表 in one file with wrapped labels (`主管 部门`, `年度(/项目) 指标值`).
#[test]
fn two_declarations_with_wrapped_labels() -> Result {
    let word = from_docx("office/declaration-water-wrapped-2024.docx")?;
    let names: Vec<&str> = word
        .declarations
        .iter()
        .map(|d| d.project.name.as_str())
        .collect();
    assert_eq!(names, ["河道保洁养护", "泵站运行维护"]);
    let first = word.declarations.first().ok_or("no declaration")?;
    assert_eq!(first.project.department.as_deref(), Some("某市水务局"));
    assert_eq!(first.funding.annual_carryover, Some(d("60")?));
    assert_eq!(
        word.declarations
            .iter()
            .map(|d| d.indicators.len())
            .collect::<Vec<_>>(),
        [5, 4]
    );
    Ok(())
}

/// A zip of the given entries (stored, no compression).
fn zip_of(entries: &[(&str, &[u8])]) -> Result<Vec<u8>> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        out.start_file(*name, options)?;
        out.write_all(bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

/// A `word/document.xml` of paragraphs (`P:` lines) and tables (rows of `|` cells, a
/// cell's paragraphs split by `/`, `^` a vMerge continue cell, `<` a cell spanning the
/// one before it).
fn document_xml(lines: &[&str]) -> String {
    let mut body = String::new();
    let mut in_table = false;
    let paragraph = |text: &str| format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>");
    for (n, line) in lines.iter().enumerate() {
        // The cell under each grid column in the next row (columns as written here).
        let below: Vec<&str> = lines
            .get(n + 1)
            .map_or(Vec::new(), |l| l.split('|').collect());
        if let Some(text) = line.strip_prefix("P:") {
            if in_table {
                body.push_str("</w:tbl>");
                in_table = false;
            }
            body.push_str(&paragraph(text));
            continue;
        }
        if !in_table {
            body.push_str("<w:tbl>");
            in_table = true;
        }
        body.push_str("<w:tr>");
        let cells: Vec<&str> = line.split('|').collect();
        let mut i = 0;
        while let Some(cell) = cells.get(i) {
            let mut span = 1;
            while cells.get(i + span) == Some(&"<") {
                span += 1;
            }
            let mut properties = String::new();
            if span > 1 {
                properties.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
            }
            let text = if *cell == "^" {
                properties.push_str("<w:vMerge/>");
                String::new()
            } else {
                if below.get(i) == Some(&"^") {
                    properties.push_str("<w:vMerge w:val=\"restart\"/>");
                }
                cell.split('/').map(paragraph).collect()
            };
            body.push_str(&format!("<w:tc><w:tcPr>{properties}</w:tcPr>{text}</w:tc>"));
            i += span;
        }
        body.push_str("</w:tr>");
    }
    if in_table {
        body.push_str("</w:tbl>");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    )
}

/// Labels wrapped in their cells (paragraphs: `项目/名称`), levels merged down: the same
/// declaration as the text with the labels on one line.
#[test]
fn wrapped_labels_in_cells_read_as_their_text() -> Result {
    assert!(document_xml(&["a|b", "^|c"]).contains("<w:vMerge w:val=\"restart\"/>"));
    let xml = document_xml(&[
        "P:财政项目支出绩效目标申报表",
        "P:(2024年度)",
        "项目/名称|培训项目|<|<|<",
        "主管/部门|某局|实施/单位|某中心|<",
        "绩效/指标|一级/指标|二级/指标|三级/指标|年度(/项目)/指标值",
        "^|产出指标|数量指标|培训人数|≥17(人)",
        "^|^|质量指标|合格率|≥90%",
        "^|满意度指标|服务对象满意度指标|满意度|≥90%",
    ]);
    let bytes = zip_of(&[("word/document.xml", xml.as_bytes())])?;
    let options = ReadOptions::named("wrapped.docx");
    let grids = docx_grids(&bytes, &options)?;
    let merged: Vec<_> = grids.iter().flat_map(|g| g.merged.iter()).collect();
    // 培训项目 over four columns, 某中心 over two, 绩效指标 over four rows, 产出指标 over two.
    assert_eq!(merged.len(), 4, "{merged:?}");
    let word = read_grids(grids, WORD_DOCUMENT, &options)?.0;
    let text = "财政项目支出绩效目标申报表\n(2024年度)\n项目名称\t培训项目\n主管部门\t某局\t实施单位\t某中心\n\
        绩效指标\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值\n\
        \t产出指标\t数量指标\t培训人数\t≥17(人)\n\t\t质量指标\t合格率\t≥90%\n\
        \t满意度指标\t服务对象满意度指标\t满意度\t≥90%\n";
    let copy = read(text.as_bytes(), &ReadOptions::named("wrapped.txt"))?.document;
    assert_eq!(declarations(&word)?, declarations(&copy)?);
    let first = word.declarations.first().ok_or("no declaration")?;
    assert_eq!(first.project.name, "培训项目");
    assert_eq!(first.project.department.as_deref(), Some("某局"));
    assert_eq!(first.indicators.len(), 3);
    assert_eq!(
        first.indicators.get(1).map(|i| i.level1_label()),
        Some("产出指标")
    );
    Ok(())
}

/// A Word table in the list layout (a header row of list columns) is read as a list.
#[test]
fn a_list_table_reads_as_a_list() -> Result {
    let xml = document_xml(&[
        "P:某局2024年度项目绩效目标清单",
        "项目名称|一级指标|二级指标|三级指标|指标值",
        "甲项目|产出指标|数量指标|培训人数|≥17(人)",
        "甲项目|满意度指标|服务对象满意度指标|满意度|≥90%",
        "乙项目|产出指标|时效指标|完成时间|2024年12月底前",
    ]);
    let bytes = zip_of(&[("word/document.xml", xml.as_bytes())])?;
    let options = ReadOptions::named("list.docx");
    let word = read_grids(docx_grids(&bytes, &options)?, WORD_DOCUMENT, &options)?.0;
    let names: Vec<(&str, usize)> = word
        .declarations
        .iter()
        .map(|d| (d.project.name.as_str(), d.indicators.len()))
        .collect();
    assert_eq!(names, [("甲项目", 2), ("乙项目", 1)]);
    Ok(())
}

fn error_of(bytes: &[u8]) -> Result<jixiao::error::ReadError> {
    match docx_grids(bytes, &ReadOptions::named("form.docx")) {
        Ok(grids) => Err(format!("read as {} grids", grids.len()).into()),
        Err(e) => {
            assert!(e.to_string().starts_with("form.docx"), "{e}");
            Ok(e)
        }
    }
}

#[test]
fn garbage_is_an_error() -> Result {
    for bytes in [
        &b"hello, world"[..],
        b"PK\x03\x04\x00\x00broken",
        &[0u8; 64],
    ] {
        assert_eq!(error_of(bytes)?.code(), "bad_workbook");
    }
    assert_eq!(error_of(b"")?.code(), "empty_input");
    Ok(())
}

#[test]
fn a_zip_without_the_document_part_is_an_error() -> Result {
    let err = error_of(&zip_of(&[("xl/workbook.xml", b"<workbook/>")])?)?;
    assert_eq!(err.code(), "bad_workbook");
    let text = err.to_string();
    assert!(text.contains("word/document.xml"), "{text}");
    assert!(text.contains(".xlsx workbook"), "{text}");
    Ok(())
}

#[test]
fn broken_xml_names_the_part_and_the_byte() -> Result {
    let xml =
        b"<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>x</w:r></w:p></w:body></w:document>";
    let err = error_of(&zip_of(&[("word/document.xml", xml)])?)?;
    assert_eq!(err.code(), "bad_workbook");
    let text = err.to_string();
    assert!(text.contains("`word/document.xml`"), "{text}");
    // `</w:r>` closing the open `<w:t>` starts at byte 48 (24 + 8 + 5 + 5 + 5 + 1).
    assert!(text.contains("(byte 48)"), "{text}");
    let err = error_of(&zip_of(&[("word/document.xml", b"<w:document>\xFF")])?)?;
    assert!(
        err.to_string().contains("not valid UTF-8 (byte 12)"),
        "{err}"
    );
    // No element at all (UTF-16 text of one character) is not a document part.
    let err = error_of(&zip_of(&[("word/document.xml", b"\xFF\xFE\x00<")])?)?;
    assert!(err.to_string().contains("no XML element"), "{err}");
    Ok(())
}

#[test]
fn a_document_without_text_is_an_error() -> Result {
    let xml = document_xml(&["P: ", "|"]);
    let err = error_of(&zip_of(&[("word/document.xml", xml.as_bytes())])?)?;
    assert_eq!(err.code(), "bad_workbook");
    assert!(err.to_string().contains("no text"), "{err}");
    Ok(())
}

#[test]
fn encrypted_documents_are_refused() -> Result {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let err = error_of(&ole)?;
    assert_eq!(err.code(), "bad_workbook");
    assert!(err.to_string().contains("password"), "{err}");
    Ok(())
}

/// A zip whose `word/document.xml` declares 4 GiB uncompressed: refused from its
/// declared size, nothing inflated.
#[test]
fn a_zip_bomb_entry_is_refused_unread() -> Result {
    let mut bytes = zip_of(&[("word/document.xml", b"<w:document/>")])?;
    // The central directory entry's uncompressed size (offset 24 of its header).
    let cd = bytes
        .windows(4)
        .rposition(|w| w == b"PK\x01\x02")
        .ok_or("no central directory")?;
    let size = bytes
        .get_mut(cd + 24..cd + 28)
        .ok_or("short central directory")?;
    size.copy_from_slice(&u32::MAX.to_le_bytes());
    let err = error_of(&bytes)?;
    assert_eq!(err.code(), "too_large");
    assert!(err.to_string().contains("zip bomb"), "{err}");
    Ok(())
}
