//! 实际完成值: a separate actuals file joined to a declaration, so that a declaration
//! (绩效目标申报表) plus what was achieved can be scored like a self-evaluation.
//!
//! The file is CSV/TSV with a header row, or JSON; `docs/scoring.md` documents both.
//! [`apply_actuals`] fills each declaration's [`Evaluation`]: a row naming an indicator
//! that does not exist (or is ambiguous) is an error naming the row and the name; an
//! indicator left without an actual is a [`Finding`] (it will be `not_scorable`, never 0).
//!
//! ```
//! use jixiao::actuals::{apply_actuals, read_actuals};
//! use jixiao::model::{Declaration, Document, Indicator};
//! use jixiao::taxonomy::Level1;
//! use jixiao::value::Target;
//!
//! let mut declaration = Declaration::default();
//! declaration.project.name = "示例项目".into();
//! declaration.indicators.push(Indicator::new(Some(Level1::Output), None, "培训人数", Target::parse("≥17(人)")));
//! let doc = Document { declarations: vec![declaration], ..Document::default() };
//! let csv = "三级指标,实际完成值,全年预算数,全年执行数\n培训人数,18人,100000,95000\n";
//! let actuals = read_actuals(csv.as_bytes(), &Default::default()).unwrap();
//! let (filled, findings) = apply_actuals(&doc, &actuals).unwrap();
//! let evaluation = filled.declarations[0].evaluation.as_ref().unwrap();
//! assert_eq!(evaluation.indicators[0].actual.as_deref(), Some("18人"));
//! assert_eq!(evaluation.budget.executed.unwrap().to_string(), "95000");
//! assert!(findings.is_empty());
//! ```

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostic::{Finding, Severity};
use crate::error::{Location, ReadError};
use crate::model::{Declaration, Document, Evaluation, IndicatorEvaluation, MoneyUnit};
use crate::read::{decode, InputFormat, ReadOptions};
use crate::taxonomy::{Level1, Level2};
use crate::text::fold_width;
use crate::value::parse_number;

/// 实际完成值文件: the rows of an actuals file and the budget execution figures in it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Actuals {
    /// The file name, when the caller gave one (for messages).
    #[serde(default)]
    pub file: Option<String>,
    /// One row per indicator.
    #[serde(default)]
    pub rows: Vec<ActualRow>,
    /// Budget execution figures, per project.
    #[serde(default)]
    pub budgets: Vec<BudgetActual>,
}

/// One indicator's 实际完成值 (and optionally its 偏差原因 and published 得分).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ActualRow {
    /// 项目名称 (or 项目编码), when the file names one.
    pub project: Option<String>,
    /// 一级指标, when given (to tell same-named indicators apart).
    pub level1: Option<String>,
    /// 二级指标, when given.
    pub level2: Option<String>,
    /// 三级指标 name, or a path `一级/二级/三级`.
    pub indicator: String,
    /// 实际完成值 as written.
    pub actual: Option<String>,
    /// 偏差原因分析及改进措施.
    pub deviation: Option<String>,
    /// 得分, when the file publishes one.
    pub score: Option<Decimal>,
    /// 1-based line of the row (CSV/TSV) or position of the entry (JSON).
    pub row: u32,
}

/// Budget execution figures for one project (预算执行情况).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BudgetActual {
    /// 项目名称 (or 项目编码), when the file names one.
    pub project: Option<String>,
    /// 金额单位.
    pub unit: MoneyUnit,
    /// 年初预算数.
    pub initial: Option<Decimal>,
    /// 全年预算数.
    pub adjusted: Option<Decimal>,
    /// 全年执行数.
    pub executed: Option<Decimal>,
    /// 1-based line (CSV/TSV) or position (JSON).
    pub row: u32,
}

/// Why an actuals file cannot be joined to a document.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ActualsError {
    /// A row names a project the document does not have.
    #[error("{at}: unknown project `{name}` (the document has: {known})")]
    UnknownProject {
        /// Where.
        at: Location,
        /// The name in the row.
        name: String,
        /// The projects the document has.
        known: String,
    },
    /// A row names an indicator the project does not have.
    #[error("{at}: unknown indicator `{name}` in project `{project}`")]
    UnknownIndicator {
        /// Where.
        at: Location,
        /// The project searched (or `any` when the row names none).
        project: String,
        /// The name in the row.
        name: String,
    },
    /// A row's name matches several indicators (or projects).
    #[error("{at}: `{name}` is ambiguous: it matches {candidates}; add 项目名称 / 一级指标 / 二级指标 columns or use a path 一级/二级/三级")]
    Ambiguous {
        /// Where.
        at: Location,
        /// The name in the row.
        name: String,
        /// What it matches.
        candidates: String,
    },
}

impl ActualsError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            ActualsError::UnknownProject { .. } => "unknown_project",
            ActualsError::UnknownIndicator { .. } => "unknown_indicator",
            ActualsError::Ambiguous { .. } => "ambiguous_name",
        }
    }

    /// Where the error happened (file and row).
    pub fn location(&self) -> &Location {
        match self {
            ActualsError::UnknownProject { at, .. }
            | ActualsError::UnknownIndicator { at, .. }
            | ActualsError::Ambiguous { at, .. } => at,
        }
    }
}

/// A name as compared: width folded, spaces removed.
fn key(text: &str) -> String {
    fold_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn non_empty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

fn money(text: &str) -> Option<Decimal> {
    parse_number(&fold_width(text))
        .or_else(|| fold_width(text).trim().replace(',', "").parse().ok())
}

/// Reads an actuals file: CSV/TSV with a header row, or JSON (see `docs/scoring.md`).
pub fn read_actuals(bytes: &[u8], options: &ReadOptions) -> Result<Actuals, ReadError> {
    let file = options.file_name.as_deref();
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
        read_table(text, delimiter, &at)?
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

fn read_table(text: &str, delimiter: u8, at: &Location) -> Result<Actuals, ReadError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
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
        let number = |i: Option<usize>, what: &str| -> Result<Option<Decimal>, ReadError> {
            match cell(i) {
                None => Ok(None),
                Some(t) => money(&t).map(Some).ok_or_else(|| ReadError::Malformed {
                    at: at.clone().line(line),
                    message: format!("{what} `{t}` is not a number"),
                }),
            }
        };
        let initial = number(cols.initial, "年初预算数")?;
        let adjusted = number(cols.adjusted, "全年预算数")?;
        let executed = number(cols.executed, "全年执行数")?;
        if initial.is_some() || adjusted.is_some() || executed.is_some() {
            let unit = match cell(cols.unit).as_deref().map(str::trim) {
                Some("万元") => MoneyUnit::WanYuan,
                _ => MoneyUnit::Yuan,
            };
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

/// The declarations a project name (or 项目编码) names.
fn projects_named(document: &Document, name: &str) -> Vec<usize> {
    let k = key(name);
    document
        .declarations
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            key(&d.project.name) == k || d.project.code.as_deref().is_some_and(|c| key(c) == k)
        })
        .map(|(i, _)| i)
        .collect()
}

/// What a row refers to: an indicator name, narrowed by 一级/二级 when given.
struct Reference {
    name: String,
    level1: Option<String>,
    level2: Option<String>,
}

/// A row's reference; `一级/二级/三级` and `二级/三级` paths are split when their leading
/// parts are level labels (a name that merely contains `/` stays a name).
fn reference(row: &ActualRow) -> Reference {
    let folded = fold_width(&row.indicator);
    let parts: Vec<&str> = folded.split('/').map(str::trim).collect();
    let path = match parts.as_slice() {
        [l1, l2, name] if Level1::parse(l1).is_some() && Level2::parse(l2).is_some() => {
            Some((Some(*l1), Some(*l2), *name))
        }
        [l, name] if Level1::parse(l).is_some() => Some((Some(*l), None, *name)),
        [l, name] if Level2::parse(l).is_some() => Some((None, Some(*l), *name)),
        _ => None,
    };
    match path {
        Some((l1, l2, name)) => Reference {
            name: name.to_owned(),
            level1: l1.map(str::to_owned).or_else(|| row.level1.clone()),
            level2: l2.map(str::to_owned).or_else(|| row.level2.clone()),
        },
        None => Reference {
            name: row.indicator.trim().to_owned(),
            level1: row.level1.clone(),
            level2: row.level2.clone(),
        },
    }
}

fn matches(indicator: &crate::model::Indicator, r: &Reference) -> bool {
    if key(&indicator.name) != key(&r.name) {
        return false;
    }
    let level1_ok = r
        .level1
        .as_deref()
        .is_none_or(|label| match Level1::parse(label) {
            Some(l) if indicator.level1.is_some() => indicator.level1 == Some(l),
            _ => key(indicator.level1_label()) == key(label),
        });
    let level2_ok = r
        .level2
        .as_deref()
        .is_none_or(|label| match Level2::parse(label) {
            Some(l) if indicator.level2.is_some() => indicator.level2 == Some(l),
            _ => key(indicator.level2_label()) == key(label),
        });
    level1_ok && level2_ok
}

fn path(declaration: &Declaration, i: usize) -> String {
    declaration
        .indicators
        .get(i)
        .map_or_else(String::new, |ind| {
            format!("{}/{}/{}", ind.level1_label(), ind.level2_label(), ind.name)
        })
}

fn evaluation_of(declaration: &mut Declaration) -> &mut Evaluation {
    let count = declaration.indicators.len();
    let evaluation = declaration
        .evaluation
        .get_or_insert_with(Evaluation::default);
    if evaluation.indicators.len() < count {
        evaluation
            .indicators
            .resize(count, IndicatorEvaluation::default());
    }
    evaluation
}

/// Joins an actuals file to a document: fills each declaration's [`Evaluation`] (actuals,
/// deviation notes, published scores, budget figures). A row naming an unknown or ambiguous
/// project or indicator is an error naming the row; an indicator left without an actual, a
/// project without budget figures and a duplicate row are findings.
pub fn apply_actuals(
    document: &Document,
    actuals: &Actuals,
) -> Result<(Document, Vec<Finding>), ActualsError> {
    let mut doc = document.clone();
    let mut findings = Vec::new();
    let at = |row: u32| Location::file(actuals.file.as_deref()).line(row);
    let known = || {
        document
            .declarations
            .iter()
            .map(|d| d.project.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let project_of = |name: Option<&str>, row: u32| -> Result<Option<usize>, ActualsError> {
        match name {
            Some(name) => match projects_named(document, name).as_slice() {
                [] => Err(ActualsError::UnknownProject {
                    at: at(row),
                    name: name.to_owned(),
                    known: known(),
                }),
                [one] => Ok(Some(*one)),
                several => Err(ActualsError::Ambiguous {
                    at: at(row),
                    name: name.to_owned(),
                    candidates: format!("{} projects of that name", several.len()),
                }),
            },
            None if document.declarations.len() == 1 => Ok(Some(0)),
            None => Ok(None),
        }
    };
    let count = doc.declarations.len();
    let mut touched = vec![false; count];
    let mut budgeted = vec![false; count];
    for budget in &actuals.budgets {
        let Some(p) = project_of(budget.project.as_deref(), budget.row)? else {
            return Err(ActualsError::Ambiguous {
                at: at(budget.row),
                name: "budget figures".to_owned(),
                candidates: format!("{count} projects (add a 项目名称 column or \"project\")"),
            });
        };
        if let Some(declaration) = doc.declarations.get_mut(p) {
            let evaluation = evaluation_of(declaration);
            evaluation.unit = budget.unit;
            evaluation.budget.initial = budget.initial.or(evaluation.budget.initial);
            evaluation.budget.adjusted = budget.adjusted.or(evaluation.budget.adjusted);
            evaluation.budget.executed = budget.executed.or(evaluation.budget.executed);
        }
        if let Some(flag) = budgeted.get_mut(p) {
            *flag = true;
        }
        if let Some(flag) = touched.get_mut(p) {
            *flag = true;
        }
    }
    let mut filled: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for row in &actuals.rows {
        let r = reference(row);
        let scope: Vec<usize> = match project_of(row.project.as_deref(), row.row)? {
            Some(p) => vec![p],
            None => (0..count).collect(),
        };
        let hits: Vec<(usize, usize)> = scope
            .iter()
            .filter_map(|&p| document.declarations.get(p).map(|d| (p, d)))
            .flat_map(|(p, d)| {
                d.indicators
                    .iter()
                    .enumerate()
                    .filter(|(_, ind)| matches(ind, &r))
                    .map(move |(i, _)| (p, i))
            })
            .collect();
        let (p, i) = match hits.as_slice() {
            [] => {
                return Err(ActualsError::UnknownIndicator {
                    at: at(row.row),
                    project: match scope.as_slice() {
                        [p] => document
                            .declarations
                            .get(*p)
                            .map_or_else(String::new, |d| d.project.name.clone()),
                        _ => "any".to_owned(),
                    },
                    name: row.indicator.clone(),
                })
            }
            [one] => *one,
            several => {
                let candidates = several
                    .iter()
                    .filter_map(|(p, i)| {
                        document
                            .declarations
                            .get(*p)
                            .map(|d| format!("{}: {}", d.project.name, path(d, *i)))
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                return Err(ActualsError::Ambiguous {
                    at: at(row.row),
                    name: row.indicator.clone(),
                    candidates,
                });
            }
        };
        let Some(declaration) = doc.declarations.get_mut(p) else {
            continue;
        };
        if let Some(first) = filled.insert((p, i), row.row) {
            findings.push(
                Finding::new(
                    "S-actual-duplicate",
                    Severity::Warning,
                    format!(
                        "指标在第 {first} 行和第 {} 行都有实际完成值，采用后者",
                        row.row
                    ),
                    format!(
                        "the indicator has actuals on rows {first} and {}; the later one is used",
                        row.row
                    ),
                )
                .in_project(&declaration.project.name)
                .on_indicator(path(declaration, i)),
            );
        }
        let evaluation = evaluation_of(declaration);
        if let Some(slot) = evaluation.indicators.get_mut(i) {
            if row.actual.is_some() {
                slot.actual.clone_from(&row.actual);
            }
            if row.deviation.is_some() {
                slot.deviation.clone_from(&row.deviation);
            }
            if row.score.is_some() {
                slot.score = row.score;
            }
        }
        if let Some(flag) = touched.get_mut(p) {
            *flag = true;
        }
    }
    for (p, declaration) in doc.declarations.iter().enumerate() {
        let name = declaration.project.name.as_str();
        if !touched.get(p).copied().unwrap_or(false) {
            findings.push(
                Finding::new(
                    "S-project-no-actuals",
                    Severity::Warning,
                    "实际完成值文件中没有该项目：全部指标无法评分",
                    "the actuals file has nothing for this project: none of its indicators can be scored",
                )
                .in_project(name),
            );
            continue;
        }
        let evaluation = declaration.evaluation.as_ref();
        for (i, _) in declaration.indicators.iter().enumerate() {
            let has = evaluation
                .and_then(|e| e.indicators.get(i))
                .and_then(|e| e.actual.as_deref())
                .is_some_and(|a| !a.trim().is_empty());
            if !has {
                findings.push(
                    Finding::new(
                        "S-actual-missing",
                        Severity::Warning,
                        "该指标没有实际完成值：无法评分（不计 0 分）",
                        "no actual for this indicator: it will be not scorable (never a silent 0)",
                    )
                    .in_project(name)
                    .on_indicator(path(declaration, i)),
                );
            }
        }
        let has_budget =
            evaluation.is_some_and(|e| e.budget.adjusted.is_some() && e.budget.executed.is_some());
        if !has_budget && !budgeted.get(p).copied().unwrap_or(false) {
            findings.push(
                Finding::new(
                    "S-budget-missing",
                    Severity::Warning,
                    "没有全年预算数/全年执行数：预算执行率无法评分",
                    "no 全年预算数 / 全年执行数: the budget execution item will be not scorable",
                )
                .in_project(name),
            );
        }
    }
    Ok((doc, findings))
}
