//! The project-level cells of a row: header fields, funding, goals, the 一级 points and
//! the self-evaluation's budget rows, repeated on every row of a project.

use rust_decimal::Decimal;

use crate::diagnostic::Severity;
use crate::model::{BudgetRow, Declaration, MoneyUnit};
use crate::read::cell::{parse_amount, Amount};
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
        let bad_number = std::cell::Cell::new(false);
        let number = |slot: &mut Option<Decimal>| match parse_decimal(value) {
            Some(n) => *slot = Some(n),
            None => bad_number.set(true),
        };
        // An amount: one that writes its own unit (`265万元`) is converted at the end, when
        // the project's unit is known; a bare number is in that unit already.
        let own_units = &mut state.own_units;
        let mut amount = |slot: &mut Option<Decimal>, to: MoneySlot| match parse_amount(value) {
            Ok(Some(a)) if a.written.is_some() => {
                *slot = Some(a.value);
                own_units.push(OwnUnit {
                    slot: to,
                    amount: a,
                    text: value.to_owned(),
                    line,
                    index,
                });
            }
            _ => match parse_decimal(value) {
                Some(n) => *slot = Some(n),
                None => bad_number.set(true),
            },
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
            Column::FundingTotal => amount(&mut funding.total, fund(FundingField::Total)),
            Column::FundingTotalFiscal => {
                amount(&mut funding.total_fiscal, fund(FundingField::TotalFiscal));
            }
            Column::FundingTotalOther => {
                amount(&mut funding.total_other, fund(FundingField::TotalOther));
            }
            Column::FundingAnnual => amount(&mut funding.annual, fund(FundingField::Annual)),
            Column::FundingAnnualFiscal => {
                amount(&mut funding.annual_fiscal, fund(FundingField::AnnualFiscal));
            }
            Column::FundingAnnualCarryover => {
                amount(
                    &mut funding.annual_carryover,
                    fund(FundingField::AnnualCarryover),
                );
            }
            Column::FundingAnnualOther => {
                amount(&mut funding.annual_other, fund(FundingField::AnnualOther));
            }
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
                if *field == BudgetField::Rate
                    || parse_decimal(value).is_some()
                    || matches!(parse_amount(value), Ok(Some(_))) =>
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
                let to = MoneySlot::Budget(*line, *field);
                match field {
                    BudgetField::Initial => amount(&mut row_ref.initial, to),
                    BudgetField::Adjusted => amount(&mut row_ref.adjusted, to),
                    BudgetField::Executed => amount(&mut row_ref.executed, to),
                    BudgetField::Weight => number(&mut row_ref.weight),
                    BudgetField::Score => number(&mut row_ref.score),
                    BudgetField::Rate => row_ref.rate = text,
                }
                if let Some(unit) = header_unit {
                    state.eval_unit.get_or_insert(unit);
                }
            }
            // A budget figure that is no number: no budget row made of it.
            Column::Budget(..) => bad_number.set(true),
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
        if bad_number.get() {
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

/// The slot of a funding figure.
fn fund(field: FundingField) -> MoneySlot {
    MoneySlot::Funding(field)
}

/// A money cell that writes its own unit (`265万元`). The project's unit is known only
/// once its row is read (a unit column may come after the amounts), so the amount is
/// converted at the end ([`convert_own_units`]), exactly, and never stripped.
pub(super) struct OwnUnit {
    pub(super) slot: MoneySlot,
    pub(super) amount: Amount,
    pub(super) text: String,
    pub(super) line: u32,
    pub(super) index: usize,
}

/// Where an amount goes: a funding figure of the declaration, or a budget figure of its
/// self-evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MoneySlot {
    Funding(FundingField),
    Budget(BudgetLine, BudgetField),
}

/// The funding figures (项目资金) of a declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FundingField {
    Total,
    TotalFiscal,
    TotalOther,
    Annual,
    AnnualFiscal,
    AnnualCarryover,
    AnnualOther,
}

impl MoneySlot {
    /// The figure in `decl` (its evaluation made already, for a budget figure).
    fn get(self, decl: &mut Declaration) -> Option<&mut Option<Decimal>> {
        match self {
            MoneySlot::Funding(field) => {
                let f = &mut decl.funding;
                Some(match field {
                    FundingField::Total => &mut f.total,
                    FundingField::TotalFiscal => &mut f.total_fiscal,
                    FundingField::TotalOther => &mut f.total_other,
                    FundingField::Annual => &mut f.annual,
                    FundingField::AnnualFiscal => &mut f.annual_fiscal,
                    FundingField::AnnualCarryover => &mut f.annual_carryover,
                    FundingField::AnnualOther => &mut f.annual_other,
                })
            }
            MoneySlot::Budget(line, field) => {
                let e = decl.evaluation.as_mut()?;
                let row = match line {
                    BudgetLine::Total => Some(&mut e.budget),
                    BudgetLine::Fiscal => e.budget_fiscal.as_mut(),
                    BudgetLine::Carryover => e.budget_carryover.as_mut(),
                    BudgetLine::Other => e.budget_other.as_mut(),
                }?;
                match field {
                    BudgetField::Initial => Some(&mut row.initial),
                    BudgetField::Adjusted => Some(&mut row.adjusted),
                    BudgetField::Executed => Some(&mut row.executed),
                    BudgetField::Rate | BudgetField::Weight | BudgetField::Score => None,
                }
            }
        }
    }

    /// The unit the figure is kept in: the funding's, or the evaluation's.
    fn unit(self, decl: &Declaration) -> MoneyUnit {
        match self {
            MoneySlot::Funding(_) => decl.funding.unit,
            MoneySlot::Budget(..) => decl
                .evaluation
                .as_ref()
                .map_or(decl.funding.unit, |e| e.unit),
        }
    }
}

impl Builder<'_> {
    /// Converts the amounts that wrote their own unit into the unit the project ended up
    /// with, exactly, each with a `money_unit_converted` note naming both units when
    /// they differ.
    pub(super) fn convert_own_units(&mut self, decl: &mut Declaration, own: Vec<OwnUnit>) {
        let project = decl.project.name.clone();
        for cell in own {
            let unit = cell.slot.unit(decl);
            let converted = cell.amount.in_unit(unit);
            let Some(slot) = cell.slot.get(decl) else {
                continue;
            };
            match converted {
                Some(value) => *slot = Some(value),
                None => {
                    *slot = None;
                    decl.project
                        .extra
                        .insert(format!("金额{}", cell.line), cell.text.clone());
                    self.finding(
                        "bad_number",
                        Severity::Warning,
                        cell.line,
                        cell.index,
                        &project,
                        &format!("“{}”折算为{}超出范围，原文保留在附加字段", cell.text, unit.as_str()),
                        &format!("`{}` overflows when converted to {}; the text is kept as an extra field", cell.text, unit.as_str()),
                    );
                    continue;
                }
            }
            let written = cell.amount.written.map_or(unit.as_str(), |(name, _)| name);
            if written != unit.as_str() {
                let value = slot.map(|v| v.to_string()).unwrap_or_default();
                self.finding(
                    "money_unit_converted",
                    Severity::Info,
                    cell.line,
                    cell.index,
                    &project,
                    &format!("“{}”写明单位{written}，按本项目金额单位{}折算为 {value}", cell.text, unit.as_str()),
                    &format!("`{}` writes its own unit {written}: converted exactly to the project's unit {}, {value}", cell.text, unit.as_str()),
                );
            }
        }
    }
}
