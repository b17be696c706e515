//! `Indicator` (三级指标) and `Target` (指标值).

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rust_decimal::Decimal;

use jixiao::model::IndicatorEvaluation;
use jixiao::{Document, Indicator, Target};

use super::{enum_name, py_repr_str, reduce, repr_dec, repr_opt, stripped, DeclRef};

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
    /// The point group (指标组) the indicator stands in (`年度绩效目标1`), when the form
    /// splits its table into blocks with points of their own.
    #[getter]
    fn group(&self) -> Option<&str> {
        self.get().group.as_deref()
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
