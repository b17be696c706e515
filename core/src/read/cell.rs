//! Cell semantics shared by the readers: what a cell means before it is given a field —
//! a template slot left unfilled, a not-applicable answer, a points cell (`(50分)`), page
//! furniture (`-1-`), a `label:value` pair written in one cell.

use rust_decimal::Decimal;

use crate::taxonomy::strip_points_suffix;
use crate::text::{fold_char, fold_width};

/// What an unfilled template cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Nothing written.
    Empty,
    /// A placeholder of the template: `指标1:` alone, `……`, `★★★`, `(≥**人)`.
    Placeholder,
    /// Not applicable: `不适用`, `/`, `-`, `—`, `无`.
    NotApplicable,
}

/// The template slot a cell is, when it is one (and not a real value).
///
/// ```
/// use jixiao::read::cell::{template_slot, Slot};
/// assert_eq!(template_slot("指标1："), Some(Slot::Placeholder));
/// assert_eq!(template_slot("……"), Some(Slot::Placeholder));
/// assert_eq!(template_slot("不适用"), Some(Slot::NotApplicable));
/// assert_eq!(template_slot(" / "), Some(Slot::NotApplicable));
/// assert_eq!(template_slot("指标1:全县参合人数"), None);
/// assert_eq!(template_slot("培训人数"), None);
/// ```
pub fn template_slot(cell: &str) -> Option<Slot> {
    let t: String = cell
        .chars()
        .map(fold_char)
        .filter(|c| !c.is_whitespace())
        .collect();
    if t.is_empty() {
        return Some(Slot::Empty);
    }
    if matches!(t.as_str(), "不适用" | "无" | "暂无" | "N/A" | "n/a" | "NA")
        || t.chars()
            .all(|c| matches!(c, '/' | '\\' | '-' | '—' | '–' | '－' | '_' | '一'))
    {
        return Some(Slot::NotApplicable);
    }
    let placeholder = t
        .chars()
        .all(|c| matches!(c, '…' | '.' | '。' | '★' | '☆' | '*' | '×' | 'X' | 'x'))
        || slot_label(&t).is_some_and(str::is_empty)
        || is_bracketed_placeholder(&t);
    placeholder.then_some(Slot::Placeholder)
}

/// A template's numbered slot label at the start of a name (`指标1:`, `指标一：`), and
/// what follows it.
fn slot_label(t: &str) -> Option<&str> {
    let rest = t.strip_prefix("指标")?;
    let digits = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let after = rest.get(digits..)?;
    after.strip_prefix([':', '：'])
}

/// `(≥**人)`, `（**%）`: a bracketed template hint with `*` where the value goes.
fn is_bracketed_placeholder(t: &str) -> bool {
    let inner = t
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']));
    inner.is_some_and(|i| i.contains("**"))
}

/// The name without a template's slot prefix (`指标1:全县参合人数` → `全县参合人数`): the
/// name a comparison or a duplicate check uses; the text as written is kept elsewhere.
///
/// ```
/// use jixiao::read::cell::without_slot_prefix;
/// assert_eq!(without_slot_prefix("指标1:全县参合人数"), "全县参合人数");
/// assert_eq!(without_slot_prefix("指标名称"), "指标名称");
/// ```
pub fn without_slot_prefix(name: &str) -> &str {
    let trimmed = name.trim_start();
    let Some(rest) = trimmed.strip_prefix("指标") else {
        return name;
    };
    let digits = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    match digits.and_then(|d| rest.get(d..)) {
        Some(after) => after
            .strip_prefix([':', '：'])
            .map_or(name, str::trim_start),
        None => name,
    }
}

/// The marks that join a start and an end written in one cell (`至`, `到`, `~`, dashes).
pub const RANGE_MARKS: [char; 8] = ['至', '到', '~', '～', '—', '–', '－', '-'];

/// The start and the end written in one cell (`2024年1月-2024年12月`, `2024.1.1至2024.12.31`,
/// `2024-01-01~2024-12-31`, `2024年1月至12月`, `2024-2025年`): split at the first range mark
/// (`至`, `到`, `~`, `-`, a dash) whose two sides both read as dates. A side naming only a
/// month is that month's first day at the start, its last day at the end; a side naming
/// only a year (1990–2100) is that year's first or last day; an end without a year takes
/// the start's.
///
/// ```
/// use jixiao::read::cell::date_range;
/// let (s, e) = date_range("2024年1月-2024年12月").unwrap();
/// assert_eq!((s.to_string(), e.to_string()), ("2024-01-01".to_owned(), "2024-12-31".to_owned()));
/// let (s, e) = date_range("2024-03-01-2025-02-28").unwrap();
/// assert_eq!((s.to_string(), e.to_string()), ("2024-03-01".to_owned(), "2025-02-28".to_owned()));
/// let (s, e) = date_range("2024年3月至11月").unwrap();
/// assert_eq!((s.to_string(), e.to_string()), ("2024-03-01".to_owned(), "2024-11-30".to_owned()));
/// let (s, e) = date_range("2024-2025年").unwrap();
/// assert_eq!((s.to_string(), e.to_string()), ("2024-01-01".to_owned(), "2025-12-31".to_owned()));
/// assert_eq!(date_range("2024年"), None);
/// assert_eq!(date_range("3"), None);
/// assert_eq!(date_range("45000-45300"), None);
/// assert_eq!(date_range("一年"), None);
/// ```
pub fn date_range(cell: &str) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    use crate::date::{parse_date, parse_month_end};
    use chrono::{Datelike, NaiveDate};
    let text = fold_width(cell.trim());
    // A year alone (`2024`, `2024年`); other digits alone would read as an Excel serial.
    let year_only = |t: &str| {
        let digits = t.trim().trim_end_matches('年');
        (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| digits.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1990..=2100).contains(y))
    };
    let dated = |t: &str| t.chars().any(|c| !c.is_ascii_digit() && c != ',');
    let start_of = |t: &str| {
        if let Some(y) = year_only(t) {
            return NaiveDate::from_ymd_opt(y, 1, 1);
        }
        dated(t)
            .then(|| parse_date(t).or_else(|| parse_month_end(t).and_then(|d| d.with_day0(0))))
            .flatten()
    };
    let end_of = |t: &str| {
        if let Some(y) = year_only(t) {
            return NaiveDate::from_ymd_opt(y, 12, 31);
        }
        dated(t)
            .then(|| parse_date(t).or_else(|| parse_month_end(t)))
            .flatten()
    };
    let marks = RANGE_MARKS;
    text.char_indices()
        .filter(|(_, c)| marks.contains(c))
        .find_map(|(i, c)| {
            let before = text.get(..i)?.trim();
            let after = text
                .get(i + c.len_utf8()..)?
                .trim()
                .trim_start_matches(marks)
                .trim();
            let start = start_of(before)?;
            // `2024年1月至12月`: the end in the start's year.
            let end = end_of(after).or_else(|| {
                after
                    .starts_with(|c: char| c.is_ascii_digit())
                    .then(|| end_of(&format!("{}年{after}", start.year())))
                    .flatten()
            })?;
            (start <= end).then_some((start, end))
        })
}

/// The points of a cell that holds only points (`(50分)`, `（30 分）`, `50分`).
///
/// ```
/// use jixiao::read::cell::points_only;
/// assert_eq!(points_only("(50分)").map(|p| p.to_string()), Some("50".to_owned()));
/// assert_eq!(points_only("产出指标(50分)"), None);
/// ```
pub fn points_only(cell: &str) -> Option<Decimal> {
    let t: String = cell
        .chars()
        .map(fold_char)
        .filter(|c| !c.is_whitespace())
        .collect();
    let (base, points) = strip_points_suffix(&t);
    let number = match points {
        Some(p) if base.is_empty() => p.to_owned(),
        Some(_) => return None,
        None => t.strip_suffix('分')?.to_owned(),
    };
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    number.parse().ok()
}

/// The points a label carries inside it (`预算执行情况(万元)(20分)`, `得分(20分*执行率)`,
/// `年度绩效目标(80分)`): the number before the first `分` of a parenthesis.
///
/// ```
/// use jixiao::read::cell::points_in;
/// assert_eq!(points_in("预算执行情况(万元)(20分)").map(|p| p.to_string()), Some("20".to_owned()));
/// assert_eq!(points_in("得分(20分*执行率)").map(|p| p.to_string()), Some("20".to_owned()));
/// assert_eq!(points_in("执行率(B/A)"), None);
/// ```
pub fn points_in(label: &str) -> Option<Decimal> {
    let folded: String = label
        .chars()
        .map(fold_char)
        .filter(|c| !c.is_whitespace())
        .collect();
    folded.split('(').skip(1).find_map(|part| {
        let inside = part.split(')').next()?;
        let number = inside.split('分').next()?;
        (inside.contains('分')
            && !number.is_empty()
            && number.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .then(|| number.parse().ok())
        .flatten()
    })
}

/// Whether a line's text is page furniture, part of no table: a page number (`-1-`,
/// `—2—`, `第1页`, `第 1 页 共 3 页`), a 发布时间/来源 line of a web page, an 附件 mark.
///
/// ```
/// use jixiao::read::cell::is_page_furniture;
/// assert!(is_page_furniture("- 1 -"));
/// assert!(is_page_furniture("—12—"));
/// assert!(is_page_furniture("第 2 页 共 5 页"));
/// assert!(is_page_furniture("附件1"));
/// assert!(is_page_furniture("发布时间：2021-04-22 来源：区财政局"));
/// assert!(!is_page_furniture("100"));
/// assert!(!is_page_furniture("附件1：绩效目标表说明了…"));
/// ```
pub fn is_page_furniture(text: &str) -> bool {
    let t: String = text
        .chars()
        .map(fold_char)
        .filter(|c| !c.is_whitespace())
        .collect();
    if t.is_empty() {
        return false;
    }
    let is_digit = |c: char| c.is_ascii_digit();
    let dashes = |c: char| matches!(c, '-' | '—' | '–' | '－' | '一');
    // -1-, —12—
    let inner = t.trim_matches(dashes);
    if inner.len() < t.len() && !inner.is_empty() && inner.chars().all(is_digit) {
        return t.starts_with(dashes) && t.ends_with(dashes);
    }
    // 第1页, 第1页共3页, 共3页
    let page = t.replace(['第', '页', '共', '/'], "");
    if t.contains('页') && !page.is_empty() && page.chars().all(is_digit) {
        return true;
    }
    if let Some(rest) = t.strip_prefix("附件") {
        return rest.trim_end_matches([':', '：']).chars().all(is_digit);
    }
    ["发布时间", "发布日期", "来源:", "浏览次数", "字号:"]
        .iter()
        .any(|p| t.starts_with(p))
}

/// A `label:value` pair written in one cell (`单位名称:区商务局`), when the label is short
/// (a label's length outside an aside in brackets such as `（盖章）`, no digits) and the
/// value is not empty.
///
/// ```
/// use jixiao::read::cell::label_value;
/// assert_eq!(label_value("单位名称:区商务局"), Some(("单位名称", "区商务局")));
/// assert_eq!(label_value("填报单位（盖章）：某县教育局"), Some(("填报单位（盖章）", "某县教育局")));
/// assert_eq!(label_value("填报日期:"), None);
/// assert_eq!(label_value("时间: 2023年12月底前完成"), Some(("时间", "2023年12月底前完成")));
/// assert_eq!(label_value("通过公开政府采购:确保运行"), None);
/// ```
pub fn label_value(cell: &str) -> Option<(&str, &str)> {
    let (i, sep) = cell.char_indices().find(|(_, c)| matches!(c, ':' | '：'))?;
    let label = cell.get(..i)?.trim();
    let value = cell.get(i + sep.len_utf8()..)?.trim();
    let mut depth = 0usize;
    let outside_brackets = label
        .chars()
        .filter(|&c| {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth = depth.saturating_sub(1),
                _ => return depth == 0 && !c.is_whitespace(),
            }
            false
        })
        .count();
    let short = outside_brackets <= 6;
    (short && !label.is_empty() && !value.is_empty() && !label.chars().any(|c| c.is_ascii_digit()))
        .then_some((label, value))
}

/// The option ticked in a cell of check boxes (`☑新增项目 □延续项目`, `□常年性 ■一次性`,
/// `√新增 □延续`; `R`/`£` are Wingdings boxes as a PDF's text layer gives them): its text,
/// when exactly one of two or more options is ticked. `None` when the cell is no list of
/// boxes, or none or several are ticked.
///
/// ```
/// use jixiao::read::cell::checked_option;
/// assert_eq!(checked_option("☑新增项目 □延续项目"), Some("新增项目"));
/// assert_eq!(checked_option("□常年性项目 ■延续性项目 □一次性项目"), Some("延续性项目"));
/// assert_eq!(checked_option("£新增项目 R延续项目"), Some("延续项目"));
/// assert_eq!(checked_option("□新增项目 □延续项目"), None);
/// assert_eq!(checked_option("新增项目"), None);
/// assert_eq!(checked_option("Rust 项目"), None);
/// ```
pub fn checked_option(cell: &str) -> Option<&str> {
    const TICKED: [char; 7] = ['☑', '☒', '■', '√', '✓', '✔', '▣'];
    const BLANK: [char; 4] = ['□', '☐', '◻', '£'];
    let has_blank = cell.contains(BLANK);
    // A Wingdings `R` is a box only beside blank boxes and before the option's text.
    let is_mark = |c: char, next: Option<char>| {
        TICKED.contains(&c)
            || BLANK.contains(&c)
            || c == 'R' && has_blank && next.is_some_and(|n| !n.is_ascii())
    };
    let text = cell.trim();
    let mut options = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut open: Option<(bool, usize)> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if !is_mark(c, next) {
            open?; // text before the first box: no list of boxes
            continue;
        }
        if let Some((ticked, start)) = open {
            options.push((ticked, text.get(start..i)?));
        }
        open = Some((!BLANK.contains(&c), i + c.len_utf8()));
    }
    let (ticked, start) = open?;
    options.push((ticked, text.get(start..)?));
    fn trim(t: &str) -> &str {
        t.trim()
            .trim_end_matches([',', '，', '、', ';', '；'])
            .trim()
    }
    if options.len() < 2 || options.iter().any(|(_, t)| trim(t).is_empty()) {
        return None;
    }
    let mut ticked = options.iter().filter(|(t, _)| *t);
    match (ticked.next(), ticked.next()) {
        (Some((_, t)), None) => Some(trim(t)),
        _ => None,
    }
}

/// Whether a cell means "nothing here": empty, dashes, a slash, `无`.
pub fn is_absent(text: &str) -> bool {
    let t = text.trim();
    t.is_empty()
        || t == "无"
        || t.chars()
            .all(|c| matches!(c, '—' | '-' | '–' | '－' | '/' | '_' | '一'))
}

/// Why a number cell could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadNumber;

/// The money units a cell may end with, and how many 元 one of each is.
const CELL_MONEY_UNITS: [(&str, i64); 3] = [("亿元", 100_000_000), ("万元", 10_000), ("元", 1)];

/// Splits a money unit written at the end of a cell (`265万元` → `265`, 10000 元 each).
pub(crate) fn split_money_unit(text: &str) -> (&str, Option<Decimal>) {
    CELL_MONEY_UNITS
        .iter()
        .find_map(|(suffix, yuan)| {
            let body = text.strip_suffix(suffix)?;
            let body = body.strip_suffix(['(', '（']).unwrap_or(body);
            Some((body, Some(Decimal::from(*yuan))))
        })
        .unwrap_or((text, None))
}

/// A money cell in `unit`: its number, converted exactly when the cell writes its own unit
/// (`265万元` in a block in 元 is 2650000), with the unit written when it differs from
/// `unit`; `None` for an empty cell or a dash. `Err` when the cell is not a number. The one
/// money parser of every reader (form, list, workbooks, office files, actuals): an amount
/// that carries its unit is converted exactly, never stripped.
///
/// ```
/// use jixiao::model::MoneyUnit;
/// use jixiao::read::cell::parse_money;
/// let (yuan, written) = parse_money("265万元", MoneyUnit::Yuan).unwrap().unwrap();
/// assert_eq!((yuan.to_string().as_str(), written), ("2650000", Some("万元")));
/// assert_eq!(parse_money("2,650,000.00", MoneyUnit::Yuan).unwrap().unwrap().1, None);
/// assert!(parse_money("十万", MoneyUnit::Yuan).is_err());
/// ```
pub fn parse_money(
    text: &str,
    unit: crate::model::MoneyUnit,
) -> Result<Option<(Decimal, Option<&'static str>)>, BadNumber> {
    let Some(amount) = parse_amount(text)? else {
        return Ok(None);
    };
    match amount.written {
        Some((name, yuan)) if yuan != unit.in_yuan() => {
            let converted = amount.in_unit(unit).ok_or(BadNumber)?;
            Ok(Some((converted, Some(name))))
        }
        _ => Ok(Some((amount.value, None))),
    }
}

/// An amount as a cell writes it: the number, and the unit the cell itself writes (its
/// name and how many 元 one is), if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    /// The number as written (`265` of `265万元`).
    pub value: Decimal,
    /// The unit written in the cell: `("万元", 10000)`; `None` for a bare number.
    pub written: Option<(&'static str, Decimal)>,
}

impl Amount {
    /// The amount in `unit`, exactly (`265万元` in 元 is `2650000`); a bare number is
    /// taken to be in `unit` already. `None` only on overflow.
    pub fn in_unit(&self, unit: crate::model::MoneyUnit) -> Option<Decimal> {
        match self.written {
            Some((_, yuan)) if yuan != unit.in_yuan() => Some(
                self.value
                    .checked_mul(yuan)?
                    .checked_div(unit.in_yuan())?
                    .normalize(),
            ),
            _ => Some(self.value),
        }
    }
}

/// Reads an amount cell: thousands separators, full-width digits, a unit written at its
/// end (元, 万元, 亿元, also in brackets); `None` for an empty cell or a dash.
pub fn parse_amount(text: &str) -> Result<Option<Amount>, BadNumber> {
    if is_plain_number(text) {
        // Its own folded form, not absent, no unit: the number as written.
        let value = text.parse::<Decimal>().map_err(|_| BadNumber)?;
        return Ok(Some(Amount {
            value,
            written: None,
        }));
    }
    parse_amount_folded(text)
}

/// Whether a cell is only ASCII digits and points (`250000.00`, most figures): folding,
/// the dropped separators, the absent marks and the units leave it as it is, and the
/// number readers parse it as written, without copying it.
pub(crate) fn is_plain_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// [`parse_amount`] of any cell: folded, separators dropped, then read.
fn parse_amount_folded(text: &str) -> Result<Option<Amount>, BadNumber> {
    let folded: String = fold_width(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | ')' | '）'))
        .collect();
    if is_absent(&folded) {
        return Ok(None);
    }
    let (body, yuan) = split_money_unit(&folded);
    let value = body.parse::<Decimal>().map_err(|_| BadNumber)?;
    let written = yuan.map(|yuan| {
        let name = CELL_MONEY_UNITS
            .iter()
            .find(|(_, y)| Decimal::from(*y) == yuan)
            .map_or("元", |(n, _)| *n);
        (name, yuan)
    });
    Ok(Some(Amount { value, written }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain-number fast path reads every cell as the folding reader does.
    #[test]
    fn plain_numbers_read_as_folded_ones() {
        for text in [
            "",
            ".",
            "..",
            "1.",
            ".5",
            "0",
            "00",
            "-0",
            "1e5",
            "1E5",
            "250000.00",
            "1.2.3",
            "12345678901234567890123456789",
            "123456789012345678901234567890.5",
            "７",
            "１２.５",
            "١",
            "٣٤",
            "1,000",
            "1 000",
            "265万元",
            "10分",
            "—",
            "-",
            "无",
            "0.0000000000000000000000000001",
            "79228162514264337593543950336",
        ] {
            assert_eq!(parse_amount(text), parse_amount_folded(text), "{text:?}");
            assert_eq!(
                is_plain_number(text),
                !text.is_empty() && text.chars().all(|c| c.is_ascii_digit() || c == '.'),
                "{text:?}"
            );
        }
    }

    #[test]
    fn placeholders_and_not_applicable() {
        for p in [
            "指标2:",
            "指标 3：",
            "…",
            "......",
            "★★★",
            "(≥**人)",
            "（**%）",
        ] {
            assert_eq!(template_slot(p), Some(Slot::Placeholder), "{p}");
        }
        for n in ["不适用", "/", "-", "—", "——", "无"] {
            assert_eq!(template_slot(n), Some(Slot::NotApplicable), "{n}");
        }
        for v in [
            "≥17(人)",
            "提高",
            "100%",
            "指标1:全县参合人数",
            "★补助鱼塘面积",
        ] {
            assert_eq!(template_slot(v), None, "{v}");
        }
    }

    #[test]
    fn points() {
        assert_eq!(points_only("（30 分）"), Some(Decimal::from(30)));
        assert_eq!(points_only("10分"), Some(Decimal::from(10)));
        assert_eq!(points_only("分"), None);
        assert_eq!(points_in("年度绩效目标1(40分)"), Some(Decimal::from(40)));
        assert_eq!(points_in("产出指标"), None);
    }

    #[test]
    fn furniture_is_not_data() {
        for t in ["-1-", "第1页", "共3页", "附件2", "附件："] {
            assert!(is_page_furniture(t), "{t}");
        }
        for t in ["1", "-1", "第一季度完成", "附件1：说明", "数量指标"] {
            assert!(!is_page_furniture(t), "{t}");
        }
    }
}
