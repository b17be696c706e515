//! Template variants seen in published county 自评表, in a table made by hand
//! (`tests/data/variants/county-selfeval-nutrition.txt`): a 填报单位（盖章）：… line above the
//! form, 一级 cells with their points (`产出指标（50分）`), a `上年结余结转资金` budget row of
//! dashes, `全年实际值` and `未完成原因和改进措施` columns, the 自评等级 and signature lines
//! below the total. The expectations are worked out by hand from domain.md §5–§6.

mod form_common;
use form_common::{d, read_variant, variant_text};

use jixiao::audit::audit_document;
use jixiao::read::{read, ReadOptions};
use jixiao::score::{score_document, Profile};
use rust_decimal::Decimal;

const FILE: &str = "county-selfeval-nutrition.txt";

fn reading() -> jixiao::read::Reading {
    read_variant(FILE)
}

#[test]
fn every_row_reads_as_what_it_is() {
    let reading = reading();
    // No label is left unknown: the dashes row is the carryover line, the stamp aside is
    // part of its label.
    let unknown: Vec<_> = reading
        .diagnostics
        .iter()
        .filter(|f| f.code == "unknown_header_label")
        .collect();
    assert!(unknown.is_empty(), "{unknown:#?}");
    let decl = &reading.document.declarations[0];
    assert_eq!(decl.project.code.as_deref(), Some("43012300001"));
    assert_eq!(
        decl.project
            .extra
            .get("填报单位（盖章）")
            .map(String::as_str),
        Some("某县教育局")
    );
    let e = decl.evaluation.as_ref().expect("an evaluation");
    assert_eq!(e.budget.adjusted, Some(d("520")));
    assert_eq!(e.budget.executed, Some(d("494")));
    assert_eq!(e.budget.weight, Some(d("10")));
    // 上年结余结转资金 and 其他资金 are rows of dashes: no amounts.
    assert_eq!(e.budget_carryover, None);
    assert_eq!(e.budget_other, None);
    assert_eq!(decl.indicators.len(), 8);
    assert_eq!(decl.level_points.get("产出指标"), Some(&d("50")));
    assert_eq!(decl.level_points.get("效益指标"), Some(&d("30")));
    assert_eq!(decl.level_points.get("满意度指标"), Some(&d("10")));
    assert_eq!(e.total, Some(d("99.18")));
    assert_eq!(e.grade.as_deref(), Some("优"));
}

#[test]
fn it_scores_as_worked_out_by_hand() {
    let doc = reading().document;
    let card = &score_document(&doc, &Profile::default())[0];
    // Budget: 494 / 520 = 95 % of 10 points = 9.50. 供餐天数 198 / 200 × 10 = 9.90;
    // 家长满意度 88 / 90 × 10 = 9.78 (9.777…); every other indicator met in full.
    assert_eq!(card.budget.score, Some(d("9.50")));
    assert_eq!(card.total, d("99.18"));
    assert_eq!(card.grade.as_deref(), Some("优"));
    assert!(card.complete);
    // The published figures agree with these: the audit finds nothing.
    let audits = audit_document(&doc, &Profile::default());
    assert!(audits[0].findings.is_empty(), "{:#?}", audits[0].findings);
}

/// A 申报表 with the period's and the year's columns side by side
/// (`tests/data/variants/midterm-declaration-health.txt`): `（  2024  年度）` centred with
/// spaces, a ticked box for 项目属性, 中期资金总额 beside 年度资金总额, 总体目标 with 中期目标
/// and 年度目标, and 中期指标值 beside 年度指标值 in the table.
#[test]
fn a_midterm_declaration_reads_its_year() {
    let reading = read_variant("midterm-declaration-health.txt");
    let doc = &reading.document;
    assert_eq!(doc.year, Some(2024));
    let decl = &doc.declarations[0];
    // The ticked box is the answer; the other box is not.
    assert_eq!(decl.project.nature.as_deref(), Some("新增项目"));
    assert!(reading
        .diagnostics
        .iter()
        .any(|f| f.code == "checked_option"));
    assert_eq!(decl.funding.total, Some(d("300")));
    assert_eq!(decl.funding.annual, Some(d("120")));
    assert_eq!(decl.funding.annual_fiscal, Some(d("120")));
    let overall = decl.goals.overall.as_deref().unwrap_or_default();
    let annual = decl.goals.annual.as_deref().unwrap_or_default();
    assert!(
        overall.starts_with("目标1：提升基层医疗服务能力"),
        "{overall}"
    );
    assert!(
        annual.starts_with("目标1：完成50家机构设备配置"),
        "{annual}"
    );
    // The year's value is the target; the period's is kept beside it.
    let rows: Vec<(&str, &str, Option<&str>)> = decl
        .indicators
        .iter()
        .map(|i| {
            (
                i.name.as_str(),
                i.target.text.as_str(),
                i.extra.get("中期指标值").map(String::as_str),
            )
        })
        .collect();
    assert_eq!(rows.len(), 8);
    assert_eq!(rows[0], ("设备配置机构数", "50家", Some("150家")));
    assert_eq!(rows[1], ("培训人次", "≥500人次", Some("1500人次")));
    assert_eq!(
        rows[3],
        ("年度任务完成时间", "2024年12月31日前", Some("2026年12月"))
    );
    assert_eq!(rows[5], ("县域就诊率", "≥85%", Some("≥90%")));
    // Nothing but the two filler lines is left unknown (单位名称, 项目期 have no field).
    let unknown: Vec<&str> = reading
        .diagnostics
        .iter()
        .filter(|f| f.code == "unknown_header_label")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(unknown.len(), 2, "{unknown:?}");
}

/// Without a year's column, the period's column is the target (a 中期 declaration).
#[test]
fn a_period_column_alone_is_the_target() {
    let text = "项目支出绩效目标申报表\n项目名称\t甲\n绩效指标\t一级指标\t二级指标\t三级指标\t中期指标值\n\t产出指标\t数量指标\t培训人次\t≥1500人次\n";
    let reading = read(text.as_bytes(), &ReadOptions::named("t.txt")).expect("reads");
    let i = &reading.document.declarations[0].indicators[0];
    assert_eq!(i.target.text, "≥1500人次");
    assert!(i.target.is_quantitative());
    assert!(i.extra.is_empty());
}

/// A budget system's 绩效目标表 (`tests/data/variants/system-declaration-cityops.txt`): the
/// funding as one header line (`资金总额（元） | 3,600,000.00 | 其中：财政资金 | …`, no 项目资金
/// title), and the target split into 指标性质 · 指标值 · 度量单位 columns beside 权重（%） and
/// 指标方向.
#[test]
fn a_system_export_keeps_its_funding_line_and_split_targets() {
    let reading = read_variant("system-declaration-cityops.txt");
    let unknown: Vec<_> = reading
        .diagnostics
        .iter()
        .filter(|f| f.code == "unknown_header_label")
        .collect();
    assert!(unknown.is_empty(), "{unknown:#?}");
    let decl = &reading.document.declarations[0];
    assert!(decl.project.extra.is_empty(), "{:?}", decl.project.extra);
    assert_eq!(decl.funding.unit, jixiao::model::MoneyUnit::Yuan);
    assert_eq!(decl.funding.total, Some(d("3600000")));
    assert_eq!(decl.funding.total_fiscal, Some(d("3600000")));
    let targets: Vec<(String, Option<Decimal>)> = decl
        .indicators
        .iter()
        .map(|i| {
            (
                format!(
                    "{}{}{}",
                    i.target.comparator.map_or("", |c| c.symbol()),
                    i.target.value.map(|v| v.to_string()).unwrap_or_default(),
                    i.target.unit.as_deref().unwrap_or("")
                ),
                i.weight,
            )
        })
        .collect();
    assert_eq!(
        targets,
        [
            ("=12个".to_owned(), Some(d("20"))),
            ("≥99%".to_owned(), Some(d("20"))),
            ("≤2小时".to_owned(), Some(d("10"))),
            ("≤360万元".to_owned(), Some(d("10"))),
            ("≥95%".to_owned(), Some(d("20"))),
            ("≥90%".to_owned(), Some(d("20"))),
        ]
    );
}

/// The same 自评表 with its closing rows written as `label：value` cells, as many
/// templates print them: `总分：99.18 | 自评等级：优` on one line, the deviation analysis
/// and the improvement measures each in one cell. None of them is an indicator.
#[test]
fn closing_rows_written_as_label_value_cells() {
    let text = variant_text(FILE)
        .replace(
            "总分\t\t\t\t\t\t100\t99.18\n自评等级\t优\n",
            "总分：99.18\t\t自评等级：优\n偏差大或目标未完成原因分析：雨雪天气停课\n改进措施及结果应用方案：加强应急供餐预案\n",
        );
    assert!(text.contains("总分：99.18"), "the fixture changed");
    let reading = read(text.as_bytes(), &ReadOptions::named(FILE)).expect("reads");
    let decl = &reading.document.declarations[0];
    assert_eq!(decl.indicators.len(), 8);
    let e = decl.evaluation.as_ref().expect("an evaluation");
    assert_eq!(e.total, Some(d("99.18")));
    assert_eq!(e.grade.as_deref(), Some("优"));
    assert_eq!(e.deviation_analysis.as_deref(), Some("雨雪天气停课"));
    assert_eq!(e.improvement.as_deref(), Some("加强应急供餐预案"));
}
