//! `.xlsx` workbooks in the list layout (calamine). Every sheet with a recognizable list
//! header row is read with the list rules ([`super::list`]); other sheets are skipped
//! with an `sheet_skipped` finding (form-like sheets, such as the ones our own writer adds,
//! notes, pivot tables).
//!
//! Cells: text as is; numbers through their shortest round-trip decimal text
//! (`format!("{}", f64)` → `0.1`, `17`, `215457.6`), so a number typed into Excel reads as
//! the decimal it shows without its display format (`17.00` formatted reads as `17`; our
//! own writer stores every value as text, exactly); date cells as `YYYY-MM-DD`
//! (`YYYY-MM-DD HH:MM:SS` when they carry a time); booleans as `TRUE`/`FALSE`; error cells
//! (`#DIV/0!`) as their text, with a `cell_error` finding. Merged cells are filled with
//! their top-left value before reading, as people merge 项目名称 and 一级/二级 cells.

//!
//! Bounds ([`crate::limits`]), each checked before the work it bounds: the zip container's
//! entries and their declared uncompressed sizes before calamine opens it (the zip library
//! never inflates an entry past its declared size, so a zip bomb is refused unread), the
//! sheets, each cell's position and length while the sheet is streamed, and the used
//! range (rows × columns) before it is laid out in memory — calamine's own
//! `worksheet_range` allocates the whole used range, so one cell in `XFD1048576` would
//! ask for 17 billion cells.

use std::io::Cursor;

use calamine::{Cell, Data, DataRef, Range, Reader, Xlsx, XlsxError};

use crate::diagnostic::{Finding, Severity};
use crate::error::{Location, ReadError};
use crate::limits::{
    MAX_CELL_CHARS, MAX_SHEETS, MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS,
};
use crate::model::{Document, Source};

use super::grid::{guard_library, read_grids, Grid, GridSource, Merge};
use super::list::{column_letter, RawRow, RawTable};
use super::{zip_container, ReadOptions};

/// Reads every sheet of a workbook: list sheets with the list rules, form sheets with the
/// form rules (see [`super::grid::read_grids`]).
///
/// A password-protected workbook or a legacy `.xls` (an OLE container) goes to the `.xls`
/// reader, which tells them apart; a corrupt file, and a workbook where no sheet holds a
/// list or a form, are errors naming the file and the sheet.
///
/// calamine 0.38 panics on some malformed sheets (a cell reference of more than 6
/// letters overflows its column arithmetic: `attempt to multiply with overflow` in builds
/// with overflow checks). A panic inside calamine's own calls is caught
/// ([`super::grid::guard_library`]) and reported as `bad_workbook`, so no host process
/// ever sees it; jixiao's own code runs outside the guard, where the fuzzers see a panic.
pub fn read_workbook(
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    let at = options.location();
    if bytes.is_empty() {
        return Err(ReadError::Empty { at });
    }
    if bytes.starts_with(&super::xls::OLE_SIGNATURE) {
        return super::xls::read_xls(bytes, options);
    }
    if !bytes.starts_with(b"PK") {
        return Err(ReadError::Workbook {
            at,
            message: "not an .xlsx workbook (no zip signature)".to_owned(),
        });
    }
    check_zip(bytes, &at)?;
    let sheets = guard_library(
        &at,
        "the spreadsheet library (a broken cell reference?)",
        || load_sheets(bytes, &at),
    )?;
    read_sheets(sheets, options)
}

/// Reads the sheets loaded from a workbook (`.xlsx` or `.xls`) as grids: each sheet's cell
/// texts with its `cell_error` findings, then [`read_grids`].
pub(super) fn read_sheets(
    sheets: Vec<LoadedSheet>,
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
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

/// Refuses a workbook of more than [`MAX_SHEETS`] sheets.
pub(super) fn check_sheet_count(names: &[String], at: &Location) -> Result<(), ReadError> {
    if names.len() > MAX_SHEETS {
        return Err(ReadError::TooLarge {
            at: at.clone(),
            what: format!("the number of sheets ({})", names.len()),
            limit: format!("{MAX_SHEETS} sheets"),
        });
    }
    Ok(())
}

/// A sheet's merged ranges as calamine gives them, as grid merges.
pub(super) fn merges(dimensions: &[calamine::Dimensions]) -> Vec<Merge> {
    dimensions
        .iter()
        .map(|d| Merge {
            top: d.start.0,
            left: d.start.1,
            bottom: d.end.0,
            right: d.end.1,
        })
        .collect()
}

/// A sheet as calamine gives it: its name, its cells and its merged ranges.
pub(super) type LoadedSheet = (String, Range<Data>, Vec<Merge>);

/// Every sheet of the workbook through calamine (the only code under the guard).
fn load_sheets(bytes: &[u8], at: &Location) -> Result<Vec<LoadedSheet>, ReadError> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|e| ReadError::Workbook {
        at: at.clone(),
        message: format!("corrupt or not an .xlsx workbook: {e}"),
    })?;
    let names = workbook.sheet_names();
    check_sheet_count(&names, at)?;
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = sheet_range(&mut workbook, &name, &at.clone().sheet(&name))?;
        let merged = merges(
            &workbook
                .merge_cells_by_sheet_name(&name)
                .unwrap_or_default(),
        );
        sheets.push((name, range, merged));
    }
    Ok(sheets)
}

/// A workbook's grids are its sheets.
const WORKBOOK: GridSource = GridSource {
    kind: "workbook",
    part: "sheet",
    part_zh: "工作表",
};

/// Checks the zip container before calamine opens it: its entry count and declared
/// sizes ([`zip_container::open`]), then every sheet's cell references
/// ([`bad_reference`]).
fn check_zip(bytes: &[u8], at: &Location) -> Result<(), ReadError> {
    let mut archive = zip_container::open(bytes, at, zip_container::WORKBOOK)?;
    for i in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(i) else {
            continue;
        };
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        if !(name.starts_with("xl/worksheets/") && name.ends_with(".xml")) {
            continue;
        }
        // The size was checked above. A corrupt stream is read up to its first error:
        // calamine parses that much before it fails, so that much must be sound.
        let mut xml = Vec::new();
        let mut chunk = [0u8; 1 << 14];
        while let Ok(n) = std::io::Read::read(&mut entry, &mut chunk) {
            if n == 0 {
                break;
            }
            xml.extend_from_slice(chunk.get(..n).unwrap_or_default());
        }
        if let Some(reference) = bad_reference(&xml) {
            return Err(ReadError::Workbook {
                at: at.clone(),
                message: format!(
                    "the sheet `{name}` has a malformed cell reference `{reference}` (more than 3 letters or 7 digits, or a range ending before it starts)"
                ),
            });
        }
    }
    Ok(())
}

/// The first cell reference in a sheet's XML (the values of `r`, `ref` and `sqref`
/// attributes: `B7`, `A1:F22`, `A1 C3:D4`) with more than 3 letters or 7 digits: no
/// sheet has one (`XFD1048576` is the last cell), and calamine's reference arithmetic
/// overflows on long ones.
fn bad_reference(xml: &[u8]) -> Option<String> {
    let mut from = 0;
    while let Some(pos) = xml.get(from..).and_then(|rest| find(rest, b"=\"")) {
        let eq = from + pos;
        from = eq + 2;
        let name_start = xml[..eq]
            .iter()
            .rposition(|b| !(b.is_ascii_alphanumeric() || *b == b':'))
            .map_or(0, |p| p + 1);
        let name = &xml[name_start..eq];
        if !matches!(name, b"r" | b"ref" | b"sqref") {
            continue;
        }
        let value_end = xml[from..]
            .iter()
            .position(|&b| b == b'"')
            .map_or(xml.len(), |p| from + p);
        let value = &xml[from..value_end];
        let bad = || Some(String::from_utf8_lossy(value).chars().take(40).collect());
        for range in value.split(|&b| b == b' ') {
            let mut corners = Vec::new();
            for part in range.split(|&b| b == b':') {
                let part: Vec<u8> = part.iter().copied().filter(|&b| b != b'$').collect();
                let letters = part.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                let digits = part
                    .iter()
                    .skip(letters)
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if letters > 3 || digits > 7 {
                    return bad();
                }
                let column = part.iter().take(letters).fold(0u32, |c, b| {
                    c * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
                });
                let row = part
                    .iter()
                    .skip(letters)
                    .take(digits)
                    .fold(0u32, |r, b| r * 10 + u32::from(b - b'0'));
                corners.push((column, row));
            }
            // A `ref` range ends after it starts (calamine subtracts the corners of a
            // dimension or merged range: `B5:A1` underflows).
            if let (b"ref", [(c1, r1), (c2, r2)]) = (name, &corners[..]) {
                if c2 < c1 || r2 < r1 {
                    return bad();
                }
            }
        }
        from = value_end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Streams a sheet's cells (calamine's cell reader), checking each cell's position
/// ([`MAX_SHEET_ROWS`], [`MAX_SHEET_COLUMNS`]) and length ([`MAX_CELL_CHARS`]) and the
/// used range so far ([`MAX_SHEET_CELLS`]), then lays the range out. Empty cells are
/// skipped, as calamine's `worksheet_range` does; a chart sheet is an empty range.
fn sheet_range(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    at: &Location,
) -> Result<Range<Data>, ReadError> {
    let corrupt = |e: XlsxError| ReadError::Workbook {
        at: at.clone(),
        message: format!("cannot read the sheet: {e}"),
    };
    let mut reader = match workbook.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Range::empty()),
        Err(e) => return Err(corrupt(e)),
    };
    let mut cells: Vec<Cell<Data>> = Vec::new();
    let (mut top, mut bottom, mut left, mut right) = (u32::MAX, 0u32, u32::MAX, 0u32);
    while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(corrupt)? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let (row, col) = cell.get_position();
        let here = at
            .clone()
            .line(row.saturating_add(1))
            .column(col.saturating_add(1));
        check_cell_position(row, col, &here)?;
        let mut value: Data = cell.get_value().clone().into();
        if let Data::String(text) = &value {
            check_cell_length(text, &here)?;
        }
        let format = reader
            .styles()
            .get(style)
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.as_str());
        if let Some(percent) = percent_text(&value, format) {
            value = Data::String(percent);
        }
        top = top.min(row);
        bottom = bottom.max(row);
        left = left.min(col);
        right = right.max(col);
        let used = u64::from(bottom - top + 1) * u64::from(right - left + 1);
        if used > MAX_SHEET_CELLS {
            return Err(ReadError::TooLarge {
                at: here,
                what: format!(
                    "the sheet's used range ({} rows × {} columns)",
                    bottom - top + 1,
                    right - left + 1
                ),
                limit: format!("{MAX_SHEET_CELLS} cells"),
            });
        }
        cells.push(Cell::new((row, col), value));
    }
    // A second pass for the formulas: a literal one (`=100%`, `=100 (%)`, typed as a
    // target and taken by the spreadsheet for a formula) is the text written, not its
    // value; any other formula (`=SUM(G15:G19)`) reads as the value it shows.
    drop(reader);
    let mut literals: Vec<((u32, u32), String)> = Vec::new();
    let mut reader = workbook.worksheet_cells_reader(name).map_err(corrupt)?;
    while let Some(cell) = reader.next_formula().map_err(corrupt)? {
        let formula = cell.get_value();
        if is_literal_formula(formula) {
            let (row, col) = cell.get_position();
            literals.push(((row, col), format!("={formula}")));
        }
    }
    drop(reader);
    literals.sort();
    if !literals.is_empty() {
        for cell in &mut cells {
            if let Ok(i) = literals.binary_search_by(|(pos, _)| pos.cmp(&cell.get_position())) {
                if let Some((pos, text)) = literals.get(i) {
                    *cell = Cell::new(*pos, Data::String(text.clone()));
                }
            }
        }
    }
    Ok(Range::from_sparse(cells))
}

/// The cell texts of a sheet's range, with a `cell_error` finding per error cell.
fn sheet_table(
    sheet: &str,
    range: &calamine::Range<Data>,
    options: &ReadOptions,
    findings: &mut Vec<Finding>,
) -> RawTable {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<RawRow> = Vec::with_capacity(range.height());
    for (i, cells) in range.rows().enumerate() {
        let line = row0 + u32::try_from(i).unwrap_or(u32::MAX - row0) + 1;
        let mut texts = Vec::with_capacity(cells.len());
        for (j, cell) in cells.iter().enumerate() {
            if let Data::Error(e) = cell {
                let column = column_letter(col0 + u32::try_from(j).unwrap_or(0));
                findings.push(
                    Finding::new(
                        "cell_error",
                        Severity::Warning,
                        format!("工作表“{sheet}”第{line}行{column}列：单元格是错误值 {e}，按原文读取"),
                        format!("sheet “{sheet}”, row {line}, column {column}: the cell holds the error {e}; read as its text"),
                    )
                    .at(&Source {
                        file: options.file_name.clone(),
                        line,
                        sheet: Some(sheet.to_owned()),
                    }),
                );
            }
            texts.push(cell_text(cell));
        }
        rows.push(RawRow { line, cells: texts });
    }
    RawTable {
        rows,
        sheet: Some(sheet.to_owned()),
        first_column: col0,
    }
}

/// Refuses a cell outside the sheet grid ([`MAX_SHEET_ROWS`] × [`MAX_SHEET_COLUMNS`]).
fn check_cell_position(row: u32, col: u32, here: &Location) -> Result<(), ReadError> {
    if row >= MAX_SHEET_ROWS || col >= MAX_SHEET_COLUMNS {
        return Err(ReadError::TooLarge {
            at: here.clone(),
            what: format!(
                "the cell {}{} (outside the sheet grid)",
                column_letter(col),
                u64::from(row) + 1
            ),
            limit: format!("{MAX_SHEET_ROWS} rows × {MAX_SHEET_COLUMNS} columns"),
        });
    }
    Ok(())
}

/// Refuses a cell text longer than [`MAX_CELL_CHARS`].
fn check_cell_length(text: &str, here: &Location) -> Result<(), ReadError> {
    let chars = text.chars().count();
    if chars > MAX_CELL_CHARS {
        return Err(ReadError::TooLarge {
            at: here.clone(),
            what: format!("the cell ({chars} characters)"),
            limit: format!("{MAX_CELL_CHARS} characters per cell"),
        });
    }
    Ok(())
}

/// A number shown through a percent format (`0%`, `0.00%`) as the percentage it shows,
/// exactly: `1` is `100%`, `0.985` is `98.5%` (the shortest decimal of the float, times
/// 100 in decimal arithmetic, trailing zeros dropped). `None` for anything else.
fn percent_text(value: &Data, format: Option<&str>) -> Option<String> {
    let format = format?;
    // A `%` outside quotes and brackets is the percent format; `"%"` is a literal.
    let mut quoted = false;
    let mut percent = false;
    for c in format.chars() {
        match c {
            '"' => quoted = !quoted,
            '%' if !quoted => percent = true,
            _ => {}
        }
    }
    if !percent {
        return None;
    }
    let digits = match value {
        Data::Float(f) if f.is_finite() => float_text(*f),
        Data::Int(i) => i.to_string(),
        _ => return None,
    };
    let number: rust_decimal::Decimal = digits.parse().ok()?;
    let shown = number
        .checked_mul(rust_decimal::Decimal::ONE_HUNDRED)?
        .normalize();
    Some(format!("{shown}%"))
}

/// Whether a formula is a literal typed as a target (`100%`, `100 (%)`, `≥90`, `100(人)`):
/// no cell reference and no function, so no Latin letter at all.
pub(super) fn is_literal_formula(formula: &str) -> bool {
    let formula = formula.trim_start_matches('=');
    !formula.trim().is_empty() && !formula.chars().any(|c| c.is_ascii_alphabetic())
}

/// The text of a cell (see the module documentation).
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) => {
            if dt.is_datetime() {
                let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
                if (h, mi, s) == (0, 0, 0) {
                    format!("{y:04}-{mo:02}-{d:02}")
                } else {
                    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
                }
            } else {
                float_text(dt.as_f64())
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// The shortest decimal text that reads back as the same `f64` (`0.1`, `17`, `1e21` as
/// digits). Rust's `Display` for `f64` never uses an exponent.
fn float_text(f: f64) -> String {
    if f.is_finite() {
        format!("{f}")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_exact_text() {
        assert_eq!(cell_text(&Data::Float(0.1)), "0.1");
        assert_eq!(cell_text(&Data::Float(17.0)), "17");
        assert_eq!(cell_text(&Data::Float(215_457.6)), "215457.6");
        assert_eq!(cell_text(&Data::Int(44_561)), "44561");
        assert_eq!(cell_text(&Data::Empty), "");
    }

    #[test]
    fn percent_formats_show_the_percentage_exactly() {
        let shown = |v: Data, f: &str| percent_text(&v, Some(f));
        assert_eq!(shown(Data::Float(1.0), "0.00%").as_deref(), Some("100%"));
        assert_eq!(shown(Data::Float(0.985), "0%").as_deref(), Some("98.5%"));
        assert_eq!(shown(Data::Float(0.1), "0.0%").as_deref(), Some("10%"));
        assert_eq!(shown(Data::Int(2), "0%").as_deref(), Some("200%"));
        // A quoted `%` is a literal, not the percent format; text is never touched.
        assert_eq!(shown(Data::Float(1.0), "0\"%\""), None);
        assert_eq!(shown(Data::Float(1.0), "General"), None);
        assert_eq!(shown(Data::String("1".into()), "0%"), None);
        assert_eq!(percent_text(&Data::Float(1.0), None), None);
    }

    #[test]
    fn literal_formulas_are_targets_typed() {
        for literal in ["100%", "100 (%)", "=100(%)", "≥90", "100(人)"] {
            assert!(is_literal_formula(literal), "{literal}");
        }
        for formula in ["SUM(G15:G19)", "A1*2", "", "  ", "IF(1,2,3)"] {
            assert!(!is_literal_formula(formula), "{formula}");
        }
    }

    #[test]
    fn malformed_references() {
        assert_eq!(
            bad_reference(
                br#"<row r="1" spans="1:6"><c r="XFD1048576"/></row><mergeCell ref="$A$1:B2"/>"#
            ),
            None
        );
        assert_eq!(
            bad_reference(br#"<row r="1"><c r="AspansDs0n1:6"/></row>"#).as_deref(),
            Some("AspansDs0n1:6")
        );
        assert!(bad_reference(br#"<dimension ref="A1:B12345678"/>"#).is_some());
        assert!(bad_reference(br#"<selection sqref="A1 ABCD2"/>"#).is_some());
        assert!(bad_reference(br#"<dimension ref="B5:A1"/>"#).is_some());
        assert!(bad_reference(br#"<dimension ref="A5:B1"/>"#).is_some());
        assert_eq!(
            bad_reference(br#"<dimension ref="$A$1:$XFD$1048576"/>"#),
            None
        );
        // Other attributes are not references.
        assert_eq!(
            bad_reference(br#"<c s="ABCDEFG1" t="s" r:id="LONGNAME123456789"/>"#),
            None
        );
    }

    #[test]
    fn signatures() {
        let options = ReadOptions::named("x.xlsx");
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        let err = read_workbook(&ole, &options).unwrap_err();
        assert_eq!(err.code(), "bad_workbook");
        assert!(err.to_string().contains("password"), "{err}");
        let err = read_workbook(b"PK\x03\x04garbage", &options).unwrap_err();
        assert_eq!(err.code(), "bad_workbook");
        assert!(err.to_string().contains("x.xlsx"), "{err}");
    }
}
