//! The document model. Its serde form **is** the canonical JSON (`jixiao/1`) of
//! `formats.md` §C, key for key: money, values and weights are strings holding exact
//! decimals, absent values are `null`, and extra keys are only ever added.
//!
//! On reading, `null` means the same as the key being absent, for every key that may be
//! absent: an optional value is `None`, a list or a map is empty, a block (`funding`,
//! `goals`, `evaluation.budget`) is empty, the money unit is 元, and an indicator's
//! `target` is the empty target (the one an empty 指标值 cell reads as). The writer
//! leaves out absent values, so a document with its `null`s removed is the same document.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::taxonomy::{Level1, Level2};
use crate::value::Target;

/// The schema tag written into every canonical JSON document.
pub const SCHEMA: &str = "jixiao/1";

/// Where something was read from: the file (when known) and the 1-based line.
///
/// A location is not part of a value's identity: two sources always compare equal,
/// so a document read from a form equals the same document read back from JSON.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Source {
    /// The file name as the caller gave it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based line number in the decoded text (or row number in a sheet); 0 when unknown.
    pub line: u32,
    /// The sheet name when the source is a workbook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

impl PartialEq for Source {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl Source {
    /// Whether the location is known (it was read from text or a sheet).
    pub fn is_known(&self) -> bool {
        self.line > 0
    }

    /// A source at `line` of `file`.
    pub fn at(file: Option<&str>, line: u32) -> Self {
        Source {
            file: file.map(str::to_owned),
            line,
            sheet: None,
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}:")?;
        }
        if let Some(sheet) = &self.sheet {
            write!(f, "[{sheet}]")?;
        }
        write!(f, "{}", self.line)
    }
}

/// A document: one or more declarations (a unit's 汇总表, a system export, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    #[serde(default = "schema_tag", deserialize_with = "schema_or_null")]
    pub schema: String,
    /// The document title (e.g. `…2024年度项目绩效目标汇总表`), when there is one.
    #[serde(default)]
    pub title: Option<String>,
    /// The budget year (年度) named by the title or the form, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The declarations (绩效目标申报表 / 绩效自评表), in document order.
    #[serde(default, deserialize_with = "null_as_default")]
    pub declarations: Vec<Declaration>,
}

fn schema_tag() -> String {
    SCHEMA.to_owned()
}

/// `schema` as read: `null` is the same as no `schema` key (the default tag).
fn schema_or_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_else(schema_tag))
}

/// A key whose `null` means the same as its absence: the type's default (an empty list,
/// map, string or block). Any other wrong type is still an error, at its line and column.
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// An indicator's `target` as read: absent or `null` is the empty target, the one an
/// empty 指标值 cell reads as.
fn target_or_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Target, D::Error> {
    Ok(Option::<Target>::deserialize(d)?.unwrap_or_else(empty_target))
}

fn empty_target() -> Target {
    Target::parse("")
}

impl Default for Document {
    fn default() -> Self {
        Document {
            schema: schema_tag(),
            title: None,
            year: None,
            declarations: Vec::new(),
        }
    }
}

impl Document {
    /// Every indicator of every declaration, in order.
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.declarations.iter().flat_map(|d| d.indicators.iter())
    }
}

/// 绩效目标申报表: one project's declaration, and its self-evaluation when it has one.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Declaration {
    /// The project header fields.
    pub project: Project,
    /// 项目资金: the funding block.
    #[serde(default, deserialize_with = "null_as_default")]
    pub funding: Funding,
    /// 项目绩效目标: the goal texts.
    #[serde(default, deserialize_with = "null_as_default")]
    pub goals: Goals,
    /// 绩效指标: the 三级 indicators, each carrying its 一级/二级.
    #[serde(default, deserialize_with = "null_as_default")]
    pub indicators: Vec<Indicator>,
    /// Points written in the form's own level headers (`产出指标(70分)`), keyed by the
    /// normalized 一级 name. They win over a scoring profile's level points.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub level_points: BTreeMap<String, Decimal>,
    /// Points of the form's point groups (指标组), keyed by the group label as written:
    /// a template that splits the indicator table into blocks with their own header row
    /// and points (`年度绩效目标1(40分)`, `年度绩效目标2(40分)`, Hubei). With two groups or
    /// more, an indicator without a 分值 whose 一级 has no points in the form draws its
    /// weight from its group's points (`domain.md` §5 "Weights", docs/scoring.md).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub group_points: BTreeMap<String, Decimal>,
    /// 二级 rows the form answered `不适用` (not applicable) instead of naming an
    /// indicator: no indicator, but the answer is kept so that a review can tell "not
    /// applicable" from "left empty".
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub not_applicable: Vec<NotApplicable>,
    /// The self-evaluation (绩效自评表) figures as published, when this is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluation: Option<Evaluation>,
    /// The mid-year monitoring (执行监控表) figures, when this is one (`domain.md` §8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring: Option<crate::monitor::Monitoring>,
    /// Where the declaration starts in its source.
    #[serde(skip)]
    pub source: Source,
}

/// A 二级 row of the indicator table answered `不适用` (or `/`, `无`) in every cell.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NotApplicable {
    /// 一级指标, normalized, when known.
    #[serde(default)]
    pub level1: Option<Level1>,
    /// 二级指标, normalized, when known.
    #[serde(default)]
    pub level2: Option<Level2>,
    /// The 二级 label as written, when it is not a known category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level2_text: Option<String>,
}

/// The header of a declaration (项目名称, 项目性质, …).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Project {
    /// 项目名称.
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
    /// 项目编码 / 项目代码, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// 项目性质, as written (e.g. `其他一次性项目`).
    #[serde(default)]
    pub nature: Option<String>,
    /// 项目类别, as written (e.g. `特定目标类`).
    #[serde(default)]
    pub category: Option<String>,
    /// 主管部门.
    #[serde(default)]
    pub department: Option<String>,
    /// 实施单位.
    #[serde(default)]
    pub implementer: Option<String>,
    /// 计划开始日期.
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    /// 计划完成日期.
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    /// 政策依据: the policies and documents the project rests on, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_basis: Option<String>,
    /// 测算依据: how the amount was calculated, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calculation_basis: Option<String>,
    /// Header fields the reader did not recognize, label → value, kept verbatim.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub extra: BTreeMap<String, String>,
}

/// The unit money is stated in (金额单位).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum MoneyUnit {
    /// 元.
    #[default]
    #[serde(rename = "元")]
    Yuan,
    /// 万元 = 10000 元.
    #[serde(rename = "万元")]
    WanYuan,
}

impl MoneyUnit {
    /// How many 元 one of this unit is.
    pub fn in_yuan(self) -> Decimal {
        match self {
            MoneyUnit::Yuan => Decimal::ONE,
            MoneyUnit::WanYuan => Decimal::from(10_000),
        }
    }

    /// The unit as written in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::WanYuan => "万元",
        }
    }
}

/// 项目资金: the funding block. A cell left empty in the form is `None`, never zero.
///
/// Left side, for the whole project period: 项目资金总额 (其中：财政资金, 其他资金).
/// Right side, for the year: 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Funding {
    /// The unit all amounts below are stated in.
    #[serde(default, deserialize_with = "null_as_default")]
    pub unit: MoneyUnit,
    /// 项目资金总额.
    #[serde(default)]
    pub total: Option<Decimal>,
    /// 其中：财政资金.
    #[serde(default)]
    pub total_fiscal: Option<Decimal>,
    /// 其他资金 (project period).
    #[serde(default)]
    pub total_other: Option<Decimal>,
    /// 年度资金申请总额.
    #[serde(default)]
    pub annual: Option<Decimal>,
    /// 其中：当年财政拨款.
    #[serde(default)]
    pub annual_fiscal: Option<Decimal>,
    /// 上年结转资金.
    #[serde(default)]
    pub annual_carryover: Option<Decimal>,
    /// 其他资金 (the year).
    #[serde(default)]
    pub annual_other: Option<Decimal>,
    /// Where the funding block was read from.
    #[serde(skip)]
    pub source: Source,
}

/// 项目绩效目标: the goal texts, HTML stripped.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Goals {
    /// 项目总目标.
    #[serde(default)]
    pub overall: Option<String>,
    /// 年度总体目标 (预期目标 in a self-evaluation).
    #[serde(default)]
    pub annual: Option<String>,
}

/// 正向/反向: the direction a list export may declare beside the comparator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 正向: more is better.
    Increase,
    /// 反向: less is better.
    Decrease,
    /// 定性: a qualitative indicator.
    Qualitative,
}

/// 三级指标: the concrete indicator, with its 一级/二级 and its target value (指标值).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// 一级指标, normalized; `None` when the label is not one the taxonomy knows.
    pub level1: Option<Level1>,
    /// 二级指标, normalized; `None` when the label is not one the taxonomy knows.
    pub level2: Option<Level2>,
    /// 三级指标 name.
    pub name: String,
    /// 年度指标值: the target.
    #[serde(default = "empty_target", deserialize_with = "target_or_null")]
    pub target: Target,
    /// 分值/权重, when given.
    #[serde(default)]
    pub weight: Option<Decimal>,
    /// The 一级 label as written, when it differs from the normalized name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level1_text: Option<String>,
    /// The 二级 label as written, when it differs from the normalized name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level2_text: Option<String>,
    /// 正向/反向 as declared in its own column (list layout), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The point group (指标组) the indicator stands in, by its label as written without
    /// its points (`年度绩效目标1` of a header `年度绩效目标1(40分)`); its points are in
    /// [`Declaration::group_points`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Columns or cells the reader did not recognize, header → value, kept verbatim.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub extra: BTreeMap<String, String>,
    /// Where the indicator row was read from.
    #[serde(skip)]
    pub source: Source,
}

impl Indicator {
    /// A new indicator with no weight, direction or extras.
    pub fn new(level1: Option<Level1>, level2: Option<Level2>, name: &str, target: Target) -> Self {
        Indicator {
            level1,
            level2,
            name: name.to_owned(),
            target,
            weight: None,
            level1_text: None,
            level2_text: None,
            direction: None,
            group: None,
            extra: BTreeMap::new(),
            source: Source::default(),
        }
    }

    /// The 一级 label: normalized name, else the text as written.
    pub fn level1_label(&self) -> &str {
        match (&self.level1, &self.level1_text) {
            (Some(l), _) => l.as_str(),
            (None, Some(t)) => t,
            (None, None) => "",
        }
    }

    /// The 二级 label: normalized name, else the text as written.
    pub fn level2_label(&self) -> &str {
        match (&self.level2, &self.level2_text) {
            (Some(l), _) => l.as_str(),
            (None, Some(t)) => t,
            (None, None) => "",
        }
    }
}

/// 绩效自评: the published figures of a self-evaluation, kept exactly as published.
/// Recomputed figures live in a scorecard, never here.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Evaluation {
    /// 金额单位 of the budget rows.
    #[serde(default, deserialize_with = "null_as_default")]
    pub unit: MoneyUnit,
    /// The 年度资金总额 row.
    #[serde(default, deserialize_with = "null_as_default")]
    pub budget: BudgetRow,
    /// The 其中：当年财政拨款 row, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_fiscal: Option<BudgetRow>,
    /// The 上年结转资金 row, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_carryover: Option<BudgetRow>,
    /// The 其他资金 row, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_other: Option<BudgetRow>,
    /// 实际完成情况 of the 年度总体目标.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_achieved: Option<String>,
    /// One entry per indicator: `indicators[i]` belongs to the declaration's `indicators[i]`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub indicators: Vec<IndicatorEvaluation>,
    /// 总分 as published.
    #[serde(default)]
    pub total: Option<Decimal>,
    /// The 分值 of the 总分 row (normally 100), when published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_weight: Option<Decimal>,
    /// 自评等级 as published (`优`, `良`, …), when the form states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// 偏差大或目标未完成原因分析: the form's closing deviation analysis, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deviation_analysis: Option<String>,
    /// 改进措施及结果应用方案: the form's closing improvement measures, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub improvement: Option<String>,
    /// Where the evaluation's 总分 row was read from.
    #[serde(skip)]
    pub source: Source,
}

/// One row of the funding matrix of a self-evaluation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BudgetRow {
    /// 年初预算数.
    #[serde(default)]
    pub initial: Option<Decimal>,
    /// 全年预算数 (调整后预算数).
    #[serde(default)]
    pub adjusted: Option<Decimal>,
    /// 全年执行数.
    #[serde(default)]
    pub executed: Option<Decimal>,
    /// 分值 of the budget-execution item.
    #[serde(default)]
    pub weight: Option<Decimal>,
    /// 执行率 as published (text, e.g. `86.19%`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<String>,
    /// 得分 as published.
    #[serde(default)]
    pub score: Option<Decimal>,
    /// Where the row was read from.
    #[serde(skip)]
    pub source: Source,
}

impl Evaluation {
    /// Whether the evaluation holds nothing at all (a 自评表 left blank): no budget figure,
    /// no actual, score or note, no total or grade. Such an evaluation is no evaluation
    /// (`None`) in every reader, as the list layout, which cannot write it, reads it.
    pub fn is_empty(&self) -> bool {
        self.budget.is_empty()
            && [
                &self.budget_fiscal,
                &self.budget_carryover,
                &self.budget_other,
            ]
            .iter()
            .all(|row| row.as_ref().is_none_or(BudgetRow::is_empty))
            && self
                .indicators
                .iter()
                .all(|i| i.actual.is_none() && i.score.is_none() && i.deviation.is_none())
            && self.goal_achieved.is_none()
            && self.total.is_none()
            && self.total_weight.is_none()
            && self.grade.is_none()
            && self.deviation_analysis.is_none()
            && self.improvement.is_none()
    }
}

impl BudgetRow {
    /// Whether the row holds no figure at all (a 上年结转资金 row left blank): such a
    /// sub-row of the matrix is no row (`None`), as every layout writes it.
    pub fn is_empty(&self) -> bool {
        self.initial.is_none()
            && self.adjusted.is_none()
            && self.executed.is_none()
            && self.weight.is_none()
            && self.rate.is_none()
            && self.score.is_none()
    }
}

/// The published evaluation of one indicator.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IndicatorEvaluation {
    /// 实际完成值, as written.
    #[serde(default)]
    pub actual: Option<String>,
    /// 得分 as published.
    #[serde(default)]
    pub score: Option<Decimal>,
    /// 偏差原因分析及改进措施.
    #[serde(default)]
    pub deviation: Option<String>,
}
