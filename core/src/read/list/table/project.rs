//! The project-level cells of a row: header fields, funding, goals, the 一级 points and
//! the self-evaluation's budget rows, repeated on every row of a project.

use rust_decimal::Decimal;

use crate::diagnostic::Severity;
use crate::model::{BudgetRow, MoneyUnit};
use crate::text::strip_html;

use super::super::cells::{parse_decimal, parse_level_points, parse_money_unit};
use super::super::columns::{BudgetField, BudgetLine, Column};
use super::{cell_of, Builder};

impl Builder<'_> {
    pub(super) fn project_cells<C: AsRef<str>>(&mut self, line: u32, cells: &[C], position: usize) {
        let layout = self.layout;
        for (n, col) in layout.columns.iter().enumerate() {
            if !col.column.is_project_level()
                || matches!(
                    col.column,
                    Column::ProjectName | Column::ProjectCode | Column::DeclarationNo
                )
            {
                continue;
            }
            let value = cell_of(cells, col.index);
            if value.is_empty() {
                continue;
            }
            let slot = self.seen_slot.get(n).copied().unwrap_or(n);
            let Some(state) = self.decls.get_mut(position) else {
                return;
            };
            match state.seen.get(slot).and_then(Option::as_ref) {
                Some(first) if first == value => continue,
                Some(first) => {
                    let (zh, en) = (
                        format!("同一项目的“{}”与前面的行不同（先前为“{first}”），保留先前的值", col.header),
                        format!("differs from an earlier row of the same project (“{first}”); the earlier value is kept"),
                    );
                    let project = state.decl.project.name.clone();
                    self.finding(
                        "inconsistent_project_field",
                        Severity::Warning,
                        line,
                        col.index,
                        &project,
                        &zh,
                        &en,
                    );
                    continue;
                }
                None => {
                    if let Some(first) = state.seen.get_mut(slot) {
                        *first = Some(value.to_owned());
                    }
                }
            }
            let applied = self.apply_project(
                line,
                position,
                col.index,
                &col.column,
                &col.header,
                col.unit,
                value,
            );
            // Only a cell that reads makes a self-evaluation: one kept as an extra (a
            // bad number) would leave an evaluation with every field empty, which no
            // layout can write.
            if let (true, true, Some(state)) = (
                applied,
                col.column.is_evaluation(),
                self.decls.get_mut(position),
            ) {
                state.has_evaluation = true;
            }
        }
    }

    /// Applies one project-level cell; `false` when it did not read and was kept as an
    /// extra (with a finding).
    #[allow(clippy::too_many_arguments)]
    fn apply_project(
        &mut self,
        line: u32,
        position: usize,
        index: usize,
        column: &Column,
        header: &str,
        header_unit: Option<MoneyUnit>,
        value: &str,
    ) -> bool {
        let Some(state) = self.decls.get_mut(position) else {
            return false;
        };
        let project_name = state.decl.project.name.clone();
        let text = Some(value.to_owned());
        let mut problem: Option<(&str, String, String)> = None;
        let mut bad_number = false;
        let mut number = |slot: &mut Option<Decimal>| match parse_decimal(value) {
            Some(n) => *slot = Some(n),
            None => bad_number = true,
        };
        let funding = &mut state.decl.funding;
        match column {
            Column::Nature => state.decl.project.nature = text,
            Column::Category => state.decl.project.category = text,
            Column::Department => state.decl.project.department = text,
            Column::Implementer => state.decl.project.implementer = text,
            Column::StartDate | Column::EndDate => match crate::date::parse_date(value) {
                Some(date) => {
                    if *column == Column::StartDate {
                        state.decl.project.start_date = Some(date);
                    } else {
                        state.decl.project.end_date = Some(date);
                    }
                }
                None => {
                    problem = Some((
                        "bad_date",
                        format!("“{value}”不是日期，原文保留在附加字段"),
                        format!("`{value}` is not a date; the text is kept as an extra field"),
                    ));
                }
            },
            Column::FundingUnit | Column::EvalUnit => match parse_money_unit(value) {
                Some(unit) if *column == Column::FundingUnit => state.funding_unit = Some(unit),
                Some(unit) => state.eval_unit = Some(unit),
                None => {
                    problem = Some((
                        "bad_unit",
                        format!("“{value}”不是金额单位（元或万元），原文保留在附加字段"),
                        format!("`{value}` is not a money unit (元 or 万元); the text is kept as an extra field"),
                    ));
                }
            },
            Column::FundingTotal => number(&mut funding.total),
            Column::FundingTotalFiscal => number(&mut funding.total_fiscal),
            Column::FundingTotalOther => number(&mut funding.total_other),
            Column::FundingAnnual => number(&mut funding.annual),
            Column::FundingAnnualFiscal => number(&mut funding.annual_fiscal),
            Column::FundingAnnualCarryover => number(&mut funding.annual_carryover),
            Column::FundingAnnualOther => number(&mut funding.annual_other),
            Column::GoalOverall => state.decl.goals.overall = Some(strip_html(value)),
            Column::GoalAnnual => state.decl.goals.annual = Some(strip_html(value)),
            Column::LevelPoints => match parse_level_points(value) {
                Some(points) => state.decl.level_points = points,
                None => {
                    problem = Some((
                        "bad_level_points",
                        format!("“{value}”不是一级指标分值（应如“产出指标(50分)；效益指标(30分)”），原文保留在附加字段"),
                        format!("`{value}` is not a list of level points (expected `产出指标(50分)；效益指标(30分)`); the text is kept as an extra field"),
                    ));
                }
            },
            Column::Budget(line, field)
                if *field == BudgetField::Rate || parse_decimal(value).is_some() =>
            {
                let evaluation = &mut state.evaluation;
                let row_ref = match line {
                    BudgetLine::Total => &mut evaluation.budget,
                    BudgetLine::Fiscal => evaluation
                        .budget_fiscal
                        .get_or_insert_with(BudgetRow::default),
                    BudgetLine::Carryover => evaluation
                        .budget_carryover
                        .get_or_insert_with(BudgetRow::default),
                    BudgetLine::Other => evaluation
                        .budget_other
                        .get_or_insert_with(BudgetRow::default),
                };
                match field {
                    BudgetField::Initial => number(&mut row_ref.initial),
                    BudgetField::Adjusted => number(&mut row_ref.adjusted),
                    BudgetField::Executed => number(&mut row_ref.executed),
                    BudgetField::Weight => number(&mut row_ref.weight),
                    BudgetField::Score => number(&mut row_ref.score),
                    BudgetField::Rate => row_ref.rate = text,
                }
                if let Some(unit) = header_unit {
                    state.eval_unit.get_or_insert(unit);
                }
            }
            // A budget figure that is no number: no budget row made of it.
            Column::Budget(..) => bad_number = true,
            Column::Total => number(&mut state.evaluation.total),
            Column::TotalWeight => number(&mut state.evaluation.total_weight),
            Column::GoalAchieved => state.evaluation.goal_achieved = text,
            Column::ProjectExtra(key) => {
                state
                    .decl
                    .project
                    .extra
                    .insert(key.clone(), value.to_owned());
            }
            _ => {}
        }
        if matches!(
            column,
            Column::FundingTotal
                | Column::FundingTotalFiscal
                | Column::FundingTotalOther
                | Column::FundingAnnual
                | Column::FundingAnnualFiscal
                | Column::FundingAnnualCarryover
                | Column::FundingAnnualOther
        ) {
            if let Some(unit) = header_unit {
                state.funding_unit.get_or_insert(unit);
            }
        }
        if bad_number {
            problem = Some((
                "bad_number",
                format!("“{value}”不是数字，原文保留在附加字段"),
                format!("`{value}` is not a number; the text is kept as an extra field"),
            ));
        }
        match problem {
            Some((code, zh, en)) => {
                state
                    .decl
                    .project
                    .extra
                    .insert(header.to_owned(), value.to_owned());
                self.finding(
                    code,
                    Severity::Warning,
                    line,
                    index,
                    &project_name,
                    &zh,
                    &en,
                );
                false
            }
            None => true,
        }
    }

    /// Extra cells on a row without an indicator belong to the project.
    pub(super) fn project_only_extras<C: AsRef<str>>(&mut self, cells: &[C], position: usize) {
        let layout = self.layout;
        for col in &layout.columns {
            if let Column::Extra(key) = &col.column {
                let value = cell_of(cells, col.index);
                if let (false, Some(state)) = (value.is_empty(), self.decls.get_mut(position)) {
                    state
                        .decl
                        .project
                        .extra
                        .insert(key.clone(), value.to_owned());
                }
            }
        }
    }
}
