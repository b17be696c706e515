//! Fuzz target `read_xlsx`: see `checks::read_xlsx` (fuzz/src/checks.rs) and docs/robustness.md.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jixiao_fuzz::checks::read_xlsx(data);
});
