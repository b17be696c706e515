//! The `ffi` target: drives the C ABI (the `extern "C"` functions of `jixiao-ffi`) with
//! fuzzed bytes and options, as a C caller would. The first byte picks the format (0–7:
//! auto, JSON, form, CSV, TSV, xlsx, md and an unknown value), the second the encoding
//! (0–3, 3 unknown), the third which writers run; the rest is the input. Checks: no call
//! returns `JX_RESULT_PANIC` (a panic caught at the boundary is a bug too; libFuzzer's
//! panic hook aborts on it first), a failed call writes no out-parameter and names a
//! known code, every handle handed out is freed.

use std::ffi::CStr;
use std::ptr;

use jixiao_ffi::bytes::{jx_bytes_data, jx_bytes_free, jx_bytes_len};
use jixiao_ffi::document::*;
use jixiao_ffi::error::{
    jx_last_error_line, jx_last_error_message, jx_last_error_result, jx_result_name,
};
use jixiao_ffi::options::{jx_encoding, jx_format, jx_read_options};
use jixiao_ffi::report::*;
use jixiao_ffi::{jx_bytes, jx_document, jx_report, jx_result};

fn known(r: jx_result) -> bool {
    // SAFETY: jx_result_name returns a static NUL-terminated string, never NULL.
    let name = unsafe { CStr::from_ptr(jx_result_name(r as u32)) };
    name.to_bytes() != b"unknown"
}

fn check_failure(r: jx_result) {
    assert!(r != jx_result::Panic, "a call panicked");
    assert!(known(r), "unknown result code {}", r as u32);
    assert_eq!(jx_last_error_result() as u32, r as u32);
    let mut buf = [0u8; 16];
    let mut n = 0usize;
    let _ = jx_last_error_message(buf.as_mut_ptr().cast(), buf.len(), &mut n);
    assert!(n < buf.len());
    let _ = jx_last_error_line();
}

fn take_bytes(r: jx_result, out: *mut jx_bytes) {
    if r == jx_result::Ok {
        assert!(!out.is_null());
        let len = jx_bytes_len(out);
        let data = jx_bytes_data(out);
        assert!(!data.is_null());
        // SAFETY: jx_bytes_data points at len bytes followed by a NUL.
        let nul = unsafe { *data.add(len) };
        assert_eq!(nul, 0);
        jx_bytes_free(out);
    } else {
        assert!(out.is_null(), "an out-parameter was written on failure");
        check_failure(r);
    }
}

/// One run of the `ffi` target.
pub fn ffi(data: &[u8]) {
    let (head, input) = data.split_at(data.len().min(3));
    let pick = |i: usize| head.get(i).copied().unwrap_or(0);
    let options = jx_read_options {
        format: jx_format(u32::from(pick(0) % 10)),
        encoding: jx_encoding(u32::from(pick(1) % 4)),
        file_name: c"fuzz.txt".as_ptr(),
    };
    let writers = pick(2);
    let mut doc: *mut jx_document = ptr::null_mut();
    let r = jx_document_read(input.as_ptr(), input.len(), &options, &mut doc);
    if r != jx_result::Ok {
        assert!(doc.is_null(), "jx_document_read wrote *out on failure");
        check_failure(r);
        return;
    }
    assert!(!doc.is_null());
    let _ = jx_document_declaration_count(doc);
    let _ = jx_document_indicator_count(doc);
    let _ = jx_document_diagnostic_count(doc);
    let _ = jx_document_format(doc);
    assert!(!jx_document_encoding(doc).is_null());

    let mut out: *mut jx_bytes = ptr::null_mut();
    take_bytes(jx_document_to_json(doc, &mut out), out);
    // Writers: JSON, form, CSV, TSV, Markdown always; xlsx when bit 0 is set (slow).
    for format in 1..=6u32 {
        if format == 5 && writers & 1 == 0 {
            continue;
        }
        for encoding in [0u32, 2] {
            let mut out: *mut jx_bytes = ptr::null_mut();
            let r = jx_document_write(doc, jx_format(format), jx_encoding(encoding), &mut out);
            take_bytes(r, out);
        }
    }
    let mut out: *mut jx_bytes = ptr::null_mut();
    take_bytes(
        jx_document_diagnostics_json(doc, jx_encoding(u32::from(writers >> 4) % 4), &mut out),
        out,
    );
    for pointer in [
        c"/declarations",
        c"/declarations/0/project/name",
        c"/declarations/0/funding/annual",
        c"/declarations/0/indicators/0/target",
        c"",
        c"declarations",
    ] {
        let mut out: *mut jx_bytes = ptr::null_mut();
        let r = jx_document_get(doc, pointer.as_ptr(), jx_encoding(0), &mut out);
        take_bytes(r, out);
        let mut n = usize::MAX;
        let r = jx_document_len(doc, pointer.as_ptr(), &mut n);
        if r != jx_result::Ok {
            assert_eq!(n, usize::MAX);
            check_failure(r);
        }
    }
    let mut report: *mut jx_report = ptr::null_mut();
    let r = jx_document_diagnostics(doc, jx_encoding(u32::from(writers >> 2) % 3), &mut report);
    if r == jx_result::Ok {
        let count = jx_report_count(report);
        for i in 0..=count {
            let _ = jx_report_code(report, i);
            let _ = jx_report_severity(report, i);
            let _ = jx_report_project(report, i);
            let _ = jx_report_indicator(report, i);
            let _ = jx_report_file(report, i);
            let _ = jx_report_line(report, i);
            let _ = jx_report_message(report, i);
            let _ = jx_report_message_en(report, i);
        }
        let mut out: *mut jx_bytes = ptr::null_mut();
        take_bytes(jx_report_json(report, &mut out), out);
        jx_report_free(report);
    } else {
        check_failure(r);
    }
    jx_document_free(doc);
}
