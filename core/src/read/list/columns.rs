//! The columns of the list layout (清单式) and the header names real exports use for them
//! (`formats.md` §B). Headers are compared ignoring spaces, full/half-width differences,
//! a required-field mark (`*`) and a trailing unit in parentheses (`年初预算数（万元）`).

use crate::model::MoneyUnit;
use crate::text::fold_width;

/// Which row of a self-evaluation's funding matrix (资金情况) a budget column belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BudgetLine {
    /// 年度资金总额: the row scored for budget execution.
    Total,
    /// 其中：当年财政拨款.
    Fiscal,
    /// 上年结转资金.
    Carryover,
    /// 其他资金.
    Other,
}

impl BudgetLine {
    /// Every line, in form order.
    pub const ALL: [BudgetLine; 4] = [
        BudgetLine::Total,
        BudgetLine::Fiscal,
        BudgetLine::Carryover,
        BudgetLine::Other,
    ];

    /// The prefix of the line's columns (`当年财政拨款年初预算数`); empty for the total row.
    pub fn prefix(self) -> &'static str {
        match self {
            BudgetLine::Total => "",
            BudgetLine::Fiscal => "当年财政拨款",
            BudgetLine::Carryover => "上年结转资金",
            BudgetLine::Other => "其他资金",
        }
    }
}

/// One figure of a budget row (年初预算数, 全年预算数, 全年执行数, 执行率, 分值, 得分).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BudgetField {
    /// 年初预算数.
    Initial,
    /// 全年预算数 (调整后预算数).
    Adjusted,
    /// 全年执行数.
    Executed,
    /// 执行率 (text as published).
    Rate,
    /// 分值 of budget execution (预算执行率分值).
    Weight,
    /// 得分 of budget execution (预算执行率得分).
    Score,
}

impl BudgetField {
    /// Every field, in form order.
    pub const ALL: [BudgetField; 6] = [
        BudgetField::Initial,
        BudgetField::Adjusted,
        BudgetField::Executed,
        BudgetField::Rate,
        BudgetField::Weight,
        BudgetField::Score,
    ];

    /// Header names of this field on the total row (the first is the one written).
    fn total_names(self) -> &'static [&'static str] {
        match self {
            BudgetField::Initial => &["年初预算数"],
            BudgetField::Adjusted => &["全年预算数", "调整后预算数"],
            BudgetField::Executed => &[
                "全年执行数",
                "实际执行数",
                "全年实际执行数",
                "预算执行数",
                "执行数",
            ],
            BudgetField::Rate => &["执行率", "预算执行率"],
            BudgetField::Weight => &["预算执行率分值"],
            BudgetField::Score => &["预算执行率得分"],
        }
    }

    /// Header suffixes of this field on a 其中 row (after the line's prefix).
    fn line_names(self) -> &'static [&'static str] {
        match self {
            BudgetField::Initial => &["年初预算数"],
            BudgetField::Adjusted => &["全年预算数", "调整后预算数"],
            BudgetField::Executed => &["全年执行数", "实际执行数", "执行数"],
            BudgetField::Rate => &["执行率"],
            BudgetField::Weight => &["分值"],
            BudgetField::Score => &["得分"],
        }
    }
}

/// What a list column holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Column {
    /// 申报表序号: tells apart two declarations of the same project in one list.
    DeclarationNo,
    /// 项目名称.
    ProjectName,
    /// 项目编码 / 项目代码.
    ProjectCode,
    /// 项目性质.
    Nature,
    /// 项目类别.
    Category,
    /// 主管部门.
    Department,
    /// 实施单位.
    Implementer,
    /// 计划开始日期.
    StartDate,
    /// 计划完成日期.
    EndDate,
    /// 资金单位: the unit of the funding columns.
    FundingUnit,
    /// 项目资金总额.
    FundingTotal,
    /// 项目资金总额 其中：财政资金.
    FundingTotalFiscal,
    /// 项目资金总额 其中：其他资金.
    FundingTotalOther,
    /// 年度资金申请总额.
    FundingAnnual,
    /// 当年财政拨款.
    FundingAnnualFiscal,
    /// 上年结转资金.
    FundingAnnualCarryover,
    /// 其他资金 (the year).
    FundingAnnualOther,
    /// 项目总目标.
    GoalOverall,
    /// 年度总体目标.
    GoalAnnual,
    /// 一级指标分值: the points of the form's level headers (`产出指标(50分)；效益指标(30分)`).
    LevelPoints,
    /// 一级指标.
    Level1,
    /// 二级指标.
    Level2,
    /// 一级指标原文: the 一级 label as written when it is not the column's text.
    Level1Text,
    /// 二级指标原文.
    Level2Text,
    /// 指标组: the point group the indicator stands in, with its points
    /// (`年度绩效目标1(40分)`; [`crate::model::Indicator::group`]).
    Group,
    /// 三级指标 / 指标名称.
    Name,
    /// 指标值 / 年度指标值 / 目标值.
    Target,
    /// 计算符号 / 符号 / 指标性质 / 指标方向: a comparator (`≥ ≤ = > < ≧ ═`) or a direction
    /// (正向/反向/定性), told apart by the cell's content.
    Sign,
    /// 计量单位 / 度量单位 / 单位.
    Unit,
    /// 分值 / 权重 / 指标分值.
    Weight,
    /// 实际完成值 / 全年实际值 / 完成值 / 实际值.
    Actual,
    /// 得分 / 自评得分 / 单项得分.
    Score,
    /// 偏差原因分析及改进措施.
    Deviation,
    /// 金额单位 of the self-evaluation budget columns.
    EvalUnit,
    /// A figure of a self-evaluation budget row.
    Budget(BudgetLine, BudgetField),
    /// 总分 as published.
    Total,
    /// 总分分值 (normally 100).
    TotalWeight,
    /// 年度总体目标实际完成情况.
    GoalAchieved,
    /// `项目.名称`: a project header field the model has no place for (Project.extra).
    ProjectExtra(String),
    /// Any other column: kept in Indicator.extra under its header.
    Extra(String),
}

/// The fixed header names, canonical (written) name first for each column.
const NAMES: &[(&str, Column)] = &[
    ("申报表序号", Column::DeclarationNo),
    ("项目名称", Column::ProjectName),
    ("项目编码", Column::ProjectCode),
    ("项目代码", Column::ProjectCode),
    ("项目编号", Column::ProjectCode),
    ("项目性质", Column::Nature),
    ("项目类别", Column::Category),
    ("项目类型", Column::Category),
    ("主管部门", Column::Department),
    ("主管单位", Column::Department),
    ("主管部门名称", Column::Department),
    ("实施单位", Column::Implementer),
    ("项目实施单位", Column::Implementer),
    ("实施单位名称", Column::Implementer),
    ("单位名称", Column::Implementer),
    ("预算单位名称", Column::Implementer),
    ("计划开始日期", Column::StartDate),
    ("开始日期", Column::StartDate),
    ("计划开始时间", Column::StartDate),
    ("项目开始日期", Column::StartDate),
    ("计划完成日期", Column::EndDate),
    ("完成日期", Column::EndDate),
    ("结束日期", Column::EndDate),
    ("计划结束日期", Column::EndDate),
    ("计划完成时间", Column::EndDate),
    ("项目完成日期", Column::EndDate),
    ("资金单位", Column::FundingUnit),
    ("项目资金总额", Column::FundingTotal),
    ("资金总额", Column::FundingTotal),
    ("项目财政资金", Column::FundingTotalFiscal),
    ("财政资金", Column::FundingTotalFiscal),
    ("项目其他资金", Column::FundingTotalOther),
    ("年度资金申请总额", Column::FundingAnnual),
    ("年度资金总额", Column::FundingAnnual),
    ("当年财政拨款", Column::FundingAnnualFiscal),
    ("财政拨款", Column::FundingAnnualFiscal),
    ("上年结转资金", Column::FundingAnnualCarryover),
    ("结转资金", Column::FundingAnnualCarryover),
    ("年度其他资金", Column::FundingAnnualOther),
    ("其他资金", Column::FundingAnnualOther),
    ("项目总目标", Column::GoalOverall),
    ("总目标", Column::GoalOverall),
    ("项目绩效总目标", Column::GoalOverall),
    ("年度总体目标", Column::GoalAnnual),
    ("年度目标", Column::GoalAnnual),
    ("年度绩效目标", Column::GoalAnnual),
    ("预期目标", Column::GoalAnnual),
    ("一级指标分值", Column::LevelPoints),
    ("一级指标", Column::Level1),
    ("二级指标", Column::Level2),
    ("一级指标原文", Column::Level1Text),
    ("二级指标原文", Column::Level2Text),
    ("指标组", Column::Group),
    ("指标分组", Column::Group),
    ("三级指标", Column::Name),
    ("指标名称", Column::Name),
    ("三级指标名称", Column::Name),
    ("绩效指标名称", Column::Name),
    ("指标值", Column::Target),
    ("年度指标值", Column::Target),
    ("目标值", Column::Target),
    ("年度目标值", Column::Target),
    ("指标目标值", Column::Target),
    ("年度(/项目)指标值", Column::Target),
    ("项目指标值", Column::Target),
    ("绩效指标值", Column::Target),
    ("计算符号", Column::Sign),
    ("符号", Column::Sign),
    ("指标性质", Column::Sign),
    ("指标方向", Column::Sign),
    ("比较符号", Column::Sign),
    ("运算符号", Column::Sign),
    ("计量单位", Column::Unit),
    ("度量单位", Column::Unit),
    ("单位", Column::Unit),
    ("指标单位", Column::Unit),
    ("分值", Column::Weight),
    ("权重", Column::Weight),
    ("指标分值", Column::Weight),
    ("指标权重", Column::Weight),
    ("实际完成值", Column::Actual),
    ("全年实际值", Column::Actual),
    ("完成值", Column::Actual),
    ("实际值", Column::Actual),
    ("实际完成指标值", Column::Actual),
    ("得分", Column::Score),
    ("自评得分", Column::Score),
    ("单项得分", Column::Score),
    ("偏差原因分析及改进措施", Column::Deviation),
    ("偏差原因", Column::Deviation),
    ("未完成原因及拟采取的改进措施", Column::Deviation),
    ("偏差原因分析", Column::Deviation),
    ("金额单位", Column::EvalUnit),
    ("总分", Column::Total),
    ("自评总分", Column::Total),
    ("总分分值", Column::TotalWeight),
    ("总体目标实际完成情况", Column::GoalAchieved),
    ("年度总体目标实际完成情况", Column::GoalAchieved),
    ("实际完成情况", Column::GoalAchieved),
];

/// The prefix of a column holding a project header field the model has no place for.
pub const PROJECT_EXTRA_PREFIX: &str = "项目.";

impl Column {
    /// The header the writers use for this column.
    pub fn header(&self) -> String {
        match self {
            Column::Budget(line, field) => match line {
                BudgetLine::Total => first(field.total_names()).to_owned(),
                _ => format!("{}{}", line.prefix(), first(field.line_names())),
            },
            Column::ProjectExtra(key) => format!("{PROJECT_EXTRA_PREFIX}{key}"),
            Column::Extra(key) => key.clone(),
            other => NAMES
                .iter()
                .find(|(_, c)| c == other)
                .map_or_else(String::new, |(name, _)| (*name).to_owned()),
        }
    }

    /// Whether the column describes the project (repeated on each of its rows) rather
    /// than the indicator of the row.
    pub fn is_project_level(&self) -> bool {
        !matches!(
            self,
            Column::Level1
                | Column::Level2
                | Column::Level1Text
                | Column::Level2Text
                | Column::Group
                | Column::Name
                | Column::Target
                | Column::Sign
                | Column::Unit
                | Column::Weight
                | Column::Actual
                | Column::Score
                | Column::Deviation
                | Column::Extra(_)
        )
    }

    /// Whether the column belongs to a self-evaluation (its value makes the declaration
    /// one). 金额单位 alone does not: declaration exports use it for their funding.
    pub fn is_evaluation(&self) -> bool {
        matches!(
            self,
            Column::Actual
                | Column::Score
                | Column::Deviation
                | Column::Budget(..)
                | Column::Total
                | Column::TotalWeight
                | Column::GoalAchieved
        )
    }
}

fn first(names: &'static [&'static str]) -> &'static str {
    names.first().copied().unwrap_or("")
}

/// A header recognized: the column, and the unit its header names in parentheses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMatch {
    /// What the column holds.
    pub column: Column,
    /// A money unit written in the header (`年初预算数（万元）`).
    pub unit: Option<MoneyUnit>,
}

/// The comparison key of a header: full-width folded, whitespace, `*` and colons removed.
pub fn header_key(header: &str) -> String {
    fold_width(header)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | ':' | '★'))
        .collect()
}

/// Recognizes a header; `None` for an unknown one (kept as an extra column by the reader).
pub fn recognize(header: &str) -> Option<HeaderMatch> {
    let trimmed = header.trim();
    if let Some(key) = trimmed.strip_prefix(PROJECT_EXTRA_PREFIX) {
        if !key.trim().is_empty() {
            return Some(HeaderMatch {
                column: Column::ProjectExtra(key.trim().to_owned()),
                unit: None,
            });
        }
    }
    let key = header_key(trimmed);
    if let Some(column) = lookup(&key) {
        return Some(HeaderMatch { column, unit: None });
    }
    // A unit in parentheses: `年初预算数(万元)`, `分值(分)`.
    let body = key.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let (base, inner) = (&body[..open], &body[open + 1..]);
    let column = lookup(base)?;
    let unit = match inner {
        "元" => Some(MoneyUnit::Yuan),
        "万元" => Some(MoneyUnit::WanYuan),
        _ => None,
    };
    Some(HeaderMatch { column, unit })
}

fn lookup(key: &str) -> Option<Column> {
    let key = key.strip_prefix("其中").unwrap_or(key);
    if let Some((_, column)) = NAMES.iter().find(|(name, _)| *name == key) {
        return Some(column.clone());
    }
    for field in BudgetField::ALL {
        if field.total_names().contains(&key) {
            return Some(Column::Budget(BudgetLine::Total, field));
        }
    }
    for line in [BudgetLine::Fiscal, BudgetLine::Carryover, BudgetLine::Other] {
        if let Some(rest) = key.strip_prefix(line.prefix()) {
            for field in BudgetField::ALL {
                if field.line_names().contains(&rest) {
                    return Some(Column::Budget(line, field));
                }
            }
        }
    }
    by_meaning(key)
}

/// A header no name above spells, read by meaning: a project field by the form lexicon
/// (`项目属性`, `申请单位`, `一级预算单位`: one list of header labels for every layout), a
/// deviation column by `原因`/`改进措施` (`未完成原因分析`), an indicator's actual by
/// `实际…值`, its target by `…指标值`/`…目标值` (not a period's or a past year's).
fn by_meaning(key: &str) -> Option<Column> {
    use crate::read::lexicon::{lookup as lexicon_lookup, HeaderField, HEADER_FIELDS};
    if let Some(field) = lexicon_lookup(HEADER_FIELDS, key) {
        return match field {
            HeaderField::Name => Some(Column::ProjectName),
            HeaderField::Code => Some(Column::ProjectCode),
            HeaderField::Nature => Some(Column::Nature),
            HeaderField::Category => Some(Column::Category),
            HeaderField::Department => Some(Column::Department),
            HeaderField::Implementer => Some(Column::Implementer),
            HeaderField::Start => Some(Column::StartDate),
            HeaderField::End => Some(Column::EndDate),
            // Long texts and amounts with their unit in the label stay extra columns.
            HeaderField::PolicyBasis
            | HeaderField::CalculationBasis
            | HeaderField::TotalAmount
            | HeaderField::AnnualAmount => None,
        };
    }
    let past_or_period = ["中期", "长期", "实施期", "上年", "以前年度", "历史"]
        .iter()
        .any(|w| key.contains(w))
        || key.starts_with(|c: char| c.is_ascii_digit());
    if key.contains("原因") || key.contains("改进措施") {
        Some(Column::Deviation)
    } else if past_or_period {
        None
    } else if key.contains("实际") && (key.ends_with('值') || key.ends_with("完成数")) {
        Some(Column::Actual)
    } else if key.ends_with("指标值") || key.ends_with("目标值") {
        Some(Column::Target)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(header: &str) -> Option<Column> {
        recognize(header).map(|m| m.column)
    }

    #[test]
    fn synonyms_spaces_and_widths() {
        assert_eq!(column("项目名称"), Some(Column::ProjectName));
        assert_eq!(column(" 项目 代码 "), Some(Column::ProjectCode));
        assert_eq!(column("*三级指标"), Some(Column::Name));
        assert_eq!(column("指标名称"), Some(Column::Name));
        assert_eq!(column("年度指标值"), Some(Column::Target));
        assert_eq!(column("指标性质"), Some(Column::Sign));
        assert_eq!(column("度量单位"), Some(Column::Unit));
        assert_eq!(column("权重"), Some(Column::Weight));
        assert_eq!(column("全年实际值"), Some(Column::Actual));
        assert_eq!(column("单项得分"), Some(Column::Score));
        assert_eq!(column("备注"), None);
        // By meaning, where no name spells the header.
        assert_eq!(column("未完成原因分析"), Some(Column::Deviation));
        assert_eq!(column("项目属性"), Some(Column::Nature));
        assert_eq!(column("申请单位"), Some(Column::Implementer));
        assert_eq!(column("一级预算单位"), Some(Column::Department));
        assert_eq!(column("本年实际完成值"), Some(Column::Actual));
        assert_eq!(column("预期指标值"), Some(Column::Target));
        assert_eq!(column("中期指标值"), None);
        assert_eq!(column("2021年实际实现值"), None);
        assert_eq!(
            column("调整后预算数"),
            Some(Column::Budget(BudgetLine::Total, BudgetField::Adjusted))
        );
        assert_eq!(
            column("实际执行数（万元）"),
            Some(Column::Budget(BudgetLine::Total, BudgetField::Executed))
        );
        assert_eq!(
            column("当年财政拨款执行数"),
            Some(Column::Budget(BudgetLine::Fiscal, BudgetField::Executed))
        );
        assert_eq!(
            column("预算执行率得分"),
            Some(Column::Budget(BudgetLine::Total, BudgetField::Score))
        );
        assert_eq!(
            column("上年结转资金全年执行数"),
            Some(Column::Budget(BudgetLine::Carryover, BudgetField::Executed))
        );
        assert_eq!(column("上年结转资金"), Some(Column::FundingAnnualCarryover));
        assert_eq!(
            column("项目.预算级次"),
            Some(Column::ProjectExtra("预算级次".to_owned()))
        );
    }

    #[test]
    fn unit_in_header() {
        let m = recognize("年初预算数（万元）").unwrap();
        assert_eq!(
            m.column,
            Column::Budget(BudgetLine::Total, BudgetField::Initial)
        );
        assert_eq!(m.unit, Some(MoneyUnit::WanYuan));
        assert_eq!(column("分值（分）"), Some(Column::Weight));
    }

    #[test]
    fn written_headers_read_back() {
        let mut columns: Vec<Column> = NAMES.iter().map(|(_, c)| c.clone()).collect();
        for line in BudgetLine::ALL {
            for field in BudgetField::ALL {
                columns.push(Column::Budget(line, field));
            }
        }
        columns.push(Column::ProjectExtra("x".to_owned()));
        for c in columns {
            assert_eq!(column(&c.header()), Some(c.clone()), "{}", c.header());
        }
    }
}
