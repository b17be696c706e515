//! An amount that carries its own unit is converted exactly, in every reader, never
//! stripped: `265万元` under a heading in 元 is 2,650,000 元 (and a note says so), the
//! same amount under a heading in 万元 is 265 万元, whatever reads it — the form text,
//! a CSV or TSV list, an `.xlsx` list, the stream. Expected figures by hand.

use jixiao::model::MoneyUnit;
use jixiao::read::stream::declarations;
use jixiao::read::{read, ReadOptions};
use jixiao::Document;
use rust_decimal::Decimal;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

/// A list with the annual funding in a column headed in `header_unit` (or no unit).
fn list(delimiter: char, header_unit: &str, cell: &str) -> String {
    let header = [
        "项目名称".to_owned(),
        format!("年度资金总额{header_unit}"),
        "一级指标".to_owned(),
        "二级指标".to_owned(),
        "三级指标".to_owned(),
        "指标值".to_owned(),
    ];
    // A CSV cell holding the delimiter is quoted, as every spreadsheet writes it.
    let quoted = format!("\"{cell}\"");
    let cell = if cell.contains(delimiter) {
        quoted.as_str()
    } else {
        cell
    };
    let row = [
        "示例项目",
        cell,
        "产出指标",
        "数量指标",
        "培训人数",
        "≥17人",
    ];
    let sep = delimiter.to_string();
    format!("{}\n{}\n", header.join(&sep), row.join(&sep))
}

/// A form with the annual funding written `cell` in a block headed in `header_unit`.
fn form(header_unit: &str, cell: &str) -> String {
    format!(
        "财政项目支出绩效目标申报表\n项目名称\t示例项目\n项目资金 ({header_unit})\t年度资金申请总额\t{cell}\n\
         一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥17(人)\n"
    )
}

fn annual(doc: &Document) -> (Option<Decimal>, MoneyUnit) {
    let decl = &doc.declarations[0];
    (decl.funding.annual, decl.funding.unit)
}

fn converted_note(reading: &jixiao::read::Reading) -> bool {
    reading
        .diagnostics
        .iter()
        .any(|f| f.code == "money_unit_converted")
}

/// The spellings of one amount, and what each is in 元.
const CASES: [(&str, &str); 5] = [
    ("265万元", "2650000"),
    ("265 万元", "2650000"),
    ("265（万元）", "2650000"),
    ("0.5亿元", "50000000"),
    ("2,650,000元", "2650000"),
];

#[test]
fn every_text_reader_converts_an_amounts_own_unit_exactly() -> TestResult {
    for (cell, yuan) in CASES {
        let written_in_yuan = cell.ends_with("元") && !cell.contains('万') && !cell.contains('亿');
        for (text, name) in [
            (form("元", cell), "form.txt"),
            (list(',', "(元)", cell), "list.csv"),
            (list('\t', "(元)", cell), "list.tsv"),
        ] {
            let reading = read(text.as_bytes(), &ReadOptions::named(name))?;
            assert_eq!(
                annual(&reading.document),
                (Some(d(yuan)), MoneyUnit::Yuan),
                "{name}: {cell}"
            );
            assert_eq!(converted_note(&reading), !written_in_yuan, "{name}: {cell}");
            // The stream is the same reading, one declaration at a time.
            let streamed: Vec<_> = declarations(text.as_bytes(), &ReadOptions::named(name))?
                .collect::<Result<Vec<_>, _>>()?;
            assert_eq!(
                streamed[0].0.funding.annual,
                Some(d(yuan)),
                "{name} streamed: {cell}"
            );
        }
    }
    Ok(())
}

#[test]
fn an_amount_in_yuan_under_a_heading_in_wan_yuan_is_converted_down() -> TestResult {
    for (text, name) in [
        (form("万元", "2650000元"), "form.txt"),
        (list(',', "(万元)", "2650000元"), "list.csv"),
    ] {
        let reading = read(text.as_bytes(), &ReadOptions::named(name))?;
        assert_eq!(
            annual(&reading.document),
            (Some(d("265")), MoneyUnit::WanYuan),
            "{name}"
        );
        assert!(converted_note(&reading), "{name}");
    }
    Ok(())
}

#[test]
fn a_list_unit_column_after_the_amount_still_decides_the_unit() -> TestResult {
    // The unit column comes after the amount: the amount waits for it.
    let text = "项目名称,年度资金总额,金额单位,一级指标,二级指标,三级指标,指标值\n\
                示例项目,2650000元,万元,产出指标,数量指标,培训人数,≥17人\n";
    let reading = read(text.as_bytes(), &ReadOptions::named("list.csv"))?;
    assert_eq!(
        annual(&reading.document),
        (Some(d("265")), MoneyUnit::WanYuan)
    );
    assert!(converted_note(&reading));
    // A bare number is in the project's unit as it stands: no conversion, no note.
    let text = text.replace("2650000元", "265");
    let reading = read(text.as_bytes(), &ReadOptions::named("list.csv"))?;
    assert_eq!(
        annual(&reading.document),
        (Some(d("265")), MoneyUnit::WanYuan)
    );
    assert!(!converted_note(&reading));
    Ok(())
}

#[test]
fn a_workbook_list_converts_as_the_csv_does() -> TestResult {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (row, cells) in [
        [
            "项目名称",
            "年度资金总额(元)",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
        ],
        [
            "示例项目",
            "265万元",
            "产出指标",
            "数量指标",
            "培训人数",
            "≥17人",
        ],
    ]
    .iter()
    .enumerate()
    {
        for (col, text) in cells.iter().enumerate() {
            sheet.write_string(u32::try_from(row)?, u16::try_from(col)?, *text)?;
        }
    }
    let bytes = workbook.save_to_buffer()?;
    let reading = read(&bytes, &ReadOptions::named("list.xlsx"))?;
    assert_eq!(
        annual(&reading.document),
        (Some(d("2650000")), MoneyUnit::Yuan)
    );
    assert!(converted_note(&reading));
    Ok(())
}

#[test]
fn an_amount_that_is_no_number_is_kept_verbatim_with_a_warning() -> TestResult {
    let text = list(',', "(元)", "二百六十五万元");
    let reading = read(text.as_bytes(), &ReadOptions::named("list.csv"))?;
    assert_eq!(annual(&reading.document).0, None);
    assert!(reading.diagnostics.iter().any(|f| f.code == "bad_number"));
    let extra = &reading.document.declarations[0].project.extra;
    assert!(extra.values().any(|v| v == "二百六十五万元"), "{extra:?}");
    Ok(())
}

#[test]
fn actuals_convert_an_amounts_own_unit_into_the_rows_unit() -> TestResult {
    let text = "项目名称,三级指标,实际完成值,金额单位,年初预算数,全年预算数,全年执行数\n\
                示例项目,培训人数,18人,元,265万元,\"2,650,000\",258.375万元\n";
    let actuals = jixiao::actuals::read_actuals(text.as_bytes(), &ReadOptions::named("a.csv"))?;
    let budget = actuals.budgets.first().ok_or("a budget row")?;
    assert_eq!(budget.unit, MoneyUnit::Yuan);
    assert_eq!(
        (budget.initial, budget.adjusted, budget.executed),
        (Some(d("2650000")), Some(d("2650000")), Some(d("2583750")))
    );
    Ok(())
}
