//! Deadlines written as targets or actuals (时效指标): `2023年12月底前`, `2024年6月30日前`,
//! `2024-06-30`, `年底前`, `12月底前` (the last two need the budget year).

use std::borrow::Cow;

use chrono::{Months, NaiveDate};

use crate::text::fold_char;

/// The date a deadline target or a completion date names: the last day it allows
/// (`2023年12月底前` → 2023-12-31, `2023年12月` → 2023-12-31, `2024年6月30日前` →
/// 2024-06-30, `2024-06-30` → itself, `2024年底前` → 2024-12-31). `None` when the text
/// is not a date, or when it needs a year (`12月底前`; see [`deadline_in`]). A bare
/// number (`44561`, an Excel serial) is not a deadline here.
///
/// `M月前` is read like `M月底前` (the last day of month M), as forms use it.
///
/// ```
/// use chrono::NaiveDate;
/// use jixiao::value::deadline;
/// assert_eq!(deadline("2023年12月底前"), NaiveDate::from_ymd_opt(2023, 12, 31));
/// assert_eq!(deadline("2024年6月30日前完成"), NaiveDate::from_ymd_opt(2024, 6, 30));
/// assert_eq!(deadline("已于2024-05-20完成"), NaiveDate::from_ymd_opt(2024, 5, 20));
/// assert_eq!(deadline("12月底前"), None);
/// assert_eq!(deadline("及时"), None);
/// assert_eq!(deadline("44561"), None);
/// ```
pub fn deadline(text: &str) -> Option<NaiveDate> {
    deadline_in(text, None)
}

/// Like [`deadline`], with the year to use when the text has none (`12月底前`, `年底前`):
/// usually the budget year of the form.
///
/// ```
/// use chrono::NaiveDate;
/// use jixiao::value::deadline_in;
/// assert_eq!(deadline_in("12月底前", Some(2024)), NaiveDate::from_ymd_opt(2024, 12, 31));
/// assert_eq!(deadline_in("年底前", Some(2024)), NaiveDate::from_ymd_opt(2024, 12, 31));
/// assert_eq!(deadline_in("11月下旬", Some(2024)), NaiveDate::from_ymd_opt(2024, 11, 30));
/// assert_eq!(deadline_in("2023年9月", Some(2024)), NaiveDate::from_ymd_opt(2023, 9, 30));
/// ```
pub fn deadline_in(text: &str, year: Option<i32>) -> Option<NaiveDate> {
    let folded: Cow<'_, str> = if text.chars().all(|c| fold_char(c) == c) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(fold_char).collect())
    };
    let s = folded.trim();
    // A short lead-in (`于`, `已于`, `截至`, `完成时间：`) may come before the date.
    let start = s.find(|c: char| c.is_ascii_digit());
    let Some(start) = start else {
        return year_end_word(s).then(|| year.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31)))?;
    };
    let lead = s.get(..start)?;
    if lead.chars().count() > 6 {
        return None;
    }
    let mut p = Scanner {
        s: s.get(start..)?,
        pos: 0,
    };
    let n1 = p.number()?;
    match p.peek() {
        Some('年') => {
            p.bump();
            let y = i32::try_from(n1).ok()?;
            match p.number() {
                Some(m) => {
                    if p.peek() != Some('月') {
                        return None;
                    }
                    p.bump();
                    day_or_month_end(&mut p, y, m)
                }
                None => NaiveDate::from_ymd_opt(valid_year(y)?, 12, 31),
            }
        }
        Some('月') => {
            p.bump();
            day_or_month_end(&mut p, year?, n1)
        }
        Some(sep @ ('-' | '/' | '.')) => {
            p.bump();
            let m = p.number()?;
            if p.peek() == Some(sep) {
                p.bump();
                let d = p.number()?;
                if p.peek().is_some_and(|c| c.is_ascii_digit()) {
                    return None;
                }
                date(n1, m, d)
            } else if p.peek().is_some_and(|c| c.is_ascii_digit() || c == '.') {
                None
            } else {
                month_end(n1, m)
            }
        }
        _ => None,
    }
}

fn valid_year(y: i32) -> Option<i32> {
    (1900..=9999).contains(&y).then_some(y)
}

/// After `…M月`: a day (`30日`), a part of the month (`上旬`), or the month's end.
fn day_or_month_end(p: &mut Scanner<'_>, y: i32, m: u64) -> Option<NaiveDate> {
    let y = valid_year(y)?;
    let m = u32::try_from(m).ok()?;
    if let Some(d) = p.number() {
        if !matches!(p.peek(), Some('日' | '号')) {
            return None;
        }
        return NaiveDate::from_ymd_opt(y, m, u32::try_from(d).ok()?);
    }
    let rest = p.rest();
    if rest.starts_with("上旬") {
        return NaiveDate::from_ymd_opt(y, m, 10);
    }
    if rest.starts_with("中旬") {
        return NaiveDate::from_ymd_opt(y, m, 20);
    }
    month_end(u64::try_from(y).ok()?, u64::from(m))
}

/// The date `y-m-d` (year 1900–9999), as [`crate::date::parse_date`] reads `y-m-d`.
fn date(y: u64, m: u64, d: u64) -> Option<NaiveDate> {
    let y = valid_year(i32::try_from(y).ok()?)?;
    NaiveDate::from_ymd_opt(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

/// The last day of month `m` of year `y` (1900–9999), as [`crate::date::parse_month_end`]
/// reads `y-m`.
fn month_end(y: u64, m: u64) -> Option<NaiveDate> {
    date(y, m, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// `年底前`, `年末`, `年内`, `本年度内`: the end of the (given) year.
fn year_end_word(s: &str) -> bool {
    ["年底", "年末", "年内", "年度内", "本年"]
        .iter()
        .any(|w| s.starts_with(w) || s.strip_prefix('本').is_some_and(|r| r.starts_with(w)))
}

struct Scanner<'a> {
    s: &'a str,
    pos: usize,
}

impl Scanner<'_> {
    fn rest(&self) -> &str {
        self.s.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.pos += c.len_utf8();
        }
    }

    /// Up to 4 ASCII digits (a year, month or day).
    fn number(&mut self) -> Option<u64> {
        let digits = self.rest().bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 4 {
            return None;
        }
        let n = self.rest().get(..digits)?.parse().ok()?;
        self.pos += digits;
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn deadlines() {
        for (text, year, want) in [
            ("2023年12月底前", None, ymd(2023, 12, 31)),
            ("２０２３年１２月底前", None, ymd(2023, 12, 31)),
            ("2023年12月", None, ymd(2023, 12, 31)),
            ("2024年2月底", None, ymd(2024, 2, 29)),
            ("2024年底前", None, ymd(2024, 12, 31)),
            ("2024年6月30日前", None, ymd(2024, 6, 30)),
            ("2024年6月31日前", None, None),
            ("2024/6/30", None, ymd(2024, 6, 30)),
            ("2024.6", None, ymd(2024, 6, 30)),
            ("12月底前", None, None),
            ("12月底前", Some(2024), ymd(2024, 12, 31)),
            ("年底前", Some(2024), ymd(2024, 12, 31)),
            ("年底前", None, None),
            ("100%", Some(2024), None),
            ("3个工作日内", Some(2024), None),
            ("3年", None, None),
            ("13月", Some(2024), None),
            ("20231231", None, None),
            ("这是一个很长的引导语2024年", None, None),
            ("", Some(2024), None),
        ] {
            assert_eq!(deadline_in(text, year), want, "{text}");
        }
    }

    #[test]
    fn dates_agree_with_the_date_module() {
        use crate::date::{parse_date, parse_month_end};
        for y in [0, 1899, 1900, 2023, 2024, 9999, 10000] {
            for m in 0..=13 {
                assert_eq!(
                    month_end(y, m),
                    parse_month_end(&format!("{y}-{m}")),
                    "{y}-{m}"
                );
                for d in [0, 1, 28, 29, 30, 31, 32] {
                    assert_eq!(
                        date(y, m, d),
                        parse_date(&format!("{y}-{m}-{d}")),
                        "{y}-{m}-{d}"
                    );
                }
            }
        }
    }
}
