//! What one cell of a list row means: a comparator or a direction, a unit, an exact
//! number, a date, and the typed target made of the 指标值, comparator and unit cells.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::date::{excel_serial, from_excel_serial};
use crate::model::{Direction, MoneyUnit};
use crate::taxonomy::{strip_points_suffix, Level1};
use crate::text::{fold_width, no_spaces};
use crate::value::{leading_comparator, parse_number, parse_target, Comparator, Target};

/// What a cell of a 计算符号 / 指标性质 / 指标方向 column says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// A comparator (`≥`, `≧`, `═`, `不低于`, …).
    Comparator(Comparator),
    /// 正向 / 反向 / 定性.
    Direction(Direction),
}

/// Reads a comparator or a direction cell; `None` when it is neither.
///
/// ```
/// use jixiao::model::Direction;
/// use jixiao::read::list::cells::{classify_sign, Sign};
/// use jixiao::value::Comparator;
/// assert_eq!(classify_sign("≧"), Some(Sign::Comparator(Comparator::AtLeast)));
/// assert_eq!(classify_sign("═"), Some(Sign::Comparator(Comparator::Equal)));
/// assert_eq!(classify_sign("反向"), Some(Sign::Direction(Direction::Decrease)));
/// assert_eq!(classify_sign("定性"), Some(Sign::Direction(Direction::Qualitative)));
/// assert_eq!(classify_sign("大约"), None);
/// ```
pub fn classify_sign(cell: &str) -> Option<Sign> {
    let key = no_spaces(&fold_width(cell));
    let key = key.strip_suffix("指标").unwrap_or(&key);
    let comparator = match key {
        "≥" | ">=" | "≧" | "=>" | "不低于" | "不少于" | "大于等于" | "大于或等于" | "至少" => {
            Comparator::AtLeast
        }
        ">" | "大于" | "高于" | "超过" => Comparator::Above,
        "=" | "═" | "﹦" | "==" | "等于" => Comparator::Equal,
        "<" | "小于" | "低于" | "少于" => Comparator::Below,
        "≤" | "<=" | "≦" | "=<" | "不高于" | "不超过" | "不大于" | "小于等于" | "小于或等于" => {
            Comparator::AtMost
        }
        "正向" | "越大越好" | "递增" | "增长" => {
            return Some(Sign::Direction(Direction::Increase))
        }
        "反向" | "越小越好" | "递减" => return Some(Sign::Direction(Direction::Decrease)),
        "定性" => return Some(Sign::Direction(Direction::Qualitative)),
        _ => return None,
    };
    Some(Sign::Comparator(comparator))
}

/// Whether a 指标性质 cell says only that the indicator is quantitative (`定量`,
/// `定量指标`): no comparator, no direction, nothing to warn about.
///
/// ```
/// use jixiao::read::list::cells::is_quantitative_kind;
/// assert!(is_quantitative_kind("定量指标"));
/// assert!(!is_quantitative_kind("定性"));
/// ```
pub fn is_quantitative_kind(cell: &str) -> bool {
    let key = no_spaces(&fold_width(cell));
    matches!(key.strip_suffix("指标").unwrap_or(&key), "定量")
}

/// The direction as the writers print it.
pub fn direction_text(direction: Direction) -> &'static str {
    match direction {
        Direction::Increase => "正向",
        Direction::Decrease => "反向",
        Direction::Qualitative => "定性",
    }
}

/// Whether a 指标值 cell begins with its own comparator (`≥90%`, `不低于90%`, `﹤1`): as
/// the target grammar reads it ([`leading_comparator`]), so that a comparator column is
/// never put in front of one the grammar would then see twice.
pub fn has_own_comparator(value: &str) -> bool {
    leading_comparator(value).is_some()
}

/// A unit cell as the target grammar reads it: `%(百分比)` → `%`; a unit with an
/// explanation in parentheses keeps the part before them.
pub fn normalize_unit(cell: &str) -> String {
    let folded = fold_width(cell.trim());
    match folded.find('(') {
        Some(open) if open > 0 => folded[..open].trim().to_owned(),
        _ => cell.trim().to_owned(),
    }
}

/// An exact number as exports write it: thousands separators, full-width digits, a
/// trailing `分` on points. `None` when the cell is not a number.
pub fn parse_decimal(cell: &str) -> Option<Decimal> {
    let folded = no_spaces(&fold_width(cell));
    let folded = folded.strip_suffix('分').unwrap_or(&folded);
    if folded.is_empty() {
        return None;
    }
    parse_number(folded).or_else(|| folded.replace(',', "").parse().ok())
}

/// 元 or 万元.
pub fn parse_money_unit(cell: &str) -> Option<MoneyUnit> {
    match no_spaces(&fold_width(cell)).as_str() {
        "元" | "人民币元" => Some(MoneyUnit::Yuan),
        "万元" | "人民币万元" => Some(MoneyUnit::WanYuan),
        _ => None,
    }
}

/// The 一级 points cell: `产出指标(50分)；效益指标(30分)`. `None` when an item has no points.
pub fn parse_level_points(cell: &str) -> Option<BTreeMap<String, Decimal>> {
    let folded = fold_width(cell);
    let mut points = BTreeMap::new();
    for item in folded.split([';', '；', '\n']).map(str::trim) {
        if item.is_empty() {
            continue;
        }
        let (label, number) = strip_points_suffix(item);
        let number: Decimal = number?.parse().ok()?;
        let key =
            Level1::parse(label).map_or_else(|| label.trim().to_owned(), |l| l.as_str().to_owned());
        points.insert(key, number);
    }
    Some(points)
}

/// The 一级 points as the writers print them (see [`parse_level_points`]).
pub fn level_points_text(points: &BTreeMap<String, Decimal>) -> String {
    points
        .iter()
        .map(|(level, p)| format!("{level}({p}分)"))
        .collect::<Vec<_>>()
        .join("；")
}

/// A 指标组 cell (`年度绩效目标1(40分)`): the group label as written, and its points when
/// the cell writes them. `None` for a cell with no label (empty, or only `(40分)`).
pub fn parse_group(cell: &str) -> Option<(String, Option<Decimal>)> {
    let (label, points) = strip_points_suffix(cell.trim());
    let label = label.trim();
    if label.is_empty() {
        return None;
    }
    Some((label.to_owned(), points.and_then(|p| p.parse().ok())))
}

/// The 指标组 cell as the writers print it (see [`parse_group`]).
pub fn group_text(label: &str, points: Option<Decimal>) -> String {
    match points {
        Some(p) => format!("{label}({p}分)"),
        None => label.to_owned(),
    }
}

/// Whether an indicator means a date (a 时效 indicator, or one named …时间/…日期).
pub fn means_date(level2_is_timeliness: bool, name: &str) -> bool {
    level2_is_timeliness
        || ["时间", "日期", "时限", "期限"]
            .iter()
            .any(|w| name.contains(w))
}

/// The date of an Excel serial written in a cell (`44,561` = 2021-12-31).
pub fn serial_date(cell: &str) -> Option<NaiveDate> {
    excel_serial(&no_spaces(&fold_width(cell))).and_then(from_excel_serial)
}

/// The finding's messages (Chinese, English) for an Excel date serial read as a date,
/// the same from the list and the form reader.
pub fn serial_messages(cell: &str, date: NaiveDate) -> (String, String) {
    use super::TARGET_DATE_KEY;
    (
        format!("“{cell}”是 Excel 日期序号，读作 {date}；原文保留，日期记在附加字段“{TARGET_DATE_KEY}”"),
        format!("`{cell}` is an Excel date serial, read as {date}; the text is kept and the date recorded as the extra field `{TARGET_DATE_KEY}`"),
    )
}

/// A date as Chinese forms write a deadline: `2021年12月31日`.
pub fn chinese_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// The typed target of a row, built from its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct BuiltTarget {
    /// The target: `text` is the 指标值 cell as written; the typed fields mean the
    /// comparator, the value and the unit together.
    pub target: Target,
    /// The date an Excel serial in the value stands for, when a date is meant.
    pub date: Option<NaiveDate>,
    /// The unit cell when it could not be merged into the target (kept by the caller).
    pub unmerged_unit: Option<String>,
}

/// Builds the typed target: the 指标值 cell, with the comparator and unit of their own
/// columns merged in when the cell lacks them. A cell holding an Excel date serial where
/// a date is meant is read as that date (`2021年12月31日`); its text is kept.
pub fn build_target(
    value: &str,
    unit_cell: &str,
    comparator: Option<Comparator>,
    date_meant: bool,
) -> BuiltTarget {
    let value = value.trim();
    let unit_cell = unit_cell.trim();
    if date_meant {
        if let Some(date) = serial_date(value) {
            let mut target = parse_target(&chinese_date(date));
            target.text = value.to_owned();
            // The unit cell of a date repeats the serial (or the date's own unit, as the
            // writers print it); anything else is kept by the caller.
            let unmerged_unit = (!unit_cell.is_empty()
                && serial_date(unit_cell).is_none()
                && target.unit.as_deref() != Some(unit_cell))
            .then(|| unit_cell.to_owned());
            return BuiltTarget {
                target,
                date: Some(date),
                unmerged_unit,
            };
        }
    }
    let parsed = parse_target(value);
    let unit = normalize_unit(unit_cell);
    // The grammar's reading first: the number is parsed only when the grammar did not
    // read a quantity.
    let numeric = parsed.is_quantitative() || parse_decimal(value).is_some();
    if value.is_empty() || !numeric || (comparator.is_none() && unit.is_empty()) {
        let unmerged_unit =
            (!unit_cell.is_empty() && (value.is_empty() || !numeric)).then(|| unit_cell.to_owned());
        return BuiltTarget {
            target: parsed,
            date: None,
            unmerged_unit,
        };
    }
    // A unit cell that is itself a number (`8` beside `4`) is no unit: appended it would
    // turn `4` into `48`. It is kept as it is, beside the value's own target.
    let unit_is_number = fold_width(&unit)
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.'));
    let mut combined = String::new();
    if let Some(c) = comparator {
        if !has_own_comparator(value) {
            combined.push_str(c.symbol());
        }
    }
    combined.push_str(value);
    let with_comparator = combined.len();
    let mut unit_merged = false;
    if parsed.unit.is_none() && !ends_with_unit(value) && !unit_is_number {
        combined.push_str(&unit);
        unit_merged = !unit.is_empty();
    }
    let mut target = parse_target(&combined);
    let mut unmerged_unit = unit_is_number.then(|| unit_cell.to_owned());
    if unit_merged && !target.is_quantitative() {
        // A unit cell the grammar does not take as a unit (`&` beside `100`) would make
        // the whole target unparseable and be lost on writing: the value is read
        // without it and the cell kept as it is.
        if let Some(alone) = combined
            .get(..with_comparator)
            .map(parse_target)
            .filter(Target::is_quantitative)
        {
            target = alone;
            unmerged_unit = Some(unit_cell.to_owned());
        }
    }
    if !target.is_quantitative() {
        // Neither way a quantity (`100.` beside `=` and `%`): the value cell alone, as a
        // value with no comparator and unit cells reads, the unit cell kept as it is.
        // A unit cell the value already ends in (`成本≤1.4万元` beside `万元`) is not lost.
        unmerged_unit = (!unit_cell.is_empty() && parsed.unit.as_deref() != Some(unit.as_str()))
            .then(|| unit_cell.to_owned());
        target = parsed;
    }
    target.text = value.to_owned();
    BuiltTarget {
        target,
        date: None,
        unmerged_unit,
    }
}

/// Whether a value cell already ends in something other than a digit (`90%`, `17人`):
/// its own unit, which wins over the unit column.
fn ends_with_unit(value: &str) -> bool {
    fold_width(value)
        .trim_end()
        .chars()
        .last()
        .is_some_and(|c| !c.is_ascii_digit() && c != '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs() {
        assert_eq!(
            classify_sign("≤"),
            Some(Sign::Comparator(Comparator::AtMost))
        );
        assert_eq!(
            classify_sign("＞＝"),
            Some(Sign::Comparator(Comparator::AtLeast))
        );
        assert_eq!(
            classify_sign("正向指标"),
            Some(Sign::Direction(Direction::Increase))
        );
        assert_eq!(classify_sign(""), None);
    }

    #[test]
    fn units_numbers_points() {
        assert_eq!(normalize_unit("%(百分比)"), "%");
        assert_eq!(normalize_unit("万元/人"), "万元/人");
        assert_eq!(parse_decimal("1,234.50"), Some(Decimal::new(123_450, 2)));
        assert_eq!(parse_decimal("１０分"), Some(Decimal::from(10)));
        assert_eq!(parse_decimal("十分"), None);
        let points = parse_level_points("产出指标(50分)；效益(30分)").unwrap();
        assert_eq!(points.get("效益指标"), Some(&Decimal::from(30)));
        assert_eq!(
            parse_level_points(&level_points_text(&points)),
            Some(points)
        );
        assert_eq!(parse_level_points("产出指标"), None);
    }

    #[test]
    fn serial_dates_where_meant() {
        let built = build_target("44,561", "44,561", Some(Comparator::Equal), true);
        assert_eq!(built.date, NaiveDate::from_ymd_opt(2021, 12, 31));
        assert_eq!(built.target.text, "44,561");
        assert_eq!(built.unmerged_unit, None);
        let built = build_target("44,561", "", Some(Comparator::Equal), false);
        assert_eq!(built.date, None);
    }

    #[test]
    fn text_is_the_cell() {
        let built = build_target("8", "人/次", Some(Comparator::Equal), false);
        assert_eq!(built.target.text, "8");
        let built = build_target("有积极促进作用", "", None, false);
        assert_eq!(built.target.text, "有积极促进作用");
        let built = build_target("提高", "%", None, false);
        assert_eq!(built.unmerged_unit.as_deref(), Some("%"));
    }

    #[test]
    fn a_unit_cell_that_is_no_unit_is_kept_beside_the_value() {
        // fuzz/regressions/read_list/unknown-unit-lost.csv
        let built = build_target("100", "&", Some(Comparator::Equal), false);
        assert!(built.target.is_quantitative());
        assert_eq!(built.target.unit, None);
        assert_eq!(built.unmerged_unit.as_deref(), Some("&"));
        // A real unit is merged as before.
        let built = build_target("100", "人次", Some(Comparator::AtLeast), false);
        assert_eq!(built.target.unit.as_deref(), Some("人次"));
        assert_eq!(built.unmerged_unit, None);
    }

    #[test]
    fn a_value_that_is_no_quantity_with_its_cells_reads_as_alone() {
        // fuzz/regressions/read_list/number-with-trailing-point.csv
        let built = build_target("100.", "%", Some(Comparator::Equal), false);
        assert_eq!(built.target, parse_target("100."));
        assert_eq!(built.unmerged_unit.as_deref(), Some("%"));
    }

    #[test]
    fn a_comparator_in_any_form_is_the_cells_own() {
        // fuzz/regressions/read_list/small-less-than-sign.csv: `﹤` (U+FE64) is `<`.
        assert!(has_own_comparator("﹤1"));
        assert!(has_own_comparator("＞＝90%"));
        assert!(has_own_comparator("$\\geq 90\\%$"));
        assert!(!has_own_comparator("90%"));
        let built = build_target("﹤1", "", Some(Comparator::Below), false);
        assert_eq!(built.target.comparator, Some(Comparator::Below));
        assert!(built.target.is_quantitative());
    }

    #[test]
    fn a_named_limit_keeps_its_own_comparator_and_unit() {
        // `成本不超过1.4万元` (the name before the limit) beside 计算符号 ≤ and 计量单位 万元:
        // the cell says it all, the columns repeat it and nothing is left over.
        let built = build_target("成本不超过1.4万元", "万元", Some(Comparator::AtMost), false);
        assert!(built.target.is_quantitative());
        assert_eq!(built.target.comparator, Some(Comparator::AtMost));
        assert_eq!(built.target.unit.as_deref(), Some("万元"));
        assert_eq!(built.target.text, "成本不超过1.4万元");
        assert_eq!(built.unmerged_unit, None);
        // A different unit cell is kept beside it.
        let built = build_target("成本不超过1.4万元", "元", Some(Comparator::AtMost), false);
        assert_eq!(built.unmerged_unit.as_deref(), Some("元"));
    }

    #[test]
    fn a_number_in_the_unit_column_is_not_appended() {
        let built = build_target("4", "8", Some(Comparator::Equal), false);
        assert_eq!(
            built.target.value.map(|v| v.to_string()).as_deref(),
            Some("4")
        );
        assert_eq!(built.target.comparator, Some(Comparator::Equal));
        assert_eq!(built.unmerged_unit.as_deref(), Some("8"));
        let built = build_target("4", "-1", Some(Comparator::AtLeast), false);
        assert_eq!(
            built.target.value.map(|v| v.to_string()).as_deref(),
            Some("4")
        );
    }
}
