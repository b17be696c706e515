//! 列名: the names of the columns of every table the bindings return (the list table of a
//! document, score tables, review, audit and summary tables).
//!
//! The convention is **English snake_case** (`project`, `level1`, `funding_annual`, …):
//! names a query language takes without quoting (`select project, sum(score) …` in DuckDB,
//! `pl.col("score")` in Polars), the same in every table. Each name has a Chinese label, the
//! header a Chinese reader of the form expects; for the list table (清单式) the label is the
//! header the list writers print and the list reader reads back (`项目名称`, `一级指标`, …).
//!
//! ```
//! use jixiao::write::names::{chinese, english, list_header, ColumnNames};
//! assert_eq!(english("年度资金申请总额"), "funding_annual");
//! assert_eq!(chinese("funding_annual").as_deref(), Some("年度资金申请总额"));
//! assert_eq!(chinese("total_weight").as_deref(), Some("总分分值"));
//! assert_eq!(chinese("grade").as_deref(), Some("自评等级"));
//! assert_eq!(list_header("grade"), None);
//! assert_eq!("zh".parse::<ColumnNames>(), Ok(ColumnNames::Chinese));
//! ```

use std::fmt;
use std::str::FromStr;

use crate::read::list::columns::{
    recognize, BudgetField, BudgetLine, Column, PROJECT_EXTRA_PREFIX,
};

/// Which names a table's columns carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ColumnNames {
    /// English snake_case (`project`, `score`): the convention, and the default.
    #[default]
    English,
    /// The Chinese labels (`项目名称`, `得分`); for a document's list table, the headers of
    /// the list layout.
    Chinese,
}

/// A `columns=` value that is neither `en` nor `zh`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[error("columns must be \"en\" or \"zh\", got {0:?}")]
pub struct UnknownColumnNames(pub String);

impl UnknownColumnNames {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        "unknown_column_names"
    }
}

impl FromStr for ColumnNames {
    type Err = UnknownColumnNames;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "en" => Ok(ColumnNames::English),
            "zh" => Ok(ColumnNames::Chinese),
            other => Err(UnknownColumnNames(other.to_owned())),
        }
    }
}

impl fmt::Display for ColumnNames {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ColumnNames::English => "en",
            ColumnNames::Chinese => "zh",
        })
    }
}

impl ColumnNames {
    /// The name of a column given by its English name, in this convention (an English
    /// name without a label is kept as it is).
    pub fn name(self, english: &str) -> String {
        match self {
            ColumnNames::English => english.to_owned(),
            ColumnNames::Chinese => chinese(english).unwrap_or_else(|| english.to_owned()),
        }
    }

    /// The name of a list-table column given by its list header (`项目名称`), in this
    /// convention.
    pub fn list_name(self, header: &str) -> String {
        match self {
            ColumnNames::English => english(header),
            ColumnNames::Chinese => header.to_owned(),
        }
    }
}

/// The header of the second sign column: 指标方向 (direction), the first being 计算符号.
pub(crate) const DIRECTION_HEADER: &str = "指标方向";

/// The English prefix of a project extra field (`project.负责人` for `项目.负责人`).
const PROJECT_EXTRA_EN: &str = "project.";

/// The English name of a list-table header (`项目名称` → `project`, `当年财政拨款全年执行数`
/// → `budget_fiscal_executed`, `指标方向` → `direction`, `项目.负责人` → `project.负责人`);
/// a header the list layout does not know (an indicator extra field) is kept as it is.
pub fn english(header: &str) -> String {
    if header.trim() == DIRECTION_HEADER {
        return "direction".to_owned();
    }
    match recognize(header).map(|m| m.column) {
        Some(Column::ProjectExtra(key)) => format!("{PROJECT_EXTRA_EN}{key}"),
        Some(Column::Budget(line, field)) => budget_key(line, field),
        Some(column) => list_key(&column).map_or_else(|| header.to_owned(), str::to_owned),
        None => header.to_owned(),
    }
}

fn budget_key(line: BudgetLine, field: BudgetField) -> String {
    let line = match line {
        BudgetLine::Total => "",
        BudgetLine::Fiscal => "fiscal_",
        BudgetLine::Carryover => "carryover_",
        BudgetLine::Other => "other_",
    };
    format!("budget_{line}{}", field_key(field))
}

fn field_key(field: BudgetField) -> &'static str {
    match field {
        BudgetField::Initial => "initial",
        BudgetField::Adjusted => "adjusted",
        BudgetField::Executed => "executed",
        BudgetField::Rate => "rate",
        BudgetField::Weight => "weight",
        BudgetField::Score => "score",
    }
}

/// The English names of the fixed list columns.
const LIST_KEYS: &[(&str, Column)] = &[
    ("declaration_no", Column::DeclarationNo),
    ("project", Column::ProjectName),
    ("project_code", Column::ProjectCode),
    ("nature", Column::Nature),
    ("category", Column::Category),
    ("department", Column::Department),
    ("implementer", Column::Implementer),
    ("start_date", Column::StartDate),
    ("end_date", Column::EndDate),
    ("funding_unit", Column::FundingUnit),
    ("funding_total", Column::FundingTotal),
    ("funding_total_fiscal", Column::FundingTotalFiscal),
    ("funding_total_other", Column::FundingTotalOther),
    ("funding_annual", Column::FundingAnnual),
    ("funding_annual_fiscal", Column::FundingAnnualFiscal),
    ("funding_annual_carryover", Column::FundingAnnualCarryover),
    ("funding_annual_other", Column::FundingAnnualOther),
    ("goal_overall", Column::GoalOverall),
    ("goal_annual", Column::GoalAnnual),
    ("level_points", Column::LevelPoints),
    ("level1", Column::Level1),
    ("level2", Column::Level2),
    ("level1_text", Column::Level1Text),
    ("level2_text", Column::Level2Text),
    ("group", Column::Group),
    ("name", Column::Name),
    ("target", Column::Target),
    ("comparator", Column::Sign),
    ("unit", Column::Unit),
    ("weight", Column::Weight),
    ("actual", Column::Actual),
    ("score", Column::Score),
    ("deviation", Column::Deviation),
    ("eval_unit", Column::EvalUnit),
    ("total", Column::Total),
    ("total_weight", Column::TotalWeight),
    ("goal_achieved", Column::GoalAchieved),
];

fn list_key(column: &Column) -> Option<&'static str> {
    LIST_KEYS
        .iter()
        .find(|(_, c)| c == column)
        .map(|(key, _)| *key)
}

/// Chinese labels of the columns of the result tables (score tables, review, audit,
/// summary) that are not list-table columns.
const RESULT_LABELS: &[(&str, &str)] = &[
    ("declaration", "申报表位置"),
    ("file", "文件"),
    ("profile", "评分方案"),
    ("item", "评分项"),
    ("max", "满分"),
    ("status", "评分状态"),
    ("published", "公布得分"),
    ("weight_source", "分值来源"),
    ("rule", "评分规则"),
    ("explanation", "计算过程"),
    ("reason", "原因"),
    ("flags", "标记"),
    ("complete", "评分完整"),
    ("open", "未评分值"),
    ("grade", "自评等级"),
    ("budget_score", "预算执行率得分"),
    ("budget_rate", "预算执行率"),
    ("code", "代码"),
    ("severity", "级别"),
    ("indicator", "指标"),
    ("line", "行号"),
    ("message", "说明"),
    ("message_en", "英文说明"),
    ("where", "位置"),
    ("computed", "复核值"),
    ("document", "文件"),
    ("all", "全部"),
    ("projects", "项目数"),
    ("indicators", "指标数"),
    ("quantitative", "定量指标数"),
    ("qualitative", "定性指标数"),
    ("invalid", "无效指标数"),
    ("quantitative_share", "定量指标占比"),
    ("annual_missing", "缺年度资金项目数"),
    ("errors", "错误数"),
    ("warnings", "警告数"),
    ("infos", "提示数"),
    ("evaluated", "自评表数"),
    ("mean_score", "平均得分"),
    ("min_score", "最低得分"),
    ("max_score", "最高得分"),
];

/// The Chinese label of an English column name: the list header for a list-table column
/// (see [`list_header`]), else the label of a result column (`grade` → `自评等级`);
/// `None` for a name no table uses.
pub fn chinese(name: &str) -> Option<String> {
    list_header(name).or_else(|| {
        RESULT_LABELS
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, label)| (*label).to_owned())
    })
}

/// The list header an English list-table name stands for (`project` → `项目名称`,
/// `budget_fiscal_executed` → `当年财政拨款全年执行数`, `direction` → `指标方向`,
/// `project.负责人` → `项目.负责人`): how a frame with English names is read back as a
/// list. `None` for a name that is not a list column's.
pub fn list_header(name: &str) -> Option<String> {
    if name == "direction" {
        return Some(DIRECTION_HEADER.to_owned());
    }
    if let Some(key) = name.strip_prefix(PROJECT_EXTRA_EN) {
        if !key.trim().is_empty() {
            return Some(format!("{PROJECT_EXTRA_PREFIX}{key}"));
        }
    }
    if let Some((_, column)) = LIST_KEYS.iter().find(|(key, _)| *key == name) {
        return Some(column.header());
    }
    let rest = name.strip_prefix("budget_")?;
    let (line, field) = match rest.split_once('_') {
        Some(("fiscal", f)) => (BudgetLine::Fiscal, f),
        Some(("carryover", f)) => (BudgetLine::Carryover, f),
        Some(("other", f)) => (BudgetLine::Other, f),
        _ => (BudgetLine::Total, rest),
    };
    // `budget_score` / `budget_rate` of a score table are these very figures.
    BudgetField::ALL
        .into_iter()
        .find(|f| field_key(*f) == field)
        .map(|field| Column::Budget(line, field).header())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_column_round_trips() {
        for (key, column) in LIST_KEYS {
            let header = column.header();
            assert_eq!(english(&header), *key, "{header}");
            assert_eq!(chinese(key).as_deref(), Some(header.as_str()), "{key}");
        }
        for line in BudgetLine::ALL {
            for field in BudgetField::ALL {
                let header = Column::Budget(line, field).header();
                let key = english(&header);
                assert!(key.starts_with("budget_"), "{header} → {key}");
                assert_eq!(chinese(&key).as_deref(), Some(header.as_str()), "{key}");
            }
        }
    }

    #[test]
    fn names_written_by_hand() {
        assert_eq!(english("项目名称"), "project");
        assert_eq!(english("计算符号"), "comparator");
        assert_eq!(english("指标方向"), "direction");
        assert_eq!(english("年初预算数"), "budget_initial");
        assert_eq!(english("当年财政拨款全年执行数"), "budget_fiscal_executed");
        assert_eq!(english("项目.负责人"), "project.负责人");
        assert_eq!(english("备注"), "备注");
        assert_eq!(chinese("budget_score").as_deref(), Some("预算执行率得分"));
        assert_eq!(chinese("budget_rate").as_deref(), Some("执行率"));
        assert_eq!(chinese("no_such_column"), None);
        assert_eq!(list_header("max"), None);
        assert_eq!(list_header("weight").as_deref(), Some("分值"));
        assert_eq!(ColumnNames::Chinese.name("max"), "满分");
        assert_eq!(ColumnNames::English.list_name("分值"), "weight");
        assert!("fr".parse::<ColumnNames>().is_err());
    }
}
