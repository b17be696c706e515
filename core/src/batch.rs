//! 批量处理: many declarations or files at once, on every core.
//!
//! With the `parallel` feature (on by default) these spread the work over a
//! [rayon](https://docs.rs/rayon) thread pool — rayon's global pool unless the caller
//! runs them inside its own `ThreadPool::install`. Results always come back in input
//! order and are equal to the sequential calls ([`crate::score::score_document`],
//! [`crate::review::review`], [`crate::read::read`]); without the feature they *are* the
//! sequential calls.
//!
//! Where the caller owns the threads — the C ABI, an embedding server — use the
//! sequential calls (the C ABI does) or build without `parallel`.
//!
//! [`map_in_order`] is the general form for a binding's own jobs (the Python module's
//! reads and scorecards): any jobs, an optional thread count, results in input order, and
//! a panic in one job caught and returned as that job's [`JobPanic`] instead of unwinding
//! through the caller.
//!
//! ```
//! use jixiao::{batch, read::ReadOptions, score::Profile};
//! let text = "财政项目支出绩效自评表\n项目名称\t示例\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训人数\t≥10人\t12人\t50\t\n";
//! let inputs = [(text.as_bytes(), ReadOptions::default()), (text.as_bytes(), ReadOptions::default())];
//! let documents: Vec<_> = batch::read_all(&inputs).into_iter().map(|r| r.unwrap().document).collect();
//! let cards = batch::score_all(&documents, &Profile::default());
//! assert_eq!(cards.len(), 2);
//! assert_eq!(cards[0], jixiao::score::score_document(&documents[0], &Profile::default()));
//! ```

use crate::error::ReadError;
use crate::model::{Declaration, Document};
use crate::read::{read, ReadOptions, Reading};
use crate::review::{review_declaration, Review, ReviewPolicy};
use crate::score::{score_declaration, Profile, Scorecard};

#[cfg(feature = "parallel")]
use rayon::prelude::*;

/// Applies `f` to every item, in parallel with the `parallel` feature, in input order.
fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

/// A job of [`map_in_order`] panicked (core never panics on input: this is the last line of
/// defence); the other jobs' results are unaffected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a job panicked: {message}")]
pub struct JobPanic {
    /// The panic's message (`unknown panic` when it was not text).
    pub message: String,
}

/// Runs one job, catching a panic as its [`JobPanic`].
fn run_caught<J, R, F: Fn(J) -> R>(f: &F, job: J) -> Result<R, JobPanic> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(job))).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        JobPanic { message }
    })
}

/// Applies `f` to every job, results in the order of the jobs, each `Err` when that job
/// panicked.
///
/// `threads`: `None` runs the jobs on the current rayon pool (the global one, or the
/// caller's inside `ThreadPool::install`); `Some(n)` on a pool of `n` threads (at most one
/// per job) made for this call and gone after it — what a binding wants: nothing is left
/// running between calls (a process that forks keeps no pool whose threads the child
/// lacks), at the cost of starting the threads each call. `Some(1)`, a single job, or a build without the
/// `parallel` feature run the jobs one after the other on the calling thread. Should the
/// pool not start (the system refuses threads), the jobs run there too.
///
/// ```
/// use jixiao::batch::map_in_order;
/// let out = map_in_order(vec![3, 1, 2], Some(2), |n| n * 10);
/// assert_eq!(out, vec![Ok(30), Ok(10), Ok(20)]);
/// ```
pub fn map_in_order<J, R, F>(jobs: Vec<J>, threads: Option<usize>, f: F) -> Vec<Result<R, JobPanic>>
where
    J: Send,
    R: Send,
    F: Fn(J) -> R + Sync + Send,
{
    let sequential = |jobs: Vec<J>| -> Vec<Result<R, JobPanic>> {
        jobs.into_iter().map(|j| run_caught(&f, j)).collect()
    };
    if jobs.len() <= 1 || threads == Some(1) {
        return sequential(jobs);
    }
    #[cfg(feature = "parallel")]
    {
        let parallel = |jobs: Vec<J>| -> Vec<Result<R, JobPanic>> {
            jobs.into_par_iter().map(|j| run_caught(&f, j)).collect()
        };
        match threads {
            None => parallel(jobs),
            Some(n) => match rayon::ThreadPoolBuilder::new()
                .num_threads(n.clamp(1, jobs.len()))
                .build()
            {
                Ok(pool) => pool.install(|| parallel(jobs)),
                Err(_) => sequential(jobs),
            },
        }
    }
    #[cfg(not(feature = "parallel"))]
    {
        sequential(jobs)
    }
}

/// Every declaration of every document, with its document's index.
fn flatten(documents: &[Document]) -> Vec<(usize, &Declaration)> {
    documents
        .iter()
        .enumerate()
        .flat_map(|(i, d)| d.declarations.iter().map(move |x| (i, x)))
        .collect()
}

/// Puts per-declaration results back under their documents.
fn regroup<R>(documents: &[Document], results: Vec<(usize, R)>) -> Vec<Vec<R>> {
    let mut out: Vec<Vec<R>> = documents
        .iter()
        .map(|d| Vec::with_capacity(d.declarations.len()))
        .collect();
    for (i, r) in results {
        if let Some(slot) = out.get_mut(i) {
            slot.push(r);
        }
    }
    out
}

/// 评分: the scorecards of every declaration of every document (one `Vec` per document,
/// as [`crate::score::score_document`] gives), declarations spread over the cores.
pub fn score_all(documents: &[Document], profile: &Profile) -> Vec<Vec<Scorecard>> {
    let declarations = flatten(documents);
    let cards = map(&declarations, |&(i, d)| (i, score_declaration(d, profile)));
    regroup(documents, cards)
}

/// 评分: the scorecard of each declaration, spread over the cores.
pub fn score_declarations(declarations: &[Declaration], profile: &Profile) -> Vec<Scorecard> {
    map(declarations, |d| score_declaration(d, profile))
}

/// 审核: the review of every document (as [`crate::review::review`] gives), declarations
/// spread over the cores.
pub fn review_all(documents: &[Document], policy: &ReviewPolicy) -> Vec<Review> {
    let declarations = flatten(documents);
    let findings = map(&declarations, |&(i, d)| {
        let year = documents.get(i).and_then(|doc| doc.year);
        (i, review_declaration(d, year, policy))
    });
    regroup(documents, findings)
        .into_iter()
        .map(|per| Review {
            findings: per.into_iter().flatten().collect(),
        })
        .collect()
}

/// 读取: many inputs (bytes and their options), files spread over the cores; one result
/// per input, in input order.
pub fn read_all(inputs: &[(&[u8], ReadOptions)]) -> Vec<Result<Reading, ReadError>> {
    map(inputs, |(bytes, options)| read(bytes, options))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::review;
    use crate::score::score_document;

    fn seed() -> Document {
        let text = include_str!("../../tests/data/shanghai-eeb-enforcement-2024.txt");
        read(text.as_bytes(), &ReadOptions::default())
            .map(|r| r.document)
            .unwrap_or_default()
    }

    #[test]
    fn batches_equal_the_sequential_calls() {
        let one = seed();
        assert!(one.declarations.len() > 1);
        let mut two = one.clone();
        two.declarations.truncate(2);
        let documents = vec![one, Document::default(), two];
        let profile = Profile::default();
        let sequential: Vec<_> = documents
            .iter()
            .map(|d| score_document(d, &profile))
            .collect();
        assert_eq!(score_all(&documents, &profile), sequential);
        let policy = ReviewPolicy::default();
        let reviews = review_all(&documents, &policy);
        for (d, r) in documents.iter().zip(&reviews) {
            assert_eq!(r.findings, review(d, &policy).findings);
        }
        let flat = score_declarations(&documents[0].declarations, &profile);
        assert_eq!(flat, sequential[0]);
    }

    #[test]
    fn map_in_order_keeps_the_order_of_the_jobs() {
        let jobs: Vec<u64> = (0..1000).collect();
        let expected: Vec<Result<u64, JobPanic>> = jobs.iter().map(|j| Ok(j * j)).collect();
        for threads in [None, Some(1), Some(2), Some(7)] {
            assert_eq!(map_in_order(jobs.clone(), threads, |j| j * j), expected);
        }
        let none: Vec<Result<u8, JobPanic>> = map_in_order(Vec::<u8>::new(), Some(4), |j| j);
        assert!(none.is_empty());
        assert_eq!(map_in_order(vec!["a"], None, str::len), vec![Ok(1)]);
    }

    #[test]
    fn map_in_order_turns_a_panic_into_that_jobs_error() {
        for threads in [None, Some(1), Some(3)] {
            let out = map_in_order((0..50).collect(), threads, |j: i32| {
                if j == 17 {
                    panic!("job {j} failed");
                }
                j + 1
            });
            assert_eq!(out.len(), 50);
            for (j, r) in (0..).zip(&out) {
                if j == 17 {
                    assert_eq!(
                        r,
                        &Err(JobPanic {
                            message: "job 17 failed".to_owned()
                        })
                    );
                } else {
                    assert_eq!(r, &Ok(j + 1));
                }
            }
        }
        let out = map_in_order(vec![(), ()], Some(2), |()| -> u8 {
            std::panic::panic_any(42_u32)
        });
        assert!(out
            .iter()
            .all(|r| r.as_ref().is_err_and(|e| e.message == "unknown panic")));
    }

    #[cfg(feature = "parallel")]
    #[test]
    fn map_in_order_runs_inside_the_callers_pool() {
        let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(2).build() else {
            return;
        };
        let out = pool.install(|| {
            map_in_order((0..100).collect(), None, |j: usize| {
                (j, rayon::current_thread_index().is_some())
            })
        });
        assert!(out
            .iter()
            .all(|r| r.as_ref().is_ok_and(|&(_, inside)| inside)));
        let order: Vec<usize> = out
            .into_iter()
            .filter_map(Result::ok)
            .map(|(j, _)| j)
            .collect();
        assert_eq!(order, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn read_all_keeps_input_order_and_errors() {
        let text = include_str!("../../tests/data/list-example.csv");
        let inputs = [
            (text.as_bytes(), ReadOptions::default()),
            (&b""[..], ReadOptions::named("empty.txt")),
            (text.as_bytes(), ReadOptions::default()),
        ];
        let readings = read_all(&inputs);
        assert_eq!(readings.len(), 3);
        assert!(readings[1].is_err());
        assert_eq!(
            readings[0].as_ref().ok().map(|r| &r.document),
            readings[2].as_ref().ok().map(|r| &r.document)
        );
    }
}
