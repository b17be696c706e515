//! The list layout (清单式, `formats.md` §B): a header row, then one row per 三级
//! indicator with the project fields repeated, several projects in one table. Read from
//! CSV (RFC 4180 quoting), TSV, a Markdown pipe table, a sheet of an `.xlsx` workbook, or
//! a table handed over by a binding (pandas) — all through [`read_table`]'s rules.
//!
//! - The header row is found by its names in any column order, ignoring spaces and
//!   full/half-width differences; it may have a few rows above it (a title, `年度：2024`,
//!   `金额单位：万元`, several `label：value` cells in one row). Project fields written
//!   there (`项目名称：…`, `主管部门：…`, `年度资金总额：…`, over a sheet of one project) stand
//!   for the columns the header lacks. Unknown columns are kept in `Indicator.extra` under
//!   their header. Under a budget group title of a two-row header (`预算执行情况（万元）`)
//!   分值 · 得分 are budget execution's.
//! - A note in one cell (`注：…`) and a 合计/小计/总计 row with its sums are not indicators.
//! - Rows are grouped into declarations by 项目名称 (and 项目编码, and 申报表序号 when
//!   present), in first-seen order. An empty 项目名称 (a merged cell) continues the
//!   project above; empty 一级/二级 cells carry over from the row above.
//! - The comparator (计算符号/符号/指标性质/指标方向: `≥ ≤ = > < ≧ ═`) and unit
//!   (计量单位/度量单位/单位, `%(百分比)` = `%`) columns are merged into the typed
//!   target; `Target.text` stays the 指标值 cell as written. 正向/反向/定性 in those columns
//!   is the indicator's declared direction; a contradiction with the comparator is a
//!   `direction_conflict` finding.
//! - An Excel date serial (`44,561`) in the value of a 时效 indicator (or one named
//!   …时间/…日期) is read as that date: the text is kept, the target is typed from the date
//!   (`2021年12月31日`), the date is recorded as the extra field [`TARGET_DATE_KEY`], and an
//!   `excel_date_serial` finding says so.
//! - Cells are trimmed. A value that cannot be read (a non-numeric 分值, a bad date) is
//!   kept as an extra field under its header, with a finding naming row and column.

pub mod cells;
pub mod columns;
pub mod header;
mod split;
mod table;

use crate::diagnostic::Finding;
use crate::error::ReadError;
use crate::model::Document;

use super::ReadOptions;

pub use table::{column_letter, TARGET_DATE_KEY};

/// One row of a table, with the line (or sheet row) it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawRow {
    /// 1-based line in the text (the first line of a quoted multi-line record), or the
    /// 1-based row of a sheet.
    pub line: u32,
    /// The cells, left to right.
    pub cells: Vec<String>,
}

impl RawRow {
    /// Whether every cell is empty or blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A table of rows as a reader found it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawTable {
    /// The rows, top to bottom (blank rows may be included).
    pub rows: Vec<RawRow>,
    /// The sheet name, for a workbook.
    pub sheet: Option<String>,
    /// The 0-based sheet column of `cells[0]` (for column letters in messages).
    pub first_column: u32,
}

/// Reads a table handed over as headers and rows of strings (pandas `DataFrame`, a
/// sheet): the same rules as the CSV reader. The header row is line 1 and the rows are
/// lines 2, 3, … in messages.
///
/// ```
/// use jixiao::read::list::read_table;
/// let headers: Vec<String> = ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"]
///     .iter().map(|s| s.to_string()).collect();
/// let rows = vec![vec!["示例项目".to_string(), "产出指标".into(), "数量指标".into(), "培训人数".into(), "≥17人".into()]];
/// let (doc, _) = read_table(&headers, &rows, &Default::default()).unwrap();
/// assert_eq!(doc.declarations[0].indicators[0].name, "培训人数");
/// ```
pub fn read_table(
    headers: &[String],
    rows: &[Vec<String>],
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    let mut table = RawTable {
        rows: Vec::with_capacity(rows.len() + 1),
        ..RawTable::default()
    };
    table.rows.push(RawRow {
        line: 1,
        cells: headers.to_vec(),
    });
    for (i, row) in rows.iter().enumerate() {
        table.rows.push(RawRow {
            line: u32::try_from(i + 2).unwrap_or(u32::MAX),
            cells: row.clone(),
        });
    }
    read_raw_table(&table, options)
}

/// Reads a [`RawTable`] (what the CSV, Markdown and workbook readers produce).
pub fn read_raw_table(
    table: &RawTable,
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    table::read_rows(table, options)
}

/// The delimiter of a list-layout text: `b','` or `b'\t'`, or `b'|'` for a Markdown pipe
/// table, when one of the first lines (title lines may come first) is a header row naming
/// both 项目名称 and 三级指标 (or 指标名称). `None` otherwise — a form's own indicator
/// table (一级指标 · 二级指标 · 三级指标 · 指标值, without 项目名称) is not a list.
///
/// ```
/// use jixiao::read::list::sniff_delimiter;
/// assert_eq!(sniff_delimiter("项目名称,三级指标,指标值\n示例,培训人数,≥17人\n"), Some(b','));
/// assert_eq!(sniff_delimiter("汇总表\n项目名称\t三级指标\t指标值\n"), Some(b'\t'));
/// assert_eq!(sniff_delimiter("一级指标\t二级指标\t三级指标\t指标值\n"), None);
/// ```
pub fn sniff_delimiter(text: &str) -> Option<u8> {
    let lines = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(header::HEADER_SEARCH_ROWS);
    for line in lines {
        let candidates: [(u8, Vec<String>); 3] = [
            (b'|', markdown_cells(line).unwrap_or_default()),
            (b'\t', line.split('\t').map(str::to_owned).collect()),
            (b',', csv_line_cells(line)),
        ];
        for (delimiter, cells) in candidates {
            if cells.len() > 1 && header::Layout::from_header(0, &cells).is_complete() {
                return Some(delimiter);
            }
        }
    }
    None
}

fn csv_line_cells(line: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    reader
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Reads a list-layout text: CSV or TSV with `delimiter` (RFC 4180 quoting: a quoted
/// field may hold the delimiter, quotes and line breaks), or a Markdown pipe table
/// (recognized from its `|` rows whatever the delimiter).
pub fn read_list(
    text: &str,
    delimiter: u8,
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    if text.trim().is_empty() {
        return Err(ReadError::Empty {
            at: options.location(),
        });
    }
    if delimiter == b'|' || is_markdown_table(text) {
        return read_raw_table(&markdown_table(text), options);
    }
    check_quotes(text, delimiter, options)?;
    // The first records (where the header is) are kept; the data rows are read one at a
    // time with cells borrowed from the text.
    let mut records = split::Records::new(text, delimiter);
    let mut first = Vec::new();
    let mut cells = Vec::new();
    let mut filled = 0;
    while filled <= header::HEADER_SEARCH_ROWS {
        match records.next_into(&mut cells) {
            Ok(Some(line)) => {
                let row = RawRow {
                    line,
                    cells: cells.drain(..).map(String::from).collect(),
                };
                filled += usize::from(!row.is_blank());
                first.push(row);
            }
            Ok(None) => break,
            Err(split::CutCharacter(line)) => return Err(table::cut_character(options, line)),
        }
    }
    table::read_records(&first, records, options)
}

/// Refuses a CSV/TSV whose quoted cell is never closed: the CSV parser would read the rest
/// of the file as that one cell, silently. Follows RFC 4180 as the parser does: a quote
/// opens a cell only at the start of a cell, `""` inside is a quote, and a quote followed by
/// anything else closes it.
fn check_quotes(text: &str, delimiter: u8, options: &ReadOptions) -> Result<(), ReadError> {
    let mut quotes = Quotes::new(delimiter);
    quotes.feed(text.as_bytes());
    quotes.finish(options)
}

/// The quoting state of a CSV/TSV read in pieces (see `check_quotes`): the streaming
/// reader feeds it what it reads, so that an unclosed quote is the error `read` gives.
pub(crate) struct Quotes {
    delimiter: u8,
    line: u32,
    opened_at: u32,
    quoted: bool,
    /// A quote inside a quoted cell: `""` or the end of the cell, as the next byte says.
    quote_pending: bool,
    cell_start: bool,
}

impl Quotes {
    /// The state at the start of a text.
    pub(crate) fn new(delimiter: u8) -> Self {
        Quotes {
            delimiter,
            line: 1,
            opened_at: 0,
            quoted: false,
            quote_pending: false,
            cell_start: true,
        }
    }

    /// Reads the next bytes of the text.
    pub(crate) fn feed(&mut self, bytes: &[u8]) {
        let delimiter = self.delimiter;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            i += 1;
            if std::mem::take(&mut self.quote_pending) {
                if b == b'"' {
                    // `""`: a quote inside the cell.
                    continue;
                }
                self.quoted = false;
            }
            if self.quoted {
                if b == b'"' {
                    self.quote_pending = true;
                }
            } else if b == b'"' && self.cell_start {
                self.quoted = true;
                self.opened_at = self.line;
            }
            if b == b'\n' {
                self.line = self.line.saturating_add(1);
            }
            self.cell_start = !self.quoted && (b == delimiter || b == b'\n');
            if self.quote_pending {
                continue;
            }
            // Only quotes, delimiters and line ends matter: jump to the next one (the bytes
            // passed leave a cell started or not, and the line unchanged).
            match bytes
                .get(i..)
                .and_then(|rest| memchr::memchr3(b'"', b'\n', delimiter, rest))
            {
                Some(next) if next > 0 => {
                    self.cell_start = false;
                    i += next;
                }
                Some(_) => {}
                None => {
                    if bytes.len() > i {
                        self.cell_start = false;
                    }
                    return;
                }
            }
        }
    }

    /// Whether a quoted cell is open (the text read so far ends inside it).
    pub(crate) fn is_open(&self) -> bool {
        self.quoted && !self.quote_pending
    }

    /// At the end of the text: the error of a quoted cell never closed.
    pub(crate) fn finish(&self, options: &ReadOptions) -> Result<(), ReadError> {
        if self.is_open() {
            return Err(ReadError::Malformed {
                at: options.location().line(self.opened_at),
                message: "a quoted cell (\"…) opened on this line is never closed: the rest of the file would be read as that one cell; close the quote or remove it".to_owned(),
            });
        }
        Ok(())
    }
}

/// Whether the text's table is a Markdown pipe table (its first `|` row comes before any
/// delimited header row).
fn is_markdown_table(text: &str) -> bool {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(header::HEADER_SEARCH_ROWS)
        .any(|l| {
            markdown_cells(l)
                .is_some_and(|cells| header::Layout::from_header(0, &cells).is_header())
        })
}

/// The cells of a Markdown table row (`| a | b |`), unescaped; `None` for other lines.
fn markdown_cells(line: &str) -> Option<Vec<String>> {
    let trimmed = line.trim();
    let inner = trimmed.strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('|') => cell.push('|'),
                Some('\\') => cell.push('\\'),
                Some(other) => {
                    cell.push('\\');
                    cell.push(other);
                }
                None => cell.push('\\'),
            },
            '|' => cells.push(unescape_markdown(&std::mem::take(&mut cell))),
            _ => cell.push(c),
        }
    }
    cells.push(unescape_markdown(&cell));
    Some(cells)
}

/// `\|` → `|` and `\\` → `\` in a Markdown line outside a table.
fn unescape_backslashes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some(next @ ('|' | '\\'))) => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

fn unescape_markdown(cell: &str) -> String {
    cell.trim()
        .replace("<br>", "\n")
        .replace("&lt;", "<")
        .replace("&amp;", "&")
}

/// Whether a Markdown row is the `| --- | :---: |` separator.
fn is_separator(cells: &[String]) -> bool {
    cells.iter().all(|c| {
        let c = c.trim();
        !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':'))
    })
}

fn markdown_table(text: &str) -> RawTable {
    let mut table = RawTable::default();
    let mut started = false;
    for (i, line) in text.lines().enumerate() {
        let line_no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        match markdown_cells(line) {
            Some(cells) if is_separator(&cells) => {}
            Some(cells) => {
                started = true;
                table.rows.push(RawRow {
                    line: line_no,
                    cells,
                });
            }
            None if started => {}
            None => {
                // Lines above the table: a `# title`, `年度：2024`.
                let trimmed = line.trim();
                let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
                let text = match trimmed.get(hashes..) {
                    Some(rest) if hashes > 0 && rest.starts_with(' ') => rest.trim(),
                    _ => trimmed,
                };
                if !text.is_empty() {
                    table.rows.push(RawRow {
                        line: line_no,
                        cells: vec![unescape_markdown(&unescape_backslashes(text))],
                    });
                }
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_fed_in_two_pieces_read_as_whole() {
        let options = ReadOptions::named("q.csv");
        for text in [
            "a,b\n\"x\",y\n",
            "a,b\n\"x\"\"y\",z\n",
            "a,b\n\"two\nlines\",z\n",
            "a,b\nx\"y,z\n",
            "a,b\n\"x\"y,z\n",
            "a,b\nc,d\ne,\"f\ng,h\n",
            "a,b\nc,\"\"\"\n",
            "a,b\nc,\"\"\"\"\n,\"d",
        ] {
            let whole = check_quotes(text, b',', &options).map_err(|e| e.location().line);
            for cut in 0..=text.len() {
                let mut quotes = Quotes::new(b',');
                let (a, b) = text.as_bytes().split_at(cut);
                quotes.feed(a);
                quotes.feed(b);
                let pieces = quotes.finish(&options).map_err(|e| e.location().line);
                assert_eq!(pieces, whole, "{text:?} cut at {cut}");
            }
        }
    }

    #[test]
    fn quotes_never_closed_are_malformed() {
        let options = ReadOptions::named("q.csv");
        for ok in [
            "a,b\n\"x\",y\n",
            "a,b\n\"x\"\"y\",z\n",
            "a,b\n\"two\nlines\",z\n",
            "a,b\nx\"y,z\n",
            "a,b\n\"x\"y,z\n",
        ] {
            assert!(check_quotes(ok, b',', &options).is_ok(), "{ok:?}");
        }
        let err = check_quotes("a,b\nc,d\ne,\"f\ng,h\n", b',', &options).unwrap_err();
        assert_eq!((err.code(), err.location().line), ("malformed", Some(3)));
        // In a TSV only a cell-leading quote opens; a comma does not start a cell.
        assert!(check_quotes("a\tb\nc,\"d\te\n", b'\t', &options).is_ok());
        assert!(check_quotes("a\tb\nc\t\"d,e\n", b'\t', &options).is_err());
    }

    #[test]
    fn markdown_rows() {
        assert_eq!(
            markdown_cells("| a \\| b | c<br>d | &lt;5% |"),
            Some(vec![
                "a | b".to_owned(),
                "c\nd".to_owned(),
                "<5%".to_owned()
            ])
        );
        assert!(is_separator(&markdown_cells("|---|:---:|").unwrap()));
        assert_eq!(markdown_cells("no table"), None);
    }

    #[test]
    fn markdown_cell_with_comma_and_quote_is_not_a_csv_quote() {
        // A Markdown row is not CSV: `项,"目` holds a comma and a quote as text.
        let text =
            "| 项目名称 | 三级指标 | 指标值 |\n|---|---|---|\n| 项,\"目 | 人数 | ≥17(人) |\n";
        let (document, _) = read_list(text, b',', &ReadOptions::named("p.md")).unwrap();
        assert_eq!(document.declarations[0].project.name, "项,\"目");
    }

    #[test]
    fn sniffs_markdown() {
        assert_eq!(
            sniff_delimiter("# 标题\n\n| 项目名称 | 三级指标 | 指标值 |\n|---|---|---|\n"),
            Some(b'|')
        );
    }
}
