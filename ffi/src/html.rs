//! The HTML report (审核/复核报告, core's `write::html`): the page of one document, or the
//! roll-up page of several, handed to C as a UTF-8 buffer.

use std::ffi::c_char;

use jixiao::write::html::{document_html, rollup_html, HtmlOptions};

use crate::analysis::documents_for;
use crate::bytes::{hand_out, jx_bytes};
use crate::document::{doc_ref, jx_document};
use crate::error::{jx_result, null_parameter};
use crate::panic::{ffi_boundary, try_non_null, try_ok};
use crate::profile::{review_policy, scoring_profile};

/// The options of a report: the review `profile` and the `scoring_profile`, each NULL for
/// its default.
///
/// # Safety
/// Both are NULL or NUL-terminated.
unsafe fn options(
    profile: *const c_char,
    scoring: *const c_char,
) -> Result<HtmlOptions, jx_result> {
    Ok(HtmlOptions {
        // SAFETY: forwarded contract.
        policy: unsafe { review_policy(profile) }?,
        // SAFETY: forwarded contract.
        profile: unsafe { scoring_profile(scoring) }?,
    })
}

/// The HTML report of `doc` as one self-contained page (UTF-8, inline CSS and SVG, no
/// script, no external request): for each declaration, the 申报表 with every review
/// finding on its row (under the review `profile`, as in `jx_review`), or, for a
/// self-evaluation, the scorecard beside the published figures with the audit findings
/// inline (under `scoring_profile`, as in `jx_score`); what the reader recovered from is
/// listed on top. NULL profiles take the defaults (`any`, `auto`).
///
/// On success writes a new buffer to `*out` (free it with `jx_bytes_free`); on failure
/// writes nothing and returns `JX_RESULT_NULL_PARAMETER`, `JX_RESULT_UNKNOWN_PROFILE` or
/// `JX_RESULT_INVALID_ARGUMENT`. Thread-safe for a shared `doc`.
#[no_mangle]
pub extern "C" fn jx_document_html(
    doc: *const jx_document,
    profile: *const c_char,
    scoring_profile: *const c_char,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return null_parameter("out");
        }
        // SAFETY: both are NULL or NUL-terminated (documented contract).
        let options = try_ok!(unsafe { options(profile, scoring_profile) });
        let reading = doc.reading();
        let html = document_html(&reading.document, &reading.diagnostics, &options);
        hand_out(out, html.into_bytes());
        jx_result::Ok
    }
}

/// The roll-up page (汇总报告) of `count` documents as HTML (UTF-8, self-contained):
/// funding by source, the grade distribution, findings by code, a table of every project
/// linking to its section, then each project's section as `jx_document_html` shows it.
/// `docs` points to `count` document handles (none may be NULL); `count` may be 0.
/// Profiles as in `jx_document_html`.
///
/// On success writes a new buffer to `*out` (free it with `jx_bytes_free`); on failure
/// writes nothing and returns `JX_RESULT_NULL_PARAMETER`, `JX_RESULT_UNKNOWN_PROFILE` or
/// `JX_RESULT_INVALID_ARGUMENT`.
#[no_mangle]
pub extern "C" fn jx_rollup_html(
    docs: *const *const jx_document,
    count: usize,
    profile: *const c_char,
    scoring_profile: *const c_char,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: `docs` holds `count` handles; `out` is NULL or writable (documented contract).
        let documents = try_ok!(unsafe { documents_for(docs, count, out) });
        // SAFETY: both are NULL or NUL-terminated (documented contract).
        let options = try_ok!(unsafe { options(profile, scoring_profile) });
        hand_out(out, rollup_html(&documents, &options).into_bytes());
        jx_result::Ok
    }
}
