//! The review comments as a workbook: one row per project (项目编码, 项目名称, 完整性, 可测性,
//! 可行性), each cell the numbered comments of its section — the sheet reviewers exchange
//! with the units (see [`crate::review::comments`]).

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

use crate::error::WriteError;
use crate::review::{Aspect, ProjectComments};

/// The name of the comments sheet.
pub const COMMENTS_SHEET: &str = "审核意见";

/// Writes the comments workbook: a header row, then one row per project.
pub fn comments_xlsx(list: &[ProjectComments]) -> Result<Vec<u8>, WriteError> {
    build(list).map_err(|e| WriteError::Failed {
        format: "xlsx".to_owned(),
        message: e.to_string(),
    })
}

fn build(list: &[ProjectComments]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(COMMENTS_SHEET)?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut headers = vec!["序号", "项目编码", "项目名称"];
    headers.extend(Aspect::ALL.iter().map(|a| a.label()));
    for (col, header) in (0u16..).zip(&headers) {
        sheet.write_string_with_format(0, col, *header, &bold)?;
    }
    for (col, width) in (0u16..).zip([6.0, 24.0, 30.0, 60.0, 60.0, 60.0]) {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (row, p) in (1u32..).zip(list) {
        let mut cells = vec![
            row.to_string(),
            p.code.clone().unwrap_or_default(),
            p.name.clone(),
        ];
        cells.extend(Aspect::ALL.iter().map(|a| p.section_text(*a)));
        for (col, text) in (0u16..).zip(&cells) {
            if !text.is_empty() {
                sheet.write_string_with_format(row, col, text, &wrap)?;
            }
        }
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::CommentSection;

    #[test]
    fn one_row_per_project_reads_back() {
        let list = vec![ProjectComments {
            code: Some("440306231391500000191".into()),
            name: "示例项目".into(),
            sections: vec![CommentSection {
                aspect: Aspect::Measurability,
                comments: vec!["【指标值不具量化易评性】…".into(), "第二条".into()],
            }],
        }];
        let bytes = comments_xlsx(&list).unwrap();
        use calamine::{Reader, Xlsx};
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range(COMMENTS_SHEET).unwrap();
        let cell = |r: u32, c: u32| {
            range
                .get_value((r, c))
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        assert_eq!(cell(0, 4), "可测性");
        assert_eq!(cell(1, 1), "440306231391500000191");
        assert_eq!(cell(1, 4), "1. 【指标值不具量化易评性】…\n2. 第二条");
        assert_eq!(cell(1, 3), "");
    }
}
