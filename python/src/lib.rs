//! The Python module of jixiao (`jixiao._jixiao`, wrapped by the `jixiao` package).
//!
//! Conversion only: every business rule is a core call. Values cross as
//! `decimal.Decimal` and `datetime.date`, never floats; errors map to one exception
//! hierarchy rooted in `jixiao.JixiaoError` (see [`errors`]); work on many inputs is done
//! with the GIL released, on core's `jixiao::batch` (rayon).
//!
//! The module declares `gil_used = false` (free-threaded Python keeps the GIL off when it
//! imports it): every class is `frozen` (immutable, or behind a `Mutex` or `OnceLock`),
//! the only unfrozen one (`DeclarationStream`) keeps its state in a `Mutex`, and there is
//! no `unsafe` code.

/// The extension's allocator: mimalloc instead of the C library's malloc. Reading builds
/// and drops millions of small strings (every cell of every row) while the documents already
/// read stay alive; glibc's allocator slows down as that heap grows (reading the eighth
/// 32 MB part took 2.7× the first), mimalloc does not. Only Rust's allocations use it;
/// Python objects keep Python's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod analysis;
mod arrow;
mod bulk;
mod document;
mod errors;
mod frames;
mod html;
mod input;
mod nodes;
mod stream;

/// jixiao (绩效): Chinese budget project performance targets and self-evaluations.
#[pyo3::pymodule(gil_used = false)]
mod _jixiao {
    use pyo3::prelude::*;

    #[pymodule_export]
    use crate::analysis::{
        _restore_audit, _restore_diff, _restore_scorecard, _restore_summary, _review_from_json,
        diff, profiles, score_many, summarize, write_scorecards, PyAudit, PyDiff, PyIndicatorScore,
        PyMonitorReport, PyReview, PyScorecard, PySummary,
    };
    #[pymodule_export]
    use crate::document::from_pandas;
    #[pymodule_export]
    use crate::document::{
        _finding_from_json, _restore_document, read, read_many, read_text, PyDocument, PyFinding,
    };
    #[pymodule_export]
    use crate::errors::{JixiaoError, MonitorError, ParseError, ReviewError, ScoreError};
    #[pymodule_export]
    use crate::html::report;
    #[pymodule_export]
    use crate::nodes::{
        _budget_row_from_json, _restore, _target_from_json, PyBudgetRow, PyDeclaration,
        PyEvaluation, PyFunding, PyGoals, PyIndicator, PyProject, PyTarget,
    };
    #[pymodule_export]
    use crate::stream::{stream, PyDeclarationStream};

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", jixiao::VERSION)?;
        Ok(())
    }
}
