//! Turning Python arguments into what core reads: a path or a bytes-like object becomes
//! bytes and a file name, option strings become core options. Wrong types give
//! `TypeError`, unknown option values `ValueError`.

use std::path::PathBuf;

use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};

use jixiao::read::Encoding;
use jixiao::{InputFormat, OutputFormat, ReadOptions};

/// An input as handed in: a file to read, or content already in memory.
pub(crate) enum Source {
    /// A file path (`str` or `os.PathLike`).
    Path(PathBuf),
    /// Content (`bytes`, `bytearray`, `memoryview`), copied out of Python.
    Bytes(Vec<u8>),
}

impl Source {
    /// Extracts a source: `str`/`os.PathLike` are paths, bytes-like objects are content.
    pub(crate) fn extract(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Source> {
        if let Ok(b) = obj.cast::<PyBytes>() {
            return Ok(Source::Bytes(b.as_bytes().to_vec()));
        }
        if let Ok(b) = obj.cast::<PyByteArray>() {
            return Ok(Source::Bytes(b.to_vec()));
        }
        if obj.is_instance_of::<PyMemoryView>() {
            let bytes = obj.call_method0("tobytes")?;
            let bytes = bytes.cast::<PyBytes>()?;
            return Ok(Source::Bytes(bytes.as_bytes().to_vec()));
        }
        if obj.is_instance_of::<PyString>() || obj.hasattr("__fspath__")? {
            let path: PathBuf = obj.extract()?;
            return Ok(Source::Path(path));
        }
        Err(PyTypeError::new_err(format!(
            "{what} expects a path (str or os.PathLike) or content (bytes, bytearray, memoryview), got {}",
            type_name(obj)
        )))
    }

    /// The name to use in messages when the caller gave none.
    pub(crate) fn default_name(&self) -> Option<String> {
        match self {
            Source::Path(p) => Some(p.to_string_lossy().into_owned()),
            Source::Bytes(_) => None,
        }
    }

    /// The bytes: the content, or the file read from disk (call without the GIL).
    pub(crate) fn load(self) -> std::io::Result<Vec<u8>> {
        match self {
            Source::Bytes(b) => Ok(b),
            Source::Path(p) => std::fs::read(p),
        }
    }
}

/// The type name of a Python object, for messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_owned())
}

/// Read options from the keyword arguments of `read`.
pub(crate) fn read_options(
    format: Option<&str>,
    encoding: Option<&str>,
    name: Option<String>,
) -> PyResult<ReadOptions> {
    let format = format
        .map(|f| f.parse::<InputFormat>().map_err(PyValueError::new_err))
        .transpose()?;
    let encoding = encoding
        .map(|e| e.parse::<Encoding>().map_err(PyValueError::new_err))
        .transpose()?
        .unwrap_or_default();
    Ok(ReadOptions {
        file_name: name,
        format,
        encoding,
    })
}

/// An output format name (`json`, `form`, `csv`, `tsv`, `md`, `xlsx`).
pub(crate) fn output_format(format: &str) -> PyResult<OutputFormat> {
    format
        .parse::<OutputFormat>()
        .map_err(PyValueError::new_err)
}

/// Converts an I/O error reading `path` into the matching `OSError` subclass
/// (`FileNotFoundError`, `PermissionError`, …) naming the file.
pub(crate) fn io_error(e: &std::io::Error, path: Option<&str>) -> PyErr {
    match (e.raw_os_error(), path) {
        (Some(errno), Some(path)) => {
            let strerror = std::io::Error::from_raw_os_error(errno).to_string();
            let strerror = strerror
                .split(" (os error")
                .next()
                .unwrap_or(&strerror)
                .to_owned();
            let looks_like_content = path.contains('\n') || path.trim_start().starts_with('{');
            let strerror = if e.kind() == std::io::ErrorKind::NotFound && looks_like_content {
                format!("{strerror} (a str is a path; to read content held in a str use jixiao.read_text(), or pass bytes)")
            } else {
                strerror
            };
            PyOSError::new_err((errno, strerror, path.to_owned()))
        }
        _ => PyOSError::new_err(e.to_string()),
    }
}
