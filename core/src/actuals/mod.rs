//! 实际完成值: a separate actuals file joined to a declaration, so that a declaration
//! (绩效目标申报表) plus what was achieved can be scored like a self-evaluation.
//!
//! The file is CSV/TSV (or an `.xlsx` sheet) with a header row, or JSON; `docs/scoring.md`
//! documents both.
//! [`apply_actuals`] fills each declaration's [`Evaluation`](crate::model::Evaluation): a row naming an indicator
//! that does not exist (or is ambiguous) is an error naming the row and the name; an
//! indicator left without an actual is a [`Finding`](crate::Finding) (it will be `not_scorable`, never 0).
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

mod join;
mod read;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Location;
use crate::model::MoneyUnit;
use crate::text::fold_width;

pub use join::apply_actuals;
pub use read::read_actuals;

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
pub(crate) fn key(text: &str) -> String {
    fold_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

pub(crate) fn non_empty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}
