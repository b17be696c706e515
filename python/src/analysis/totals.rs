//! `Document.score_totals` and `Document.score_table`: core's fast scoring path
//! (`jixiao::score::score_totals`) — the same figures as `Document.score`, without the
//! explanation text — as plain dicts (which pickle and go into `pandas.DataFrame` as they
//! are) or as columns built in bulk (see [`crate::bulk`]).

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use jixiao::score::{score_totals, Profile, ScoreTotals};
use jixiao::Document;

use jixiao::write::names::ColumnNames;

use crate::arrow::{columns_batch, hand_over, Target};
use crate::bulk::{columns_to_py, Column, Decimals, Labels};

/// Scores every declaration of `doc` without the GIL (in parallel when there are many):
/// the totals, in declaration order.
pub(crate) fn all_totals(
    py: Python<'_>,
    doc: &Arc<Document>,
    profile: &Arc<Profile>,
) -> PyResult<Vec<ScoreTotals>> {
    let profile = profile.clone();
    super::per_declaration(py, doc, 256, move |doc, i| {
        doc.declarations.get(i).map(|d| score_totals(d, &profile))
    })
}

/// `Document.score_totals`: one dict per declaration.
pub(crate) fn totals_document(
    py: Python<'_>,
    doc: Arc<Document>,
    profile: Profile,
) -> PyResult<Py<PyList>> {
    let totals = all_totals(py, &doc, &Arc::new(profile))?;
    let mut decimals = Decimals::new(py)?;
    let out = PyList::empty(py);
    for (d, t) in doc.declarations.iter().zip(&totals) {
        out.append(totals_dict(py, &mut decimals, &d.project.name, t)?)?;
    }
    Ok(out.unbind())
}

fn totals_dict<'py>(
    py: Python<'py>,
    decimals: &mut Decimals<'py>,
    project: &str,
    t: &ScoreTotals,
) -> PyResult<Bound<'py, PyDict>> {
    use pyo3::intern;
    use pyo3::types::PyString;
    let d = PyDict::new(py);
    d.set_item(intern!(py, "project"), project)?;
    d.set_item(intern!(py, "total"), decimals.get(t.total)?)?;
    d.set_item(intern!(py, "max"), decimals.get(t.max)?)?;
    d.set_item(intern!(py, "complete"), t.complete)?;
    d.set_item(intern!(py, "open"), decimals.get(t.open)?)?;
    d.set_item(intern!(py, "grade"), t.grade.as_deref())?;
    d.set_item(intern!(py, "budget_score"), decimals.opt(t.budget.score)?)?;
    d.set_item(intern!(py, "budget_rate"), decimals.opt(t.budget.rate)?)?;
    let scores: Vec<_> = t.indicators.iter().map(|i| i.score).collect();
    d.set_item(intern!(py, "scores"), decimals.list(&scores)?)?;
    // The four statuses as interned (shared) strings.
    let statuses = t
        .indicators
        .iter()
        .map(|i| PyString::intern(py, i.status.as_str()));
    d.set_item(intern!(py, "statuses"), PyList::new(py, statuses)?)?;
    Ok(d)
}

/// What one row of `Document.score_table` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Per {
    /// One row per 自评表 (the totals).
    Declaration,
    /// One row per 三级指标 (its score).
    Indicator,
}

impl Per {
    /// From the `per=` argument.
    pub(crate) fn parse(per: &str) -> PyResult<Per> {
        match per {
            "declaration" => Ok(Per::Declaration),
            "indicator" => Ok(Per::Indicator),
            other => Err(PyValueError::new_err(format!(
                "per must be \"declaration\" or \"indicator\", got {other:?}"
            ))),
        }
    }
}

/// `Document.score_table`: the totals (or every indicator's score) as columns — a
/// `pandas.DataFrame`, a `pyarrow.Table`, a `polars.DataFrame` or a dict of lists.
pub(crate) fn score_table<'py>(
    py: Python<'py>,
    doc: Arc<Document>,
    profile: Profile,
    per: Per,
    exact: bool,
    target: Target,
    names: ColumnNames,
) -> PyResult<Bound<'py, PyAny>> {
    let totals = all_totals(py, &doc, &Arc::new(profile))?;
    // The columns are Rust work too (texts coded, figures gathered): without the GIL.
    let columns: Vec<(String, Column<'_>)> = py.detach(|| {
        let columns = match per {
            Per::Declaration => declaration_columns(&doc, &totals),
            Per::Indicator => indicator_columns(&doc, &totals),
        };
        columns
            .into_iter()
            .map(|(name, c)| (names.name(name), c))
            .collect()
    });
    match target {
        Target::Arrow => hand_over(py, columns_batch(&columns)?, false),
        Target::Polars => hand_over(py, columns_batch(&columns)?, true),
        Target::Pandas => columns_to_py(py, &columns, exact, true),
        Target::Dict => columns_to_py(py, &columns, exact, false),
    }
}

fn declaration_columns<'a>(
    doc: &'a Document,
    totals: &'a [ScoreTotals],
) -> Vec<(&'static str, Column<'a>)> {
    let n = totals.len();
    let mut project = Labels::default();
    let mut grade = Labels::default();
    let (mut total, mut max, mut open) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut budget_score, mut budget_rate) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut complete = Vec::with_capacity(n);
    for (d, t) in doc.declarations.iter().zip(totals) {
        project.push(Some(&d.project.name));
        grade.push(t.grade.as_deref());
        total.push(Some(t.total));
        max.push(Some(t.max));
        open.push(Some(t.open));
        complete.push(t.complete);
        budget_score.push(t.budget.score);
        budget_rate.push(t.budget.rate);
    }
    vec![
        ("project", Column::Label(project)),
        ("total", Column::Dec(total)),
        ("max", Column::Dec(max)),
        ("complete", Column::Bool(complete)),
        ("open", Column::Dec(open)),
        ("grade", Column::Label(grade)),
        ("budget_score", Column::Dec(budget_score)),
        ("budget_rate", Column::Dec(budget_rate)),
    ]
}

fn indicator_columns<'a>(
    doc: &'a Document,
    totals: &'a [ScoreTotals],
) -> Vec<(&'static str, Column<'a>)> {
    let n: usize = totals.iter().map(|t| t.indicators.len()).sum();
    let mut declaration = Vec::with_capacity(n);
    let mut project = Labels::default();
    let (mut level1, mut level2, mut name, mut status) = (
        Labels::default(),
        Labels::default(),
        Labels::default(),
        Labels::default(),
    );
    let (mut max, mut score) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for (k, (d, t)) in doc.declarations.iter().zip(totals).enumerate() {
        let count = t.indicators.len().min(d.indicators.len());
        if count == 0 {
            continue;
        }
        project.push(Some(&d.project.name));
        project.repeat_last(count - 1);
        declaration.extend(std::iter::repeat_n(
            i64::try_from(k).unwrap_or(i64::MAX),
            count,
        ));
        for (indicator, it) in d.indicators.iter().zip(&t.indicators) {
            level1.push(Some(indicator.level1_label()));
            level2.push(Some(indicator.level2_label()));
            name.push(Some(&indicator.name));
            status.push(Some(it.status.as_str()));
            max.push(it.max);
            score.push(it.score);
        }
    }
    vec![
        ("declaration", Column::Int(declaration)),
        ("project", Column::Label(project)),
        ("level1", Column::Label(level1)),
        ("level2", Column::Label(level2)),
        ("name", Column::Label(name)),
        ("max", Column::Dec(max)),
        ("score", Column::Dec(score)),
        ("status", Column::Label(status)),
    ]
}
