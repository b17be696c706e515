//! Documents as grids of cells: the stage every office source ends in (the sheets of an
//! `.xlsx`/`.xls` workbook, the tables of a `.docx`, the ruled tables of a `.pdf`), and
//! that feeds the same list and form readers text input uses.
//!
//! A source hands over [`Grid`]s: each a [`RawTable`] of cell texts by row and column,
//! with the merged ranges it knows. A merged range keeps its text in its top-left cell and
//! leaves the cells it covers empty, exactly as a form copied out as TAB text looks; the
//! list reader gets the ranges filled (a merged 项目名称 names every row it covers), the
//! form reader gets them as they are (its carrying down is what a merge means).
//!
//! Which reader a grid goes to is told by its content, not its position: a grid with a
//! complete list header row is a list; one that looks like a form (a 申报表/自评表 title,
//! or a 项目名称 row and an indicator header) is a form. When a workbook holds both, the
//! form sheets are the same projects printed again, and are skipped with a finding.

use crate::diagnostic::{Finding, Severity};
use crate::error::{Location, ReadError};
use crate::limits::MAX_SHEET_CELLS;
use crate::model::{Document, Source};

use super::list::{read_raw_table, RawTable};
use super::ReadOptions;

/// Runs a document library's own calls (calamine, the zip and PDF parsers) under a panic
/// guard: a panic inside the library on a malformed file becomes a `bad_workbook` error
/// naming the file and `library`, so no host process ever sees it. Only the library's
/// calls go under it, never jixiao's own rules, so that the fuzzers still find a panic in
/// jixiao's code.
pub fn guard_library<T>(
    at: &Location,
    library: &str,
    calls: impl FnOnce() -> Result<T, ReadError>,
) -> Result<T, ReadError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(calls)).unwrap_or_else(|_| {
        Err(ReadError::Workbook {
            at: at.clone(),
            message: format!("the file is malformed ({library} failed on it)"),
        })
    })
}

/// One sheet, table or page of a document as cells.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    /// The cells: `rows[i].line` is the 1-based row of the sheet (or of the document's
    /// grid), `cells[j]` the column `first_column + j`. `sheet` names the sheet (or
    /// `表格 2`, `第 3 页`) in messages; `None` for a document that is one grid.
    pub table: RawTable,
    /// The merged ranges, in the same coordinates as the rows and columns.
    pub merged: Vec<Merge>,
}

/// A merged range of cells: 0-based rows (`line - 1`) and columns, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Merge {
    /// The first row (0-based: the row of `line` 1 is 0).
    pub top: u32,
    /// The first column (0-based).
    pub left: u32,
    /// The last row, included.
    pub bottom: u32,
    /// The last column, included.
    pub right: u32,
}

/// What a document's grids are: the sources' name for messages (`workbook`, `document`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridSource {
    /// The kind of file, for messages: `workbook`, `Word document`, `PDF`.
    pub kind: &'static str,
    /// What one grid is called in messages: `sheet`, `table`, `page`.
    pub part: &'static str,
    /// The same in Chinese: `工作表`, `表格`, `页`.
    pub part_zh: &'static str,
}

/// Reads the grids of one document: each list grid with the list rules, each form grid
/// with the form rules (only when no grid was a list), in order.
///
/// A document where no grid yields a declaration is an error: the most telling one (a
/// list header missing a column says more than "no header at all"), or "no data" when
/// every grid is empty.
pub fn read_grids(
    grids: Vec<Grid>,
    source: GridSource,
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    let at = options.location();
    let mut document = Document::default();
    let mut findings = Vec::new();
    let mut first_error: Option<ReadError> = None;
    let mut all_empty = true;
    let mut forms: Vec<(Option<String>, String)> = Vec::new();
    let names: Vec<String> = grids.iter().map(|g| part_name(g, source)).collect();
    for mut grid in grids {
        if grid
            .table
            .rows
            .iter()
            .all(|r| r.cells.iter().all(|c| c.trim().is_empty()))
        {
            findings.push(skipped(options, &grid, source, 0, "空表", "it is empty"));
            continue;
        }
        all_empty = false;
        if is_form(&grid.table) {
            forms.push((grid.table.sheet.clone(), table_text(&grid.table)));
            continue;
        }
        fill_merged(&mut grid);
        match read_raw_table(&grid.table, options) {
            Ok((part, part_findings)) => {
                if document.title.is_none() {
                    document.title = part.title;
                    document.year = part.year;
                }
                document.declarations.extend(part.declarations);
                findings.extend(part_findings);
            }
            Err(e) => {
                let line = e.location().line.unwrap_or(1);
                findings.push(skipped(
                    options,
                    &grid,
                    source,
                    line,
                    &format!("没有可识别的清单表头，跳过：{e}"),
                    &format!("no list header row, skipped: {e}"),
                ));
                // A header with a missing column says more than "no header at all".
                let better = matches!(e, ReadError::Malformed { .. }) || first_error.is_none();
                if better && !matches!(first_error, Some(ReadError::Malformed { .. })) {
                    first_error = Some(e);
                }
            }
        }
    }
    read_forms(&mut document, &mut findings, &forms, source, options)?;
    if document.declarations.is_empty() {
        if all_empty {
            return Err(ReadError::Workbook {
                at,
                message: format!(
                    "the {} holds no data: every {} is empty ({})",
                    source.kind,
                    source.part,
                    names.join(", ")
                ),
            });
        }
        return Err(first_error.unwrap_or(ReadError::NoDeclaration {
            at,
            expected: format!(
                "a {} with a list header row (项目名称, 三级指标, 指标值, …) or a form (申报表/自评表 with 项目名称 and an indicator table)",
                source.part
            ),
        }));
    }
    Ok((document, findings))
}

/// The name of a grid in messages: its sheet name, or the source's part (`document`).
fn part_name(grid: &Grid, source: GridSource) -> String {
    grid.table
        .sheet
        .clone()
        .unwrap_or_else(|| source.part.to_owned())
}

/// Form grids are read with the form reader when the document has no list grid; next
/// to a list they are the same projects printed again, and are skipped.
fn read_forms(
    document: &mut Document,
    findings: &mut Vec<Finding>,
    forms: &[(Option<String>, String)],
    source: GridSource,
    options: &ReadOptions,
) -> Result<(), ReadError> {
    let list_read = !document.declarations.is_empty();
    for (sheet, text) in forms {
        if list_read {
            let grid = Grid {
                table: RawTable {
                    sheet: sheet.clone(),
                    ..RawTable::default()
                },
                merged: Vec::new(),
            };
            findings.push(skipped(
                options,
                &grid,
                source,
                1,
                "表单式（申报表/自评表），已读取清单，跳过",
                "a form (申报表/自评表); the list was read, so it is skipped",
            ));
            continue;
        }
        let (part, part_findings) =
            super::form::read_form(text, options).map_err(|e| match sheet {
                Some(name) => ReadError::Malformed {
                    at: e.location().clone().sheet(name),
                    message: format!("the form in {} “{name}” cannot be read: {e}", source.part),
                },
                None => e,
            })?;
        if document.title.is_none() {
            document.title = part.title;
            document.year = part.year;
        }
        document.declarations.extend(part.declarations);
        findings.extend(part_findings.into_iter().map(|mut f| {
            if let Some(name) = sheet {
                f.message = format!("{}“{name}”：{}", source.part_zh, f.message);
                f.message_en = format!("{} “{name}”: {}", source.part, f.message_en);
            }
            f
        }));
    }
    Ok(())
}

/// A `sheet_skipped` info finding for a grid.
fn skipped(
    options: &ReadOptions,
    grid: &Grid,
    source: GridSource,
    line: u32,
    zh: &str,
    en: &str,
) -> Finding {
    let (zh, en) = match &grid.table.sheet {
        Some(sheet) => (
            format!("{}“{sheet}”：{zh}", source.part_zh),
            format!("{} “{sheet}”: {en}", source.part),
        ),
        None => (zh.to_owned(), en.to_owned()),
    };
    Finding::new("sheet_skipped", Severity::Info, zh, en).at(&Source {
        file: options.file_name.clone(),
        line,
        sheet: grid.table.sheet.clone(),
    })
}

/// Whether a grid is a form (申报表/自评表) rather than a list: it has no complete list
/// header row, and its text looks like a form ([`super::form::looks_like_form`]: a form
/// title, or a 项目名称 row and an indicator header near the top).
pub fn is_form(table: &RawTable) -> bool {
    super::list::header::find_header(&table.rows).is_none_or(|l| !l.is_complete()) && {
        let text = table_text(table);
        super::form::looks_like_form(&text) || crate::monitor::looks_like_monitor(&text)
    }
}

/// Fills merged ranges with their top-left text, as a list reads them. Only the part
/// inside the table is filled, so a range `A1:XFD1048576` costs no more than the table,
/// and the total work is bounded (ranges in a valid sheet do not overlap; overlapping
/// ones stop being filled past the bound).
pub fn fill_merged(grid: &mut Grid) {
    let Some(row0) = grid.table.rows.first().map(|r| r.line.saturating_sub(1)) else {
        return;
    };
    let col0 = grid.table.first_column;
    let rows = &mut grid.table.rows;
    let mut budget: u64 = 2 * MAX_SHEET_CELLS;
    let at = |r: u32, c: u32| -> Option<(usize, usize)> {
        Some((
            usize::try_from(r.checked_sub(row0)?).ok()?,
            usize::try_from(c.checked_sub(col0)?).ok()?,
        ))
    };
    let last_row = row0.saturating_add(u32::try_from(rows.len()).unwrap_or(u32::MAX));
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let last_col = col0.saturating_add(u32::try_from(width).unwrap_or(u32::MAX));
    for region in &grid.merged {
        let Some(value) = at(region.top, region.left)
            .and_then(|(r, c)| rows.get(r)?.cells.get(c).cloned())
            .filter(|v| !v.is_empty())
        else {
            continue;
        };
        for r in region.top.max(row0)..=region.bottom.min(last_row.saturating_sub(1)) {
            for c in region.left.max(col0)..=region.right.min(last_col.saturating_sub(1)) {
                if budget == 0 {
                    return;
                }
                budget -= 1;
                if let Some(cell) = at(r, c).and_then(|(r, c)| rows.get_mut(r)?.cells.get_mut(c)) {
                    if cell.is_empty() {
                        cell.clone_from(&value);
                    }
                }
            }
        }
    }
}

/// The TAB text of a grid for the form reader: each row on its own line (`line` N on
/// line N, so messages name the sheet row), TABs and line breaks inside a cell turned
/// into spaces, merged cells left empty as the form layout expects, trailing empty cells
/// dropped.
///
/// ```
/// use jixiao::read::grid::table_text;
/// use jixiao::read::list::{RawRow, RawTable};
/// let table = RawTable {
///     rows: vec![
///         RawRow { line: 2, cells: vec!["项目名称".into(), "示例\n项目".into(), String::new()] },
///     ],
///     ..RawTable::default()
/// };
/// assert_eq!(table_text(&table), "\n项目名称\t示例 项目\n");
/// ```
pub fn table_text(table: &RawTable) -> String {
    let mut text = String::new();
    let mut line = 1u32;
    for row in &table.rows {
        while line < row.line {
            text.push('\n');
            line += 1;
        }
        let used = row
            .cells
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |p| p + 1);
        for (j, cell) in row.cells.iter().take(used).enumerate() {
            if j > 0 {
                text.push('\t');
            }
            text.push_str(&cell.replace(['\t', '\n', '\r'], " "));
        }
        text.push('\n');
        line = row.line.saturating_add(1);
    }
    text
}
