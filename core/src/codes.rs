//! The catalogue of finding codes that are not review rules (those are
//! [`crate::review::rules`]): what the readers recovered from, what joining actual values
//! found, and what re-checking a published self-evaluation found. Each code is stable and
//! never reused for another meaning; `docs/robustness.md` and `docs/scoring.md` explain them,
//! and a test checks that every code the library emits is listed here (or is a review rule).

use serde::Serialize;

use crate::diagnostic::Severity;

/// Where a finding code comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeFamily {
    /// A reader's diagnostic: the input was read, with this recovered or noted.
    Read,
    /// Joining a file of actual values to declarations (`actuals`).
    Actuals,
    /// Re-checking a published self-evaluation (自评复核, `audit`).
    Audit,
}

/// One finding code: its family, the severity (or severities) it is emitted with and a
/// title in Chinese and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CodeInfo {
    /// The stable code.
    pub code: &'static str,
    /// Where it comes from.
    pub family: CodeFamily,
    /// The severities it is emitted with (most codes have one; a few depend on whether
    /// the reader could carry on).
    pub severities: &'static [Severity],
    /// 标题 (Chinese).
    pub title: &'static str,
    /// The title in English.
    pub title_en: &'static str,
}

use CodeFamily::{Actuals, Audit, Read};
use Severity::{Error, Info, Warning};

const fn code(
    code: &'static str,
    family: CodeFamily,
    severities: &'static [Severity],
    title: &'static str,
    title_en: &'static str,
) -> CodeInfo {
    CodeInfo {
        code,
        family,
        severities,
        title,
        title_en,
    }
}

/// Every code, family by family, alphabetically within the readers' and actuals', in
/// number order within the audit's.
static CODES: [CodeInfo; 59] = [
    code(
        "bad_date",
        Read,
        &[Warning],
        "日期无法识别，已留空",
        "a date could not be read; left empty",
    ),
    code(
        "bad_level_points",
        Read,
        &[Warning],
        "一级指标分值无法识别，原文保留在附加字段",
        "level points that cannot be read; the text is kept as an extra field",
    ),
    code(
        "bad_money",
        Read,
        &[Warning],
        "金额无法识别，已留空",
        "an amount could not be read; left empty",
    ),
    code(
        "bad_number",
        Read,
        &[Warning],
        "数值（分值、得分、金额）无法识别，已留空",
        "a number (weight, score, amount) could not be read; left empty",
    ),
    code(
        "bad_unit",
        Read,
        &[Warning],
        "金额单位不是元或万元，原文保留在附加字段",
        "a money unit that is neither 元 nor 万元; the text is kept as an extra field",
    ),
    code(
        "bad_weight",
        Read,
        &[Warning],
        "分值无法识别，已留空",
        "a weight (分值) could not be read; left empty",
    ),
    code(
        "budget_part_row",
        Read,
        &[Info],
        "预算执行表中细分资金来源的行（其中：中央财政资金、省级财政资金）没有对应字段：原文记入提示，不计入",
        "a budget matrix row splitting a source of money (其中：中央财政资金, 省级财政资金) the model has no row for: quoted in the finding, not kept",
    ),
    code(
        "cell_error",
        Read,
        &[Warning],
        "工作表单元格为错误值（#DIV/0! 等），按空单元格处理",
        "a sheet cell holds an error value (#DIV/0!, …); read as empty",
    ),
    code(
        "checked_option",
        Read,
        &[Info],
        "勾选式字段（☑新增项目 □延续项目）读作所勾选的选项",
        "a field answered by ticking a box (☑新增项目 □延续项目) reads as the ticked option",
    ),
    code(
        "continued_row",
        Read,
        &[Info],
        "续行（跨页或换行拆开的单元格）已并入上一行",
        "a continuation row (a cell split over a page or line) was joined to the row above",
    ),
    code(
        "direction_conflict",
        Read,
        &[Warning],
        "指标方向与计算符号矛盾，均按原样保留",
        "the direction and the comparator of an indicator contradict each other; both kept",
    ),
    code(
        "empty_form",
        Read,
        &[Warning],
        "表格没有任何内容",
        "the form has no content",
    ),
    code(
        "excel_date_serial",
        Read,
        &[Info],
        "Excel 日期序号已按日期读取",
        "an Excel date serial number was read as a date",
    ),
    code(
        "ignored_row",
        Read,
        &[Info],
        "清单中不属于任何项目的行，已忽略",
        "a list row that belongs to no project was ignored",
    ),
    code(
        "inconsistent_project_field",
        Read,
        &[Warning],
        "同一项目的行中表头项取值不一致，采用第一个",
        "rows of one project disagree on a header field; the first value is kept",
    ),
    code(
        "level1_from_level2",
        Read,
        &[Info],
        "一级指标为空，已按二级指标推定",
        "the 一级 was empty and is inferred from the 二级",
    ),
    code(
        "missing_form_title",
        Read,
        &[Info],
        "表格没有标题行",
        "the form has no title line",
    ),
    code(
        "missing_indicator_table",
        Read,
        &[Warning],
        "没有找到绩效指标表",
        "no indicator table was found",
    ),
    code(
        "missing_indicator_name",
        Read,
        &[Warning],
        "指标行没有三级指标名称",
        "an indicator row has no 三级 name",
    ),
    code(
        "missing_level1",
        Read,
        &[Warning],
        "指标行的一级指标为空",
        "an indicator row has no 一级",
    ),
    code(
        "missing_level2",
        Read,
        &[Warning],
        "指标行的二级指标为空",
        "an indicator row has no 二级",
    ),
    code(
        "missing_project_name",
        Read,
        &[Error, Warning],
        "项目名称为空",
        "the project name is empty",
    ),
    code(
        "missing_target",
        Read,
        &[Warning],
        "指标行没有指标值",
        "an indicator row has no target",
    ),
    code(
        "monitor_bad_achievability",
        Read,
        &[Warning],
        "完成目标可能性不是 确定能/有可能/完全不可能",
        "完成目标可能性 is not one of 确定能, 有可能, 完全不可能",
    ),
    code(
        "monitor_bad_amount",
        Read,
        &[Warning],
        "监控表金额不是数字，按空值处理",
        "an amount of the monitoring table is not a number; read as empty",
    ),
    code(
        "monitor_row_skipped",
        Read,
        &[Info],
        "监控表指标行没有三级指标名称，跳过",
        "a row of the monitoring table has no 三级 name; skipped",
    ),
    code(
        "money_unit_converted",
        Read,
        &[Info],
        "金额单位已按表头换算（元/万元）",
        "amounts were converted by the unit their header states (元/万元)",
    ),
    code(
        "no_indicators",
        Read,
        &[Warning],
        "绩效指标表没有指标行",
        "the indicator table has no indicator rows",
    ),
    code(
        "not_applicable_row",
        Read,
        &[Info],
        "填写为“不适用”的二级指标行，不作为指标（已记录）",
        "a 二级 row answered 不适用: kept as such, not an indicator",
    ),
    code(
        "row_without_indicator",
        Read,
        &[Info, Warning],
        "只有一级/二级指标、没有三级指标的行",
        "a row with a 一级/二级 but no 三级 indicator",
    ),
    code(
        "sheet_skipped",
        Read,
        &[Info],
        "工作表（表格、页）不是申报表或清单，已跳过",
        "a sheet (table, page) that is neither a form nor a list was skipped",
    ),
    code(
        "sign_conflict",
        Read,
        &[Warning],
        "计算符号或方向与同一行另一列矛盾，保留在附加字段",
        "a comparator or direction contradicts another column of the row; kept as an extra field",
    ),
    code(
        "template_note",
        Read,
        &[Info],
        "表下的模板说明（备注：作为导入模板，置灰信息无需录入……），不是项目的字段",
        "a note about the template below the form (备注：作为导入模板…): no field of the project",
    ),
    code(
        "template_row",
        Read,
        &[Info],
        "未填写的模板行（指标1:、……、/），不作为指标",
        "an unfilled template row (指标1:, ……, /): not an indicator",
    ),
    code(
        "unknown_header_label",
        Read,
        &[Info],
        "表头标签不是已知字段，已原样保留",
        "a header label that is no known field; kept verbatim",
    ),
    code(
        "unknown_level1",
        Read,
        &[Warning],
        "一级指标名称无法识别，已原样保留",
        "a 一级 label the taxonomy does not know; kept as written",
    ),
    code(
        "unknown_level2",
        Read,
        &[Warning],
        "二级指标名称无法识别，已原样保留",
        "a 二级 label the taxonomy does not know; kept as written",
    ),
    code(
        "unknown_sign",
        Read,
        &[Warning],
        "既不是计算符号也不是指标方向，保留在附加字段",
        "neither a comparator nor a direction; kept as an extra field",
    ),
    code(
        "unused_preamble_row",
        Read,
        &[Info],
        "清单表头之前的行未被使用",
        "a row before the list header was not used",
    ),
    code(
        "S-actual-duplicate",
        Actuals,
        &[Warning],
        "同一指标有多行实际完成值，采用最后一行",
        "an indicator has actuals on several rows; the last is used",
    ),
    code(
        "S-actual-missing",
        Actuals,
        &[Warning],
        "指标没有实际完成值",
        "an indicator has no actual value",
    ),
    code(
        "S-budget-missing",
        Actuals,
        &[Warning],
        "项目没有预算执行数据",
        "a project has no budget execution figures",
    ),
    code(
        "S-project-no-actuals",
        Actuals,
        &[Warning],
        "项目在实际值文件中没有任何行",
        "a project has no rows in the actuals file",
    ),
    code(
        "A000",
        Audit,
        &[Info],
        "没有可复核的自评数据",
        "no published self-evaluation figures to re-check",
    ),
    code(
        "A001",
        Audit,
        &[Error],
        "指标得分与重算得分不符",
        "an indicator's published score differs from the recomputed one",
    ),
    code(
        "A002",
        Audit,
        &[Error],
        "预算执行得分与执行率不符",
        "the budget score does not match the execution rate",
    ),
    code(
        "A003",
        Audit,
        &[Error],
        "各项得分之和与总分不符",
        "the published scores do not add up to the published total",
    ),
    code(
        "A004",
        Audit,
        &[Error],
        "分值合计与一级指标或口径的分值不符",
        "weights do not add up to the points of their level / of the profile",
    ),
    code(
        "A005",
        Audit,
        &[Error],
        "得分高于分值",
        "a published score above its weight",
    ),
    code(
        "A006",
        Audit,
        &[Warning],
        "已达成指标被扣分且无偏差说明",
        "points deducted from a met indicator with no deviation note",
    ),
    code(
        "A007",
        Audit,
        &[Warning],
        "超额完成（实际/目标 ≥ 1.3）且无偏差说明",
        "over-achievement (A/T ≥ 1.3) with no deviation note",
    ),
    code(
        "A008",
        Audit,
        &[Warning],
        "表中标注的分值与口径不符",
        "points written in the form differ from the profile",
    ),
    code(
        "A009",
        Audit,
        &[Warning],
        "定性指标得分不在其等级区间内",
        "a qualitative score outside the band of its grade",
    ),
    code(
        "A010",
        Audit,
        &[Warning],
        "填报的执行率与执行数/预算数相差超过 0.01 个百分点",
        "the published execution rate differs from 执行数/预算数 by more than 0.01 point",
    ),
    code(
        "A011",
        Audit,
        &[Warning],
        "得分低于分值且无偏差说明",
        "a score below its weight with no deviation note",
    ),
    code(
        "A012",
        Audit,
        &[Error],
        "填报总分与重算总分不符",
        "the published total differs from the recomputed total",
    ),
    code(
        "A013",
        Audit,
        &[Info],
        "填报得分无法复核（指标不可评分）",
        "a published score that cannot be recomputed (the indicator is not scorable)",
    ),
    code(
        "A014",
        Audit,
        &[Warning],
        "总分行的分值与分值合计不符",
        "the 总分 row's 分值 differs from the sum of the weights",
    ),
    code(
        "A015",
        Audit,
        &[Warning],
        "指标组（年度绩效目标1(40分)）的分值与组内指标分值合计不符",
        "a point group's points (年度绩效目标1(40分)) differ from the weights of its indicators",
    ),
];

/// Every finding code that is not a review rule, with its family, severities and titles.
///
/// ```
/// let codes = jixiao::codes::codes();
/// assert!(codes.iter().any(|c| c.code == "template_row"));
/// assert!(codes.iter().any(|c| c.code == "A012"));
/// ```
pub fn codes() -> &'static [CodeInfo] {
    &CODES
}

/// The catalogue entry of a code, if it has one.
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    CODES.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_not_review_rules() {
        let mut seen = std::collections::BTreeSet::new();
        for c in codes() {
            assert!(seen.insert(c.code), "{} twice", c.code);
            assert!(!c.severities.is_empty() && !c.title.is_empty() && !c.title_en.is_empty());
            assert!(
                !crate::review::rules().iter().any(|r| r.code == c.code),
                "{} is a review rule",
                c.code
            );
        }
    }

    /// Every code literal the readers and the actuals join hand to a finding is listed:
    /// the sources are scanned for the string literal that follows a finding constructor,
    /// and for a code literal on a line of its own followed by a severity (the readers
    /// collect `(code, severity, …)` tuples before they make findings).
    #[test]
    fn every_code_in_the_sources_is_listed() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut missing = Vec::new();
        let mut files = vec![
            root.join("actuals"),
            root.join("read"),
            root.join("monitor/read.rs"),
        ];
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let lone = line.trim();
                if let Some(literal) = lone.strip_prefix('"').and_then(|l| l.strip_suffix("\",")) {
                    let next = lines.get(i + 1).copied().unwrap_or("");
                    if next.contains("Severity::") && lookup(literal).is_none() {
                        missing.push(format!("{}: {literal}", path.display()));
                    }
                }
                let opens = ["Finding::new(", ".finding(", "skipped("]
                    .iter()
                    .any(|c| line.contains(c) && !line.trim_start().starts_with("fn "));
                if !opens {
                    continue;
                }
                // the first string literal in the call, on its line or the next two
                let window = lines[i..lines.len().min(i + 3)].join(" ");
                let after = &window[window.find('(').unwrap_or(0)..];
                if let Some(start) = after.find('"') {
                    let rest = &after[start + 1..];
                    let literal = &rest[..rest.find('"').unwrap_or(0)];
                    let is_code = !literal.is_empty()
                        && literal
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                    if is_code && lookup(literal).is_none() {
                        missing.push(format!("{}: {literal}", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "not in codes.rs: {missing:?}");
    }
}
