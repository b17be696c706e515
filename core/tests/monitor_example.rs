//! The constructed monitoring table of `tests/data/monitor-example-constructed.txt`
//! (the shape of `../shared/data/monitor-example-constructed.txt`), read and monitored
//! under the default policy. Every expectation is worked out by hand from domain.md §8.

use jixiao::monitor::{monitor_document, Achievability, Colour, MonitorPolicy, Reason};
use rust_decimal::Decimal;

fn example() -> jixiao::Document {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/monitor-example-constructed.txt"
    );
    let bytes = std::fs::read(path).expect("test data");
    jixiao::read(
        &bytes,
        &jixiao::ReadOptions::named("monitor-example-constructed.txt"),
    )
    .expect("test data")
    .document
}

fn d(s: &str) -> Decimal {
    s.parse().expect("test data")
}

#[test]
fn the_table_reads_by_its_labels() {
    let doc = example();
    assert_eq!(doc.year, Some(2024));
    assert_eq!(doc.declarations.len(), 1);
    let decl = &doc.declarations[0];
    assert_eq!(decl.project.name, "环保热线运行");
    assert_eq!(decl.project.department.as_deref(), Some("上海市生态环境局"));
    assert_eq!(
        decl.project.implementer.as_deref(),
        Some("上海市生态环境局执法总队")
    );
    assert!(decl
        .goals
        .annual
        .as_deref()
        .expect("test data")
        .starts_with("完成不少于17人"));
    let m = decl.monitoring.as_ref().expect("test data");
    assert_eq!(m.month, Some(7));
    assert_eq!(m.unit, jixiao::model::MoneyUnit::Yuan);
    assert_eq!(m.budget.initial, Some(d("2650000.00")));
    assert_eq!(m.budget.adjusted, Some(d("2650000.00")));
    assert_eq!(m.budget.executed, Some(d("1325000.00")));
    assert_eq!(m.budget.rate.as_deref(), Some("50.00%"));
    assert_eq!(m.budget.forecast, Some(d("2650000.00")));
    let other = m.budget_other.as_ref().expect("test data");
    assert_eq!(
        (other.adjusted, other.rate.as_deref()),
        (Some(d("0.00")), None)
    );
    assert!(m
        .progress
        .as_deref()
        .expect("test data")
        .starts_with("已按月支付1-7月"));
    // Five indicators, with their 一级/二级 carried down the merged cells.
    let names: Vec<&str> = decl.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names.len(), 5);
    assert_eq!(decl.indicators[1].level1_label(), "产出指标");
    assert_eq!(decl.indicators[1].level2_label(), "质量指标");
    assert_eq!(decl.indicators[3].level2_label(), "社会效益指标");
    assert_eq!(decl.indicators[3].target.value, Some(d("90.00")));
    assert_eq!(m.indicators.len(), 5);
    let prize = &m.indicators[3];
    assert_eq!(prize.actual.as_deref(), Some("40%"));
    assert_eq!(prize.forecast.as_deref(), Some("85%"));
    assert_eq!(prize.reasons, Some(vec![Reason::Rules, Reason::Other]));
    assert_eq!(prize.achievability, Some(Achievability::Possible));
    assert_eq!(
        prize.explanation.as_deref(),
        Some("奖励审批流程调整，下半年集中发放")
    );
    // 无偏差 is the explicit empty set.
    assert_eq!(m.indicators[0].reasons, Some(vec![]));
    assert_eq!(m.indicators[1].reasons, Some(vec![Reason::Hardware]));
}

#[test]
fn done_when_of_issue_16() {
    let doc = example();
    let reports = monitor_document(&doc, None, &MonitorPolicy::default()).expect("test data");
    let r = &reports[0];
    assert_eq!((r.month, r.policy.as_str()), (7, "monitor-bands"));
    // 1325000 / 2650000 = 50.00%; 50.00 ÷ (7/12) × 100 = 85.714… → 85.71 ≥ 80: green.
    assert_eq!(r.budget.rate, Some(d("50.00")));
    assert_eq!(r.budget.expected, Some(d("58.33")));
    assert_eq!(r.budget.progress, Some(d("85.71")));
    assert_eq!(r.budget.colour, Some(Colour::Green));
    assert!(
        r.budget.explanation.contains("85.71"),
        "{}",
        r.budget.explanation
    );
    assert!(
        r.budget.explanation.contains("7/12"),
        "{}",
        r.budget.explanation
    );
    // 40% of ≥90%: v = 40 ÷ 90 × 100 = 44.44 < 60 → red; forecast 85% < 90% with 有可能 → yellow.
    let prize = r
        .indicators
        .iter()
        .find(|i| i.name == "有奖举报奖励落实发放率")
        .expect("test data");
    assert_eq!(prize.colour, Some(Colour::Red));
    assert_eq!(prize.progress, Some(d("44.44")));
    assert!(prize.explanation.contains("44.44"), "{}", prize.explanation);
    assert_eq!(prize.forecast.colour, Some(Colour::Yellow));
    assert_eq!(prize.reasons, Some(vec![Reason::Rules, Reason::Other]));
    // 96% of ≥98%: 97.96 → green; 100% of =100%: 100 → green; 满意 restates 满意 → green.
    assert_eq!(r.indicators[1].progress, Some(d("97.96")));
    assert_eq!(r.indicators[1].colour, Some(Colour::Green));
    assert_eq!(r.indicators[2].colour, Some(Colour::Green));
    assert_eq!(r.indicators[4].colour, Some(Colour::Green));
    // A head count (人) is a count, cumulative under monitor-bands: 17 ÷ (17 × 7/12) × 100
    // = 171.43 ≥ 120 → blue, and a blue row with 无偏差 is a finding.
    assert_eq!(r.indicators[0].progress, Some(d("171.43")));
    assert_eq!(r.indicators[0].colour, Some(Colour::Blue));
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "deviation_reason_missing" && f.location == "服务费保障聘用人员数量"));
    // The project is the worst of budget and indicators.
    assert_eq!(r.colour, Some(Colour::Red));
    for i in &r.indicators {
        assert!(!i.explanation.is_empty() && !i.forecast.explanation.is_empty());
    }
    let json = serde_json::to_value(&reports).expect("test data");
    assert_eq!(json[0]["budget"]["colour"], "green");
    assert_eq!(json[0]["budget"]["rate"], "50.00");
    assert_eq!(json[0]["indicators"][3]["forecast"]["colour"], "yellow");
    assert_eq!(
        json[0]["indicators"][3]["reasons"],
        serde_json::json!(["制度保障", "其他"])
    );
    assert_eq!(json[0]["indicators"][0]["reasons"], serde_json::json!([]));
    assert_eq!(json[0]["colour"], "red");
}

#[test]
fn a_head_count_marked_as_a_stock_is_compared_directly() {
    let doc = example();
    let mut policy = MonitorPolicy::default();
    policy.direct.push("服务费保障聘用人员数量".to_owned());
    let r = &monitor_document(&doc, None, &policy).expect("test data")[0];
    // 17 ÷ 17 × 100 = 100 → green, and no finding for it.
    assert_eq!(r.indicators[0].progress, Some(d("100.00")));
    assert_eq!(r.indicators[0].colour, Some(Colour::Green));
    assert!(!r
        .findings
        .iter()
        .any(|f| f.location == "服务费保障聘用人员数量"));
}

#[test]
fn the_monitoring_round_trips_through_the_canonical_json() {
    let doc = example();
    let json = jixiao::write::json::to_json(&doc);
    assert!(json.contains("\"monitoring\""));
    let back = jixiao::read(json.as_bytes(), &Default::default())
        .expect("test data")
        .document;
    assert_eq!(back, doc);
    // A document without monitoring writes no `monitoring` key.
    let seed = jixiao::model::Declaration::default();
    let v = serde_json::to_value(&seed).expect("test data");
    assert!(v.get("monitoring").is_none());
    // `null` is the same as absent.
    let mut with_null = serde_json::to_value(&doc).expect("test data");
    with_null["declarations"][0]["monitoring"]["indicators"][0]["actual"] = serde_json::Value::Null;
    let again: jixiao::Document = serde_json::from_value(with_null).expect("test data");
    let m = again.declarations[0]
        .monitoring
        .as_ref()
        .expect("test data");
    assert_eq!(m.indicators[0].actual, None);
}

#[test]
fn the_form_writer_writes_a_monitoring_table_that_reads_back_the_same() {
    let doc = example();
    let text = jixiao::write::form::write_form(&doc);
    assert!(
        text.starts_with("项目支出绩效目标执行监控表\n(2024年1-7月)\n"),
        "{text}"
    );
    let back = jixiao::read(text.as_bytes(), &Default::default())
        .expect("test data")
        .document;
    assert_eq!(back, doc, "{text}");
}
