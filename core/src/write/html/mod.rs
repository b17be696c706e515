//! The HTML report (审核/复核报告): one self-contained page a reviewer at a finance bureau
//! opens, prints and forwards — no script, no font, no request: the CSS and the SVG charts
//! are inline, every text is escaped and stays text.
//!
//! Three page kinds, all built from core results only (review findings, scorecards,
//! audits, the roll-up):
//!
//! - a **declaration** (绩效目标申报表, [`declaration`]): the form in its official layout
//!   (merged 一级/二级 cells), each review finding on its row with code, severity and
//!   message, the funding block with its arithmetic checks, and a short summary on top;
//! - a **self-evaluation** (绩效自评表, [`evaluation`]): the scorecard beside the published
//!   figures, the explanation of every score in a `<details>`, the audit findings on the
//!   rows they concern, the totals per level as an SVG bar chart, and the grade;
//! - a **roll-up** (汇总, [`rollup`]) of many documents: funding by source, grade
//!   distribution, findings by code and a table of projects linking to each project's
//!   section.
//!
//! Messages are in Chinese with the English text beside them (`lang="en"`). The print
//! stylesheet lays the page out on A4 and never splits a table row.
//!
//! ```
//! let text = "财政项目支出绩效目标申报表\n项目名称\t示例<项目>\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥17(人)\n";
//! let doc = jixiao::read(text.as_bytes(), &Default::default()).unwrap().document;
//! let page = jixiao::write::html::document_html(&doc, &[], &Default::default());
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("示例&lt;项目&gt;"));
//! ```

mod declaration;
mod evaluation;
mod rollup;

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::diagnostic::{Finding, Severity};
use crate::model::{Declaration, Document};
use crate::review::ReviewPolicy;
use crate::score::{Profile, Scorecard};

pub use rollup::rollup_html;

/// What a report is computed under: the review policy (审核口径) for the findings of
/// declarations and the scoring profile (评分口径) for self-evaluations.
#[derive(Debug, Clone)]
pub struct HtmlOptions {
    /// The review policy of the target review (`any` by default).
    pub policy: ReviewPolicy,
    /// The scoring profile of the self-evaluations (`auto` by default).
    pub profile: Profile,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        HtmlOptions {
            policy: ReviewPolicy::default(),
            profile: Profile::auto(),
        }
    }
}

impl HtmlOptions {
    /// Options from the names the CLI and the bindings take: a review framework (`any`,
    /// `classic`, `mof-2021`, `shanghai-2025`) and a scoring profile (`auto`, `mof-2020`,
    /// `budget-20`, …). The error names the unknown one.
    pub fn by_names(policy: &str, profile: &str) -> Result<HtmlOptions, String> {
        Ok(HtmlOptions {
            policy: ReviewPolicy::for_profile(policy)?,
            profile: Profile::by_name(profile)?,
        })
    }
}

/// The report page of one document: a summary on top, then one section per declaration
/// (a 申报表 section, or a 自评表 section when the declaration carries a self-evaluation).
/// `diagnostics` are what the reader recovered from; they are listed on top.
pub fn document_html(
    document: &Document,
    diagnostics: &[Finding],
    options: &HtmlOptions,
) -> String {
    let title = page_title(document);
    let mut body = String::new();
    document_body(&mut body, document, diagnostics, options, None);
    page(&title, &body)
}

/// The same content as [`document_html`] as a fragment for a notebook (`_repr_html_`): one
/// `<div>` with the scoped stylesheet, at most `limit` declarations (then a note).
pub fn document_fragment(
    document: &Document,
    diagnostics: &[Finding],
    options: &HtmlOptions,
    limit: usize,
) -> String {
    let mut out = String::new();
    let _ = write!(out, "<div class=\"jx\"><style>{CSS}</style>");
    document_body(&mut out, document, diagnostics, options, Some(limit));
    out.push_str("</div>");
    out
}

/// One scorecard as a notebook fragment: the 自评表 table of [`document_html`] (scores,
/// status, explanations, the level chart), without the declaration around it.
pub fn scorecard_fragment(card: &Scorecard) -> String {
    let mut out = String::new();
    let _ = write!(out, "<div class=\"jx\"><style>{CSS}</style>");
    evaluation::scorecard_block(&mut out, None, card, &[]);
    out.push_str("</div>");
    out
}

fn page_title(document: &Document) -> String {
    match (&document.title, document.declarations.first()) {
        (Some(t), _) if !t.trim().is_empty() => t.trim().to_owned(),
        (_, Some(d)) if !d.project.name.trim().is_empty() => d.project.name.trim().to_owned(),
        _ => "绩效报告".to_owned(),
    }
}

fn document_body(
    out: &mut String,
    document: &Document,
    diagnostics: &[Finding],
    options: &HtmlOptions,
    limit: Option<usize>,
) {
    let _ = write!(
        out,
        "<header class=\"top\"><h1>{}</h1>",
        esc(&page_title(document))
    );
    let declarations = document.declarations.len();
    let evaluated = document
        .declarations
        .iter()
        .filter(|d| d.evaluation.is_some())
        .count();
    let _ = write!(
        out,
        "<p class=\"meta\">{} 个项目（申报表 {}，自评表 {}）{} · 审核口径 {} · 评分口径 {}</p>",
        declarations,
        declarations - evaluated,
        evaluated,
        document
            .year
            .map(|y| format!(" · {y} 年度"))
            .unwrap_or_default(),
        esc(options.policy.framework.as_str()),
        esc(&options.profile.name),
    );
    if declarations > 1 {
        out.push_str("<nav class=\"toc\"><ol>");
        for (k, d) in document.declarations.iter().enumerate() {
            let _ = write!(
                out,
                "<li><a href=\"#p{k}\">{}</a></li>",
                esc(project_name(d))
            );
        }
        out.push_str("</ol></nav>");
    }
    if !diagnostics.is_empty() {
        out.push_str("<h2 class=\"small\">读取提示 <span lang=\"en\">Reader notes</span></h2>");
        findings_list(out, diagnostics.iter().map(Note::from));
    }
    out.push_str("</header>");
    let shown = limit.unwrap_or(usize::MAX);
    for (k, d) in document.declarations.iter().enumerate().take(shown) {
        section(out, &format!("p{k}"), d, document.year, options);
    }
    if declarations > shown {
        let _ = write!(
            out,
            "<p class=\"meta\">… 另有 {} 个项目未显示 ({} more declarations)</p>",
            declarations - shown,
            declarations - shown
        );
    }
}

/// One declaration's section, anchored `id`: a 自评表 section when it carries a
/// self-evaluation, else a 申报表 section.
fn section(out: &mut String, id: &str, d: &Declaration, year: Option<i32>, options: &HtmlOptions) {
    if d.evaluation.is_some() {
        evaluation::section(out, id, d, &options.profile);
    } else {
        declaration::section(out, id, d, year, &options.policy);
    }
}

fn project_name(d: &Declaration) -> &str {
    let name = d.project.name.trim();
    if name.is_empty() {
        "（未命名项目）"
    } else {
        name
    }
}

/// A finding as the page shows it: code, severity, messages, and where it applies.
pub(crate) struct Note<'a> {
    pub code: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    pub message_en: &'a str,
    pub at: Option<String>,
}

impl<'a> From<&'a Finding> for Note<'a> {
    fn from(f: &'a Finding) -> Self {
        let at = match (&f.indicator, f.line) {
            (Some(i), Some(l)) => Some(format!("第 {l} 行 · {i}")),
            (Some(i), None) => Some(i.clone()),
            (None, Some(l)) => Some(format!("第 {l} 行")),
            (None, None) => None,
        };
        Note {
            code: &f.code,
            severity: f.severity,
            message: &f.message,
            message_en: &f.message_en,
            at,
        }
    }
}

impl<'a> From<&'a crate::audit::AuditFinding> for Note<'a> {
    fn from(f: &'a crate::audit::AuditFinding) -> Self {
        Note {
            code: &f.code,
            severity: f.severity,
            message: &f.message,
            message_en: &f.message_en,
            at: None,
        }
    }
}

/// 错误 / 警告 / 提示.
pub(crate) fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    }
}

/// One finding marker: `<div class="f error" data-code="F001">` with the code, the
/// severity, the Chinese message and the English one.
pub(crate) fn note(out: &mut String, n: &Note<'_>) {
    let sev = n.severity.as_str();
    let _ = write!(
        out,
        "<div class=\"f {sev}\" data-code=\"{code}\"><span class=\"code\">{code}</span> <span class=\"sev\">{label}</span> ",
        code = esc(n.code),
        label = severity_label(n.severity),
    );
    if let Some(at) = &n.at {
        let _ = write!(out, "<span class=\"at\">{}</span> ", esc(at));
    }
    let _ = write!(
        out,
        "<span class=\"msg\">{}</span><span class=\"en\" lang=\"en\">{}</span></div>",
        esc(n.message),
        esc(n.message_en)
    );
}

/// A list of findings, or nothing when there are none.
pub(crate) fn findings_list<'a>(out: &mut String, notes: impl Iterator<Item = Note<'a>>) {
    let mut any = false;
    for n in notes {
        if !any {
            out.push_str("<div class=\"findings\">");
            any = true;
        }
        note(out, &n);
    }
    if any {
        out.push_str("</div>");
    }
}

/// The counts badge line: 错误 n · 警告 n · 提示 n.
pub(crate) fn counts(out: &mut String, errors: usize, warnings: usize, infos: usize) {
    let _ = write!(
        out,
        "<span class=\"badge error\" data-count=\"errors\">错误 {errors}</span><span class=\"badge warning\" data-count=\"warnings\">警告 {warnings}</span><span class=\"badge info\" data-count=\"infos\">提示 {infos}</span>"
    );
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An optional figure as written (normalized: `10`, `8.62`), `—` when absent.
pub(crate) fn num(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_owned(), |d| d.normalize().to_string())
}

/// A score with its two decimals (`98.62`, `10.00`), `—` when absent.
pub(crate) fn score(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

/// An optional text, `—` when absent or blank.
pub(crate) fn text_or_dash(v: Option<&str>) -> String {
    match v.map(str::trim) {
        Some(t) if !t.is_empty() => esc(t),
        _ => "—".to_owned(),
    }
}

/// A whole page around `body`.
fn page(title: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + CSS.len() + 512);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"jixiao {}\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main class=\"jx\">\n{body}\n</main>\n</body>\n</html>\n",
        crate::VERSION,
        esc(title),
    );
    out
}

/// The stylesheet, scoped under `.jx` so that a notebook's own styles are left alone.
pub(crate) const CSS: &str = r#"
.jx{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1d2329;line-height:1.45;max-width:1180px;margin:0 auto;padding:0 12px}
.jx h1{font-size:1.5em;margin:.6em 0 .2em}
.jx h2{font-size:1.25em;margin:1.4em 0 .4em;border-bottom:2px solid #2b5d8a;padding-bottom:.2em}
.jx h2.small{font-size:1em;border:0}
.jx h3{font-size:1.05em;margin:1em 0 .3em}
.jx .meta{color:#555;margin:.2em 0}
.jx [lang=en]{color:#667;font-size:.86em}
.jx .en{display:block}
.jx table{border-collapse:collapse;width:100%;margin:.4em 0 .8em;font-size:.92em}
.jx th,.jx td{border:1px solid #9aa5b1;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere;word-break:break-word}
.jx th{background:#e8eef4;font-weight:600}
.jx td.n,.jx th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.jx td.l{background:#f4f7fa;font-weight:600}
.jx td.code,.jx td.sev{white-space:nowrap;font-family:monospace}
.jx table.scorecard td:last-child{width:30%}
.jx td.status,.jx td.kind,.jx table.projects th{white-space:nowrap}
.jx tr.error td:not(.l){background:#fdecea}
.jx tr.warning td:not(.l){background:#fff6e0}
.jx tr.total td{font-weight:700;background:#eef2f6}
.jx .badge{display:inline-block;border-radius:3px;padding:1px 7px;margin:0 6px 4px 0;font-size:.9em;border:1px solid #ccd}
.jx .badge.error{background:#fdecea;border-color:#e0a09a}
.jx .badge.warning{background:#fff6e0;border-color:#e5c47a}
.jx .badge.info{background:#eef4fb;border-color:#a9c3de}
.jx .badge.grade{font-size:1.2em;font-weight:700;background:#e6f4ea;border-color:#8cc59b}
.jx .badge.ok{background:#e6f4ea;border-color:#8cc59b}
.jx .findings{margin:.3em 0}
.jx .f{border-left:4px solid #a9c3de;padding:2px 6px;margin:2px 0;background:#f8fafc}
.jx .f.error{border-color:#c0392b}
.jx .f.warning{border-color:#d39e00}
.jx .f .code{font-family:monospace;font-weight:700}
.jx .f .sev{font-size:.85em;color:#444}
.jx .f .at{color:#555;font-size:.9em}
.jx details summary{cursor:pointer;color:#2b5d8a}
.jx details .rule{color:#555;font-size:.9em}
.jx .grid{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}
.jx .grid>*{flex:1 1 320px}
.jx svg{max-width:100%;height:auto}
.jx svg text{font-size:12px;fill:#1d2329}
.jx .toc ol{columns:2;margin:.3em 0}
.jx section.project{margin-top:1.2em}
.jx .check{margin:.2em 0}
@page{size:A4;margin:14mm 12mm}
@media print{
.jx{max-width:none;padding:0;font-size:10pt}
.jx tr,.jx .f,.jx svg,.jx .badge{break-inside:avoid;page-break-inside:avoid}
.jx thead{display:table-header-group}
.jx section.project{break-before:page;page-break-before:always}
.jx h2,.jx h3{break-after:avoid;page-break-after:avoid}
.jx a{color:inherit;text-decoration:none}
.jx .toc{display:none}
.jx details>summary{list-style:none}
.jx details::details-content{content-visibility:visible;display:block}
}
"#;
