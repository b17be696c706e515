//! Garbage, truncated and unusual forms: an error or a diagnostic with a line, never a panic.

mod form_common;

use form_common::data;
use jixiao::read::form::read_form;
use jixiao::read::ReadOptions;
use jixiao::taxonomy::{Level1, Level2};
use jixiao::write::form::write_form;
use jixiao::{Finding, ReadError};
use proptest::prelude::*;

fn opts() -> ReadOptions {
    ReadOptions::named("t.txt")
}

fn codes(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}

fn finding<'a>(findings: &'a [Finding], code: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no {code} in {findings:#?}"))
}

#[test]
fn empty_input_is_an_error() {
    for text in ["", "\n\n", "  \t \n"] {
        let err = read_form(text, &opts()).expect_err("empty");
        assert!(matches!(err, ReadError::Empty { .. }), "{err:?}");
        assert_eq!(err.location().file.as_deref(), Some("t.txt"));
        assert!(jixiao::read::read(text.as_bytes(), &opts()).is_err());
    }
}

#[test]
fn text_without_a_form_names_the_line_and_what_was_expected() {
    let err = read_form("\n\n随便写点什么\n第二行\n", &opts()).expect_err("no form");
    assert_eq!(err.code(), "no_declaration");
    assert_eq!(err.location().line, Some(3));
    assert!(err.to_string().contains("申报表"), "{err}");
}

#[test]
fn a_title_alone_is_an_error_at_the_title_line() {
    let err = read_form(
        "汇总表\n\n财政项目支出绩效目标申报表\n(2024年度)\n",
        &opts(),
    )
    .expect_err("title only");
    assert_eq!(err.code(), "malformed");
    assert_eq!(err.location().line, Some(3));
}

#[test]
fn an_empty_form_among_others_is_skipped_with_a_diagnostic() {
    let text = "财政项目支出绩效目标申报表\n\n财政项目支出绩效目标申报表\n项目名称\t甲\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t人数\t≥1人\n";
    let (doc, findings) = read_form(text, &opts()).expect("one form");
    assert_eq!(doc.declarations.len(), 1);
    assert_eq!(finding(&findings, "empty_form").line, Some(1));
}

#[test]
fn a_form_without_an_indicator_table_is_kept_with_a_diagnostic() {
    let text = "财政项目支出绩效目标申报表\n(2024年度)\n项目名称\t甲项目\t项目性质\t经常性项目\n项目资金 (万元)\t项目资金总额\t12.5\t年度资金申请总额\t10\n";
    let (doc, findings) = read_form(text, &opts()).expect("kept");
    let d = &doc.declarations[0];
    assert_eq!(d.project.name, "甲项目");
    assert_eq!(d.funding.unit, jixiao::model::MoneyUnit::WanYuan);
    assert_eq!(
        d.funding.total.map(|v| v.to_string()).as_deref(),
        Some("12.5")
    );
    assert_eq!(doc.year, Some(2024));
    let f = finding(&findings, "missing_indicator_table");
    assert_eq!(f.line, Some(1));
    assert_eq!(f.file.as_deref(), Some("t.txt"));
    assert_eq!(f.project.as_deref(), Some("甲项目"));
}

#[test]
fn a_truncated_seed_never_panics_and_keeps_what_was_read() {
    let seed = data("shanghai-eeb-enforcement-2024.txt");
    let mut cut = 0;
    while cut < seed.len() {
        let end = (0..4)
            .map(|d| cut + d)
            .find(|&e| seed.is_char_boundary(e))
            .unwrap_or(seed.len());
        let prefix = &seed[..end];
        match read_form(prefix, &opts()) {
            Ok((doc, _)) => assert!(!doc.declarations.is_empty()),
            Err(e) => assert!(
                e.location().line.is_some() || e.code() == "empty_input",
                "{e}"
            ),
        }
        cut += 97;
    }
    // Cut in the middle of the third form's table: two whole forms and a partial third.
    let lines: Vec<&str> = seed.lines().take(66).collect();
    let (doc, _) = read_form(&lines.join("\n"), &opts()).expect("partial");
    assert_eq!(doc.declarations.len(), 3);
    assert_eq!(doc.declarations[2].indicators.len(), 2);
}

#[test]
fn random_bytes_never_panic() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..300 {
        let len = (round * 37) % 2000;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        let _ = jixiao::read::read(&bytes, &opts());
        let mut with_title = "财政项目支出绩效自评表\n".as_bytes().to_vec();
        with_title.extend_from_slice(&bytes);
        if let Err(e) = jixiao::read::read(&with_title, &opts()) {
            assert!(!e.to_string().is_empty());
        }
    }
}

#[test]
fn unknown_labels_are_kept_with_diagnostics() {
    let text = "财政项目支出绩效目标申报表\n项目名称\t乙\t项目特色\t张三\n计划开始日期\t明年春天\t计划完成日期\t2024年12月31日\n项目资金(元)\t项目资金总额\t十万\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t效率指标\t办件时长\t≤3天\n\t\t\t办件数量\t≥100件\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    let d = &doc.declarations[0];
    assert_eq!(
        d.project.extra.get("项目特色").map(String::as_str),
        Some("张三")
    );
    assert_eq!(
        d.project.extra.get("计划开始日期").map(String::as_str),
        Some("明年春天")
    );
    assert_eq!(d.project.start_date, None);
    assert_eq!(
        d.project.end_date.map(|d| d.to_string()).as_deref(),
        Some("2024-12-31")
    );
    assert_eq!(finding(&findings, "bad_date").line, Some(3));
    assert_eq!(finding(&findings, "unknown_header_label").line, Some(2));
    assert_eq!(finding(&findings, "bad_money").line, Some(4));
    assert_eq!(d.funding.total, None);
    let unknown = finding(&findings, "unknown_level2");
    assert_eq!(unknown.line, Some(6));
    for i in &d.indicators {
        assert_eq!(i.level1, Some(Level1::Output));
        assert_eq!(i.level2, None);
        assert_eq!(
            i.level2_text.as_deref(),
            Some("效率指标"),
            "carried with its text"
        );
    }
    // Written back and read again: the same model, the same findings' codes.
    let (again, again_findings) = read_form(&write_form(&doc), &opts()).expect("reads back");
    assert_eq!(again, doc);
    assert!(codes(&again_findings).contains(&"unknown_level2"));
}

#[test]
fn markdown_rows_level_points_and_label_cells() {
    let text = "财政项目支出绩效目标申报表（2025年度）\n项目名称\t丙\n| 绩效 指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| --- | --- | --- | --- | --- |\n| | 产出指标(50分) | 数量指标 | 培训人次 | ≥２００人次 |\n| | | 成本指标 | 人均成本 | ≤500元 |\n| | 满意度指标（10分） | 服务对象满意度 指标 | 学员满意度 | ≥90% |\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(doc.year, Some(2025));
    let d = &doc.declarations[0];
    let levels: Vec<_> = d.indicators.iter().map(|i| (i.level1, i.level2)).collect();
    assert_eq!(
        levels,
        [
            (Some(Level1::Output), Some(Level2::Quantity)),
            (Some(Level1::Output), Some(Level2::Cost)),
            (
                Some(Level1::Satisfaction),
                Some(Level2::ServiceSatisfaction)
            ),
        ]
    );
    assert_eq!(d.indicators[0].level1_text, None);
    assert_eq!(
        d.indicators[2].level2_text, None,
        "spaces alone do not make a different label"
    );
    let points: Vec<(String, String)> = d
        .level_points
        .iter()
        .map(|(k, v)| (k.clone(), v.to_string()))
        .collect();
    assert_eq!(
        points,
        [
            ("产出指标".to_owned(), "50".to_owned()),
            ("满意度指标".to_owned(), "10".to_owned())
        ]
    );
    let written = write_form(&doc);
    assert!(written.contains("产出指标(50分)"), "{written}");
    let (again, _) = read_form(&written, &opts()).expect("reads back");
    assert_eq!(again, doc);
}

#[test]
fn a_form_without_a_title_is_read_from_its_name_row() {
    let text = "项目名称\t丁\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t人数\t≥17(人)\n效益指标\t社会效益指标\t覆盖面\t提高\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    assert_eq!(doc.declarations[0].indicators.len(), 2);
    assert_eq!(finding(&findings, "missing_form_title").line, Some(1));
}

#[test]
fn rows_out_of_their_columns_are_read_by_shape() {
    // A row shifted left by a merged cell, and one shifted right.
    let text = "财政项目支出绩效目标申报表\n项目名称\t戊\n\t一级指标\t二级指标\t三级指标\t指标值\n\t效益指标\t社会效益指标\t覆盖人数\t≥100人\n\t受益群众知晓率\t\t≥80%\t\n\t\t\t生态效益指标\t绿化面积\t≥20平方米\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    assert!(findings.is_empty(), "{findings:#?}");
    let rows: Vec<_> = doc.declarations[0]
        .indicators
        .iter()
        .map(|i| (i.level2, i.name.as_str(), i.target.text.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (Some(Level2::SocialBenefit), "覆盖人数", "≥100人"),
            (Some(Level2::SocialBenefit), "受益群众知晓率", "≥80%"),
            (Some(Level2::EcologicalBenefit), "绿化面积", "≥20平方米"),
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*") {
        let _ = read_form(&text, &opts());
    }

    #[test]
    fn form_like_text_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("财政项目支出绩效目标申报表"), Just("财政项目支出绩效自评表"), Just("(2024年度)"),
        Just("项目名称"), Just("项目资金 (元)"), Just("年度资金申请总额"), Just("其他资金"),
        Just("年初预算数"), Just("全年预算数"), Just("全年执行数"), Just("年度资金总额"),
        Just("项目总目标"), Just("年度总体目标"), Just("预期目标"), Just("实际完成情况"),
        Just("一级指标"), Just("二级指标"), Just("三级指标"), Just("指标值"), Just("分值"),
        Just("得分"), Just("总分"), Just("产出指标(50分)"), Just("数量指标"), Just("满意度指标"),
        Just("≥90%"), Just("1,000.5"), Just("—"), Just("|"), Just("---"), Just("\t"),
        Just("\t"), Just("\n"), Just("\n"), Just("x"), Just("2024-13-40"),
    ], 0..120)) {
        let text: String = parts.concat();
        if let Ok((doc, _)) = read_form(&text, &opts()) {
            // What was read can always be written back and read again.
            let written = write_form(&doc);
            let _ = read_form(&written, &opts());
        }
    }
}

#[test]
fn template_self_evaluation_in_wan_yuan() {
    // The 财预〔2020〕10号 附件2 template: blank year, 万元, a deviation note, a footer.
    let text = "项目支出绩效自评表\n（  年度）\n项目名称\t社区体育设施更新\n主管部门\t某区体育局\t实施单位\t某区体育中心\n项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\t年度资金总额\t100\t120\t108\t10\t90%\t9\n\t其中：当年财政拨款\t100\t120\t108\t—\t\t—\n\t上年结转资金\t\t\t\t—\t\t—\n\t其他资金\t\t\t\t—\t\t—\n年度总体目标\t预期目标\t\t实际完成情况\n\t更新健身点20个\t\t更新健身点18个\n绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\t产出指标\t数量指标\t更新健身点数量\t≥20个\t18个\t50\t45\t两个点位选址调整，明年完成\n\t效益指标\t社会效益指标\t居民健身便利度\t提高\t有所提高\t30\t30\t\n\t满意度指标\t服务对象满意度指标\t居民满意度\t≥90%\t92%\t10\t10\t\n总分\t\t\t\t\t\t100\t94\t\n填表人：\t李四\t联系电话：\t12345678\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    assert_eq!(doc.year, None);
    let d = &doc.declarations[0];
    assert!(!d.project.extra.contains_key("（ 年度）"));
    assert_eq!(
        d.project.extra.get("填表人").map(String::as_str),
        Some("李四")
    );
    assert_eq!(d.indicators.len(), 3, "the footer is not an indicator");
    let e = d.evaluation.as_ref().expect("evaluation");
    assert_eq!(e.unit, jixiao::model::MoneyUnit::WanYuan);
    assert_eq!(
        e.budget.adjusted.map(|v| v.to_string()).as_deref(),
        Some("120")
    );
    assert_eq!(e.budget_carryover.as_ref().and_then(|b| b.initial), None);
    assert_eq!(
        e.indicators[0].deviation.as_deref(),
        Some("两个点位选址调整，明年完成")
    );
    assert_eq!(e.indicators[0].actual.as_deref(), Some("18个"));
    assert_eq!(e.indicators[1].deviation, None);
    assert_eq!(e.total.map(|v| v.to_string()).as_deref(), Some("94"));
    assert_eq!(e.goal_achieved.as_deref(), Some("更新健身点18个"));
    assert_eq!(d.goals.annual.as_deref(), Some("更新健身点20个"));
    assert!(
        findings.iter().all(|f| f.code == "unknown_header_label"),
        "{findings:#?}"
    );
    let (again, _) = read_form(&write_form(&doc), &opts()).expect("reads back");
    assert_eq!(again, doc);
}

#[test]
fn funding_by_columns_and_by_sides() {
    // Labels on one row, values on the next.
    let text = "财政项目支出绩效目标申报表\n项目名称\t己\n项目资金（万元）\t年度资金总额\t财政拨款\t上年结转资金\t其他资金\n\t50\t40\t\t10\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t人数\t≥1人\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    assert!(findings.is_empty(), "{findings:#?}");
    let f = &doc.declarations[0].funding;
    let show = |v: Option<rust_decimal::Decimal>| v.map(|v| v.to_string());
    assert_eq!(show(f.annual).as_deref(), Some("50"));
    assert_eq!(show(f.annual_fiscal).as_deref(), Some("40"));
    assert_eq!(
        f.annual_carryover, None,
        "an empty cell is absent, not zero"
    );
    assert_eq!(show(f.annual_other).as_deref(), Some("10"));
    assert_eq!(f.total, None);
    // The central form: 中期资金总额 on the left, 年度资金总额 on the right, 财政拨款 on both.
    let text = "项目支出绩效目标申报表\n项目名称\t庚\n项目资金（万元）\t中期资金总额：\t300\t年度资金总额：\t100\n\t其中：财政拨款\t240\t其中：财政拨款\t80\n\t其他资金\t60\t其他资金\t20\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t人数\t≥1人\n";
    let (doc, _) = read_form(text, &opts()).expect("reads");
    let f = &doc.declarations[0].funding;
    let got: Vec<Option<String>> = [
        f.total,
        f.total_fiscal,
        f.total_other,
        f.annual,
        f.annual_fiscal,
        f.annual_other,
    ]
    .into_iter()
    .map(show)
    .collect();
    let want: Vec<Option<String>> = ["300", "240", "60", "100", "80", "20"]
        .iter()
        .map(|s| Some((*s).to_owned()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn untitled_forms_split_at_each_project_name() {
    let text = "项目名称\t甲\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t人数\t≥1人\n项目名称\t乙\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t件数\t≥2件\n";
    let (doc, _) = read_form(text, &opts()).expect("reads");
    let names: Vec<&str> = doc
        .declarations
        .iter()
        .map(|d| d.project.name.as_str())
        .collect();
    assert_eq!(names, ["甲", "乙"]);
    assert!(doc.declarations.iter().all(|d| d.indicators.len() == 1));
}

#[test]
fn an_indicator_named_like_a_level_label_stays_an_indicator() {
    let text = "财政项目支出绩效目标申报表\n项目名称\t辛\n\t一级指标\t二级指标\t三级指标\t指标值\n\t满意度指标\t服务对象满意度指标\t知晓度\t≥80%\n\t\t\t满意度\t≥90%\n\t产出指标(40分)\n\t\t数量指标\n\t\t\t人数\t≥5人\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    let rows: Vec<_> = doc.declarations[0]
        .indicators
        .iter()
        .map(|i| (i.level1, i.level2, i.name.as_str(), i.target.text.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                Some(Level1::Satisfaction),
                Some(Level2::ServiceSatisfaction),
                "知晓度",
                "≥80%"
            ),
            (
                Some(Level1::Satisfaction),
                Some(Level2::ServiceSatisfaction),
                "满意度",
                "≥90%"
            ),
            (Some(Level1::Output), Some(Level2::Quantity), "人数", "≥5人"),
        ]
    );
    assert_eq!(
        doc.declarations[0]
            .level_points
            .get("产出指标")
            .map(|p| p.to_string())
            .as_deref(),
        Some("40")
    );
    // Group rows with indicators under them are normal.
    assert!(findings.is_empty(), "{findings:#?}");
    // A group row with nothing under it is noted.
    let text = format!("{text}\t效益指标\t社会效益指标\n");
    let (_, findings) = read_form(&text, &opts()).expect("reads");
    assert_eq!(finding(&findings, "row_without_indicator").line, Some(9));
    assert_eq!(findings.len(), 1, "{findings:#?}");
}

#[test]
fn comparator_and_unit_in_columns_of_their_own() {
    let text = "财政项目支出绩效目标申报表\n项目名称\t壬\n\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t权重(%)\t备注\n\t产出指标\t数量指标\t培训人次\t≥\t200\t人次\t20\t\n\t\t质量指标\t合格率\t=\t100\t%\t10\t抽查\n\t\t时效指标\t按时完成\t定性\t及时\t\t10\t\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    assert!(findings.is_empty(), "{findings:#?}");
    let d = &doc.declarations[0];
    let t = &d.indicators[0].target;
    assert_eq!(t.kind, jixiao::value::TargetKind::Quantitative);
    assert_eq!(t.comparator, Some(jixiao::value::Comparator::AtLeast));
    assert_eq!(t.unit.as_deref(), Some("人次"));
    assert_eq!(d.indicators[1].target.unit.as_deref(), Some("%"));
    assert_eq!(
        d.indicators[1].extra.get("备注").map(String::as_str),
        Some("抽查")
    );
    assert_eq!(
        d.indicators[2].direction,
        Some(jixiao::model::Direction::Qualitative)
    );
    let weights: Vec<String> = d
        .indicators
        .iter()
        .filter_map(|i| i.weight)
        .map(|w| w.to_string())
        .collect();
    assert_eq!(weights, ["20", "10", "10"]);
    let written = write_form(&doc);
    let (again, _) = read_form(&written, &opts()).expect("reads back");
    assert_eq!(again, doc, "{written}");
}

#[test]
fn a_document_title_that_looks_like_a_form_title() {
    let text = "某区文旅局2024年度部门项目绩效目标申报表\n\n财政项目支出绩效目标申报表\n项目名称\t<p>癸</p>\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t场次\t<p>≥10场</p>\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(
        doc.title.as_deref(),
        Some("某区文旅局2024年度部门项目绩效目标申报表")
    );
    assert_eq!(doc.year, Some(2024));
    assert_eq!(doc.declarations[0].project.name, "癸");
    assert_eq!(doc.declarations[0].indicators[0].target.text, "≥10场");
}

#[test]
fn labels_split_down_merged_cells() {
    // PDF extraction writes a vertical merged cell's text a piece per row.
    let text = "财政项目支出绩效目标申报表\n项目名称\t子\n项目资金\t项目资金总额\t\t年度资金申请总额\t30\n(万元)\t其中：财政资金\t\t其中：当年财政拨款\t30\n项目\t项目总目标\t\t年度总体目标\n绩效目标\t总目标文本\t\t年度目标文本\n\t一级指标\t二级指标\t三级指标\t指标值\n绩效\t产出指标\t数量指标\t场次\t≥10场\n指标\t\t质量指标\t合格率\t100%\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    assert!(findings.is_empty(), "{findings:#?}");
    let d = &doc.declarations[0];
    assert_eq!(d.funding.unit, jixiao::model::MoneyUnit::WanYuan);
    assert_eq!(
        d.funding.annual_fiscal.map(|v| v.to_string()).as_deref(),
        Some("30")
    );
    assert_eq!(d.goals.overall.as_deref(), Some("总目标文本"));
    assert_eq!(d.goals.annual.as_deref(), Some("年度目标文本"));
    let names: Vec<&str> = d.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["场次", "合格率"]);
    assert_eq!(d.indicators[1].level2, Some(Level2::Quality));
}

#[test]
fn a_wrapped_cell_continues_the_indicator_above() {
    let text = "财政项目支出绩效目标申报表\n项目名称\t丑\n\t一级指标\t二级指标\t三级指标\t指标值\n\t效益指标\t社会效益指标\t执法效能\t对提升执法效能有积极\n\t\t\t\t促进作用\n\t满意度指标\t服务对象满意度指标\t满意度\t≥90%\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    let d = &doc.declarations[0];
    assert_eq!(d.indicators.len(), 2);
    assert_eq!(d.indicators[0].target.text, "对提升执法效能有积极促进作用");
    assert_eq!(finding(&findings, "continued_row").line, Some(5));
}

#[test]
fn read_detects_an_untitled_form() {
    let text =
        "项目名称\t寅\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t人数\t≥1人\n";
    let reading = jixiao::read::read(text.as_bytes(), &ReadOptions::default()).expect("reads");
    assert_eq!(reading.format, jixiao::InputFormat::Form);
    assert_eq!(reading.document.declarations[0].project.name, "寅");
}

#[test]
fn an_excel_date_serial_where_a_date_is_meant() {
    // A deadline cell pasted from a spreadsheet as its serial number reads as the list
    // reader reads it: the text kept, the date in the extra field, a finding on its line.
    let text = "财政项目支出绩效目标申报表\n项目名称\t寅\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t时效指标\t资金到位时间\t44,561\n\t\t数量指标\t场次\t44,561\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    let d = &doc.declarations[0];
    let deadline = &d.indicators[0];
    assert_eq!(deadline.target.text, "44,561");
    assert_eq!(deadline.target.kind, jixiao::value::TargetKind::Qualitative);
    assert_eq!(
        deadline.extra.get("指标值日期").map(String::as_str),
        Some("2021-12-31")
    );
    assert_eq!(finding(&findings, "excel_date_serial").line, Some(4));
    // Where no date is meant, the number is a number.
    let count = &d.indicators[1];
    assert_eq!(
        count.target.value.map(|v| v.to_string()).as_deref(),
        Some("44561")
    );
    assert!(count.extra.is_empty());
    let written = write_form(&doc);
    let (again, _) = read_form(&written, &opts()).expect("reads back");
    assert_eq!(again, doc, "{written}");
}

#[test]
fn an_amount_with_its_own_unit_is_converted_exactly_never_stripped() {
    let text = "财政项目支出绩效目标申报表\n项目名称\t甲\n项目资金 (元)\t年度资金总额\t265万元\n\t其中：财政拨款\t2650000\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥200人次\n";
    let (doc, findings) = read_form(text, &opts()).expect("reads");
    let f = &doc.declarations[0].funding;
    assert_eq!(f.unit, jixiao::model::MoneyUnit::Yuan);
    assert_eq!(f.annual.map(|d| d.to_string()).as_deref(), Some("2650000"));
    assert_eq!(
        f.annual_fiscal.map(|d| d.to_string()).as_deref(),
        Some("2650000")
    );
    let note = finding(&findings, "money_unit_converted");
    assert_eq!(note.line, Some(3));
    assert!(
        note.message.contains("265万元") && note.message.contains("元"),
        "{note:?}"
    );
    // The same amount in a block in 万元 needs no conversion and no note.
    let wan = text
        .replace("项目资金 (元)", "项目资金 (万元)")
        .replace("2650000", "265");
    let (doc, findings) = read_form(&wan, &opts()).expect("reads");
    assert_eq!(
        doc.declarations[0]
            .funding
            .annual
            .map(|d| d.to_string())
            .as_deref(),
        Some("265")
    );
    assert!(
        !codes(&findings).contains(&"money_unit_converted"),
        "{findings:#?}"
    );
}
