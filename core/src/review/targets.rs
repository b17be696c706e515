//! Target rules (指标值): is each 三级 indicator's target there, valid, measurable and
//! pointing the right way — and is the declaration mostly quantitative?
//!
//! The rules read the parsed [`Target`] (kind, problem, comparator, unit, class); they do
//! not re-parse its text, except to look for a number or a baseline in a qualitative one.

use rust_decimal::{Decimal, RoundingStrategy};

use super::structure::is_cost;
use super::{Aspect, Ctx, RuleInfo};
use crate::diagnostic::{Finding, Severity};
use crate::model::Indicator;
use crate::taxonomy::{Level1, Level2};
use crate::value::{Comparator, QualitativeClass, Target, TargetKind, UnitClass, ValueProblem};

/// T001: the target does not parse.
pub(super) const T001: RuleInfo = RuleInfo {
    code: "T001",
    severity: Severity::Error,
    title: "指标值无法解析",
    title_en: "Target value cannot be parsed",
    source: "财预〔2015〕88号 (绩效指标应清晰、可衡量)",
    aspect: Aspect::Measurability,
};

/// T002: a template placeholder left unfilled.
pub(super) const T002: RuleInfo = RuleInfo {
    code: "T002",
    severity: Severity::Error,
    title: "指标值为未填写的占位符（如 **、XX）",
    title_en: "Target value is an unfilled placeholder (`**`, `XX`)",
    source: "财预〔2015〕88号 (绩效目标应完整)",
    aspect: Aspect::Measurability,
};

/// T003: quantitative target without a unit.
pub(super) const T003: RuleInfo = RuleInfo {
    code: "T003",
    severity: Severity::Warning,
    title: "定量指标值缺少计量单位",
    title_en: "Quantitative target without a unit",
    source: "财预〔2021〕101号 (指标值应明确计量单位)",
    aspect: Aspect::Measurability,
};

/// T004: a percent target above 100.
pub(super) const T004: RuleInfo = RuleInfo {
    code: "T004",
    severity: Severity::Warning,
    title: "百分比指标值超过 100%",
    title_en: "Percent target above 100%",
    source: "domain.md §3",
    aspect: Aspect::Measurability,
};

/// T005: comparator against the grain of the indicator.
pub(super) const T005: RuleInfo = RuleInfo {
    code: "T005",
    severity: Severity::Warning,
    title: "比较方向与指标性质相反（成本指标用 ≥/>，满意度指标用 ≤/<）",
    title_en: "Comparator against the grain (cost with ≥/>, satisfaction with ≤/<)",
    source: "财预〔2021〕101号 (成本指标为上限, 满意度指标为下限)",
    aspect: Aspect::Measurability,
};

/// T006: a 满意度 target written as text.
pub(super) const T006: RuleInfo = RuleInfo {
    code: "T006",
    severity: Severity::Warning,
    title: "满意度指标值为文字（如“满意”），应为满意率",
    title_en: "Satisfaction target written as text (`满意`) instead of a rate",
    source: "财预〔2021〕101号 (满意度指标原则上以满意率表示, 一般不低于 80%/85%)",
    aspect: Aspect::Measurability,
};

/// T007: vague qualitative target.
pub(super) const T007: RuleInfo = RuleInfo {
    code: "T007",
    severity: Severity::Warning,
    title: "定性指标值含糊、不可衡量（如“提高”“有一定促进作用”，无水平或基数）",
    title_en: "Vague qualitative target, not measurable (`提高` with no level or baseline)",
    source: "财预〔2015〕88号 (指标应细化、量化, 可衡量)",
    aspect: Aspect::Measurability,
};

/// T008: too few quantitative indicators.
pub(super) const T008: RuleInfo = RuleInfo {
    code: "T008",
    severity: Severity::Warning,
    title: "定量指标占比低于阈值",
    title_en: "Share of quantitative indicators below the threshold",
    source: "财预〔2015〕88号 (定量为主、定性为辅); policy min_quantitative_share",
    aspect: Aspect::Measurability,
};

/// T009: nothing written.
pub(super) const T009: RuleInfo = RuleInfo {
    code: "T009",
    severity: Severity::Error,
    title: "指标值为空",
    title_en: "Target value is empty",
    source: "财预〔2015〕88号 (绩效目标应完整)",
    aspect: Aspect::Completeness,
};

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for indicator in &ctx.decl.indicators {
        if indicator.name.trim().is_empty() && indicator.target.text.trim().is_empty() {
            continue; // an empty 二级 row: S003
        }
        invalid(ctx, indicator, out);
        no_unit(ctx, indicator, out);
        percent_over_100(ctx, indicator, out);
        against_the_grain(ctx, indicator, out);
        satisfaction_as_text(ctx, indicator, out);
        vague(ctx, indicator, out);
    }
    quantitative_share(ctx, out);
}

/// T001, T002, T009: an invalid target, by its problem.
fn invalid(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    let t = &indicator.target;
    let empty = t.text.trim().is_empty();
    let problem = match (t.kind, t.problem) {
        (TargetKind::Invalid, Some(p)) => p,
        (TargetKind::Invalid, None) if empty => ValueProblem::Empty,
        (TargetKind::Invalid, None) => ValueProblem::Unparseable,
        // whatever a reader made of it, blank text is an empty target
        _ if empty => ValueProblem::Empty,
        _ => return,
    };
    let text = t.text.trim();
    let (rule, zh, en) = match problem {
        ValueProblem::Empty => (
            &T009,
            "指标值为空".to_owned(),
            "target value is empty".to_owned(),
        ),
        ValueProblem::Placeholder => (
            &T002,
            format!("指标值“{text}”是未填写的占位符"),
            format!("target `{text}` is a placeholder left from a template"),
        ),
        ValueProblem::Unparseable => (
            &T001,
            format!("指标值“{text}”无法解析"),
            format!("target `{text}` cannot be parsed"),
        ),
    };
    out.push(ctx.at_indicator(rule, indicator, zh, en));
}

/// T003: a quantitative target names its unit (`≥17人`, not `≥17`).
fn no_unit(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    let t = &indicator.target;
    if t.kind == TargetKind::Quantitative && t.unit.as_deref().is_none_or(|u| u.trim().is_empty()) {
        let text = t.text.trim();
        out.push(ctx.at_indicator(
            &T003,
            indicator,
            format!("定量指标值“{text}”缺少计量单位"),
            format!("quantitative target `{text}` has no unit"),
        ));
    }
}

/// Whether a target's unit is a percent (`%`, `％`, `百分比`).
fn is_percent(t: &Target) -> bool {
    if let Some(class) = t.unit_class.or_else(|| t.unit_info().map(|i| i.class)) {
        return class == UnitClass::Percent;
    }
    let unit = t.unit.as_deref().unwrap_or("").trim();
    let unit = unit
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    matches!(unit.trim(), "%" | "％" | "百分比" | "百分率")
}

/// T004: a rate to reach (`≥`, `>`, `=`) above 100% is, for a rate, not reachable; a
/// warning, since a growth ratio may legitimately exceed 100%.
fn percent_over_100(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    let t = &indicator.target;
    let (Some(c), Some(v)) = (t.comparator, t.value) else {
        return;
    };
    let upward = matches!(
        c,
        Comparator::AtLeast | Comparator::Above | Comparator::Equal
    );
    if t.kind == TargetKind::Quantitative && upward && is_percent(t) && v > Decimal::ONE_HUNDRED {
        let text = t.text.trim();
        out.push(ctx.at_indicator(
            &T004,
            indicator,
            format!("百分比指标值“{text}”超过 100%"),
            format!("percent target `{text}` is above 100%"),
        ));
    }
}

/// Whether an indicator is a 满意度 indicator.
fn is_satisfaction(indicator: &Indicator) -> bool {
    indicator.level1 == Some(Level1::Satisfaction)
        || indicator.level2 == Some(Level2::ServiceSatisfaction)
}

/// T005: a cost is a ceiling (`≤`), a satisfaction rate a floor (`≥`). A warning: a
/// 成本节约率 under 成本 or a 投诉率 under 满意度 legitimately turns the other way.
fn against_the_grain(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    let t = &indicator.target;
    let Some(c) = t.comparator.filter(|_| t.kind == TargetKind::Quantitative) else {
        return;
    };
    let text = t.text.trim();
    let finding = if is_cost(indicator) && matches!(c, Comparator::AtLeast | Comparator::Above) {
        Some((
            format!("成本指标“{text}”使用 {}：成本应设上限（≤）", c.symbol()),
            format!(
                "cost target `{text}` uses {}: a cost should be a ceiling (≤)",
                c.as_str()
            ),
        ))
    } else if is_satisfaction(indicator) && matches!(c, Comparator::AtMost | Comparator::Below) {
        Some((
            format!("满意度指标“{text}”使用 {}：满意度应设下限（≥）", c.symbol()),
            format!(
                "satisfaction target `{text}` uses {}: satisfaction should be a floor (≥)",
                c.as_str()
            ),
        ))
    } else {
        None
    };
    if let Some((zh, en)) = finding {
        out.push(ctx.at_indicator(&T005, indicator, zh, en));
    }
}

/// T006: a 满意度 target is a rate (`≥90%`), not a word (`满意`).
fn satisfaction_as_text(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    let t = &indicator.target;
    if is_satisfaction(indicator) && t.kind == TargetKind::Qualitative && !t.text.trim().is_empty()
    {
        let text = t.text.trim();
        out.push(ctx.at_indicator(
            &T006,
            indicator,
            format!("满意度指标值为文字“{text}”，应以满意率表示（如 ≥90%）"),
            format!("satisfaction target is the text `{text}`; state a rate (e.g. ≥90%)"),
        ));
    }
}

/// Words that name a baseline a direction can be measured against (较上年, 同比, 基期…).
const BASELINES: [&str; 16] = [
    "上年",
    "上一年",
    "去年",
    "前一年",
    "往年",
    "以往",
    "同期",
    "同比",
    "环比",
    "基期",
    "基准",
    "基线",
    "基数",
    "现状",
    "原有",
    "上期",
];

/// Whether a text gives a level (a number, 百分之…, …倍, …个百分点) or a baseline.
fn has_level_or_baseline(text: &str) -> bool {
    let folded = crate::text::fold_width(text);
    folded.chars().any(|c| c.is_ascii_digit())
        || ["百分之", "倍", "百分点", "成以上"]
            .iter()
            .any(|w| folded.contains(w))
        || BASELINES.iter().any(|w| folded.contains(w))
}

/// T007: a direction with nothing to measure it against is not a target. Flagged: the
/// classes improve (提高, 提升, 有所提高, 显著提升), reduce (降低, 下降, 减少) and positive
/// effect (有一定促进作用, 有积极促进作用, 效果明显, 持续改善) when the text has no number
/// and no baseline. Not flagged: comply (达标, 合格, 符合…规定 — a pass/fail check against
/// a standard the indicator names), on time (及时, 按月发放, 按期完成 — a schedule that is
/// met or not), satisfied (满意 — a 满意度 target in words is T006) and other texts.
fn vague(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    let t = &indicator.target;
    let vague_class = matches!(
        t.class,
        Some(
            QualitativeClass::Improve | QualitativeClass::Reduce | QualitativeClass::PositiveEffect
        )
    );
    if t.kind == TargetKind::Qualitative && vague_class && !has_level_or_baseline(&t.text) {
        let text = t.text.trim();
        let (example, example_en) = match t.class {
            Some(QualitativeClass::Improve) => (
                "“≥95%”或“较上年提高5个百分点”",
                "`≥95%` or `5 points above last year`",
            ),
            Some(QualitativeClass::Reduce) => {
                ("“≤2%”或“较上年下降10%”", "`≤2%` or `10% below last year`")
            }
            _ => (
                "可衡量的数值（如“≥90%”）或比较基准（如“较上年”）",
                "a measurable value (`≥90%`) or a baseline (`than last year`)",
            ),
        };
        out.push(ctx.at_indicator(
            &T007,
            indicator,
            format!("定性指标值“{text}”没有目标水平或比较基准，无法衡量；应写明如{example}"),
            format!(
                "qualitative target `{text}` gives no level or baseline and cannot be measured; state e.g. {example_en}"
            ),
        ));
    }
}

/// Percent with one decimal, half away from zero.
fn percent(share: Decimal) -> Decimal {
    share
        .checked_mul(Decimal::ONE_HUNDRED)
        .unwrap_or(share)
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
}

/// T008: the share of quantitative 三级 indicators (rows with a name) is at least the
/// policy's threshold (default 50%).
fn quantitative_share(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let named: Vec<_> = ctx
        .decl
        .indicators
        .iter()
        .filter(|i| !i.name.trim().is_empty())
        .collect();
    if named.is_empty() {
        return;
    }
    let quantitative = named.iter().filter(|i| i.target.is_quantitative()).count();
    let share = Decimal::from(quantitative) / Decimal::from(named.len());
    let min = ctx.policy.min_quantitative_share;
    if share < min {
        let (n, q) = (named.len(), quantitative);
        let (s, m) = (percent(share), percent(min));
        out.push(ctx.at_project(
            &T008,
            &ctx.decl.source,
            format!("定量指标 {q}/{n}，占比 {s}%，低于 {m}%"),
            format!("{q} of {n} indicators are quantitative ({s}%), below {m}%"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{review_declaration, ReviewPolicy};
    use crate::diagnostic::Severity;
    use crate::taxonomy::{Level1, Level2};
    use crate::value::{Comparator, QualitativeClass as Q, Target, ValueProblem};

    /// The codes a declaration gets with one extra output/quality indicator.
    fn with(l1: Level1, l2: Level2, target: Target) -> Vec<String> {
        let mut decl = clean();
        decl.indicators.push(ind(l1, l2, "新指标", target, 20));
        codes(&decl, &ReviewPolicy::default())
    }

    fn quality(target: Target) -> Vec<String> {
        with(Level1::Output, Level2::Quality, target)
    }

    #[test]
    fn t001_unparseable() {
        assert_eq!(
            quality(invalid("≥abc%", ValueProblem::Unparseable)),
            ["T001"]
        );
        assert!(quality(quant(Comparator::AtLeast, "95", Some("%"))).is_empty());
    }

    #[test]
    fn t002_placeholder_is_an_error_at_the_indicator() {
        let mut decl = clean();
        decl.indicators[2].target = invalid("≥**%", ValueProblem::Placeholder);
        let found = review_declaration(&decl, Some(2024), &ReviewPolicy::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "T002");
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].line, Some(12));
        assert!(found[0].message.contains("≥**%"));
    }

    #[test]
    fn t009_empty() {
        assert_eq!(quality(invalid(" ", ValueProblem::Empty)), ["T009"]);
        // blank text read as qualitative still counts as empty (and not as 定性)
        assert_eq!(quality(qual("", None)), ["T009"]);
    }

    #[test]
    fn t003_no_unit() {
        assert_eq!(quality(quant(Comparator::Equal, "8", None)), ["T003"]);
        assert!(quality(quant(Comparator::Equal, "8", Some("人"))).is_empty());
    }

    #[test]
    fn t004_percent_over_100() {
        assert_eq!(
            quality(quant(Comparator::AtLeast, "120", Some("%"))),
            ["T004"]
        );
        assert_eq!(
            quality(quant(Comparator::Equal, "100.5", Some("百分比"))),
            ["T004"]
        );
        assert!(quality(quant(Comparator::AtLeast, "100", Some("%"))).is_empty());
        // a ceiling above 100% is not a rate to reach
        assert!(quality(quant(Comparator::AtMost, "120", Some("%"))).is_empty());
        // not a percent
        assert!(quality(quant(Comparator::AtLeast, "120", Some("人"))).is_empty());
    }

    #[test]
    fn t005_against_the_grain() {
        let cost = |c| {
            with(
                Level1::Cost,
                Level2::EconomicCost,
                quant(c, "90", Some("万元")),
            )
        };
        assert_eq!(cost(Comparator::AtLeast), ["T005"]);
        assert!(cost(Comparator::AtMost).is_empty());
        assert_eq!(
            with(
                Level1::Output,
                Level2::Cost,
                quant(Comparator::Above, "9", Some("元"))
            ),
            ["T005"]
        );
        let sat = |c| {
            with(
                Level1::Satisfaction,
                Level2::ServiceSatisfaction,
                quant(c, "90", Some("%")),
            )
        };
        assert_eq!(sat(Comparator::AtMost), ["T005"]);
        assert_eq!(sat(Comparator::Below), ["T005"]);
        assert!(sat(Comparator::AtLeast).is_empty());
    }

    #[test]
    fn t006_satisfaction_as_text() {
        let sat = |t| with(Level1::Satisfaction, Level2::ServiceSatisfaction, t);
        assert_eq!(sat(qual("满意", Some(Q::Satisfied))), ["T006"]);
        assert!(sat(quant(Comparator::AtLeast, "90", Some("%"))).is_empty());
    }

    #[test]
    fn t007_vague_qualitative() {
        for (text, class) in [
            ("提高", Q::Improve),
            ("降低", Q::Reduce),
            ("有一定促进作用", Q::PositiveEffect),
            ("有积极促进作用", Q::PositiveEffect),
            ("效果明显", Q::PositiveEffect),
        ] {
            assert_eq!(quality(qual(text, Some(class))), ["T007"], "{text}");
        }
        for (text, class) in [
            ("较上年提高", Q::Improve),
            ("提高5个百分点", Q::Improve),
            ("同比下降１０％", Q::Reduce),
            ("达标", Q::Comply),
            ("符合国家规定", Q::Comply),
            ("按月发放", Q::OnTime),
            ("及时", Q::OnTime),
        ] {
            assert!(quality(qual(text, Some(class))).is_empty(), "{text}");
        }
        // class unknown: the rule does not guess
        assert!(quality(qual("提高", None)).is_empty());
    }

    #[test]
    fn t008_quantitative_share() {
        let mut decl = clean();
        for (i, name) in ["a", "b"].iter().enumerate() {
            decl.indicators.push(ind(
                Level1::Output,
                Level2::Timeliness,
                name,
                qual("按时完成", Some(Q::OnTime)),
                20 + u32::try_from(i).unwrap_or(0),
            ));
        }
        // 3 of 5 quantitative: 60%
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());
        decl.indicators[0].target = qual("及时", Some(Q::OnTime));
        // 2 of 5: 40%
        let found = review_declaration(&decl, Some(2024), &ReviewPolicy::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "T008");
        assert!(found[0].message.contains("40.0%"), "{}", found[0].message);
        let lenient = ReviewPolicy {
            min_quantitative_share: rust_decimal::Decimal::new(4, 1),
            ..ReviewPolicy::default()
        };
        assert!(codes(&decl, &lenient).is_empty());
    }
}
