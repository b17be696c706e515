//! Fuzz target `read_json`: see `checks::read_json` (fuzz/src/checks.rs) and docs/robustness.md.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jixiao_fuzz::checks::read_json(data);
});
