//! Readers: bytes → [`Document`]. Every reader detects the encoding (see
//! [`encoding`]), accepts any line ends, never panics, and names the file, line and what
//! was expected when it fails. What a reader can recover from (an unparseable 指标值, an
//! unknown 二级 label) becomes a [`Finding`] in [`Reading::diagnostics`] instead.

pub mod cell;
#[cfg(feature = "xlsx")]
pub mod docx;
pub mod encoding;
pub mod form;
pub mod grid;
pub mod json;
pub mod lexicon;
pub mod list;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod stream;
#[cfg(feature = "xlsx")]
pub mod xls;
#[cfg(feature = "xlsx")]
mod xls_formula;
#[cfg(feature = "xlsx")]
pub mod xlsx;
#[cfg(feature = "xlsx")]
mod zip_container;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::error::{Location, ReadError};
use crate::model::{Declaration, Document};

pub use encoding::{decode, Encoding};

/// The formats a reader understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    /// The canonical JSON (`jixiao/1`).
    Json,
    /// The form layout (表单式): text copied or extracted from the official form.
    Form,
    /// The list layout (清单式) as comma-separated values.
    Csv,
    /// The list layout as tab-separated values.
    Tsv,
    /// An `.xlsx` workbook: list sheets, or form sheets (申报表/自评表 kept in Excel).
    Xlsx,
    /// A legacy `.xls` workbook (Excel 97–2003), read as [`InputFormat::Xlsx`] is.
    Xls,
    /// A Word `.docx` document: its tables (and the text between them) read as a form
    /// or a list.
    Docx,
    /// A `.pdf` with a text layer: its ruled tables read as a form or a list.
    Pdf,
}

impl InputFormat {
    /// `json`, `form`, `csv`, `tsv`, `xlsx`, `xls`, `docx` or `pdf`.
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Json => "json",
            InputFormat::Form => "form",
            InputFormat::Csv => "csv",
            InputFormat::Tsv => "tsv",
            InputFormat::Xlsx => "xlsx",
            InputFormat::Xls => "xls",
            InputFormat::Docx => "docx",
            InputFormat::Pdf => "pdf",
        }
    }

    /// Whether the format is an office file or a PDF (read whole, as a grid of cells:
    /// [`grid`]), not text.
    pub fn is_binary(self) -> bool {
        matches!(
            self,
            InputFormat::Xlsx | InputFormat::Xls | InputFormat::Docx | InputFormat::Pdf
        )
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for InputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(InputFormat::Json),
            "form" | "txt" | "text" => Ok(InputFormat::Form),
            "csv" => Ok(InputFormat::Csv),
            "tsv" | "tab" => Ok(InputFormat::Tsv),
            "xlsx" => Ok(InputFormat::Xlsx),
            "xls" => Ok(InputFormat::Xls),
            "docx" => Ok(InputFormat::Docx),
            "pdf" => Ok(InputFormat::Pdf),
            other => Err(format!(
                "unknown input format `{other}` (expected json, form, csv, tsv, xlsx, xls, docx or pdf)"
            )),
        }
    }
}

/// How to read an input. The default detects everything from the content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The file name, used in messages and as a hint for the format.
    pub file_name: Option<String>,
    /// The format; `None` detects it from the content (and the name as a hint).
    pub format: Option<InputFormat>,
    /// The text encoding; [`Encoding::Auto`] detects it.
    pub encoding: Encoding,
}

impl ReadOptions {
    /// Options for a named file, everything else detected.
    pub fn named(file_name: &str) -> Self {
        ReadOptions {
            file_name: Some(file_name.to_owned()),
            ..ReadOptions::default()
        }
    }

    pub(crate) fn location(&self) -> Location {
        Location::file(self.file_name.as_deref())
    }
}

/// What a reader produced: the document, what it recovered from, and what it detected.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The document read.
    pub document: Document,
    /// What the reader recovered from, each with its line.
    pub diagnostics: Vec<Finding>,
    /// The format detected (or given).
    pub format: InputFormat,
    /// The encoding detected (or given), e.g. `UTF-8`, `GB18030`, `UTF-16LE`.
    pub encoding: &'static str,
}

/// The largest input a reader accepts: 1 GiB (see [`crate::limits`]).
pub use crate::limits::MAX_INPUT_BYTES;

/// Reads a document from bytes, detecting the format and encoding unless `options` fix them.
///
/// Inputs beyond the bounds of [`crate::limits`] (size, line length, lines, sheets, cells,
/// declarations, indicators per declaration) are a [`ReadError::TooLarge`].
///
/// ```
/// let text = "财政项目支出绩效目标申报表\n项目名称\t示例项目\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥17(人)\n";
/// let reading = jixiao::read::read(text.as_bytes(), &jixiao::read::ReadOptions::default()).unwrap();
/// assert_eq!(reading.document.declarations.len(), 1);
/// ```
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<Reading, ReadError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            at: options.location(),
            what: format!("the input ({} bytes)", bytes.len()),
            limit: format!("{MAX_INPUT_BYTES} bytes"),
        });
    }
    let format = match options.format {
        Some(format) => Some(format),
        None => detect_binary(bytes, options)?,
    };
    if let Some(format) = format.filter(|f| f.is_binary()) {
        let (document, diagnostics) = read_binary(bytes, format, options)?;
        check_counts(&document, options)?;
        return Ok(Reading {
            document,
            diagnostics,
            format,
            encoding: "binary",
        });
    }
    // Borrowed when the input is UTF-8 with `\n` line ends: no copy of the whole input.
    // Decoded once: the format, when not given, is decided on this text.
    let (decoded, encoding) =
        encoding::decode_borrowed(bytes, options.encoding, options.file_name.as_deref())?;
    let text: &str = &decoded;
    let format = match format {
        Some(format) => {
            if format != InputFormat::Json {
                check_lines(text, options)?;
            }
            format
        }
        // `detect_text` has checked the lines of every format but JSON.
        None => detect_text(text, options)?,
    };
    let (document, diagnostics) = match format {
        InputFormat::Json => (json::read_json(text, options)?, Vec::new()),
        InputFormat::Form => form::read_form(text, options)?,
        InputFormat::Csv => list::read_list(text, b',', options)?,
        InputFormat::Tsv => list::read_list(text, b'\t', options)?,
        InputFormat::Xlsx | InputFormat::Xls | InputFormat::Docx | InputFormat::Pdf => {
            read_binary(bytes, format, options)?
        }
    };
    check_counts(&document, options)?;
    if document.declarations.is_empty() && format != InputFormat::Json {
        // The canonical JSON may hold no declaration; a form or list that yields none
        // (a list header with no project rows) has nothing the caller asked for.
        return Err(ReadError::NoDeclaration {
            at: options.location().line(1),
            expected: "at least one project: a form (申报表/自评表) with a 项目名称, or a list row under the header row".to_owned(),
        });
    }
    Ok(Reading {
        document,
        diagnostics,
        format,
        encoding,
    })
}

/// Reads an office file or a PDF (a [`InputFormat::is_binary`] format) through its grid
/// source; a format this build leaves out (the `xlsx` or `pdf` feature off) is a clear
/// error.
#[cfg_attr(not(any(feature = "xlsx", feature = "pdf")), allow(unused_variables))]
fn read_binary(
    bytes: &[u8],
    format: InputFormat,
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    #[cfg(not(all(feature = "xlsx", feature = "pdf")))]
    let missing = |feature: &str| -> Result<(Document, Vec<Finding>), ReadError> {
        Err(ReadError::Workbook {
            at: options.location(),
            message: format!(
                "this build cannot read .{format} files (the `{feature}` feature of jixiao is off)"
            ),
        })
    };
    match format {
        #[cfg(feature = "xlsx")]
        InputFormat::Xlsx => xlsx::read_workbook(bytes, options),
        #[cfg(feature = "xlsx")]
        InputFormat::Xls => xls::read_xls(bytes, options),
        #[cfg(feature = "xlsx")]
        InputFormat::Docx => docx::read_word_document(bytes, options),
        #[cfg(not(feature = "xlsx"))]
        InputFormat::Xlsx | InputFormat::Xls | InputFormat::Docx => missing("xlsx"),
        #[cfg(feature = "pdf")]
        InputFormat::Pdf => pdf::read_pdf(bytes, options),
        #[cfg(not(feature = "pdf"))]
        InputFormat::Pdf => missing("pdf"),
        InputFormat::Json | InputFormat::Form | InputFormat::Csv | InputFormat::Tsv => {
            Err(ReadError::Workbook {
                at: options.location(),
                message: format!("{format} is a text format"),
            })
        }
    }
}

/// Checks the line bounds of a text input ([`limits::MAX_LINE_BYTES`],
/// [`limits::MAX_LINES`]) before a reader sees it.
///
/// [`limits::MAX_LINE_BYTES`]: crate::limits::MAX_LINE_BYTES
/// [`limits::MAX_LINES`]: crate::limits::MAX_LINES
fn check_lines(text: &str, options: &ReadOptions) -> Result<(), ReadError> {
    use crate::limits::MAX_LINES;
    for (i, line) in text.split('\n').enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if i >= MAX_LINES && !line.is_empty() {
            return Err(ReadError::TooLarge {
                at: options.location().line(number),
                what: "the number of lines".to_owned(),
                limit: format!("{MAX_LINES} lines"),
            });
        }
        check_line_length(line, number, options)?;
    }
    Ok(())
}

/// Refuses a line longer than [`limits::MAX_LINE_BYTES`] (line `number`, 1-based); the
/// streaming reader checks each line with it as [`read`] does.
///
/// [`limits::MAX_LINE_BYTES`]: crate::limits::MAX_LINE_BYTES
fn check_line_length(line: &str, number: u32, options: &ReadOptions) -> Result<(), ReadError> {
    use crate::limits::MAX_LINE_BYTES;
    if line.len() > MAX_LINE_BYTES {
        return Err(ReadError::TooLarge {
            at: options.location().line(number),
            what: format!("the line ({} bytes)", line.len()),
            limit: format!("{MAX_LINE_BYTES} bytes per line"),
        });
    }
    Ok(())
}

/// Refuses more than [`limits::MAX_DECLARATIONS`] declarations in one document.
///
/// [`limits::MAX_DECLARATIONS`]: crate::limits::MAX_DECLARATIONS
fn check_declaration_count(count: usize, options: &ReadOptions) -> Result<(), ReadError> {
    use crate::limits::MAX_DECLARATIONS;
    if count > MAX_DECLARATIONS {
        return Err(ReadError::TooLarge {
            at: options.location(),
            what: format!("the number of declarations (项目, {count})"),
            limit: format!("{MAX_DECLARATIONS} declarations"),
        });
    }
    Ok(())
}

/// Checks the declaration and indicator counts of a document read
/// ([`limits::MAX_DECLARATIONS`], [`limits::MAX_INDICATORS`]).
///
/// [`limits::MAX_DECLARATIONS`]: crate::limits::MAX_DECLARATIONS
/// [`limits::MAX_INDICATORS`]: crate::limits::MAX_INDICATORS
fn check_counts(document: &Document, options: &ReadOptions) -> Result<(), ReadError> {
    check_declaration_count(document.declarations.len(), options)?;
    for declaration in &document.declarations {
        check_indicator_count(declaration, options)?;
    }
    Ok(())
}

/// Refuses a declaration of more than [`limits::MAX_INDICATORS`] indicators; the streaming
/// reader checks each declaration with it as [`read`] does.
///
/// [`limits::MAX_INDICATORS`]: crate::limits::MAX_INDICATORS
fn check_indicator_count(
    declaration: &Declaration,
    options: &ReadOptions,
) -> Result<(), ReadError> {
    use crate::limits::MAX_INDICATORS;
    if declaration.indicators.len() > MAX_INDICATORS {
        let mut at = options.location();
        if declaration.source.line > 0 {
            at = at.line(declaration.source.line);
        }
        if let Some(sheet) = &declaration.source.sheet {
            at = at.sheet(sheet);
        }
        return Err(ReadError::TooLarge {
            at,
            what: format!(
                "the number of indicators (三级指标, {}) of project “{}”",
                declaration.indicators.len(),
                declaration.project.name
            ),
            limit: format!("{MAX_INDICATORS} indicators per declaration"),
        });
    }
    Ok(())
}

/// Detects the format from the content: a zip signature is a workbook, a `{` is JSON, a
/// form title is the form layout, a header row of known list columns is CSV or TSV.
pub fn detect(bytes: &[u8], options: &ReadOptions) -> Result<InputFormat, ReadError> {
    if let Some(format) = detect_binary(bytes, options)? {
        return Ok(format);
    }
    let (decoded, _) =
        encoding::decode_borrowed(bytes, options.encoding, options.file_name.as_deref())?;
    detect_text(&decoded, options)
}

/// The formats told by their first bytes: a zip holding `word/document.xml` is a Word
/// document, any other zip a workbook; an OLE compound file is a legacy `.xls` (an
/// encrypted Office file or a `.doc` is refused by the `.xls` reader, with its own
/// message); `%PDF-` in the first kilobyte is a PDF. `None`: a text input.
fn detect_binary(bytes: &[u8], _options: &ReadOptions) -> Result<Option<InputFormat>, ReadError> {
    if bytes.starts_with(b"PK\x03\x04") {
        // Entry names are stored uncompressed, in the local headers and the central
        // directory: a Word document names `word/document.xml`.
        let word = memchr::memmem::find(bytes, b"word/document.xml").is_some();
        return Ok(Some(if word {
            InputFormat::Docx
        } else {
            InputFormat::Xlsx
        }));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Ok(Some(InputFormat::Xls));
    }
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or_default();
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        return Ok(Some(InputFormat::Pdf));
    }
    Ok(None)
}

/// The format of a decoded text input (after [`detect_binary`]): a `{` is JSON, a list
/// header row is CSV or TSV, a form title is the form layout, else the file name's
/// extension. Checks the line bounds of every format but JSON on the way.
fn detect_text(decoded: &str, options: &ReadOptions) -> Result<InputFormat, ReadError> {
    let text = decoded.trim_start();
    if text.is_empty() {
        return Err(ReadError::Empty {
            at: options.location(),
        });
    }
    if text.starts_with('{') {
        return Ok(InputFormat::Json);
    }
    // A 10 MB line is too large whatever format it would have been.
    check_lines(decoded, options)?;
    // A list header row (项目名称 and 三级指标 in one row) is never part of a form, while a
    // list's title may well name a 申报表 or 自评表: the list test comes first.
    if let Some(delimiter) = list::sniff_delimiter(text) {
        return Ok(if delimiter == b'\t' {
            InputFormat::Tsv
        } else {
            InputFormat::Csv
        });
    }
    if form::looks_like_form(text) || crate::monitor::looks_like_monitor(text) {
        return Ok(InputFormat::Form);
    }
    let hint = options
        .file_name
        .as_deref()
        .and_then(|n| n.rsplit('.').next())
        .and_then(|ext| ext.parse::<InputFormat>().ok());
    match hint {
        Some(format) => Ok(format),
        None => Err(ReadError::NoDeclaration {
            at: options.location().line(1),
            expected: "a form title (财政项目支出绩效目标申报表 / 绩效自评表), a list header row (项目名称, 三级指标, 指标值, …), or jixiao JSON".to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_many_indicators_or_declarations() {
        use crate::limits::{MAX_DECLARATIONS, MAX_INDICATORS};
        use crate::model::{Declaration, Indicator};
        let options = ReadOptions::named("big.json");
        let mut declaration = Declaration::default();
        declaration.project.name = "大项目".to_owned();
        declaration.source.line = 7;
        let indicator = Indicator::new(None, None, "x", crate::value::parse_target("1"));
        declaration.indicators = vec![indicator.clone(); MAX_INDICATORS];
        let mut document = Document::default();
        document.declarations.push(declaration);
        assert!(check_counts(&document, &options).is_ok());
        document.declarations[0].indicators.push(indicator);
        let err = check_counts(&document, &options).unwrap_err();
        assert_eq!((err.code(), err.location().line), ("too_large", Some(7)));
        assert!(err.to_string().contains("大项目"), "{err}");
        // The count check on its own: a document of a million declarations is 1 GB here.
        assert!(check_declaration_count(MAX_DECLARATIONS, &options).is_ok());
        assert_eq!(
            check_declaration_count(MAX_DECLARATIONS + 1, &options)
                .unwrap_err()
                .code(),
            "too_large"
        );
    }

    #[test]
    fn long_lines_and_many_lines() {
        let options = ReadOptions::named("l.txt");
        let line = "a".repeat(crate::limits::MAX_LINE_BYTES);
        assert!(check_lines(&format!("x\n{line}\n"), &options).is_ok());
        let err = check_lines(&format!("x\n{line}a\n"), &options).unwrap_err();
        assert_eq!((err.code(), err.location().line), ("too_large", Some(2)));
        let lines = "\n".repeat(crate::limits::MAX_LINES);
        assert!(check_lines(&lines, &options).is_ok());
        let err = check_lines(&format!("{lines}x"), &options).unwrap_err();
        assert_eq!(err.code(), "too_large");
    }

    #[test]
    fn blank_input_is_empty_in_every_encoding() {
        for bytes in [
            &b""[..],
            b"\n\n",
            b"  \t \r\n",
            b"\xEF\xBB\xBF\n",
            b"\xFF\xFE\n\x00",
        ] {
            let err = read(bytes, &ReadOptions::named("t.txt")).err();
            assert_eq!(
                err.as_ref().map(ReadError::code),
                Some("empty_input"),
                "{bytes:?}"
            );
            assert_eq!(
                err.and_then(|e| e.location().file.clone()).as_deref(),
                Some("t.txt")
            );
        }
    }
}
