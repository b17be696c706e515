//! Units of 指标值: kept as written, classified when known, converted exactly where
//! units share a base (元/万元, 米/公里, …).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The class of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitClass {
    /// `%`, `百分比`, `‰`.
    Percent,
    /// Counts: 人, 人次, 台, 套, 个, 辆, 次, 件, 份, 家, 项, …
    Count,
    /// Areas: 平方米, 亩, 公顷, 平方公里.
    Area,
    /// Lengths: 米, 厘米, 公里, 千米.
    Length,
    /// Money: 元, 万元, 亿元.
    Money,
    /// Durations: 天, 日, 月, 年, 小时, 分钟, 工作日.
    Time,
    /// Anything else that is still clearly a unit (`M`, `次/月`, `万元/人`).
    Other,
}

/// What is known about one unit: its class and how to convert it to its base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitInfo {
    /// The class.
    pub class: UnitClass,
    /// The base unit values convert to (`元` for 万元), or the unit itself when it has
    /// no convertible base.
    pub base: String,
    /// How many base units one of this unit is (10000 for 万元).
    pub factor: Decimal,
}

/// Classifies a unit as written (`人`, `%`, `(%)`, `百分比`, `万元`, `平方米`, …).
pub fn classify(unit: &str) -> Option<UnitInfo> {
    let _ = unit;
    None
}
