//! The WordprocessingML package of the `.docx` writer: the blocks of the layout as
//! `word/document.xml`, with the styles, relationships and content types a Word file
//! needs, zipped (deflate). Plain XML strings, every text escaped.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::error::WriteError;

use super::Block;

/// A4 in twentieths of a point: 210 mm × 297 mm.
const A4_SHORT: u32 = 11_906;
const A4_LONG: u32 = 16_838;
/// Page margins: 2 cm.
const MARGIN: u32 = 1_134;
/// A table wider than this many columns is printed on a landscape page.
const PORTRAIT_COLUMNS: usize = 6;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// 宋体 10 pt for text, Times New Roman for Latin letters and digits, no spacing after
/// paragraphs.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#;

/// The `.docx` file of the blocks.
pub(super) fn package(blocks: &[Block]) -> Result<Vec<u8>, WriteError> {
    let failed = |e: &dyn std::fmt::Display| WriteError::Failed {
        format: "docx".to_owned(),
        message: e.to_string(),
    };
    let document = document_xml(blocks);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let parts: [(&str, &str); 5] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/document.xml", &document),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).map_err(|e| failed(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| failed(&e))?;
    }
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}

/// `word/document.xml`: the blocks in order, then the page (A4, landscape when a table
/// is wide).
fn document_xml(blocks: &[Block]) -> String {
    let landscape = blocks.iter().any(|b| match b {
        Block::Table { rows, .. } => rows.first().map_or(0, Vec::len) > PORTRAIT_COLUMNS,
        Block::Paragraph { .. } => false,
    });
    let (page_width, page_height) = if landscape {
        (A4_LONG, A4_SHORT)
    } else {
        (A4_SHORT, A4_LONG)
    };
    let text_width = page_width - 2 * MARGIN;
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    for block in blocks {
        match block {
            Block::Paragraph {
                text,
                size,
                bold,
                page_break,
            } => {
                out.push_str("<w:p><w:pPr>");
                if *page_break {
                    out.push_str("<w:pageBreakBefore/>");
                }
                out.push_str(r#"<w:spacing w:after="120"/><w:jc w:val="center"/></w:pPr>"#);
                let mut properties = String::new();
                if *bold {
                    properties.push_str("<w:b/>");
                }
                let _ = write!(
                    properties,
                    r#"<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#
                );
                run(&mut out, text, &properties);
                out.push_str("</w:p>");
            }
            Block::Table { rows, merged } => table(&mut out, rows, merged, text_width),
        }
    }
    let orient = if landscape {
        r#" w:orient="landscape""#
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<w:sectPr><w:pgSz w:w="{page_width}" w:h="{page_height}"{orient}/><w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    out
}

/// How a grid position is written.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// The first cell of a merged range: spans `span` columns, `vertical` when it goes
    /// on below.
    Start { span: usize, vertical: bool },
    /// A row below the first of a vertical merge: a `w:vMerge` continue cell.
    Continue { span: usize },
}

/// The column widths: the section label and level columns narrow, the 三级 column wide,
/// all together the page's text width.
fn column_widths(columns: usize, text_width: u32) -> Vec<u32> {
    let weight = |c: usize| match c {
        0 => 10,
        3 => 22,
        _ => 13,
    };
    let total: u32 = (0..columns).map(weight).sum::<u32>().max(1);
    (0..columns)
        .map(|c| text_width * weight(c) / total)
        .collect()
}

fn table(
    out: &mut String,
    rows: &[Vec<String>],
    merged: &[crate::read::grid::Merge],
    text_width: u32,
) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let widths = column_widths(columns, text_width);
    let total: u32 = widths.iter().sum();
    let mut places: HashMap<(usize, usize), Place> = HashMap::new();
    for m in merged {
        let (top, left, bottom, right) = (
            m.top as usize,
            m.left as usize,
            m.bottom as usize,
            m.right as usize,
        );
        let span = right.saturating_sub(left) + 1;
        places.insert(
            (top, left),
            Place::Start {
                span,
                vertical: bottom > top,
            },
        );
        for r in top + 1..=bottom {
            places.insert((r, left), Place::Continue { span });
        }
    }
    let _ = write!(
        out,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>"#
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            out,
            r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
        );
    }
    out.push_str(r#"</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#);
    for w in &widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str("</w:tblGrid>");
    for (r, row) in rows.iter().enumerate() {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        let mut c = 0;
        while c < columns {
            let (span, merge, text) = match places.get(&(r, c)) {
                Some(Place::Start { span, vertical }) => (
                    *span,
                    vertical.then_some(r#"<w:vMerge w:val="restart"/>"#),
                    row.get(c).map_or("", String::as_str),
                ),
                Some(Place::Continue { span }) => (*span, Some("<w:vMerge/>"), ""),
                None => (1, None, row.get(c).map_or("", String::as_str)),
            };
            let span = span.clamp(1, columns - c);
            let width: u32 = widths.iter().skip(c).take(span).sum();
            let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
            if span > 1 {
                let _ = write!(out, r#"<w:gridSpan w:val="{span}"/>"#);
            }
            out.push_str(merge.unwrap_or_default());
            out.push_str(r#"<w:vAlign w:val="center"/></w:tcPr><w:p>"#);
            run(out, text, "");
            out.push_str("</w:p></w:tc>");
            c += span;
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

/// A run of text (`properties`: the inside of its `w:rPr`): TABs as `w:tab`, line
/// breaks as `w:br`, the rest escaped; nothing for an empty text.
fn run(out: &mut String, text: &str, properties: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    if !properties.is_empty() {
        let _ = write!(out, "<w:rPr>{properties}</w:rPr>");
    }
    let mut first = true;
    for line in text.split('\n') {
        if !first {
            out.push_str("<w:br/>");
        }
        first = false;
        for (i, piece) in line.split('\t').enumerate() {
            if i > 0 {
                out.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                out.push_str(r#"<w:t xml:space="preserve">"#);
                escape(out, piece);
                out.push_str("</w:t>");
            }
        }
    }
    out.push_str("</w:r>");
}

/// Text escaped for XML, the characters XML 1.0 cannot hold left out.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => {}
            c if (c < ' ' && c != '\t' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}
