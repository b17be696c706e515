//! The official 项目支出绩效目标执行监控表 layout (财预〔2019〕136号's table) in a table made
//! by hand (`tests/data/variants/monitor-official-health.txt`): only 年初预算数 beside
//! 1-7月执行数, a 偏差原因分析 column beside the funding figures, goals under
//! 年初设定目标 / 1-7月实际完成情况, and the indicator header's second row of tick columns
//! (经费保障 … 其他 under 偏差原因分析, 确定能 · 有可能 · 完全不可能 under 完成目标可能性)
//! with `√` on the rows. Expectations worked out by hand from domain.md §8.

mod form_common;
use form_common::{d, office_extensions, read_variant, without_sources};

use jixiao::monitor::{monitor_document, Achievability, Colour, MonitorPolicy, Reason};
use jixiao::read::{read, ReadOptions};
use jixiao::write::form::write_form;

#[test]
fn the_ticks_are_the_reasons_and_the_achievability() {
    let doc = read_variant("monitor-official-health.txt").document;
    let decl = &doc.declarations[0];
    let m = decl.monitoring.as_ref().expect("a monitoring table");
    assert_eq!(m.month, Some(7));
    assert_eq!(m.budget.initial, Some(d("120")));
    assert_eq!(m.budget.executed, Some(d("50")));
    assert_eq!(m.budget.forecast, Some(d("118")));
    assert_eq!(m.budget.reason.as_deref(), Some("设备采购招标延期"));
    assert_eq!(
        decl.goals.annual.as_deref(),
        Some("完成50家机构设备配置，培训基层人员500人次。")
    );
    assert_eq!(
        m.progress.as_deref(),
        Some("完成20家机构设备配置，培训300人次。")
    );
    assert_eq!(decl.indicators.len(), 7);
    let rows: Vec<(Option<Vec<Reason>>, Option<Achievability>)> = m
        .indicators
        .iter()
        .map(|i| (i.reasons.clone(), i.achievability))
        .collect();
    // 设备配置机构数: √ under 硬件条件保障 and 确定能.
    assert_eq!(
        rows[0],
        (Some(vec![Reason::Hardware]), Some(Achievability::Certain))
    );
    // 培训人次: no reason ticked, 确定能.
    assert_eq!(rows[1], (None, Some(Achievability::Certain)));
    // 县域就诊率: √ under 制度保障 and 有可能.
    assert_eq!(
        rows[5],
        (Some(vec![Reason::Rules]), Some(Achievability::Possible))
    );
    assert!(m.indicators.iter().all(|i| i.reason_note.is_none()));
}

#[test]
fn the_budget_without_an_adjusted_figure_is_measured_against_the_initial_one() {
    let doc = read_variant("monitor-official-health.txt").document;
    let report = monitor_document(&doc, None, &MonitorPolicy::default())
        .expect("monitors")
        .remove(0);
    // 执行率 = 50 / 120 = 41.67 %; 序时进度 7/12; v = 41.67 ÷ (7/12) × 100 = 71.43:
    // 60 ≤ v < 80 → yellow.
    assert_eq!(report.budget.rate, Some(d("41.67")));
    assert_eq!(report.budget.progress, Some(d("71.43")));
    assert_eq!(report.budget.colour, Some(Colour::Yellow));
    assert!(report.budget.explanation.contains("年初预算数"));
    // 设备配置机构数 20 of 50 at month 7: v = 20 ÷ (50 × 7/12) × 100 = 68.57 → yellow;
    // the project is the worst of budget and indicators: yellow.
    assert_eq!(report.indicators[0].colour, Some(Colour::Yellow));
    assert_eq!(report.colour, Some(Colour::Yellow));
}

#[test]
fn the_official_table_writes_and_reads_back_the_same() {
    let doc = read_variant("monitor-official-health.txt").document;
    let written = write_form(&doc);
    let again = read(
        written.as_bytes(),
        &ReadOptions::named("monitor-official-health.txt"),
    )
    .expect("reads back")
    .document;
    assert_eq!(without_sources(again), without_sources(doc));
}

#[test]
fn the_official_table_reads_the_same_from_every_office_copy() {
    let text = read_variant("monitor-official-health.txt").document;
    for extension in office_extensions() {
        let office = read_variant(&format!("office/monitor-official-health.{extension}")).document;
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
    }
}
