//! `jx_document`: a document read from bytes (绩效目标申报表 / 绩效自评表, one or more
//! declarations), with what the reader recovered from.

use std::ffi::c_char;
use std::sync::OnceLock;

use jixiao::read::ReadOptions;
use jixiao::{InputFormat, Reading};

use crate::bytes::{hand_out, jx_bytes};
use crate::error::{invalid_argument, jx_result, read_error, write_error};
use crate::options::{
    encode_text, jx_encoding, jx_format, jx_read_options, optional_str, JX_ENCODING_AUTO,
    JX_FORMAT_AUTO, JX_FORMAT_CSV, JX_FORMAT_DOCX, JX_FORMAT_FORM, JX_FORMAT_JSON, JX_FORMAT_PDF,
    JX_FORMAT_TSV, JX_FORMAT_XLS, JX_FORMAT_XLSX,
};
use crate::panic::{ffi_boundary, try_non_null, try_ok};
use crate::report::jx_report;

/// A document read by `jx_document_read`: its declarations (项目), their indicators
/// (三级指标), and the diagnostics the reader recovered from.
///
/// Ownership: the caller owns it and releases it with `jx_document_free`, exactly once.
/// Everything handed out from it (`jx_bytes`, reports) is an independent copy that
/// outlives it.
///
/// Threads: immutable after `jx_document_read` returns; one document may be used by
/// several threads at once (every function taking `const jx_document *` only reads), and
/// freed from any thread once no other thread uses it.
pub struct jx_document {
    reading: Reading,
    /// The canonical JSON as a value, made on the first `jx_document_get`/`_len`.
    value: OnceLock<serde_json::Value>,
}

impl jx_document {
    /// A handle over a reading.
    pub(crate) fn new(reading: Reading) -> Self {
        jx_document {
            reading,
            value: OnceLock::new(),
        }
    }

    /// The reading behind the handle.
    pub(crate) fn reading(&self) -> &Reading {
        &self.reading
    }

    /// The document's canonical JSON as a value (its serde form), made once.
    fn value(&self) -> &serde_json::Value {
        self.value.get_or_init(|| {
            serde_json::to_value(&self.reading.document).unwrap_or(serde_json::Value::Null)
        })
    }
}

/// The core read options of a `jx_read_options` (NULL: all defaults).
///
/// # Safety
/// `options` is NULL or points to a readable `jx_read_options` whose `file_name` is NULL or
/// a NUL-terminated string.
pub(crate) unsafe fn core_options(
    options: *const jx_read_options,
) -> Result<ReadOptions, jx_result> {
    // SAFETY: forwarded contract.
    let options = match unsafe { options.as_ref() } {
        Some(o) => *o,
        None => jx_read_options {
            format: JX_FORMAT_AUTO,
            encoding: JX_ENCODING_AUTO,
            file_name: std::ptr::null(),
        },
    };
    let format = options.format.input()?;
    let encoding = options.encoding.to_core()?;
    // SAFETY: forwarded contract on `file_name`.
    let file_name = unsafe { optional_str(options.file_name, "file_name") }?;
    Ok(ReadOptions {
        file_name,
        format,
        encoding,
    })
}

/// Borrows a document handle; NULL gives `None`.
///
/// # Safety
/// `doc` is NULL or a live handle from `jx_document_read`.
pub(crate) unsafe fn doc_ref<'a>(doc: *const jx_document) -> Option<&'a jx_document> {
    // SAFETY: forwarded contract: NULL or a live, properly aligned handle.
    unsafe { doc.as_ref() }
}

/// Reads a document from `len` bytes at `bytes`: the form layout (表单式), the list layout
/// (CSV/TSV/`.xlsx`) or the canonical JSON, in UTF-8, UTF-16 with BOM or GB18030, format
/// and encoding detected unless `options` fix them (`options` may be NULL: all defaults).
///
/// On success returns `JX_RESULT_OK` and writes a new document to `*out`; the caller frees
/// it with `jx_document_free`. On failure writes nothing to `*out` and returns the error:
/// `JX_RESULT_NULL_PARAMETER` (`out` NULL, or `bytes` NULL with `len > 0`),
/// `JX_RESULT_INVALID_ARGUMENT` (unknown format or encoding, a file name that is not
/// UTF-8), or a read error (100–199: empty, binary, bad encoding, no declaration, …)
/// whose detail, with file and line, `jx_last_error_message` gives.
///
/// `bytes` may be NULL when `len` is 0 (an empty input: `JX_RESULT_EMPTY_INPUT`). The
/// bytes are only read during the call; the document keeps no pointer into them.
/// Thread-safe: any number of threads may read documents at the same time.
#[no_mangle]
pub extern "C" fn jx_document_read(
    bytes: *const u8,
    len: usize,
    options: *const jx_read_options,
    out: *mut *mut jx_document,
) -> jx_result {
    ffi_boundary! {
        if out.is_null() {
            return crate::error::null_parameter("out");
        }
        let input: &[u8] = if len == 0 {
            &[]
        } else {
            if bytes.is_null() {
                return crate::error::null_parameter("bytes");
            }
            // SAFETY: not NULL, and the caller guarantees `len` readable bytes at `bytes`
            // that stay unchanged during the call.
            try_ok!(unsafe { crate::options::c_slice(bytes, len, "bytes") })
        };
        // SAFETY: `options` is NULL or points to a readable jx_read_options whose
        // `file_name` is NULL or NUL-terminated (documented contract).
        let read_options = try_ok!(unsafe { core_options(options) });
        match jixiao::read(input, &read_options) {
            Ok(reading) => {
                let doc = Box::into_raw(Box::new(jx_document::new(reading)));
                // SAFETY: `out` is not NULL (checked first) and valid for one pointer write.
                unsafe { *out = doc };
                jx_result::Ok
            }
            Err(error) => read_error(&error),
        }
    }
}

/// Releases a document. NULL is allowed and does nothing. The handle is invalid afterwards;
/// buffers and reports made from it stay valid.
#[no_mangle]
pub extern "C" fn jx_document_free(doc: *mut jx_document) {
    ffi_boundary! {
        if !doc.is_null() {
            // SAFETY: `doc` came from `jx_document_read` (Box::into_raw) and is freed once
            // (documented contract), so it is ours to drop.
            drop(unsafe { Box::from_raw(doc) });
        }
    }
}

/// The number of declarations (申报表 / 自评表, one per project) in `doc`; 0 when `doc` is NULL.
#[no_mangle]
pub extern "C" fn jx_document_declaration_count(doc: *const jx_document) -> usize {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        doc.reading.document.declarations.len()
    }
}

/// The number of indicators (三级指标) over all declarations of `doc`; 0 when `doc` is NULL.
#[no_mangle]
pub extern "C" fn jx_document_indicator_count(doc: *const jx_document) -> usize {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        doc.reading.document.indicators().count()
    }
}

/// The number of diagnostics: what the reader recovered from (an unparseable 指标值, an
/// unknown 二级 label, …), each with its line. 0 when `doc` is NULL.
#[no_mangle]
pub extern "C" fn jx_document_diagnostic_count(doc: *const jx_document) -> usize {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        doc.reading.diagnostics.len()
    }
}

/// The format the document was read as (detected or given): `JX_FORMAT_JSON`, `FORM`,
/// `CSV`, `TSV`, `XLSX`, `XLS`, `DOCX` or `PDF`; `JX_FORMAT_AUTO` (0) when `doc` is NULL.
#[no_mangle]
pub extern "C" fn jx_document_format(doc: *const jx_document) -> jx_format {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        match doc.reading.format {
            InputFormat::Json => JX_FORMAT_JSON,
            InputFormat::Form => JX_FORMAT_FORM,
            InputFormat::Csv => JX_FORMAT_CSV,
            InputFormat::Tsv => JX_FORMAT_TSV,
            InputFormat::Xlsx => JX_FORMAT_XLSX,
            InputFormat::Xls => JX_FORMAT_XLS,
            InputFormat::Docx => JX_FORMAT_DOCX,
            InputFormat::Pdf => JX_FORMAT_PDF,
        }
    }
}

/// The encoding the document was read in (detected or given) as a static NUL-terminated
/// string: `"UTF-8"`, `"UTF-16LE"`, `"UTF-16BE"`, `"GB18030"`, `"binary"` (a workbook) or
/// `"other"`. Lives as long as the program. NULL when `doc` is NULL.
#[no_mangle]
pub extern "C" fn jx_document_encoding(doc: *const jx_document) -> *const c_char {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        let name: &'static str = match doc.reading.encoding {
            "UTF-8" => "UTF-8\0",
            "UTF-16LE" => "UTF-16LE\0",
            "UTF-16BE" => "UTF-16BE\0",
            "GB18030" => "GB18030\0",
            "binary" => "binary\0",
            _ => "other\0",
        };
        name.as_ptr().cast::<c_char>()
    }
}

/// Writes `doc` in `format` (`JX_FORMAT_JSON`, `FORM`, `CSV`, `TSV`, `MD`, `XLSX` or
/// `DOCX`), text encoded in `encoding` (`JX_ENCODING_AUTO` or `UTF8`: UTF-8; `GB18030`;
/// ignored for `XLSX` and `DOCX`, which are binary). Reading the output back gives an equal document.
///
/// On success writes a new buffer to `*out` (free it with `jx_bytes_free`); on failure
/// writes nothing and returns `JX_RESULT_NULL_PARAMETER`, `JX_RESULT_INVALID_ARGUMENT`
/// (an unknown format or encoding, `JX_FORMAT_AUTO`) or a write error (200–299).
/// Thread-safe for a shared `doc`.
#[no_mangle]
pub extern "C" fn jx_document_write(
    doc: *const jx_document,
    format: jx_format,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return crate::error::null_parameter("out");
        }
        let format = try_ok!(format.output());
        if let Err(e) = encoding.to_core() {
            return e;
        }
        let written = match jixiao::write(&doc.reading.document, format) {
            Ok(bytes) => bytes,
            Err(error) => return write_error(&error),
        };
        let bytes = if format.is_binary() {
            written
        } else {
            match String::from_utf8(written) {
                Ok(text) => try_ok!(encode_text(&text, encoding)),
                Err(_) => {
                    return invalid_argument(format!("the {format} writer did not produce UTF-8 text"))
                }
            }
        };
        hand_out(out, bytes);
        jx_result::Ok
    }
}

/// The canonical JSON (`jixiao/1`) of `doc`, UTF-8, pretty-printed with a final newline:
/// the same as `jx_document_write(doc, JX_FORMAT_JSON, JX_ENCODING_UTF8, out)`.
/// Same contract as `jx_document_write`.
#[no_mangle]
pub extern "C" fn jx_document_to_json(
    doc: *const jx_document,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return crate::error::null_parameter("out");
        }
        hand_out(out, jixiao::write::json::to_json(&doc.reading.document).into_bytes());
        jx_result::Ok
    }
}

/// The diagnostics of `doc` (what the reader recovered from) as a new report, every string
/// in `encoding` (`JX_ENCODING_AUTO`/`UTF8` or `GB18030`). On success writes `*out` (free
/// it with `jx_report_free`); on failure writes nothing and returns
/// `JX_RESULT_NULL_PARAMETER` or `JX_RESULT_INVALID_ARGUMENT` (an unknown encoding).
#[no_mangle]
pub extern "C" fn jx_document_diagnostics(
    doc: *const jx_document,
    encoding: jx_encoding,
    out: *mut *mut jx_report,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return crate::error::null_parameter("out");
        }
        let diagnostics = &doc.reading.diagnostics;
        match jx_report::new(diagnostics, &crate::json::findings_json(diagnostics), encoding) {
            Ok(report) => {
                report.hand_out(out);
                jx_result::Ok
            }
            Err(e) => e,
        }
    }
}

/// The diagnostics of `doc` as a JSON array of findings (`code`, `severity`, `project`,
/// `indicator`, `file`, `line`, `message`, `message_en`), text encoded in `encoding`.
/// Same contract as `jx_document_write`.
#[no_mangle]
pub extern "C" fn jx_document_diagnostics_json(
    doc: *const jx_document,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return crate::error::null_parameter("out");
        }
        let json = crate::json::findings_json(&doc.reading.diagnostics);
        match encode_text(&json, encoding) {
            Ok(bytes) => {
                hand_out(out, bytes);
                jx_result::Ok
            }
            Err(e) => e,
        }
    }
}

/// Borrows the value at a JSON pointer of the document's canonical JSON.
///
/// # Safety
/// `pointer` is NULL or a NUL-terminated string valid during the call.
unsafe fn value_at(
    doc: &jx_document,
    pointer: *const c_char,
) -> Result<&serde_json::Value, jx_result> {
    // SAFETY: forwarded contract.
    unsafe { crate::json::lookup(doc.value(), pointer, "/declarations/0/project/name") }
}

/// One value of the document's canonical JSON (formats.md §C), addressed by a JSON pointer
/// (RFC 6901) such as `/declarations/0/project/name`, `/declarations/0/funding/annual`
/// (an exact decimal string, e.g. `2650000.00`), `/declarations/0/project/start_date` (an
/// ISO date, `2024-01-01`) or `/declarations/0/indicators/3/target/comparator`.
///
/// A string is returned as its text (no quotes), in `encoding`; a number or boolean as its
/// JSON text; an object or array as compact JSON. Money, values and weights are strings in
/// the canonical JSON, so they come back exact, never as floating point.
///
/// On success writes a new buffer to `*out` (free it with `jx_bytes_free`). On failure
/// writes nothing and returns `JX_RESULT_NOT_FOUND` (no such path), `JX_RESULT_NO_VALUE`
/// (the value is `null`: an empty cell, which is not zero), `JX_RESULT_NULL_PARAMETER`
/// or `JX_RESULT_INVALID_ARGUMENT` (not a JSON pointer, unknown encoding). Thread-safe
/// for a shared `doc`.
#[no_mangle]
pub extern "C" fn jx_document_get(
    doc: *const jx_document,
    pointer: *const c_char,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return crate::error::null_parameter("out");
        }
        if let Err(e) = encoding.to_core() {
            return e;
        }
        // SAFETY: `pointer` is NULL or NUL-terminated (documented contract).
        let value = try_ok!(unsafe { value_at(doc, pointer) });
        let text = try_ok!(crate::json::value_text(value));
        match encode_text(&text, encoding) {
            Ok(bytes) => {
                hand_out(out, bytes);
                jx_result::Ok
            }
            Err(e) => e,
        }
    }
}

/// The number of elements of the array (or keys of the object) at a JSON pointer of the
/// document's canonical JSON, e.g. `/declarations/0/indicators`; see `jx_document_get`.
/// On success writes `*out`; on failure writes nothing and returns `JX_RESULT_NOT_FOUND`,
/// `JX_RESULT_NO_VALUE` (null), `JX_RESULT_INVALID_ARGUMENT` (a string or number, or not a
/// JSON pointer) or `JX_RESULT_NULL_PARAMETER`.
#[no_mangle]
pub extern "C" fn jx_document_len(
    doc: *const jx_document,
    pointer: *const c_char,
    out: *mut usize,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return crate::error::null_parameter("out");
        }
        // SAFETY: `pointer` is NULL or NUL-terminated (documented contract).
        let value = try_ok!(unsafe { value_at(doc, pointer) });
        let len = match value {
            serde_json::Value::Array(items) => items.len(),
            serde_json::Value::Object(map) => map.len(),
            serde_json::Value::Null => return crate::json::no_value(),
            _ => return invalid_argument("the value is neither an array nor an object".to_owned()),
        };
        // SAFETY: `out` is not NULL and valid for one size_t write (documented contract).
        unsafe { *out = len };
        jx_result::Ok
    }
}
