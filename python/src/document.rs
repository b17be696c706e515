//! `Document` (what every reader gives), `Finding`, and the module functions that read:
//! `read`, `read_text`, `read_many`, `Document.from_json`.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyTuple};

use jixiao::{Document, Finding, ReadOptions, Reading};

use crate::errors::{guard, read_error, write_error};
use crate::input::{io_error, output_format, read_options, Source};
use crate::nodes::{py_repr_str, repr_opt, DeclRef, PyDeclaration, PyIndicator};

/// Parses canonical JSON text into a document (`ParseError` when it is not `jixiao/1`).
pub(crate) fn parse_json(json: &str) -> PyResult<Document> {
    let options = ReadOptions {
        format: Some(jixiao::InputFormat::Json),
        ..ReadOptions::default()
    };
    let reading = guard(|| jixiao::read(json.as_bytes(), &options))?;
    reading.map(|r| r.document).map_err(|e| read_error(&e))
}

/// The canonical JSON text of a document, pretty (the golden form) or on one line.
pub(crate) fn json_text(doc: &Document, compact: bool) -> String {
    if compact {
        jixiao::write::json::to_json_compact(doc)
    } else {
        jixiao::write::json::to_json(doc)
    }
}

/// A document: the declarations read from one input, with what the reader recovered from
/// (`diagnostics`). `len(doc)` is the number of declarations and iterating gives them.
///
/// >>> doc = jixiao.read("tests/data/shanghai-eeb-enforcement-2024.txt")
/// >>> len(doc), sum(len(d) for d in doc)
/// (5, 29)
/// >>> doc.to_json() == jixiao.Document.from_json(doc.to_json()).to_json()
/// True
#[pyclass(frozen, module = "jixiao", name = "Document")]
pub(crate) struct PyDocument {
    pub doc: Arc<Document>,
    pub diagnostics: Arc<Vec<Finding>>,
    pub format: Option<&'static str>,
    pub encoding: Option<&'static str>,
}

impl PyDocument {
    pub(crate) fn new(
        doc: Arc<Document>,
        diagnostics: Vec<Finding>,
        format: Option<&'static str>,
        encoding: Option<&'static str>,
    ) -> Self {
        PyDocument {
            doc,
            diagnostics: Arc::new(diagnostics),
            format,
            encoding,
        }
    }

    pub(crate) fn from_reading(reading: Reading) -> Self {
        PyDocument::new(
            Arc::new(reading.document),
            reading.diagnostics,
            Some(reading.format.as_str()),
            Some(reading.encoding),
        )
    }
}

impl PyDocument {
    /// Core's list table of the document (built without the GIL), typed, with its names in
    /// the `columns=` convention.
    fn list_table(&self, py: Python<'_>, columns: &str) -> PyResult<crate::frames::Table> {
        let names = crate::frames::names_arg(columns)?;
        let doc = self.doc.clone();
        let table = py.detach(move || guard(|| jixiao::write::list::list_table(&doc)))?;
        Ok(crate::frames::typed_list(&table).list_named(names))
    }
}

#[pymethods]
impl PyDocument {
    /// Reads a document from its canonical JSON (`jixiao/1`) text.
    ///
    /// >>> jixiao.Document.from_json('{"schema": "jixiao/1", "declarations": []}')
    /// Document(title=None, year=None, declarations=0, indicators=0)
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text: String = if let Ok(b) = json.cast::<PyBytes>() {
            String::from_utf8_lossy(b.as_bytes()).into_owned()
        } else if let Ok(s) = json.extract::<String>() {
            s
        } else {
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "from_json() expects str or bytes, got {}",
                crate::input::type_name(json)
            )));
        };
        let doc = py.detach(|| parse_json(&text))?;
        Ok(PyDocument::new(
            Arc::new(doc),
            Vec::new(),
            Some("json"),
            Some("UTF-8"),
        ))
    }

    /// The document title (e.g. `…2024年度项目绩效目标汇总表`), or `None`.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.doc.title.as_deref()
    }

    /// The budget year (年度), when known.
    #[getter]
    fn year(&self) -> Option<i32> {
        self.doc.year
    }

    /// The declarations (申报表 / 自评表), in document order.
    #[getter]
    fn declarations(&self) -> Vec<PyDeclaration> {
        (0..self.doc.declarations.len())
            .filter_map(|i| DeclRef::new(self.doc.clone(), i))
            .map(|at| PyDeclaration { at })
            .collect()
    }

    /// Every indicator of every declaration, in order.
    #[getter]
    fn indicators(&self) -> Vec<PyIndicator> {
        let mut out = Vec::new();
        for (d, decl) in self.doc.declarations.iter().enumerate() {
            if let Some(at) = DeclRef::new(self.doc.clone(), d) {
                out.extend((0..decl.indicators.len()).map(|index| PyIndicator {
                    at: at.clone(),
                    index,
                }));
            }
        }
        out
    }

    /// What the reader recovered from (each a `Finding` with its code and line).
    #[getter]
    fn diagnostics(&self) -> Vec<PyFinding> {
        self.diagnostics
            .iter()
            .map(|f| PyFinding {
                inner: Arc::new(f.clone()),
            })
            .collect()
    }

    /// The format the document was read from (`form`, `json`, `csv`, `tsv`, `xlsx`, `xls`,
    /// `docx`, `pdf`).
    #[getter]
    fn format(&self) -> Option<&'static str> {
        self.format
    }

    /// The text encoding detected (`UTF-8`, `GB18030`, `UTF-16LE`, …).
    #[getter]
    fn encoding(&self) -> Option<&'static str> {
        self.encoding
    }

    /// The canonical JSON (`jixiao/1`): pretty-printed (the golden-file form) or compact.
    #[pyo3(signature = (*, compact = false))]
    fn to_json(&self, py: Python<'_>, compact: bool) -> String {
        let doc = self.doc.clone();
        py.detach(move || json_text(&doc, compact))
    }

    /// Writes the document as `json`, `form`, `csv`, `tsv`, `md`, `xlsx` or `docx`; returns bytes
    /// (UTF-8 for the text formats).
    ///
    /// >>> doc.write("form").decode().count("财政项目支出绩效目标申报表")
    /// 5
    fn write<'py>(&self, py: Python<'py>, format: &str) -> PyResult<Bound<'py, PyBytes>> {
        let format = output_format(format)?;
        let doc = self.doc.clone();
        let bytes = py
            .detach(move || guard(|| jixiao::write(&doc, format)))?
            .map_err(|e| write_error(&e))?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// 绩效目标审核: reviews every declaration against the rules (`profile`: `any`,
    /// `classic`, `mof-2021`, `shanghai-2025`; default `any`). Returns a `Review`, a
    /// list-like of `Finding`s.
    ///
    /// >>> doc.review(profile="classic")
    /// Review(findings=6, errors=0, warnings=6, infos=0)
    #[pyo3(signature = (*, profile = None))]
    fn review(&self, py: Python<'_>, profile: Option<&str>) -> PyResult<crate::analysis::PyReview> {
        crate::analysis::review_document(py, &self.doc, profile)
    }

    /// 审核意见: the comments a reviewer sends back to the units, per project in sections
    /// 完整性 / 可测性 / 可行性, in the checklist's wording under a checklist profile
    /// (`shenzhen-2023`). `format="list"` (default) gives a list of dicts (`code`, `name`,
    /// and one list per section), `"text"` the numbered text, `"xlsx"` a workbook's bytes
    /// with one row per project.
    ///
    /// >>> doc.review_comments(profile="shenzhen-2023")[0]["name"]
    /// '环保热线运行'
    #[pyo3(signature = (*, profile = None, format = "list"))]
    fn review_comments<'py>(
        &self,
        py: Python<'py>,
        profile: Option<&str>,
        format: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::analysis::review_comments(py, &self.doc, profile, format)
    }

    /// 汇总 of this document (see `jixiao.summarize`, which also takes `score=`).
    ///
    /// >>> doc.summary().annual_funding
    /// Decimal('19555000.00')
    #[pyo3(signature = (*, profile = None, score = None))]
    fn summary(
        &self,
        py: Python<'_>,
        profile: Option<&str>,
        score: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<crate::analysis::PySummary> {
        crate::analysis::summary_document(py, self.doc.clone(), profile, score)
    }

    /// 自评评分: one `Scorecard` per declaration under `profile` (a built-in name — `auto`
    /// by default: `budget-20` for a form with a 20-point budget, else `mof-2020`; or
    /// `mof-2020`, `budget-20`, `mof-2021`, `shanghai-2025` — or a dict).
    /// `actuals` (a path, bytes, or a pandas `DataFrame` with 项目名称/三级指标/实际完成值
    /// columns) fills in the 实际完成值 of a plain declaration first. The figures are
    /// computed here (on every core); each scorecard's text — rules, explanations, flags —
    /// the first time it is asked for (`jixiao.write_scorecards` computes the text of
    /// many at once, on every core).
    ///
    /// >>> card = jixiao.read("tests/data/selfeval-putuo-sports-2022.txt").score()[0]
    /// >>> card.total, card.grade
    /// (Decimal('98.62'), '优')
    #[pyo3(signature = (*, profile = None, actuals = None))]
    fn score(
        &self,
        py: Python<'_>,
        profile: Option<&Bound<'_, PyAny>>,
        actuals: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<crate::analysis::PyScorecard>> {
        let profile = crate::analysis::profile_arg(profile)?;
        let doc = match actuals.filter(|a| !a.is_none()) {
            Some(a) => Arc::new(crate::analysis::with_actuals(py, &self.doc, a)?.0),
            None => self.doc.clone(),
        };
        crate::analysis::score_document(py, doc, profile)
    }

    /// 自评评分, fast: the same figures as `score()` — total, max, grade, completeness,
    /// open points, the budget score and rate, each indicator's score and status — as one
    /// dict per declaration, without the explanation text (several times faster; use it
    /// for thousands of projects, and `score()` to see why).
    ///
    /// >>> t = jixiao.read("tests/data/selfeval-putuo-sports-2022.txt").score_totals()[0]
    /// >>> t["total"], t["grade"], t["scores"][0]
    /// (Decimal('98.62'), '优', Decimal('10.00'))
    #[pyo3(signature = (*, profile = None, actuals = None))]
    fn score_totals(
        &self,
        py: Python<'_>,
        profile: Option<&Bound<'_, PyAny>>,
        actuals: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<pyo3::types::PyList>> {
        let profile = crate::analysis::profile_arg(profile)?;
        let doc = match actuals.filter(|a| !a.is_none()) {
            Some(a) => Arc::new(crate::analysis::with_actuals(py, &self.doc, a)?.0),
            None => self.doc.clone(),
        };
        crate::analysis::totals_document(py, doc, profile)
    }

    /// 自评评分 as a table, for notebooks and bulk work: the figures of `score_totals()`
    /// as columns, built in bulk (no Python object per declaration). `per="declaration"`
    /// (default): one row per 自评表 — project, total, max, complete, open, grade,
    /// budget_score, budget_rate. `per="indicator"`: one row per 三级指标 — declaration
    /// (its position in the document), project, level1, level2, name, max, score, status.
    ///
    /// `as_="pandas"` (default): a `pandas.DataFrame` (texts as `category` columns, figures
    /// as exact `Decimal` `object` columns, or `float64` with NaN for missing when
    /// `decimals=False`); `as_="arrow"`: a `pyarrow.Table` (figures `decimal128`, texts
    /// dictionary-encoded); `as_="polars"`: a `polars.DataFrame` (`Decimal`, `Categorical`);
    /// `as_="dict"` (or `frame=False`): a dict of lists (nothing to install). Column names
    /// are English (`columns="en"`) or Chinese (`columns="zh"`: 项目名称, 总分, …). The
    /// explanations are in `score()`.
    ///
    /// >>> t = jixiao.read("tests/data/selfeval-putuo-sports-2022.txt").score_table()
    /// >>> t["total"][0], t["grade"][0]
    /// (Decimal('98.62'), '优')
    #[pyo3(signature = (*, profile = None, actuals = None, per = "declaration", decimals = true, frame = true, as_ = None, columns = "en"))]
    #[allow(clippy::too_many_arguments)]
    fn score_table<'py>(
        &self,
        py: Python<'py>,
        profile: Option<&Bound<'_, PyAny>>,
        actuals: Option<&Bound<'_, PyAny>>,
        per: &str,
        decimals: bool,
        frame: bool,
        as_: Option<&str>,
        columns: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let per = crate::analysis::Per::parse(per)?;
        let target = match as_ {
            Some(t) => crate::arrow::Target::parse(t)?,
            None if frame => crate::arrow::Target::Pandas,
            None => crate::arrow::Target::Dict,
        };
        let names = crate::frames::names_arg(columns)?;
        let profile = crate::analysis::profile_arg(profile)?;
        let doc = match actuals.filter(|a| !a.is_none()) {
            Some(a) => Arc::new(crate::analysis::with_actuals(py, &self.doc, a)?.0),
            None => self.doc.clone(),
        };
        crate::analysis::score_table(py, doc, profile, per, decimals, target, names)
    }

    /// The document with an actuals file (path, bytes or DataFrame) joined in: each
    /// declaration's 实际完成值, deviation notes and budget figures filled. What the join
    /// noticed (indicators left without an actual, duplicates) is in `diagnostics`.
    fn with_actuals(&self, py: Python<'_>, actuals: &Bound<'_, PyAny>) -> PyResult<PyDocument> {
        let (doc, findings) = crate::analysis::with_actuals(py, &self.doc, actuals)?;
        Ok(PyDocument::new(
            Arc::new(doc),
            findings,
            self.format,
            self.encoding,
        ))
    }

    /// 自评复核: re-checks the published figures of each self-evaluation (one `Audit` per
    /// declaration).
    #[pyo3(signature = (*, profile = None))]
    fn audit(
        &self,
        py: Python<'_>,
        profile: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<crate::analysis::PyAudit>> {
        let profile = crate::analysis::profile_arg(profile)?;
        crate::analysis::audit_document(py, &self.doc, profile)
    }

    /// 运行监控: the monitoring of every 执行监控表 in the document at `month` (1–12;
    /// default: the month the table states) under the warning `policy` (a name:
    /// `monitor-bands`, the default, or `milestones-local-example`; policy JSON text; or a
    /// dict). Raises `MonitorError` when there is no monitoring table, no month, or an
    /// unknown policy.
    ///
    /// >>> jixiao.read("tests/data/monitor-example-constructed.txt").monitor(month=7).projects[0]["colour"]
    /// 'red'
    #[pyo3(signature = (*, month = None, policy = None))]
    fn monitor(
        &self,
        py: Python<'_>,
        month: Option<u32>,
        policy: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<crate::analysis::PyMonitorReport> {
        let policy = crate::analysis::monitor_policy_arg(policy)?;
        crate::analysis::monitor(py, &self.doc, month, policy)
    }

    /// One row per indicator in the list layout (清单式: the columns of core's list
    /// table — project, level1, level2, name, target, weight …). Column names are English
    /// snake_case (`columns="en"`, the package's convention) or the list layout's Chinese
    /// headers (`columns="zh"`: 项目名称 … 三级指标, 指标值, 分值 …). Money, weights and
    /// scores are `decimal.Decimal` (exact) unless `decimals=False`, which gives `float`
    /// columns for charts; dates are `datetime.date`; empty cells `None`.
    /// `jixiao.from_pandas` reads either frame back to an equal document (less the title
    /// and year).
    ///
    /// >>> df = doc.to_pandas()
    /// >>> df["funding_annual"].iloc[0]
    /// Decimal('2650000.00')
    /// >>> doc.to_pandas(columns="zh")["年度资金申请总额"].iloc[0]
    /// Decimal('2650000.00')
    #[pyo3(signature = (*, decimals = true, columns = "en"))]
    fn to_pandas<'py>(
        &self,
        py: Python<'py>,
        decimals: bool,
        columns: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let table = self.list_table(py, columns)?;
        crate::frames::to_pandas(py, table, decimals)
    }

    /// The rows of `to_pandas()` as a `pyarrow.Table` built in Rust (no Python object per
    /// cell; needs pyarrow: `pip install 'jixiao[arrow]'`): money, weights and scores
    /// `decimal128(38, s)` with the scale the data has, dates `date32`, texts (names,
    /// levels, codes) dictionary-encoded strings. `columns=` as in `to_pandas()`.
    ///
    /// >>> t = doc.to_arrow()
    /// >>> t.schema.field("funding_annual").type, t.column("funding_annual")[0].as_py()
    /// (Decimal128Type(decimal128(38, 2)), Decimal('2650000.00'))
    #[pyo3(signature = (*, columns = "en"))]
    fn to_arrow<'py>(&self, py: Python<'py>, columns: &str) -> PyResult<Bound<'py, PyAny>> {
        let table = self.list_table(py, columns)?;
        crate::frames::to_target(py, table, crate::arrow::Target::Arrow, true)
    }

    /// The rows of `to_pandas()` as a `polars.DataFrame`, made from `to_arrow()` (exact
    /// `Decimal` columns, `Categorical` texts, `Date` dates; needs polars and pyarrow).
    ///
    /// >>> df = doc.to_polars()
    /// >>> df.height, df["funding_annual"][0]
    /// (29, Decimal('2650000.00'))
    #[pyo3(signature = (*, columns = "en"))]
    fn to_polars<'py>(&self, py: Python<'py>, columns: &str) -> PyResult<Bound<'py, PyAny>> {
        let table = self.list_table(py, columns)?;
        crate::frames::to_target(py, table, crate::arrow::Target::Polars, true)
    }

    /// 审核/复核报告: the document as one self-contained HTML page (inline CSS and SVG, no
    /// script, no request; an A4 print stylesheet): each 申报表 in its official layout with
    /// every review finding on its row (`profile`: the review framework, `any` by default),
    /// each 自评表 as its scorecard beside the published figures with the audit findings
    /// inline and the points per level as a chart (`score`: the scoring profile, a name or
    /// a dict, `auto` by default). Write it to a file and open it in a browser.
    ///
    /// >>> page = jixiao.read("tests/data/selfeval-putuo-sports-2022.txt").report()
    /// >>> "98.62" in page, "等级 优" in page
    /// (True, True)
    #[pyo3(signature = (*, profile = None, score = None))]
    fn report(
        &self,
        py: Python<'_>,
        profile: Option<&str>,
        score: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        crate::html::document_page(py, &self.doc, &self.diagnostics, profile, score)
    }

    /// What notebooks show: the sections of `report()` (the first 20 declarations).
    fn _repr_html_(&self) -> String {
        crate::html::document(&self.doc, &self.diagnostics)
    }

    fn __len__(&self) -> usize {
        self.doc.declarations.len()
    }

    fn __getitem__(&self, index: isize) -> PyResult<PyDeclaration> {
        let len = self.doc.declarations.len() as isize;
        let i = if index < 0 { index + len } else { index };
        usize::try_from(i)
            .ok()
            .and_then(|i| DeclRef::new(self.doc.clone(), i))
            .map(|at| PyDeclaration { at })
            .ok_or_else(|| {
                pyo3::exceptions::PyIndexError::new_err("declaration index out of range")
            })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyResult<Bound<'_, PyAny>> {
        let py = slf.py();
        let list = PyList::new(py, slf.declarations())?;
        list.into_any().try_iter().map(Bound::into_any)
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.doc == other.doc
    }

    fn __repr__(&self) -> String {
        format!(
            "Document(title={}, year={}, declarations={}, indicators={})",
            repr_opt(self.doc.title.as_deref()),
            self.doc
                .year
                .map(|y| y.to_string())
                .unwrap_or_else(|| "None".to_owned()),
            self.doc.declarations.len(),
            self.doc.indicators().count()
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.import("jixiao._jixiao")?.getattr("_restore_document")?;
        let json = json_text(&self.doc, true);
        let diagnostics = serde_json::to_string(&*self.diagnostics).unwrap_or_default();
        let args = (json, diagnostics, self.format, self.encoding).into_pyobject(py)?;
        PyTuple::new(py, [f, args.into_any()])
    }
}

/// The pickling constructor of `Document`: the canonical JSON plus the diagnostics.
#[pyfunction]
#[pyo3(signature = (json, diagnostics, format=None, encoding=None))]
pub(crate) fn _restore_document(
    json: &str,
    diagnostics: &str,
    format: Option<&str>,
    encoding: Option<&str>,
) -> PyResult<PyDocument> {
    let doc = parse_json(json)?;
    let diagnostics: Vec<Finding> = serde_json::from_str(diagnostics).unwrap_or_default();
    Ok(PyDocument::new(
        Arc::new(doc),
        diagnostics,
        format.and_then(static_format),
        encoding.and_then(static_encoding),
    ))
}

fn static_format(s: &str) -> Option<&'static str> {
    s.parse::<jixiao::InputFormat>().ok().map(|f| f.as_str())
}

fn static_encoding(s: &str) -> Option<&'static str> {
    ["UTF-8", "UTF-16LE", "UTF-16BE", "GB18030"]
        .into_iter()
        .find(|e| *e == s)
}

// ---------------------------------------------------------------------------------------

/// A finding: a reader's diagnostic, or a review check's result. `code` is stable;
/// `severity` is `error`, `warning` or `info`; `message` is Chinese, `message_en` English.
///
/// >>> f = doc.review()[0]
/// >>> f.code, f.severity, f.line
/// ('T007', 'warning', 20)
#[pyclass(frozen, module = "jixiao", name = "Finding")]
pub(crate) struct PyFinding {
    pub inner: Arc<Finding>,
}

#[pymethods]
impl PyFinding {
    /// The stable code (never reused for another meaning).
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }
    /// `error`, `warning` or `info`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
    }
    /// The project (项目名称) it is about, if any.
    #[getter]
    fn project(&self) -> Option<&str> {
        self.inner.project.as_deref()
    }
    /// The indicator path `一级/二级/三级` it is about, if any.
    #[getter]
    fn indicator(&self) -> Option<&str> {
        self.inner.indicator.as_deref()
    }
    /// The source file, when known.
    #[getter]
    fn file(&self) -> Option<&str> {
        self.inner.file.as_deref()
    }
    /// The 1-based source line, when known.
    #[getter]
    fn line(&self) -> Option<u32> {
        self.inner.line
    }
    /// The message in Chinese.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }
    /// The message in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.inner.message_en
    }
    /// The finding as JSON.
    fn to_json(&self) -> String {
        serde_json::to_string(&*self.inner).unwrap_or_default()
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "Finding(code={}, severity={}, project={}, indicator={}, line={}, message={})",
            py_repr_str(&self.inner.code),
            py_repr_str(self.inner.severity.as_str()),
            repr_opt(self.inner.project.as_deref()),
            repr_opt(self.inner.indicator.as_deref()),
            self.inner
                .line
                .map(|l| l.to_string())
                .unwrap_or_else(|| "None".to_owned()),
            py_repr_str(&self.inner.message),
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let f = py.import("jixiao._jixiao")?.getattr("_finding_from_json")?;
        PyTuple::new(py, [f, PyTuple::new(py, [slf.get().to_json()])?.into_any()])
    }
}

/// The pickling constructor of `Finding`.
#[pyfunction]
pub(crate) fn _finding_from_json(json: &str) -> PyResult<PyFinding> {
    let inner: Finding = serde_json::from_str(json).map_err(|e| {
        crate::errors::error(
            crate::errors::Kind::Parse,
            "bad_json",
            format!("invalid finding JSON: {e}"),
            crate::errors::At::default(),
        )
    })?;
    Ok(PyFinding {
        inner: Arc::new(inner),
    })
}

// ---------------------------------------------------------------------------------------

/// Reads one loaded input (no GIL needed).
fn read_loaded(
    source: Source,
    options: &ReadOptions,
) -> Result<Result<Reading, jixiao::ReadError>, ReadFailure> {
    let name = options.file_name.clone();
    let bytes = source
        .load()
        .map_err(|e| ReadFailure::Io(e, name.clone()))?;
    guard(|| jixiao::read(&bytes, options)).map_err(ReadFailure::Internal)
}

/// Why reading failed before core could answer.
enum ReadFailure {
    Io(std::io::Error, Option<String>),
    Internal(crate::errors::Internal),
}

impl From<ReadFailure> for PyErr {
    fn from(f: ReadFailure) -> PyErr {
        match f {
            ReadFailure::Io(e, name) => io_error(&e, name.as_deref()),
            ReadFailure::Internal(i) => i.into(),
        }
    }
}

/// The outcome of one read, turned into a `Document` or the exception.
fn finish(
    outcome: Result<Result<Reading, jixiao::ReadError>, ReadFailure>,
) -> PyResult<PyDocument> {
    match outcome? {
        Ok(reading) => Ok(PyDocument::from_reading(reading)),
        Err(e) => Err(read_error(&e)),
    }
}

/// Reads a document. `source` is a **path** (`str` or `os.PathLike`) or **content**
/// (`bytes`, `bytearray`, `memoryview`); text already in a `str` goes to `read_text`.
/// The format (form, list CSV/TSV, xlsx/xls, docx, pdf, canonical JSON) and the encoding (UTF-8,
/// UTF-16 with BOM, GB18030) are detected unless given. `name` is used in messages
/// (default: the path).
///
/// Raises `ParseError` (with `.code`, `.line`) when the input cannot be read at all,
/// `OSError` when the file cannot be opened, `TypeError` for a wrong argument type.
///
/// >>> doc = jixiao.read("tests/data/shanghai-eeb-enforcement-2024.txt")
/// >>> doc = jixiao.read(b'{"schema": "jixiao/1", "declarations": []}')
#[pyfunction]
#[pyo3(signature = (source, *, format=None, encoding=None, name=None))]
pub(crate) fn read(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    format: Option<&str>,
    encoding: Option<&str>,
    name: Option<String>,
) -> PyResult<PyDocument> {
    let source = Source::extract(source, "read()")?;
    let name = name.or_else(|| source.default_name());
    let options = read_options(format, encoding, name)?;
    finish(py.detach(move || read_loaded(source, &options)))
}

/// Reads a document from text already decoded into a `str` (form, list or JSON).
///
/// >>> jixiao.read_text('{"schema": "jixiao/1", "declarations": []}')
/// Document(title=None, year=None, declarations=0, indicators=0)
#[pyfunction]
#[pyo3(signature = (text, *, format=None, name=None))]
pub(crate) fn read_text(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    format: Option<&str>,
    name: Option<String>,
) -> PyResult<PyDocument> {
    let text: String = text.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(format!(
            "read_text() expects str, got {}",
            crate::input::type_name(text)
        ))
    })?;
    let options = read_options(format, Some("utf-8"), name)?;
    finish(py.detach(move || read_loaded(Source::Bytes(text.into_bytes()), &options)))
}

/// Reads many inputs (paths or bytes, as `read` takes them) in parallel on `workers`
/// threads (default: the cores; `threads` is the older name), without the GIL; returns the
/// documents in the order of the inputs, each equal to what `read` gives. The first input
/// that cannot be read raises its exception unless `errors="return"`, which puts the
/// exception in its place instead. Every error names its input: a path in the message and
/// in `.file` (`OSError.filename` for a file that cannot be opened), content by its
/// position (`source 3 (bytes): …`).
///
/// >>> docs = jixiao.read_many(["tests/data/shanghai-eeb-enforcement-2024.txt", b""], errors="return")
/// >>> docs[0], type(docs[1]).__name__
/// (Document(title='上海市生态环境局执法总队2024年度项目绩效目标汇总表', year=2024, declarations=5, indicators=29), 'ParseError')
#[pyfunction]
#[pyo3(signature = (sources, *, format=None, encoding=None, errors="raise", workers=None, threads=None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn read_many(
    py: Python<'_>,
    sources: &Bound<'_, PyAny>,
    format: Option<&str>,
    encoding: Option<&str>,
    errors: &str,
    workers: Option<usize>,
    threads: Option<usize>,
) -> PyResult<Vec<Py<PyAny>>> {
    let return_errors = match errors {
        "raise" => false,
        "return" => true,
        other => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "errors must be \"raise\" or \"return\", got {other:?}"
            )))
        }
    };
    let threads = crate::analysis::workers_arg(workers, threads)?;
    if sources.is_instance_of::<pyo3::types::PyString>() || sources.is_instance_of::<PyBytes>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "read_many() expects an iterable of sources (paths or bytes), not a single one; use read()",
        ));
    }
    let mut jobs = Vec::new();
    let mut names = Vec::new();
    for item in sources.try_iter()? {
        let item = item?;
        let source = Source::extract(&item, "read_many()")?;
        let options = read_options(format, encoding, source.default_name())?;
        names.push(options.file_name.clone());
        jobs.push((source, options));
    }
    let outcomes = py.detach(move || {
        jixiao::batch::map_in_order(jobs, Some(threads), |(s, o)| read_loaded(s, &o))
    });
    let mut out = Vec::with_capacity(outcomes.len());
    for (i, (outcome, name)) in outcomes.into_iter().zip(&names).enumerate() {
        let result = outcome
            .map_err(|panic| PyErr::from(crate::errors::Internal::from(panic)))
            .and_then(finish)
            .map_err(|e| name_source(py, e, i, name.as_deref()));
        match result {
            Ok(doc) => out.push(Py::new(py, doc)?.into_any()),
            Err(e) if return_errors => out.push(e.into_value(py).into_any()),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// The error of the `i`-th input of `read_many`, naming it: a file's errors mostly name it
/// already (core's messages start with the path, `OSError` carries `filename`), else the
/// path goes in front of the message; content (bytes) gets its position
/// (`source 3 (bytes): …`). The rest of the exception (class, `.code`, `.line`) is kept.
fn name_source(py: Python<'_>, e: PyErr, i: usize, name: Option<&str>) -> PyErr {
    let value = e.value(py);
    let message = value
        .str()
        .map(|s| s.to_string())
        .unwrap_or_else(|_| String::new());
    let message = match name {
        Some(name) if message.contains(name) => return e,
        Some(name) => format!("{name}: {message}"),
        None => format!("source {i} (bytes): {message}"),
    };
    // `args` is what `str(e)` shows; setting it on a fresh exception cannot fail in
    // practice, and if it did the exception would keep its message.
    if let Ok(args) = PyTuple::new(py, [message]) {
        let _ = value.setattr("args", args);
    }
    e
}

/// Reads a list-layout table from a pandas `DataFrame` (one row per indicator; columns
/// found by header text as in CSV: 项目名称, 一级指标, 二级指标, 三级指标, 指标值, 分值, …,
/// or by the English names `to_pandas()` gives: project, level1, level2, name, target, …).
/// Cells may be str, Decimal, int, float, dates or missing. The title and year are not
/// part of a table: pass them as `title=` and `year=`.
///
/// >>> doc2 = jixiao.from_pandas(doc.to_pandas(), title=doc.title, year=doc.year)
/// >>> doc2 == doc
/// True
#[pyfunction]
#[pyo3(signature = (df, *, name = None, title = None, year = None))]
pub(crate) fn from_pandas(
    py: Python<'_>,
    df: &Bound<'_, PyAny>,
    name: Option<String>,
    title: Option<String>,
    year: Option<i32>,
) -> PyResult<PyDocument> {
    if !(df.hasattr("columns")? && df.hasattr("itertuples")?) {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "from_pandas() expects a pandas DataFrame, got {}",
            crate::input::type_name(df)
        )));
    }
    let pd = crate::frames::pandas(py)?;
    let isna = pd.getattr("isna")?;
    let mut headers = Vec::new();
    for c in df.getattr("columns")?.try_iter()? {
        // An English name (`to_pandas()`'s) stands for its list header.
        let name = c?.str()?.to_string();
        headers.push(jixiao::write::names::list_header(&name).unwrap_or(name));
    }
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("index", false)?;
    kwargs.set_item("name", py.None())?;
    let mut rows = Vec::new();
    for row in df
        .call_method("itertuples", (), Some(&kwargs))?
        .try_iter()?
    {
        let row = row?;
        let mut cells = Vec::with_capacity(headers.len());
        for cell in row.try_iter()? {
            cells.push(crate::frames::cell_text(&cell?, &isna)?);
        }
        rows.push(cells);
    }
    let options = ReadOptions {
        file_name: name.or_else(|| Some("<DataFrame>".to_owned())),
        ..ReadOptions::default()
    };
    let outcome =
        py.detach(move || guard(|| jixiao::read::list::read_table(&headers, &rows, &options)))?;
    let (mut doc, diagnostics) = outcome.map_err(|e| read_error(&e))?;
    // The title and year are not part of the table; the caller may give them.
    if title.is_some() {
        doc.title = title;
    }
    if year.is_some() {
        doc.year = year;
    }
    Ok(PyDocument::new(
        Arc::new(doc),
        diagnostics,
        Some("csv"),
        None,
    ))
}
