//! Profile parameters: a built-in name, or the profile itself as JSON (profiles are data
//! the caller can change), parsed by core's `from_spec`.

use std::ffi::c_char;

use jixiao::review::ReviewPolicy;
use jixiao::score::Profile;

use crate::error::{jx_result, unknown_profile};
use crate::options::optional_str;

/// Reads a `const char *profile` parameter: NULL → `None`.
///
/// # Safety
/// `ptr` is NULL or a NUL-terminated string valid during the call.
unsafe fn profile_text(ptr: *const c_char) -> Result<Option<String>, jx_result> {
    // SAFETY: forwarded contract.
    unsafe { optional_str(ptr, "profile") }
}

/// The review policy named (or given as JSON) by `profile`; NULL → the default (`any`).
///
/// # Safety
/// `profile` is NULL or a NUL-terminated string valid during the call.
pub(crate) unsafe fn review_policy(profile: *const c_char) -> Result<ReviewPolicy, jx_result> {
    // SAFETY: forwarded contract.
    match unsafe { profile_text(profile) }? {
        None => Ok(ReviewPolicy::default()),
        Some(spec) => ReviewPolicy::from_spec(&spec).map_err(|e| unknown_profile(e.to_string())),
    }
}

/// The scoring profile named (or given as JSON) by `profile`; NULL → the default (`auto`).
///
/// # Safety
/// `profile` is NULL or a NUL-terminated string valid during the call.
pub(crate) unsafe fn scoring_profile(profile: *const c_char) -> Result<Profile, jx_result> {
    // SAFETY: forwarded contract.
    match unsafe { profile_text(profile) }? {
        None => Ok(Profile::auto()),
        Some(spec) => Profile::from_spec(&spec).map_err(|e| unknown_profile(e.to_string())),
    }
}
