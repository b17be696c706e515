//! `.pdf` files with a text layer, as Word, WPS, Excel and LibreOffice export forms, read
//! as one [`Grid`] for the whole document (through `pdf-extract`, which runs on `lopdf`).
//!
//! Each page gives its characters with their positions ([`extract`]) and its ruling
//! lines; lines that touch form a table, whose column and row boundaries are the lines'
//! positions and whose cells spanning several grid columns or rows (no line between
//! them) are a [`Merge`] with the text in the top-left cell ([`table`]). Each character
//! goes in the cell its middle lies in; a cell's lines are joined as [`text`] says.
//! Text outside any table (the 自评表 title, `(2022年度)`, a 填报单位 line) becomes a
//! one-cell row. Rows follow reading order: page by page, top to bottom, a table's rows
//! where its top edge is; so a table broken by a page break simply goes on, and a file
//! of several forms gives them one after the other. Page numbers outside the tables
//! (`第 1 页`, `第1页 共3页`, `- 1 -`, `1/3`, a lone number) are dropped. `line` numbers
//! the grid's rows 1..n.
//!
//! Not read: tables drawn without lines (only white space between columns), text drawn as
//! curves or images (a scan: an error, jixiao does no OCR), rotated tables, a table row
//! split across a page break (read as two rows). See docs/design.md ("PDF").

mod extract;
mod nesting;
mod table;
mod text;

use pdf_extract::{Document, Object};

use crate::diagnostic::Finding;
use crate::error::{Location, ReadError};
use crate::limits::{MAX_INPUT_BYTES, MAX_PDF_OBJECTS, MAX_PDF_PAGES, MAX_PDF_TABLE_CELLS};

use super::grid::{Grid, GridSource, Merge};
use super::list::{RawRow, RawTable};
use super::ReadOptions;

use extract::{Collector, Glyph, Page};
use table::Table;

/// The grids of a text PDF: one [`Grid`] holding every page's rows in reading order (see
/// the module documentation), for [`super::grid::read_grids`].
///
/// Errors name the file (and the page, where one is at fault): not a PDF, a corrupt or
/// truncated one, a password-protected one (remove the password first), one with no
/// text layer (a scan: jixiao does no OCR), one beyond the bounds of [`crate::limits`]
/// (pages, objects, characters or ruling lines of a page, cells of a table), and one
/// whose text stands in no ruled table (it is not an exported form).
///
/// The PDF library panics on some malformed files; such a panic is caught here and
/// reported as a corrupt PDF, so no host process ever sees it.
///
/// ```no_run
/// use jixiao::read::grid::{read_grids, GridSource};
/// use jixiao::read::pdf::pdf_grids;
/// use jixiao::read::ReadOptions;
/// let bytes = std::fs::read("自评表.pdf").unwrap();
/// let options = ReadOptions::named("自评表.pdf");
/// let grids = pdf_grids(&bytes, &options).unwrap();
/// let source = GridSource { kind: "PDF", part: "page", part_zh: "页" };
/// let (document, findings) = read_grids(grids, source, &options).unwrap();
/// ```
pub fn pdf_grids(bytes: &[u8], options: &ReadOptions) -> Result<Vec<Grid>, ReadError> {
    let at = options.location();
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            at,
            what: format!("the PDF ({} bytes)", bytes.len()),
            limit: format!("{MAX_INPUT_BYTES} bytes"),
        });
    }
    if !is_pdf(bytes) {
        return Err(ReadError::Workbook {
            at,
            message: "not a PDF: the file does not start with `%PDF-`".to_owned(),
        });
    }
    let run = std::panic::AssertUnwindSafe(|| read_pages(bytes, options));
    let pages = std::panic::catch_unwind(run).unwrap_or_else(|_| {
        Err(ReadError::Workbook {
            at: options.location(),
            message: "the PDF is corrupt: the PDF library failed on its structure".to_owned(),
        })
    })?;
    grids(&pages, options)
}

/// What a PDF's grids are called in messages.
pub const PDF_DOCUMENT: GridSource = GridSource {
    kind: "PDF",
    part: "document",
    part_zh: "文档",
};

/// Reads a PDF with a text layer: its ruled tables and the text between them as one grid
/// ([`pdf_grids`]), read as a form or a list ([`super::grid::read_grids`]).
pub fn read_pdf(
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(crate::model::Document, Vec<Finding>), ReadError> {
    super::grid::read_grids(pdf_grids(bytes, options)?, PDF_DOCUMENT, options)
}

/// Whether the bytes start like a PDF (`%PDF-` within the first KiB, as readers allow).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    head.windows(5).any(|w| w == b"%PDF-")
}

/// The location of a page in messages: the file, `[page N]`.
fn page_at(options: &ReadOptions, page: u32) -> Location {
    options.location().sheet(&format!("page {page}"))
}

/// Loads the document and collects what every page draws.
fn read_pages(bytes: &[u8], options: &ReadOptions) -> Result<Vec<Page>, ReadError> {
    let at = options.location();
    let password = || {
        ReadError::Workbook {
        at: options.location(),
        message: "the PDF is password-protected (encrypted): remove the password (open it and save or print it again as a PDF without one) and read that copy".to_owned(),
    }
    };
    let mut doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(pdf_extract::Error::Decryption(_) | pdf_extract::Error::InvalidPassword) => {
            return Err(password())
        }
        Err(e) => {
            return Err(ReadError::Workbook {
                at,
                message: format!("the PDF is corrupt or truncated ({e})"),
            })
        }
    };
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(password());
    }
    if doc.objects.len() > MAX_PDF_OBJECTS {
        return Err(ReadError::TooLarge {
            at,
            what: format!("the number of PDF objects ({})", doc.objects.len()),
            limit: format!("{MAX_PDF_OBJECTS} objects"),
        });
    }
    let count = doc.get_pages().len();
    if count > MAX_PDF_PAGES {
        return Err(ReadError::TooLarge {
            at,
            what: format!("the number of pages ({count})"),
            limit: format!("{MAX_PDF_PAGES} pages"),
        });
    }
    if count == 0 {
        return Err(ReadError::Workbook {
            at,
            message: "the PDF has no pages (or its page tree is broken)".to_owned(),
        });
    }
    match nesting::check(&doc) {
        Ok(()) => {}
        Err(nesting::Nesting::Cycle(id)) => {
            return Err(ReadError::Workbook {
                at,
                message: format!(
                    "the PDF is corrupt: its drawing object {} {} R draws itself (an endless loop)",
                    id.0, id.1
                ),
            })
        }
        Err(nesting::Nesting::PageTree(page)) => {
            return Err(ReadError::Workbook {
                at: page_at(options, page),
                message: format!("the PDF is corrupt: the page tree above page {page} loops"),
            })
        }
        Err(nesting::Nesting::TooDeep) => {
            return Err(ReadError::TooLarge {
                at,
                what: "the nesting of the PDF's drawing objects (form XObjects)".to_owned(),
                limit: format!("{} levels", crate::limits::MAX_PDF_FORM_NESTING),
            })
        }
    }
    let images = blank_images(&mut doc);
    let mut collector = Collector::default();
    if let Err(e) = pdf_extract::output_doc(&doc, &mut collector) {
        if let Some(o) = collector.overflow {
            return Err(ReadError::TooLarge {
                at: page_at(options, o.page),
                what: format!("the {} of page {}", o.what, o.page),
                limit: format!("{} per page", o.limit),
            });
        }
        let page = collector.current_page().max(1);
        return Err(ReadError::Workbook {
            at: page_at(options, page),
            message: format!("page {page} of the PDF cannot be read ({e})"),
        });
    }
    let glyphs: usize = collector
        .pages
        .iter()
        .map(|p| p.glyphs.iter().filter(|g| !g.is_space()).count())
        .sum();
    if glyphs == 0 {
        let message = if images > 0 {
            format!("the PDF has no text layer: its {count} page(s) are images (a scan or a photo). jixiao does not do OCR: read the Word/Excel file the form was printed from, or a text PDF exported from it")
        } else {
            format!("the PDF holds no text on its {count} page(s) (its text may be drawn as outlines): export the form again as a PDF with text, or read the Word/Excel file")
        };
        return Err(ReadError::Workbook { at, message });
    }
    Ok(collector.pages)
}

/// Empties the data of every image of the document (the interpreter would read it as a
/// content stream), returning how many images there are.
fn blank_images(doc: &mut Document) -> usize {
    let mut images = 0;
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object {
            let is_image =
                matches!(stream.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Image");
            if is_image {
                images += 1;
                stream.content.clear();
                stream.dict.remove(b"Filter");
                stream.dict.remove(b"DecodeParms");
            }
        }
    }
    images
}

/// One thing of a page in reading order: a table, or a line of text outside the tables.
enum Item<'a> {
    Table(Table, Vec<Vec<&'a Glyph>>),
    Text(String),
}

/// A cell of a table's last row, kept to tell whether the next page's table goes on
/// with that row (a row split by the page break).
#[derive(Debug, Clone)]
struct Tail {
    /// The cell's first grid column.
    left: usize,
    /// The cell's left and right edges on the page.
    edges: (f64, f64),
    /// Where its text is: the index in the document's rows of its top row.
    row: usize,
    /// Whether it holds text.
    filled: bool,
    /// Whether its last line runs to its right edge (the text wraps on).
    wraps: bool,
    /// How many lines its text has on the page.
    lines: usize,
    /// Whether it spans one grid row only (not a merged 一级 cell running down).
    single_row: bool,
}

/// The last row of the table that ended the page before.
#[derive(Debug, Clone)]
struct Open {
    tail: Vec<Tail>,
}

/// The grid of the whole document from its pages.
fn grids(pages: &[Page], options: &ReadOptions) -> Result<Vec<Grid>, ReadError> {
    let mut rows: Vec<RawRow> = Vec::new();
    let mut merged: Vec<Merge> = Vec::new();
    let mut any_table = false;
    let mut open: Option<Open> = None;
    for page in pages {
        let items = page_items(page, options)?;
        let count = items.len();
        for (index, item) in items.into_iter().enumerate() {
            match item {
                Item::Text(line) => {
                    open = None;
                    push_row(&mut rows, vec![line]);
                }
                Item::Table(table, cells) => {
                    any_table = true;
                    let texts: Vec<String> = cells
                        .iter()
                        .map(|glyphs| text::join(&text::lines(glyphs)))
                        .collect();
                    let carried = if index == 0 {
                        open.take().filter(|o| continues(o, &table, &texts))
                    } else {
                        None
                    };
                    // Row 0 of a table that goes on with the row before is joined to it.
                    let skip = usize::from(carried.is_some());
                    if let Some(o) = &carried {
                        for (region, text) in table.regions.iter().zip(&texts) {
                            if region.top != 0 || text.is_empty() {
                                continue;
                            }
                            let tail = above(o, &table, region);
                            let cell =
                                tail.and_then(|t| rows.get_mut(t.row)?.cells.get_mut(t.left));
                            if let Some(cell) = cell {
                                *cell = text::join_texts(cell, text);
                            }
                        }
                    }
                    let first = rows.len();
                    let grid_rows = table.rows().saturating_sub(skip);
                    let mut grid: Vec<Vec<String>> =
                        vec![vec![String::new(); table.columns()]; grid_rows];
                    let mut tail = Vec::new();
                    let inner = padding(&table, &cells);
                    for (k, (region, text)) in table.regions.iter().zip(&texts).enumerate() {
                        if region.bottom < skip {
                            continue;
                        }
                        let top = region.top.max(skip) - skip;
                        let bottom = region.bottom - skip;
                        if region.top >= skip {
                            if let Some(cell) =
                                grid.get_mut(top).and_then(|r| r.get_mut(region.left))
                            {
                                cell.clone_from(text);
                            }
                        }
                        if bottom > top || region.right > region.left {
                            let row = |r: usize| u32::try_from(first + r).unwrap_or(u32::MAX);
                            let column = |c: usize| u32::try_from(c).unwrap_or(u32::MAX);
                            merged.push(Merge {
                                top: row(top),
                                left: column(region.left),
                                bottom: row(bottom),
                                right: column(region.right),
                            });
                        }
                        if region.bottom + 1 == table.rows() {
                            tail.push(Tail {
                                left: region.left,
                                edges: edges(&table, region),
                                row: first + top,
                                filled: region.top >= skip && !text.is_empty(),
                                wraps: cells
                                    .get(k)
                                    .is_some_and(|g| wraps(&table, region, g, inner)),
                                lines: cells.get(k).map_or(0, |g| text::lines(g).len()),
                                single_row: region.top == region.bottom,
                            });
                        }
                    }
                    for cells in grid {
                        push_row(&mut rows, cells);
                    }
                    open = (index + 1 == count).then_some(Open { tail });
                }
            }
        }
        if count == 0 {
            open = None;
        }
    }
    if !any_table {
        let pages = pages.len();
        return Err(ReadError::NoDeclaration {
            at: if pages == 1 {
                page_at(options, 1)
            } else {
                options.location()
            },
            expected: format!("a ruled table (the 申报表/自评表 form with its cell borders): the text of the PDF's {pages} page(s) stands in no table (a PDF of the form's TAB text, or a table drawn without lines, is not read)"),
        });
    }
    Ok(vec![Grid {
        table: RawTable {
            rows,
            sheet: None,
            first_column: 0,
        },
        merged,
    }])
}

/// Whether the first row of `table` (at the top of a page) is the rest of the last row of
/// the table that ended the page before (a row split by the page break): every cell of
/// the row with text sits under a cell of the same edges whose text wraps on at the
/// page's end (its last line runs to the cell's right edge). A new row under short texts
/// (`竣工验收合格率`, `≥95.00(%)`) is not joined. Nor is a full row under a full row of
/// one-line texts that happen to fill their narrow cells (`数量指标 | 1.25 | 1.25`): a
/// split row shows itself by a cell that ended before the break (left empty below) or by
/// a text of several lines going on.
fn continues(open: &Open, table: &Table, texts: &[String]) -> bool {
    let mut any = false;
    let mut ended_before = false;
    let mut long_text = false;
    for (region, text) in table.regions.iter().zip(texts) {
        if region.top != 0 {
            continue;
        }
        let tail = above(open, table, region);
        if text.is_empty() {
            ended_before |= tail.is_some_and(|t| t.filled && t.single_row);
            continue;
        }
        any = true;
        match tail {
            Some(t) if t.filled && t.wraps => long_text |= t.lines > 1,
            _ => return false,
        }
    }
    any && (ended_before || long_text)
}

/// The cell of the last row before that has the same edges as `region`.
fn above<'o>(open: &'o Open, table: &Table, region: &table::Region) -> Option<&'o Tail> {
    let (left, right) = edges(table, region);
    open.tail
        .iter()
        .find(|t| (t.edges.0 - left).abs() <= 3.0 && (t.edges.1 - right).abs() <= 3.0)
}

/// The left and right edges of a cell on the page.
fn edges(table: &Table, region: &table::Region) -> (f64, f64) {
    let x = |i: usize| table.xs.get(i).copied().unwrap_or(f64::NAN);
    (x(region.left), x(region.right + 1))
}

/// The most a cell's inner padding is taken to be (points): Word's default cell margin is
/// 5.4 pt, LibreOffice's about 1.5 pt.
const MAX_CELL_PADDING: f64 = 6.0;

/// A table's inner cell padding: the least distance from a cell's left edge to its text
/// (centred and right-aligned cells start further in), at most [`MAX_CELL_PADDING`].
fn padding(table: &Table, cells: &[Vec<&Glyph>]) -> f64 {
    table
        .regions
        .iter()
        .zip(cells)
        .filter_map(|(region, glyphs)| {
            let left = table.xs.get(region.left)?;
            let x = glyphs
                .iter()
                .filter(|g| !g.is_space())
                .map(|g| g.x)
                .fold(f64::INFINITY, f64::min);
            x.is_finite().then_some((x - left).max(0.0))
        })
        .fold(MAX_CELL_PADDING, f64::min)
}

/// Whether a cell's last line runs to the cell's right edge (within the table's padding
/// and two ems and a half: a line may stop short of a mark that cannot start a line), as
/// a line that wraps on does. A short centred text does not; in a narrow cell the slack is
/// a quarter of its width but at least an em (`30` under `受益学生人数` stops short of it,
/// `≥110` before a `人` that did not fit does not).
fn wraps(table: &Table, region: &table::Region, glyphs: &[&Glyph], padding: f64) -> bool {
    let lines = text::lines(glyphs);
    let Some(end) = lines
        .last()
        .and_then(|last| last.glyphs.iter().rev().find(|g| !g.is_space()))
    else {
        return false;
    };
    let (Some(left), Some(right)) = (table.xs.get(region.left), table.xs.get(region.right + 1))
    else {
        return false;
    };
    let inner = (right - left - 2.0 * padding).max(0.0);
    // A character that did not fit leaves up to about one em, whatever the cell's width.
    let slack = (2.5 * end.size).min((0.25 * inner).max(1.1 * end.size));
    right - (end.x + end.advance) <= padding + slack
}

/// Appends a row numbered after the last.
fn push_row(rows: &mut Vec<RawRow>, cells: Vec<String>) {
    let line = u32::try_from(rows.len() + 1).unwrap_or(u32::MAX);
    rows.push(RawRow { line, cells });
}

/// The tables and the text lines of a page, top to bottom.
fn page_items<'a>(page: &'a Page, options: &ReadOptions) -> Result<Vec<Item<'a>>, ReadError> {
    let tables = table::find_tables(&page.rules, MAX_PDF_TABLE_CELLS).map_err(|cells| {
        ReadError::TooLarge {
            at: page_at(options, page.number),
            what: format!("a table of page {} ({cells} grid cells)", page.number),
            limit: format!("{MAX_PDF_TABLE_CELLS} cells per table"),
        }
    })?;
    let mut cells: Vec<Vec<Vec<&Glyph>>> = tables
        .iter()
        .map(|t| vec![Vec::new(); t.regions.len()])
        .collect();
    let mut outside: Vec<&Glyph> = Vec::new();
    for g in &page.glyphs {
        let (x, y) = g.center();
        let found = tables
            .iter()
            .enumerate()
            .find_map(|(i, t)| t.region_at(x, y).map(|r| (i, r)));
        match found.and_then(|(i, r)| cells.get_mut(i)?.get_mut(r)) {
            Some(cell) => cell.push(g),
            None => outside.push(g),
        }
    }
    let mut placed: Vec<(f64, Item<'a>)> = Vec::new();
    for line in text::lines(&outside) {
        let text = line.text().trim().to_owned();
        if !text.is_empty() && !is_page_number(&text) {
            placed.push((
                line.y + line.glyphs.first().map_or(0.0, |g| g.size) * 0.7,
                Item::Text(text),
            ));
        }
    }
    for (table, cells) in tables.into_iter().zip(cells) {
        placed.push((table.top(), Item::Table(table, cells)));
    }
    placed.sort_by(|a, b| b.0.total_cmp(&a.0));
    Ok(placed.into_iter().map(|(_, item)| item).collect())
}

/// Whether a line outside the tables is a page number: `第 1 页`, `第1页 共3页`,
/// `第 1 页/共 3 页`, `- 1 -`, `— 2 —`, `1/3`, `1 / 3`, `Page 2 of 5`, a lone number.
fn is_page_number(line: &str) -> bool {
    let s: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if digits(&s) {
        return true;
    }
    let inner = s.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－'));
    if inner.len() < s.len() && digits(inner) {
        return true;
    }
    if let Some((a, b)) = s.split_once('/') {
        if digits(a) && digits(b) {
            return true;
        }
    }
    let lower = s.to_lowercase();
    if let Some(rest) = lower.strip_prefix("page") {
        let (a, b) = rest.split_once("of").unwrap_or((rest, "0"));
        return digits(a) && digits(b);
    }
    // 第N页 with an optional 共M页, separated by nothing, `/`, `,` or `，`.
    let Some(rest) = s.strip_prefix('第') else {
        return false;
    };
    let Some((n, rest)) = rest.split_once('页') else {
        return false;
    };
    if !digits(n) {
        return false;
    }
    let rest = rest.trim_start_matches(['/', ',', '，', '、']);
    if rest.is_empty() {
        return true;
    }
    rest.strip_prefix('共')
        .and_then(|r| r.strip_suffix('页'))
        .is_some_and(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for yes in [
            "第 1 页",
            "第1页 共3页",
            "第 2 页/共 3 页",
            "- 1 -",
            "— 12 —",
            "3",
            "1/3",
            "1 / 3",
            "Page 2 of 5",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "(2022年度)",
            "第一部分",
            "财政项目支出绩效自评表",
            "第1章",
            "2,650,000.00",
            "1-2",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn not_a_pdf() {
        let options = ReadOptions::named("x.pdf");
        let err = pdf_grids(b"hello", &options).err();
        assert!(err.is_some_and(
            |e| e.to_string().contains("x.pdf") && e.to_string().contains("not a PDF")
        ));
    }
}
