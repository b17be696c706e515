//! Fuzz target `form_round_trip`: see `checks::form_round_trip` (fuzz/src/checks.rs) and
//! docs/robustness.md.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jixiao_fuzz::checks::form_round_trip(data);
});
