//! Actual values as numbers with units, and the exact unit conversions scoring needs
//! (`domain.md` §5 "Units").
//!
//! The grammar of [`crate::value`] is asked first; while it cannot read a value (or
//! classify a unit) a small private reader here stands in, so that scoring works on
//! `100%`, `≥266米`, `17人`, `1.2万元` whatever the state of the grammar.

use rust_decimal::Decimal;

use crate::text::fold_width;
use crate::value::{parse_actual, Comparator};

/// An actual value read as a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quantity {
    /// A comparator written in the actual (`≥266米`): noted, not fatal.
    pub comparator: Option<Comparator>,
    /// The number.
    pub value: Decimal,
    /// The unit as written (normalized: parentheses and spaces removed), if any.
    pub unit: Option<String>,
}

/// Reads an actual as a number with an optional comparator and unit; `None` when it is
/// not numeric (`达成年度指标`, `及时`).
pub(crate) fn read_quantity(text: &str) -> Option<Quantity> {
    let parsed = parse_actual(text);
    if let Some(value) = parsed.value {
        return Some(Quantity {
            comparator: parsed.comparator,
            value,
            unit: parsed.unit.as_deref().and_then(normalize_unit),
        });
    }
    fallback_quantity(text)
}

const COMPARATOR_WORDS: &[(&str, Comparator)] = &[
    ("≥", Comparator::AtLeast),
    (">=", Comparator::AtLeast),
    ("≧", Comparator::AtLeast),
    ("不低于", Comparator::AtLeast),
    ("不少于", Comparator::AtLeast),
    ("大于等于", Comparator::AtLeast),
    ("至少", Comparator::AtLeast),
    ("≤", Comparator::AtMost),
    ("<=", Comparator::AtMost),
    ("≦", Comparator::AtMost),
    ("不高于", Comparator::AtMost),
    ("不超过", Comparator::AtMost),
    ("小于等于", Comparator::AtMost),
    (">", Comparator::Above),
    ("大于", Comparator::Above),
    ("超过", Comparator::Above),
    ("<", Comparator::Below),
    ("小于", Comparator::Below),
    ("低于", Comparator::Below),
    ("=", Comparator::Equal),
    ("═", Comparator::Equal),
    ("﹦", Comparator::Equal),
    ("等于", Comparator::Equal),
];

fn fallback_quantity(text: &str) -> Option<Quantity> {
    let folded: String = fold_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut rest = folded.as_str();
    let mut comparator = None;
    for (word, c) in COMPARATOR_WORDS {
        if let Some(stripped) = rest.strip_prefix(word) {
            comparator = Some(*c);
            rest = stripped;
            break;
        }
    }
    let end = rest
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || *c == '.' || *c == ',' || (*i == 0 && *c == '-')))
        .map_or(rest.len(), |(i, _)| i);
    let (number, unit) = rest.split_at(end);
    let number = number.replace(',', "");
    if number.is_empty() || number == "-" {
        return None;
    }
    let value: Decimal = number.parse().ok()?;
    let unit = unit
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let unit = unit
        .strip_suffix("以上")
        .or(unit.strip_suffix("以内"))
        .unwrap_or(unit);
    let unit = unit.strip_suffix("以下").unwrap_or(unit);
    if unit.chars().any(|c| c.is_ascii_digit()) {
        // `2023年12月`, `1次/2月`: not a number with a unit.
        return None;
    }
    Some(Quantity {
        comparator,
        value,
        unit: normalize_unit(unit),
    })
}

/// A unit as compared: width folded, parentheses and spaces removed, `百分比` = `%`.
pub(crate) fn normalize_unit(unit: &str) -> Option<String> {
    let folded: String = fold_width(unit)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '（' | '）'))
        .collect();
    let unit = match folded.as_str() {
        "" => return None,
        "百分比" | "百分率" | "%(百分比)" => "%".to_owned(),
        _ => folded,
    };
    Some(unit)
}

/// A unit's base and how many base units one of it is, for units that convert exactly.
fn base_of(unit: &str) -> Option<(&'static str, Decimal)> {
    let info = crate::value::unit::classify(unit);
    if let Some(info) = info {
        if let Some(base) = KNOWN_BASES.iter().find(|b| **b == info.base) {
            return Some((base, info.factor));
        }
    }
    let (base, factor) = match unit {
        "%" => ("%", Decimal::ONE),
        "‰" => ("%", Decimal::new(1, 1)),
        "元" => ("元", Decimal::ONE),
        "千元" => ("元", Decimal::from(1_000)),
        "万元" | "万" => ("元", Decimal::from(10_000)),
        "亿元" => ("元", Decimal::from(100_000_000)),
        "米" | "m" => ("米", Decimal::ONE),
        "厘米" | "cm" => ("米", Decimal::new(1, 2)),
        "毫米" | "mm" => ("米", Decimal::new(1, 3)),
        "公里" | "千米" | "km" => ("米", Decimal::from(1_000)),
        "平方米" | "㎡" | "m2" | "m²" => ("平方米", Decimal::ONE),
        "公顷" => ("平方米", Decimal::from(10_000)),
        "平方公里" | "km2" | "km²" => ("平方米", Decimal::from(1_000_000)),
        "分钟" | "分" => ("分钟", Decimal::ONE),
        "小时" | "h" => ("分钟", Decimal::from(60)),
        "天" | "日" => ("天", Decimal::ONE),
        _ => {
            if let Some(count) = KNOWN_COUNTS.iter().find(|c| **c == unit) {
                return Some((count, Decimal::ONE));
            }
            // 万人, 万人次, 万册 …: 万 × a count.
            let rest = unit.strip_prefix('万')?;
            let base = KNOWN_COUNTS.iter().find(|c| **c == rest)?;
            return Some((base, Decimal::from(10_000)));
        }
    };
    Some((base, factor))
}

const KNOWN_BASES: &[&str] = &["%", "元", "米", "平方米", "分钟", "天"];
const KNOWN_COUNTS: &[&str] = &[
    "人", "人次", "台", "套", "个", "辆", "次", "件", "份", "家", "项", "户", "册", "张", "所",
];

/// The actual expressed in the target's unit, or why it cannot be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Conversion {
    /// Same unit (or one side had none): the value as is, and the unit both sides share.
    Same(Decimal, Option<String>),
    /// Converted exactly: the value in the target's unit, and a note `1.2万元 = 12000元`.
    Converted(Decimal, String),
    /// The units do not convert (人次 vs 人).
    Mismatch(String, String),
}

/// Expresses `value` (in `actual_unit`) in `target_unit`, exactly.
pub(crate) fn convert(
    value: Decimal,
    actual_unit: Option<&str>,
    target_unit: Option<&str>,
) -> Conversion {
    match (actual_unit, target_unit) {
        (None, None) => Conversion::Same(value, None),
        (Some(u), None) | (None, Some(u)) => Conversion::Same(value, Some(u.to_owned())),
        (Some(a), Some(t)) if a == t => Conversion::Same(value, Some(t.to_owned())),
        (Some(a), Some(t)) => match (base_of(a), base_of(t)) {
            (Some((ab, af)), Some((tb, tf))) if ab == tb && !tf.is_zero() => {
                let converted = (value * af / tf).normalize();
                Conversion::Converted(converted, format!("{value}{a} = {converted}{t}"))
            }
            _ => Conversion::Mismatch(a.to_owned(), t.to_owned()),
        },
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
        assert_eq!(
            convert(d("1.2"), Some("万元"), Some("元")),
            Conversion::Converted(d("12000"), "1.2万元 = 12000元".to_owned())
        );
        assert_eq!(
            convert(d("12345"), Some("元"), Some("万元")),
            Conversion::Converted(d("1.2345"), "12345元 = 1.2345万元".to_owned())
        );
        assert!(matches!(
            convert(d("3"), Some("公里"), Some("米")),
            Conversion::Converted(v, _) if v == d("3000")
        ));
        assert_eq!(
            convert(d("50"), None, Some("个")),
            Conversion::Same(d("50"), Some("个".to_owned()))
        );
        assert_eq!(
            convert(d("5"), Some("人次"), Some("人")),
            Conversion::Mismatch("人次".to_owned(), "人".to_owned())
        );
        assert!(matches!(
            convert(d("1.5"), Some("万人次"), Some("人次")),
            Conversion::Converted(v, _) if v == d("15000")
        ));
    }
}
