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
}

fn text<T: ToString>(value: Option<&T>) -> String {
    value.map(ToString::to_string).unwrap_or_default()
}

/// A form-like sheet laid out as the official 申报表 / 自评表: the block labels in
/// column A, the header pairs, the funding block (or the self-evaluation's funding
/// matrix), the goals, and the indicator table from column B with merged 一级/二级 cells.
fn form_sheet(
    sheet: &mut Worksheet,
    decl: &Declaration,
    year: Option<i32>,
) -> Result<(), XlsxError> {
    let evaluation = decl.evaluation.as_ref();
    let any_weight = decl.indicators.iter().any(|i| i.weight.is_some());
    let width: u16 = if evaluation.is_some() {
        9
    } else if any_weight {
        6
    } else {
        5
    };
    for (col, w) in [12, 14, 18, 28, 18, 14, 10, 10, 28]
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
        let centered = Format::new().set_align(FormatAlign::Center);
        grid.sheet
            .merge_range(1, 0, 1, width - 1, &format!("({year}年度)"), &centered)?;
        grid.row = 2;
    }
    let p = &decl.project;
    let row = |grid: &mut Grid<'_>, cells: &[(&str, bool)]| -> Result<(), XlsxError> {
        for (col, (text, label)) in cells.iter().enumerate() {
            grid.put(col_num(col)?, 1, text, *label)?;
        }
        grid.row += 1;
        Ok(())
    };
    let name = p.name.clone();
    let nature = text(p.nature.as_ref());
    let category = text(p.category.as_ref());
    row(
        &mut grid,
        &[
            ("项目名称", true),
            (&name, false),
            ("项目性质", true),
            (&nature, false),
            ("项目类别", true),
            (&category, false),
        ],
    )?;
    let department = text(p.department.as_ref());
    let implementer = text(p.implementer.as_ref());
    row(
        &mut grid,
        &[
            ("主管部门", true),
            (&department, false),
            ("实施单位", true),
            (&implementer, false),
        ],
    )?;
    if let Some(code) = &p.code {
        row(&mut grid, &[("项目编码", true), (code, false)])?;
    }
    let start = text(p.start_date.as_ref());
    let end = text(p.end_date.as_ref());
    row(
        &mut grid,
        &[
            ("计划开始日期", true),
            (&start, false),
            ("计划完成日期", true),
            (&end, false),
        ],
    )?;
    match evaluation {
        None => {
            let f = &decl.funding;
            let unit = format!("项目资金 ({})", f.unit.as_str());
            let (total, fiscal, other) = (
                text(f.total.as_ref()),
                text(f.total_fiscal.as_ref()),
                text(f.total_other.as_ref()),
            );
            let (annual, a_fiscal, carry, a_other) = (
                text(f.annual.as_ref()),
                text(f.annual_fiscal.as_ref()),
                text(f.annual_carryover.as_ref()),
                text(f.annual_other.as_ref()),
            );
            row(
                &mut grid,
                &[
                    (&unit, true),
                    ("项目资金总额", true),
                    (&total, false),
                    ("年度资金申请总额", true),
                    (&annual, false),
                ],
            )?;
            row(
                &mut grid,
                &[
                    ("", false),
                    ("其中：财政资金", true),
                    (&fiscal, false),
                    ("其中：当年财政拨款", true),
                    (&a_fiscal, false),
                ],
            )?;
            row(
                &mut grid,
                &[
                    ("", false),
                    ("", false),
                    ("", false),
                    ("上年结转资金", true),
                    (&carry, false),
                ],
            )?;
            row(
                &mut grid,
                &[
                    ("", false),
                    ("其他资金", true),
                    (&other, false),
                    ("其他资金", true),
                    (&a_other, false),
                ],
            )?;
            let overall = text(decl.goals.overall.as_ref());
            let annual_goal = text(decl.goals.annual.as_ref());
            row(
                &mut grid,
                &[
                    ("项目绩效目标", true),
                    ("项目总目标", true),
                    ("", false),
                    ("年度总体目标", true),
                ],
            )?;
            row(
                &mut grid,
                &[
                    ("", false),
                    (&overall, false),
                    ("", false),
                    (&annual_goal, false),
                ],
            )?;
        }
        Some(e) => {
            let unit = format!("项目资金 ({})", e.unit.as_str());
            row(
                &mut grid,
                &[
                    (&unit, true),
                    ("", false),
                    ("年初预算数", true),
                    ("全年预算数", true),
                    ("全年执行数", true),
                    ("分值", true),
                    ("执行率", true),
                    ("得分", true),
                ],
            )?;
            let lines: [(&str, Option<&BudgetRow>); 4] = [
                ("年度资金总额", Some(&e.budget)),
                ("其中：当年财政拨款", e.budget_fiscal.as_ref()),
                ("上年结转资金", e.budget_carryover.as_ref()),
                ("其他资金", e.budget_other.as_ref()),
            ];
            for (label, r) in lines {
                let cells = [
                    text(r.and_then(|r| r.initial.as_ref())),
                    text(r.and_then(|r| r.adjusted.as_ref())),
                    text(r.and_then(|r| r.executed.as_ref())),
                    text(r.and_then(|r| r.weight.as_ref())),
                    text(r.and_then(|r| r.rate.as_ref())),
                    text(r.and_then(|r| r.score.as_ref())),
                ];
                let mut all = vec![("", false), (label, true)];
                all.extend(cells.iter().map(|c| (c.as_str(), false)));
                row(&mut grid, &all)?;
            }
            let annual_goal = text(decl.goals.annual.as_ref());
            let achieved = text(e.goal_achieved.as_ref());
            row(
                &mut grid,
                &[
                    ("年度总体目标", true),
                    ("预期目标", true),
                    ("", false),
                    ("实际完成情况", true),
                ],
            )?;
            row(
                &mut grid,
                &[
                    ("", false),
                    (&annual_goal, false),
                    ("", false),
                    (&achieved, false),
                ],
            )?;
        }
    }
    let mut heads = vec!["", "一级指标", "二级指标", "三级指标", "年度指标值"];
    if evaluation.is_some() {
        heads.extend(["实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
    } else if any_weight {
        heads.push("分值");
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
        grid.row = first + u32::try_from(k).unwrap_or(0);
        let eval = evaluation.and_then(|e| e.indicators.get(k));
        let mut cells = vec![indicator.name.clone(), indicator.target.text.clone()];
        if evaluation.is_some() {
            cells.push(text(eval.and_then(|e| e.actual.as_ref())));
            cells.push(text(indicator.weight.as_ref()));
            cells.push(text(eval.and_then(|e| e.score.as_ref())));
            cells.push(text(eval.and_then(|e| e.deviation.as_ref())));
        } else if any_weight {
            cells.push(text(indicator.weight.as_ref()));
        }
        for (col, cell) in cells.iter().enumerate() {
            grid.put(col_num(col + 3)?, 1, cell, false)?;
        }
    }
    let last = first + u32::try_from(decl.indicators.len()).unwrap_or(0);
    if last > first + 1 {
        grid.sheet
            .merge_range(first, 0, last - 1, 0, "绩效指标", &grid.label)?;
    } else {
        grid.sheet
            .write_string_with_format(first, 0, "绩效指标", &grid.label)?;
    }
    // 一级/二级 merged over runs of equal labels, as printed forms do.
    let mut k = 0;
    while let Some(current) = labels.get(k) {
        let mut end1 = k;
        while labels.get(end1 + 1).is_some_and(|l| l.0 == current.0) {
            end1 += 1;
        }
        merge_run(&mut grid, first, k, end1, 1, &current.0)?;
        let mut j = k;
        while let (true, Some(level2)) = (j <= end1, labels.get(j)) {
            let mut end2 = j;
            while end2 < end1 && labels.get(end2 + 1).is_some_and(|l| l.1 == level2.1) {
                end2 += 1;
            }
            merge_run(&mut grid, first, j, end2, 2, &level2.1)?;
            j = end2 + 1;
        }
        k = end1 + 1;
    }
    grid.row = last;
    if let Some(e) = evaluation {
        let total_weight = text(e.total_weight.as_ref());
        let total = text(e.total.as_ref());
        row(
            &mut grid,
            &[
                ("总分", true),
                ("", false),
                ("", false),
                ("", false),
                ("", false),
                ("", false),
                (&total_weight, false),
                (&total, false),
                ("", false),
            ],
        )?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{read, ReadOptions};

    /// A workbook holding only the form-like sheets, as someone keeps a printed form.
    fn forms_only(document: &Document) -> Vec<u8> {
        let mut workbook = Workbook::new();
        let mut used = Vec::new();
        for decl in &document.declarations {
            let name = sheet_name(&decl.project.name, &used);
            used.push(name.clone());
            let sheet = workbook.add_worksheet();
            sheet.set_name(&name).unwrap();
            form_sheet(sheet, decl, document.year).unwrap();
        }
        workbook.save_to_buffer().unwrap()
    }

    #[test]
    fn form_sheets_read_back_through_the_form_reader() {
        for text in [
            include_str!("../../../tests/data/shanghai-eeb-enforcement-2024.txt"),
            include_str!("../../../tests/data/selfeval-putuo-sports-2022.txt"),
        ] {
            let document = read(text.as_bytes(), &ReadOptions::default())
                .unwrap()
                .document;
            let reading = read(&forms_only(&document), &ReadOptions::named("forms.xlsx")).unwrap();
            assert_eq!(reading.document.declarations, document.declarations);
        }
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let used = vec!["清单".to_owned(), "a/b".to_owned()];
        assert_eq!(sheet_name("a/b", &used), "ab");
        assert_eq!(sheet_name("清单", &used), "清单(2)");
        assert_eq!(sheet_name("", &used), "项目");
        let long = "很".repeat(40);
        assert!(sheet_name(&long, &used).chars().count() <= 31);
    }
}
