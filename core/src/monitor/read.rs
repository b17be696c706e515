//! Reading the 项目支出绩效目标执行监控表 (`domain.md` §8, `formats.md` "Monitoring and
//! target changes") from form text: lines of TAB-separated cells (or Markdown table
//! rows), as a form copied out of a spreadsheet or Word looks, and as every office file
//! becomes through [`crate::read::grid`]. Labels are read by meaning, never by position:
//!
//! - a table starts at its title (`…执行监控表`) or at a 项目名称 row after a table;
//! - the period `(2024年1-7月)` in the title, or the month in the column labels
//!   (`1-7月执行数`, `1-8月执行情况`), gives the month; the caller may give it instead;
//! - the funding block is found by its header row (年初预算数, 全年预算数/调整后预算数,
//!   1-X月执行数 or 1-X月实际支出, 执行率 or 执行进度, 全年预计执行数), its unit by `(元)`/`(万元)` in a label or a
//!   line of its own (`填报单位：… | 金额单位：万元`), each row
//!   by its label (年度资金总额, 其中：财政拨款, 上年结转, 其他资金) and each amount is read
//!   with [`crate::read::cell::parse_amount`] (a cell writing its own unit converts);
//! - the indicator table by its header row (三级指标, 年度指标值, 1-X月执行情况 or 完成值,
//!   全年预计完成情况, 偏差原因分析, 完成目标可能性, 原因说明, 备注, 整改…/纠偏措施, 处置), with
//!   the 一级/二级 cells of merged rows carried down; the official table's second header
//!   row (经费保障 · 制度保障 · 人员保障 · 硬件条件保障 · 其他 · 确定能 · 有可能 · 完全不可能)
//!   makes those columns ticks (`√`).

use crate::diagnostic::{Finding, Severity};
use crate::error::ReadError;
use crate::model::{Declaration, Document, Indicator, MoneyUnit, Source};
use crate::read::cell::{is_absent, parse_amount};
use crate::read::lexicon::{lookup, HeaderField, HEADER_FIELDS};
use crate::read::ReadOptions;
use crate::taxonomy::{Level1, Level2};
use crate::text::{fold_width, no_spaces, strip_html};
use crate::value::Target;

use super::model::{
    parse_reasons, Achievability, IndicatorMonitoring, MonitorBudgetRow, Monitoring, Reason,
};

/// How many lines from the top [`looks_like_monitor`] looks at.
pub(crate) const SNIFF_LINES: usize = 60;

/// The comparison key of a label: full-width folded, spaces and `*`/`★` marks and a
/// trailing colon removed.
pub(super) fn key(text: &str) -> String {
    no_spaces(&fold_width(text))
        .trim_matches(['*', '★'])
        .trim_end_matches([':', '：'])
        .to_owned()
}

/// Whether a text is a monitoring table: a title naming a 执行监控表 (or 运行监控表), or a
/// header row with both an execution column (`1-X月执行数`/`执行情况`) and a full-year
/// forecast column (`全年预计…`) near the top.
///
/// ```
/// use jixiao::monitor::looks_like_monitor;
/// assert!(looks_like_monitor("项目支出绩效目标执行监控表\n(2024年1-7月)\n"));
/// assert!(looks_like_monitor("项目名称\tx\n三级指标\t年度指标值\t1-6月执行情况\t全年预计完成情况\n"));
/// assert!(!looks_like_monitor("财政项目支出绩效目标申报表\n项目名称\tx\n"));
/// ```
pub fn looks_like_monitor(text: &str) -> bool {
    text.split('\n').take(SNIFF_LINES).any(is_monitor_line)
}

/// Whether one line is a monitoring table's: its title (…执行监控表), or a header with a
/// 全年预计 column beside an 执行数 / 执行情况 one.
pub fn is_monitor_line(line: &str) -> bool {
    let cells = split(line);
    cells.iter().any(|c| is_title(c))
        || (cells.iter().any(|c| {
            let k = key(c);
            k.contains("全年预计")
        }) && cells.iter().any(|c| {
            let k = key(c);
            !k.contains("全年预计") && (k.contains("执行数") || k.contains("执行情况"))
        }))
}

/// Whether a cell is a monitoring table's title.
fn is_title(cell: &str) -> bool {
    let k = key(cell);
    k.chars().count() <= 60 && (k.contains("执行监控表") || k.contains("运行监控表"))
}

/// The cells of a line: TAB-separated, or a Markdown table row (`| a | b |`), each
/// trimmed and stripped of HTML.
fn split(line: &str) -> Vec<String> {
    let line = line.trim_end_matches('\r');
    let t = line.trim();
    let parts: Vec<&str> = if t.starts_with('|') && t.ends_with('|') && t.len() > 1 {
        let inner = &t[1..t.len() - 1];
        if inner.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ')) {
            return Vec::new();
        }
        inner.split('|').collect()
    } else {
        line.split('\t').collect()
    };
    parts
        .into_iter()
        .map(|c| {
            if c.contains('<') || c.contains('&') {
                strip_html(c)
            } else {
                c.trim().to_owned()
            }
        })
        .collect()
}

/// The month of a period written in a label or a title: `1-7月执行数` → 7, `(2024年1-7月)`
/// → 7, `1至8月`, `1～6月`, `截至7月底` → 7, `上半年` → 6. Months outside 1–12 are none.
///
/// ```
/// use jixiao::monitor::period_month;
/// assert_eq!(period_month("1-7月执行数"), Some(7));
/// assert_eq!(period_month("(2024年1-7月)"), Some(7));
/// assert_eq!(period_month("1—8月执行情况"), Some(8));
/// assert_eq!(period_month("全年预计执行数"), None);
/// ```
pub fn period_month(label: &str) -> Option<u32> {
    let k = key(label);
    if k.contains("上半年") {
        return Some(6);
    }
    let chars: Vec<char> = k.chars().collect();
    for (i, _) in chars.iter().enumerate().filter(|(_, c)| **c == '月') {
        let mut j = i;
        while j > 0 && chars[j - 1].is_ascii_digit() {
            j -= 1;
        }
        if j == i || i - j > 2 {
            continue;
        }
        let month: u32 = chars[j..i].iter().collect::<String>().parse().ok()?;
        if !(1..=12).contains(&month) {
            continue;
        }
        let before: String = chars[..j].iter().collect();
        let range = ["1-", "1—", "1–", "1－", "1~", "1～", "1至", "1到", "01-"]
            .iter()
            .any(|p| before.ends_with(p));
        if range || before.ends_with("截至") || before.ends_with("截止") {
            return Some(month);
        }
    }
    None
}

/// The year of a period `(2024年1-7月)`, when written.
fn period_year(label: &str) -> Option<i32> {
    let k = key(label);
    let at = k.find('年')?;
    let digits: String = k[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // A year as the forms' years are read (`cells::year_in`): four digits, 1990–2100.
    (digits.len() == 4)
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| (1990..=2100).contains(y))
}

/// A column of the funding block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FundColumn {
    Initial,
    Adjusted,
    Executed,
    Rate,
    Forecast,
    Reason,
}

fn fund_column(k: &str) -> Option<FundColumn> {
    if k.contains("原因") {
        Some(FundColumn::Reason)
    } else if k.contains("预计") {
        Some(FundColumn::Forecast)
    } else if k.contains("年初预算") {
        Some(FundColumn::Initial)
    } else if k.contains("全年预算") || k.contains("调整后预算") || k.contains("调整预算")
    {
        Some(FundColumn::Adjusted)
    } else if k.contains("执行率") || k.contains("执行进度") || k.contains("支出进度") {
        Some(FundColumn::Rate)
    } else if k.contains("执行数")
        || k.contains("执行金额")
        || k.contains("支出")
        || k.contains("已执行")
    {
        Some(FundColumn::Executed)
    } else {
        None
    }
}

/// A funding row label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FundRow {
    Total,
    Fiscal,
    Carryover,
    Other,
}

fn fund_row(k: &str) -> Option<FundRow> {
    if k.contains("结转") {
        Some(FundRow::Carryover)
    } else if k.contains("财政") {
        Some(FundRow::Fiscal)
    } else if k.contains("其他资金") || k.contains("其它资金") || k == "其他" {
        Some(FundRow::Other)
    } else if k.contains("总额") || k.contains("合计") || k.contains("总计") {
        Some(FundRow::Total)
    } else {
        None
    }
}

/// A column of the indicator table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Level1,
    Level2,
    Name,
    Target,
    Actual,
    Forecast,
    Reasons,
    Achievability,
    Explanation,
    Remark,
    NeedsRectification,
    RectificationRequest,
    RectificationResult,
    Disposal,
}

fn indicator_column(k: &str) -> Option<Col> {
    Some(if k.contains("一级指标") {
        Col::Level1
    } else if k.contains("二级指标") {
        Col::Level2
    } else if k.contains("三级指标") || k == "指标名称" {
        Col::Name
    } else if k.contains("指标值") || k.contains("目标值") {
        Col::Target
    } else if k.contains("预计") {
        Col::Forecast
    } else if k.contains("偏差原因") {
        Col::Reasons
    } else if k.contains("可能性") {
        Col::Achievability
    } else if k.contains("原因说明") || k == "说明" {
        Col::Explanation
    } else if k.contains("是否") && k.contains("整改") {
        Col::NeedsRectification
    } else if k.contains("整改要求") || k.contains("整改措施") || k.contains("纠偏") {
        Col::RectificationRequest
    } else if k.contains("整改结果") || k.contains("整改情况") {
        Col::RectificationResult
    } else if k.contains("处置") || k.contains("处理意见") {
        Col::Disposal
    } else if k.contains("执行情况")
        || k.contains("完成情况")
        || k.contains("实际完成")
        || k.contains("完成值")
        || k.contains("实际值")
        || k.contains("执行值")
    {
        Col::Actual
    } else if k.contains("备注") {
        Col::Remark
    } else {
        return None;
    })
}

/// A column of the official table's second header row: under 偏差原因分析 one per
/// category, under 完成目标可能性 one per answer, each ticked (`√`) on the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tick {
    Reason(Reason),
    Achievability(Achievability),
}

/// The tick columns of a second header row (`经费保障 · 制度保障 · … · 确定能 · 有可能 ·
/// 完全不可能`): every cell a category or an answer, at least two.
fn tick_columns(content: &[(usize, &str)]) -> Option<Vec<(usize, Tick)>> {
    let ticks: Vec<(usize, Tick)> = content
        .iter()
        .map(|&(j, c)| {
            let k = key(c);
            let tick = match k.as_str() {
                "确定能" | "有可能" | "完全不可能" => {
                    Tick::Achievability(Achievability::parse(&k)?)
                }
                _ => Tick::Reason(Reason::parse(&k)?),
            };
            Some((j, tick))
        })
        .collect::<Option<_>>()?;
    (ticks.len() >= 2).then_some(ticks)
}

/// The project being read.
#[derive(Default)]
struct Current {
    declaration: Declaration,
    monitoring: Monitoring,
    /// The funding header: (column index, role).
    fund_columns: Vec<(usize, FundColumn)>,
    /// The goal labels row: (goal column, progress column).
    goal_columns: Option<(usize, Option<usize>)>,
    /// The indicator header: (column index, role).
    columns: Vec<(usize, Col)>,
    /// The tick columns of the header's second row, when it has one.
    ticks: Vec<(usize, Tick)>,
    level1: Option<String>,
    level2: Option<String>,
    started: bool,
}

impl Current {
    fn has_content(&self) -> bool {
        !self.declaration.project.name.is_empty() || !self.declaration.indicators.is_empty()
    }
}

/// Reads every monitoring table of a text. Each becomes a [`Declaration`] with its
/// [`Monitoring`]; the period's year becomes the document's year.
///
/// ```
/// use jixiao::monitor::read_monitor;
/// let text = "项目支出绩效目标执行监控表\n(2024年1-7月)\n项目名称\t示例\n\
///             项目资金(元)\t\t年初预算数\t全年预算数\t1-7月执行数\t执行率\t全年预计执行数\n\
///             \t年度资金总额\t100\t100\t50\t50.00%\t100\n\
///             绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t1-7月执行情况\t全年预计完成情况\t偏差原因分析\t完成目标可能性\n\
///             \t产出指标\t数量指标\t培训人数\t≥100人\t40人\t100人\t无偏差\t确定能\n";
/// let (doc, _) = read_monitor(text, &Default::default()).unwrap();
/// let m = doc.declarations[0].monitoring.as_ref().unwrap();
/// assert_eq!(m.month, Some(7));
/// assert_eq!(m.budget.executed.unwrap().to_string(), "50");
/// assert_eq!(m.indicators[0].actual.as_deref(), Some("40人"));
/// ```
pub fn read_monitor(
    text: &str,
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    let file = options.file_name.as_deref();
    let mut document = Document::default();
    let mut findings = Vec::new();
    let mut current = Current::default();
    let mut period: (Option<i32>, Option<u32>) = (None, None);
    for (i, line) in text.split('\n').enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let cells = split(line);
        let content: Vec<(usize, &str)> = cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .map(|(j, c)| (j, c.as_str()))
            .collect();
        if content.is_empty() {
            continue;
        }
        let source = Source::at(file, number);
        // A title, or a period line on its own.
        if content.iter().any(|(_, c)| is_title(c)) {
            finish(&mut document, &mut current, &period);
            current.started = true;
            current.declaration.source = source.clone();
            current.monitoring.source = source;
            period = (None, None);
            for (_, c) in &content {
                if period_month(c).is_some() {
                    period = (period_year(c), period_month(c));
                }
            }
            continue;
        }
        // A money unit line (`金额单位：万元`, beside `填报单位：…`): the unit of the amounts
        // below, unless the funding block's own label names one.
        let (units, content): (Vec<_>, Vec<_>) = content
            .into_iter()
            .partition(|(_, c)| money_unit_cell(c).is_some());
        if let Some(unit) = units.iter().find_map(|(_, c)| money_unit_cell(c)) {
            current.monitoring.unit = unit;
            if content.iter().all(|(_, c)| is_filled_label(c)) {
                continue;
            }
        }
        if content.is_empty() {
            continue;
        }
        if content.len() == 1 && period_month(content[0].1).is_some() && current.columns.is_empty()
        {
            period = (period_year(content[0].1), period_month(content[0].1));
            continue;
        }
        // The indicator header.
        let columns: Vec<(usize, Col)> = content
            .iter()
            .filter_map(|&(j, c)| indicator_column(&key(c)).map(|col| (j, col)))
            .collect();
        let has = |cols: &[(usize, Col)], col: Col| cols.iter().any(|(_, c)| *c == col);
        if has(&columns, Col::Name)
            && has(&columns, Col::Target)
            && (has(&columns, Col::Actual) || has(&columns, Col::Forecast))
        {
            note_month(&mut current, &content);
            current.columns = columns;
            current.ticks.clear();
            current.level1 = None;
            current.level2 = None;
            continue;
        }
        if !current.columns.is_empty() && current.declaration.indicators.is_empty() {
            if let Some(ticks) = tick_columns(&content) {
                current.ticks = ticks;
                continue;
            }
        }
        if !current.columns.is_empty() {
            // A new project without a title: a 项目名称 row after a table.
            if header_field(content[0].1) == Some(HeaderField::Name) {
                finish(&mut document, &mut current, &period);
                current.started = true;
                current.declaration.source = source.clone();
                current.monitoring.source = source.clone();
            } else {
                indicator_row(&mut current, &cells, &source, &mut findings);
                continue;
            }
        }
        // The funding header.
        let funds: Vec<(usize, FundColumn)> = content
            .iter()
            .filter_map(|&(j, c)| fund_column(&key(c)).map(|f| (j, f)))
            .collect();
        if funds.len() >= 2 && funds.iter().any(|(_, f)| *f == FundColumn::Executed) {
            note_month(&mut current, &content);
            for (_, c) in &content {
                let k = key(c);
                if k.contains("万元") {
                    current.monitoring.unit = MoneyUnit::WanYuan;
                } else if k.contains("(元)") || k.contains("元)") {
                    current.monitoring.unit = MoneyUnit::Yuan;
                }
            }
            current.fund_columns = funds;
            current.started = true;
            continue;
        }
        if !current.fund_columns.is_empty() {
            let first_value = current
                .fund_columns
                .iter()
                .map(|(j, _)| *j)
                .min()
                .unwrap_or(0);
            let label = content
                .iter()
                .filter(|(j, _)| *j < first_value)
                .filter_map(|(_, c)| fund_row(&key(c)))
                .next_back();
            if let Some(row) = label {
                let parsed = fund_values(&current, &cells, &source, &mut findings);
                let m = &mut current.monitoring;
                match row {
                    FundRow::Total => m.budget = parsed,
                    FundRow::Fiscal => m.budget_fiscal = Some(parsed),
                    FundRow::Carryover => m.budget_carryover = Some(parsed),
                    FundRow::Other => m.budget_other = Some(parsed),
                }
                continue;
            }
            current.fund_columns.clear();
        }
        // Goals: a labels row (年度总体目标 · 1-X月执行情况) and the texts below, or a
        // label followed by its text.
        if let Some((goal, progress)) = current.goal_columns.take() {
            let at = |col: usize| cells.get(col).filter(|c| !c.is_empty()).cloned();
            let mut texts = content.iter().map(|(_, c)| (*c).to_owned());
            // Aligned under the labels, or (a leading merged cell) in order.
            let (g, p) = match at(goal) {
                Some(g) => (Some(g), progress.and_then(at)),
                None => (texts.next(), texts.next()),
            };
            current.declaration.goals.annual = g;
            current.monitoring.progress = p;
            continue;
        }
        if let Some(section) = content
            .iter()
            .position(|(_, c)| key(c).contains("年度总体目标"))
        {
            // `年度总体目标 | 年初设定目标 | 1-7月实际完成情况`: the section label, then the
            // goal's own label.
            let goal_label = Some(section + 1).filter(|&next| {
                content
                    .get(next)
                    .is_some_and(|(_, c)| is_goal_label(&key(c)))
            });
            let pos = goal_label.unwrap_or(section);
            let progress = content.iter().position(|(_, c)| is_progress_label(&key(c)));
            let labels_only = content.len()
                == 1 + usize::from(goal_label.is_some()) + usize::from(progress.is_some());
            // The month from the progress label, not from a text beside it (`已按月支付1-7月…`).
            if let Some(p) = progress {
                note_month(&mut current, &content[p..=p]);
            }
            if labels_only {
                current.goal_columns = Some((content[pos].0, progress.map(|p| content[p].0)));
            } else {
                let after = |p: usize| content.get(p + 1).map(|(_, c)| (*c).to_owned());
                // The goal's cell is no text when the progress label stands in it; the
                // progress text is whatever follows its label (even words like a label).
                current.declaration.goals.annual =
                    after(pos).filter(|c| !is_progress_label(&key(c)));
                if let Some(p) = progress {
                    current.monitoring.progress = after(p);
                }
            }
            current.started = true;
            continue;
        }
        // The goal's progress on a line of its own (`1-6月执行情况 | …`), before the
        // indicator table.
        if content.len() == 2 && is_progress_label(&key(content[0].1)) {
            note_month(&mut current, &content[..1]);
            current.monitoring.progress = Some(content[1].1.to_owned());
            current.started = true;
            continue;
        }
        // Project-level 完成目标可能性 and 处置: a label in the row's first cell.
        let first = key(content[0].1);
        let value = content.get(1).map(|(_, v)| (*v).to_owned());
        if first == "完成目标可能性" {
            current.monitoring.achievability = value.as_deref().and_then(Achievability::parse);
            continue;
        }
        if matches!(
            first.as_str(),
            "处置" | "处置意见" | "处理意见" | "处置结果"
        ) {
            current.monitoring.disposal = value;
            continue;
        }
        header_pairs(&mut current, &content);
    }
    finish(&mut document, &mut current, &period);
    if document.declarations.is_empty() {
        return Err(ReadError::NoDeclaration {
            at: options.location().line(1),
            expected: "a monitoring table (项目支出绩效目标执行监控表) with a 项目名称 and a funding block (年初预算数, 全年预算数, 1-X月执行数, 全年预计执行数) or an indicator table (三级指标, 年度指标值, 1-X月执行情况, 全年预计完成情况)".to_owned(),
        });
    }
    Ok((document, findings))
}

/// The money unit a `金额单位：万元` / `单位：元` / `资金单位：万元` cell states.
fn money_unit_cell(cell: &str) -> Option<MoneyUnit> {
    let k = key(cell);
    let (label, value) = k.split_once(':')?;
    if !matches!(label, "金额单位" | "单位" | "资金单位") {
        return None;
    }
    crate::read::list::cells::parse_money_unit(value)
}

/// A `label：value` cell (`填报单位：某省农业农村厅`, `填报日期：…`): a line holding only
/// such cells beside its unit is a 填报 line, read for its unit alone.
fn is_filled_label(cell: &str) -> bool {
    key(cell).contains(':')
}

/// The header field a label names (项目名称, 主管部门(及代码), 实施单位, …).
fn header_field(cell: &str) -> Option<HeaderField> {
    lookup(HEADER_FIELDS, &key(cell))
}

/// Label/value pairs of the header (`项目名称 <TAB> x <TAB> 主管部门及代码 <TAB> y`).
fn header_pairs(current: &mut Current, content: &[(usize, &str)]) {
    let mut i = 0;
    while i < content.len() {
        let Some(field) = header_field(content[i].1) else {
            i += 1;
            continue;
        };
        let value = content
            .get(i + 1)
            .filter(|(_, v)| header_field(v).is_none())
            .map(|(_, v)| (*v).to_owned());
        let Some(value) = value else {
            i += 1;
            continue;
        };
        current.started = true;
        let p = &mut current.declaration.project;
        match field {
            HeaderField::Name => p.name = value,
            HeaderField::Code => p.code = Some(value),
            HeaderField::Nature => p.nature = Some(value),
            HeaderField::Category => p.category = Some(value),
            HeaderField::Department => p.department = Some(value),
            HeaderField::Implementer => p.implementer = Some(value),
            _ => {
                p.extra.insert(key(content[i].1), value);
            }
        }
        i += 2;
    }
}

/// Takes the month from a header row's labels when the title gave none.
fn note_month(current: &mut Current, content: &[(usize, &str)]) {
    if current.monitoring.month.is_none() {
        current.monitoring.month = content.iter().find_map(|(_, c)| period_month(c));
    }
}

/// The amounts of a funding row, at the header's columns.
fn fund_values(
    current: &Current,
    cells: &[String],
    source: &Source,
    findings: &mut Vec<Finding>,
) -> MonitorBudgetRow {
    let unit = current.monitoring.unit;
    let mut row = MonitorBudgetRow::default();
    for &(j, column) in &current.fund_columns {
        let Some(cell) = cells.get(j).map(|c| c.trim()).filter(|c| !c.is_empty()) else {
            continue;
        };
        if column == FundColumn::Rate {
            if !is_absent(cell) {
                row.rate = Some(cell.to_owned());
            }
            continue;
        }
        if column == FundColumn::Reason {
            if !is_absent(cell) {
                row.reason = Some(cell.to_owned());
            }
            continue;
        }
        let value = match parse_amount(cell) {
            Ok(amount) => amount.and_then(|a| a.in_unit(unit)),
            Err(_) => {
                findings.push(
                    Finding::new(
                        "monitor_bad_amount",
                        Severity::Warning,
                        format!("金额“{cell}”不是数字，按空值处理"),
                        format!("the amount “{cell}” is not a number; read as empty"),
                    )
                    .at(source),
                );
                None
            }
        };
        match column {
            FundColumn::Initial => row.initial = value,
            FundColumn::Adjusted => row.adjusted = value,
            FundColumn::Executed => row.executed = value,
            FundColumn::Forecast => row.forecast = value,
            FundColumn::Rate | FundColumn::Reason => {}
        }
    }
    row
}

/// One row of the indicator table.
fn indicator_row(
    current: &mut Current,
    cells: &[String],
    source: &Source,
    findings: &mut Vec<Finding>,
) {
    let cell_at = |j: usize| {
        cells
            .get(j)
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
    };
    let ticked = |j: usize| current.ticks.iter().any(|&(t, _)| t == j);
    // Under ticks the category columns are read by their ticks, not as cells of their own.
    let get = |col: Col| -> Option<String> {
        let (j, _) = current.columns.iter().find(|(_, c)| *c == col)?;
        if ticked(*j) && matches!(col, Col::Reasons | Col::Achievability) {
            return None;
        }
        cell_at(*j)
    };
    if let Some(l1) = get(Col::Level1) {
        current.level1 = Some(l1);
        current.level2 = None;
    }
    if let Some(l2) = get(Col::Level2) {
        current.level2 = Some(l2);
    }
    let Some(name) = get(Col::Name) else {
        if cells.iter().any(|c| !c.is_empty())
            && get(Col::Level1).is_none()
            && get(Col::Level2).is_none()
        {
            findings.push(
                Finding::new(
                    "monitor_row_skipped",
                    Severity::Info,
                    "指标表中的行没有三级指标名称，跳过",
                    "a row of the indicator table has no 三级指标 name; skipped",
                )
                .at(source),
            );
        }
        return;
    };
    let l1_text = current.level1.clone();
    let l2_text = current.level2.clone();
    let level1 = l1_text.as_deref().and_then(Level1::parse);
    let level2 = l2_text.as_deref().and_then(Level2::parse);
    let target = Target::parse(&get(Col::Target).unwrap_or_default());
    let mut indicator = Indicator::new(level1, level2, &name, target);
    if level1.is_none() {
        indicator.level1_text = l1_text;
    }
    if level2.is_none() {
        indicator.level2_text = l2_text;
    }
    indicator.source = source.clone();
    // As the form reader says it: an indicator with no level written or carried from
    // above (a header repeated without its 一级 column resets the carried levels).
    for (missing, code, level) in [
        (
            indicator.level1.is_none() && indicator.level1_text.is_none(),
            "missing_level1",
            "一级",
        ),
        (
            indicator.level2.is_none() && indicator.level2_text.is_none(),
            "missing_level2",
            "二级",
        ),
    ] {
        if missing {
            findings.push(
                Finding::new(
                    code,
                    Severity::Warning,
                    format!("指标“{name}”没有{level}指标"),
                    format!("indicator `{name}` has no {level} label"),
                )
                .at(source)
                .on_indicator(name.clone()),
            );
        }
    }
    let (mut reasons, mut reason_note) = parse_reasons(&get(Col::Reasons).unwrap_or_default());
    let achievability_text = get(Col::Achievability);
    let mut achievability = achievability_text.as_deref().and_then(Achievability::parse);
    // The official table's ticks: a mark under a category or an answer; words written
    // under a category (其他: why) are kept as the reason's note.
    let mut notes = Vec::new();
    for &(j, tick) in &current.ticks {
        let Some(mark) = cell_at(j) else { continue };
        match tick {
            Tick::Reason(r) => {
                let list = reasons.get_or_insert_with(Vec::new);
                list.push(r);
                if !is_tick_mark(&mark) {
                    notes.push(format!("{}：{mark}", r.as_str()));
                }
            }
            Tick::Achievability(a) => achievability = Some(a),
        }
    }
    if let Some(list) = &mut reasons {
        list.sort();
        list.dedup();
    }
    if !notes.is_empty() {
        reason_note = Some(notes.join("；"));
    }
    if let (Some(text), None) = (&achievability_text, achievability) {
        findings.push(
            Finding::new(
                "monitor_bad_achievability",
                Severity::Warning,
                format!("完成目标可能性“{text}”不是 确定能/有可能/完全不可能"),
                format!("完成目标可能性 “{text}” is not one of 确定能, 有可能, 完全不可能"),
            )
            .at(source)
            .on_indicator(name.clone()),
        );
    }
    let needs = get(Col::NeedsRectification).and_then(|t| match key(&t).as_str() {
        "是" | "需要" | "需整改" => Some(true),
        "否" | "不需要" | "无需" | "无" => Some(false),
        _ => None,
    });
    current.declaration.indicators.push(indicator);
    current.monitoring.indicators.push(IndicatorMonitoring {
        actual: get(Col::Actual),
        forecast: get(Col::Forecast),
        reasons,
        reason_note,
        achievability,
        explanation: get(Col::Explanation),
        remark: get(Col::Remark),
        needs_rectification: needs,
        rectification_request: get(Col::RectificationRequest),
        rectification_result: get(Col::RectificationResult),
        disposal: get(Col::Disposal),
    });
}

/// A label of the year's goal under the 年度总体目标 section label.
pub(super) fn is_goal_label(k: &str) -> bool {
    matches!(
        k,
        "年初设定目标" | "预期目标" | "年度目标" | "年初目标" | "绩效目标"
    )
}

/// A label of the goal's progress so far: a period (`1-7月`, `本期`, `截至7月`) and then
/// 执行情况 / 实际完成情况 — not a text that merely ends so (`…服务保障7月执行情况`), nor
/// the forecast's `全年预计完成情况`.
pub(super) fn is_progress_label(k: &str) -> bool {
    let mut rest = k;
    loop {
        let before = rest.len();
        for prefix in ["截至", "截止", "本期", "上半年", "前三季度"] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        rest = rest.trim_start_matches(|c: char| {
            c.is_ascii_digit() || matches!(c, '-' | '—' | '–' | '~' | '至' | '月' | '年' | '份')
        });
        if rest.len() == before {
            break;
        }
    }
    matches!(
        rest,
        "执行情况" | "实际完成情况" | "完成情况" | "实际执行情况" | "目标执行情况" | "目标完成情况"
    )
}

/// Whether a cell is only a tick (`√`, `✓`, `☑`, `■`, `●`, `是`, a Wingdings `R`, …).
fn is_tick_mark(cell: &str) -> bool {
    matches!(
        key(cell).as_str(),
        "√" | "✓"
            | "✔"
            | "☑"
            | "☒"
            | "■"
            | "●"
            | "▲"
            | "★"
            | "R"
            | "v"
            | "V"
            | "x"
            | "X"
            | "是"
            | "有"
    )
}

/// Ends the project being read: a project with a name or an indicator becomes a
/// declaration of the document.
fn finish(document: &mut Document, current: &mut Current, period: &(Option<i32>, Option<u32>)) {
    let mut done = std::mem::take(current);
    if !done.started || !done.has_content() {
        return;
    }
    if let Some(month) = period.1 {
        // The title's period wins over a label: it names the report.
        done.monitoring.month = Some(month);
    }
    if document.year.is_none() {
        document.year = period.0;
    }
    done.declaration.monitoring = Some(done.monitoring);
    document.declarations.push(done.declaration);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_progress_label_is_a_period_and_then_the_words() {
        for label in [
            "1-7月执行情况",
            "1-7月实际完成情况",
            "本期执行情况",
            "截至7月执行情况",
            "1—8月完成情况",
        ] {
            assert!(is_progress_label(&key(label)), "{label}");
        }
        for text in [
            "完成不少于17人的专项生7月执行情况",
            "全年预计完成情况",
            "年初设定目标",
        ] {
            assert!(!is_progress_label(&key(text)), "{text}");
        }
    }

    #[test]
    fn a_period_year_is_a_plausible_year() {
        assert_eq!(period_year("(2024年1-7月)"), Some(2024));
        assert_eq!(period_year("(0506年1-7月)"), None);
        assert_eq!(period_year("(9999年1-7月)"), None);
    }

    #[test]
    fn tick_columns_are_categories_and_answers_only() {
        let row = [
            (7, "经费保障"),
            (8, "制度保障"),
            (12, "确定能"),
            (13, "完全不可能"),
        ];
        let ticks = tick_columns(&row).expect("tick columns");
        assert_eq!(ticks.len(), 4);
        assert_eq!(ticks[2], (12, Tick::Achievability(Achievability::Certain)));
        assert!(tick_columns(&[(7, "经费保障"), (8, "培训人次")]).is_none());
        assert!(tick_columns(&[(7, "经费保障")]).is_none());
    }
}
