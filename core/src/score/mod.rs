//! Self-evaluation scoring (单位自评): `domain.md` §5.
//!
//! [`score_declaration`] scores one declaration's self-evaluation (its
//! [`Evaluation`](crate::model::Evaluation): actuals, published weights and scores, the
//! budget execution figures) under a [`Profile`], and returns a [`Scorecard`] in which
//! every figure carries the rule it comes from (with its source document), the inputs and
//! the arithmetic. Nothing is ever silently 0: what cannot be scored is `not_scorable`
//! with a reason, and the scorecard is then incomplete (no grade).
//!
//! ```
//! use jixiao::model::{Declaration, Evaluation, IndicatorEvaluation, Indicator};
//! use jixiao::score::{score_declaration, Profile};
//! use jixiao::taxonomy::Level1;
//! use jixiao::value::Target;
//!
//! let mut d = Declaration::default();
//! d.indicators.push(Indicator::new(Some(Level1::Satisfaction), None, "满意度", Target::parse("满意")));
//! d.evaluation = Some(Evaluation {
//!     indicators: vec![IndicatorEvaluation { actual: Some("满意".into()), ..Default::default() }],
//!     ..Default::default()
//! });
//! let card = score_declaration(&d, &Profile::default());
//! assert_eq!(card.indicators[0].score.unwrap().to_string(), "10.00");
//! assert!(!card.complete); // no budget figures: the budget row is open
//! ```

mod budget;
mod engine;
mod explain;
pub mod profile;
pub(crate) mod qualitative;
mod quantitative;
pub(crate) mod quantity;
mod rows;
mod totals;
mod weights;

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::model::{Declaration, Document};

pub use profile::{GradeBand, Profile, QualitativePolicy, ReversePolicy};
pub use rows::{BudgetFigures, RowKind, ScoreRow};
pub use totals::{BudgetTotals, FlagCode, FlagSet, IndicatorTotals, ScoreTotals};

/// 得分状态: how an indicator (or the budget row) came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 达成: the comparison holds (or the qualitative grade is 达成年度指标).
    Met,
    /// 部分达成: not met, some points.
    Partial,
    /// 未达成: no points (quantitative) or the 未达成 grade (qualitative).
    Unmet,
    /// 无法评分: a reason says why; its points are open.
    NotScorable,
}

impl Status {
    /// `met`, `partial`, `unmet` or `not_scorable`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Partial => "partial",
            Status::Unmet => "unmet",
            Status::NotScorable => "not_scorable",
        }
    }

    /// 达成, 部分达成, 未达成 or 无法评分.
    pub fn label(self) -> &'static str {
        match self {
            Status::Met => "达成",
            Status::Partial => "部分达成",
            Status::Unmet => "未达成",
            Status::NotScorable => "无法评分",
        }
    }
}

/// Where an indicator's weight (分值) came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightSource {
    /// 分值 as published in the form or the input.
    Given,
    /// The level's points less the given weights, split equally (2 decimals).
    Split,
    /// No weight could be found (the indicator's 一级 has no points): not scorable.
    None,
}

/// A flag on a scored item: something a reviewer must look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    /// Stable code: `over_achievement`, `deviation_required`, `exact_exceeded`,
    /// `negative_actual`, `actual_comparator`, `unit_converted`, `band_violation`,
    /// `weights_exceed_level`, `budget_parts_summed`, `budget_over_executed`, `level_empty`,
    /// `direction_applied`.
    pub code: String,
    /// The message in Chinese.
    pub message: String,
    /// The message in English.
    pub message_en: String,
}

impl Flag {
    pub(crate) fn new(
        code: FlagCode,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Flag {
            code: code.as_str().to_owned(),
            message: message.into(),
            message_en: message_en.into(),
        }
    }
}

/// 预算执行率: the budget execution item of a scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetScore {
    /// 分值: the form's 分值 when published, else the profile's budget points.
    pub max: Decimal,
    /// Where `max` came from: `given` (the form) or `profile`.
    pub max_source: String,
    /// 执行率 = executed / adjusted, to 6 decimals (a fraction, 0.861830 = 86.1830%).
    pub rate: Option<Decimal>,
    /// 得分 = min(rate, 1) × max, rounded to 2 decimals.
    pub score: Option<Decimal>,
    /// met (rate ≥ 1), partial, unmet (nothing executed) or not_scorable.
    pub status: Status,
    /// 年初预算数 used.
    pub initial: Option<Decimal>,
    /// 全年预算数 used.
    pub adjusted: Option<Decimal>,
    /// 全年执行数 used.
    pub executed: Option<Decimal>,
    /// 金额单位 of the figures.
    pub unit: String,
    /// Whether the figures are the sums of the 其中 rows (the 年度资金总额 row lacked them).
    pub summed: bool,
    /// The published 得分, when there is one.
    pub published: Option<Decimal>,
    /// The rule with its source.
    pub rule: String,
    /// Inputs and arithmetic, readable.
    pub explanation: String,
    /// Flags.
    pub flags: Vec<Flag>,
    /// Why the budget row is not scorable, when it is not.
    pub reason: Option<String>,
}

/// One scored 三级指标.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorScore {
    /// 三级指标 name.
    pub name: String,
    /// 一级指标 (normalized, else as written).
    pub level1: String,
    /// 二级指标 (normalized, else as written).
    pub level2: String,
    /// 年度指标值 as written.
    pub target: String,
    /// 实际完成值 as written, when given.
    pub actual: Option<String>,
    /// 分值: the weight used (`null` when none could be found).
    pub max: Option<Decimal>,
    /// Where the weight came from.
    pub weight_source: WeightSource,
    /// 得分, rounded to 2 decimals; `null` when not scorable.
    pub score: Option<Decimal>,
    /// The outcome.
    pub status: Status,
    /// The rule applied, with its source (`财预〔2020〕10号` …).
    pub rule: String,
    /// Inputs and arithmetic, readable.
    pub explanation: String,
    /// Flags (over-achievement, deviation explanation required, …).
    pub flags: Vec<Flag>,
    /// Why it is not scorable, when it is not.
    pub reason: Option<String>,
    /// The published 得分, when there is one.
    pub published: Option<Decimal>,
    /// 偏差原因分析及改进措施 as published, when there is one.
    pub deviation: Option<String>,
}

/// The points of one 一级指标 in a scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelScore {
    /// 一级指标 name (成本指标 shares 产出指标 under most profiles).
    #[serde(skip)]
    pub name: String,
    /// The sum of the weights of its indicators.
    pub max: Decimal,
    /// The sum of its indicators' rounded scores.
    pub score: Decimal,
}

/// 自评得分表: the result of scoring one declaration.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    /// The profile's name.
    pub profile: String,
    /// 项目名称.
    pub project: String,
    /// 预算执行率.
    pub budget: BudgetScore,
    /// The indicators, in declaration order.
    pub indicators: Vec<IndicatorScore>,
    /// Points per 一级指标, in form order (a JSON object keyed by the 一级 name).
    #[serde(serialize_with = "levels_as_map")]
    pub levels: Vec<LevelScore>,
    /// 总分: the budget score plus every indicator's rounded score (of what could be scored).
    pub total: Decimal,
    /// The points the scorecard is out of (budget max + every indicator's weight).
    pub max: Decimal,
    /// Whether everything could be scored.
    pub complete: bool,
    /// The points left open by what could not be scored.
    pub open: Decimal,
    /// 等级 (优/良/中/差) by the profile's bands; `null` when incomplete.
    pub grade: Option<String>,
    /// Notes on the whole scorecard (weights that exceed a level, a level with no indicators).
    pub flags: Vec<Flag>,
}

pub(crate) fn levels_as_map<S: Serializer>(
    levels: &[LevelScore],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(levels.len()))?;
    for level in levels {
        map.serialize_entry(&level.name, level)?;
    }
    map.end()
}

impl Scorecard {
    /// The scorecard as pretty JSON (every figure a decimal string).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The indicator of this name, when there is one.
    pub fn indicator(&self, name: &str) -> Option<&IndicatorScore> {
        self.indicators.iter().find(|i| i.name == name)
    }
}

/// Scores one declaration's self-evaluation under `profile` (`domain.md` §5).
/// An `auto` profile is first resolved for the declaration ([`Profile::for_declaration`]);
/// the scorecard names the profile applied and its budget explanation says why.
pub fn score_declaration(declaration: &Declaration, profile: &Profile) -> Scorecard {
    let (applied, why) = profile.for_declaration(declaration);
    let mut card = engine::score(declaration, &applied);
    if let Some(why) = why {
        card.budget.explanation = format!("{why}; {}", card.budget.explanation);
    }
    card
}

/// 得分汇总: scores one declaration like [`score_declaration`] — the same rules, figures,
/// statuses and flag codes (`score_totals(d, p) == score_declaration(d, p).totals()`) —
/// but builds none of the text (rules, explanations, messages, reasons, copied names).
/// The fast path for bulk work: render a [`Scorecard`] only for what a person reads.
pub fn score_totals(declaration: &Declaration, profile: &Profile) -> ScoreTotals {
    engine::totals(declaration, &profile.for_declaration(declaration).0)
}

/// Scores every declaration of a document.
pub fn score_document(document: &Document, profile: &Profile) -> Vec<Scorecard> {
    document
        .declarations
        .iter()
        .map(|d| score_declaration(d, profile))
        .collect()
}

/// A rate as every display shows it (执行率, 完成率): the percentage, rounded to 2 places
/// half away from zero (四舍五入, the house rule: never banker's rounding), trailing zeros
/// dropped, with `%`.
///
/// ```
/// use rust_decimal::Decimal;
/// let rate: Decimal = "0.861850".parse().unwrap();
/// assert_eq!(jixiao::score::rate_percent(rate), "86.19%"); // banker's rounding: 86.18%
/// assert_eq!(jixiao::score::rate_percent(Decimal::ONE), "100%");
/// ```
pub fn rate_percent(rate: Decimal) -> String {
    let percent = rate
        .saturating_mul(Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    format!("{}%", plain(percent))
}

/// Rounds a score to 2 decimals, half away from zero (四舍五入), scale fixed at 2.
pub fn round2(value: Decimal) -> Decimal {
    let scale = value.scale();
    if scale <= 2 {
        // Nothing to round (weights, whole scores): only the scale is set, as `rescale(2)`
        // sets it when the mantissa has room (always, but for absurd figures).
        let factor = match scale {
            0 => 100,
            1 => 10,
            _ => 1,
        };
        let exact = value
            .mantissa()
            .checked_mul(factor)
            .and_then(|cents| Decimal::try_from_i128_with_scale(cents, 2).ok());
        match exact {
            Some(exact) if exact.is_sign_negative() == value.is_sign_negative() => return exact,
            _ => {
                let mut exact = value;
                exact.rescale(2);
                return exact;
            }
        }
    }
    if let Some(rounded) = round2_positive(value.mantissa(), scale) {
        return rounded;
    }
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// [`round2`] of a non-negative `mantissa × 10^-scale` (scale 3 to 28) in one integer
/// division: half away from zero is half up on a magnitude. `None` for a negative value
/// (whose zero keeps its sign in `round_dp`), left to the general rounding.
fn round2_positive(mantissa: i128, scale: u32) -> Option<Decimal> {
    let magnitude = u128::try_from(mantissa).ok()?;
    let unit = 10u128.checked_pow(scale.checked_sub(2)?)?;
    let (quotient, remainder) = (magnitude / unit, magnitude % unit);
    let rounded = if remainder >= unit - remainder {
        quotient + 1
    } else {
        quotient
    };
    Decimal::try_from_i128_with_scale(i128::try_from(rounded).ok()?, 2).ok()
}

/// A decimal as people read it: trailing zeros dropped (`10.00` → `10`, `86.50` → `86.5`).
pub(crate) fn plain(value: Decimal) -> String {
    Figure(value.normalize()).to_string()
}

/// A decimal written exactly as its `Display` writes it (`17.00`, `0.05`, `-3`), with a
/// fast path for the figures of a scorecard (non-negative, a mantissa within 64 bits, no
/// width or precision asked): explanations write thousands of them.
pub(crate) struct Figure(pub(crate) Decimal);

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        let mantissa = u64::try_from(value.mantissa()).ok();
        let (Some(mut digits), false, None, None) =
            (mantissa, value.is_sign_negative(), f.width(), f.precision())
        else {
            return fmt::Display::fmt(&value, f);
        };
        // 20 digits, the point and up to 28 leading zeros fit.
        let mut buf = [0u8; 52];
        let scale = value.scale() as usize;
        let mut at = buf.len();
        let mut written = 0;
        loop {
            at -= 1;
            if let Some(slot) = buf.get_mut(at) {
                *slot = b'0' + (digits % 10) as u8;
            }
            digits /= 10;
            written += 1;
            if written == scale {
                at -= 1;
                if let Some(slot) = buf.get_mut(at) {
                    *slot = b'.';
                }
            }
            if digits == 0 && written > scale {
                break;
            }
        }
        f.write_str(std::str::from_utf8(buf.get(at..).unwrap_or_default()).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `round2` as it was written first: `round_dp_with_strategy`, then the scale.
    fn reference(value: Decimal) -> Decimal {
        let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        rounded.rescale(2);
        rounded
    }

    #[test]
    fn figures_are_written_as_display_writes_them() {
        let mut values = vec![Decimal::ZERO, Decimal::MAX, Decimal::MIN, -Decimal::ZERO];
        for scale in 0..=28 {
            for m in [
                0i64,
                1,
                5,
                9,
                10,
                17,
                100,
                999,
                1234567,
                i64::MAX,
                -1,
                -1050,
            ] {
                values.push(Decimal::new(m, scale));
            }
            values.push(Decimal::from_i128_with_scale(u64::MAX.into(), scale));
            values.push(Decimal::from_i128_with_scale(
                i128::from(u64::MAX) + 1,
                scale,
            ));
        }
        for value in values {
            assert_eq!(Figure(value).to_string(), value.to_string(), "{value:?}");
            assert_eq!(format!("{:>8}", Figure(value)), format!("{value:>8}"));
            assert_eq!(plain(value), value.normalize().to_string());
        }
    }

    #[test]
    fn round2_agrees_with_round_dp_everywhere() {
        let mut values: Vec<Decimal> = Vec::new();
        for text in [
            "0",
            "0.005",
            "0.004999",
            "0.015",
            "0.025",
            "1.005",
            "2.675",
            "9.995",
            "9.994999",
            "99.999",
            "-0.005",
            "-1.005",
            "-0.001",
            "0.0049999999999999999999999999",
            "0.3333333333333333333333333333",
            "79228162514264337593543950.335",
            "79228162514264337593543950335",
            "792281625142643375935439503.35",
            "7922816251426433759354395033.5",
            "-12",
            "-1.5",
            "-0.0",
            "-0",
            "12.3",
            "100",
            "7.9228162514264337593543950335",
            "12.345678",
            "0.000",
            "-0.000",
            "1e-28",
        ] {
            values.push(
                text.parse()
                    .unwrap_or_else(|_| Decimal::from_scientific(text).unwrap_or_default()),
            );
        }
        // Ratios times weights, as the rules compute them.
        for a in 1..60i64 {
            for t in [3i64, 7, 9, 13, 98, 4578] {
                for w in [
                    Decimal::new(15, 1),
                    Decimal::from(10),
                    Decimal::new(714, 2),
                    Decimal::new(3, 3),
                ] {
                    let ratio = Decimal::from(a)
                        .checked_div(Decimal::from(t))
                        .unwrap_or_default();
                    values.push(ratio.saturating_mul(w));
                    values.push(-ratio.saturating_mul(w));
                }
            }
        }
        for value in values {
            let (got, want) = (round2(value), reference(value));
            assert_eq!((got, got.to_string()), (want, want.to_string()), "{value}");
        }
    }
}
