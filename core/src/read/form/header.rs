//! The form header: label/value pairs (项目名称, 项目性质, …) and the goal rows
//! (项目总目标 / 年度总体目标, or 预期目标 / 实际完成情况).

use crate::date::parse_date;
use crate::model::Project;
use crate::text::{squash_spaces, strip_html};

use super::cells::{key, Row};
use super::Reader;
use crate::read::cell::label_value;

use crate::read::lexicon::{
    lookup, HeaderField as Field, Match, HEADER_FIELDS, HEADER_PERIOD, HEADER_SECTIONS,
};

fn field(label: &str) -> Option<Field> {
    field_of_key(&key(label))
}

/// [`field`] of a label already keyed.
fn field_of_key(k: &str) -> Option<Field> {
    lookup(HEADER_FIELDS, k)
}

/// Whether the first cell of a row starts a project-name row (`项目名称 <TAB> …`).
pub(super) fn is_name_row(row: &Row<'_>) -> bool {
    row.first()
        .is_some_and(|(_, c)| field(c) == Some(Field::Name))
}

/// Whether a cell's [`key`] is a label written below an indicator table that belongs to
/// the project, not to an indicator.
pub(super) fn is_footer_key(k: &str) -> bool {
    if k.starts_with("注:") || k.starts_with("说明:") || k == "说明" || k.starts_with("备注")
    {
        return true;
    }
    [
        "填报人",
        "填表人",
        "联系人",
        "联系电话",
        "审核人",
        "负责人",
        "单位负责人",
        "财务负责人",
        "项目负责人",
        "填报日期",
        "填表日期",
        "填报单位",
    ]
    .iter()
    .any(|label| k.starts_with(label))
}

/// Words that make a footer note (`备注`, `注:`, `说明`) a note about the template itself —
/// how to fill it in, import or export it — rather than about the project:
/// `备注：作为导入模板，置灰信息无需录入，作为导出模板，置灰信息系统自动带出。`
const TEMPLATE_NOTE_WORDS: &[&str] = &["模板", "置灰", "填报说明", "填写说明", "填表说明"];

/// Whether a footer note's text is about the template (see [`TEMPLATE_NOTE_WORDS`]).
fn is_template_note(text: &str) -> bool {
    TEMPLATE_NOTE_WORDS.iter().any(|w| text.contains(w))
}

/// The value of the known field label at `col` and how many empty cells stand between
/// them: the next cell, or — when a merged label cell left it empty (`项目名称 | | 甲项目
/// | | 项目编码 | | P01`) — the first cell after the empty ones, when that cell is no
/// label itself and nothing but an empty cell, a field label or the row's end follows it
/// (`计划完成日期 | | 说明 | 甲` is a blank date and a pair).
fn value_across_gap<'r>(row: &'r Row<'_>, col: usize) -> (&'r str, usize) {
    let next = row.get(col + 1);
    if !next.is_empty() || field_of_key(row.key(col)).is_none() {
        return (next, 0);
    }
    let Some(at) = (col + 2..row.cells.len()).find(|&j| !row.get(j).is_empty()) else {
        return (next, 0);
    };
    let candidate = row.get(at);
    let k = row.key(at);
    let is_label = field_of_key(k).is_some()
        || lookup(HEADER_PERIOD, k).is_some()
        || is_footer_key(k)
        || goal_label(k).is_some()
        || label_value(candidate).is_some();
    let after = row.get(at + 1);
    let ends = after.is_empty() || field_of_key(row.key(at + 1)).is_some();
    if is_label || !ends {
        return (next, 0);
    }
    (candidate, at - col - 1)
}

/// The columns of a row made of two or more header field labels side by side and nothing
/// else, each with its field and its label as written; `None` for any other row.
fn labels_only(row: &Row<'_>) -> Option<Vec<(usize, Field, String)>> {
    let mut columns = Vec::new();
    for (i, cell) in row.content() {
        if label_value(cell).is_some() {
            return None;
        }
        columns.push((i, field_of_key(row.key(i))?, cell.to_owned()));
    }
    // Side by side: `项目性质 | | 项目类别 |` is two pairs left empty, not a label row.
    let adjacent = columns.windows(2).all(|w| match w {
        [(a, _, _), (b, _, _)] => *b == *a + 1,
        _ => true,
    });
    (columns.len() >= 2 && adjacent).then_some(columns)
}

/// The extra key of an unknown label: as written, spaces squashed, trailing colon removed.
fn extra_key(label: &str) -> String {
    let key = squash_spaces(label)
        .trim_end_matches([':', '：'])
        .trim()
        .to_owned();
    // A label that is only a colon keeps it: an empty key could not be written back.
    if key.is_empty() {
        squash_spaces(label).trim().to_owned()
    } else {
        key
    }
}

impl Reader<'_> {
    /// Reads a row of label/value pairs into the project. A row of field labels only
    /// (`项目名称 | 项目编码 | 主管部门 | 实施单位`, as a system export prints its header)
    /// takes its values from the next row, column by column.
    pub(super) fn header_row(&mut self, row: &Row<'_>) {
        if let Some(columns) = self.pending_header.take() {
            let under = row.content().all(|(i, _)| {
                columns.iter().any(|(c, _, _)| *c == i) && field_of_key(row.key(i)).is_none()
            });
            if under {
                for (col, f, label) in columns {
                    self.set_field(f, &label, row.get(col), row);
                }
                return;
            }
        }
        if let Some(columns) = labels_only(row) {
            self.pending_header = Some(columns);
            return;
        }
        let mut i = 0;
        while i < row.cells.len() {
            let label = row.get(i);
            if label.is_empty() {
                i += 1;
                continue;
            }
            let (next, gap) = value_across_gap(row, i);
            let next_is_label = field_of_key(row.key(i + 1)).is_some();
            let (label, value, step, one_cell) = match label_value(label) {
                // `单位名称:区商务局` in one cell: a pair of its own.
                Some((l, v)) if field_of_key(row.key(i)).is_none() => (l, v, 1, true),
                _ if next_is_label => (label, "", 1, false),
                _ => (label, next, 2 + gap, false),
            };
            let label_key = key(label);
            // A section title (`项目基本情况`) names the rows below: no field, no value.
            if value.is_empty() && lookup(HEADER_SECTIONS, &label_key).is_some() {
                i += step;
                continue;
            }
            // `单位：万元` in one cell among the header pairs (at the right of the 填报单位
            // line) states the money unit of the form; `单位 | 万元` in two cells there is
            // a pair like any other (a line of its own is a `Unit` row).
            if let Some(unit) = one_cell
                .then(|| super::funding::unit_pair(&label_key, value))
                .flatten()
            {
                self.unit = unit;
                self.evaluation.unit = unit;
                if self.funding_seen {
                    self.decl.funding.unit = unit;
                }
                i += step;
                continue;
            }
            if lookup(HEADER_PERIOD, &label_key).is_some() {
                self.period(label, value, row);
                i += step;
                continue;
            }
            match field_of_key(&label_key) {
                Some(f) => self.set_field(f, label, value, row),
                None if is_footer_key(&key(label)) && is_template_note(value) => {
                    let k = extra_key(label);
                    self.finding(
                        "template_note",
                        crate::Severity::Info,
                        row,
                        format!("“{k}：{value}”是模板的填写说明，不是项目字段"),
                        format!(
                            "`{k}: {value}` is a note on the template, no field of the project"
                        ),
                    );
                }
                None => {
                    let k = extra_key(label);
                    if !is_footer_key(&key(label)) {
                        self.finding(
                            "unknown_header_label",
                            crate::Severity::Info,
                            row,
                            format!("表头标签“{k}”不是已知字段，已原样保留"),
                            format!("header label `{k}` is not a known field; kept verbatim in the project's extra fields"),
                        );
                    }
                    self.decl.project.extra.insert(k, value.to_owned());
                }
            }
            i += step;
        }
    }

    /// 起止时间 `2024年1月-2024年12月`: the planned start and end in one cell; any other
    /// value is kept verbatim in the project's extra fields — silently when it names no
    /// range (实施期限 `3`, `3年`: a number of years), with a warning when it writes a
    /// range that is no pair of dates.
    fn period(&mut self, label: &str, value: &str, row: &Row<'_>) {
        if value.is_empty() {
            return;
        }
        if let Some((start, end)) = crate::read::cell::date_range(value) {
            self.decl.project.start_date = Some(start);
            self.decl.project.end_date = Some(end);
            return;
        }
        let k = extra_key(label);
        self.decl.project.extra.insert(k.clone(), value.to_owned());
        let writes_a_range = value.contains(crate::read::cell::RANGE_MARKS);
        if !writes_a_range {
            return;
        }
        self.finding(
            "bad_date",
            crate::Severity::Warning,
            row,
            format!("“{k}”的值“{value}”不是起止日期，已原样保留"),
            format!("`{k}` value `{value}` is not a start and an end date; kept verbatim in the project's extra fields"),
        );
    }

    /// 项目总金额 / 本年度项目金额 written as header pairs (a finance system's export),
    /// in the unit their label states (`（万元）`), read as written.
    fn amount_field(&mut self, f: Field, label: &str, value: &str, row: &Row<'_>) {
        if let Some(unit) = super::funding::unit_of(label) {
            self.decl.funding.unit = unit;
            self.unit = unit;
        }
        let what = squash_spaces(label);
        let amount = self.money(value, row, &what);
        let funding = &mut self.decl.funding;
        if !funding.source.is_known() {
            funding.source = crate::model::Source::at(self.file, row.line);
        }
        if f == Field::TotalAmount {
            funding.total = amount;
        } else {
            funding.annual = amount;
        }
    }

    /// A field answered by ticking a box (`☑新增项目 □延续项目`): the ticked option, the
    /// boxes as written in an info finding; any other value as written.
    fn choice(&mut self, label: &str, value: &str, row: &Row<'_>) -> Option<String> {
        let Some(option) = crate::read::cell::checked_option(value) else {
            return (!value.is_empty()).then(|| value.to_owned());
        };
        let option = option.to_owned();
        self.finding(
            "checked_option",
            crate::Severity::Info,
            row,
            format!("“{label}”勾选了“{option}”（原文：{value}）"),
            format!("`{label}`: the ticked option `{option}` is read (written: {value})"),
        );
        Some(option)
    }

    fn set_field(&mut self, f: Field, label: &str, value: &str, row: &Row<'_>) {
        let text = || (!value.is_empty()).then(|| value.to_owned());
        if matches!(f, Field::Nature | Field::Category) {
            let choice = self.choice(label, value, row);
            let project = &mut self.decl.project;
            if f == Field::Nature {
                project.nature = choice;
            } else {
                project.category = choice;
            }
            return;
        }
        let project: &mut Project = &mut self.decl.project;
        match f {
            Field::Name => project.name = value.to_owned(),
            Field::Code => project.code = text(),
            Field::Nature | Field::Category => {}
            Field::Department => project.department = text(),
            Field::Implementer => project.implementer = text(),
            Field::PolicyBasis => project.policy_basis = text().map(|t| strip_html(&t)),
            Field::CalculationBasis => {
                project.calculation_basis = text().map(|t| strip_html(&t));
            }
            Field::TotalAmount | Field::AnnualAmount => self.amount_field(f, label, value, row),
            Field::Start | Field::End => {
                if value.is_empty() {
                    return;
                }
                match parse_date(value) {
                    Some(date) if f == Field::Start => project.start_date = Some(date),
                    Some(date) => project.end_date = Some(date),
                    None => {
                        let k = extra_key(label);
                        project.extra.insert(k.clone(), value.to_owned());
                        self.finding(
                            "bad_date",
                            crate::Severity::Warning,
                            row,
                            format!("“{k}”的值“{value}”不是日期，已原样保留"),
                            format!("`{k}` value `{value}` is not a date; kept verbatim in the project's extra fields"),
                        );
                    }
                }
            }
        }
    }
}

/// Which goal text a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Goal {
    /// 项目总目标.
    Overall,
    /// 年度总体目标 (预期目标 in a self-evaluation).
    Annual,
    /// 实际完成情况.
    Achieved,
    /// A section label (项目绩效目标, 总体目标): names the block, holds no text itself.
    Section,
}

/// What a goal label names: [`GoalLabel::Annual`] is the section label in a
/// self-evaluation, whose own columns are 预期目标 and 实际完成情况.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GoalLabel {
    Overall,
    Annual,
    Expected,
    Achieved,
    Section,
}

/// Goal labels and what they name.
const GOAL_LABELS: &[(&str, Match, GoalLabel)] = {
    use GoalLabel::*;
    use Match::Head as H;
    &[
        ("项目总目标", H, Overall),
        ("项目总体目标", H, Overall),
        ("中长期目标", H, Overall),
        ("中期目标", H, Overall),
        ("中期绩效目标", H, Overall),
        ("长期绩效目标", H, Overall),
        ("实施期目标", H, Overall),
        ("实施期总目标", H, Overall),
        ("长期目标", H, Overall),
        ("总目标", H, Overall),
        ("年度总体目标", H, Annual),
        ("年度目标", H, Annual),
        ("年度绩效目标", H, Annual),
        ("当年目标", H, Annual),
        ("年度总目标", H, Annual),
        ("项目年度绩效目标", H, Annual),
        ("项目年度目标", H, Annual),
        ("本年度绩效目标", H, Annual),
        ("项目中长期目标", H, Overall),
        ("预期绩效目标", H, Expected),
        ("年度预期目标", H, Expected),
        ("预期目标", H, Expected),
        ("年初设定目标", H, Expected),
        ("年初目标", H, Expected),
        ("实际完成情况", H, Achieved),
        ("实际完成", H, Achieved),
        ("目标完成情况", H, Achieved),
        ("年度总体目标完成情况", H, Achieved),
        ("年度总体目标完成情况综述", H, Achieved),
        ("完成情况综述", H, Achieved),
        ("项目绩效目标", H, Section),
        ("绩效目标", H, Section),
        ("总体目标", H, Section),
    ]
};

/// The characters one of which every goal label holds (checked by a test): a key with
/// neither names no goal, found without looking it up.
const GOAL_LABEL_MARKS: [char; 2] = ['目', '完'];

fn goal_label(k: &str) -> Option<GoalLabel> {
    if !k.contains(GOAL_LABEL_MARKS) {
        return None;
    }
    lookup(GOAL_LABELS, k)
}

fn goal_of_key(k: &str, evaluation_style: bool) -> Option<Goal> {
    Some(goal_of(goal_label(k)?, evaluation_style))
}

/// The goal field a goal label names, in a row of evaluation style or not.
fn goal_of(label: GoalLabel, evaluation_style: bool) -> Goal {
    match label {
        GoalLabel::Overall => Goal::Overall,
        GoalLabel::Annual if evaluation_style => Goal::Section,
        GoalLabel::Annual | GoalLabel::Expected => Goal::Annual,
        GoalLabel::Achieved => Goal::Achieved,
        GoalLabel::Section => Goal::Section,
    }
}

/// The goal columns of a label row, and the values when they stand on the same row.
pub(super) struct GoalLabels {
    /// The column of each goal field.
    pub columns: Vec<(usize, Goal)>,
    /// Values written on the label row itself, right of their label.
    pub same_line: Vec<(Goal, String)>,
}

/// A row of goals written as `label：value` cells (`年度绩效目标：完成培训100人次。`,
/// `中长期目标：… | 年度目标：…`), every cell one.
fn inline_goals(row: &Row<'_>) -> Option<GoalLabels> {
    let mut found = Vec::new();
    for (_, cell) in row.content() {
        if !cell.contains(GOAL_LABEL_MARKS) {
            return None;
        }
        let (label, value) = label_value(cell)?;
        found.push((goal_label(&key(label))?, value));
    }
    if found.is_empty() {
        return None;
    }
    let evaluation_style = found
        .iter()
        .any(|(g, _)| matches!(g, GoalLabel::Expected | GoalLabel::Achieved));
    let same_line = found
        .into_iter()
        .map(|(g, v)| match goal_of(g, evaluation_style) {
            Goal::Section => (Goal::Annual, strip_html(v)),
            goal => (goal, strip_html(v)),
        })
        .collect();
    Some(GoalLabels {
        columns: Vec::new(),
        same_line,
    })
}

/// Reads a goal label row (`项目 绩效 目标 | 项目总目标 | | 年度总体目标`).
pub(super) fn goal_labels(row: &Row<'_>) -> Option<GoalLabels> {
    if let Some(inline) = inline_goals(row) {
        return Some(inline);
    }
    // Each label cell looked up once.
    let found: Vec<(usize, GoalLabel)> = row
        .labels()
        .filter_map(|(i, _, k)| goal_label(k).map(|g| (i, g)))
        .collect();
    if found.is_empty() {
        return None;
    }
    let evaluation_style = found
        .iter()
        .any(|(_, g)| matches!(g, GoalLabel::Expected | GoalLabel::Achieved));
    let labels: Vec<(usize, Goal)> = found
        .into_iter()
        .map(|(i, g)| (i, goal_of(g, evaluation_style)))
        .collect();
    // A goal row starts with a goal label, or with a piece of the section label split down
    // a merged cell (`项目`) and then a goal label.
    let mut content = row.keyed();
    let (_, _, first) = content.next()?;
    let starts_with_goal = goal_of_key(first, evaluation_style).is_some()
        || super::table::is_label_fragment_key(first)
            && content
                .next()
                .is_some_and(|(_, _, k)| goal_of_key(k, evaluation_style).is_some());
    if labels.is_empty() || !starts_with_goal {
        return None;
    }
    let mut same_line = Vec::new();
    for (n, &(col, g)) in labels.iter().enumerate() {
        let end = labels.get(n + 1).map_or(row.cells.len(), |&(c, _)| c);
        let value = row
            .cells
            .get(col + 1..end)
            .and_then(|cells| cells.iter().find(|c| !c.is_empty()));
        if let Some(v) = value {
            let g = if g == Goal::Section && labels.len() == 1 {
                Goal::Annual
            } else {
                g
            };
            same_line.push((g, strip_html(v)));
        }
    }
    let columns = labels
        .into_iter()
        .filter(|&(_, g)| g != Goal::Section)
        .collect();
    Some(GoalLabels { columns, same_line })
}

/// Reads the value row under a goal label row: by the label columns, or in order when
/// the values stand elsewhere but there is one per label.
pub(super) fn goal_values(row: &Row<'_>, columns: &[(usize, Goal)]) -> Vec<(Goal, String)> {
    let first_col = columns.iter().map(|&(c, _)| c).min().unwrap_or_default();
    let positional: Vec<(Goal, &str)> = columns.iter().map(|&(c, g)| (g, row.get(c))).collect();
    // A piece of the section label left of the goal columns is no value.
    let content: Vec<&str> = row
        .content()
        .filter(|&(i, _)| {
            i >= first_col || {
                let k = row.key(i);
                goal_of_key(k, false) != Some(Goal::Section)
                    && !super::table::is_label_fragment_key(k)
            }
        })
        .map(|(_, c)| c)
        .collect();
    let misplaced = positional.iter().any(|(_, v)| v.is_empty());
    let values: Vec<(Goal, &str)> = if misplaced && content.len() == columns.len() {
        columns.iter().map(|&(_, g)| g).zip(content).collect()
    } else {
        positional
    };
    values
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(g, v)| (g, strip_html(v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick test of [`goal_label`] holds: every goal label has one of its marks, so
    /// a key without them matches none (whatever the match, a key holds its label: a
    /// head or a prefix is part of the key).
    #[test]
    fn every_goal_label_holds_a_mark() {
        for (label, _, _) in GOAL_LABELS {
            assert!(label.contains(GOAL_LABEL_MARKS), "{label}");
        }
        assert_eq!(goal_label("年度总体目标(必填)"), Some(GoalLabel::Annual));
        assert_eq!(goal_label("实际完成情况"), Some(GoalLabel::Achieved));
        assert_eq!(goal_label("项目名称"), None);
    }
}
