//! The list layout reader (清单式) on the real example (`formats.md` §B) and on tables
//! with the shapes real exports have.
#![allow(clippy::unwrap_used)] // test helpers build fixtures that cannot fail

use jixiao::model::{Direction, Document};
use jixiao::read::encoding::{encode, Encoding};
use jixiao::read::list::{read_table, sniff_delimiter, TARGET_DATE_KEY};
use jixiao::read::{read, InputFormat, ReadOptions, Reading};
use jixiao::taxonomy::Level2;
use jixiao::value::{Comparator, TargetKind};

const EXAMPLE: &str = include_str!("../../tests/data/list-example.csv");
const GOLDEN: &str = "../tests/golden/list-example.json";

fn example() -> Reading {
    read(EXAMPLE.as_bytes(), &ReadOptions::named("list-example.csv")).unwrap()
}

fn read_text(text: &str) -> Reading {
    match read(text.as_bytes(), &ReadOptions::named("t.csv")) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn example_has_two_declarations_of_11_and_5() {
    let reading = example();
    assert_eq!(reading.format, InputFormat::Csv);
    let decls = &reading.document.declarations;
    assert_eq!(decls.len(), 2);
    assert_eq!(decls[0].project.name, "再生资源回收市场管理经费");
    assert_eq!(decls[0].indicators.len(), 11);
    assert_eq!(decls[1].project.name, "生态环境执法工作能力建设");
    assert_eq!(decls[1].indicators.len(), 5);
    assert_eq!(
        decls[1].project.implementer.as_deref(),
        Some("上海市生态环境局执法总队")
    );
    assert_eq!(decls[0].indicators[0].source.line, 2);
}

#[test]
fn wuhai_cost_rows_are_reverse_targets_in_wan_yuan_with_the_conflict_reported() {
    let reading = example();
    let decl = &reading.document.declarations[0];
    let costs: Vec<_> = decl
        .indicators
        .iter()
        .filter(|i| i.level2 == Some(Level2::Cost))
        .collect();
    assert_eq!(costs.len(), 5);
    for cost in &costs {
        assert_eq!(cost.direction, Some(Direction::Decrease), "{}", cost.name);
        assert_eq!(cost.target.kind, TargetKind::Quantitative, "{}", cost.name);
        assert_eq!(cost.target.comparator, Some(Comparator::Equal));
        assert!(cost
            .target
            .unit
            .as_deref()
            .is_some_and(|u| u.starts_with("万元")));
    }
    let total = costs.iter().find(|i| i.name == "出差总成本").unwrap();
    assert_eq!(total.target.text, "1");
    assert_eq!(total.target.value, Some(1.into()));
    assert_eq!(total.target.unit.as_deref(), Some("万元"));
    let conflicts: Vec<_> = reading
        .diagnostics
        .iter()
        .filter(|f| f.code == "direction_conflict")
        .collect();
    assert_eq!(conflicts.len(), 5);
    let lines: Vec<u32> = conflicts.iter().filter_map(|f| f.line).collect();
    assert_eq!(lines, [8, 9, 10, 11, 12]);
    assert!(
        conflicts[0].message.contains("第8行第7列（指标性质）"),
        "{}",
        conflicts[0].message
    );
    assert!(conflicts[0].message.contains("反向") && conflicts[0].message.contains('='));
    assert_eq!(conflicts[0].file.as_deref(), Some("list-example.csv"));
    assert_eq!(
        conflicts[0].project.as_deref(),
        Some("再生资源回收市场管理经费")
    );
    // 正向 beside `=` is not a contradiction (`=` with T > 0 scores as 正向).
    assert_eq!(decl.indicators[0].direction, Some(Direction::Increase));
}

#[test]
fn comparator_and_unit_columns_make_the_typed_target() {
    let reading = example();
    let decl = &reading.document.declarations[0];
    let trips = &decl.indicators[1];
    assert_eq!(trips.target.text, "24");
    assert_eq!(trips.target.comparator, Some(Comparator::Equal));
    assert_eq!(trips.target.unit.as_deref(), Some("人/次"));
    let second = &reading.document.declarations[1];
    let plan = &second.indicators[0];
    assert_eq!(plan.target.text, "1.00");
    assert_eq!(plan.target.comparator, Some(Comparator::AtLeast));
    assert_eq!(
        plan.target.value.map(|v| v.to_string()).as_deref(),
        Some("1.00")
    );
    assert_eq!(plan.target.unit.as_deref(), Some("套"));
    let effect = &second.indicators[3];
    assert_eq!(effect.target.kind, TargetKind::Qualitative);
    assert_eq!(effect.direction, Some(Direction::Qualitative));
    // Unknown columns are kept, even when empty nowhere … and 备注 is empty everywhere.
    assert!(decl
        .indicators
        .iter()
        .all(|i| !i.extra.contains_key("备注")));
}

#[test]
fn date_serial_is_understood_as_2021_12_31() {
    let reading = example();
    let decl = &reading.document.declarations[0];
    let dated: Vec<_> = decl
        .indicators
        .iter()
        .filter(|i| i.extra.contains_key(TARGET_DATE_KEY))
        .collect();
    assert_eq!(dated.len(), 2);
    for indicator in dated {
        assert_eq!(indicator.target.text, "44,561");
        assert_eq!(indicator.extra[TARGET_DATE_KEY], "2021-12-31");
        assert_eq!(
            indicator.target.unit, None,
            "the serial in the unit cell is not a unit"
        );
    }
    let serials: Vec<_> = reading
        .diagnostics
        .iter()
        .filter(|f| f.code == "excel_date_serial")
        .collect();
    assert_eq!(serials.len(), 2);
    assert!(serials[0].message.contains("2021-12-31"));
    // A count that happens to look like a serial is not a date.
    let text = "项目名称,二级指标,三级指标,指标值\n甲,数量指标,印刷份数,\"44,561\"\n";
    let reading = read_text(text);
    let indicator = &reading.document.declarations[0].indicators[0];
    assert!(!indicator.extra.contains_key(TARGET_DATE_KEY));
    assert_eq!(indicator.target.kind, TargetKind::Quantitative);
}

#[test]
fn golden_json() {
    let json = jixiao::write::json::to_json(&example().document);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &json).unwrap();
    }
    let golden = std::fs::read_to_string(&path).expect("tests/golden/list-example.json");
    assert_eq!(
        json, golden,
        "regenerate with UPDATE_GOLDEN=1 after checking the diff"
    );
    // The golden file is canonical JSON that reads back to the same document.
    let back = read(golden.as_bytes(), &ReadOptions::default())
        .unwrap()
        .document;
    assert_eq!(back, example().document);
}

#[test]
fn gb18030_and_tsv_read_the_same() {
    let expected: Document = example().document;
    let gb = encode(EXAMPLE, Encoding::Gb18030);
    assert!(std::str::from_utf8(&gb).is_err());
    let reading = read(&gb, &ReadOptions::named("list-example.csv")).unwrap();
    assert_eq!(reading.encoding, "GB18030");
    assert_eq!(reading.document, expected);
    // CRLF line ends and a BOM, as Excel saves "CSV UTF-8".
    let excel = format!("\u{feff}{}", EXAMPLE.replace('\n', "\r\n"));
    assert_eq!(read_text(&excel).document, expected);
    // TSV: the same cells separated by TABs.
    let tsv: String = EXAMPLE
        .lines()
        .map(|line| {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(line.as_bytes());
            let record = reader.records().next().unwrap().unwrap();
            record.iter().collect::<Vec<_>>().join("\t") + "\n"
        })
        .collect();
    assert_eq!(sniff_delimiter(&tsv), Some(b'\t'));
    let reading = read(tsv.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(reading.format, InputFormat::Tsv);
    assert_eq!(reading.document, expected);
}

#[test]
fn columns_in_any_order_with_spaces_and_full_width() {
    let text = "２０２４年度项目支出绩效自评表\n\
                单位：万元\n\
                \"指标 名称\",\"分值\",\"项目 名称\",年度指标值,实际完成值,得分,偏差原因,全年预算数,全年执行数,预算执行率分值,预算执行率得分,总分,一级指标,二级指标,负责处室\n\
                培训人次,20,体育赛事,≥5000人次,5200人次,20,,250000.00,215457.60,10,8.62,98.62,产出指标,数量指标,竞赛处\n\
                满意率,10,体育赛事,≥90%,85%,9.44,\"部分群众不满意，\n下年改进\",,,,,,满意度指标,服务对象满意度指标,\n";
    let reading = read_text(text);
    assert_eq!(reading.format, InputFormat::Csv);
    let doc = &reading.document;
    assert_eq!(doc.title.as_deref(), Some("２０２４年度项目支出绩效自评表"));
    assert_eq!(doc.year, Some(2024));
    let decl = &doc.declarations[0];
    assert_eq!(decl.project.name, "体育赛事");
    assert_eq!(decl.indicators.len(), 2);
    assert_eq!(decl.indicators[1].weight, Some(10.into()));
    assert_eq!(decl.indicators[0].extra["负责处室"], "竞赛处");
    let evaluation = decl.evaluation.as_ref().expect("a self-evaluation");
    assert_eq!(evaluation.unit, jixiao::model::MoneyUnit::WanYuan);
    assert_eq!(
        evaluation.budget.adjusted.map(|d| d.to_string()).as_deref(),
        Some("250000.00")
    );
    assert_eq!(
        evaluation.budget.score.map(|d| d.to_string()).as_deref(),
        Some("8.62")
    );
    assert_eq!(
        evaluation.total.map(|d| d.to_string()).as_deref(),
        Some("98.62")
    );
    assert_eq!(evaluation.indicators.len(), 2);
    assert_eq!(evaluation.indicators[1].actual.as_deref(), Some("85%"));
    assert_eq!(
        evaluation.indicators[1].deviation.as_deref(),
        Some("部分群众不满意，\n下年改进")
    );
    assert_eq!(decl.indicators[1].source.line, 5);
}

#[test]
fn merged_cells_carry_over_and_projects_group_in_first_seen_order() {
    let text = "项目名称,项目编码,一级指标,二级指标,三级指标,指标值\n\
                甲,001,产出指标,数量指标,a,1个\n\
                ,,,,b,2个\n\
                乙,002,效益指标,社会效益指标,c,提高\n\
                甲,001,产出指标,质量指标,d,100%\n\
                甲,003,产出指标,数量指标,e,3个\n\
                合计,,,,,\n";
    let reading = read_text(text);
    let decls = &reading.document.declarations;
    let summary: Vec<(String, Option<String>, Vec<String>)> = decls
        .iter()
        .map(|d| {
            (
                d.project.name.clone(),
                d.project.code.clone(),
                d.indicators.iter().map(|i| i.name.clone()).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "甲".into(),
                Some("001".into()),
                vec!["a".into(), "b".into(), "d".into()]
            ),
            ("乙".into(), Some("002".into()), vec!["c".into()]),
            ("甲".into(), Some("003".into()), vec!["e".into()]),
        ]
    );
    assert_eq!(decls[0].indicators[1].level2, Some(Level2::Quantity));
    assert!(reading
        .diagnostics
        .iter()
        .any(|f| f.code == "ignored_row" && f.line == Some(7)));
}

#[test]
fn bad_cells_are_kept_and_reported_with_row_and_column() {
    let text = "项目名称,三级指标,指标值,权重,计划开始日期,符号\n\
                甲,a,≥1个,十分,2024年13月1日,约\n\
                甲,b,≥1个,5,2024-01-01,≥\n";
    let reading = read_text(text);
    let decl = &reading.document.declarations[0];
    let a = &decl.indicators[0];
    assert_eq!(a.weight, None);
    assert_eq!(a.extra["权重"], "十分");
    assert_eq!(a.extra["符号"], "约");
    assert_eq!(decl.project.extra["计划开始日期"], "2024年13月1日");
    let codes: Vec<(&str, Option<u32>)> = reading
        .diagnostics
        .iter()
        .map(|f| (f.code.as_str(), f.line))
        .collect();
    for expected in [
        ("bad_weight", Some(2)),
        ("bad_date", Some(2)),
        ("unknown_sign", Some(2)),
        ("inconsistent_project_field", Some(3)),
    ] {
        assert!(codes.contains(&expected), "{expected:?} in {codes:?}");
    }
    let weight = reading
        .diagnostics
        .iter()
        .find(|f| f.code == "bad_weight")
        .unwrap();
    assert!(
        weight.message.contains("第2行第4列（权重）"),
        "{}",
        weight.message
    );
    assert!(
        weight.message_en.contains("line 2, column 4 (权重)"),
        "{}",
        weight.message_en
    );
}

#[test]
fn missing_columns_and_missing_header_are_errors() {
    let err = read(
        "汇总表\n一级指标,二级指标,三级指标,指标值\n产出指标,数量指标,a,1\n".as_bytes(),
        &ReadOptions {
            format: Some(InputFormat::Csv),
            ..ReadOptions::named("x.csv")
        },
    )
    .unwrap_err();
    assert_eq!(err.code(), "malformed");
    assert_eq!(err.location().line, Some(2));
    assert!(err.to_string().starts_with("x.csv:2:"), "{err}");
    assert!(err.to_string().contains("项目名称"), "{err}");

    let err = read(
        "项目名称,一级指标,二级指标,指标值\n甲,产出指标,数量指标,1\n".as_bytes(),
        &ReadOptions {
            format: Some(InputFormat::Csv),
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("三级指标"), "{err}");

    let err = read(
        "a,b,c\n1,2,3\n".as_bytes(),
        &ReadOptions {
            format: Some(InputFormat::Csv),
            ..ReadOptions::named("y.csv")
        },
    )
    .unwrap_err();
    assert_eq!(err.code(), "no_declaration");
    assert!(err.to_string().starts_with("y.csv:1"), "{err}");

    let err = read_table(&[], &[], &ReadOptions::default()).unwrap_err();
    assert_eq!(err.code(), "no_declaration");
}

#[test]
fn hostile_text_never_panics() {
    for text in [
        "项目名称,三级指标\n\"unterminated",
        "项目名称,三级指标\n,,,,,,,,,,,,\n",
        "| 项目名称 | 三级指标 |\n|---|\n| \\",
        "项目名称\t三级指标\n\t\t\t\n甲\n",
        "\"\"\"",
    ] {
        let _ = read(text.as_bytes(), &ReadOptions::default());
        let _ = read(
            text.as_bytes(),
            &ReadOptions {
                format: Some(InputFormat::Csv),
                ..ReadOptions::default()
            },
        );
    }
}

#[test]
fn declaration_exports_with_a_money_unit_are_not_self_evaluations() {
    let text = "项目名称,三级指标,年度(/项目)指标值,权重(%),金额单位,年度资金申请总额\n\
                甲,a,≥1个,10%,万元,265.5\n";
    let reading = read_text(text);
    let decl = &reading.document.declarations[0];
    assert_eq!(decl.evaluation, None);
    assert_eq!(decl.funding.unit, jixiao::model::MoneyUnit::WanYuan);
    assert_eq!(
        decl.funding.annual.map(|d| d.to_string()).as_deref(),
        Some("265.5")
    );
    assert_eq!(decl.indicators[0].weight, Some(10.into()));
    assert_eq!(decl.indicators[0].target.text, "≥1个");
}

/// A self-evaluation export whose headers no name of the list table spells, read by
/// meaning: 单位名称 is the unit whose project it is, 全年实际值 the actual,
/// 未完成原因分析 the deviation; 序号 stays an extra column.
#[test]
fn headers_read_by_meaning() {
    let text = "序号,单位名称,项目名称,项目编码,一级指标,二级指标,三级指标,年度指标值,全年实际值,分值,得分,未完成原因分析\n\
                1,某区民政局,社区养老服务补助,P001,产出指标,数量指标,助餐服务人次,≥50000人次,52000人次,20,20,\n\
                2,某区民政局,社区养老服务补助,P001,效益指标,社会效益指标,老年人助餐覆盖率,≥60%,55%,30,27.5,覆盖率未达预期\n";
    let reading = read_text(text);
    let decl = &reading.document.declarations[0];
    assert_eq!(decl.project.implementer.as_deref(), Some("某区民政局"));
    assert_eq!(decl.indicators.len(), 2);
    let e = decl.evaluation.as_ref().expect("an evaluation");
    assert_eq!(e.indicators[1].actual.as_deref(), Some("55%"));
    assert_eq!(e.indicators[1].deviation.as_deref(), Some("覆盖率未达预期"));
    assert!(!decl.indicators[1].extra.contains_key("未完成原因分析"));
    assert_eq!(
        decl.indicators[0].extra.get("序号").map(String::as_str),
        Some("1")
    );
}
