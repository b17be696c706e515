//! A provincial 绩效运行监控表 made by hand (`tests/data/variants/monitor-province-farmland.txt`),
//! laid out unlike `monitor-official-health.txt` and `monitor-example-constructed.txt`:
//! the title says 运行监控表 and no period; the money unit is a line of its own
//! (`填报单位：… | 金额单位：万元`), not in the funding block's label; the funding block
//! (资金情况 · 年初预算数 · 全年预算数 · 1-6月执行数 · 执行率) has no forecast column and
//! its row labels in the first column; the goal and its progress are two label/text lines
//! (`年度总体目标 | …`, `1-6月执行情况 | …`); the indicator table starts at 一级指标 (no
//! 绩效指标 cell before it) and ends in 偏差原因 · 纠偏措施, without 完成目标可能性.
//! Expectations worked out by hand from domain.md §8.

mod form_common;
use form_common::{d, office_extensions, read_variant, without_sources};

use jixiao::model::MoneyUnit;
use jixiao::monitor::{monitor_document, Colour, MonitorPolicy, Reason};
use jixiao::read::{read, ReadOptions};
use jixiao::write::form::write_form;

const NAME: &str = "monitor-province-farmland.txt";

#[test]
fn the_header_the_unit_line_and_the_goal_lines_are_read() {
    let doc = read_variant(NAME).document;
    assert_eq!(doc.declarations.len(), 1);
    let decl = &doc.declarations[0];
    assert_eq!(decl.project.name, "高标准农田建设补助");
    assert_eq!(decl.project.code.as_deref(), Some("45000025T000000888"));
    assert_eq!(decl.project.department.as_deref(), Some("某省农业农村厅"));
    assert_eq!(
        decl.project.implementer.as_deref(),
        Some("某省农田建设管理中心")
    );
    let m = decl.monitoring.as_ref().expect("a monitoring table");
    // The month from `1-6月执行数`; the unit from `金额单位：万元`.
    assert_eq!(m.month, Some(6));
    assert_eq!(m.unit, MoneyUnit::WanYuan);
    assert_eq!(m.budget.initial, Some(d("5000")));
    assert_eq!(m.budget.adjusted, Some(d("4800")));
    assert_eq!(m.budget.executed, Some(d("2160")));
    assert_eq!(m.budget.forecast, None);
    let fiscal = m.budget_fiscal.as_ref().expect("其中：财政资金");
    assert_eq!(
        (fiscal.adjusted, fiscal.executed),
        (Some(d("4300")), Some(d("1935")))
    );
    assert_eq!(
        decl.goals.annual.as_deref(),
        Some("新建高标准农田2万亩，改善灌溉面积1.5万亩，项目区粮食亩均增产50公斤。")
    );
    assert_eq!(
        m.progress.as_deref(),
        Some("完成招标并开工，新建0.7万亩，改善灌溉0.9万亩。")
    );
}

#[test]
fn each_indicator_row_keeps_its_reasons_and_its_corrective_measure() {
    let doc = read_variant(NAME).document;
    let decl = &doc.declarations[0];
    assert_eq!(decl.indicators.len(), 8);
    let m = decl.monitoring.as_ref().expect("a monitoring table");
    let first = &m.indicators[0];
    assert_eq!(first.actual.as_deref(), Some("0.7万亩"));
    assert_eq!(first.forecast.as_deref(), Some("2万亩"));
    // `经费保障：省级资金5月才下达`: the category, and the cell verbatim as its note.
    assert_eq!(first.reasons, Some(vec![Reason::Funding]));
    assert_eq!(
        first.reason_note.as_deref(),
        Some("经费保障：省级资金5月才下达")
    );
    // 纠偏措施 is what is done about the deviation (整改措施).
    assert_eq!(
        first.rectification_request.as_deref(),
        Some("加快资金拨付进度")
    );
    assert_eq!(m.indicators[1].reasons, Some(vec![]));
    assert_eq!(m.indicators[1].rectification_request, None);
    assert_eq!(m.indicators[5].reasons, Some(vec![Reason::Other]));
    assert_eq!(
        m.indicators[5].rectification_request.as_deref(),
        Some("秋收后测产")
    );
    assert_eq!(m.indicators[7].reasons, Some(vec![Reason::Rules]));
    // The 二级 carried down: 改善灌溉面积 is a 数量指标, 亩均建设成本 a 成本指标.
    assert_eq!(
        decl.indicators[1].level2,
        Some(jixiao::taxonomy::Level2::Quantity)
    );
    assert_eq!(
        decl.indicators[4].level2,
        Some(jixiao::taxonomy::Level2::Cost)
    );
}

#[test]
fn the_monitoring_result_by_hand() {
    let doc = read_variant(NAME).document;
    let report = monitor_document(&doc, None, &MonitorPolicy::default())
        .expect("monitors")
        .remove(0);
    assert_eq!(report.month, 6);
    // 执行率 = 2160 / 4800 = 45.00 %; 序时进度 6/12 = 50 %; v = 45.00 ÷ 0.5 = 90.00 ≥ 80
    // → green.
    assert_eq!(report.budget.rate, Some(d("45.00")));
    assert_eq!(report.budget.progress, Some(d("90.00")));
    assert_eq!(report.budget.colour, Some(Colour::Green));
    let colours: Vec<(Option<Colour>, Option<Colour>)> = report
        .indicators
        .iter()
        .map(|i| (i.colour, i.forecast.colour))
        .collect();
    assert_eq!(
        colours,
        vec![
            // 0.7万亩 of ≥2万亩, an area (cumulative): v = 0.7 ÷ (2 × 6/12) × 100 = 70
            // → yellow; forecast 2万亩 ≥ 2万亩 → green.
            (Some(Colour::Yellow), Some(Colour::Green)),
            // 0.9 ÷ (1.5 × 6/12) × 100 = 120 ≥ 120 → blue; forecast 1.5万亩 → green.
            (Some(Colour::Blue), Some(Colour::Green)),
            // A rate, as it stands: 100 ÷ 95 × 100 = 105.26 → green; 95% ≥ 95% → green.
            (Some(Colour::Green), Some(Colour::Green)),
            // Qualitative: 部分完成 → 部分达成 → yellow; 按时完成 → 达成 → green.
            (Some(Colour::Yellow), Some(Colour::Green)),
            // 反向 ≤2400元: 2350元 within → green; 2400元 within → green.
            (Some(Colour::Green), Some(Colour::Green)),
            // 0公斤 of ≥50公斤: A = 0 → red; forecast 50公斤 → green.
            (Some(Colour::Red), Some(Colour::Green)),
            // 15年 of ≥15年, a duration (not cumulative): 15 ÷ 15 × 100 = 100 → green.
            (Some(Colour::Green), Some(Colour::Green)),
            // 88 ÷ 90 × 100 = 97.78 → green; 90% → green.
            (Some(Colour::Green), Some(Colour::Green)),
        ]
    );
    assert_eq!(report.indicators[2].progress, Some(d("105.26")));
    assert_eq!(report.indicators[7].progress, Some(d("97.78")));
    // The project: the worst of budget and indicators (not forecasts) → red.
    assert_eq!(report.colour, Some(Colour::Red));
    // 改善灌溉面积 is blue (not green) and says 无偏差: its reason is missing. Every
    // other non-green row names one (经费保障, 人员保障, 其他).
    let missing: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.code == "deviation_reason_missing")
        .map(|f| f.location.as_str())
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].contains("改善灌溉面积"), "{missing:?}");
}

#[test]
fn the_provincial_table_writes_and_reads_back_the_same() {
    let doc = read_variant(NAME).document;
    let written = write_form(&doc);
    let again = read(written.as_bytes(), &ReadOptions::named(NAME))
        .expect("reads back")
        .document;
    let untitled = |mut d: jixiao::Document| {
        d.title = None;
        without_sources(d)
    };
    assert_eq!(untitled(again), untitled(doc));
}

#[test]
fn the_provincial_table_reads_the_same_from_every_office_copy() {
    let text = read_variant(NAME).document;
    for extension in office_extensions() {
        let office =
            read_variant(&format!("office/monitor-province-farmland.{extension}")).document;
        let monitoring = |d: &jixiao::Document| {
            d.declarations[0].monitoring.clone().map(|mut m| {
                m.source = Default::default();
                m
            })
        };
        assert_eq!(monitoring(&office), monitoring(&text), "{extension}");
        assert_eq!(
            office.declarations[0].goals, text.declarations[0].goals,
            "{extension}"
        );
        assert_eq!(
            office.declarations[0].project, text.declarations[0].project,
            "{extension}"
        );
        let names = |d: &jixiao::Document| -> Vec<String> {
            d.declarations[0]
                .indicators
                .iter()
                .map(|i| format!("{}|{}", i.name, i.target.text))
                .collect()
        };
        assert_eq!(names(&office), names(&text), "{extension}");
    }
}

// ---------------------------------------------------------------------------------------
// monitor-markdown-culture.txt: a city's 运行监控表 as a Markdown pipe table (as OCR and
// web exports give it), the period in the title (（2025年1-8月）), amounts in 元 with
// thousands separators under 调整后预算数 · 1-8月实际支出 · 执行进度 · 全年预计支出, and the
// indicator columns 1-8月完成值 · 全年预计完成值, reasons joined by 、, answers 能 / 可能.

const CULTURE: &str = "monitor-markdown-culture.txt";

#[test]
fn the_markdown_table_reads_its_spending_columns_and_its_actuals() {
    let doc = read_variant(CULTURE).document;
    let decl = &doc.declarations[0];
    assert_eq!(decl.project.name, "城市社区公共文化服务");
    assert_eq!(decl.project.implementer.as_deref(), Some("某市文化馆"));
    let m = decl.monitoring.as_ref().expect("a monitoring table");
    assert_eq!(m.month, Some(8));
    assert_eq!(m.unit, MoneyUnit::Yuan);
    // 1-8月实际支出 is the 执行数, 执行进度 the 执行率, 全年预计支出 the forecast.
    assert_eq!(m.budget.initial, Some(d("1200000")));
    assert_eq!(m.budget.adjusted, Some(d("1000000")));
    assert_eq!(m.budget.executed, Some(d("600000")));
    assert_eq!(m.budget.rate.as_deref(), Some("60.00%"));
    assert_eq!(m.budget.forecast, Some(d("1000000")));
    assert_eq!(
        m.progress.as_deref(),
        Some("已开展活动85次，设施按时开放。")
    );
    let actuals: Vec<Option<&str>> = m.indicators.iter().map(|i| i.actual.as_deref()).collect();
    assert_eq!(
        actuals,
        vec![
            Some("85次"),
            Some("90%"),
            Some("8500元"),
            Some("部分达成"),
            Some("92%")
        ]
    );
    assert_eq!(
        m.indicators[2].reasons,
        Some(vec![Reason::Funding, Reason::Other])
    );
}

#[test]
fn the_markdown_table_monitors_by_hand() {
    let doc = read_variant(CULTURE).document;
    let report = monitor_document(&doc, None, &MonitorPolicy::default())
        .expect("monitors")
        .remove(0);
    assert_eq!(report.month, 8);
    // 执行率 = 600000 / 1000000 = 60.00 %; v = 60.00 ÷ (8/12) × 100 = 90.00 → green.
    assert_eq!(report.budget.rate, Some(d("60.00")));
    assert_eq!(report.budget.progress, Some(d("90.00")));
    assert_eq!(report.budget.colour, Some(Colour::Green));
    let colours: Vec<(Option<Colour>, Option<Colour>)> = report
        .indicators
        .iter()
        .map(|i| (i.colour, i.forecast.colour))
        .collect();
    assert_eq!(
        colours,
        vec![
            // 85次, a count: v = 85 ÷ (120 × 8/12) × 100 = 106.25 → green; 125次 → green.
            (Some(Colour::Green), Some(Colour::Green)),
            // A rate: 90 ÷ 95 × 100 = 94.74 → green; 95% → green.
            (Some(Colour::Green), Some(Colour::Green)),
            // 反向 ≤8000元: 8500元 beyond → red; forecast 8000元 within → green.
            (Some(Colour::Red), Some(Colour::Green)),
            // 部分达成 → yellow; 达成 → green.
            (Some(Colour::Yellow), Some(Colour::Green)),
            // 92 ÷ 90 × 100 = 102.22 → green.
            (Some(Colour::Green), Some(Colour::Green)),
        ]
    );
    assert_eq!(report.indicators[0].progress, Some(d("106.25")));
    assert_eq!(report.colour, Some(Colour::Red));
    // Every non-green row names its reasons; every row answers 完成目标可能性.
    assert!(
        !report
            .findings
            .iter()
            .any(|f| f.code == "deviation_reason_missing" || f.code == "achievability_missing"),
        "{:?}",
        report.findings
    );
}
