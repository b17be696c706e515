//! Target changes (目标调整 / 年度对比, domain.md §9) between two documents: one core call,
//! the result handed to C as JSON or text.

use crate::analysis::text_out;
use crate::bytes::jx_bytes;
use crate::document::{doc_ref, jx_document};
use crate::error::{jx_result, null_parameter};
use crate::options::jx_encoding;
use crate::panic::{ffi_boundary, try_non_null};

/// The target changes from `old` to `new` (two budget years, or an original declaration
/// and its 调整后 version): projects matched by 项目编码, else by name, else by similar
/// names (flagged `"uncertain": true`); indicators by (一级, 二级, name, unit), then by name,
/// then by similarity. `prior` is NULL or last year's self-evaluation (绩效自评表): a new
/// 正向 target below its 实际完成值 (above it, for 反向) is reported as `below_last_actual`.
///
/// `as_text` 0 gives JSON, non-zero the aligned text `jixiao diff` prints; either in
/// `encoding`. The JSON is an array with one object per project: `{"project",
/// "old_project", "code", "matched_by" ("code", "name", "similar" or null for a project on
/// one side only), "uncertain", "changes": [{"code", "kind", "indicator", "old", "new",
/// "message", "message_en", "severity", "uncertain"}]}`, `kind` one of `added`, `removed`,
/// `renamed`, `moved`, `relaxed`, `tightened`, `softened`, `unit_changed`,
/// `below_last_actual`, `level_removed`, `funding_vs_output`, `funding_changed`; an
/// unchanged project has `"changes": []`. Codes and kinds: docs/changes.md.
///
/// On success writes a new buffer to `*out` (free it with `jx_bytes_free`); on failure
/// writes nothing and returns `JX_RESULT_NULL_PARAMETER` (`old`, `new` or `out` NULL) or
/// `JX_RESULT_INVALID_ARGUMENT` (an unknown encoding, or text the encoding cannot hold).
/// Thread-safe for shared documents.
#[no_mangle]
pub extern "C" fn jx_diff(
    old: *const jx_document,
    new: *const jx_document,
    prior: *const jx_document,
    as_text: u32,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or live handles (documented contract).
        let old = try_non_null!(unsafe { doc_ref(old) }, "old");
        // SAFETY: as above.
        let new = try_non_null!(unsafe { doc_ref(new) }, "new");
        // SAFETY: as above; `prior` may be NULL.
        let prior = unsafe { doc_ref(prior) };
        if out.is_null() {
            return null_parameter("out");
        }
        let changes = jixiao::diff::diff(
            &old.reading().document,
            &new.reading().document,
            prior.map(|p| &p.reading().document),
        );
        let text = if as_text == 0 {
            jixiao::diff::diff_json(&changes)
        } else {
            jixiao::diff::diff_text(&changes)
        };
        text_out(&text, encoding, out)
    }
}
