//! `jixiao.stream`: declarations one at a time from a file (core's `read::stream`), so that
//! memory stays flat on inputs of any size.

use std::fs::File;
use std::sync::{Arc, Mutex};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

use jixiao::read::stream::{declarations, Declarations};
use jixiao::Document;

use crate::errors::read_error;
use crate::input::{io_error, read_options};
use crate::nodes::{DeclRef, PyDeclaration};

/// An iterator over the declarations of a file, read one at a time (see `jixiao.stream`).
#[pyclass(module = "jixiao", name = "DeclarationStream")]
pub(crate) struct PyDeclarationStream {
    inner: Mutex<Declarations<File>>,
}

#[pymethods]
impl PyDeclarationStream {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<PyDeclaration>> {
        let next = py.detach(|| {
            let mut inner = self
                .inner
                .lock()
                .map_err(|_| "the stream was poisoned by an earlier failure".to_owned())?;
            crate::errors::guard(|| inner.next()).map_err(|e| format!("internal error: {}", e.0))
        });
        match next.map_err(PyRuntimeError::new_err)? {
            None => Ok(None),
            Some(Err(e)) => Err(read_error(&e)),
            Some(Ok((declaration, _findings))) => {
                let doc = Arc::new(Document {
                    declarations: vec![declaration],
                    ..Document::default()
                });
                let at = DeclRef::new(doc, 0)
                    .ok_or_else(|| PyRuntimeError::new_err("empty declaration"))?;
                Ok(Some(PyDeclaration { at }))
            }
        }
    }

    /// The format detected from the start of the file (`form`, `csv`, `tsv`, `json`, or an
    /// office file or PDF, read whole: `xlsx`, `xls`, `docx`, `pdf`).
    #[getter]
    fn format(&self) -> PyResult<&'static str> {
        let inner = self
            .inner
            .lock()
            .map_err(|_| PyRuntimeError::new_err("poisoned"))?;
        Ok(inner.format().as_str())
    }

    /// The encoding detected from the start of the file (`UTF-8`, `GB18030`, …).
    #[getter]
    fn encoding(&self) -> PyResult<&'static str> {
        let inner = self
            .inner
            .lock()
            .map_err(|_| PyRuntimeError::new_err("poisoned"))?;
        Ok(inner.encoding())
    }
}

/// Reads the declarations of the file at `path` one at a time: memory stays flat however
/// large the file (form text is cut at form titles, a list at each project's rows; JSON
/// and office files (`.xlsx`, `.xls`, `.docx`, `.pdf`) are read whole first). Each item is
/// a `Declaration`; an input that cannot be
/// read at all raises `ParseError` at once, a broken declaration later raises it from
/// `next()`.
///
/// >>> [d.project.name for d in jixiao.stream("tests/data/shanghai-eeb-enforcement-2024.txt")][:2]
/// ['环保热线运行', '生态环境综合执法相关配套工作']
#[pyfunction]
#[pyo3(signature = (path, *, format=None, encoding=None))]
pub(crate) fn stream(
    path: std::path::PathBuf,
    format: Option<&str>,
    encoding: Option<&str>,
) -> PyResult<PyDeclarationStream> {
    let name = path.to_string_lossy().into_owned();
    let options = read_options(format, encoding, Some(name.clone()))?;
    let file = File::open(&path).map_err(|e| io_error(&e, Some(&name)))?;
    let inner = declarations(file, &options).map_err(|e| read_error(&e))?;
    Ok(PyDeclarationStream {
        inner: Mutex::new(inner),
    })
}
