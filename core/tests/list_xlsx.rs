//! `.xlsx` workbooks: our own writer reads back to an equal model; a workbook made the
//! way a spreadsheet program saves one (numbers and dates as cells, merged cells, extra
//! columns and sheets) reads; bad workbooks give errors naming sheet, row and column.
#![allow(clippy::unwrap_used)] // test helpers build fixtures that cannot fail
#![cfg(feature = "xlsx")]

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use jixiao::model::{Direction, Document};
use jixiao::read::{read, InputFormat, ReadOptions};
use jixiao::write::xlsx::write_workbook;

const EXAMPLE: &str = include_str!("../../tests/data/list-example.csv");

mod list_common;

fn example() -> Document {
    read(EXAMPLE.as_bytes(), &ReadOptions::named("list-example.csv"))
        .unwrap()
        .document
}

fn read_xlsx(bytes: &[u8]) -> jixiao::read::Reading {
    match read(bytes, &ReadOptions::named("book.xlsx")) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn our_workbook_reads_back_equal() {
    for document in [example(), list_common::rich_document()] {
        let bytes = write_workbook(&document).unwrap();
        let reading = read_xlsx(&bytes);
        assert_eq!(reading.format, InputFormat::Xlsx);
        assert_eq!(reading.document, document);
        // The form-like sheets are skipped, and said so.
        assert!(reading
            .diagnostics
            .iter()
            .any(|f| f.code == "sheet_skipped" && f.message.contains("表单式")));
    }
}

/// A workbook as a spreadsheet program saves it: a notes sheet first, a title row,
/// numbers and dates as cells, merged 项目名称 and 一级 cells, an extra column.
fn spreadsheet_workbook() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let notes = workbook.add_worksheet();
    notes.set_name("说明").unwrap();
    notes
        .write_string(0, 0, "本表由系统导出，仅供参考")
        .unwrap();
    notes.write_string(1, 0, "第二段说明").unwrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name("绩效目标").unwrap();
    sheet
        .write_string(0, 0, "乌海市2021年度项目绩效目标表")
        .unwrap();
    let headers = [
        "项目名称",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标方向",
        "目标值",
        "计量单位",
        "分值",
        "负责人",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    let plain = Format::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    sheet
        .merge_range(2, 0, 4, 0, "再生资源回收市场管理经费", &plain)
        .unwrap();
    sheet.merge_range(2, 1, 4, 1, "产出指标", &plain).unwrap();
    // Row 3: a count.
    sheet.write_string(2, 2, "数量指标").unwrap();
    sheet.write_string(2, 3, "出差人次").unwrap();
    sheet.write_string(2, 4, "正向").unwrap();
    sheet.write_string(2, 5, "≧").unwrap();
    sheet.write_number(2, 6, 24).unwrap();
    sheet.write_string(2, 7, "人/次").unwrap();
    sheet.write_number(2, 8, 4.5).unwrap();
    sheet.write_string(2, 9, "张三").unwrap();
    // Row 4: a date cell for a 时效 indicator.
    sheet.write_string(3, 2, "时效指标").unwrap();
    sheet.write_string(3, 3, "资金到位时间").unwrap();
    sheet.write_string(3, 5, "≤").unwrap();
    let when = ExcelDateTime::from_ymd(2021, 12, 31).unwrap();
    sheet
        .write_datetime_with_format(3, 6, &when, &date)
        .unwrap();
    sheet.write_number(3, 8, 10).unwrap();
    // Row 5: a serial typed as a plain number, and a cost row.
    sheet.write_string(4, 2, "成本指标").unwrap();
    sheet.write_string(4, 3, "出差总成本").unwrap();
    sheet.write_string(4, 4, "反向").unwrap();
    sheet.write_string(4, 5, "═").unwrap();
    sheet.write_number(4, 6, 0.1).unwrap();
    sheet.write_string(4, 7, "万元").unwrap();
    sheet.write_number(4, 8, 4).unwrap();
    let pivot = workbook.add_worksheet();
    pivot.set_name("汇总").unwrap();
    pivot.write_string(0, 0, "合计").unwrap();
    pivot.write_number(0, 1, 18.5).unwrap();
    workbook.save_to_buffer().unwrap()
}

#[test]
fn spreadsheet_with_extra_columns_and_sheets_reads() {
    let reading = read_xlsx(&spreadsheet_workbook());
    let doc = &reading.document;
    assert_eq!(doc.title.as_deref(), Some("乌海市2021年度项目绩效目标表"));
    assert_eq!(doc.year, Some(2021));
    assert_eq!(doc.declarations.len(), 1);
    let decl = &doc.declarations[0];
    assert_eq!(decl.project.name, "再生资源回收市场管理经费");
    assert_eq!(decl.indicators.len(), 3);
    let names: Vec<&str> = decl.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["出差人次", "资金到位时间", "出差总成本"]);
    // Merged 一级 cells fill down.
    assert!(decl
        .indicators
        .iter()
        .all(|i| i.level1_label() == "产出指标"));
    let count = &decl.indicators[0];
    assert_eq!(count.target.text, "24");
    assert_eq!(count.weight, Some("4.5".parse().unwrap()));
    assert_eq!(count.direction, Some(Direction::Increase));
    assert_eq!(count.extra.get("负责人").map(String::as_str), Some("张三"));
    assert_eq!(decl.indicators[1].target.text, "2021-12-31");
    let cost = &decl.indicators[2];
    assert_eq!(cost.target.text, "0.1");
    assert_eq!(cost.direction, Some(Direction::Decrease));
    assert!(reading
        .diagnostics
        .iter()
        .any(|f| f.code == "direction_conflict"
            && f.message.contains("绩效目标")
            && f.line == Some(5)));
    // The other sheets were skipped, and said so.
    let skipped: Vec<&str> = reading
        .diagnostics
        .iter()
        .filter(|f| f.code == "sheet_skipped")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped[0].contains("说明"));
}

#[test]
fn non_numeric_weight_names_sheet_row_and_column() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("清单").unwrap();
    for (c, h) in ["项目名称", "三级指标", "指标值", "分值"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["示例项目", "培训人数", "≥17人", "十分"].iter().enumerate() {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    let reading = read_xlsx(&workbook.save_to_buffer().unwrap());
    let finding = reading
        .diagnostics
        .iter()
        .find(|f| f.code == "bad_weight")
        .expect("a bad_weight finding");
    assert_eq!(finding.line, Some(2));
    assert!(
        finding.message.contains("工作表“清单”第2行D列（分值）"),
        "{}",
        finding.message
    );
    assert!(
        finding.message_en.contains("sheet “清单”, row 2, column D"),
        "{}",
        finding.message_en
    );
    let indicator = &reading.document.declarations[0].indicators[0];
    assert_eq!(indicator.weight, None);
    assert_eq!(
        indicator.extra.get("分值").map(String::as_str),
        Some("十分")
    );
}

#[test]
fn no_header_row_is_an_error_naming_the_sheet() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("数据").unwrap();
    sheet.write_string(0, 0, "随便写的").unwrap();
    sheet.write_string(1, 1, "没有表头").unwrap();
    let err = read(
        &workbook.save_to_buffer().unwrap(),
        &ReadOptions::named("book.xlsx"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "no_declaration");
    assert_eq!(err.location().sheet.as_deref(), Some("数据"));
    assert_eq!(err.location().line, Some(1));
    assert!(err.to_string().contains("book.xlsx[数据]:1"), "{err}");
}

#[test]
fn header_without_project_name_names_the_header_row() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("指标").unwrap();
    sheet.write_string(0, 0, "标题").unwrap();
    for (c, h) in ["一级指标", "二级指标", "三级指标", "指标值"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let err = read(
        &workbook.save_to_buffer().unwrap(),
        &ReadOptions::named("book.xlsx"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "malformed");
    assert_eq!(err.location().line, Some(3));
    assert!(err.to_string().contains("项目名称"), "{err}");
}

#[test]
fn empty_workbook_is_an_error() {
    let mut workbook = Workbook::new();
    workbook.add_worksheet().set_name("空表").unwrap();
    let err = read(
        &workbook.save_to_buffer().unwrap(),
        &ReadOptions::named("book.xlsx"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "bad_workbook");
    assert!(err.to_string().contains("空表"), "{err}");
}

#[test]
fn corrupt_and_encrypted_workbooks_are_errors() {
    let good = write_workbook(&example()).unwrap();
    let truncated = &good[..good.len() / 2];
    let err = read(truncated, &ReadOptions::named("book.xlsx")).unwrap_err();
    assert_eq!(err.code(), "bad_workbook");
    assert!(err.to_string().starts_with("book.xlsx"), "{err}");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    for options in [
        ReadOptions::named("secret.xlsx"),
        ReadOptions {
            format: Some(InputFormat::Xlsx),
            ..ReadOptions::named("secret.xlsx")
        },
    ] {
        let err = read(&ole, &options).unwrap_err();
        assert_eq!(err.code(), "bad_workbook");
        assert!(err.to_string().contains("password"), "{err}");
    }
}

#[test]
fn seeds_read_back_equal_from_xlsx() {
    for name in [
        "shanghai-eeb-enforcement-2024.txt",
        "selfeval-putuo-sports-2022.txt",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/data")
            .join(name);
        let document = read(&std::fs::read(&path).unwrap(), &ReadOptions::named(name))
            .unwrap()
            .document;
        let bytes = write_workbook(&document).unwrap();
        assert_eq!(read_xlsx(&bytes).document, document, "{name}");
    }
}

#[test]
fn two_row_header_with_merged_cells() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let plain = Format::new();
    for (c, h) in ["项目名称", "三级指标", "指标值", "实际完成值"]
        .iter()
        .enumerate()
    {
        sheet
            .merge_range(0, c as u16, 1, c as u16, h, &plain)
            .unwrap();
    }
    sheet
        .merge_range(0, 4, 0, 5, "预算执行情况", &plain)
        .unwrap();
    sheet.write_string(1, 4, "年初预算数").unwrap();
    sheet.write_string(1, 5, "全年执行数").unwrap();
    for (c, v) in ["体育赛事", "培训人次", "≥5000人次", "5200人次"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, c as u16, *v).unwrap();
    }
    sheet.write_string(2, 4, "250000.00").unwrap();
    sheet.write_number(2, 5, 215_457.6).unwrap();
    let reading = read_xlsx(&workbook.save_to_buffer().unwrap());
    let decl = &reading.document.declarations[0];
    assert_eq!(reading.document.declarations.len(), 1);
    assert_eq!(decl.indicators.len(), 1);
    let evaluation = decl.evaluation.as_ref().unwrap();
    assert_eq!(
        evaluation.budget.initial,
        Some("250000.00".parse().unwrap())
    );
    assert_eq!(
        evaluation.budget.executed,
        Some("215457.6".parse().unwrap())
    );
    assert_eq!(evaluation.indicators[0].actual.as_deref(), Some("5200人次"));
}
