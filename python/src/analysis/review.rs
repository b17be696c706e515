//! `Review` (审核结果): the findings of a target review, list-like, with counts, JSON,
//! text, a frame and an HTML table.

use std::sync::Arc;

use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use jixiao::review::Review;
use jixiao::{Document, Finding};

use super::args::policy_arg;
use crate::document::PyFinding;
use crate::errors::{error, At, Kind};
use crate::frames::{to_pandas, Table};
use crate::html::esc;

/// 审核结果: the findings of a target review, in document order. Behaves as a list of
/// `Finding` (`len`, iteration, indexing) with counts, JSON, text and a frame.
///
/// >>> review = doc.review()
/// >>> review.errors, [f.code for f in review][:2]
/// (0, ['T007', 'T007'])
#[pyclass(frozen, module = "jixiao", name = "Review")]
pub(crate) struct PyReview {
    pub inner: Arc<Review>,
}

#[pymethods]
impl PyReview {
    /// The findings (`Finding` objects).
    #[getter]
    fn findings(&self) -> Vec<PyFinding> {
        self.inner
            .findings
            .iter()
            .map(|f| PyFinding {
                inner: Arc::new(f.clone()),
            })
            .collect()
    }
    /// How many findings are errors.
    #[getter]
    fn errors(&self) -> usize {
        self.inner.count(jixiao::Severity::Error)
    }
    /// How many findings are warnings.
    #[getter]
    fn warnings(&self) -> usize {
        self.inner.count(jixiao::Severity::Warning)
    }
    /// How many findings are infos.
    #[getter]
    fn infos(&self) -> usize {
        self.inner.count(jixiao::Severity::Info)
    }
    /// Whether any finding is an error.
    #[getter]
    fn has_errors(&self) -> bool {
        self.inner.has_errors()
    }
    /// The review as JSON (`{"findings": […], "errors": n, "warnings": n, "infos": n}`).
    fn to_json(&self) -> String {
        serde_json::to_string_pretty(&*self.inner).unwrap_or_default()
    }
    /// The findings as an aligned text table (what `jixiao check` prints).
    fn to_text(&self) -> String {
        self.inner.to_text()
    }
    /// One row per finding: code, severity, project, indicator, file, line, message,
    /// message_en (`columns="zh"`: 代码, 级别, 项目名称, 指标, 文件, 行号, 说明, 英文说明).
    #[pyo3(signature = (*, columns = "en"))]
    fn to_pandas<'py>(&self, py: Python<'py>, columns: &str) -> PyResult<Bound<'py, PyAny>> {
        let names = crate::frames::names_arg(columns)?;
        to_pandas(py, findings_table(&self.inner.findings).named(names), true)
    }
    /// The rows of `to_pandas()` as a `pyarrow.Table` built in Rust (code, severity,
    /// project, indicator dictionary-encoded; line `int64`; needs pyarrow).
    ///
    /// >>> t = doc.review().to_arrow()
    /// >>> t.num_rows == len(doc.review()), t.column("code")[0].as_py()
    /// (True, 'T007')
    #[pyo3(signature = (*, columns = "en"))]
    fn to_arrow<'py>(&self, py: Python<'py>, columns: &str) -> PyResult<Bound<'py, PyAny>> {
        let names = crate::frames::names_arg(columns)?;
        let table = findings_table(&self.inner.findings).named(names);
        crate::frames::to_target(py, table, crate::arrow::Target::Arrow, true)
    }
    /// The rows of `to_pandas()` as a `polars.DataFrame` (from `to_arrow()`).
    #[pyo3(signature = (*, columns = "en"))]
    fn to_polars<'py>(&self, py: Python<'py>, columns: &str) -> PyResult<Bound<'py, PyAny>> {
        let names = crate::frames::names_arg(columns)?;
        let table = findings_table(&self.inner.findings).named(names);
        crate::frames::to_target(py, table, crate::arrow::Target::Polars, true)
    }
    /// The findings as an HTML table.
    fn _repr_html_(&self) -> String {
        let mut out = String::from(crate::html::STYLE);
        out.push_str("<table class=\"jixiao\"><thead><tr><th>项目</th><th>指标</th><th>代码</th><th>级别</th><th>行</th><th>说明</th></tr></thead><tbody>");
        for f in &self.inner.findings {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(f.project.as_deref().unwrap_or("")),
                esc(f.indicator.as_deref().unwrap_or("")),
                esc(&f.code),
                f.severity.as_str(),
                f.line.map(|l| l.to_string()).unwrap_or_default(),
                esc(&f.message)
            ));
        }
        out.push_str(&format!(
            "</tbody></table><p>错误 {}，警告 {}，提示 {}</p>",
            self.errors(),
            self.warnings(),
            self.infos()
        ));
        out
    }

    fn __len__(&self) -> usize {
        self.inner.findings.len()
    }

    fn __getitem__(&self, index: isize) -> PyResult<PyFinding> {
        let len = self.inner.findings.len() as isize;
        let i = if index < 0 { index + len } else { index };
        usize::try_from(i)
            .ok()
            .and_then(|i| self.inner.findings.get(i))
            .map(|f| PyFinding {
                inner: Arc::new(f.clone()),
            })
            .ok_or_else(|| PyIndexError::new_err("finding index out of range"))
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyResult<Bound<'_, PyAny>> {
        let list = PyList::new(slf.py(), slf.findings())?;
        list.into_any().try_iter().map(Bound::into_any)
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }

    fn __repr__(&self) -> String {
        format!(
            "Review(findings={}, errors={}, warnings={}, infos={})",
            self.inner.findings.len(),
            self.errors(),
            self.warnings(),
            self.infos()
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let f = py.import("jixiao._jixiao")?.getattr("_review_from_json")?;
        let json = serde_json::to_string(&slf.get().inner.findings).unwrap_or_default();
        PyTuple::new(py, [f, PyTuple::new(py, [json])?.into_any()])
    }
}

/// The pickling constructor of `Review` (its findings as JSON).
#[pyfunction]
pub(crate) fn _review_from_json(json: &str) -> PyResult<PyReview> {
    let findings: Vec<Finding> = serde_json::from_str(json).map_err(|e| {
        error(
            Kind::Parse,
            "bad_json",
            format!("invalid review JSON: {e}"),
            At::default(),
        )
    })?;
    Ok(PyReview {
        inner: Arc::new(Review { findings }),
    })
}

/// Findings as a table.
pub(crate) fn findings_table(findings: &[Finding]) -> Table {
    let mut t = Table::new(&[
        "code",
        "severity",
        "project",
        "indicator",
        "file",
        "line",
        "message",
        "message_en",
    ]);
    for f in findings {
        t.push(vec![
            f.code.as_str().into(),
            f.severity.as_str().into(),
            f.project.as_deref().into(),
            f.indicator.as_deref().into(),
            f.file.as_deref().into(),
            f.line.into(),
            f.message.as_str().into(),
            f.message_en.as_str().into(),
        ]);
    }
    t
}

/// Reviews one document, without the GIL.
pub(crate) fn review_document(
    py: Python<'_>,
    doc: &Document,
    profile: Option<&str>,
) -> PyResult<PyReview> {
    let policy = policy_arg(profile)?;
    let review = py.detach(|| crate::errors::guard(|| jixiao::review::review(doc, &policy)))?;
    Ok(PyReview {
        inner: Arc::new(review),
    })
}

/// The review comments for the units (审核意见) of one document: a list of
/// `{"code", "name", "完整性": [...], "可测性": [...], "可行性": [...]}` (`format="list"`),
/// the numbered text `jixiao check --format comments` prints (`"text"`), or the workbook
/// with one row per project (`"xlsx"`, bytes).
pub(crate) fn review_comments<'py>(
    py: Python<'py>,
    doc: &Document,
    profile: Option<&str>,
    format: &str,
) -> PyResult<Bound<'py, PyAny>> {
    use pyo3::types::{PyBytes, PyDict, PyString};
    let policy = policy_arg(profile)?;
    let list = py.detach(|| crate::errors::guard(|| jixiao::review::comments(doc, &policy)))?;
    match format {
        "list" => {
            let out = PyList::empty(py);
            for p in &list {
                let d = PyDict::new(py);
                d.set_item("code", p.code.as_deref())?;
                d.set_item("name", &p.name)?;
                for aspect in jixiao::review::Aspect::ALL {
                    d.set_item(aspect.label(), p.section(aspect).to_vec())?;
                }
                out.append(d)?;
            }
            Ok(out.into_any())
        }
        "text" => Ok(PyString::new(py, &jixiao::review::comments_text(&list)).into_any()),
        "xlsx" => {
            let bytes = jixiao::write::comments::comments_xlsx(&list)
                .map_err(|e| crate::errors::write_error(&e))?;
            Ok(PyBytes::new(py, &bytes).into_any())
        }
        other => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "unknown comments format `{other}`: list, text or xlsx"
        ))),
    }
}
