//! The model classes: `Declaration`, `Project`, `Funding`, `Goals`, `Indicator`,
//! `Target`, `Evaluation`, `BudgetRow`. They are read-only views into one shared,
//! immutable core [`Document`](jixiao::Document) (no copying on access); money and values
//! come out as `decimal.Decimal`, dates as `datetime.date`. Equality compares the model
//! values; pickling goes through the canonical JSON.

use std::sync::Arc;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rust_decimal::Decimal;
use serde::Serialize;

use jixiao::model::{BudgetRow, Evaluation, Goals, IndicatorEvaluation};
use jixiao::{Declaration, Document, Funding, Indicator, Project, Target};

/// The snake_case name serde gives a unit enum variant (`quantitative`, `percent`, …).
pub(crate) fn enum_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Python's `repr` of a string (quotes and escapes), for `__repr__`.
pub(crate) fn py_repr_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// `repr` of an optional string.
pub(crate) fn repr_opt(s: Option<&str>) -> String {
    s.map(py_repr_str).unwrap_or_else(|| "None".to_owned())
}

/// `repr` of an optional decimal, as Python prints `decimal.Decimal`.
pub(crate) fn repr_dec(d: Option<Decimal>) -> String {
    d.map(|d| format!("Decimal('{d}')"))
        .unwrap_or_else(|| "None".to_owned())
}

/// A declaration inside a shared document.
#[derive(Clone)]
pub(crate) struct DeclRef {
    pub doc: Arc<Document>,
    pub index: usize,
}

impl DeclRef {
    /// The declaration. The index is checked when the reference is made, and the
    /// document is immutable, so it is always in range.
    pub(crate) fn get(&self) -> &Declaration {
        &self.doc.declarations[self.index]
    }

    /// A reference to declaration `index` of `doc`, if there is one.
    pub(crate) fn new(doc: Arc<Document>, index: usize) -> Option<Self> {
        (index < doc.declarations.len()).then_some(DeclRef { doc, index })
    }

    /// A standalone document holding only this declaration (title and year kept), for
    /// pickling and standalone conversions.
    pub(crate) fn alone(&self) -> Document {
        Document {
            schema: self.doc.schema.clone(),
            title: self.doc.title.clone(),
            year: self.doc.year,
            declarations: vec![self.get().clone()],
        }
    }
}

/// The pickling constructor: `_restore(kind, json)` rebuilds an object from the JSON its
/// `__reduce__` wrote.
#[pyfunction]
pub(crate) fn _restore(py: Python<'_>, kind: &str, json: &str) -> PyResult<Py<PyAny>> {
    let doc = crate::document::parse_json(json)?;
    let doc = Arc::new(doc);
    let first = DeclRef::new(doc.clone(), 0);
    let missing = || {
        crate::errors::error(
            crate::errors::Kind::Base,
            "bad_pickle",
            format!("cannot restore a {kind}: the pickled document is empty"),
            crate::errors::At::default(),
        )
    };
    Ok(match kind {
        "Document" => Py::new(
            py,
            crate::document::PyDocument::new(doc, Vec::new(), None, None),
        )?
        .into_any(),
        "Declaration" => Py::new(
            py,
            PyDeclaration {
                at: first.ok_or_else(missing)?,
            },
        )?
        .into_any(),
        "Project" => Py::new(
            py,
            PyProject {
                at: first.ok_or_else(missing)?,
            },
        )?
        .into_any(),
        "Funding" => Py::new(
            py,
            PyFunding {
                at: first.ok_or_else(missing)?,
            },
        )?
        .into_any(),
        "Goals" => Py::new(
            py,
            PyGoals {
                at: first.ok_or_else(missing)?,
            },
        )?
        .into_any(),
        "Evaluation" => Py::new(
            py,
            PyEvaluation {
                at: first.ok_or_else(missing)?,
            },
        )?
        .into_any(),
        "Indicator" => {
            let at = first.ok_or_else(missing)?;
            if at.get().indicators.is_empty() {
                return Err(missing());
            }
            Py::new(py, PyIndicator { at, index: 0 })?.into_any()
        }
        other => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "cannot restore an object of kind `{other}`"
            )))
        }
    })
}

/// `(jixiao._jixiao._restore, (kind, json))` for `__reduce__`.
fn reduce<'py>(py: Python<'py>, kind: &str, doc: &Document) -> PyResult<Bound<'py, PyTuple>> {
    let restore = py.import("jixiao._jixiao")?.getattr("_restore")?;
    let json = jixiao::write::json::to_json_compact(doc);
    PyTuple::new(
        py,
        [
            restore,
            PyTuple::new(py, [kind.to_owned(), json])?.into_any(),
        ],
    )
}

// ---------------------------------------------------------------------------------------

/// 绩效目标申报表: one project's declaration (and its self-evaluation, when it is one).
///
/// >>> doc = jixiao.read("tests/data/shanghai-eeb-enforcement-2024.txt")
/// >>> d = doc.declarations[0]
/// >>> d.project.name, d.funding.annual, len(d.indicators)
/// ('环保热线运行', Decimal('2650000.00'), 9)
#[pyclass(frozen, module = "jixiao", name = "Declaration")]
pub(crate) struct PyDeclaration {
    pub at: DeclRef,
}

#[pymethods]
impl PyDeclaration {
    /// The project header (项目名称, 项目性质, …).
    #[getter]
    fn project(&self) -> PyProject {
        PyProject {
            at: self.at.clone(),
        }
    }

    /// 项目资金: the funding block.
    #[getter]
    fn funding(&self) -> PyFunding {
        PyFunding {
            at: self.at.clone(),
        }
    }

    /// 项目绩效目标: the goal texts.
    #[getter]
    fn goals(&self) -> PyGoals {
        PyGoals {
            at: self.at.clone(),
        }
    }

    /// 绩效指标: the 三级 indicators, in order.
    #[getter]
    fn indicators(&self) -> Vec<PyIndicator> {
        (0..self.at.get().indicators.len())
            .map(|index| PyIndicator {
                at: self.at.clone(),
                index,
            })
            .collect()
    }

    /// Points written in the form's level headers (`产出指标(70分)`), 一级 name → Decimal.
    #[getter]
    fn level_points(&self) -> std::collections::BTreeMap<String, Decimal> {
        self.at.get().level_points.clone()
    }

    /// 绩效自评: the published self-evaluation figures, or `None` for a plain declaration.
    #[getter]
    fn evaluation(&self) -> Option<PyEvaluation> {
        self.at.get().evaluation.as_ref().map(|_| PyEvaluation {
            at: self.at.clone(),
        })
    }

    /// The 1-based source line the declaration starts at (0 when unknown).
    #[getter]
    fn line(&self) -> u32 {
        self.at.get().source.line
    }

    /// The canonical JSON of this declaration alone (a `jixiao/1` document holding it).
    #[pyo3(signature = (*, compact = false))]
    fn to_json(&self, compact: bool) -> String {
        crate::document::json_text(&self.at.alone(), compact)
    }

    /// The HTML table notebooks show (一级/二级/三级, 指标值, 实际完成值, 分值, 得分).
    fn _repr_html_(&self) -> String {
        format!(
            "{}{}",
            crate::html::STYLE,
            crate::html::declaration(self.at.get())
        )
    }

    fn __len__(&self) -> usize {
        self.at.get().indicators.len()
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyResult<Bound<'_, PyAny>> {
        let py = slf.py();
        let list = pyo3::types::PyList::new(py, slf.indicators())?;
        list.into_any().try_iter().map(Bound::into_any)
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.at.get() == other.at.get()
    }

    fn __repr__(&self) -> String {
        let d = self.at.get();
        format!(
            "Declaration(project={}, indicators={}, annual={}{})",
            py_repr_str(&d.project.name),
            d.indicators.len(),
            repr_dec(d.funding.annual),
            if d.evaluation.is_some() {
                ", evaluation=True"
            } else {
                ""
            }
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "Declaration", &self.at.alone())
    }
}

// ---------------------------------------------------------------------------------------

/// The header of a declaration: 项目名称, 项目编码, 项目性质, 项目类别, 主管部门, 实施单位 and
/// the planned dates (`datetime.date`).
///
/// >>> p = doc.declarations[0].project
/// >>> p.name, p.start_date
/// ('环保热线运行', datetime.date(2024, 1, 1))
#[pyclass(frozen, module = "jixiao", name = "Project")]
pub(crate) struct PyProject {
    pub at: DeclRef,
}

impl PyProject {
    fn get(&self) -> &Project {
        &self.at.get().project
    }
}

#[pymethods]
impl PyProject {
    /// 项目名称.
    #[getter]
    fn name(&self) -> &str {
        &self.get().name
    }
    /// 项目编码, when given.
    #[getter]
    fn code(&self) -> Option<&str> {
        self.get().code.as_deref()
    }
    /// 项目性质, as written.
    #[getter]
    fn nature(&self) -> Option<&str> {
        self.get().nature.as_deref()
    }
    /// 项目类别, as written.
    #[getter]
    fn category(&self) -> Option<&str> {
        self.get().category.as_deref()
    }
    /// 主管部门.
    #[getter]
    fn department(&self) -> Option<&str> {
        self.get().department.as_deref()
    }
    /// 实施单位.
    #[getter]
    fn implementer(&self) -> Option<&str> {
        self.get().implementer.as_deref()
    }
    /// 计划开始日期.
    #[getter]
    fn start_date(&self) -> Option<NaiveDate> {
        self.get().start_date
    }
    /// 计划完成日期.
    #[getter]
    fn end_date(&self) -> Option<NaiveDate> {
        self.get().end_date
    }
    /// Header fields the reader did not recognize, label → value.
    #[getter]
    fn extra(&self) -> std::collections::BTreeMap<String, String> {
        self.get().extra.clone()
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.get() == other.get()
    }

    fn __repr__(&self) -> String {
        let p = self.get();
        format!(
            "Project(name={}, implementer={}, start_date={}, end_date={})",
            py_repr_str(&p.name),
            repr_opt(p.implementer.as_deref()),
            repr_date(p.start_date),
            repr_date(p.end_date),
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "Project", &stripped(&self.at))
    }
}

/// `repr` of an optional date, as Python prints `datetime.date`.
fn repr_date(d: Option<NaiveDate>) -> String {
    use chrono::Datelike;
    d.map(|d| format!("datetime.date({}, {}, {})", d.year(), d.month(), d.day()))
        .unwrap_or_else(|| "None".to_owned())
}

/// The declaration without indicators and evaluation: what pickling a header part needs.
fn stripped(at: &DeclRef) -> Document {
    let mut doc = at.alone();
    for d in &mut doc.declarations {
        d.indicators.clear();
        d.evaluation = None;
    }
    doc
}

// ---------------------------------------------------------------------------------------

/// 项目资金: the funding block, in `unit` (元 or 万元). An empty cell is `None`, never 0.
///
/// >>> f = doc.declarations[0].funding
/// >>> f.annual, f.total
/// (Decimal('2650000.00'), None)
#[pyclass(frozen, module = "jixiao", name = "Funding")]
pub(crate) struct PyFunding {
    pub at: DeclRef,
}

impl PyFunding {
    fn get(&self) -> &Funding {
        &self.at.get().funding
    }
}

#[pymethods]
impl PyFunding {
    /// 金额单位: `元` or `万元`.
    #[getter]
    fn unit(&self) -> &'static str {
        self.get().unit.as_str()
    }
    /// 项目资金总额.
    #[getter]
    fn total(&self) -> Option<Decimal> {
        self.get().total
    }
    /// 其中：财政资金 (project period).
    #[getter]
    fn total_fiscal(&self) -> Option<Decimal> {
        self.get().total_fiscal
    }
    /// 其他资金 (project period).
    #[getter]
    fn total_other(&self) -> Option<Decimal> {
        self.get().total_other
    }
    /// 年度资金申请总额.
    #[getter]
    fn annual(&self) -> Option<Decimal> {
        self.get().annual
    }
    /// 其中：当年财政拨款.
    #[getter]
    fn annual_fiscal(&self) -> Option<Decimal> {
        self.get().annual_fiscal
    }
    /// 上年结转资金.
    #[getter]
    fn annual_carryover(&self) -> Option<Decimal> {
        self.get().annual_carryover
    }
    /// 其他资金 (the year).
    #[getter]
    fn annual_other(&self) -> Option<Decimal> {
        self.get().annual_other
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.get() == other.get()
    }

    fn __repr__(&self) -> String {
        let f = self.get();
        format!(
            "Funding(unit={}, total={}, annual={}, annual_fiscal={}, annual_carryover={}, annual_other={})",
            py_repr_str(f.unit.as_str()),
            repr_dec(f.total),
            repr_dec(f.annual),
            repr_dec(f.annual_fiscal),
            repr_dec(f.annual_carryover),
            repr_dec(f.annual_other),
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "Funding", &stripped(&self.at))
    }
}

// ---------------------------------------------------------------------------------------

/// 项目绩效目标: the goal texts (HTML stripped).
///
/// >>> doc.declarations[1].goals.annual.startswith("全面落实")
/// True
#[pyclass(frozen, module = "jixiao", name = "Goals")]
pub(crate) struct PyGoals {
    pub at: DeclRef,
}

impl PyGoals {
    fn get(&self) -> &Goals {
        &self.at.get().goals
    }
}

#[pymethods]
impl PyGoals {
    /// 项目总目标.
    #[getter]
    fn overall(&self) -> Option<&str> {
        self.get().overall.as_deref()
    }
    /// 年度总体目标.
    #[getter]
    fn annual(&self) -> Option<&str> {
        self.get().annual.as_deref()
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.get() == other.get()
    }

    fn __repr__(&self) -> String {
        let g = self.get();
        format!(
            "Goals(overall={}, annual={})",
            repr_opt(g.overall.as_deref().map(|s| shorten(s, 40)).as_deref()),
            repr_opt(g.annual.as_deref().map(|s| shorten(s, 40)).as_deref()),
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "Goals", &stripped(&self.at))
    }
}

/// The first `n` characters of `s`, with `…` when cut.
pub(crate) fn shorten(s: &str, n: usize) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(n).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

// ---------------------------------------------------------------------------------------

/// 三级指标: one indicator with its 一级/二级 (normalized names), its target (指标值) and
/// weight (分值); for a self-evaluation also the published 实际完成值 and 得分.
///
/// >>> i = doc.declarations[0].indicators[0]
/// >>> i.level1, i.level2, i.name, i.target.value
/// ('产出指标', '数量指标', '服务费保障聘用人员数量', Decimal('17.00'))
#[pyclass(frozen, module = "jixiao", name = "Indicator")]
pub(crate) struct PyIndicator {
    pub at: DeclRef,
    pub index: usize,
}

impl PyIndicator {
    fn get(&self) -> &Indicator {
        // The index is in range by construction (see `PyDeclaration::indicators`).
        &self.at.get().indicators[self.index]
    }

    fn evaluation(&self) -> Option<&IndicatorEvaluation> {
        self.at
            .get()
            .evaluation
            .as_ref()
            .and_then(|e| e.indicators.get(self.index))
    }

    /// A standalone document with only this indicator (and its evaluation entry).
    fn alone(&self) -> Document {
        let mut doc = stripped(&self.at);
        let source = self.at.get();
        if let Some(d) = doc.declarations.first_mut() {
            d.indicators = vec![self.get().clone()];
            d.evaluation = source.evaluation.as_ref().map(|e| {
                let mut e = e.clone();
                e.indicators = self.evaluation().cloned().into_iter().collect();
                e
            });
        }
        doc
    }
}

#[pymethods]
impl PyIndicator {
    /// 一级指标, normalized (`产出指标`, `效益指标`, `满意度指标`, …), else as written.
    #[getter]
    fn level1(&self) -> &str {
        self.get().level1_label()
    }
    /// 二级指标, normalized (`数量指标`, `质量指标`, …), else as written.
    #[getter]
    fn level2(&self) -> &str {
        self.get().level2_label()
    }
    /// Whether 一级 and 二级 are categories the taxonomy knows.
    #[getter]
    fn known_levels(&self) -> bool {
        let i = self.get();
        i.level1.is_some() && i.level2.is_some()
    }
    /// 三级指标: the indicator's name.
    #[getter]
    fn name(&self) -> &str {
        &self.get().name
    }
    /// 年度指标值: the target.
    #[getter]
    fn target(&self) -> PyTarget {
        PyTarget {
            inner: Arc::new(self.get().target.clone()),
        }
    }
    /// 分值/权重, when given.
    #[getter]
    fn weight(&self) -> Option<Decimal> {
        self.get().weight
    }
    /// 正向/反向 as declared in its own column: `increase`, `decrease`, `qualitative`.
    #[getter]
    fn direction(&self) -> Option<String> {
        self.get().direction.as_ref().map(enum_name)
    }
    /// 实际完成值 as published (self-evaluations only).
    #[getter]
    fn actual(&self) -> Option<&str> {
        self.evaluation().and_then(|e| e.actual.as_deref())
    }
    /// 得分 as published (self-evaluations only).
    #[getter]
    fn score(&self) -> Option<Decimal> {
        self.evaluation().and_then(|e| e.score)
    }
    /// 偏差原因分析及改进措施 (self-evaluations only).
    #[getter]
    fn deviation(&self) -> Option<&str> {
        self.evaluation().and_then(|e| e.deviation.as_deref())
    }
    /// Columns or cells the reader did not recognize, header → value.
    #[getter]
    fn extra(&self) -> std::collections::BTreeMap<String, String> {
        self.get().extra.clone()
    }
    /// The 1-based source line of the row (0 when unknown).
    #[getter]
    fn line(&self) -> u32 {
        self.get().source.line
    }
    /// The `一级/二级/三级` path, as findings name indicators.
    #[getter]
    fn path(&self) -> String {
        let i = self.get();
        format!("{}/{}/{}", i.level1_label(), i.level2_label(), i.name)
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.get() == other.get() && self.evaluation() == other.evaluation()
    }

    fn __repr__(&self) -> String {
        let i = self.get();
        let mut out = format!(
            "Indicator(level1={}, level2={}, name={}, target={}",
            py_repr_str(i.level1_label()),
            py_repr_str(i.level2_label()),
            py_repr_str(&i.name),
            py_repr_str(&i.target.text),
        );
        if let Some(w) = i.weight {
            out.push_str(&format!(", weight={}", repr_dec(Some(w))));
        }
        if let Some(e) = self.evaluation() {
            out.push_str(&format!(
                ", actual={}, score={}",
                repr_opt(e.actual.as_deref()),
                repr_dec(e.score)
            ));
        }
        out.push(')');
        out
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "Indicator", &self.alone())
    }
}

// ---------------------------------------------------------------------------------------

/// 指标值: a target value, parsed. `kind` is `quantitative` (定量: `comparator`, `value`,
/// `unit`), `qualitative` (定性: `qualitative_class`) or `invalid` (`problem` says why);
/// `text` is always the text as written.
///
/// >>> t = jixiao.Target("≥17.00(人)")
/// >>> t.kind, t.comparator, t.value, t.unit
/// ('quantitative', '>=', Decimal('17.00'), '人')
#[pyclass(frozen, module = "jixiao", name = "Target")]
pub(crate) struct PyTarget {
    pub inner: Arc<Target>,
}

#[pymethods]
impl PyTarget {
    /// Parses a 指标值 (never fails: what does not parse is `kind == "invalid"`).
    #[new]
    fn py_new(text: &str) -> PyResult<Self> {
        let target = crate::errors::guard(|| Target::parse(text))?;
        Ok(PyTarget {
            inner: Arc::new(target),
        })
    }

    /// The text as written, verbatim.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }
    /// `quantitative`, `qualitative` or `invalid`.
    #[getter]
    fn kind(&self) -> String {
        enum_name(&self.inner.kind)
    }
    /// The comparator (`>=`, `>`, `=`, `<`, `<=`) of a quantitative target.
    #[getter]
    fn comparator(&self) -> Option<&'static str> {
        self.inner.comparator.map(|c| c.as_str())
    }
    /// The number as written (scale kept: `17.00`), of a quantitative target.
    #[getter]
    fn value(&self) -> Option<Decimal> {
        self.inner.value
    }
    /// The unit as written without parentheses (`人`, `%`, `万元`), if any.
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.inner.unit.as_deref()
    }
    /// The class of the unit (`percent`, `count`, `money`, …), when known.
    #[getter]
    fn unit_class(&self) -> Option<String> {
        self.inner.unit_class.as_ref().map(enum_name)
    }
    /// The class of a qualitative target (improve, reduce, comply, …).
    #[getter]
    fn qualitative_class(&self) -> Option<String> {
        self.inner.class.as_ref().map(enum_name)
    }
    /// Why an invalid target is invalid: `empty`, `placeholder` or `unparseable`.
    #[getter]
    fn problem(&self) -> Option<String> {
        self.inner.problem.as_ref().map(enum_name)
    }
    /// Whether this is a quantitative target.
    #[getter]
    fn is_quantitative(&self) -> bool {
        self.inner.is_quantitative()
    }
    /// The canonical text (`≥17.00人`, `=100.00%`, or the qualitative text).
    fn render(&self) -> String {
        self.inner.render()
    }
    /// The JSON object of this target, as in the canonical JSON.
    fn to_json(&self) -> String {
        serde_json::to_string(&*self.inner).unwrap_or_default()
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.to_json().hash(&mut h);
        h.finish()
    }

    fn __str__(&self) -> String {
        self.inner.text.clone()
    }

    fn __repr__(&self) -> String {
        let t = &*self.inner;
        let mut out = format!(
            "Target({}, kind={}",
            py_repr_str(&t.text),
            py_repr_str(&enum_name(&t.kind))
        );
        if t.is_quantitative() {
            out.push_str(&format!(
                ", comparator={}, value={}, unit={}",
                repr_opt(t.comparator.map(|c| c.as_str())),
                repr_dec(t.value),
                repr_opt(t.unit.as_deref())
            ));
        } else if let Some(c) = &t.class {
            out.push_str(&format!(
                ", qualitative_class={}",
                py_repr_str(&enum_name(c))
            ));
        } else if let Some(p) = &t.problem {
            out.push_str(&format!(", problem={}", py_repr_str(&enum_name(p))));
        }
        out.push(')');
        out
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_json = py.import("jixiao._jixiao")?.getattr("_target_from_json")?;
        let json = slf.get().to_json();
        PyTuple::new(py, [from_json, PyTuple::new(py, [json])?.into_any()])
    }
}

/// Rebuilds a target from its JSON object (the pickling constructor of `Target`).
#[pyfunction]
pub(crate) fn _target_from_json(json: &str) -> PyResult<PyTarget> {
    let target: Target = serde_json::from_str(json).map_err(|e| {
        crate::errors::error(
            crate::errors::Kind::Parse,
            "bad_json",
            format!("invalid target JSON: {e}"),
            crate::errors::At::default(),
        )
    })?;
    Ok(PyTarget {
        inner: Arc::new(target),
    })
}

// ---------------------------------------------------------------------------------------

/// 绩效自评: the published figures of a self-evaluation, exactly as published (recomputed
/// figures live in a scorecard).
///
/// >>> e = jixiao.read("tests/data/selfeval-putuo-sports-2022.txt")[0].evaluation
/// >>> e.total, e.budget.executed
/// (Decimal('98.62'), Decimal('215457.6'))
#[pyclass(frozen, module = "jixiao", name = "Evaluation")]
pub(crate) struct PyEvaluation {
    pub at: DeclRef,
}

impl PyEvaluation {
    fn get(&self) -> Option<&Evaluation> {
        self.at.get().evaluation.as_ref()
    }
}

#[pymethods]
impl PyEvaluation {
    /// 金额单位 of the budget rows.
    #[getter]
    fn unit(&self) -> &'static str {
        self.get().map(|e| e.unit.as_str()).unwrap_or("元")
    }
    /// The 年度资金总额 row.
    #[getter]
    fn budget(&self) -> PyBudgetRow {
        PyBudgetRow {
            inner: self.get().map(|e| e.budget.clone()).unwrap_or_default(),
        }
    }
    /// The 其中：当年财政拨款 row, when given.
    #[getter]
    fn budget_fiscal(&self) -> Option<PyBudgetRow> {
        self.get()
            .and_then(|e| e.budget_fiscal.clone())
            .map(|inner| PyBudgetRow { inner })
    }
    /// The 上年结转资金 row, when given.
    #[getter]
    fn budget_carryover(&self) -> Option<PyBudgetRow> {
        self.get()
            .and_then(|e| e.budget_carryover.clone())
            .map(|inner| PyBudgetRow { inner })
    }
    /// The 其他资金 row, when given.
    #[getter]
    fn budget_other(&self) -> Option<PyBudgetRow> {
        self.get()
            .and_then(|e| e.budget_other.clone())
            .map(|inner| PyBudgetRow { inner })
    }
    /// 实际完成情况 of the 年度总体目标.
    #[getter]
    fn goal_achieved(&self) -> Option<&str> {
        self.get().and_then(|e| e.goal_achieved.as_deref())
    }
    /// 总分 as published.
    #[getter]
    fn total(&self) -> Option<Decimal> {
        self.get().and_then(|e| e.total)
    }
    /// The 分值 of the 总分 row (normally 100), when published.
    #[getter]
    fn total_weight(&self) -> Option<Decimal> {
        self.get().and_then(|e| e.total_weight)
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.get() == other.get()
    }

    fn __repr__(&self) -> String {
        format!(
            "Evaluation(budget={}, total={})",
            self.budget().__repr__(),
            repr_dec(self.total())
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let mut doc = self.at.alone();
        for d in &mut doc.declarations {
            d.indicators.clear();
        }
        reduce(py, "Evaluation", &doc)
    }
}

/// One row of a self-evaluation's funding matrix: 年初预算数, 全年预算数, 全年执行数,
/// 分值, 执行率 (as published text), 得分.
///
/// >>> e.budget.rate, e.budget.score
/// ('86.19%', Decimal('8.62'))
#[pyclass(frozen, module = "jixiao", name = "BudgetRow")]
pub(crate) struct PyBudgetRow {
    pub inner: BudgetRow,
}

#[pymethods]
impl PyBudgetRow {
    /// 年初预算数.
    #[getter]
    fn initial(&self) -> Option<Decimal> {
        self.inner.initial
    }
    /// 全年预算数 (调整后预算数).
    #[getter]
    fn adjusted(&self) -> Option<Decimal> {
        self.inner.adjusted
    }
    /// 全年执行数.
    #[getter]
    fn executed(&self) -> Option<Decimal> {
        self.inner.executed
    }
    /// 分值 of the budget-execution item.
    #[getter]
    fn weight(&self) -> Option<Decimal> {
        self.inner.weight
    }
    /// 执行率 as published text (e.g. `86.19%`).
    #[getter]
    fn rate(&self) -> Option<&str> {
        self.inner.rate.as_deref()
    }
    /// 得分 as published.
    #[getter]
    fn score(&self) -> Option<Decimal> {
        self.inner.score
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }

    fn __repr__(&self) -> String {
        let b = &self.inner;
        format!(
            "BudgetRow(initial={}, adjusted={}, executed={}, weight={}, rate={}, score={})",
            repr_dec(b.initial),
            repr_dec(b.adjusted),
            repr_dec(b.executed),
            repr_dec(b.weight),
            repr_opt(b.rate.as_deref()),
            repr_dec(b.score)
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let f = py
            .import("jixiao._jixiao")?
            .getattr("_budget_row_from_json")?;
        let json = serde_json::to_string(&slf.get().inner).unwrap_or_default();
        PyTuple::new(py, [f, PyTuple::new(py, [json])?.into_any()])
    }
}

/// Rebuilds a budget row from its JSON object (the pickling constructor of `BudgetRow`).
#[pyfunction]
pub(crate) fn _budget_row_from_json(json: &str) -> PyResult<PyBudgetRow> {
    let inner: BudgetRow = serde_json::from_str(json).map_err(|e| {
        crate::errors::error(
            crate::errors::Kind::Parse,
            "bad_json",
            format!("invalid budget row JSON: {e}"),
            crate::errors::At::default(),
        )
    })?;
    Ok(PyBudgetRow { inner })
}
