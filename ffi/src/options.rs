//! The small value types of the C ABI: formats, encodings and read options.

use std::ffi::{c_char, CStr};

use jixiao::read::Encoding;
use jixiao::{InputFormat, OutputFormat};

use crate::error::{invalid_argument, jx_result};

/// A document format: one of the `JX_FORMAT_*` constants. A plain `uint32_t`, so any value
/// can be passed; values the library does not know give `JX_RESULT_INVALID_ARGUMENT`.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct jx_format(pub u32);

/// Detect the format from the content (reading only).
pub const JX_FORMAT_AUTO: jx_format = jx_format(0);
/// The canonical JSON (`jixiao/1`).
pub const JX_FORMAT_JSON: jx_format = jx_format(1);
/// The form layout (表单式), TAB-separated text.
pub const JX_FORMAT_FORM: jx_format = jx_format(2);
/// The list layout (清单式) as CSV.
pub const JX_FORMAT_CSV: jx_format = jx_format(3);
/// The list layout as TSV.
pub const JX_FORMAT_TSV: jx_format = jx_format(4);
/// An `.xlsx` workbook (binary; the encoding choice does not apply).
pub const JX_FORMAT_XLSX: jx_format = jx_format(5);
/// The list layout as a Markdown table (writing only).
pub const JX_FORMAT_MD: jx_format = jx_format(6);
/// A legacy `.xls` workbook (Excel 97–2003; reading only, binary).
pub const JX_FORMAT_XLS: jx_format = jx_format(7);
/// A Word `.docx` document (binary).
pub const JX_FORMAT_DOCX: jx_format = jx_format(8);
/// A `.pdf` with a text layer (reading only, binary).
pub const JX_FORMAT_PDF: jx_format = jx_format(9);

/// A text encoding: one of the `JX_ENCODING_*` constants (a plain `uint32_t`).
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct jx_encoding(pub u32);

/// Reading: detect (a BOM decides; else valid UTF-8 is UTF-8; else GB18030; UTF-16 with a
/// BOM is read too). Writing: UTF-8.
pub const JX_ENCODING_AUTO: jx_encoding = jx_encoding(0);
/// UTF-8 (a BOM is skipped when reading, never written).
pub const JX_ENCODING_UTF8: jx_encoding = jx_encoding(1);
/// GB18030, a superset of GBK and GB2312, as legacy finance systems store text.
pub const JX_ENCODING_GB18030: jx_encoding = jx_encoding(2);

/// How `jx_document_read` reads its input. Passing NULL instead of a pointer to this
/// struct means all defaults; so does a zeroed struct (`jx_read_options o = {0};`).
///
/// The struct is owned by the caller and only read during the call; jixiao keeps no
/// pointer into it. Its layout does not change within a major version; new options come
/// as new functions.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_read_options {
    /// The format: `JX_FORMAT_AUTO` (0, detect), `JSON`, `FORM`, `CSV`, `TSV`, `XLSX`,
    /// `XLS`, `DOCX` or `PDF`.
    pub format: jx_format,
    /// The input encoding of text: `JX_ENCODING_AUTO` (0, detect), `UTF8` or `GB18030`.
    pub encoding: jx_encoding,
    /// NULL, or the file name as a NUL-terminated UTF-8 string, used in error messages
    /// and diagnostics and as a hint for the format.
    pub file_name: *const c_char,
}

impl jx_format {
    /// The input format (`None` = detect), or an invalid-argument error.
    pub(crate) fn input(self) -> Result<Option<InputFormat>, jx_result> {
        match self {
            JX_FORMAT_AUTO => Ok(None),
            JX_FORMAT_JSON => Ok(Some(InputFormat::Json)),
            JX_FORMAT_FORM => Ok(Some(InputFormat::Form)),
            JX_FORMAT_CSV => Ok(Some(InputFormat::Csv)),
            JX_FORMAT_TSV => Ok(Some(InputFormat::Tsv)),
            JX_FORMAT_XLSX => Ok(Some(InputFormat::Xlsx)),
            JX_FORMAT_XLS => Ok(Some(InputFormat::Xls)),
            JX_FORMAT_DOCX => Ok(Some(InputFormat::Docx)),
            JX_FORMAT_PDF => Ok(Some(InputFormat::Pdf)),
            other => Err(invalid_argument(format!(
                "format {} cannot be read (expected JX_FORMAT_AUTO, JSON, FORM, CSV, TSV, XLSX, XLS, DOCX or PDF)",
                other.0
            ))),
        }
    }

    /// The output format, or an invalid-argument error.
    pub(crate) fn output(self) -> Result<OutputFormat, jx_result> {
        match self {
            JX_FORMAT_JSON => Ok(OutputFormat::Json),
            JX_FORMAT_FORM => Ok(OutputFormat::Form),
            JX_FORMAT_CSV => Ok(OutputFormat::Csv),
            JX_FORMAT_TSV => Ok(OutputFormat::Tsv),
            JX_FORMAT_XLSX => Ok(OutputFormat::Xlsx),
            JX_FORMAT_DOCX => Ok(OutputFormat::Docx),
            JX_FORMAT_MD => Ok(OutputFormat::Markdown),
            other => Err(invalid_argument(format!(
                "format {} cannot be written (expected JX_FORMAT_JSON, FORM, CSV, TSV, MD, XLSX or DOCX)",
                other.0
            ))),
        }
    }
}

impl jx_encoding {
    /// The core encoding, or an invalid-argument error.
    pub(crate) fn to_core(self) -> Result<Encoding, jx_result> {
        match self {
            JX_ENCODING_AUTO => Ok(Encoding::Auto),
            JX_ENCODING_UTF8 => Ok(Encoding::Utf8),
            JX_ENCODING_GB18030 => Ok(Encoding::Gb18030),
            other => Err(invalid_argument(format!(
                "encoding {} is unknown (expected JX_ENCODING_AUTO, UTF8 or GB18030)",
                other.0
            ))),
        }
    }
}

/// Converts a C string parameter that may be NULL to an owned UTF-8 string.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that stays valid during the call.
pub(crate) unsafe fn optional_str(
    ptr: *const c_char,
    name: &str,
) -> Result<Option<String>, jx_result> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: not NULL, and NUL-terminated by the caller's contract.
    let cstr = unsafe { CStr::from_ptr(ptr) };
    match cstr.to_str() {
        Ok(s) => Ok(Some(s.to_owned())),
        Err(_) => Err(invalid_argument(format!("`{name}` is not valid UTF-8"))),
    }
}

/// Encodes text output in `encoding` (core's `encode`; `AUTO` means UTF-8).
pub(crate) fn encode_text(text: &str, encoding: jx_encoding) -> Result<Vec<u8>, jx_result> {
    Ok(jixiao::read::encoding::encode(text, encoding.to_core()?))
}

/// Borrows `len` elements at `ptr` as a slice, refusing lengths no C object can have
/// (more than `isize::MAX` bytes), which `slice::from_raw_parts` does not allow.
///
/// # Safety
/// `ptr` is not NULL and points to `len` initialized elements that stay unchanged and
/// alive for `'a`.
pub(crate) unsafe fn c_slice<'a, T>(
    ptr: *const T,
    len: usize,
    name: &str,
) -> Result<&'a [T], jx_result> {
    let too_large = len
        .checked_mul(std::mem::size_of::<T>())
        .is_none_or(|bytes| bytes > isize::MAX as usize);
    if too_large {
        return Err(invalid_argument(format!(
            "`{name}` has a length ({len}) larger than any object can be"
        )));
    }
    // SAFETY: forwarded contract, and the size fits in isize (checked above).
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}
