//! Fuzz target `analyse`: see `checks::analyse` (fuzz/src/checks.rs) and docs/robustness.md.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jixiao_fuzz::checks::analyse(data);
});
