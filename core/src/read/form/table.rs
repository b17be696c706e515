//! 绩效指标: the indicator table. Columns are found by their header labels; rows that
//! lack leading cells carry 一级/二级 from the row above (merged cells), and rows whose
//! cells stand in the wrong columns (a flattened merged cell) are read by their shape:
//! leading cells that are known level labels, then the 三级 name, then the target.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::model::{Direction, Indicator, IndicatorEvaluation, Source};
use crate::read::list::cells::{build_target, classify_sign, means_date, serial_messages, Sign};
use crate::read::list::TARGET_DATE_KEY;
use crate::taxonomy::{strip_points_suffix, Level1, Level2};
use crate::text::{fold_width, no_spaces, squash_spaces};
use crate::Severity;

use super::cells::{is_absent, is_own_key, key, may_be_label, may_hold, parse_decimal, Row};
use super::Reader;
use crate::read::cell::{points_only, template_slot, Slot};
use crate::read::lexicon::{lookup, Column, NAME_LABELS, TABLE_COLUMNS};

/// The columns of an indicator table, found by their header labels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Columns {
    /// The header line.
    pub line: u32,
    l1: Option<usize>,
    l2: Option<usize>,
    name: usize,
    target: Option<usize>,
    actual: Option<usize>,
    weight: Option<usize>,
    score: Option<usize>,
    deviation: Option<usize>,
    direction: Option<usize>,
    sign: Option<usize>,
    unit: Option<usize>,
    extra: Vec<(usize, String)>,
}

impl Columns {
    /// The 分值 column.
    pub fn weight(&self) -> Option<usize> {
        self.weight
    }

    /// The 得分 column.
    pub fn score(&self) -> Option<usize> {
        self.score
    }

    /// Whether the table has self-evaluation columns (实际完成值, 得分).
    pub fn is_evaluation(&self) -> bool {
        self.actual.is_some() || self.score.is_some()
    }

    /// Whether a row stands in the table as an indicator row: its first cell under a
    /// level column or under 三级 (not the first column), a known 二级 label (or nothing)
    /// under 二级, and a name under 三级.
    pub fn holds_indicator(&self, row: &Row<'_>) -> bool {
        let Some((first, _)) = row.first() else {
            return false;
        };
        let l2 = self.l2.map_or("", |i| row.get(i));
        ([self.l1, self.l2].contains(&Some(first)) || (first == self.name && first > 0))
            && (l2.is_empty() || Level2::parse(l2).is_some())
            && !row.get(self.name).is_empty()
    }

    /// The known columns right of the target, in order, for rows read by shape.
    fn after_target(&self) -> impl Iterator<Item = usize> + '_ {
        [
            self.actual,
            self.weight,
            self.score,
            self.deviation,
            self.direction,
            self.sign,
            self.unit,
        ]
        .into_iter()
        .flatten()
        .chain(self.extra.iter().map(|(c, _)| *c))
    }
}

/// Whether a cell's key is (a piece of) a section label written down a merged cell,
/// which PDF extraction splits over rows: `绩效 指标`, `绩效`, `指标`, `项目绩效目标`, `目标`.
pub(super) fn is_label_fragment_key(k: &str) -> bool {
    !k.is_empty() && k.chars().all(|c| "项目年度绩效指标".contains(c))
        || matches!(k, "绩效目标" | "项目绩效目标" | "年度绩效目标" | "目标")
}

/// Whether a key is a block label written in the first column of a table header,
/// naming the points of the indicators below it (`年度绩效目标(80分)`, `绩效指标`,
/// `年度绩效目标1(40分)`): the points are the block's, the label no column.
pub(super) fn is_block_label(k: &str) -> bool {
    let (base, points) = crate::taxonomy::strip_points_suffix(k);
    // Numbered blocks: `年度绩效目标1`, `年度绩效目标一`, `年度绩效目标(一)`.
    let base = base
        .trim_end_matches(['(', ')', '（', '）'])
        .trim_end_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        .trim_end_matches(['(', '（']);
    points.is_some()
        && (is_label_fragment_key(base) || base == "绩效指标" || base == "年度绩效指标")
}

/// The point group (指标组) a row names by its block label (`年度绩效目标1(40分)`, in the
/// first column of a table header or on a row of its own): the label as written without
/// its points, and the points.
pub(super) fn block_group(row: &Row<'_>) -> Option<(String, Decimal)> {
    let (_, cell, _) = row.keyed().find(|(_, _, k)| is_block_label(k))?;
    let text = squash_spaces(cell);
    let (label, points) = strip_points_suffix(&text);
    let points = points?.parse().ok()?;
    Some((label.trim().to_owned(), points))
}

/// Reads an indicator table header: it has a 三级指标 (指标名称) column and a target
/// (指标值) or 二级指标 column.
pub(super) fn header(row: &Row<'_>) -> Option<Columns> {
    let mut c = Columns {
        line: row.line,
        ..Columns::default()
    };
    // No 三级指标 column, no header: decided before the other cells are classified, and
    // only cells with a 指 (as every name label has) are keyed for it.
    if !row.content().any(|(i, c)| {
        may_hold(c, '指')
            && may_be_label(c)
            && c.chars().any(|ch| ch == '指')
            && NAME_LABELS.contains(&row.key(i))
    }) {
        return None;
    }
    let mut name = None;
    let mut period_target = None;
    for (col, cell, k) in row.keyed() {
        if is_label_fragment_key(k) || is_block_label(k) {
            continue;
        }
        let Some(column) = lookup(TABLE_COLUMNS, k) else {
            c.extra.push((col, squash_spaces(cell)));
            continue;
        };
        let slot = match column {
            Column::Level1 => &mut c.l1,
            Column::Level2 => &mut c.l2,
            Column::Name => &mut name,
            Column::Actual => &mut c.actual,
            Column::Target => &mut c.target,
            Column::Weight => &mut c.weight,
            Column::Score => &mut c.score,
            Column::Deviation => &mut c.deviation,
            Column::Direction => &mut c.direction,
            Column::Sign => &mut c.sign,
            Column::Unit => &mut c.unit,
            Column::Extra => {
                c.extra.push((col, squash_spaces(cell)));
                continue;
            }
            Column::PeriodTarget => {
                if period_target.is_none() {
                    period_target = Some((col, squash_spaces(cell)));
                } else {
                    c.extra.push((col, squash_spaces(cell)));
                }
                continue;
            }
        };
        if slot.is_none() {
            *slot = Some(col);
        } else {
            c.extra.push((col, squash_spaces(cell)));
        }
    }
    c.name = name?;
    // The year's target is the target; the period's is kept beside it, or stands in for
    // it when the table has none (a 中期 declaration).
    if let Some((col, label)) = period_target {
        if c.target.is_none() {
            c.target = Some(col);
        } else {
            c.extra.push((col, label));
            c.extra.sort_by_key(|&(col, _)| col);
        }
    }
    (c.target.is_some() || c.l2.is_some()).then_some(c)
}

/// A level label as written and as read.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Carried {
    l1: Option<Level1>,
    l1_text: Option<String>,
    l1_written: bool,
    l2: Option<Level2>,
    l2_text: Option<String>,
    l2_written: bool,
    /// The points of a 一级 cell that held nothing else (`(50分)`).
    l1_points: Option<Decimal>,
}

/// A cell of a Markdown separator row: dashes, with optional alignment colons.
fn is_dashes(cell: &str) -> bool {
    let inner = cell.trim_matches(':');
    !inner.is_empty() && inner.chars().all(|c| c == '-')
}

fn is_level(cell: &str) -> bool {
    Level1::parse(cell).is_some() || Level2::parse(cell).is_some() || points_only(cell).is_some()
}

/// The label as written differs from the normalized name (ignoring spaces and widths).
fn differs(written: &str, normalized: &str) -> bool {
    // A label that is its own key has no space and nothing to fold: compared as written.
    if is_own_key(written) {
        return written != normalized;
    }
    no_spaces(&fold_width(written)) != normalized
}

/// What one table row yields.
pub(super) struct RowRead {
    /// The indicator.
    pub indicator: Indicator,
    /// Its self-evaluation cells.
    pub evaluation: IndicatorEvaluation,
    /// Whether the row had any self-evaluation cell.
    pub has_evaluation: bool,
}

/// The cells of a row assigned to the table's columns.
#[derive(Default)]
struct Assigned<'r> {
    levels: Vec<(usize, &'r str)>,
    name: &'r str,
    target: &'r str,
    by_column: BTreeMap<usize, &'r str>,
    stray: Vec<(usize, &'r str)>,
}

impl Reader<'_> {
    /// Reads one row of the indicator table. Returns `None` for a row that holds no
    /// indicator (blank, or only level labels such as `产出指标(50分)`).
    pub(super) fn table_row(&mut self, cols: &Columns, row: &Row<'_>) -> Option<RowRead> {
        let mut cells: Vec<&str> = row.cells.iter().map(AsRef::as_ref).collect();
        if let Some((i, _, first_key)) = row.first_keyed() {
            if is_label_fragment_key(first_key) && row.content().nth(1).is_some() {
                if let Some(c) = cells.get_mut(i) {
                    *c = "";
                }
            }
        }
        let content: Vec<(usize, &str)> = cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .map(|(i, c)| (i, *c))
            .collect();
        // Nothing but dashes left (`绩 | -`, the section label aside): a separator row.
        if content.iter().all(|&(_, c)| is_dashes(c)) {
            return None;
        }
        if self.continuation(cols, &content, row) {
            return None;
        }
        let get = |i: Option<usize>| i.and_then(|i| cells.get(i).copied()).unwrap_or_default();
        let assigned = if aligned(cols, &cells, &content) {
            let mut a = Assigned::default();
            for col in [cols.l1, cols.l2].into_iter().flatten() {
                if !get(Some(col)).is_empty() {
                    a.levels.push((col, get(Some(col))));
                }
            }
            a.name = get(Some(cols.name));
            a.target = get(cols.target);
            let known = [cols.l1, cols.l2, Some(cols.name), cols.target];
            for &(i, c) in &content {
                if cols.after_target().any(|a| a == i) {
                    a.by_column.insert(i, c);
                } else if !known.contains(&Some(i)) {
                    a.stray.push((i, c));
                }
            }
            a
        } else {
            by_shape(cols, &content)
        };
        self.assign_levels(cols, &assigned.levels, row);
        if let Some(slot) = template_slot(assigned.name).filter(|s| *s != Slot::Empty) {
            self.template_row(slot, &assigned, row);
            return None;
        }
        if assigned.name.is_empty() {
            // A group row (`数量指标` alone): an indicator must follow under it.
            if !assigned.levels.is_empty() {
                let has_l2 = self.carried.l2.is_some() || self.carried.l2_text.is_some();
                let new_l1 = self.carried.l1_written;
                // A 二级 with nothing under it, or a 一级 followed by another 一级.
                if matches!(self.open_group, Some((_, true))) || new_l1 {
                    self.empty_group_check();
                }
                self.open_group = Some((row.line, has_l2 && self.carried.l2_written));
            }
            return None;
        }
        self.open_group = None;
        Some(self.build(cols, &assigned, row))
    }

    /// A row holding only text cells right of the 三级 column (指标值, 实际完成值, 偏差原因)
    /// continues the indicator above: a cell wrapped onto the next line. Its text is
    /// appended and the target read again.
    fn continuation(&mut self, cols: &Columns, content: &[(usize, &str)], row: &Row<'_>) -> bool {
        let text_col = |i: usize| {
            [cols.target, cols.actual, cols.deviation].contains(&Some(i))
                || cols.extra.iter().any(|(c, _)| *c == i)
        };
        let only_text = content.iter().all(|&(i, _)| i > cols.name && text_col(i));
        if !only_text || self.open_group.is_some() {
            return false;
        }
        let Some(indicator) = self.decl.indicators.last_mut() else {
            return false;
        };
        let mut evaluation = self.evaluation.indicators.last_mut();
        for &(col, cell) in content {
            if Some(col) == cols.target {
                let text = format!("{}{cell}", indicator.target.text);
                indicator.target = crate::value::parse_target(&text);
            } else if Some(col) == cols.actual {
                if let Some(e) = evaluation.as_deref_mut() {
                    e.actual = Some(format!("{}{cell}", e.actual.clone().unwrap_or_default()));
                }
            } else if Some(col) == cols.deviation {
                if let Some(e) = evaluation.as_deref_mut() {
                    e.deviation =
                        Some(format!("{}{cell}", e.deviation.clone().unwrap_or_default()));
                }
            } else if let Some((_, header)) = cols.extra.iter().find(|(c, _)| *c == col) {
                let entry = indicator.extra.entry(header.clone()).or_default();
                entry.push_str(cell);
            }
        }
        let name = indicator.name.clone();
        self.finding(
            "continued_row",
            Severity::Info,
            row,
            format!("此行只有指标值等文字，视为上一行“{name}”的续行"),
            format!("this row holds only text cells right of the 三级 column; read as the continuation of `{name}` above"),
        );
        true
    }

    /// A row of the template left unfilled: a placeholder (`……`, `指标1:`) is dropped
    /// with a `template_row` finding; a row answered `不适用` (`/`, `-`) in its name and
    /// every value is kept as the declaration's not-applicable 二级 (`not_applicable_row`).
    /// Neither is an indicator: no weight, no target, no open points.
    fn template_row(&mut self, slot: Slot, a: &Assigned<'_>, row: &Row<'_>) {
        self.open_group = None;
        let values = [a.target]
            .into_iter()
            .chain(a.by_column.values().copied())
            .chain(a.stray.iter().map(|&(_, c)| c));
        let all_slots = values.into_iter().all(|v| template_slot(v).is_some());
        let name = a.name.trim();
        if slot == Slot::NotApplicable && all_slots {
            let c = &self.carried;
            let l2_text = c.l2_text.clone().filter(|_| c.l2.is_none());
            let answer = crate::model::NotApplicable {
                level1: c.l1.or_else(|| c.l2.map(Level2::natural_parent)),
                level2: c.l2,
                level2_text: l2_text,
            };
            let level = answer
                .level2
                .map(|l| l.as_str().to_owned())
                .or_else(|| answer.level2_text.clone())
                .unwrap_or_default();
            self.decl.not_applicable.push(answer);
            self.finding(
                "not_applicable_row",
                Severity::Info,
                row,
                format!("二级指标“{level}”填写为“{name}”（不适用），不作为指标"),
                format!("二级 `{level}` is answered `{name}` (not applicable); no indicator"),
            );
        } else {
            self.finding(
                "template_row",
                Severity::Info,
                row,
                format!("“{name}”是未填写的模板行，不作为指标"),
                format!("`{name}` is a template row left unfilled; no indicator"),
            );
        }
    }

    /// Reports the open group row, if no indicator followed it.
    pub(super) fn empty_group_check(&mut self) {
        if let Some((line, _)) = self.open_group.take() {
            let f = crate::Finding::new(
                "row_without_indicator",
                Severity::Info,
                "此行只有一级/二级指标，其下没有三级指标",
                "this row holds level labels but no 三级 indicator follows under it",
            )
            .at(&Source::at(self.file, line));
            self.findings.push(f);
        }
    }

    fn assign_levels(&mut self, cols: &Columns, levels: &[(usize, &str)], row: &Row<'_>) {
        let (first, second) = match levels {
            [] => (None, None),
            [(p, t)] => {
                let as1 = Level1::parse(t).is_some();
                let as2 = Level2::parse(t).is_some();
                let is_l2 = match (as1, as2) {
                    (true, false) => false,
                    (false, true) => true,
                    _ => Some(*p) == cols.l2 || cols.l1.is_some_and(|c| *p > c),
                };
                if is_l2 {
                    (None, Some(*t))
                } else {
                    (Some(*t), None)
                }
            }
            [(_, a), (_, b), ..] => (Some(*a), Some(*b)),
        };
        self.carried.l1_written = false;
        self.carried.l2_written = false;
        let first = match first.map(|t| (t, points_only(t))) {
            // A 一级 cell holding only its points (`(50分)`): the level is the one the
            // 二级 belongs to, and the points are that level's.
            Some((_, Some(points))) => {
                self.carried = Carried {
                    l1_points: Some(points),
                    ..Carried::default()
                };
                None
            }
            Some((t, None)) => Some(t),
            None => None,
        };
        if let Some(text) = first {
            self.carried.l1_points = None;
            let (base, points) = strip_points_suffix(text);
            let level = Level1::parse(text);
            self.carried.l1 = level;
            self.carried.l1_written = true;
            self.carried.l1_text = match level {
                Some(l) => differs(base, l.as_str()).then(|| base.to_owned()),
                None => Some(text.to_owned()),
            };
            match (level, points.map(|p| p.parse::<Decimal>())) {
                (Some(l), Some(Ok(p))) => {
                    self.decl.level_points.insert(l.as_str().to_owned(), p);
                }
                (None, _) => self.finding(
                    "unknown_level1",
                    Severity::Warning,
                    row,
                    format!("一级指标“{text}”不是已知类别，已保留原文"),
                    format!("一级 label `{text}` is not a known category; the text is kept"),
                ),
                _ => {}
            }
            // A new 一级 starts a new group: the 二级 above does not carry into it.
            self.carried.l2 = None;
            self.carried.l2_text = None;
        }
        if let Some(text) = second {
            let (base, points) = strip_points_suffix(text);
            let level = Level2::parse(text);
            self.carried.l2 = level;
            self.carried.l2_written = true;
            self.carried.l2_text = match level {
                Some(l) if points.is_none() => differs(base, l.as_str()).then(|| text.to_owned()),
                _ => Some(text.to_owned()),
            };
            if level.is_none() {
                self.finding(
                    "unknown_level2",
                    Severity::Warning,
                    row,
                    format!("二级指标“{text}”不是已知类别，已保留原文"),
                    format!("二级 label `{text}` is not a known category; the text is kept"),
                );
            }
        }
    }

    fn build(&mut self, cols: &Columns, a: &Assigned<'_>, row: &Row<'_>) -> RowRead {
        let mut c = self.carried.clone();
        // No 一级 written (an empty column, a merged cell lost, a cell with only its
        // points): the 二级 says which 一级 it belongs to.
        if let (None, None, Some(l2)) = (c.l1, &c.l1_text, c.l2) {
            let parent = l2.natural_parent();
            c.l1 = Some(parent);
            if let Some(points) = c.l1_points {
                self.decl
                    .level_points
                    .entry(parent.as_str().to_owned())
                    .or_insert(points);
            }
            self.finding(
                "level1_from_level2",
                Severity::Info,
                row,
                format!(
                    "指标“{}”没有写一级指标，按二级指标“{}”归入“{}”",
                    a.name,
                    l2.as_str(),
                    parent.as_str()
                ),
                format!(
                    "indicator `{}` has no 一级 written; its 二级 `{}` puts it under `{}`",
                    a.name,
                    l2.as_str(),
                    parent.as_str()
                ),
            );
        }
        if c.l1.is_none() && c.l1_text.is_none() {
            self.finding(
                "missing_level1",
                Severity::Warning,
                row,
                format!("指标“{}”没有一级指标", a.name),
                format!("indicator `{}` has no 一级 label", a.name),
            );
        }
        if c.l2.is_none() && c.l2_text.is_none() {
            self.finding(
                "missing_level2",
                Severity::Warning,
                row,
                format!("指标“{}”没有二级指标", a.name),
                format!("indicator `{}` has no 二级 label", a.name),
            );
        }
        if a.target.is_empty() && cols.target.is_some() {
            self.finding(
                "missing_target",
                Severity::Warning,
                row,
                format!("指标“{}”没有指标值", a.name),
                format!("indicator `{}` has no target value (指标值)", a.name),
            );
        }
        let sign = a.by_column.get(&cols.sign.unwrap_or(usize::MAX)).copied();
        let unit = a.by_column.get(&cols.unit.unwrap_or(usize::MAX)).copied();
        let (comparator, sign_direction) = match sign.and_then(classify_sign) {
            Some(Sign::Comparator(c)) => (Some(c), None),
            Some(Sign::Direction(d)) => (None, Some(d)),
            None => (None, None),
        };
        // An Excel date serial where a date is meant (`44,561` for a 时效 deadline, a
        // spreadsheet's cell pasted as its number) reads as the list reader reads it.
        let date_meant = means_date(c.l2 == Some(Level2::Timeliness), a.name);
        let built = build_target(a.target, unit.unwrap_or_default(), comparator, date_meant);
        if let Some(date) = built.date {
            let (zh, en) = serial_messages(a.target.trim(), date);
            self.finding("excel_date_serial", Severity::Info, row, zh, en);
        }
        let mut indicator = Indicator::new(c.l1, c.l2, a.name, built.target);
        if let Some(date) = built.date {
            indicator
                .extra
                .insert(TARGET_DATE_KEY.to_owned(), date.to_string());
        }
        indicator.direction = sign_direction;
        if let Some(u) = built.unmerged_unit {
            indicator.extra.insert("计量单位".to_owned(), u);
        }
        if let Some(s) = sign.filter(|s| classify_sign(s).is_none()) {
            indicator.extra.insert("计算符号".to_owned(), s.to_owned());
        }
        indicator.level1_text = c.l1_text;
        indicator.level2_text = c.l2_text;
        indicator.group = self.group.clone();
        indicator.source = Source::at(self.file, row.line);
        let mut evaluation = IndicatorEvaluation::default();
        let mut has_evaluation = false;
        for (&col, &cell) in &a.by_column {
            if Some(col) == cols.weight {
                indicator.weight = self.number(cell, row, "分值", &mut indicator.extra);
            } else if Some(col) == cols.actual {
                evaluation.actual = Some(cell.to_owned());
                has_evaluation = true;
            } else if Some(col) == cols.score {
                evaluation.score = self.number(cell, row, "得分", &mut indicator.extra);
                has_evaluation = true;
            } else if Some(col) == cols.deviation {
                if !is_absent(cell) {
                    evaluation.deviation = Some(cell.to_owned());
                }
                has_evaluation = true;
            } else if Some(col) == cols.direction {
                match direction(cell) {
                    Some(d) => indicator.direction = Some(d),
                    None => {
                        indicator
                            .extra
                            .insert("指标方向".to_owned(), cell.to_owned());
                    }
                }
            } else if Some(col) == cols.sign || Some(col) == cols.unit {
                // merged into the target above
            } else if let Some((_, header)) = cols.extra.iter().find(|(c, _)| *c == col) {
                indicator.extra.insert(header.clone(), cell.to_owned());
            }
        }
        for &(col, cell) in &a.stray {
            indicator
                .extra
                .insert(format!("第{}列", col + 1), cell.to_owned());
        }
        RowRead {
            indicator,
            evaluation,
            has_evaluation,
        }
    }

    fn number(
        &mut self,
        cell: &str,
        row: &Row<'_>,
        what: &str,
        extra: &mut BTreeMap<String, String>,
    ) -> Option<Decimal> {
        match parse_decimal(cell) {
            Ok(v) => v,
            Err(_) => {
                extra.insert(what.to_owned(), cell.to_owned());
                self.finding(
                    "bad_number",
                    Severity::Warning,
                    row,
                    format!("{what}“{cell}”不是数字，已原样保留"),
                    format!("{what} `{cell}` is not a number; kept verbatim in the indicator's extra fields"),
                );
                None
            }
        }
    }
}

fn direction(cell: &str) -> Option<Direction> {
    match key(cell).as_str() {
        "正向" | "正向指标" => Some(Direction::Increase),
        "反向" | "反向指标" => Some(Direction::Decrease),
        "定性" | "定性指标" => Some(Direction::Qualitative),
        _ => None,
    }
}

/// Whether the row's cells stand under their headers: the 三级 column holds a name (not
/// a level label), nothing but level labels stands left of it, and the level cells are
/// level labels, or both level cells are filled, or the target column is filled.
fn aligned(cols: &Columns, cells: &[&str], content: &[(usize, &str)]) -> bool {
    let get = |i: Option<usize>| i.and_then(|i| cells.get(i).copied()).unwrap_or_default();
    let name = get(Some(cols.name));
    // A name that is itself a level label (`时效指标`, `服务对象满意度`) hints at a row
    // shifted right, unless the row is full: a 二级 label under 二级 and a 指标值.
    let full = !get(cols.target).is_empty() && Level2::parse(get(cols.l2)).is_some();
    if name.is_empty() || (is_level(name) && !full) {
        return false;
    }
    let level_cols = [cols.l1, cols.l2];
    if content
        .iter()
        .any(|&(i, _)| i < cols.name && !level_cols.contains(&Some(i)))
    {
        return false;
    }
    let l1 = get(cols.l1);
    let l2 = get(cols.l2);
    let target_filled = !get(cols.target).is_empty();
    let both_filled = !l1.is_empty() && !l2.is_empty();
    let labels_known = [l1, l2].iter().all(|c| c.is_empty() || is_level(c));
    target_filled || both_filled || labels_known
}

/// Reads a row whose cells do not stand under their headers: leading known level labels
/// (at most two, leaving a name and a target), the name, the target, then the other
/// columns at the same offset as the target.
fn by_shape<'r>(cols: &Columns, content: &[(usize, &'r str)]) -> Assigned<'r> {
    let mut a = Assigned::default();
    // Level labels may not eat the cells the name and the target need, unless the row
    // holds nothing but level labels (a group row such as `产出指标(50分)`).
    let all_levels = content.iter().all(|(_, c)| is_level(c));
    let reserve = match (all_levels, cols.target) {
        (true, _) => 0,
        (false, Some(_)) => 2,
        (false, None) => 1,
    };
    let max_levels = content.len().saturating_sub(reserve).min(2);
    let mut rest = content.iter().copied().peekable();
    while a.levels.len() < max_levels {
        match rest.peek() {
            Some(&(i, c)) if is_level(c) => {
                a.levels.push((i, c));
                rest.next();
            }
            _ => break,
        }
    }
    let Some((name_col, name)) = rest.next() else {
        return a;
    };
    a.name = name;
    let mut offset = isize::try_from(name_col).unwrap_or_default()
        - isize::try_from(cols.name).unwrap_or_default();
    if let Some(target_col) = cols.target {
        // Columns between the name and the target (指标性质) keep their offset from the name.
        let between: Vec<usize> = cols
            .after_target()
            .filter(|&c| c > cols.name && c < target_col)
            .collect();
        while let Some(&(col, cell)) = rest.peek() {
            let mapped = isize::try_from(col)
                .ok()
                .map(|c| c - offset)
                .and_then(|c| usize::try_from(c).ok());
            match mapped {
                Some(m) if between.contains(&m) => {
                    a.by_column.insert(m, cell);
                    rest.next();
                }
                _ => break,
            }
        }
        if let Some((col, target)) = rest.next() {
            a.target = target;
            offset = isize::try_from(col).unwrap_or_default()
                - isize::try_from(target_col).unwrap_or_default();
        }
    }
    let after: Vec<usize> = cols.after_target().collect();
    for (col, cell) in rest {
        let mapped = isize::try_from(col)
            .ok()
            .map(|c| c - offset)
            .and_then(|c| usize::try_from(c).ok());
        match mapped {
            Some(m) if after.contains(&m) => {
                a.by_column.insert(m, cell);
            }
            _ => a.stray.push((col, cell)),
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick comparison of a label that is its own key gives what folding and
    /// dropping spaces give.
    #[test]
    fn differs_as_the_folded_comparison() {
        for (written, normalized) in [
            ("产出指标", "产出指标"),
            ("产出 指标", "产出指标"),
            ("产出\u{3000}指标", "产出指标"),
            ("ＡＢ", "AB"),
            ("AB", "AB"),
            ("*产出指标", "产出指标"),
            ("产出指标：", "产出指标"),
            ("项目产出", "产出指标"),
            ("", ""),
            ("\u{00A0}", ""),
        ] {
            assert_eq!(
                differs(written, normalized),
                no_spaces(&fold_width(written)) != normalized,
                "{written:?}"
            );
        }
    }
}
