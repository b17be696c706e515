//! `Diff` (目标调整): the target changes between two documents, with an optional prior
//! self-evaluation. One core call (`jixiao::diff::diff`); this class only converts.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use jixiao::diff::ProjectChanges;
use jixiao::Document;

use crate::document::PyDocument;
use crate::frames::{to_pandas, Cell, Table};

/// The documents a diff was computed from: old, new and the prior self-evaluation.
type DiffInputs = (Arc<Document>, Arc<Document>, Option<Arc<Document>>);

/// 目标调整: what changed from the old declarations to the new ones, per project: the
/// changes (code, kind, indicator, old, new, message, …) as `formats.md` lists them.
/// `len()` is the number of changes over all projects.
///
/// >>> d = jixiao.diff("tests/data/shanghai-eeb-enforcement-2024.txt",
/// ...                 "tests/data/shanghai-eeb-enforcement-2025-changed.txt")
/// >>> [c["kind"] for c in d.changes if c["project"] == "办案经费"]
/// ['unit_changed', 'softened']
#[pyclass(frozen, module = "jixiao", name = "Diff")]
pub(crate) struct PyDiff {
    pub inner: Arc<Vec<ProjectChanges>>,
    /// What it was computed from, for pickling (the diff is recomputed exactly).
    pub inputs: Arc<DiffInputs>,
}

impl PyDiff {
    fn json_value(&self) -> serde_json::Value {
        serde_json::to_value(&*self.inner).unwrap_or(serde_json::Value::Null)
    }
}

#[pymethods]
impl PyDiff {
    /// The projects as plain Python data: one dict per project (project, old_project,
    /// code, matched_by, uncertain, changes).
    #[getter]
    fn projects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_dict(py)
    }
    /// Every change as a dict with its project: project, code, kind, indicator, old, new,
    /// message, message_en, severity, uncertain.
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let json = py.import("json")?;
        let out = PyList::empty(py);
        for p in self.inner.iter() {
            for c in &p.changes {
                let mut v = serde_json::to_value(c).unwrap_or(serde_json::Value::Null);
                if let Some(map) = v.as_object_mut() {
                    map.insert("project".to_owned(), p.project.clone().into());
                }
                out.append(json.call_method1("loads", (v.to_string(),))?)?;
            }
        }
        Ok(out)
    }
    /// The diff JSON (what `jixiao diff --format json` prints).
    fn to_json(&self) -> String {
        jixiao::diff::diff_json(&self.inner)
    }
    /// The diff as plain Python data (json.loads of `to_json()`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?
            .call_method1("loads", (self.json_value().to_string(),))
    }
    /// An aligned text report (what `jixiao diff` prints).
    fn to_text(&self) -> String {
        jixiao::diff::diff_text(&self.inner)
    }
    /// One row per change: project, old_project, matched_by, code, kind, indicator, old,
    /// new, severity, uncertain, message, message_en. An unchanged project has no row.
    #[pyo3(signature = (*, decimals = true))]
    fn to_pandas<'py>(&self, py: Python<'py>, decimals: bool) -> PyResult<Bound<'py, PyAny>> {
        let mut t = Table::new(&[
            "project",
            "old_project",
            "matched_by",
            "code",
            "kind",
            "indicator",
            "old",
            "new",
            "severity",
            "uncertain",
            "message",
            "message_en",
        ]);
        for p in self.inner.iter() {
            let matched = p.matched_by.map(|m| match m {
                jixiao::diff::ProjectMatch::Code => "code",
                jixiao::diff::ProjectMatch::Name => "name",
                jixiao::diff::ProjectMatch::Similar => "similar",
            });
            for c in &p.changes {
                t.push(vec![
                    p.project.as_str().into(),
                    p.old_project.as_deref().into(),
                    matched.into(),
                    c.code.as_str().into(),
                    c.kind.as_str().into(),
                    c.indicator.as_deref().into(),
                    c.old.as_deref().into(),
                    c.new.as_deref().into(),
                    c.severity.as_str().into(),
                    Cell::Bool(c.uncertain),
                    c.message.as_str().into(),
                    c.message_en.as_str().into(),
                ]);
            }
        }
        to_pandas(py, t, decimals)
    }

    fn __len__(&self) -> usize {
        self.inner.iter().map(|p| p.changes.len()).sum()
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }

    fn __repr__(&self) -> String {
        format!(
            "Diff(projects={}, changes={})",
            self.inner.len(),
            self.__len__()
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.import("jixiao._jixiao")?.getattr("_restore_diff")?;
        let (old, new, prior) = &*self.inputs;
        let json = |d: &Document| jixiao::write::json::to_json_compact(d);
        let args = (json(old), json(new), prior.as_deref().map(json));
        PyTuple::new(py, [f, args.into_pyobject(py)?.into_any()])
    }
}

/// A `Document`, or a source (path or bytes) read as `jixiao.read` reads it.
fn document_arg(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Arc<Document>> {
    if let Ok(doc) = obj.extract::<PyRef<'_, PyDocument>>() {
        return Ok(doc.doc.clone());
    }
    Ok(crate::document::read(py, obj, None, None, None)?.doc)
}

fn run(
    py: Python<'_>,
    old: Arc<Document>,
    new: Arc<Document>,
    prior: Option<Arc<Document>>,
) -> PyResult<PyDiff> {
    let inputs = Arc::new((old, new, prior));
    let work = inputs.clone();
    let changes = py.detach(move || {
        crate::errors::guard(|| jixiao::diff::diff(&work.0, &work.1, work.2.as_deref()))
    })?;
    Ok(PyDiff {
        inner: Arc::new(changes),
        inputs,
    })
}

/// Target changes (目标调整, year on year) from `old` to `new`: each a `Document` or a
/// path/bytes as `read` takes them. `actuals` is last year's self-evaluation (绩效自评表,
/// same types): a new 正向 target below its 实际完成值 (above, for 反向) is reported as
/// `below_last_actual`. Projects are matched by 项目编码, else by name, else by similar
/// names (flagged uncertain). Raises `ScoreError` (code `no_self_evaluation`) when
/// `actuals` holds no self-evaluation.
///
/// >>> d = jixiao.diff(doc, "tests/data/shanghai-eeb-enforcement-2025-changed.txt",
/// ...                 actuals="tests/data/selfeval-eeb-hotline-2024-constructed.txt")
/// >>> sorted({c["kind"] for c in d.changes if c["project"] == "环保热线运行"})
/// ['below_last_actual', 'funding_changed', 'funding_vs_output', 'level_removed', 'relaxed', 'removed', 'tightened']
#[pyfunction]
#[pyo3(signature = (old, new, actuals = None))]
pub(crate) fn diff(
    py: Python<'_>,
    old: &Bound<'_, PyAny>,
    new: &Bound<'_, PyAny>,
    actuals: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyDiff> {
    let old = document_arg(py, old)?;
    let new = document_arg(py, new)?;
    let prior = match actuals.filter(|a| !a.is_none()) {
        None => None,
        Some(a) => {
            let p = document_arg(py, a)?;
            if p.declarations.iter().all(|d| d.evaluation.is_none()) {
                return Err(crate::errors::error(
                    crate::errors::Kind::Score,
                    "no_self_evaluation",
                    "actuals= expects last year's self-evaluation (绩效自评表); this document has none".to_owned(),
                    crate::errors::At::default(),
                ));
            }
            Some(p)
        }
    };
    run(py, old, new, prior)
}

/// The pickling constructor of `Diff`: recomputing gives the identical diff.
#[pyfunction]
#[pyo3(signature = (old, new, prior = None))]
pub(crate) fn _restore_diff(
    py: Python<'_>,
    old: &str,
    new: &str,
    prior: Option<&str>,
) -> PyResult<PyDiff> {
    let parse = |j: &str| crate::document::parse_json(j).map(Arc::new);
    run(py, parse(old)?, parse(new)?, prior.map(parse).transpose()?)
}
