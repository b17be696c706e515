//! Reading actuals files: CSV/TSV, `.xlsx` and JSON.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::Value;

use super::{key, non_empty, ActualRow, Actuals, BudgetActual};
use crate::error::{Location, ReadError};
use crate::model::MoneyUnit;
use crate::read::{decode, InputFormat, ReadOptions};
use crate::text::fold_width;
use crate::value::parse_number;

fn money(text: &str) -> Option<Decimal> {
    parse_number(&fold_width(text))
        .or_else(|| fold_width(text).trim().replace(',', "").parse().ok())
}

/// Reads an actuals file: CSV/TSV or an `.xlsx` workbook (the first sheet with a header
/// row), or JSON (see `docs/scoring.md`).
pub fn read_actuals(bytes: &[u8], options: &ReadOptions) -> Result<Actuals, ReadError> {
    let file = options.file_name.as_deref();
    #[cfg(feature = "xlsx")]
    if options.format == Some(InputFormat::Xlsx) || bytes.starts_with(b"PK\x03\x04") {
        let mut actuals = read_workbook(bytes, &Location::file(file))?;
        actuals.file = file.map(str::to_owned);
        return Ok(actuals);
    }
    let decoded = decode(bytes, options.encoding, file)?;
    let text = decoded.text.trim_start_matches('\u{feff}');
    let at = Location::file(file);
    if text.trim().is_empty() {
        return Err(ReadError::Empty { at });
    }
    let looks_json = matches!(text.trim_start().chars().next(), Some('{' | '['));
    let mut actuals = if options.format == Some(InputFormat::Json) || looks_json {
        read_json(text, &at)?
    } else {
        let delimiter = match options.format {
            Some(InputFormat::Tsv) => b'\t',
            Some(InputFormat::Csv) => b',',
            _ => {
                let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                if first.contains('\t') {
                    b'\t'
                } else {
                    b','
                }
            }
        };
        read_table(text, delimiter, true, &at)?
    };
    actuals.file = file.map(str::to_owned);
    Ok(actuals)
}

#[derive(Default)]
struct Columns {
    project: Option<usize>,
    level1: Option<usize>,
    level2: Option<usize>,
    indicator: Option<usize>,
    actual: Option<usize>,
    deviation: Option<usize>,
    score: Option<usize>,
    unit: Option<usize>,
    initial: Option<usize>,
    adjusted: Option<usize>,
    executed: Option<usize>,
}

fn header_key(text: &str) -> String {
    key(text)
        .to_lowercase()
        .trim_matches(|c: char| matches!(c, '*' | '★' | ':' | '：'))
        .to_owned()
}

fn columns(header: &csv::StringRecord) -> Columns {
    let mut c = Columns::default();
    for (i, cell) in header.iter().enumerate() {
        let slot = match header_key(cell).as_str() {
            "项目名称" | "项目" | "project" | "项目编码" | "项目代码" => {
                &mut c.project
            }
            "一级指标" | "level1" => &mut c.level1,
            "二级指标" | "level2" => &mut c.level2,
            "三级指标" | "指标名称" | "指标" | "indicator" | "name" => &mut c.indicator,
            "实际完成值" | "全年实际值" | "完成值" | "实际值" | "实际完成情况" | "actual" => {
                &mut c.actual
            }
            "偏差原因分析及改进措施"
            | "偏差原因"
            | "未完成原因及拟采取的改进措施"
            | "deviation" => &mut c.deviation,
            "得分" | "自评得分" | "单项得分" | "score" => &mut c.score,
            "金额单位" | "unit" => &mut c.unit,
            "年初预算数" | "initial" => &mut c.initial,
            "全年预算数" | "调整后预算数" | "adjusted" => &mut c.adjusted,
            "全年执行数" | "executed" => &mut c.executed,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(i);
        }
    }
    c
}

fn read_table(
    text: &str,
    delimiter: u8,
    quoting: bool,
    at: &Location,
) -> Result<Actuals, ReadError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(quoting)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header: Option<Columns> = None;
    let mut actuals = Actuals::default();
    for record in reader.records() {
        let record = record.map_err(|e| ReadError::Malformed {
            at: at.clone().line(
                e.position()
                    .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX)),
            ),
            message: format!("bad CSV: {e}"),
        })?;
        let line = record
            .position()
            .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(cols) = &header else {
            let found = columns(&record);
            if found.indicator.is_some() && (found.actual.is_some() || found.executed.is_some()) {
                header = Some(found);
            }
            continue;
        };
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).and_then(non_empty);
        let project = cell(cols.project);
        let unit = match cell(cols.unit).as_deref().map(str::trim) {
            Some("万元") => MoneyUnit::WanYuan,
            _ => MoneyUnit::Yuan,
        };
        // An amount that writes its own unit (`265万元`) is converted exactly into the
        // row's unit (the one money parser of every reader, `read::cell::parse_money`).
        let number = |i: Option<usize>, what: &str| -> Result<Option<Decimal>, ReadError> {
            match cell(i) {
                None => Ok(None),
                Some(t) => match crate::read::cell::parse_money(&t, unit) {
                    Ok(Some((value, _))) => Ok(Some(value)),
                    _ => money(&t).map(Some).ok_or_else(|| ReadError::Malformed {
                        at: at.clone().line(line),
                        message: format!("{what} `{t}` is not a number"),
                    }),
                },
            }
        };
        let initial = number(cols.initial, "年初预算数")?;
        let adjusted = number(cols.adjusted, "全年预算数")?;
        let executed = number(cols.executed, "全年执行数")?;
        if initial.is_some() || adjusted.is_some() || executed.is_some() {
            let budget = BudgetActual {
                project: project.clone(),
                unit,
                initial,
                adjusted,
                executed,
                row: line,
            };
            match actuals.budgets.iter().find(|b| b.project == budget.project) {
                None => actuals.budgets.push(budget),
                Some(b)
                    if (b.unit, b.initial, b.adjusted, b.executed)
                        == (
                            budget.unit,
                            budget.initial,
                            budget.adjusted,
                            budget.executed,
                        ) => {}
                Some(b) => {
                    return Err(ReadError::Malformed {
                        at: at.clone().line(line),
                        message: format!(
                            "budget figures for project `{}` differ from those on line {}",
                            budget.project.as_deref().unwrap_or(""),
                            b.row
                        ),
                    })
                }
            }
        }
        let Some(indicator) = cell(cols.indicator) else {
            continue;
        };
        actuals.rows.push(ActualRow {
            project,
            level1: cell(cols.level1),
            level2: cell(cols.level2),
            indicator,
            actual: cell(cols.actual),
            deviation: cell(cols.deviation),
            score: number(cols.score, "得分")?,
            row: line,
        });
    }
    if header.is_none() {
        return Err(ReadError::Malformed {
            at: at.clone(),
            message:
                "no header row with an indicator column (三级指标 / 指标名称 / indicator) and an \
                      actual column (实际完成值 / actual)"
                    .to_owned(),
        });
    }
    Ok(actuals)
}

/// Reads the first sheet of a workbook that has an actuals header row (cells as the list
/// reader reads them: numbers by their shortest decimal text, dates as `YYYY-MM-DD`).
#[cfg(feature = "xlsx")]
fn read_workbook(bytes: &[u8], at: &Location) -> Result<Actuals, ReadError> {
    use calamine::Reader;
    let mut workbook =
        calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| ReadError::Workbook {
            at: at.clone(),
            message: format!("corrupt or not an .xlsx workbook: {e}"),
        })?;
    let mut last_error = None;
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| ReadError::Workbook {
                at: at.clone().sheet(&name),
                message: format!("cannot read the sheet: {e}"),
            })?;
        let mut text = String::new();
        for row in range.rows() {
            let cells: Vec<String> = row
                .iter()
                .map(|c| crate::read::xlsx::cell_text(c).replace(['\t', '\n', '\r'], " "))
                .collect();
            text.push_str(&cells.join("\t"));
            text.push('\n');
        }
        match read_table(&text, b'\t', false, &at.clone().sheet(&name)) {
            Ok(actuals) => return Ok(actuals),
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| ReadError::Workbook {
        at: at.clone(),
        message: "the workbook has no sheets".to_owned(),
    }))
}

fn json_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => non_empty(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn json_decimal(
    value: Option<&Value>,
    what: &str,
    at: &Location,
) -> Result<Option<Decimal>, ReadError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(v) => match json_text(v).as_deref().and_then(money) {
            Some(d) => Ok(Some(d)),
            None => Err(ReadError::Json {
                at: at.clone(),
                message: format!(
                    "{what} must be a decimal (a string such as \"215457.60\"), found {v}"
                ),
            }),
        },
    }
}

fn read_json(text: &str, at: &Location) -> Result<Actuals, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::Json {
        at: at
            .clone()
            .line(u32::try_from(e.line()).unwrap_or(u32::MAX))
            .column(u32::try_from(e.column()).unwrap_or(u32::MAX)),
        message: e.to_string(),
    })?;
    let projects: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => match map.get("projects") {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => vec![&value],
        },
        _ => {
            return Err(ReadError::Json {
                at: at.clone(),
                message: "expected an object {\"project\", \"actuals\", \"budget\"}, an array of them, or {\"projects\": [...]}".to_owned(),
            })
        }
    };
    let mut actuals = Actuals::default();
    let mut position = 0u32;
    for project in projects {
        let Value::Object(map) = project else {
            return Err(ReadError::Json {
                at: at.clone(),
                message: format!("a project entry must be an object, found {project}"),
            });
        };
        let name = map.get("project").and_then(json_text);
        if let Some(Value::Object(budget)) = map.get("budget") {
            position += 1;
            let unit = match budget.get("unit").and_then(Value::as_str) {
                Some("万元") => MoneyUnit::WanYuan,
                _ => MoneyUnit::Yuan,
            };
            actuals.budgets.push(BudgetActual {
                project: name.clone(),
                unit,
                initial: json_decimal(budget.get("initial"), "budget.initial", at)?,
                adjusted: json_decimal(budget.get("adjusted"), "budget.adjusted", at)?,
                executed: json_decimal(budget.get("executed"), "budget.executed", at)?,
                row: position,
            });
        }
        let entries: BTreeMap<usize, (&String, &Value)> = match map.get("actuals") {
            Some(Value::Object(items)) => items.iter().enumerate().collect(),
            None | Some(Value::Null) => BTreeMap::new(),
            Some(other) => {
                return Err(ReadError::Json {
                    at: at.clone(),
                    message: format!(
                        "\"actuals\" must be an object {{indicator: actual}}, found {other}"
                    ),
                })
            }
        };
        for (_, (indicator, entry)) in entries {
            position += 1;
            let (actual, deviation, score) = match entry {
                Value::Object(fields) => (
                    fields.get("actual").and_then(json_text),
                    fields.get("deviation").and_then(json_text),
                    json_decimal(fields.get("score"), "score", at)?,
                ),
                other => (json_text(other), None, None),
            };
            actuals.rows.push(ActualRow {
                project: name.clone(),
                level1: None,
                level2: None,
                indicator: indicator.clone(),
                actual,
                deviation,
                score,
                row: position,
            });
        }
    }
    Ok(actuals)
}
