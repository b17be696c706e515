//! The scoring engine: weights, then each indicator by its kind, then levels, total,
//! completeness and grade.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::weights::{self, LevelKey, Weights};
use super::{
    budget, plain, qualitative, quantitative, round2, BudgetScore, BudgetTotals, Figure, Flag,
    FlagCode, FlagSet, IndicatorScore, IndicatorTotals, LevelScore, Profile, ScoreTotals,
    Scorecard, Status, WeightSource,
};
use crate::model::{Declaration, Indicator};
use crate::value::TargetKind;

/// Whether the human text of a scorecard is built ([`score`]) or only its figures
/// ([`totals`]). Every rule computes its figures the same way in both modes; the text is
/// built through [`Explain::text`] and [`Flags::push`], which skip it when not explaining.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Explain(pub(crate) bool);

impl Explain {
    /// The text `make` builds, or an empty string (no allocation) when not explaining.
    pub(crate) fn text(self, make: impl FnOnce() -> String) -> String {
        if self.0 {
            make()
        } else {
            String::new()
        }
    }
}

/// The flags of one item: always their codes, and their messages when explaining.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Flags {
    explain: Explain,
    pub set: FlagSet,
    pub list: Vec<Flag>,
}

impl Flags {
    pub(crate) fn new(explain: Explain) -> Flags {
        Flags {
            explain,
            set: FlagSet::default(),
            list: Vec::new(),
        }
    }

    /// Records `code`; `messages` (Chinese, English) is called only when explaining.
    pub(crate) fn push(&mut self, code: FlagCode, messages: impl FnOnce() -> (String, String)) {
        self.set.insert(code);
        if self.explain.0 {
            let (message, message_en) = messages();
            self.list.push(Flag::new(code, message, message_en));
        }
    }

    pub(crate) fn extend(&mut self, other: Flags) {
        self.set = self.set.iter().chain(other.set.iter()).collect();
        self.list.extend(other.list);
    }
}

/// What one rule made of one indicator, before rounding.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome<'r> {
    /// The unrounded score; `None` when not scorable.
    pub raw: Option<Decimal>,
    pub status: Status,
    pub rule: &'r str,
    pub explanation: String,
    pub flags: Flags,
    pub reason: Option<String>,
}

impl<'r> Outcome<'r> {
    /// Not scorable under `rule`; `reason` is called only when explaining.
    pub(crate) fn not_scorable(
        explain: Explain,
        rule: &'r str,
        reason: impl FnOnce() -> String,
    ) -> Outcome<'r> {
        let reason = explain.text(reason);
        Outcome {
            raw: None,
            status: Status::NotScorable,
            rule,
            explanation: explain.text(|| format!("not scorable: {reason}")),
            flags: Flags::new(explain),
            reason: Some(reason),
        }
    }
}

const MISSING: &str =
    "每个指标须有实际完成值才能评分 (domain.md §5: missing actual → not scorable, never 0)";
const NO_WEIGHT: &str =
    "指标分值：已给出的分值优先，否则按一级指标分值均分 (财预〔2020〕10号; domain.md §5 Weights)";
const INVALID: &str = "指标值须可解析 (domain.md §3)";

/// A sum that saturates instead of overflowing (absurd published figures never panic).
pub(crate) fn sum(values: impl Iterator<Item = Decimal> + Clone) -> Decimal {
    sum_of_cents(values.clone())
        .unwrap_or_else(|| values.fold(Decimal::ZERO, Decimal::saturating_add))
}

/// The sum of figures with at most 2 decimals (scores and weights, rounded; `0`), added
/// as integers in hundredths: exactly what adding them as decimals gives (the scale of
/// the result is the largest scale) while every partial sum fits in a decimal's 96 bits.
/// `None` when a figure has more decimals or a sum does not fit.
fn sum_of_cents(values: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    const LIMIT: i128 = 1 << 96;
    let mut total: i128 = 0;
    let mut scale = 0;
    for value in values {
        let cents = match value.scale() {
            0 => value.mantissa().checked_mul(100)?,
            1 => value.mantissa().checked_mul(10)?,
            2 => value.mantissa(),
            _ => return None,
        };
        scale = scale.max(value.scale());
        total = total.checked_add(cents)?;
        if !(-LIMIT < total && total < LIMIT) {
            return None;
        }
    }
    let total = match scale {
        0 => total / 100,
        1 => total / 10,
        _ => total,
    };
    Decimal::try_from_i128_with_scale(total, scale).ok()
}

fn non_empty(text: Option<&String>) -> Option<&str> {
    text.map(|t| t.trim()).filter(|t| !t.is_empty())
}

/// One indicator scored: its figures, and its text when explaining.
struct Item<'a> {
    actual: Option<&'a str>,
    published: Option<Decimal>,
    deviation: Option<&'a str>,
    max: Option<Decimal>,
    weight_source: WeightSource,
    score: Option<Decimal>,
    status: Status,
    rule: &'a str,
    explanation: String,
    flags: Flags,
    reason: Option<String>,
}

/// What every indicator is scored with: the weights, the rule texts built once.
struct Context<'a> {
    declaration: &'a Declaration,
    profile: &'a Profile,
    weights: Weights,
    qualitative_rule: String,
    explain: Explain,
}

impl<'a> Context<'a> {
    fn new(declaration: &'a Declaration, profile: &'a Profile, explain: Explain) -> Self {
        Context {
            declaration,
            profile,
            weights: weights::assign(declaration, profile, explain),
            qualitative_rule: explain.text(|| qualitative::rule(profile)),
            explain,
        }
    }

    fn item(&self, i: usize, indicator: &'a Indicator) -> Item<'_> {
        let explain = self.explain;
        let profile = self.profile;
        let published_row = self
            .declaration
            .evaluation
            .as_ref()
            .and_then(|e| e.indicators.get(i));
        let actual = non_empty(published_row.and_then(|e| e.actual.as_ref()));
        let published = published_row.and_then(|e| e.score);
        let deviation = non_empty(published_row.and_then(|e| e.deviation.as_ref()));
        let (weight, weight_source, weight_note) = match self.weights.per_indicator.get(i) {
            Some((w, source, note)) => (*w, *source, note.as_str()),
            None => (None, WeightSource::None, ""),
        };
        let outcome = match (weight, actual) {
            (None, _) => {
                Outcome::not_scorable(explain, NO_WEIGHT, || format!("没有分值 ({weight_note})"))
            }
            (Some(_), None) => Outcome::not_scorable(explain, MISSING, || {
                "没有实际完成值 (missing actual)".to_owned()
            }),
            (Some(w), Some(a)) => match indicator.target.kind {
                TargetKind::Quantitative => quantitative::score(
                    &indicator.target,
                    a,
                    w,
                    indicator.direction,
                    profile,
                    explain,
                ),
                TargetKind::Qualitative => qualitative::score(
                    &indicator.target,
                    a,
                    w,
                    published,
                    profile,
                    &self.qualitative_rule,
                    explain,
                ),
                TargetKind::Invalid => Outcome::not_scorable(explain, INVALID, || {
                    format!(
                        "目标值“{}”无效或未填写 (the target is empty, a placeholder or unparseable)",
                        indicator.target.text.trim()
                    )
                }),
            },
        };
        let mut flags = outcome.flags;
        let score = match (outcome.raw, weight) {
            (Some(raw), Some(w)) => {
                // `raw.min(w)`; figures of one scale compare as integers.
                let capped = if raw.scale() == w.scale() {
                    if raw.mantissa() <= w.mantissa() {
                        raw
                    } else {
                        w
                    }
                } else {
                    raw.min(w)
                };
                // `max(0)` without a compare: a negative figure is 0, `-0` stays.
                let floored = if capped.is_sign_negative() && !capped.is_zero() {
                    Decimal::ZERO
                } else {
                    capped
                };
                Some(round2(floored))
            }
            _ => None,
        };
        let max = weight.map(round2);
        if let (Some(s), Some(w), Some(max)) = (score, weight, max) {
            if s < max {
                flags.push(FlagCode::DeviationRequired, || {
                    (
                        format!(
                            "得分 {} 低于分值 {}：须填写偏差原因分析及改进措施{}",
                            Figure(s),
                            plain(w),
                            if deviation.is_some() { "（已填写）" } else { "" }
                        ),
                        format!(
                            "score {} below the weight {}: a deviation explanation (偏差原因分析及改进措施) is required{}",
                            Figure(s),
                            plain(w),
                            if deviation.is_some() { " (one is given)" } else { "" }
                        ),
                    )
                });
            }
        }
        let explanation = match weight_source {
            WeightSource::Split if explain.0 => {
                let mut text = String::with_capacity(outcome.explanation.len() + 64);
                let _ = write!(
                    text,
                    "W = {} [{}]; ",
                    weight.map(plain).unwrap_or_default(),
                    weight_note
                );
                text.push_str(&outcome.explanation);
                text
            }
            _ => outcome.explanation,
        };
        Item {
            actual,
            published,
            deviation,
            max,
            weight_source,
            score,
            status: outcome.status,
            rule: outcome.rule,
            explanation,
            flags,
            reason: outcome.reason,
        }
    }
}

/// The figures of a whole scorecard, from the budget item and each indicator's
/// (max, score).
struct Sums {
    levels: Vec<LevelScore>,
    total: Decimal,
    max: Decimal,
    complete: bool,
    open: Decimal,
    grade: Option<String>,
}

fn sums(
    budget: &BudgetScore,
    items: &[(Option<Decimal>, Option<Decimal>)],
    keys: &[LevelKey],
    levels: &[LevelKey],
    profile: &Profile,
) -> Sums {
    let levels = level_scores(levels, keys, items);
    let indicator_total = sum(items.iter().filter_map(|(_, s)| *s));
    let total = budget
        .score
        .unwrap_or(Decimal::ZERO)
        .saturating_add(indicator_total);
    let weights_total = sum(items.iter().filter_map(|(m, _)| *m));
    let open_budget = if budget.score.is_none() {
        budget.max
    } else {
        Decimal::ZERO
    };
    let open_indicators = sum(items
        .iter()
        .filter(|(_, s)| s.is_none())
        .filter_map(|(m, _)| *m));
    let complete = budget.score.is_some() && items.iter().all(|(_, s)| s.is_some());
    let total = round2(total);
    let grade = if complete {
        profile.grade(total).map(str::to_owned)
    } else {
        None
    };
    Sums {
        levels,
        total,
        max: round2(budget.max.saturating_add(weights_total)),
        complete,
        open: round2(open_budget.saturating_add(open_indicators)),
        grade,
    }
}

/// The full scorecard: every figure with its rule, inputs and arithmetic.
pub(crate) fn score(declaration: &Declaration, profile: &Profile) -> Scorecard {
    let explain = Explain(true);
    let context = Context::new(declaration, profile, explain);
    let budget = budget::score(declaration, profile, explain);
    let indicators: Vec<IndicatorScore> = declaration
        .indicators
        .iter()
        .enumerate()
        .map(|(i, indicator)| {
            let item = context.item(i, indicator);
            IndicatorScore {
                name: indicator.name.clone(),
                level1: indicator.level1_label().to_owned(),
                level2: indicator.level2_label().to_owned(),
                target: indicator.target.text.clone(),
                actual: item.actual.map(str::to_owned),
                max: item.max,
                weight_source: item.weight_source,
                score: item.score,
                status: item.status,
                rule: item.rule.to_owned(),
                explanation: item.explanation,
                flags: item.flags.list,
                reason: item.reason,
                published: item.published,
                deviation: item.deviation.map(str::to_owned),
            }
        })
        .collect();
    let figures: Vec<_> = indicators.iter().map(|i| (i.max, i.score)).collect();
    let w = context.weights;
    let s = sums(&budget, &figures, &w.keys, &w.levels, profile);
    let mut flags = w.flags.list;
    flags.extend(empty_levels(declaration, profile, &w.keys, explain).list);
    Scorecard {
        profile: profile.name.clone(),
        project: declaration.project.name.clone(),
        budget,
        indicators,
        levels: s.levels,
        total: s.total,
        max: s.max,
        complete: s.complete,
        open: s.open,
        grade: s.grade,
        flags,
    }
}

/// The same figures as [`score`], without the text.
pub(crate) fn totals(declaration: &Declaration, profile: &Profile) -> ScoreTotals {
    let explain = Explain(false);
    let context = Context::new(declaration, profile, explain);
    let budget = budget::score(declaration, profile, explain);
    let indicators: Vec<IndicatorTotals> = declaration
        .indicators
        .iter()
        .enumerate()
        .map(|(i, indicator)| {
            let item = context.item(i, indicator);
            IndicatorTotals {
                max: item.max,
                weight_source: item.weight_source,
                score: item.score,
                status: item.status,
                flags: item.flags.set,
            }
        })
        .collect();
    let figures: Vec<_> = indicators.iter().map(|i| (i.max, i.score)).collect();
    let w = context.weights;
    let s = sums(&budget, &figures, &w.keys, &w.levels, profile);
    let mut flags = w.flags;
    flags.extend(empty_levels(declaration, profile, &w.keys, explain));
    ScoreTotals {
        budget: BudgetTotals {
            max: budget.max,
            rate: budget.rate,
            score: budget.score,
            status: budget.status,
            flags: budget
                .flags
                .iter()
                .filter_map(|f| FlagCode::from_code(&f.code))
                .collect(),
        },
        indicators,
        levels: s.levels,
        total: s.total,
        max: s.max,
        complete: s.complete,
        open: s.open,
        grade: s.grade,
        flags: flags.set,
    }
}

fn level_scores(
    levels: &[LevelKey],
    keys: &[LevelKey],
    items: &[(Option<Decimal>, Option<Decimal>)],
) -> Vec<LevelScore> {
    levels
        .iter()
        .map(|level| {
            let members = keys
                .iter()
                .zip(items)
                .filter(|(k, _)| *k == level)
                .map(|(_, i)| i);
            let max = sum(members.clone().map(|i| i.0.unwrap_or_default()));
            let score = sum(members.map(|i| i.1.unwrap_or_default()));
            LevelScore {
                name: level.name(),
                max: round2(max),
                score: round2(score),
            }
        })
        .collect()
}

fn empty_levels(
    declaration: &Declaration,
    profile: &Profile,
    keys: &[LevelKey],
    explain: Explain,
) -> Flags {
    let mut flags = Flags::new(explain);
    if super::weights::by_groups(declaration) {
        // The form gives its points by group, not by level: no level's points are lost.
        return flags;
    }
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
        flags.push(FlagCode::LevelEmpty, || {
            (
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
            )
        });
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_in_hundredths_agree_with_decimal_sums() {
        let d = |m: i64, s: u32| Decimal::new(m, s);
        let big = Decimal::MAX;
        let lists: Vec<Vec<Decimal>> = vec![
            vec![],
            vec![Decimal::ZERO],
            vec![d(1000, 2), d(969, 2), Decimal::ZERO],
            vec![d(15, 1), d(714, 2), d(3, 0)],
            vec![d(5, 0), d(7, 0)],
            vec![d(-250, 2), d(100, 2)],
            vec![d(1, 3), d(100, 2)],
            vec![big, d(1, 2)],
            vec![big, big, -big],
            vec![-big, d(-1, 0)],
        ];
        for list in lists {
            let want = list
                .iter()
                .copied()
                .fold(Decimal::ZERO, Decimal::saturating_add);
            let got = sum(list.iter().copied());
            assert_eq!((got, got.to_string()), (want, want.to_string()), "{list:?}");
        }
    }
}
