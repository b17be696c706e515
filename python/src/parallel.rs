//! Running independent core calls on several threads (called with the GIL released).
//! Plain `std::thread::scope`; results come back in input order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use pyo3::prelude::*;

use jixiao::Document;

/// Applies `f` to every job on up to `threads` threads (default: the available cores),
/// returning the results in the order of the jobs.
pub(crate) fn map<J, R, F>(jobs: Vec<J>, threads: Option<usize>, f: F) -> Vec<R>
where
    J: Send,
    R: Send,
    F: Fn(J) -> R + Sync,
{
    let n = jobs.len();
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, n.max(1));
    if threads <= 1 || n <= 1 {
        return jobs.into_iter().map(f).collect();
    }
    let slots: Vec<Mutex<Option<J>>> = jobs.into_iter().map(|j| Mutex::new(Some(j))).collect();
    let results: Vec<Mutex<Option<R>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(slot) = slots.get(i) else { break };
                let job = slot.lock().ok().and_then(|mut s| s.take());
                if let Some(job) = job {
                    let r = f(job);
                    if let Some(cell) = results.get(i) {
                        if let Ok(mut cell) = cell.lock() {
                            *cell = Some(r);
                        }
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .filter_map(|m| m.into_inner().ok().flatten())
        .collect()
}

/// Applies `f` to every declaration (by index) of `doc` without the GIL, in chunks of
/// `chunk` declarations, in parallel only when there are enough declarations (256) to
/// pay for the threads; the results in declaration order (`None`s left out). A panic in
/// `f` becomes a Python exception.
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
    let threads = if n >= 256 { None } else { Some(1) };
    let chunks: Vec<std::ops::Range<usize>> = (0..n)
        .step_by(chunk.max(1))
        .map(|start| start..(start + chunk.max(1)).min(n))
        .collect();
    let doc = doc.clone();
    let results = py.detach(move || {
        map(chunks, threads, |range| {
            crate::errors::guard(|| range.filter_map(|i| f(&doc, i)).collect::<Vec<_>>())
        })
    });
    let mut out = Vec::with_capacity(n);
    for chunk in results {
        out.extend(chunk?);
    }
    Ok(out)
}
