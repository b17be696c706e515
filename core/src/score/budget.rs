//! 预算执行率: rate = 全年执行数 / 全年预算数; score = min(rate, 1) × 分值
//! (`domain.md` §5 "Budget row").

use rust_decimal::{Decimal, RoundingStrategy};

use super::engine::Explain;
use super::{plain, round2, BudgetScore, Flag, FlagCode, Profile, Status};
use crate::model::{BudgetRow, Declaration};

const RULE: &str = "预算执行率 = 全年执行数 / 全年预算数；得分 = min(执行率, 1) × 分值 (财预〔2020〕10号 附件2 项目支出绩效自评表)";

/// The figures used: from the 年度资金总额 row, or summed over the 其中 rows.
struct Figures {
    initial: Option<Decimal>,
    adjusted: Option<Decimal>,
    executed: Option<Decimal>,
    summed: bool,
}

fn sum_of(rows: &[&BudgetRow], field: fn(&BudgetRow) -> Option<Decimal>) -> Option<Decimal> {
    let values: Vec<Decimal> = rows.iter().filter_map(|r| field(r)).collect();
    if values.is_empty() {
        None
    } else {
        Some(
            values
                .into_iter()
                .fold(Decimal::ZERO, Decimal::saturating_add),
        )
    }
}

fn figures(declaration: &Declaration) -> Option<Figures> {
    let evaluation = declaration.evaluation.as_ref()?;
    let total = &evaluation.budget;
    let lacks = total.adjusted.is_none()
        || total.executed.is_none()
        || total.adjusted.is_some_and(|a| a.is_zero());
    let parts: Vec<&BudgetRow> = [
        &evaluation.budget_fiscal,
        &evaluation.budget_carryover,
        &evaluation.budget_other,
    ]
    .into_iter()
    .flatten()
    .collect();
    if lacks {
        let adjusted = sum_of(&parts, |r| r.adjusted);
        let executed = sum_of(&parts, |r| r.executed);
        if adjusted.is_some_and(|a| !a.is_zero()) && executed.is_some() {
            return Some(Figures {
                initial: sum_of(&parts, |r| r.initial),
                adjusted,
                executed,
                summed: true,
            });
        }
    }
    Some(Figures {
        initial: total.initial,
        adjusted: total.adjusted,
        executed: total.executed,
        summed: false,
    })
}

/// Scores the budget row. Its flags are always built (a couple of fixed messages per
/// declaration); the rule and the explanation only when explaining.
pub(crate) fn score(declaration: &Declaration, profile: &Profile, explain: Explain) -> BudgetScore {
    let evaluation = declaration.evaluation.as_ref();
    let form_weight = evaluation.and_then(|e| e.budget.weight);
    let (max, max_source) = match form_weight {
        Some(w) => (round2(w), "given"),
        None => (round2(profile.budget_points), "profile"),
    };
    let unit = evaluation.map_or("元", |e| e.unit.as_str()).to_owned();
    let published = evaluation.and_then(|e| e.budget.score);
    let mut card = BudgetScore {
        max,
        max_source: max_source.to_owned(),
        rate: None,
        score: None,
        status: Status::NotScorable,
        initial: None,
        adjusted: None,
        executed: None,
        unit,
        summed: false,
        published,
        rule: explain.text(|| RULE.to_owned()),
        explanation: String::new(),
        flags: Vec::new(),
        reason: None,
    };
    let Some(f) = figures(declaration) else {
        let reason = "没有预算执行数据 (no budget execution figures: 全年预算数 / 全年执行数)";
        card.reason = Some(reason.to_owned());
        card.explanation = explain.text(|| format!("{reason}; {} points open", plain(max)));
        return card;
    };
    card.initial = f.initial;
    card.adjusted = f.adjusted;
    card.executed = f.executed;
    card.summed = f.summed;
    let from = if f.summed {
        card.flags.push(Flag::new(
            FlagCode::BudgetPartsSummed,
            "年度资金总额行缺少全年预算数或全年执行数，按其中各行合计计算",
            "the 年度资金总额 row lacks 全年预算数 or 全年执行数: the sums of the 其中 rows are used",
        ));
        "sums of the 其中 rows"
    } else {
        "年度资金总额 row"
    };
    let (adjusted, executed) = match (f.adjusted, f.executed) {
        (Some(a), Some(e)) if a > Decimal::ZERO => (a, e),
        (Some(a), Some(_)) => {
            let reason = format!("全年预算数 is {} ({from}): the rate is undefined", plain(a));
            card.explanation = explain.text(|| format!("{reason}; {} points open", plain(max)));
            card.reason = Some(reason);
            return card;
        }
        (a, e) => {
            let missing = match (a, e) {
                (None, None) => "全年预算数 and 全年执行数",
                (None, _) => "全年预算数",
                _ => "全年执行数",
            };
            let reason = format!("{missing} missing ({from})");
            card.explanation = explain.text(|| format!("{reason}; {} points open", plain(max)));
            card.reason = Some(reason);
            return card;
        }
    };
    let Some(rate) = executed.checked_div(adjusted) else {
        let reason = format!(
            "执行率 {} / {} cannot be computed exactly (figures out of range)",
            plain(executed),
            plain(adjusted)
        );
        card.explanation = explain.text(|| format!("{reason}; {} points open", plain(max)));
        card.reason = Some(reason);
        return card;
    };
    let capped = rate.min(Decimal::ONE).max(Decimal::ZERO);
    let raw = capped * max;
    let score = round2(raw);
    card.rate = Some(rate.round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero));
    card.score = Some(score);
    card.status = if rate >= Decimal::ONE {
        Status::Met
    } else if score > Decimal::ZERO {
        Status::Partial
    } else {
        Status::Unmet
    };
    if rate > Decimal::ONE {
        card.flags.push(Flag::new(
            FlagCode::BudgetOverExecuted,
            "全年执行数超过全年预算数",
            "more was executed than the adjusted budget",
        ));
    }
    card.explanation = explain.text(|| {
        let percent = rate
            .saturating_mul(Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
            .normalize();
        format!(
            "执行率 = {} / {} = {percent}% ({from}, {}); 得分 = min({}, 1) × {} = {} → {score}",
            plain(executed),
            plain(adjusted),
            card.unit,
            plain(rate.round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)),
            plain(max),
            plain(raw.round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)),
        )
    });
    card
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Evaluation;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    fn row(adjusted: Option<&str>, executed: Option<&str>) -> BudgetRow {
        BudgetRow {
            adjusted: adjusted.map(d),
            executed: executed.map(d),
            ..BudgetRow::default()
        }
    }

    fn decl(total: BudgetRow, parts: Vec<BudgetRow>) -> Declaration {
        let mut it = parts.into_iter();
        Declaration {
            evaluation: Some(Evaluation {
                budget: total,
                budget_fiscal: it.next(),
                budget_carryover: it.next(),
                budget_other: it.next(),
                ..Evaluation::default()
            }),
            ..Declaration::default()
        }
    }

    #[test]
    fn putuo_rate() {
        let b = score(
            &decl(row(Some("250000.00"), Some("215457.6")), vec![]),
            &Profile::default(),
            Explain(true),
        );
        assert_eq!(b.score, Some(d("8.62")));
        assert_eq!(b.rate, Some(d("0.861830")));
        assert_eq!(b.status, Status::Partial);
        assert!(!b.summed);
        assert!(b.explanation.contains("86.183"), "{}", b.explanation);
    }

    #[test]
    fn second_real_example() {
        let b = score(
            &decl(row(Some("20000"), Some("9034")), vec![]),
            &Profile::default(),
            Explain(true),
        );
        assert_eq!(b.score, Some(d("4.52")));
    }

    #[test]
    fn falls_back_to_parts() {
        let b = score(
            &decl(
                row(Some("0"), None),
                vec![row(Some("100"), Some("80")), row(Some("100"), Some("100"))],
            ),
            &Profile::default(),
            Explain(true),
        );
        assert!(b.summed);
        assert_eq!(b.score, Some(d("9.00")));
        assert_eq!(b.flags[0].code, "budget_parts_summed");
    }

    #[test]
    fn capped_at_max_and_not_scorable_without_figures() {
        let b = score(
            &decl(row(Some("100"), Some("120")), vec![]),
            &Profile::default(),
            Explain(true),
        );
        assert_eq!(b.score, Some(d("10.00")));
        assert_eq!(b.status, Status::Met);
        let b = score(
            &decl(row(Some("0"), Some("0")), vec![]),
            &Profile::default(),
            Explain(true),
        );
        assert_eq!(b.status, Status::NotScorable);
        assert_eq!(b.score, None);
        let b = score(&Declaration::default(), &Profile::default(), Explain(true));
        assert_eq!(b.status, Status::NotScorable);
    }

    #[test]
    fn form_weight_wins() {
        let mut total = row(Some("100"), Some("50"));
        total.weight = Some(d("20"));
        let b = score(&decl(total, vec![]), &Profile::default(), Explain(true));
        assert_eq!(b.score, Some(d("10.00")));
        assert_eq!(b.max_source, "given");
    }
}
