//! The documented bounds of the readers (限制). Every bound is checked before the work it
//! bounds, and exceeding one is a [`ReadError::TooLarge`](crate::error::ReadError) naming
//! what is too large, the limit, and where (file, line or sheet). No allocation or
//! recursion driven by the input is unbounded: memory is at most a small multiple of the
//! input size, itself bounded by [`MAX_INPUT_BYTES`], and a workbook's decompressed size is
//! bounded before anything is decompressed.
//!
//! The bounds are far above any real 申报表, 自评表 or list export (a province's whole
//! year is a few thousand projects of a few dozen indicators each), so that they only ever
//! stop hostile or broken input. See `docs/robustness.md`.

/// The largest input a reader accepts, in bytes: 1 GiB.
pub const MAX_INPUT_BYTES: usize = 1 << 30;

/// The longest line of a text input (form, CSV, TSV), in bytes after decoding to UTF-8:
/// 1 MiB. A line that long is not a form row nor a list row (a whole 绩效目标 paragraph
/// is a few KiB); it is a file without line breaks or binary data. The canonical JSON is
/// exempt (compact JSON is one line).
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// The most lines of a text input (form, CSV, TSV): 33,554,432. A 1 GiB input (the
/// [`MAX_INPUT_BYTES`] bound) of 自评表 text has about 15 M lines; this bounds the row
/// index of a file made only of line breaks, not real documents (a province's year of
/// 申报表 in one file must read whole).
pub const MAX_LINES: usize = 1 << 25;

/// The longest cell of a workbook, in characters: 32,767, Excel's own limit (a longer cell
/// was not written by Excel).
pub const MAX_CELL_CHARS: usize = 32_767;

/// The most rows of a sheet: 1,048,576, Excel's own limit.
pub const MAX_SHEET_ROWS: u32 = 1 << 20;

/// The most columns of a sheet: 16,384 (`XFD`), Excel's own limit.
pub const MAX_SHEET_COLUMNS: u32 = 1 << 14;

/// The most cells of a sheet's used range (rows × columns), checked before the range is
/// laid out in memory: 20,000,000. A sheet with one cell in `A1` and one in `XFD1048576`
/// declares 17 billion cells; it is refused instead of allocated.
pub const MAX_SHEET_CELLS: u64 = 20_000_000;

/// The most cells of all the used ranges of an `.xls` workbook together: 4,000,000.
/// calamine lays every sheet of an `.xls` out when it opens the file, so the cell records
/// are scanned first and a workbook whose ranges pass this is refused unread (a real form
/// holds a few hundred cells; BIFF8 allows 16 million per sheet).
pub const MAX_XLS_CELLS: u64 = 4_000_000;

/// The most rows of a Word document's body as one grid (its paragraphs outside tables
/// and its table rows): 1,048,576, as a sheet. A 申报表 is about 40 rows; a document of
/// 20,000 of them is a roll-up to split. Its columns are bounded by
/// [`MAX_DOCX_COLUMNS`], its cells as a sheet's ([`MAX_SHEET_CELLS`]), and each row, a line of the form text
/// the form reader reads, by [`MAX_LINE_BYTES`].
pub const MAX_DOCX_ROWS: u32 = 1 << 20;

/// The most columns of a Word table (its grid columns, `w:gridBefore` and `w:gridSpan`
/// included): 1,024. Word itself makes at most 63; the bound keeps one short cell that
/// spans millions of columns from becoming millions of cells.
pub const MAX_DOCX_COLUMNS: u32 = 1 << 10;

/// The most sheets of a workbook: 1,000.
pub const MAX_SHEETS: usize = 1_000;

/// The most entries (files) in a workbook's zip container: 10,000.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// The largest declared uncompressed size of one zip entry of a workbook (a sheet's XML,
/// the shared strings): 256 MiB. The zip library stops reading an entry at its declared
/// size, so declared sizes bound what decompression produces (a zip bomb declares its
/// real size or is cut short).
pub const MAX_ZIP_ENTRY_BYTES: u64 = 256 << 20;

/// The largest total declared uncompressed size of a workbook's zip entries: 512 MiB.
pub const MAX_ZIP_TOTAL_BYTES: u64 = 512 << 20;

/// The most pages of a PDF: 5,000 (a year's 自评表 of a whole bureau is a few hundred
/// pages). Checked from the page tree before any page is read.
pub const MAX_PDF_PAGES: usize = 5_000;

/// The most objects of a PDF: 2,000,000 (a real form export has a few hundred; each page
/// adds a handful). Checked once the cross-reference table is read, before any page.
pub const MAX_PDF_OBJECTS: usize = 2_000_000;

/// The most characters drawn on one PDF page: 100,000 (a dense A4 page of 5 pt text
/// holds about 20,000).
pub const MAX_PDF_PAGE_GLYPHS: usize = 100_000;

/// The most ruling lines (stroked segments, thin filled rectangles) of one PDF page:
/// 20,000 (a form page has a few hundred: every cell border may be its own segment).
pub const MAX_PDF_PAGE_RULINGS: usize = 20_000;

/// The most grid cells (rows × columns between the ruling lines) of one table on one PDF
/// page: 1,000,000 (a page-high table of 5 pt rows and 2 pt columns has 40,000).
pub const MAX_PDF_TABLE_CELLS: usize = 1_000_000;

/// The deepest nesting of form XObjects (drawings that draw drawings) in a PDF: 32 (real
/// exports nest 1–3). A form that draws itself is refused too: the content interpreter
/// would recurse until the stack overflows.
pub const MAX_PDF_FORM_NESTING: usize = 32;

/// The most declarations (项目: one 申报表/自评表 each) in one document: 1,048,576. A
/// 1 GiB form text holds about 400,000 申报表; a national roll-up of more is streamed
/// (`read::stream`) or split across files.
pub const MAX_DECLARATIONS: usize = 1 << 20;

/// The most indicators (三级指标) of one declaration: 10,000 (real ones have 5–60).
pub const MAX_INDICATORS: usize = 10_000;

/// The deepest nesting of the canonical JSON: 128, serde_json's recursion limit (the
/// model itself nests 6 deep).
pub const MAX_JSON_DEPTH: usize = 128;
