//! The monitoring report (监控结果) of a project under a [`MonitorPolicy`]: the budget's
//! and every indicator's colour with the arithmetic behind it, each forecast's flag, the
//! project's colour (the worst of the budget and the indicators, not the forecasts), and
//! the findings of `domain.md` §8 with stable codes.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Declaration, Document, MoneyUnit};
use crate::score::plain;
use crate::score::qualitative::Grade;
use crate::value::{Comparator, TargetKind, UnitClass};

use super::measure::{measure, meets, round2, with_unit, Measure};
use super::model::{Achievability, IndicatorMonitoring, MonitorBudgetRow, Monitoring, Reason};
use super::policy::{Colour, MonitorPolicy};

/// Why a document cannot be monitored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MonitorError {
    /// No declaration of the document carries a monitoring table.
    #[error("no monitoring table (执行监控表) in the document: nothing to monitor")]
    NoMonitoring,
    /// The month is neither in the table (labels, title) nor given by the caller.
    #[error("project “{project}”: the monitoring month is unknown (not in the labels `1-X月…` nor in the title `(2024年1-X月)`); give it (--month)")]
    MonthUnknown {
        /// 项目名称.
        project: String,
    },
    /// The month given is not 1–12.
    #[error("the monitoring month {month} is not a month (expected 1–12)")]
    BadMonth {
        /// The month given.
        month: u32,
    },
}

impl MonitorError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            MonitorError::NoMonitoring => "no_monitoring",
            MonitorError::MonthUnknown { .. } => "month_unknown",
            MonitorError::BadMonth { .. } => "bad_month",
        }
    }
}

/// The monitoring report of one project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonitorReport {
    /// 项目名称.
    pub project: String,
    /// 项目编码, when given.
    pub code: Option<String>,
    /// 主管部门, when given.
    pub department: Option<String>,
    /// The period's last month (1-`month`月).
    pub month: u32,
    /// The policy's name.
    pub policy: String,
    /// The project's colour: the worst of the budget and the indicators; `None` when
    /// none could be told.
    pub colour: Option<Colour>,
    /// How the project's colour was found.
    pub explanation: String,
    /// Budget execution.
    pub budget: BudgetMonitor,
    /// One entry per indicator, in order.
    pub indicators: Vec<IndicatorMonitor>,
    /// What the monitoring rules found.
    pub findings: Vec<MonitorFinding>,
}

/// Budget execution (预算执行) at the month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetMonitor {
    /// 金额单位 of the figures below.
    pub unit: MoneyUnit,
    /// 全年预算数 (调整后预算数).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub adjusted: Option<Decimal>,
    /// 1-X月执行数.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub executed: Option<Decimal>,
    /// 全年预计执行数.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub forecast: Option<Decimal>,
    /// 执行率 = 执行数 / 全年预算数, in percent, 2 decimals; `None` when the budget is 0
    /// or a figure is missing.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub rate: Option<Decimal>,
    /// The expected progress (序时进度) in percent, 2 decimals.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub expected: Option<Decimal>,
    /// v = 执行率 ÷ expected × 100, 2 decimals.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub progress: Option<Decimal>,
    /// The colour.
    pub colour: Option<Colour>,
    /// The arithmetic.
    pub explanation: String,
}

/// One indicator's monitoring.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorMonitor {
    /// 三级指标.
    pub name: String,
    /// 一级指标.
    pub level1: String,
    /// 二级指标.
    pub level2: String,
    /// 年度指标值 as written.
    pub target: String,
    /// 1-X月执行情况 as written.
    pub actual: Option<String>,
    /// v, for a 正向 quantitative indicator (2 decimals).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub progress: Option<Decimal>,
    /// The colour of the actual so far; `None` when it cannot be told (the reason is the
    /// explanation).
    pub colour: Option<Colour>,
    /// The arithmetic.
    pub explanation: String,
    /// The full-year forecast and its flag.
    pub forecast: ForecastMonitor,
    /// 偏差原因分析 categories: `[]` for 无偏差, `None` when the cell is empty.
    pub reasons: Option<Vec<Reason>>,
    /// 原因说明 (and what the 偏差原因分析 cell says besides its categories).
    pub reason_text: Option<String>,
    /// 完成目标可能性.
    pub achievability: Option<Achievability>,
}

/// A forecast (全年预计完成情况) against the target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastMonitor {
    /// The forecast as written.
    pub value: Option<String>,
    /// met → green; otherwise yellow, red when 完成目标可能性 is 完全不可能.
    pub colour: Option<Colour>,
    /// The comparison.
    pub explanation: String,
}

/// A finding of the monitoring rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonitorFinding {
    /// The stable code (`deviation_reason_missing`, `forecast_above_budget`, …).
    pub code: String,
    /// The indicator's name, or `budget`, or `project`.
    #[serde(rename = "where")]
    pub location: String,
    /// The message in Chinese.
    pub message: String,
    /// The message in English.
    pub message_en: String,
}

fn finding(code: &str, location: &str, zh: String, en: String) -> MonitorFinding {
    MonitorFinding {
        code: code.to_owned(),
        location: location.to_owned(),
        message: zh,
        message_en: en,
    }
}

/// Monitors every declaration of `document` that carries a monitoring table, at
/// `month` (or the month the table states) under `policy`.
pub fn monitor_document(
    document: &Document,
    month: Option<u32>,
    policy: &MonitorPolicy,
) -> Result<Vec<MonitorReport>, MonitorError> {
    let reports: Vec<MonitorReport> = document
        .declarations
        .iter()
        .filter(|d| d.monitoring.is_some())
        .map(|d| monitor_declaration(d, month, policy))
        .collect::<Result<_, _>>()?;
    if reports.is_empty() {
        return Err(MonitorError::NoMonitoring);
    }
    Ok(reports)
}

/// Monitors one declaration. `month` overrides the table's month (a finding says so
/// when they differ); a declaration without a monitoring table is monitored as an empty
/// one (every figure missing).
pub fn monitor_declaration(
    declaration: &Declaration,
    month: Option<u32>,
    policy: &MonitorPolicy,
) -> Result<MonitorReport, MonitorError> {
    let empty = Monitoring::default();
    let m = declaration.monitoring.as_ref().unwrap_or(&empty);
    let project = declaration.project.name.clone();
    let mut findings = Vec::new();
    let month = match (month, m.month) {
        (Some(given), Some(table)) if given != table => {
            findings.push(finding(
                "month_differs",
                "project",
                format!("监控表所列期间为 1-{table}月，按调用方给定的 {given} 月计算"),
                format!("the table states 1-{table}月; month {given} as given is used"),
            ));
            given
        }
        (Some(given), _) => given,
        (None, Some(table)) => table,
        (None, None) => return Err(MonitorError::MonthUnknown { project }),
    };
    if !(1..=12).contains(&month) {
        return Err(MonitorError::BadMonth { month });
    }
    let budget = budget(m, month, policy, &mut findings);
    let mut indicators = Vec::new();
    for (i, indicator) in declaration.indicators.iter().enumerate() {
        let row = m.indicators.get(i).cloned().unwrap_or_default();
        indicators.push(indicator_monitor(
            indicator,
            &row,
            month,
            policy,
            &mut findings,
        ));
    }
    let (colour, explanation) = project_colour(&budget, &indicators);
    Ok(MonitorReport {
        project,
        code: declaration.project.code.clone(),
        department: declaration.project.department.clone(),
        month,
        policy: policy.name.clone(),
        colour,
        explanation,
        budget,
        indicators,
        findings,
    })
}

/// The worst of the budget's and the indicators' colours.
fn project_colour(
    budget: &BudgetMonitor,
    indicators: &[IndicatorMonitor],
) -> (Option<Colour>, String) {
    let mut parts = vec![format!(
        "预算 {}",
        budget.colour.map_or("—", Colour::as_str)
    )];
    parts.extend(
        indicators
            .iter()
            .map(|i| format!("{} {}", i.name, i.colour.map_or("—", Colour::as_str))),
    );
    let worst = std::iter::once(budget.colour)
        .chain(indicators.iter().map(|i| i.colour))
        .flatten()
        .max_by_key(|c| c.severity());
    let text = format!(
        "项目 = 预算与各指标中最差者 (red > yellow > green > blue，不含预计): {} → {}",
        parts.join("，"),
        worst.map_or("—", Colour::as_str)
    );
    (worst, text)
}

/// The row budget execution is read from: 年度资金总额, or the sums of the 其中 rows
/// for the figures it lacks (said in the explanation).
fn budget_row(m: &Monitoring) -> (MonitorBudgetRow, Option<&'static str>) {
    let parts: Vec<&MonitorBudgetRow> = [&m.budget_fiscal, &m.budget_carryover, &m.budget_other]
        .into_iter()
        .flatten()
        .collect();
    let sum = |f: fn(&MonitorBudgetRow) -> Option<Decimal>| -> Option<Decimal> {
        let values: Vec<Decimal> = parts.iter().filter_map(|r| f(r)).collect();
        (!values.is_empty()).then(|| {
            values
                .iter()
                .copied()
                .fold(Decimal::ZERO, |a, b| a.saturating_add(b))
        })
    };
    let mut row = m.budget.clone();
    let mut from = None;
    if row.adjusted.is_none_or(|a| a.is_zero()) {
        if let Some(a) = sum(|r| r.adjusted).filter(|a| !a.is_zero()) {
            row.adjusted = Some(a);
            row.executed = sum(|r| r.executed);
            row.forecast = row.forecast.or_else(|| sum(|r| r.forecast));
            from = Some("其中各行之和 (sum of the 其中 rows)");
        }
    }
    if row.executed.is_none() {
        if let Some(e) = sum(|r| r.executed) {
            row.executed = Some(e);
            from = Some("其中各行之和 (sum of the 其中 rows)");
        }
    }
    // The official table has no 全年预算数 column: with no adjustment written, the budget
    // in force is the one passed at the start of the year.
    if row.adjusted.is_none() {
        if let Some(initial) = row.initial.filter(|i| !i.is_zero()) {
            row.adjusted = Some(initial);
            from = Some("年初预算数，未填全年预算数 (年初预算数: no 全年预算数 written)");
        }
    }
    (row, from)
}

/// The budget's colour: v = 执行率 ÷ expected × 100 against the budget bands.
fn budget(
    m: &Monitoring,
    month: u32,
    policy: &MonitorPolicy,
    findings: &mut Vec<MonitorFinding>,
) -> BudgetMonitor {
    let (row, from) = budget_row(m);
    let mut out = BudgetMonitor {
        unit: m.unit,
        adjusted: row.adjusted,
        executed: row.executed,
        forecast: row.forecast,
        rate: None,
        expected: None,
        progress: None,
        colour: None,
        explanation: String::new(),
    };
    let u = m.unit.as_str();
    if let (Some(f), Some(a)) = (row.forecast, row.adjusted) {
        if f > a {
            findings.push(finding(
                "forecast_above_budget",
                "budget",
                format!(
                    "全年预计执行数 {}{u} 大于全年预算数 {}{u}",
                    plain(f),
                    plain(a)
                ),
                format!(
                    "全年预计执行数 {} exceeds 全年预算数 {} ({u})",
                    plain(f),
                    plain(a)
                ),
            ));
        }
    }
    if let (Some(e), Some(f)) = (row.executed, row.forecast) {
        if e > f {
            findings.push(finding(
                "executed_above_forecast",
                "budget",
                format!(
                    "1-{month}月执行数 {}{u} 大于全年预计执行数 {}{u}",
                    plain(e),
                    plain(f)
                ),
                format!(
                    "1-{month}月执行数 {} exceeds 全年预计执行数 {} ({u})",
                    plain(e),
                    plain(f)
                ),
            ));
        }
    }
    if let (Some(e), Some(a)) = (row.executed, row.adjusted) {
        if e > a {
            findings.push(finding(
                "executed_above_budget",
                "budget",
                format!(
                    "1-{month}月执行数 {}{u} 大于全年预算数 {}{u}",
                    plain(e),
                    plain(a)
                ),
                format!(
                    "1-{month}月执行数 {} exceeds 全年预算数 {} ({u})",
                    plain(e),
                    plain(a)
                ),
            ));
        }
    }
    let (Some(adjusted), Some(executed)) = (row.adjusted, row.executed) else {
        let missing = if row.adjusted.is_none() {
            "全年预算数".to_owned()
        } else {
            format!("1-{month}月执行数")
        };
        out.explanation = format!("{missing}缺失，无法计算执行率 ({missing} missing: no rate)");
        findings.push(finding(
            "budget_not_assessable",
            "budget",
            format!("{missing}缺失，预算执行无法预警"),
            format!("{missing} is missing: budget execution cannot be rated"),
        ));
        return out;
    };
    if adjusted.is_zero() {
        out.explanation = "全年预算数为 0，执行率无定义 (the budget is 0: no rate)".to_owned();
        findings.push(finding(
            "budget_not_assessable",
            "budget",
            "全年预算数为 0，执行率无定义".to_owned(),
            "全年预算数 is 0: the execution rate is undefined".to_owned(),
        ));
        return out;
    }
    let Some(rate) = executed
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|x| x.checked_div(adjusted))
        .map(round2)
    else {
        out.explanation = "执行率超出可计算范围 (figures out of range)".to_owned();
        return out;
    };
    out.rate = Some(rate);
    let source = from.map_or(String::new(), |f| format!(" ({f})"));
    let rate_text = format!(
        "执行率 = {} / {} = {rate}%{source}",
        plain(executed),
        plain(adjusted)
    );
    if let Some(printed) = row.rate.as_deref().and_then(percent_of) {
        if round2(printed) != rate {
            findings.push(finding(
                "rate_mismatch",
                "budget",
                format!("表中执行率 {}% 与计算值 {rate}% 不符", plain(printed)),
                format!(
                    "the printed 执行率 {}% differs from the computed {rate}%",
                    plain(printed)
                ),
            ));
        }
    }
    let Some((expected, how)) = policy.expected_at(month) else {
        out.colour = Some(Colour::Green);
        out.explanation = format!("{rate_text}；{month} 月尚无里程碑 (no milestone yet) → green");
        return out;
    };
    out.expected = Some(round2(expected));
    if expected.is_zero() {
        out.colour = Some(Colour::Green);
        out.explanation = format!("{rate_text}；{how} = 0% → green");
        return out;
    }
    let Some(v) = rate
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|x| x.checked_div(expected))
        .map(round2)
    else {
        out.explanation = format!("{rate_text}；进度超出可计算范围 (figures out of range)");
        return out;
    };
    let (colour, band) = policy.budget.colour(v);
    out.progress = Some(v);
    out.colour = Some(colour);
    out.explanation = format!(
        "{rate_text}；{how} = {}%；v = {rate} ÷ {} × 100 = {v}，{band}",
        round2(expected),
        expected_term(policy, month, expected)
    );
    out
}

/// The divisor as the explanation writes it: `(7/12)` or `40%`.
fn expected_term(policy: &MonitorPolicy, month: u32, expected: Decimal) -> String {
    match policy.expected {
        super::policy::Expected::Linear => format!("({month}/12)"),
        super::policy::Expected::Milestones { .. } => format!("{}%", plain(expected)),
    }
}

/// The number of a printed percent (`50.00%` → 50.00).
fn percent_of(text: &str) -> Option<Decimal> {
    let t = crate::text::no_spaces(&crate::text::fold_width(text));
    t.strip_suffix('%')?.parse().ok()
}

/// Whether the policy compares this indicator as a cumulative quantity.
fn is_cumulative(policy: &MonitorPolicy, name: &str, unit: Option<&str>) -> bool {
    if policy.direct.iter().any(|d| d.trim() == name.trim()) {
        return false;
    }
    let class = unit.and_then(crate::value::unit::classify).map(|u| u.class);
    match class {
        Some(UnitClass::Percent) | None => false,
        Some(c) => policy.cumulative.contains(&c),
    }
}

/// One indicator's colour, forecast flag and findings.
fn indicator_monitor(
    indicator: &crate::model::Indicator,
    row: &IndicatorMonitoring,
    month: u32,
    policy: &MonitorPolicy,
    findings: &mut Vec<MonitorFinding>,
) -> IndicatorMonitor {
    let name = indicator.name.as_str();
    let target = &indicator.target;
    let actual_label = format!("1-{month}月执行情况");
    let (colour, progress, explanation) = match measure(
        target,
        row.actual.as_deref(),
        &actual_label,
    ) {
        Err(why) => {
            findings.push(finding(
                "indicator_not_assessable",
                name,
                format!("无法预警：{why}"),
                format!("cannot be rated: {why}"),
            ));
            (None, None, why)
        }
        Ok(Measure::Graded(g, why)) => {
            let c = match g {
                Grade::Met => Colour::Green,
                Grade::Partial => Colour::Yellow,
                Grade::Unmet => Colour::Red,
            };
            (Some(c), None, format!("定性指标：{why} → {}", c.as_str()))
        }
        Ok(Measure::Number {
            a,
            t,
            comparator,
            unit,
            note,
        }) => {
            let note = note.map_or(String::new(), |n| format!("（单位换算 {n}）"));
            let u = unit.as_deref();
            let forward = matches!(comparator, Comparator::AtLeast | Comparator::Above)
                || (comparator == Comparator::Equal && t > Decimal::ZERO);
            if !forward || t <= Decimal::ZERO {
                let ok = meets(comparator, a, t);
                let c = if ok { Colour::Green } else { Colour::Red };
                let kind = if forward {
                    "目标值为 0"
                } else {
                    "反向指标"
                };
                let verdict = if ok { "在界限内" } else { "超出界限" };
                (
                    Some(c),
                    None,
                    format!(
                        "{kind}，按是否达标判断：A = {} {} T = {}，{verdict} → {}{note}",
                        with_unit(a, u),
                        comparator.symbol(),
                        with_unit(t, u),
                        c.as_str()
                    ),
                )
            } else if a.is_zero() {
                (
                    Some(Colour::Red),
                    Some(round2(Decimal::ZERO)),
                    format!("正向指标，A = 0 → red{note}"),
                )
            } else if is_cumulative(policy, name, u) {
                match policy.expected_at(month) {
                    None => (
                        Some(Colour::Green),
                        None,
                        format!("累计量，{month} 月尚无里程碑 (no milestone yet) → green"),
                    ),
                    Some((e, how)) => {
                        let term = expected_term(policy, month, e);
                        let term = term.trim_matches(['(', ')']);
                        let v = a
                            .checked_mul(Decimal::from(10_000))
                            .and_then(|x| x.checked_div(t.checked_mul(e)?))
                            .map(round2);
                        match v {
                            Some(v) => {
                                let (c, band) = policy.indicator.colour(v);
                                (
                                        Some(c),
                                        Some(v),
                                        format!(
                                            "累计量 (正向)，{how}：v = A ÷ (T × {term}) × 100 = {} ÷ ({} × {term}) × 100 = {v}，{band}{note}",
                                            plain(a),
                                            plain(t),
                                        ),
                                    )
                            }
                            None => (None, None, "数值超出可计算范围".to_owned()),
                        }
                    }
                }
            } else {
                match a
                    .checked_mul(Decimal::ONE_HUNDRED)
                    .and_then(|x| x.checked_div(t))
                    .map(round2)
                {
                    Some(v) => {
                        let (c, band) = policy.indicator.colour(v);
                        (
                                Some(c),
                                Some(v),
                                format!(
                                    "比率/存量 (正向，按原值比较)：v = A ÷ T × 100 = {} ÷ {} × 100 = {v}，{band}{note}",
                                    with_unit(a, u),
                                    with_unit(t, u)
                                ),
                            )
                    }
                    None => (None, None, "数值超出可计算范围".to_owned()),
                }
            }
        }
    };
    let forecast = forecast_monitor(target, row, findings, name);
    let has_reason = row.reasons.as_ref().is_some_and(|r| !r.is_empty())
        || row.reason_note.is_some()
        || row.explanation.is_some();
    let needs_reason = colour.is_some_and(|c| c != Colour::Green)
        || row
            .achievability
            .is_some_and(|a| a != Achievability::Certain);
    if needs_reason && !has_reason {
        let (why, why_en) = match (colour, row.achievability) {
            (Some(c), _) if c != Colour::Green => (
                format!("预警为 {}", c.as_str()),
                format!("the row is {}", c.as_str()),
            ),
            (_, Some(a)) => (
                format!("完成目标可能性为“{}”", a.as_str()),
                format!("完成目标可能性 is {}", a.as_str()),
            ),
            _ => (String::new(), String::new()),
        };
        findings.push(finding(
            "deviation_reason_missing",
            name,
            format!("{why}，但未填写偏差原因分析"),
            format!("{why_en} but no deviation reason (偏差原因) is given"),
        ));
    }
    if row.achievability.is_none() && row.actual.is_some() {
        findings.push(finding(
            "achievability_missing",
            name,
            "未填写完成目标可能性".to_owned(),
            "完成目标可能性 is not given".to_owned(),
        ));
    }
    let reason_text = match (&row.explanation, &row.reason_note) {
        (Some(e), Some(n)) => Some(format!("{n}；{e}")),
        (Some(e), None) => Some(e.clone()),
        (None, Some(n)) => Some(n.clone()),
        (None, None) => None,
    };
    IndicatorMonitor {
        name: indicator.name.clone(),
        level1: indicator.level1_label().to_owned(),
        level2: indicator.level2_label().to_owned(),
        target: target.text.clone(),
        actual: row.actual.clone(),
        progress,
        colour,
        explanation,
        forecast,
        reasons: row.reasons.clone(),
        reason_text,
        achievability: row.achievability,
    }
}

/// The forecast's flag: met → green; else yellow, or red when 完全不可能.
fn forecast_monitor(
    target: &crate::value::Target,
    row: &IndicatorMonitoring,
    findings: &mut Vec<MonitorFinding>,
    name: &str,
) -> ForecastMonitor {
    let value = row.forecast.clone();
    let met = match measure(target, value.as_deref(), "全年预计完成情况") {
        Err(why) => {
            return ForecastMonitor {
                value,
                colour: None,
                explanation: why,
            }
        }
        Ok(Measure::Graded(g, why)) => (g == Grade::Met, format!("定性：{why}")),
        Ok(Measure::Number {
            a,
            t,
            comparator,
            unit,
            ..
        }) => {
            let ok = meets(comparator, a, t);
            let u = unit.as_deref();
            (
                ok,
                format!(
                    "预计 {} {} 目标 {}{} {}",
                    with_unit(a, u),
                    if ok { "满足" } else { "未满足" },
                    comparator.symbol(),
                    with_unit(t, u),
                    if target.kind == TargetKind::Quantitative
                        && comparator == Comparator::Equal
                        && t > Decimal::ZERO
                    {
                        "(= 按正向比较)"
                    } else {
                        ""
                    }
                )
                .trim_end()
                .to_owned(),
            )
        }
    };
    let (ok, why) = met;
    let colour = if ok {
        Colour::Green
    } else if row.achievability == Some(Achievability::Impossible) {
        Colour::Red
    } else {
        Colour::Yellow
    };
    if !ok && row.achievability == Some(Achievability::Certain) {
        findings.push(finding(
            "forecast_contradicts_achievability",
            name,
            "全年预计完成情况未达到目标，但完成目标可能性填为“确定能”".to_owned(),
            "the forecast misses the target, yet 完成目标可能性 says 确定能".to_owned(),
        ));
    }
    let tail = match (ok, row.achievability) {
        (true, _) => "→ green".to_owned(),
        (false, Some(Achievability::Impossible)) => "，完成目标可能性为完全不可能 → red".to_owned(),
        (false, _) => "→ yellow".to_owned(),
    };
    ForecastMonitor {
        value,
        colour: Some(colour),
        explanation: format!("{why} {tail}"),
    }
}
