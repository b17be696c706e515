//! The library version, at run time (`jx_version`) and at compile time (the macros).

use std::ffi::c_char;

use crate::panic::ffi_boundary;

/// The major version of the header (`0` in `0.1.0`).
pub const JIXIAO_VERSION_MAJOR: u32 = 0;
/// The minor version of the header (`1` in `0.1.0`).
pub const JIXIAO_VERSION_MINOR: u32 = 1;
/// The patch version of the header (`0` in `0.1.0`).
pub const JIXIAO_VERSION_PATCH: u32 = 0;
/// The header version packed as `MAJOR << 16 | MINOR << 8 | PATCH` (0x000100 for 0.1.0),
/// for `#if JIXIAO_VERSION_NUMBER >= 0x000100` and for comparing with
/// `jx_version_number()` at run time.
pub const JIXIAO_VERSION_NUMBER: u32 = 0x0000_0100;

const VERSION_NUL: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The version of the linked library as a static NUL-terminated string (`"0.1.0"`). Never
/// NULL; lives as long as the program. Thread-safe.
#[no_mangle]
pub extern "C" fn jx_version() -> *const c_char {
    ffi_boundary! { VERSION_NUL.as_ptr().cast::<c_char>() }
}

/// The version of the linked library packed like `JIXIAO_VERSION_NUMBER`. When it differs
/// from the macro, the program was compiled against another header than the library it
/// runs with. Thread-safe.
#[no_mangle]
pub extern "C" fn jx_version_number() -> u32 {
    ffi_boundary! { packed_version() }
}

/// The Cargo package version packed as `MAJOR << 16 | MINOR << 8 | PATCH`.
pub(crate) fn packed_version() -> u32 {
    let part = |s: &str| s.parse::<u32>().unwrap_or(0);
    part(env!("CARGO_PKG_VERSION_MAJOR")) << 16
        | part(env!("CARGO_PKG_VERSION_MINOR")) << 8
        | part(env!("CARGO_PKG_VERSION_PATCH"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macros_match_cargo_toml() {
        assert_eq!(
            JIXIAO_VERSION_MAJOR.to_string(),
            env!("CARGO_PKG_VERSION_MAJOR")
        );
        assert_eq!(
            JIXIAO_VERSION_MINOR.to_string(),
            env!("CARGO_PKG_VERSION_MINOR")
        );
        assert_eq!(
            JIXIAO_VERSION_PATCH.to_string(),
            env!("CARGO_PKG_VERSION_PATCH")
        );
        assert_eq!(
            JIXIAO_VERSION_NUMBER,
            JIXIAO_VERSION_MAJOR << 16 | JIXIAO_VERSION_MINOR << 8 | JIXIAO_VERSION_PATCH
        );
        assert_eq!(packed_version(), JIXIAO_VERSION_NUMBER);
        assert_eq!(jixiao::VERSION, env!("CARGO_PKG_VERSION"));
        // SAFETY: jx_version returns a static NUL-terminated string.
        let v = unsafe { std::ffi::CStr::from_ptr(jx_version()) };
        assert_eq!(v.to_str().ok(), Some(env!("CARGO_PKG_VERSION")));
    }
}
