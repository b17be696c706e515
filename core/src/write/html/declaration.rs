//! The 申报表 section: the form in its official layout with the review on it.

use std::fmt::Write as _;

use crate::diagnostic::{Finding, Severity};
use crate::model::{Declaration, Indicator};
use crate::review::{indicator_path, review_declaration, ReviewPolicy};
use crate::summary::{declaration_figures, share_text};

use super::{counts, esc, findings_list, note, num, project_name, text_or_dash, Note};

/// One declaration's section: the summary line, the header, the funding block with its
/// checks, the goals, and the indicator table with each finding on its row.
pub(super) fn section(
    out: &mut String,
    id: &str,
    d: &Declaration,
    year: Option<i32>,
    policy: &ReviewPolicy,
) {
    let findings = review_declaration(d, year, policy);
    let figures = declaration_figures(d, year, policy);
    let rows = rows_of(d, &findings);
    let _ = write!(
        out,
        "<section class=\"project declaration\" id=\"{id}\" data-kind=\"declaration\"><h2>{} <span class=\"meta\">绩效目标申报表</span></h2><p class=\"summary\">",
        esc(project_name(d))
    );
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    counts(
        out,
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let _ = write!(
        out,
        "<span class=\"badge\" data-figure=\"quantitative_share\">定量指标占比 {} （{} / {}）</span><span class=\"badge\">三级指标 {} 个</span></p>",
        share_text(figures.quantitative_share),
        figures.quantitative,
        figures.indicators,
        figures.indicators,
    );
    header(out, d);
    funding(out, d, &findings);
    goals(out, d);
    indicators(out, d, &findings, &rows);
    let project_level: Vec<&Finding> = findings
        .iter()
        .enumerate()
        .filter(|(k, f)| rows[*k].is_none() && !is_funding(f))
        .map(|(_, f)| f)
        .collect();
    if !project_level.is_empty() {
        out.push_str("<h3>项目审核意见 <span lang=\"en\">Findings on the project</span></h3>");
        findings_list(out, project_level.into_iter().map(Note::from));
    }
    out.push_str("</section>\n");
}

/// The indicator row each finding is about (by its path, and its line when both are
/// known), `None` for findings about the project as a whole.
fn rows_of(d: &Declaration, findings: &[Finding]) -> Vec<Option<usize>> {
    let paths: Vec<String> = d.indicators.iter().map(indicator_path).collect();
    findings
        .iter()
        .map(|f| {
            let path = f.indicator.as_deref()?;
            let same_line = |i: &Indicator| match f.line {
                Some(l) if i.source.is_known() => i.source.line == l,
                _ => true,
            };
            paths
                .iter()
                .zip(&d.indicators)
                .position(|(p, i)| p == path && same_line(i))
                .or_else(|| paths.iter().position(|p| p == path))
        })
        .collect()
}

fn is_funding(f: &Finding) -> bool {
    f.indicator.is_none() && f.code.starts_with('F')
}

fn header(out: &mut String, d: &Declaration) {
    let p = &d.project;
    let date = |v: Option<chrono::NaiveDate>| v.map_or_else(|| "—".to_owned(), |d| d.to_string());
    out.push_str("<table class=\"form header\"><tbody>");
    let _ = write!(
        out,
        "<tr><th>项目名称</th><td colspan=\"3\">{}</td></tr>",
        esc(project_name(d))
    );
    if let Some(code) = &p.code {
        let _ = write!(
            out,
            "<tr><th>项目编码</th><td colspan=\"3\">{}</td></tr>",
            esc(code)
        );
    }
    let _ = write!(
        out,
        "<tr><th>主管部门</th><td>{}</td><th>实施单位</th><td>{}</td></tr>",
        text_or_dash(p.department.as_deref()),
        text_or_dash(p.implementer.as_deref())
    );
    if p.nature.is_some() || p.category.is_some() {
        let _ = write!(
            out,
            "<tr><th>项目性质</th><td>{}</td><th>项目类别</th><td>{}</td></tr>",
            text_or_dash(p.nature.as_deref()),
            text_or_dash(p.category.as_deref())
        );
    }
    if p.start_date.is_some() || p.end_date.is_some() {
        let _ = write!(
            out,
            "<tr><th>计划开始日期</th><td>{}</td><th>计划完成日期</th><td>{}</td></tr>",
            date(p.start_date),
            date(p.end_date)
        );
    }
    for (label, value) in [
        ("政策依据", &p.policy_basis),
        ("测算依据", &p.calculation_basis),
    ] {
        if let Some(v) = value {
            let _ = write!(
                out,
                "<tr><th>{label}</th><td colspan=\"3\">{}</td></tr>",
                esc(v)
            );
        }
    }
    out.push_str("</tbody></table>");
}

/// 项目资金 as the form lays it out (project period left, the year right), then the
/// funding checks of the review (F001–F004): their findings, or a line saying they pass.
fn funding(out: &mut String, d: &Declaration, findings: &[Finding]) {
    let f = &d.funding;
    let unit = f.unit.as_str();
    let _ = write!(
        out,
        "<table class=\"form funding\"><tbody><tr><th rowspan=\"4\">项目资金（{unit}）</th><th>项目资金总额</th><td class=\"n\" data-field=\"total\">{}</td><th>年度资金申请总额</th><td class=\"n\" data-field=\"annual\">{}</td></tr>",
        num(f.total),
        num(f.annual)
    );
    let _ = write!(
        out,
        "<tr><th>其中：财政资金</th><td class=\"n\">{}</td><th>其中：当年财政拨款</th><td class=\"n\">{}</td></tr>",
        num(f.total_fiscal),
        num(f.annual_fiscal)
    );
    let _ = write!(
        out,
        "<tr><th>其他资金</th><td class=\"n\">{}</td><th>上年结转资金</th><td class=\"n\">{}</td></tr>",
        num(f.total_other),
        num(f.annual_carryover)
    );
    let _ = write!(
        out,
        "<tr><td></td><td></td><th>其他资金</th><td class=\"n\">{}</td></tr></tbody></table>",
        num(f.annual_other)
    );
    let checks: Vec<&Finding> = findings.iter().filter(|f| is_funding(f)).collect();
    out.push_str("<div class=\"check\">资金核对 <span lang=\"en\">funding checks</span>：");
    if checks.is_empty() {
        out.push_str(
            "<span class=\"badge ok\" data-check=\"funding\">✓ 合计、分项与负数核对无误（F001–F004）</span><span class=\"en\" lang=\"en\">totals equal the sum of their parts, no part exceeds its total, no negative amount</span></div>",
        );
    } else {
        out.push_str("</div>");
        findings_list(out, checks.into_iter().map(Note::from));
    }
}

fn goals(out: &mut String, d: &Declaration) {
    let g = &d.goals;
    if g.overall.is_none() && g.annual.is_none() {
        return;
    }
    out.push_str("<table class=\"form goals\"><tbody>");
    for (label, value) in [("项目总目标", &g.overall), ("年度总体目标", &g.annual)] {
        if let Some(v) = value {
            let _ = write!(out, "<tr><th>{label}</th><td>{}</td></tr>", esc(v));
        }
    }
    out.push_str("</tbody></table>");
}

/// The spans of the merged 一级 and 二级 cells: `(span1, span2)` per row, 0 where the
/// cell is covered by the one above.
pub(super) fn spans<'a>(labels: &[(&'a str, &'a str)]) -> Vec<(usize, usize)> {
    let mut out = vec![(0, 0); labels.len()];
    let mut k = 0;
    while k < labels.len() {
        let l1 = labels[k].0;
        let end1 = (k..labels.len())
            .find(|&j| labels[j].0 != l1)
            .unwrap_or(labels.len());
        out[k].0 = end1 - k;
        let mut j = k;
        while j < end1 {
            let l2 = labels[j].1;
            let end2 = (j..end1).find(|&m| labels[m].1 != l2).unwrap_or(end1);
            out[j].1 = end2 - j;
            j = end2;
        }
        k = end1;
    }
    out
}

fn indicators(out: &mut String, d: &Declaration, findings: &[Finding], rows: &[Option<usize>]) {
    let weights = d.indicators.iter().any(|i| i.weight.is_some());
    out.push_str("<table class=\"form indicators\"><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th>");
    if weights {
        out.push_str("<th class=\"n\">分值</th>");
    }
    out.push_str("<th>审核意见 <span lang=\"en\">review</span></th></tr></thead><tbody>");
    let labels: Vec<(&str, &str)> = d
        .indicators
        .iter()
        .map(|i| (i.level1_label(), i.level2_label()))
        .collect();
    let spans = spans(&labels);
    for (k, i) in d.indicators.iter().enumerate() {
        let mine: Vec<&Finding> = findings
            .iter()
            .zip(rows)
            .filter(|(_, r)| **r == Some(k))
            .map(|(f, _)| f)
            .collect();
        let worst = mine.iter().map(|f| f.severity).max();
        let class = match worst {
            Some(Severity::Error) => " class=\"error\"",
            Some(Severity::Warning) => " class=\"warning\"",
            _ => "",
        };
        let _ = write!(out, "<tr{class}>");
        let (s1, s2) = spans[k];
        if s1 > 0 {
            let _ = write!(
                out,
                "<td class=\"l\" rowspan=\"{s1}\">{}</td>",
                esc(labels[k].0)
            );
        }
        if s2 > 0 {
            let _ = write!(
                out,
                "<td class=\"l\" rowspan=\"{s2}\">{}</td>",
                esc(labels[k].1)
            );
        }
        let _ = write!(
            out,
            "<td>{}</td><td>{}</td>",
            esc(&i.name),
            esc(&i.target.text)
        );
        if weights {
            let _ = write!(out, "<td class=\"n\">{}</td>", num(i.weight));
        }
        out.push_str("<td>");
        for f in mine {
            let mut n = Note::from(f);
            n.at = None;
            note(out, &n);
        }
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table>");
}

#[cfg(test)]
mod tests {
    use super::spans;

    #[test]
    fn spans_merge_runs_of_equal_labels() {
        let labels = [
            ("产出", "数量"),
            ("产出", "数量"),
            ("产出", "质量"),
            ("效益", "质量"),
            ("效益", "社会"),
        ];
        assert_eq!(spans(&labels), vec![(3, 2), (0, 0), (0, 1), (2, 1), (0, 1)]);
    }
}
