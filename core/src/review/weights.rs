//! Weight rules (分值/权重): when a declaration gives indicator weights, each 一级's
//! weights add up to that level's points.
//!
//! The points of a level come from the form's own level header (`产出指标(50分)`,
//! [`Declaration::level_points`](crate::model::Declaration::level_points)) when it has one,
//! else from [`ReviewPolicy::level_points`](super::ReviewPolicy::level_points). A 一级
//! 成本指标 with no points of its own counts inside 产出指标 (财预〔2021〕101号 keeps 成本
//! within 产出's share of the score). Indicators of a level with no points are not checked.
//!
//! A level where every indicator has a weight must match exactly; where only some do (the
//! scorer splits the rest equally), the weights given must not exceed the points.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{Aspect, Ctx, RuleInfo};
use crate::diagnostic::{Finding, Severity};
use crate::model::Indicator;
use crate::taxonomy::Level1;

/// W001: weights do not sum to the profile's level points.
pub(super) const W001: RuleInfo = RuleInfo {
    code: "W001",
    severity: Severity::Warning,
    title: "指标分值合计与评分口径的一级指标分值不符（产出50、效益30、满意度10）",
    title_en: "Indicator weights do not sum to the profile's level points (output 50, benefit 30, satisfaction 10)",
    source: "财预〔2020〕10号 (原则上产出50%、效益30%、满意度10%、预算执行率10%)",
    aspect: Aspect::Completeness,
};

/// W002: weights do not sum to the points the form itself writes in its level header.
pub(super) const W002: RuleInfo = RuleInfo {
    code: "W002",
    severity: Severity::Error,
    title: "指标分值合计与表中一级指标标注的分值不符",
    title_en: "Indicator weights do not sum to the points written in the form's level header",
    source: "domain.md §5 (表中标注的分值优先)",
    aspect: Aspect::Completeness,
};

/// Where a level's points come from.
#[derive(Clone, Copy)]
enum Origin {
    Form,
    Policy,
}

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.decl.indicators.iter().all(|i| i.weight.is_none()) {
        return;
    }
    let mut points: BTreeMap<Level1, (Decimal, Origin)> = ctx
        .policy
        .level_points
        .iter()
        .flatten()
        .map(|(l, p)| (*l, (*p, Origin::Policy)))
        .collect();
    for (label, p) in &ctx.decl.level_points {
        if let Some(level) = Level1::parse(label) {
            points.insert(level, (*p, Origin::Form));
        }
    }
    let pooled = |level: Level1| {
        if level == Level1::Cost && !points.contains_key(&Level1::Cost) {
            Level1::Output
        } else {
            level
        }
    };
    for (&level, &(level_points, origin)) in &points {
        let members: Vec<&Indicator> = ctx
            .decl
            .indicators
            .iter()
            .filter(|i| i.level1.map(pooled) == Some(level))
            .collect();
        level_sum(ctx, level, level_points, origin, &members, out);
    }
}

/// W001/W002 for one level (with 成本 pooled into 产出 when it has no points of its own).
fn level_sum(
    ctx: &Ctx<'_>,
    level: Level1,
    points: Decimal,
    origin: Origin,
    members: &[&Indicator],
    out: &mut Vec<Finding>,
) {
    let weights: Vec<Decimal> = members.iter().filter_map(|i| i.weight).collect();
    if weights.is_empty() {
        return;
    }
    let Some(sum) = weights
        .iter()
        .try_fold(Decimal::ZERO, |s, w| s.checked_add(*w))
    else {
        return; // beyond any real weight
    };
    let all = weights.len() == members.len();
    let wrong = if all { sum != points } else { sum > points };
    if !wrong {
        return;
    }
    let (rule, whose, whose_en) = match origin {
        Origin::Form => (&W002, "表中标注的", "written in the form"),
        Origin::Policy => (&W001, "评分口径的", "of the scoring profile"),
    };
    let (relation, relation_en) = if all {
        ("≠", "≠")
    } else {
        (
            "（部分指标未设分值）超过",
            "(some indicators unweighted) exceeds",
        )
    };
    let sum_text = sum.normalize();
    let points_text = points.normalize();
    let source = members
        .iter()
        .find(|i| i.source.is_known())
        .map(|i| &i.source)
        .unwrap_or(&ctx.decl.source);
    out.push(ctx.at_project(
        rule,
        source,
        format!("{level}的三级指标分值合计 {sum_text} {relation} {whose}{points_text} 分"),
        format!(
            "weights under {level} sum to {sum_text}, which {relation_en} the {points_text} points {whose_en}"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::super::test_support::*;
    use super::super::{review_declaration, ReviewPolicy};
    use crate::model::Declaration;
    use crate::taxonomy::{Level1, Level2};
    use crate::value::Comparator;

    fn weighted(w: [i64; 3]) -> Declaration {
        let mut decl = clean();
        for (i, w) in decl.indicators.iter_mut().zip(w) {
            i.weight = Some(Decimal::from(w));
        }
        decl
    }

    #[test]
    fn w001_default_points() {
        assert!(codes(&weighted([50, 30, 10]), &ReviewPolicy::default()).is_empty());
        let found = review_declaration(
            &weighted([50, 40, 10]),
            Some(2024),
            &ReviewPolicy::default(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "W001");
        assert!(
            found[0].message.contains("效益指标"),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].line, Some(11));
        // no weights at all: nothing to check
        assert!(codes(&clean(), &ReviewPolicy::default()).is_empty());
        // the check can be turned off
        let off = ReviewPolicy {
            level_points: None,
            ..ReviewPolicy::default()
        };
        assert!(codes(&weighted([50, 40, 10]), &off).is_empty());
    }

    #[test]
    fn w001_cost_counts_inside_output() {
        let mut decl = weighted([40, 30, 10]);
        let mut cost = ind(
            Level1::Cost,
            Level2::EconomicCost,
            "单位成本",
            quant(Comparator::AtMost, "9", Some("万元")),
            20,
        );
        cost.weight = Some(Decimal::from(10));
        decl.indicators.push(cost);
        let policy = ReviewPolicy::for_profile("mof-2021").unwrap();
        assert!(codes(&decl, &policy).is_empty());
        decl.indicators[3].weight = Some(Decimal::from(20));
        assert_eq!(codes(&decl, &policy), ["W001"]);
    }

    #[test]
    fn w001_partial_weights_may_not_exceed() {
        let mut decl = weighted([40, 30, 10]);
        decl.indicators.push(ind(
            Level1::Output,
            Level2::Quality,
            "合格率",
            quant(Comparator::AtLeast, "95", Some("%")),
            20,
        ));
        // 40 given, one left to take the other 10
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());
        decl.indicators[0].weight = Some(Decimal::from(55));
        assert_eq!(codes(&decl, &ReviewPolicy::default()), ["W001"]);
    }

    #[test]
    fn w002_form_points_win() {
        let mut decl = weighted([70, 20, 10]);
        decl.level_points
            .insert("产出指标".into(), Decimal::from(70));
        decl.level_points
            .insert("效益指标".into(), Decimal::from(20));
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());
        decl.indicators[0].weight = Some(Decimal::from(60));
        let found = review_declaration(&decl, Some(2024), &ReviewPolicy::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "W002");
        assert_eq!(found[0].severity, crate::diagnostic::Severity::Error);
    }
}
