//! Result codes (`jx_result`), their static messages, and the per-thread detail of the last
//! error (`jx_last_error_message`).

use std::cell::RefCell;
use std::ffi::c_char;

use jixiao::{ReadError, WriteError};

use crate::panic::{ffi_boundary, Fallback};

/// What a fallible jixiao call returned. `JX_RESULT_OK` (0) is success; every other value
/// is an error. Numbers are stable and never reused: 1–99 are about the call itself,
/// 100–199 mean the input could not be read, 200–299 that a document could not be
/// written, 300–399 that actuals could not be joined to a document, 400–499 that a document
/// could not be monitored. A newer library may return codes this header does not name: treat any
/// unknown non-zero value as a failure and ask `jx_result_message` what it means.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_result {
    /// Success.
    Ok = 0,
    /// A required pointer parameter was NULL.
    NullParameter = 1,
    /// A parameter has a value outside its documented range (an unknown format or
    /// encoding, a file name that is not UTF-8, an index past the end, …).
    InvalidArgument = 2,
    /// jixiao panicked (a bug in jixiao, never an input problem). The panic was caught;
    /// the call had no effect. Please report it with `jx_last_error_message`.
    Panic = 3,
    /// The caller's buffer was too small; the text written into it was truncated.
    BufferTooSmall = 4,
    /// The path asked for does not exist in the document (`jx_document_get`).
    NotFound = 5,
    /// The path exists but holds no value (JSON `null`: an empty cell, never zero).
    NoValue = 6,
    /// The review or scoring profile named is unknown, or the profile JSON is invalid.
    UnknownProfile = 7,
    /// A file named by a path parameter cannot be opened or read (no such file, no
    /// permission, a directory: `jx_stream_open`).
    /// `jx_last_error_message` names the path and the system's reason.
    Io = 8,
    /// Read error `empty_input`: the input holds no bytes (or only whitespace).
    EmptyInput = 100,
    /// Read error `binary_input`: the input is binary data, neither text nor a workbook.
    BinaryInput = 101,
    /// Read error `bad_encoding`: the text is not valid in the encoding asked for (or in
    /// any encoding detected).
    BadEncoding = 102,
    /// Read error `too_large`: the input exceeds the documented limits.
    TooLarge = 103,
    /// Read error `bad_json`: the canonical JSON is malformed or does not match `jixiao/1`.
    BadJson = 104,
    /// Read error `no_declaration`: no form title, list header row or JSON was found.
    NoDeclaration = 105,
    /// Read error `malformed`: a form or list is broken beyond recovery.
    Malformed = 106,
    /// Read error `bad_workbook`: the workbook is corrupt, encrypted or not `.xlsx`.
    BadWorkbook = 107,
    /// A read error this version of the C ABI does not name yet.
    ReadFailed = 199,
    /// Write error `unsupported_format`: this build cannot produce the format.
    UnsupportedFormat = 200,
    /// Write error `write_failed`: the writer failed.
    WriteFailed = 201,
    /// Write error `unencodable`: the text cannot be represented in the output encoding.
    Unencodable = 202,
    /// A write error this version of the C ABI does not name yet.
    WriteOther = 299,
    /// Actuals error `unknown_project`: an actuals row names a project the document lacks.
    UnknownProject = 300,
    /// Actuals error `unknown_indicator`: an actuals row names an indicator the project lacks.
    UnknownIndicator = 301,
    /// Actuals error `ambiguous_name`: an actuals row matches several projects or indicators.
    AmbiguousName = 302,
    /// An actuals error this version of the C ABI does not name yet.
    ActualsOther = 399,
    /// Monitoring error `no_monitoring`: the document holds no monitoring table (执行监控表).
    NoMonitoring = 400,
    /// Monitoring error `month_unknown`: the month is neither in the table nor given.
    MonthUnknown = 401,
    /// Monitoring error `bad_month`: the month given is not 1–12.
    BadMonth = 402,
    /// A monitoring error this version of the C ABI does not name yet.
    MonitorOther = 499,
}

impl jx_result {
    /// Every code, for lookups by number.
    const ALL: [jx_result; 30] = [
        jx_result::Ok,
        jx_result::NullParameter,
        jx_result::InvalidArgument,
        jx_result::Panic,
        jx_result::BufferTooSmall,
        jx_result::NotFound,
        jx_result::NoValue,
        jx_result::UnknownProfile,
        jx_result::Io,
        jx_result::EmptyInput,
        jx_result::BinaryInput,
        jx_result::BadEncoding,
        jx_result::TooLarge,
        jx_result::BadJson,
        jx_result::NoDeclaration,
        jx_result::Malformed,
        jx_result::BadWorkbook,
        jx_result::ReadFailed,
        jx_result::UnsupportedFormat,
        jx_result::WriteFailed,
        jx_result::Unencodable,
        jx_result::WriteOther,
        jx_result::UnknownProject,
        jx_result::UnknownIndicator,
        jx_result::AmbiguousName,
        jx_result::ActualsOther,
        jx_result::NoMonitoring,
        jx_result::MonthUnknown,
        jx_result::BadMonth,
        jx_result::MonitorOther,
    ];

    /// The code with this number, if there is one.
    pub fn from_u32(value: u32) -> Option<jx_result> {
        Self::ALL.iter().copied().find(|r| *r as u32 == value)
    }

    /// The stable snake_case name (the core error code for read and write errors).
    pub fn name(self) -> &'static str {
        self.texts().0
    }

    /// (name, NUL-terminated name, message).
    fn texts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            jx_result::Ok => ("ok", "ok\0", "success"),
            jx_result::NullParameter => (
                "null_parameter",
                "null_parameter\0",
                "a required pointer parameter was NULL",
            ),
            jx_result::InvalidArgument => (
                "invalid_argument",
                "invalid_argument\0",
                "a parameter has a value outside its documented range",
            ),
            jx_result::Panic => (
                "panic",
                "panic\0",
                "internal error in jixiao (caught; please report it)",
            ),
            jx_result::BufferTooSmall => (
                "buffer_too_small",
                "buffer_too_small\0",
                "the buffer was too small; the text was truncated",
            ),
            jx_result::NotFound => (
                "not_found",
                "not_found\0",
                "the path does not exist in the document",
            ),
            jx_result::NoValue => ("no_value", "no_value\0", "the path holds no value (null)"),
            jx_result::UnknownProfile => (
                "unknown_profile",
                "unknown_profile\0",
                "unknown review or scoring profile (or invalid profile JSON)",
            ),
            jx_result::Io => ("io", "io\0", "a file cannot be opened or read"),
            jx_result::EmptyInput => ("empty_input", "empty_input\0", "the input is empty"),
            jx_result::BinaryInput => (
                "binary_input",
                "binary_input\0",
                "the input is binary data, not text nor an .xlsx workbook",
            ),
            jx_result::BadEncoding => (
                "bad_encoding",
                "bad_encoding\0",
                "the text is not valid in the encoding asked for (UTF-8 or GB18030)",
            ),
            jx_result::TooLarge => (
                "too_large",
                "too_large\0",
                "the input exceeds the size limit",
            ),
            jx_result::BadJson => (
                "bad_json",
                "bad_json\0",
                "invalid jixiao JSON (malformed, or not schema jixiao/1)",
            ),
            jx_result::NoDeclaration => (
                "no_declaration",
                "no_declaration\0",
                "no declaration found: no form title, list header row or jixiao JSON",
            ),
            jx_result::Malformed => (
                "malformed",
                "malformed\0",
                "the form or list is structurally broken",
            ),
            jx_result::BadWorkbook => (
                "bad_workbook",
                "bad_workbook\0",
                "the workbook cannot be read (corrupt, encrypted, or not .xlsx)",
            ),
            jx_result::ReadFailed => ("read_failed", "read_failed\0", "the input cannot be read"),
            jx_result::UnsupportedFormat => (
                "unsupported_format",
                "unsupported_format\0",
                "this build cannot write the format asked for",
            ),
            jx_result::WriteFailed => ("write_failed", "write_failed\0", "the writer failed"),
            jx_result::Unencodable => (
                "unencodable",
                "unencodable\0",
                "the output has characters the output encoding cannot represent",
            ),
            jx_result::WriteOther => (
                "write_other",
                "write_other\0",
                "the document cannot be written",
            ),
            jx_result::UnknownProject => (
                "unknown_project",
                "unknown_project\0",
                "an actuals row names a project the document does not have",
            ),
            jx_result::UnknownIndicator => (
                "unknown_indicator",
                "unknown_indicator\0",
                "an actuals row names an indicator the project does not have",
            ),
            jx_result::AmbiguousName => (
                "ambiguous_name",
                "ambiguous_name\0",
                "an actuals row matches several projects or indicators",
            ),
            jx_result::ActualsOther => (
                "actuals_other",
                "actuals_other\0",
                "the actuals cannot be joined to the document",
            ),
            jx_result::NoMonitoring => (
                "no_monitoring",
                "no_monitoring\0",
                "the document holds no monitoring table (执行监控表)",
            ),
            jx_result::MonthUnknown => (
                "month_unknown",
                "month_unknown\0",
                "the monitoring month is neither in the table nor given",
            ),
            jx_result::BadMonth => (
                "bad_month",
                "bad_month\0",
                "the monitoring month is not 1-12",
            ),
            jx_result::MonitorOther => (
                "monitor_other",
                "monitor_other\0",
                "the document cannot be monitored",
            ),
        }
    }
}

impl From<&ReadError> for jx_result {
    fn from(error: &ReadError) -> Self {
        match error.code() {
            "empty_input" => jx_result::EmptyInput,
            "binary_input" => jx_result::BinaryInput,
            "bad_encoding" => jx_result::BadEncoding,
            "too_large" => jx_result::TooLarge,
            "bad_json" => jx_result::BadJson,
            "no_declaration" => jx_result::NoDeclaration,
            "malformed" => jx_result::Malformed,
            "bad_workbook" => jx_result::BadWorkbook,
            _ => jx_result::ReadFailed,
        }
    }
}

impl From<&WriteError> for jx_result {
    fn from(error: &WriteError) -> Self {
        match error.code() {
            "unsupported_format" => jx_result::UnsupportedFormat,
            "write_failed" => jx_result::WriteFailed,
            "unencodable" => jx_result::Unencodable,
            _ => jx_result::WriteOther,
        }
    }
}

impl From<&jixiao::actuals::ActualsError> for jx_result {
    fn from(error: &jixiao::actuals::ActualsError) -> Self {
        match error.code() {
            "unknown_project" => jx_result::UnknownProject,
            "unknown_indicator" => jx_result::UnknownIndicator,
            "ambiguous_name" => jx_result::AmbiguousName,
            _ => jx_result::ActualsOther,
        }
    }
}

/// Records an actuals error (its Display names file and row) and returns its code.
pub(crate) fn actuals_error(error: &jixiao::actuals::ActualsError) -> jx_result {
    set_last_error(error.into(), error.to_string(), error.location().line)
}

impl From<&jixiao::monitor::MonitorError> for jx_result {
    fn from(error: &jixiao::monitor::MonitorError) -> Self {
        match error.code() {
            "no_monitoring" => jx_result::NoMonitoring,
            "month_unknown" => jx_result::MonthUnknown,
            "bad_month" => jx_result::BadMonth,
            _ => jx_result::MonitorOther,
        }
    }
}

/// Records a monitoring error and returns its code.
pub(crate) fn monitor_error(error: &jixiao::monitor::MonitorError) -> jx_result {
    set_last_error(error.into(), error.to_string(), None)
}

/// Records an unknown profile and returns its code.
pub(crate) fn unknown_profile(message: String) -> jx_result {
    set_last_error(jx_result::UnknownProfile, message, None)
}

/// The detail of the last error on this thread.
struct LastError {
    result: jx_result,
    message: String,
    line: Option<u32>,
}

thread_local! {
    static LAST_ERROR: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

/// Records the detail of an error on this thread and returns its code.
pub(crate) fn set_last_error(result: jx_result, message: String, line: Option<u32>) -> jx_result {
    LAST_ERROR.with(|last| {
        *last.borrow_mut() = Some(LastError {
            result,
            message,
            line,
        });
    });
    result
}

/// Records a read error (its Display names file and line) and returns its code.
pub(crate) fn read_error(error: &ReadError) -> jx_result {
    set_last_error(error.into(), error.to_string(), error.location().line)
}

/// Records a write error and returns its code.
pub(crate) fn write_error(error: &WriteError) -> jx_result {
    set_last_error(error.into(), error.to_string(), None)
}

/// Records an I/O failure on the file at `path` (the message names it and the system's
/// reason) and returns `JX_RESULT_IO`.
pub(crate) fn io_error(path: &str, what: &str, error: &std::io::Error) -> jx_result {
    set_last_error(jx_result::Io, format!("{path}: {what}: {error}"), None)
}

/// Records an invalid argument and returns its code.
pub(crate) fn invalid_argument(message: String) -> jx_result {
    set_last_error(jx_result::InvalidArgument, message, None)
}

/// Records a NULL parameter and returns the fallback of the calling function.
pub(crate) fn null_parameter<T: Fallback>(name: &str) -> T {
    set_last_error(
        jx_result::NullParameter,
        format!("the parameter `{name}` is NULL"),
        None,
    );
    T::null_parameter()
}

/// Copies `text` into `buf` (capacity `len`) as a NUL-terminated string, truncating at a
/// UTF-8 character boundary. See `jx_result_message` for the contract.
fn copy_text(text: &str, buf: *mut c_char, len: usize, out_n: *mut usize) -> jx_result {
    copy_encoded(text, jixiao::read::Encoding::Utf8, buf, len, out_n)
}

/// Copies `text` encoded in `encoding` into `buf` (capacity `len`) as a NUL-terminated
/// string, truncating between characters. See `jx_result_message` for the contract.
fn copy_encoded(
    text: &str,
    encoding: jixiao::read::Encoding,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> jx_result {
    use jixiao::read::encoding::encode;
    // These functions report on errors; they must not replace the last error themselves.
    if out_n.is_null() {
        return jx_result::NullParameter;
    }
    let full = encode(text, encoding);
    let full_len = full.len();
    if buf.is_null() {
        if len != 0 {
            return jx_result::NullParameter;
        }
        // SAFETY: `out_n` is not NULL (checked above) and the caller passes a pointer valid
        // for writing one size_t, as documented.
        unsafe { *out_n = full_len };
        return jx_result::Ok;
    }
    if len == 0 {
        // SAFETY: `out_n` is not NULL and valid for one size_t write (documented contract).
        unsafe { *out_n = 0 };
        return jx_result::BufferTooSmall;
    }
    let bytes = if full.len() < len {
        full
    } else {
        // The longest prefix of whole characters that fits with its NUL.
        let mut fitted = Vec::with_capacity(len);
        let mut one = [0u8; 4];
        for c in text.chars() {
            let piece = encode(c.encode_utf8(&mut one), encoding);
            if fitted.len() + piece.len() > len - 1 {
                break;
            }
            fitted.extend_from_slice(&piece);
        }
        fitted
    };
    let n = bytes.len();
    // SAFETY: `buf` is not NULL and the caller guarantees it is valid for writing `len`
    // bytes; `n < len`, so the `n` bytes and the NUL after them fit. `bytes` is our own
    // vector and cannot overlap the caller's buffer.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf.cast::<u8>(), n);
        *buf.add(n) = 0;
        *out_n = n;
    }
    if n < full_len {
        jx_result::BufferTooSmall
    } else {
        jx_result::Ok
    }
}

/// Writes the static English message of a result code into `buf`.
///
/// `buf` receives at most `len - 1` bytes of UTF-8 and a terminating NUL, cut at a
/// character boundary; `*out_n` receives the number of bytes written before the NUL.
/// Returns `JX_RESULT_OK` when the whole message fit and `JX_RESULT_BUFFER_TOO_SMALL`
/// when it was truncated (the truncated text is still written). To ask for the length
/// first, pass `buf = NULL` and `len = 0`: `*out_n` receives the full length.
///
/// Unknown codes (from a newer library) get the message `unknown jx_result code`.
/// The message never changes for a code; it does not say which file or line failed
/// (see `jx_last_error_message` for that). Thread-safe.
#[no_mangle]
pub extern "C" fn jx_result_message(
    result: u32,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> jx_result {
    ffi_boundary! {
        let message = jx_result::from_u32(result).map_or("unknown jx_result code", |r| r.texts().2);
        copy_text(message, buf, len, out_n)
    }
}

/// The stable snake_case name of a result code (`"ok"`, `"null_parameter"`, `"malformed"`,
/// …; for read and write errors the core error code), as a static NUL-terminated string
/// that lives as long as the program. Unknown codes give `"unknown"`. Never NULL.
/// Thread-safe.
#[no_mangle]
pub extern "C" fn jx_result_name(result: u32) -> *const c_char {
    ffi_boundary! {
        jx_result::from_u32(result)
            .map_or("unknown\0", |r| r.texts().1)
            .as_ptr()
            .cast::<c_char>()
    }
}

/// Writes the detail of the last error on the calling thread into `buf` (same contract as
/// `jx_result_message`): what failed and where, e.g.
/// `seed.txt:12: the indicator table has no 三级指标 column` (UTF-8), naming the file
/// given in `jx_read_options.file_name` and the line when they are known.
///
/// Each thread has its own last error, set by every call on that thread that returns a
/// code other than `JX_RESULT_OK` and kept until the next failing call (successful calls
/// do not clear it, like `errno`): read it right after the failing call. When no call on
/// this thread has failed, the message is empty. This function never changes it.
#[no_mangle]
pub extern "C" fn jx_last_error_message(
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> jx_result {
    ffi_boundary! {
        let message = LAST_ERROR.with(|last| {
            last.borrow()
                .as_ref()
                .map(|e| e.message.clone())
                .unwrap_or_default()
        });
        copy_text(&message, buf, len, out_n)
    }
}

/// Like `jx_last_error_message`, with the text encoded in `encoding` (`JX_ENCODING_AUTO`
/// or `UTF8`: UTF-8; `GB18030`), for systems that store and show GBK. Truncation happens
/// between characters. An unknown encoding returns `JX_RESULT_INVALID_ARGUMENT` without
/// writing anything or recording it.
#[no_mangle]
pub extern "C" fn jx_last_error_message_in(
    encoding: crate::options::jx_encoding,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> jx_result {
    ffi_boundary! {
        let encoding = match encoding {
            crate::options::JX_ENCODING_AUTO | crate::options::JX_ENCODING_UTF8 => {
                jixiao::read::Encoding::Utf8
            }
            crate::options::JX_ENCODING_GB18030 => jixiao::read::Encoding::Gb18030,
            _ => return jx_result::InvalidArgument,
        };
        let message = LAST_ERROR.with(|last| {
            last.borrow()
                .as_ref()
                .map(|e| e.message.clone())
                .unwrap_or_default()
        });
        copy_encoded(&message, encoding, buf, len, out_n)
    }
}

/// The code of the last failing call on the calling thread, or `JX_RESULT_OK` when none
/// has failed yet. Never changes the last error.
#[no_mangle]
pub extern "C" fn jx_last_error_result() -> jx_result {
    ffi_boundary! {
        LAST_ERROR.with(|last| last.borrow().as_ref().map_or(jx_result::Ok, |e| e.result))
    }
}

/// The 1-based input line of the last failing call on the calling thread, or 0 when the
/// error has no line (or no call has failed). Never changes the last error.
#[no_mangle]
pub extern "C" fn jx_last_error_line() -> u32 {
    ffi_boundary! {
        LAST_ERROR.with(|last| last.borrow().as_ref().and_then(|e| e.line).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for r in jx_result::ALL {
            assert!(seen.insert(r as u32), "duplicate number {}", r as u32);
            assert_eq!(jx_result::from_u32(r as u32), Some(r));
            let (name, cname, message) = r.texts();
            assert_eq!(format!("{name}\0"), cname);
            assert!(!message.is_empty());
        }
        assert_eq!(jx_result::from_u32(98), None);
    }

    #[test]
    fn read_codes_follow_core() {
        let err = jixiao::read(b"ab\n\x00\x01", &jixiao::ReadOptions::named("x.bin")).unwrap_err();
        assert_eq!(jx_result::from(&err).name(), err.code());
        assert_eq!(jx_result::from(&err), jx_result::BinaryInput);
    }

    #[test]
    fn copy_text_truncates_at_char_boundary() {
        let mut buf = [0x55 as c_char; 8];
        let mut n = 99usize;
        // "指标" is 6 bytes; with 5 usable bytes only the first character fits.
        let r = copy_text("指标", buf.as_mut_ptr(), 6, &mut n);
        assert_eq!(r, jx_result::BufferTooSmall);
        assert_eq!(n, 3);
        assert_eq!(buf[3], 0);
        let r = copy_text("指标", buf.as_mut_ptr(), 7, &mut n);
        assert_eq!(r, jx_result::Ok);
        assert_eq!(n, 6);
        let r = copy_text("指标", std::ptr::null_mut(), 0, &mut n);
        assert_eq!((r, n), (jx_result::Ok, 6));
        let r = copy_text("指标", buf.as_mut_ptr(), 0, &mut n);
        assert_eq!(r, jx_result::BufferTooSmall);
        let r = copy_text("x", buf.as_mut_ptr(), 8, std::ptr::null_mut());
        assert_eq!(r, jx_result::NullParameter);
    }

    #[test]
    fn gb18030_truncates_between_characters() {
        let mut buf = [0x55 as c_char; 8];
        let mut n = 0usize;
        // 指标 is 4 bytes in GB18030: with 3 usable bytes only 指 fits.
        let r = copy_encoded(
            "指标",
            jixiao::read::Encoding::Gb18030,
            buf.as_mut_ptr(),
            4,
            &mut n,
        );
        assert_eq!((r, n), (jx_result::BufferTooSmall, 2));
        assert_eq!(buf[2], 0);
        let r = copy_encoded(
            "指标",
            jixiao::read::Encoding::Gb18030,
            buf.as_mut_ptr(),
            5,
            &mut n,
        );
        assert_eq!((r, n), (jx_result::Ok, 4));
        let r = copy_encoded(
            "指标",
            jixiao::read::Encoding::Gb18030,
            std::ptr::null_mut(),
            0,
            &mut n,
        );
        assert_eq!((r, n), (jx_result::Ok, 4));
    }

    #[test]
    fn handles_are_send_and_sync() {
        fn shareable<T: Send + Sync>() {}
        shareable::<crate::jx_document>();
        shareable::<crate::jx_bytes>();
        shareable::<crate::jx_report>();
        shareable::<crate::jx_scorecard>();
    }

    #[test]
    fn panics_are_caught_and_recorded() {
        fn boom(flag: bool) -> jx_result {
            ffi_boundary! {
                if flag {
                    panic!("deliberate");
                }
                jx_result::Ok
            }
        }
        assert_eq!(boom(false), jx_result::Ok);
        assert_eq!(boom(true), jx_result::Panic);
        assert_eq!(jx_last_error_result(), jx_result::Panic);
        let message = LAST_ERROR.with(|l| l.borrow().as_ref().map(|e| e.message.clone()));
        assert!(message.unwrap_or_default().contains("deliberate"));
    }
}
