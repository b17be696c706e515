//! 项目资金: the funding block of a declaration (项目资金总额 … / 年度资金申请总额 …) and
//! the funding matrix of a self-evaluation (年初预算数 · 全年预算数 · 全年执行数 · 分值 ·
//! 执行率 · 得分).

use rust_decimal::Decimal;

use crate::model::{BudgetRow, MoneyUnit, Source};
use crate::text::fold_char;

use super::cells::{
    is_absent, key, key_starts_with, label_head_has, may_hold, parse_money, without_of_which, Row,
};
use super::Reader;
use crate::read::cell::label_value;
use crate::read::cell::points_in;
use crate::read::lexicon::{lookup, BudgetColumn, BUDGET_COLUMNS};

/// Whether a cell opens the funding block (`项目资金 (元)`, `项目资金（万元）`).
/// Takes the cell's [`key`].
pub(super) fn is_funding_title_key(k: &str) -> bool {
    k.starts_with("项目资金") && !k.starts_with("项目资金总额")
        || k.starts_with("资金情况")
        || k.starts_with("资金来源")
}

/// The money unit written in a label (`项目资金 (万元)`, `金额单位：元`).
pub(super) fn unit_of(cell: &str) -> Option<MoneyUnit> {
    let k = key(cell);
    if k.contains("万元") {
        Some(MoneyUnit::WanYuan)
    } else if k.contains('元') {
        Some(MoneyUnit::Yuan)
    } else {
        None
    }
}

/// A cell holding only a unit (`(万元)`, `元`), as left by a funding label split down a
/// merged cell.
pub(super) fn unit_cell(row: &Row<'_>) -> Option<MoneyUnit> {
    // Only a cell made of what such a key is made of (and what keying drops) is keyed:
    // most cells are decided on their first character.
    let may_be_unit = |c: &str| {
        c.chars().map(fold_char).all(|c| {
            c.is_whitespace() || matches!(c, '*' | '★' | '(' | ')' | '元' | '万' | ':' | '：')
        })
    };
    row.content()
        .filter(|(_, c)| may_be_unit(c))
        .find_map(|(i, _)| {
            let k = row.key(i);
            let inner = k.trim_start_matches('(').trim_end_matches(')');
            match inner {
                "元" => Some(MoneyUnit::Yuan),
                "万元" => Some(MoneyUnit::WanYuan),
                _ => None,
            }
        })
}

/// A line stating the unit of the amounts (`单位：万元`, `金额单位：元`, in parentheses
/// too: `（单位：万元）`).
pub(super) fn unit_line(row: &Row<'_>) -> Option<MoneyUnit> {
    let (i, cell) = row.first()?;
    // Decided on the first characters, without keying the whole first cell.
    if !["单位", "金额单位", "(单位", "(金额单位"]
        .iter()
        .any(|prefix| key_starts_with(cell, prefix))
    {
        return None;
    }
    let k = row.key(i);
    let k = k
        .strip_prefix('(')
        .map_or(k, |inner| inner.trim_end_matches(')'));
    if k.starts_with("单位") || k.starts_with("金额单位") {
        unit_of(k).or_else(|| row.content().nth(1).and_then(|(_, c)| unit_of(c)))
    } else {
        None
    }
}

/// The money unit a header pair states (`单位：万元`, `金额单位 | 元`), given the label's
/// [`key`] and the value as written: the value is only a unit.
pub(super) fn unit_pair(label_key: &str, value: &str) -> Option<MoneyUnit> {
    if !matches!(label_key, "单位" | "金额单位" | "资金单位") {
        return None;
    }
    match key(value).trim_start_matches('(').trim_end_matches(')') {
        "元" | "人民币元" => Some(MoneyUnit::Yuan),
        "万元" | "人民币万元" => Some(MoneyUnit::WanYuan),
        _ => None,
    }
}

/// A cell of the declaration funding block. `Other` is the year's 其他资金 until the
/// column says it is the project period's (`TotalOther`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    Total,
    TotalFiscal,
    TotalOther,
    Other,
    Annual,
    AnnualFiscal,
    Carryover,
}

/// The labels of the carryover row, in the declaration's block and the budget matrix.
const CARRYOVER: [&str; 6] = [
    "上年结转资金",
    "上年结转",
    "上年结余结转资金",
    "上年结余结转",
    "结转结余资金",
    "上年结转结余资金",
];

/// The labels of the other-funds row (自筹 is money from outside the budget).
const OTHER: [&str; 4] = ["其他资金", "其他来源资金", "自筹资金", "单位自筹资金"];

fn slot_name(s: Slot) -> &'static str {
    match s {
        Slot::Total => "项目资金总额",
        Slot::TotalFiscal => "财政资金",
        Slot::TotalOther | Slot::Other => "其他资金",
        Slot::Annual => "年度资金申请总额",
        Slot::AnnualFiscal => "当年财政拨款",
        Slot::Carryover => "上年结转资金",
    }
}

/// A key without the money unit written after it (`资金总额(元)` → `资金总额`).
fn without_unit(k: &str) -> &str {
    for unit in ["(元)", "(万元)", "(人民币元)", "(人民币万元)"] {
        if let Some(rest) = k.strip_suffix(unit) {
            return rest;
        }
    }
    k
}

/// Whether a row of the header starts with a funding label (`资金总额（元） | 3,600,000.00 |
/// 其中：财政资金 | …`, a one-line funding block with no 项目资金 title).
pub(super) fn starts_with_funding_label(row: &Row<'_>) -> bool {
    row.first().is_some_and(|(i, _)| slot(row, i).is_some())
}

/// The funding label of the cell at `col` (by its cached key), or of the label of a
/// `label：value` cell there (`年度资金总额：120万元`).
fn slot(row: &Row<'_>, col: usize) -> Option<Slot> {
    slot_of(row.key(col)).or_else(|| inline_value(row, col).map(|(s, _)| s))
}

/// The funding label and the value of a `label：value` cell (`其中：财政拨款：100万元`,
/// `资金总额（万元）：280`).
fn inline_value<'r>(row: &'r Row<'_>, col: usize) -> Option<(Slot, &'r str)> {
    let cell = row.get(col);
    // `其中：财政拨款` is a label whose key starts with 其中: split after it.
    let (label, value) = label_value(cell)?;
    let (label, value) = if key(label) == "其中" {
        label_value(value).map(|(l, v)| (format!("其中:{l}"), v))?
    } else {
        (label.to_owned(), value)
    };
    let s = slot_of(&key(&label))?;
    (!value.trim().is_empty()).then_some((s, value))
}

/// The funding label a key names.
fn slot_of(k: &str) -> Option<Slot> {
    let s = match without_unit(without_of_which(k)) {
        "项目资金总额" | "资金总额" | "项目总资金" | "中期资金总额" => {
            Slot::Total
        }
        "财政资金" | "财政性资金" => Slot::TotalFiscal,
        k if OTHER.contains(&k) => Slot::Other,
        "年度资金申请总额" | "年度资金总额" | "年度申请资金" | "年度资金申请" | "年度预算资金" => {
            Slot::Annual
        }
        "当年财政拨款" | "财政拨款" | "本年财政拨款" => Slot::AnnualFiscal,
        k if CARRYOVER.contains(&k) => Slot::Carryover,
        _ => return None,
    };
    Some(s)
}

/// Whether a row holds a label of the declaration funding block.
pub(super) fn has_funding_label(row: &Row<'_>) -> bool {
    row.content().any(|(i, _)| slot(row, i).is_some())
}

impl Reader<'_> {
    /// Reads a row of the declaration funding block: each label's value is the cell right
    /// of it. 其他资金 (and 财政资金/财政拨款) belong to the project period left of the
    /// 年度资金申请总额 column and to the year from that column on. A row of labels only
    /// (`资金总额 | 财政拨款 | 其他资金`) takes its values from the next row, column by column.
    pub(super) fn funding_row(&mut self, row: &Row<'_>) {
        // A label may state the unit (`资金总额（元）`).
        if let Some(unit) = row
            .content()
            .find(|&(i, _)| slot(row, i).is_some())
            .and_then(|(_, label)| unit_of(label))
        {
            self.unit = unit;
            if self.funding_seen {
                self.decl.funding.unit = unit;
            }
        }
        if !self.funding_seen {
            self.funding_seen = true;
            self.decl.funding.unit = self.unit;
            self.decl.funding.source = self.source(row);
        }
        let labels: Vec<(usize, Slot)> = row
            .content()
            .filter_map(|(i, _)| slot(row, i).map(|s| (i, s)))
            .collect();
        if let Some(&(col, _)) = labels.iter().find(|(_, s)| *s == Slot::Annual) {
            self.right_col = Some(col);
        }
        if let Some(&(col, _)) = labels.iter().find(|(_, s)| *s == Slot::Total) {
            self.left_col = Some(col);
        }
        let all_left = self.right_col.is_none() && labels.iter().any(|(_, s)| *s == Slot::Total);
        let others = labels.iter().filter(|(_, s)| *s == Slot::Other).count();
        let mut other_seen = 0;
        let mut resolved = Vec::new();
        for &(col, s) in &labels {
            let left = match self.right_col {
                Some(right) => col < right,
                None if all_left => true,
                None => match s {
                    // Under the project period's 资金总额, in its column: the period's.
                    Slot::Other => {
                        other_seen += 1;
                        others > 1 && other_seen == 1 || self.left_col == Some(col)
                    }
                    Slot::TotalFiscal | Slot::Total => true,
                    _ => false,
                },
            };
            let s = match (s, left) {
                (Slot::Other, true) => Slot::TotalOther,
                (Slot::AnnualFiscal, true) => Slot::TotalFiscal,
                (Slot::TotalFiscal, false) => Slot::AnnualFiscal,
                (other, _) => other,
            };
            resolved.push((col, s));
        }
        let labels_only = labels.len() >= 2
            && labels
                .iter()
                .all(|&(col, _)| inline_value(row, col).is_none())
            && labels
                .iter()
                .all(|&(col, _)| row.get(col + 1).is_empty() || slot(row, col + 1).is_some())
            && labels
                .windows(2)
                .all(|w| matches!(w, [(a, _), (b, _)] if *b == *a + 1));
        if labels_only {
            self.pending_funding = Some(resolved);
            return;
        }
        let label_cols: Vec<usize> = resolved.iter().map(|&(c, _)| c).collect();
        for (col, s) in resolved {
            // The value right of its label, or past the empty cells a merged label left
            // (`中期资金总额： | | 900`), up to the next label.
            let next_label = label_cols
                .iter()
                .copied()
                .find(|&c| c > col)
                .unwrap_or(row.cells.len());
            let value_cell = match inline_value(row, col) {
                Some((_, value)) => value,
                None => (col + 1..next_label)
                    .map(|j| row.get(j))
                    .find(|c| !c.is_empty())
                    .unwrap_or_default(),
            };
            let label = row.get(col).to_owned();
            let value = self.money(value_cell, row, &label);
            self.set_funding(s, value);
        }
    }

    /// Reads the value row under a row of funding labels.
    pub(super) fn funding_values(&mut self, columns: Vec<(usize, Slot)>, row: &Row<'_>) {
        for (col, s) in columns {
            let value = self.money(row.get(col), row, slot_name(s));
            self.set_funding(s, value);
        }
    }

    fn set_funding(&mut self, s: Slot, value: Option<Decimal>) {
        let f = &mut self.decl.funding;
        let target = match s {
            Slot::Total => &mut f.total,
            Slot::TotalFiscal => &mut f.total_fiscal,
            Slot::TotalOther => &mut f.total_other,
            Slot::Annual => &mut f.annual,
            Slot::AnnualFiscal => &mut f.annual_fiscal,
            Slot::Carryover => &mut f.annual_carryover,
            Slot::Other => &mut f.annual_other,
        };
        *target = value;
    }

    /// Reads a points cell (分值, 得分, 总分): a number, or points written with their unit
    /// (`10分`, `（9.5分）`); anything else as [`Reader::money`] says.
    pub(super) fn points(&mut self, cell: &str, row: &Row<'_>, label: &str) -> Option<Decimal> {
        crate::read::cell::points_only(cell).or_else(|| self.money(cell, row, label))
    }

    /// Reads a money cell in the block's unit; an unreadable one is `None` and a
    /// `bad_money` diagnostic. A cell that writes its own unit (`265万元` under
    /// `项目资金 (元)`) is converted exactly, with a `money_unit_converted` note naming both.
    pub(super) fn money(&mut self, cell: &str, row: &Row<'_>, label: &str) -> Option<Decimal> {
        match parse_money(cell, self.unit) {
            Ok(Some((value, Some(written)))) => {
                let label = crate::text::squash_spaces(label);
                let unit = self.unit.as_str();
                self.finding(
                    "money_unit_converted",
                    crate::Severity::Info,
                    row,
                    format!("“{label}”的金额“{cell}”以{written}填写，已按本表单位{unit}换算为 {value}"),
                    format!("`{label}` amount `{cell}` is written in {written}; converted exactly to {value} {unit}, the block's unit"),
                );
                Some(value)
            }
            Ok(value) => value.map(|(v, _)| v),
            Err(_) => {
                let label = crate::text::squash_spaces(label);
                self.finding(
                    "bad_money",
                    crate::Severity::Warning,
                    row,
                    format!("“{label}”的金额“{cell}”无法识别，按空处理"),
                    format!("`{label}` amount `{cell}` is not a number; read as empty"),
                );
                None
            }
        }
    }
}

/// The columns of a self-evaluation funding matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Matrix {
    initial: Option<usize>,
    adjusted: Option<usize>,
    executed: Option<usize>,
    weight: Option<usize>,
    rate: Option<usize>,
    score: Option<usize>,
    /// The budget item's points written in the header (`预算执行情况(20分)`,
    /// `得分(20分*执行率)`), for a matrix without a 分值 column.
    points: Option<Decimal>,
}

impl Matrix {
    fn columns(&self) -> [Option<usize>; 6] {
        [
            self.initial,
            self.adjusted,
            self.executed,
            self.weight,
            self.rate,
            self.score,
        ]
    }
}

/// Reads the header of a funding matrix: a row with at least two of 年初预算数, 全年预算数
/// (调整后预算数), 全年执行数, 执行率.
pub(super) fn matrix_header(row: &Row<'_>) -> Option<Matrix> {
    // Every budget label (the key before a parenthesis) is short and names a 预算 or an
    // 执行: a row with fewer than two such cells is no header, decided before its cells
    // are keyed.
    row.content()
        .filter(|(_, c)| {
            (may_hold(c, '预') || may_hold(c, '执'))
                && label_head_has(c, |ch| matches!(ch, '预' | '执'))
        })
        .nth(1)?;
    let mut m = Matrix::default();
    let mut budget_labels = 0;
    for (col, cell, k) in row.keyed() {
        if let Some(points) = points_in(cell) {
            m.points.get_or_insert(points);
        }
        let Some(column) = lookup(BUDGET_COLUMNS, k) else {
            continue;
        };
        let slot = match column {
            BudgetColumn::Initial => &mut m.initial,
            BudgetColumn::Adjusted => &mut m.adjusted,
            BudgetColumn::Executed => &mut m.executed,
            BudgetColumn::Rate => &mut m.rate,
            BudgetColumn::Weight => {
                m.weight.get_or_insert(col);
                continue;
            }
            BudgetColumn::Score => {
                m.score.get_or_insert(col);
                continue;
            }
        };
        if slot.is_none() {
            *slot = Some(col);
            budget_labels += 1;
        }
    }
    (budget_labels >= 2).then_some(m)
}

/// Which row of the funding matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Line {
    /// 年度资金总额.
    Total,
    /// 其中：当年财政拨款.
    Fiscal,
    /// 上年结转资金.
    Carryover,
    /// 其他资金.
    Other,
    /// A part the model has no row for (其中：中央财政资金, 省级财政资金, 地方配套资金):
    /// noted, not kept.
    Part,
}

/// How the label of a source of money ends (`中央财政资金`, `中央补助`, `政府性基金`).
const MONEY_SOURCE_ENDINGS: [&str; 6] = ["资金", "拨款", "补助", "基金", "债券", "经费"];

/// The funding matrix line of the cell at `col` (by its cached key).
fn line(row: &Row<'_>, col: usize) -> Option<Line> {
    let l = match without_of_which(row.key(col)) {
        "年度资金总额"
        | "资金总额"
        | "合计"
        | "年度资金"
        | "项目资金总额"
        | "年度财政资金总额"
        | "年度财政资金" => Line::Total,
        "当年财政拨款" | "财政拨款" | "财政资金" | "本年财政拨款" => {
            Line::Fiscal
        }
        k if CARRYOVER.contains(&k) => Line::Carryover,
        k if OTHER.contains(&k) => Line::Other,
        k if MONEY_SOURCE_ENDINGS.iter().any(|e| k.ends_with(e)) => Line::Part,
        _ => return None,
    };
    Some(l)
}

impl Reader<'_> {
    /// Reads a row of the funding matrix; `None` when the row is not one.
    pub(super) fn matrix_row(&mut self, m: &Matrix, row: &Row<'_>) -> Option<(Line, BudgetRow)> {
        let (label_col, which) = row.content().find_map(|(i, _)| Some((i, line(row, i)?)))?;
        let columns = m.columns();
        let positional: Vec<&str> = columns.iter().map(|&c| row.at(c)).collect();
        let rest: Vec<&str> = row
            .content()
            .filter(|&(i, _)| i > label_col)
            .map(|(_, c)| c)
            .collect();
        let present = columns.iter().filter(|c| c.is_some()).count();
        // When the values do not stand under their headers but there is one per header,
        // read them in order.
        let values: Vec<&str> = if positional.iter().all(|v| v.is_empty()) && !rest.is_empty() {
            let mut it = rest.into_iter();
            columns
                .iter()
                .map(|c| match c {
                    Some(_) if present > 0 => it.next().unwrap_or_default(),
                    _ => "",
                })
                .collect()
        } else {
            positional
        };
        let get = |i: usize| values.get(i).copied().unwrap_or_default();
        let budget = BudgetRow {
            initial: self.money(get(0), row, "年初预算数"),
            adjusted: self.money(get(1), row, "全年预算数"),
            executed: self.money(get(2), row, "全年执行数"),
            weight: self.points(get(3), row, "分值").or(match which {
                Line::Total if m.weight.is_none() => m.points,
                _ => None,
            }),
            rate: (!is_absent(get(4))).then(|| get(4).to_owned()),
            score: self.points(get(5), row, "得分"),
            source: Source::at(self.file, row.line),
        };
        Some((which, budget))
    }
}
