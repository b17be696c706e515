//! Fuzz target `ffi`: see `jixiao_fuzz::ffi_check` and docs/robustness.md.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jixiao_fuzz::ffi_check::ffi(data);
});
