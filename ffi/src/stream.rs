//! `jx_stream`: the declarations of a file read one at a time (core's `read::stream`), so
//! that memory stays flat on inputs of any size (a province's 汇总表 of 1 GB reads in a few MB).

use std::ffi::c_char;
use std::fs::File;
use std::sync::Mutex;

use jixiao::model::Document;
use jixiao::read::stream::{declarations, Declarations};
use jixiao::Reading;

use crate::document::{core_options, jx_document};
use crate::error::{jx_result, read_error, set_last_error};
use crate::options::jx_read_options;
use crate::panic::{ffi_boundary, try_ok};

/// A cursor over the declarations of a file, opened by `jx_stream_open`.
///
/// Ownership: the caller owns it and releases it with `jx_stream_free`, exactly once; each
/// document `jx_stream_next` hands out is independent of the stream and freed with
/// `jx_document_free`.
///
/// Threads: a stream reads its file in order; calls on one stream are serialized (it may be
/// passed between threads, and concurrent calls wait for each other).
pub struct jx_stream {
    inner: Mutex<Declarations<File>>,
}

/// Opens the file at `path` (a NUL-terminated UTF-8 path) for reading its declarations one at
/// a time. The format and encoding are detected from the start of the file unless `options`
/// (NULL: all defaults) fix them; form text is cut at form titles, a list at each project's
/// rows (JSON and `.xlsx` are read whole first).
///
/// On success returns `JX_RESULT_OK` and writes a new stream to `*out`. On failure writes
/// nothing: `JX_RESULT_NULL_PARAMETER` (`path` or `out` NULL), `JX_RESULT_INVALID_ARGUMENT`
/// (a path that is not UTF-8), `JX_RESULT_IO` (a file that cannot be opened or is a
/// directory — `jx_last_error_message` names the path and says why), or a read error when
/// the start of the file cannot be read.
#[no_mangle]
pub extern "C" fn jx_stream_open(
    path: *const c_char,
    options: *const jx_read_options,
    out: *mut *mut jx_stream,
) -> jx_result {
    ffi_boundary! {
        if out.is_null() {
            return crate::error::null_parameter("out");
        }
        if path.is_null() {
            return crate::error::null_parameter("path");
        }
        // SAFETY: `path` is not NULL and NUL-terminated (documented contract).
        let path = match unsafe { std::ffi::CStr::from_ptr(path) }.to_str() {
            Ok(p) => p.to_owned(),
            Err(_) => return crate::error::invalid_argument("path is not UTF-8".to_owned()),
        };
        // SAFETY: `options` is NULL or a readable jx_read_options (documented contract).
        let mut read_options = try_ok!(unsafe { core_options(options) });
        read_options.file_name.get_or_insert_with(|| path.clone());
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) => return crate::error::io_error(&path, "cannot open the file", &e),
        };
        // Opening a directory succeeds on POSIX; reading it is what fails. Say so at once.
        match file.metadata() {
            Ok(m) if m.is_dir() => {
                let e = std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a directory");
                return crate::error::io_error(&path, "cannot read the file", &e);
            }
            Ok(_) => {}
            Err(e) => return crate::error::io_error(&path, "cannot read the file", &e),
        }
        match declarations(file, &read_options) {
            Ok(inner) => {
                let stream = Box::into_raw(Box::new(jx_stream { inner: Mutex::new(inner) }));
                // SAFETY: `out` is not NULL (checked first) and valid for one pointer write.
                unsafe { *out = stream };
                jx_result::Ok
            }
            Err(error) => read_error(&error),
        }
    }
}

/// Reads the next declaration. On success returns `JX_RESULT_OK` and writes to `*out` a new
/// document holding that one declaration (and what the reader recovered from in it), or
/// NULL when the file is exhausted. A declaration that cannot be read returns its read
/// error (detail in `jx_last_error_message`); the stream goes on with the next one.
/// `JX_RESULT_NULL_PARAMETER` when `stream` or `out` is NULL.
#[no_mangle]
pub extern "C" fn jx_stream_next(stream: *mut jx_stream, out: *mut *mut jx_document) -> jx_result {
    ffi_boundary! {
        if out.is_null() {
            return crate::error::null_parameter("out");
        }
        // SAFETY: `stream` is NULL or a live handle from `jx_stream_open` (documented contract).
        let Some(stream) = (unsafe { stream.as_ref() }) else {
            return crate::error::null_parameter("stream");
        };
        let Ok(mut inner) = stream.inner.lock() else {
            return set_last_error(jx_result::Panic, "the stream was poisoned by an earlier panic".to_owned(), None);
        };
        let (format, encoding) = (inner.format(), inner.encoding());
        let next = match inner.next() {
            None => std::ptr::null_mut(),
            Some(Err(error)) => return read_error(&error),
            Some(Ok((declaration, diagnostics))) => {
                let reading = Reading {
                    document: Document { declarations: vec![declaration], ..Document::default() },
                    diagnostics,
                    format,
                    encoding,
                };
                Box::into_raw(Box::new(jx_document::new(reading)))
            }
        };
        // SAFETY: `out` is not NULL (checked first) and valid for one pointer write.
        unsafe { *out = next };
        jx_result::Ok
    }
}

/// Releases a stream (and closes its file). NULL is allowed and does nothing. Documents
/// handed out by the stream stay valid.
#[no_mangle]
pub extern "C" fn jx_stream_free(stream: *mut jx_stream) {
    ffi_boundary! {
        if !stream.is_null() {
            // SAFETY: `stream` came from `jx_stream_open` (Box::into_raw) and is freed once.
            drop(unsafe { Box::from_raw(stream) });
        }
    }
}
