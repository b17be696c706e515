//! The `.xlsx` writer (rust_xlsxwriter): a 清单 sheet in the list layout, which the
//! workbook reader reads back to an equal model, and a form-like sheet per project with
//! merged 一级/二级 cells, as people print it (skipped by the list reader).
//!
//! Every value is stored as text, so decimals keep their exact digits and scale
//! (`2650000.00`, `17.00`) — a number cell would be a binary float.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::error::WriteError;
use crate::model::{BudgetRow, Declaration, Document};

use super::list::{list_table, preamble};

/// The name of the list sheet.
pub const LIST_SHEET: &str = "清单";

/// Writes a workbook: a list-layout sheet, and a form-like sheet per project.
pub fn write_workbook(document: &Document) -> Result<Vec<u8>, WriteError> {
    build(document).map_err(|e| WriteError::Failed {
        format: "xlsx".to_owned(),
        message: e.to_string(),
    })
}

fn build(document: &Document) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name(LIST_SHEET)?;
    let mut row: u32 = 0;
    for line in preamble(document) {
        sheet.write_string_with_format(row, 0, line, &bold)?;
        row += 1;
    }
    let table = list_table(document);
    for (col, header) in table.headers.iter().enumerate() {
        let col = col_num(col)?;
        sheet.write_string_with_format(row, col, header, &bold)?;
        sheet.set_column_width(col, 14)?;
    }
    sheet.set_freeze_panes(row + 1, 0)?;
    for cells in &table.rows {
        row += 1;
        for (col, cell) in cells.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(row, col_num(col)?, cell)?;
            }
        }
    }
    let mut used = vec![LIST_SHEET.to_owned()];
    for decl in &document.declarations {
        let name = sheet_name(&decl.project.name, &used);
        used.push(name.clone());
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        form_sheet(sheet, decl, document.year)?;
    }
    workbook.save_to_buffer()
}

fn col_num(index: usize) -> Result<u16, XlsxError> {
    u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

/// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique.
fn sheet_name(project: &str, used: &[String]) -> String {
    let clean: String = project
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\' | '\''))
        .take(28)
        .collect();
    let base = if clean.trim().is_empty() {
        "项目".to_owned()
    } else {
        clean
    };
    let taken = |n: &str| used.iter().any(|u| u.to_lowercase() == n.to_lowercase());
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|i| {
            let suffix = format!("({i})");
            let keep = 31 - suffix.chars().count();
            format!("{}{suffix}", base.chars().take(keep).collect::<String>())
        })
        .find(|n| !taken(n))
        .unwrap_or(base)
}

struct Grid<'a> {
    sheet: &'a mut Worksheet,
    row: u32,
    cell: Format,
    label: Format,
}

impl Grid<'_> {
    /// Writes a cell (a label in bold), merging it across `span` columns.
    fn put(&mut self, col: u16, span: u16, text: &str, label: bool) -> Result<(), XlsxError> {
        let format = if label { &self.label } else { &self.cell };
        if span > 1 {
            self.sheet
                .merge_range(self.row, col, self.row, col + span - 1, text, format)?;
        } else {
            self.sheet
                .write_string_with_format(self.row, col, text, format)?;
        }
        Ok(())
    }

    /// A row of `label | value` pairs, each value spanning `span` columns.
    fn pairs(&mut self, pairs: &[(&str, String)], span: u16) -> Result<(), XlsxError> {
        let mut col = 0;
        for (label, value) in pairs {
            self.put(col, 1, label, true)?;
            self.put(col + 1, span, value, false)?;
            col += 1 + span;
        }
        self.row += 1;
        Ok(())
    }
}

fn text<T: ToString>(value: Option<&T>) -> String {
    value.map(ToString::to_string).unwrap_or_default()
}

/// Columns of the form sheet: 一级 · 二级 · 三级 · 指标值 · 分值 (· 实际完成值 · 得分 · 偏差).
fn form_sheet(
    sheet: &mut Worksheet,
    decl: &Declaration,
    year: Option<i32>,
) -> Result<(), XlsxError> {
    let evaluation = decl.evaluation.as_ref();
    let width: u16 = if evaluation.is_some() { 8 } else { 6 };
    for (col, w) in [14, 16, 28, 18, 10, 18, 10, 28]
        .iter()
        .enumerate()
        .take(usize::from(width))
    {
        sheet.set_column_width(col_num(col)?, *w)?;
    }
    let border = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let mut grid = Grid {
        sheet,
        row: 0,
        label: border.clone().set_bold().set_align(FormatAlign::Center),
        cell: border,
    };
    let title = if evaluation.is_some() {
        "财政项目支出绩效自评表"
    } else {
        "财政项目支出绩效目标申报表"
    };
    let title_format = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    grid.sheet
        .merge_range(0, 0, 0, width - 1, title, &title_format)?;
    grid.row = 1;
    if let Some(year) = year {
        grid.sheet.merge_range(
            1,
            0,
            1,
            width - 1,
            &format!("（{year}年度）"),
            &Format::new().set_align(FormatAlign::Center),
        )?;
        grid.row = 2;
    }
    let p = &decl.project;
    let half = (width - 2) / 2;
    grid.pairs(&[("项目名称", p.name.clone())], width - 1)?;
    grid.pairs(&[("项目编码", text(p.code.as_ref()))], width - 1)?;
    grid.pairs(
        &[
            ("项目性质", text(p.nature.as_ref())),
            ("项目类别", text(p.category.as_ref())),
        ],
        half,
    )?;
    grid.pairs(
        &[
            ("主管部门", text(p.department.as_ref())),
            ("实施单位", text(p.implementer.as_ref())),
        ],
        half,
    )?;
    grid.pairs(
        &[
            ("计划开始日期", text(p.start_date.as_ref())),
            ("计划完成日期", text(p.end_date.as_ref())),
        ],
        half,
    )?;
    let f = &decl.funding;
    let unit = f.unit.as_str();
    grid.pairs(
        &[
            (&format!("项目资金总额（{unit}）"), text(f.total.as_ref())),
            (
                &format!("年度资金申请总额（{unit}）"),
                text(f.annual.as_ref()),
            ),
        ],
        half,
    )?;
    grid.pairs(
        &[
            ("其中：财政资金", text(f.total_fiscal.as_ref())),
            ("当年财政拨款", text(f.annual_fiscal.as_ref())),
        ],
        half,
    )?;
    grid.pairs(
        &[
            ("其他资金", text(f.total_other.as_ref())),
            ("上年结转资金", text(f.annual_carryover.as_ref())),
        ],
        half,
    )?;
    grid.pairs(
        &[
            ("", String::new()),
            ("其他资金", text(f.annual_other.as_ref())),
        ],
        half,
    )?;
    grid.pairs(
        &[("项目总目标", text(decl.goals.overall.as_ref()))],
        width - 1,
    )?;
    grid.pairs(
        &[("年度总体目标", text(decl.goals.annual.as_ref()))],
        width - 1,
    )?;
    if let Some(e) = evaluation {
        grid.pairs(
            &[("实际完成情况", text(e.goal_achieved.as_ref()))],
            width - 1,
        )?;
        let heads = [
            format!("资金（{}）", e.unit.as_str()),
            "年初预算数".to_owned(),
            "全年预算数".to_owned(),
            "全年执行数".to_owned(),
            "分值".to_owned(),
            "执行率".to_owned(),
            "得分".to_owned(),
        ];
        for (col, head) in heads.iter().enumerate() {
            grid.put(col_num(col)?, 1, head, true)?;
        }
        grid.row += 1;
        let lines: [(&str, Option<&BudgetRow>); 4] = [
            ("年度资金总额", Some(&e.budget)),
            ("其中：当年财政拨款", e.budget_fiscal.as_ref()),
            ("上年结转资金", e.budget_carryover.as_ref()),
            ("其他资金", e.budget_other.as_ref()),
        ];
        for (label, row) in lines {
            let cells = [
                label.to_owned(),
                text(row.and_then(|r| r.initial.as_ref())),
                text(row.and_then(|r| r.adjusted.as_ref())),
                text(row.and_then(|r| r.executed.as_ref())),
                text(row.and_then(|r| r.weight.as_ref())),
                text(row.and_then(|r| r.rate.as_ref())),
                text(row.and_then(|r| r.score.as_ref())),
            ];
            for (col, cell) in cells.iter().enumerate() {
                grid.put(col_num(col)?, 1, cell, col == 0)?;
            }
            grid.row += 1;
        }
    }
    let mut heads = vec!["一级指标", "二级指标", "三级指标", "指标值", "分值"];
    if evaluation.is_some() {
        heads.extend(["实际完成值", "得分", "偏差原因分析及改进措施"]);
    } else {
        heads.push("指标方向");
    }
    for (col, head) in heads.iter().enumerate() {
        grid.put(col_num(col)?, 1, head, true)?;
    }
    grid.row += 1;
    let first = grid.row;
    let labels: Vec<(String, String)> = decl
        .indicators
        .iter()
        .map(|i| {
            let l1 = i
                .level1_text
                .clone()
                .unwrap_or_else(|| i.level1_label().to_owned());
            let l2 = i
                .level2_text
                .clone()
                .unwrap_or_else(|| i.level2_label().to_owned());
            (l1, l2)
        })
        .collect();
    for (k, indicator) in decl.indicators.iter().enumerate() {
        let row = first + u32::try_from(k).unwrap_or(0);
        grid.row = row;
        let eval = evaluation.and_then(|e| e.indicators.get(k));
        let mut cells = vec![
            indicator.name.clone(),
            indicator.target.text.clone(),
            text(indicator.weight.as_ref()),
        ];
        if evaluation.is_some() {
            cells.push(text(eval.and_then(|e| e.actual.as_ref())));
            cells.push(text(eval.and_then(|e| e.score.as_ref())));
            cells.push(text(eval.and_then(|e| e.deviation.as_ref())));
        } else {
            cells.push(
                indicator
                    .direction
                    .map(|d| crate::read::list::cells::direction_text(d).to_owned())
                    .unwrap_or_default(),
            );
        }
        for (col, cell) in cells.iter().enumerate() {
            grid.put(col_num(col + 2)?, 1, cell, false)?;
        }
    }
    // 一级/二级 merged over runs of equal labels, as printed forms do.
    let mut k = 0;
    while k < labels.len() {
        let mut end1 = k;
        while labels.get(end1 + 1).is_some_and(|l| l.0 == labels[k].0) {
            end1 += 1;
        }
        merge_run(&mut grid, first, k, end1, 0, &labels[k].0)?;
        let mut j = k;
        while j <= end1 {
            let mut end2 = j;
            while end2 < end1 && labels.get(end2 + 1).is_some_and(|l| l.1 == labels[j].1) {
                end2 += 1;
            }
            merge_run(&mut grid, first, j, end2, 1, &labels[j].1)?;
            j = end2 + 1;
        }
        k = end1 + 1;
    }
    grid.row = first + u32::try_from(decl.indicators.len()).unwrap_or(0);
    if let Some(e) = evaluation {
        grid.put(0, 4, "总分", true)?;
        grid.put(4, 1, &text(e.total_weight.as_ref()), false)?;
        grid.put(5, 1, "", false)?;
        grid.put(6, 1, &text(e.total.as_ref()), false)?;
        grid.put(7, 1, "", false)?;
    }
    Ok(())
}

fn merge_run(
    grid: &mut Grid<'_>,
    first: u32,
    from: usize,
    to: usize,
    col: u16,
    text: &str,
) -> Result<(), XlsxError> {
    let r1 = first + u32::try_from(from).unwrap_or(0);
    let r2 = first + u32::try_from(to).unwrap_or(0);
    if r2 > r1 {
        grid.sheet.merge_range(r1, col, r2, col, text, &grid.cell)?;
    } else {
        grid.sheet
            .write_string_with_format(r1, col, text, &grid.cell)?;
    }
    Ok(())
}
