//! The lexicon of the form readers: every label a real form prints, and the field or the
//! role it names, as tables. A template that words a label differently is one more line
//! in a table here, not a new branch in a reader (`docs/design.md`, "Adding a template").
//!
//! Labels are compared by their key (full-width folded, spaces, `*`/`★` marks and a
//! trailing colon removed: `项目 名称：` → `项目名称`). Where a table says [`Match::Head`],
//! the part of the key before its first parenthesis is compared too, so that a label
//! carrying a note or a unit (`长期目标（跨度多年的项目需填）`, `本年度项目金额（万元）`)
//! reads as its field.

/// How a table entry matches a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The whole key, or the key before its first parenthesis.
    Head,
    /// The key starts with the entry.
    Prefix,
    /// The key contains the entry.
    Contains,
}

/// Whether `key` matches `label` under `how`.
pub fn matches(key: &str, label: &str, how: Match) -> bool {
    match how {
        Match::Head => key == label || head(key) == label,
        Match::Prefix => key.starts_with(label),
        Match::Contains => key.contains(label),
    }
}

/// The part of a key before its first parenthesis (`年初目标值(A)` → `年初目标值`).
///
/// Found on the bytes: `(` is one byte and `（` (U+FF08) the bytes `EF BC 88`, which in
/// UTF-8 start no other character's tail, so a byte match is a character match.
pub fn head(key: &str) -> &str {
    let bytes = key.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memchr2(b'(', 0xEF, bytes.get(from..).unwrap_or_default()) {
        let i = from + at;
        if bytes.get(i) == Some(&b'(') || bytes.get(i + 1..i + 3) == Some(&[0xBC, 0x88][..]) {
            return key.get(..i).unwrap_or(key);
        }
        from = i + 1;
    }
    key
}

/// The first entry of `table` whose label matches `key`.
///
/// The key's [`head`] is found once for the whole table, not once per entry: the form
/// reader looks up every short cell in several tables, which dominated its profile.
pub fn lookup<T: Copy>(table: &[(&str, Match, T)], key: &str) -> Option<T> {
    let head = head(key);
    table
        .iter()
        .find(|(label, how, _)| match how {
            Match::Head => key == *label || head == *label,
            Match::Prefix => key.starts_with(label),
            Match::Contains => key.contains(label),
        })
        .map(|&(_, _, t)| t)
}

/// A header field of a declaration (label/value pairs above the tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderField {
    /// 项目名称.
    Name,
    /// 项目编码.
    Code,
    /// 项目性质 / 项目属性.
    Nature,
    /// 项目类别 / 项目类型.
    Category,
    /// 主管部门 / 一级预算单位.
    Department,
    /// 实施单位 / 申请单位.
    Implementer,
    /// 计划开始日期.
    Start,
    /// 计划完成日期.
    End,
    /// 政策依据.
    PolicyBasis,
    /// 测算依据.
    CalculationBasis,
    /// 项目总金额 written as a header field (the unit in its label).
    TotalAmount,
    /// 本年度项目金额 written as a header field (the unit in its label).
    AnnualAmount,
}

/// Header labels and their fields.
pub const HEADER_FIELDS: &[(&str, Match, HeaderField)] = {
    use HeaderField::*;
    use Match::Head as H;
    &[
        ("项目名称", H, Name),
        ("项目编码", H, Code),
        ("项目代码", H, Code),
        ("项目编号", H, Code),
        ("项目性质", H, Nature),
        ("项目属性", H, Nature),
        ("项目类别", H, Category),
        ("项目类型", H, Category),
        ("项目分类", H, Category),
        ("主管部门", H, Department),
        ("主管部门及代码", H, Department),
        ("主管单位", H, Department),
        ("项目主管部门", H, Department),
        ("项目主管单位", H, Department),
        ("主管部门名称", H, Department),
        ("预算部门", H, Department),
        ("一级预算单位", H, Department),
        ("实施单位", H, Implementer),
        ("项目实施单位", H, Implementer),
        ("预算单位", H, Implementer),
        ("申请单位", H, Implementer),
        ("申报单位", H, Implementer),
        ("项目单位", H, Implementer),
        ("项目承担单位", H, Implementer),
        ("承担单位", H, Implementer),
        ("项目执行单位", H, Implementer),
        ("执行单位", H, Implementer),
        ("资金使用单位", H, Implementer),
        ("计划开始日期", H, Start),
        ("开始日期", H, Start),
        ("项目开始日期", H, Start),
        ("计划开始时间", H, Start),
        ("开始时间", H, Start),
        ("计划完成日期", H, End),
        ("完成日期", H, End),
        ("项目完成日期", H, End),
        ("计划结束日期", H, End),
        ("结束日期", H, End),
        ("计划完成时间", H, End),
        ("完成时间", H, End),
        ("政策依据", H, PolicyBasis),
        ("立项依据", H, PolicyBasis),
        ("项目立项依据", H, PolicyBasis),
        ("测算依据", H, CalculationBasis),
        ("资金测算依据", H, CalculationBasis),
        ("项目总金额", H, TotalAmount),
        ("本年度项目金额", H, AnnualAmount),
        ("年度项目金额", H, AnnualAmount),
    ]
};

/// Header labels of the planned start and end written in one cell (`起止时间 |
/// 2024年1月-2024年12月`): read as 计划开始日期 and 计划完成日期.
pub const HEADER_PERIOD: &[(&str, Match, ())] = {
    use Match::Head as H;
    &[
        ("起止时间", H, ()),
        ("项目起止时间", H, ()),
        ("起止日期", H, ()),
        ("项目起止日期", H, ()),
        ("计划起止时间", H, ()),
        ("实施期限", H, ()),
        ("项目实施期限", H, ()),
        ("执行期限", H, ()),
        ("项目期限", H, ()),
        ("实施期间", H, ()),
    ]
};

/// Section titles of a form's header (`项目基本情况` on a row of its own): they name the
/// rows below and hold no value, so they are no project field.
pub const HEADER_SECTIONS: &[(&str, Match, ())] = {
    use Match::Head as H;
    &[
        ("项目基本情况", H, ()),
        ("基本情况", H, ()),
        ("项目基本信息", H, ()),
        ("基本信息", H, ()),
        ("项目概况", H, ()),
        ("项目情况", H, ()),
        ("项目信息", H, ()),
    ]
};

/// The words one of which a form's title holds beside 绩效 (`财政项目支出绩效目标申报表`,
/// `项目支出绩效自评情况表`, `绩效目标批复表`); a title holding 自评 is a self-evaluation's.
pub const FORM_TITLE_WORDS: &[&str] = &[
    "申报表",
    "自评表",
    "目标表",
    "评价表",
    "自评情况表",
    "自评结果表",
    "自评报告表",
    "批复表",
    "填报表",
];

/// A row closing a self-evaluation below its indicator table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// 偏差大或目标未完成原因分析: kept as the evaluation's deviation analysis.
    DeviationAnalysis,
    /// 改进措施及结果应用方案: kept as the evaluation's improvement measures.
    Improvement,
    /// 自评等级 (the published grade), on a row of its own.
    Grade,
    /// A signature block (单位主要负责人签批意见 …): template text, part of no table.
    Signature,
}

/// The labels of the closing rows.
pub const CLOSING: &[(&str, Match, Closing)] = {
    use Closing::*;
    use Match::{Head as H, Prefix as P};
    &[
        ("偏差大或目标未完成原因分析", H, DeviationAnalysis),
        ("偏差原因分析", H, DeviationAnalysis),
        ("目标未完成原因分析", H, DeviationAnalysis),
        ("未完成原因分析", H, DeviationAnalysis),
        ("改进措施及结果应用方案", H, Improvement),
        ("改进措施", H, Improvement),
        ("整改措施", H, Improvement),
        ("结果应用方案", H, Improvement),
        ("自评等级", H, Grade),
        ("评价等级", H, Grade),
        ("自评结论", H, Grade),
        ("自评结果", H, Grade),
        ("评价结果", H, Grade),
        ("绩效等级", H, Grade),
        ("绩效评价等级", H, Grade),
        ("等级", H, Grade),
        ("单位主要负责人", P, Signature),
        ("单位负责人签", P, Signature),
        ("签批意见", P, Signature),
        ("审核意见", P, Signature),
    ]
};

/// The first-cell labels of the 总分 row of a self-evaluation (`总分(100分)` reads too).
pub const TOTAL: &[(&str, Match, ())] = {
    use Match::Head as H;
    &[
        ("总分", H, ()),
        ("总得分", H, ()),
        ("自评总分", H, ()),
        ("综合得分", H, ()),
        ("合计得分", H, ()),
        ("总计", H, ()),
    ]
};

/// A total row's first cell that is also a budget-matrix row label: the 总分 row only
/// inside an indicator table.
pub const TABLE_TOTAL: &[(&str, Match, ())] = &[("合计", Match::Head, ())];

/// A column of an indicator table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// 一级指标.
    Level1,
    /// 二级指标.
    Level2,
    /// 三级指标.
    Name,
    /// 指标值 (the target).
    Target,
    /// 实际完成值.
    Actual,
    /// 分值 / 权重.
    Weight,
    /// 得分.
    Score,
    /// 偏差原因分析及改进措施.
    Deviation,
    /// 正向/反向.
    Direction,
    /// A comparator split out (指标性质 `≧`).
    Sign,
    /// 计量单位.
    Unit,
    /// A column kept verbatim in the indicator's extra fields (指标解释, 绩效标准, a
    /// previous year's value).
    Extra,
    /// The target for the whole implementation period (中期指标值, 长期指标值): the
    /// indicator's target when the table has no annual one, else kept in its extra fields.
    PeriodTarget,
}

/// The 三级 labels: a header row has one of these, always holding a 指.
pub const NAME_LABELS: [&str; 6] = [
    "三级指标",
    "指标名称",
    "三级指标名称",
    "绩效指标名称",
    "具体指标",
    "指标内容",
];

/// Indicator table header labels and their columns, first match wins (a key naming a
/// year's actual, `2021年实际实现值`, is history and stands before 实际 = 实际完成值).
pub const TABLE_COLUMNS: &[(&str, Match, Column)] = {
    use Column::*;
    use Match::{Contains as C, Head as H, Prefix as P};
    &[
        ("一级指标", H, Level1),
        ("二级指标", H, Level2),
        ("三级指标", H, Name),
        ("指标名称", H, Name),
        ("三级指标名称", H, Name),
        ("绩效指标名称", H, Name),
        ("具体指标", H, Name),
        ("指标内容", H, Name),
        ("指标解释", C, Extra),
        ("指标说明", C, Extra),
        ("绩效标准", C, Extra),
        ("评分标准", C, Extra),
        ("实际实现值", C, Extra),
        ("上年实际", C, Extra),
        ("上年指标值", C, Extra),
        ("中期指标值", C, PeriodTarget),
        ("中期目标值", C, PeriodTarget),
        ("长期指标值", C, PeriodTarget),
        ("长期目标值", C, PeriodTarget),
        ("实施期指标值", C, PeriodTarget),
        ("实施期目标值", C, PeriodTarget),
        ("实际", C, Actual),
        ("完成值", H, Actual),
        ("年度完成值", H, Actual),
        ("全年完成值", H, Actual),
        ("年度指标完成值", H, Actual),
        ("完成情况", H, Actual),
        ("年度完成情况", H, Actual),
        ("指标完成情况", H, Actual),
        ("完成数", H, Actual),
        ("全年完成数", H, Actual),
        ("预期完成值", H, Target),
        ("计划完成值", H, Target),
        ("指标值", C, Target),
        ("目标值", C, Target),
        ("设定目标", C, Target),
        ("实现值", C, Target),
        ("分值", P, Weight),
        ("权重", P, Weight),
        ("指标分值", H, Weight),
        ("指标权重", H, Weight),
        ("标准分值", H, Weight),
        ("标准分", H, Weight),
        ("得分", C, Score),
        ("偏差", C, Deviation),
        ("原因", C, Deviation),
        ("改进措施", C, Deviation),
        ("指标方向", H, Direction),
        ("计算符号", H, Sign),
        ("符号", H, Sign),
        ("指标性质", H, Sign),
        ("比较符号", H, Sign),
        ("计量单位", H, Unit),
        ("度量单位", H, Unit),
        ("单位", H, Unit),
        ("指标单位", H, Unit),
    ]
};

/// A column of a self-evaluation's funding matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetColumn {
    /// 年初预算数.
    Initial,
    /// 全年预算数 (调整后预算数).
    Adjusted,
    /// 全年执行数.
    Executed,
    /// 执行率.
    Rate,
    /// 分值.
    Weight,
    /// 得分.
    Score,
}

/// Funding matrix header labels (compared before their parenthesis: `预算数(A)`).
pub const BUDGET_COLUMNS: &[(&str, Match, BudgetColumn)] = {
    use BudgetColumn::*;
    use Match::Head as H;
    &[
        ("年初预算数", H, Initial),
        ("年初预算", H, Initial),
        ("年初预算金额", H, Initial),
        ("全年预算数", H, Adjusted),
        ("调整后预算数", H, Adjusted),
        ("全年预算", H, Adjusted),
        ("调整后预算", H, Adjusted),
        ("预算数", H, Adjusted),
        ("调整预算数", H, Adjusted),
        ("调整预算", H, Adjusted),
        ("全年调整预算数", H, Adjusted),
        ("全年执行数", H, Executed),
        ("执行数", H, Executed),
        ("实际执行数", H, Executed),
        ("全年执行", H, Executed),
        ("全年实际执行数", H, Executed),
        ("实际支出数", H, Executed),
        ("实际支出", H, Executed),
        ("全年支出数", H, Executed),
        ("全年实际支出数", H, Executed),
        ("支出数", H, Executed),
        ("决算数", H, Executed),
        ("全年决算数", H, Executed),
        ("执行金额", H, Executed),
        ("执行率", H, Rate),
        ("预算执行率", H, Rate),
        ("分值", H, Weight),
        ("预算执行率分值", H, Weight),
        ("权重", H, Weight),
        ("预算执行率权重", H, Weight),
        ("标准分值", H, Weight),
        ("标准分", H, Weight),
        ("得分", H, Score),
        ("预算执行率得分", H, Score),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    /// [`head`] is the part before the first `(` or `（`, as a split on those characters
    /// gives it, whatever other bytes (`）`, other full-width forms, `\u{EF00}`) stand near.
    #[test]
    fn head_is_the_text_before_the_first_parenthesis() {
        let by_chars = |k: &str| k.split(['(', '（']).next().unwrap_or_default().to_owned();
        for k in [
            "",
            "(",
            "（",
            "年初目标值(A)",
            "年初目标值（A）",
            "预算数）（万元）",
            "ａｂ（c",
            "\u{EF00}\u{FF09}(x",
            "\u{FF07}\u{FF08}",
            "项目名称",
            "得分(20分*执行率)",
            "（）(",
            "长期目标（跨度多年的项目需填）",
        ] {
            assert_eq!(head(k), by_chars(k), "{k:?}");
        }
    }

    #[test]
    fn heads_match_labels_with_notes_and_units() {
        assert_eq!(
            lookup(HEADER_FIELDS, "长期目标(跨度多年的项目需填)"),
            None,
            "a goal label is no header field"
        );
        assert_eq!(
            lookup(HEADER_FIELDS, "本年度项目金额(万元)"),
            Some(HeaderField::AnnualAmount)
        );
        assert_eq!(
            lookup(HEADER_FIELDS, "项目总金额(中期规划,万元)"),
            Some(HeaderField::TotalAmount)
        );
        assert_eq!(lookup(TABLE_COLUMNS, "年初目标值(A)"), Some(Column::Target));
        assert_eq!(lookup(TABLE_COLUMNS, "实际完成值(B)"), Some(Column::Actual));
        assert_eq!(lookup(TABLE_COLUMNS, "全年完成值"), Some(Column::Actual));
        assert_eq!(lookup(TABLE_COLUMNS, "指标完成情况"), Some(Column::Actual));
        assert_eq!(lookup(TABLE_COLUMNS, "预期完成值"), Some(Column::Target));
        assert_eq!(
            lookup(TABLE_COLUMNS, "2021年实际实现值"),
            Some(Column::Extra)
        );
        assert_eq!(
            lookup(TABLE_COLUMNS, "预期2022年实现值"),
            Some(Column::Target)
        );
        assert_eq!(
            lookup(BUDGET_COLUMNS, "预算数(A)"),
            Some(BudgetColumn::Adjusted)
        );
        assert_eq!(
            lookup(BUDGET_COLUMNS, "得分(20分*执行率)"),
            Some(BudgetColumn::Score)
        );
        assert_eq!(lookup(TOTAL, "总分(100分)"), Some(()));
        assert_eq!(
            lookup(HEADER_FIELDS, "项目单位"),
            Some(HeaderField::Implementer)
        );
        assert_eq!(
            lookup(HEADER_FIELDS, "项目主管部门"),
            Some(HeaderField::Department)
        );
        assert_eq!(lookup(HEADER_PERIOD, "项目起止时间"), Some(()));
        assert_eq!(lookup(HEADER_SECTIONS, "项目基本情况"), Some(()));
        assert_eq!(
            lookup(BUDGET_COLUMNS, "实际支出数(B)"),
            Some(BudgetColumn::Executed)
        );
        assert_eq!(
            lookup(BUDGET_COLUMNS, "调整预算数"),
            Some(BudgetColumn::Adjusted)
        );
        assert_eq!(
            lookup(BUDGET_COLUMNS, "权重(%)"),
            Some(BudgetColumn::Weight)
        );
        assert_eq!(
            lookup(CLOSING, "单位主要负责人签批意见"),
            Some(Closing::Signature)
        );
    }

    #[test]
    fn every_name_label_is_a_name_column_holding_a_zhi() {
        for label in NAME_LABELS {
            assert!(
                label.contains('指'),
                "{label}: the header pre-filter needs a 指"
            );
            assert_eq!(lookup(TABLE_COLUMNS, label), Some(Column::Name), "{label}");
        }
    }
}
