//! A 二级 answered 不适用 (not applicable) is kept as the declaration's not-applicable
//! level in every layout, never an indicator and never lost: the list reader tells such
//! rows as the form reader does, and the list and workbook writers print them.

use jixiao::read::{read, ReadOptions};
use jixiao::taxonomy::{Level1, Level2};
use jixiao::write::{write, OutputFormat};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const LIST: &str = "项目名称,一级指标,二级指标,三级指标,指标值\n\
                    示例项目,产出指标,数量指标,培训人数,≥17人\n\
                    示例项目,产出指标,成本指标,不适用,不适用\n\
                    示例项目,满意度指标,服务对象满意度指标,指标1:,\n";

#[test]
fn a_list_row_answered_not_applicable_is_no_indicator() -> TestResult {
    let reading = read(LIST.as_bytes(), &ReadOptions::named("list.csv"))?;
    let decl = &reading.document.declarations[0];
    let names: Vec<_> = decl.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["培训人数"]);
    assert_eq!(decl.not_applicable.len(), 1);
    assert_eq!(decl.not_applicable[0].level1, Some(Level1::Output));
    assert_eq!(decl.not_applicable[0].level2, Some(Level2::Cost));
    let codes: Vec<_> = reading
        .diagnostics
        .iter()
        .map(|f| f.code.as_str())
        .collect();
    assert!(codes.contains(&"not_applicable_row"), "{codes:?}");
    assert!(codes.contains(&"template_row"), "{codes:?}");
    Ok(())
}

#[test]
fn not_applicable_levels_survive_every_layout() -> TestResult {
    let document = read(LIST.as_bytes(), &ReadOptions::named("list.csv"))?.document;
    for (format, name) in [
        (OutputFormat::Csv, "back.csv"),
        (OutputFormat::Tsv, "back.tsv"),
        (OutputFormat::Form, "back.txt"),
        (OutputFormat::Xlsx, "back.xlsx"),
        (OutputFormat::Docx, "back.docx"),
    ] {
        let written = write(&document, format)?;
        let back = read(&written, &ReadOptions::named(name))?.document;
        assert_eq!(
            back.declarations[0].not_applicable, document.declarations[0].not_applicable,
            "{name}"
        );
        assert_eq!(back.declarations[0].indicators.len(), 1, "{name}");
    }
    Ok(())
}
