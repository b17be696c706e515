//! Writing monitoring tables back as form text (the 项目支出绩效目标执行监控表 layout, TAB
//! separated), so that what [`super::read_monitor`] read reads back the same: the form
//! writer ([`crate::write::form::write_form`]) hands a document of monitoring tables here.

use rust_decimal::Decimal;

use crate::model::{Declaration, Document, MoneyUnit};

use super::model::{IndicatorMonitoring, MonitorBudgetRow, Monitoring};

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

/// The text of every monitoring table of `document`, one after the other.
///
/// ```
/// let text = "项目支出绩效目标执行监控表\n(2024年1-6月)\n项目名称\t示例\n";
/// let doc = jixiao::read(text.as_bytes(), &Default::default()).unwrap().document;
/// let written = jixiao::monitor::write_monitor(&doc);
/// let again = jixiao::read(written.as_bytes(), &Default::default()).unwrap().document;
/// assert_eq!(again, doc);
/// ```
pub fn write_monitor(document: &Document) -> String {
    let mut out = String::new();
    let empty = Monitoring::default();
    for declaration in &document.declarations {
        let m = declaration.monitoring.as_ref().unwrap_or(&empty);
        write_one(&mut out, declaration, m, document.year);
        out.push('\n');
    }
    out
}

fn write_one(out: &mut String, d: &Declaration, m: &Monitoring, year: Option<i32>) {
    line(out, &["项目支出绩效目标执行监控表"]);
    let period = match m.month {
        Some(month) => {
            let y = year.map_or(String::new(), |y| format!("{y}年"));
            line(out, &[&format!("({y}1-{month}月)")]);
            format!("1-{month}月")
        }
        None => "本期".to_owned(),
    };
    let p = &d.project;
    line(out, &["项目名称", &p.name]);
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for (label, value) in [
        ("项目编码", &p.code),
        ("项目性质", &p.nature),
        ("项目类别", &p.category),
        ("主管部门", &p.department),
        ("实施单位", &p.implementer),
    ] {
        if let Some(v) = value {
            pairs.push((label, v));
        }
    }
    for (label, value) in &p.extra {
        pairs.push((label, value));
    }
    for (label, value) in pairs {
        line(out, &[label, value]);
    }
    let rows = [
        ("年度资金总额", Some(&m.budget)),
        ("其中：财政拨款", m.budget_fiscal.as_ref()),
        ("上年结转资金", m.budget_carryover.as_ref()),
        ("其他资金", m.budget_other.as_ref()),
    ];
    let unit = match m.unit {
        MoneyUnit::Yuan => "项目资金(元)",
        MoneyUnit::WanYuan => "项目资金(万元)",
    };
    // The reason column only when a row states a reason, as most tables print none.
    let with_reason = rows
        .iter()
        .any(|(_, r)| r.is_some_and(|r| r.reason.is_some()));
    let executed_label = format!("{period}执行数");
    let mut header = vec![
        unit,
        "",
        "年初预算数",
        "全年预算数",
        &executed_label,
        "执行率",
        "全年预计执行数",
    ];
    if with_reason {
        header.push("偏差原因分析");
    }
    line(out, &header);
    for (label, row) in rows {
        let Some(r) = row else { continue };
        let MonitorBudgetRow {
            initial,
            adjusted,
            executed,
            rate,
            forecast,
            reason,
        } = r;
        let (initial, adjusted, executed, forecast) = (
            money(*initial),
            money(*adjusted),
            money(*executed),
            money(*forecast),
        );
        let mut cells = vec![
            "",
            label,
            &initial,
            &adjusted,
            &executed,
            rate.as_deref().unwrap_or(""),
            &forecast,
        ];
        if with_reason {
            cells.push(reason.as_deref().unwrap_or(""));
        }
        line(out, &cells);
    }
    let goal = d.goals.annual.as_deref().unwrap_or("");
    let progress = m.progress.as_deref().unwrap_or("");
    let progress_label = format!("{period}执行情况");
    let k = super::read::key(goal);
    let goal_like_a_label = super::read::is_goal_label(&k)
        || super::read::is_progress_label(&k)
        || k.contains("年度总体目标");
    if goal_like_a_label {
        // A goal that reads as a label (`预期目标`) goes under the labels, not beside them.
        line(out, &["年度总体目标", &progress_label]);
        line(out, &[goal, progress]);
    } else if !goal.is_empty() || !progress.is_empty() {
        line(out, &["年度总体目标", goal, &progress_label, progress]);
    }
    if let Some(a) = m.achievability {
        line(out, &["完成目标可能性", a.as_str()]);
    }
    if let Some(disposal) = &m.disposal {
        line(out, &["处置", disposal]);
    }
    line(
        out,
        &[
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            &format!("{period}执行情况"),
            "全年预计完成情况",
            "偏差原因分析",
            "完成目标可能性",
            "原因说明",
            "备注",
            "是否需要整改",
            "整改要求",
            "整改结果",
            "处置",
        ],
    );
    let none = IndicatorMonitoring::default();
    for (i, indicator) in d.indicators.iter().enumerate() {
        let r = m.indicators.get(i).unwrap_or(&none);
        let reasons = match (&r.reason_note, &r.reasons) {
            (Some(note), _) => note.clone(),
            (None, None) => String::new(),
            (None, Some(rs)) if rs.is_empty() => "无偏差".to_owned(),
            (None, Some(rs)) => rs.iter().map(|x| x.as_str()).collect::<Vec<_>>().join("、"),
        };
        let needs = match r.needs_rectification {
            Some(true) => "是",
            Some(false) => "否",
            None => "",
        };
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        line(
            out,
            &[
                "",
                indicator.level1_label(),
                indicator.level2_label(),
                &indicator.name,
                &indicator.target.text,
                &text(&r.actual),
                &text(&r.forecast),
                &reasons,
                r.achievability.map_or("", |a| a.as_str()),
                &text(&r.explanation),
                &text(&r.remark),
                needs,
                &text(&r.rectification_request),
                &text(&r.rectification_result),
                &text(&r.disposal),
            ],
        );
    }
}
