//! More template layouts of published forms, each in a table made by hand from the
//! template (`tests/data/variants/`, invented units and figures): the central 项目支出绩效
//! 自评表 of 财预〔2020〕10号 with 成本指标 as a 一级 (财预〔2021〕101号), a provincial 绩效
//! 目标申报表 with a 项目基本情况 section, 起止时间 in one cell and the money unit at the
//! right of the 填报单位 line, and a city 自评表 with short 二级 labels, a `权重（%）`
//! column in both the budget matrix and the indicator table and a `合计` total. The
//! expectations are worked out by hand from domain.md (§1–§3, §5–§6).

mod form_common;
use form_common::{d, read_variant};

use jixiao::audit::audit_document;
use jixiao::model::MoneyUnit;
use jixiao::read::{read, ReadOptions, Reading};
use jixiao::score::{score_document, Profile};
use jixiao::value::Comparator;
use rust_decimal::Decimal;

fn unknown_labels(reading: &Reading) -> Vec<&str> {
    reading
        .diagnostics
        .iter()
        .filter(|f| f.code == "unknown_header_label")
        .map(|f| f.message.as_str())
        .collect()
}

/// Each indicator as (level1, level2, name, target as written, weight).
fn rows(
    decl: &jixiao::model::Declaration,
) -> Vec<(String, String, String, String, Option<Decimal>)> {
    decl.indicators
        .iter()
        .map(|i| {
            (
                i.level1_label().to_owned(),
                i.level2_label().to_owned(),
                i.name.clone(),
                i.target.text.clone(),
                i.weight,
            )
        })
        .collect()
}

fn row(
    l1: &str,
    l2: &str,
    name: &str,
    target: &str,
    weight: Option<&str>,
) -> (String, String, String, String, Option<Decimal>) {
    (
        l1.to_owned(),
        l2.to_owned(),
        name.to_owned(),
        target.to_owned(),
        weight.map(d),
    )
}

/// The central 自评表 (`central-selfeval-labs.txt`): `附件2` above the title, the year on
/// the next line, 项目资金（万元） with its four rows (the carryover and other rows empty,
/// dashes in their points cells), 年度总体目标 with 预期目标 and 实际完成情况, and 成本指标
/// standing as a 一级 with 经济成本指标 under it.
#[test]
fn the_central_selfeval_reads_every_field() {
    let reading = read_variant("central-selfeval-labs.txt");
    assert!(
        unknown_labels(&reading).is_empty(),
        "{:?}",
        unknown_labels(&reading)
    );
    let doc = &reading.document;
    assert_eq!(doc.year, Some(2023));
    let decl = &doc.declarations[0];
    assert_eq!(decl.project.name, "重点实验室运行补助");
    assert_eq!(decl.project.department.as_deref(), Some("某部"));
    assert_eq!(
        decl.project.implementer.as_deref(),
        Some("某部科技发展中心")
    );
    assert!(decl.project.extra.is_empty(), "{:?}", decl.project.extra);
    let e = decl.evaluation.as_ref().expect("an evaluation");
    assert_eq!(e.unit, MoneyUnit::WanYuan);
    assert_eq!(e.budget.initial, Some(d("600")));
    assert_eq!(e.budget.adjusted, Some(d("650")));
    assert_eq!(e.budget.executed, Some(d("611")));
    assert_eq!(e.budget.weight, Some(d("10")));
    assert_eq!(e.budget.score, Some(d("9.40")));
    assert_eq!(
        e.budget_fiscal.as_ref().and_then(|b| b.executed),
        Some(d("611"))
    );
    assert_eq!(e.budget_fiscal.as_ref().and_then(|b| b.weight), None);
    assert_eq!(e.budget_carryover, None);
    assert_eq!(e.budget_other, None);
    assert!(decl.goals.annual.as_deref().is_some_and(
        |g| g.starts_with("保障12个重点实验室正常运行，开放共享仪器设备不少于300台套")
    ));
    assert!(e
        .goal_achieved
        .as_deref()
        .is_some_and(|g| g.ends_with("发表高水平论文76篇。")));
    assert_eq!(
        rows(decl),
        [
            row(
                "产出指标",
                "数量指标",
                "保障运行实验室数量",
                "=12个",
                Some("10")
            ),
            row(
                "产出指标",
                "数量指标",
                "开放共享仪器设备数量",
                "≥300台套",
                Some("10")
            ),
            row(
                "产出指标",
                "数量指标",
                "发表高水平论文数量",
                "≥80篇",
                Some("10")
            ),
            row("产出指标", "质量指标", "仪器设备完好率", "≥95%", Some("10")),
            row(
                "产出指标",
                "时效指标",
                "经费支付完成时间",
                "2023年12月底前",
                Some("5")
            ),
            row(
                "成本指标",
                "经济成本指标",
                "实验室运行成本",
                "≤650万元",
                Some("5")
            ),
            row(
                "效益指标",
                "社会效益指标",
                "服务外部用户数量",
                "≥500人次",
                Some("15")
            ),
            row(
                "效益指标",
                "可持续影响指标",
                "实验室开放运行机制",
                "持续完善",
                Some("15")
            ),
            row(
                "满意度指标",
                "服务对象满意度指标",
                "外部用户满意度",
                "≥90%",
                Some("10")
            ),
        ]
    );
    let actuals: Vec<&str> = e
        .indicators
        .iter()
        .map(|i| i.actual.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        actuals,
        [
            "12个",
            "320台套",
            "76篇",
            "97%",
            "2023年12月20日",
            "611万元",
            "560人次",
            "持续完善",
            "93%"
        ]
    );
    assert_eq!(
        e.indicators[2].deviation.as_deref(),
        Some("部分论文尚在审稿，下年度加快成果产出")
    );
    assert_eq!(e.total, Some(d("98.90")));
    assert_eq!(e.total_weight, Some(d("100")));
}

#[test]
fn the_central_selfeval_scores_as_worked_out_by_hand() {
    let doc = read_variant("central-selfeval-labs.txt").document;
    let card = &score_document(&doc, &Profile::default())[0];
    // Budget: 611 / 650 = 94 % of 10 points = 9.40. 发表高水平论文数量 76 / 80 × 10 = 9.50.
    // 经费支付完成时间: 2023-12-20 is before the end of 2023年12月: met, 5. 实验室运行成本
    // 611 ≤ 650: met, 5. 持续完善 restates its target: met, its published 15 is in the band.
    // Total 9.40 + 10 + 10 + 9.50 + 10 + 5 + 5 + 15 + 15 + 10 = 98.90: 优.
    assert_eq!(card.budget.score, Some(d("9.40")));
    assert_eq!(card.total, d("98.90"));
    assert_eq!(card.grade.as_deref(), Some("优"));
    assert!(card.complete);
    let audits = audit_document(&doc, &Profile::default());
    assert!(audits[0].findings.is_empty(), "{:#?}", audits[0].findings);
}

/// The provincial 申报表 (`provincial-declaration-farmland.txt`): `填报单位：… | 单位：万元`
/// above the form, a `项目基本情况` section row, `起止时间 | 2024年1月-2024年12月`, a
/// 项目负责人/联系电话 pair, a funding block of one column (资金总额 / 其中：财政资金 /
/// 其他资金, no annual side), 长期目标 beside 年度目标, and targets written with a sign, a
/// deadline, words (`不低于90%`) or a trend (`逐步提高`).
#[test]
fn the_provincial_declaration_reads_its_header_and_one_column_funding() {
    let reading = read_variant("provincial-declaration-farmland.txt");
    // 单位, 项目基本情况 and 起止时间 are read, not kept as unknown labels.
    assert!(
        unknown_labels(&reading).is_empty(),
        "{:?}",
        unknown_labels(&reading)
    );
    let doc = &reading.document;
    assert_eq!(doc.year, Some(2024));
    let decl = &doc.declarations[0];
    let p = &decl.project;
    assert_eq!(p.name, "高标准农田建设质量监测评价");
    assert_eq!(p.code.as_deref(), Some("34000024P0012"));
    assert_eq!(p.department.as_deref(), Some("某省农业农村厅"));
    assert_eq!(p.implementer.as_deref(), Some("某省耕地质量保护站"));
    assert_eq!(p.category.as_deref(), Some("专项业务类"));
    assert_eq!(p.nature.as_deref(), Some("延续项目"));
    // 2024年1月 starts on its first day, 2024年12月 ends on its last.
    assert_eq!(
        p.start_date.map(|d| d.to_string()).as_deref(),
        Some("2024-01-01")
    );
    assert_eq!(
        p.end_date.map(|d| d.to_string()).as_deref(),
        Some("2024-12-31")
    );
    let extra: Vec<(&str, &str)> = p
        .extra
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        extra,
        [
            ("填报单位", "某省农业农村厅"),
            ("项目负责人/联系电话", "李明/0551-62345678"),
        ]
    );
    // The one column is the project's: 280 = 250 + 30, in 万元; no annual figures.
    let f = &decl.funding;
    assert_eq!(f.unit, MoneyUnit::WanYuan);
    assert_eq!(f.total, Some(d("280")));
    assert_eq!(f.total_fiscal, Some(d("250")));
    assert_eq!(f.total_other, Some(d("30")));
    assert_eq!(
        (
            f.annual,
            f.annual_fiscal,
            f.annual_carryover,
            f.annual_other
        ),
        (None, None, None, None)
    );
    assert!(decl
        .goals
        .overall
        .as_deref()
        .is_some_and(|g| g.starts_with("用三年时间建成覆盖全省")));
    assert!(decl
        .goals
        .annual
        .as_deref()
        .is_some_and(|g| g.starts_with("2024年完成全省50个县")));
    assert_eq!(
        rows(decl),
        [
            row(
                "产出指标",
                "数量指标",
                "监测县（市、区）数量",
                "≥50个",
                None
            ),
            row("产出指标", "质量指标", "监测数据合格率", "≥95%", None),
            row(
                "产出指标",
                "时效指标",
                "年度监测报告提交时间",
                "2024年12月底前",
                None
            ),
            row("产出指标", "成本指标", "单县监测费用", "≤30万元", None),
            row("效益指标", "社会效益指标", "耕地质量等级", "逐步提高", None),
            row(
                "效益指标",
                "生态效益指标",
                "土壤有机质含量",
                "不低于上年水平",
                None
            ),
            row(
                "效益指标",
                "可持续影响指标",
                "监测结果应用机制",
                "长期有效",
                None
            ),
            row(
                "满意度指标",
                "服务对象满意度指标",
                "项目区农户满意度",
                "不低于90%",
                None
            ),
        ]
    );
    // ≤30万元 is 30 in money with <=; 不低于90% is >= 90 %.
    let cost = &decl.indicators[3].target;
    assert_eq!(
        (cost.comparator, cost.value, cost.unit.as_deref()),
        (Some(Comparator::AtMost), Some(d("30")), Some("万元"))
    );
    let satisfied = &decl.indicators[7].target;
    assert_eq!(
        (
            satisfied.comparator,
            satisfied.value,
            satisfied.unit.as_deref()
        ),
        (Some(Comparator::AtLeast), Some(d("90")), Some("%"))
    );
    assert!(!decl.indicators[4].target.is_quantitative());
    assert!(decl.evaluation.is_none());
}

/// The city 自评表 (`city-selfeval-refuse.txt`): the funding matrix titled 资金情况（万元）
/// with its points column headed `权重（%）`, short 二级 labels (`数量` … `满意度`), a
/// 项目负责人 pair in the header, and the total row `合计` inside the table.
#[test]
fn the_city_selfeval_reads_its_weights_and_short_levels() {
    let reading = read_variant("city-selfeval-refuse.txt");
    let decl = &reading.document.declarations[0];
    assert_eq!(decl.project.name, "农村生活垃圾收运处置");
    assert_eq!(decl.project.department.as_deref(), Some("某市城市管理局"));
    assert_eq!(
        decl.project.implementer.as_deref(),
        Some("某市环境卫生管理处")
    );
    let e = decl.evaluation.as_ref().expect("an evaluation");
    assert_eq!(e.unit, MoneyUnit::WanYuan);
    assert_eq!(e.budget.initial, Some(d("300")));
    assert_eq!(e.budget.adjusted, Some(d("320")));
    assert_eq!(e.budget.executed, Some(d("304")));
    // `权重（%）` is the budget's points column.
    assert_eq!(e.budget.weight, Some(d("10")));
    assert_eq!(e.budget.score, Some(d("9.5")));
    assert_eq!(e.budget_fiscal.as_ref().and_then(|b| b.weight), None);
    assert_eq!(
        rows(decl),
        [
            row(
                "产出指标",
                "数量指标",
                "收运覆盖行政村数量",
                "≥120个",
                Some("20")
            ),
            row(
                "产出指标",
                "质量指标",
                "生活垃圾无害化处理率",
                "≥95%",
                Some("10")
            ),
            row(
                "产出指标",
                "时效指标",
                "转运设施建成时间",
                "2023年10月底前",
                Some("10")
            ),
            row(
                "产出指标",
                "成本指标",
                "村均收运成本",
                "≤2.5万元",
                Some("10")
            ),
            row(
                "效益指标",
                "经济效益指标",
                "带动保洁就业人数",
                "≥200人",
                Some("5")
            ),
            row(
                "效益指标",
                "社会效益指标",
                "村容村貌",
                "明显改善",
                Some("10")
            ),
            row(
                "效益指标",
                "生态效益指标",
                "垃圾乱堆乱放点位减少率",
                "≥80%",
                Some("10")
            ),
            row(
                "效益指标",
                "可持续影响指标",
                "长效管护机制",
                "建立健全",
                Some("5")
            ),
            row(
                "满意度指标",
                "服务对象满意度指标",
                "村民满意度",
                "≥90%",
                Some("10")
            ),
        ]
    );
    // The short labels are kept as written beside their category.
    let written: Vec<Option<&str>> = decl
        .indicators
        .iter()
        .map(|i| i.level2_text.as_deref())
        .collect();
    assert_eq!(written[0], Some("数量"));
    assert_eq!(written[8], Some("满意度"));
    assert_eq!(e.total, Some(d("99.17")));
    assert_eq!(e.total_weight, Some(d("100")));
    assert_eq!(e.grade.as_deref(), Some("优"));
}

#[test]
fn the_city_selfeval_scores_as_worked_out_by_hand() {
    let doc = read_variant("city-selfeval-refuse.txt").document;
    let card = &score_document(&doc, &Profile::default())[0];
    // Budget: 304 / 320 = 95 % of 10 = 9.50. 收运覆盖行政村数量 118 / 120 × 20 = 19.666… →
    // 19.67. 转运设施 2023-10-25 is before the end of 2023年10月; 2.4 ≤ 2.5万元; the
    // qualitative actuals restate their targets: all met in full.
    // Total 9.50 + 19.67 + 10 + 10 + 10 + 5 + 10 + 10 + 5 + 10 = 99.17: 优.
    assert_eq!(card.budget.score, Some(d("9.50")));
    assert_eq!(card.total, d("99.17"));
    assert_eq!(card.grade.as_deref(), Some("优"));
    assert!(card.complete);
    let audits = audit_document(&doc, &Profile::default());
    assert!(audits[0].findings.is_empty(), "{:#?}", audits[0].findings);
}

/// 起止时间 / 实施期限 in one cell: a range of years is the first year's 1 January to the
/// last's 31 December; an end month without its year is in the start's year; a number of
/// years (实施期限 `3`, as a finance system exports it) is kept as written without a word;
/// a range that is no pair of dates (`2024年13月-2025年2月`) is kept with a `bad_date`
/// warning.
#[test]
fn a_period_cell_reads_as_dates_or_is_kept() {
    let form = |label: &str, value: &str| {
        format!("项目支出绩效目标申报表\n项目名称\t甲\n{label}\t{value}\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥1500人次\n")
    };
    let read_form = |label: &str, value: &str| {
        read(form(label, value).as_bytes(), &ReadOptions::named("t.txt")).expect("reads")
    };
    let date = |s: &str| Some(s.parse::<chrono::NaiveDate>().expect("a date"));
    let years = read_form("起止时间", "2024-2025");
    let p = &years.document.declarations[0].project;
    assert_eq!(
        (p.start_date, p.end_date),
        (date("2024-01-01"), date("2025-12-31"))
    );
    let months = read_form("起止时间", "2024年3月至11月");
    let p = &months.document.declarations[0].project;
    assert_eq!(
        (p.start_date, p.end_date),
        (date("2024-03-01"), date("2024-11-30"))
    );
    let span = read_form("实施期限", "3");
    let p = &span.document.declarations[0].project;
    assert_eq!(p.start_date, None);
    assert_eq!(p.extra.get("实施期限").map(String::as_str), Some("3"));
    assert!(
        span.diagnostics.iter().all(|f| f.code != "bad_date"),
        "{:#?}",
        span.diagnostics
    );
    let bad = read_form("起止时间", "2024年13月-2025年2月");
    let p = &bad.document.declarations[0].project;
    assert_eq!(p.start_date, None);
    assert_eq!(
        p.extra.get("起止时间").map(String::as_str),
        Some("2024年13月-2025年2月")
    );
    assert!(bad.diagnostics.iter().any(|f| f.code == "bad_date"));
}

/// A municipal 申报表 (`municipal-declaration-eldercare.txt`): the money unit on a line of
/// its own in parentheses (`（单位：万元）`), `主管部门及代码` with the code in the value,
/// the implementer labelled `项目单位`, a `项目期` the model has no field for, the year's
/// funding only (`年度资金总额：` with a colon, 其中：财政拨款, 其他资金), one 年度绩效目标
/// cell, and the table headed `年度绩效指标`.
#[test]
fn the_municipal_declaration_reads_its_unit_line_and_label_synonyms() {
    let reading = read_variant("municipal-declaration-eldercare.txt");
    // Only 项目期 is left unknown: `（单位：万元）` is the unit, 项目单位 the implementer.
    let unknown = unknown_labels(&reading);
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert!(unknown[0].contains("项目期"), "{unknown:?}");
    let decl = &reading.document.declarations[0];
    let p = &decl.project;
    assert_eq!(p.name, "社区养老服务中心运营补助");
    assert_eq!(p.department.as_deref(), Some("某市民政局（101）"));
    assert_eq!(p.implementer.as_deref(), Some("某市社会福利院"));
    assert_eq!(p.nature.as_deref(), Some("延续项目"));
    assert_eq!(p.extra.get("项目期").map(String::as_str), Some("1年"));
    assert_eq!(p.extra.len(), 1, "{:?}", p.extra);
    // The year's block: 120 = 100 + 20 万元; no project-period figures.
    let f = &decl.funding;
    assert_eq!(f.unit, MoneyUnit::WanYuan);
    assert_eq!(
        (
            f.annual,
            f.annual_fiscal,
            f.annual_carryover,
            f.annual_other
        ),
        (Some(d("120")), Some(d("100")), None, Some(d("20")))
    );
    assert_eq!((f.total, f.total_fiscal, f.total_other), (None, None, None));
    assert_eq!(
        decl.goals.annual.as_deref(),
        Some("目标1：保障5家社区养老服务中心全年运营；目标2：提供助餐服务不少于3万人次。")
    );
    assert_eq!(
        rows(decl),
        [
            row("产出指标", "数量指标", "运营服务中心数量", "5家", None),
            row("产出指标", "数量指标", "助餐服务人次", "≥30000人次", None),
            row("产出指标", "质量指标", "服务安全事故", "0起", None),
            row(
                "产出指标",
                "时效指标",
                "补助资金拨付时间",
                "2024年6月30日前",
                None
            ),
            row("产出指标", "成本指标", "每家中心运营补助", "≤24万元", None),
            row(
                "效益指标",
                "社会效益指标",
                "老年人居家养老便利度",
                "有效提升",
                None
            ),
            row(
                "满意度指标",
                "服务对象满意度指标",
                "老年人满意度",
                "≥90%",
                None
            ),
        ]
    );
    // A bare number is `=` (domain.md §3): 5家 is = 5, 0起 is = 0.
    let t = &decl.indicators[2].target;
    assert_eq!(
        (t.comparator, t.value),
        (Some(Comparator::Equal), Some(d("0")))
    );
}

/// A provincial 自评表 (`provincial-selfeval-roads.txt`): the matrix titled 预算执行情况（万元）
/// with its points column headed `标准分值`, the 年度资金总额 split into `其中：中央财政资金`
/// and `省级财政资金` rows the model has no row for, the 三级 column headed `指标内容`,
/// `标准分值` and `自评得分` in the table, `总  分` spaced and the grade row `评价结果`.
#[test]
fn the_provincial_selfeval_reads_its_split_budget_and_column_synonyms() {
    let reading = read_variant("provincial-selfeval-roads.txt");
    assert!(
        unknown_labels(&reading).is_empty(),
        "{:?}",
        unknown_labels(&reading)
    );
    // The two split rows are noted, not kept, and not read as header fields.
    let parts = reading
        .diagnostics
        .iter()
        .filter(|f| f.code == "budget_part_row")
        .count();
    assert_eq!(parts, 2);
    let decl = &reading.document.declarations[0];
    assert!(decl.project.extra.is_empty(), "{:?}", decl.project.extra);
    let e = decl.evaluation.as_ref().expect("an evaluation");
    assert_eq!(e.unit, MoneyUnit::WanYuan);
    assert_eq!(
        (e.budget.initial, e.budget.adjusted, e.budget.executed),
        (Some(d("2000")), Some(d("2000")), Some(d("1900")))
    );
    assert_eq!(e.budget.weight, Some(d("10")));
    assert_eq!(e.budget.score, Some(d("9.5")));
    assert_eq!(e.budget_fiscal, None);
    assert_eq!(
        rows(decl),
        [
            row(
                "产出指标",
                "数量指标",
                "农村公路养护里程",
                "≥5000公里",
                Some("20")
            ),
            row("产出指标", "质量指标", "优良中等路率", "≥85%", Some("15")),
            row(
                "产出指标",
                "时效指标",
                "养护任务完成时间",
                "2023年11月底前",
                Some("5")
            ),
            row(
                "产出指标",
                "成本指标",
                "每公里养护补助标准",
                "≤4000元",
                Some("10")
            ),
            row(
                "效益指标",
                "社会效益指标",
                "农村群众出行条件",
                "有效改善",
                Some("15")
            ),
            row(
                "效益指标",
                "可持续影响指标",
                "养护长效机制",
                "健全",
                Some("15")
            ),
            row(
                "满意度指标",
                "服务对象满意度指标",
                "沿线群众满意度",
                "≥90%",
                Some("10")
            ),
        ]
    );
    let scores: Vec<Option<Decimal>> = e.indicators.iter().map(|i| i.score).collect();
    assert_eq!(scores[2], Some(d("3")));
    assert_eq!(
        e.indicators[2].deviation.as_deref(),
        Some("受汛期影响工期延后，下年度提前安排")
    );
    assert_eq!(e.total, Some(d("97.5")));
    assert_eq!(e.grade.as_deref(), Some("优"));
}

#[test]
fn the_provincial_selfeval_is_rechecked_as_worked_out_by_hand() {
    let doc = read_variant("provincial-selfeval-roads.txt").document;
    let card = &score_document(&doc, &Profile::default())[0];
    // Budget: 1900 / 2000 = 95 % of 10 = 9.50. 养护任务完成时间: 2023-12-15 is after the end
    // of 2023年11月: unmet, band [0, 60 %) of 5 = [0, 3); the published 3 lies outside it,
    // so the band default 30 % × 5 = 1.50 applies. Everything else is met in full.
    // Total 9.50 + 20 + 15 + 1.50 + 10 + 15 + 15 + 10 = 96.00: 优.
    assert_eq!(card.budget.score, Some(d("9.50")));
    assert_eq!(card.total, d("96.00"));
    assert_eq!(card.grade.as_deref(), Some("优"));
    // The audit reports the score outside its band and the published total 97.5 ≠ 96.00.
    let audits = audit_document(&doc, &Profile::default());
    let found: Vec<(&str, &str, Option<Decimal>, Option<Decimal>)> = audits[0]
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.where_.as_str(), f.published, f.computed))
        .collect();
    assert_eq!(
        found,
        [
            ("A009", "养护任务完成时间", Some(d("3")), Some(d("1.50"))),
            ("A012", "total", Some(d("97.5")), Some(d("96.00"))),
        ]
    );
}

/// A header printed as a system export prints it: a row of field labels, the values in
/// the row under them, column by column. A row under labels that holds a label itself is
/// no value row.
#[test]
fn header_labels_over_their_values_read_column_by_column() {
    let text = "项目支出绩效目标申报表\n项目名称\t项目编码\t主管部门\t实施单位\n甲项目\tP001\t某局\t某中心\n项目类别\t项目属性\n专项业务类\t延续项目\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥100人次\n";
    let reading = read(text.as_bytes(), &ReadOptions::named("t.txt")).expect("reads");
    assert!(
        unknown_labels(&reading).is_empty(),
        "{:?}",
        unknown_labels(&reading)
    );
    let p = &reading.document.declarations[0].project;
    assert_eq!(p.name, "甲项目");
    assert_eq!(p.code.as_deref(), Some("P001"));
    assert_eq!(p.department.as_deref(), Some("某局"));
    assert_eq!(p.implementer.as_deref(), Some("某中心"));
    assert_eq!(p.category.as_deref(), Some("专项业务类"));
    assert_eq!(p.nature.as_deref(), Some("延续项目"));
    assert!(p.extra.is_empty(), "{:?}", p.extra);

    let pairs = "项目支出绩效目标申报表\n项目名称\t项目编码\n主管部门\t某局\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥100人次\n";
    let reading = read(pairs.as_bytes(), &ReadOptions::named("t.txt")).expect("reads");
    let p = &reading.document.declarations[0].project;
    assert_eq!(p.name, "");
    assert_eq!(p.department.as_deref(), Some("某局"));

    // Labels with an empty cell beside each are pairs left blank, not a label row.
    let blanks = "项目支出绩效目标申报表\n项目名称\t甲\n项目性质\t\t项目类别\t\n主管部门\t某局\t实施单位\t某中心\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥100人次\n";
    let reading = read(blanks.as_bytes(), &ReadOptions::named("t.txt")).expect("reads");
    let p = &reading.document.declarations[0].project;
    assert_eq!((p.nature.as_deref(), p.category.as_deref()), (None, None));
    assert_eq!(p.department.as_deref(), Some("某局"));
    assert_eq!(p.implementer.as_deref(), Some("某中心"));
}

/// Label cells merged over two columns, as a table copied cell for cell leaves them: the
/// value stands past the empty cell, in the header pairs (`项目名称 | | 甲项目`) and in the
/// funding block (`中期资金总额： | | 900 | 年度资金总额： | | 300`, the 88号 layout). A
/// blank field followed by a pair keeps both (`计划完成日期 | | 联络员 | 乙`).
#[test]
fn values_past_a_merged_label_cell() {
    let text = "项目支出绩效目标申报表\n项目名称\t\t甲项目\t\t项目编码\t\tP01\n主管部门\t\t某局\t\t实施单位\t\t\n项目性质\t\t\t\t项目类别\t\t其他\n计划开始日期\t\t计划完成日期\t\t联络员\t乙\n项目资金（万元）\t中期资金总额：\t\t900\t年度资金总额：\t\t300\n\t其中：财政拨款\t\t900\t其中：财政拨款\t\t300\n\t其他资金\t\t\t其他资金\t\t\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥100人次\n";
    let reading = read(text.as_bytes(), &ReadOptions::named("t.txt")).expect("reads");
    let decl = &reading.document.declarations[0];
    let p = &decl.project;
    assert_eq!(p.name, "甲项目");
    assert_eq!(p.code.as_deref(), Some("P01"));
    assert_eq!(p.department.as_deref(), Some("某局"));
    assert_eq!(p.implementer, None);
    assert_eq!(p.nature, None);
    assert_eq!(p.category.as_deref(), Some("其他"));
    assert_eq!((p.start_date, p.end_date), (None, None));
    assert_eq!(p.extra.get("联络员").map(String::as_str), Some("乙"));
    assert_eq!(p.extra.len(), 1, "{:?}", p.extra);
    let f = &decl.funding;
    assert_eq!(f.unit, MoneyUnit::WanYuan);
    assert_eq!(
        (f.total, f.total_fiscal, f.total_other),
        (Some(d("900")), Some(d("900")), None)
    );
    assert_eq!(
        (f.annual, f.annual_fiscal, f.annual_other),
        (Some(d("300")), Some(d("300")), None)
    );
}

/// Titles that name the form in other words (`…绩效自评情况表`, `…绩效目标批复表`) start a
/// form each, as `…自评表` does: two in one text are two projects, no `missing_form_title`.
#[test]
fn titles_in_other_words_start_their_forms() {
    let one = |title: &str, name: &str| {
        format!("{title}\n项目名称\t{name}\n绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\t产出指标\t数量指标\t培训人次\t≥100人次\t100人次\t90\t90\n")
    };
    let text = one("项目支出绩效自评情况表", "甲") + &one("项目支出绩效自评结果表", "乙");
    let reading = read(text.as_bytes(), &ReadOptions::named("t.txt")).expect("reads");
    assert!(!reading
        .diagnostics
        .iter()
        .any(|f| f.code == "missing_form_title"));
    let names: Vec<&str> = reading
        .document
        .declarations
        .iter()
        .map(|d| d.project.name.as_str())
        .collect();
    assert_eq!(names, ["甲", "乙"]);
    assert!(reading.document.declarations[1].evaluation.is_some());
    let text = one("项目支出绩效目标批复表", "丙");
    let reading = read(text.as_bytes(), &ReadOptions::named("t.txt")).expect("reads");
    assert!(!reading
        .diagnostics
        .iter()
        .any(|f| f.code == "missing_form_title"));
}

/// Points written with their unit (`10分`, `9.5分`, `100分`) in the budget matrix and the
/// 总分 row read as the indicator table reads them, not as amounts that are no number.
#[test]
fn points_written_with_their_unit() {
    let text = "项目支出绩效自评表\n项目名称\t甲\n项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\t年度资金总额\t1,000\t1,000\t950\t10分\t95.00%\t9.5分\n绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\t产出指标\t数量指标\t培训人次\t≥100人次\t100人次\t90分\t90分\n总分\t\t\t\t\t\t100分\t99.5分\n";
    let reading = read(text.as_bytes(), &ReadOptions::named("t.txt")).expect("reads");
    assert!(
        !reading.diagnostics.iter().any(|f| f.code == "bad_money"),
        "{:#?}",
        reading.diagnostics
    );
    let e = reading.document.declarations[0]
        .evaluation
        .as_ref()
        .expect("an evaluation");
    assert_eq!(
        (e.budget.weight, e.budget.score),
        (Some(d("10")), Some(d("9.5")))
    );
    assert_eq!(e.budget.adjusted, Some(d("1000")));
    assert_eq!((e.total_weight, e.total), (Some(d("100")), Some(d("99.5"))));
}

/// Funding written as `label：value` cells: `年度资金总额：120万元 | 其中：财政拨款：100万元 |
/// 其他资金：20万元` beside the 项目资金 title (it read nothing, and said nothing), and
/// `资金总额（万元）：280 | | 财政资金（万元）：250` among the header pairs (it read two
/// unknown labels).
#[test]
fn funding_written_as_label_value_cells() {
    let text = "项目支出绩效目标申报表\n项目名称\t甲\n项目资金\t年度资金总额：120万元\t其中：财政拨款：100万元\t其他资金：20万元\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥100人次\n";
    let reading = read(text.as_bytes(), &ReadOptions::named("t.txt")).expect("reads");
    let f = &reading.document.declarations[0].funding;
    assert_eq!(f.unit, MoneyUnit::WanYuan);
    assert_eq!(
        (f.annual, f.annual_fiscal, f.annual_other),
        (Some(d("120")), Some(d("100")), Some(d("20")))
    );
    let text = "项目支出绩效目标申报表\n项目名称\t甲\n资金总额（万元）：280\t\t财政资金（万元）：250\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥100人次\n";
    let reading = read(text.as_bytes(), &ReadOptions::named("t.txt")).expect("reads");
    assert!(
        unknown_labels(&reading).is_empty(),
        "{:?}",
        unknown_labels(&reading)
    );
    let f = &reading.document.declarations[0].funding;
    assert_eq!(f.unit, MoneyUnit::WanYuan);
    assert_eq!((f.total, f.total_fiscal), (Some(d("280")), Some(d("250"))));
}

/// Goals written as `label：value` cells, and goal labels in other words (项目年度绩效目标,
/// 预期绩效目标): each reads as its goal, none as an unknown label.
#[test]
fn goals_written_in_one_cell_or_in_other_words() {
    let goals = |line: &str| {
        let text = format!("项目支出绩效目标申报表\n项目名称\t甲\n{line}\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥100人次\n");
        let reading = read(text.as_bytes(), &ReadOptions::named("t.txt")).expect("reads");
        assert!(
            unknown_labels(&reading).is_empty(),
            "{line}: {:?}",
            unknown_labels(&reading)
        );
        let g = &reading.document.declarations[0].goals;
        (g.overall.clone(), g.annual.clone())
    };
    let annual = Some("完成培训100人次。".to_owned());
    assert_eq!(
        goals("年度绩效目标：完成培训100人次。"),
        (None, annual.clone())
    );
    assert_eq!(
        goals("项目年度绩效目标\t完成培训100人次。"),
        (None, annual.clone())
    );
    assert_eq!(
        goals("预期绩效目标\t完成培训100人次。"),
        (None, annual.clone())
    );
    assert_eq!(
        goals("中长期目标：三年完成。\t年度目标：完成培训100人次。"),
        (Some("三年完成。".to_owned()), annual)
    );
}
