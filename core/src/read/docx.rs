//! `.docx` Word documents (WordprocessingML) as one grid: the 申报表 and 自评表 people
//! receive as Word files, read with the same form and list readers as their text copies.
//!
//! The main part (`word/document.xml`, or the part `_rels/.rels` names) is read in order
//! into one [`Grid`] for the whole body, rows numbered `1..n`, `sheet: None`, so the form
//! reader sees titles and tables in the order they are printed (several tables, several
//! forms in one file):
//!
//! - a paragraph outside tables is a one-cell row (the document title, `(2022年度)`, notes
//!   between tables); empty paragraphs are left out;
//! - each table row (`w:tr`) is a row; its cells sit in the table's grid columns
//!   (`w:tblGrid`): `w:gridBefore` skips columns, a cell spanning k columns
//!   (`w:gridSpan`, or the legacy `w:hMerge`) is a [`Merge`] with its text in its first
//!   column and the covered cells empty; `w:vMerge` (`restart` … continue) is a vertical
//!   [`Merge`] with the continued cells empty (Word ignores their content, so do we);
//!   trailing empty cells (`w:gridAfter`, empty cells at a row's end) are dropped, as
//!   the form text drops them;
//! - a cell's paragraphs and its line breaks (`w:br`, `w:cr`) are joined by `\n`
//!   ([`super::grid::table_text`] turns them into spaces), the cell trimmed;
//! - text is `w:t` (and `w:tab` as a TAB, `w:noBreakHyphen` as `-`, `w:sym` as its
//!   character, the Symbol font's ≥ ≤ ± × ÷ ≠ ° mapped to Unicode); text inserted with
//!   tracked changes (`w:ins`, `w:moveTo`) counts, deleted text (`w:del`, `w:moveFrom`,
//!   a row marked deleted) does not, nor do old properties kept by tracked changes
//!   (`w:tcPrChange`, …);
//! - a table nested inside a cell is flattened into that cell: each of its rows a line of
//!   the cell, its cells joined by a space (a form never nests its own structure in a
//!   cell; what people nest there is a small table of figures, read as the text it shows);
//! - drawings, text boxes and embedded objects (`w:drawing`, `w:pict`, `w:object`,
//!   `mc:Choice`) are skipped: a form's content is in its paragraphs and tables.
//!
//! Bounds ([`crate::limits`]): the zip container as a workbook's
//! ([`super::zip_container`]: entries, declared sizes, zip bombs refused unread), at most
//! [`MAX_DOCX_ROWS`] rows, [`MAX_DOCX_COLUMNS`] columns and [`MAX_SHEET_CELLS`] cells,
//! and each row's text (one line of the form text) at most [`MAX_LINE_BYTES`]. An
//! encrypted `.docx` (an OLE container), a zip without a main document part, and XML
//! that is not well-formed (naming the part and the byte offset) are errors. Nothing here
//! panics on any input: the XML parser does not, and every index is checked.
//!
//! [`MAX_DOCX_ROWS`]: crate::limits::MAX_DOCX_ROWS
//! [`MAX_DOCX_COLUMNS`]: crate::limits::MAX_DOCX_COLUMNS
//! [`MAX_SHEET_CELLS`]: crate::limits::MAX_SHEET_CELLS
//! [`MAX_LINE_BYTES`]: crate::limits::MAX_LINE_BYTES

mod body;

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::diagnostic::Finding;
use crate::error::{Location, ReadError};
use crate::model::Document;

use super::grid::{read_grids, Grid, GridSource};
use super::xls::OLE_SIGNATURE;
use super::zip_container::{self, Archive, WORD_DOCUMENT as CONTAINER};
use super::ReadOptions;

/// The main part when `_rels/.rels` does not name one.
const DEFAULT_PART: &str = "word/document.xml";

/// A Word document's grid is its body: for [`read_grids`] messages.
pub const WORD_DOCUMENT: GridSource = GridSource {
    kind: "Word document",
    part: "document",
    part_zh: "文档",
};

/// The body of a `.docx` Word document as one grid (see the module documentation):
/// paragraphs as one-cell rows, tables as rows of cells with their merged ranges, in
/// document order.
///
/// Errors name the file: an empty input, an OLE container (an encrypted `.docx` or a
/// legacy `.doc`), a corrupt zip, a zip without the main document part, XML that is not
/// well-formed (the part and byte offset), a body without any text, and the bounds of
/// [`crate::limits`].
///
/// ```no_run
/// use jixiao::read::{docx::{docx_grids, WORD_DOCUMENT}, grid::read_grids, ReadOptions};
/// let bytes = std::fs::read("form.docx")?;
/// let options = ReadOptions::named("form.docx");
/// let (document, _findings) = read_grids(docx_grids(&bytes, &options)?, WORD_DOCUMENT, &options)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn docx_grids(bytes: &[u8], options: &ReadOptions) -> Result<Vec<Grid>, ReadError> {
    let at = options.location();
    if bytes.is_empty() {
        return Err(ReadError::Empty { at });
    }
    if bytes.starts_with(&OLE_SIGNATURE) {
        return Err(ReadError::Workbook {
            at,
            message: "this is an OLE container: a password-protected (encrypted) Word document \
                      or a legacy .doc file; remove the password or save it as .docx"
                .to_owned(),
        });
    }
    if !bytes.starts_with(b"PK") {
        return Err(ReadError::Workbook {
            at,
            message: "not a .docx Word document (no zip signature)".to_owned(),
        });
    }
    let mut archive = zip_container::open(bytes, &at, CONTAINER)?;
    let part = main_part(&mut archive, &at);
    let Some(xml) = zip_container::read_entry(&mut archive, &part, &at, CONTAINER)? else {
        let what = if zip_container::has_entry(&archive, "xl/workbook.xml") {
            " (it is an .xlsx workbook)"
        } else {
            ""
        };
        return Err(ReadError::Workbook {
            at,
            message: format!(
                "not a .docx Word document: the zip has no main document part `{part}`{what}"
            ),
        });
    };
    let (text, offset) = xml_text(&xml, &part, &at)?;
    let grid = body::body_grid(&text, offset, &part, &at)?;
    if grid
        .table
        .rows
        .iter()
        .all(|r| r.cells.iter().all(|c| c.trim().is_empty()))
    {
        return Err(ReadError::Workbook {
            at,
            message:
                "the Word document holds no text: no paragraph or table cell of its body has any"
                    .to_owned(),
        });
    }
    Ok(vec![grid])
}

/// Reads a `.docx` Word document: its grid ([`docx_grids`]) through [`read_grids`], a
/// form or a list by its content.
pub fn read_word_document(
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    read_grids(docx_grids(bytes, options)?, WORD_DOCUMENT, options)
}

/// The main document part: the target of the `officeDocument` relationship in
/// `_rels/.rels`, or `word/document.xml` when there is none (or it cannot be read: the
/// part itself then says what is wrong).
fn main_part(archive: &mut Archive<'_>, at: &Location) -> String {
    let Ok(Some(rels)) = zip_container::read_entry(archive, "_rels/.rels", at, CONTAINER) else {
        return DEFAULT_PART.to_owned();
    };
    let Ok(text) = std::str::from_utf8(rels.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&rels)) else {
        return DEFAULT_PART.to_owned();
    };
    let mut reader = Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let (mut kind, mut target) = (None, None);
                for attribute in e.attributes().flatten() {
                    match attribute.key.local_name().as_ref() {
                        "Type" => kind = Some(attribute.value),
                        "Target" => target = Some(attribute.value),
                        _ => {}
                    }
                }
                if let (Some(kind), Some(target)) = (kind, target) {
                    if kind.ends_with("/officeDocument") && !target.contains("://") {
                        return target.trim_start_matches('/').to_owned();
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => return DEFAULT_PART.to_owned(),
            Ok(_) => {}
        }
    }
}

/// The text of an XML part: UTF-8 (a BOM skipped) or UTF-16 with its BOM, and the byte
/// offset of the text in the part (the BOM's length), for messages. Invalid text is an
/// error naming the part and the byte offset of the first bad byte.
fn xml_text(xml: &[u8], part: &str, at: &Location) -> Result<(String, usize), ReadError> {
    let bad = |offset: usize, encoding: &str| ReadError::Workbook {
        at: at.clone(),
        message: format!("the part `{part}` is not valid {encoding} (byte {offset})"),
    };
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(xml) {
        let rest = xml.get(bom..).unwrap_or_default();
        if encoding == encoding_rs::UTF_8 {
            return match simdutf8::compat::from_utf8(rest) {
                Ok(text) => Ok((text.to_owned(), bom)),
                Err(e) => Err(bad(bom + e.valid_up_to(), "UTF-8")),
            };
        }
        return match encoding.decode_without_bom_handling_and_without_replacement(rest) {
            Some(text) => Ok((text.into_owned(), bom)),
            None => Err(bad(bom, encoding.name())),
        };
    }
    match simdutf8::compat::from_utf8(xml) {
        Ok(text) => Ok((text.to_owned(), 0)),
        Err(e) => Err(bad(e.valid_up_to(), "UTF-8")),
    }
}

#[cfg(test)]
mod tests;
