//! Rows of a list → declarations: project fields repeated on each row are grouped by
//! 项目名称 (and 项目编码, 申报表序号 when present) in first-seen order; each row with
//! indicator cells becomes one 三级指标.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diagnostic::{Finding, Severity};
use crate::error::{Location, ReadError};
use crate::model::{
    BudgetRow, Declaration, Direction, Document, Evaluation, Indicator, IndicatorEvaluation,
    MoneyUnit, Source,
};
use crate::taxonomy::{Level1, Level2};
use crate::text::strip_html;
use crate::value::{Comparator, TargetKind};

use super::cells::{
    build_target, classify_sign, direction_text, means_date, parse_decimal, parse_level_points,
    parse_money_unit, Sign,
};
use super::columns::{BudgetField, BudgetLine, Column};
use super::header::{find_header, read_preamble, year_of_title, Layout, HEADER_SEARCH_ROWS};
use super::{RawRow, RawTable};
use crate::read::ReadOptions;

/// The extra key under which the date an Excel serial target stands for is recorded
/// (`2021-12-31`).
pub const TARGET_DATE_KEY: &str = "指标值日期";

/// Where a table came from, for messages.
struct Place<'a> {
    file: Option<&'a str>,
    sheet: Option<&'a str>,
    first_column: u32,
}

impl Place<'_> {
    fn source(&self, line: u32) -> Source {
        Source {
            file: self.file.map(str::to_owned),
            line,
            sheet: self.sheet.map(str::to_owned),
        }
    }

    fn location(&self, line: u32) -> Location {
        let mut at = Location::file(self.file).line(line);
        if let Some(sheet) = self.sheet {
            at = at.sheet(sheet);
        }
        at
    }

    /// `工作表“清单”第5行K列（分值）` / `第5行第11列（分值）`.
    fn zh(&self, line: u32, index: usize, header: &str) -> String {
        let column = self.first_column + u32::try_from(index).unwrap_or(u32::MAX - 1);
        match self.sheet {
            Some(sheet) => format!(
                "工作表“{sheet}”第{line}行{}列（{header}）",
                column_letter(column)
            ),
            None => format!("第{line}行第{}列（{header}）", column + 1),
        }
    }

    fn en(&self, line: u32, index: usize, header: &str) -> String {
        let column = self.first_column + u32::try_from(index).unwrap_or(u32::MAX - 1);
        match self.sheet {
            Some(sheet) => format!(
                "sheet “{sheet}”, row {line}, column {} ({header})",
                column_letter(column)
            ),
            None => format!("line {line}, column {} ({header})", column + 1),
        }
    }
}

/// The spreadsheet letter of a 0-based column (`A`, …, `Z`, `AA`, …).
pub fn column_letter(index: u32) -> String {
    let mut n = u64::from(index) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = u8::try_from((n - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Reads a table (rows of cells with their lines) into a document.
pub(crate) fn read_rows(
    table: &RawTable,
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    let place = Place {
        file: options.file_name.as_deref(),
        sheet: table.sheet.as_deref(),
        first_column: table.first_column,
    };
    let first_line = table
        .rows
        .iter()
        .find(|r| !r.is_blank())
        .map_or(1, |r| r.line);
    let Some(layout) = find_header(&table.rows) else {
        return Err(ReadError::NoDeclaration {
            at: place.location(first_line),
            expected: format!(
                "a list header row (项目名称, 一级指标, 二级指标, 三级指标 or 指标名称, 指标值, …) \
                 within the first {HEADER_SEARCH_ROWS} rows; found none"
            ),
        });
    };
    let header_line = table.rows.get(layout.row).map_or(first_line, |r| r.line);
    if !layout.is_complete() {
        let mut missing = Vec::new();
        if !layout.first.contains_key(&Column::ProjectName) {
            missing.push("项目名称");
        }
        if !layout.first.contains_key(&Column::Name) {
            missing.push("三级指标 (or 指标名称)");
        }
        return Err(ReadError::Malformed {
            at: place.location(header_line),
            message: format!(
                "the header row ({}) lacks the column {}; a list needs 项目名称 and 三级指标 \
                 (or 指标名称)",
                layout.known_headers().join(", "),
                missing.join(" and ")
            ),
        });
    }
    let preamble = read_preamble(table.rows.get(..layout.row).unwrap_or_default());
    let mut document = Document {
        title: preamble.title.clone(),
        ..Document::default()
    };
    document.year = match preamble.year {
        Some(year) => year,
        None => document.title.as_deref().and_then(year_of_title),
    };
    let mut builder = Builder {
        place,
        layout: &layout,
        decls: Vec::new(),
        index: HashMap::new(),
        last_key: None,
        findings: Vec::new(),
        preamble_unit: preamble.money_unit,
    };
    for (line, text) in &preamble.ignored {
        builder.findings.push(
            Finding::new(
                "unused_preamble_row",
                Severity::Info,
                format!("表头上方第{line}行未使用：{text}"),
                format!("line {line} above the header row was not used: {text}"),
            )
            .at(&builder.place.source(*line)),
        );
    }
    for row in table.rows.iter().skip(layout.row + 1) {
        if !row.is_blank() {
            builder.row(row);
        }
    }
    let (declarations, findings) = builder.finish();
    document.declarations = declarations;
    Ok((document, findings))
}

type Key = (String, String, String);

struct DeclState {
    decl: Declaration,
    seen: HashMap<Column, String>,
    has_evaluation: bool,
    evaluation: Evaluation,
    rows: Vec<IndicatorEvaluation>,
    funding_unit: Option<MoneyUnit>,
    eval_unit: Option<MoneyUnit>,
    last_level1: String,
    last_level2: String,
}

struct Builder<'a> {
    place: Place<'a>,
    layout: &'a Layout,
    decls: Vec<DeclState>,
    index: HashMap<Key, usize>,
    last_key: Option<Key>,
    findings: Vec<Finding>,
    preamble_unit: Option<MoneyUnit>,
}

fn cell_of<'r>(row: &'r RawRow, index: usize) -> &'r str {
    row.cells.get(index).map_or("", |c| c.trim())
}

impl Builder<'_> {
    fn cell<'r>(&self, row: &'r RawRow, column: &Column) -> &'r str {
        self.layout
            .first
            .get(column)
            .map_or("", |&index| cell_of(row, index))
    }

    fn index_of(&self, column: &Column) -> usize {
        self.layout.first.get(column).copied().unwrap_or(0)
    }

    #[allow(clippy::too_many_arguments)]
    fn finding(
        &mut self,
        code: &str,
        severity: Severity,
        row: &RawRow,
        index: usize,
        project: &str,
        zh: &str,
        en: &str,
    ) {
        let header = self.layout.header_at(index).unwrap_or("");
        let finding = Finding::new(
            code,
            severity,
            format!("{}：{zh}", self.place.zh(row.line, index, header)),
            format!("{}: {en}", self.place.en(row.line, index, header)),
        )
        .at(&self.place.source(row.line));
        let finding = if project.is_empty() {
            finding
        } else {
            finding.in_project(project)
        };
        self.findings.push(finding);
    }

    fn row(&mut self, row: &RawRow) {
        if let Some(note) = self.note_row(row) {
            self.findings.push(
                Finding::new(
                    "ignored_row",
                    Severity::Info,
                    format!("第{}行是说明或合计行，未作为指标读取：{note}", row.line),
                    format!(
                        "line {} is a note or total row, not read as an indicator: {note}",
                        row.line
                    ),
                )
                .at(&self.place.source(row.line)),
            );
            return;
        }
        let name = self.cell(row, &Column::ProjectName).to_owned();
        let code = self.cell(row, &Column::ProjectCode).to_owned();
        let number = self.cell(row, &Column::DeclarationNo).to_owned();
        let key = match (&self.last_key, name.is_empty() && code.is_empty()) {
            (Some(last), true) => last.clone(),
            _ => {
                if name.is_empty() {
                    let index = self.index_of(&Column::ProjectName);
                    self.finding(
                        "missing_project_name",
                        Severity::Warning,
                        row,
                        index,
                        "",
                        "项目名称为空",
                        "the project name is empty",
                    );
                }
                (name, code, number)
            }
        };
        let position = match self.index.get(&key) {
            Some(&p) => p,
            None => {
                let mut decl = Declaration::default();
                decl.project.name.clone_from(&key.0);
                decl.project.code = (!key.1.is_empty()).then(|| key.1.clone());
                decl.source = self.place.source(row.line);
                self.decls.push(DeclState {
                    decl,
                    seen: HashMap::new(),
                    has_evaluation: false,
                    evaluation: Evaluation::default(),
                    rows: Vec::new(),
                    funding_unit: None,
                    eval_unit: None,
                    last_level1: String::new(),
                    last_level2: String::new(),
                });
                self.index.insert(key.clone(), self.decls.len() - 1);
                self.decls.len() - 1
            }
        };
        self.last_key = Some(key);
        self.project_cells(row, position);
        if self.is_indicator_row(row) {
            self.indicator(row, position);
        } else {
            self.project_only_extras(row, position);
        }
    }

    /// A row holding only a note (`注：…`, `填表说明…`) or a total (`合计`) in one cell.
    fn note_row(&self, row: &RawRow) -> Option<String> {
        if self.is_indicator_row(row) {
            return None;
        }
        let mut filled = row.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
        let only = filled.next()?;
        if filled.next().is_some() {
            return None;
        }
        const NOTES: [&str; 10] = [
            "注:",
            "说明:",
            "备注:",
            "填表说明",
            "填表人",
            "制表人",
            "合计",
            "小计",
            "总计",
            "审核人",
        ];
        let folded = crate::text::fold_width(only);
        NOTES
            .iter()
            .any(|w| folded.starts_with(w))
            .then(|| only.to_owned())
    }

    fn is_indicator_row(&self, row: &RawRow) -> bool {
        self.layout.columns.iter().any(|c| {
            !c.column.is_project_level()
                && !matches!(c.column, Column::Extra(_))
                && !cell_of(row, c.index).is_empty()
        })
    }

    fn project_cells(&mut self, row: &RawRow, position: usize) {
        let layout = self.layout;
        for col in &layout.columns {
            if !col.column.is_project_level()
                || matches!(
                    col.column,
                    Column::ProjectName | Column::ProjectCode | Column::DeclarationNo
                )
            {
                continue;
            }
            let value = cell_of(row, col.index);
            if value.is_empty() {
                continue;
            }
            let Some(state) = self.decls.get_mut(position) else {
                return;
            };
            if col.column.is_evaluation() {
                state.has_evaluation = true;
            }
            match state.seen.get(&col.column) {
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
                        row,
                        col.index,
                        &project,
                        &zh,
                        &en,
                    );
                    continue;
                }
                None => {
                    state.seen.insert(col.column.clone(), value.to_owned());
                }
            }
            self.apply_project(
                row,
                position,
                col.index,
                &col.column,
                &col.header,
                col.unit,
                value,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn apply_project(
        &mut self,
        row: &RawRow,
        position: usize,
        index: usize,
        column: &Column,
        header: &str,
        header_unit: Option<MoneyUnit>,
        value: &str,
    ) {
        let Some(state) = self.decls.get_mut(position) else {
            return;
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
            Column::Budget(line, field) => {
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
        if let Some((code, zh, en)) = problem {
            state
                .decl
                .project
                .extra
                .insert(header.to_owned(), value.to_owned());
            self.finding(code, Severity::Warning, row, index, &project_name, &zh, &en);
        }
    }

    /// Extra cells on a row without an indicator belong to the project.
    fn project_only_extras(&mut self, row: &RawRow, position: usize) {
        let layout = self.layout;
        for col in &layout.columns {
            if let Column::Extra(key) = &col.column {
                let value = cell_of(row, col.index);
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

    fn indicator(&mut self, row: &RawRow, position: usize) {
        let layout = self.layout;
        // Merged 一级/二级 cells arrive empty: they carry over from the row above.
        let mut level1_cell = self.cell(row, &Column::Level1).to_owned();
        let mut level2_cell = self.cell(row, &Column::Level2).to_owned();
        let Some(state) = self.decls.get_mut(position) else {
            return;
        };
        let project = state.decl.project.name.clone();
        if level2_cell.is_empty() && (level1_cell.is_empty() || level1_cell == state.last_level1) {
            level2_cell.clone_from(&state.last_level2);
        }
        if level1_cell.is_empty() {
            level1_cell.clone_from(&state.last_level1);
        }
        state.last_level1.clone_from(&level1_cell);
        state.last_level2.clone_from(&level2_cell);

        let name = self.cell(row, &Column::Name).to_owned();
        let level1 = Level1::parse(&level1_cell);
        let level2 = Level2::parse(&level2_cell);
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
        let mut extra = std::collections::BTreeMap::new();
        for col in &layout.columns {
            if let Column::Extra(key) = &col.column {
                let value = cell_of(row, col.index);
                if !value.is_empty() {
                    extra.insert(key.clone(), value.to_owned());
                }
            }
        }
        // 计算符号 / 指标性质 / 指标方向, told apart by content.
        let mut comparator: Option<Comparator> = None;
        let mut direction: Option<Direction> = None;
        for col in layout.columns.iter().filter(|c| c.column == Column::Sign) {
            let value = cell_of(row, col.index);
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
        let value_cell = self.cell(row, &Column::Target);
        let unit_cell = self.cell(row, &Column::Unit);
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
                            && classify_sign(cell_of(row, col.index)) == Some(Sign::Direction(d))
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
        let weight_cell = self.cell(row, &Column::Weight);
        let weight = if weight_cell.is_empty() {
            None
        } else {
            let parsed = parse_decimal(weight_cell);
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
        let actual = self.cell(row, &Column::Actual);
        let score_cell = self.cell(row, &Column::Score);
        let deviation = self.cell(row, &Column::Deviation);
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
        let level1_text = match self.cell(row, &Column::Level1Text) {
            "" => (!level1_cell.is_empty()
                && level1.map(Level1::as_str) != Some(level1_cell.as_str()))
            .then(|| level1_cell.clone()),
            text => Some(text.to_owned()),
        };
        let level2_text = match self.cell(row, &Column::Level2Text) {
            "" => (!level2_cell.is_empty()
                && level2.map(Level2::as_str) != Some(level2_cell.as_str()))
            .then(|| level2_cell.clone()),
            text => Some(text.to_owned()),
        };
        let indicator = Indicator {
            level1,
            level2,
            name: name.clone(),
            target,
            weight,
            level1_text,
            level2_text,
            direction,
            extra,
            source: self.place.source(row.line),
        };
        let Some(state) = self.decls.get_mut(position) else {
            return;
        };
        if !actual.is_empty() || !score_cell.is_empty() || !deviation.is_empty() {
            state.has_evaluation = true;
        }
        state.rows.push(IndicatorEvaluation {
            actual: (!actual.is_empty()).then(|| actual.to_owned()),
            score,
            deviation: (!deviation.is_empty()).then(|| deviation.to_owned()),
        });
        state.decl.indicators.push(indicator);
        let path = format!("{}/{}/{}", level1_cell, level2_cell, name);
        for (code, severity, index, zh, en) in pending {
            self.finding(code, severity, row, index, &project, &zh, &en);
            if let Some(last) = self.findings.last_mut() {
                last.indicator = Some(path.clone());
            }
        }
    }

    fn finish(self) -> (Vec<Declaration>, Vec<Finding>) {
        let has_funding_unit = self.layout.first.contains_key(&Column::FundingUnit);
        let has_eval_unit = self.layout.first.contains_key(&Column::EvalUnit);
        let default = self.preamble_unit.unwrap_or_default();
        let declarations = self
            .decls
            .into_iter()
            .map(|mut state| {
                let cross_eval = if has_eval_unit {
                    None
                } else {
                    state.funding_unit
                };
                let cross_funding = if has_funding_unit {
                    None
                } else {
                    state.eval_unit
                };
                state.decl.funding.unit = state.funding_unit.or(cross_funding).unwrap_or(default);
                if state.has_evaluation {
                    let mut evaluation = state.evaluation;
                    evaluation.unit = state.eval_unit.or(cross_eval).unwrap_or(default);
                    evaluation.indicators = state.rows;
                    evaluation.source.clone_from(&state.decl.source);
                    state.decl.evaluation = Some(evaluation);
                }
                state.decl
            })
            .collect();
        (declarations, self.findings)
    }
}

fn serial_finding(
    cell: &str,
    date: NaiveDate,
    index: usize,
) -> (&'static str, Severity, usize, String, String) {
    (
        "excel_date_serial",
        Severity::Info,
        index,
        format!("“{cell}”是 Excel 日期序号，读作 {date}；原文保留，日期记在附加字段“{TARGET_DATE_KEY}”"),
        format!("`{cell}` is an Excel date serial, read as {date}; the text is kept and the date recorded as the extra field `{TARGET_DATE_KEY}`"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
