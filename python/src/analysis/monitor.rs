//! `MonitorReport` (运行监控结果): the monitoring of a document's 执行监控表s under a
//! warning policy, one core call; figures cross as `decimal.Decimal`.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rust_decimal::Decimal;

use jixiao::monitor::{
    check_against_evaluation, monitor_document, rollup, DepartmentRollup, MonitorPolicy,
    MonitorReport,
};
use jixiao::Document;

use crate::errors::{error, guard, At, Kind};
use crate::frames::{to_pandas, Cell, Table};

/// The keys whose string values are decimal figures (money, rates, progress, gaps).
const DECIMAL_KEYS: [&str; 8] = [
    "adjusted", "executed", "rate", "expected", "progress", "gap", "budget", "forecast",
];

/// A JSON value as Python objects: decimal strings under [`DECIMAL_KEYS`] as `Decimal`.
fn to_py<'py>(
    py: Python<'py>,
    value: &serde_json::Value,
    key: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.into_pyobject(py)?.into_any(),
            None => n.to_string().into_pyobject(py)?.into_any(),
        },
        Value::String(s) => match key
            .filter(|k| DECIMAL_KEYS.contains(k))
            .and_then(|_| s.parse::<Decimal>().ok())
        {
            Some(d) => d.into_pyobject(py)?.into_any(),
            None => s.into_pyobject(py)?.into_any(),
        },
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item, key)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py(py, v, Some(k))?)?;
            }
            dict.into_any()
        }
    })
}

fn json_to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let v = serde_json::to_value(value).unwrap_or_default();
    to_py(py, &v, None)
}

/// The warning policy of a `policy=` argument: a name (`monitor-bands`, the default;
/// `milestones-local-example`), policy JSON text, or a `dict` in the policy's JSON form.
pub(crate) fn monitor_policy_arg(policy: Option<&Bound<'_, PyAny>>) -> PyResult<MonitorPolicy> {
    let bad = |m: String| error(Kind::Monitor, "unknown_policy", m, At::default());
    let Some(obj) = policy.filter(|p| !p.is_none()) else {
        return Ok(MonitorPolicy::default());
    };
    if let Ok(text) = obj.extract::<String>() {
        return MonitorPolicy::parse(&text).map_err(bad);
    }
    if obj.cast::<PyDict>().is_ok() {
        let json: String = obj
            .py()
            .import("json")?
            .call_method1("dumps", (obj,))?
            .extract()?;
        return MonitorPolicy::from_json(&json).map_err(bad);
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "policy must be a policy name or JSON (str) or a dict, got {}",
        crate::input::type_name(obj)
    )))
}

/// 运行监控结果: the monitoring report of every project of a document that carries a
/// 执行监控表 — budget and indicator colours (`red`, `yellow`, `green`, `blue`) each
/// with its arithmetic, forecast flags, the project colour and findings. `projects` are
/// dicts in the JSON shape of `jixiao monitor --format json`, figures as `Decimal`.
///
/// >>> report = jixiao.read("tests/data/monitor-example-constructed.txt").monitor()
/// >>> report.projects[0]["colour"], report.projects[0]["budget"]["progress"]
/// ('red', Decimal('85.71'))
#[pyclass(frozen, module = "jixiao", name = "MonitorReport")]
pub(crate) struct PyMonitorReport {
    reports: Arc<Vec<MonitorReport>>,
    document: Arc<Document>,
    policy: Arc<MonitorPolicy>,
}

#[pymethods]
impl PyMonitorReport {
    /// One dict per project.
    #[getter]
    fn projects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &*self.reports)
    }
    /// The policy's name.
    #[getter]
    fn policy(&self) -> &str {
        &self.policy.name
    }
    /// The report JSON (what `jixiao monitor --format json` prints).
    fn to_json(&self) -> String {
        serde_json::to_string_pretty(&*self.reports).unwrap_or_default()
    }
    /// The traffic-light table with the arithmetic (what `jixiao monitor` prints).
    fn to_text(&self) -> String {
        self.reports.iter().map(MonitorReport::to_text).collect()
    }
    /// The roll-up by 主管部门 (dicts): projects by colour, funds in 元, funds-weighted
    /// execution `rate`, counts by deviation reason.
    fn rollup<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let r: Vec<DepartmentRollup> = rollup(&self.reports);
        json_to_py(py, &r)
    }
    /// Checks the forecasts against the self-evaluations (自评表) of the same year in
    /// `selfeval` (a `Document`): dicts with `code` (`forecast_off`,
    /// `execution_forecast_off`, `impossible_without_deviation_note`, …), `project`,
    /// `indicator`, `forecast`, `final`, `gap`, `message`.
    fn check<'py>(
        &self,
        py: Python<'py>,
        selfeval: PyRef<'_, crate::document::PyDocument>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let evaluation = selfeval.doc.clone();
        let document = self.document.clone();
        let policy = self.policy.clone();
        let findings =
            py.detach(move || guard(|| check_against_evaluation(&document, &evaluation, &policy)))?;
        json_to_py(py, &findings)
    }
    /// One row per indicator (`per="indicator"`, the default: project, month, policy,
    /// project_colour, level1, level2, name, target, actual, progress, colour, forecast,
    /// forecast_colour, reasons, reason_text, achievability) or per project
    /// (`per="project"`: project, department, month, policy, colour, unit, adjusted,
    /// executed, forecast, rate, expected, progress, budget_colour, findings). Figures are
    /// `Decimal` unless `decimals=False`.
    #[pyo3(signature = (*, per = "indicator", decimals = true))]
    fn to_pandas<'py>(
        &self,
        py: Python<'py>,
        per: &str,
        decimals: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let colour = |c: Option<jixiao::monitor::Colour>| -> Cell {
            c.map_or(Cell::Null, |c| c.as_str().into())
        };
        let table = match per {
            "indicator" => {
                let mut t = Table::new(&[
                    "project",
                    "month",
                    "policy",
                    "project_colour",
                    "level1",
                    "level2",
                    "name",
                    "target",
                    "actual",
                    "progress",
                    "colour",
                    "forecast",
                    "forecast_colour",
                    "reasons",
                    "reason_text",
                    "achievability",
                ]);
                for r in self.reports.iter() {
                    for i in &r.indicators {
                        let reasons = i
                            .reasons
                            .as_ref()
                            .map(|rs| rs.iter().map(|x| x.as_str()).collect::<Vec<_>>().join("、"));
                        t.push(vec![
                            r.project.as_str().into(),
                            Some(r.month).into(),
                            r.policy.as_str().into(),
                            colour(r.colour),
                            i.level1.as_str().into(),
                            i.level2.as_str().into(),
                            i.name.as_str().into(),
                            i.target.as_str().into(),
                            i.actual.as_deref().into(),
                            i.progress.into(),
                            colour(i.colour),
                            i.forecast.value.as_deref().into(),
                            colour(i.forecast.colour),
                            reasons.as_deref().into(),
                            i.reason_text.as_deref().into(),
                            i.achievability.map(|a| a.as_str()).into(),
                        ]);
                    }
                }
                t
            }
            "project" => {
                let mut t = Table::new(&[
                    "project",
                    "department",
                    "month",
                    "policy",
                    "colour",
                    "unit",
                    "adjusted",
                    "executed",
                    "forecast",
                    "rate",
                    "expected",
                    "progress",
                    "budget_colour",
                    "findings",
                ]);
                for r in self.reports.iter() {
                    let b = &r.budget;
                    t.push(vec![
                        r.project.as_str().into(),
                        r.department.as_deref().into(),
                        Some(r.month).into(),
                        r.policy.as_str().into(),
                        colour(r.colour),
                        b.unit.as_str().into(),
                        b.adjusted.into(),
                        b.executed.into(),
                        b.forecast.into(),
                        b.rate.into(),
                        b.expected.into(),
                        b.progress.into(),
                        colour(b.colour),
                        u32::try_from(r.findings.len()).ok().into(),
                    ]);
                }
                t
            }
            other => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "per must be \"indicator\" or \"project\", got {other:?}"
                )))
            }
        };
        to_pandas(py, table, decimals)
    }

    fn __len__(&self) -> usize {
        self.reports.len()
    }

    fn __repr__(&self) -> String {
        let colours: Vec<&str> = self
            .reports
            .iter()
            .map(|r| r.colour.map_or("none", |c| c.as_str()))
            .collect();
        format!(
            "MonitorReport(policy={:?}, projects={}, colours=[{}])",
            self.policy.name,
            self.reports.len(),
            colours.join(", ")
        )
    }
}

/// Monitors a document (core's `monitor_document`) without the GIL.
pub(crate) fn monitor(
    py: Python<'_>,
    doc: &Arc<Document>,
    month: Option<u32>,
    policy: MonitorPolicy,
) -> PyResult<PyMonitorReport> {
    let document = doc.clone();
    let policy = Arc::new(policy);
    let p = policy.clone();
    let d = document.clone();
    let reports = py
        .detach(move || guard(|| monitor_document(&d, month, &p)))?
        .map_err(|e| error(Kind::Monitor, e.code(), e.to_string(), At::default()))?;
    Ok(PyMonitorReport {
        reports: Arc::new(reports),
        document,
        policy,
    })
}
