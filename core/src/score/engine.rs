//! The scoring engine: weights, then each indicator by its kind, then levels, total,
//! completeness and grade.

use rust_decimal::Decimal;

use super::weights::{self, LevelKey};
use super::{
    budget, plain, qualitative, quantitative, round2, Flag, IndicatorScore, LevelScore, Profile,
    Scorecard, Status, WeightSource,
};
use crate::model::Declaration;
use crate::value::TargetKind;

/// What one rule made of one indicator, before rounding.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    /// The unrounded score; `None` when not scorable.
    pub raw: Option<Decimal>,
    pub status: Status,
    pub rule: String,
    pub explanation: String,
    pub flags: Vec<Flag>,
    pub reason: Option<String>,
}

impl Outcome {
    pub(crate) fn not_scorable(rule: &str, reason: impl Into<String>) -> Outcome {
        let reason = reason.into();
        Outcome {
            raw: None,
            status: Status::NotScorable,
            rule: rule.to_owned(),
            explanation: format!("not scorable: {reason}"),
            flags: Vec::new(),
            reason: Some(reason),
        }
    }
}

const MISSING: &str =
    "每个指标须有实际完成值才能评分 (domain.md §5: missing actual → not scorable, never 0)";
const NO_WEIGHT: &str =
    "指标分值：已给出的分值优先，否则按一级指标分值均分 (财预〔2020〕10号; domain.md §5 Weights)";

/// A sum that saturates instead of overflowing (absurd published figures never panic).
pub(crate) fn sum(values: impl Iterator<Item = Decimal>) -> Decimal {
    values.fold(Decimal::ZERO, Decimal::saturating_add)
}

fn non_empty(text: Option<&String>) -> Option<String> {
    text.map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

pub(crate) fn score(declaration: &Declaration, profile: &Profile) -> Scorecard {
    let weights = weights::assign(declaration, profile);
    let evaluation = declaration.evaluation.as_ref();
    let budget = budget::score(declaration, profile);
    let qualitative_rule = qualitative::rule(profile);
    let mut indicators = Vec::with_capacity(declaration.indicators.len());
    for (i, indicator) in declaration.indicators.iter().enumerate() {
        let published_row = evaluation.and_then(|e| e.indicators.get(i));
        let actual = non_empty(published_row.and_then(|e| e.actual.as_ref()));
        let published = published_row.and_then(|e| e.score);
        let deviation = non_empty(published_row.and_then(|e| e.deviation.as_ref()));
        let (weight, weight_source, weight_note) = weights
            .per_indicator
            .get(i)
            .cloned()
            .unwrap_or((None, WeightSource::None, String::new()));
        let outcome = match (weight, actual.as_deref()) {
            (None, _) => Outcome::not_scorable(NO_WEIGHT, format!("没有分值 ({weight_note})")),
            (Some(_), None) => Outcome::not_scorable(MISSING, "没有实际完成值 (missing actual)"),
            (Some(w), Some(a)) => match indicator.target.kind {
                TargetKind::Quantitative => quantitative::score(&indicator.target, a, w, indicator.direction, profile),
                TargetKind::Qualitative => {
                    qualitative::score(&indicator.target, a, w, published, profile, &qualitative_rule)
                }
                TargetKind::Invalid => Outcome::not_scorable(
                    "指标值须可解析 (domain.md §3)",
                    format!("目标值“{}”无效或未填写 (the target is empty, a placeholder or unparseable)", indicator.target.text.trim()),
                ),
            },
        };
        let mut flags = outcome.flags;
        let score = match (outcome.raw, weight) {
            (Some(raw), Some(w)) => Some(round2(raw.min(w).max(Decimal::ZERO))),
            _ => None,
        };
        if let (Some(s), Some(w)) = (score, weight) {
            if s < round2(w) {
                flags.push(Flag::new(
                    "deviation_required",
                    format!(
                        "得分 {s} 低于分值 {}：须填写偏差原因分析及改进措施{}",
                        plain(w),
                        if deviation.is_some() { "（已填写）" } else { "" }
                    ),
                    format!(
                        "score {s} below the weight {}: a deviation explanation (偏差原因分析及改进措施) is required{}",
                        plain(w),
                        if deviation.is_some() { " (one is given)" } else { "" }
                    ),
                ));
            }
        }
        let weight_text = match weight_source {
            WeightSource::Split => format!(
                "W = {} [{}]; ",
                weight.map(plain).unwrap_or_default(),
                weight_note
            ),
            _ => String::new(),
        };
        indicators.push(IndicatorScore {
            name: indicator.name.clone(),
            level1: indicator.level1_label().to_owned(),
            level2: indicator.level2_label().to_owned(),
            target: indicator.target.text.clone(),
            actual,
            max: weight.map(round2),
            weight_source,
            score,
            status: outcome.status,
            rule: outcome.rule,
            explanation: format!("{weight_text}{}", outcome.explanation),
            flags,
            reason: outcome.reason,
            published,
            deviation,
        });
    }
    let levels = level_scores(&weights.levels, &weights.keys, &indicators);
    let indicator_total = sum(indicators.iter().filter_map(|i| i.score));
    let total = budget
        .score
        .unwrap_or(Decimal::ZERO)
        .saturating_add(indicator_total);
    let weights_total = sum(indicators.iter().filter_map(|i| i.max));
    let open_budget = if budget.score.is_none() {
        budget.max
    } else {
        Decimal::ZERO
    };
    let open_indicators = sum(indicators
        .iter()
        .filter(|i| i.score.is_none())
        .filter_map(|i| i.max));
    let complete = budget.score.is_some() && indicators.iter().all(|i| i.score.is_some());
    let total = round2(total);
    let grade = if complete {
        profile.grade(total).map(str::to_owned)
    } else {
        None
    };
    let max = round2(budget.max.saturating_add(weights_total));
    let mut flags = weights.flags;
    flags.extend(empty_levels(declaration, profile, &weights.keys));
    Scorecard {
        profile: profile.name.clone(),
        project: declaration.project.name.clone(),
        budget,
        indicators,
        levels,
        total,
        max,
        complete,
        open: round2(open_budget.saturating_add(open_indicators)),
        grade,
        flags,
    }
}

fn level_scores(
    levels: &[LevelKey],
    keys: &[LevelKey],
    indicators: &[IndicatorScore],
) -> Vec<LevelScore> {
    levels
        .iter()
        .map(|level| {
            let members = keys
                .iter()
                .zip(indicators)
                .filter(|(k, _)| *k == level)
                .map(|(_, i)| i);
            let (max, score) = members.fold((Decimal::ZERO, Decimal::ZERO), |(m, s), i| {
                (
                    m.saturating_add(i.max.unwrap_or_default()),
                    s.saturating_add(i.score.unwrap_or_default()),
                )
            });
            LevelScore {
                name: level.name(),
                max: round2(max),
                score: round2(score),
            }
        })
        .collect()
}

fn empty_levels(declaration: &Declaration, profile: &Profile, keys: &[LevelKey]) -> Vec<Flag> {
    let mut flags = Vec::new();
    for (level, points) in &profile.level_points {
        let key = LevelKey::Known(*level);
        if points.is_zero() || keys.contains(&key) {
            continue;
        }
        let points = declaration
            .level_points
            .get(level.as_str())
            .copied()
            .unwrap_or(*points);
        flags.push(Flag::new(
            "level_empty",
            format!(
                "{}没有三级指标，其 {} 分无法得分",
                level.as_str(),
                plain(points)
            ),
            format!(
                "{} has no indicators: its {} points cannot be earned",
                level.as_str(),
                plain(points)
            ),
        ));
    }
    flags
}
