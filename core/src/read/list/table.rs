//! Rows of a list → declarations: project fields repeated on each row are grouped by
//! 项目名称 (and 项目编码, 申报表序号 when present) in first-seen order; each row with
//! indicator cells becomes one 三级指标.

use std::collections::HashMap;

use crate::diagnostic::{Finding, Severity};
use crate::error::{Location, ReadError};
use crate::model::{Declaration, Document, Evaluation, IndicatorEvaluation, MoneyUnit, Source};

use super::columns::Column;
use super::header::{
    find_header, read_preamble, year_of_title, Layout, LayoutColumn, Preamble, HEADER_SEARCH_ROWS,
};
use super::split::{CutCharacter, Records};
use super::{RawRow, RawTable};
use crate::taxonomy::{Level1, Level2};

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
    let (layout, document, preamble) = head(&table.rows, &place)?;
    let mut builder = Builder::new(place, &layout, preamble);
    for row in table.rows.iter().skip(layout.data_start) {
        if !row.is_blank() {
            builder.row(row.line, &row.cells);
        }
    }
    Ok(builder.finish(document))
}

/// Reads a delimited text: `first` holds its first records (at least the first
/// [`HEADER_SEARCH_ROWS`] non-blank ones and the one after, or all of them), `records`
/// the rest, read one at a time with borrowed cells.
pub(super) fn read_records(
    first: &[RawRow],
    mut records: Records<'_>,
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    let place = Place {
        file: options.file_name.as_deref(),
        sheet: None,
        first_column: 0,
    };
    let (layout, document, preamble) = head(first, &place)?;
    let mut builder = Builder::new(place, &layout, preamble);
    for row in first.get(layout.data_start..).unwrap_or_default() {
        if !row.is_blank() {
            builder.row(row.line, &row.cells);
        }
    }
    let mut cells = Vec::new();
    loop {
        match records.next_into(&mut cells) {
            Ok(Some(line)) => {
                if !cells.iter().all(|c| c.trim().is_empty()) {
                    builder.row(line, &cells);
                }
            }
            Ok(None) => break,
            Err(CutCharacter(line)) => return Err(cut_character(options, line)),
        }
    }
    Ok(builder.finish(document))
}

/// The error for a delimiter that cuts a character in two (a non-ASCII delimiter byte).
pub(super) fn cut_character(options: &ReadOptions, line: u32) -> ReadError {
    ReadError::Malformed {
        at: options.location().line(line),
        message: "cannot split the line into cells: the delimiter cuts a character in two"
            .to_owned(),
    }
}

/// The header row's layout, the document its preamble names (title, year), and the
/// preamble.
fn head(rows: &[RawRow], place: &Place<'_>) -> Result<(Layout, Document, Preamble), ReadError> {
    let first_line = rows.iter().find(|r| !r.is_blank()).map_or(1, |r| r.line);
    let Some(layout) = find_header(rows) else {
        return Err(ReadError::NoDeclaration {
            at: place.location(first_line),
            expected: format!(
                "a list header row (项目名称, 一级指标, 二级指标, 三级指标 or 指标名称, 指标值, …) \
                 within the first {HEADER_SEARCH_ROWS} rows; found none"
            ),
        });
    };
    let header_line = rows.get(layout.row).map_or(first_line, |r| r.line);
    let preamble = read_preamble(rows.get(..layout.row).unwrap_or_default());
    let mut layout = layout;
    add_preamble_columns(&mut layout, &preamble);
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
    let mut document = Document {
        title: preamble.title.clone(),
        ..Document::default()
    };
    document.year = match preamble.year {
        Some(year) => year,
        None => document.title.as_deref().and_then(year_of_title),
    };
    Ok((layout, document, preamble))
}

/// The project fields the preamble writes (`项目名称：…`) and the header lacks become
/// columns after the header's last one; [`Builder::row`] gives every row their values.
fn add_preamble_columns(layout: &mut Layout, preamble: &Preamble) {
    let mut next = layout
        .columns
        .iter()
        .map(|c| c.index + 1)
        .max()
        .unwrap_or(0);
    for (column, label, value) in &preamble.fields {
        if layout.first.contains_key(column) {
            continue;
        }
        layout.first.insert(column.clone(), next);
        layout.columns.push(LayoutColumn {
            index: next,
            column: column.clone(),
            header: label.clone(),
            unit: None,
        });
        layout.fixed.push((next, value.clone()));
        next += 1;
    }
}

type Key = (String, String, String);

struct DeclState {
    decl: Declaration,
    /// The first value of each project-level column (by [`Builder::seen_slot`]).
    seen: Vec<Option<String>>,
    has_evaluation: bool,
    evaluation: Evaluation,
    rows: Vec<IndicatorEvaluation>,
    funding_unit: Option<MoneyUnit>,
    eval_unit: Option<MoneyUnit>,
    last_level1: String,
    last_level2: String,
    /// `last_level1` and `last_level2` as read (the taxonomy lookup is done once per
    /// label change, not once per row).
    last_levels: (Option<Level1>, Option<Level2>),
    /// Amounts that wrote their own unit, converted once the unit is known.
    own_units: Vec<project::OwnUnit>,
}

struct Builder<'a> {
    place: Place<'a>,
    layout: &'a Layout,
    decls: Vec<DeclState>,
    index: HashMap<Key, usize>,
    /// The key of the last row and its declaration.
    last: Option<(Key, usize)>,
    findings: Vec<Finding>,
    preamble_unit: Option<MoneyUnit>,
    /// For each layout column, the slot of its first value in [`DeclState::seen`]: the
    /// first layout column of the same kind (two `ProjectExtra` columns of one header
    /// share it).
    seen_slot: Vec<usize>,
    /// The cells of these columns make a row an indicator row.
    indicator_columns: Vec<usize>,
    /// The index of each of [`READ_BY`] in the rows.
    read_by: [Option<usize>; READ_BY.len()],
}

/// The columns every row is read by, looked up in the layout once (its map hashes the
/// column on every lookup, which showed in the profile).
const READ_BY: [Column; 15] = [
    Column::ProjectName,
    Column::ProjectCode,
    Column::DeclarationNo,
    Column::Level1,
    Column::Level2,
    Column::Level1Text,
    Column::Level2Text,
    Column::Group,
    Column::Name,
    Column::Target,
    Column::Unit,
    Column::Weight,
    Column::Actual,
    Column::Score,
    Column::Deviation,
];

fn cell_of<C: AsRef<str>>(cells: &[C], index: usize) -> &str {
    cells.get(index).map_or("", |c| c.as_ref().trim())
}

impl<'a> Builder<'a> {
    fn new(place: Place<'a>, layout: &'a Layout, preamble: Preamble) -> Self {
        let seen_slot = layout
            .columns
            .iter()
            .enumerate()
            .map(|(i, col)| {
                layout
                    .columns
                    .iter()
                    .position(|c| c.column == col.column)
                    .unwrap_or(i)
            })
            .collect();
        let indicator_columns = layout
            .columns
            .iter()
            .filter(|c| !c.column.is_project_level() && !matches!(c.column, Column::Extra(_)))
            .map(|c| c.index)
            .collect();
        let mut builder = Builder {
            place,
            layout,
            decls: Vec::new(),
            index: HashMap::new(),
            last: None,
            findings: Vec::new(),
            preamble_unit: preamble.money_unit,
            seen_slot,
            indicator_columns,
            read_by: READ_BY.map(|c| layout.first.get(&c).copied()),
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
        builder
    }

    fn cell<'r, C: AsRef<str>>(&self, cells: &'r [C], column: &Column) -> &'r str {
        let index = match READ_BY.iter().position(|c| c == column) {
            Some(k) => self.read_by.get(k).copied().flatten(),
            None => self.layout.first.get(column).copied(),
        };
        index.map_or("", |i| cell_of(cells, i))
    }

    fn index_of(&self, column: &Column) -> usize {
        self.layout.first.get(column).copied().unwrap_or(0)
    }

    #[allow(clippy::too_many_arguments)]
    fn finding(
        &mut self,
        code: &str,
        severity: Severity,
        line: u32,
        index: usize,
        project: &str,
        zh: &str,
        en: &str,
    ) {
        let header = self.layout.header_at(index).unwrap_or("");
        let finding = Finding::new(
            code,
            severity,
            format!("{}：{zh}", self.place.zh(line, index, header)),
            format!("{}: {en}", self.place.en(line, index, header)),
        )
        .at(&self.place.source(line));
        let finding = if project.is_empty() {
            finding
        } else {
            finding.in_project(project)
        };
        self.findings.push(finding);
    }

    fn row<C: AsRef<str>>(&mut self, line: u32, cells: &[C]) {
        // Cells under no header are not read: a row with nothing else makes no project
        // (an empty one could not be written back) and is said to be unread.
        if self
            .layout
            .columns
            .iter()
            .all(|c| cell_of(cells, c.index).is_empty())
        {
            self.findings.push(
                Finding::new(
                    "ignored_row",
                    Severity::Info,
                    format!("第{line}行只在没有表头的列中有内容，未读取"),
                    format!("line {line} has cells only in columns without a header; not read"),
                )
                .at(&self.place.source(line)),
            );
            return;
        }
        let indicator_row = self.is_indicator_row(cells);
        // A note in one cell is a note whatever column it stands in (`注：…` under 一级指标).
        let note = self.note_row(cells).or_else(|| {
            if indicator_row {
                self.total_row(cells)
            } else {
                None
            }
        });
        if let Some(note) = note {
            self.findings.push(
                Finding::new(
                    "ignored_row",
                    Severity::Info,
                    format!("第{line}行是说明或合计行，未作为指标读取：{note}"),
                    format!("line {line} is a note or total row, not read as an indicator: {note}"),
                )
                .at(&self.place.source(line)),
            );
            return;
        }
        if self.layout.fixed.is_empty() {
            self.row_body(line, cells, indicator_row);
        } else {
            // The preamble's fields, as if every row had their columns.
            let width = self.layout.fixed.first().map_or(0, |(i, _)| *i);
            let extended: Vec<String> = (0..width)
                .map(|i| cell_of(cells, i).to_owned())
                .chain(self.layout.fixed.iter().map(|(_, v)| v.clone()))
                .collect();
            self.row_body(line, &extended, indicator_row);
        }
    }

    /// A row that is neither blank nor a note: its project, and its indicator when it is
    /// an indicator row.
    fn row_body<C: AsRef<str>>(&mut self, line: u32, cells: &[C], indicator_row: bool) {
        let name = self.cell(cells, &Column::ProjectName);
        let code = self.cell(cells, &Column::ProjectCode);
        let number = self.cell(cells, &Column::DeclarationNo);
        // The rows of a project are consecutive in every export: the last row's key is
        // compared first, without building a key.
        let position = match &self.last {
            // A row without name and code continues the project above, unless its
            // 申报表序号 says it is another declaration (one with no name).
            Some((k, p))
                if name.is_empty() && code.is_empty() && (number.is_empty() || k.2 == number) =>
            {
                *p
            }
            Some((k, p)) if k.0 == name && k.1 == code && k.2 == number => *p,
            _ => {
                if name.is_empty() {
                    let index = self.index_of(&Column::ProjectName);
                    self.finding(
                        "missing_project_name",
                        Severity::Warning,
                        line,
                        index,
                        "",
                        "项目名称为空",
                        "the project name is empty",
                    );
                }
                let key = (name.to_owned(), code.to_owned(), number.to_owned());
                let position = self.position(line, &key);
                self.last = Some((key, position));
                position
            }
        };
        self.project_cells(line, cells, position);
        if indicator_row {
            self.indicator(line, cells, position);
        } else {
            self.project_only_extras(cells, position);
        }
    }

    /// The declaration of a project key, made on its first row.
    fn position(&mut self, line: u32, key: &Key) -> usize {
        if let Some(&p) = self.index.get(key) {
            return p;
        }
        let mut decl = Declaration::default();
        decl.project.name.clone_from(&key.0);
        decl.project.code = (!key.1.is_empty()).then(|| key.1.clone());
        decl.source = self.place.source(line);
        self.decls.push(DeclState {
            decl,
            seen: vec![None; self.layout.columns.len()],
            has_evaluation: false,
            evaluation: Evaluation::default(),
            rows: Vec::new(),
            funding_unit: None,
            eval_unit: None,
            last_level1: String::new(),
            last_level2: String::new(),
            last_levels: (None, None),
            own_units: Vec::new(),
        });
        self.index.insert(key.clone(), self.decls.len() - 1);
        self.decls.len() - 1
    }

    /// A total row with its figures (`合计 | | 200 | … | 566.8`): its first filled cell a
    /// `合计`/`小计`/`总计` label, no 三级 name of its own. Its sums are no indicator and
    /// no project's figures.
    fn total_row<C: AsRef<str>>(&self, cells: &[C]) -> Option<String> {
        let filled: Vec<&str> = cells
            .iter()
            .map(|c| c.as_ref().trim())
            .filter(|c| !c.is_empty())
            .collect();
        let first = *filled.first()?;
        let label = crate::text::no_spaces(&crate::text::fold_width(first));
        let is_total = ["合计", "小计", "总计"].contains(&label.trim_end_matches(':'));
        let name = self.cell(cells, &Column::Name);
        (is_total && (name.is_empty() || name == first)).then(|| filled.join(" "))
    }

    /// A row holding only a note (`注：…`, `填表说明…`) or a total (`合计`) in one cell.
    fn note_row<C: AsRef<str>>(&self, cells: &[C]) -> Option<String> {
        let mut filled = cells
            .iter()
            .map(|c| c.as_ref().trim())
            .filter(|c| !c.is_empty());
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

    fn is_indicator_row<C: AsRef<str>>(&self, cells: &[C]) -> bool {
        self.indicator_columns
            .iter()
            .any(|&i| !cell_of(cells, i).is_empty())
    }

    fn finish(mut self, mut document: Document) -> (Document, Vec<Finding>) {
        let has_funding_unit = self.layout.first.contains_key(&Column::FundingUnit);
        let has_eval_unit = self.layout.first.contains_key(&Column::EvalUnit);
        let default = self.preamble_unit.unwrap_or_default();
        let states = std::mem::take(&mut self.decls);
        let declarations: Vec<Declaration> = states
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
                let own = std::mem::take(&mut state.own_units);
                self.convert_own_units(&mut state.decl, own);
                state.decl
            })
            .collect();
        document.declarations = declarations;
        (document, self.findings)
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
