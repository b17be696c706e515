//! Cross-checks between the form's figures (all profiles): the annual amount against the
//! money the indicators and the 测算依据 name.
//!
//! A finance system's export often holds the annual amount in 元 under a 万元 header
//! (`本年度项目金额（万元）` = 1188000 beside a 成本指标 `≤118.8万元`): ten thousand times off.
//! Every figure is compared in 元, exactly; a finding names both figures, their units and
//! the likely mistake.
//!
//! - X001: the annual amount is between [`UNIT_BAND_LOW`] and [`UNIT_BAND_HIGH`] times the
//!   money the indicators (or the 测算依据) name, or that many times less: a ratio near
//!   10 000 is a 元/万元 mistake. The band is wide around 10 000 because a 成本指标 often
//!   covers only a part of the amount (a third or more in practice).
//! - X002: the 成本指标 together ask for more than the whole annual amount.
//! - X003: a quantity target times a unit-cost target (`≥17人` × `≤5000元/人`) is more than
//!   the annual amount.

use rust_decimal::Decimal;

use super::funding::{amount, amount_en};
use super::structure::is_cost;
use super::{Aspect, Ctx, RuleInfo};
use crate::diagnostic::{Finding, Severity};
use crate::model::{Indicator, MoneyUnit};
use crate::taxonomy::Level2;
use crate::value::unit;
use crate::value::Target;

/// X001: the annual amount and the indicators' money differ by a factor near 10 000.
pub(super) const X001: RuleInfo = RuleInfo {
    code: "X001",
    severity: Severity::Warning,
    title: "金额单位疑似填错：本年度金额与成本指标（或测算依据）相差约一万倍（元/万元）",
    title_en: "Amount unit looks wrong: the annual amount and the cost targets (or the \
               calculation basis) differ by about 10,000 times (yuan vs 10,000 yuan)",
    source: "domain.md §1 (金额单位); 财预〔2015〕88号 (绩效目标与预算资金相匹配)",
    aspect: Aspect::Completeness,
};

/// X002: the cost targets ask for more than the annual amount.
pub(super) const X002: RuleInfo = RuleInfo {
    code: "X002",
    severity: Severity::Warning,
    title: "成本指标合计超过本年度资金总额",
    title_en: "The cost targets add up to more than the annual amount",
    source: "财预〔2015〕88号 (绩效目标与预算资金相匹配)",
    aspect: Aspect::Feasibility,
};

/// X003: a quantity times its unit cost is more than the annual amount.
pub(super) const X003: RuleInfo = RuleInfo {
    code: "X003",
    severity: Severity::Warning,
    title: "数量指标 × 单位成本超过本年度资金总额",
    title_en: "A quantity target times its unit cost is more than the annual amount",
    source: "财预〔2015〕88号 (绩效目标与预算资金相匹配)",
    aspect: Aspect::Feasibility,
};

/// The lower end of the ratio that reads as a 元/万元 mistake.
pub const UNIT_BAND_LOW: u32 = 2_000;
/// The upper end of the ratio that reads as a 元/万元 mistake.
pub const UNIT_BAND_HIGH: u32 = 50_000;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let funding = &ctx.decl.funding;
    let Some(annual) = funding.annual.filter(|a| *a >= Decimal::ZERO) else {
        return;
    };
    let Some(annual_yuan) = annual.checked_mul(funding.unit.in_yuan()) else {
        return;
    };
    let costs: Vec<(&Indicator, Decimal)> = ctx
        .decl
        .indicators
        .iter()
        .filter(|i| is_cost(i))
        .filter_map(|i| cost_money(&i.target).map(|y| (i, y)))
        .collect();
    let cost_sum = costs
        .iter()
        .try_fold(Decimal::ZERO, |s, (_, y)| s.checked_add(*y));
    let annual_text = (
        amount(annual, funding.unit),
        amount_en(annual, funding.unit),
    );
    // X001 on the cost targets first, then on the 测算依据's figures
    let mut unit_mistake = false;
    if let Some(sum) = cost_sum.filter(|s| !s.is_zero()) {
        let what = costs_text(&costs);
        unit_mistake = unit_band(ctx, annual_yuan, sum, &annual_text, &what, out);
    }
    if !unit_mistake {
        if let Some(largest) = ctx
            .decl
            .project
            .calculation_basis
            .as_deref()
            .and_then(largest_money)
        {
            let what = (
                format!("测算依据所列金额 {}", yuan_text(largest)),
                format!("the calculation basis's figure {}", yuan_text_en(largest)),
            );
            unit_mistake = unit_band(ctx, annual_yuan, largest, &annual_text, &what, out);
        }
    }
    if unit_mistake {
        return;
    }
    if cost_sum.is_some_and(|sum| sum > annual_yuan) {
        let (what, what_en) = costs_text(&costs);
        let (zh, en) = if annual.is_zero() {
            (
                format!("本年度资金总额为 {}，但{what}", annual_text.0),
                format!("the annual amount is {}, but {what_en}", annual_text.1),
            )
        } else {
            (
                format!(
                    "{what}，超过本年度资金总额 {}（{}）",
                    annual_text.0,
                    yuan_text(annual_yuan)
                ),
                format!(
                    "{what_en}, more than the annual amount {} ({})",
                    annual_text.1,
                    yuan_text_en(annual_yuan)
                ),
            )
        };
        out.push(ctx.at_project(&X002, &funding.source, zh, en));
    }
    unit_costs(ctx, annual_yuan, &annual_text, out);
}

/// X001 for one figure: pushes the finding and returns whether the ratio is in the band.
fn unit_band(
    ctx: &Ctx<'_>,
    annual_yuan: Decimal,
    figure_yuan: Decimal,
    annual_text: &(String, String),
    (what, what_en): &(String, String),
    out: &mut Vec<Finding>,
) -> bool {
    let (low, high) = (Decimal::from(UNIT_BAND_LOW), Decimal::from(UNIT_BAND_HIGH));
    let funding = &ctx.decl.funding;
    // `x` lies between `low` and `high` times `of` (no overflow: out of range is not in it)
    let within = |x: Decimal, of: Decimal| {
        of.checked_mul(low).is_some_and(|l| x >= l) && of.checked_mul(high).is_none_or(|h| x <= h)
    };
    let ratio_of = |a: Decimal, b: Decimal| a.checked_div(b).map(|r| r.round());
    let (zh, en) = if let Some(ratio) = within(annual_yuan, figure_yuan)
        .then(|| ratio_of(annual_yuan, figure_yuan))
        .flatten()
    {
        let likely = match funding.unit {
            MoneyUnit::WanYuan => (
                format!(
                    "疑似以元填入万元栏（按元计为 {} 万元）",
                    plain(annual_yuan / Decimal::from(100_000_000))
                ),
                format!(
                    "likely yuan entered under a 10,000-yuan header (as yuan: {} ×10,000 yuan)",
                    plain(annual_yuan / Decimal::from(100_000_000))
                ),
            ),
            MoneyUnit::Yuan => (
                "疑似指标金额的单位填错（元/万元）".to_owned(),
                "likely the indicator's unit is wrong (yuan vs 10,000 yuan)".to_owned(),
            ),
        };
        (
            format!(
                "本年度资金总额 {} 是{what}的约 {ratio} 倍：{}",
                annual_text.0, likely.0
            ),
            format!(
                "the annual amount {} is about {ratio} times {what_en}: {}",
                annual_text.1, likely.1
            ),
        )
    } else if let Some(ratio) = (!annual_yuan.is_zero() && within(figure_yuan, annual_yuan))
        .then(|| ratio_of(figure_yuan, annual_yuan))
        .flatten()
    {
        (
            format!(
                "{what}是本年度资金总额 {} 的约 {ratio} 倍：疑似金额单位填错（元/万元）",
                annual_text.0
            ),
            format!(
                "{what_en} is about {ratio} times the annual amount {}: likely a unit mistake \
                 (yuan vs 10,000 yuan)",
                annual_text.1
            ),
        )
    } else {
        return false;
    };
    out.push(ctx.at_project(&X001, &funding.source, zh, en));
    true
}

/// X003: quantity × unit cost against the annual amount.
fn unit_costs(
    ctx: &Ctx<'_>,
    annual_yuan: Decimal,
    annual_text: &(String, String),
    out: &mut Vec<Finding>,
) {
    for cost in ctx.decl.indicators.iter().filter(|i| is_cost(i)) {
        let Some((per_unit, per)) = unit_money(&cost.target) else {
            continue;
        };
        for quantity in ctx
            .decl
            .indicators
            .iter()
            .filter(|i| i.level2 == Some(Level2::Quantity))
        {
            let t = &quantity.target;
            let (Some(count), Some(u)) = (t.value, t.unit.as_deref()) else {
                continue;
            };
            if !unit::same(u, &per) {
                continue;
            }
            let Some(implied) = count.checked_mul(per_unit) else {
                continue;
            };
            if implied > annual_yuan {
                let (q, c) = (quantity.name.trim(), cost.name.trim());
                out.push(ctx.at_indicator(
                    &X003,
                    cost,
                    format!(
                        "数量指标“{q}”{} × 单位成本“{c}”{} = {}，超过本年度资金总额 {}",
                        t.text.trim(),
                        cost.target.text.trim(),
                        yuan_text(implied),
                        annual_text.0
                    ),
                    format!(
                        "quantity `{q}` {} × unit cost `{c}` {} = {}, more than the annual \
                         amount {}",
                        t.text.trim(),
                        cost.target.text.trim(),
                        yuan_text_en(implied),
                        annual_text.1
                    ),
                ));
            }
        }
    }
}

/// The money a target names in 元 when it is a whole amount (`≤118.8万元`, `不超过30万/年`),
/// not a unit cost (`≤5000元/人`). A pure magnitude (`万`) in a money target is 万元.
pub(crate) fn total_money(target: &Target) -> Option<Decimal> {
    let value = target.value?;
    let unit = target.unit.as_deref()?;
    let info = unit::classify(unit)?;
    if info.base.is_empty() {
        return value.checked_mul(info.factor); // 万: a magnitude of 元 here
    }
    let (yuan, base) = unit::to_base(value, unit)?;
    (base == "元" || base == "元/年").then_some(yuan)
}

/// The money a cost target names in 元: its value as [`total_money`], or, when the grammar
/// gave no amount of money (a unit it does not know: `总成本不超过17.28万元一年`), the
/// largest amount its text names.
fn cost_money(target: &Target) -> Option<Decimal> {
    total_money(target).or_else(|| largest_money(&target.text))
}

/// A unit-cost target in 元 per unit: (元 per one, the unit) for `≤5000元/人`, `≤2万元/台`.
fn unit_money(target: &Target) -> Option<(Decimal, String)> {
    let value = target.value?;
    let unit = target.unit.as_deref()?;
    unit::classify(unit)?;
    let (yuan, base) = unit::to_base(value, unit)?;
    let per = base.strip_prefix("元/")?;
    (per != "年" && !per.is_empty()).then(|| (yuan, per.to_owned()))
}

/// The largest amount of money a text names (`保洁服务费18.51万元，安保服务费23.8644万元` →
/// 238644 元), in 元.
pub(crate) fn largest_money(text: &str) -> Option<Decimal> {
    money_figures(text).max()
}

/// Every amount of money a text names (a number followed by 元, 万元 or 亿元, not a unit
/// cost such as `5000元/人`), in 元.
pub(crate) fn money_figures(text: &str) -> impl Iterator<Item = Decimal> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let start = rest.find(|c: char| c.is_ascii_digit())?;
        let preceded_by_digit = rest[..start].ends_with(['.', ',']);
        let at = &rest[start..];
        let Some((value, len)) = crate::value::number::number(at) else {
            rest = &at[1..];
            continue;
        };
        let after = at[len..].trim_start();
        rest = &at[len..];
        if preceded_by_digit {
            continue;
        }
        let (factor, unit_len) = if after.starts_with("亿元") {
            (100_000_000, "亿元".len())
        } else if after.starts_with("万元") {
            (10_000, "万元".len())
        } else if after.starts_with('元') {
            (1, '元'.len_utf8())
        } else if bare_wan(after) {
            (10_000, "万".len())
        } else {
            continue;
        };
        // a unit cost (`5000元/人`, `800元每次`) is not an amount; per year (`/年`) is
        let per = after[unit_len..].trim_start();
        if let Some(rest) = per.strip_prefix(['/', '每']) {
            if !rest.trim_start().starts_with('年') {
                continue;
            }
        }
        if let Some(yuan) = value.checked_mul(Decimal::from(factor)) {
            return Some(yuan);
        }
    })
}

/// Whether `万` at the start of `after` is 万元 left short (`83.32万`, `51.71万一年`,
/// `20万+13万`), not a magnitude of something else (`3万人次`, `0.5万亩`).
fn bare_wan(after: &str) -> bool {
    let Some(rest) = after.strip_prefix('万') else {
        return false;
    };
    let rest = rest.trim_start();
    match rest.chars().next() {
        None => true,
        Some(c) if !is_ideograph(c) => true,
        Some(_) => ["一年", "每年", "年", "元"]
            .iter()
            .any(|w| rest.starts_with(w)),
    }
}

/// A CJK ideograph (what a unit such as 人, 亩, 平方米 starts with).
fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The cost targets as a phrase: one named, or their sum.
fn costs_text(costs: &[(&Indicator, Decimal)]) -> (String, String) {
    match costs {
        [(i, y)] => (
            format!(
                "成本指标“{}”（{}，即 {}）",
                i.name.trim(),
                i.target.text.trim(),
                yuan_text(*y)
            ),
            format!(
                "cost target `{}` ({}, i.e. {})",
                i.name.trim(),
                i.target.text.trim(),
                yuan_text_en(*y)
            ),
        ),
        _ => {
            let sum = costs
                .iter()
                .try_fold(Decimal::ZERO, |s, (_, y)| s.checked_add(*y))
                .unwrap_or(Decimal::MAX);
            (
                format!("{} 个成本指标合计 {}", costs.len(), yuan_text(sum)),
                format!(
                    "{} cost targets together {}",
                    costs.len(),
                    yuan_text_en(sum)
                ),
            )
        }
    }
}

/// An amount in 元 as 万元 when it is at least 1 万元 (`1188000 元` → `118.8 万元`).
fn yuan_text(yuan: Decimal) -> String {
    if yuan.abs() >= Decimal::from(10_000) {
        format!("{} 万元", plain(yuan / Decimal::from(10_000)))
    } else {
        format!("{} 元", plain(yuan))
    }
}

/// [`yuan_text`] in English.
fn yuan_text_en(yuan: Decimal) -> String {
    if yuan.abs() >= Decimal::from(10_000) {
        format!("{} ×10,000 yuan", plain(yuan / Decimal::from(10_000)))
    } else {
        format!("{} yuan", plain(yuan))
    }
}

/// A decimal without trailing zeros.
fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::ReviewPolicy;
    use super::*;
    use crate::value::Comparator;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn with_cost(annual: &str, unit: MoneyUnit, cost: Target) -> crate::model::Declaration {
        let mut decl = clean();
        decl.funding = crate::model::Funding {
            unit,
            annual: Some(d(annual)),
            ..Default::default()
        };
        decl.indicators.push(ind(
            crate::taxonomy::Level1::Output,
            Level2::Cost,
            "总成本",
            cost,
            13,
        ));
        decl
    }

    fn x_codes(decl: &crate::model::Declaration) -> Vec<String> {
        codes(decl, &ReviewPolicy::default())
            .into_iter()
            .filter(|c| c.starts_with('X'))
            .collect()
    }

    #[test]
    fn yuan_under_a_wan_yuan_header_is_found_with_both_figures() {
        // 1188000 "万元" beside ≤118.8万元: 10 000 times off
        let decl = with_cost(
            "1188000",
            MoneyUnit::WanYuan,
            quant(Comparator::AtMost, "118.8", Some("万元")),
        );
        let found = super::super::review_declaration(&decl, None, &ReviewPolicy::default());
        let x: Vec<_> = found.iter().filter(|f| f.code.starts_with('X')).collect();
        assert_eq!(x.len(), 1, "{found:?}");
        assert_eq!(x[0].code, "X001");
        assert!(x[0].message.contains("1188000 万元"), "{}", x[0].message);
        assert!(x[0].message.contains("118.8 万元"), "{}", x[0].message);
        assert!(x[0].message.contains("约 10000 倍"), "{}", x[0].message);
    }

    #[test]
    fn a_part_of_the_amount_is_still_a_unit_mistake_within_the_band() {
        // 232900 "万元" and a cost target of 7.2万元: ratio 32347
        let decl = with_cost(
            "232900",
            MoneyUnit::WanYuan,
            quant(Comparator::AtMost, "7.2", Some("万元")),
        );
        assert_eq!(x_codes(&decl), ["X001"]);
    }

    #[test]
    fn consistent_amounts_have_no_finding() {
        let decl = with_cost(
            "118.8",
            MoneyUnit::WanYuan,
            quant(Comparator::AtMost, "118.8", Some("万元")),
        );
        assert!(x_codes(&decl).is_empty());
        // a unit cost is not compared with the whole amount by X001
        let decl = with_cost(
            "100",
            MoneyUnit::WanYuan,
            quant(Comparator::AtMost, "100", Some("元/人")),
        );
        assert!(x_codes(&decl).is_empty());
    }

    #[test]
    fn cost_above_the_annual_amount() {
        let decl = with_cost(
            "100",
            MoneyUnit::WanYuan,
            quant(Comparator::AtMost, "150", Some("万元")),
        );
        assert_eq!(x_codes(&decl), ["X002"]);
        let decl = with_cost(
            "0",
            MoneyUnit::WanYuan,
            quant(Comparator::AtMost, "15", Some("万元")),
        );
        let found = super::super::review_declaration(&decl, None, &ReviewPolicy::default());
        let x2 = found.iter().find(|f| f.code == "X002").expect("X002");
        assert!(
            x2.message.starts_with("本年度资金总额为 0 万元"),
            "{}",
            x2.message
        );
    }

    #[test]
    fn cost_target_in_the_wrong_unit_under_a_yuan_header() {
        // 1188000 元 and ≤1188000万元
        let decl = with_cost(
            "1188000",
            MoneyUnit::Yuan,
            quant(Comparator::AtMost, "1188000", Some("万元")),
        );
        assert_eq!(x_codes(&decl), ["X001"]);
    }

    #[test]
    fn calculation_basis_figures_are_evidence_too() {
        let mut decl = clean();
        decl.funding = crate::model::Funding {
            unit: MoneyUnit::WanYuan,
            annual: Some(d("423744")),
            ..Default::default()
        };
        decl.project.calculation_basis = Some("保洁服务费18.51万元，安保服务费23.8644万元".into());
        assert_eq!(x_codes(&decl), ["X001"]);
        assert_eq!(
            money_figures("单价1,200元×10人=1.2万元；另 3 万人次，5000元/人，3万元/年")
                .collect::<Vec<_>>(),
            [d("1200"), d("12000"), d("30000")]
        );
        assert_eq!(
            money_figures("生鲜83.32万，车险1.1万一年，0.5万亩，20万+13万").collect::<Vec<_>>(),
            [d("833200"), d("11000"), d("200000"), d("130000")]
        );
    }

    #[test]
    fn extreme_figures_do_not_overflow() {
        for (annual, cost) in [
            ("79228162514264337593543950335", "0.0000000001"),
            ("0.0000000001", "79228162514264337593543950335"),
            (
                "7922816251426433759354395033",
                "7922816251426433759354395033",
            ),
        ] {
            let decl = with_cost(
                annual,
                MoneyUnit::Yuan,
                quant(Comparator::AtMost, cost, Some("万元")),
            );
            let _ = x_codes(&decl);
            let mut two = decl.clone();
            two.indicators.push(two.indicators.last().unwrap().clone());
            let _ = x_codes(&two);
        }
    }

    #[test]
    fn quantity_times_unit_cost() {
        let mut decl = with_cost(
            "5",
            MoneyUnit::WanYuan,
            quant(Comparator::AtMost, "5000", Some("元/人")),
        );
        // clean() has 培训人数 ≥17人: 17 × 5000 = 85000 元 > 5万元
        assert_eq!(x_codes(&decl), ["X003"]);
        decl.funding.annual = Some(d("9"));
        assert!(x_codes(&decl).is_empty());
    }
}
