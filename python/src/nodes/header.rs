//! The declaration's header parts: `Project`, `Funding` (项目资金) and `Goals` (项目绩效目标).

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rust_decimal::Decimal;

use jixiao::model::Goals;
use jixiao::{Funding, Project};

use super::{py_repr_str, reduce, repr_date, repr_dec, repr_opt, shorten, stripped, DeclRef};

/// The header of a declaration: 项目名称, 项目编码, 项目性质, 项目类别, 主管部门, 实施单位 and
/// the planned dates (`datetime.date`).
///
/// >>> p = doc.declarations[0].project
/// >>> p.name, p.start_date
/// ('环保热线运行', datetime.date(2024, 1, 1))
#[pyclass(frozen, module = "jixiao", name = "Project")]
pub(crate) struct PyProject {
    pub at: DeclRef,
}

impl PyProject {
    fn get(&self) -> &Project {
        &self.at.get().project
    }
}

#[pymethods]
impl PyProject {
    /// 项目名称.
    #[getter]
    fn name(&self) -> &str {
        &self.get().name
    }
    /// 项目编码, when given.
    #[getter]
    fn code(&self) -> Option<&str> {
        self.get().code.as_deref()
    }
    /// 项目性质, as written.
    #[getter]
    fn nature(&self) -> Option<&str> {
        self.get().nature.as_deref()
    }
    /// 项目类别, as written.
    #[getter]
    fn category(&self) -> Option<&str> {
        self.get().category.as_deref()
    }
    /// 主管部门.
    #[getter]
    fn department(&self) -> Option<&str> {
        self.get().department.as_deref()
    }
    /// 实施单位.
    #[getter]
    fn implementer(&self) -> Option<&str> {
        self.get().implementer.as_deref()
    }
    /// 计划开始日期.
    #[getter]
    fn start_date(&self) -> Option<NaiveDate> {
        self.get().start_date
    }
    /// 计划完成日期.
    #[getter]
    fn end_date(&self) -> Option<NaiveDate> {
        self.get().end_date
    }
    /// Header fields the reader did not recognize, label → value.
    #[getter]
    fn extra(&self) -> std::collections::BTreeMap<String, String> {
        self.get().extra.clone()
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.get() == other.get()
    }

    fn __repr__(&self) -> String {
        let p = self.get();
        format!(
            "Project(name={}, implementer={}, start_date={}, end_date={})",
            py_repr_str(&p.name),
            repr_opt(p.implementer.as_deref()),
            repr_date(p.start_date),
            repr_date(p.end_date),
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "Project", &stripped(&self.at))
    }
}

/// 项目资金: the funding block, in `unit` (元 or 万元). An empty cell is `None`, never 0.
///
/// >>> f = doc.declarations[0].funding
/// >>> f.annual, f.total
/// (Decimal('2650000.00'), None)
#[pyclass(frozen, module = "jixiao", name = "Funding")]
pub(crate) struct PyFunding {
    pub at: DeclRef,
}

impl PyFunding {
    fn get(&self) -> &Funding {
        &self.at.get().funding
    }
}

#[pymethods]
impl PyFunding {
    /// 金额单位: `元` or `万元`.
    #[getter]
    fn unit(&self) -> &'static str {
        self.get().unit.as_str()
    }
    /// 项目资金总额.
    #[getter]
    fn total(&self) -> Option<Decimal> {
        self.get().total
    }
    /// 其中：财政资金 (project period).
    #[getter]
    fn total_fiscal(&self) -> Option<Decimal> {
        self.get().total_fiscal
    }
    /// 其他资金 (project period).
    #[getter]
    fn total_other(&self) -> Option<Decimal> {
        self.get().total_other
    }
    /// 年度资金申请总额.
    #[getter]
    fn annual(&self) -> Option<Decimal> {
        self.get().annual
    }
    /// 其中：当年财政拨款.
    #[getter]
    fn annual_fiscal(&self) -> Option<Decimal> {
        self.get().annual_fiscal
    }
    /// 上年结转资金.
    #[getter]
    fn annual_carryover(&self) -> Option<Decimal> {
        self.get().annual_carryover
    }
    /// 其他资金 (the year).
    #[getter]
    fn annual_other(&self) -> Option<Decimal> {
        self.get().annual_other
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.get() == other.get()
    }

    fn __repr__(&self) -> String {
        let f = self.get();
        format!(
            "Funding(unit={}, total={}, annual={}, annual_fiscal={}, annual_carryover={}, annual_other={})",
            py_repr_str(f.unit.as_str()),
            repr_dec(f.total),
            repr_dec(f.annual),
            repr_dec(f.annual_fiscal),
            repr_dec(f.annual_carryover),
            repr_dec(f.annual_other),
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "Funding", &stripped(&self.at))
    }
}

/// 项目绩效目标: the goal texts (HTML stripped).
///
/// >>> doc.declarations[1].goals.annual.startswith("全面落实")
/// True
#[pyclass(frozen, module = "jixiao", name = "Goals")]
pub(crate) struct PyGoals {
    pub at: DeclRef,
}

impl PyGoals {
    fn get(&self) -> &Goals {
        &self.at.get().goals
    }
}

#[pymethods]
impl PyGoals {
    /// 项目总目标.
    #[getter]
    fn overall(&self) -> Option<&str> {
        self.get().overall.as_deref()
    }
    /// 年度总体目标.
    #[getter]
    fn annual(&self) -> Option<&str> {
        self.get().annual.as_deref()
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.get() == other.get()
    }

    fn __repr__(&self) -> String {
        let g = self.get();
        format!(
            "Goals(overall={}, annual={})",
            repr_opt(g.overall.as_deref().map(|s| shorten(s, 40)).as_deref()),
            repr_opt(g.annual.as_deref().map(|s| shorten(s, 40)).as_deref()),
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "Goals", &stripped(&self.at))
    }
}
