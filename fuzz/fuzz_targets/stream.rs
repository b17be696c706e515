//! Fuzz target `stream`: see `checks::stream` (fuzz/src/checks.rs) and docs/robustness.md.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jixiao_fuzz::checks::stream(data);
});
