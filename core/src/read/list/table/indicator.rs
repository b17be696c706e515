//! The indicator of a row: its 一级/二级 (carried over from the row above when merged),
//! the typed target made of the value, comparator and unit cells, the declared direction
//! checked against the comparator, the weight, the self-evaluation cells and the extras.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::diagnostic::Severity;
use crate::model::{Direction, Indicator, IndicatorEvaluation};
use crate::taxonomy::{Level1, Level2};
use crate::value::{Comparator, TargetKind};

use super::super::cells::{
    build_target, classify_sign, direction_text, is_quantitative_kind, means_date, parse_decimal,
    parse_group, serial_messages, Sign,
};
use super::super::columns::Column;
use super::{cell_of, Builder, TARGET_DATE_KEY};

impl Builder<'_> {
    pub(super) fn indicator<C: AsRef<str>>(&mut self, line: u32, cells: &[C], position: usize) {
        let layout = self.layout;
        // Merged 一级/二级 cells arrive empty: they carry over from the row above.
        let written1 = self.cell(cells, &Column::Level1);
        let written2 = self.cell(cells, &Column::Level2);
        let Some(state) = self.decls.get_mut(position) else {
            return;
        };
        let project = state.decl.project.name.clone();
        let carry2 = written2.is_empty() && (written1.is_empty() || written1 == state.last_level1);
        let level1_cell: String = if written1.is_empty() {
            state.last_level1.clone()
        } else {
            written1.to_owned()
        };
        let level2_cell: String = if carry2 {
            state.last_level2.clone()
        } else {
            written2.to_owned()
        };
        // The labels are looked up when they change, not on every row.
        let (mut level1, mut level2) = state.last_levels;
        if level1_cell != state.last_level1 {
            level1 = Level1::parse(&level1_cell);
            state.last_level1.clone_from(&level1_cell);
        }
        if level2_cell != state.last_level2 {
            level2 = Level2::parse(&level2_cell);
            state.last_level2.clone_from(&level2_cell);
        }
        state.last_levels = (level1, level2);

        let name = self.cell(cells, &Column::Name).to_owned();
        if self.template_row(line, cells, position, &name, (level1, level2, &level2_cell)) {
            return;
        }
        let mut pending: Vec<(&str, Severity, usize, String, String)> = Vec::new();
        if level1.is_none() && !level1_cell.is_empty() {
            pending.push((
                "unknown_level1",
                Severity::Warning,
                self.index_of(&Column::Level1),
                format!("一级指标“{level1_cell}”不是已知类别，原文保留"),
                format!("the 一级 label `{level1_cell}` is not a known category; the text is kept"),
            ));
        }
        if level2.is_none() && !level2_cell.is_empty() {
            pending.push((
                "unknown_level2",
                Severity::Warning,
                self.index_of(&Column::Level2),
                format!("二级指标“{level2_cell}”不是已知类别，原文保留"),
                format!("the 二级 label `{level2_cell}` is not a known category; the text is kept"),
            ));
        }
        if name.is_empty() {
            pending.push((
                "missing_indicator_name",
                Severity::Warning,
                self.index_of(&Column::Name),
                "三级指标名称为空".to_owned(),
                "the indicator name is empty".to_owned(),
            ));
        }
        let mut extra = BTreeMap::new();
        for col in &layout.columns {
            if let Column::Extra(key) = &col.column {
                let value = cell_of(cells, col.index);
                if !value.is_empty() {
                    extra.insert(key.clone(), value.to_owned());
                }
            }
        }
        // 计算符号 / 指标性质 / 指标方向, told apart by content.
        let mut comparator: Option<Comparator> = None;
        let mut direction: Option<Direction> = None;
        for col in layout.columns.iter().filter(|c| c.column == Column::Sign) {
            let value = cell_of(cells, col.index);
            if value.is_empty() {
                continue;
            }
            match classify_sign(value) {
                Some(Sign::Comparator(c)) if comparator.is_none_or(|k| k == c) => {
                    comparator = Some(c)
                }
                Some(Sign::Direction(d)) if direction.is_none_or(|k| k == d) => direction = Some(d),
                Some(_) => {
                    extra.insert(col.header.clone(), value.to_owned());
                    pending.push((
                        "sign_conflict",
                        Severity::Warning,
                        col.index,
                        format!("“{value}”与同一行另一列的符号或方向矛盾，保留在附加字段"),
                        format!("`{value}` contradicts the comparator or direction in another column of the row; kept as an extra field"),
                    ));
                }
                // 指标性质 定量 says what the target's own cells say: kept as written.
                None if is_quantitative_kind(value) => {
                    extra.insert(col.header.clone(), value.to_owned());
                }
                None => {
                    extra.insert(col.header.clone(), value.to_owned());
                    pending.push((
                        "unknown_sign",
                        Severity::Warning,
                        col.index,
                        format!("“{value}”既不是计算符号（≥ ≤ = > <）也不是指标方向（正向/反向/定性），保留在附加字段"),
                        format!("`{value}` is neither a comparator (≥ ≤ = > <) nor a direction (正向/反向/定性); kept as an extra field"),
                    ));
                }
            }
        }
        let value_cell = self.cell(cells, &Column::Target);
        let unit_cell = self.cell(cells, &Column::Unit);
        let built = build_target(
            value_cell,
            unit_cell,
            comparator,
            means_date(level2 == Some(Level2::Timeliness), &name),
        );
        if let Some(date) = built.date {
            extra.insert(TARGET_DATE_KEY.to_owned(), date.to_string());
            pending.push(serial_finding(
                value_cell,
                date,
                self.index_of(&Column::Target),
            ));
        }
        if let Some(unit) = &built.unmerged_unit {
            let header = layout
                .header_at(self.index_of(&Column::Unit))
                .unwrap_or("计量单位");
            extra.insert(header.to_owned(), unit.clone());
        }
        let target = built.target;
        // A direction beside the comparator is checked, never silently resolved.
        let effective = comparator.or(target.comparator);
        if let Some(d) = direction {
            let conflict = match (d, effective) {
                (Direction::Increase, Some(Comparator::Below | Comparator::AtMost)) => true,
                (
                    Direction::Decrease,
                    Some(Comparator::AtLeast | Comparator::Above | Comparator::Equal),
                ) => true,
                (Direction::Qualitative, Some(_)) => {
                    target.kind == TargetKind::Quantitative || comparator.is_some()
                }
                _ => false,
            };
            if let (true, Some(c)) = (conflict, effective) {
                let index = layout
                    .columns
                    .iter()
                    .find(|col| {
                        col.column == Column::Sign
                            && classify_sign(cell_of(cells, col.index)) == Some(Sign::Direction(d))
                    })
                    .map_or(0, |col| col.index);
                pending.push((
                    "direction_conflict",
                    Severity::Warning,
                    index,
                    format!(
                        "指标方向为“{}”，计算符号却是“{}”：两者矛盾，均按原样保留，请核实",
                        direction_text(d),
                        c.symbol()
                    ),
                    format!(
                        "the direction is {} but the comparator is `{}`: they contradict each other; both are kept as written, please check",
                        direction_text(d),
                        c.symbol()
                    ),
                ));
            }
        }
        let weight_cell = self.cell(cells, &Column::Weight);
        let weight = if weight_cell.is_empty() {
            None
        } else {
            // `权重 10%` is 10 points of 100.
            let parsed = parse_decimal(weight_cell.trim_end_matches(['%', '％']));
            if parsed.is_none() {
                let index = self.index_of(&Column::Weight);
                let header = layout.header_at(index).unwrap_or("分值");
                extra.insert(header.to_owned(), weight_cell.to_owned());
                pending.push((
                    "bad_weight",
                    Severity::Warning,
                    index,
                    format!("分值“{weight_cell}”不是数字，原文保留在附加字段"),
                    format!("the weight `{weight_cell}` is not a number; the text is kept as an extra field"),
                ));
            }
            parsed
        };
        // Self-evaluation cells.
        let actual = self.cell(cells, &Column::Actual);
        let score_cell = self.cell(cells, &Column::Score);
        let deviation = self.cell(cells, &Column::Deviation);
        let score = if score_cell.is_empty() {
            None
        } else {
            let parsed = parse_decimal(score_cell);
            if parsed.is_none() {
                let index = self.index_of(&Column::Score);
                let header = layout.header_at(index).unwrap_or("得分");
                extra.insert(header.to_owned(), score_cell.to_owned());
                pending.push((
                    "bad_number",
                    Severity::Warning,
                    index,
                    format!("得分“{score_cell}”不是数字，原文保留在附加字段"),
                    format!("the score `{score_cell}` is not a number; the text is kept as an extra field"),
                ));
            }
            parsed
        };
        let level1_text = match self.cell(cells, &Column::Level1Text) {
            "" => (!level1_cell.is_empty()
                && level1.map(Level1::as_str) != Some(level1_cell.as_str()))
            .then(|| level1_cell.clone()),
            text => Some(text.to_owned()),
        };
        let level2_text = match self.cell(cells, &Column::Level2Text) {
            "" => (!level2_cell.is_empty()
                && level2.map(Level2::as_str) != Some(level2_cell.as_str()))
            .then(|| level2_cell.clone()),
            text => Some(text.to_owned()),
        };
        let group = parse_group(self.cell(cells, &Column::Group));
        let indicator = Indicator {
            level1,
            level2,
            name: name.clone(),
            target,
            weight,
            level1_text,
            level2_text,
            direction,
            group: group.as_ref().map(|(label, _)| label.clone()),
            extra,
            source: self.place.source(line),
        };
        let Some(state) = self.decls.get_mut(position) else {
            return;
        };
        // A score that is no number is kept as an extra: it makes no evaluation.
        if !actual.is_empty() || score.is_some() || !deviation.is_empty() {
            state.has_evaluation = true;
        }
        state.rows.push(IndicatorEvaluation {
            actual: (!actual.is_empty()).then(|| actual.to_owned()),
            score,
            deviation: (!deviation.is_empty()).then(|| deviation.to_owned()),
        });
        if let Some((label, Some(points))) = group {
            state.decl.group_points.insert(label, points);
        }
        state.decl.indicators.push(indicator);
        if pending.is_empty() {
            return;
        }
        let path = format!("{}/{}/{}", level1_cell, level2_cell, name);
        for (code, severity, index, zh, en) in pending {
            self.finding(code, severity, line, index, &project, &zh, &en);
            if let Some(last) = self.findings.last_mut() {
                last.indicator = Some(path.clone());
            }
        }
    }
}

fn serial_finding(
    cell: &str,
    date: NaiveDate,
    index: usize,
) -> (&'static str, Severity, usize, String, String) {
    let (zh, en) = serial_messages(cell, date);
    ("excel_date_serial", Severity::Info, index, zh, en)
}

impl Builder<'_> {
    /// A row of the template left unfilled, as the form reader tells it
    /// (`read::cell::template_slot`): a name `不适用` (or `/`, `-`) with every other
    /// indicator cell empty or also a slot is the declaration's not-applicable 二级
    /// (`not_applicable_row`), a placeholder (`指标1:`, `……`) is dropped (`template_row`).
    /// Neither is an indicator. Returns whether the row was one.
    fn template_row<C: AsRef<str>>(
        &mut self,
        line: u32,
        cells: &[C],
        position: usize,
        name: &str,
        (level1, level2, level2_cell): (Option<Level1>, Option<Level2>, &str),
    ) -> bool {
        use crate::read::cell::{template_slot, Slot};
        let Some(slot) = template_slot(name).filter(|s| *s != Slot::Empty) else {
            return false;
        };
        let skip = [
            self.index_of(&Column::Name),
            self.index_of(&Column::Level1),
            self.index_of(&Column::Level2),
        ];
        let all_slots = self
            .indicator_columns
            .iter()
            .filter(|i| !skip.contains(i))
            .all(|&i| {
                let cell = cell_of(cells, i);
                cell.trim().is_empty() || template_slot(cell).is_some()
            });
        if !all_slots {
            return false;
        }
        let index = self.index_of(&Column::Name);
        let Some(state) = self.decls.get_mut(position) else {
            return true;
        };
        let project = state.decl.project.name.clone();
        if slot == Slot::NotApplicable {
            let answer = crate::model::NotApplicable {
                level1: level1.or_else(|| level2.map(Level2::natural_parent)),
                level2,
                level2_text: (level2.is_none() && !level2_cell.is_empty())
                    .then(|| level2_cell.to_owned()),
            };
            state.decl.not_applicable.push(answer);
            self.finding(
                "not_applicable_row",
                Severity::Info,
                line,
                index,
                &project,
                &format!("二级指标“{level2_cell}”填写为“{name}”（不适用），不作为指标"),
                &format!(
                    "二级 `{level2_cell}` is answered `{name}` (not applicable); no indicator"
                ),
            );
        } else {
            self.finding(
                "template_row",
                Severity::Info,
                line,
                index,
                &project,
                &format!("“{name}”是未填写的模板行，不作为指标"),
                &format!("`{name}` is a template row left unfilled; no indicator"),
            );
        }
        true
    }
}
