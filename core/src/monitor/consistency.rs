//! After the year, the monitoring report meets the self-evaluation (`domain.md` §8): a
//! row forecast 完全不可能 must come with a deviation note in the 自评表; the gap between
//! each forecast and the final actual, and between the execution forecast and the final
//! 执行率, is reported when it is larger than the policy allows.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Declaration, Document};
use crate::score::plain;
use crate::score::qualitative::Grade;
use crate::text::{fold_width, no_spaces};

use super::measure::{measure, round2, Measure};
use super::model::Achievability;
use super::policy::MonitorPolicy;

/// A difference between a monitoring report and the self-evaluation of the same year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsistencyFinding {
    /// The stable code: `execution_forecast_off`, `forecast_off`,
    /// `impossible_without_deviation_note`, `no_selfevaluation`,
    /// `indicator_not_in_selfevaluation`.
    pub code: String,
    /// 项目名称.
    pub project: String,
    /// The 三级 name, or `None` for the budget / the project.
    pub indicator: Option<String>,
    /// What the monitoring forecast (a rate in percent for the budget).
    pub forecast: Option<String>,
    /// What the self-evaluation reports.
    #[serde(rename = "final")]
    pub final_value: Option<String>,
    /// final − forecast: percentage points for the budget, percent of T for an indicator.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub gap: Option<Decimal>,
    /// The message in Chinese.
    pub message: String,
}

fn name_key(text: &str) -> String {
    no_spaces(&fold_width(text))
}

/// The self-evaluation declaration of the same project: by 项目编码 when both have
/// one, else by name.
fn find<'e>(evaluations: &'e Document, d: &Declaration) -> Option<&'e Declaration> {
    let with_evaluation = || {
        evaluations
            .declarations
            .iter()
            .filter(|e| e.evaluation.is_some())
    };
    if let Some(code) = &d.project.code {
        if let Some(e) = with_evaluation().find(|e| e.project.code.as_ref() == Some(code)) {
            return Some(e);
        }
    }
    let name = name_key(&d.project.name);
    with_evaluation().find(|e| name_key(&e.project.name) == name)
}

/// Compares every monitored project of `monitoring` with its self-evaluation in
/// `evaluations`, under the gaps of `policy`.
pub fn check_against_evaluation(
    monitoring: &Document,
    evaluations: &Document,
    policy: &MonitorPolicy,
) -> Vec<ConsistencyFinding> {
    let mut out = Vec::new();
    for d in monitoring.declarations.iter() {
        let Some(m) = &d.monitoring else { continue };
        let project = d.project.name.clone();
        let push = |out: &mut Vec<ConsistencyFinding>,
                    code: &str,
                    indicator: Option<&str>,
                    forecast: Option<String>,
                    final_value: Option<String>,
                    gap: Option<Decimal>,
                    message: String| {
            out.push(ConsistencyFinding {
                code: code.to_owned(),
                project: project.clone(),
                indicator: indicator.map(str::to_owned),
                forecast,
                final_value,
                gap,
                message,
            });
        };
        let Some(e) = find(evaluations, d) else {
            push(
                &mut out,
                "no_selfevaluation",
                None,
                None,
                None,
                None,
                "未找到同一项目的自评表".to_owned(),
            );
            continue;
        };
        let Some(ev) = &e.evaluation else { continue };
        // Execution: forecast rate against the final rate, both in percent.
        let rate = |num: Option<Decimal>, den: Option<Decimal>| -> Option<Decimal> {
            let (n, d) = (num?, den?);
            (!d.is_zero())
                .then(|| n.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(d))
                .flatten()
                .map(round2)
        };
        let forecast_rate = rate(m.budget.forecast, m.budget.adjusted);
        let final_rate = rate(ev.budget.executed, ev.budget.adjusted);
        if let Some((f, x, gap)) = forecast_rate
            .zip(final_rate)
            .and_then(|(f, x)| Some((f, x, x.checked_sub(f)?)))
        {
            if gap.abs() > policy.execution_gap {
                push(
                    &mut out,
                    "execution_forecast_off",
                    None,
                    Some(format!("{f}%")),
                    Some(format!("{x}%")),
                    Some(gap),
                    format!(
                        "监控预计执行率 {f}% 与自评执行率 {x}% 相差 {} 个百分点（超过 {}）",
                        plain(gap.abs()),
                        plain(policy.execution_gap)
                    ),
                );
            }
        }
        for (i, indicator) in d.indicators.iter().enumerate() {
            let Some(row) = m.indicators.get(i) else {
                continue;
            };
            let key = name_key(&indicator.name);
            let Some(j) = e.indicators.iter().position(|x| name_key(&x.name) == key) else {
                push(
                    &mut out,
                    "indicator_not_in_selfevaluation",
                    Some(&indicator.name),
                    row.forecast.clone(),
                    None,
                    None,
                    "自评表中没有该指标".to_owned(),
                );
                continue;
            };
            let final_eval = ev.indicators.get(j);
            let final_actual = final_eval.and_then(|x| x.actual.clone());
            let deviation = final_eval
                .and_then(|x| x.deviation.as_deref())
                .filter(|t| !crate::read::cell::is_absent(t));
            if row.achievability == Some(Achievability::Impossible) && deviation.is_none() {
                push(
                    &mut out,
                    "impossible_without_deviation_note",
                    Some(&indicator.name),
                    row.forecast.clone(),
                    final_actual.clone(),
                    None,
                    "监控时完成目标可能性为“完全不可能”，自评表却未填写偏差原因分析".to_owned(),
                );
            }
            let target = &indicator.target;
            let forecast = measure(target, row.forecast.as_deref(), "全年预计完成情况");
            let actual = measure(target, final_actual.as_deref(), "实际完成值");
            match (forecast, actual) {
                (Ok(Measure::Number { a: f, t, .. }), Ok(Measure::Number { a: x, unit, .. }))
                    if !t.is_zero() =>
                {
                    let Some(gap) = x
                        .checked_sub(f)
                        .and_then(|g| g.checked_mul(Decimal::ONE_HUNDRED))
                        .and_then(|g| g.checked_div(t.abs()))
                        .map(round2)
                    else {
                        continue;
                    };
                    if gap.abs() > policy.forecast_gap {
                        let u = unit.as_deref().unwrap_or("");
                        push(
                            &mut out,
                            "forecast_off",
                            Some(&indicator.name),
                            row.forecast.clone(),
                            final_actual.clone(),
                            Some(gap),
                            format!(
                                "全年预计 {}{u}，实际完成 {}{u}，相差目标值的 {}%（超过 {}%）",
                                plain(f),
                                plain(x),
                                plain(gap.abs()),
                                plain(policy.forecast_gap)
                            ),
                        );
                    }
                }
                (Ok(Measure::Graded(fg, _)), Ok(Measure::Graded(xg, _)))
                    if (fg == Grade::Met) != (xg == Grade::Met) =>
                {
                    push(
                        &mut out,
                        "forecast_off",
                        Some(&indicator.name),
                        row.forecast.clone(),
                        final_actual.clone(),
                        None,
                        format!(
                            "全年预计{}达成，自评{}达成",
                            if fg == Grade::Met { "" } else { "未" },
                            if xg == Grade::Met { "" } else { "未" }
                        ),
                    );
                }
                _ => {}
            }
        }
    }
    out
}
