//! Actual values as numbers with units, and the exact unit conversions scoring needs
//! (`domain.md` §5 "Units"), on top of the value grammar ([`crate::value::parse_actual`],
//! [`crate::value::unit`]).

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;

use crate::text::{fold_char, fold_width};
use crate::value::{actual_quantity, unit, Comparator};

/// An actual value read as a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quantity<'a> {
    /// A comparator written in the actual (`≥266米`): noted, not fatal.
    pub comparator: Option<Comparator>,
    /// The number.
    pub value: Decimal,
    /// The unit as written (normalized: parentheses and spaces removed), if any; borrowed
    /// from the actual when normalizing changed nothing.
    pub unit: Option<Cow<'a, str>>,
}

/// Reads an actual as a number with an optional comparator and unit; `None` when it is
/// not numeric (`达成年度指标`, `及时`, `2023年12月`). Allocates only when the text needs
/// normalizing (full-width forms, a unit in parentheses).
pub(crate) fn read_quantity(text: &str) -> Option<Quantity<'_>> {
    let parsed = actual_quantity(text)?;
    let unit = match parsed.unit {
        Some(Cow::Borrowed(written)) => normalize_unit(written),
        Some(Cow::Owned(written)) => normalize_unit(&written).map(|u| Cow::Owned(u.into_owned())),
        None => None,
    };
    Some(Quantity {
        comparator: parsed.comparator,
        value: parsed.value,
        unit,
    })
}

/// Whether normalizing leaves this character of a unit as it is.
fn kept(c: char) -> bool {
    fold_char(c) == c && !c.is_whitespace() && !matches!(c, '(' | ')' | '（' | '）')
}

/// A unit as compared: width folded, parentheses and spaces removed, `百分比` = `%`
/// (borrowed when nothing changes).
pub(crate) fn normalize_unit(unit: &str) -> Option<Cow<'_, str>> {
    let folded: Cow<'_, str> = if unit.chars().all(kept) {
        Cow::Borrowed(unit)
    } else {
        Cow::Owned(
            fold_width(unit)
                .chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '（' | '）'))
                .collect(),
        )
    };
    match folded.as_ref() {
        "" => None,
        "百分比" | "百分率" | "%(百分比)" => Some(Cow::Borrowed("%")),
        _ => Some(folded),
    }
}

/// How the actual was converted, rendered only for the explanation and the flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Note<'u> {
    /// The actual converted exactly into the target's unit: `1.2万元 = 12000元`.
    Exact {
        a: Decimal,
        actual_unit: &'u str,
        converted: Decimal,
        target_unit: &'u str,
    },
    /// Both brought into a common unit: `1分钟 vs 2小时 → 1 vs 120 in a common unit`.
    Common {
        a: Decimal,
        actual_unit: &'u str,
        t: Decimal,
        target_unit: &'u str,
        a2: Decimal,
        t2: Decimal,
    },
}

impl fmt::Display for Note<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Exact {
                a,
                actual_unit,
                converted,
                target_unit,
            } => write!(f, "{a}{actual_unit} = {converted}{target_unit}"),
            Note::Common {
                a,
                actual_unit,
                t,
                target_unit,
                a2,
                t2,
            } => write!(
                f,
                "{a}{actual_unit} vs {t}{target_unit} → {a2} vs {t2} in a common unit"
            ),
        }
    }
}

/// The actual expressed in the target's unit, or why it cannot be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Conversion<'u> {
    /// Same unit (or one side had none): A and T as they are, and the unit they share.
    Same(Decimal, Decimal, Option<&'u str>),
    /// Converted exactly: A and T in one unit (named when it is the target's), and how.
    Converted(Decimal, Decimal, Option<&'u str>, Note<'u>),
    /// The units do not convert (人次 vs 人).
    Mismatch(&'u str, &'u str),
}

/// Expresses the actual `a` (in `actual_unit`) and the target `t` (in `target_unit`) in
/// one unit, exactly: a side without a unit takes the other's; otherwise the actual is
/// converted into the target's unit, or (when that is not exact, 1 分钟 in 小时) both are
/// brought into the finer unit. Units of different bases do not compare.
pub(crate) fn convert<'u>(
    a: Decimal,
    actual_unit: Option<&'u str>,
    t: Decimal,
    target_unit: Option<&'u str>,
) -> Conversion<'u> {
    match (actual_unit, target_unit) {
        (None, None) => Conversion::Same(a, t, None),
        (Some(u), None) | (None, Some(u)) => Conversion::Same(a, t, Some(u)),
        // Equal texts normalize equally: `unit::same` would say yes.
        (Some(au), Some(tu)) if au == tu => Conversion::Same(a, t, Some(tu)),
        (Some(au), Some(tu)) => {
            let factors = match unit::relation(au, tu) {
                unit::Relation::Same => return Conversion::Same(a, t, Some(tu)),
                unit::Relation::Convertible(fa, ft) => (fa, ft),
                unit::Relation::Unrelated => return Conversion::Mismatch(au, tu),
            };
            if let Some(converted) = unit::convert_by(a, factors) {
                let converted = converted.normalize();
                return Conversion::Converted(
                    converted,
                    t,
                    Some(tu),
                    Note::Exact {
                        a,
                        actual_unit: au,
                        converted,
                        target_unit: tu,
                    },
                );
            }
            match unit::align_by(a, t, factors) {
                Some((a2, t2)) => Conversion::Converted(
                    a2.normalize(),
                    t2.normalize(),
                    None,
                    Note::Common {
                        a,
                        actual_unit: au,
                        t,
                        target_unit: tu,
                        a2: a2.normalize(),
                        t2: t2.normalize(),
                    },
                ),
                None => Conversion::Mismatch(au, tu),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    #[test]
    fn reads_actuals() {
        let q = read_quantity("100%").expect("numeric");
        assert_eq!((q.value, q.unit.as_deref()), (d("100"), Some("%")));
        let q = read_quantity("≥266米").expect("numeric");
        assert_eq!(q.comparator, Some(Comparator::AtLeast));
        assert_eq!((q.value, q.unit.as_deref()), (d("266"), Some("米")));
        let q = read_quantity("5,000(人次)").expect("numeric");
        assert_eq!((q.value, q.unit.as_deref()), (d("5000"), Some("人次")));
        let q = read_quantity("９８．５％").map(|q| q.value);
        assert!(q.is_none() || q == Some(d("98.5")));
        assert_eq!(read_quantity("达成年度指标"), None);
        assert_eq!(read_quantity("2023年12月"), None);
        assert_eq!(read_quantity("-3个").map(|q| q.value), Some(d("-3")));
    }

    #[test]
    fn converts_exactly() {
        let Conversion::Converted(a, t, unit, note) =
            convert(d("1.2"), Some("万元"), d("9000"), Some("元"))
        else {
            panic!("converts")
        };
        assert_eq!((a, t, unit), (d("12000"), d("9000"), Some("元")));
        assert_eq!(note.to_string(), "1.2万元 = 12000元");
        assert!(matches!(
            convert(d("12345"), Some("元"), d("2"), Some("万元")),
            Conversion::Converted(v, _, _, _) if v == d("1.2345")
        ));
        assert!(matches!(
            convert(d("3"), Some("公里"), d("2000"), Some("米")),
            Conversion::Converted(v, _, _, _) if v == d("3000")
        ));
        assert_eq!(
            convert(d("50"), None, d("50"), Some("个")),
            Conversion::Same(d("50"), d("50"), Some("个"))
        );
        assert_eq!(
            convert(d("5"), Some("人次"), d("5"), Some("人")),
            Conversion::Mismatch("人次", "人")
        );
        // 1 分钟 is not exact in 小时: both sides go to the finer unit.
        let Conversion::Converted(a, t, unit, note) =
            convert(d("1"), Some("分钟"), d("2"), Some("小时"))
        else {
            panic!("converts")
        };
        assert_eq!((a, t, unit), (d("1"), d("120"), None));
        assert_eq!(
            note.to_string(),
            "1分钟 vs 2小时 → 1 vs 120 in a common unit"
        );
        assert!(matches!(
            convert(d("90"), Some("百分比"), d("90"), Some("%")),
            Conversion::Same(..)
        ));
        assert_eq!(normalize_unit("百分比").as_deref(), Some("%"));
        assert_eq!(normalize_unit("（人次）").as_deref(), Some("人次"));
        assert_eq!(normalize_unit(" ").as_deref(), None);
        assert!(matches!(
            normalize_unit("万元"),
            Some(Cow::Borrowed("万元"))
        ));
    }
}
