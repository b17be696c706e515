//! The checks behind the fuzz targets. `checks.rs` depends on `jixiao` alone, so
//! `core/tests/fuzz_regressions.rs` includes the very same file to replay
//! `fuzz/regressions/<target>/*` as an ordinary test.

pub mod checks;
pub mod ffi_check;
