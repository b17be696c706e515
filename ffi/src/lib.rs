//! The C ABI of jixiao. Written by the ffi work.
