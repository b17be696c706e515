//! Arrow conversion: the tables the package returns as `pyarrow.Table`s (and, from them,
//! `polars.DataFrame`s), built in Rust as Arrow arrays and handed over through the Arrow
//! PyCapsule interface (`__arrow_c_stream__`, via `pyo3-arrow`): one buffer per column, no
//! Python object per cell.
//!
//! Types: money, weights, rates and scores are `decimal128(38, s)` with `s` the largest
//! scale of the column's values (exact: every value is rescaled without loss); dates are
//! `date32`; texts (names, level labels, codes, statuses) are dictionary-encoded
//! (`dictionary<int32, utf8>`: each distinct text stored once); counts and positions are
//! `int64`, flags `bool`. A column whose cells mix types (a figure column holding a text that
//! did not parse) is `utf8` with each cell's text.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Decimal128Array, DictionaryArray, Int32Array, Int64Array,
    RecordBatch, StringArray,
};
use arrow_schema::{Field, Schema};
use foldhash::fast::RandomState;
use pyo3::exceptions::{PyImportError, PyValueError};
use pyo3::prelude::*;
use rust_decimal::Decimal;

use crate::bulk::Column;
use crate::frames::{Cell, Table};

/// The largest precision of `decimal128`.
const PRECISION: u8 = 38;

/// The `pyarrow` module, or an `ImportError` that says how to get it.
pub(crate) fn pyarrow(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("pyarrow").map_err(|_| {
        PyImportError::new_err(
            "this needs pyarrow, which is not installed: pip install 'jixiao[arrow]' (or pip install pyarrow)",
        )
    })
}

/// The `polars` module, or an `ImportError` that says how to get it.
pub(crate) fn polars(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("polars").map_err(|_| {
        PyImportError::new_err(
            "this needs polars, which is not installed: pip install 'jixiao[polars]' (or pip install polars)",
        )
    })
}

/// Where a table goes: what `as_=` / the `to_…` method asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A `pandas.DataFrame`.
    Pandas,
    /// A `pyarrow.Table`.
    Arrow,
    /// A `polars.DataFrame`.
    Polars,
    /// A dict of lists.
    Dict,
}

impl Target {
    /// From the `as_=` argument.
    pub(crate) fn parse(s: &str) -> PyResult<Target> {
        match s {
            "pandas" => Ok(Target::Pandas),
            "arrow" => Ok(Target::Arrow),
            "polars" => Ok(Target::Polars),
            "dict" => Ok(Target::Dict),
            other => Err(PyValueError::new_err(format!(
                "as_ must be \"pandas\", \"arrow\", \"polars\" or \"dict\", got {other:?}"
            ))),
        }
    }
}

/// A `pyarrow.Table` of the batch (or a `polars.DataFrame` when `polars`).
pub(crate) fn hand_over<'py>(
    py: Python<'py>,
    batch: RecordBatch,
    polars: bool,
) -> PyResult<Bound<'py, PyAny>> {
    pyarrow(py)?;
    let pl = if polars {
        Some(self::polars(py)?)
    } else {
        None
    };
    let schema = batch.schema();
    let table = pyo3_arrow::PyTable::try_new(vec![batch], schema)?.into_pyarrow(py)?;
    match pl {
        Some(pl) => pl.getattr("from_arrow")?.call1((table,)),
        None => Ok(table),
    }
}

fn arrow_error(e: arrow_schema::ArrowError) -> PyErr {
    PyValueError::new_err(format!("cannot build the Arrow table: {e}"))
}

/// One record batch of named arrays.
fn batch(columns: Vec<(String, ArrayRef)>) -> PyResult<RecordBatch> {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(name, a)| Field::new(name, a.data_type().clone(), true))
        .collect();
    let arrays = columns.into_iter().map(|(_, a)| a).collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(arrow_error)
}

/// A `decimal128(38, s)` array of the figures, `s` their largest scale.
fn decimals(name: &str, values: &[Option<Decimal>]) -> PyResult<ArrayRef> {
    let scale = values
        .iter()
        .flatten()
        .map(|d| d.scale())
        .max()
        .unwrap_or(0);
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        out.push(match v {
            None => None,
            Some(d) => {
                let up = scale - d.scale();
                let m = 10i128
                    .checked_pow(up)
                    .and_then(|f| d.mantissa().checked_mul(f))
                    .ok_or_else(|| {
                        PyValueError::new_err(format!(
                            "column {name}: {d} does not fit decimal128({PRECISION}, {scale})"
                        ))
                    })?;
                Some(m)
            }
        });
    }
    let scale = i8::try_from(scale).unwrap_or(i8::MAX);
    let array = Decimal128Array::from(out)
        .with_precision_and_scale(PRECISION, scale)
        .map_err(arrow_error)?;
    Ok(Arc::new(array))
}

/// Texts as a dictionary array: codes (`-1` for missing) into the distinct texts.
fn dictionary(codes: &[i32], names: &[&str]) -> PyResult<ArrayRef> {
    let keys = Int32Array::from(
        codes
            .iter()
            .map(|&c| (c >= 0).then_some(c))
            .collect::<Vec<_>>(),
    );
    let values = Arc::new(StringArray::from(names.to_vec()));
    let array = DictionaryArray::<Int32Type>::try_new(keys, values).map_err(arrow_error)?;
    Ok(Arc::new(array))
}

/// Days since 1970-01-01.
fn days(d: chrono::NaiveDate) -> i32 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MAX)
}

/// The typed cells of one table column as an Arrow array (see the module documentation).
fn cells_array(name: &str, cells: &[Cell]) -> PyResult<ArrayRef> {
    let present = || cells.iter().filter(|c| !matches!(c, Cell::Null));
    if present().all(|c| matches!(c, Cell::Dec(_))) && present().next().is_some() {
        let values: Vec<Option<Decimal>> = cells
            .iter()
            .map(|c| match c {
                Cell::Dec(d) => Some(*d),
                _ => None,
            })
            .collect();
        return decimals(name, &values);
    }
    if present().all(|c| matches!(c, Cell::Int(_))) && present().next().is_some() {
        let values: Vec<Option<i64>> = cells
            .iter()
            .map(|c| match c {
                Cell::Int(n) => Some(*n),
                _ => None,
            })
            .collect();
        return Ok(Arc::new(Int64Array::from(values)));
    }
    if present().all(|c| matches!(c, Cell::Date(_))) && present().next().is_some() {
        let values: Vec<Option<i32>> = cells
            .iter()
            .map(|c| match c {
                Cell::Date(d) => Some(days(*d)),
                _ => None,
            })
            .collect();
        return Ok(Arc::new(Date32Array::from(values)));
    }
    if present().all(|c| matches!(c, Cell::Bool(_))) && present().next().is_some() {
        let values: Vec<Option<bool>> = cells
            .iter()
            .map(|c| match c {
                Cell::Bool(b) => Some(*b),
                _ => None,
            })
            .collect();
        return Ok(Arc::new(BooleanArray::from(values)));
    }
    if present().all(|c| matches!(c, Cell::Str(_))) {
        // Texts (and all-missing columns): dictionary-encoded.
        let mut index: HashMap<&str, i32, RandomState> = HashMap::default();
        let mut names: Vec<&str> = Vec::new();
        let mut codes = Vec::with_capacity(cells.len());
        for c in cells {
            codes.push(match c {
                Cell::Str(s) => *index.entry(s.as_str()).or_insert_with(|| {
                    names.push(s.as_str());
                    i32::try_from(names.len() - 1).unwrap_or(i32::MAX)
                }),
                _ => -1,
            });
        }
        return dictionary(&codes, &names);
    }
    // Mixed: every cell as its text.
    let texts: Vec<Option<String>> = cells
        .iter()
        .map(|c| match c {
            Cell::Null => None,
            Cell::Str(s) => Some(s.clone()),
            Cell::Dec(d) => Some(d.to_string()),
            Cell::Int(n) => Some(n.to_string()),
            Cell::Date(d) => Some(d.format("%Y-%m-%d").to_string()),
            Cell::Bool(b) => Some(b.to_string()),
        })
        .collect();
    Ok(Arc::new(StringArray::from(texts)))
}

/// A table of typed cells as a record batch.
pub(crate) fn table_batch(table: &Table) -> PyResult<RecordBatch> {
    let mut columns = Vec::with_capacity(table.columns.len());
    for (name, cells) in &table.columns {
        columns.push((name.clone(), cells_array(name, cells)?));
    }
    batch(columns)
}

/// Bulk columns (score tables) as a record batch.
pub(crate) fn columns_batch(columns: &[(String, Column<'_>)]) -> PyResult<RecordBatch> {
    let mut out = Vec::with_capacity(columns.len());
    for (name, column) in columns {
        let array: ArrayRef = match column {
            Column::Dec(values) => decimals(name, values)?,
            Column::Label(labels) => dictionary(labels.codes(), labels.names())?,
            Column::Int(values) => Arc::new(Int64Array::from(values.clone())),
            Column::Bool(values) => Arc::new(BooleanArray::from(values.clone())),
        };
        out.push((name.clone(), array));
    }
    batch(out)
}
