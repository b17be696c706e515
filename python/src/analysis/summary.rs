//! `Summary` (汇总): the roll-up of documents, with score figures when asked.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rust_decimal::Decimal;

use jixiao::review::ReviewPolicy;
use jixiao::score::Profile;
use jixiao::summary::Summary;
use jixiao::Document;

use super::args::{policy_arg, profile_arg};
use crate::errors::{error, At, Kind};
use crate::frames::{to_pandas, Cell, Table};
use crate::nodes::repr_dec;

/// 汇总: the roll-up of one or more documents (counts, quantitative share, funding
/// totals in 元, findings), overall and by document, 主管部门 and 实施单位.
///
/// >>> s = doc.summary()
/// >>> s.projects, s.indicators, s.annual_funding
/// (5, 29, Decimal('19555000.00'))
#[pyclass(frozen, module = "jixiao", name = "Summary")]
pub(crate) struct PySummary {
    pub inner: Arc<Summary>,
    /// What it was rolled up from, for pickling (the roll-up is recomputed exactly).
    pub inputs: Arc<SummaryInputs>,
}

/// The inputs of a roll-up.
pub(crate) struct SummaryInputs {
    pub docs: Vec<Arc<Document>>,
    pub policy: ReviewPolicy,
    pub scoring: Option<Profile>,
}

impl SummaryInputs {
    /// Rolls up (core's `summarize`, or `summarize_scored` with a score profile).
    fn run(&self) -> Summary {
        let docs: Vec<Document> = self.docs.iter().map(|d| (**d).clone()).collect();
        match &self.scoring {
            Some(p) => jixiao::summary::summarize_scored(&docs, &self.policy, p),
            None => jixiao::summary::summarize(&docs, &self.policy),
        }
    }
}

#[pymethods]
impl PySummary {
    /// The summary JSON.
    fn to_json(&self) -> String {
        serde_json::to_string_pretty(&*self.inner).unwrap_or_default()
    }
    /// The summary as plain Python data (json.loads of `to_json()`; figures stay strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (self.to_json(),))
    }
    /// An aligned text report (what `jixiao summary` prints).
    fn to_text(&self) -> String {
        self.inner.to_text()
    }
    /// The roll-up as CSV: one row for everything, then one per document, 主管部门 and
    /// 实施单位 (amounts in 元 as exact decimals).
    fn to_csv(&self) -> String {
        jixiao::write::report::summary_csv(&self.inner)
    }
    /// 项目数.
    #[getter]
    fn projects(&self) -> usize {
        self.inner.figures.projects
    }
    /// 三级指标数.
    #[getter]
    fn indicators(&self) -> usize {
        self.inner.figures.indicators
    }
    /// 定量 share of the indicators (4 decimals), `None` without indicators.
    #[getter]
    fn quantitative_share(&self) -> Option<Decimal> {
        self.inner.figures.quantitative_share
    }
    /// 年度资金申请总额 summed, in 元.
    #[getter]
    fn annual_funding(&self) -> Option<Decimal> {
        self.inner.figures.funding.annual
    }
    /// One row per group (`by` = `document`, `department`, `implementer`, or `all` for
    /// one row of the totals): projects, indicators, quantitative, qualitative, invalid,
    /// quantitative_share, funding in 元, errors, warnings, infos, and the score figures
    /// (evaluated, complete, mean/min/max score) when the summary was scored.
    /// `columns="zh"` for Chinese names.
    #[pyo3(signature = (by = "department", *, decimals = true, columns = "en"))]
    fn to_pandas<'py>(
        &self,
        py: Python<'py>,
        by: &str,
        decimals: bool,
        columns: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let names = crate::frames::names_arg(columns)?;
        let s = &*self.inner;
        let groups: Vec<(Option<&str>, &jixiao::summary::Figures)> = match by {
            "all" => vec![(None, &s.figures)],
            "document" => s.by_document.iter().map(|g| (g.name.as_deref(), &g.figures)).collect(),
            "department" => s.by_department.iter().map(|g| (g.name.as_deref(), &g.figures)).collect(),
            "implementer" => s.by_implementer.iter().map(|g| (g.name.as_deref(), &g.figures)).collect(),
            other => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "by must be \"document\", \"department\", \"implementer\" or \"all\", got {other:?}"
                )))
            }
        };
        let mut t = Table::new(&[
            by,
            "projects",
            "indicators",
            "quantitative",
            "qualitative",
            "invalid",
            "quantitative_share",
            "funding_total",
            "funding_annual",
            "funding_annual_fiscal",
            "funding_annual_carryover",
            "funding_annual_other",
            "annual_missing",
            "errors",
            "warnings",
            "infos",
            "evaluated",
            "complete",
            "mean_score",
            "min_score",
            "max_score",
        ]);
        let n = |v: usize| Cell::Int(i64::try_from(v).unwrap_or(i64::MAX));
        for (name, f) in groups {
            t.push(vec![
                name.into(),
                n(f.projects),
                n(f.indicators),
                n(f.quantitative),
                n(f.qualitative),
                n(f.invalid),
                f.quantitative_share.into(),
                f.funding.total.into(),
                f.funding.annual.into(),
                f.funding.annual_fiscal.into(),
                f.funding.annual_carryover.into(),
                f.funding.annual_other.into(),
                n(f.funding.annual_missing),
                n(f.findings.errors),
                n(f.findings.warnings),
                n(f.findings.infos),
                f.scores.as_ref().map_or(Cell::Null, |s| n(s.evaluated)),
                f.scores.as_ref().map_or(Cell::Null, |s| n(s.complete)),
                f.scores.as_ref().and_then(|s| s.mean).into(),
                f.scores.as_ref().and_then(|s| s.min).into(),
                f.scores.as_ref().and_then(|s| s.max).into(),
            ]);
        }
        to_pandas(py, t.named(names), decimals)
    }

    fn __repr__(&self) -> String {
        let f = &self.inner.figures;
        format!(
            "Summary(documents={}, projects={}, indicators={}, quantitative_share={}, annual_funding={})",
            self.inner.documents,
            f.projects,
            f.indicators,
            repr_dec(f.quantitative_share),
            repr_dec(f.funding.annual)
        )
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.import("jixiao._jixiao")?.getattr("_restore_summary")?;
        let docs: Vec<String> = self
            .inputs
            .docs
            .iter()
            .map(|d| jixiao::write::json::to_json_compact(d))
            .collect();
        let policy = serde_json::to_string(&self.inputs.policy).unwrap_or_default();
        let scoring = self
            .inputs
            .scoring
            .as_ref()
            .map(|p| serde_json::to_string(p).unwrap_or_default());
        PyTuple::new(
            py,
            [f, (docs, policy, scoring).into_pyobject(py)?.into_any()],
        )
    }
}

/// Rolls up several documents (汇总): counts, 定量 share, funding totals, review findings
/// (`profile`: the review framework). With `score` (a scoring profile name or dict, or
/// `True` for the default), every self-evaluation is scored too and each group gets its
/// score figures (evaluated, complete, mean, min, max, distribution, grades).
///
/// >>> jixiao.summarize([doc, doc]).projects
/// 10
#[pyfunction]
#[pyo3(signature = (documents, *, profile = None, score = None))]
pub(crate) fn summarize(
    py: Python<'_>,
    documents: Vec<PyRef<'_, crate::document::PyDocument>>,
    profile: Option<&str>,
    score: Option<&Bound<'_, PyAny>>,
) -> PyResult<PySummary> {
    let docs: Vec<Arc<Document>> = documents.iter().map(|d| d.doc.clone()).collect();
    roll_up(py, docs, profile, score)
}

/// The roll-up of `docs` (core's `summarize`, or `summarize_scored` with a score profile).
pub(crate) fn roll_up(
    py: Python<'_>,
    docs: Vec<Arc<Document>>,
    profile: Option<&str>,
    score: Option<&Bound<'_, PyAny>>,
) -> PyResult<PySummary> {
    let policy = policy_arg(profile)?;
    let scoring = match score {
        None => None,
        Some(s) if s.is_none() => None,
        Some(s) => match s.extract::<bool>() {
            Ok(false) => None,
            Ok(true) => Some(Profile::auto()),
            Err(_) => Some(profile_arg(Some(s))?),
        },
    };
    let inputs = Arc::new(SummaryInputs {
        docs,
        policy,
        scoring,
    });
    let summary = py.detach(|| crate::errors::guard(|| inputs.run()))?;
    Ok(PySummary {
        inner: Arc::new(summary),
        inputs,
    })
}

/// The pickling constructor of `Summary`: the documents' JSON, the review policy and the
/// scoring profile (JSON or `None`); the roll-up is recomputed.
#[pyfunction]
#[pyo3(signature = (documents, policy, scoring=None))]
pub(crate) fn _restore_summary(
    documents: Vec<String>,
    policy: &str,
    scoring: Option<&str>,
) -> PyResult<PySummary> {
    let bad = |e: serde_json::Error| {
        error(
            Kind::Base,
            "bad_pickle",
            format!("invalid pickled summary: {e}"),
            At::default(),
        )
    };
    let docs = documents
        .iter()
        .map(|j| crate::document::parse_json(j).map(Arc::new))
        .collect::<PyResult<Vec<_>>>()?;
    let inputs = Arc::new(SummaryInputs {
        docs,
        policy: serde_json::from_str(policy).map_err(bad)?,
        scoring: scoring.map(serde_json::from_str).transpose().map_err(bad)?,
    });
    let summary = crate::errors::guard(|| inputs.run())?;
    Ok(PySummary {
        inner: Arc::new(summary),
        inputs,
    })
}

/// Summary of one document.
pub(crate) fn summary_document(
    py: Python<'_>,
    doc: Arc<Document>,
    profile: Option<&str>,
    score: Option<&Bound<'_, PyAny>>,
) -> PyResult<PySummary> {
    roll_up(py, vec![doc], profile, score)
}
