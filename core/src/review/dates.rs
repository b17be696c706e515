//! Date rules (计划开始日期 / 计划完成日期).

use chrono::Datelike;

use super::{Aspect, Ctx, RuleInfo};
use crate::diagnostic::{Finding, Severity};
use crate::text::no_spaces;

/// D001: planned start after planned end.
pub(super) const D001: RuleInfo = RuleInfo {
    code: "D001",
    severity: Severity::Error,
    title: "计划开始日期晚于计划完成日期",
    title_en: "Planned start date is after the planned end date",
    source: "domain.md §1",
    aspect: Aspect::Feasibility,
};

/// D002: a one-off project whose dates leave its budget year.
pub(super) const D002: RuleInfo = RuleInfo {
    code: "D002",
    severity: Severity::Warning,
    title: "一次性项目的实施期超出预算年度",
    title_en: "One-off project spans more than its budget year",
    source: "财预〔2015〕88号 (年度绩效目标按预算年度设定)",
    aspect: Aspect::Feasibility,
};

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    start_after_end(ctx, out);
    one_off_spans_years(ctx, out);
}

/// D001: the start must not come after the end.
fn start_after_end(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let p = &ctx.decl.project;
    if let (Some(start), Some(end)) = (p.start_date, p.end_date) {
        if start > end {
            out.push(ctx.at_project(
                &D001,
                &ctx.decl.source,
                format!("计划开始日期 {start} 晚于计划完成日期 {end}"),
                format!("planned start {start} is after planned end {end}"),
            ));
        }
    }
}

/// D002: a project whose 项目性质 says 一次性 (one-off) is funded for one budget year; its
/// planned dates should lie inside that year. The budget year is the document's (年度 in
/// the title or form), else the start date's year. Warning: a one-off project may, with
/// approval, run across a year end.
fn one_off_spans_years(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let p = &ctx.decl.project;
    let one_off = p
        .nature
        .as_deref()
        .is_some_and(|n| no_spaces(n).contains("一次性"));
    if !one_off {
        return;
    }
    if let (Some(start), Some(end)) = (p.start_date, p.end_date) {
        if start > end {
            return; // D001 says it
        }
    }
    let Some(year) = ctx.year.or(p.start_date.map(|d| d.year())) else {
        return;
    };
    let outside: Vec<String> = [p.start_date, p.end_date]
        .into_iter()
        .flatten()
        .filter(|d| d.year() != year)
        .map(|d| d.to_string())
        .collect();
    if !outside.is_empty() {
        let dates = outside.join(", ");
        out.push(ctx.at_project(
            &D002,
            &ctx.decl.source,
            format!("一次性项目的计划日期 {dates} 不在预算年度 {year} 年内"),
            format!("one-off project has planned dates {dates} outside its budget year {year}"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::test_support::*;
    use super::super::{review_declaration, ReviewPolicy};

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn d001_start_after_end() {
        let mut decl = clean();
        decl.project.start_date = date(2024, 12, 31);
        decl.project.end_date = date(2024, 1, 1);
        let found = review_declaration(&decl, Some(2024), &ReviewPolicy::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "D001");
        assert_eq!(found[0].line, Some(1));
        decl.project.end_date = date(2024, 12, 31);
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());
    }

    #[test]
    fn d002_one_off_across_years() {
        let mut decl = clean();
        decl.project.end_date = date(2025, 6, 30);
        assert_eq!(codes(&decl, &ReviewPolicy::default()), ["D002"]);
        // without a document year, the start's year is the budget year
        let found = review_declaration(&decl, None, &ReviewPolicy::default());
        assert_eq!(found.len(), 1);
        // a recurring project may span years
        decl.project.nature = Some("经常性项目".into());
        assert!(codes(&decl, &ReviewPolicy::default()).is_empty());
    }

    #[test]
    fn d002_one_off_in_another_year_than_the_document() {
        let mut decl = clean();
        decl.project.start_date = date(2023, 1, 1);
        decl.project.end_date = date(2023, 12, 31);
        assert_eq!(codes(&decl, &ReviewPolicy::default()), ["D002"]);
        let found = review_declaration(&decl, Some(2023), &ReviewPolicy::default());
        assert!(found.is_empty());
    }
}
