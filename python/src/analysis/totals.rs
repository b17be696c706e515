//! `Document.score_totals`: core's fast scoring path (`jixiao::score::score_totals`) — the
//! same figures as `Document.score`, without the explanation text, as plain dicts (which
//! pickle and go into `pandas.DataFrame` as they are).

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use jixiao::score::{score_totals, Profile, ScoreTotals};
use jixiao::Document;

/// Scores every declaration of `doc` without the GIL (in parallel when there are many) and
/// converts each result to a dict.
pub(crate) fn totals_document(
    py: Python<'_>,
    doc: Arc<Document>,
    profile: Profile,
) -> PyResult<Py<PyList>> {
    let n = doc.declarations.len();
    let threads = if n >= 256 { None } else { Some(1) };
    let chunks: Vec<std::ops::Range<usize>> = (0..n)
        .step_by(256)
        .map(|start| start..(start + 256).min(n))
        .collect();
    let scoring_doc = doc.clone();
    let results = py.detach(move || {
        crate::parallel::map(chunks, threads, |range| {
            crate::errors::guard(|| {
                range
                    .filter_map(|i| {
                        scoring_doc
                            .declarations
                            .get(i)
                            .map(|d| (i, score_totals(d, &profile)))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let out = PyList::empty(py);
    for chunk in results {
        for (i, totals) in chunk? {
            let name = doc
                .declarations
                .get(i)
                .map(|d| d.project.name.as_str())
                .unwrap_or_default();
            out.append(totals_dict(py, name, &totals)?)?;
        }
    }
    Ok(out.unbind())
}

fn totals_dict<'py>(
    py: Python<'py>,
    project: &str,
    t: &ScoreTotals,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("project", project)?;
    d.set_item("total", t.total)?;
    d.set_item("max", t.max)?;
    d.set_item("complete", t.complete)?;
    d.set_item("open", t.open)?;
    d.set_item("grade", t.grade.as_deref())?;
    d.set_item("budget_score", t.budget.score)?;
    d.set_item("budget_rate", t.budget.rate)?;
    let scores: Vec<Option<rust_decimal::Decimal>> = t.indicators.iter().map(|i| i.score).collect();
    let statuses: Vec<&str> = t.indicators.iter().map(|i| i.status.as_str()).collect();
    d.set_item("scores", scores)?;
    d.set_item("statuses", statuses)?;
    Ok(d)
}
