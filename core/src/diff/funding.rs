//! Money against outputs (资金与产出, `domain.md` §9): the change of 年度资金申请总额,
//! the implied unit cost (funds / quantity) of each 数量指标 and its change, and funding up
//! while the quantity outputs are flat or down. Amounts are compared in 元, exactly; unit
//! costs are rounded to 0.01 元 (MidpointAwayFromZero) where they are shown.

use rust_decimal::{Decimal, RoundingStrategy};

use super::kinds::change_rate;
use super::matching::IndicatorMatch;
use super::{Change, ChangeKind};
use crate::model::{Declaration, Indicator};
use crate::taxonomy::Level2;
use crate::value::{unit, UnitClass};

/// 年度资金申请总额 in 元, when given.
fn annual_yuan(d: &Declaration) -> Option<Decimal> {
    d.funding.annual?.checked_mul(d.funding.unit.in_yuan())
}

/// An amount in 元 as shown: two decimals.
fn yuan(v: Decimal) -> String {
    format!(
        "{:.2}",
        v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    )
}

/// A 数量指标 pair whose quantities compare: (name, old, new, unit), both in one unit.
struct Quantity<'a> {
    name: &'a str,
    old: Decimal,
    new: Decimal,
    unit: &'a str,
}

/// The quantity outputs of the matched pairs: 数量指标 on both sides, quantitative,
/// positive, not a percent, in units that compare.
fn quantities<'a>(
    old: &'a [Indicator],
    new: &'a [Indicator],
    matches: &[IndicatorMatch],
) -> Vec<Quantity<'a>> {
    let mut out = Vec::new();
    for m in matches {
        let (Some(o), Some(n)) = (old.get(m.old), new.get(m.new)) else {
            continue;
        };
        let is_quantity = |i: &Indicator| {
            i.level2 == Some(Level2::Quantity)
                && i.target.is_quantitative()
                && i.target.unit_class != Some(UnitClass::Percent)
        };
        if !(is_quantity(o) && is_quantity(n)) {
            continue;
        }
        let (Some(ov), Some(nv)) = (o.target.value, n.target.value) else {
            continue;
        };
        let (ou, nu) = (
            o.target.unit.as_deref().unwrap_or(""),
            n.target.unit.as_deref().unwrap_or(""),
        );
        // The new unit is the one shown: bring the old value into it when it converts.
        let old_in_new = if ou.is_empty() || nu.is_empty() || unit::same(ou, nu) {
            Some(ov)
        } else {
            unit::convert(ov, ou, nu)
        };
        let Some(ov) = old_in_new else { continue };
        if ov <= Decimal::ZERO || nv <= Decimal::ZERO {
            continue;
        }
        out.push(Quantity {
            name: &n.name,
            old: ov,
            new: nv,
            unit: if nu.is_empty() { ou } else { nu },
        });
    }
    out
}

/// `C040 funding_changed`, `C041`/`C042 funding_vs_output`.
pub(crate) fn funding_changes(
    old: &Declaration,
    new: &Declaration,
    matches: &[IndicatorMatch],
) -> Vec<Change> {
    let mut out = Vec::new();
    let (Some(fo), Some(fn_)) = (annual_yuan(old), annual_yuan(new)) else {
        return out;
    };
    let rate = change_rate(fo, fn_);
    let rate_zh = rate
        .as_ref()
        .map(|r| format!("（{r}%）"))
        .unwrap_or_default();
    let rate_en = rate
        .as_ref()
        .map(|r| format!(" ({r}%)"))
        .unwrap_or_default();
    if fo != fn_ {
        out.push(Change::new(
            "C040",
            ChangeKind::FundingChanged,
            None,
            Some(yuan(fo)),
            Some(yuan(fn_)),
            format!(
                "年度资金申请总额由 {} 元变为 {} 元{rate_zh}",
                yuan(fo),
                yuan(fn_)
            ),
            format!(
                "annual funding changed from {} to {} yuan{rate_en}",
                yuan(fo),
                yuan(fn_)
            ),
        ));
    }
    let qs = quantities(&old.indicators, &new.indicators, matches);
    if fn_ > fo && !qs.is_empty() && qs.iter().all(|q| q.new <= q.old) {
        let list_zh: Vec<String> = qs
            .iter()
            .map(|q| format!("{} {}{u} → {}{u}", q.name, q.old, q.new, u = q.unit))
            .collect();
        let flat = qs.iter().all(|q| q.new == q.old);
        out.push(Change::new(
            "C041",
            ChangeKind::FundingVsOutput,
            None,
            Some(yuan(fo)),
            Some(yuan(fn_)),
            format!(
                "年度资金增加{rate_zh}，而数量指标{}：{}",
                if flat { "持平" } else { "持平或下降" },
                list_zh.join("；")
            ),
            format!(
                "funding up{rate_en} while the quantity outputs are {}: {}",
                if flat { "flat" } else { "flat or down" },
                list_zh.join("; ")
            ),
        ));
    }
    for q in &qs {
        let (Some(co), Some(cn)) = (fo.checked_div(q.old), fn_.checked_div(q.new)) else {
            continue;
        };
        let (co, cn) = (yuan(co), yuan(cn));
        if co == cn {
            continue;
        }
        let rate = co
            .parse::<Decimal>()
            .ok()
            .zip(cn.parse::<Decimal>().ok())
            .and_then(|(a, b)| change_rate(a, b));
        let (rate, rate_en) = match rate {
            Some(r) => (format!("（{r}%）"), format!(" ({r}%)")),
            None => (String::new(), String::new()),
        };
        let u = q.unit;
        out.push(Change::new(
            "C042",
            ChangeKind::FundingVsOutput,
            Some(q.name),
            Some(co.clone()),
            Some(cn.clone()),
            format!(
                "单位成本（年度资金 ÷ {}）由 {co} 元/{u} 变为 {cn} 元/{u}{rate}：资金 {} → {} 元，数量 {}{u} → {}{u}",
                q.name,
                yuan(fo),
                yuan(fn_),
                q.old,
                q.new
            ),
            format!(
                "unit cost (annual funding / {}) changed from {co} to {cn} yuan per {u}{rate_en}",
                q.name
            ),
        ));
    }
    out
}
