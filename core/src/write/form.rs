//! The form layout writer: each declaration as a TAB-separated 《财政项目支出绩效目标申报表》,
//! or as a 《财政项目支出绩效自评表》 when it carries an evaluation. The form reader reads
//! the text back to an equal model.
//!
//! Cells cannot hold TABs or line breaks in this layout: they are written as spaces.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::model::{
    BudgetRow, Declaration, Direction, Document, Evaluation, Goals, Indicator, MoneyUnit,
};
use crate::read::list::cells::group_text;
use crate::taxonomy::{Level1, Level2};
use crate::value::parse_target;

/// Writes every declaration as a TAB-separated 申报表 (or 自评表) the form reader reads back.
///
/// ```
/// use jixiao::read::{form::read_form, ReadOptions};
/// use jixiao::write::form::write_form;
/// let text = "财政项目支出绩效目标申报表\n项目名称\t示例项目\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人数\t≥17(人)\n";
/// let (doc, _) = read_form(text, &ReadOptions::default()).unwrap();
/// let (again, _) = read_form(&write_form(&doc), &ReadOptions::default()).unwrap();
/// assert_eq!(doc, again);
/// ```
pub fn write_form(document: &Document) -> String {
    // A document of monitoring tables (执行监控表) is written in their own layout.
    if !document.declarations.is_empty()
        && document.declarations.iter().all(|d| d.monitoring.is_some())
    {
        return crate::monitor::write_monitor(document);
    }
    let mut out = String::new();
    if let Some(title) = &document.title {
        let title = cell(title);
        if crate::read::form::title_reads_alone(&title) {
            line(&mut out, &[&title]);
        } else {
            // `6;||;…` alone would read as a Markdown row, `a  b` as two cells: a TAB
            // after it makes the line one cell.
            line(&mut out, &[&title, ""]);
        }
        out.push('\n');
    }
    for declaration in &document.declarations {
        write_declaration(&mut out, declaration, document.year);
        out.push('\n');
    }
    out
}

/// One cell: TABs and line breaks become spaces.
fn cell(text: &str) -> String {
    text.replace(['\t', '\r', '\n'], " ")
}

fn line(out: &mut String, cells: &[&str]) {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    out.push_str(&cells.join("\t"));
    out.push('\n');
}

fn money(value: Option<Decimal>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn date(value: Option<chrono::NaiveDate>) -> String {
    value
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn write_declaration(out: &mut String, d: &Declaration, year: Option<i32>) {
    let evaluation = d.evaluation.as_ref();
    line(
        out,
        &[if evaluation.is_some() {
            "财政项目支出绩效自评表"
        } else {
            "财政项目支出绩效目标申报表"
        }],
    );
    if let Some(y) = year {
        // Four digits, as the reader takes a year line (`(0057年度)` read is 57).
        line(out, &[&format!("({y:04}年度)")]);
    }
    write_header(out, d);
    if d.funding != crate::model::Funding::default() || evaluation.is_none() {
        write_funding(out, d);
    }
    if let Some(e) = evaluation {
        write_matrix(out, e);
    }
    write_goals(out, d);
    write_table(out, d);
}

fn write_header(out: &mut String, d: &Declaration) {
    let p = &d.project;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut first = vec!["项目名称".to_owned(), p.name.clone()];
    if let Some(code) = &p.code {
        first.push("项目编码".to_owned());
        first.push(code.clone());
    }
    let first: Vec<&str> = first.iter().map(String::as_str).collect();
    line(out, &first);
    line(
        out,
        &["项目性质", &opt(&p.nature), "项目类别", &opt(&p.category)],
    );
    line(
        out,
        &[
            "主管部门",
            &opt(&p.department),
            "实施单位",
            &opt(&p.implementer),
        ],
    );
    // Extra fields (unknown labels kept from the form read) go one to a line, unless
    // such a line would read as something else (`实际完成情况` with nothing beside it is
    // a goal label row, `年度` a year line): those follow the dates on their line, where
    // they read as label/value pairs.
    let start = date(p.start_date);
    let end = date(p.end_date);
    let mut dates: Vec<&str> = vec!["计划开始日期", &start, "计划完成日期", &end];
    // A value that is itself a label (`说明` = `计划完成日期`) reads back only in the
    // `label：value` cell it came from.
    let mut own_lines: Vec<Vec<String>> = Vec::new();
    let extras: Vec<(String, String)> = p.extra.iter().map(|(k, v)| (cell(k), cell(v))).collect();
    for (label, value) in &extras {
        let pair = [label.as_str(), value.as_str()];
        let joined = format!("{label}：{value}");
        if crate::read::form::reads_as_extra(&pair, label, value) {
            own_lines.push(vec![label.clone(), value.clone()]);
        } else if !value.is_empty()
            && crate::read::form::reads_as_extra(&[joined.as_str()], label, value)
        {
            own_lines.push(vec![joined]);
        } else {
            dates.extend(pair);
        }
    }
    line(out, &dates);
    for cells in &own_lines {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        line(out, &cells);
    }
}

fn unit_label(unit: MoneyUnit) -> String {
    format!("项目资金 ({})", unit.as_str())
}

fn write_funding(out: &mut String, d: &Declaration) {
    let f = &d.funding;
    line(
        out,
        &[
            &unit_label(f.unit),
            "项目资金总额",
            &money(f.total),
            "年度资金申请总额",
            &money(f.annual),
        ],
    );
    line(
        out,
        &[
            "",
            "其中：财政资金",
            &money(f.total_fiscal),
            "其中：当年财政拨款",
            &money(f.annual_fiscal),
        ],
    );
    line(
        out,
        &["", "", "", "上年结转资金", &money(f.annual_carryover)],
    );
    line(
        out,
        &[
            "",
            "其他资金",
            &money(f.total_other),
            "其他资金",
            &money(f.annual_other),
        ],
    );
}

fn budget_line(out: &mut String, label: &str, row: &BudgetRow) {
    line(
        out,
        &[
            "",
            label,
            &money(row.initial),
            &money(row.adjusted),
            &money(row.executed),
            &money(row.weight),
            row.rate.as_deref().unwrap_or_default(),
            &money(row.score),
        ],
    );
}

fn write_matrix(out: &mut String, e: &Evaluation) {
    line(
        out,
        &[
            &unit_label(e.unit),
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
    );
    budget_line(out, "年度资金总额", &e.budget);
    let rows = [
        ("其中：当年财政拨款", &e.budget_fiscal),
        ("上年结转资金", &e.budget_carryover),
        ("其他资金", &e.budget_other),
    ];
    for (label, row) in rows {
        if let Some(row) = row {
            budget_line(out, label, row);
        }
    }
}

fn write_goals(out: &mut String, d: &Declaration) {
    let g = &d.goals;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    match &d.evaluation {
        Some(e) => {
            if let Some(overall) = &g.overall {
                let alone = Goals {
                    overall: Some(overall.clone()),
                    annual: None,
                };
                let cells = ["项目总目标", overall.as_str()];
                if crate::read::form::read_goal_rows(&cells, &[]) == (alone.clone(), None) {
                    line(out, &cells);
                } else {
                    // A text that reads as a label itself (`年度总体目标`): under its label.
                    let labels = ["项目绩效目标", "项目总目标", "", ""];
                    goal_rows(out, labels, [overall.clone(), String::new()], (alone, None));
                }
            }
            let labels = ["年度总体目标", "预期目标", "", "实际完成情况"];
            let values = [text(&g.annual), text(&e.goal_achieved)];
            let goals = Goals {
                overall: None,
                annual: g.annual.clone(),
            };
            goal_rows(out, labels, values, (goals, e.goal_achieved.clone()));
        }
        None => {
            let labels = ["项目绩效目标", "项目总目标", "", "年度总体目标"];
            let values = [text(&g.overall), text(&g.annual)];
            goal_rows(out, labels, values, (g.clone(), None));
        }
    }
}

/// The goal label row, and the row of the two goal texts under its second and fourth
/// label. When the value row would read otherwise (a text alone that reads as a form
/// title `…项目支出绩效目标申报表`, or as a goal label `年度总体目标`), it gets the section
/// label `绩效目标` in its first column, as a merged cell prints it, which makes it the
/// value row (fuzz/regressions/read_form/goal-like-a-form-title.txt,
/// goal-named-like-its-label.txt). `expected` is what the two rows must read as.
fn goal_rows(
    out: &mut String,
    labels: [&str; 4],
    values: [String; 2],
    expected: (Goals, Option<String>),
) {
    line(out, &labels);
    let mut cells = ["", &values[0], "", &values[1]];
    if crate::read::form::read_goal_rows(&labels, &cells) != expected {
        cells[0] = "绩效目标";
    }
    line(out, &cells);
}

fn write_table(out: &mut String, d: &Declaration) {
    let evaluation = d.evaluation.as_ref();
    let weights = evaluation.is_some() || d.indicators.iter().any(|i| i.weight.is_some());
    let directions = d.indicators.iter().any(|i| i.direction.is_some());
    // Targets whose comparator or unit came from columns of their own (指标性质, 计量单位).
    let split = |i: &Indicator| parse_target(&i.target.text) != i.target;
    let splits = d.indicators.iter().any(split);
    let extras: BTreeSet<&str> = d
        .indicators
        .iter()
        .flat_map(|i| i.extra.keys().map(String::as_str))
        .collect();
    let mut header = vec!["绩效指标", "一级指标", "二级指标", "三级指标"];
    header.push(if evaluation.is_some() {
        "年度指标值"
    } else {
        "年度(/项目)指标值"
    });
    if evaluation.is_some() {
        header.push("实际完成值");
    }
    if weights {
        header.push("分值");
    }
    if evaluation.is_some() {
        header.push("得分");
        header.push("偏差原因分析及改进措施");
    }
    if directions {
        header.push("指标方向");
    }
    if splits {
        header.push("计算符号");
        header.push("计量单位");
    }
    header.extend(extras.iter().copied());
    // A point group's rows under a header of their own, its block label in the first
    // column (`年度绩效目标1(40分)`), as the Hubei template prints it; rows of no group
    // under the plain section label.
    let block_label = |i: &Indicator| match &i.group {
        Some(g) => group_text(g, d.group_points.get(g).copied()),
        None => "绩效指标".to_owned(),
    };
    let first_label = d.indicators.first().map(block_label);
    if let (Some(label), Some(first)) = (&first_label, header.first_mut()) {
        *first = label;
    }
    line(out, &header);

    let mut previous: Option<(&Indicator, String)> = None;
    for (n, indicator) in d.indicators.iter().enumerate() {
        if previous
            .as_ref()
            .is_some_and(|(p, _)| p.group != indicator.group)
        {
            let label = block_label(indicator);
            let mut again = header.clone();
            if let Some(first) = again.first_mut() {
                *first = &label;
            }
            line(out, &again);
        }
        let level1 = level1_cell(d, indicator, previous.as_ref());
        let mut row = vec![
            String::new(),
            level1.clone(),
            // The 二级 label as written (`满意度指标` in the 二级 column) reads back to the
            // same level and text; the normalized label alone would lose the text.
            indicator
                .level2_text
                .clone()
                .unwrap_or_else(|| indicator.level2_label().to_owned()),
            indicator.name.clone(),
            indicator.target.text.clone(),
        ];
        if carry_levels(&row, indicator, previous.as_ref()) {
            // As a merged cell: the reader carries the levels down from the row above.
            for cell in row.iter_mut().skip(1).take(2) {
                cell.clear();
            }
        }
        let scored = evaluation.and_then(|e| e.indicators.get(n));
        if evaluation.is_some() {
            row.push(scored.and_then(|s| s.actual.clone()).unwrap_or_default());
        }
        if weights {
            row.push(money(indicator.weight));
        }
        if evaluation.is_some() {
            row.push(money(scored.and_then(|s| s.score)));
            row.push(scored.and_then(|s| s.deviation.clone()).unwrap_or_default());
        }
        if directions {
            row.push(
                match indicator.direction {
                    Some(Direction::Increase) => "正向",
                    Some(Direction::Decrease) => "反向",
                    Some(Direction::Qualitative) => "定性",
                    None => "",
                }
                .to_owned(),
            );
        }
        if splits {
            let (sign, unit) = if split(indicator) {
                let t = &indicator.target;
                (
                    t.comparator
                        .map(|c| c.symbol().to_owned())
                        .unwrap_or_default(),
                    t.unit.clone().unwrap_or_default(),
                )
            } else {
                (String::new(), String::new())
            };
            row.push(sign);
            row.push(unit);
        }
        for key in &extras {
            row.push(indicator.extra.get(*key).cloned().unwrap_or_default());
        }
        let mut cells: Vec<&str> = row.iter().map(String::as_str).collect();
        if crate::read::form::needs_section_label(&cells) {
            // A row that could read as a form title, a funding title or a footer: the
            // section label in the first column keeps it in the table
            // (fuzz/regressions/read_form/name-like-a-form-title.txt,
            // level1-named-like-the-funding-title-unknown-level2.txt).
            cells[0] = "绩效指标";
        }
        line(out, &cells);
        previous = Some((indicator, level1));
    }
    // A 二级 answered 不适用: its levels and `不适用`, as the form prints it.
    for answer in &d.not_applicable {
        let level1 = answer.level1.map(Level1::as_str).unwrap_or_default();
        let level2 = answer
            .level2
            .map(Level2::as_str)
            .map(str::to_owned)
            .or_else(|| answer.level2_text.clone())
            .unwrap_or_default();
        line(out, &["", level1, &level2, "不适用"]);
    }
    if let Some(e) = evaluation {
        if e.total.is_some() || e.total_weight.is_some() {
            // 总分 under the 分值 and 得分 columns: after 三级, 指标值 and 实际完成值.
            let mut row = vec!["总分".to_owned()];
            row.resize(6, String::new());
            row.push(money(e.total_weight));
            row.push(money(e.total));
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            line(out, &cells);
        }
        // The published grade, on a row of its own as forms print it.
        if let Some(grade) = &e.grade {
            line(out, &["自评等级", &cell(grade)]);
        }
    }
}

/// Whether a row's level cells are better left empty, carried down from the row above:
/// the reader takes a row with an empty 指标值, one level cell empty and the other no
/// known label (`\t其他资金\t\t名称\t`) for a row shifted left and reads it by its shape
/// (`其他资金` as the name). Written empty, as a merged cell, the levels carry over.
fn carry_levels(
    row: &[String],
    indicator: &Indicator,
    previous: Option<&(&Indicator, String)>,
) -> bool {
    let (l1, l2, target) = (
        row.get(1).map_or("", String::as_str),
        row.get(2).map_or("", String::as_str),
        indicator.target.text.trim(),
    );
    let known = |c: &str| c.is_empty() || Level1::parse(c).is_some() || Level2::parse(c).is_some();
    let shaped = target.is_empty() && (l1.is_empty() || l2.is_empty()) && !(known(l1) && known(l2));
    shaped
        && previous.is_some_and(|(p, _)| {
            p.level1 == indicator.level1
                && p.level1_text == indicator.level1_text
                && p.level2 == indicator.level2
                && p.level2_text == indicator.level2_text
        })
}

/// The 一级 cell: the label as written (or normalized), with the form's level points
/// (`产出指标(50分)`) on the first row of its group.
fn level1_cell(
    d: &Declaration,
    indicator: &Indicator,
    previous: Option<&(&Indicator, String)>,
) -> String {
    // The label as written when it reads back to the same level (`满意度`), as for 二级.
    let label = match (indicator.level1, indicator.level1_text.as_deref()) {
        (Some(l), Some(t)) if Level1::parse(t) == Some(l) => t.to_owned(),
        _ => indicator.level1_label().to_owned(),
    };
    let same_group = previous.is_some_and(|(p, _)| {
        p.level1 == indicator.level1 && p.level1_text == indicator.level1_text
    });
    let points = indicator
        .level1
        .and_then(|l| d.level_points.get(l.as_str()));
    match points {
        Some(points) if !same_group => {
            let mut cell = label;
            let _ = write!(cell, "({points}分)");
            cell
        }
        _ => label,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::read::{form::read_form, ReadOptions};

    fn sample() -> Document {
        let text = "财政项目支出绩效目标申报表\n项目名称\t示例项目\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人数\t≥17(人)\n";
        read_form(text, &ReadOptions::default()).unwrap().0
    }

    fn round_trip(doc: &Document) -> Document {
        read_form(&write_form(doc), &ReadOptions::default())
            .unwrap()
            .0
    }

    #[test]
    fn a_title_with_pipes_or_space_runs_reads_back() {
        // fuzz/regressions/read_form/title-with-pipes.txt
        for title in [
            "6;||;  产出指标 数量指标",
            "某局  2024年度项目自评价",
            "a | b",
        ] {
            let mut doc = sample();
            doc.title = Some(title.to_owned());
            assert_eq!(round_trip(&doc).title.as_deref(), Some(title));
        }
        // A plain title is written alone on its line, as before.
        let mut doc = sample();
        doc.title = Some("2024年度项目绩效目标汇总表".to_owned());
        assert!(write_form(&doc).starts_with("2024年度项目绩效目标汇总表\n"));
    }

    #[test]
    fn a_name_alone_that_reads_as_a_form_title_stays_in_the_table() {
        // fuzz/regressions/read_form/name-like-a-form-title.txt
        let mut doc = sample();
        let mut named = doc.declarations[0].indicators[0].clone();
        named.name = "项目支出绩效目标申报表".to_owned();
        named.level1 = None;
        named.level2 = None;
        named.target = crate::value::parse_target("");
        doc.declarations[0].indicators = vec![named];
        let written = write_form(&doc);
        assert!(
            written.contains("绩效指标\t\t\t项目支出绩效目标申报表"),
            "{written}"
        );
        assert_eq!(round_trip(&doc), doc, "{written}");
    }

    #[test]
    fn rows_that_could_leave_the_table_or_the_goals_read_back() {
        // level1-named-like-the-funding-title-unknown-level2.txt: an unknown 一级 `项目资金`
        // over an unknown 二级 read as the funding title; goal-like-a-form-title.txt: an
        // annual goal alone reading `…绩效目标申报表` started a form.
        let mut doc = sample();
        let mut funding_like = doc.declarations[0].indicators[0].clone();
        funding_like.level1 = None;
        funding_like.level1_text = Some("项目资金".to_owned());
        funding_like.level2 = None;
        funding_like.level2_text = Some("数里指标".to_owned());
        doc.declarations[0].indicators.push(funding_like);
        doc.declarations[0].goals.annual = Some("2024年度项目支出绩效目标申报表".to_owned());
        let written = write_form(&doc);
        assert_eq!(round_trip(&doc), doc, "{written}");
    }

    #[test]
    fn texts_named_like_labels_or_headers_read_back() {
        // goal-named-like-its-label.txt: an annual goal `年度总体目标` under its label row
        // read as a second label row; level1-named-like-a-table-header.txt: an unknown
        // 一级 `具体指标` (a 三级 header synonym) beside a name `…指标值` read as a header.
        let mut doc = sample();
        doc.declarations[0].goals.annual = Some("年度总体目标".to_owned());
        let mut header_like = doc.declarations[0].indicators[0].clone();
        header_like.level1 = None;
        header_like.level1_text = Some("具体指标".to_owned());
        header_like.name = "项目名/项目)指标值".to_owned();
        doc.declarations[0].indicators.insert(0, header_like);
        let written = write_form(&doc);
        assert_eq!(round_trip(&doc), doc, "{written}");
    }

    #[test]
    fn extras_named_like_form_labels_read_back_as_extras() {
        // fuzz/regressions/read_form/extra-named-like-a-label.txt, empty-extra-dropped.txt
        let mut doc = sample();
        for (k, v) in [
            ("实际完成情况", ""),
            ("年度", ""),
            ("总分", "3"),
            ("单位", "万元"),
            ("已完成结算。", ""),
            ("联系人", "张三"),
        ] {
            doc.declarations[0]
                .project
                .extra
                .insert(k.to_owned(), v.to_owned());
        }
        let back = round_trip(&doc);
        assert_eq!(back, doc);
        assert!(back.declarations[0].evaluation.is_none());
        // An extra that reads alone keeps a line of its own.
        assert!(write_form(&doc).contains("\n联系人\t张三\n"));
    }
}
