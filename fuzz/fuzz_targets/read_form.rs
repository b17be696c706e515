//! Fuzz target `read_form`: see `checks::read_form` (fuzz/src/checks.rs) and docs/robustness.md.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jixiao_fuzz::checks::read_form(data);
});
