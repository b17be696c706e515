//! Fuzz target `value_grammar`: see `checks::value_grammar` (fuzz/src/checks.rs) and docs/robustness.md.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jixiao_fuzz::checks::value_grammar(data);
});
