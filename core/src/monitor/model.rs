//! The monitoring model (绩效运行监控, `domain.md` §8): what a 项目支出绩效目标执行监控表
//! holds beside its declaration. It lives in [`Declaration::monitoring`] and is written
//! into the canonical JSON as a `monitoring` object beside `evaluation`;
//! `monitoring.indicators[i]` belongs to the declaration's `indicators[i]`, whose `target`
//! is the declared 年度指标值.
//!
//! [`Declaration::monitoring`]: crate::model::Declaration::monitoring

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{null_as_default, MoneyUnit, Source};

/// 执行监控: the monitoring figures of one project for the period 1-`month`月, as written.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Monitoring {
    /// The last month of the period (7 for 1-7月), from the labels or the title; `None`
    /// when the table does not say (the caller then gives it).
    #[serde(default)]
    pub month: Option<u32>,
    /// 金额单位 of the funding rows.
    #[serde(default, deserialize_with = "null_as_default")]
    pub unit: MoneyUnit,
    /// The 年度资金总额 row.
    #[serde(default, deserialize_with = "null_as_default")]
    pub budget: MonitorBudgetRow,
    /// The 其中：财政拨款 row, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_fiscal: Option<MonitorBudgetRow>,
    /// The 上年结转资金 row, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_carryover: Option<MonitorBudgetRow>,
    /// The 其他资金 row, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_other: Option<MonitorBudgetRow>,
    /// 1-X月执行情况 of the 年度总体目标 (the goal text itself is the declaration's
    /// `goals.annual`).
    #[serde(default)]
    pub progress: Option<String>,
    /// 完成目标可能性 of the project as a whole, when the form states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievability: Option<Achievability>,
    /// One entry per indicator: `indicators[i]` belongs to the declaration's `indicators[i]`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub indicators: Vec<IndicatorMonitoring>,
    /// 处置: what the finance bureau decided for the project (继续执行, 调剂, 暂缓拨款,
    /// 停止拨款, 压减, 调整预算, 取消), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disposal: Option<String>,
    /// Where the monitoring table starts in its source.
    #[serde(skip)]
    pub source: Source,
}

/// One funding row of a monitoring table (年度资金总额, 其中：财政拨款, …).
///
/// Not the self-evaluation's [`BudgetRow`](crate::model::BudgetRow), though three fields
/// share names: here `executed` is 1-X月执行数 (to date), there 全年执行数 (the year's);
/// this row has 全年预计执行数 (`forecast`) and no 分值/得分, that one 分值 and 得分 and no
/// forecast; and the canonical JSON differs (`rate: null` is written here, left out
/// there). One type for both would put fields in each JSON that its table does not have.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MonitorBudgetRow {
    /// 年初预算数.
    #[serde(default)]
    pub initial: Option<Decimal>,
    /// 全年预算数 (调整后预算数).
    #[serde(default)]
    pub adjusted: Option<Decimal>,
    /// 1-X月执行数.
    #[serde(default)]
    pub executed: Option<Decimal>,
    /// 执行率 as printed (text, e.g. `50.00%`).
    #[serde(default)]
    pub rate: Option<String>,
    /// 全年预计执行数.
    #[serde(default)]
    pub forecast: Option<Decimal>,
    /// 偏差原因分析 of the row (why execution lags), as written; the official table has
    /// the column beside the funding figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl MonitorBudgetRow {
    /// Whether the row holds no figure at all.
    pub fn is_empty(&self) -> bool {
        self.initial.is_none()
            && self.adjusted.is_none()
            && self.executed.is_none()
            && self.rate.is_none()
            && self.forecast.is_none()
            && self.reason.is_none()
    }
}

/// 偏差原因分析: one of the five deviation categories of the monitoring table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Reason {
    /// 经费保障.
    #[serde(rename = "经费保障")]
    Funding,
    /// 制度保障.
    #[serde(rename = "制度保障")]
    Rules,
    /// 人员保障.
    #[serde(rename = "人员保障")]
    Staff,
    /// 硬件条件保障.
    #[serde(rename = "硬件条件保障")]
    Hardware,
    /// 其他.
    #[serde(rename = "其他")]
    Other,
}

impl Reason {
    /// Every category, in the form's order.
    pub const ALL: [Reason; 5] = [
        Reason::Funding,
        Reason::Rules,
        Reason::Staff,
        Reason::Hardware,
        Reason::Other,
    ];

    /// The category as the form writes it (`经费保障`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Funding => "经费保障",
            Reason::Rules => "制度保障",
            Reason::Staff => "人员保障",
            Reason::Hardware => "硬件条件保障",
            Reason::Other => "其他",
        }
    }

    /// The category a word names: the full name, or its head (`经费`, `制度`, `人员`,
    /// `硬件`, `其它`).
    pub fn parse(word: &str) -> Option<Reason> {
        let w = crate::text::no_spaces(&crate::text::fold_width(word));
        let w = w.trim_end_matches(['。', '.']);
        match w {
            "经费保障" | "经费" | "资金保障" => Some(Reason::Funding),
            "制度保障" | "制度" => Some(Reason::Rules),
            "人员保障" | "人员" => Some(Reason::Staff),
            "硬件条件保障" | "硬件条件" | "硬件保障" | "硬件" => {
                Some(Reason::Hardware)
            }
            "其他" | "其它" => Some(Reason::Other),
            _ => None,
        }
    }
}

/// 完成目标可能性: whether the year's target can still be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Achievability {
    /// 确定能.
    #[serde(rename = "确定能")]
    Certain,
    /// 有可能.
    #[serde(rename = "有可能")]
    Possible,
    /// 完全不可能.
    #[serde(rename = "完全不可能")]
    Impossible,
}

impl Achievability {
    /// The value as the form writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Achievability::Certain => "确定能",
            Achievability::Possible => "有可能",
            Achievability::Impossible => "完全不可能",
        }
    }

    /// Reads a cell (`确定能`, `有可能`, `完全不可能`; also `能`, `可能`, `不可能`).
    pub fn parse(text: &str) -> Option<Achievability> {
        let t = crate::text::no_spaces(&crate::text::fold_width(text));
        if t.contains("不可能") || t.contains("不能") {
            Some(Achievability::Impossible)
        } else if t.contains("确定") || t == "能" || t == "可以" {
            Some(Achievability::Certain)
        } else if t.contains("可能") {
            Some(Achievability::Possible)
        } else {
            None
        }
    }
}

/// The monitoring of one indicator, as written.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IndicatorMonitoring {
    /// 1-X月执行情况: the actual so far.
    #[serde(default)]
    pub actual: Option<String>,
    /// 全年预计完成情况: the full-year forecast.
    #[serde(default)]
    pub forecast: Option<String>,
    /// 偏差原因分析 as categories: `None` when the cell is empty, `Some([])` for
    /// `无偏差`; sorted, without repeats.
    #[serde(default)]
    pub reasons: Option<Vec<Reason>>,
    /// The 偏差原因分析 cell verbatim, when it says anything besides its categories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_note: Option<String>,
    /// 完成目标可能性.
    #[serde(default)]
    pub achievability: Option<Achievability>,
    /// 原因说明.
    #[serde(default)]
    pub explanation: Option<String>,
    /// 备注.
    #[serde(default)]
    pub remark: Option<String>,
    /// 是否需要整改 (是/否), when the form has the column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_rectification: Option<bool>,
    /// 整改要求 (整改措施, 纠偏措施): what is to be done about the deviation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rectification_request: Option<String>,
    /// 整改结果.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rectification_result: Option<String>,
    /// 处置 of the row, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disposal: Option<String>,
}

/// Reads a 偏差原因分析 cell: the categories it names (split at `;` `；` `、` `,` `，`
/// `/`), and the whole cell verbatim as the note when it says anything besides them. `无偏差` (or `无`) is the explicit empty
/// set; an empty cell is `None`.
///
/// ```
/// use jixiao::monitor::{parse_reasons, Reason};
/// let (reasons, note) = parse_reasons("制度保障;其他");
/// assert_eq!(reasons, Some(vec![Reason::Rules, Reason::Other]));
/// assert_eq!(note, None);
/// assert_eq!(parse_reasons("无偏差"), (Some(vec![]), None));
/// assert_eq!(parse_reasons(""), (None, None));
/// ```
pub fn parse_reasons(cell: &str) -> (Option<Vec<Reason>>, Option<String>) {
    let text = cell.trim();
    if text.is_empty() {
        return (None, None);
    }
    let folded = crate::text::no_spaces(&crate::text::fold_width(text));
    if matches!(
        folded.as_str(),
        "无偏差" | "无" | "无偏差。" | "未偏差" | "没有偏差"
    ) {
        return (Some(Vec::new()), None);
    }
    let mut reasons = Vec::new();
    let mut rest = false;
    for part in text.split([';', '；', '、', ',', '，', '/', '\n']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        // `其他：审批流程调整` names the category and says why.
        let (head, tail) = match part.split_once([':', '：']) {
            Some((h, t)) => (h, Some(t.trim())),
            None => (part, None),
        };
        match Reason::parse(head) {
            Some(r) => {
                reasons.push(r);
                rest |= tail.is_some_and(|t| !t.is_empty());
            }
            None => rest = true,
        }
    }
    reasons.sort();
    reasons.dedup();
    // The cell says more than its categories: kept verbatim (it reads back the same).
    let note = rest.then(|| text.to_owned());
    (Some(reasons), note)
}
