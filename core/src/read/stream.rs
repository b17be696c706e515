//! 逐份读取: a reader that yields declarations (申报表 / 自评表) one at a time from a
//! [`std::io::Read`], so that memory stays flat however large the input (a province's
//! 1 GB export reads in well under 100 MB).
//!
//! ```
//! use jixiao::read::{stream, ReadOptions};
//! let text = "财政项目支出绩效目标申报表\n项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥17(人)\n\
//!             财政项目支出绩效目标申报表\n项目名称\t乙\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥9(人)\n";
//! let names: Vec<String> = stream::declarations(text.as_bytes(), &ReadOptions::default())
//!     .unwrap()
//!     .map(|item| item.unwrap().0.project.name)
//!     .collect();
//! assert_eq!(names, ["甲", "乙"]);
//! ```
//!
//! How each layout is cut:
//! - **form layout** (表单式): at each form title line (`财政项目支出绩效目标申报表`,
//!   `…绩效自评表`); the lines before the first title (the document title, which names the
//!   year) are read with every form. A form text without title lines is read whole.
//! - **list layout** (清单式, CSV/TSV): the title and header rows once, then consecutive
//!   rows of the same project (项目名称, 项目编码, 申报表序号) as one declaration. Rows of
//!   one project must be consecutive (as every export writes them): a project that comes
//!   back later is yielded again.
//! - JSON, `.xlsx` workbooks and Markdown pipe tables are read whole (within
//!   [`super::MAX_INPUT_BYTES`]) and then yielded one by one.
//!
//! Each declaration is read by the same readers as [`super::read`], so a declaration
//! streamed is equal to the one read whole; its lines and its findings' lines are those of
//! the whole input. Findings about the document itself (its title, unknown list columns)
//! come with the first declaration. An error in one declaration is an `Err` item and the
//! iterator goes on with the next.
//!
//! Bounds: a line longer than [`crate::limits::MAX_LINE_BYTES`] (form layout) and a
//! declaration of more than [`crate::limits::MAX_INDICATORS`] indicators are the
//! `too_large` errors [`super::read`] gives (checked by the same functions), as `Err`
//! items; the size of the input and the number of declarations are not bounded.
//! A CSV/TSV quoted cell never closed is the `malformed` error of [`super::read`] (the
//! same quoting check, fed as the input is read), as the last item in place of the
//! declaration that would have held the rest of the input.
//!
//! Encodings: the first 64 KiB decide (a BOM; else valid UTF-8 is UTF-8; else GB18030, or
//! what [`ReadOptions::encoding`] says), then the input is decoded incrementally with
//! `encoding_rs`'s streaming decoder (UTF-8, GB18030, UTF-16LE/BE): a byte that is not
//! valid in that encoding later in the input is an `Err` item (`bad_encoding`) and ends
//! the stream. Line ends `\r\n`, `\n` and `\r` are all read as `\n`, as when reading whole.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};

use crate::diagnostic::Finding;
use crate::error::{Location, ReadError};
use crate::model::Declaration;

use super::list::columns::Column;
use super::list::header::{find_header, HEADER_SEARCH_ROWS};
use super::list::{read_raw_table, Quotes, RawRow, RawTable};
use super::{
    check_indicator_count, check_line_length, detect, form, read, Encoding, InputFormat,
    ReadOptions, MAX_INPUT_BYTES,
};

/// One declaration with what its reader recovered from.
pub type Item = Result<(Declaration, Vec<Finding>), ReadError>;

/// How much of the input decides the encoding and the format.
const HEAD_BYTES: usize = 64 * 1024;

/// Declarations read one at a time from `reader`: see the [module docs](self).
///
/// Fails only when the start of the input cannot be read (empty, not a known format, an
/// encoding error in the first 64 KiB); later problems are `Err` items.
pub fn declarations<R: Read>(
    mut reader: R,
    options: &ReadOptions,
) -> Result<Declarations<R>, ReadError> {
    let at = options.location();
    let mut head = Vec::with_capacity(HEAD_BYTES);
    (&mut reader)
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|e| io_error(&at, &e))?;
    // An office file or a PDF is told by its raw first bytes, before any decoding, as
    // `read` tells it; it is read whole.
    let binary = match options.format {
        Some(format) => Some(format).filter(|f| f.is_binary()),
        None => super::detect_binary(&head, options)?,
    };
    // The encoding as `read` chooses it, on the head: the same refusals (UTF-16 without a
    // BOM, GB18030 asked for UTF-8 text), the same choice.
    let encoding = match binary {
        Some(_) => encoding_rs::UTF_8,
        None => {
            super::encoding::choose_for_head(&head, options.encoding, options.file_name.as_deref())?
        }
    };
    // Sniff the format on whole lines of the decoded head, as `read` would.
    let head_text = decode_head(&head, encoding);
    let cut = head_text.rfind('\n').map_or(head_text.len(), |i| i + 1);
    let sniff = ReadOptions {
        encoding: Encoding::Utf8,
        ..options.clone()
    };
    let format = match (options.format, binary) {
        (Some(format), _) | (None, Some(format)) => format,
        (None, None) => detect(head_text.get(..cut).unwrap_or_default().as_bytes(), &sniff)?,
    };
    let whole = format == InputFormat::Json
        || format.is_binary()
        || head_text.trim_start().starts_with('|');
    let mut pending = VecDeque::new();
    let source = if whole {
        let mut bytes = head;
        let room = (MAX_INPUT_BYTES + 1).saturating_sub(bytes.len());
        (&mut reader)
            .take(room as u64)
            .read_to_end(&mut bytes)
            .map_err(|e| io_error(&at, &e))?;
        let reading = read(&bytes, options)?;
        let mut findings = reading.diagnostics;
        for declaration in reading.document.declarations {
            let (mine, rest) = findings
                .into_iter()
                .partition(|f| f.project.as_deref() == Some(declaration.project.name.as_str()));
            findings = rest;
            pending.push_back(Ok((declaration, mine)));
        }
        if let Some(Ok((_, first))) = pending.front_mut() {
            first.extend(findings);
        }
        Source::Taken
    } else {
        Source::Text(BufReader::with_capacity(
            HEAD_BYTES,
            Decoding::new(head, reader, encoding),
        ))
    };
    Ok(Declarations {
        options: options.clone(),
        format,
        encoding: super::encoding::encoding_name(encoding),
        source,
        pending,
        line: 0,
        preamble: String::new(),
        preamble_lines: 0,
        chunk: String::new(),
        chunk_start: 0,
        list: None,
        first: true,
        delivered_any: false,
        done: whole,
    })
}

/// The iterator of [`declarations`].
pub struct Declarations<R: Read> {
    options: ReadOptions,
    format: InputFormat,
    encoding: &'static str,
    source: Source<R>,
    pending: VecDeque<Item>,
    /// The last line read (1-based).
    line: u32,
    /// Form layout: the lines before the first form title, read with every form.
    preamble: String,
    preamble_lines: u32,
    /// Form layout: the form being collected and its first line.
    chunk: String,
    chunk_start: u32,
    /// List layout: the rows read so far.
    list: Option<ListState<R>>,
    first: bool,
    /// Form layout: whether a form gave a declaration yet (a later form with nothing in it
    /// is an `empty_form` finding, as [`super::read`] says of it).
    delivered_any: bool,
    done: bool,
}

enum Source<R: Read> {
    Text(BufReader<Decoding<R>>),
    Taken,
}

struct ListState<R: Read> {
    records: csv::ByteRecordsIntoIter<QuoteChecked<BufReader<Decoding<R>>>>,
    /// The title and header rows.
    preamble: Vec<RawRow>,
    /// The last header line: findings at or above it are the document's.
    header_line: u32,
    /// The columns that tell one declaration from the next.
    keys: Vec<usize>,
    /// The rows of the declaration being collected.
    group: Vec<RawRow>,
    /// The keys (the `keys` cells) of the projects delivered: one entry per project, not
    /// per row, so memory stays flat in the rows.
    delivered: std::collections::HashSet<Vec<String>>,
}

impl<R: Read> Declarations<R> {
    /// The format read (detected or given).
    pub fn format(&self) -> InputFormat {
        self.format
    }

    /// The encoding read (`UTF-8`, `GB18030`, `UTF-16LE`, …).
    pub fn encoding(&self) -> &'static str {
        self.encoding
    }

    /// Form layout: reads lines up to the next form title (or the end) and queues what the
    /// form read before it holds.
    fn next_form(&mut self) {
        let Source::Text(mut reader) = std::mem::replace(&mut self.source, Source::Taken) else {
            self.done = true;
            return;
        };
        self.read_form_lines(&mut reader);
        self.source = Source::Text(reader);
    }

    fn read_form_lines(&mut self, reader: &mut BufReader<Decoding<R>>) {
        let mut line = String::new();
        loop {
            line.clear();
            let read = match reader.read_line(&mut line) {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    self.pending
                        .push_back(Err(io_error(&self.options.location(), &e)));
                    return;
                }
            };
            if read == 0 {
                self.done = true;
                self.flush_form();
                return;
            }
            self.line = self.line.saturating_add(1);
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            if let Err(e) = check_line_length(&line, self.line, &self.options) {
                self.done = true;
                self.pending.push_back(Err(e));
                return;
            }
            // Every form title names a 表; the check is exact and keeps most lines cheap.
            let title = line.contains('表') && is_title(&line);
            if title && self.chunk_start == 0 {
                self.chunk_start = self.line;
            } else if title {
                if self.delivered_any || !self.gives_nothing() {
                    self.flush_form();
                    self.chunk_start = self.line;
                    push_line(&mut self.chunk, &line);
                    return;
                }
                // Nothing read yet, and the forms so far hold nothing: they are read with
                // the next one, as `read` reads them together (a title naming the
                // document, empty forms before the first declaration).
                push_line(&mut self.chunk, &line);
                continue;
            }
            if self.chunk_start == 0 {
                push_line(&mut self.preamble, &line);
                self.preamble_lines += 1;
            } else {
                push_line(&mut self.chunk, &line);
            }
        }
    }

    /// Whether the forms collected so far (with the preamble) hold no declaration.
    fn gives_nothing(&self) -> bool {
        let mut text = String::with_capacity(self.preamble.len() + self.chunk.len());
        text.push_str(&self.preamble);
        text.push_str(&self.chunk);
        form::read_form_continued(&text, &self.options)
            .is_ok_and(|(document, _)| document.declarations.is_empty())
    }

    /// Reads the collected form (with the preamble) and queues its declarations.
    fn flush_form(&mut self) {
        let (text, offset) = if self.chunk_start == 0 {
            // No title at all: the whole text is one chunk.
            (std::mem::take(&mut self.preamble), 0)
        } else {
            let mut text = String::with_capacity(self.preamble.len() + self.chunk.len());
            text.push_str(&self.preamble);
            text.push_str(&self.chunk);
            self.chunk.clear();
            (text, self.chunk_start - 1 - self.preamble_lines)
        };
        if text.trim().is_empty() {
            return;
        }
        let first = std::mem::replace(&mut self.first, false);
        let preamble_lines = if offset == 0 { 0 } else { self.preamble_lines };
        let read = if self.delivered_any {
            form::read_form_continued(&text, &self.options)
        } else {
            form::read_form(&text, &self.options)
        };
        match read {
            Ok((document, findings)) => {
                let shift = |line: u32| {
                    if line > preamble_lines {
                        line.saturating_add(offset)
                    } else {
                        line
                    }
                };
                let mut findings: Vec<Finding> = findings
                    .into_iter()
                    .filter(|f| first || f.line.is_none_or(|l| l > preamble_lines))
                    .map(|mut f| {
                        f.line = f.line.map(shift);
                        f
                    })
                    .collect();
                let count = document.declarations.len();
                if count == 0 {
                    // An empty form after others: its finding goes with the declaration
                    // before it, still held (see `next`).
                    if let Some(Ok((_, held))) = self.pending.back_mut() {
                        held.append(&mut findings);
                    }
                }
                self.delivered_any |= count > 0;
                for (i, mut declaration) in document.declarations.into_iter().enumerate() {
                    shift_lines(&mut declaration, &shift);
                    let mine =
                        take_findings(&mut findings, &declaration.project.name, i + 1 == count);
                    self.queue(declaration, mine);
                }
            }
            Err(e) => self
                .pending
                .push_back(Err(shift_error(e, preamble_lines, offset))),
        }
    }

    /// List layout: reads rows up to the end of the declaration being collected (or of the
    /// input) and queues what it reads as.
    fn next_list(&mut self) {
        if self.list.is_none() {
            if let Err(e) = self.start_list() {
                self.done = true;
                self.pending.push_back(Err(e));
                return;
            }
            if self.done {
                return;
            }
        }
        let at = self.options.location();
        let Some(state) = self.list.as_mut() else {
            self.done = true;
            return;
        };
        loop {
            let Some(record) = state.records.next() else {
                self.done = true;
                let group = std::mem::take(&mut state.group);
                // A quote never closed has swallowed the rest of the input into one cell:
                // the error `read` gives, instead of the declaration holding it.
                let quotes = &state.records.reader().get_ref().quotes;
                match quotes.finish(&self.options) {
                    Ok(()) => self.flush_list(group),
                    Err(e) => self.pending.push_back(Err(e)),
                }
                return;
            };
            let row = match record {
                Ok(record) => raw_row(&record, &at),
                Err(e) => Err(csv_error(&at, &e)),
            };
            let row = match row {
                Ok(row) => row,
                Err(e) => {
                    self.done = true;
                    self.pending.push_back(Err(e));
                    return;
                }
            };
            if row.is_blank() {
                continue;
            }
            if let Some(group) = state.add(row) {
                // A project met again after its rows ended was delivered without these
                // rows: `read` joins them, the stream cannot; it says so and stops.
                let again = state.reappears(&group);
                self.flush_list(group);
                if let Some((line, name)) = again {
                    self.done = true;
                    self.pending
                        .push_back(Err(not_streamable(&self.options, line, &name)));
                }
                return;
            }
        }
    }

    fn start_list(&mut self) -> Result<(), ReadError> {
        let source = std::mem::replace(&mut self.source, Source::Taken);
        let Source::Text(reader) = source else {
            return Err(ReadError::Empty {
                at: self.options.location(),
            });
        };
        let delimiter = if self.format == InputFormat::Tsv {
            b'\t'
        } else {
            b','
        };
        let at = self.options.location();
        let mut records = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(QuoteChecked {
                inner: reader,
                quotes: Quotes::new(delimiter),
            })
            .into_byte_records();
        let mut rows = Vec::new();
        // The header is among the first rows; one more row for a sub-header row.
        while rows.len() < HEADER_SEARCH_ROWS + 2 {
            match records.next() {
                Some(Ok(record)) => rows.push(raw_row(&record, &at)?),
                Some(Err(e)) => return Err(csv_error(&at, &e)),
                None => break,
            }
        }
        let layout = find_header(&rows).ok_or_else(|| ReadError::NoDeclaration {
            at: at.clone().line(1),
            expected: "a list header row (项目名称, 三级指标, 指标值, …)".to_owned(),
        })?;
        let group = rows.split_off(layout.data_start.min(rows.len()));
        let header_line = rows.last().map_or(0, |r| r.line);
        let keys = [
            Column::DeclarationNo,
            Column::ProjectName,
            Column::ProjectCode,
        ]
        .iter()
        .filter_map(|c| layout.first.get(c).copied())
        .collect();
        let mut state = ListState {
            records,
            preamble: rows,
            header_line,
            keys,
            group: Vec::new(),
            delivered: std::collections::HashSet::new(),
        };
        // The data rows read with the header start the first groups, queued in order.
        let mut complete = Vec::new();
        let mut again = None;
        for row in group.into_iter().filter(|r| !r.is_blank()) {
            if let Some(ended) = state.add(row) {
                again = state.reappears(&ended);
                complete.push(ended);
                if again.is_some() {
                    break;
                }
            }
        }
        self.list = Some(state);
        for group in complete {
            self.flush_list(group);
        }
        if let Some((line, name)) = again {
            self.done = true;
            self.pending
                .push_back(Err(not_streamable(&self.options, line, &name)));
        }
        Ok(())
    }

    /// Reads the rows of one declaration (with the title and header rows) and queues its
    /// declarations at the back, after those read before it.
    fn flush_list(&mut self, group: Vec<RawRow>) {
        let Some(state) = self.list.as_ref() else {
            return;
        };
        if group.is_empty() {
            return;
        }
        let first = std::mem::replace(&mut self.first, false);
        let header_line = state.header_line;
        let mut table = RawTable {
            rows: Vec::with_capacity(state.preamble.len() + group.len()),
            ..RawTable::default()
        };
        table.rows.extend(state.preamble.iter().cloned());
        table.rows.extend(group);
        match read_raw_table(&table, &self.options) {
            Ok((document, findings)) => {
                let mut findings: Vec<Finding> = findings
                    .into_iter()
                    .filter(|f| first || f.line.is_none_or(|l| l > header_line))
                    .collect();
                let count = document.declarations.len();
                for (i, declaration) in document.declarations.into_iter().enumerate() {
                    let mine =
                        take_findings(&mut findings, &declaration.project.name, i + 1 == count);
                    self.queue(declaration, mine);
                }
            }
            Err(e) => self.pending.push_back(Err(e)),
        }
    }

    /// Queues a declaration read, or the error [`super::read`] gives for it (a bound of
    /// [`crate::limits`] it breaks).
    fn queue(&mut self, declaration: Declaration, findings: Vec<Finding>) {
        let item =
            check_indicator_count(&declaration, &self.options).map(|()| (declaration, findings));
        self.pending.push_back(item);
    }
}

impl<R: Read> ListState<R> {
    /// Records the project of `ended` as delivered, and tells whether the project now
    /// being collected was delivered before: its first line and name.
    fn reappears(&mut self, ended: &[RawRow]) -> Option<(u32, String)> {
        let key = |row: &RawRow, keys: &[usize]| -> Vec<String> {
            keys.iter().map(|&k| cell(row, k).to_owned()).collect()
        };
        if let Some(first) = ended.first() {
            self.delivered.insert(key(first, &self.keys));
        }
        let next = self.group.first()?;
        let next_key = key(next, &self.keys);
        if next_key.iter().all(String::is_empty) || !self.delivered.contains(&next_key) {
            return None;
        }
        Some((
            next.line,
            next_key
                .into_iter()
                .find(|k| !k.is_empty())
                .unwrap_or_default(),
        ))
    }

    /// Adds a data row to the declaration being collected; when the row starts another
    /// declaration, returns the rows of the one it ends.
    fn add(&mut self, row: RawRow) -> Option<Vec<RawRow>> {
        let same = self.group.first().is_none_or(|first| {
            self.keys.iter().all(|&k| {
                row.cells.get(k).is_none_or(|c| c.trim().is_empty())
                    || cell(first, k) == cell(&row, k)
            })
        });
        if same {
            self.group.push(row);
            None
        } else {
            Some(std::mem::replace(&mut self.group, vec![row]))
        }
    }
}

impl<R: Read> Iterator for Declarations<R> {
    type Item = Item;

    /// Every step queues what it read at the back of `pending`, and items leave from the
    /// front: the declarations come in the order of the input, as [`super::read`] gives them.
    fn next(&mut self) -> Option<Item> {
        loop {
            // A form's last declaration is held until the next form is read: an empty
            // form after it adds its finding to it.
            let hold = self.format == InputFormat::Form && !self.done && self.pending.len() == 1;
            if !hold {
                if let Some(item) = self.pending.pop_front() {
                    return Some(item);
                }
            }
            if self.done {
                return None;
            }
            match self.format {
                InputFormat::Form => self.next_form(),
                InputFormat::Csv | InputFormat::Tsv => self.next_list(),
                InputFormat::Json
                | InputFormat::Xlsx
                | InputFormat::Xls
                | InputFormat::Docx
                | InputFormat::Pdf => self.done = true,
            }
        }
    }
}

/// The error of a list project met again on `line` after other projects' rows.
fn not_streamable(options: &ReadOptions, line: u32, name: &str) -> ReadError {
    ReadError::NotStreamable {
        at: options.location().line(line),
        message: format!(
            "the project “{name}” comes again after other projects' rows; the stream delivered it when its rows first ended, so its rows must be together (jixiao.read reads the file whole and joins them)"
        ),
    }
}

fn is_title(line: &str) -> bool {
    form::looks_like_form(line)
}

fn push_line(text: &mut String, line: &str) {
    text.push_str(line);
    text.push('\n');
}

fn cell(row: &RawRow, index: usize) -> &str {
    row.cells.get(index).map_or("", |c| c.trim())
}

/// A record as a row: its bytes validated as UTF-8 once (`simdutf8`), then each cell
/// sliced from them (the `csv` crate's `StringRecord` validated every record with `std`,
/// the largest cost of the streaming list reader).
fn raw_row(record: &csv::ByteRecord, at: &Location) -> Result<RawRow, ReadError> {
    let line = record
        .position()
        .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
    let bad = || ReadError::Malformed {
        at: at.clone().line(line),
        message: "cannot split the line into cells: invalid UTF-8".to_owned(),
    };
    let all = simdutf8::basic::from_utf8(record.as_slice()).map_err(|_| bad())?;
    let cells = (0..record.len())
        .map(|i| {
            record
                .range(i)
                .and_then(|r| all.get(r))
                .map(str::to_owned)
                .ok_or_else(bad)
        })
        .collect::<Result<_, _>>()?;
    Ok(RawRow { line, cells })
}

fn shift_lines(declaration: &mut Declaration, shift: &impl Fn(u32) -> u32) {
    let fix = |line: &mut u32| {
        if *line > 0 {
            *line = shift(*line);
        }
    };
    fix(&mut declaration.source.line);
    fix(&mut declaration.funding.source.line);
    for indicator in &mut declaration.indicators {
        fix(&mut indicator.source.line);
    }
    if let Some(evaluation) = &mut declaration.evaluation {
        fix(&mut evaluation.source.line);
        fix(&mut evaluation.budget.source.line);
        for row in [
            &mut evaluation.budget_fiscal,
            &mut evaluation.budget_carryover,
            &mut evaluation.budget_other,
        ]
        .into_iter()
        .flatten()
        {
            fix(&mut row.source.line);
        }
    }
}

fn shift_error(mut error: ReadError, preamble_lines: u32, offset: u32) -> ReadError {
    let (ReadError::Empty { at }
    | ReadError::Binary { at }
    | ReadError::Encoding { at, .. }
    | ReadError::TooLarge { at, .. }
    | ReadError::Json { at, .. }
    | ReadError::NoDeclaration { at, .. }
    | ReadError::Malformed { at, .. }
    | ReadError::Workbook { at, .. }
    | ReadError::NotStreamable { at, .. }) = &mut error;
    at.line = at.line.map(|l| {
        if l > preamble_lines {
            l.saturating_add(offset)
        } else {
            l
        }
    });
    error
}

/// A NUL byte in the decoded text, on this 1-based line: binary data, refused as
/// [`super::read`] refuses it.
#[derive(Debug)]
struct BinaryAt(u32);

impl std::fmt::Display for BinaryAt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "binary data (a NUL byte) on line {}", self.0)
    }
}

impl std::error::Error for BinaryAt {}

fn io_error(at: &Location, error: &io::Error) -> ReadError {
    if let Some(BinaryAt(line)) = error.get_ref().and_then(|e| e.downcast_ref::<BinaryAt>()) {
        return ReadError::Binary {
            at: at.clone().line(*line),
        };
    }
    if error.kind() == io::ErrorKind::InvalidData {
        return ReadError::Encoding {
            at: at.clone(),
            encoding: error.to_string(),
        };
    }
    ReadError::Malformed {
        at: at.clone(),
        message: format!("cannot read the input: {error}"),
    }
}

fn csv_error(at: &Location, error: &csv::Error) -> ReadError {
    if let csv::ErrorKind::Io(e) = error.kind() {
        return io_error(at, e);
    }
    let line = error
        .position()
        .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
    ReadError::Malformed {
        at: at.clone().line(line),
        message: format!("cannot split the line into cells: {error}"),
    }
}

fn decode_head(head: &[u8], encoding: &'static encoding_rs::Encoding) -> String {
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let mut text = String::with_capacity(head.len() * 3 / 2 + 16);
    let _ = decoder.decode_to_string(head, &mut text, false);
    text
}

/// A [`Read`] that follows the quoting of the CSV/TSV passing through it ([`Quotes`], the
/// check of [`super::read`]).
struct QuoteChecked<R: Read> {
    inner: R,
    quotes: Quotes,
}

impl<R: Read> Read for QuoteChecked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.quotes.feed(buf.get(..n).unwrap_or_default());
        Ok(n)
    }
}

/// A [`Read`] of UTF-8 decoded incrementally from another encoding (or validated UTF-8).
struct Decoding<R: Read> {
    inner: R,
    decoder: encoding_rs::Decoder,
    /// Bytes read and not yet decoded.
    input: Vec<u8>,
    input_at: usize,
    /// Decoded bytes not yet handed out.
    output: Vec<u8>,
    output_at: usize,
    /// The last byte handed out was a `\r` (its `\n` may come in the next read).
    after_cr: bool,
    eof: bool,
    /// The line ends decoded so far (to name the line of a NUL byte).
    newlines: u32,
}

impl<R: Read> Decoding<R> {
    fn new(head: Vec<u8>, inner: R, encoding: &'static encoding_rs::Encoding) -> Self {
        Decoding {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            input: head,
            input_at: 0,
            output: Vec::new(),
            output_at: 0,
            after_cr: false,
            eof: false,
            newlines: 0,
        }
    }
}

impl<R: Read> Decoding<R> {
    /// `\r\n` and a lone `\r` become `\n`, as when reading whole (a `\r\n` cut between
    /// two reads included).
    fn normalize_line_ends(&mut self) {
        if !self.after_cr && !self.output.contains(&b'\r') {
            return;
        }
        let mut kept = 0;
        for i in 0..self.output.len() {
            let b = self.output.get(i).copied().unwrap_or_default();
            let after_cr = std::mem::replace(&mut self.after_cr, b == b'\r');
            if b == b'\n' && after_cr {
                continue;
            }
            if let Some(slot) = self.output.get_mut(kept) {
                *slot = if b == b'\r' { b'\n' } else { b };
            }
            kept += 1;
        }
        self.output.truncate(kept);
    }
}

impl<R: Read> Read for Decoding<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.output_at == self.output.len() {
            if self.input_at == self.input.len() {
                if self.eof {
                    return Ok(0);
                }
                self.input.resize(HEAD_BYTES, 0);
                self.input_at = 0;
                let n = self.inner.read(&mut self.input)?;
                self.input.truncate(n);
                self.eof = n == 0;
            }
            let pending = self.input.get(self.input_at..).unwrap_or_default();
            let room = self
                .decoder
                .max_utf8_buffer_length_without_replacement(pending.len())
                .unwrap_or(pending.len() * 3 + 16);
            self.output.clear();
            self.output.resize(room.max(16), 0);
            self.output_at = 0;
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(
                pending,
                &mut self.output,
                self.eof,
            );
            self.input_at += read;
            self.output.truncate(written);
            self.normalize_line_ends();
            // Text with a NUL byte is binary: refused, as `read` refuses it.
            if let Some(pos) = memchr::memchr(0, &self.output) {
                let before = self.output.get(..pos).unwrap_or_default();
                let line = self
                    .newlines
                    .saturating_add(
                        u32::try_from(memchr::memchr_iter(b'\n', before).count())
                            .unwrap_or(u32::MAX),
                    )
                    .saturating_add(1);
                return Err(io::Error::other(BinaryAt(line)));
            }
            self.newlines = self.newlines.saturating_add(
                u32::try_from(memchr::memchr_iter(b'\n', &self.output).count()).unwrap_or(u32::MAX),
            );
            if let encoding_rs::DecoderResult::Malformed(_, _) = result {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    self.decoder.encoding().name(),
                ));
            }
            if self.eof && self.output.is_empty() && self.input_at == self.input.len() {
                return Ok(0);
            }
        }
        let rest = self.output.get(self.output_at..).unwrap_or_default();
        let n = rest.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), rest.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.output_at += n;
        Ok(n)
    }
}

/// The findings of one declaration of a reading, taken out of `findings`: those naming
/// its project, or every one left when it is the reading's last declaration.
fn take_findings(findings: &mut Vec<Finding>, project: &str, last: bool) -> Vec<Finding> {
    if last {
        return std::mem::take(findings);
    }
    let (mine, rest) = std::mem::take(findings)
        .into_iter()
        .partition(|f| f.project.as_deref() == Some(project));
    *findings = rest;
    mine
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> (Vec<u32>, Vec<u32>) {
        let streamed = declarations(text.as_bytes(), &ReadOptions::default())
            .and_then(|items| items.map(|i| i.map(|(d, _)| d.source.line)).collect())
            .unwrap_or_default();
        let whole = read(text.as_bytes(), &ReadOptions::default())
            .map(|r| {
                r.document
                    .declarations
                    .iter()
                    .map(|d| d.source.line)
                    .collect()
            })
            .unwrap_or_default();
        (streamed, whole)
    }

    #[test]
    fn line_ends_are_read_as_when_whole() {
        let list = "项目名称,一级指标,二级指标,三级指标,指标值\n甲,产出指标,数量指标,人数,≥1人\n乙,产出指标,数量指标,人数,≥2人\n";
        for text in [
            list.to_owned(),
            list.replace('\n', "\r\n"),
            list.replace('\n', "\r"),
        ] {
            let (streamed, whole) = lines(&text);
            assert_eq!(streamed, [2, 3], "{text:?}");
            assert_eq!(streamed, whole, "{text:?}");
        }
    }
}
