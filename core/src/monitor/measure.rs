//! Reading a monitored figure (an actual so far, a forecast) against its target: the
//! number in the target's unit (exact conversion, as scoring does), or the grade a
//! qualitative actual's words give (the §5 words of [`crate::score`]).

use rust_decimal::Decimal;

use crate::score::plain;
use crate::score::qualitative::{grade, Grade};
use crate::score::quantity::{convert, normalize_unit, read_quantity, Conversion};
use crate::value::{Comparator, Target, TargetKind};

/// A figure read against its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Measure {
    /// A number against a quantitative target, both in one unit.
    Number {
        /// The figure (a negative counts as 0).
        a: Decimal,
        /// The target value.
        t: Decimal,
        /// The comparator.
        comparator: Comparator,
        /// The unit they share, if any.
        unit: Option<String>,
        /// How the figure was converted, when it was.
        note: Option<String>,
    },
    /// The grade of a qualitative figure, and why.
    Graded(Grade, String),
}

/// Reads `text` against `target`, or says why it cannot be.
pub(crate) fn measure(target: &Target, text: Option<&str>, what: &str) -> Result<Measure, String> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Err(format!("{what}为空 (no {what})"));
    };
    match target.kind {
        TargetKind::Invalid => Err(format!(
            "年度指标值“{}”无法解析 (the target cannot be read)",
            target.text.trim()
        )),
        TargetKind::Qualitative => {
            let (g, why) = grade(target, text)?;
            Ok(Measure::Graded(g, why.text(g, text, target)))
        }
        TargetKind::Quantitative => {
            let (Some(t), Some(comparator)) = (target.value, target.comparator) else {
                return Err(format!("年度指标值“{}”没有数值", target.text.trim()));
            };
            let Some(q) = read_quantity(text) else {
                return Err(format!(
                    "{what}“{text}”不是数值，无法与定量目标比较 (not a number)"
                ));
            };
            let target_unit = target.unit.as_deref().and_then(normalize_unit);
            let (a, t, unit, note) =
                match convert(q.value, q.unit.as_deref(), t, target_unit.as_deref()) {
                    Conversion::Same(a, t, u) => (a, t, u.map(str::to_owned), None),
                    Conversion::Converted(a, t, u, note) => {
                        (a, t, u.map(str::to_owned), Some(note.to_string()))
                    }
                    Conversion::Mismatch(au, tu) => {
                        return Err(format!(
                            "单位不一致：{what} {au}，目标 {tu}，无法换算 (unit mismatch)"
                        ))
                    }
                };
            Ok(Measure::Number {
                a: a.max(Decimal::ZERO),
                t,
                comparator,
                unit,
                note,
            })
        }
    }
}

/// Whether a figure `a` meets the target `comparator t` as §5 compares a full-year
/// actual: `=` with T > 0 as 正向 (reaching T is enough), `=`/`≤` with T = 0 as A ≤ 0.
pub(crate) fn meets(comparator: Comparator, a: Decimal, t: Decimal) -> bool {
    match comparator {
        Comparator::AtLeast => a >= t,
        Comparator::Above => a > t,
        Comparator::Equal if t > Decimal::ZERO => a >= t,
        Comparator::Equal => a <= t,
        Comparator::AtMost => a <= t,
        Comparator::Below => a < t,
    }
}

/// `17人`, `96%`: a number with its unit, for explanations.
pub(crate) fn with_unit(v: Decimal, unit: Option<&str>) -> String {
    format!("{}{}", plain(v), unit.unwrap_or(""))
}

/// Rounds to 2 decimals, half away from zero (四舍五入), written with 2 decimals
/// (`50` → `50.00`).
pub(crate) fn round2(v: Decimal) -> Decimal {
    let mut r = v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}
