//! The list layout writers (清单式: CSV, TSV, Markdown) and the table form the bindings
//! hand to pandas. One row per indicator, the project's fields repeated on each of its
//! rows; the list reader reads every one of them back to an equal model.
//!
//! What a list row holds beyond an indicator, and how:
//! - the document title is a line above the header; `年度：2024` follows it when the year
//!   is not the one the title names (an empty `年度：` when the document has no year);
//! - funding, goals and the self-evaluation budget rows are columns repeated on every row
//!   of the project (the 其中 rows as `当年财政拨款年初预算数`, …);
//! - the form's 一级 points are one column, `产出指标(50分)；效益指标(30分)`;
//! - header fields the model keeps as extras are `项目.名称` columns; indicator extras are
//!   columns under their own header;
//! - a project without indicators is one row with its indicator cells empty;
//! - two declarations of the same project (same 项目名称 and 项目编码) get a 申报表序号
//!   column that keeps them apart.
//!
//! What a list cannot hold: text with leading or trailing spaces (cells are trimmed on
//! reading); an indicator whose 一级 is neither known nor written (an empty cell carries
//! over from the row above, as merged cells do); an evaluation with no figure at all
//! (it reads back as none), or one with fewer entries than indicators; an extra field
//! whose value is empty; a target whose typed fields are not what its text, comparator
//! and unit parse to (only the text, comparator and unit are written).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::model::{BudgetRow, Declaration, Document, Evaluation, Indicator, MoneyUnit};
use crate::read::list::cells::{direction_text, group_text, level_points_text};
use crate::read::list::columns::{recognize, BudgetField, BudgetLine, Column};
use crate::read::list::header::year_of_title;
use crate::taxonomy::{Level1, Level2};
/// The header of the direction column (the second [`Column::Sign`]).
use crate::write::names::DIRECTION_HEADER;

/// Which list-layout text to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStyle {
    /// RFC 4180 CSV (CRLF line ends, quotes where needed).
    Csv,
    /// TAB-separated (a cell holding a TAB, a quote or a line break is quoted as in CSV).
    Tsv,
    /// A Markdown pipe table (`|` escaped as `\|`, line breaks as `<br>`, `<` and `&` as
    /// entities).
    Markdown,
}

/// 清单: the list layout as a table of strings — the canonical column names and one row
/// per indicator (decimals as exact strings, dates as `YYYY-MM-DD`, empty for absent).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListTable {
    /// The column names (header row).
    pub headers: Vec<String>,
    /// One row per indicator (a project without indicators has one row of its own).
    pub rows: Vec<Vec<String>>,
}

/// The columns every list has, in order.
const BASE: [Column; 8] = [
    Column::ProjectName,
    Column::ProjectCode,
    Column::Nature,
    Column::Category,
    Column::Department,
    Column::Implementer,
    Column::StartDate,
    Column::EndDate,
];

const FUNDING: [Column; 8] = [
    Column::FundingUnit,
    Column::FundingTotal,
    Column::FundingTotalFiscal,
    Column::FundingTotalOther,
    Column::FundingAnnual,
    Column::FundingAnnualFiscal,
    Column::FundingAnnualCarryover,
    Column::FundingAnnualOther,
];

const INDICATOR: [Column; 8] = [
    Column::Level1,
    Column::Level2,
    Column::Name,
    Column::Target,
    Column::Sign,
    Column::Unit,
    Column::Sign,
    Column::Weight,
];

/// The list table of a document (see [`ListTable`]); `read_table` reads it back to an
/// equal document, less the title and year, which are not part of the table.
pub fn list_table(document: &Document) -> ListTable {
    let columns = choose_columns(document);
    let mut headers = Vec::with_capacity(columns.len());
    let mut sign_seen = false;
    for column in &columns {
        if *column == Column::Sign {
            headers.push(if sign_seen {
                DIRECTION_HEADER.to_owned()
            } else {
                column.header()
            });
            sign_seen = true;
        } else {
            headers.push(column.header());
        }
    }
    let numbers = declaration_numbers(document);
    let mut rows = Vec::new();
    for (decl, number) in document.declarations.iter().zip(numbers) {
        if decl.indicators.is_empty() {
            rows.push(row(&columns, decl, number.as_deref(), None));
        }
        for i in 0..decl.indicators.len() {
            rows.push(row(&columns, decl, number.as_deref(), Some(i)));
        }
        // A 二级 answered 不适用 is a row of its own, as the form prints it.
        for answer in &decl.not_applicable {
            let mut cells = row(&columns, decl, number.as_deref(), None);
            for (column, cell) in columns.iter().zip(cells.iter_mut()) {
                match column {
                    Column::Level1 => {
                        *cell = answer
                            .level1
                            .map(Level1::as_str)
                            .unwrap_or_default()
                            .to_owned();
                    }
                    Column::Level2 => {
                        *cell = answer
                            .level2
                            .map(Level2::as_str)
                            .map(str::to_owned)
                            .or_else(|| answer.level2_text.clone())
                            .unwrap_or_default();
                    }
                    Column::Name => *cell = NOT_APPLICABLE.to_owned(),
                    _ => {}
                }
            }
            rows.push(cells);
        }
    }
    ListTable { headers, rows }
}

/// The 三级 cell of a not-applicable 二级 row.
const NOT_APPLICABLE: &str = "不适用";

/// Writes one row per indicator with the project fields repeated, the title and year
/// above the header (see the module documentation for what each column holds).
pub fn write_list(document: &Document, style: ListStyle) -> String {
    let table = list_table(document);
    let preamble = preamble(document);
    match style {
        ListStyle::Csv => delimited(&preamble, &table, b',', csv::Terminator::CRLF),
        ListStyle::Tsv => delimited(&preamble, &table, b'\t', csv::Terminator::Any(b'\n')),
        ListStyle::Markdown => markdown(&preamble, &table),
    }
}

/// The lines above the header: the title, and `年度：…` when the year is not the one the
/// title names.
pub(crate) fn preamble(document: &Document) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(title) = &document.title {
        lines.push(title.clone());
    }
    if document.year != document.title.as_deref().and_then(year_of_title) {
        lines.push(format!(
            "年度：{}",
            document.year.map(|y| y.to_string()).unwrap_or_default()
        ));
    }
    lines
}

fn delimited(
    preamble: &[String],
    table: &ListTable,
    delimiter: u8,
    terminator: csv::Terminator,
) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .terminator(terminator)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    let records = preamble
        .iter()
        .map(|line| vec![line.clone()])
        .chain(std::iter::once(table.headers.clone()))
        .chain(table.rows.iter().cloned());
    for record in records {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn markdown(preamble: &[String], table: &ListTable) -> String {
    let mut out = String::new();
    for (i, line) in preamble.iter().enumerate() {
        if i == 0 && !line.starts_with("年度：") {
            out.push_str("# ");
        }
        out.push_str(&escape_markdown(line));
        out.push_str("\n\n");
    }
    let line = |cells: &[String]| {
        let escaped: Vec<String> = cells.iter().map(|c| escape_markdown(c)).collect();
        format!("| {} |\n", escaped.join(" | "))
    };
    out.push_str(&line(&table.headers));
    out.push('|');
    for _ in &table.headers {
        out.push_str(" --- |");
    }
    out.push('\n');
    for row in &table.rows {
        out.push_str(&line(row));
    }
    out
}

fn escape_markdown(cell: &str) -> String {
    cell.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

/// Which columns the document needs, in order.
fn choose_columns(document: &Document) -> Vec<Column> {
    let decls = &document.declarations;
    let mut columns = Vec::new();
    if declaration_numbers(document).iter().any(Option::is_some) {
        columns.push(Column::DeclarationNo);
    }
    columns.extend(BASE);
    let any_eval = decls.iter().any(|d| d.evaluation.is_some());
    let any_funding = decls.iter().any(|d| {
        let f = &d.funding;
        f.unit != MoneyUnit::default()
            || [
                f.total,
                f.total_fiscal,
                f.total_other,
                f.annual,
                f.annual_fiscal,
                f.annual_carryover,
                f.annual_other,
            ]
            .iter()
            .any(Option::is_some)
    });
    if any_funding || any_eval {
        columns.extend(FUNDING);
    }
    if decls
        .iter()
        .any(|d| d.goals.overall.is_some() || d.goals.annual.is_some())
    {
        columns.extend([Column::GoalOverall, Column::GoalAnnual]);
    }
    if decls.iter().any(|d| !d.level_points.is_empty()) {
        columns.push(Column::LevelPoints);
    }
    columns.extend(INDICATOR);
    let indicators = || decls.iter().flat_map(|d| d.indicators.iter());
    if indicators().any(|i| level1_cells(i).1.is_some()) {
        columns.push(Column::Level1Text);
    }
    if indicators().any(|i| level2_cells(i).1.is_some()) {
        columns.push(Column::Level2Text);
    }
    if indicators().any(|i| i.group.is_some()) {
        columns.push(Column::Group);
    }
    if any_eval {
        columns.extend([
            Column::Actual,
            Column::Score,
            Column::Deviation,
            Column::EvalUnit,
        ]);
        let evaluations = || decls.iter().filter_map(|d| d.evaluation.as_ref());
        for line in BudgetLine::ALL {
            if line == BudgetLine::Total || evaluations().any(|e| budget_row(e, line).is_some()) {
                columns.extend(BudgetField::ALL.map(|f| Column::Budget(line, f)));
            }
        }
        columns.extend([Column::Total, Column::TotalWeight, Column::GoalAchieved]);
    }
    // Project extras, then indicator extras in first-seen order.
    let project_keys: BTreeSet<&String> =
        decls.iter().flat_map(|d| d.project.extra.keys()).collect();
    columns.extend(
        project_keys
            .into_iter()
            .map(|k| Column::ProjectExtra(k.clone())),
    );
    let mut seen = HashSet::new();
    let mut extra_keys = Vec::new();
    for key in indicators().flat_map(|i| i.extra.keys()) {
        if seen.insert(key.clone()) {
            extra_keys.push(key.clone());
        }
    }
    // An extra named like a column the list does not write otherwise would be read as
    // that column: write the column itself (empty) first.
    for key in &extra_keys {
        if let Some(m) = recognize(key) {
            let repeatable = matches!(
                m.column,
                Column::Sign | Column::Extra(_) | Column::ProjectExtra(_)
            );
            if !repeatable && !columns.contains(&m.column) {
                columns.push(m.column);
            }
        }
    }
    columns.extend(extra_keys.into_iter().map(Column::Extra));
    columns
}

/// 申报表序号 for each declaration, when two share 项目名称 and 项目编码.
fn declaration_numbers(document: &Document) -> Vec<Option<String>> {
    let mut counts: BTreeMap<(&str, Option<&str>), usize> = BTreeMap::new();
    for d in &document.declarations {
        *counts
            .entry((d.project.name.as_str(), d.project.code.as_deref()))
            .or_default() += 1;
    }
    // A declaration with neither name nor code after the first would read as rows of
    // the one above: the numbers keep it apart too.
    let nameless = document
        .declarations
        .iter()
        .skip(1)
        .any(|d| d.project.name.is_empty() && d.project.code.is_none());
    let shared = nameless || counts.values().any(|&n| n > 1);
    document
        .declarations
        .iter()
        .enumerate()
        .map(|(i, _)| shared.then(|| (i + 1).to_string()))
        .collect()
}

fn budget_row(evaluation: &Evaluation, line: BudgetLine) -> Option<&BudgetRow> {
    match line {
        BudgetLine::Total => Some(&evaluation.budget),
        BudgetLine::Fiscal => evaluation.budget_fiscal.as_ref(),
        BudgetLine::Carryover => evaluation.budget_carryover.as_ref(),
        BudgetLine::Other => evaluation.budget_other.as_ref(),
    }
}

/// The 一级 cell, and the 一级指标原文 cell when the label as written cannot stand in
/// the 一级 cell (it would read back differently).
fn level1_cells(indicator: &Indicator) -> (String, Option<String>) {
    level_cells(
        indicator.level1.map(Level1::as_str),
        indicator.level1_text.as_deref(),
        |t| Level1::parse(t).map(Level1::as_str),
    )
}

fn level2_cells(indicator: &Indicator) -> (String, Option<String>) {
    level_cells(
        indicator.level2.map(Level2::as_str),
        indicator.level2_text.as_deref(),
        |t| Level2::parse(t).map(Level2::as_str),
    )
}

fn level_cells(
    normalized: Option<&str>,
    text: Option<&str>,
    parse: impl Fn(&str) -> Option<&'static str>,
) -> (String, Option<String>) {
    match (normalized, text) {
        (Some(n), None) => (n.to_owned(), None),
        (n, Some(t)) if parse(t) == n && Some(t) != n && !t.trim().is_empty() && t.trim() == t => {
            (t.to_owned(), None)
        }
        (n, Some(t)) => (n.unwrap_or("").to_owned(), Some(t.to_owned())),
        (None, None) => (String::new(), None),
    }
}

/// A goal text: the reader strips HTML tags from goals (forms carry `<p>`), so a text
/// that stripping would change is written with `&` and `<` as entities, which it decodes.
fn goal_cell(text: Option<&str>) -> String {
    match text {
        Some(t) if crate::text::strip_html(t) != t => t.replace('&', "&amp;").replace('<', "&lt;"),
        Some(t) => t.to_owned(),
        None => String::new(),
    }
}

fn opt<T: ToString>(value: Option<&T>) -> String {
    value.map(ToString::to_string).unwrap_or_default()
}

fn row(
    columns: &[Column],
    decl: &Declaration,
    number: Option<&str>,
    index: Option<usize>,
) -> Vec<String> {
    let indicator = index.and_then(|i| decl.indicators.get(i));
    let evaluation = decl.evaluation.as_ref();
    let indicator_eval = index.and_then(|i| evaluation.and_then(|e| e.indicators.get(i)));
    let project = &decl.project;
    let funding = &decl.funding;
    let mut sign_seen = false;
    columns
        .iter()
        .map(|column| match column {
            Column::DeclarationNo => number.unwrap_or("").to_owned(),
            Column::ProjectName => project.name.clone(),
            Column::ProjectCode => opt(project.code.as_ref()),
            Column::Nature => opt(project.nature.as_ref()),
            Column::Category => opt(project.category.as_ref()),
            Column::Department => opt(project.department.as_ref()),
            Column::Implementer => opt(project.implementer.as_ref()),
            Column::StartDate => opt(project.start_date.as_ref()),
            Column::EndDate => opt(project.end_date.as_ref()),
            Column::FundingUnit => funding.unit.as_str().to_owned(),
            Column::FundingTotal => opt(funding.total.as_ref()),
            Column::FundingTotalFiscal => opt(funding.total_fiscal.as_ref()),
            Column::FundingTotalOther => opt(funding.total_other.as_ref()),
            Column::FundingAnnual => opt(funding.annual.as_ref()),
            Column::FundingAnnualFiscal => opt(funding.annual_fiscal.as_ref()),
            Column::FundingAnnualCarryover => opt(funding.annual_carryover.as_ref()),
            Column::FundingAnnualOther => opt(funding.annual_other.as_ref()),
            Column::GoalOverall => goal_cell(decl.goals.overall.as_deref()),
            Column::GoalAnnual => goal_cell(decl.goals.annual.as_deref()),
            Column::LevelPoints => level_points_text(&decl.level_points),
            Column::Level1 => indicator.map(|i| level1_cells(i).0).unwrap_or_default(),
            Column::Level2 => indicator.map(|i| level2_cells(i).0).unwrap_or_default(),
            Column::Level1Text => indicator
                .and_then(|i| level1_cells(i).1)
                .unwrap_or_default(),
            Column::Level2Text => indicator
                .and_then(|i| level2_cells(i).1)
                .unwrap_or_default(),
            Column::Group => indicator
                .and_then(|i| {
                    let label = i.group.as_deref()?;
                    Some(group_text(label, decl.group_points.get(label).copied()))
                })
                .unwrap_or_default(),
            Column::Name => indicator.map(|i| i.name.clone()).unwrap_or_default(),
            Column::Target => indicator.map(|i| i.target.text.clone()).unwrap_or_default(),
            Column::Sign => {
                let first = !sign_seen;
                sign_seen = true;
                match (first, indicator) {
                    (true, Some(i)) => i
                        .target
                        .comparator
                        .map(|c| c.symbol().to_owned())
                        .unwrap_or_default(),
                    (false, Some(i)) => i
                        .direction
                        .map(|d| direction_text(d).to_owned())
                        .unwrap_or_default(),
                    (_, None) => String::new(),
                }
            }
            Column::Unit => indicator
                .and_then(|i| i.target.unit.clone())
                .unwrap_or_default(),
            Column::Weight => opt(indicator.and_then(|i| i.weight.as_ref())),
            Column::Actual => opt(indicator_eval.and_then(|e| e.actual.as_ref())),
            Column::Score => opt(indicator_eval.and_then(|e| e.score.as_ref())),
            Column::Deviation => opt(indicator_eval.and_then(|e| e.deviation.as_ref())),
            Column::EvalUnit => evaluation
                .map(|e| e.unit.as_str().to_owned())
                .unwrap_or_default(),
            Column::Budget(line, field) => {
                let row = evaluation.and_then(|e| budget_row(e, *line));
                match field {
                    BudgetField::Initial => opt(row.and_then(|r| r.initial.as_ref())),
                    BudgetField::Adjusted => opt(row.and_then(|r| r.adjusted.as_ref())),
                    BudgetField::Executed => opt(row.and_then(|r| r.executed.as_ref())),
                    BudgetField::Rate => opt(row.and_then(|r| r.rate.as_ref())),
                    BudgetField::Weight => opt(row.and_then(|r| r.weight.as_ref())),
                    BudgetField::Score => opt(row.and_then(|r| r.score.as_ref())),
                }
            }
            Column::Total => opt(evaluation.and_then(|e| e.total.as_ref())),
            Column::TotalWeight => opt(evaluation.and_then(|e| e.total_weight.as_ref())),
            Column::GoalAchieved => opt(evaluation.and_then(|e| e.goal_achieved.as_ref())),
            Column::ProjectExtra(key) => opt(project.extra.get(key)),
            Column::Extra(key) => opt(indicator.and_then(|i| i.extra.get(key))),
        })
        .collect()
}
