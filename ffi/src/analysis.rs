//! Target review (绩效目标审核), roll-up (汇总) and re-checking published self-evaluations
//! (自评复核): each one core call, its result handed to C as a report or text.

use std::ffi::c_char;

use jixiao::audit::audit_document;
use jixiao::review::{comments, comments_text, review};
use jixiao::summary::{summarize, summarize_scored};
use jixiao::{Document, Finding};

use crate::bytes::{hand_out, jx_bytes};
use crate::document::{doc_ref, jx_document};
use crate::error::{jx_result, null_parameter};
use crate::options::{encode_text, jx_encoding};
use crate::panic::{ffi_boundary, try_non_null, try_ok};
use crate::profile::{review_policy, scoring_profile};
use crate::report::jx_report;

/// Pretty JSON of a serializable core value, with a final newline.
pub(crate) fn pretty<T: serde::Serialize>(value: &T) -> String {
    // Core results serialize with string keys and decimal strings: this cannot fail.
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}

/// Hands out `text` in `encoding` through `out`.
pub(crate) fn text_out(text: &str, encoding: jx_encoding, out: *mut *mut jx_bytes) -> jx_result {
    match encode_text(text, encoding) {
        Ok(bytes) => {
            hand_out(out, bytes);
            jx_result::Ok
        }
        Err(e) => e,
    }
}

/// Hands out `value` in `encoding` through `out`: as pretty JSON when `as_text` is 0, else
/// as `text(value)` (the aligned table a terminal shows). The tail of every call with an
/// `as_text` switch (`jx_summary`, `jx_summary_scored`, `jx_monitor`, `jx_monitor_rollup`).
pub(crate) fn json_or_text_out<T: serde::Serialize>(
    value: &T,
    as_text: u32,
    text: impl FnOnce(&T) -> String,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    let text = if as_text == 0 {
        pretty(value)
    } else {
        text(value)
    };
    text_out(&text, encoding, out)
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
        let policy = try_ok!(unsafe { review_policy(profile) });
        let result = review(&doc.reading().document, &policy);
        report_out(&result.findings, &pretty(&result), encoding, out)
    }
}

/// Collects `count` documents from a C array of handles.
///
/// # Safety
/// `docs` is NULL or points to `count` handle pointers, each NULL or live.
pub(crate) unsafe fn documents(
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

/// Checks that `out` is not NULL, then collects the `count` documents of `docs`: the first
/// steps, in that order, of every call over many documents (`jx_summary`,
/// `jx_summary_scored`, `jx_monitor_rollup`, `jx_rollup_html`).
///
/// # Safety
/// As [`documents`]; `out` is only tested for NULL.
pub(crate) unsafe fn documents_for<T>(
    docs: *const *const jx_document,
    count: usize,
    out: *mut *mut T,
) -> Result<Vec<Document>, jx_result> {
    if out.is_null() {
        return Err(null_parameter("out"));
    }
    // SAFETY: forwarded contract.
    unsafe { documents(docs, count) }
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
        // SAFETY: `docs` holds `count` handles; `out` is NULL or writable (documented contract).
        let documents = try_ok!(unsafe { documents_for(docs, count, out) });
        // SAFETY: `profile` is NULL or NUL-terminated (documented contract).
        let policy = try_ok!(unsafe { review_policy(profile) });
        let summary = summarize(&documents, &policy);
        json_or_text_out(&summary, as_text, |s| s.to_text(), encoding, out)
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
        // SAFETY: `docs` holds `count` handles; `out` is NULL or writable (documented contract).
        let documents = try_ok!(unsafe { documents_for(docs, count, out) });
        // SAFETY: `profile` is NULL or NUL-terminated (documented contract).
        let policy = try_ok!(unsafe { review_policy(profile) });
        // SAFETY: `scoring_profile` is NULL or NUL-terminated (documented contract).
        let scoring = try_ok!(unsafe { crate::profile::scoring_profile(scoring_profile) });
        let summary = summarize_scored(&documents, &policy, &scoring);
        json_or_text_out(&summary, as_text, |s| s.to_text(), encoding, out)
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
        let profile = try_ok!(unsafe { scoring_profile(profile) });
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
        let profile = try_ok!(unsafe { scoring_profile(profile) });
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
    // SAFETY: forwarded contract (NULL or a live handle; NULL or a NUL-terminated profile).
    unsafe {
        review_text_out(doc, profile, encoding, out, |doc, policy| {
            review(doc, policy).to_text()
        })
    }
}

/// The review comments for the units (审核意见) of `doc` under `profile` (see `jx_review`;
/// a checklist profile such as `"shenzhen-2023"` gives the checklist's standard wording):
/// per project its 项目编码 and 项目名称, then the numbered comments in sections 一、完整性 /
/// 二、可测性 / 三、可行性, as `jixiao check --format comments` prints them; in `encoding`.
/// Same contract as `jx_summary`.
#[no_mangle]
pub extern "C" fn jx_review_comments(
    doc: *const jx_document,
    profile: *const c_char,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    // SAFETY: forwarded contract (NULL or a live handle; NULL or a NUL-terminated profile).
    unsafe {
        review_text_out(doc, profile, encoding, out, |doc, policy| {
            comments_text(&comments(doc, policy))
        })
    }
}

/// The shared body of the review's text outputs (`jx_review_text`, `jx_review_comments`):
/// the document and the policy checked and read, `render` applied, the text handed out in
/// `encoding`.
///
/// # Safety
/// `doc` is NULL or a live handle; `profile` is NULL or NUL-terminated; `out` is NULL or
/// writable.
unsafe fn review_text_out(
    doc: *const jx_document,
    profile: *const c_char,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
    render: impl Fn(&Document, &jixiao::review::ReviewPolicy) -> String,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return null_parameter("out");
        }
        // SAFETY: `profile` is NULL or NUL-terminated (documented contract).
        let policy = try_ok!(unsafe { review_policy(profile) });
        text_out(&render(&doc.reading().document, &policy), encoding, out)
    }
}
