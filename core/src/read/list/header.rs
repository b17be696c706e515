//! Finding the header row of a list, and what the rows above it say (a title, 年度,
//! 金额单位).

use std::collections::HashMap;

use crate::model::MoneyUnit;
use crate::text::{fold_width, no_spaces};

use super::cells::parse_money_unit;
use super::columns::{recognize, Column};
use super::RawRow;

/// How many rows from the top are searched for the header row.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// The columns of a list, found from its header row.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Index (0-based) of the header row in the table's rows.
    pub row: usize,
    /// Index of the first data row: after the header row, or after a second header row
    /// of sub-headers (`预算执行情况` merged over `年初预算数 · 全年预算数 · 全年执行数`).
    pub data_start: usize,
    /// Each column: index in the row, what it holds, the header as written, and a money
    /// unit named in the header.
    pub columns: Vec<LayoutColumn>,
    /// The first column of each known (non-extra) kind.
    pub first: HashMap<Column, usize>,
    /// Columns the preamble writes (`项目名称：…` above a header without 项目名称): their
    /// index (after the header's last column) and the value every row takes.
    pub fixed: Vec<(usize, String)>,
}

/// One column of a [`Layout`].
#[derive(Debug, Clone)]
pub struct LayoutColumn {
    /// 0-based index in the row's cells.
    pub index: usize,
    /// What it holds. A second column of a kind already seen is an [`Column::Extra`]
    /// (except [`Column::Sign`], which may come more than once).
    pub column: Column,
    /// The header as written, trimmed.
    pub header: String,
    /// A money unit written in the header.
    pub unit: Option<MoneyUnit>,
}

impl Layout {
    /// Reads a header row.
    pub fn from_header(row: usize, cells: &[String]) -> Layout {
        let mut layout = Layout {
            row,
            data_start: row + 1,
            ..Layout::default()
        };
        for (index, cell) in cells.iter().enumerate() {
            let header = cell.trim().to_owned();
            if header.is_empty() {
                continue;
            }
            let (mut column, unit) = match recognize(&header) {
                Some(m) => (m.column, m.unit),
                None => (Column::Extra(header.clone()), None),
            };
            let repeatable = matches!(
                column,
                Column::Sign | Column::Extra(_) | Column::ProjectExtra(_)
            );
            if !repeatable && layout.first.contains_key(&column) {
                column = Column::Extra(header.clone());
            }
            if !matches!(column, Column::Extra(_)) {
                layout.first.entry(column.clone()).or_insert(index);
            }
            layout.columns.push(LayoutColumn {
                index,
                column,
                header,
                unit,
            });
        }
        layout
    }

    /// How many distinct known kinds of column the header names.
    pub fn known_kinds(&self) -> usize {
        self.first.len()
    }

    /// Whether this looks like a list header row: three known columns, one of them an
    /// indicator column.
    pub fn is_header(&self) -> bool {
        self.known_kinds() >= 3
            && [
                Column::Name,
                Column::ProjectName,
                Column::Level1,
                Column::Level2,
                Column::Target,
            ]
            .iter()
            .any(|c| self.first.contains_key(c))
    }

    /// Whether the header has the columns a list needs: 项目名称 and 三级指标/指标名称.
    pub fn is_complete(&self) -> bool {
        self.first.contains_key(&Column::ProjectName) && self.first.contains_key(&Column::Name)
    }

    /// The headers recognized, as written, for messages.
    pub fn known_headers(&self) -> Vec<&str> {
        self.columns
            .iter()
            .filter(|c| !matches!(c.column, Column::Extra(_)))
            .map(|c| c.header.as_str())
            .collect()
    }

    /// The header written above the cell at `index`, if any.
    pub fn header_at(&self, index: usize) -> Option<&str> {
        self.columns
            .iter()
            .find(|c| c.index == index)
            .map(|c| c.header.as_str())
    }
}

/// Finds the header row among the first [`HEADER_SEARCH_ROWS`] non-empty rows. A row of
/// sub-headers right below it (a two-row header, its merged cells repeated or empty) is
/// read with it: each column takes its sub-header when it has one.
pub fn find_header(rows: &[RawRow]) -> Option<Layout> {
    let layout = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(HEADER_SEARCH_ROWS)
        .map(|(i, r)| Layout::from_header(i, &r.cells))
        .find(Layout::is_header)?;
    let (Some(top), Some(below)) = (rows.get(layout.row), rows.get(layout.row + 1)) else {
        return Some(layout);
    };
    let mut sub_headers = 0;
    for (i, cell) in below.cells.iter().enumerate() {
        let cell = cell.trim();
        let above = top.cells.get(i).map_or("", |c| c.trim());
        if cell.is_empty() || cell == above {
            continue;
        }
        // A sub-header sits under a merged group title (`预算执行情况`, not a column of
        // its own) or under an empty cell; a header name under a column the top row
        // already names (a project called `符号` under 项目名称, `一级指标` under
        // 主管部门) makes a data row.
        if recognize(above).is_some() || recognize(cell).is_none() {
            return Some(layout);
        }
        sub_headers += 1;
    }
    if sub_headers == 0 {
        return Some(layout);
    }
    let width = top.cells.len().max(below.cells.len());
    // A group title merged over several columns comes once in a CSV, the cells to its
    // right empty: it is the group of those columns too.
    let mut group = "";
    let combined: Vec<String> = (0..width)
        .map(|i| {
            let sub = below.cells.get(i).map_or("", |c| c.trim());
            let above = top.cells.get(i).map_or("", |c| c.trim());
            if !above.is_empty() {
                group = if recognize(above).is_some() {
                    ""
                } else {
                    above
                };
            }
            if sub.is_empty() {
                above.to_owned()
            } else {
                under_group(group, sub)
            }
        })
        .collect();
    let mut combined_layout = Layout::from_header(layout.row, &combined);
    combined_layout.data_start = layout.row + 2;
    Some(combined_layout)
}

/// A sub-header read under its group title. Under a budget group (`预算执行情况（万元）`,
/// `资金执行情况`: 预算 or 资金, no 指标) the group's 分值 · 得分 are budget execution's
/// (预算执行率分值 · 预算执行率得分), not an indicator's, and a money unit in the group
/// title is its columns' unless they name their own.
fn under_group(group: &str, sub: &str) -> String {
    let group_key = super::columns::header_key(group);
    let budget_group = (group_key.contains("预算") || group_key.contains("资金"))
        && !group_key.contains("指标")
        && recognize(group).is_none();
    if !budget_group {
        return sub.to_owned();
    }
    use super::columns::{BudgetField, Column as C};
    let column = recognize(sub).map(|m| m.column);
    match column {
        Some(C::Weight) => return "预算执行率分值".to_owned(),
        Some(C::Score) => return "预算执行率得分".to_owned(),
        _ => {}
    }
    let is_amount = matches!(
        column,
        Some(C::Budget(
            _,
            BudgetField::Initial | BudgetField::Adjusted | BudgetField::Executed
        ))
    );
    let unit = group_key
        .strip_suffix(')')
        .and_then(|body| body.rfind('(').map(|open| &body[open + 1..]))
        .filter(|inner| parse_money_unit(inner).is_some());
    let names_unit = super::columns::header_key(sub).ends_with(')');
    match unit {
        Some(unit) if is_amount && !names_unit => format!("{sub}({unit})"),
        _ => sub.to_owned(),
    }
}

/// What the rows above the header say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preamble {
    /// The title: the first row holding a single text that is not a `label：value`.
    pub title: Option<String>,
    /// `年度：2024` when written; `Some(None)` for an explicit empty `年度：`.
    pub year: Option<Option<i32>>,
    /// `金额单位：万元` or `单位：万元`.
    pub money_unit: Option<MoneyUnit>,
    /// Rows not understood (kept for a diagnostic), with their line.
    pub ignored: Vec<(u32, String)>,
    /// Project fields written as `label：value` above the header (`项目名称：社区养老服务补贴`
    /// over a sheet of one project's indicators), in order: they stand for columns the
    /// header lacks.
    pub fields: Vec<(Column, String, String)>,
}

/// The project field a preamble label names (项目名称, 项目编码, 主管部门, 实施单位, dates,
/// goals and amounts): one read from the header's column names.
fn preamble_field(label: &str) -> Option<Column> {
    if PREAMBLE_LABELS.contains(&label) {
        return None;
    }
    let column = recognize(label)?.column;
    matches!(
        column,
        Column::ProjectName
            | Column::ProjectCode
            | Column::Nature
            | Column::Category
            | Column::Department
            | Column::Implementer
            | Column::StartDate
            | Column::EndDate
            | Column::FundingTotal
            | Column::FundingTotalFiscal
            | Column::FundingTotalOther
            | Column::FundingAnnual
            | Column::FundingAnnualFiscal
            | Column::FundingAnnualCarryover
            | Column::FundingAnnualOther
            | Column::GoalOverall
            | Column::GoalAnnual
    )
    .then_some(column)
}

/// The labels of `label：value` rows above a header.
const PREAMBLE_LABELS: [&str; 8] = [
    "年度",
    "单位",
    "金额单位",
    "填报单位",
    "编制单位",
    "制表单位",
    "填报日期",
    "预算年度",
];

/// Reads the rows above the header. A merged cell's text repeated across its columns
/// (a title over the whole sheet) counts once; a row may hold several `label：value`
/// cells (`编制单位：… | … | 单位：万元`), each read on its own.
pub fn read_preamble(rows: &[RawRow]) -> Preamble {
    let mut preamble = Preamble::default();
    for row in rows {
        let mut cells: Vec<&str> = row
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        cells.dedup();
        if cells.is_empty() {
            continue;
        }
        let joined = cells.join(" ");
        let pairs = label_pairs(&cells);
        if pairs.is_empty() {
            if preamble.title.is_none() && cells.len() == 1 {
                preamble.title = Some(joined);
            } else {
                preamble.ignored.push((row.line, joined));
            }
            continue;
        }
        let mut all_used = true;
        for (label, value) in pairs {
            if let Some(column) = preamble_field(&label) {
                if !value.is_empty() && !preamble.fields.iter().any(|(c, _, _)| *c == column) {
                    preamble.fields.push((column, label, value));
                }
                continue;
            }
            match label.as_str() {
                "年度" | "预算年度" => {
                    let digits: String = fold_width(&value)
                        .chars()
                        .filter(char::is_ascii_digit)
                        .collect();
                    preamble.year = Some(digits.parse().ok());
                }
                "单位" | "金额单位" if parse_money_unit(&value).is_some() => {
                    preamble.money_unit = parse_money_unit(&value);
                }
                _ => all_used = false,
            }
        }
        if !all_used {
            preamble.ignored.push((row.line, joined));
        }
    }
    preamble
}

/// The `label：value` pairs of a row: `年度：2024` (one cell) or `年度 | 2024` (two cells),
/// several in one row; cells after a pair's value continue it. Empty when the row does
/// not start with a label (a title, a note).
fn label_pairs(cells: &[&str]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for cell in cells {
        let folded = no_spaces(&fold_width(cell));
        let is_label =
            |label: &str| PREAMBLE_LABELS.contains(&label) || preamble_field(label).is_some();
        let labelled = folded
            .find(':')
            .map(|pos| (&folded[..pos], &folded[pos + 1..]))
            .filter(|(label, _)| is_label(label));
        if let Some((label, value)) = labelled {
            // The value as written (its inner spaces kept), after the label's colon.
            let written = cell
                .split_once([':', '：'])
                .map_or(value.to_owned(), |(_, v)| v.trim().to_owned());
            pairs.push((label.to_owned(), written));
        } else if is_label(&folded) {
            pairs.push((folded, String::new()));
        } else if let Some((_, value)) = pairs.last_mut() {
            value.push_str(cell.trim());
        } else {
            return Vec::new();
        }
    }
    pairs
}

/// The year a title names: the first four digits followed by 年 (`…2024年度…`).
pub fn year_of_title(title: &str) -> Option<i32> {
    let folded = fold_width(title);
    let chars: Vec<char> = folded.chars().collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w.get(..4)?.iter().collect();
        let is_year = w.get(4) == Some(&'年') && digits.chars().all(|c| c.is_ascii_digit());
        is_year.then(|| digits.parse().ok()).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: u32, cells: &[&str]) -> RawRow {
        RawRow {
            line,
            cells: cells.iter().map(|c| (*c).to_owned()).collect(),
        }
    }

    #[test]
    fn header_with_title_rows_above() {
        let rows = vec![
            row(1, &["乌海市2021年度项目绩效目标表"]),
            row(2, &["年度：2021"]),
            row(3, &["单位", "万元"]),
            row(
                4,
                &[
                    "项目名称",
                    "一级指标",
                    "二级指标",
                    "三级指标",
                    "目标值",
                    "备注",
                ],
            ),
        ];
        let layout = find_header(&rows).unwrap();
        assert_eq!(layout.row, 3);
        assert!(layout.is_complete());
        assert_eq!(layout.first.get(&Column::Target), Some(&4));
        let preamble = read_preamble(&rows[..3]);
        assert_eq!(
            preamble.title.as_deref(),
            Some("乌海市2021年度项目绩效目标表")
        );
        assert_eq!(preamble.year, Some(Some(2021)));
        assert_eq!(preamble.money_unit, Some(MoneyUnit::WanYuan));
        assert_eq!(year_of_title("乌海市2021年度项目绩效目标表"), Some(2021));
        assert_eq!(year_of_title("无年份"), None);
    }

    #[test]
    fn a_budget_groups_points_and_unit_are_the_budgets() {
        let rows = [
            row(
                1,
                &[
                    "项目名称",
                    "项目编码",
                    "主管部门",
                    "预算执行情况（万元）",
                    "预算执行情况（万元）",
                    "预算执行情况（万元）",
                    "预算执行情况（万元）",
                    "绩效指标",
                    "绩效指标",
                    "绩效指标",
                    "绩效指标",
                ],
            ),
            row(
                2,
                &[
                    "项目名称",
                    "项目编码",
                    "主管部门",
                    "全年预算数",
                    "全年执行数",
                    "分值",
                    "得分",
                    "三级指标",
                    "年度指标值",
                    "分值",
                    "得分",
                ],
            ),
        ];
        let layout = find_header(&rows).unwrap();
        let total = super::super::columns::BudgetLine::Total;
        use super::super::columns::BudgetField as F;
        let at = |c: Column| layout.first.get(&c).copied();
        assert_eq!(layout.data_start, 2);
        assert_eq!(at(Column::Budget(total, F::Weight)), Some(5));
        assert_eq!(at(Column::Budget(total, F::Score)), Some(6));
        assert_eq!(at(Column::Weight), Some(9));
        assert_eq!(at(Column::Score), Some(10));
        let adjusted = layout.columns.iter().find(|c| c.index == 3).unwrap();
        assert_eq!(adjusted.unit, Some(MoneyUnit::WanYuan));
        let weight = layout.columns.iter().find(|c| c.index == 5).unwrap();
        assert_eq!(weight.unit, None);
        // As a CSV writes the merged group titles: once, the cells to their right empty.
        let mut csv = rows.clone();
        for i in [4, 5, 6, 8, 9, 10] {
            csv[0].cells[i].clear();
        }
        let layout = find_header(&csv).unwrap();
        let at = |c: Column| layout.first.get(&c).copied();
        assert_eq!(at(Column::Budget(total, F::Weight)), Some(5));
        assert_eq!(at(Column::Budget(total, F::Score)), Some(6));
        assert_eq!(at(Column::Weight), Some(9));
        assert_eq!(at(Column::Score), Some(10));
    }

    #[test]
    fn a_merged_title_and_a_unit_beside_another_label() {
        let title = "某某市2025年度项目绩效目标表";
        let rows = [
            row(1, &[title, title, title]),
            row(2, &["编制单位：某某局", "", "", "单位：万元"]),
            row(3, &["年度", "2025", "金额单位", "元"]),
        ];
        let preamble = read_preamble(&rows[..2]);
        assert_eq!(preamble.title.as_deref(), Some(title));
        assert_eq!(preamble.money_unit, Some(MoneyUnit::WanYuan));
        // 编制单位 is not used: the row is said to be unused, its unit still read.
        assert_eq!(preamble.ignored.len(), 1);
        let preamble = read_preamble(&rows[2..]);
        assert_eq!(preamble.year, Some(Some(2025)));
        assert_eq!(preamble.money_unit, Some(MoneyUnit::Yuan));
        assert!(preamble.ignored.is_empty());
    }

    #[test]
    fn two_row_headers() {
        let rows = vec![
            row(
                1,
                &[
                    "项目名称",
                    "三级指标",
                    "指标值",
                    "预算执行情况",
                    "预算执行情况",
                    "备注",
                ],
            ),
            row(2, &["项目名称", "", "", "年初预算数", "全年执行数", ""]),
            row(3, &["甲", "a", "1", "10", "9", ""]),
        ];
        let layout = find_header(&rows).unwrap();
        assert_eq!(layout.data_start, 2);
        assert_eq!(
            layout.first.get(&Column::Budget(
                super::super::columns::BudgetLine::Total,
                super::super::columns::BudgetField::Executed
            )),
            Some(&4)
        );
        // A data row below the header is not a sub-header row.
        let layout = find_header(&rows[1..]).unwrap();
        assert_eq!(layout.data_start, 1);
        // Nor is a row of header words under columns the header names already (a
        // department called `一级指标`): sub-headers sit under group titles.
        let rows = vec![
            row(1, &["项目名称", "主管部门", "三级指标", "指标值"]),
            row(2, &["", "一级指标", "指标性质", ""]),
        ];
        let layout = find_header(&rows).unwrap();
        assert_eq!(layout.data_start, 1);
    }

    #[test]
    fn repeated_kinds_become_extras() {
        let layout = Layout::from_header(
            0,
            &[
                "分值".into(),
                "权重".into(),
                "符号".into(),
                "指标性质".into(),
            ],
        );
        assert_eq!(layout.columns[1].column, Column::Extra("权重".to_owned()));
        assert_eq!(layout.columns[3].column, Column::Sign);
    }
}
