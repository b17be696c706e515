//! The model classes: `Declaration`, `Project`, `Funding`, `Goals`, `Indicator`,
//! `Target`, `Evaluation`, `BudgetRow`. They are read-only views into one shared,
//! immutable core [`Document`](jixiao::Document) (no copying on access); money and values
//! come out as `decimal.Decimal`, dates as `datetime.date`. Equality compares the model
//! values; pickling goes through the canonical JSON.

mod declaration;
mod evaluation;
mod header;
mod indicator;

pub(crate) use declaration::*;
pub(crate) use evaluation::*;
pub(crate) use header::*;
pub(crate) use indicator::*;

use std::sync::Arc;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rust_decimal::Decimal;
use serde::Serialize;

use jixiao::{Declaration, Document};

/// The snake_case name serde gives a unit enum variant (`quantitative`, `percent`, …).
pub(crate) fn enum_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Python's `repr` of a string (quotes and escapes), for `__repr__`.
pub(crate) fn py_repr_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// `repr` of an optional string.
pub(crate) fn repr_opt(s: Option<&str>) -> String {
    s.map(py_repr_str).unwrap_or_else(|| "None".to_owned())
}

/// `repr` of an optional decimal, as Python prints `decimal.Decimal`.
pub(crate) fn repr_dec(d: Option<Decimal>) -> String {
    d.map(|d| format!("Decimal('{d}')"))
        .unwrap_or_else(|| "None".to_owned())
}

/// A declaration inside a shared document.
#[derive(Clone)]
pub(crate) struct DeclRef {
    pub doc: Arc<Document>,
    pub index: usize,
}

impl DeclRef {
    /// The declaration. The index is checked when the reference is made, and the
    /// document is immutable, so it is always in range.
    pub(crate) fn get(&self) -> &Declaration {
        &self.doc.declarations[self.index]
    }

    /// A reference to declaration `index` of `doc`, if there is one.
    pub(crate) fn new(doc: Arc<Document>, index: usize) -> Option<Self> {
        (index < doc.declarations.len()).then_some(DeclRef { doc, index })
    }

    /// A standalone document holding only this declaration (title and year kept), for
    /// pickling and standalone conversions.
    pub(crate) fn alone(&self) -> Document {
        Document {
            schema: self.doc.schema.clone(),
            title: self.doc.title.clone(),
            year: self.doc.year,
            declarations: vec![self.get().clone()],
        }
    }
}

/// The pickling constructor: `_restore(kind, json)` rebuilds an object from the JSON its
/// `__reduce__` wrote.
#[pyfunction]
pub(crate) fn _restore(py: Python<'_>, kind: &str, json: &str) -> PyResult<Py<PyAny>> {
    let doc = crate::document::parse_json(json)?;
    let doc = Arc::new(doc);
    let first = DeclRef::new(doc.clone(), 0);
    let missing = || {
        crate::errors::error(
            crate::errors::Kind::Base,
            "bad_pickle",
            format!("cannot restore a {kind}: the pickled document is empty"),
            crate::errors::At::default(),
        )
    };
    Ok(match kind {
        "Document" => Py::new(
            py,
            crate::document::PyDocument::new(doc, Vec::new(), None, None),
        )?
        .into_any(),
        "Declaration" => Py::new(
            py,
            PyDeclaration {
                at: first.ok_or_else(missing)?,
            },
        )?
        .into_any(),
        "Project" => Py::new(
            py,
            PyProject {
                at: first.ok_or_else(missing)?,
            },
        )?
        .into_any(),
        "Funding" => Py::new(
            py,
            PyFunding {
                at: first.ok_or_else(missing)?,
            },
        )?
        .into_any(),
        "Goals" => Py::new(
            py,
            PyGoals {
                at: first.ok_or_else(missing)?,
            },
        )?
        .into_any(),
        "Evaluation" => Py::new(
            py,
            PyEvaluation {
                at: first.ok_or_else(missing)?,
            },
        )?
        .into_any(),
        "Indicator" => {
            let at = first.ok_or_else(missing)?;
            if at.get().indicators.is_empty() {
                return Err(missing());
            }
            Py::new(py, PyIndicator { at, index: 0 })?.into_any()
        }
        other => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "cannot restore an object of kind `{other}`"
            )))
        }
    })
}

/// `(jixiao._jixiao._restore, (kind, json))` for `__reduce__`.
pub(crate) fn reduce<'py>(
    py: Python<'py>,
    kind: &str,
    doc: &Document,
) -> PyResult<Bound<'py, PyTuple>> {
    let restore = py.import("jixiao._jixiao")?.getattr("_restore")?;
    let json = jixiao::write::json::to_json_compact(doc);
    PyTuple::new(
        py,
        [
            restore,
            PyTuple::new(py, [kind.to_owned(), json])?.into_any(),
        ],
    )
}

/// `repr` of an optional date, as Python prints `datetime.date`.
pub(crate) fn repr_date(d: Option<NaiveDate>) -> String {
    use chrono::Datelike;
    d.map(|d| format!("datetime.date({}, {}, {})", d.year(), d.month(), d.day()))
        .unwrap_or_else(|| "None".to_owned())
}

/// The declaration without indicators and evaluation: what pickling a header part needs.
pub(crate) fn stripped(at: &DeclRef) -> Document {
    let mut doc = at.alone();
    for d in &mut doc.declarations {
        d.indicators.clear();
        d.evaluation = None;
    }
    doc
}

/// The first `n` characters of `s`, with `…` when cut.
pub(crate) fn shorten(s: &str, n: usize) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(n).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
