//! The panic boundary: every exported function runs its body inside [`ffi_boundary!`], so
//! a panic (a bug in jixiao, never an input problem: core does not panic on input) is
//! caught and turned into [`jx_result::Panic`] (or a neutral value for functions
//! that return no result code) instead of unwinding into C, which would be undefined
//! behaviour.

use crate::error::{jx_result, set_last_error};

/// What an exported function returns when its body panicked or a required pointer was NULL.
pub(crate) trait Fallback {
    /// The value returned after a panic.
    fn panicked() -> Self;
    /// The value returned when a required pointer parameter is NULL.
    fn null_parameter() -> Self;
}

impl Fallback for jx_result {
    fn panicked() -> Self {
        jx_result::Panic
    }
    fn null_parameter() -> Self {
        jx_result::NullParameter
    }
}

impl Fallback for usize {
    fn panicked() -> Self {
        0
    }
    fn null_parameter() -> Self {
        0
    }
}

impl Fallback for u32 {
    fn panicked() -> Self {
        0
    }
    fn null_parameter() -> Self {
        0
    }
}

impl Fallback for () {
    fn panicked() -> Self {}
    fn null_parameter() -> Self {}
}

impl<T> Fallback for *const T {
    fn panicked() -> Self {
        std::ptr::null()
    }
    fn null_parameter() -> Self {
        std::ptr::null()
    }
}

/// Records a caught panic as the thread's last error and returns the fallback value.
pub(crate) fn on_panic<T: Fallback>(payload: &(dyn std::any::Any + Send)) -> T {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic payload".to_owned());
    set_last_error(
        jx_result::Panic,
        format!("internal error (a bug in jixiao, please report it): {what}"),
        None,
    );
    T::panicked()
}

/// Runs the body of an exported function, catching any panic. `return` inside the body
/// returns from the boundary's closure, i.e. from the exported function.
macro_rules! ffi_boundary {
    ( $($body:tt)* ) => {
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| { $($body)* })) {
            Ok(value) => value,
            Err(payload) => $crate::panic::on_panic(&*payload),
        }
    };
}
pub(crate) use ffi_boundary;

/// Unwraps an `Option` from a pointer conversion, returning the NULL-parameter value of
/// the enclosing function (and recording it as the last error) when it is `None`.
macro_rules! try_non_null {
    ( $opt:expr, $name:literal ) => {
        match $opt {
            Some(value) => value,
            None => return $crate::error::null_parameter($name),
        }
    };
}
pub(crate) use try_non_null;

/// Unwraps a `Result<T, jx_result>` (a conversion or check that has already recorded its
/// last error), returning the code from the enclosing function when it is `Err`.
macro_rules! try_ok {
    ( $result:expr ) => {
        match $result {
            Ok(value) => value,
            Err(code) => return code,
        }
    };
}
pub(crate) use try_ok;

impl Fallback for crate::options::jx_format {
    fn panicked() -> Self {
        crate::options::JX_FORMAT_AUTO
    }
    fn null_parameter() -> Self {
        crate::options::JX_FORMAT_AUTO
    }
}

impl Fallback for crate::report::jx_severity {
    fn panicked() -> Self {
        crate::report::JX_SEVERITY_NONE
    }
    fn null_parameter() -> Self {
        crate::report::JX_SEVERITY_NONE
    }
}
