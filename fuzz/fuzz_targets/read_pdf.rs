//! Fuzz target `read_pdf`: see `checks::read_pdf` (fuzz/src/checks.rs) and docs/robustness.md.
//!
//! The PDF library (pdf-extract, lopdf) panics on malformed files, and `read::pdf` catches
//! those panics and reports a corrupt PDF. libFuzzer's panic hook aborts at the panic,
//! before the catch: here a panic raised in a dependency's source (under the cargo
//! registry) is let through to that catch, and any other panic (jixiao's own) aborts as
//! before.
#![no_main]

use std::sync::Once;

static HOOK: Once = Once::new();

fn in_a_dependency(info: &std::panic::PanicHookInfo<'_>) -> bool {
    info.location().is_some_and(|l| {
        let file = l.file();
        file.contains("/.cargo/registry/") || file.contains("\\.cargo\\registry\\")
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        let aborting = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !in_a_dependency(info) {
                aborting(info);
            }
        }));
    });
    jixiao_fuzz::checks::read_pdf(data);
});
