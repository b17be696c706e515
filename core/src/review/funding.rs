//! Funding rules (项目资金): the arithmetic of the funding block. Absent cells are never
//! taken as zero: a check runs only on the figures that are there.

use rust_decimal::Decimal;

use super::{Aspect, Ctx, RuleInfo};
use crate::diagnostic::{Finding, Severity};
use crate::model::{Funding, MoneyUnit};

/// F001: a total differs from the sum of its parts.
pub(super) const F001: RuleInfo = RuleInfo {
    code: "F001",
    severity: Severity::Error,
    title: "资金合计不符：年度资金申请总额 ≠ 当年财政拨款 + 上年结转资金 + 其他资金（或项目资金总额 ≠ 财政资金 + 其他资金）",
    title_en: "Funding does not add up: annual request ≠ fiscal + carry-over + other (or project total ≠ fiscal + other)",
    source: "财政项目支出绩效目标申报表 (财预〔2015〕88号 附件)",
    aspect: Aspect::Completeness,
};

/// F002: one part larger than its total.
pub(super) const F002: RuleInfo = RuleInfo {
    code: "F002",
    severity: Severity::Error,
    title: "资金分项大于合计",
    title_en: "A funding part is larger than its total",
    source: "财政项目支出绩效目标申报表 (财预〔2015〕88号 附件)",
    aspect: Aspect::Completeness,
};

/// F003: a negative amount.
pub(super) const F003: RuleInfo = RuleInfo {
    code: "F003",
    severity: Severity::Error,
    title: "资金金额为负数",
    title_en: "Negative funding amount",
    source: "domain.md §1",
    aspect: Aspect::Completeness,
};

/// F004: 项目资金总额 below 年度资金申请总额.
pub(super) const F004: RuleInfo = RuleInfo {
    code: "F004",
    severity: Severity::Error,
    title: "项目资金总额小于年度资金申请总额",
    title_en: "Project total funding is less than the annual request",
    source: "财政项目支出绩效目标申报表 (财预〔2015〕88号 附件)",
    aspect: Aspect::Completeness,
};

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let f = &ctx.decl.funding;
    negative(ctx, f, out);
    let annual_parts = [
        ("当年财政拨款", "current-year fiscal", f.annual_fiscal),
        ("上年结转资金", "carry-over", f.annual_carryover),
        ("其他资金", "other", f.annual_other),
    ];
    let total_parts = [
        ("财政资金", "fiscal", f.total_fiscal),
        ("其他资金", "other", f.total_other),
    ];
    let annual = ("年度资金申请总额", "annual request", f.annual);
    let total = ("项目资金总额", "project total", f.total);
    if !sum_mismatch(ctx, f, annual, &annual_parts, out) {
        part_exceeds(ctx, f, annual, &annual_parts, out);
    }
    if !sum_mismatch(ctx, f, total, &total_parts, out) {
        part_exceeds(ctx, f, total, &total_parts, out);
    }
    total_below_annual(ctx, f, out);
}

type Named = (&'static str, &'static str, Option<Decimal>);

/// An amount with its unit (`1188000 万元`).
pub(super) fn amount(value: Decimal, unit: MoneyUnit) -> String {
    format!("{value} {}", unit.as_str())
}

/// [`amount`] in English.
pub(super) fn amount_en(value: Decimal, unit: MoneyUnit) -> String {
    let unit = match unit {
        MoneyUnit::Yuan => "yuan",
        MoneyUnit::WanYuan => "×10,000 yuan",
    };
    format!("{value} {unit}")
}

/// F001: when the total and every part are present, the parts must add up to the total.
/// Returns whether it fired.
fn sum_mismatch(
    ctx: &Ctx<'_>,
    f: &Funding,
    (name, name_en, total): Named,
    parts: &[Named],
    out: &mut Vec<Finding>,
) -> bool {
    let Some(total) = total else { return false };
    let mut sum = Decimal::ZERO;
    for (_, _, part) in parts {
        match part.and_then(|v| sum.checked_add(v)) {
            Some(s) => sum = s,
            None => return false, // absent, or beyond any real amount
        }
    }
    let Some(difference) = total.checked_sub(sum).filter(|d| !d.is_zero()) else {
        return false;
    };
    let names: Vec<_> = parts.iter().map(|p| p.0).collect();
    let names_en: Vec<_> = parts.iter().map(|p| p.1).collect();
    out.push(ctx.at_project(
        &F001,
        &f.source,
        format!(
            "{name} {} ≠ {} 之和 {}（差额 {}）",
            amount(total, f.unit),
            names.join(" + "),
            amount(sum, f.unit),
            amount(difference, f.unit)
        ),
        format!(
            "{name_en} {} ≠ {} = {} (difference {})",
            amount_en(total, f.unit),
            names_en.join(" + "),
            amount_en(sum, f.unit),
            amount_en(difference, f.unit)
        ),
    ));
    true
}

/// F002: a part larger than its total. Runs when F001 could not (a part is absent) or did
/// not fire, so one slip is reported once.
fn part_exceeds(
    ctx: &Ctx<'_>,
    f: &Funding,
    (name, name_en, total): Named,
    parts: &[Named],
    out: &mut Vec<Finding>,
) {
    let Some(total) = total else { return };
    for (part, part_en, value) in parts {
        if let Some(v) = value {
            if *v > total {
                out.push(ctx.at_project(
                    &F002,
                    &f.source,
                    format!(
                        "{part} {} 大于{name} {}",
                        amount(*v, f.unit),
                        amount(total, f.unit)
                    ),
                    format!(
                        "{part_en} {} exceeds the {name_en} {}",
                        amount_en(*v, f.unit),
                        amount_en(total, f.unit)
                    ),
                ));
            }
        }
    }
}

/// F003: no amount may be negative.
fn negative(ctx: &Ctx<'_>, f: &Funding, out: &mut Vec<Finding>) {
    let all = [
        ("项目资金总额", "project total", f.total),
        ("财政资金", "project fiscal", f.total_fiscal),
        ("其他资金（项目）", "project other", f.total_other),
        ("年度资金申请总额", "annual request", f.annual),
        ("当年财政拨款", "current-year fiscal", f.annual_fiscal),
        ("上年结转资金", "carry-over", f.annual_carryover),
        ("其他资金（年度）", "annual other", f.annual_other),
    ];
    for (name, name_en, value) in all {
        if let Some(v) = value.filter(|v| v.is_sign_negative() && !v.is_zero()) {
            out.push(ctx.at_project(
                &F003,
                &f.source,
                format!("{name}为负数：{}", amount(v, f.unit)),
                format!("{name_en} is negative: {}", amount_en(v, f.unit)),
            ));
        }
    }
}

/// F004: the project's total funding cannot be less than what is asked for the year.
fn total_below_annual(ctx: &Ctx<'_>, f: &Funding, out: &mut Vec<Finding>) {
    if let (Some(total), Some(annual)) = (f.total, f.annual) {
        if total < annual {
            out.push(ctx.at_project(
                &F004,
                &f.source,
                format!(
                    "项目资金总额 {} 小于年度资金申请总额 {}",
                    amount(total, f.unit),
                    amount(annual, f.unit)
                ),
                format!(
                    "project total {} is less than the annual request {}",
                    amount_en(total, f.unit),
                    amount_en(annual, f.unit)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::super::test_support::*;
    use super::super::{review_declaration, ReviewPolicy};

    fn d(v: i64) -> Option<Decimal> {
        Some(Decimal::new(v, 2))
    }

    #[test]
    fn f001_annual_sum_mismatch_names_project_and_line() {
        let mut decl = clean();
        decl.funding.annual = d(150_000);
        let found = review_declaration(&decl, Some(2024), &ReviewPolicy::default());
        assert_eq!(found.len(), 1, "{found:?}");
        let f = &found[0];
        assert_eq!(f.code, "F001");
        assert_eq!(f.project.as_deref(), Some("测试项目"));
        assert_eq!(f.line, Some(5));
        assert_eq!(f.file.as_deref(), Some("t.txt"));
        assert!(f.message.contains("500.00"), "{}", f.message);
    }

    #[test]
    fn f001_needs_every_part_and_checks_the_project_side() {
        let mut decl = clean();
        decl.funding.annual_other = None;
        decl.funding.annual = d(150_000); // parts 800 + 200 + absent: cannot tell
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());

        let mut decl = clean();
        decl.funding.total = d(300_000);
        decl.funding.total_fiscal = d(200_000);
        decl.funding.total_other = d(50_000);
        assert_eq!(codes(&decl, &ReviewPolicy::default()), ["F001"]);
        decl.funding.total_other = d(100_000);
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());
    }

    #[test]
    fn f001_equal_at_different_scales() {
        let mut decl = clean();
        decl.funding.annual = Some(Decimal::from(1000));
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());
    }

    #[test]
    fn f002_part_larger_than_total() {
        let mut decl = clean();
        decl.funding.annual_carryover = None;
        decl.funding.annual_fiscal = d(120_000);
        assert_eq!(codes(&decl, &ReviewPolicy::default()), ["F002"]);
        decl.funding.annual_fiscal = d(90_000);
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());
        // when F001 already says the sum is wrong, F002 stays quiet
        let mut decl = clean();
        decl.funding.annual_fiscal = d(120_000);
        assert_eq!(codes(&decl, &ReviewPolicy::default()), ["F001"]);
    }

    #[test]
    fn f003_negative() {
        let mut decl = clean();
        decl.funding.annual_other = d(-100);
        decl.funding.annual_carryover = d(20_100);
        assert_eq!(codes(&decl, &ReviewPolicy::default()), ["F003"]);
        decl.funding.annual_other = Some(Decimal::new(0, 2));
        decl.funding.annual_carryover = d(20_000);
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());
    }

    #[test]
    fn huge_amounts_do_not_panic() {
        let mut decl = clean();
        decl.funding.annual = Some(Decimal::MAX);
        decl.funding.annual_fiscal = Some(Decimal::MAX);
        decl.funding.annual_carryover = Some(Decimal::MAX);
        decl.funding.total = Some(Decimal::MIN);
        decl.funding.total_fiscal = Some(Decimal::MAX);
        decl.funding.total_other = Some(Decimal::MIN);
        let found = codes(&decl, &ReviewPolicy::default());
        assert!(found.contains(&"F003".to_owned()), "{found:?}");
        let doc = crate::model::Document {
            declarations: vec![decl.clone(), decl],
            ..Default::default()
        };
        let s = crate::summary::summarize(&[doc], &ReviewPolicy::default());
        assert_eq!(s.figures.projects, 2);
    }

    #[test]
    fn f004_total_below_annual() {
        let mut decl = clean();
        decl.funding.total = d(50_000);
        assert_eq!(codes(&decl, &ReviewPolicy::default()), ["F004"]);
        decl.funding.total = d(100_000);
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());
    }
}
