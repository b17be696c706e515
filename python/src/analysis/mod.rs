//! Review (绩效目标审核), scoring (自评评分), audit (自评复核) and roll-up (汇总) and target changes
//! (目标调整) as Python objects: `Review`, `Scorecard`, `IndicatorScore`, `Audit`, `Summary`, `Diff`. Each is a core
//! call; these classes only convert. Decimal figures stay `decimal.Decimal`.

mod args;
mod audit;
mod changes;
mod monitor;
mod review;
mod scorecard;
mod summary;
mod totals;

pub(crate) use args::*;
pub(crate) use audit::*;
pub(crate) use changes::*;
pub(crate) use monitor::*;
pub(crate) use review::*;
pub(crate) use scorecard::*;
pub(crate) use summary::*;
pub(crate) use totals::*;

use std::sync::Arc;

use pyo3::prelude::*;

use jixiao::Document;

/// Applies `f` to every declaration (by index) of `doc` without the GIL, in chunks of
/// `chunk` declarations on core's `jixiao::batch::map_in_order` — on every core when there
/// are enough declarations (256) to pay for the threads, else on this thread; the results
/// in declaration order (`None`s left out). A panic in `f` becomes a `JixiaoError`
/// (`internal_error`).
pub(crate) fn per_declaration<T, F>(
    py: Python<'_>,
    doc: &Arc<Document>,
    chunk: usize,
    f: F,
) -> PyResult<Vec<T>>
where
    T: Send,
    F: Fn(&Arc<Document>, usize) -> Option<T> + Send + Sync,
{
    let n = doc.declarations.len();
    let threads = if n >= 256 {
        workers_arg(None, None)?
    } else {
        1
    };
    let chunk = chunk.max(1);
    let chunks: Vec<std::ops::Range<usize>> = (0..n)
        .step_by(chunk)
        .map(|start| start..(start + chunk).min(n))
        .collect();
    let doc = doc.clone();
    let results = py.detach(move || {
        jixiao::batch::map_in_order(chunks, Some(threads), |range| {
            range.filter_map(|i| f(&doc, i)).collect::<Vec<_>>()
        })
    });
    let mut out = Vec::with_capacity(n);
    for chunk in results {
        out.extend(chunk.map_err(crate::errors::Internal::from)?);
    }
    Ok(out)
}
