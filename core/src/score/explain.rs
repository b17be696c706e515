//! Readable forms of a scorecard: [`Scorecard::explain`] (a line per item with its rule,
//! inputs and arithmetic) and [`Scorecard::to_text`] (an aligned table, CJK-aware), both
//! walking [`Scorecard::rows`].

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::{plain, RowKind, Scorecard, Status};
use crate::text::display_width;

fn opt(value: Option<Decimal>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| v.to_string())
}

fn summary_line(card: &Scorecard) -> String {
    let grade = card.grade.as_deref().unwrap_or("—");
    if card.complete {
        format!("总分 {} / {}，等级 {grade}", card.total, card.max)
    } else {
        format!(
            "总分 {} / {} (incomplete: {} points open; no grade)",
            card.total, card.max, card.open
        )
    }
}

impl Scorecard {
    /// The explanation: for every item the rule applied (with its source), the inputs and
    /// the arithmetic, then the levels and the total.
    pub fn explain(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{} — profile {}", self.project, self.profile);
        for row in self.rows() {
            let head = match row.kind {
                RowKind::Budget => row.name.to_owned(),
                _ => format!("[{}/{}] {}", row.level1, row.level2, row.name),
            };
            let _ = writeln!(
                out,
                "{head} [{} / {}] {}: {}",
                opt(row.score),
                opt(row.weight),
                row.status.label(),
                row.explanation
            );
            let _ = writeln!(out, "    rule: {}", row.rule);
            if let (RowKind::Indicator, Some(p)) = (row.kind, row.published) {
                let _ = writeln!(out, "    published: {}", plain(p));
            }
            for flag in row.flags {
                let _ = writeln!(out, "    flag {}: {}", flag.code, flag.message);
            }
        }
        for level in &self.levels {
            let _ = writeln!(out, "{}: {} / {}", level.name, level.score, level.max);
        }
        for flag in &self.flags {
            let _ = writeln!(out, "flag {}: {}", flag.code, flag.message);
        }
        let parts: Vec<String> = self
            .rows()
            .filter_map(|row| row.score)
            .map(|s| s.to_string())
            .collect();
        let _ = writeln!(out, "总分 = {} = {}", parts.join(" + "), self.total);
        let _ = writeln!(out, "{}", summary_line(self));
        out
    }

    /// An aligned table a person can read in a terminal (the CLI prints it), every cell in
    /// full.
    pub fn to_text(&self) -> String {
        self.table(None)
    }

    /// [`to_text`](Self::to_text) fitted to a terminal `width` columns wide (display width,
    /// CJK aware): the 三级指标, 指标值, 实际完成值 and 状态 columns are cut, widest first and
    /// ending in `…`, down to a floor; the full texts stay in the JSON.
    pub fn to_text_width(&self, width: usize) -> String {
        self.table(Some(width))
    }

    fn table(&self, limit: Option<usize>) -> String {
        let header = [
            "一级指标",
            "三级指标",
            "指标值",
            "实际完成值",
            "分值",
            "得分",
            "状态",
        ];
        let mut rows: Vec<[String; 7]> = Vec::with_capacity(self.indicators.len() + 1);
        for row in self.rows() {
            let (target, actual) = match row.budget {
                Some(b) => (
                    b.rate.map_or_else(|| "—".to_owned(), super::rate_percent),
                    match (b.executed, b.adjusted) {
                        (Some(e), Some(a)) => format!("{} / {}", plain(e), plain(a)),
                        _ => "—".to_owned(),
                    },
                ),
                None => (
                    row.target.unwrap_or("").trim().to_owned(),
                    row.actual.unwrap_or("—").to_owned(),
                ),
            };
            let status = match (row.kind, row.status) {
                (RowKind::Indicator, Status::NotScorable) => {
                    format!("{}: {}", row.status.label(), row.reason.unwrap_or(""))
                }
                _ => row.status.label().to_owned(),
            };
            rows.push([
                row.level1.to_owned(),
                row.name.to_owned(),
                target,
                actual,
                opt(row.weight),
                opt(row.score),
                status,
            ]);
        }
        let mut widths = header.map(display_width);
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row.iter()) {
                *w = (*w).max(display_width(cell));
            }
        }
        if let Some(limit) = limit {
            let floors = [None, Some(12), Some(8), Some(10), None, None, Some(8)];
            let fitted = crate::text::fit_widths(widths.to_vec(), &floors, limit);
            for (w, f) in widths.iter_mut().zip(fitted) {
                *w = f;
            }
            for row in &mut rows {
                for (cell, w) in row.iter_mut().zip(widths.iter()) {
                    if display_width(cell) > *w {
                        *cell = crate::text::cut_to_width(cell, *w).into_owned();
                    }
                }
            }
        }
        let numeric = [false, false, false, false, true, true, false];
        let line = |cells: &[String]| -> String {
            let mut s = String::new();
            for (k, cell) in cells.iter().enumerate() {
                let width = widths.get(k).copied().unwrap_or(0);
                let pad = " ".repeat(width.saturating_sub(display_width(cell)));
                let last = k + 1 == cells.len();
                if numeric.get(k).copied().unwrap_or(false) {
                    s.push_str(&pad);
                    s.push_str(cell);
                } else {
                    s.push_str(cell);
                    if !last {
                        s.push_str(&pad);
                    }
                }
                if !last {
                    s.push_str("  ");
                }
            }
            s.trim_end().to_owned()
        };
        let mut out = String::new();
        let _ = writeln!(out, "{} (profile {})", self.project, self.profile);
        let _ = writeln!(out, "{}", line(&header.map(str::to_owned)));
        let rule: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
        let _ = writeln!(out, "{}", "-".repeat(rule));
        for row in &rows {
            let _ = writeln!(out, "{}", line(row));
        }
        let _ = writeln!(out, "{}", "-".repeat(rule));
        for level in &self.levels {
            let _ = writeln!(out, "{}: {} / {}", level.name, level.score, level.max);
        }
        let _ = writeln!(out, "{}", summary_line(self));
        out
    }
}
