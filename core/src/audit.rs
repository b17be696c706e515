//! Re-checking a published self-evaluation (自评复核): `domain.md` §6.
//!
//! [`audit_declaration`] recomputes every figure of a published 绩效自评表 under a
//! [`Profile`] and reports each difference with a stable code, the published and the
//! computed value. A qualitative score chosen inside its band is the evaluator's choice
//! and is never a finding; an arithmetic slip always is.
//!
//! | code | severity | what |
//! |---|---|---|
//! | A000 | info | no published self-evaluation figures to re-check |
//! | A001 | error | an indicator's published score differs from the recomputed one |
//! | A002 | error | the budget score does not match the execution rate |
//! | A003 | error | the published scores do not add up to the published total |
//! | A004 | error | weights do not add up to the points of their level / of the profile |
//! | A005 | error | a published score above its weight |
//! | A006 | warning | points deducted from a met indicator with no deviation note |
//! | A007 | warning | over-achievement (A/T ≥ 1.3) with no deviation note |
//! | A008 | warning | points written in the form (level header, budget 分值) differ from the profile |
//! | A009 | warning | a qualitative score outside the band of its grade |
//! | A010 | warning | the published execution rate differs from 执行数/预算数 by more than 0.01 point |
//! | A011 | warning | a score below its weight with no deviation note |
//! | A012 | error | the published total differs from the recomputed total |
//! | A013 | info | a published score that cannot be recomputed (the indicator is not scorable) |
//! | A014 | warning | the 总分 row's 分值 differs from the sum of the weights |
//! | A015 | warning | a point group's points (`年度绩效目标(80分)`) differ from the weights of its indicators by more than the equal split's rounding |

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostic::Severity;
use crate::model::{Declaration, Document};
use crate::score::{plain, round2, score_declaration, Profile, Scorecard, Status, WeightSource};
use crate::taxonomy::Level1;
use crate::text::fold_width;

/// 复核结果: the findings of re-checking one declaration's published self-evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audit {
    /// 项目名称.
    pub project: String,
    /// The differences found, in form order (budget, indicators, weights, total).
    pub findings: Vec<AuditFinding>,
}

/// 复核发现: one difference between a published figure and the recomputed one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditFinding {
    /// Stable code (`A001` …), never reused for another meaning.
    pub code: String,
    /// The indicator's name, `budget`, `total`, or a 一级 name for level points.
    #[serde(rename = "where")]
    pub where_: String,
    /// The published figure, when there is one.
    pub published: Option<Decimal>,
    /// The recomputed figure, when there is one.
    pub computed: Option<Decimal>,
    /// error, warning or info.
    pub severity: Severity,
    /// The message in Chinese.
    pub message: String,
    /// The message in English.
    pub message_en: String,
}

struct Findings(Vec<AuditFinding>);

impl Findings {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        code: &str,
        severity: Severity,
        where_: &str,
        published: Option<Decimal>,
        computed: Option<Decimal>,
        message: String,
        message_en: String,
    ) {
        self.0.push(AuditFinding {
            code: code.to_owned(),
            where_: where_.to_owned(),
            published,
            computed,
            severity,
            message,
            message_en,
        });
    }
}

fn sat_sum(values: impl Iterator<Item = Decimal>) -> Decimal {
    values.fold(Decimal::ZERO, Decimal::saturating_add)
}

fn differs(published: Decimal, computed: Decimal) -> bool {
    round2(published) != round2(computed)
}

/// Reads a published 执行率 (`86.19%`, `86.19`, `0.8619`) as a percent.
fn published_rate(text: &str) -> Option<Decimal> {
    let folded = fold_width(text);
    let t = folded.trim();
    let (number, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (t, false),
    };
    let value: Decimal = number.replace(',', "").parse().ok()?;
    if percent || value > Decimal::new(15, 1) {
        Some(value)
    } else {
        Some(value.saturating_mul(Decimal::ONE_HUNDRED))
    }
}

/// Re-checks one declaration's published self-evaluation under `profile` (an `auto`
/// profile resolved for the declaration first, as [`score_declaration`](crate::score::score_declaration) does).
pub fn audit_declaration(declaration: &Declaration, profile: &Profile) -> Audit {
    let (applied, _) = profile.for_declaration(declaration);
    let profile: &Profile = &applied;
    let mut f = Findings(Vec::new());
    let project = declaration.project.name.clone();
    let Some(evaluation) = declaration.evaluation.as_ref() else {
        f.push(
            "A000",
            Severity::Info,
            "total",
            None,
            None,
            "没有可复核的自评数据".to_owned(),
            "no published self-evaluation figures to re-check".to_owned(),
        );
        return Audit {
            project,
            findings: f.0,
        };
    };
    let card = score_declaration(declaration, profile);
    budget_findings(&mut f, declaration, profile, &card);
    level_point_findings(&mut f, declaration, profile);
    group_point_findings(&mut f, declaration, &card);
    for (i, c) in card.indicators.iter().enumerate() {
        let published = evaluation.indicators.get(i).and_then(|e| e.score);
        indicator_findings(&mut f, c, published);
    }
    weight_findings(&mut f, declaration, profile, &card);
    total_findings(&mut f, declaration, &card);
    Audit {
        project,
        findings: f.0,
    }
}

fn budget_findings(
    f: &mut Findings,
    declaration: &Declaration,
    profile: &Profile,
    card: &Scorecard,
) {
    let Some(evaluation) = declaration.evaluation.as_ref() else {
        return;
    };
    let b = &card.budget;
    if let Some(w) = evaluation.budget.weight {
        if w != profile.budget_points {
            f.push(
                "A008",
                Severity::Warning,
                "budget",
                Some(w),
                Some(profile.budget_points),
                format!("预算执行率分值 {} 与评分方案 {} 的 {} 分不一致（按表中分值计分）", plain(w), profile.name, plain(profile.budget_points)),
                format!("the budget execution 分值 {} differs from the {} points of profile {} (the form's is used)", plain(w), plain(profile.budget_points), profile.name),
            );
        }
    }
    if let (Some(p), Some(c)) = (b.published, b.score) {
        if differs(p, c) {
            f.push(
                "A002",
                Severity::Error,
                "budget",
                Some(p),
                Some(c),
                format!(
                    "预算执行率得分 {} 与执行率计算结果 {} 不符（{}）",
                    plain(p),
                    c,
                    b.explanation
                ),
                format!(
                    "the budget score {} does not match the execution rate: {} ({})",
                    plain(p),
                    c,
                    b.explanation
                ),
            );
        }
        if p > b.max {
            f.push(
                "A005",
                Severity::Error,
                "budget",
                Some(p),
                Some(b.max),
                format!("预算执行率得分 {} 超过分值 {}", plain(p), plain(b.max)),
                format!(
                    "the budget score {} is above its weight {}",
                    plain(p),
                    plain(b.max)
                ),
            );
        }
    }
    if let (Some(text), Some(rate)) = (evaluation.budget.rate.as_deref(), b.rate) {
        if let Some(p) = published_rate(text) {
            let computed = rate.saturating_mul(Decimal::ONE_HUNDRED);
            if p.saturating_sub(computed).abs() > Decimal::new(1, 2) {
                f.push(
                    "A010",
                    Severity::Warning,
                    "budget",
                    Some(p),
                    Some(round2(computed)),
                    format!(
                        "执行率 {text} 与 全年执行数/全年预算数 = {}% 不符",
                        round2(computed)
                    ),
                    format!(
                        "the published rate {text} differs from executed/adjusted = {}%",
                        round2(computed)
                    ),
                );
            }
        }
    }
}

fn level_point_findings(f: &mut Findings, declaration: &Declaration, profile: &Profile) {
    for (name, points) in &declaration.level_points {
        let Some(level) = Level1::parse(name) else {
            continue;
        };
        let expected = profile.level_points.get(&level).copied();
        if expected != Some(*points) {
            f.push(
                "A008",
                Severity::Warning,
                level.as_str(),
                Some(*points),
                expected,
                format!(
                    "表中{}分值 {} 与评分方案 {} 的 {} 不一致（按表中分值计分）",
                    level.as_str(),
                    plain(*points),
                    profile.name,
                    expected.map_or_else(|| "—".to_owned(), plain)
                ),
                format!(
                    "the form gives {} {} points, profile {} gives {} (the form's are used)",
                    level.as_str(),
                    plain(*points),
                    profile.name,
                    expected.map_or_else(|| "none".to_owned(), plain)
                ),
            );
        }
    }
}

/// A015: a point group whose points differ from the weights its indicators were scored
/// with (`年度绩效目标(80分)` over levels written `产出指标(60分)` and `效益指标(40分)`).
/// An equal split's rounding (a hundredth an indicator at most: 3 × 13.33 of 40) is no
/// difference.
fn group_point_findings(f: &mut Findings, declaration: &Declaration, card: &Scorecard) {
    for (group, points) in &declaration.group_points {
        let members: Vec<Option<Decimal>> = declaration
            .indicators
            .iter()
            .zip(&card.indicators)
            .filter(|(i, _)| i.group.as_ref() == Some(group))
            .map(|(_, c)| c.max)
            .collect();
        if members.is_empty() || members.iter().any(Option::is_none) {
            continue;
        }
        let weights = round2(
            members
                .iter()
                .flatten()
                .fold(Decimal::ZERO, |a, w| a.saturating_add(*w)),
        );
        let slack = Decimal::new(i64::try_from(members.len()).unwrap_or(i64::MAX), 2);
        if weights
            .checked_sub(*points)
            .is_some_and(|d| d.abs() <= slack)
        {
            continue;
        }
        f.push(
            "A015",
            Severity::Warning,
            group,
            Some(*points),
            Some(weights),
            format!(
                "指标组“{group}”的分值 {} 与组内指标分值合计 {weights} 不符",
                plain(*points)
            ),
            format!(
                "point group `{group}` gives {} points, its indicators' weights add up to {weights}",
                plain(*points)
            ),
        );
    }
}

fn indicator_findings(
    f: &mut Findings,
    c: &crate::score::IndicatorScore,
    published: Option<Decimal>,
) {
    let name = c.name.as_str();
    let has = |code: &str| c.flags.iter().any(|flag| flag.code == code);
    if let (Some(p), Some(w)) = (published, c.max) {
        if p > w {
            f.push(
                "A005",
                Severity::Error,
                name,
                Some(p),
                Some(w),
                format!("得分 {} 超过分值 {}", plain(p), plain(w)),
                format!("the score {} is above its weight {}", plain(p), plain(w)),
            );
        }
    }
    match (published, c.score) {
        (Some(p), None) => f.push(
            "A013",
            Severity::Info,
            name,
            Some(p),
            None,
            format!("无法复核得分 {}：{}", plain(p), c.reason.as_deref().unwrap_or("")),
            format!("the published score {} cannot be recomputed: {}", plain(p), c.reason.as_deref().unwrap_or("")),
        ),
        (Some(p), Some(s)) if has("band_violation") => f.push(
            "A009",
            Severity::Warning,
            name,
            Some(p),
            Some(s),
            format!("定性指标得分 {} 不在其等级区间内，按默认比例应为 {s}（{}）", plain(p), c.explanation),
            format!("the qualitative score {} lies outside its grade's band; the band default gives {s} ({})", plain(p), c.explanation),
        ),
        (Some(p), Some(s)) if differs(p, s) => f.push(
            "A001",
            Severity::Error,
            name,
            Some(p),
            Some(s),
            format!("得分 {} 与复核结果 {s} 不符（{}）", plain(p), c.explanation),
            format!("the published score {} differs from the recomputed {s} ({})", plain(p), c.explanation),
        ),
        _ => {}
    }
    let noted = c.deviation.is_some();
    let below = match (published.or(c.score), c.max) {
        (Some(s), Some(w)) => s < w,
        _ => false,
    };
    if !noted && below && c.status == Status::Met {
        f.push(
            "A006",
            Severity::Warning,
            name,
            published.or(c.score),
            c.max,
            "指标已达成却被扣分，且未填写偏差原因".to_owned(),
            "points deducted from a met indicator with no deviation note".to_owned(),
        );
    } else if !noted && below && c.status != Status::NotScorable {
        f.push(
            "A011",
            Severity::Warning,
            name,
            published.or(c.score),
            c.max,
            "得分低于分值，未填写偏差原因分析及改进措施".to_owned(),
            "score below the weight with no deviation note (偏差原因分析及改进措施)".to_owned(),
        );
    }
    if !noted && has("over_achievement") {
        f.push(
            "A007",
            Severity::Warning,
            name,
            None,
            None,
            "超额完成（实际/目标 ≥ 1.3）未说明偏差原因：目标可能设置偏低".to_owned(),
            "over-achieved (A/T ≥ 1.3) with no deviation note: the target may have been set too low".to_owned(),
        );
    }
}

fn weight_findings(
    f: &mut Findings,
    declaration: &Declaration,
    profile: &Profile,
    card: &Scorecard,
) {
    let all_given = !card.indicators.is_empty()
        && card
            .indicators
            .iter()
            .all(|i| i.weight_source == WeightSource::Given);
    for level in &card.levels {
        let Some(l1) = Level1::parse(&level.name) else {
            continue;
        };
        let members: Vec<_> = declaration
            .indicators
            .iter()
            .filter(|i| {
                let own = i.level1.or_else(|| i.level2.map(|l2| l2.natural_parent()));
                own.is_some_and(|o| {
                    profile.points_level(o, declaration.level_points.contains_key(o.as_str())) == l1
                })
            })
            .collect();
        if members.is_empty() || members.iter().any(|i| i.weight.is_none()) {
            continue;
        }
        let given = sat_sum(members.iter().filter_map(|i| i.weight));
        let points = declaration
            .level_points
            .get(l1.as_str())
            .copied()
            .or_else(|| profile.level_points.get(&l1).copied());
        if let Some(points) = points {
            if given != points {
                f.push(
                    "A004",
                    Severity::Error,
                    l1.as_str(),
                    Some(given),
                    Some(points),
                    format!(
                        "{}各指标分值合计 {} ≠ 该级分值 {}",
                        l1.as_str(),
                        plain(given),
                        plain(points)
                    ),
                    format!(
                        "the weights in {} add up to {}, not its {} points",
                        l1.as_str(),
                        plain(given),
                        plain(points)
                    ),
                );
            }
        }
    }
    if all_given {
        let sum = card
            .budget
            .max
            .saturating_add(sat_sum(card.indicators.iter().filter_map(|i| i.max)));
        let expected = profile.total_points();
        if sum != expected {
            f.push(
                "A004",
                Severity::Error,
                "total",
                Some(sum),
                Some(expected),
                format!(
                    "预算执行率与各指标分值合计 {} ≠ 评分方案总分 {}",
                    plain(sum),
                    plain(expected)
                ),
                format!(
                    "the budget and indicator weights add up to {}, not the profile's {}",
                    plain(sum),
                    plain(expected)
                ),
            );
        }
    }
    if let Some(total_weight) = declaration.evaluation.as_ref().and_then(|e| e.total_weight) {
        if all_given && total_weight != card.max {
            f.push(
                "A014",
                Severity::Warning,
                "total",
                Some(total_weight),
                Some(card.max),
                format!(
                    "总分行分值 {} 与各项分值合计 {} 不符",
                    plain(total_weight),
                    card.max
                ),
                format!(
                    "the 总分 row's 分值 {} differs from the sum of the weights {}",
                    plain(total_weight),
                    card.max
                ),
            );
        }
    }
}

fn total_findings(f: &mut Findings, declaration: &Declaration, card: &Scorecard) {
    let Some(evaluation) = declaration.evaluation.as_ref() else {
        return;
    };
    let Some(total) = evaluation.total else {
        return;
    };
    let parts: Option<Vec<Decimal>> = std::iter::once(evaluation.budget.score)
        .chain(
            (0..declaration.indicators.len())
                .map(|i| evaluation.indicators.get(i).and_then(|e| e.score)),
        )
        .collect();
    if let Some(parts) = parts {
        let sum = sat_sum(parts.into_iter());
        if differs(total, sum) {
            f.push(
                "A003",
                Severity::Error,
                "total",
                Some(total),
                Some(round2(sum)),
                format!("总分 {} ≠ 各项得分合计 {}", plain(total), round2(sum)),
                format!(
                    "the published total {} is not the sum of the published scores {}",
                    plain(total),
                    round2(sum)
                ),
            );
        }
    }
    if card.complete && differs(total, card.total) {
        f.push(
            "A012",
            Severity::Error,
            "total",
            Some(total),
            Some(card.total),
            format!("总分 {} 与复核总分 {} 不符", plain(total), card.total),
            format!(
                "the published total {} differs from the recomputed total {}",
                plain(total),
                card.total
            ),
        );
    }
}

/// Re-checks every declaration of a document.
pub fn audit_document(document: &Document, profile: &Profile) -> Vec<Audit> {
    document
        .declarations
        .iter()
        .map(|d| audit_declaration(d, profile))
        .collect()
}

impl Audit {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The audit as pretty JSON (every figure a decimal string).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A readable list: one line per finding with published and computed figures.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.project);
        if self.findings.is_empty() {
            let _ = writeln!(out, "  复核无差异 (no findings)");
            return out;
        }
        let show = |d: Option<Decimal>| d.map_or_else(|| "—".to_owned(), plain);
        for finding in &self.findings {
            let _ = writeln!(
                out,
                "  {} {:<7} {}: {} (published {}, computed {})",
                finding.code,
                finding.severity.as_str(),
                finding.where_,
                finding.message,
                show(finding.published),
                show(finding.computed)
            );
        }
        out
    }
}
