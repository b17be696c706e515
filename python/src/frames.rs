//! pandas conversion: tables of typed cells become `DataFrame`s with `decimal.Decimal`
//! columns kept exact (or `float` when asked), `datetime.date` dates and `None` for
//! absent values; `from_pandas` hands a frame to core's list reader as strings.

use chrono::NaiveDate;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use jixiao::read::list::columns::{recognize, BudgetField, Column};
use jixiao::write::list::ListTable;
use jixiao::write::names::ColumnNames;

/// One typed cell.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    Null,
    Str(String),
    Dec(Decimal),
    Int(i64),
    Date(NaiveDate),
    Bool(bool),
}

impl From<Option<Decimal>> for Cell {
    fn from(v: Option<Decimal>) -> Self {
        v.map_or(Cell::Null, Cell::Dec)
    }
}

impl From<Option<&str>> for Cell {
    fn from(v: Option<&str>) -> Self {
        v.map_or(Cell::Null, |s| Cell::Str(s.to_owned()))
    }
}

impl From<&str> for Cell {
    fn from(v: &str) -> Self {
        Cell::Str(v.to_owned())
    }
}

impl From<Option<u32>> for Cell {
    fn from(v: Option<u32>) -> Self {
        v.map_or(Cell::Null, |n| Cell::Int(i64::from(n)))
    }
}

/// A table: named columns of cells, all the same length.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub columns: Vec<(String, Vec<Cell>)>,
}

impl Table {
    /// A table with these column names and no rows.
    pub(crate) fn new(names: &[&str]) -> Self {
        Table {
            columns: names
                .iter()
                .map(|n| ((*n).to_owned(), Vec::new()))
                .collect(),
        }
    }

    /// The table with its (English) column names in the `columns=` convention.
    pub(crate) fn named(mut self, names: ColumnNames) -> Self {
        for (name, _) in &mut self.columns {
            *name = names.name(name);
        }
        self
    }

    /// A list table (headers of the list layout) with its names in the `columns=`
    /// convention.
    pub(crate) fn list_named(mut self, names: ColumnNames) -> Self {
        for (name, _) in &mut self.columns {
            *name = names.list_name(name);
        }
        self
    }

    /// Appends a row (cells in column order; missing cells are null).
    pub(crate) fn push(&mut self, row: Vec<Cell>) {
        let mut row = row.into_iter();
        for (_, cells) in &mut self.columns {
            cells.push(row.next().unwrap_or(Cell::Null));
        }
    }
}

/// The `columns=` argument: `"en"` (English snake_case, the default) or `"zh"`.
pub(crate) fn names_arg(columns: &str) -> PyResult<ColumnNames> {
    columns
        .parse()
        .map_err(|e: jixiao::write::names::UnknownColumnNames| {
            pyo3::exceptions::PyValueError::new_err(e.to_string())
        })
}

/// A table as a pandas frame, a `pyarrow.Table` or a `polars.DataFrame`.
pub(crate) fn to_target<'py>(
    py: Python<'py>,
    table: Table,
    target: crate::arrow::Target,
    decimals: bool,
) -> PyResult<Bound<'py, PyAny>> {
    use crate::arrow::{hand_over, table_batch, Target};
    match target {
        Target::Arrow => hand_over(py, table_batch(&table)?, false),
        Target::Polars => hand_over(py, table_batch(&table)?, true),
        Target::Pandas | Target::Dict => to_pandas(py, table, decimals),
    }
}

fn cell_to_py<'py>(py: Python<'py>, cell: Cell, decimals: bool) -> PyResult<Bound<'py, PyAny>> {
    Ok(match cell {
        Cell::Null => py.None().into_bound(py),
        Cell::Str(s) => s.into_pyobject(py)?.into_any(),
        Cell::Dec(d) if decimals => d.into_pyobject(py)?.into_any(),
        Cell::Dec(d) => d.to_f64().into_pyobject(py)?.into_any(),
        Cell::Int(n) => n.into_pyobject(py)?.into_any(),
        Cell::Date(d) => d.into_pyobject(py)?.into_any(),
        Cell::Bool(b) => pyo3::types::PyBool::new(py, b).to_owned().into_any(),
    })
}

/// The `pandas` module, or an `ImportError` that says how to get it.
pub(crate) fn pandas(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("pandas").map_err(|_| {
        PyImportError::new_err("this needs pandas, which is not installed: pip install pandas")
    })
}

/// The table as a `pandas.DataFrame`.
pub(crate) fn to_pandas<'py>(
    py: Python<'py>,
    table: Table,
    decimals: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let pd = pandas(py)?;
    let data = PyDict::new(py);
    let names = PyList::empty(py);
    for (name, cells) in table.columns {
        let dtype = column_dtype(&cells, decimals);
        let values = PyList::empty(py);
        for cell in cells {
            values.append(cell_to_py(py, cell, decimals)?)?;
        }
        let kwargs = PyDict::new(py);
        kwargs.set_item("dtype", dtype)?;
        let series = pd.getattr("Series")?.call((values,), Some(&kwargs))?;
        data.set_item(&name, series)?;
        names.append(name)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("columns", names)?;
    pd.getattr("DataFrame")?.call((data,), Some(&kwargs))
}

/// The dtype of a column: counts are `int64` (`Int64`, pandas' nullable integer, when a
/// cell is missing — never a float); decimals stay `object` holding `Decimal` unless
/// floats were asked for (`float64`, missing = NaN); flags are `bool`; text, dates and
/// mixed columns are `object`.
fn column_dtype(cells: &[Cell], decimals: bool) -> &'static str {
    let present = || cells.iter().filter(|c| !matches!(c, Cell::Null));
    let any_null = cells.iter().any(|c| matches!(c, Cell::Null));
    if present().next().is_none() {
        return "object";
    }
    if present().all(|c| matches!(c, Cell::Int(_))) {
        return if any_null { "Int64" } else { "int64" };
    }
    if !any_null && present().all(|c| matches!(c, Cell::Bool(_))) {
        return "bool";
    }
    if !decimals && present().all(|c| matches!(c, Cell::Dec(_))) {
        return "float64";
    }
    "object"
}

/// What a list column holds, for typing its cells.
enum Kind {
    Text,
    Decimal,
    Date,
}

fn kind_of(header: &str) -> Kind {
    match recognize(header).map(|m| m.column) {
        Some(
            Column::FundingTotal
            | Column::FundingTotalFiscal
            | Column::FundingTotalOther
            | Column::FundingAnnual
            | Column::FundingAnnualFiscal
            | Column::FundingAnnualCarryover
            | Column::FundingAnnualOther
            | Column::Weight
            | Column::Score
            | Column::Total
            | Column::TotalWeight,
        ) => Kind::Decimal,
        Some(Column::Budget(_, field)) if field != BudgetField::Rate => Kind::Decimal,
        Some(Column::StartDate | Column::EndDate) => Kind::Date,
        _ => Kind::Text,
    }
}

/// Types the cells of core's list table: decimal columns as `Decimal`, dates as `date`,
/// empty cells as `None`, everything else as text (a cell that does not parse as its
/// column's type stays text rather than being lost).
pub(crate) fn typed_list(table: &ListTable) -> Table {
    let mut out = Table {
        columns: table
            .headers
            .iter()
            .map(|h| (h.clone(), Vec::with_capacity(table.rows.len())))
            .collect(),
    };
    let kinds: Vec<Kind> = table.headers.iter().map(|h| kind_of(h)).collect();
    for row in &table.rows {
        for (k, (_, cells)) in out.columns.iter_mut().enumerate() {
            let text = row.get(k).map(String::as_str).unwrap_or("");
            let cell = if text.is_empty() {
                Cell::Null
            } else {
                match kinds.get(k) {
                    Some(Kind::Decimal) => text
                        .parse::<Decimal>()
                        .map_or_else(|_| Cell::Str(text.to_owned()), Cell::Dec),
                    Some(Kind::Date) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
                        .map_or_else(|_| Cell::Str(text.to_owned()), Cell::Date),
                    _ => Cell::Str(text.to_owned()),
                }
            };
            cells.push(cell);
        }
    }
    out
}

/// The text of one frame cell as the list reader expects it: `None`/NaN/NaT → empty,
/// `Decimal` and `int` as written, dates as `YYYY-MM-DD`, floats without a spurious
/// `.0` when whole.
pub(crate) fn cell_text(cell: &Bound<'_, PyAny>, isna: &Bound<'_, PyAny>) -> PyResult<String> {
    if cell.is_none() {
        return Ok(String::new());
    }
    if let Ok(s) = cell.extract::<String>() {
        return Ok(s);
    }
    if let Ok(d) = cell.extract::<Decimal>() {
        return Ok(d.to_string());
    }
    if let Ok(true) = isna.call1((cell,)).and_then(|r| r.is_truthy()) {
        return Ok(String::new());
    }
    if cell.hasattr("isoformat")? {
        // datetime.date / datetime.datetime / pandas.Timestamp: the date part.
        let iso: String = cell.call_method0("isoformat")?.extract()?;
        return Ok(iso.chars().take(10).collect());
    }
    if let Ok(f) = cell.cast::<pyo3::types::PyFloat>() {
        let v = f.value();
        if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
            return Ok(format!("{v:.0}"));
        }
    }
    Ok(cell.str()?.to_string())
}
