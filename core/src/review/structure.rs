//! Structure rules: the indicator tree (一级 → 二级 → 三级) and the header fields.
//!
//! The model holds only 三级 indicators, each carrying its 一级/二级. So "a 二级 with no
//! 三级" (S003) is visible only as an indicator whose 三级 name is empty, as canonical JSON
//! or a list export can carry it. (The form reader keeps no indicator for a bare 二级 row
//! and reports it itself as `row_without_indicator`.) A 二级 that a form does not list at
//! all is not an empty level; it is simply absent.

use std::collections::BTreeMap;

use super::{Aspect, Ctx, RuleInfo};
use crate::diagnostic::{Finding, Severity};
use crate::model::Indicator;
use crate::taxonomy::{Level1, Level2};
use crate::text::{fold_width, no_spaces};

/// S001: a required 一级 is missing.
pub(super) const S001: RuleInfo = RuleInfo {
    code: "S001",
    severity: Severity::Error,
    title: "缺少必设的一级指标（产出、效益、满意度）",
    title_en: "A required first-level indicator (output, benefit, satisfaction) is missing",
    source: "财预〔2015〕88号; 财预〔2020〕10号",
    aspect: Aspect::Completeness,
};

/// S002: a 二级 not allowed under its 一级.
pub(super) const S002: RuleInfo = RuleInfo {
    code: "S002",
    severity: Severity::Error,
    title: "二级指标不属于其一级指标",
    title_en: "Second-level indicator not allowed under its first level",
    source: "财预〔2015〕88号; 财预〔2021〕101号 (按所选框架)",
    aspect: Aspect::Completeness,
};

/// S003: a 二级 with no 三级.
pub(super) const S003: RuleInfo = RuleInfo {
    code: "S003",
    severity: Severity::Error,
    title: "二级指标下没有三级指标",
    title_en: "Second-level indicator with no third-level indicator",
    source: "财预〔2015〕88号 (绩效指标应细化为三级指标)",
    aspect: Aspect::Completeness,
};

/// S004: the same 三级 name twice in one project.
pub(super) const S004: RuleInfo = RuleInfo {
    code: "S004",
    severity: Severity::Warning,
    title: "三级指标名称重复",
    title_en: "Duplicate third-level indicator name",
    source: "财预〔2015〕88号 (指标应清晰、不重复)",
    aspect: Aspect::Completeness,
};

/// S005: a required header field is empty.
pub(super) const S005: RuleInfo = RuleInfo {
    code: "S005",
    severity: Severity::Error,
    title: "必填表头项为空",
    title_en: "Required header field is empty",
    source: "domain.md §1 (项目名称 required); policy required_fields",
    aspect: Aspect::Completeness,
};

/// S006: a 一级/二级 label the taxonomy does not know, or none.
pub(super) const S006: RuleInfo = RuleInfo {
    code: "S006",
    severity: Severity::Warning,
    title: "一级或二级指标名称无法识别或为空",
    title_en: "Unknown or empty first/second-level label",
    source: "财预〔2015〕88号; 财预〔2021〕101号 (指标体系)",
    aspect: Aspect::Completeness,
};

/// S007: no 成本指标 where the profile asks for one.
pub(super) const S007: RuleInfo = RuleInfo {
    code: "S007",
    severity: Severity::Warning,
    title: "未设置成本指标",
    title_en: "No cost indicator (成本指标)",
    source: "上海2025指引：原则上，每一项目均应设置成本指标",
    aspect: Aspect::Completeness,
};

/// S008: a header field the form has is empty.
pub(super) const S008: RuleInfo = RuleInfo {
    code: "S008",
    severity: Severity::Warning,
    title: "表头项未填写",
    title_en: "Header field not filled",
    source: "财预〔2015〕88号 附件 (申报表表头); policy expected_fields",
    aspect: Aspect::Completeness,
};

/// S009: the indicator table is empty (绩效目标表未填写).
pub(super) const S009: RuleInfo = RuleInfo {
    code: "S009",
    severity: Severity::Error,
    title: "绩效目标表未填写（没有任何绩效指标）",
    title_en: "The indicator table is empty (no indicators at all)",
    source: "财预〔2015〕88号 (绩效目标应完整)",
    aspect: Aspect::Completeness,
};

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    header_fields(ctx, out);
    if ctx.decl.indicators.is_empty() {
        // one finding for the empty skeleton, not one per missing level
        out.push(ctx.at_project(
            &S009,
            &ctx.decl.source,
            "绩效目标表未填写：没有任何绩效指标（产出、效益、满意度均未设置）".to_owned(),
            "the indicator table is empty: no output, benefit or satisfaction indicator".to_owned(),
        ));
        return;
    }
    required_level1(ctx, out);
    cost_required(ctx, out);
    for indicator in &ctx.decl.indicators {
        unknown_labels(ctx, indicator, out);
        level2_allowed(ctx, indicator, out);
        empty_level2(ctx, indicator, out);
    }
    duplicates(ctx, out);
}

/// S005 and S008: header fields the policy requires (error) or expects (warning).
fn header_fields(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let policy = ctx.policy;
    for (rule, fields) in [
        (&S005, &policy.required_fields),
        (&S008, &policy.expected_fields),
    ] {
        for field in fields {
            if !field.is_filled(ctx.decl) {
                out.push(ctx.at_project(
                    rule,
                    &ctx.decl.source,
                    format!("{}未填写", field.label()),
                    format!("{} is empty", field.label_en()),
                ));
            }
        }
    }
}

/// S001: each 一级 the framework requires (产出, 效益, 满意度) has at least one indicator.
/// The 成本指标 that `shanghai-2025` also requires is S007 (a warning: 原则上).
fn required_level1(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for &level1 in ctx.policy.framework.required_level1() {
        if level1 == Level1::Cost {
            continue;
        }
        if let Some(list) = ctx.policy.checklist {
            if list.optional_level1().contains(&level1) {
                continue; // the checklist's own rule (K010) asks for it
            }
        }
        if !ctx.decl.indicators.iter().any(|i| i.level1 == Some(level1)) {
            out.push(ctx.at_project(
                &S001,
                &ctx.decl.source,
                format!("缺少{level1}"),
                format!("required first-level indicator {level1} is missing"),
            ));
        }
    }
}

/// Whether an indicator measures cost: a 一级 成本指标, or a cost 二级 anywhere.
pub(super) fn is_cost(indicator: &Indicator) -> bool {
    indicator.level1 == Some(Level1::Cost)
        || matches!(
            indicator.level2,
            Some(Level2::Cost | Level2::EconomicCost | Level2::SocialCost | Level2::EcologicalCost)
        )
}

/// S007: under a framework that requires a 成本指标 (上海2025), the declaration has one.
/// A 成本指标 filed as a 二级 under 产出 counts here (S002 already says it is misplaced).
fn cost_required(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !ctx
        .policy
        .framework
        .required_level1()
        .contains(&Level1::Cost)
    {
        return;
    }
    if !ctx.decl.indicators.iter().any(is_cost) {
        let framework = ctx.policy.framework;
        out.push(ctx.at_project(
            &S007,
            &ctx.decl.source,
            format!("未设置成本指标（{framework}：原则上每一项目均应设置成本指标）"),
            format!("no cost indicator ({framework}: every project should in principle set one)"),
        ));
    }
}

/// S006: the 一级 and 二级 of an indicator are labels the taxonomy knows.
fn unknown_labels(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    let levels = [
        (
            "一级",
            "first-level",
            indicator.level1.is_some(),
            &indicator.level1_text,
        ),
        (
            "二级",
            "second-level",
            indicator.level2.is_some(),
            &indicator.level2_text,
        ),
    ];
    for (level, level_en, known, text) in levels {
        if known {
            continue;
        }
        let (zh, en) = match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => (
                format!("无法识别的{level}指标名称“{t}”"),
                format!("unknown {level_en} indicator label `{t}`"),
            ),
            None => (
                format!("{level}指标为空"),
                format!("{level_en} indicator label is empty"),
            ),
        };
        out.push(ctx.at_indicator(&S006, indicator, zh, en));
    }
}

/// S002: the 二级 stands under a 一级 the framework allows (数量指标 under 效益指标 is not).
fn level2_allowed(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    let (Some(level1), Some(level2)) = (indicator.level1, indicator.level2) else {
        return;
    };
    let framework = ctx.policy.framework;
    if framework.allows(level1, level2) {
        return;
    }
    let parent = level2.natural_parent();
    let hint = if level2 == Level2::Cost && framework.cost_is_level1() {
        (
            "，应作为一级成本指标".to_owned(),
            ", file it as a first-level 成本指标".to_owned(),
        )
    } else if parent == Level1::Cost && !framework.cost_is_level1() {
        (
            "，本框架中成本指标为产出指标下的二级指标".to_owned(),
            ", in this framework cost is a second level under 产出指标".to_owned(),
        )
    } else {
        (
            format!("，应属于{parent}"),
            format!(", it belongs under {parent}"),
        )
    };
    out.push(ctx.at_indicator(
        &S002,
        indicator,
        format!("{level2}不能列在{level1}下（{framework}）{}", hint.0),
        format!(
            "{level2} is not allowed under {level1} ({framework}){}",
            hint.1
        ),
    ));
}

/// S003: a 二级 row whose 三级 name is empty (see the module note).
fn empty_level2(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    if indicator.name.trim().is_empty() {
        let level2 = indicator.level2_label();
        out.push(ctx.at_indicator(
            &S003,
            indicator,
            format!("二级指标“{level2}”下没有三级指标"),
            format!("second-level indicator `{level2}` has no third-level indicator"),
        ));
    }
}

/// S004: the same 三级 name (compared without spaces, full-width folded) twice in one
/// project; reported at each repeat, naming the first.
fn duplicates(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let mut seen: BTreeMap<String, &Indicator> = BTreeMap::new();
    for indicator in &ctx.decl.indicators {
        let key = no_spaces(&fold_width(&indicator.name));
        if key.is_empty() {
            continue;
        }
        match seen.get(&key) {
            Some(first) => {
                let name = indicator.name.trim();
                let (at, at_en) = if first.source.is_known() {
                    (
                        format!("（首次出现在第 {} 行）", first.source.line),
                        format!(" (first at line {})", first.source.line),
                    )
                } else {
                    (String::new(), String::new())
                };
                out.push(ctx.at_indicator(
                    &S004,
                    indicator,
                    format!("三级指标“{name}”重复{at}"),
                    format!("third-level indicator `{name}` appears twice{at_en}"),
                ));
            }
            None => {
                seen.insert(key, indicator);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{review_declaration, HeaderField, ReviewPolicy};
    use crate::model::Indicator;
    use crate::taxonomy::{Level1, Level2};
    use crate::value::Comparator;

    fn pct() -> crate::value::Target {
        quant(Comparator::AtLeast, "90", Some("%"))
    }

    #[test]
    fn s001_required_level1_missing() {
        let mut decl = clean();
        decl.indicators.remove(1); // 效益
        let found = review_declaration(&decl, Some(2024), &ReviewPolicy::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "S001");
        assert!(found[0].message.contains("效益指标"));
        assert_eq!(found[0].line, Some(1));
        assert!(codes(&clean(), &ReviewPolicy::default()).is_empty());
    }

    #[test]
    fn s002_quantity_under_benefit_is_an_error_at_the_indicator() {
        let mut decl = clean();
        decl.indicators.push(ind(
            Level1::Benefit,
            Level2::Quantity,
            "受益人数",
            quant(Comparator::AtLeast, "100", Some("人")),
            20,
        ));
        let found = review_declaration(&decl, Some(2024), &ReviewPolicy::default());
        assert_eq!(found.len(), 1, "{found:?}");
        let f = &found[0];
        assert_eq!(f.code, "S002");
        assert_eq!(f.severity, crate::diagnostic::Severity::Error);
        assert_eq!(f.indicator.as_deref(), Some("效益指标/数量指标/受益人数"));
        assert_eq!(f.line, Some(20));
    }

    #[test]
    fn s002_follows_the_framework() {
        let mut decl = clean();
        decl.indicators.push(ind(
            Level1::Output,
            Level2::Cost,
            "单位成本",
            quant(Comparator::AtMost, "90", Some("万元")),
            20,
        ));
        assert!(codes(&decl, &ReviewPolicy::for_profile("classic").unwrap()).is_empty());
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());
        assert_eq!(
            codes(&decl, &ReviewPolicy::for_profile("mof-2021").unwrap()),
            ["S002"]
        );
        let mut decl = clean();
        decl.indicators.push(ind(
            Level1::Cost,
            Level2::EconomicCost,
            "经济成本",
            quant(Comparator::AtMost, "90", Some("万元")),
            20,
        ));
        assert!(codes(&decl, &ReviewPolicy::for_profile("mof-2021").unwrap()).is_empty());
        assert_eq!(
            codes(&decl, &ReviewPolicy::for_profile("classic").unwrap()),
            ["S002"]
        );
    }

    #[test]
    fn s003_level2_without_level3() {
        let mut decl = clean();
        decl.indicators.push(ind(
            Level1::Output,
            Level2::Timeliness,
            " ",
            invalid("", crate::value::ValueProblem::Empty),
            20,
        ));
        let found = review_declaration(&decl, Some(2024), &ReviewPolicy::default());
        // the empty row is one finding, not also an empty-target finding
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, "S003");
        assert!(found[0].message.contains("时效指标"));
    }

    #[test]
    fn s004_duplicate_names() {
        let mut decl = clean();
        decl.indicators.push(ind(
            Level1::Output,
            Level2::Quality,
            "培训 人数",
            quant(Comparator::AtLeast, "17", Some("人")),
            20,
        ));
        let found = review_declaration(&decl, Some(2024), &ReviewPolicy::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "S004");
        assert_eq!(found[0].line, Some(20));
        assert!(found[0].message.contains("第 10 行"));
        decl.indicators[3].name = "培训合格率".into();
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());
    }

    #[test]
    fn s005_s008_header_fields() {
        let mut decl = clean();
        decl.project.name = "  ".into();
        decl.project.department = None;
        decl.project.implementer = Some(" ".into());
        decl.project.end_date = None;
        assert_eq!(
            codes(&decl, &ReviewPolicy::default()),
            ["S005", "S008", "S008"]
        );
        let mut strict = ReviewPolicy::default();
        strict.expected_fields.push(HeaderField::EndDate);
        assert_eq!(codes(&decl, &strict), ["S005", "S008", "S008", "S008"]);
        let mut policy = ReviewPolicy::default();
        policy.required_fields.push(HeaderField::AnnualGoal);
        policy.expected_fields.clear();
        let mut decl = clean();
        assert_eq!(codes(&decl, &policy), ["S005"]);
        decl.goals.annual = Some("完成培训".into());
        assert!(codes(&decl, &policy).is_empty());
    }

    #[test]
    fn s006_unknown_or_empty_labels() {
        let mut decl = clean();
        let mut odd = Indicator::new(Some(Level1::Output), None, "其他", pct());
        odd.level2_text = Some("绩效指标".into());
        decl.indicators.push(odd);
        decl.indicators
            .push(Indicator::new(None, Some(Level2::Quality), "合格率", pct()));
        let found = review_declaration(&decl, Some(2024), &ReviewPolicy::default());
        let got: Vec<_> = found.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(got, ["S006", "S006"]);
        assert!(found[0].message.contains("绩效指标"));
        assert!(found[1].message.contains("一级指标为空"));
        assert!(codes(&clean(), &ReviewPolicy::default()).is_empty());
    }

    #[test]
    fn s007_cost_required_under_shanghai_2025() {
        let sh = ReviewPolicy::for_profile("shanghai-2025").unwrap();
        let mut decl = clean();
        let found = review_declaration(&decl, Some(2024), &sh);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "S007");
        assert_eq!(found[0].severity, crate::diagnostic::Severity::Warning);
        decl.indicators.push(ind(
            Level1::Cost,
            Level2::EconomicCost,
            "单位成本",
            quant(Comparator::AtMost, "90", Some("万元")),
            20,
        ));
        assert!(codes(&decl, &sh).is_empty());
    }
}
