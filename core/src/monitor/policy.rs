//! Warning policies (预警规则) as data (`domain.md` §8): there is no national threshold,
//! so how a figure becomes a colour is a named policy the caller picks or writes. A policy
//! is plain JSON (see [`MonitorPolicy::from_json`]), the shape deployed systems store
//! their early-warning rules in.
//!
//! - [`MonitorPolicy::bands`] (`monitor-bands`, the default): the table of §8 exactly;
//! - [`MonitorPolicy::milestones`] (`milestones-local-example`): fixed execution milestones
//!   25/40/60/80% by months 4/6/8/10, **a local example, not a rule**;
//! - anything else a caller writes as JSON.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::value::UnitClass;

/// The colour of a monitored figure (预警等级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Colour {
    /// Ahead of the pace by more than the policy's margin (超序时进度).
    Blue,
    /// On pace.
    Green,
    /// Behind the pace: to watch (黄色预警).
    Yellow,
    /// Far behind the pace, or a bound broken (红色预警).
    Red,
}

impl Colour {
    /// `red`, `yellow`, `green` or `blue`.
    pub fn as_str(self) -> &'static str {
        match self {
            Colour::Blue => "blue",
            Colour::Green => "green",
            Colour::Yellow => "yellow",
            Colour::Red => "red",
        }
    }

    /// The colour in Chinese (红, 黄, 绿, 蓝).
    pub fn as_zh(self) -> &'static str {
        match self {
            Colour::Blue => "蓝",
            Colour::Green => "绿",
            Colour::Yellow => "黄",
            Colour::Red => "红",
        }
    }

    /// How bad a colour is, for the project's worst: red > yellow > green > blue.
    pub fn severity(self) -> u8 {
        match self {
            Colour::Blue => 0,
            Colour::Green => 1,
            Colour::Yellow => 2,
            Colour::Red => 3,
        }
    }
}

/// The expected progress (序时进度) at a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Expected {
    /// m/12 of the year at month m.
    Linear,
    /// The percent of the last milestone reached by month m (none before the first).
    Milestones {
        /// The milestones, by month.
        milestones: Vec<Milestone>,
    },
}

/// An execution milestone: `percent` of the year's budget spent by the end of `month`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// The month (1–12).
    pub month: u32,
    /// The share of the year expected by then, in percent (`25` for 25%).
    pub percent: Decimal,
}

/// Colour bands over a progress value v (100 = on pace): v < `red_below` red, v <
/// `yellow_below` yellow, v ≥ `blue_from` blue (when set), else green.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bands {
    /// Below this, red.
    pub red_below: Decimal,
    /// Below this (and not red), yellow.
    pub yellow_below: Decimal,
    /// From this up, blue (over the pace); `None`: never blue.
    #[serde(default)]
    pub blue_from: Option<Decimal>,
}

impl Bands {
    /// The colour of a value, and the band's wording (`v < 60 → red`).
    pub fn colour(&self, v: Decimal) -> (Colour, String) {
        let p = |d: Decimal| crate::score::plain(d);
        if v < self.red_below {
            (Colour::Red, format!("v < {} → red", p(self.red_below)))
        } else if v < self.yellow_below {
            (
                Colour::Yellow,
                format!(
                    "{} ≤ v < {} → yellow",
                    p(self.red_below),
                    p(self.yellow_below)
                ),
            )
        } else if let Some(blue) = self.blue_from.filter(|b| v >= *b) {
            (Colour::Blue, format!("v ≥ {} → blue", p(blue)))
        } else {
            match self.blue_from {
                Some(blue) => (
                    Colour::Green,
                    format!("{} ≤ v < {} → green", p(self.yellow_below), p(blue)),
                ),
                None => (
                    Colour::Green,
                    format!("v ≥ {} → green", p(self.yellow_below)),
                ),
            }
        }
    }
}

/// A warning policy: how budget execution and indicator progress become colours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonitorPolicy {
    /// The policy's name (`monitor-bands`, …), printed in every report.
    pub name: String,
    /// What the policy is and where it comes from.
    #[serde(default)]
    pub note: Option<String>,
    /// The expected progress at a month.
    pub expected: Expected,
    /// Bands over the budget's v = 执行率 ÷ expected × 100.
    pub budget: Bands,
    /// Bands over a 正向 indicator's v.
    pub indicator: Bands,
    /// The unit classes whose quantities accumulate over the year (a count of trainings,
    /// money paid, metres built): compared with T × expected. Others (rates, durations)
    /// are compared with T as they stand.
    #[serde(default = "default_cumulative")]
    pub cumulative: Vec<UnitClass>,
    /// 三级 names compared directly whatever their unit (a head count that is a stock).
    #[serde(default)]
    pub direct: Vec<String>,
    /// How far (in percent of T) a forecast may miss the self-evaluation's final actual
    /// before the consistency check reports it.
    #[serde(default = "default_gap")]
    pub forecast_gap: Decimal,
    /// How far (in percentage points) the execution forecast may miss the final 执行率.
    #[serde(default = "default_gap")]
    pub execution_gap: Decimal,
}

fn default_cumulative() -> Vec<UnitClass> {
    vec![
        UnitClass::Count,
        UnitClass::Money,
        UnitClass::Length,
        UnitClass::Area,
    ]
}

fn default_gap() -> Decimal {
    Decimal::from(10)
}

/// The names of the shipped policies.
pub const POLICY_NAMES: [&str; 2] = ["monitor-bands", "milestones-local-example"];

impl Default for MonitorPolicy {
    fn default() -> Self {
        MonitorPolicy::bands()
    }
}

impl MonitorPolicy {
    /// `monitor-bands`: the default policy of `domain.md` §8 — budget v = 执行率 ÷ (m/12) ×
    /// 100, red below 60, yellow below 80; 正向 indicators the same bands and blue from 120.
    pub fn bands() -> Self {
        MonitorPolicy {
            name: "monitor-bands".to_owned(),
            note: Some(
                "jixiao 默认预警政策 (domain.md §8)：序时进度 m/12，60/80 分档，正向指标 ≥120 为蓝"
                    .to_owned(),
            ),
            expected: Expected::Linear,
            budget: Bands {
                red_below: Decimal::from(60),
                yellow_below: Decimal::from(80),
                blue_from: None,
            },
            indicator: Bands {
                red_below: Decimal::from(60),
                yellow_below: Decimal::from(80),
                blue_from: Some(Decimal::from(120)),
            },
            cumulative: default_cumulative(),
            direct: Vec::new(),
            forecast_gap: default_gap(),
            execution_gap: default_gap(),
        }
    }

    /// `milestones-local-example`: execution milestones of 25/40/60/80% by months 4/6/8/10
    /// (a local example, not a national rule). Reaching the milestone is green, 80% of it
    /// yellow, less red; before month 4 there is no milestone and nothing is behind.
    pub fn milestones() -> Self {
        let m = |month: u32, percent: i64| Milestone {
            month,
            percent: Decimal::from(percent),
        };
        MonitorPolicy {
            name: "milestones-local-example".to_owned(),
            note: Some(
                "地方做法示例（非全国规定）：4/6/8/10 月末支出进度分别达到 25%/40%/60%/80%"
                    .to_owned(),
            ),
            expected: Expected::Milestones {
                milestones: vec![m(4, 25), m(6, 40), m(8, 60), m(10, 80)],
            },
            budget: Bands {
                red_below: Decimal::from(80),
                yellow_below: Decimal::from(100),
                blue_from: None,
            },
            indicator: Bands {
                red_below: Decimal::from(80),
                yellow_below: Decimal::from(100),
                blue_from: Some(Decimal::from(150)),
            },
            cumulative: default_cumulative(),
            direct: Vec::new(),
            forecast_gap: default_gap(),
            execution_gap: default_gap(),
        }
    }

    /// A shipped policy by name (`monitor-bands`, `milestones-local-example`, also
    /// `default`, `bands`, `milestones`).
    pub fn by_name(name: &str) -> Result<Self, String> {
        match name.trim() {
            "monitor-bands" | "bands" | "default" | "" => Ok(MonitorPolicy::bands()),
            "milestones-local-example" | "milestones" => Ok(MonitorPolicy::milestones()),
            other => Err(format!(
                "unknown monitoring policy `{other}` (expected {}, or a JSON policy)",
                POLICY_NAMES.join(", ")
            )),
        }
    }

    /// A caller-defined policy from its JSON (the serde form of this type; `cumulative`,
    /// `direct` and the gaps may be left out). Bands must rise (red ≤ yellow ≤ blue) and
    /// milestones lie in months 1–12.
    ///
    /// ```
    /// let p = jixiao::monitor::MonitorPolicy::from_json(r#"{"name": "mine",
    ///   "expected": {"kind": "linear"},
    ///   "budget": {"red_below": "50", "yellow_below": "90"},
    ///   "indicator": {"red_below": "50", "yellow_below": "90", "blue_from": "130"}}"#).unwrap();
    /// assert_eq!(p.name, "mine");
    /// ```
    pub fn from_json(json: &str) -> Result<Self, String> {
        let policy: MonitorPolicy =
            serde_json::from_str(json).map_err(|e| format!("invalid monitoring policy: {e}"))?;
        for (what, b) in [("budget", &policy.budget), ("indicator", &policy.indicator)] {
            if b.red_below > b.yellow_below || b.blue_from.is_some_and(|x| x < b.yellow_below) {
                return Err(format!(
                    "invalid monitoring policy: the {what} bands must rise (red_below ≤ yellow_below ≤ blue_from)"
                ));
            }
        }
        if let Expected::Milestones { milestones } = &policy.expected {
            if milestones.iter().any(|m| !(1..=12).contains(&m.month)) {
                return Err("invalid monitoring policy: a milestone month must be 1–12".to_owned());
            }
        }
        Ok(policy)
    }

    /// A shipped name or a JSON policy (text starting with `{`).
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.trim_start().starts_with('{') {
            MonitorPolicy::from_json(text)
        } else {
            MonitorPolicy::by_name(text)
        }
    }

    /// The expected progress at `month` in percent, exact (7 → 700/12), with how it was
    /// found; `None` before the first milestone.
    pub fn expected_at(&self, month: u32) -> Option<(Decimal, String)> {
        match &self.expected {
            Expected::Linear => {
                let e = Decimal::from(month) * Decimal::ONE_HUNDRED / Decimal::from(12);
                Some((e, format!("序时进度 = {month}/12")))
            }
            Expected::Milestones { milestones } => milestones
                .iter()
                .filter(|m| m.month <= month)
                .max_by_key(|m| m.month)
                .map(|m| {
                    (
                        m.percent,
                        format!("{} 月末里程碑 {}%", m.month, crate::score::plain(m.percent)),
                    )
                }),
        }
    }
}
