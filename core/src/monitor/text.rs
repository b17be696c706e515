//! The readable form of a monitoring report: a traffic light per row in an aligned
//! table (CJK-aware), then the arithmetic of every colour and the findings.

use std::fmt::Write as _;

use super::policy::Colour;
use super::report::MonitorReport;
use super::rollup::DepartmentRollup;
use crate::score::plain;
use crate::text::display_width;

fn light(c: Option<Colour>) -> String {
    c.map_or_else(
        || "—".to_owned(),
        |c| format!("{} {}", c.as_zh(), c.as_str()),
    )
}

fn pad(text: &str, width: usize) -> String {
    let w = display_width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|j| {
            rows.iter()
                .filter_map(|r| r.get(j))
                .map(|c| display_width(c))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(j, c)| pad(c, widths[j]))
            .collect();
        let _ = writeln!(out, "{}", line.join("  ").trim_end());
    }
    out
}

impl MonitorReport {
    /// The report as text: the project's light, a table of the budget and the
    /// indicators (colour, forecast flag, reasons), the arithmetic and the findings.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} — 1-{}月, policy {}: {}",
            self.project,
            self.month,
            self.policy,
            light(self.colour)
        );
        let b = &self.budget;
        let opt = |v: Option<rust_decimal::Decimal>| v.map_or_else(|| "—".to_owned(), plain);
        let mut rows = vec![vec![
            "项目".to_owned(),
            "目标".to_owned(),
            "执行".to_owned(),
            "预警".to_owned(),
            "全年预计".to_owned(),
            "预计".to_owned(),
            "偏差原因".to_owned(),
            "可能性".to_owned(),
        ]];
        rows.push(vec![
            format!("预算执行 ({})", b.unit.as_str()),
            opt(b.adjusted),
            format!(
                "{} ({}%)",
                opt(b.executed),
                b.rate.map_or_else(|| "—".to_owned(), |r| r.to_string())
            ),
            light(b.colour),
            opt(b.forecast),
            String::new(),
            String::new(),
            String::new(),
        ]);
        for i in &self.indicators {
            let reasons = match &i.reasons {
                None => "—".to_owned(),
                Some(r) if r.is_empty() => "无偏差".to_owned(),
                Some(r) => r.iter().map(|x| x.as_str()).collect::<Vec<_>>().join("、"),
            };
            rows.push(vec![
                i.name.clone(),
                i.target.clone(),
                i.actual.clone().unwrap_or_else(|| "—".to_owned()),
                light(i.colour),
                i.forecast.value.clone().unwrap_or_else(|| "—".to_owned()),
                light(i.forecast.colour),
                reasons,
                i.achievability.map_or("—", |a| a.as_str()).to_owned(),
            ]);
        }
        out.push_str(&table(&rows));
        let _ = writeln!(out, "  预算: {}", b.explanation);
        for i in &self.indicators {
            let _ = writeln!(out, "  {}: {}", i.name, i.explanation);
            let _ = writeln!(out, "    预计: {}", i.forecast.explanation);
        }
        let _ = writeln!(out, "  {}", self.explanation);
        for f in &self.findings {
            let _ = writeln!(out, "  [{}] {}: {}", f.code, f.location, f.message);
        }
        out
    }
}

impl DepartmentRollup {
    /// Roll-ups as an aligned table.
    pub fn to_text(rollups: &[DepartmentRollup]) -> String {
        let mut rows = vec![vec![
            "主管部门".to_owned(),
            "项目".to_owned(),
            "红/黄/绿/蓝".to_owned(),
            "预算(元)".to_owned(),
            "执行(元)".to_owned(),
            "执行率".to_owned(),
            "偏差原因".to_owned(),
        ]];
        for r in rollups {
            let n = |c: &str| r.colours.get(c).copied().unwrap_or(0);
            rows.push(vec![
                if r.department.is_empty() {
                    "—".to_owned()
                } else {
                    r.department.clone()
                },
                r.projects.to_string(),
                format!("{}/{}/{}/{}", n("red"), n("yellow"), n("green"), n("blue")),
                plain(r.budget),
                plain(r.executed),
                r.rate.map_or_else(|| "—".to_owned(), |x| format!("{x}%")),
                r.reasons
                    .iter()
                    .map(|(k, v)| format!("{}×{v}", k.as_str()))
                    .collect::<Vec<_>>()
                    .join(" "),
            ]);
        }
        table(&rows)
    }
}
