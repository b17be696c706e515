//! `Scorecard` (自评得分表) and `IndicatorScore`: core's scorecards as Python objects,
//! with frames, HTML, pickling (by rescoring) and the batch `score_many`.
//!
//! Scoring computes the figures only (core's `score_totals`, several times faster than
//! the full scorecard); the text — rules, explanations, flags' messages — is computed on
//! first use, from the same declaration and profile. Core guarantees that
//! `score_totals(d, p) == score_declaration(d, p).totals()` (`core/tests/score_fast.rs`),
//! so the figures a `Scorecard` shows do not depend on whether its text was asked for.

use std::sync::{Arc, OnceLock};

use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use rust_decimal::Decimal;

use jixiao::score::{Flag, IndicatorScore, IndicatorTotals, Profile, ScoreTotals, Scorecard};
use jixiao::{Declaration, Document};

use super::args::profile_arg;
use crate::errors::{error, At, Kind};
use crate::frames::{to_pandas, Cell, Table};
use crate::nodes::{py_repr_str, repr_dec, repr_opt};

/// A scored declaration: its figures (core's `score_totals`), the full scorecard once
/// its text is asked for, and what both are computed from (also for pickling: it is
/// recomputed, exactly, from the declaration and the profile). The document and profile
/// are shared, never copied per scorecard.
pub(crate) struct Scored {
    pub totals: ScoreTotals,
    /// Boxed: a scorecard is large, and most are never asked for their text.
    card: OnceLock<Box<Scorecard>>,
    pub doc: Arc<Document>,
    pub index: usize,
    pub profile: Arc<Profile>,
}

impl Scored {
    /// Scores declaration `index` of `doc` (core's `score_totals`: the figures); `None`
    /// when there is no such declaration.
    pub(crate) fn score(
        doc: &Arc<Document>,
        index: usize,
        profile: &Arc<Profile>,
    ) -> Option<Scored> {
        let declaration = doc.declarations.get(index)?;
        Some(Scored {
            totals: jixiao::score::score_totals(declaration, profile),
            card: OnceLock::new(),
            doc: doc.clone(),
            index,
            profile: profile.clone(),
        })
    }

    /// The name of the profile applied to the declaration (core resolves `auto`).
    pub(crate) fn applied_profile(&self) -> String {
        match self.declaration() {
            Some(d) => self.profile.for_declaration(d).0.name.clone(),
            None => self.profile.name.clone(),
        }
    }

    /// The scored declaration.
    pub(crate) fn declaration(&self) -> Option<&Declaration> {
        self.doc.declarations.get(self.index)
    }

    /// 项目名称 of the scored declaration.
    fn project(&self) -> &str {
        self.declaration()
            .map(|d| d.project.name.as_str())
            .unwrap_or_default()
    }

    /// The full scorecard with its text (core's `score_declaration`), computed on first
    /// use.
    pub(crate) fn card(&self) -> PyResult<&Scorecard> {
        if let Some(card) = self.card.get() {
            return Ok(&**card);
        }
        let declaration = self.declaration().ok_or_else(|| {
            error(
                Kind::Score,
                "bad_scorecard",
                "the scored declaration is missing".to_owned(),
                At::default(),
            )
        })?;
        let card =
            crate::errors::guard(|| jixiao::score::score_declaration(declaration, &self.profile))?;
        Ok(self.card.get_or_init(|| Box::new(card)))
    }

    /// Computes the full scorecard now if it is not yet (no Python object is touched:
    /// callable without the GIL, on any thread). A panic leaves it to `card()` to report.
    pub(crate) fn fill(&self) {
        if self.card.get().is_some() {
            return;
        }
        if let Some(declaration) = self.declaration() {
            if let Ok(card) = crate::errors::guard(|| {
                jixiao::score::score_declaration(declaration, &self.profile)
            }) {
                let _ = self.card.set(Box::new(card));
            }
        }
    }
}

/// Computes the text of many scorecards at once, without the GIL and on every core
/// (before a report that needs all of it).
pub(crate) fn fill_all(py: Python<'_>, scored: Vec<Arc<Scored>>) {
    let chunks: Vec<Vec<Arc<Scored>>> = scored.chunks(64).map(<[_]>::to_vec).collect();
    let threads = if chunks.len() >= 4 {
        super::workers_arg(None, None).unwrap_or(1)
    } else {
        1
    };
    // A panic in one chunk leaves its scorecards empty; `card()` reports it when asked.
    py.detach(move || {
        jixiao::batch::map_in_order(chunks, Some(threads), |chunk| {
            chunk.iter().for_each(|s| s.fill())
        })
    });
}

fn flags_list<'py>(py: Python<'py>, flags: &[Flag]) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for f in flags {
        let d = PyDict::new(py);
        d.set_item("code", &f.code)?;
        d.set_item("message", &f.message)?;
        d.set_item("message_en", &f.message_en)?;
        out.append(d)?;
    }
    Ok(out)
}

/// 自评得分表: the scorecard of one declaration — every figure with the rule it comes
/// from (and its source), the inputs and the arithmetic. `complete` is false when
/// something was not scorable (then `grade` is `None` and `open` says how many points
/// are open).
///
/// >>> card = jixiao.read("tests/data/selfeval-putuo-sports-2022.txt").score()[0]
/// >>> card.total, card.grade
/// (Decimal('98.62'), '优')
#[pyclass(frozen, module = "jixiao", name = "Scorecard")]
pub(crate) struct PyScorecard {
    pub inner: Arc<Scored>,
}

impl PyScorecard {
    fn card(&self) -> PyResult<&Scorecard> {
        self.inner.card()
    }

    fn totals(&self) -> &ScoreTotals {
        &self.inner.totals
    }
}

#[pymethods]
impl PyScorecard {
    /// The name of the profile applied (`auto` resolved for this declaration:
    /// `budget-20` for a form with a 20-point budget, else `mof-2020`).
    #[getter]
    fn profile(&self) -> String {
        self.inner.applied_profile()
    }
    /// 项目名称.
    #[getter]
    fn project(&self) -> &str {
        self.inner.project()
    }
    /// 总分: the budget score plus every indicator's rounded score.
    #[getter]
    fn total(&self) -> Decimal {
        self.totals().total
    }
    /// The points the scorecard is out of.
    #[getter]
    fn max(&self) -> Decimal {
        self.totals().max
    }
    /// Whether everything could be scored.
    #[getter]
    fn complete(&self) -> bool {
        self.totals().complete
    }
    /// The points left open by what could not be scored.
    #[getter]
    fn open(&self) -> Decimal {
        self.totals().open
    }
    /// 等级 (优/良/中/差), or `None` when incomplete.
    #[getter]
    fn grade(&self) -> Option<&str> {
        self.totals().grade.as_deref()
    }
    /// 预算执行率: a dict (max, rate, score, status, initial, adjusted, executed, unit,
    /// published, rule, explanation, flags, reason), Decimal figures.
    #[getter]
    fn budget<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let b = &self.card()?.budget;
        let d = PyDict::new(py);
        d.set_item("max", b.max)?;
        d.set_item("max_source", &b.max_source)?;
        d.set_item("rate", b.rate)?;
        d.set_item("score", b.score)?;
        d.set_item("status", b.status.as_str())?;
        d.set_item("initial", b.initial)?;
        d.set_item("adjusted", b.adjusted)?;
        d.set_item("executed", b.executed)?;
        d.set_item("unit", &b.unit)?;
        d.set_item("summed", b.summed)?;
        d.set_item("published", b.published)?;
        d.set_item("rule", &b.rule)?;
        d.set_item("explanation", &b.explanation)?;
        d.set_item("flags", flags_list(py, &b.flags)?)?;
        d.set_item("reason", b.reason.as_deref())?;
        Ok(d)
    }
    /// The scored indicators (`IndicatorScore`), in declaration order.
    #[getter]
    fn indicators(&self) -> Vec<PyIndicatorScore> {
        (0..self.totals().indicators.len())
            .map(|index| PyIndicatorScore {
                at: self.inner.clone(),
                index,
            })
            .collect()
    }
    /// Points per 一级指标: name → {"max": Decimal, "score": Decimal}, in form order.
    #[getter]
    fn levels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for l in &self.totals().levels {
            let d = PyDict::new(py);
            d.set_item("max", l.max)?;
            d.set_item("score", l.score)?;
            out.set_item(&l.name, d)?;
        }
        Ok(out)
    }
    /// Notes on the whole scorecard: dicts with code, message, message_en.
    #[getter]
    fn flags<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        flags_list(py, &self.card()?.flags)
    }
    /// For every item the rule applied (with its source), the inputs and the arithmetic.
    fn explain(&self) -> PyResult<String> {
        Ok(self.card()?.explain())
    }
    /// An aligned text table (what `jixiao score` prints).
    fn to_text(&self) -> PyResult<String> {
        Ok(self.card()?.to_text())
    }
    /// The scorecard JSON (every figure a decimal string), as the golden files hold it.
    fn to_json(&self) -> PyResult<String> {
        Ok(self.card()?.to_json())
    }
    /// One row per item — the 预算执行率 row first, then each indicator — so that the
    /// `score` column sums to `total`. Decimal columns stay `Decimal` unless
    /// `decimals=False` (then `float`, for charts). `columns="zh"` for Chinese names.
    #[pyo3(signature = (*, decimals = true, columns = "en"))]
    fn to_pandas<'py>(
        &self,
        py: Python<'py>,
        decimals: bool,
        columns: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let names = crate::frames::names_arg(columns)?;
        to_pandas(py, scorecards_table(&[self.card()?]).named(names), decimals)
    }
    /// The scorecard as an HTML table (一级/二级/三级, 指标值, 实际完成值, 分值, 得分).
    fn _repr_html_(&self) -> PyResult<String> {
        Ok(jixiao::write::html::scorecard_fragment(self.card()?))
    }

    fn __eq__(&self, other: &Self) -> PyResult<bool> {
        Ok(self.totals() == other.totals() && self.card()? == other.card()?)
    }

    fn __repr__(&self) -> String {
        let c = self.totals();
        format!(
            "Scorecard(project={}, profile={}, total={}, max={}, complete={}, grade={})",
            py_repr_str(self.inner.project()),
            py_repr_str(&self.inner.applied_profile()),
            repr_dec(Some(c.total)),
            repr_dec(Some(c.max)),
            if c.complete { "True" } else { "False" },
            repr_opt(c.grade.as_deref())
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_scored(py, &self.inner, None)
    }
}

fn reduce_scored<'py>(
    py: Python<'py>,
    scored: &Scored,
    index: Option<usize>,
) -> PyResult<Bound<'py, PyTuple>> {
    let f = py.import("jixiao._jixiao")?.getattr("_restore_scorecard")?;
    let doc = Document {
        declarations: scored.declaration().cloned().into_iter().collect(),
        ..Document::default()
    };
    let decl = jixiao::write::json::to_json_compact(&doc);
    let profile = serde_json::to_string(&*scored.profile).unwrap_or_default();
    let args = (decl, profile, index).into_pyobject(py)?;
    PyTuple::new(py, [f, args.into_any()])
}

/// The pickling constructor of `Scorecard` / `IndicatorScore`: rescoring the declaration
/// under the profile gives the identical scorecard.
#[pyfunction]
#[pyo3(signature = (declaration, profile, index=None))]
pub(crate) fn _restore_scorecard(
    py: Python<'_>,
    declaration: &str,
    profile: &str,
    index: Option<usize>,
) -> PyResult<Py<PyAny>> {
    let doc = crate::document::parse_json(declaration)?;
    let profile: Profile = serde_json::from_str(profile).map_err(|e| {
        error(
            Kind::Score,
            "bad_profile",
            format!("invalid pickled profile: {e}"),
            At::default(),
        )
    })?;
    let doc = Arc::new(doc);
    let profile = Arc::new(profile);
    let scored = crate::errors::guard(|| Scored::score(&doc, 0, &profile))?.ok_or_else(|| {
        error(
            Kind::Score,
            "bad_pickle",
            "the pickled scorecard has no declaration".to_owned(),
            At::default(),
        )
    })?;
    let scored = Arc::new(scored);
    match index {
        None => Ok(Py::new(py, PyScorecard { inner: scored })?.into_any()),
        Some(index) if index < scored.totals.indicators.len() => {
            Ok(Py::new(py, PyIndicatorScore { at: scored, index })?.into_any())
        }
        Some(_) => Err(PyIndexError::new_err("indicator index out of range")),
    }
}

/// Scorecards as one table: the budget row and the indicator rows of each.
pub(crate) fn scorecards_table(cards: &[&Scorecard]) -> Table {
    let mut t = Table::new(&[
        "project",
        "profile",
        "item",
        "level1",
        "level2",
        "name",
        "target",
        "actual",
        "max",
        "score",
        "status",
        "published",
        "weight_source",
        "rule",
        "explanation",
        "reason",
        "flags",
    ]);
    for c in cards {
        let b = &c.budget;
        let flags = |f: &[Flag]| -> Cell {
            Cell::Str(
                f.iter()
                    .map(|f| f.code.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
            )
        };
        t.push(vec![
            c.project.as_str().into(),
            c.profile.as_str().into(),
            "budget".into(),
            Cell::Null,
            Cell::Null,
            "预算执行率".into(),
            Cell::Null,
            b.rate.into(),
            Some(b.max).into(),
            b.score.into(),
            b.status.as_str().into(),
            b.published.into(),
            b.max_source.as_str().into(),
            b.rule.as_str().into(),
            b.explanation.as_str().into(),
            b.reason.as_deref().into(),
            flags(&b.flags),
        ]);
        for i in &c.indicators {
            t.push(vec![
                c.project.as_str().into(),
                c.profile.as_str().into(),
                "indicator".into(),
                i.level1.as_str().into(),
                i.level2.as_str().into(),
                i.name.as_str().into(),
                i.target.as_str().into(),
                i.actual.as_deref().into(),
                i.max.into(),
                i.score.into(),
                i.status.as_str().into(),
                i.published.into(),
                crate::nodes::enum_name(&i.weight_source).as_str().into(),
                i.rule.as_str().into(),
                i.explanation.as_str().into(),
                i.reason.as_deref().into(),
                flags(&i.flags),
            ]);
        }
    }
    t
}

/// One scored 三级指标 of a scorecard: `max` (分值), `score` (得分), `status` (`met`,
/// `partial`, `unmet`, `not_scorable`), the `rule` with its source and the `explanation`.
///
/// >>> i = card.indicators[0]
/// >>> i.max, i.score, i.status
/// (Decimal('10.00'), Decimal('10.00'), 'met')
#[pyclass(frozen, module = "jixiao", name = "IndicatorScore")]
pub(crate) struct PyIndicatorScore {
    pub at: Arc<Scored>,
    pub index: usize,
}

impl PyIndicatorScore {
    /// The indicator's full score, with its text (computes the scorecard's text on first
    /// use).
    fn get(&self) -> PyResult<&IndicatorScore> {
        self.at
            .card()?
            .indicators
            .get(self.index)
            .ok_or_else(|| PyIndexError::new_err("indicator index out of range"))
    }

    /// The scored 三级指标 as declared.
    fn indicator(&self) -> PyResult<&jixiao::Indicator> {
        self.at
            .declaration()
            .and_then(|d| d.indicators.get(self.index))
            .ok_or_else(|| PyIndexError::new_err("indicator index out of range"))
    }

    /// The indicator's figures.
    fn figures(&self) -> PyResult<&IndicatorTotals> {
        self.at
            .totals
            .indicators
            .get(self.index)
            .ok_or_else(|| PyIndexError::new_err("indicator index out of range"))
    }
}

#[pymethods]
impl PyIndicatorScore {
    /// 三级指标 name.
    #[getter]
    fn name(&self) -> PyResult<&str> {
        Ok(&self.indicator()?.name)
    }
    /// 一级指标.
    #[getter]
    fn level1(&self) -> PyResult<&str> {
        Ok(self.indicator()?.level1_label())
    }
    /// 二级指标.
    #[getter]
    fn level2(&self) -> PyResult<&str> {
        Ok(self.indicator()?.level2_label())
    }
    /// 年度指标值 as written.
    #[getter]
    fn target(&self) -> PyResult<&str> {
        Ok(&self.indicator()?.target.text)
    }
    /// 实际完成值 as written.
    #[getter]
    fn actual(&self) -> PyResult<Option<&str>> {
        Ok(self.get()?.actual.as_deref())
    }
    /// 分值: the weight used.
    #[getter]
    fn max(&self) -> PyResult<Option<Decimal>> {
        Ok(self.figures()?.max)
    }
    /// Where the weight came from: `given`, `split` or `none`.
    #[getter]
    fn weight_source(&self) -> PyResult<String> {
        Ok(crate::nodes::enum_name(&self.figures()?.weight_source))
    }
    /// 得分 (2 decimals), `None` when not scorable.
    #[getter]
    fn score(&self) -> PyResult<Option<Decimal>> {
        Ok(self.figures()?.score)
    }
    /// `met`, `partial`, `unmet` or `not_scorable`.
    #[getter]
    fn status(&self) -> PyResult<&'static str> {
        Ok(self.figures()?.status.as_str())
    }
    /// The rule applied, with its source.
    #[getter]
    fn rule(&self) -> PyResult<&str> {
        Ok(&self.get()?.rule)
    }
    /// Inputs and arithmetic.
    #[getter]
    fn explanation(&self) -> PyResult<&str> {
        Ok(&self.get()?.explanation)
    }
    /// Flags: dicts with code, message, message_en.
    #[getter]
    fn flags<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        flags_list(py, &self.get()?.flags)
    }
    /// Why it is not scorable, when it is not.
    #[getter]
    fn reason(&self) -> PyResult<Option<&str>> {
        Ok(self.get()?.reason.as_deref())
    }
    /// The published 得分.
    #[getter]
    fn published(&self) -> PyResult<Option<Decimal>> {
        Ok(self.get()?.published)
    }
    /// 偏差原因分析及改进措施 as published.
    #[getter]
    fn deviation(&self) -> PyResult<Option<&str>> {
        Ok(self.get()?.deviation.as_deref())
    }

    fn __eq__(&self, other: &Self) -> PyResult<bool> {
        Ok(self.figures()? == other.figures()? && self.get()? == other.get()?)
    }

    fn __repr__(&self) -> PyResult<String> {
        let i = self.get()?;
        Ok(format!(
            "IndicatorScore(name={}, target={}, actual={}, max={}, score={}, status={})",
            py_repr_str(&i.name),
            py_repr_str(&i.target),
            repr_opt(i.actual.as_deref()),
            repr_dec(i.max),
            repr_dec(i.score),
            py_repr_str(i.status.as_str())
        ))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_scored(py, &self.at, Some(self.index))
    }
}

/// The names of the built-in scoring profiles.
///
/// >>> jixiao.profiles()
/// ['auto', 'mof-2020', 'budget-20', 'mof-2021', 'shanghai-2025']
#[pyfunction]
pub(crate) fn profiles() -> Vec<&'static str> {
    Profile::names().to_vec()
}

/// Writes scorecards as one report: `json` (an array, as the golden files hold it),
/// `md` (a Markdown table per project in the 自评表's columns), `xlsx` (a workbook) or
/// `text` (the aligned tables); returns bytes (UTF-8 for the text formats).
///
/// >>> jixiao.write_scorecards([card], "md").decode().splitlines()[0]
/// '## 普陀体育中心与委托运营方结算费用'
#[pyfunction]
pub(crate) fn write_scorecards<'py>(
    py: Python<'py>,
    cards: Vec<PyRef<'py, PyScorecard>>,
    format: &str,
) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
    fill_all(py, cards.iter().map(|c| c.inner.clone()).collect());
    let cards: Vec<Scorecard> = cards
        .iter()
        .map(|c| c.inner.card().cloned())
        .collect::<PyResult<_>>()?;
    let format = format.trim().to_ascii_lowercase();
    let bytes = py.detach(|| {
        crate::errors::guard(|| -> Result<Vec<u8>, String> {
            match format.as_str() {
                "json" => {
                    let mut json =
                        serde_json::to_string_pretty(&cards).map_err(|e| e.to_string())?;
                    json.push('\n');
                    Ok(json.into_bytes())
                }
                "md" | "markdown" => {
                    Ok(jixiao::write::report::scorecards_markdown(&cards).into_bytes())
                }
                "text" | "txt" => Ok(cards
                    .iter()
                    .map(Scorecard::to_text)
                    .collect::<Vec<_>>()
                    .join("\n")
                    .into_bytes()),
                "xlsx" => jixiao::write::report::scorecards_xlsx(&cards).map_err(|e| e.to_string()),
                other => Err(format!(
                    "unknown scorecard format `{other}` (expected json, md, xlsx or text)"
                )),
            }
        })
    })?;
    match bytes {
        Ok(b) => Ok(pyo3::types::PyBytes::new(py, &b)),
        Err(m) if m.starts_with("unknown scorecard format") => {
            Err(pyo3::exceptions::PyValueError::new_err(m))
        }
        Err(m) => Err(error(Kind::Base, "write_failed", m, At::default())),
    }
}

/// Scores the declarations of many documents in parallel without the GIL (on `workers`
/// threads, default: the cores; `threads` is the older name): a list with, per document,
/// its list of `Scorecard`s.
///
/// >>> [len(cards) for cards in jixiao.score_many([doc, doc])]
/// [5, 5]
#[pyfunction]
#[pyo3(signature = (documents, *, profile = None, workers = None, threads = None))]
pub(crate) fn score_many(
    py: Python<'_>,
    documents: Vec<PyRef<'_, crate::document::PyDocument>>,
    profile: Option<&Bound<'_, PyAny>>,
    workers: Option<usize>,
    threads: Option<usize>,
) -> PyResult<Vec<Vec<PyScorecard>>> {
    let profile = Arc::new(profile_arg(profile)?);
    let threads = super::workers_arg(workers, threads)?;
    // Jobs of up to 64 declarations, across and within documents, so that one large
    // document keeps every thread busy as well as many small ones do.
    let mut jobs: Vec<(usize, Arc<Document>, std::ops::Range<usize>)> = Vec::new();
    for (k, d) in documents.iter().enumerate() {
        let n = d.doc.declarations.len();
        for start in (0..n).step_by(64) {
            jobs.push((k, d.doc.clone(), start..(start + 64).min(n)));
        }
    }
    let results = py.detach(move || {
        jixiao::batch::map_in_order(jobs, Some(threads), |(k, doc, range)| {
            let scored: Vec<Scored> = range
                .filter_map(|i| Scored::score(&doc, i, &profile))
                .collect();
            (k, scored)
        })
    });
    let mut out: Vec<Vec<PyScorecard>> = documents.iter().map(|_| Vec::new()).collect();
    for r in results {
        let (k, scored) = r.map_err(crate::errors::Internal::from)?;
        if let Some(slot) = out.get_mut(k) {
            slot.extend(
                scored
                    .into_iter()
                    .map(|s| PyScorecard { inner: Arc::new(s) }),
            );
        }
    }
    Ok(out)
}

/// Scorecards of one document, scored without the GIL (declarations in parallel when
/// there are many).
pub(crate) fn score_document(
    py: Python<'_>,
    doc: Arc<Document>,
    profile: Profile,
) -> PyResult<Vec<PyScorecard>> {
    let profile = Arc::new(profile);
    let scored =
        super::per_declaration(py, &doc, 64, move |doc, i| Scored::score(doc, i, &profile))?;
    Ok(scored
        .into_iter()
        .map(|s| PyScorecard { inner: Arc::new(s) })
        .collect())
}
