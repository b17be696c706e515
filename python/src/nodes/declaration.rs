//! `Declaration` (绩效目标申报表): one project's declaration as a Python object.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rust_decimal::Decimal;

use super::{
    py_repr_str, reduce, repr_dec, DeclRef, PyEvaluation, PyFunding, PyGoals, PyIndicator,
    PyProject,
};

/// 绩效目标申报表: one project's declaration (and its self-evaluation, when it is one).
///
/// >>> doc = jixiao.read("tests/data/shanghai-eeb-enforcement-2024.txt")
/// >>> d = doc.declarations[0]
/// >>> d.project.name, d.funding.annual, len(d.indicators)
/// ('环保热线运行', Decimal('2650000.00'), 9)
#[pyclass(frozen, module = "jixiao", name = "Declaration")]
pub(crate) struct PyDeclaration {
    pub at: DeclRef,
}

#[pymethods]
impl PyDeclaration {
    /// The project header (项目名称, 项目性质, …).
    #[getter]
    fn project(&self) -> PyProject {
        PyProject {
            at: self.at.clone(),
        }
    }

    /// 项目资金: the funding block.
    #[getter]
    fn funding(&self) -> PyFunding {
        PyFunding {
            at: self.at.clone(),
        }
    }

    /// 项目绩效目标: the goal texts.
    #[getter]
    fn goals(&self) -> PyGoals {
        PyGoals {
            at: self.at.clone(),
        }
    }

    /// 绩效指标: the 三级 indicators, in order.
    #[getter]
    fn indicators(&self) -> Vec<PyIndicator> {
        (0..self.at.get().indicators.len())
            .map(|index| PyIndicator {
                at: self.at.clone(),
                index,
            })
            .collect()
    }

    /// Points written in the form's level headers (`产出指标(70分)`), 一级 name → Decimal.
    #[getter]
    fn level_points(&self) -> std::collections::BTreeMap<String, Decimal> {
        self.at.get().level_points.clone()
    }

    /// Points of the form's point groups (指标组: `年度绩效目标1(40分)`), group label →
    /// Decimal; each indicator names its group in `Indicator.group`.
    #[getter]
    fn group_points(&self) -> std::collections::BTreeMap<String, Decimal> {
        self.at.get().group_points.clone()
    }

    /// 绩效自评: the published self-evaluation figures, or `None` for a plain declaration.
    #[getter]
    fn evaluation(&self) -> Option<PyEvaluation> {
        self.at.get().evaluation.as_ref().map(|_| PyEvaluation {
            at: self.at.clone(),
        })
    }

    /// The 1-based source line the declaration starts at (0 when unknown).
    #[getter]
    fn line(&self) -> u32 {
        self.at.get().source.line
    }

    /// The canonical JSON of this declaration alone (a `jixiao/1` document holding it).
    #[pyo3(signature = (*, compact = false))]
    fn to_json(&self, compact: bool) -> String {
        crate::document::json_text(&self.at.alone(), compact)
    }

    /// What notebooks show: this declaration's section of `Document.report()` (the 申报表
    /// with its review, or the 自评表 with its scorecard and audit).
    fn _repr_html_(&self) -> String {
        crate::html::declaration(&self.at.doc, self.at.get())
    }

    fn __len__(&self) -> usize {
        self.at.get().indicators.len()
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyResult<Bound<'_, PyAny>> {
        let py = slf.py();
        let list = pyo3::types::PyList::new(py, slf.indicators())?;
        list.into_any().try_iter().map(Bound::into_any)
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.at.get() == other.at.get()
    }

    fn __repr__(&self) -> String {
        let d = self.at.get();
        format!(
            "Declaration(project={}, indicators={}, annual={}{})",
            py_repr_str(&d.project.name),
            d.indicators.len(),
            repr_dec(d.funding.annual),
            if d.evaluation.is_some() {
                ", evaluation=True"
            } else {
                ""
            }
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "Declaration", &self.at.alone())
    }
}
