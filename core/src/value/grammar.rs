//! The parser of 指标值 and 实际完成值 text.
//!
//! PLACEHOLDER: the value-grammar work replaces this file wholesale.

use rust_decimal::Decimal;

use super::{Comparator, Target, TargetKind};

/// A parsed 实际完成值 (actual value). It follows the target grammar; a comparator
/// written in an actual (`≥266米`) is kept and noted, never fatal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actual {
    /// The text as written.
    pub text: String,
    /// A comparator written in the actual, if any (noted by scoring, not fatal).
    pub comparator: Option<Comparator>,
    /// The number, when the actual is numeric.
    pub value: Option<Decimal>,
    /// The unit as written, if any.
    pub unit: Option<String>,
}

/// Parses a 指标值. Never fails: what cannot be parsed is [`TargetKind::Invalid`].
pub fn parse_target(text: &str) -> Target {
    Target {
        text: text.to_owned(),
        kind: TargetKind::Qualitative,
        comparator: None,
        value: None,
        unit: None,
        unit_class: None,
        class: None,
        problem: None,
    }
}

/// Parses an actual value (实际完成值).
pub fn parse_actual(text: &str) -> Actual {
    Actual {
        text: text.to_owned(),
        comparator: None,
        value: parse_number(text),
        unit: None,
    }
}

/// Parses a plain number as forms write it: thousands separators, full-width digits.
pub fn parse_number(text: &str) -> Option<Decimal> {
    text.trim().replace(',', "").parse().ok()
}
