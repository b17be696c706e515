//! Roll-up of monitoring reports by department (`domain.md` §8): projects by colour,
//! monitored funds, funds-weighted execution and counts by deviation reason.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::measure::round2;
use super::model::Reason;
use super::report::MonitorReport;

/// The monitoring of one department's projects.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DepartmentRollup {
    /// 主管部门 (empty when the reports name none).
    pub department: String,
    /// How many projects.
    pub projects: usize,
    /// Projects by colour (`red`, `yellow`, `green`, `blue`, `none` when not rated).
    pub colours: BTreeMap<String, usize>,
    /// 全年预算数 summed, in 元.
    #[serde(with = "rust_decimal::serde::str")]
    pub budget: Decimal,
    /// 1-X月执行数 summed, in 元.
    #[serde(with = "rust_decimal::serde::str")]
    pub executed: Decimal,
    /// 全年预计执行数 summed, in 元.
    #[serde(with = "rust_decimal::serde::str")]
    pub forecast: Decimal,
    /// Funds-weighted execution: Σ执行数 / Σ预算数 in percent, 2 decimals; `None` when the
    /// budget sums to 0.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub rate: Option<Decimal>,
    /// Indicator rows naming each deviation reason.
    pub reasons: BTreeMap<Reason, usize>,
}

/// Rolls reports up by 主管部门, in the order departments first appear. Projects whose
/// budget lacks a figure add nothing to the sums (they still count by colour).
///
/// ```
/// let rollup = jixiao::monitor::rollup(&[]);
/// assert!(rollup.is_empty());
/// ```
pub fn rollup(reports: &[MonitorReport]) -> Vec<DepartmentRollup> {
    let mut out: Vec<DepartmentRollup> = Vec::new();
    for report in reports {
        let department = report.department.clone().unwrap_or_default();
        let at = match out.iter().position(|r| r.department == department) {
            Some(at) => at,
            None => {
                out.push(DepartmentRollup {
                    department,
                    projects: 0,
                    colours: BTreeMap::new(),
                    budget: Decimal::ZERO,
                    executed: Decimal::ZERO,
                    forecast: Decimal::ZERO,
                    rate: None,
                    reasons: BTreeMap::new(),
                });
                out.len() - 1
            }
        };
        let r = &mut out[at];
        r.projects += 1;
        let colour = report.colour.map_or("none", |c| c.as_str());
        *r.colours.entry(colour.to_owned()).or_default() += 1;
        let yuan = report.budget.unit.in_yuan();
        let b = &report.budget;
        if let (Some(a), Some(e)) = (b.adjusted, b.executed) {
            r.budget = r.budget.saturating_add(a.saturating_mul(yuan));
            r.executed = r.executed.saturating_add(e.saturating_mul(yuan));
        }
        if let Some(f) = b.forecast {
            r.forecast = r.forecast.saturating_add(f.saturating_mul(yuan));
        }
        for reason in report
            .indicators
            .iter()
            .flat_map(|i| i.reasons.iter().flatten())
        {
            *r.reasons.entry(*reason).or_default() += 1;
        }
    }
    for r in &mut out {
        r.rate = (!r.budget.is_zero())
            .then(|| {
                r.executed
                    .checked_mul(Decimal::ONE_HUNDRED)
                    .and_then(|x| x.checked_div(r.budget))
            })
            .flatten()
            .map(round2);
    }
    out
}
