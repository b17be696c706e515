//! `jx_bytes`: an immutable byte buffer handed out by jixiao (a written document, JSON, a
//! report), read with `jx_bytes_data`/`jx_bytes_len` and released with `jx_bytes_free`.

use crate::panic::{ffi_boundary, try_non_null};

/// An immutable buffer of bytes produced by jixiao: a written document (JSON, form text,
/// CSV, TSV, Markdown, an `.xlsx` workbook) or a report.
///
/// Ownership: the caller owns it and releases it with `jx_bytes_free`, exactly once.
/// It does not borrow from the document or report it was made from: it stays valid
/// after they are freed.
///
/// Contents: `jx_bytes_len` bytes at `jx_bytes_data`, followed by one NUL byte that is
/// not counted, so text outputs can be used directly as C strings. Text is UTF-8 unless
/// another encoding was asked for.
///
/// Threads: immutable; may be read from several threads at once and freed from any
/// thread (once no thread reads it any more).
pub struct jx_bytes {
    /// The bytes followed by a NUL that `len` does not count.
    data: Vec<u8>,
}

impl jx_bytes {
    /// Moves `bytes` into a new buffer handed to C.
    pub(crate) fn into_raw(mut bytes: Vec<u8>) -> *mut jx_bytes {
        bytes.push(0);
        Box::into_raw(Box::new(jx_bytes { data: bytes }))
    }

    fn len(&self) -> usize {
        self.data.len().saturating_sub(1)
    }
}

/// Writes a new buffer holding `bytes` into the out-parameter `out` (checked non-NULL by
/// the caller before any work was done).
pub(crate) fn hand_out(out: *mut *mut jx_bytes, bytes: Vec<u8>) {
    // SAFETY: callers check `out` for NULL before doing any work; the caller of the
    // exported function guarantees it is valid for writing one pointer.
    unsafe { *out = jx_bytes::into_raw(bytes) };
}

/// A pointer to the first byte of `bytes` (followed, after `jx_bytes_len` bytes, by a NUL
/// byte), valid until `jx_bytes_free(bytes)`. NULL when `bytes` is NULL.
#[no_mangle]
pub extern "C" fn jx_bytes_data(bytes: *const jx_bytes) -> *const u8 {
    ffi_boundary! {
        // SAFETY: `bytes` is NULL or a live buffer from jixiao (the documented contract).
        let bytes = try_non_null!(unsafe { bytes.as_ref() }, "bytes");
        bytes.data.as_ptr()
    }
}

/// The number of bytes in `bytes`, not counting the NUL after them. 0 when `bytes` is NULL.
#[no_mangle]
pub extern "C" fn jx_bytes_len(bytes: *const jx_bytes) -> usize {
    ffi_boundary! {
        // SAFETY: `bytes` is NULL or a live buffer from jixiao (the documented contract).
        let bytes = try_non_null!(unsafe { bytes.as_ref() }, "bytes");
        bytes.len()
    }
}

/// Releases a buffer. NULL is allowed and does nothing. After this call the buffer and
/// every pointer obtained from `jx_bytes_data` are invalid.
#[no_mangle]
pub extern "C" fn jx_bytes_free(bytes: *mut jx_bytes) {
    ffi_boundary! {
        if !bytes.is_null() {
            // SAFETY: `bytes` came from `jx_bytes::into_raw` (Box::into_raw) and the caller
            // frees it once (the documented contract), so we own it again here.
            drop(unsafe { Box::from_raw(bytes) });
        }
    }
}
