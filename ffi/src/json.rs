//! JSON conversions of core values that core does not serialize to text itself.

use std::ffi::{c_char, CStr};

use jixiao::Finding;
use serde_json::Value;

use crate::error::{invalid_argument, jx_result, null_parameter, set_last_error};

/// Findings as a pretty JSON array with a final newline (their serde form).
pub(crate) fn findings_json(findings: &[Finding]) -> String {
    // Serializing findings cannot fail: string keys, no floats.
    let mut out = serde_json::to_string_pretty(findings).unwrap_or_else(|_| "[]".to_owned());
    out.push('\n');
    out
}

/// Borrows the value at a JSON pointer (RFC 6901) given as a C string; `example` shows a
/// valid pointer in the error message.
///
/// # Safety
/// `pointer` is NULL or a NUL-terminated string valid during the call.
pub(crate) unsafe fn lookup<'v>(
    root: &'v Value,
    pointer: *const c_char,
    example: &str,
) -> Result<&'v Value, jx_result> {
    if pointer.is_null() {
        return Err(null_parameter("pointer"));
    }
    // SAFETY: not NULL and NUL-terminated (forwarded contract).
    let pointer = unsafe { CStr::from_ptr(pointer) };
    let Ok(pointer) = pointer.to_str() else {
        return Err(invalid_argument("`pointer` is not valid UTF-8".to_owned()));
    };
    if !pointer.is_empty() && !pointer.starts_with('/') {
        return Err(invalid_argument(format!(
            "`{pointer}` is not a JSON pointer (it must start with `/`, e.g. `{example}`)"
        )));
    }
    root.pointer(pointer)
        .ok_or_else(|| set_last_error(jx_result::NotFound, format!("nothing at `{pointer}`"), None))
}

/// The text of a JSON value as `jx_*_get` return it: a string without quotes, anything
/// else as compact JSON; `null` is `JX_RESULT_NO_VALUE`.
pub(crate) fn value_text(value: &Value) -> Result<String, jx_result> {
    match value {
        Value::Null => Err(no_value()),
        Value::String(s) => Ok(s.clone()),
        other => Ok(other.to_string()),
    }
}

/// Records that a value is `null` and returns `JX_RESULT_NO_VALUE`.
pub(crate) fn no_value() -> jx_result {
    set_last_error(
        jx_result::NoValue,
        "the value is null (empty in the source, or not computed)".to_owned(),
        None,
    )
}
