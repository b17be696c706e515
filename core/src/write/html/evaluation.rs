//! The 自评表 section: the scorecard beside the published figures, with the audit on it.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::audit::{audit_declaration, AuditFinding};
use crate::diagnostic::Severity;
use crate::model::{BudgetRow, Declaration};
use crate::score::{rate_percent, score_declaration, Flag, Profile, RowKind, Scorecard, Status};

use super::declaration::spans;
use super::{counts, esc, findings_list, note, num, project_name, score, text_or_dash, Note};

/// Where an audit finding is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Budget,
    Indicator(usize),
    Total,
    /// Level points, weights: below the table.
    Other,
}

/// Each finding's place: `budget`, `total`, an indicator (by name, in form order, so that
/// two indicators of one name each get their own), else below the table.
fn places(card: &Scorecard, findings: &[AuditFinding]) -> Vec<Place> {
    let mut cursor = 0usize;
    findings
        .iter()
        .map(|f| match f.where_.as_str() {
            "budget" => Place::Budget,
            "total" => Place::Total,
            name => {
                let found = (cursor..card.indicators.len())
                    .find(|&k| card.indicators[k].name == name)
                    .or_else(|| card.indicators.iter().position(|i| i.name == name));
                match found {
                    Some(k) => {
                        cursor = k;
                        Place::Indicator(k)
                    }
                    None => Place::Other,
                }
            }
        })
        .collect()
}

/// One self-evaluation's section: the summary line (audit counts, computed and published
/// totals, the grade), the header, the published funding matrix beside the computed
/// budget score, the goals, the scorecard table and the level chart.
pub(super) fn section(out: &mut String, id: &str, d: &Declaration, profile: &Profile) {
    let card = score_declaration(d, profile);
    let audit = audit_declaration(d, profile);
    let _ = write!(
        out,
        "<section class=\"project evaluation\" id=\"{id}\" data-kind=\"evaluation\"><h2>{} <span class=\"meta\">绩效自评表</span></h2><p class=\"summary\">",
        esc(project_name(d))
    );
    let count = |s: Severity| audit.findings.iter().filter(|f| f.severity == s).count();
    counts(
        out,
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    totals_badges(out, d, &card);
    out.push_str("</p>");
    let p = &d.project;
    let _ = write!(
        out,
        "<table class=\"form header\"><tbody><tr><th>项目名称</th><td colspan=\"3\">{}</td></tr><tr><th>主管部门</th><td>{}</td><th>实施单位</th><td>{}</td></tr></tbody></table>",
        esc(project_name(d)),
        text_or_dash(p.department.as_deref()),
        text_or_dash(p.implementer.as_deref())
    );
    budget_matrix(out, d, &card);
    if let Some(e) = &d.evaluation {
        if d.goals.annual.is_some() || e.goal_achieved.is_some() {
            let _ = write!(
                out,
                "<table class=\"form goals\"><thead><tr><th>预期目标</th><th>实际完成情况</th></tr></thead><tbody><tr><td>{}</td><td>{}</td></tr></tbody></table>",
                text_or_dash(d.goals.annual.as_deref()),
                text_or_dash(e.goal_achieved.as_deref())
            );
        }
    }
    scorecard_block(out, Some(d), &card, &audit.findings);
    if let Some(e) = &d.evaluation {
        for (label, value) in [
            ("偏差大或目标未完成原因分析", &e.deviation_analysis),
            ("改进措施及结果应用方案", &e.improvement),
        ] {
            if let Some(v) = value {
                let _ = write!(out, "<h3>{label}</h3><p>{}</p>", esc(v));
            }
        }
    }
    out.push_str("</section>\n");
}

fn totals_badges(out: &mut String, d: &Declaration, card: &Scorecard) {
    let _ = write!(
        out,
        "<span class=\"badge\" data-figure=\"total\">复核总分 <b>{}</b> / {}</span>",
        esc(&card.total.to_string()),
        esc(&card.max.to_string())
    );
    if let Some(total) = d.evaluation.as_ref().and_then(|e| e.total) {
        let _ = write!(
            out,
            "<span class=\"badge\" data-figure=\"published_total\">公布总分 {}</span>",
            num(Some(total))
        );
    }
    match &card.grade {
        Some(g) => {
            let _ = write!(
                out,
                "<span class=\"badge grade\" data-figure=\"grade\">等级 {}</span>",
                esc(g)
            );
        }
        None => {
            let _ = write!(
                out,
                "<span class=\"badge warning\" data-figure=\"grade\">不完整：{} 分无法评分，不定等级 <span lang=\"en\">incomplete</span></span>",
                num(Some(card.open))
            );
        }
    }
    if let Some(g) = d.evaluation.as_ref().and_then(|e| e.grade.as_deref()) {
        let _ = write!(
            out,
            "<span class=\"badge\" data-figure=\"published_grade\">公布等级 {}</span>",
            esc(g)
        );
    }
    let _ = write!(
        out,
        "<span class=\"badge\">评分口径 {}</span>",
        esc(&card.profile)
    );
}

/// The published 项目资金 matrix of the 自评表 (年初预算数, 全年预算数, 全年执行数, 分值,
/// 执行率, 得分), with the recomputed 执行率 and 得分 of the 年度资金总额 row beside them.
fn budget_matrix(out: &mut String, d: &Declaration, card: &Scorecard) {
    let Some(e) = &d.evaluation else { return };
    let _ = write!(
        out,
        "<table class=\"form budget\"><thead><tr><th>项目资金（{}）</th><th class=\"n\">年初预算数</th><th class=\"n\">全年预算数</th><th class=\"n\">全年执行数</th><th class=\"n\">分值</th><th class=\"n\">执行率</th><th class=\"n\">得分</th><th class=\"n\">复核执行率</th><th class=\"n\">复核得分</th></tr></thead><tbody>",
        e.unit.as_str()
    );
    let row = |out: &mut String, label: &str, r: &BudgetRow, computed: Option<(String, String)>| {
        let (rate, points) = computed.unwrap_or_default();
        let _ = write!(
            out,
            "<tr><th>{label}</th><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{rate}</td><td class=\"n\">{points}</td></tr>",
            num(r.initial),
            num(r.adjusted),
            num(r.executed),
            num(r.weight),
            text_or_dash(r.rate.as_deref()),
            num(r.score),
        );
    };
    let b = &card.budget;
    let computed = (
        b.rate.map_or_else(|| "—".to_owned(), rate_percent),
        score(b.score),
    );
    row(out, "年度资金总额", &e.budget, Some(computed));
    for (label, r) in [
        ("其中：当年财政拨款", &e.budget_fiscal),
        ("上年结转资金", &e.budget_carryover),
        ("其他资金", &e.budget_other),
    ] {
        if let Some(r) = r {
            row(out, label, r, None);
        }
    }
    out.push_str("</tbody></table>");
}

fn status_cell(s: Status) -> String {
    format!(
        "<td class=\"status {}\" data-status=\"{}\">{}</td>",
        s.as_str(),
        s.as_str(),
        s.label()
    )
}

fn explanation(
    out: &mut String,
    explanation: &str,
    rule: &str,
    reason: Option<&str>,
    flags: &[Flag],
) {
    let _ = write!(
        out,
        "<details><summary>计分依据 <span lang=\"en\">how</span></summary><p>{}</p>",
        esc(explanation)
    );
    if let Some(r) = reason {
        let _ = write!(out, "<p>无法评分：{}</p>", esc(r));
    }
    let _ = write!(out, "<p class=\"rule\">规则：{}</p>", esc(rule));
    for f in flags {
        let _ = write!(
            out,
            "<p class=\"rule\" data-flag=\"{}\">⚑ {}<span class=\"en\" lang=\"en\">{}</span></p>",
            esc(&f.code),
            esc(&f.message),
            esc(&f.message_en)
        );
    }
    out.push_str("</details>");
}

fn row_class(findings: &[&AuditFinding]) -> &'static str {
    match findings.iter().map(|f| f.severity).max() {
        Some(Severity::Error) => " class=\"error\"",
        Some(Severity::Warning) => " class=\"warning\"",
        _ => "",
    }
}

fn audit_notes(out: &mut String, findings: &[&AuditFinding]) {
    for f in findings {
        note(out, &Note::from(*f));
    }
}

/// The scorecard table of a 自评表 (the budget row first, each 三级指标 with its published
/// and computed score, status and explanation, the 总分 row last), the audit findings on
/// the rows they concern, then the chart of the points per level and what the audit found
/// about weights and level points.
pub(super) fn scorecard_block(
    out: &mut String,
    d: Option<&Declaration>,
    card: &Scorecard,
    findings: &[AuditFinding],
) {
    let places = places(card, findings);
    let at = |p: Place| -> Vec<&AuditFinding> {
        findings
            .iter()
            .zip(&places)
            .filter(|(_, q)| **q == p)
            .map(|(f, _)| f)
            .collect()
    };
    out.push_str("<table class=\"form scorecard\"><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th class=\"n\">分值</th><th class=\"n\">公布得分</th><th class=\"n\">复核得分</th><th>状态</th><th>说明与复核意见 <span lang=\"en\">explanation, audit</span></th></tr></thead><tbody>");
    let labels: Vec<(&str, &str)> = card
        .rows()
        .filter(|r| r.kind == RowKind::Indicator)
        .map(|r| (r.level1, r.level2))
        .collect();
    let spans = spans(&labels);
    let mut k = 0;
    for row in card.rows() {
        if let Some(b) = row.budget {
            let mine = at(Place::Budget);
            let _ = write!(
                out,
                "<tr{} data-row=\"budget\"><td class=\"l\" colspan=\"3\">预算执行率</td><td>全年预算数 {}</td><td>全年执行数 {}（{}）</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>{}<td>",
                row_class(&mine),
                num(b.adjusted),
                num(b.executed),
                b.rate.map_or_else(|| "—".to_owned(), rate_percent),
                score(row.weight),
                num(row.published),
                score(row.score),
                status_cell(row.status),
            );
            audit_notes(out, &mine);
        } else {
            let mine = at(Place::Indicator(k));
            let _ = write!(out, "<tr{} data-row=\"indicator\">", row_class(&mine));
            let (s1, s2) = spans.get(k).copied().unwrap_or_default();
            k += 1;
            if s1 > 0 {
                let _ = write!(
                    out,
                    "<td class=\"l\" rowspan=\"{s1}\">{}</td>",
                    esc(row.level1)
                );
            }
            if s2 > 0 {
                let _ = write!(
                    out,
                    "<td class=\"l\" rowspan=\"{s2}\">{}</td>",
                    esc(row.level2)
                );
            }
            let _ = write!(
                out,
                "<td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>{}<td>",
                esc(row.name),
                esc(row.target.unwrap_or("")),
                text_or_dash(row.actual),
                score(row.weight),
                num(row.published),
                score(row.score),
                status_cell(row.status),
            );
            audit_notes(out, &mine);
            if let Some(dev) = row.deviation.filter(|t| !t.trim().is_empty()) {
                let _ = write!(out, "<p class=\"rule\">偏差原因：{}</p>", esc(dev));
            }
        }
        explanation(out, row.explanation, row.rule, row.reason, row.flags);
        out.push_str("</td></tr>");
    }
    let mine = at(Place::Total);
    let published = d.and_then(|d| d.evaluation.as_ref());
    let _ = write!(
        out,
        "<tr class=\"total{}\" data-row=\"total\"><td colspan=\"5\">总分</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\" data-figure=\"computed_total\">{}</td><td data-figure=\"computed_grade\">{}</td><td>",
        match mine.iter().map(|f| f.severity).max() {
            Some(Severity::Error) => " error",
            Some(Severity::Warning) => " warning",
            _ => "",
        },
        esc(&card.max.to_string()),
        num(published.and_then(|e| e.total)),
        esc(&card.total.to_string()),
        card.grade.as_deref().map_or_else(|| "—".to_owned(), esc),
    );
    audit_notes(out, &mine);
    out.push_str("</td></tr></tbody></table>");
    out.push_str("<div class=\"grid\"><div>");
    out.push_str(&level_chart(card));
    out.push_str("</div><div>");
    let rest = at(Place::Other);
    if !rest.is_empty() {
        out.push_str("<h3>复核意见：分值与权重 <span lang=\"en\">points and weights</span></h3>");
        findings_list(out, rest.into_iter().map(Note::from));
    }
    if !card.flags.is_empty() {
        out.push_str(
            "<h3>计分提示 <span lang=\"en\">scoring notes</span></h3><div class=\"findings\">",
        );
        for f in &card.flags {
            let _ = write!(
                out,
                "<div class=\"f info\" data-flag=\"{}\">{}<span class=\"en\" lang=\"en\">{}</span></div>",
                esc(&f.code),
                esc(&f.message),
                esc(&f.message_en)
            );
        }
        out.push_str("</div>");
    }
    if findings.is_empty() && d.is_some() {
        out.push_str("<p><span class=\"badge ok\" data-check=\"audit\">✓ 复核无差异</span><span class=\"en\" lang=\"en\">the published figures agree with the recomputed ones</span></p>");
    }
    out.push_str("</div></div>");
}

/// The points per level (预算执行 first, then each 一级) as a horizontal bar chart: a grey
/// bar for the points available, a blue one for the points scored, lengths to one scale.
pub(super) fn level_chart(card: &Scorecard) -> String {
    let mut bars: Vec<(&str, Decimal, Decimal)> = vec![(
        "预算执行",
        card.budget.max,
        card.budget.score.unwrap_or_default(),
    )];
    bars.extend(
        card.levels
            .iter()
            .map(|l| (l.name.as_str(), l.max, l.score)),
    );
    let labels: Vec<String> = bars.iter().map(|b| b.0.to_owned()).collect();
    let values: Vec<(Decimal, Decimal, String)> = bars
        .iter()
        .map(|(_, max, got)| (*max, *got, format!("{got} / {max}")))
        .collect();
    super::rollup::bar_chart("各级指标得分 (points per level)", &labels, &values)
}
