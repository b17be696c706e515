//! `Audit` (复核结果): published self-evaluation figures re-checked against core's
//! recomputation.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use jixiao::audit::{Audit, AuditFinding};
use jixiao::score::Profile;
use jixiao::{Declaration, Document};

use crate::errors::{error, At, Kind};
use crate::frames::{to_pandas, Table};
use crate::nodes::py_repr_str;

/// 复核结果: the differences between one declaration's published self-evaluation and the
/// recomputed figures. `findings` are dicts: code, where, published, computed (Decimal),
/// severity, message, message_en.
///
/// >>> (audit,) = jixiao.read("tests/data/selfeval-putuo-sports-2022.txt").audit()
/// >>> audit.has_errors, len(audit)
/// (False, 0)
#[pyclass(frozen, module = "jixiao", name = "Audit")]
pub(crate) struct PyAudit {
    pub inner: Arc<Audit>,
    pub declaration: Arc<Declaration>,
    pub profile: Arc<Profile>,
}

fn audit_finding<'py>(py: Python<'py>, f: &AuditFinding) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("code", &f.code)?;
    d.set_item("where", &f.where_)?;
    d.set_item("published", f.published)?;
    d.set_item("computed", f.computed)?;
    d.set_item("severity", f.severity.as_str())?;
    d.set_item("message", &f.message)?;
    d.set_item("message_en", &f.message_en)?;
    Ok(d)
}

#[pymethods]
impl PyAudit {
    /// 项目名称.
    #[getter]
    fn project(&self) -> &str {
        &self.inner.project
    }
    /// The differences found, in form order (dicts).
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for f in &self.inner.findings {
            out.append(audit_finding(py, f)?)?;
        }
        Ok(out)
    }
    /// Whether any finding is an error.
    #[getter]
    fn has_errors(&self) -> bool {
        self.inner.has_errors()
    }
    /// The audit JSON.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    /// An aligned text table (what `jixiao audit` prints).
    fn to_text(&self) -> String {
        self.inner.to_text()
    }
    /// One row per finding: project, code, where, published, computed, severity, message
    /// (`columns="zh"` for Chinese names).
    #[pyo3(signature = (*, decimals = true, columns = "en"))]
    fn to_pandas<'py>(
        &self,
        py: Python<'py>,
        decimals: bool,
        columns: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let names = crate::frames::names_arg(columns)?;
        to_pandas(
            py,
            audits_table(std::slice::from_ref(&self.inner)).named(names),
            decimals,
        )
    }

    fn __len__(&self) -> usize {
        self.inner.findings.len()
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }

    fn __repr__(&self) -> String {
        format!(
            "Audit(project={}, findings={}, has_errors={})",
            py_repr_str(&self.inner.project),
            self.inner.findings.len(),
            if self.inner.has_errors() {
                "True"
            } else {
                "False"
            }
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.import("jixiao._jixiao")?.getattr("_restore_audit")?;
        let doc = Document {
            declarations: vec![(*self.declaration).clone()],
            ..Document::default()
        };
        let decl = jixiao::write::json::to_json_compact(&doc);
        let profile = serde_json::to_string(&*self.profile).unwrap_or_default();
        PyTuple::new(py, [f, (decl, profile).into_pyobject(py)?.into_any()])
    }
}

/// The pickling constructor of `Audit`: re-auditing gives the identical audit.
#[pyfunction]
pub(crate) fn _restore_audit(declaration: &str, profile: &str) -> PyResult<PyAudit> {
    let doc = crate::document::parse_json(declaration)?;
    let profile: Profile = serde_json::from_str(profile).map_err(|e| {
        error(
            Kind::Score,
            "bad_profile",
            format!("invalid pickled profile: {e}"),
            At::default(),
        )
    })?;
    let decl = doc.declarations.into_iter().next().ok_or_else(|| {
        error(
            Kind::Score,
            "bad_pickle",
            "the pickled audit has no declaration".to_owned(),
            At::default(),
        )
    })?;
    Ok(audit_one(Arc::new(decl), Arc::new(profile))?)
}

/// Audits one declaration (core's `audit_declaration`).
pub(crate) fn audit_one(
    declaration: Arc<Declaration>,
    profile: Arc<Profile>,
) -> Result<PyAudit, crate::errors::Internal> {
    let audit = crate::errors::guard(|| jixiao::audit::audit_declaration(&declaration, &profile))?;
    Ok(PyAudit {
        inner: Arc::new(audit),
        declaration,
        profile,
    })
}

fn audits_table(audits: &[Arc<Audit>]) -> Table {
    let mut t = Table::new(&[
        "project",
        "code",
        "where",
        "published",
        "computed",
        "severity",
        "message",
        "message_en",
    ]);
    for a in audits {
        for f in &a.findings {
            t.push(vec![
                a.project.as_str().into(),
                f.code.as_str().into(),
                f.where_.as_str().into(),
                f.published.into(),
                f.computed.into(),
                f.severity.as_str().into(),
                f.message.as_str().into(),
                f.message_en.as_str().into(),
            ]);
        }
    }
    t
}

/// Audits of one document, without the GIL.
pub(crate) fn audit_document(
    py: Python<'_>,
    doc: &Document,
    profile: Profile,
) -> PyResult<Vec<PyAudit>> {
    let profile = Arc::new(profile);
    let decls: Vec<Arc<Declaration>> = doc.declarations.iter().cloned().map(Arc::new).collect();
    let audits = py.detach(move || {
        decls
            .into_iter()
            .map(|d| audit_one(d, profile.clone()))
            .collect::<Result<Vec<_>, _>>()
    })?;
    Ok(audits)
}
