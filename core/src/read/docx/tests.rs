use super::body::body_grid;
use super::*;
use crate::read::grid::Merge;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn grid(body: &str) -> Result<Grid, ReadError> {
    let xml =
        format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#);
    body_grid(
        &xml,
        0,
        "word/document.xml",
        &Location::file(Some("t.docx")),
    )
}

fn rows(grid: &Grid) -> Vec<Vec<&str>> {
    grid.table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(String::as_str).collect())
        .collect()
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

#[test]
fn paragraphs_and_spans() -> Result<(), ReadError> {
    let body = format!(
        "{}<w:p/>{}<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
         <w:tr><w:tc>{}</w:tc><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>{}</w:tc></w:tr>\
         <w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc>{}{}</w:tc></w:tr></w:tbl>{}",
        p("标题"),
        p("(2022年度)"),
        p("项目名称"),
        p("示例"),
        p("一"),
        p("二"),
        p("注")
    );
    let g = grid(&body)?;
    assert_eq!(
        rows(&g),
        vec![
            vec!["标题"],
            vec!["(2022年度)"],
            vec!["项目名称", "示例"],
            vec!["", "一\n二"],
            vec!["注"],
        ]
    );
    assert_eq!(
        g.table.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert_eq!(
        g.merged,
        vec![Merge {
            top: 2,
            left: 1,
            bottom: 2,
            right: 2
        }]
    );
    Ok(())
}

#[test]
fn vertical_merges() -> Result<(), ReadError> {
    let restart = "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>";
    let cont = "<w:tcPr><w:vMerge/></w:tcPr>";
    let body = format!(
        "<w:tbl><w:tr><w:tc>{restart}{}</w:tc><w:tc>{}</w:tc></w:tr>\
         <w:tr><w:tc>{cont}{}</w:tc><w:tc>{}</w:tc></w:tr>\
         <w:tr><w:tc>{cont}</w:tc><w:tc>{}</w:tc></w:tr>\
         <w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        p("产出指标"),
        p("a"),
        p("ignored"),
        p("b"),
        p("c"),
        p("效益指标"),
        p("d")
    );
    let g = grid(&body)?;
    assert_eq!(
        rows(&g),
        vec![
            vec!["产出指标", "a"],
            vec!["", "b"],
            vec!["", "c"],
            vec!["效益指标", "d"],
        ]
    );
    assert_eq!(
        g.merged,
        vec![Merge {
            top: 0,
            left: 0,
            bottom: 2,
            right: 0
        }]
    );
    Ok(())
}

#[test]
fn text_runs_changes_and_symbols() -> Result<(), ReadError> {
    let body = "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>\
        <w:r><w:t>a&amp;b</w:t><w:tab/><w:t xml:space=\"preserve\">c </w:t></w:r>\
        <w:ins><w:r><w:t>新</w:t></w:r></w:ins><w:del><w:r><w:delText>旧</w:delText></w:r></w:del>\
        <w:r><w:sym w:font=\"Symbol\" w:char=\"F0B3\"/><w:t>17</w:t><w:noBreakHyphen/><w:t>&#x4E00;</w:t></w:r>\
        <w:r><w:drawing><w:t>图</w:t></w:drawing></w:r></w:p>";
    let g = grid(body)?;
    assert_eq!(rows(&g), vec![vec!["a&b\tc 新≥17-一"]]);
    Ok(())
}

#[test]
fn nested_tables_are_flattened() -> Result<(), ReadError> {
    let body = format!(
        "<w:tbl><w:tr><w:tc>{}<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>\
         <w:tr><w:tc>{}</w:tc></w:tr></w:tbl></w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        p("外"),
        p("x"),
        p("y"),
        p("z"),
        p("右")
    );
    assert_eq!(rows(&grid(&body)?), vec![vec!["外\nx y\nz", "右"]]);
    Ok(())
}

#[test]
fn deleted_rows_and_tracked_properties() -> Result<(), ReadError> {
    let body = format!(
        "<w:tbl><w:tr><w:trPr><w:del w:id=\"1\"/></w:trPr><w:tc>{}</w:tc></w:tr>\
         <w:tr><w:tc><w:tcPr><w:tcPrChange><w:tcPr><w:gridSpan w:val=\"5\"/></w:tcPr></w:tcPrChange></w:tcPr>{}</w:tc></w:tr></w:tbl>",
        p("删"),
        p("留")
    );
    let g = grid(&body)?;
    assert_eq!(rows(&g), vec![vec!["留"]]);
    assert!(g.merged.is_empty());
    Ok(())
}

#[test]
fn broken_xml_names_part_and_offset() {
    for body in [
        "<w:p><w:r></w:p>",
        "<w:p>",
        "<w:p><w:r><w:t>&nope;</w:t></w:r></w:p>",
    ] {
        let err = grid(body).err();
        let text = err.as_ref().map(ToString::to_string).unwrap_or_default();
        assert_eq!(err.map(|e| e.code()), Some("bad_workbook"), "{body}");
        assert!(
            text.contains("word/document.xml") && text.contains("byte "),
            "{text}"
        );
    }
}

#[test]
fn huge_spans_are_refused() {
    let body = "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"4000000000\"/></w:tcPr></w:tc></w:tr></w:tbl>";
    assert_eq!(grid(body).err().map(|e| e.code()), Some("too_large"));
}

#[test]
fn too_many_cells_or_rows_are_refused() {
    // 1,024 columns of 20,000 rows: more than the document's cells.
    let row = format!(
        "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"1023\"/></w:tcPr></w:tc><w:tc>{}</w:tc></w:tr>",
        p("x")
    );
    let body = format!("<w:tbl>{}</w:tbl>", row.repeat(20_000));
    let err = grid(&body).err();
    assert_eq!(err.as_ref().map(|e| e.code()), Some("too_large"));
    assert!(err.is_some_and(|e| e.to_string().contains("cells")));
}

#[test]
fn too_many_rows_are_refused() {
    let rows = crate::limits::MAX_DOCX_ROWS as usize;
    let at_limit = format!("<w:tbl>{}</w:tbl>", "<w:tr/>".repeat(rows));
    assert_eq!(grid(&at_limit).map(|g| g.table.rows.len()).ok(), Some(rows));
    let over = format!("<w:tbl>{}</w:tbl>", "<w:tr/>".repeat(rows + 1));
    let err = grid(&over).err();
    assert_eq!(err.as_ref().map(|e| e.code()), Some("too_large"));
    assert!(err.is_some_and(|e| e.to_string().contains("rows")));
}

#[test]
fn signatures() {
    let options = ReadOptions::named("x.docx");
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    let err = docx_grids(&ole, &options).err();
    assert!(err
        .map(|e| e.to_string())
        .is_some_and(|e| e.contains("password") && e.starts_with("x.docx")));
    assert_eq!(
        docx_grids(b"", &options).err().map(|e| e.code()),
        Some("empty_input")
    );
    assert_eq!(
        docx_grids(b"PK\x03\x04garbage", &options)
            .err()
            .map(|e| e.code()),
        Some("bad_workbook")
    );
}
