//! `Evaluation` (绩效自评) and `BudgetRow`: the published self-evaluation figures.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rust_decimal::Decimal;

use jixiao::model::{BudgetRow, Evaluation};

use super::{reduce, repr_dec, repr_opt, DeclRef};

/// 绩效自评: the published figures of a self-evaluation, exactly as published (recomputed
/// figures live in a scorecard).
///
/// >>> e = jixiao.read("tests/data/selfeval-putuo-sports-2022.txt")[0].evaluation
/// >>> e.total, e.budget.executed
/// (Decimal('98.62'), Decimal('215457.6'))
#[pyclass(frozen, module = "jixiao", name = "Evaluation")]
pub(crate) struct PyEvaluation {
    pub at: DeclRef,
}

impl PyEvaluation {
    fn get(&self) -> Option<&Evaluation> {
        self.at.get().evaluation.as_ref()
    }
}

#[pymethods]
impl PyEvaluation {
    /// 金额单位 of the budget rows.
    #[getter]
    fn unit(&self) -> &'static str {
        self.get().map(|e| e.unit.as_str()).unwrap_or("元")
    }
    /// The 年度资金总额 row.
    #[getter]
    fn budget(&self) -> PyBudgetRow {
        PyBudgetRow {
            inner: self.get().map(|e| e.budget.clone()).unwrap_or_default(),
        }
    }
    /// The 其中：当年财政拨款 row, when given.
    #[getter]
    fn budget_fiscal(&self) -> Option<PyBudgetRow> {
        self.get()
            .and_then(|e| e.budget_fiscal.clone())
            .map(|inner| PyBudgetRow { inner })
    }
    /// The 上年结转资金 row, when given.
    #[getter]
    fn budget_carryover(&self) -> Option<PyBudgetRow> {
        self.get()
            .and_then(|e| e.budget_carryover.clone())
            .map(|inner| PyBudgetRow { inner })
    }
    /// The 其他资金 row, when given.
    #[getter]
    fn budget_other(&self) -> Option<PyBudgetRow> {
        self.get()
            .and_then(|e| e.budget_other.clone())
            .map(|inner| PyBudgetRow { inner })
    }
    /// 实际完成情况 of the 年度总体目标.
    #[getter]
    fn goal_achieved(&self) -> Option<&str> {
        self.get().and_then(|e| e.goal_achieved.as_deref())
    }
    /// 总分 as published.
    #[getter]
    fn total(&self) -> Option<Decimal> {
        self.get().and_then(|e| e.total)
    }
    /// The 分值 of the 总分 row (normally 100), when published.
    #[getter]
    fn total_weight(&self) -> Option<Decimal> {
        self.get().and_then(|e| e.total_weight)
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.get() == other.get()
    }

    fn __repr__(&self) -> String {
        format!(
            "Evaluation(budget={}, total={})",
            self.budget().__repr__(),
            repr_dec(self.total())
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let mut doc = self.at.alone();
        for d in &mut doc.declarations {
            d.indicators.clear();
        }
        reduce(py, "Evaluation", &doc)
    }
}

/// One row of a self-evaluation's funding matrix: 年初预算数, 全年预算数, 全年执行数,
/// 分值, 执行率 (as published text), 得分.
///
/// >>> e.budget.rate, e.budget.score
/// ('86.19%', Decimal('8.62'))
#[pyclass(frozen, module = "jixiao", name = "BudgetRow")]
pub(crate) struct PyBudgetRow {
    pub inner: BudgetRow,
}

#[pymethods]
impl PyBudgetRow {
    /// 年初预算数.
    #[getter]
    fn initial(&self) -> Option<Decimal> {
        self.inner.initial
    }
    /// 全年预算数 (调整后预算数).
    #[getter]
    fn adjusted(&self) -> Option<Decimal> {
        self.inner.adjusted
    }
    /// 全年执行数.
    #[getter]
    fn executed(&self) -> Option<Decimal> {
        self.inner.executed
    }
    /// 分值 of the budget-execution item.
    #[getter]
    fn weight(&self) -> Option<Decimal> {
        self.inner.weight
    }
    /// 执行率 as published text (e.g. `86.19%`).
    #[getter]
    fn rate(&self) -> Option<&str> {
        self.inner.rate.as_deref()
    }
    /// 得分 as published.
    #[getter]
    fn score(&self) -> Option<Decimal> {
        self.inner.score
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }

    fn __repr__(&self) -> String {
        let b = &self.inner;
        format!(
            "BudgetRow(initial={}, adjusted={}, executed={}, weight={}, rate={}, score={})",
            repr_dec(b.initial),
            repr_dec(b.adjusted),
            repr_dec(b.executed),
            repr_dec(b.weight),
            repr_opt(b.rate.as_deref()),
            repr_dec(b.score)
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let f = py
            .import("jixiao._jixiao")?
            .getattr("_budget_row_from_json")?;
        let json = serde_json::to_string(&slf.get().inner).unwrap_or_default();
        PyTuple::new(py, [f, PyTuple::new(py, [json])?.into_any()])
    }
}

/// Rebuilds a budget row from its JSON object (the pickling constructor of `BudgetRow`).
#[pyfunction]
pub(crate) fn _budget_row_from_json(json: &str) -> PyResult<PyBudgetRow> {
    let inner: BudgetRow = serde_json::from_str(json).map_err(|e| {
        crate::errors::error(
            crate::errors::Kind::Parse,
            "bad_json",
            format!("invalid budget row JSON: {e}"),
            crate::errors::At::default(),
        )
    })?;
    Ok(PyBudgetRow { inner })
}
