//! Fuzz target `read_xls`: see `checks::read_xls` (fuzz/src/checks.rs) and docs/robustness.md.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jixiao_fuzz::checks::read_xls(data);
});
