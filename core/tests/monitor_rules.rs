//! Every monitoring rule of domain.md §8 on small tables made by hand: budget bands,
//! rounding, the 正向/反向/qualitative indicator rules, forecasts, findings, months,
//! policies, roll-ups and the check against the self-evaluation.

use jixiao::model::{Declaration, Document, Evaluation, IndicatorEvaluation, MoneyUnit};
use jixiao::monitor::{
    check_against_evaluation, monitor_document, parse_reasons, period_month, rollup, Colour,
    MonitorError, MonitorPolicy, MonitorReport, Reason,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().expect("test data")
}

const FUNDS: &str =
    "项目资金(元)\t\t年初预算数\t全年预算数\t1-{m}月执行数\t执行率\t全年预计执行数\n";
const TABLE: &str = "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t1-{m}月执行情况\t全年预计完成情况\t偏差原因分析\t完成目标可能性\t原因说明\t备注\n";

/// A monitoring table for month `m` (in the title), a budget row, and indicator rows
/// `(一级, 二级, 三级, 指标值, 执行, 预计, 偏差原因, 可能性)`.
fn table(m: u32, name: &str, budget: [&str; 4], rows: &[[&str; 8]]) -> String {
    let mut t =
        format!("项目支出绩效目标执行监控表\n(2024年1-{m}月)\n项目名称\t{name}\n主管部门\t某局\n");
    t.push_str(&FUNDS.replace("{m}", &m.to_string()));
    t.push_str(&format!(
        "\t年度资金总额\t{}\t{}\t{}\t\t{}\n",
        budget[0], budget[1], budget[2], budget[3]
    ));
    t.push_str(&TABLE.replace("{m}", &m.to_string()));
    for r in rows {
        t.push_str(&format!("\t{}\n", r.join("\t")));
    }
    t
}

fn read(text: &str) -> Document {
    jixiao::read(text.as_bytes(), &jixiao::ReadOptions::named("t.txt"))
        .expect("test data")
        .document
}

fn report(text: &str, policy: &MonitorPolicy) -> MonitorReport {
    monitor_document(&read(text), None, policy)
        .expect("test data")
        .remove(0)
}

fn budget_only(m: u32, adjusted: &str, executed: &str) -> MonitorReport {
    report(
        &table(m, "p", ["", adjusted, executed, ""], &[]),
        &MonitorPolicy::default(),
    )
}

fn row(target: &str, actual: &str, forecast: &str, reason: &str, can: &str) -> [String; 8] {
    [
        "产出指标".into(),
        "数量指标".into(),
        "指标".into(),
        target.into(),
        actual.into(),
        forecast.into(),
        reason.into(),
        can.into(),
    ]
}

fn one(m: u32, r: [String; 8], policy: &MonitorPolicy) -> MonitorReport {
    let r: Vec<&str> = r.iter().map(String::as_str).collect();
    let r: [&str; 8] = r.try_into().expect("test data");
    report(&table(m, "p", ["", "100", "50", "100"], &[r]), policy)
}

#[test]
fn budget_bands_at_month_6() {
    // expected 6/12 = 50%: v = rate ÷ 0.5.
    let r = budget_only(6, "10000", "2999");
    assert_eq!(
        (r.budget.rate, r.budget.progress),
        (Some(d("29.99")), Some(d("59.98")))
    );
    assert_eq!(r.budget.colour, Some(Colour::Red));
    let r = budget_only(6, "10000", "3000");
    assert_eq!(r.budget.progress, Some(d("60.00")));
    assert_eq!(r.budget.colour, Some(Colour::Yellow));
    let r = budget_only(6, "10000", "3999");
    assert_eq!(r.budget.colour, Some(Colour::Yellow));
    let r = budget_only(6, "10000", "4000");
    assert_eq!(r.budget.progress, Some(d("80.00")));
    assert_eq!(r.budget.colour, Some(Colour::Green));
    // Far ahead of the pace is still green for the budget (no blue band).
    let r = budget_only(3, "100", "100");
    assert_eq!(r.budget.progress, Some(d("400.00")));
    assert_eq!(r.budget.colour, Some(Colour::Green));
    assert_eq!(r.budget.expected, Some(d("25.00")));
}

#[test]
fn rates_round_half_away_from_zero_and_v_uses_the_rounded_rate() {
    // 1 / 800 = 0.125% → 0.13 (banker's rounding would give 0.12).
    let r = budget_only(12, "800", "1");
    assert_eq!(r.budget.rate, Some(d("0.13")));
    // 56.47% at month 7: 56.47 ÷ (7/12) × 100 = 96.805… → 96.81.
    let r = budget_only(7, "10000", "5647");
    assert_eq!(r.budget.progress, Some(d("96.81")));
}

#[test]
fn no_rate_when_the_budget_is_0_or_missing() {
    let r = budget_only(7, "0", "0");
    assert_eq!((r.budget.rate, r.budget.colour), (None, None));
    assert!(r.findings.iter().any(|f| f.code == "budget_not_assessable"));
    let r = budget_only(7, "", "10");
    assert_eq!((r.budget.rate, r.budget.colour), (None, None));
    assert!(r.findings.iter().any(|f| f.code == "budget_not_assessable"));
}

#[test]
fn budget_findings() {
    let r = report(
        &table(7, "p", ["", "100", "50", "120"], &[]),
        &MonitorPolicy::default(),
    );
    assert!(r.findings.iter().any(|f| f.code == "forecast_above_budget"));
    let r = report(
        &table(7, "p", ["", "100", "60", "55"], &[]),
        &MonitorPolicy::default(),
    );
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "executed_above_forecast"));
    assert!(!r.findings.iter().any(|f| f.code == "forecast_above_budget"));
    let r = report(
        &table(7, "p", ["", "100", "50", "100"], &[]),
        &MonitorPolicy::default(),
    );
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

#[test]
fn budget_in_wan_yuan_and_amounts_with_their_own_unit() {
    let text = "项目支出绩效目标执行监控表\n(2024年1-6月)\n项目名称\tw\n\
                项目资金(万元)\t\t年初预算数\t全年预算数\t1-6月执行数\t执行率\t全年预计执行数\n\
                \t年度资金总额\t265\t265\t1325000元\t50.00%\t265\n";
    let doc = read(text);
    let m = doc.declarations[0].monitoring.as_ref().expect("test data");
    assert_eq!(m.unit, MoneyUnit::WanYuan);
    assert_eq!(m.budget.executed, Some(d("132.5")));
    let r = monitor_document(&doc, None, &MonitorPolicy::default()).expect("test data");
    // 132.5 / 265 = 50% at month 6 → v = 100 → green.
    assert_eq!(r[0].budget.progress, Some(d("100.00")));
}

#[test]
fn cumulative_counts_against_the_pace() {
    let p = MonitorPolicy::default();
    // ≥120人次 at month 6: expected 60人次.
    for (actual, v, colour) in [
        ("30人次", "50.00", Colour::Red),
        ("36人次", "60.00", Colour::Yellow),
        ("48人次", "80.00", Colour::Green),
        ("71人次", "118.33", Colour::Green),
        ("72人次", "120.00", Colour::Blue),
    ] {
        let r = one(6, row("≥120人次", actual, "120人次", "其他", "确定能"), &p);
        assert_eq!(r.indicators[0].progress, Some(d(v)), "{actual}");
        assert_eq!(r.indicators[0].colour, Some(colour), "{actual}");
    }
    // A = 0 → red.
    let r = one(6, row("≥120人次", "0", "120人次", "其他", "有可能"), &p);
    assert_eq!(r.indicators[0].colour, Some(Colour::Red));
    // Money is cumulative too, converted exactly: 30万元 of ≥1200000元 at month 6.
    let r = one(
        6,
        row("≥1200000元", "30万元", "120万元", "其他", "有可能"),
        &p,
    );
    assert_eq!(r.indicators[0].progress, Some(d("50.00")));
}

#[test]
fn rates_compare_as_they_stand() {
    let p = MonitorPolicy::default();
    // 54% of ≥90%: 60 → yellow, whatever the month.
    for m in [3, 7, 11] {
        let r = one(m, row("≥90%", "54%", "90%", "其他", "有可能"), &p);
        assert_eq!(r.indicators[0].progress, Some(d("60.00")));
        assert_eq!(r.indicators[0].colour, Some(Colour::Yellow));
    }
    // A bare side takes the other's unit.
    let r = one(7, row("≥90%", "108", "90%", "其他", "有可能"), &p);
    assert_eq!(r.indicators[0].colour, Some(Colour::Blue));
}

#[test]
fn reverse_and_zero_targets_pass_or_fail() {
    let p = MonitorPolicy::default();
    let r = one(7, row("≤5天", "3天", "4天", "无偏差", "确定能"), &p);
    assert_eq!(
        (r.indicators[0].colour, r.indicators[0].progress),
        (Some(Colour::Green), None)
    );
    let r = one(7, row("≤5天", "5天", "5天", "无偏差", "确定能"), &p);
    assert_eq!(r.indicators[0].colour, Some(Colour::Green));
    let r = one(7, row("<5天", "5天", "4天", "其他", "有可能"), &p);
    assert_eq!(r.indicators[0].colour, Some(Colour::Red));
    let r = one(7, row("=0起", "0起", "0起", "无偏差", "确定能"), &p);
    assert_eq!(r.indicators[0].colour, Some(Colour::Green));
    let r = one(7, row("=0起", "1起", "1起", "其他", "完全不可能"), &p);
    assert_eq!(r.indicators[0].colour, Some(Colour::Red));
    // The forecast misses and the target is 完全不可能: red flag.
    assert_eq!(r.indicators[0].forecast.colour, Some(Colour::Red));
}

#[test]
fn qualitative_by_the_grade_words() {
    let p = MonitorPolicy::default();
    let q = |actual: &str| one(7, row("有效提升", actual, "有效提升", "其他", "有可能"), &p);
    assert_eq!(q("已完成").indicators[0].colour, Some(Colour::Green));
    assert_eq!(q("部分达成").indicators[0].colour, Some(Colour::Yellow));
    assert_eq!(q("未完成").indicators[0].colour, Some(Colour::Red));
    assert_eq!(q("有效提升").indicators[0].colour, Some(Colour::Green));
    // Words that say nothing: no colour, and a finding naming why.
    let r = q("进行中吧");
    assert_eq!(r.indicators[0].colour, None);
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "indicator_not_assessable"));
}

#[test]
fn forecast_flags() {
    let p = MonitorPolicy::default();
    let f = |forecast: &str, can: &str| {
        one(7, row("≥100个", "70个", forecast, "其他", can), &p).indicators[0]
            .forecast
            .colour
    };
    assert_eq!(f("100个", "确定能"), Some(Colour::Green));
    assert_eq!(f("120个", "确定能"), Some(Colour::Green));
    assert_eq!(f("90个", "有可能"), Some(Colour::Yellow));
    assert_eq!(f("90个", "完全不可能"), Some(Colour::Red));
    assert_eq!(f("", "有可能"), None);
    // The forecast's flag does not make the project's colour: 70 ÷ (100 × 7/12) = 120 → blue,
    // budget 50 ÷ (7/12) = 85.71 → green; project green despite a red forecast.
    let r = one(7, row("≥100个", "70个", "90个", "其他", "完全不可能"), &p);
    assert_eq!(r.indicators[0].colour, Some(Colour::Blue));
    assert_eq!(r.colour, Some(Colour::Green));
    // A forecast that misses although 确定能 is written is a contradiction.
    let r = one(7, row("≥100个", "70个", "90个", "其他", "确定能"), &p);
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "forecast_contradicts_achievability"));
}

#[test]
fn a_row_needing_a_reason_without_one_is_a_finding() {
    let p = MonitorPolicy::default();
    let missing = |r: &MonitorReport| {
        r.findings
            .iter()
            .any(|f| f.code == "deviation_reason_missing")
    };
    // Red with 无偏差, red with an empty cell.
    assert!(missing(&one(
        7,
        row("≥90%", "40%", "90%", "无偏差", "有可能"),
        &p
    )));
    assert!(missing(&one(
        7,
        row("≥90%", "40%", "90%", "", "有可能"),
        &p
    )));
    // Green but 有可能: still needs a reason.
    assert!(missing(&one(
        7,
        row("≥90%", "90%", "90%", "无偏差", "有可能"),
        &p
    )));
    // Green and 确定能 with 无偏差: nothing to explain.
    assert!(!missing(&one(
        7,
        row("≥90%", "90%", "90%", "无偏差", "确定能"),
        &p
    )));
    // Red with a reason category.
    assert!(!missing(&one(
        7,
        row("≥90%", "40%", "90%", "经费保障", "有可能"),
        &p
    )));
}

#[test]
fn several_reasons_in_one_cell() {
    let (r, note) = parse_reasons("经费保障；人员保障、其他,制度保障");
    assert_eq!(
        r,
        Some(vec![
            Reason::Funding,
            Reason::Rules,
            Reason::Staff,
            Reason::Other
        ])
    );
    assert_eq!(note, None);
    let (r, note) = parse_reasons("硬件条件保障;其他：审批延迟");
    assert_eq!(r, Some(vec![Reason::Hardware, Reason::Other]));
    assert_eq!(note.as_deref(), Some("硬件条件保障;其他：审批延迟"));
    let (r, note) = parse_reasons("二季度系统升级延期");
    assert_eq!(
        (r, note.as_deref()),
        (Some(vec![]), Some("二季度系统升级延期"))
    );
    assert_eq!(parse_reasons("无偏差"), (Some(vec![]), None));
    assert_eq!(parse_reasons("  "), (None, None));
}

#[test]
fn the_month_from_labels_title_or_caller() {
    assert_eq!(period_month("1-6月执行数"), Some(6));
    assert_eq!(period_month("1－8月执行情况"), Some(8));
    assert_eq!(period_month("（2024年1-7月）"), Some(7));
    assert_eq!(period_month("1-13月"), None);
    assert_eq!(period_month("全年预计完成情况"), None);
    // No period in the title: the labels say 1-8月.
    let text = table(8, "p", ["", "100", "50", "100"], &[]).replace("(2024年1-8月)\n", "");
    let doc = read(&text);
    assert_eq!(
        doc.declarations[0]
            .monitoring
            .as_ref()
            .expect("test data")
            .month,
        Some(8)
    );
    // The caller's month wins, with a finding.
    let r = monitor_document(&doc, Some(6), &MonitorPolicy::default()).expect("test data");
    assert_eq!(r[0].month, 6);
    assert!(r[0].findings.iter().any(|f| f.code == "month_differs"));
    // No month anywhere: an error unless the caller gives it.
    let text = text.replace("1-8月", "本期");
    let doc = read(&text);
    let err = monitor_document(&doc, None, &MonitorPolicy::default()).expect_err("an error");
    assert_eq!(err.code(), "month_unknown");
    assert!(monitor_document(&doc, Some(9), &MonitorPolicy::default()).is_ok());
    assert!(matches!(
        monitor_document(&doc, Some(13), &MonitorPolicy::default()),
        Err(MonitorError::BadMonth { month: 13 })
    ));
}

#[test]
fn milestone_policy_is_a_local_example() {
    let p = MonitorPolicy::milestones();
    assert!(p.note.as_deref().expect("test data").contains("示例"));
    let at = |m: u32, executed: &str| {
        report(&table(m, "p", ["", "100", executed, "100"], &[]), &p).budget
    };
    // Month 6: milestone 40%.
    assert_eq!(at(6, "40").colour, Some(Colour::Green));
    assert_eq!(at(6, "32").colour, Some(Colour::Yellow)); // 80 of the milestone
    assert_eq!(at(6, "31").colour, Some(Colour::Red));
    // Month 7 still measures against the month-6 milestone; month 10 against 80%.
    assert_eq!(at(7, "40").expected, Some(d("40.00")));
    assert_eq!(at(10, "79").colour, Some(Colour::Yellow));
    // Month 3: no milestone yet, nothing is behind.
    let b = at(3, "0");
    assert_eq!((b.colour, b.expected), (Some(Colour::Green), None));
}

#[test]
fn caller_defined_policies() {
    let p = MonitorPolicy::from_json(
        r#"{"name": "strict", "expected": {"kind": "linear"},
            "budget": {"red_below": "90", "yellow_below": "100"},
            "indicator": {"red_below": "90", "yellow_below": "100"}}"#,
    )
    .expect("test data");
    let r = report(&table(6, "p", ["", "100", "45", "100"], &[]), &p);
    // 45 ÷ (6/12) = 90 → yellow under these bands (green under monitor-bands).
    assert_eq!(r.budget.colour, Some(Colour::Yellow));
    assert_eq!(r.policy, "strict");
    assert!(MonitorPolicy::from_json(r#"{"name": "x"}"#).is_err());
    assert!(MonitorPolicy::from_json(
        r#"{"name": "x", "expected": {"kind": "linear"},
            "budget": {"red_below": "90", "yellow_below": "80"},
            "indicator": {"red_below": "60", "yellow_below": "80"}}"#
    )
    .is_err());
    assert!(MonitorPolicy::by_name("nope").is_err());
    assert_eq!(
        MonitorPolicy::parse("milestones").expect("test data").name,
        "milestones-local-example"
    );
}

#[test]
fn rollup_by_department() {
    let a = table(6, "a", ["", "100", "50", "100"], &[]);
    let b = table(6, "b", ["", "300", "30", "300"], &[]).replace("某局", "另一局");
    let c = table(6, "c", ["", "100", "10", "100"], &[]);
    let mut reports = Vec::new();
    for t in [a, b, c] {
        reports.extend(
            monitor_document(&read(&t), None, &MonitorPolicy::default()).expect("test data"),
        );
    }
    let r = rollup(&reports);
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].department.as_str(), r[0].projects), ("某局", 2));
    // a: 50% at 6 → 100 green; c: 10% → 20 red.
    assert_eq!(r[0].colours.get("green"), Some(&1));
    assert_eq!(r[0].colours.get("red"), Some(&1));
    // Funds-weighted: (50 + 10) / (100 + 100) = 30.00%.
    assert_eq!((r[0].budget, r[0].executed), (d("200"), d("60")));
    assert_eq!(r[0].rate, Some(d("30.00")));
    assert_eq!(r[1].rate, Some(d("10.00")));
}

#[test]
fn rollup_counts_reasons() {
    let rows = [
        [
            "产出指标",
            "数量指标",
            "x",
            "≥10个",
            "1个",
            "5个",
            "经费保障;其他",
            "有可能",
        ],
        [
            "产出指标",
            "数量指标",
            "y",
            "≥10个",
            "1个",
            "5个",
            "经费保障",
            "有可能",
        ],
    ];
    let r = report(
        &table(6, "p", ["", "100", "50", "100"], &rows),
        &MonitorPolicy::default(),
    );
    let up = rollup(&[r]);
    assert_eq!(up[0].reasons.get(&Reason::Funding), Some(&2));
    assert_eq!(up[0].reasons.get(&Reason::Other), Some(&1));
}

fn selfeval(name: &str, executed: &str, actuals: &[(&str, &str, Option<&str>)]) -> Document {
    let mut decl = Declaration::default();
    decl.project.name = name.to_owned();
    let mut ev = Evaluation::default();
    ev.budget.adjusted = Some(d("100"));
    ev.budget.executed = Some(d(executed));
    for (n, actual, deviation) in actuals {
        decl.indicators.push(jixiao::Indicator::new(
            None,
            None,
            n,
            jixiao::Target::parse("≥100个"),
        ));
        ev.indicators.push(IndicatorEvaluation {
            actual: Some((*actual).to_owned()),
            score: None,
            deviation: deviation.map(str::to_owned),
        });
    }
    decl.evaluation = Some(ev);
    Document {
        declarations: vec![decl],
        ..Document::default()
    }
}

#[test]
fn check_against_the_self_evaluation() {
    let rows = [
        [
            "产出指标",
            "数量指标",
            "a",
            "≥100个",
            "50个",
            "100个",
            "无偏差",
            "确定能",
        ],
        [
            "产出指标",
            "数量指标",
            "b",
            "≥100个",
            "20个",
            "40个",
            "经费保障",
            "完全不可能",
        ],
        [
            "产出指标",
            "数量指标",
            "c",
            "≥100个",
            "20个",
            "40个",
            "经费保障",
            "完全不可能",
        ],
        [
            "产出指标",
            "数量指标",
            "gone",
            "≥100个",
            "20个",
            "40个",
            "经费保障",
            "有可能",
        ],
    ];
    let monitoring = read(&table(7, "p", ["", "100", "50", "100"], &rows));
    // Final: 执行 75 of 100 (forecast 100%: 25 points off); a reached 85 (forecast 100:
    // 15% of T off); b 45 (5% off) with no note; c with a note.
    let evaluation = selfeval(
        "p",
        "75",
        &[
            ("a", "85个", None),
            ("b", "45个", None),
            ("c", "40个", Some("资金未到位")),
        ],
    );
    let f = check_against_evaluation(&monitoring, &evaluation, &MonitorPolicy::default());
    let codes: Vec<(&str, Option<&str>)> = f
        .iter()
        .map(|x| (x.code.as_str(), x.indicator.as_deref()))
        .collect();
    assert!(
        codes.contains(&("execution_forecast_off", None)),
        "{codes:?}"
    );
    let exec = f
        .iter()
        .find(|x| x.code == "execution_forecast_off")
        .expect("test data");
    assert_eq!(exec.gap, Some(d("-25.00")));
    assert!(codes.contains(&("forecast_off", Some("a"))), "{codes:?}");
    assert_eq!(
        f.iter()
            .find(|x| x.indicator.as_deref() == Some("a"))
            .expect("test data")
            .gap,
        Some(d("-15.00"))
    );
    assert!(!codes.contains(&("forecast_off", Some("b"))), "{codes:?}");
    assert!(codes.contains(&("impossible_without_deviation_note", Some("b"))));
    assert!(!codes.contains(&("impossible_without_deviation_note", Some("c"))));
    assert!(codes.contains(&("indicator_not_in_selfevaluation", Some("gone"))));
    // Another project: no self-evaluation.
    let other = selfeval("q", "75", &[]);
    let f = check_against_evaluation(&monitoring, &other, &MonitorPolicy::default());
    assert_eq!(f[0].code, "no_selfevaluation");
}

#[test]
fn bad_input_is_a_clear_error_never_a_panic() {
    let err = jixiao::monitor::read_monitor(
        "项目支出绩效目标执行监控表\n随便\n",
        &jixiao::ReadOptions::named("x.txt"),
    )
    .expect_err("an error");
    assert_eq!(err.code(), "no_declaration");
    assert!(err.to_string().contains("x.txt"), "{err}");
    // Garbage cells, a bad amount, an unknown 可能性: read, with diagnostics.
    let text = table(
        7,
        "p",
        ["", "十万", "50", "100"],
        &[["产出指标", "数量指标", "x", "≥**", "??", "", "乱写", "也许"]],
    );
    let reading =
        jixiao::read(text.as_bytes(), &jixiao::ReadOptions::named("t.txt")).expect("test data");
    let codes: Vec<&str> = reading
        .diagnostics
        .iter()
        .map(|f| f.code.as_str())
        .collect();
    assert!(codes.contains(&"monitor_bad_amount"), "{codes:?}");
    assert!(codes.contains(&"monitor_bad_achievability"), "{codes:?}");
    let r =
        monitor_document(&reading.document, None, &MonitorPolicy::default()).expect("test data");
    assert_eq!(r[0].budget.colour, None);
    assert_eq!(r[0].indicators[0].colour, None);
    // Arbitrary bytes after a title never panic.
    for junk in [
        "执行监控表\n\t\t\t\n|||\n",
        "执行监控表\n1-99月执行数\t全年预计\n",
        "执行监控表\n项目名称\n三级指标\t指标值\t执行情况\n\t\t\t\t\t\n",
    ] {
        let _ = jixiao::read(junk.as_bytes(), &Default::default());
    }
    // A declaration without monitoring cannot be monitored.
    let seed = selfeval("p", "1", &[]);
    assert_eq!(
        monitor_document(&seed, Some(7), &MonitorPolicy::default())
            .expect_err("an error")
            .code(),
        "no_monitoring"
    );
}

#[test]
fn extreme_figures_never_panic() {
    let big = "79228162514264337593543950335";
    let tiny = "0.0000000000000000000000000001";
    for (adjusted, executed, forecast) in [
        (tiny, big, big),
        (big, big, tiny),
        ("-5", big, "-1"),
        (tiny, tiny, big),
    ] {
        let rows = [
            [
                "产出指标",
                "数量指标",
                "x",
                "≥0.0000000000000000000000000001个",
                big,
                big,
                "",
                "",
            ],
            [
                "产出指标",
                "数量指标",
                "y",
                &format!("≥{big}%"),
                tiny,
                big,
                "",
                "",
            ],
            [
                "产出指标",
                "数量指标",
                "z",
                "≤0.0000000000000000000000000001天",
                big,
                tiny,
                "",
                "完全不可能",
            ],
        ];
        let text = table(1, "p", ["", adjusted, executed, forecast], &rows);
        let doc = read(&text);
        for policy in [MonitorPolicy::default(), MonitorPolicy::milestones()] {
            for m in 1..=12 {
                let reports = monitor_document(&doc, Some(m), &policy).expect("monitored");
                let _ = rollup(&reports);
            }
            let _ =
                check_against_evaluation(&doc, &selfeval("p", big, &[("x", big, None)]), &policy);
        }
    }
}
