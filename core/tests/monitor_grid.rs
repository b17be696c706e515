//! The monitoring table from office files: as a grid (what every office source hands
//! over) and as a real `.xlsx` workbook with numbers in number cells. It reads as its
//! text does.

use jixiao::monitor::{monitor_document, Colour, MonitorPolicy, Reason};
use jixiao::read::grid::{read_grids, Grid, GridSource};
use jixiao::read::list::{RawRow, RawTable};

fn example_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/monitor-example-constructed.txt"
    );
    std::fs::read_to_string(path).expect("test data")
}

fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

fn check(doc: &jixiao::Document) {
    let m = doc.declarations[0].monitoring.as_ref().expect("test data");
    assert_eq!(m.month, Some(7));
    assert_eq!(doc.declarations[0].indicators.len(), 5);
    assert_eq!(
        m.indicators[3].reasons,
        Some(vec![Reason::Rules, Reason::Other])
    );
    let r = monitor_document(doc, None, &MonitorPolicy::default()).expect("test data");
    assert_eq!(
        r[0].budget.progress,
        Some("85.71".parse().expect("test data"))
    );
    assert_eq!(r[0].budget.colour, Some(Colour::Green));
    assert_eq!(r[0].colour, Some(Colour::Red));
}

#[test]
fn a_grid_reads_as_the_text() {
    let table = RawTable {
        rows: rows(&example_text())
            .into_iter()
            .enumerate()
            .map(|(i, cells)| RawRow {
                line: u32::try_from(i + 1).expect("test data"),
                cells,
            })
            .collect(),
        sheet: Some("监控表".to_owned()),
        first_column: 0,
    };
    let source = GridSource {
        kind: "workbook",
        part: "sheet",
        part_zh: "工作表",
    };
    let (doc, _) = read_grids(
        vec![Grid {
            table,
            merged: Vec::new(),
        }],
        source,
        &Default::default(),
    )
    .expect("test data");
    check(&doc);
    let text = jixiao::read(example_text().as_bytes(), &Default::default()).expect("test data");
    assert_eq!(doc.declarations, text.document.declarations);
}

#[cfg(feature = "xlsx")]
#[test]
fn an_xlsx_workbook_reads_as_the_text() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (i, row) in rows(&example_text()).iter().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            let (r, c) = (
                u32::try_from(i).expect("test data"),
                u16::try_from(j).expect("test data"),
            );
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r, c, n).map(|_| ()),
                Err(_) => sheet.write_string(r, c, cell).map(|_| ()),
            }
            .expect("test data");
        }
    }
    let bytes = book.save_to_buffer().expect("test data");
    let reading =
        jixiao::read(&bytes, &jixiao::ReadOptions::named("monitor.xlsx")).expect("test data");
    assert_eq!(reading.format, jixiao::InputFormat::Xlsx);
    check(&reading.document);
    let m = reading.document.declarations[0]
        .monitoring
        .as_ref()
        .expect("test data");
    assert_eq!(
        m.budget.executed,
        Some("1325000".parse().expect("test data"))
    );
}

/// A header repeated without its 一级 column resets the carried levels: the rows under
/// it have no 一级, and the reader says so (as the form reader does), so that a writer's
/// text may settle on the carried level instead (fuzz/regressions/read_form/
/// monitor-header-repeated.txt).
#[test]
fn rows_without_levels_are_reported() {
    let text = "项目支出绩效目标执行监控表\n\
        绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t1-7月执行情况\t全年预计完成情况\n\
        \t产出指标\t数量指标\t聘用人员数量\t≥17(人)\t17人\t17人\n\
        三级指标\t年度指标值\t1-7月执行情况\t全年预计完成情况\n\
        热线受理人员满意度\t满意\t满意\t满意\n";
    let reading = jixiao::read::read(text.as_bytes(), &jixiao::read::ReadOptions::default())
        .expect("a monitoring table");
    let d = &reading.document.declarations[0];
    assert_eq!(d.indicators.len(), 2);
    assert_eq!(d.indicators[1].level1, None);
    let codes: Vec<&str> = reading
        .diagnostics
        .iter()
        .map(|f| f.code.as_str())
        .collect();
    assert!(codes.contains(&"missing_level1"), "{codes:?}");
    assert!(codes.contains(&"missing_level2"), "{codes:?}");
}
