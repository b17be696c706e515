//! The arguments the analysis calls share: the scoring profile (`profile=`), the review
//! policy, an actuals file joined to a document, and the number of threads (`workers=`).

use pyo3::prelude::*;
use pyo3::types::PyDict;

use jixiao::review::ReviewPolicy;
use jixiao::score::Profile;
use jixiao::{Document, Finding};

use crate::errors::{error, At, Kind};

/// The scoring profile of a `profile=` argument: a built-in name (`mof-2020`,
/// `budget-20`, `mof-2021`, `shanghai-2025`), a `dict` in the profile's JSON form, or
/// `None` for the default (`auto`: `budget-20` for a form with a 20-point budget, else `mof-2020`). Unknown names raise `ScoreError`.
pub(crate) fn profile_arg(profile: Option<&Bound<'_, PyAny>>) -> PyResult<Profile> {
    let Some(obj) = profile.filter(|p| !p.is_none()) else {
        return Ok(Profile::auto());
    };
    let spec: String = if let Ok(name) = obj.extract::<String>() {
        name
    } else if obj.cast::<PyDict>().is_ok() {
        obj.py()
            .import("json")?
            .call_method1("dumps", (obj,))?
            .extract()?
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "profile must be a profile name (str) or a dict, got {}",
            crate::input::type_name(obj)
        )));
    };
    Profile::from_spec(&spec)
        .map_err(|e| error(Kind::Score, e.code(), e.to_string(), At::default()))
}

/// The threads of a `workers=` argument (older name: `threads=`; giving both is a
/// `TypeError` unless they agree), for `jixiao::batch::map_in_order`: always a count,
/// the available cores by default, so that each call runs on a pool of its own and
/// nothing stays running between calls (a process that forks — `multiprocessing` — keeps
/// no pool whose threads the child lacks).
pub(crate) fn workers_arg(workers: Option<usize>, threads: Option<usize>) -> PyResult<usize> {
    match (workers, threads) {
        (Some(w), Some(t)) if w != t => Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "give workers= (or its older name threads=), not both: workers={w}, threads={t}"
        ))),
        (Some(n), _) | (None, Some(n)) => Ok(n.max(1)),
        (None, None) => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

/// The review policy of a `profile=` argument: `any` (default), `classic`, `mof-2021`,
/// `shanghai-2025`, a checklist (`shenzhen-2023`), or the policy as a JSON object.
/// Unknown names raise `ReviewError`.
pub(crate) fn policy_arg(profile: Option<&str>) -> PyResult<ReviewPolicy> {
    match profile {
        None => Ok(ReviewPolicy::default()),
        Some(spec) => ReviewPolicy::from_spec(spec)
            .map_err(|e| error(Kind::Review, e.code(), e.to_string(), At::default())),
    }
}

/// Applies an actuals file (path, bytes, or a pandas `DataFrame`) to a document.
pub(crate) fn with_actuals(
    py: Python<'_>,
    doc: &Document,
    actuals: &Bound<'_, PyAny>,
) -> PyResult<(Document, Vec<Finding>)> {
    let (bytes, name) = if actuals.hasattr("to_csv")? && actuals.hasattr("columns")? {
        let kwargs = PyDict::new(py);
        kwargs.set_item("index", false)?;
        let csv: String = actuals
            .call_method("to_csv", (), Some(&kwargs))?
            .extract()?;
        (csv.into_bytes(), Some("<DataFrame>".to_owned()))
    } else {
        let source = crate::input::Source::extract(actuals, "actuals")?;
        let name = source.default_name();
        let bytes = py
            .detach(|| source.load())
            .map_err(|e| crate::input::io_error(&e, name.as_deref()))?;
        (bytes, name)
    };
    let options = jixiao::ReadOptions {
        file_name: name,
        ..jixiao::ReadOptions::default()
    };
    let parsed = py
        .detach(|| crate::errors::guard(|| jixiao::actuals::read_actuals(&bytes, &options)))?
        .map_err(|e| crate::errors::read_error(&e))?;
    py.detach(|| crate::errors::guard(|| jixiao::actuals::apply_actuals(doc, &parsed)))?
        .map_err(|e| error(Kind::Score, e.code(), e.to_string(), e.location().into()))
}
