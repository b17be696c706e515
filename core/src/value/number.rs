//! Numbers as 指标值 write them: digits with thousands separators and their scale kept
//! (`5,000.00`), and Chinese numerals (`三`, `十二`, `一百五十`). Exact decimals, never floats.

use rust_decimal::Decimal;

use super::normalize::normalize;
use super::unit::trim;

/// Parses a plain number as forms write it: full-width digits, thousands separators
/// (`5,000`), a leading sign, surrounding spaces; the scale as written. Never a float:
/// `NaN`, `inf`, `1e999` are `None`, as is anything with more than a number.
///
/// ```
/// use jixiao::value::parse_number;
/// assert_eq!(parse_number("5,000.00").unwrap().to_string(), "5000.00");
/// assert_eq!(parse_number("１７").unwrap().to_string(), "17");
/// assert_eq!(parse_number("+3").unwrap().to_string(), "3");
/// assert_eq!(parse_number("-0.5").unwrap().to_string(), "-0.5");
/// assert_eq!(parse_number("1e999"), None);
/// assert_eq!(parse_number("NaN"), None);
/// assert_eq!(parse_number("17人"), None);
/// ```
pub fn parse_number(text: &str) -> Option<Decimal> {
    let norm = normalize(text);
    let s = trim(&norm);
    let (value, len) = number(s)?;
    (len == s.len()).then_some(value)
}

/// A number at the start of `s`: sign, digits with `,` thousands separators, a fraction.
/// Returns the value with its written scale and the bytes consumed.
pub(crate) fn number(s: &str) -> Option<(Decimal, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'+') => {
            i = 1;
            false
        }
        Some(b'-') => {
            i = 1;
            true
        }
        _ => false,
    };
    // The mantissa in a u64 while it fits (19 digits); longer numbers are read again
    // into a u128 below.
    let start = i;
    let mut small: u64 = 0;
    let mut digits = 0u32;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_digit() {
            if digits < 19 {
                small = small * 10 + u64::from(c - b'0');
            }
            digits += 1;
            i += 1;
        } else if c == b',' && digits > 0 && is_group(b, i + 1) {
            i += 1;
        } else {
            break;
        }
    }
    let mut scale = 0u32;
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while let Some(&c) = b.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            if digits < 19 {
                small = small * 10 + u64::from(c - b'0');
            }
            digits += 1;
            scale += 1;
            i += 1;
        }
    }
    let mantissa = if digits <= 19 {
        u128::from(small)
    } else {
        let mut big: u128 = 0;
        for &c in b.get(start..i)? {
            if c.is_ascii_digit() {
                big = big.checked_mul(10)?.checked_add(u128::from(c - b'0'))?;
            }
        }
        big
    };
    if digits == 0 || scale > 28 || mantissa >> 96 != 0 {
        return None;
    }
    // The 96-bit mantissa as rust_decimal stores it (lo, mid, hi), exact.
    let part = |shift: u32| u32::try_from((mantissa >> shift) & 0xFFFF_FFFF).unwrap_or(0);
    let value = Decimal::from_parts(
        part(0),
        part(32),
        part(64),
        negative && mantissa != 0,
        scale,
    );
    Some((value, i))
}

/// A number in Chinese numerals at the start of `s` (`三`, `两`, `十二`, `一百五十`,
/// `二〇二三`), below 10000, and the bytes consumed. The caller accepts it only before a
/// known unit (`三次`, `两个月`, `一百五十人`).
pub(crate) fn chinese_number(s: &str) -> Option<(Decimal, usize)> {
    let mut total: u64 = 0;
    let mut current: Option<u64> = None;
    let mut sequence = false;
    let mut end = 0;
    let mut last_multiplier = u64::MAX;
    for (i, c) in s.char_indices() {
        let digit = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        let multiplier = match c {
            '十' => Some(10),
            '百' => Some(100),
            '千' => Some(1000),
            _ => None,
        };
        match (digit, multiplier) {
            (Some(d), _) => {
                current = match current {
                    // `二〇二三`: digits in a row.
                    Some(prev) => {
                        sequence = true;
                        Some(prev.checked_mul(10)?.checked_add(d)?)
                    }
                    None => Some(d),
                };
            }
            (None, Some(m)) if !sequence && m < last_multiplier => {
                // `十二` starts with its multiplier; `一百五` needs a digit before `百`.
                let d = match current {
                    Some(d) => d,
                    None if m == 10 && i == 0 => 1,
                    None => return None,
                };
                total += d * m;
                current = None;
                last_multiplier = m;
            }
            _ => break,
        }
        end = i + c.len_utf8();
        if end > 3 * 8 {
            return None;
        }
    }
    if end == 0 {
        return None;
    }
    let value = total + current.unwrap_or(0);
    Some((Decimal::from(value), end))
}

/// Exactly three digits at `at`, not followed by another digit.
fn is_group(b: &[u8], at: usize) -> bool {
    (at..at + 3).all(|j| b.get(j).is_some_and(u8::is_ascii_digit))
        && !b.get(at + 3).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for (text, want) in [
            ("5,000", Some("5000")),
            ("1,234,567.50", Some("1234567.50")),
            ("１２３", Some("123")),
            ("+7", Some("7")),
            (" 17.00 ", Some("17.00")),
            ("0.0001", Some("0.0001")),
            (".5", Some("0.5")),
            ("1,23", None),
            ("12,3456", None),
            ("inf", None),
            ("NaN", None),
            ("1e5", None),
            ("", None),
            ("-", None),
            ("99999999999999999999999999999999", None),
        ] {
            assert_eq!(
                parse_number(text).map(|d| d.to_string()),
                want.map(str::to_owned),
                "{text}"
            );
        }
    }
}
