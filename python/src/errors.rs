//! The exception hierarchy, mapped in one place: every core error becomes a
//! `jixiao.JixiaoError` subclass carrying the error's stable `.code` and its location
//! (`.file`, `.sheet`, `.line`, `.column`).

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

pyo3::create_exception!(
    jixiao,
    JixiaoError,
    PyValueError,
    "The root of every jixiao error (a `ValueError`): `.code` is the stable error code, `.file`, `.sheet`, `.line` and `.column` say where (each `None` when unknown)."
);
pyo3::create_exception!(
    jixiao,
    ParseError,
    JixiaoError,
    "An input could not be read at all (empty, binary, bad encoding, no declaration, malformed JSON, …)."
);
pyo3::create_exception!(
    jixiao,
    ReviewError,
    JixiaoError,
    "A target review could not be run (e.g. an unknown profile)."
);
pyo3::create_exception!(
    jixiao,
    ScoreError,
    JixiaoError,
    "A scorecard could not be computed (e.g. an unknown profile or actuals that do not match)."
);
pyo3::create_exception!(
    jixiao,
    MonitorError,
    JixiaoError,
    "A monitoring report could not be made (no 执行监控表, an unknown month or policy)."
);

/// Which exception class a core error maps to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// `JixiaoError` itself (writers, internal errors).
    Base,
    /// `ParseError`.
    Parse,
    /// `ReviewError`.
    Review,
    /// `ScoreError`.
    Score,
    /// `MonitorError`.
    Monitor,
}

/// Where an error happened, as the exception attributes carry it.
#[derive(Debug, Clone, Default)]
pub(crate) struct At {
    pub file: Option<String>,
    pub sheet: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
}

impl From<&jixiao::Location> for At {
    fn from(l: &jixiao::Location) -> Self {
        At {
            file: l.file.clone(),
            sheet: l.sheet.clone(),
            line: l.line,
            column: l.column,
        }
    }
}

/// A jixiao exception of `kind` with `code`, `message` and location attributes.
pub(crate) fn error(kind: Kind, code: &str, message: String, at: At) -> PyErr {
    let err = match kind {
        Kind::Base => JixiaoError::new_err(message),
        Kind::Parse => ParseError::new_err(message),
        Kind::Review => ReviewError::new_err(message),
        Kind::Score => ScoreError::new_err(message),
        Kind::Monitor => MonitorError::new_err(message),
    };
    Python::attach(|py| {
        let value = err.value(py);
        // Setting attributes on a fresh exception instance cannot fail in practice; if it
        // does, the exception still carries its message.
        let _ = value.setattr("code", code);
        let _ = value.setattr("file", at.file);
        let _ = value.setattr("sheet", at.sheet);
        let _ = value.setattr("line", at.line);
        let _ = value.setattr("column", at.column);
    });
    err
}

/// `ParseError` for a core read error.
pub(crate) fn read_error(e: &jixiao::ReadError) -> PyErr {
    error(Kind::Parse, e.code(), e.to_string(), e.location().into())
}

/// `JixiaoError` for a core write error.
pub(crate) fn write_error(e: &jixiao::WriteError) -> PyErr {
    error(Kind::Base, e.code(), e.to_string(), At::default())
}

/// Runs core work, turning a panic (core never panics on input; this is the last line of
/// defence) into a `JixiaoError` with code `internal_error` instead of a crash.
pub(crate) fn guard<T>(f: impl FnOnce() -> T) -> Result<T, Internal> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Internal(message)
    })
}

/// A panic caught by [`guard`] (or by `jixiao::batch::map_in_order` in one of its jobs).
#[derive(Debug)]
pub(crate) struct Internal(pub String);

impl From<jixiao::batch::JobPanic> for Internal {
    fn from(p: jixiao::batch::JobPanic) -> Internal {
        Internal(p.message)
    }
}

impl From<Internal> for PyErr {
    fn from(e: Internal) -> PyErr {
        error(
            Kind::Base,
            "internal_error",
            format!("internal error in jixiao (please report it): {}", e.0),
            At::default(),
        )
    }
}
