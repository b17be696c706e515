//! Legacy `.xls` workbooks (BIFF8, Excel 97–2003, as older finance systems still export
//! them) through calamine, with the cell rules of [`super::xlsx`]: each sheet becomes a
//! [`Grid`] with its merged ranges, and goes to the list or the form reader by content.
//!
//! An `.xls` is an OLE compound file, as are an encrypted (password-protected) `.xlsx`
//! or `.docx` and a legacy Word `.doc`; which one it is is told by the names of its
//! streams (`Workbook`/`Book`, `EncryptedPackage`, `WordDocument`), so each gets its own
//! message.
//!
//! A target typed as a formula (`=100%`) reads as the formula typed, shared formulas
//! included ([`super::xls_formula`]).
//!
//! Bounds: the input is at most [`crate::limits::MAX_INPUT_BYTES`]; a sheet can hold no
//! more than 65 536 rows × 256 columns (the format's own grid), and a sheet whose used
//! range passes [`MAX_SHEET_CELLS`] is refused. Not read: number formats (calamine does
//! not expose them for `.xls`: a number shown as `100%` reads as `1`, with the same
//! value), charts, pictures.

use std::io::Cursor;

use calamine::{Data, Reader, Xls};

use crate::diagnostic::Finding;
use crate::error::{Location, ReadError};
use crate::limits::{MAX_SHEET_CELLS, MAX_XLS_CELLS};
use crate::model::Document;

use super::grid::guard_library;
use super::xlsx::{check_sheet_count, is_literal_formula, merges, read_sheets, LoadedSheet};
use super::ReadOptions;

/// The signature of an OLE compound file (`.xls`, `.doc`, an encrypted OOXML file).
pub const OLE_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What an OLE compound file holds, told by its stream names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OleKind {
    /// A legacy Excel workbook (a `Workbook` or `Book` stream).
    Workbook,
    /// A password-protected `.xlsx`/`.docx` (an `EncryptedPackage` stream).
    Encrypted,
    /// A legacy Word `.doc` (a `WordDocument` stream).
    WordDocument,
    /// Something else.
    Other,
}

/// Tells what an OLE compound file holds by the UTF-16 names in its directory.
pub fn ole_kind(bytes: &[u8]) -> OleKind {
    let has = |name: &str| {
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes.windows(utf16.len()).any(|w| w == utf16.as_slice())
    };
    if has("EncryptedPackage") || has("EncryptionInfo") {
        OleKind::Encrypted
    } else if has("WordDocument") {
        OleKind::WordDocument
    } else if has("Workbook") || has("Book") {
        OleKind::Workbook
    } else {
        OleKind::Other
    }
}

/// Reads every sheet of a legacy `.xls` workbook: list sheets with the list rules, form
/// sheets with the form rules (see [`super::grid::read_grids`]).
///
/// calamine panics on some malformed BIFF records; a panic inside its own calls is
/// caught ([`super::grid::guard_library`]) and reported as `bad_workbook`, so no host
/// process ever sees it.
pub fn read_xls(
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    let at = options.location();
    let refuse = |message: &str| ReadError::Workbook {
        at: at.clone(),
        message: message.to_owned(),
    };
    match ole_kind(bytes) {
        OleKind::Workbook => {}
        OleKind::Encrypted => {
            return Err(refuse(
                "this is a password-protected (encrypted) Office file; remove the password and save it again",
            ))
        }
        OleKind::WordDocument => {
            return Err(refuse(
                "this is a legacy Word .doc file; save it as .docx (Word: 另存为 → Word 文档)",
            ))
        }
        OleKind::Other => {
            return Err(refuse(
                "an OLE compound file (the container of .xls, .doc and password-protected Office \
                 files) with no workbook stream in it: if it is password-protected, remove the \
                 password; else save it as .xlsx",
            ))
        }
    }
    let stream = guard_library(&at, "the compound-file reader", || {
        check_container(bytes, &at)
    })?;
    let literals = super::xls_formula::literal_formulas(&stream);
    let sheets = guard_library(&at, "the spreadsheet library", || {
        load_sheets(bytes, &at, &literals)
    })?;
    read_sheets(sheets, options)
}

/// Checks the compound file and its workbook stream before calamine opens them: the
/// container's structure (sector chains that end, streams within the file: the `cfb`
/// crate's validation), and the cell records of every sheet, whose used ranges together
/// must stay within [`MAX_XLS_CELLS`] (calamine allocates each range whole when it opens
/// the file), and a shared-string table that declares no more strings than its stream
/// could hold. Returns the workbook stream.
fn check_container(bytes: &[u8], at: &Location) -> Result<Vec<u8>, ReadError> {
    let refuse = |message: String| ReadError::Workbook {
        at: at.clone(),
        message,
    };
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| refuse(format!("corrupt compound file (.xls container): {e}")))?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))
        .ok_or_else(|| {
            refuse("the compound file holds no Workbook stream: not an .xls".to_owned())
        })?;
    let len = file.entry(name).map(|e| e.len()).unwrap_or(0);
    if len > u64::try_from(bytes.len()).unwrap_or(u64::MAX) {
        return Err(refuse(format!(
            "the Workbook stream declares {len} bytes, more than the file holds"
        )));
    }
    let mut stream = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(
            file.open_stream(name)
                .map_err(|e| refuse(format!("cannot read the Workbook stream: {e}")))?,
            len,
        ),
        &mut stream,
    )
    .map_err(|e| refuse(format!("cannot read the Workbook stream: {e}")))?;
    let cells = biff_cells(&stream);
    if cells > MAX_XLS_CELLS {
        return Err(ReadError::TooLarge {
            at: at.clone(),
            what: format!("the used ranges of the .xls sheets ({cells} cells)"),
            limit: format!("{MAX_XLS_CELLS} cells in all"),
        });
    }
    Ok(stream)
}

/// The cells of the used ranges of every sheet of a BIFF8 workbook stream (each sheet's
/// rows × columns from its cell records), or `u64::MAX` when a shared-string table
/// declares more strings than the stream can hold.
fn biff_cells(stream: &[u8]) -> u64 {
    let word = |b: &[u8], i: usize| -> u64 {
        b.get(i..i + 2)
            .and_then(|w| <[u8; 2]>::try_from(w).ok())
            .map_or(0, |w| u64::from(u16::from_le_bytes(w)))
    };
    let mut total: u64 = 0;
    let mut extent: Option<(u64, u64, u64, u64)> = None;
    let close = |extent: &mut Option<(u64, u64, u64, u64)>, total: &mut u64| {
        if let Some((r0, r1, c0, c1)) = extent.take() {
            *total = total.saturating_add((r1 - r0 + 1).saturating_mul(c1 - c0 + 1));
        }
    };
    let mut at = 0usize;
    while let Some(header) = stream.get(at..at + 4) {
        let kind = word(header, 0);
        let len = usize::try_from(word(header, 2)).unwrap_or(0);
        let body = stream
            .get(at + 4..(at + 4 + len).min(stream.len()))
            .unwrap_or_default();
        match kind {
            // BOF: a sheet (or the globals) starts; EOF ends it.
            0x0809 | 0x000A => close(&mut extent, &mut total),
            // DIMENSIONS: calamine reserves rows × columns cells for it, as it reads it
            // (first row, last row + 1, first column, last column + 1); one that ends
            // before it starts would wrap around.
            0x0200 => {
                let long = |i: usize| -> u64 {
                    body.get(i..i + 4)
                        .and_then(|b| <[u8; 4]>::try_from(b).ok())
                        .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
                };
                let (r0, r1, c0, c1) = match len {
                    10 => (word(body, 0), word(body, 2), word(body, 4), word(body, 6)),
                    14 | 16 => (long(0), long(4), word(body, 8), word(body, 10)),
                    _ => (0, 0, 0, 0),
                };
                let c0 = if c0 > 0xFF || c1 < c0 { 0 } else { c0 };
                if r1 >= 1 && c1 >= 1 {
                    if r1 - 1 < r0 || c1 - 1 < c0 {
                        return u64::MAX;
                    }
                    total = total.saturating_add((r1 - r0).saturating_mul(c1 - c0));
                }
            }
            // SST: at least 3 bytes a string.
            0x00FC => {
                let unique = body
                    .get(4..8)
                    .and_then(|b| <[u8; 4]>::try_from(b).ok())
                    .map_or(0, |b| u64::from(u32::from_le_bytes(b)));
                if unique.saturating_mul(3) > u64::try_from(stream.len()).unwrap_or(u64::MAX) {
                    return u64::MAX;
                }
            }
            // Cell records: row, column first; MULRK and MULBLANK end with the last column.
            0x0006 | 0x00FD | 0x0203 | 0x027E | 0x0201 | 0x0204 | 0x0205 | 0x00D6 | 0x00BD
            | 0x00BE => {
                let row = word(body, 0);
                let first = word(body, 2);
                let last = if matches!(kind, 0x00BD | 0x00BE) && len >= 2 {
                    word(body, len - 2).max(first)
                } else {
                    first
                };
                let e = extent.get_or_insert((row, row, first, last));
                *e = (e.0.min(row), e.1.max(row), e.2.min(first), e.3.max(last));
            }
            _ => {}
        }
        at += 4 + len;
    }
    close(&mut extent, &mut total);
    total
}

/// The text typed in a formula cell, when it was a target rather than a computation: a
/// literal formula (`100%`) as `=100%`; a lone string (`"12个"`) whose value is an error
/// as `=12个` — what LibreOffice saves in BIFF for `=12个` typed, a formula it cannot parse
/// (`#NAME?`; in .xlsx it keeps the text `12个` itself). A string formula with a value
/// (`="12个"` typed) is its value.
fn typed_text(formula: &str, value: &Data) -> Option<String> {
    let inner = formula
        .strip_prefix('"')
        .and_then(|f| f.strip_suffix('"'))
        .filter(|inner| !inner.replace("\"\"", "").contains('"'));
    match inner {
        Some(inner) if matches!(value, Data::Error(_)) && !inner.is_empty() => {
            Some(format!("={}", inner.replace("\"\"", "\"")))
        }
        Some(_) => None,
        None => is_literal_formula(formula).then(|| format!("={formula}")),
    }
}

/// Every sheet through calamine (the only code under the guard): its name, its cells
/// with literal formulas as their text (calamine's, and the shared ones it leaves out,
/// from `literals`), and its merged ranges.
fn load_sheets(
    bytes: &[u8],
    at: &Location,
    literals: &[super::xls_formula::LiteralFormula],
) -> Result<Vec<LoadedSheet>, ReadError> {
    let refuse = |message: &str| ReadError::Workbook {
        at: at.clone(),
        message: message.to_owned(),
    };
    let mut workbook = Xls::new(Cursor::new(bytes)).map_err(|e| {
        let text = e.to_string();
        if text.to_ascii_lowercase().contains("password") || text.contains("ncrypt") {
            refuse("the .xls workbook is password-protected; remove the password and save it again")
        } else {
            refuse(&format!("corrupt or not an .xls workbook: {text}"))
        }
    })?;
    let names = workbook.sheet_names();
    check_sheet_count(&names, at)?;
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let here = at.clone().sheet(&name);
        let mut range = workbook
            .worksheet_range(&name)
            .map_err(|e| ReadError::Workbook {
                at: here.clone(),
                message: format!("cannot read the sheet: {e}"),
            })?;
        let (height, width) = range.get_size();
        let used = u64::try_from(height)
            .unwrap_or(u64::MAX)
            .saturating_mul(u64::try_from(width).unwrap_or(u64::MAX));
        if used > MAX_SHEET_CELLS {
            return Err(ReadError::TooLarge {
                at: here,
                what: format!("the sheet's used range ({height} rows × {width} columns)"),
                limit: format!("{MAX_SHEET_CELLS} cells"),
            });
        }
        // A literal formula (`=100%`, typed as a target) is the text written.
        if let Ok(formulas) = workbook.worksheet_formula(&name) {
            let (r0, c0) = formulas.start().unwrap_or((0, 0));
            for (row, col, formula) in formulas.used_cells() {
                let cell = (
                    r0.saturating_add(u32::try_from(row).unwrap_or(u32::MAX)),
                    c0.saturating_add(u32::try_from(col).unwrap_or(u32::MAX)),
                );
                if let Some(text) = range.get_value(cell).and_then(|v| typed_text(formula, v)) {
                    range.set_value(cell, Data::String(text));
                }
            }
        }
        for (_, row, col, formula) in literals.iter().filter(|l| l.0 == name) {
            let cell = (*row, *col);
            let typed =
                matches!(range.get_value(cell), Some(Data::String(s)) if s.starts_with('='));
            if !typed && is_literal_formula(formula) && range.get_value(cell).is_some() {
                range.set_value(cell, Data::String(format!("={formula}")));
            }
        }
        let merged = merges(
            &workbook
                .merge_cells_by_sheet_name(&name)
                .unwrap_or_default(),
        );
        sheets.push((name, range, merged));
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_formula_in_error_is_the_text_typed() {
        let error = Data::Error(calamine::CellErrorType::Name);
        let text = Data::String("12个".to_owned());
        assert_eq!(typed_text("\"12个\"", &error).as_deref(), Some("=12个"));
        assert_eq!(typed_text("\"12个\"", &text), None);
        assert_eq!(typed_text("\"a\"&\"b\"", &error), None);
        assert_eq!(
            typed_text("100%", &Data::Float(1.0)).as_deref(),
            Some("=100%")
        );
        assert_eq!(typed_text("A1+1", &Data::Float(1.0)), None);
    }

    #[test]
    fn ole_kinds_by_stream_names() {
        let name = |s: &str| -> Vec<u8> {
            let mut bytes = OLE_SIGNATURE.to_vec();
            bytes.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        };
        assert_eq!(ole_kind(&name("Workbook")), OleKind::Workbook);
        assert_eq!(ole_kind(&name("EncryptedPackage")), OleKind::Encrypted);
        assert_eq!(ole_kind(&name("WordDocument")), OleKind::WordDocument);
        assert_eq!(ole_kind(&name("Other")), OleKind::Other);
        let err = read_xls(&name("WordDocument"), &ReadOptions::named("a.doc")).err();
        assert!(
            err.is_some_and(|e| e.to_string().contains(".docx") && e.to_string().contains("a.doc"))
        );
    }
}
