//! [`Scorecard::rows`]: the one projection of a scorecard (自评得分表) that every renderer
//! walks — the Markdown and `.xlsx` scorecards, the HTML report and the terminal table — so
//! that what a row holds is decided once.

use rust_decimal::Decimal;

use super::{Flag, Scorecard, Status};

/// What a row of a scorecard is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RowKind {
    /// 预算执行率: the budget execution item, always the first row.
    Budget,
    /// 三级指标: one scored indicator, in declaration order.
    Indicator,
}

/// The budget figures a 预算执行率 row shows in place of 指标值 and 实际完成值.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetFigures {
    /// 全年预算数 used.
    pub adjusted: Option<Decimal>,
    /// 全年执行数 used.
    pub executed: Option<Decimal>,
    /// 执行率 (a fraction: 0.861830 = 86.1830%).
    pub rate: Option<Decimal>,
}

/// 自评得分表的一行: one row of a scorecard with the fields every renderer shows. The
/// budget row's 一级指标 is `预算执行` and its 三级指标 `预算执行率` (二级 empty); its
/// 指标值/实际完成值 come as [`BudgetFigures`] for each renderer to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow<'a> {
    /// Budget or indicator.
    pub kind: RowKind,
    /// 一级指标 (normalized, else as written).
    pub level1: &'a str,
    /// 二级指标 (normalized, else as written).
    pub level2: &'a str,
    /// 三级指标 name.
    pub name: &'a str,
    /// 年度指标值 as written (`None` on the budget row).
    pub target: Option<&'a str>,
    /// 实际完成值 as written, when given (`None` on the budget row).
    pub actual: Option<&'a str>,
    /// The budget row's figures (`None` on an indicator row).
    pub budget: Option<BudgetFigures>,
    /// 分值: the weight used (`None` when none could be found).
    pub weight: Option<Decimal>,
    /// 得分, rounded to 2 decimals; `None` when not scorable.
    pub score: Option<Decimal>,
    /// The published 得分, when there is one.
    pub published: Option<Decimal>,
    /// The outcome.
    pub status: Status,
    /// The rule applied, with its source.
    pub rule: &'a str,
    /// 计分说明: inputs and arithmetic, readable.
    pub explanation: &'a str,
    /// Why it is not scorable (扣分/无法评分原因), when it is not.
    pub reason: Option<&'a str>,
    /// Flags (over-achievement, deviation explanation required, …).
    pub flags: &'a [Flag],
    /// 偏差原因分析及改进措施 as published, when there is one (indicators only).
    pub deviation: Option<&'a str>,
}

impl Scorecard {
    /// The rows of the scorecard (自评得分表): the 预算执行率 row first, then one per 三级指标
    /// in declaration order. Every renderer of a scorecard walks these.
    ///
    /// ```
    /// # let doc = jixiao::read(include_bytes!("../../../tests/data/selfeval-putuo-sports-2022.txt"),
    /// #     &jixiao::ReadOptions::default()).unwrap().document;
    /// let cards = jixiao::score::score_document(&doc, &jixiao::score::Profile::from_spec("mof-2020").unwrap());
    /// let rows: Vec<_> = cards[0].rows().collect();
    /// assert_eq!(rows[0].name, "预算执行率");
    /// assert_eq!(rows.len(), cards[0].indicators.len() + 1);
    /// ```
    pub fn rows(&self) -> impl Iterator<Item = ScoreRow<'_>> + '_ {
        let b = &self.budget;
        let budget = ScoreRow {
            kind: RowKind::Budget,
            level1: "预算执行",
            level2: "",
            name: "预算执行率",
            target: None,
            actual: None,
            budget: Some(BudgetFigures {
                adjusted: b.adjusted,
                executed: b.executed,
                rate: b.rate,
            }),
            weight: Some(b.max),
            score: b.score,
            published: b.published,
            status: b.status,
            rule: &b.rule,
            explanation: &b.explanation,
            reason: b.reason.as_deref(),
            flags: &b.flags,
            deviation: None,
        };
        std::iter::once(budget).chain(self.indicators.iter().map(|i| ScoreRow {
            kind: RowKind::Indicator,
            level1: &i.level1,
            level2: &i.level2,
            name: &i.name,
            target: Some(&i.target),
            actual: i.actual.as_deref(),
            budget: None,
            weight: i.max,
            score: i.score,
            published: i.published,
            status: i.status,
            rule: &i.rule,
            explanation: &i.explanation,
            reason: i.reason.as_deref(),
            flags: &i.flags,
            deviation: i.deviation.as_deref(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn putuo() -> Scorecard {
        let bytes = include_bytes!("../../../tests/data/selfeval-putuo-sports-2022.txt");
        let doc = crate::read(bytes, &crate::ReadOptions::default())
            .expect("reads")
            .document;
        super::super::score_document(
            &doc,
            &super::super::Profile::from_spec("mof-2020").expect("a profile"),
        )
        .into_iter()
        .next()
        .expect("one scorecard")
    }

    #[test]
    fn budget_row_first_then_indicators_in_order() {
        let card = putuo();
        let rows: Vec<ScoreRow<'_>> = card.rows().collect();
        // 普陀体育中心: 5 三级指标 on the form, plus the 预算执行率 row.
        assert_eq!(rows.len(), 6);
        let b = &rows[0];
        assert_eq!(b.kind, RowKind::Budget);
        assert_eq!((b.level1, b.level2, b.name), ("预算执行", "", "预算执行率"));
        // 全年预算数 250000, 执行数 215457.6 on the form; 10 points (mof-2020).
        let figures = b.budget.expect("budget figures");
        assert_eq!(figures.adjusted, Some(Decimal::from(250_000)));
        assert_eq!(figures.executed, Some(Decimal::new(2_154_576, 1)));
        assert_eq!(b.weight, Some(Decimal::TEN));
        assert_eq!(b.target, None);
        let first = &rows[1];
        assert_eq!(first.kind, RowKind::Indicator);
        assert_eq!(first.name, "与委托运营方结算完成率");
        assert_eq!((first.level1, first.level2), ("产出指标", "数量指标"));
        assert_eq!(first.target, Some("=100%"));
        assert_eq!(first.budget, None);
        assert_eq!(rows[5].name, "场馆开放满意度");
    }
}
