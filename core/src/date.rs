//! Dates as forms and exports write them: `2024-01-01`, `2019/1/1`, `2024年1月1日`,
//! `2024.1.1`, `20240101`, and Excel date serials (`44561`, `44,561` = 2021-12-31).

use chrono::{Datelike, Days, NaiveDate};

use crate::text::fold_width;

/// The first and last Excel serials read as dates (1900-01-01 … 9999-12-31).
const EXCEL_SERIALS: std::ops::RangeInclusive<u32> = 1..=2_958_465;

/// Parses a date as written in a form or an export; `None` when it is not one.
///
/// ```
/// use chrono::NaiveDate;
/// use jixiao::date::parse_date;
/// let d = NaiveDate::from_ymd_opt(2021, 12, 31);
/// assert_eq!(parse_date("2021-12-31"), d);
/// assert_eq!(parse_date("2021/12/31"), d);
/// assert_eq!(parse_date("2021年12月31日"), d);
/// assert_eq!(parse_date("44561"), d);
/// assert_eq!(parse_date("44,561"), d);
/// assert_eq!(parse_date("2024-02-30"), None);
/// ```
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let folded = fold_width(text.trim());
    let text = folded.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(serial) = excel_serial(text) {
        return from_excel_serial(serial);
    }
    // 2024年1月1日, 2024-01-01, 2024/1/1, 2024.1.1, optionally followed by a time.
    let date_part = text.split([' ', 'T']).next().unwrap_or(text);
    let parts: Vec<&str> = date_part
        .split(['年', '月', '日', '-', '/', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [y, m, d] => ymd(y, m, d),
        [compact] if compact.len() == 8 && compact.bytes().all(|b| b.is_ascii_digit()) => {
            ymd(&compact[..4], &compact[4..6], &compact[6..])
        }
        _ => None,
    }
}

/// A month as written in a deadline (`2023年12月`, `2023-12`), as its last day.
///
/// ```
/// use chrono::NaiveDate;
/// assert_eq!(jixiao::date::parse_month_end("2023年12月"), NaiveDate::from_ymd_opt(2023, 12, 31));
/// assert_eq!(jixiao::date::parse_month_end("2024年2月"), NaiveDate::from_ymd_opt(2024, 2, 29));
/// ```
pub fn parse_month_end(text: &str) -> Option<NaiveDate> {
    let folded = fold_width(text.trim());
    let parts: Vec<&str> = folded
        .trim()
        .split(['年', '月', '-', '/', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let [y, m] = parts.as_slice() else {
        return None;
    };
    let first = ymd(y, m, "1")?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    next.pred_opt()
}

/// The date of an Excel (1900 date system) serial number.
///
/// ```
/// assert_eq!(jixiao::date::from_excel_serial(44561).unwrap().to_string(), "2021-12-31");
/// ```
pub fn from_excel_serial(serial: u32) -> Option<NaiveDate> {
    if !EXCEL_SERIALS.contains(&serial) {
        return None;
    }
    // Excel counts 1900-02-29, which did not exist: serials from 61 on are one day ahead.
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let epoch = if serial < 61 {
        epoch.checked_add_days(Days::new(1))?
    } else {
        epoch
    };
    epoch.checked_add_days(Days::new(u64::from(serial)))
}

/// The Excel serial of a date (inverse of [`from_excel_serial`]).
pub fn to_excel_serial(date: NaiveDate) -> Option<u32> {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = u32::try_from((date - epoch).num_days()).ok()?;
    let serial = if date.year() == 1900 && date.ordinal() < 60 {
        days - 1
    } else {
        days
    };
    EXCEL_SERIALS.contains(&serial).then_some(serial)
}

/// An Excel serial as written in a cell: digits with optional thousands separators and an
/// optional `.0`, in the range of plausible dates (20000 … 80000, i.e. 1954 … 2119).
pub fn excel_serial(text: &str) -> Option<u32> {
    let text = text.strip_suffix(".0").unwrap_or(text);
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    let serial: u32 = text.replace(',', "").parse().ok()?;
    (20_000..=80_000).contains(&serial).then_some(serial)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let y: i32 = y.trim().parse().ok()?;
    let m: u32 = m.trim().parse().ok()?;
    let d: u32 = d.trim().parse().ok()?;
    if !(1900..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_dates() {
        let d = NaiveDate::from_ymd_opt(2024, 1, 1);
        for text in [
            "2024-01-01",
            "2024/1/1",
            "2024年1月1日",
            "2024.1.1",
            "20240101",
            "２０２４－０１－０１",
            "2024-01-01 00:00:00",
        ] {
            assert_eq!(parse_date(text), d, "{text}");
        }
        for text in ["", "abc", "2024", "2024-13-01", "1", "99999999", "2024年"] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn excel_serials_round_trip() {
        for serial in [20_000, 44_561, 45_292, 80_000] {
            let date = from_excel_serial(serial).unwrap();
            assert_eq!(to_excel_serial(date), Some(serial));
        }
        assert_eq!(from_excel_serial(1).unwrap().to_string(), "1900-01-01");
        assert_eq!(from_excel_serial(0), None);
    }
}
