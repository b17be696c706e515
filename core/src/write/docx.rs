//! The `.docx` writer: each declaration as the official 《财政项目支出绩效目标申报表》 (or
//! 《…绩效自评表》 when it carries an evaluation) in a Word table, as people print and send
//! it; the Word reader ([`crate::read::docx`]) reads it back to the model the form text
//! does.
//!
//! The content is exactly the form text writer's ([`super::form::write_form`]): the same
//! title, the same label rows (项目名称 …, 项目资金 block, goals), the same indicator table
//! with the section label column and a self-evaluation's columns, the same cells. What
//! the Word file adds is layout, none of it text:
//! - the document title, each form's title and its `(2024年度)` line are centred
//!   paragraphs; each form starts on a new page;
//! - the rest of a form is one table; a row's last cell spans the rest of the table's
//!   width, the first goal (and its label) the empty cell beside it, a block label (`项目资金 (元)`, `项目绩效目标`) spans the rows under it
//!   (`w:vMerge`), the section label `绩效指标` spans the indicator rows, and a run of
//!   indicators under one 一级 (and one 二级) shares one merged 一级 (二级) cell — the
//!   covered cells are empty, as the reader expects, and carrying a merged level down is
//!   what the reader does. The level merges are kept only when the file reads back to
//!   what the form text reads to (checked on writing); else the levels are written on
//!   every row, as the text has them;
//! - an A4 page, landscape when the table is wider than six columns (a self-evaluation),
//!   with borders on every cell and the fonts of the official forms (宋体).
//!
//! Characters XML 1.0 cannot hold (control characters other than TAB and line breaks)
//! are left out. A document title that only reads as one cell because of its TAB in the
//! form text (`某局  2024年度…`, a title with `|`) is a paragraph here and reads back as
//! the text does without that TAB.

mod xml;

use crate::error::WriteError;
use crate::model::{Declaration, Document};
use crate::read::grid::{read_grids, Merge};
use crate::read::ReadOptions;

use super::form::write_form;

/// Writes a document as a `.docx` Word file: one 申报表/自评表 per declaration (see the
/// module documentation).
///
/// ```
/// use jixiao::read::{docx::read_word_document, read, ReadOptions};
/// use jixiao::write::docx::to_docx;
/// let text = "财政项目支出绩效目标申报表\n项目名称\t示例项目\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人数\t≥17(人)\n";
/// let document = read(text.as_bytes(), &ReadOptions::default()).unwrap().document;
/// let bytes = to_docx(&document).unwrap();
/// let (back, _) = read_word_document(&bytes, &ReadOptions::default()).unwrap();
/// assert_eq!(back.declarations, document.declarations);
/// ```
pub fn to_docx(document: &Document) -> Result<Vec<u8>, WriteError> {
    let merged = xml::package(&layout(document, true))?;
    if reads_as_form_text(document, &merged) {
        return Ok(merged);
    }
    xml::package(&layout(document, false))
}

/// Whether the Word file reads back to the declarations the form text reads to.
fn reads_as_form_text(document: &Document, docx: &[u8]) -> bool {
    let options = ReadOptions::default();
    let text = crate::read::form::read_form(&write_form(document), &options)
        .map(|(d, _)| d.declarations)
        .ok();
    let word = crate::read::docx::docx_grids(docx, &options)
        .and_then(|grids| read_grids(grids, crate::read::docx::WORD_DOCUMENT, &options))
        .map(|(d, _)| d.declarations)
        .ok();
    text == word
}

/// What the Word file holds, in order.
#[derive(Debug)]
enum Block {
    /// A centred paragraph: a title or a year line.
    Paragraph {
        text: String,
        /// Half-points (Word's `w:sz`): 36 for the document title, 32 for a form title.
        size: u32,
        bold: bool,
        /// Starts a new page (each form after the first).
        page_break: bool,
    },
    /// A form's table: cell texts by row (every row as wide as the widest) and the
    /// merged ranges, covered cells empty.
    Table {
        rows: Vec<Vec<String>>,
        merged: Vec<Merge>,
    },
}

/// The blocks of a document: the title, then for each declaration its title lines and
/// its table, cut from the form text writer's lines.
fn layout(document: &Document, level_merges: bool) -> Vec<Block> {
    let mut blocks = Vec::new();
    let head = write_form(&Document {
        schema: document.schema.clone(),
        title: document.title.clone(),
        year: document.year,
        declarations: Vec::new(),
    });
    for line in head.lines().filter(|l| !l.trim().is_empty()) {
        blocks.push(Block::Paragraph {
            text: line
                .split('\t')
                .collect::<Vec<_>>()
                .join(" ")
                .trim()
                .to_owned(),
            size: 36,
            bold: true,
            page_break: false,
        });
    }
    for (n, declaration) in document.declarations.iter().enumerate() {
        // One declaration at a time (the document's other declarations not copied).
        let text = write_form(&Document {
            schema: document.schema.clone(),
            title: None,
            year: document.year,
            declarations: vec![declaration.clone()],
        });
        let lines: Vec<Vec<String>> = text
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| l.split('\t').map(str::to_owned).collect())
            .collect();
        // The form title and the year line: the leading lines of one cell.
        let leading = lines.iter().take_while(|l| l.len() == 1).count();
        for (i, line) in lines.iter().take(leading).enumerate() {
            blocks.push(Block::Paragraph {
                text: line.concat(),
                size: if i == 0 { 32 } else { 24 },
                bold: i == 0,
                page_break: i == 0 && n > 0,
            });
        }
        let rows = lines.get(leading..).unwrap_or_default().to_vec();
        if !rows.is_empty() {
            let (rows, merged) = form_table(rows, declaration, level_merges);
            blocks.push(Block::Table { rows, merged });
        }
    }
    blocks
}

/// The indicator table's header: its first four cells.
const HEADER: [&str; 4] = ["绩效指标", "一级指标", "二级指标", "三级指标"];

/// A form's rows as one table with its merged ranges (see the module documentation).
fn form_table(
    mut rows: Vec<Vec<String>>,
    declaration: &Declaration,
    level_merges: bool,
) -> (Vec<Vec<String>>, Vec<Merge>) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(1);
    let lengths: Vec<usize> = rows.iter().map(Vec::len).collect();
    for row in &mut rows {
        row.resize(width, String::new());
    }
    let header = rows
        .iter()
        .position(|r| r.iter().take(4).map(String::as_str).eq(HEADER));
    let mut merged = Vec::new();
    let upper = header.unwrap_or(rows.len());
    label_rows(&rows, &lengths, upper, &mut merged);
    if let Some(h) = header {
        let n = declaration.indicators.len().min(rows.len() - h - 1);
        let body = h + 1..h + 1 + n;
        // The section label over the indicator rows (a row that repeats it starts anew).
        column_runs(&rows, h..body.end, 0, &mut merged, |_, _| true);
        if level_merges {
            let indicator = |r: usize| declaration.indicators.get(r - h - 1);
            let same1 = |a: usize, b: usize| {
                matches!((indicator(a), indicator(b)), (Some(x), Some(y))
                    if x.level1 == y.level1 && x.level1_text == y.level1_text)
            };
            let same2 = |a: usize, b: usize| {
                same1(a, b)
                    && matches!((indicator(a), indicator(b)), (Some(x), Some(y))
                        if x.level2 == y.level2 && x.level2_text == y.level2_text)
            };
            level_runs(&mut rows, body.clone(), 1, &mut merged, same1);
            level_runs(&mut rows, body.clone(), 2, &mut merged, same2);
        }
        // The 总分 row: its label spans the empty cells up to the figures.
        if let Some(total) = rows.get(body.end) {
            if total.first().is_some_and(|c| c == "总分") {
                span_right(total, body.end, 0, &mut merged);
            }
        }
    }
    (rows, merged)
}

/// The rows above the indicator table: a block label in the first column spans the rows
/// under it that leave that column empty; the last cell of a row spans the rest of the
/// table's width.
fn label_rows(rows: &[Vec<String>], lengths: &[usize], upper: usize, merged: &mut Vec<Merge>) {
    column_runs(rows, 0..upper, 0, merged, |_, _| true);
    for (r, (row, &len)) in rows.iter().zip(lengths).enumerate().take(upper) {
        // The goal label row and the goal texts under it: the first goal spans the empty
        // cell between the two.
        let goal_row = |r: usize| matches!(cell(rows, r, 1), "项目总目标" | "预期目标");
        let first_goal = goal_row(r) || (r > 0 && goal_row(r - 1));
        if first_goal && len > 3 && cell(rows, r, 2).is_empty() && !cell(rows, r, 3).is_empty() {
            push(merged, r, 1, r, 2);
        }
        if len > 1 {
            push(merged, r, len - 1, r, row.len().max(len) - 1);
        }
    }
}

/// Runs down column `col` within `range`: a non-empty cell followed by empty cells (in
/// rows with some text) that `same(top, row)` allows is one merged range.
fn column_runs(
    rows: &[Vec<String>],
    range: std::ops::Range<usize>,
    col: usize,
    merged: &mut Vec<Merge>,
    same: impl Fn(usize, usize) -> bool,
) {
    let mut r = range.start;
    while r < range.end {
        let top = r;
        r += 1;
        if cell(rows, top, col).is_empty() {
            continue;
        }
        while r < range.end
            && cell(rows, r, col).is_empty()
            && rows
                .get(r)
                .is_some_and(|row| row.iter().any(|c| !c.is_empty()))
            && same(top, r)
        {
            r += 1;
        }
        push(merged, top, col, r - 1, col);
    }
}

/// Runs of equal levels down column `col` (一级 or 二级) of the indicator rows: the first
/// cell keeps its text, the others are emptied into its merged range.
fn level_runs(
    rows: &mut [Vec<String>],
    range: std::ops::Range<usize>,
    col: usize,
    merged: &mut Vec<Merge>,
    same: impl Fn(usize, usize) -> bool,
) {
    let mut r = range.start;
    while r < range.end {
        let top = r;
        r += 1;
        if cell(rows, top, col).is_empty() {
            continue;
        }
        while r < range.end && same(top, r) {
            if let Some(c) = rows.get_mut(r).and_then(|row| row.get_mut(col)) {
                c.clear();
            }
            r += 1;
        }
        push(merged, top, col, r - 1, col);
    }
}

/// A cell spans the empty cells to its right.
fn span_right(row: &[String], r: usize, c: usize, merged: &mut Vec<Merge>) {
    let mut e = c;
    while row.get(e + 1).is_some_and(String::is_empty) {
        e += 1;
    }
    push(merged, r, c, r, e);
}

fn cell(rows: &[Vec<String>], r: usize, c: usize) -> &str {
    rows.get(r)
        .and_then(|row| row.get(c))
        .map_or("", String::as_str)
}

/// Keeps a range of more than one cell.
fn push(merged: &mut Vec<Merge>, top: usize, left: usize, bottom: usize, right: usize) {
    if bottom > top || right > left {
        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        merged.push(Merge {
            top: n(top),
            left: n(left),
            bottom: n(bottom),
            right: n(right),
        });
    }
}

#[cfg(test)]
mod tests;
