//! Legacy `.xls` workbooks (BIFF8, Excel 97–2003, as older finance systems still export
//! them) through calamine, with the cell rules of [`super::xlsx`]: each sheet becomes a
//! [`Grid`] with its merged ranges, and goes to the list or the form reader by content.
//!
//! An `.xls` is an OLE compound file, as are an encrypted (password-protected) `.xlsx`
//! or `.docx` and a legacy Word `.doc`; which one it is is told by the names of its
//! streams (`Workbook`/`Book`, `EncryptedPackage`, `WordDocument`), so each gets its own
//! message.
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
use crate::limits::{MAX_SHEETS, MAX_SHEET_CELLS};
use crate::model::Document;

use super::grid::{guard_library, read_grids, Grid, Merge};
use super::xlsx::{is_literal_formula, sheet_table, LoadedSheet, WORKBOOK};
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
    let sheets = guard_library(&at, "the spreadsheet library", || load_sheets(bytes, &at))?;
    let mut findings = Vec::new();
    let grids = sheets
        .into_iter()
        .map(|(name, range, merged)| Grid {
            table: sheet_table(&name, &range, options, &mut findings),
            merged,
        })
        .collect();
    let (document, more) = read_grids(grids, WORKBOOK, options)?;
    findings.extend(more);
    Ok((document, findings))
}

/// Every sheet through calamine (the only code under the guard): its name, its cells
/// with literal formulas as their text, and its merged ranges.
fn load_sheets(bytes: &[u8], at: &Location) -> Result<Vec<LoadedSheet>, ReadError> {
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
    if names.len() > MAX_SHEETS {
        return Err(ReadError::TooLarge {
            at: at.clone(),
            what: format!("the number of sheets ({})", names.len()),
            limit: format!("{MAX_SHEETS} sheets"),
        });
    }
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
                if !is_literal_formula(formula) {
                    continue;
                }
                let cell = (
                    r0.saturating_add(u32::try_from(row).unwrap_or(u32::MAX)),
                    c0.saturating_add(u32::try_from(col).unwrap_or(u32::MAX)),
                );
                if range.get_value(cell).is_some() {
                    range.set_value(cell, Data::String(format!("={formula}")));
                }
            }
        }
        let merged = workbook
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default()
            .iter()
            .map(|d| Merge {
                top: d.start.0,
                left: d.start.1,
                bottom: d.end.0,
                right: d.end.1,
            })
            .collect();
        sheets.push((name, range, merged));
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

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
