//! List exports (清单式, `formats.md` §B) of other finance 一体化 systems than the one in
//! `tests/real/`, made by hand by `tests/data/variants/make_list_variants.py`:
//!
//! - `yitihua-declaration-repeated.csv`: one row per indicator with the project fields
//!   (项目代码 · 项目名称 · 单位名称 · 主管部门 · 资金总额（万元） · 财政资金) repeated,
//!   指标性质 (定量/定性) and 计算符号 columns, 指标权重, 指标解释 / 评分标准 columns, two projects, a `不适用` row
//!   and a row with a blank 三级;
//! - `city-targets-titled.xlsx`: a title merged across the sheet, a line
//!   `编制单位：… | … | 单位：万元` above the header, headers in another order with
//!   synonyms (绩效指标名称, 目标值, 度量单位, 分值), project and 一级 cells merged down
//!   their rows, a 合计 row with figures and a note below;
//! - `county-selfeval-gbk.csv`: a 自评 export in GBK with the budget (年初预算数（万元） ·
//!   调整后预算数 · 实际执行数) repeated per row, 实际完成值 and 得分;
//! - `district-selfeval-grouped.xlsx`: a 自评 export with a two-row header, 预算执行情况（万元）
//!   merged over 年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 · 得分 and 绩效指标 over
//!   the indicator columns with their own 分值 · 得分, project and budget cells merged down;
//! - `unit-workbook-per-project.xlsx`: one sheet per project, the project fields written
//!   above each sheet's indicator table (`项目名称：…`, `项目编码 | …`, `主管部门：… | 单位：万元`,
//!   `年度资金总额：…`), the table without a 项目名称 column.
//!
//! Every expectation is worked out by hand from domain.md §1–§5 and formats.md §B.
#![allow(clippy::unwrap_used)] // test helpers build fixtures that cannot fail

mod form_common;
use form_common::{d, read_variant};

use jixiao::model::{Direction, MoneyUnit};
use jixiao::read::{read, InputFormat, ReadOptions};
use jixiao::score::{score_document, Profile, Status};
use jixiao::taxonomy::{Level1, Level2};
use jixiao::value::{Comparator, TargetKind};
use rust_decimal::Decimal;

/// (name, comparator, value, unit, weight) of an indicator.
type Row = (
    String,
    Option<Comparator>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The named indicators of a declaration as rows.
fn rows(decl: &jixiao::model::Declaration) -> Vec<Row> {
    decl.indicators
        .iter()
        .filter(|i| !i.name.is_empty())
        .map(|i| {
            (
                i.name.clone(),
                i.target.comparator,
                i.target.value.map(|v| v.to_string()),
                i.target.unit.clone(),
                i.weight.map(|w| w.to_string()),
            )
        })
        .collect()
}

type Expected<'a> = (
    &'a str,
    Option<Comparator>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

fn own(expected: &[Expected<'_>]) -> Vec<Row> {
    expected
        .iter()
        .map(|(n, c, v, u, w)| {
            (
                (*n).to_owned(),
                *c,
                v.map(str::to_owned),
                u.map(str::to_owned),
                w.map(str::to_owned),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// yitihua-declaration-repeated.csv

#[test]
fn repeated_project_fields_make_two_projects_in_wan_yuan() {
    let reading = read_variant("yitihua-declaration-repeated.csv");
    assert_eq!(reading.format, InputFormat::Csv);
    let decls = &reading.document.declarations;
    assert_eq!(decls.len(), 2);
    let p1 = &decls[0].project;
    assert_eq!(p1.name, "基层医疗机构设备购置");
    assert_eq!(p1.code.as_deref(), Some("44000025T000001234567"));
    // 单位名称 is the unit that spends the money: the implementer.
    assert_eq!(p1.implementer.as_deref(), Some("某某县人民医院"));
    assert_eq!(p1.department.as_deref(), Some("某某县卫生健康局"));
    // 资金总额（万元） names the unit of every funding column; 财政资金 is its 其中.
    let f1 = &decls[0].funding;
    assert_eq!(f1.unit, MoneyUnit::WanYuan);
    assert_eq!(f1.total, Some(d("120.5")));
    assert_eq!(f1.total_fiscal, Some(d("100")));
    assert_eq!(f1.annual, None);
    let f2 = &decls[1].funding;
    assert_eq!(decls[1].project.name, "家庭医生签约服务补助");
    assert_eq!(
        (f2.unit, f2.total, f2.total_fiscal),
        (MoneyUnit::WanYuan, Some(d("80")), Some(d("80")))
    );
}

#[test]
fn each_indicator_reads_with_its_sign_unit_and_weight() {
    let reading = read_variant("yitihua-declaration-repeated.csv");
    let decls = &reading.document.declarations;
    let ge = Some(Comparator::AtLeast);
    assert_eq!(
        rows(&decls[0]),
        own(&[
            ("购置设备台数", ge, Some("15"), Some("台"), Some("20")),
            // `%(百分比)` is `%`.
            (
                "设备验收合格率",
                Some(Comparator::Equal),
                Some("100"),
                Some("%"),
                Some("15")
            ),
            // 计算符号 定性: a deadline text.
            ("设备采购完成时间", None, None, None, Some("10")),
            (
                "单台设备平均采购成本",
                Some(Comparator::AtMost),
                Some("8"),
                Some("万元"),
                Some("5")
            ),
            ("基层群众就医便利程度", None, None, None, Some("30")),
            ("患者满意度", ge, Some("90"), Some("%"), Some("10")),
        ])
    );
    // Weights 20+15+10+5 = 50 (产出), 30 (效益), 10 (满意度): the mof-2020 level totals.
    let deadline = &decls[0].indicators[2];
    assert_eq!(deadline.target.kind, TargetKind::Qualitative);
    assert_eq!(deadline.target.text, "2025年9月底前");
    assert_eq!(deadline.direction, Some(Direction::Qualitative));
    assert_eq!(deadline.level2, Some(Level2::Timeliness));
    // 指标解释 and 评分标准 are kept as extra fields, and so is 指标性质 定量 (the kind,
    // which the target's own cells say): a known value, no `unknown_sign` warning.
    let first = &decls[0].indicators[0];
    assert_eq!(
        first.extra.get("指标性质").map(String::as_str),
        Some("定量")
    );
    assert!(
        !reading.diagnostics.iter().any(|f| f.code == "unknown_sign"),
        "{:?}",
        reading.diagnostics
    );
    assert_eq!(
        first.extra.get("指标解释").map(String::as_str),
        Some("年度内购置并验收的设备台数")
    );
    assert_eq!(
        first.extra.get("评分标准").map(String::as_str),
        Some("完成得满分，未完成按比例得分")
    );
    assert_eq!(
        rows(&decls[1]),
        own(&[
            ("签约服务人数", ge, Some("20000"), Some("人"), Some("25")),
            ("重点人群签约率", ge, Some("75"), Some("%"), Some("25")),
            ("居民健康管理水平", None, None, None, Some("30")),
            ("签约居民满意度", ge, Some("85"), Some("%"), Some("10")),
        ])
    );
}

#[test]
fn the_not_applicable_row_and_the_blank_name_are_reported_not_read_as_indicators() {
    let reading = read_variant("yitihua-declaration-repeated.csv");
    let decl = &reading.document.declarations[0];
    // 经济效益指标 answered 不适用 (line 6).
    assert_eq!(decl.not_applicable.len(), 1);
    assert_eq!(decl.not_applicable[0].level1, Some(Level1::Benefit));
    assert_eq!(decl.not_applicable[0].level2, Some(Level2::EconomicBenefit));
    assert!(decl.indicators.iter().all(|i| i.name != "不适用"));
    // 可持续影响指标 with a blank 三级 (line 8): said, not silently dropped.
    assert!(reading
        .diagnostics
        .iter()
        .any(|f| f.code == "missing_indicator_name" && f.line == Some(8)));
}

// ---------------------------------------------------------------------------------------
// city-targets-titled.xlsx

#[test]
fn the_title_and_the_unit_line_above_the_header_are_read() {
    let reading = read_variant("city-targets-titled.xlsx");
    assert_eq!(reading.format, InputFormat::Xlsx);
    let doc = &reading.document;
    // The title merged across all 11 columns is one title, not 11 copies; its year 2025.
    assert_eq!(
        doc.title.as_deref(),
        Some("某某市2025年度部门项目支出绩效目标表")
    );
    assert_eq!(doc.year, Some(2025));
    assert_eq!(doc.declarations.len(), 2);
    // `单位：万元` in the last cell of the row that starts `编制单位：…`: the amounts are
    // 万元, 356.8 万元 = 3 568 000 元, not 356.8 元.
    for (decl, annual) in doc.declarations.iter().zip(["356.8", "210"]) {
        assert_eq!(
            decl.funding.unit,
            MoneyUnit::WanYuan,
            "{}",
            decl.project.name
        );
        assert_eq!(decl.funding.annual, Some(d(annual)));
        assert_eq!(decl.project.department.as_deref(), Some("某某市城市管理局"));
    }
    assert_eq!(
        doc.declarations[0].project.code.as_deref(),
        Some("330100250000000101")
    );
}

#[test]
fn synonym_headers_in_another_order_and_merged_cells_read_each_indicator() {
    let reading = read_variant("city-targets-titled.xlsx");
    let decls = &reading.document.declarations;
    let ge = Some(Comparator::AtLeast);
    assert_eq!(decls[0].project.name, "城区道路照明设施维护");
    assert_eq!(
        rows(&decls[0]),
        own(&[
            ("维护路灯数量", ge, Some("12000"), Some("盏"), Some("20")),
            ("路灯亮灯率", ge, Some("98"), Some("%"), Some("20")),
            ("故障修复及时率", ge, Some("95"), Some("%"), Some("10")),
            ("夜间出行安全保障", None, None, None, Some("30")),
            ("市民满意度", ge, Some("90"), Some("%"), Some("10")),
        ])
    );
    // 一级 merged down its rows: 路灯亮灯率 is still 产出指标.
    assert_eq!(decls[0].indicators[1].level1, Some(Level1::Output));
    assert_eq!(decls[0].indicators[1].level2, Some(Level2::Quality));
    assert_eq!(decls[1].project.name, "公园绿地养护");
    assert_eq!(
        rows(&decls[1]),
        own(&[
            ("养护绿地面积", ge, Some("85"), Some("万平方米"), Some("25")),
            (
                "每平方米养护成本",
                Some(Comparator::AtMost),
                Some("12"),
                Some("元"),
                Some("25")
            ),
            ("绿化覆盖率", ge, Some("40"), Some("%"), Some("30")),
            ("游园群众满意度", ge, Some("90"), Some("%"), Some("10")),
        ])
    );
    // 序号 is kept as an extra field.
    assert_eq!(
        decls[1].indicators[0].extra.get("序号").map(String::as_str),
        Some("6")
    );
}

#[test]
fn the_total_row_below_is_no_indicator_and_changes_no_project_field() {
    let reading = read_variant("city-targets-titled.xlsx");
    let park = &reading.document.declarations[1];
    // 4 indicators with names; the 合计 row (sheet row 13: 分值 200, 年度资金总额 566.8)
    // would be a fifth without a name.
    assert_eq!(park.indicators.len(), 4);
    assert_eq!(park.funding.annual, Some(d("210")));
    let codes: Vec<(&str, Option<u32>)> = reading
        .diagnostics
        .iter()
        .map(|f| (f.code.as_str(), f.line))
        .collect();
    assert!(codes.contains(&("ignored_row", Some(13))), "{codes:?}");
    assert!(codes.contains(&("ignored_row", Some(14))), "{codes:?}");
    assert!(
        !codes
            .iter()
            .any(|(c, _)| *c == "inconsistent_project_field" || *c == "missing_indicator_name"),
        "{codes:?}"
    );
}

// ---------------------------------------------------------------------------------------
// county-selfeval-gbk.csv

#[test]
fn the_gbk_selfeval_reads_its_budget_row_with_the_synonym_headers() {
    let reading = read_variant("county-selfeval-gbk.csv");
    assert_eq!(reading.encoding, "GB18030");
    let decls = &reading.document.declarations;
    assert_eq!(decls.len(), 2);
    let e = decls[0].evaluation.as_ref().expect("a self-evaluation");
    assert_eq!(e.unit, MoneyUnit::WanYuan);
    // 调整后预算数 = 全年预算数; 实际执行数 = 全年执行数.
    assert_eq!(e.budget.initial, Some(d("500")));
    assert_eq!(e.budget.adjusted, Some(d("480")));
    assert_eq!(e.budget.executed, Some(d("456")));
    assert!(decls[0].indicators.iter().all(|i| i.extra.is_empty()));
    assert_eq!(e.indicators[1].actual.as_deref(), Some("93%"));
    assert_eq!(e.indicators[1].score, Some(d("14.68")));
    assert_eq!(
        e.indicators[1].deviation.as_deref(),
        Some("部分路段施工，清运绕行")
    );
    let e2 = decls[1].evaluation.as_ref().expect("a self-evaluation");
    assert_eq!(
        (e2.budget.initial, e2.budget.adjusted, e2.budget.executed),
        (Some(d("200")), Some(d("200")), Some(d("150")))
    );
}

#[test]
fn the_gbk_selfeval_scores_by_hand() {
    let reading = read_variant("county-selfeval-gbk.csv");
    let cards = score_document(&reading.document, &Profile::default());
    let sanitation = &cards[0];
    // Budget: 456 / 480 = 0.95 → 0.95 × 10 = 9.50.
    assert_eq!(sanitation.budget.score, Some(d("9.50")));
    let scores: Vec<(Option<Decimal>, Status)> = sanitation
        .indicators
        .iter()
        .map(|i| (i.score, i.status))
        .collect();
    assert_eq!(
        scores,
        vec![
            // 126万平方米 ≥ 120万平方米 → 20.
            (Some(d("20")), Status::Met),
            // 93 / 95 × 15 = 14.684… → 14.68.
            (Some(d("14.68")), Status::Partial),
            // = 10辆 scored as 正向: 8 / 10 × 15 = 12.
            (Some(d("12")), Status::Partial),
            // 达成年度指标 → band [24, 30] of 30; the published 27 lies inside: kept.
            (Some(d("27")), Status::Met),
            // 92% ≥ 90% → 10.
            (Some(d("10")), Status::Met),
        ]
    );
    // 9.50 + 20 + 14.68 + 12 + 27 + 10 = 93.18 → 优 (≥ 90).
    assert_eq!(sanitation.total, d("93.18"));
    assert!(sanitation.complete);
    assert_eq!(sanitation.grade.as_deref(), Some("优"));

    let roads = &cards[1];
    // Budget: 150 / 200 = 0.75 → 7.50.
    assert_eq!(roads.budget.score, Some(d("7.50")));
    let scores: Vec<(Option<Decimal>, Status)> = roads
        .indicators
        .iter()
        .map(|i| (i.score, i.status))
        .collect();
    assert_eq!(
        scores,
        vec![
            // 310 ≥ 300 公里 → 30.
            (Some(d("30")), Status::Met),
            // 80 / 85 × 20 = 18.8235… → 18.82.
            (Some(d("18.82")), Status::Partial),
            // 部分达成 → band [18, 24) of 30; the published 21 lies inside: kept.
            (Some(d("21")), Status::Partial),
            // No 实际完成值: not scorable, its 10 points open.
            (None, Status::NotScorable),
        ]
    );
    // 7.50 + 30 + 18.82 + 21 = 77.32, incomplete (10 open), no grade.
    assert_eq!(roads.total, d("77.32"));
    assert!(!roads.complete);
    assert_eq!(roads.open, d("10"));
    assert_eq!(roads.grade, None);
}

// ---------------------------------------------------------------------------------------
// district-selfeval-grouped.xlsx

#[test]
fn under_the_budget_group_the_points_are_the_budgets_and_the_unit_its_title() {
    let reading = read_variant("district-selfeval-grouped.xlsx");
    let decls = &reading.document.declarations;
    assert_eq!(decls.len(), 2);
    assert_eq!(decls[0].project.name, "社区养老服务补贴");
    let e = decls[0].evaluation.as_ref().expect("a self-evaluation");
    // （万元） in the group title is the unit of the amounts under it.
    assert_eq!(e.unit, MoneyUnit::WanYuan);
    assert_eq!(
        (e.budget.initial, e.budget.adjusted, e.budget.executed),
        (Some(d("100")), Some(d("100")), Some(d("90")))
    );
    // The 分值 · 得分 under 预算执行情况 are budget execution's: 10 and 9.
    assert_eq!(e.budget.weight, Some(d("10")));
    assert_eq!(e.budget.score, Some(d("9")));
    assert_eq!(e.budget.rate.as_deref(), Some("90.00%"));
    // The 分值 · 得分 under 绩效指标 are each indicator's.
    let weights: Vec<Option<Decimal>> = decls[0].indicators.iter().map(|i| i.weight).collect();
    assert_eq!(weights, vec![Some(d("50")), Some(d("30")), Some(d("10"))]);
    let scores: Vec<Option<Decimal>> = e.indicators.iter().map(|i| i.score).collect();
    assert_eq!(scores, vec![Some(d("50")), Some(d("28")), Some(d("10"))]);
    assert!(decls[0].indicators.iter().all(|i| i.extra.is_empty()));
    let e2 = decls[1].evaluation.as_ref().expect("a self-evaluation");
    assert_eq!(
        (e2.budget.adjusted, e2.budget.executed, e2.budget.weight),
        (Some(d("50")), Some(d("50")), Some(d("10")))
    );
}

#[test]
fn the_grouped_selfeval_scores_by_hand() {
    let reading = read_variant("district-selfeval-grouped.xlsx");
    let cards = score_document(&reading.document, &Profile::default());
    let care = &cards[0];
    // Budget: 90 / 100 = 0.90 × 10 = 9.00.
    assert_eq!(care.budget.score, Some(d("9.00")));
    assert_eq!(care.budget.max, d("10"));
    // 1100人 ≥ 1000人 → 50; 达成年度指标 with the published 28 inside [24, 30] → 28;
    // 95% ≥ 90% → 10. Total 9.00 + 50 + 28 + 10 = 97.00 → 优.
    let scores: Vec<Option<Decimal>> = care.indicators.iter().map(|i| i.score).collect();
    assert_eq!(scores, vec![Some(d("50")), Some(d("28")), Some(d("10"))]);
    assert_eq!(care.total, d("97"));
    assert_eq!(care.grade.as_deref(), Some("优"));

    let canteen = &cards[1];
    // Budget: 50 / 50 = 1 → 10.00.
    assert_eq!(canteen.budget.score, Some(d("10.00")));
    let scores: Vec<(Option<Decimal>, Status)> = canteen
        .indicators
        .iter()
        .map(|i| (i.score, i.status))
        .collect();
    assert_eq!(
        scores,
        vec![
            // =5个 as 正向: 4 / 5 × 50 = 40.
            (Some(d("40")), Status::Partial),
            // 未达成 → band [0, 18) of 30; the published 10 lies inside: kept.
            (Some(d("10")), Status::Unmet),
            // 80 / 85 × 10 = 9.4117… → 9.41.
            (Some(d("9.41")), Status::Partial),
        ]
    );
    // 10.00 + 40 + 10 + 9.41 = 69.41 → 中 (60 ≤ total < 80).
    assert_eq!(canteen.total, d("69.41"));
    assert_eq!(canteen.grade.as_deref(), Some("中"));
}

// ---------------------------------------------------------------------------------------
// unit-workbook-per-project.xlsx

#[test]
fn a_sheet_per_project_takes_its_project_from_the_lines_above_its_table() {
    let reading = read_variant("unit-workbook-per-project.xlsx");
    let decls = &reading.document.declarations;
    assert_eq!(decls.len(), 2);
    let care = &decls[0];
    assert_eq!(care.project.name, "社区养老服务补贴");
    assert_eq!(care.project.code.as_deref(), Some("330106240000000011"));
    assert_eq!(care.project.department.as_deref(), Some("某区民政局"));
    // `年度资金总额：100` under `单位：万元`.
    assert_eq!(care.funding.unit, MoneyUnit::WanYuan);
    assert_eq!(care.funding.annual, Some(d("100")));
    let ge = Some(Comparator::AtLeast);
    assert_eq!(
        rows(care),
        own(&[
            ("服务老人人数", ge, Some("1000"), Some("人"), Some("50")),
            ("养老服务水平", None, None, None, Some("30")),
            ("老人满意度", ge, Some("90"), Some("%"), Some("10")),
        ])
    );
    let canteen = &decls[1];
    assert_eq!(canteen.project.name, "老年食堂运营补助");
    assert_eq!(
        canteen.project.implementer.as_deref(),
        Some("某区养老服务指导中心")
    );
    assert_eq!(canteen.project.department, None);
    assert_eq!(
        (canteen.funding.unit, canteen.funding.annual),
        (MoneyUnit::WanYuan, Some(d("50")))
    );
    assert_eq!(
        rows(canteen),
        own(&[
            ("运营食堂数量", ge, Some("5"), Some("个"), Some("50")),
            ("老年人就餐便利程度", None, None, None, Some("30")),
            ("就餐老人满意度", ge, Some("85"), Some("%"), Some("10")),
        ])
    );
    // The lines above were all read; the note below is said to be skipped.
    let codes: Vec<(&str, Option<u32>)> = reading
        .diagnostics
        .iter()
        .map(|f| (f.code.as_str(), f.line))
        .collect();
    assert!(
        !codes.iter().any(|(c, _)| *c == "unused_preamble_row"),
        "{codes:?}"
    );
    assert!(codes.contains(&("ignored_row", Some(8))), "{codes:?}");
}

#[test]
fn a_sheet_per_project_writes_as_one_list_and_reads_back_the_same() {
    use jixiao::write::list::{write_list, ListStyle};
    let doc = read_variant("unit-workbook-per-project.xlsx").document;
    let text = write_list(&doc, ListStyle::Csv);
    let again = read(text.as_bytes(), &ReadOptions::named("again.csv"))
        .unwrap()
        .document;
    assert_eq!(again.declarations.len(), 2);
    for (a, b) in again.declarations.iter().zip(&doc.declarations) {
        assert_eq!(a.project, b.project);
        assert_eq!(a.funding.annual, b.funding.annual);
        assert_eq!(a.funding.unit, b.funding.unit);
        assert_eq!(rows(a), rows(b));
    }
}
