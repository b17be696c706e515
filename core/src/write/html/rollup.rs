//! The roll-up page (汇总报告) of many documents, and the SVG bar chart every page uses.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::audit::audit_declaration;
use crate::diagnostic::Severity;
use crate::model::Document;
use crate::review::{review_declaration, rules};
use crate::summary::{declaration_figures, money_text, share_text, summarize_scored, Figures};

use super::{counts, esc, page, project_name, section, severity_label, HtmlOptions};

/// What one project's row of the roll-up shows.
struct Row {
    anchor: String,
    name: String,
    evaluation: bool,
    department: Option<String>,
    implementer: Option<String>,
    figures: Figures,
    /// The findings its section shows: the review of a 申报表, the audit of a 自评表.
    findings: Vec<(String, Severity, String)>,
    total: Option<Decimal>,
    grade: Option<String>,
}

/// The roll-up page of `documents` (汇总): the figures of everything together (projects,
/// indicators, quantitative share, findings), funding by source, the grade distribution
/// (chart), findings by code, a table of every project linking to its section, then each
/// project's section as [`document_html`](super::document_html) shows it.
pub fn rollup_html(documents: &[Document], options: &HtmlOptions) -> String {
    let summary = summarize_scored(documents, &options.policy, &options.profile);
    let mut rows = Vec::new();
    let mut sections = String::new();
    for (n, doc) in documents.iter().enumerate() {
        for (k, d) in doc.declarations.iter().enumerate() {
            let anchor = format!("d{n}p{k}");
            section(&mut sections, &anchor, d, doc.year, options);
            let (findings, total, grade) = if d.evaluation.is_some() {
                let audit = audit_declaration(d, &options.profile);
                let card = crate::score::score_declaration(d, &options.profile);
                let f = audit
                    .findings
                    .into_iter()
                    .map(|f| (f.code, f.severity, f.message))
                    .collect();
                (f, Some(card.total), card.grade)
            } else {
                let f = review_declaration(d, doc.year, &options.policy)
                    .into_iter()
                    .map(|f| (f.code, f.severity, f.message))
                    .collect();
                (f, None, None)
            };
            rows.push(Row {
                anchor,
                name: project_name(d).to_owned(),
                evaluation: d.evaluation.is_some(),
                department: d.project.department.clone(),
                implementer: d.project.implementer.clone(),
                figures: declaration_figures(d, doc.year, &options.policy),
                findings,
                total,
                grade,
            });
        }
    }
    let f = &summary.figures;
    let mut body = String::new();
    let _ = write!(
        body,
        "<header class=\"top\"><h1>绩效目标与自评汇总报告</h1><p class=\"meta\">{} 份文件 · {} 个项目（申报表 {}，自评表 {}）· 审核口径 {} · 评分口径 {}</p><p class=\"summary\">",
        documents.len(),
        rows.len(),
        rows.iter().filter(|r| !r.evaluation).count(),
        rows.iter().filter(|r| r.evaluation).count(),
        esc(options.policy.framework.as_str()),
        esc(&options.profile.name),
    );
    let all: Vec<&(String, Severity, String)> = rows.iter().flat_map(|r| &r.findings).collect();
    let count = |s: Severity| all.iter().filter(|f| f.1 == s).count();
    counts(
        &mut body,
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let _ = write!(
        body,
        "<span class=\"badge\" data-figure=\"projects\">项目 {}</span><span class=\"badge\">三级指标 {}</span><span class=\"badge\" data-figure=\"quantitative_share\">定量指标占比 {}</span>",
        f.projects,
        f.indicators,
        share_text(f.quantitative_share)
    );
    if let Some(s) = &f.scores {
        let _ = write!(
            body,
            "<span class=\"badge\" data-figure=\"mean\">自评 {} 个，平均分 {}</span>",
            s.evaluated,
            s.mean.map_or_else(|| "—".to_owned(), |m| m.to_string())
        );
    }
    body.push_str("</p></header>");
    funding(&mut body, f);
    grades(&mut body, f, options);
    by_code(&mut body, &all);
    projects(&mut body, &rows);
    body.push_str(&sections);
    page("绩效目标与自评汇总报告", &body)
}

fn funding(out: &mut String, f: &Figures) {
    let t = &f.funding;
    let m = |v: Option<Decimal>| money_text(v);
    out.push_str(
        "<h2>资金来源 <span lang=\"en\">funding by source</span></h2><div class=\"grid\"><div>",
    );
    let _ = write!(
        out,
        "<table class=\"funding-totals\"><thead><tr><th>项目资金（元）</th><th class=\"n\">金额</th></tr></thead><tbody><tr><th>年度资金申请总额</th><td class=\"n\" data-figure=\"annual\">{}</td></tr><tr><th>其中：当年财政拨款</th><td class=\"n\">{}</td></tr><tr><th>上年结转资金</th><td class=\"n\">{}</td></tr><tr><th>其他资金</th><td class=\"n\">{}</td></tr><tr><th>项目资金总额</th><td class=\"n\">{}</td></tr><tr><th>其中：财政资金</th><td class=\"n\">{}</td></tr><tr><th>其他资金</th><td class=\"n\">{}</td></tr></tbody></table>",
        m(t.annual),
        m(t.annual_fiscal),
        m(t.annual_carryover),
        m(t.annual_other),
        m(t.total),
        m(t.total_fiscal),
        m(t.total_other),
    );
    if t.annual_missing > 0 {
        let _ = write!(
            out,
            "<p class=\"meta\">{} 个项目未填年度资金申请总额</p>",
            t.annual_missing
        );
    }
    out.push_str("</div><div>");
    if let Some(annual) = t.annual.filter(|a| *a > Decimal::ZERO) {
        let parts = [
            ("当年财政拨款", t.annual_fiscal),
            ("上年结转资金", t.annual_carryover),
            ("其他资金", t.annual_other),
        ];
        let labels: Vec<String> = parts.iter().map(|p| p.0.to_owned()).collect();
        let values: Vec<(Decimal, Decimal, String)> = parts
            .iter()
            .map(|(_, v)| {
                let v = v.unwrap_or_default();
                (annual, v, format!("{} 元", money_text(Some(v))))
            })
            .collect();
        out.push_str(&bar_chart(
            "年度资金来源 (annual funding by source)",
            &labels,
            &values,
        ));
    }
    out.push_str("</div></div>");
}

fn grades(out: &mut String, f: &Figures, options: &HtmlOptions) {
    let Some(s) = &f.scores else { return };
    out.push_str("<h2>自评等级分布 <span lang=\"en\">grades</span></h2><div class=\"grid\"><div>");
    // the profile's grades in band order, then any other grade met
    let mut order: Vec<String> = options
        .profile
        .grades
        .iter()
        .map(|g| g.grade.clone())
        .collect();
    for g in s.grades.keys() {
        if !order.contains(g) {
            order.push(g.clone());
        }
    }
    let most = s.grades.values().copied().max().unwrap_or(0).max(1);
    let values: Vec<(Decimal, Decimal, String)> = order
        .iter()
        .map(|g| {
            let n = s.grades.get(g).copied().unwrap_or(0);
            (Decimal::from(most), Decimal::from(n), format!("{n} 个"))
        })
        .collect();
    out.push_str(&bar_chart("等级 (grade distribution)", &order, &values));
    let _ = write!(
        out,
        "<p class=\"meta\">完整 {}，不完整（不定等级）{}；最低 {}，最高 {}</p></div><div>",
        s.complete,
        s.incomplete,
        s.min.map_or_else(|| "—".to_owned(), |m| m.to_string()),
        s.max.map_or_else(|| "—".to_owned(), |m| m.to_string()),
    );
    let bands: Vec<String> = s.distribution.keys().rev().cloned().collect();
    let most = s.distribution.values().copied().max().unwrap_or(0).max(1);
    let values: Vec<(Decimal, Decimal, String)> = bands
        .iter()
        .map(|b| {
            let n = s.distribution.get(b).copied().unwrap_or(0);
            (Decimal::from(most), Decimal::from(n), format!("{n} 个"))
        })
        .collect();
    out.push_str(&bar_chart("得分分布 (score bands)", &bands, &values));
    out.push_str("</div></div>");
}

fn by_code(out: &mut String, all: &[&(String, Severity, String)]) {
    let mut codes: BTreeMap<&str, (Severity, usize, &str)> = BTreeMap::new();
    for (code, severity, message) in all {
        let e = codes.entry(code).or_insert((*severity, 0, message));
        e.1 += 1;
    }
    out.push_str("<h2>问题分类 <span lang=\"en\">findings by code</span></h2>");
    if codes.is_empty() {
        out.push_str("<p><span class=\"badge ok\">✓ 未发现问题</span></p>");
        return;
    }
    out.push_str("<table class=\"by-code\"><thead><tr><th>代码</th><th>级别</th><th>规则 / 示例</th><th class=\"n\">次数</th></tr></thead><tbody>");
    for (code, (severity, n, example)) in codes {
        let titles = rules()
            .iter()
            .find(|r| r.code == code)
            .map(|r| (r.title, r.title_en))
            .or_else(|| crate::codes::lookup(code).map(|c| (c.title, c.title_en)));
        let title = titles
            .map(|(zh, en)| {
                format!(
                    "{}<span class=\"en\" lang=\"en\">{}</span>",
                    esc(zh),
                    esc(en)
                )
            })
            .unwrap_or_else(|| esc(example));
        let _ = write!(
            out,
            "<tr class=\"{}\" data-code=\"{}\"><td class=\"code\">{}</td><td class=\"sev\">{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            severity.as_str(),
            esc(code),
            esc(code),
            severity_label(severity),
            title,
            n
        );
    }
    out.push_str("</tbody></table>");
}

fn projects(out: &mut String, rows: &[Row]) {
    out.push_str("<h2>项目一览 <span lang=\"en\">projects</span></h2><table class=\"projects\"><thead><tr><th class=\"n\">序号</th><th>项目名称</th><th>类型</th><th>主管部门</th><th>实施单位</th><th class=\"n\">年度资金（元）</th><th class=\"n\">指标</th><th class=\"n\">定量占比</th><th class=\"n\">错误</th><th class=\"n\">警告</th><th class=\"n\">复核总分</th><th>等级</th></tr></thead><tbody>");
    for (k, r) in rows.iter().enumerate() {
        let n = |s: Severity| r.findings.iter().filter(|f| f.1 == s).count();
        let _ = write!(
            out,
            "<tr><td class=\"n\">{}</td><td><a href=\"#{}\">{}</a></td><td class=\"kind\">{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            k + 1,
            r.anchor,
            esc(&r.name),
            if r.evaluation { "自评表" } else { "申报表" },
            super::text_or_dash(r.department.as_deref()),
            super::text_or_dash(r.implementer.as_deref()),
            money_text(r.figures.funding.annual),
            r.figures.indicators,
            share_text(r.figures.quantitative_share),
            n(Severity::Error),
            n(Severity::Warning),
            r.total.map_or_else(|| "—".to_owned(), |t| t.to_string()),
            r.grade.as_deref().map_or_else(|| "—".to_owned(), esc),
        );
    }
    out.push_str("</tbody></table>");
}

/// A horizontal bar chart as inline SVG: per label, a grey bar for `back` and a blue bar
/// for `front` on one scale (the largest `back` or `front` fills the width), and the
/// `text` after the bars. Lengths are computed in decimals, to one decimal of a pixel.
pub(super) fn bar_chart(
    title: &str,
    labels: &[String],
    values: &[(Decimal, Decimal, String)],
) -> String {
    const LABEL: i64 = 120;
    const WIDTH: i64 = 260;
    const ROW: i64 = 24;
    let scale = values
        .iter()
        .flat_map(|(b, f, _)| [*b, *f])
        .max()
        .filter(|m| *m > Decimal::ZERO)
        .unwrap_or(Decimal::ONE);
    // v ≤ scale, so v / scale ≤ 1 and nothing overflows, whatever the figures
    let len = |v: Decimal| {
        v.max(Decimal::ZERO)
            .checked_div(scale)
            .unwrap_or(Decimal::ZERO)
            .min(Decimal::ONE)
            .saturating_mul(Decimal::from(WIDTH))
            .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
            .normalize()
    };
    let height = ROW * i64::try_from(labels.len()).unwrap_or(0) + 28;
    let total_width = LABEL + WIDTH + 130;
    let mut out = String::new();
    let _ = write!(
        out,
        "<figure class=\"chart\"><svg viewBox=\"0 0 {total_width} {height}\" width=\"{total_width}\" height=\"{height}\" role=\"img\" aria-label=\"{t}\"><title>{t}</title><text x=\"0\" y=\"14\" font-weight=\"600\">{t}</text>",
        t = esc(title)
    );
    for (k, (label, (back, front, text))) in labels.iter().zip(values).enumerate() {
        let y = 24 + ROW * i64::try_from(k).unwrap_or(0);
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{}\">{}</text><rect x=\"{LABEL}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#dde3ea\"/><rect x=\"{LABEL}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#2b5d8a\"/><text x=\"{}\" y=\"{}\">{}</text>",
            y + 13,
            esc(label),
            y,
            len(*back),
            y,
            len(*front),
            LABEL + WIDTH + 8,
            y + 13,
            esc(text),
        );
    }
    out.push_str("</svg></figure>");
    out
}
