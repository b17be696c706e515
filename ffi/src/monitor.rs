//! Mid-year monitoring (绩效运行监控, domain.md §8): each one core call, its result
//! handed to C as JSON or text in a `jx_bytes`.

use std::ffi::c_char;

use jixiao::monitor::{
    check_against_evaluation, monitor_document, rollup, DepartmentRollup, MonitorPolicy,
    MonitorReport,
};

use crate::analysis::{documents_for, json_or_text_out, pretty, text_out};
use crate::bytes::jx_bytes;
use crate::document::{doc_ref, jx_document};
use crate::error::{jx_result, monitor_error, null_parameter, unknown_profile};
use crate::options::{jx_encoding, optional_str};
use crate::panic::{ffi_boundary, try_non_null, try_ok};

/// The warning policy named (or given as JSON) by `policy`; NULL → `monitor-bands`.
///
/// # Safety
/// `policy` is NULL or a NUL-terminated string valid during the call.
unsafe fn monitor_policy(policy: *const c_char) -> Result<MonitorPolicy, jx_result> {
    // SAFETY: forwarded contract.
    match unsafe { optional_str(policy, "policy") }? {
        None => Ok(MonitorPolicy::default()),
        Some(text) => MonitorPolicy::parse(&text).map_err(unknown_profile),
    }
}

/// `0` is "the month the table states".
fn month_of(month: u32) -> Option<u32> {
    (month != 0).then_some(month)
}

/// Monitors every declaration of `doc` that carries a monitoring table (执行监控表) at
/// `month` (1–12; 0: the month the table states, from its labels `1-X月…` or its title
/// `(2024年1-X月)`) under the warning `policy`: NULL (`monitor-bands`, domain.md §8), a
/// name (`monitor-bands`, `milestones-local-example`) or a policy as JSON (see the Rust
/// `MonitorPolicy`). `as_text` 0 gives JSON, non-zero the aligned table people read in a
/// terminal; either in `encoding`.
///
/// The JSON is an array with one report per project: `{"project", "code", "department",
/// "month", "policy", "colour" ("red", "yellow", "green", "blue" or null), "explanation",
/// "budget": {"unit", "adjusted", "executed", "forecast", "rate", "expected", "progress",
/// "colour", "explanation"}, "indicators": [{"name", "level1", "level2", "target",
/// "actual", "progress", "colour", "explanation", "forecast": {"value", "colour",
/// "explanation"}, "reasons" (the five categories; [] for 无偏差), "reason_text",
/// "achievability"}], "findings": [{"code", "where", "message", "message_en"}]}`; money
/// and rates are decimal strings.
///
/// On success writes a new buffer to `*out` (free it with `jx_bytes_free`); on failure
/// writes nothing and returns `JX_RESULT_NULL_PARAMETER`, `JX_RESULT_UNKNOWN_PROFILE` (the
/// policy), `JX_RESULT_NO_MONITORING`, `JX_RESULT_MONTH_UNKNOWN`, `JX_RESULT_BAD_MONTH` or
/// `JX_RESULT_INVALID_ARGUMENT`. Thread-safe for a shared `doc`.
#[no_mangle]
pub extern "C" fn jx_monitor(
    doc: *const jx_document,
    month: u32,
    policy: *const c_char,
    as_text: u32,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return null_parameter("out");
        }
        // SAFETY: `policy` is NULL or NUL-terminated (documented contract).
        let policy = try_ok!(unsafe { monitor_policy(policy) });
        let reports = match monitor_document(&doc.reading().document, month_of(month), &policy) {
            Ok(r) => r,
            Err(e) => return monitor_error(&e),
        };
        let text = |r: &Vec<MonitorReport>| r.iter().map(MonitorReport::to_text).collect();
        json_or_text_out(&reports, as_text, text, encoding, out)
    }
}

/// The roll-up by 主管部门 of the monitoring of `count` documents (each as in
/// `jx_monitor`, same `month` and `policy`): projects by colour, monitored funds (元),
/// funds-weighted execution, counts by deviation reason. JSON: `[{"department",
/// "projects", "colours": {"red": n, …}, "budget", "executed", "forecast", "rate",
/// "reasons": {"经费保障": n, …}}]`. `docs` points to `count` handles (none NULL). Same
/// contract as `jx_monitor`.
#[no_mangle]
pub extern "C" fn jx_monitor_rollup(
    docs: *const *const jx_document,
    count: usize,
    month: u32,
    policy: *const c_char,
    as_text: u32,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: `docs` holds `count` handles; `out` is NULL or writable (documented contract).
        let documents = try_ok!(unsafe { documents_for(docs, count, out) });
        // SAFETY: `policy` is NULL or NUL-terminated (documented contract).
        let policy = try_ok!(unsafe { monitor_policy(policy) });
        let mut reports = Vec::new();
        for document in &documents {
            match monitor_document(document, month_of(month), &policy) {
                Ok(r) => reports.extend(r),
                Err(e) => return monitor_error(&e),
            }
        }
        let rollups = rollup(&reports);
        json_or_text_out(&rollups, as_text, |r| DepartmentRollup::to_text(r), encoding, out)
    }
}

/// Checks the monitoring of `monitoring` against the self-evaluations (自评表) of the
/// same year in `evaluation` (domain.md §8): forecasts far off the final actual (beyond the
/// policy's `forecast_gap`, in percent of the target), the execution forecast far off the
/// final 执行率 (`execution_gap` points), and rows forecast 完全不可能 without a deviation
/// note in the 自评表. `policy` as in `jx_monitor`. JSON: `[{"code", "project",
/// "indicator", "forecast", "final", "gap", "message"}]`, in `encoding`.
///
/// On success writes a new buffer to `*out` (free it with `jx_bytes_free`); on failure
/// writes nothing and returns `JX_RESULT_NULL_PARAMETER`, `JX_RESULT_UNKNOWN_PROFILE` or
/// `JX_RESULT_INVALID_ARGUMENT`.
#[no_mangle]
pub extern "C" fn jx_monitor_check(
    monitoring: *const jx_document,
    evaluation: *const jx_document,
    policy: *const c_char,
    encoding: jx_encoding,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let monitoring = try_non_null!(unsafe { doc_ref(monitoring) }, "monitoring");
        // SAFETY: NULL or a live handle (documented contract).
        let evaluation = try_non_null!(unsafe { doc_ref(evaluation) }, "evaluation");
        if out.is_null() {
            return null_parameter("out");
        }
        // SAFETY: `policy` is NULL or NUL-terminated (documented contract).
        let policy = try_ok!(unsafe { monitor_policy(policy) });
        let findings = check_against_evaluation(
            &monitoring.reading().document,
            &evaluation.reading().document,
            &policy,
        );
        text_out(&pretty(&findings), encoding, out)
    }
}
