//! Actuals files: CSV/TSV/JSON, encodings, paths, and the errors that name the row.

use jixiao::actuals::{apply_actuals, read_actuals, ActualsError};
use jixiao::model::{Declaration, Document, Indicator, MoneyUnit};
use jixiao::read::{encoding::encode, Encoding, InputFormat, ReadOptions};
use jixiao::score::{score_document, Profile, Status};
use jixiao::taxonomy::{Level1, Level2};
use jixiao::value::Target;
use jixiao::ReadError;

fn declaration(name: &str, indicators: &[(Level1, Level2, &str, &str)]) -> Declaration {
    let mut d = Declaration::default();
    d.project.name = name.to_owned();
    for (l1, l2, n, t) in indicators {
        d.indicators
            .push(Indicator::new(Some(*l1), Some(*l2), n, Target::parse(t)));
    }
    d
}

fn document() -> Document {
    Document {
        declarations: vec![
            declaration(
                "项目甲",
                &[
                    (Level1::Output, Level2::Quantity, "培训人数", "≥100(人)"),
                    (Level1::Output, Level2::Timeliness, "项目完成及时率", "≥90%"),
                    (
                        Level1::Satisfaction,
                        Level2::ServiceSatisfaction,
                        "满意度",
                        "≥90%",
                    ),
                ],
            ),
            declaration(
                "项目乙",
                &[
                    (Level1::Output, Level2::Quantity, "购置设备", "≥5(台)"),
                    (
                        Level1::Output,
                        Level2::Timeliness,
                        "项目完成及时率",
                        "=100%",
                    ),
                ],
            ),
        ],
        ..Document::default()
    }
}

fn opts() -> ReadOptions {
    ReadOptions::named("actuals.csv")
}

#[test]
fn csv_with_projects_and_budgets() {
    let csv = "项目名称,三级指标,实际完成值,偏差原因,金额单位,全年预算数,全年执行数\n\
               项目甲,培训人数,120人,,万元,100,95\n\
               项目甲,项目完成及时率,80%,天气原因延期,万元,100,95\n\
               项目甲,满意度,92%,,万元,100,95\n\
               项目乙,购置设备,5台,,元,50000,50000\n\
               项目乙,项目完成及时率,100%,,元,50000,50000\n";
    let actuals = read_actuals(csv.as_bytes(), &opts()).expect("reads");
    assert_eq!(actuals.rows.len(), 5);
    assert_eq!(actuals.budgets.len(), 2);
    assert_eq!(actuals.budgets[0].unit, MoneyUnit::WanYuan);
    let (doc, findings) = apply_actuals(&document(), &actuals).expect("joins");
    assert!(findings.is_empty(), "{findings:?}");
    let e = doc.declarations[0].evaluation.as_ref().expect("evaluation");
    assert_eq!(e.indicators[1].deviation.as_deref(), Some("天气原因延期"));
    assert_eq!(
        e.budget.executed.map(|d| d.to_string()).as_deref(),
        Some("95")
    );
    let cards = score_document(&doc, &Profile::default());
    assert_eq!(
        cards[0].budget.score.map(|s| s.to_string()).as_deref(),
        Some("9.50")
    );
    assert!(cards.iter().all(|c| c.complete));
    // 乙 has no 效益/满意度 indicators: their 40 points cannot be earned, and it says so.
    assert_eq!(
        (cards[1].total.to_string(), cards[1].max.to_string()),
        ("60.00".into(), "60.00".into())
    );
    let empty: Vec<&str> = cards[1].flags.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(empty, ["level_empty", "level_empty"]);
}

#[test]
fn same_name_in_two_projects_needs_the_project() {
    let csv = "三级指标,实际完成值\n项目完成及时率,95%\n";
    let actuals = read_actuals(csv.as_bytes(), &opts()).expect("reads");
    let err = apply_actuals(&document(), &actuals).expect_err("ambiguous");
    assert_eq!(err.code(), "ambiguous_name");
    assert_eq!(err.location().line, Some(2));
    let message = err.to_string();
    assert!(
        message.contains("项目甲") && message.contains("项目乙"),
        "{message}"
    );
    // A unique name needs no project column.
    let csv = "三级指标,实际完成值\n购置设备,6台\n";
    let actuals = read_actuals(csv.as_bytes(), &opts()).expect("reads");
    let (doc, findings) = apply_actuals(&document(), &actuals).expect("unique");
    let e = doc.declarations[1].evaluation.as_ref().expect("evaluation");
    assert_eq!(e.indicators[0].actual.as_deref(), Some("6台"));
    // 项目甲 untouched, 乙's other indicator and budget missing.
    let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "S-project-no-actuals",
            "S-actual-missing",
            "S-budget-missing"
        ]
    );
    assert_eq!(
        findings[1].indicator.as_deref(),
        Some("产出指标/时效指标/项目完成及时率")
    );
}

#[test]
fn unknown_names_are_errors_naming_the_row() {
    let csv = "项目名称,三级指标,实际完成值\n项目甲,培训人数,120人\n项目甲,不存在的指标,1\n";
    let actuals = read_actuals(csv.as_bytes(), &opts()).expect("reads");
    let err = apply_actuals(&document(), &actuals).expect_err("unknown");
    assert!(matches!(err, ActualsError::UnknownIndicator { .. }));
    assert_eq!(err.code(), "unknown_indicator");
    assert_eq!(
        err.to_string(),
        "actuals.csv:3: unknown indicator `不存在的指标` in project `项目甲`"
    );
    let csv = "项目名称,三级指标,实际完成值\n项目丙,培训人数,120人\n";
    let actuals = read_actuals(csv.as_bytes(), &opts()).expect("reads");
    let err = apply_actuals(&document(), &actuals).expect_err("unknown project");
    assert_eq!(err.code(), "unknown_project");
    assert!(err.to_string().contains("项目甲, 项目乙"));
}

#[test]
fn missing_actuals_are_findings_and_not_scorable() {
    let csv = "项目名称,三级指标,实际完成值,全年预算数,全年执行数\n项目甲,培训人数,120人,10,10\n项目甲,满意度,,10,10\n";
    let actuals = read_actuals(csv.as_bytes(), &opts()).expect("reads");
    let (doc, findings) = apply_actuals(&document(), &actuals).expect("joins");
    let missing: Vec<&str> = findings
        .iter()
        .filter(|f| f.code == "S-actual-missing")
        .filter_map(|f| f.indicator.as_deref())
        .collect();
    assert_eq!(
        missing,
        [
            "产出指标/时效指标/项目完成及时率",
            "满意度指标/服务对象满意度指标/满意度"
        ]
    );
    let card = &score_document(&doc, &Profile::default())[0];
    assert_eq!(card.indicators[1].status, Status::NotScorable);
    assert_eq!(card.indicators[2].status, Status::NotScorable);
    assert!(!card.complete);
    assert_eq!(card.grade, None);
}

#[test]
fn paths_and_level_columns_disambiguate() {
    let mut doc = document();
    doc.declarations[0].indicators.push(Indicator::new(
        Some(Level1::Benefit),
        Some(Level2::SocialBenefit),
        "培训人数",
        Target::parse("≥50(人)"),
    ));
    let csv = "项目名称,一级指标,三级指标,实际完成值\n项目甲,效益指标,培训人数,60人\n项目甲,,产出指标/数量指标/培训人数,110人\n";
    let actuals = read_actuals(csv.as_bytes(), &opts()).expect("reads");
    let (filled, _) = apply_actuals(&doc, &actuals).expect("joins");
    let e = filled.declarations[0]
        .evaluation
        .as_ref()
        .expect("evaluation");
    assert_eq!(e.indicators[0].actual.as_deref(), Some("110人"));
    assert_eq!(e.indicators[3].actual.as_deref(), Some("60人"));
    let csv = "项目名称,三级指标,实际完成值\n项目甲,培训人数,60人\n";
    let actuals = read_actuals(csv.as_bytes(), &opts()).expect("reads");
    assert_eq!(
        apply_actuals(&doc, &actuals).expect_err("ambiguous").code(),
        "ambiguous_name"
    );
}

#[test]
fn duplicate_rows_are_a_finding() {
    let csv = "项目名称,三级指标,实际完成值\n项目乙,购置设备,4台\n项目乙,购置设备,5台\n";
    let actuals = read_actuals(csv.as_bytes(), &opts()).expect("reads");
    let (doc, findings) = apply_actuals(&document(), &actuals).expect("joins");
    assert!(findings.iter().any(|f| f.code == "S-actual-duplicate"));
    let e = doc.declarations[1].evaluation.as_ref().expect("evaluation");
    assert_eq!(e.indicators[0].actual.as_deref(), Some("5台"));
}

#[test]
fn tsv_gb18030_and_english_headers() {
    let tsv = "project\tindicator\tactual\tdeviation\tadjusted\texecuted\n项目乙\t购置设备\t5台\t\t1,000\t800\n项目乙\t项目完成及时率\t100%\t\t1,000\t800\n";
    let bytes = encode(tsv, Encoding::Gb18030);
    let actuals = read_actuals(&bytes, &ReadOptions::named("a.tsv")).expect("reads GB18030 TSV");
    assert_eq!(actuals.rows.len(), 2);
    assert_eq!(
        actuals.budgets[0]
            .adjusted
            .map(|d| d.to_string())
            .as_deref(),
        Some("1000")
    );
    let forced = ReadOptions {
        format: Some(InputFormat::Tsv),
        ..ReadOptions::default()
    };
    assert_eq!(
        read_actuals(tsv.as_bytes(), &forced)
            .expect("reads")
            .rows
            .len(),
        2
    );
}

#[test]
fn json_actuals() {
    let json = r#"{"projects": [
        {"project": "项目甲",
         "budget": {"unit": "万元", "initial": "100", "adjusted": "100", "executed": 95.5},
         "actuals": {"培训人数": "120人",
                     "产出指标/时效指标/项目完成及时率": {"actual": "85%", "deviation": "延期", "score": "9"},
                     "满意度": "93%"}},
        {"project": "项目乙", "actuals": {"购置设备": "5台", "项目完成及时率": "100%"}}
    ]}"#;
    let actuals = read_actuals(json.as_bytes(), &ReadOptions::named("a.json")).expect("reads");
    assert_eq!(actuals.rows.len(), 5);
    assert_eq!(actuals.budgets.len(), 1);
    assert_eq!(
        actuals.budgets[0]
            .executed
            .map(|d| d.to_string())
            .as_deref(),
        Some("95.5")
    );
    let (doc, findings) = apply_actuals(&document(), &actuals).expect("joins");
    let e = doc.declarations[0].evaluation.as_ref().expect("evaluation");
    assert_eq!(
        e.indicators[1].score.map(|d| d.to_string()).as_deref(),
        Some("9")
    );
    assert_eq!(e.indicators[1].deviation.as_deref(), Some("延期"));
    let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["S-budget-missing"], "乙 has no budget figures");
    // A single project object (the document has one declaration: no name needed).
    let one = Document {
        declarations: vec![document().declarations.remove(1)],
        ..Document::default()
    };
    let json = r#"{"actuals": {"购置设备": "5台", "项目完成及时率": "100%"}, "budget": {"adjusted": "10", "executed": "10"}}"#;
    let actuals = read_actuals(json.as_bytes(), &ReadOptions::default()).expect("reads");
    let (doc, findings) = apply_actuals(&one, &actuals).expect("joins");
    assert!(findings.is_empty(), "{findings:?}");
    assert!(score_document(&doc, &Profile::default())[0].complete);
}

#[test]
fn unreadable_files_are_read_errors() {
    let no_header = "a,b\n1,2\n";
    let err = read_actuals(no_header.as_bytes(), &opts()).expect_err("no header");
    assert_eq!(err.code(), "malformed");
    let bad_number = "三级指标,实际完成值,全年执行数\n培训人数,1,abc\n";
    let err = read_actuals(bad_number.as_bytes(), &opts()).expect_err("bad number");
    assert!(matches!(err, ReadError::Malformed { .. }));
    assert_eq!(err.location().line, Some(2));
    let err = read_actuals(b"{\"actuals\": 3}", &opts()).expect_err("bad json");
    assert_eq!(err.code(), "bad_json");
    let err = read_actuals(b"  \n", &opts()).expect_err("empty");
    assert_eq!(err.code(), "empty_input");
    let err = read_actuals(b"{\"actuals\": {", &opts()).expect_err("truncated json");
    assert_eq!(err.code(), "bad_json");
}

#[test]
fn xlsx_actuals() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let notes = workbook.add_worksheet();
    notes
        .write_string(0, 0, "说明：实际完成值见下一工作表")
        .expect("cell");
    let sheet = workbook.add_worksheet();
    let header = [
        "项目名称",
        "三级指标",
        "实际完成值",
        "全年预算数",
        "全年执行数",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("cell");
    }
    sheet.write_string(1, 0, "项目乙").expect("cell");
    sheet.write_string(1, 1, "购置设备").expect("cell");
    sheet.write_string(1, 2, "4台").expect("cell");
    sheet.write_number(1, 3, 50000.0).expect("cell");
    sheet.write_number(1, 4, 42500.5).expect("cell");
    sheet.write_string(2, 0, "项目乙").expect("cell");
    sheet.write_string(2, 1, "项目完成及时率").expect("cell");
    sheet.write_number(2, 2, 100).expect("cell");
    let bytes = workbook.save_to_buffer().expect("xlsx");
    let actuals =
        read_actuals(&bytes, &ReadOptions::named("actuals.xlsx")).expect("reads the workbook");
    assert_eq!(actuals.rows.len(), 2);
    assert_eq!(
        actuals.budgets[0]
            .executed
            .map(|d| d.to_string())
            .as_deref(),
        Some("42500.5")
    );
    let (doc, _) = apply_actuals(&document(), &actuals).expect("joins");
    let card = &score_document(&doc, &Profile::default())[1];
    assert_eq!(
        card.indicators[0].score.map(|s| s.to_string()).as_deref(),
        Some("20.00"),
        "4/5 × 25"
    );
    assert_eq!(
        card.indicators[1].status,
        Status::Met,
        "a bare 100 takes the target's %"
    );
    assert_eq!(
        card.budget.score.map(|s| s.to_string()).as_deref(),
        Some("8.50")
    );
    let err =
        read_actuals(b"PK\x03\x04garbage", &ReadOptions::named("bad.xlsx")).expect_err("corrupt");
    assert_eq!(err.code(), "bad_workbook");
}

proptest::proptest! {
    /// Whatever the bytes, reading and joining an actuals file never panics.
    #[test]
    fn never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400),
                    cells in proptest::collection::vec("[项目甲乙培训人数满意度,\t\n\"0-9%./{}\\[\\]a-z:]{0,12}", 0..30)) {
        let _ = read_actuals(&bytes, &ReadOptions::default());
        let text = format!("项目名称,三级指标,实际完成值,全年预算数,全年执行数,得分\n{}", cells.join(","));
        if let Ok(actuals) = read_actuals(text.as_bytes(), &opts()) {
            let _ = apply_actuals(&document(), &actuals);
        }
        let json = format!("{{\"actuals\": {{{}}}}}", cells.join(":"));
        if let Ok(actuals) = read_actuals(json.as_bytes(), &opts()) {
            let _ = apply_actuals(&document(), &actuals);
        }
    }
}
