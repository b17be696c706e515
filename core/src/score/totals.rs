//! 得分汇总 (fast path): every figure, status and flag code of a scorecard, without the
//! human text (rules, explanations, messages, reasons). [`score_totals`](super::score_totals)
//! runs the very same rules as [`score_declaration`](super::score_declaration) but builds
//! no strings per indicator; [`Scorecard::totals`] projects a full scorecard onto the same
//! shape, so the two can be compared.

use rust_decimal::Decimal;
use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

use super::{levels_as_map, LevelScore, Scorecard, Status, WeightSource};

/// 标记代码: the stable code of a [`Flag`](super::Flag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum FlagCode {
    /// `over_achievement`: 超额完成 (A/T ≥ the profile's ratio).
    OverAchievement,
    /// `deviation_required`: 得分低于分值，须填写偏差原因.
    DeviationRequired,
    /// `exact_exceeded`: 实际值超过“等于”目标值.
    ExactExceeded,
    /// `negative_actual`: 实际值为负，按 0 计.
    NegativeActual,
    /// `actual_comparator`: 实际完成值带有比较符.
    ActualComparator,
    /// `unit_converted`: 单位换算.
    UnitConverted,
    /// `band_violation`: 自评得分不在等级区间内.
    BandViolation,
    /// `weights_exceed_level`: 已给出的分值超过该级分值.
    WeightsExceedLevel,
    /// `budget_parts_summed`: 预算按其中各行合计.
    BudgetPartsSummed,
    /// `budget_over_executed`: 全年执行数超过全年预算数.
    BudgetOverExecuted,
    /// `level_empty`: 一级指标没有三级指标.
    LevelEmpty,
    /// `direction_applied`: “=”目标声明为反向指标，按“≤”计分.
    DirectionApplied,
}

impl FlagCode {
    /// Every code, in bit order.
    pub const ALL: [FlagCode; 12] = [
        FlagCode::OverAchievement,
        FlagCode::DeviationRequired,
        FlagCode::ExactExceeded,
        FlagCode::NegativeActual,
        FlagCode::ActualComparator,
        FlagCode::UnitConverted,
        FlagCode::BandViolation,
        FlagCode::WeightsExceedLevel,
        FlagCode::BudgetPartsSummed,
        FlagCode::BudgetOverExecuted,
        FlagCode::LevelEmpty,
        FlagCode::DirectionApplied,
    ];

    /// The stable snake_case code (`over_achievement` …), as in [`Flag::code`](super::Flag).
    pub fn as_str(self) -> &'static str {
        match self {
            FlagCode::OverAchievement => "over_achievement",
            FlagCode::DeviationRequired => "deviation_required",
            FlagCode::ExactExceeded => "exact_exceeded",
            FlagCode::NegativeActual => "negative_actual",
            FlagCode::ActualComparator => "actual_comparator",
            FlagCode::UnitConverted => "unit_converted",
            FlagCode::BandViolation => "band_violation",
            FlagCode::WeightsExceedLevel => "weights_exceed_level",
            FlagCode::BudgetPartsSummed => "budget_parts_summed",
            FlagCode::BudgetOverExecuted => "budget_over_executed",
            FlagCode::LevelEmpty => "level_empty",
            FlagCode::DirectionApplied => "direction_applied",
        }
    }

    /// The code of this snake_case text, when it is one.
    pub fn from_code(code: &str) -> Option<FlagCode> {
        FlagCode::ALL.into_iter().find(|c| c.as_str() == code)
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// 标记集合: which flag codes an item carries (a bit set; no allocation). Serializes as
/// the list of codes in [`FlagCode::ALL`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FlagSet(u16);

impl FlagSet {
    /// Adds a code.
    pub fn insert(&mut self, code: FlagCode) {
        self.0 |= code.bit();
    }

    /// Whether the set holds `code`.
    pub fn contains(self, code: FlagCode) -> bool {
        self.0 & code.bit() != 0
    }

    /// Whether no code is set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The codes, in [`FlagCode::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = FlagCode> {
        FlagCode::ALL.into_iter().filter(move |c| self.contains(*c))
    }
}

impl FromIterator<FlagCode> for FlagSet {
    fn from_iter<I: IntoIterator<Item = FlagCode>>(codes: I) -> Self {
        let mut set = FlagSet::default();
        for code in codes {
            set.insert(code);
        }
        set
    }
}

impl Serialize for FlagSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for code in self.iter() {
            seq.serialize_element(code.as_str())?;
        }
        seq.end()
    }
}

/// The flag codes of a list of flags (codes jixiao does not know are left out).
fn codes(flags: &[super::Flag]) -> FlagSet {
    flags
        .iter()
        .filter_map(|f| FlagCode::from_code(&f.code))
        .collect()
}

/// 预算执行率 figures (fast path of [`BudgetScore`](super::BudgetScore)).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetTotals {
    /// 分值.
    pub max: Decimal,
    /// 执行率, 6 decimals.
    pub rate: Option<Decimal>,
    /// 得分, 2 decimals.
    pub score: Option<Decimal>,
    /// The outcome.
    pub status: Status,
    /// Flag codes.
    pub flags: FlagSet,
}

/// One 三级指标's figures (fast path of [`IndicatorScore`](super::IndicatorScore)).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorTotals {
    /// 分值 used, 2 decimals.
    pub max: Option<Decimal>,
    /// Where the weight came from.
    pub weight_source: WeightSource,
    /// 得分, 2 decimals.
    pub score: Option<Decimal>,
    /// The outcome.
    pub status: Status,
    /// Flag codes.
    pub flags: FlagSet,
}

/// 得分汇总: a [`Scorecard`] without its text — the same figures, statuses and flag codes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreTotals {
    /// 预算执行率.
    pub budget: BudgetTotals,
    /// The indicators, in declaration order.
    pub indicators: Vec<IndicatorTotals>,
    /// Points per 一级指标, in form order.
    #[serde(serialize_with = "levels_as_map")]
    pub levels: Vec<LevelScore>,
    /// 总分.
    pub total: Decimal,
    /// The points the scorecard is out of.
    pub max: Decimal,
    /// Whether everything could be scored.
    pub complete: bool,
    /// The points left open.
    pub open: Decimal,
    /// 等级; `None` when incomplete.
    pub grade: Option<String>,
    /// The codes of the scorecard's own flags (`weights_exceed_level`, `level_empty`).
    pub flags: FlagSet,
}

impl Scorecard {
    /// The scorecard's figures, statuses and flag codes (what
    /// [`score_totals`](super::score_totals) computes without building the text).
    pub fn totals(&self) -> ScoreTotals {
        let b = &self.budget;
        ScoreTotals {
            budget: BudgetTotals {
                max: b.max,
                rate: b.rate,
                score: b.score,
                status: b.status,
                flags: codes(&b.flags),
            },
            indicators: self
                .indicators
                .iter()
                .map(|i| IndicatorTotals {
                    max: i.max,
                    weight_source: i.weight_source,
                    score: i.score,
                    status: i.status,
                    flags: codes(&i.flags),
                })
                .collect(),
            levels: self.levels.clone(),
            total: self.total,
            max: self.max,
            complete: self.complete,
            open: self.open,
            grade: self.grade.clone(),
            flags: codes(&self.flags),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_bits_are_distinct() {
        let mut all = FlagSet::default();
        for code in FlagCode::ALL {
            assert_eq!(FlagCode::from_code(code.as_str()), Some(code));
            assert!(!all.contains(code));
            all.insert(code);
        }
        assert_eq!(all.iter().count(), FlagCode::ALL.len());
        assert_eq!(FlagCode::from_code("nope"), None);
        let set: FlagSet = [FlagCode::LevelEmpty, FlagCode::OverAchievement]
            .into_iter()
            .collect();
        assert_eq!(
            serde_json::to_string(&set).expect("json"),
            r#"["over_achievement","level_empty"]"#
        );
    }
}
