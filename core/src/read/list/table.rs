//! Rows of a list → declarations: project fields repeated on each row are grouped by
//! 项目名称 (and 项目编码, 申报表序号 when present) in first-seen order; each row with
//! indicator cells becomes one 三级指标.

use std::collections::HashMap;

use crate::diagnostic::{Finding, Severity};
use crate::error::{Location, ReadError};
use crate::model::{Declaration, Document, Evaluation, IndicatorEvaluation, MoneyUnit, Source};

use super::columns::Column;
use super::header::{find_header, read_preamble, year_of_title, Layout, HEADER_SEARCH_ROWS};
use super::{RawRow, RawTable};

mod indicator;
mod project;

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
    for row in table.rows.iter().skip(layout.data_start) {
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

fn cell_of(row: &RawRow, index: usize) -> &str {
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
        // Cells under no header are not read: a row with nothing else makes no project
        // (an empty one could not be written back) and is said to be unread.
        if self
            .layout
            .columns
            .iter()
            .all(|c| cell_of(row, c.index).is_empty())
        {
            self.findings.push(
                Finding::new(
                    "ignored_row",
                    Severity::Info,
                    format!("第{}行只在没有表头的列中有内容，未读取", row.line),
                    format!(
                        "line {} has cells only in columns without a header; not read",
                        row.line
                    ),
                )
                .at(&self.place.source(row.line)),
            );
            return;
        }
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
