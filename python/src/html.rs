//! `_repr_html_`: the compact tables notebooks show, in the layout people know from the
//! forms (一级/二级/三级, 指标值, 实际完成值, 分值, 得分), with 一级/二级 cells left blank
//! where they repeat the row above, as the merged cells of a form read.

use jixiao::Declaration;

/// Escapes text for HTML.
pub(crate) fn esc(s: &str) -> String {
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

/// An optional cell.
fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| esc(&v.to_string())).unwrap_or_default()
}

/// The table style shared by every table (left-aligned text, numbers right).
pub(crate) const STYLE: &str = "<style>.jixiao td,.jixiao th{text-align:left;vertical-align:top}.jixiao td.n{text-align:right}</style>";

/// The header block and indicator table of one declaration.
pub(crate) fn declaration(d: &Declaration) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<p><b>{}</b>{}{}</p>",
        esc(&d.project.name),
        d.project
            .implementer
            .as_deref()
            .map(|s| format!(" · {}", esc(s)))
            .unwrap_or_default(),
        d.funding
            .annual
            .map(|a| format!(
                " · 年度资金申请总额 {} {}",
                esc(&a.to_string()),
                d.funding.unit.as_str()
            ))
            .unwrap_or_default()
    ));
    let eval = d.evaluation.as_ref();
    out.push_str("<table class=\"jixiao\"><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th>");
    if eval.is_some() {
        out.push_str("<th>实际完成值</th>");
    }
    out.push_str("<th>分值</th>");
    if eval.is_some() {
        out.push_str("<th>得分</th>");
    }
    out.push_str("</tr></thead><tbody>");
    let mut last1 = "";
    let mut last2 = "";
    for (k, i) in d.indicators.iter().enumerate() {
        let (l1, l2) = (i.level1_label(), i.level2_label());
        let show1 = if l1 == last1 { "" } else { l1 };
        let show2 = if l1 == last1 && l2 == last2 { "" } else { l2 };
        last1 = l1;
        last2 = l2;
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
            esc(show1),
            esc(show2),
            esc(&i.name),
            esc(&i.target.text)
        ));
        let ie = eval.and_then(|e| e.indicators.get(k));
        if eval.is_some() {
            out.push_str(&format!(
                "<td>{}</td>",
                opt(ie.and_then(|e| e.actual.as_deref()))
            ));
        }
        out.push_str(&format!("<td class=\"n\">{}</td>", opt(i.weight)));
        if eval.is_some() {
            out.push_str(&format!(
                "<td class=\"n\">{}</td>",
                opt(ie.and_then(|e| e.score))
            ));
        }
        out.push_str("</tr>");
    }
    if let Some(e) = eval {
        let cols = 6;
        out.push_str(&format!(
            "<tr><td colspan=\"{cols}\">预算执行率 (全年执行数 {} / 全年预算数 {})</td><td class=\"n\">{}</td></tr>",
            opt(e.budget.executed),
            opt(e.budget.adjusted),
            opt(e.budget.score)
        ));
        out.push_str(&format!(
            "<tr><td colspan=\"{cols}\"><b>总分</b></td><td class=\"n\"><b>{}</b></td></tr>",
            opt(e.total)
        ));
    }
    out.push_str("</tbody></table>");
    out
}

/// A document: its title, then each declaration (at most `limit`, then a note).
pub(crate) fn document(doc: &jixiao::Document, limit: usize) -> String {
    let mut out = String::from(STYLE);
    out.push_str("<div>");
    if let Some(t) = &doc.title {
        out.push_str(&format!("<h4>{}</h4>", esc(t)));
    }
    out.push_str(&format!(
        "<p>{} declarations, {} indicators</p>",
        doc.declarations.len(),
        doc.indicators().count()
    ));
    for d in doc.declarations.iter().take(limit) {
        out.push_str(&declaration(d));
    }
    if doc.declarations.len() > limit {
        out.push_str(&format!(
            "<p>… {} more declarations</p>",
            doc.declarations.len() - limit
        ));
    }
    out.push_str("</div>");
    out
}
