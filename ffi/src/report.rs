//! `jx_report`: a list of findings (a reader's diagnostics, a review's results) with
//! per-finding accessors whose strings live as long as the report, in the encoding asked
//! for.

use std::ffi::{c_char, CString};

use jixiao::{Finding, Severity};

use crate::bytes::{hand_out, jx_bytes};
use crate::error::jx_result;
use crate::options::{encode_text, jx_encoding};
use crate::panic::{ffi_boundary, try_non_null};

/// The severity of a finding: one of the `JX_SEVERITY_*` constants (a plain `uint32_t`);
/// 0 means "no finding" (an index past the end, or a NULL report).
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct jx_severity(pub u32);

/// No finding (index past the end, NULL report).
pub const JX_SEVERITY_NONE: jx_severity = jx_severity(0);
/// Worth knowing; nothing to fix.
pub const JX_SEVERITY_INFO: jx_severity = jx_severity(1);
/// Should be fixed; the declaration can still be processed.
pub const JX_SEVERITY_WARNING: jx_severity = jx_severity(2);
/// Must be fixed.
pub const JX_SEVERITY_ERROR: jx_severity = jx_severity(3);

/// One finding with its strings converted for C.
struct CFinding {
    code: CString,
    severity: jx_severity,
    project: Option<CString>,
    indicator: Option<CString>,
    file: Option<CString>,
    line: u32,
    message: CString,
    message_en: CString,
}

/// A list of findings: what a reader recovered from (`jx_document_diagnostics`) or what
/// a review found. Each finding has a stable code (`F001`, …), a severity, the project
/// (项目名称) and indicator path (`一级/二级/三级`) it is about, the source file and line,
/// and a message in Chinese and in English.
///
/// Ownership: the caller owns it and releases it with `jx_report_free`, exactly once. It
/// is an independent copy: it stays valid after the document it came from is freed.
/// Every string an accessor returns belongs to the report and stays valid, unchanged,
/// until `jx_report_free`; do not free it yourself.
///
/// Encoding: all strings (and the JSON) are in the encoding chosen when the report was
/// made (UTF-8 or GB18030), NUL-terminated.
///
/// Threads: immutable; may be read from several threads at once.
pub struct jx_report {
    findings: Vec<CFinding>,
    json: Vec<u8>,
}

/// A NUL-terminated string in `encoding` (interior NULs, which no input can carry, are
/// dropped).
fn c_text(text: &str, encoding: jx_encoding) -> Result<CString, jx_result> {
    let mut bytes = encode_text(text, encoding)?;
    bytes.retain(|&b| b != 0);
    // No NUL is left, so this cannot fail; fall back to an empty string rather than panic.
    Ok(CString::new(bytes).unwrap_or_default())
}

fn c_opt(text: Option<&str>, encoding: jx_encoding) -> Result<Option<CString>, jx_result> {
    text.map(|t| c_text(t, encoding)).transpose()
}

impl jx_report {
    /// Converts findings (and their JSON) for C, every string in `encoding`.
    pub(crate) fn new(
        findings: &[Finding],
        json: &str,
        encoding: jx_encoding,
    ) -> Result<jx_report, jx_result> {
        let findings = findings
            .iter()
            .map(|f| {
                Ok(CFinding {
                    code: c_text(&f.code, encoding)?,
                    severity: match f.severity {
                        Severity::Info => JX_SEVERITY_INFO,
                        Severity::Warning => JX_SEVERITY_WARNING,
                        Severity::Error => JX_SEVERITY_ERROR,
                    },
                    project: c_opt(f.project.as_deref(), encoding)?,
                    indicator: c_opt(f.indicator.as_deref(), encoding)?,
                    file: c_opt(f.file.as_deref(), encoding)?,
                    line: f.line.unwrap_or(0),
                    message: c_text(&f.message, encoding)?,
                    message_en: c_text(&f.message_en, encoding)?,
                })
            })
            .collect::<Result<Vec<_>, jx_result>>()?;
        Ok(jx_report {
            findings,
            json: encode_text(json, encoding)?,
        })
    }

    /// Hands a report out through `out` (checked non-NULL by the caller first).
    pub(crate) fn hand_out(self, out: *mut *mut jx_report) {
        // SAFETY: callers check `out` for NULL before any work; the caller of the exported
        // function guarantees it is valid for writing one pointer.
        unsafe { *out = Box::into_raw(Box::new(self)) };
    }
}

/// Borrows finding `index` of a report; `None` for NULL or out of range.
fn finding<'a>(report: *const jx_report, index: usize) -> Option<&'a CFinding> {
    // SAFETY: `report` is NULL or a live handle (documented contract of every accessor).
    unsafe { report.as_ref() }.and_then(|r| r.findings.get(index))
}

fn ptr_of(text: Option<&CString>) -> *const c_char {
    text.map_or(std::ptr::null(), |t| t.as_ptr())
}

/// The number of findings in `report`; 0 when `report` is NULL.
#[no_mangle]
pub extern "C" fn jx_report_count(report: *const jx_report) -> usize {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let report = try_non_null!(unsafe { report.as_ref() }, "report");
        report.findings.len()
    }
}

/// The number of findings of `severity` in `report` (e.g. `JX_SEVERITY_ERROR`: a
/// declaration with none passes review); 0 when `report` is NULL.
#[no_mangle]
pub extern "C" fn jx_report_count_severity(
    report: *const jx_report,
    severity: jx_severity,
) -> usize {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let report = try_non_null!(unsafe { report.as_ref() }, "report");
        report.findings.iter().filter(|f| f.severity == severity).count()
    }
}

/// The stable code of finding `index` (e.g. `F001`, `R-read-unknown-level2`), or NULL when
/// `report` is NULL or `index >= jx_report_count(report)`. Valid until `jx_report_free`.
#[no_mangle]
pub extern "C" fn jx_report_code(report: *const jx_report, index: usize) -> *const c_char {
    ffi_boundary! { ptr_of(finding(report, index).map(|f| &f.code)) }
}

/// The severity of finding `index`, or `JX_SEVERITY_NONE` (0) when there is no such finding.
#[no_mangle]
pub extern "C" fn jx_report_severity(report: *const jx_report, index: usize) -> jx_severity {
    ffi_boundary! { finding(report, index).map_or(JX_SEVERITY_NONE, |f| f.severity) }
}

/// The project (项目名称) finding `index` is about, or NULL when it is about no single
/// project or there is no such finding. Valid until `jx_report_free`.
#[no_mangle]
pub extern "C" fn jx_report_project(report: *const jx_report, index: usize) -> *const c_char {
    ffi_boundary! { ptr_of(finding(report, index).and_then(|f| f.project.as_ref())) }
}

/// The indicator path (`一级/二级/三级`) finding `index` is about, or NULL when it is about
/// no single indicator or there is no such finding. Valid until `jx_report_free`.
#[no_mangle]
pub extern "C" fn jx_report_indicator(report: *const jx_report, index: usize) -> *const c_char {
    ffi_boundary! { ptr_of(finding(report, index).and_then(|f| f.indicator.as_ref())) }
}

/// The source file of finding `index` (as given in `jx_read_options.file_name`), or NULL
/// when unknown or there is no such finding. Valid until `jx_report_free`.
#[no_mangle]
pub extern "C" fn jx_report_file(report: *const jx_report, index: usize) -> *const c_char {
    ffi_boundary! { ptr_of(finding(report, index).and_then(|f| f.file.as_ref())) }
}

/// The 1-based source line of finding `index`, or 0 when unknown or there is no such finding.
#[no_mangle]
pub extern "C" fn jx_report_line(report: *const jx_report, index: usize) -> u32 {
    ffi_boundary! { finding(report, index).map_or(0, |f| f.line) }
}

/// The message of finding `index` in Chinese, or NULL when there is no such finding.
/// Valid until `jx_report_free`.
#[no_mangle]
pub extern "C" fn jx_report_message(report: *const jx_report, index: usize) -> *const c_char {
    ffi_boundary! { ptr_of(finding(report, index).map(|f| &f.message)) }
}

/// The message of finding `index` in English, or NULL when there is no such finding.
/// Valid until `jx_report_free`.
#[no_mangle]
pub extern "C" fn jx_report_message_en(report: *const jx_report, index: usize) -> *const c_char {
    ffi_boundary! { ptr_of(finding(report, index).map(|f| &f.message_en)) }
}

/// The whole report as JSON (in the report's encoding) in a new buffer: on success writes
/// `*out` (free it with `jx_bytes_free`); on failure writes nothing and returns
/// `JX_RESULT_NULL_PARAMETER`.
#[no_mangle]
pub extern "C" fn jx_report_json(report: *const jx_report, out: *mut *mut jx_bytes) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let report = try_non_null!(unsafe { report.as_ref() }, "report");
        if out.is_null() {
            return crate::error::null_parameter("out");
        }
        hand_out(out, report.json.clone());
        jx_result::Ok
    }
}

/// Releases a report. NULL is allowed and does nothing. Every string obtained from it is
/// invalid afterwards.
#[no_mangle]
pub extern "C" fn jx_report_free(report: *mut jx_report) {
    ffi_boundary! {
        if !report.is_null() {
            // SAFETY: `report` came from Box::into_raw in `jx_report::hand_out` and is freed
            // once (documented contract).
            drop(unsafe { Box::from_raw(report) });
        }
    }
}
