//! The body of `word/document.xml` walked in order into one [`Grid`] (see the parent
//! module for what becomes what). One pass over the XML events with an explicit stack of
//! open elements: no recursion, whatever the nesting.

use std::collections::BTreeMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::error::{Location, ReadError};
use crate::limits::{MAX_DOCX_COLUMNS, MAX_DOCX_ROWS, MAX_LINE_BYTES, MAX_SHEET_CELLS};
use crate::read::grid::{Grid, Merge};
use crate::read::list::{RawRow, RawTable};

/// What an open element is to the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Table,
    Row,
    RowProperties,
    Cell,
    CellProperties,
    Paragraph,
    Run,
    Text,
    Other,
}

/// How a cell takes part in a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VMerge {
    Restart,
    Continue,
}

/// A table cell as read.
#[derive(Debug, Default)]
struct Cell {
    span: u32,
    vmerge: Option<VMerge>,
    hmerge_continue: bool,
    text: String,
    paragraphs: usize,
}

impl Cell {
    fn add_paragraph(&mut self, text: &str) {
        if self.paragraphs > 0 {
            self.text.push('\n');
        }
        self.text.push_str(text);
        self.paragraphs += 1;
    }
}

/// A table row as read.
#[derive(Debug, Default)]
struct Row {
    before: u32,
    deleted: bool,
    cells: Vec<Cell>,
}

/// An open table.
#[derive(Debug, Default)]
struct Table {
    rows: Vec<Row>,
    row: Option<Row>,
    cell: Option<Cell>,
}

/// The grid being built: rows numbered from 1, merged ranges, cells so far.
#[derive(Debug, Default)]
struct Builder {
    rows: Vec<RawRow>,
    merged: Vec<Merge>,
    cells: u64,
}

/// The walk over the body's XML.
struct Walk<'a> {
    part: &'a str,
    at: &'a Location,
    /// Bytes before the XML text (a BOM), added to offsets in messages.
    offset: usize,
    stack: Vec<Open>,
    /// Depth inside a skipped element (deleted text, drawings); 0 when reading.
    skip: usize,
    tables: Vec<Table>,
    paragraphs: Vec<String>,
    grid: Builder,
    /// Whether any element was read (a part of text only is not XML).
    seen_element: bool,
}

/// Reads the body of the main part `part` (its text `xml`, `offset` bytes into the part)
/// into one grid.
pub(super) fn body_grid(
    xml: &str,
    offset: usize,
    part: &str,
    at: &Location,
) -> Result<Grid, ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut walk = Walk {
        part,
        at,
        offset,
        stack: Vec::new(),
        skip: 0,
        tables: Vec::new(),
        paragraphs: Vec::new(),
        grid: Builder::default(),
        seen_element: false,
    };
    loop {
        let event = reader.read_event().map_err(|e| {
            walk.xml_error(
                usize::try_from(reader.error_position()).unwrap_or(usize::MAX),
                &e.to_string(),
            )
        })?;
        let position = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match event {
            Event::Start(e) => walk.start(&e, true)?,
            Event::Empty(e) => walk.start(&e, false)?,
            Event::End(_) => walk.end(position)?,
            Event::Text(t) => walk.text(&t.xml10_content(), position)?,
            Event::CData(t) => walk.text(&t.xml10_content(), position)?,
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    Ok(None) => predefined_entity(&r),
                    Err(_) => None,
                };
                match c {
                    Some(c) => walk.text(c.encode_utf8(&mut [0; 4]), position)?,
                    None => {
                        return Err(walk.xml_error(
                            position,
                            &format!("unknown or invalid entity reference `&{};`", &*r),
                        ))
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !walk.seen_element {
        return Err(walk.xml_error(0, "no XML element (not a WordprocessingML part)"));
    }
    if !walk.stack.is_empty() || walk.skip > 0 {
        return Err(walk.xml_error(
            xml.len(),
            "the XML ends before its elements are closed (a truncated part?)",
        ));
    }
    let Builder { rows, merged, .. } = walk.grid;
    Ok(Grid {
        table: RawTable {
            rows,
            sheet: None,
            first_column: 0,
        },
        merged,
    })
}

/// Whether XML 1.0 allows the character (its `Char` production).
fn legal_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// The five entities XML predefines.
fn predefined_entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

/// Elements whose content is not the document's text: deleted or moved-away text,
/// drawings and text boxes, embedded objects, the first choice of an alternate content
/// (its fallback is read), old properties kept by tracked changes.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "del"
            | "moveFrom"
            | "delText"
            | "delInstrText"
            | "instrText"
            | "drawing"
            | "pict"
            | "object"
            | "Choice"
            | "sectPr"
            | "fldData"
    ) || name.ends_with("Change")
}

/// The `w:val` attribute (any prefix) of an element.
fn val(e: &BytesStart<'_>) -> Option<String> {
    attribute(e, "val")
}

/// An attribute of an element by its local name (any prefix).
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value.into_owned())
}

/// A count attribute (`w:gridSpan w:val="3"`): digits only, else `None`.
fn count(e: &BytesStart<'_>) -> Option<u32> {
    val(e).and_then(|v| v.trim().parse::<u32>().ok())
}

impl Walk<'_> {
    fn xml_error(&self, position: usize, what: &str) -> ReadError {
        ReadError::Workbook {
            at: self.at.clone(),
            message: format!(
                "the part `{}` is not well-formed XML (byte {}): {what}",
                self.part,
                position.saturating_add(self.offset)
            ),
        }
    }

    fn too_large(&self, what: String, limit: String) -> ReadError {
        let line = u32::try_from(self.grid.rows.len())
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        ReadError::TooLarge {
            at: self.at.clone().line(line),
            what,
            limit,
        }
    }

    fn parent(&self) -> Option<Open> {
        self.stack.last().copied()
    }

    /// Whether the element opening is a direct child of a run (`w:r`): `w:tab` there is a
    /// TAB, while `w:tab` in a paragraph's properties is a tab stop.
    fn in_run(&self) -> bool {
        self.parent() == Some(Open::Run)
    }

    /// An element opens (`open`: it has content to come; otherwise it is empty).
    fn start(&mut self, e: &BytesStart<'_>, open: bool) -> Result<(), ReadError> {
        self.seen_element = true;
        if self.skip > 0 {
            if open {
                self.skip += 1;
            }
            return Ok(());
        }
        let local = e.local_name();
        let name = local.as_ref();
        // A row marked deleted (tracked changes): `w:trPr/w:del`.
        if name == "del" && self.parent() == Some(Open::RowProperties) {
            if let Some(row) = self.tables.last_mut().and_then(|t| t.row.as_mut()) {
                row.deleted = true;
            }
        } else if skipped(name) {
            if open {
                self.skip = 1;
            }
            return Ok(());
        }
        let kind = match name {
            "tbl" => {
                self.tables.push(Table::default());
                if !open {
                    self.end_table()?;
                }
                Open::Table
            }
            "tr" => {
                if let Some(table) = self.tables.last_mut() {
                    table.row = Some(Row::default());
                    table.cell = None;
                }
                if !open {
                    self.end_row();
                }
                Open::Row
            }
            "tc" => {
                if let Some(table) = self.tables.last_mut().filter(|t| t.row.is_some()) {
                    table.cell = Some(Cell {
                        span: 1,
                        ..Cell::default()
                    });
                }
                if !open {
                    self.end_cell();
                }
                Open::Cell
            }
            "p" => {
                self.paragraphs.push(String::new());
                if !open {
                    self.end_paragraph()?;
                }
                Open::Paragraph
            }
            "r" => Open::Run,
            "t" => Open::Text,
            "trPr" => Open::RowProperties,
            "tcPr" => Open::CellProperties,
            // `w:gridAfter` only pads the row's end, which is dropped.
            "gridBefore" if self.parent() == Some(Open::RowProperties) => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.row.as_mut()) {
                    row.before = count(e).unwrap_or(0);
                }
                Open::Other
            }
            "gridSpan" | "vMerge" | "hMerge" if self.parent() == Some(Open::CellProperties) => {
                let value = val(e);
                if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    match name {
                        "gridSpan" => cell.span = count(e).unwrap_or(1).max(1),
                        "vMerge" => {
                            cell.vmerge = Some(if value.as_deref() == Some("restart") {
                                VMerge::Restart
                            } else {
                                VMerge::Continue
                            });
                        }
                        _ => cell.hmerge_continue = value.as_deref() != Some("restart"),
                    }
                }
                Open::Other
            }
            "tab" | "ptab" if self.in_run() => {
                self.chars("\t");
                Open::Other
            }
            "br" | "cr" if self.in_run() => {
                self.chars("\n");
                Open::Other
            }
            "noBreakHyphen" if self.in_run() => {
                self.chars("-");
                Open::Other
            }
            "sym" if self.in_run() => {
                if let Some(c) = symbol(e) {
                    self.chars(c.encode_utf8(&mut [0; 4]));
                }
                Open::Other
            }
            _ => Open::Other,
        };
        if open {
            self.stack.push(kind);
        }
        Ok(())
    }

    /// The innermost open element closes.
    fn end(&mut self, position: usize) -> Result<(), ReadError> {
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(());
        }
        match self.stack.pop() {
            Some(Open::Table) => self.end_table()?,
            Some(Open::Row) => self.end_row(),
            Some(Open::Cell) => self.end_cell(),
            Some(Open::Paragraph) => self.end_paragraph()?,
            Some(_) => {}
            None => return Err(self.xml_error(position, "a closing tag with no opening tag")),
        }
        Ok(())
    }

    /// Text of a text element (`w:t`, a math `m:t`) goes to the paragraph being read.
    /// A character XML 1.0 does not allow (control characters other than TAB and line
    /// breaks, U+FFFE, U+FFFF) is an error: the part is not well-formed.
    fn text(&mut self, text: &str, position: usize) -> Result<(), ReadError> {
        if let Some(c) = text.chars().find(|&c| !legal_xml_char(c)) {
            return Err(self.xml_error(
                position,
                &format!("the character U+{:04X} is not allowed in XML", u32::from(c)),
            ));
        }
        if self.skip == 0 && self.parent() == Some(Open::Text) {
            self.chars(text);
        }
        Ok(())
    }

    /// Characters that an element of a run stands for (`w:tab`, `w:br`, …), or the text
    /// of a text element, go to the paragraph being read.
    fn chars(&mut self, text: &str) {
        if let Some(paragraph) = self.paragraphs.last_mut() {
            paragraph.push_str(text);
        }
    }

    fn end_paragraph(&mut self) -> Result<(), ReadError> {
        let text = self.paragraphs.pop().unwrap_or_default();
        self.deliver(&text)
    }

    /// A paragraph's text goes to the cell being read, or is a row of its own outside
    /// tables (when it has any text).
    fn deliver(&mut self, text: &str) -> Result<(), ReadError> {
        if let Some(table) = self.tables.last_mut() {
            if let Some(cell) = table.cell.as_mut() {
                cell.add_paragraph(text);
            }
            return Ok(());
        }
        let text = text.trim();
        if text.is_empty() {
            return Ok(());
        }
        self.push_row(vec![text.to_owned()])
    }

    fn end_cell(&mut self) {
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        let (Some(cell), Some(row)) = (table.cell.take(), table.row.as_mut()) else {
            return;
        };
        if cell.hmerge_continue {
            if let Some(previous) = row.cells.last_mut() {
                previous.span = previous.span.saturating_add(cell.span);
                return;
            }
        }
        row.cells.push(cell);
    }

    fn end_row(&mut self) {
        if let Some(table) = self.tables.last_mut() {
            if let Some(row) = table.row.take() {
                if !row.deleted {
                    table.rows.push(row);
                }
            }
            table.cell = None;
        }
    }

    /// A table closes: a table in a cell is flattened into the cell, a table of the body
    /// is laid out as rows of the grid.
    fn end_table(&mut self) -> Result<(), ReadError> {
        let Some(table) = self.tables.pop() else {
            return Ok(());
        };
        if self.tables.is_empty() {
            return self.lay_out(table);
        }
        for row in &table.rows {
            let line: Vec<String> = row
                .cells
                .iter()
                .map(|c| c.text.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|t| !t.is_empty())
                .collect();
            if !line.is_empty() {
                self.deliver(&line.join(" "))?;
            }
        }
        Ok(())
    }

    /// Lays a table of the body out as grid rows: cells in their grid columns, spans and
    /// vertical merges as [`Merge`]s, covered cells empty.
    fn lay_out(&mut self, table: Table) -> Result<(), ReadError> {
        // Vertical merges in progress, by their first column.
        let mut open: BTreeMap<u32, Merge> = BTreeMap::new();
        for row in table.rows {
            let r = u32::try_from(self.grid.rows.len()).unwrap_or(u32::MAX);
            let mut cells: Vec<String> = Vec::new();
            let mut col = row.before;
            let mut continued: Vec<u32> = Vec::new();
            for cell in row.cells {
                let span = cell.span.max(1);
                let right = col.saturating_add(span);
                if right > MAX_DOCX_COLUMNS {
                    return Err(self.too_large(
                        format!("the table row ({right} columns)"),
                        format!("{MAX_DOCX_COLUMNS} columns"),
                    ));
                }
                let last = right - 1;
                let mut text = cell.text.trim().to_owned();
                match cell.vmerge {
                    Some(VMerge::Continue) if open.get(&col).is_some_and(|m| m.right == last) => {
                        if let Some(merge) = open.get_mut(&col) {
                            merge.bottom = r;
                        }
                        continued.push(col);
                        text.clear();
                    }
                    Some(VMerge::Restart) => {
                        self.close(open.remove(&col));
                        open.insert(
                            col,
                            Merge {
                                top: r,
                                left: col,
                                bottom: r,
                                right: last,
                            },
                        );
                        continued.push(col);
                    }
                    _ => {
                        self.close(open.remove(&col));
                        if span > 1 {
                            self.close(Some(Merge {
                                top: r,
                                left: col,
                                bottom: r,
                                right: last,
                            }));
                        }
                    }
                }
                place(&mut cells, col, right, text);
                col = right;
            }
            // Trailing empty cells say nothing (the form text drops them too).
            let used = cells
                .iter()
                .rposition(|c| !c.is_empty())
                .map_or(0, |p| p + 1);
            cells.truncate(used);
            let ended: Vec<u32> = open
                .keys()
                .copied()
                .filter(|left| !continued.contains(left))
                .collect();
            for left in ended {
                self.close(open.remove(&left));
            }
            self.push_row(cells)?;
        }
        for (_, merge) in std::mem::take(&mut open) {
            self.close(Some(merge));
        }
        Ok(())
    }

    /// Keeps a merged range that covers more than one cell.
    fn close(&mut self, merge: Option<Merge>) {
        if let Some(m) = merge.filter(|m| m.bottom > m.top || m.right > m.left) {
            self.grid.merged.push(m);
        }
    }

    fn push_row(&mut self, cells: Vec<String>) -> Result<(), ReadError> {
        let line = u32::try_from(self.grid.rows.len())
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        if line > MAX_DOCX_ROWS {
            return Err(self.too_large(
                "the number of rows (paragraphs and table rows)".to_owned(),
                format!("{MAX_DOCX_ROWS} rows"),
            ));
        }
        let width = u64::try_from(cells.len()).unwrap_or(u64::MAX);
        self.grid.cells = self.grid.cells.saturating_add(width);
        if self.grid.cells > MAX_SHEET_CELLS {
            return Err(self.too_large(
                format!("the document's cells ({} so far)", self.grid.cells),
                format!("{MAX_SHEET_CELLS} cells"),
            ));
        }
        let bytes: usize = cells.iter().map(|c| c.len() + 1).sum();
        if bytes > MAX_LINE_BYTES {
            return Err(self.too_large(
                format!("the row's text ({bytes} bytes)"),
                format!("{MAX_LINE_BYTES} bytes per row"),
            ));
        }
        self.grid.rows.push(RawRow { line, cells });
        Ok(())
    }
}

/// Puts `text` in column `col` of a row, the row filled with empty cells up to `right`
/// (exclusive) at least. `right` is bounded by the caller.
fn place(cells: &mut Vec<String>, col: u32, right: u32, text: String) {
    let (Ok(col), Ok(right)) = (usize::try_from(col), usize::try_from(right)) else {
        return;
    };
    if cells.len() < right.max(col) {
        cells.resize(right.max(col), String::new());
    }
    if let Some(cell) = cells.get_mut(col) {
        *cell = text;
    }
}

/// The character of a `w:sym` element (`w:char` in hex, `w:font`): a Unicode character
/// as it is, the Symbol font's private-use codes for the signs targets use mapped to
/// Unicode, other private-use codes (Wingdings pictures) dropped.
fn symbol(e: &BytesStart<'_>) -> Option<char> {
    let code = u32::from_str_radix(attribute(e, "char")?.trim(), 16).ok()?;
    let font = attribute(e, "font").unwrap_or_default();
    let low = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    if font.eq_ignore_ascii_case("Symbol") && low <= 0xFF {
        let mapped = match low {
            0xA3 => '≤',
            0xB3 => '≥',
            0xB1 => '±',
            0xB4 => '×',
            0xB8 => '÷',
            0xB9 => '≠',
            0xB0 => '°',
            0xB7 => '•',
            0x25 => '%',
            0x2B => '+',
            0x2D => '−',
            0x3C => '<',
            0x3D => '=',
            0x3E => '>',
            _ => return None,
        };
        return Some(mapped);
    }
    if (0xE000..=0xF8FF).contains(&code) {
        return None;
    }
    char::from_u32(code).filter(|c| !c.is_control())
}
