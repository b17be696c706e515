//! Bulk conversion to Python: results of thousands of declarations cross as a few large
//! objects instead of one small object per figure.
//!
//! - [`Decimals`]: `decimal.Decimal` objects made once per distinct value (exact: the key is
//!   the value *with* its scale, so `10.00` and `10.0` stay distinct) and shared — a
//!   `Decimal` is immutable, so sharing one object is invisible to the caller. Scores have
//!   two decimals and repeat (10.00, 5.00, …): most conversions become a hash look-up.
//! - [`Labels`]: repeated texts (project names, 一级/二级指标, statuses) as codes into a
//!   list of distinct texts, which become a `pandas.Categorical` or shared `str` objects.
//! - [`Column`]: one typed column, turned into a list or into what a `pandas.DataFrame`
//!   column is made of (numpy buffers for numbers, so no Python object per cell).

use std::collections::HashMap;

use foldhash::fast::RandomState;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// At most this many distinct values are kept; past it new values are made each time (a
/// column of money would otherwise keep every figure twice).
const MAX_CACHED: usize = 1 << 16;

/// `decimal.Decimal` objects made once per distinct value (and scale) and shared.
pub(crate) struct Decimals<'py> {
    cls: Bound<'py, PyAny>,
    made: HashMap<[u8; 16], Bound<'py, PyAny>, RandomState>,
}

impl<'py> Decimals<'py> {
    /// A cache for one conversion (it holds the GIL's lifetime).
    pub(crate) fn new(py: Python<'py>) -> PyResult<Self> {
        Ok(Decimals {
            cls: py.import("decimal")?.getattr("Decimal")?,
            made: HashMap::default(),
        })
    }

    /// The `Decimal` of `d` (same digits and exponent as `Decimal(str(d))`).
    pub(crate) fn get(&mut self, d: Decimal) -> PyResult<Bound<'py, PyAny>> {
        // `serialize` keeps the sign, scale and mantissa: equal keys, identical text.
        let key = d.serialize();
        if let Some(obj) = self.made.get(&key) {
            return Ok(obj.clone());
        }
        let obj = self.cls.call1((d.to_string(),))?;
        if self.made.len() < MAX_CACHED {
            self.made.insert(key, obj.clone());
        }
        Ok(obj)
    }

    /// The `Decimal` of `d`, or `None`.
    pub(crate) fn opt(&mut self, d: Option<Decimal>) -> PyResult<Bound<'py, PyAny>> {
        match d {
            Some(d) => self.get(d),
            None => Ok(self.cls.py().None().into_bound(self.cls.py())),
        }
    }

    /// A list of `Decimal` (or `None`).
    pub(crate) fn list(&mut self, values: &[Option<Decimal>]) -> PyResult<Bound<'py, PyList>> {
        let objects = values
            .iter()
            .map(|v| self.opt(*v))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(self.cls.py(), objects)
    }
}

/// Repeated texts as codes into the distinct texts, in order of first appearance.
#[derive(Default)]
pub(crate) struct Labels<'a> {
    codes: Vec<i32>,
    names: Vec<&'a str>,
    index: HashMap<&'a str, i32, RandomState>,
    /// The text pushed last and its code (rows come grouped: no look-up for a repeat).
    last: Option<(&'a str, i32)>,
}

impl<'a> Labels<'a> {
    /// Appends a text (or a missing one).
    pub(crate) fn push(&mut self, text: Option<&'a str>) {
        let code = match text {
            None => -1,
            Some(t) => match self.last {
                Some((last, c)) if last == t => c,
                _ => {
                    let c = match self.index.get(t) {
                        Some(&c) => c,
                        None => {
                            let c = i32::try_from(self.names.len()).unwrap_or(i32::MAX);
                            self.names.push(t);
                            self.index.insert(t, c);
                            c
                        }
                    };
                    self.last = Some((t, c));
                    c
                }
            },
        };
        self.codes.push(code);
    }

    /// The codes (`-1` for missing), one per row.
    pub(crate) fn codes(&self) -> &[i32] {
        &self.codes
    }

    /// The distinct texts the codes point into.
    pub(crate) fn names(&self) -> &[&'a str] {
        &self.names
    }

    /// Appends the code of the text appended last `n` more times (a project's name on
    /// every indicator row).
    pub(crate) fn repeat_last(&mut self, n: usize) {
        let last = self.codes.last().copied().unwrap_or(-1);
        self.codes.extend(std::iter::repeat_n(last, n));
    }
}

/// One typed column of a result table.
pub(crate) enum Column<'a> {
    /// Exact figures (`Decimal`, or `float` when asked).
    Dec(Vec<Option<Decimal>>),
    /// Repeated texts.
    Label(Labels<'a>),
    /// Whole numbers (positions).
    Int(Vec<i64>),
    /// Yes/no.
    Bool(Vec<bool>),
}

impl Column<'_> {
    /// The column as a Python list: `Decimal` (or `float` when not exact), shared `str`,
    /// `int`, `bool`; missing values are `None`.
    pub(crate) fn to_list<'py>(
        &self,
        py: Python<'py>,
        decimals: &mut Decimals<'py>,
        exact: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        match self {
            Column::Dec(values) if exact => decimals.list(values),
            Column::Dec(values) => {
                PyList::new(py, values.iter().map(|v| v.and_then(|d| d.to_f64())))
            }
            Column::Label(labels) => {
                let names: Vec<Bound<'py, PyString>> =
                    labels.names.iter().map(|n| PyString::new(py, n)).collect();
                let none = py.None().into_bound(py);
                PyList::new(
                    py,
                    labels.codes.iter().map(|&c| {
                        match usize::try_from(c).ok().and_then(|c| names.get(c)) {
                            Some(s) => s.as_any(),
                            None => &none,
                        }
                    }),
                )
            }
            Column::Int(values) => PyList::new(py, values),
            Column::Bool(values) => PyList::new(py, values),
        }
    }

    /// The column as a `pandas.DataFrame` column: `Decimal` figures as an `object` column
    /// (or `float64` with NaN for missing when not exact), texts as a `pandas.Categorical`,
    /// numbers and flags as numpy arrays made from one buffer.
    pub(crate) fn to_pandas<'py>(
        &self,
        py: Python<'py>,
        pd: &Bound<'py, PyModule>,
        np: &Bound<'py, PyModule>,
        decimals: &mut Decimals<'py>,
        exact: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Column::Dec(values) if exact => {
                // The distinct values (`None` first) as an object array, and the column as
                // codes into it: numpy's `take` fills the column without a Python list.
                let mut index: HashMap<[u8; 16], i32, RandomState> = HashMap::default();
                let mut distinct: Vec<Option<Decimal>> = vec![None];
                let mut codes: Vec<u8> = Vec::with_capacity(values.len() * 4);
                for v in values {
                    let code = match v {
                        None => 0,
                        Some(d) => *index.entry(d.serialize()).or_insert_with(|| {
                            distinct.push(Some(*d));
                            i32::try_from(distinct.len() - 1).unwrap_or(i32::MAX)
                        }),
                    };
                    codes.extend(code.to_ne_bytes());
                }
                let kwargs = PyDict::new(py);
                kwargs.set_item("dtype", "object")?;
                let table = np
                    .getattr("array")?
                    .call((decimals.list(&distinct)?,), Some(&kwargs))?;
                let codes = np
                    .getattr("frombuffer")?
                    .call1((PyBytes::new(py, &codes), "int32"))?;
                table.call_method1("take", (codes,))
            }
            Column::Dec(values) => {
                let bytes: Vec<u8> = values
                    .iter()
                    .flat_map(|v| v.and_then(|d| d.to_f64()).unwrap_or(f64::NAN).to_ne_bytes())
                    .collect();
                buffer(py, np, &bytes, "float64")
            }
            Column::Label(labels) => {
                let bytes: Vec<u8> = labels.codes.iter().flat_map(|c| c.to_ne_bytes()).collect();
                let codes = buffer(py, np, &bytes, "int32")?;
                let categories =
                    PyList::new(py, labels.names.iter().map(|n| PyString::new(py, n)))?;
                let kwargs = PyDict::new(py);
                kwargs.set_item("dtype", "object")?;
                let categories = pd.getattr("Index")?.call((categories,), Some(&kwargs))?;
                pd.getattr("Categorical")?
                    .call_method1("from_codes", (codes, categories))
            }
            Column::Int(values) => {
                let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_ne_bytes()).collect();
                buffer(py, np, &bytes, "int64")
            }
            Column::Bool(values) => {
                let bytes: Vec<u8> = values.iter().map(|&b| u8::from(b)).collect();
                buffer(py, np, &bytes, "bool")
            }
        }
    }
}

/// A writable numpy array of `dtype` holding `bytes` (native byte order).
fn buffer<'py>(
    py: Python<'py>,
    np: &Bound<'py, PyModule>,
    bytes: &[u8],
    dtype: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let view = np
        .getattr("frombuffer")?
        .call1((PyBytes::new(py, bytes), dtype))?;
    // `frombuffer` shares the (immutable) bytes; one copy makes the column writable.
    view.call_method0("copy")
}

/// Named columns: a dict of lists, or a `pandas.DataFrame` (`frame`).
pub(crate) fn columns_to_py<'py>(
    py: Python<'py>,
    columns: &[(String, Column<'_>)],
    exact: bool,
    frame: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let mut decimals = Decimals::new(py)?;
    let data = PyDict::new(py);
    if !frame {
        for (name, column) in columns {
            data.set_item(name, column.to_list(py, &mut decimals, exact)?)?;
        }
        return Ok(data.into_any());
    }
    let pd = crate::frames::pandas(py)?;
    let np = py.import("numpy")?;
    for (name, column) in columns {
        data.set_item(name, column.to_pandas(py, &pd, &np, &mut decimals, exact)?)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("copy", false)?;
    pd.getattr("DataFrame")?.call((data,), Some(&kwargs))
}
