//! The C ABI of jixiao (绩效): read Chinese budget performance documents (绩效目标申报表,
//! 绩效自评表) from bytes, write them back in any format, and free everything handed out.
//!
//! This crate is conversion only: every rule lives in the `jixiao` core crate, and each
//! exported function converts C arguments, calls core, and converts the result back.
//! The header `include/jixiao.h` is generated from this crate by cbindgen
//! (`ffi/cbindgen.toml`); `tests/header.rs` fails when the committed header is stale.
//!
//! Conventions (as in rustls-ffi):
//! - opaque handles per C "class" (`jx_document`, `jx_report`, `jx_scorecard`,
//!   `jx_bytes`), functions named `jx_<noun>_<verb>`;
//! - every fallible function returns a `jx_result` (`#[repr(u32)]`, stable numbers);
//!   outputs go through trailing out-parameters written only on success;
//! - every exported body runs inside one panic-catching boundary ([`panic`]); a required
//!   pointer that is NULL returns `JX_RESULT_NULL_PARAMETER`;
//! - everything handed out has a NULL-tolerant `_free`;
//! - no profile the crate is built with may set `panic = "abort"`: the boundary needs
//!   unwinding to turn a panic into `JX_RESULT_PANIC`.

// The C ABI cannot be written without raw pointers: this crate is the one place in the
// workspace where `unsafe` is allowed (the workspace denies it). Every unsafe block
// carries a SAFETY comment naming the caller's documented contract it relies on.
#![allow(unsafe_code)]
// The exported functions are the C ABI: C callers cannot see `unsafe`, and their pointer
// contracts are stated in each function's header comment (as in rustls-ffi). Every
// dereference is still inside an `unsafe` block with a SAFETY comment.
#![allow(clippy::not_unsafe_ptr_arg_deref)]
// C names (`jx_document`, `jx_result`) are the public interface.
#![allow(non_camel_case_types)]

pub mod analysis;
pub mod bytes;
pub mod diff;
pub mod document;
pub mod error;
pub mod html;
mod json;
pub mod monitor;
pub mod options;
mod panic;
mod profile;
pub mod report;
pub mod scorecard;
pub mod stream;
pub mod version;

pub use bytes::jx_bytes;
pub use document::jx_document;
pub use error::jx_result;
pub use options::{jx_encoding, jx_format, jx_read_options};
pub use report::{jx_report, jx_severity};
pub use scorecard::jx_scorecard;
