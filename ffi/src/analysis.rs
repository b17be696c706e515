//! Target review (绩效目标审核), roll-up (汇总) and re-checking published self-evaluations
//! (自评复核): each one core call, its result handed to C as a report or text.

use std::ffi::c_char;

use jixiao::audit::audit_document;
use jixiao::review::review;
use jixiao::summary::{summarize, summarize_scored};
use jixiao::{Document, Finding};

use crate::bytes::{hand_out, jx_bytes};
use crate::document::{doc_ref, jx_document};
use crate::error::{jx_result, null_parameter};
use crate::options::{encode_text, jx_encoding};
use crate::panic::{ffi_boundary, try_non_null};
use crate::profile::{review_policy, scoring_profile};
use crate::report::jx_report;

/// Pretty JSON of a serializable core value, with a final newline.
fn pretty<T: serde::Serialize>(value: &T) -> String {
    // Core results serialize with string keys and decimal strings: this cannot fail.
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}

/// Hands out `text` in `encoding` through `out`.
fn text_out(text: &str, encoding: jx_encoding, out: *mut *mut jx_bytes) -> jx_result {
    match encode_text(text, encoding) {
        Ok(bytes) => {
            hand_out(out, bytes);
            jx_result::Ok
        }
        Err(e) => e,
    }
}

/// Hands out a report through `out`.
fn report_out(
    findings: &[Finding],
    json: &str,
    encoding: jx_encoding,
    out: *mut *mut jx_report,
) -> jx_result {
    match jx_report::new(findings, json, encoding) {
        Ok(report) => {
            report.hand_out(out);
            jx_result::Ok
        }
        Err(e) => e,
    }
}

/// Reviews every declaration of `doc` (绩效目标审核, domain.md §4) under `profile` and
/// returns the findings as a new report, every string in `encoding`.
///
/// `profile` is NULL (the default, `any`: both indicator trees accepted), a name (`any`,
/// `classic`, `mof-2021`, `shanghai-2025`), or a review policy as JSON (thresholds,
/// required fields, disabled rule codes; see the Rust `ReviewPolicy`). The report's JSON
/// is `{"findings": […], "errors": n, "warnings": n, "infos": n}`; a declaration passes
/// when `jx_report_count_severity(report, JX_SEVERITY_ERROR)` is 0.
///
/// On success writes `*out` (free it with `jx_report_free`); on failure writes nothing and
/// returns `JX_RESULT_NULL_PARAMETER`, `JX_RESULT_UNKNOWN_PROFILE` or
/// `JX_RESULT_INVALID_ARGUMENT`. Thread-safe for a shared `doc`.
#[no_mangle]
pub extern "C" fn jx_review(
    doc: *const jx_document,
    profile: *const c_char,
    encoding: jx_encoding,
    out: *mut *mut jx_report,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return null_parameter("out");
        }
        // SAFETY: `profile` is NULL or NUL-terminated (documented contract).
        let policy = match unsafe { review_policy(profile) } {
            Ok(p) => p,
            Err(e) => return e,
        };
        let result = review(&doc.reading().document, &policy);
        report_out(&result.findings, &pretty(&result), encoding, out)
    }
}

/// Collects `count` documents from a C array of handles.
///
/// # Safety
/// `docs` is NULL or points to `count` handle pointers, each NULL or live.
unsafe fn documents(
    docs: *const *const jx_document,
    count: usize,
) -> Result<Vec<Document>, jx_result> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if docs.is_null() {
        return Err(null_parameter("docs"));
    }
    // SAFETY: not NULL, and the caller guarantees `count` readable pointers.
    let handles = unsafe { crate::options::c_slice(docs, count, "docs") }?;
    handles
        .iter()
        // SAFETY: each element is NULL or a live handle (documented contract).
        .map(|&d| match unsafe { doc_ref(d) } {
            Some(doc) => Ok(doc.reading().document.clone()),
            None => Err(null_parameter("docs[i]")),
        })
        .collect()
}

/// The roll-up (汇总, domain.md §7) of `count` documents: funding totals by source,
/// projects and indicators by level, the quantitative share, findings by severity (under
/// the review `profile`, as in `jx_review`), in all and per document, 主管部门 and 实施单位.
/// `as_text` 0 gives JSON, non-zero the aligned table people read in a terminal; either in
/// `encoding`.
///
/// `docs` points to `count` document handles (none may be NULL); `count` may be 0.
/// On success writes a new buffer to `*out` (free it with `jx_bytes_free`); on failure
/// writes nothing and returns `JX_RESULT_NULL_PARAMETER`, `JX_RESULT_UNKNOWN_PROFILE` or
/// `JX_RESULT_INVALID_ARGUMENT`.
#[no_mangle]
pub extern "C" fn jx_summary(
    docs: *const *const jx_document,
    count: usize,
    profile: *const c_char,
    as_text: u32,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        if out.is_null() {
            return null_parameter("out");
        }
        // SAFETY: `docs` holds `count` handles (documented contract).
        let documents = match unsafe { documents(docs, count) } {
            Ok(d) => d,
            Err(e) => return e,
        };
        // SAFETY: `profile` is NULL or NUL-terminated (documented contract).
        let policy = match unsafe { review_policy(profile) } {
            Ok(p) => p,
            Err(e) => return e,
        };
        let summary = summarize(&documents, &policy);
        let text = if as_text == 0 { pretty(&summary) } else { summary.to_text() };
        text_out(&text, encoding, out)
    }
}

/// The roll-up of `jx_summary` plus score figures: every declaration that carries a
/// self-evaluation is also scored under `scoring_profile` (NULL: `auto`, see `jx_score`; a name or
/// profile JSON as in `jx_score`), and each group gets its score distribution and grade
/// counts. Same contract as `jx_summary`.
#[no_mangle]
pub extern "C" fn jx_summary_scored(
    docs: *const *const jx_document,
    count: usize,
    profile: *const c_char,
    scoring_profile: *const c_char,
    as_text: u32,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        if out.is_null() {
            return null_parameter("out");
        }
        // SAFETY: `docs` holds `count` handles (documented contract).
        let documents = match unsafe { documents(docs, count) } {
            Ok(d) => d,
            Err(e) => return e,
        };
        // SAFETY: `profile` is NULL or NUL-terminated (documented contract).
        let policy = match unsafe { review_policy(profile) } {
            Ok(p) => p,
            Err(e) => return e,
        };
        // SAFETY: `scoring_profile` is NULL or NUL-terminated (documented contract).
        let scoring = match unsafe { crate::profile::scoring_profile(scoring_profile) } {
            Ok(p) => p,
            Err(e) => return e,
        };
        let summary = summarize_scored(&documents, &policy, &scoring);
        let text = if as_text == 0 { pretty(&summary) } else { summary.to_text() };
        text_out(&text, encoding, out)
    }
}

/// Re-checks the published self-evaluations of `doc` (自评复核, domain.md §6): recomputes
/// every figure under the scoring `profile` (as in `jx_score`) and reports each difference
/// (published vs computed) as a finding of a new report: `code` (`A001`…), severity, the
/// project, and as the "indicator" where it is (the indicator's name, `budget`, `total`
/// or a 一级 name). The report's JSON is an array with one audit per declaration:
/// `[{"project": …, "findings": [{"code", "where", "published", "computed", "severity",
/// "message", "message_en"}]}]`, every figure a decimal string.
///
/// On success writes `*out` (free it with `jx_report_free`); on failure writes nothing and
/// returns `JX_RESULT_NULL_PARAMETER`, `JX_RESULT_UNKNOWN_PROFILE` or
/// `JX_RESULT_INVALID_ARGUMENT`. Thread-safe for a shared `doc`.
#[no_mangle]
pub extern "C" fn jx_audit(
    doc: *const jx_document,
    profile: *const c_char,
    encoding: jx_encoding,
    out: *mut *mut jx_report,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return null_parameter("out");
        }
        // SAFETY: `profile` is NULL or NUL-terminated (documented contract).
        let profile = match unsafe { scoring_profile(profile) } {
            Ok(p) => p,
            Err(e) => return e,
        };
        let audits = audit_document(&doc.reading().document, &profile);
        let findings: Vec<Finding> = audits
            .iter()
            .flat_map(|audit| {
                audit.findings.iter().map(move |f| {
                    Finding::new(&f.code, f.severity, f.message.clone(), f.message_en.clone())
                        .in_project(&audit.project)
                        .on_indicator(f.where_.clone())
                })
            })
            .collect();
        report_out(&findings, &pretty(&audits), encoding, out)
    }
}

/// The audit of `doc` (see `jx_audit`) as readable text, one line per difference with the
/// published and computed figures, in `encoding`. Same contract as `jx_summary`.
#[no_mangle]
pub extern "C" fn jx_audit_text(
    doc: *const jx_document,
    profile: *const c_char,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return null_parameter("out");
        }
        // SAFETY: `profile` is NULL or NUL-terminated (documented contract).
        let profile = match unsafe { scoring_profile(profile) } {
            Ok(p) => p,
            Err(e) => return e,
        };
        let text: String = audit_document(&doc.reading().document, &profile)
            .iter()
            .map(|a| a.to_text())
            .collect();
        text_out(&text, encoding, out)
    }
}

/// The review of `doc` (see `jx_review`) as the text a terminal shows: grouped by project,
/// one aligned row per finding, then the counts; in `encoding`. Same contract as `jx_summary`.
#[no_mangle]
pub extern "C" fn jx_review_text(
    doc: *const jx_document,
    profile: *const c_char,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return null_parameter("out");
        }
        // SAFETY: `profile` is NULL or NUL-terminated (documented contract).
        let policy = match unsafe { review_policy(profile) } {
            Ok(p) => p,
            Err(e) => return e,
        };
        text_out(&review(&doc.reading().document, &policy).to_text(), encoding, out)
    }
}
