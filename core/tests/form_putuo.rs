//! The Putuo self-evaluation: 上海市普陀区体育事业管理中心 2022 财政项目支出绩效自评表.

mod form_common;

use form_common::{data, golden, read_named};
use jixiao::model::MoneyUnit;
use jixiao::read::form::read_form;
use jixiao::read::ReadOptions;
use jixiao::taxonomy::{Level1, Level2};
use jixiao::write::form::write_form;
use jixiao::write::json::to_json;
use rust_decimal::Decimal;

const PUTUO: &str = "selfeval-putuo-sports-2022.txt";

fn putuo() -> jixiao::Document {
    let (doc, diagnostics) = read_named(data(PUTUO).as_bytes(), PUTUO);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    doc
}

fn dec(s: &str) -> Option<Decimal> {
    Some(s.parse().unwrap_or_else(|e| panic!("{s}: {e}")))
}

#[test]
fn header_and_goals() {
    let doc = putuo();
    assert_eq!(
        doc.title.as_deref(),
        Some("上海市普陀区体育事业管理中心2022年度项目自评价")
    );
    assert_eq!(doc.year, Some(2022));
    assert_eq!(doc.declarations.len(), 1);
    let d = &doc.declarations[0];
    assert_eq!(d.project.name, "普陀体育中心与委托运营方结算费用");
    assert_eq!(d.project.department.as_deref(), Some("上海市普陀区体育局"));
    assert_eq!(
        d.project.implementer.as_deref(),
        Some("上海市普陀区体育事业管理中心")
    );
    assert_eq!(
        d.goals.annual.as_deref(),
        Some("完成普陀体育中心与委托运营方费用结算。")
    );
    assert_eq!(d.goals.overall, None);
    let e = d.evaluation.as_ref().expect("a self-evaluation");
    assert_eq!(
        e.goal_achieved.as_deref(),
        Some("已完成普陀体育中心与委托运营方费用结算。")
    );
}

#[test]
fn budget_matrix_exact_as_published() {
    let doc = putuo();
    let e = doc.declarations[0].evaluation.as_ref().expect("evaluation");
    assert_eq!(e.unit, MoneyUnit::Yuan);
    let b = &e.budget;
    assert_eq!(
        (b.initial, b.adjusted, b.executed, b.weight, b.score),
        (
            dec("250000.00"),
            dec("250000.00"),
            dec("215457.6"),
            dec("10"),
            dec("8.62")
        )
    );
    assert_eq!(b.rate.as_deref(), Some("86.19%"));
    // Published figures keep their written scale.
    assert_eq!(
        b.executed.map(|v| v.to_string()).as_deref(),
        Some("215457.6")
    );
    assert_eq!(b.source.line, 8);
    let fiscal = e.budget_fiscal.as_ref().expect("当年财政拨款 row");
    assert_eq!(fiscal.executed, dec("215457.6"));
    assert_eq!(fiscal.weight, None, "— is absent, not zero");
    assert_eq!(fiscal.rate, None);
    let carry = e.budget_carryover.as_ref().expect("上年结转资金 row");
    assert_eq!(
        (carry.initial, carry.adjusted, carry.executed),
        (dec("0"), dec("0"), None)
    );
    assert!(e.budget_other.is_some());
    assert_eq!(doc.declarations[0].funding, jixiao::Funding::default());
}

#[test]
fn indicators_weights_scores_and_total() {
    let doc = putuo();
    let d = &doc.declarations[0];
    let e = d.evaluation.as_ref().expect("evaluation");
    let rows: Vec<(Option<Level1>, Option<Level2>, &str, &str)> = d
        .indicators
        .iter()
        .map(|i| (i.level1, i.level2, i.name.as_str(), i.target.text.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                Some(Level1::Output),
                Some(Level2::Quantity),
                "与委托运营方结算完成率",
                "=100%"
            ),
            (
                Some(Level1::Output),
                Some(Level2::Quality),
                "合同结算条款完成率",
                "=100%"
            ),
            (
                Some(Level1::Output),
                Some(Level2::Timeliness),
                "费用结算及时性",
                "及时"
            ),
            (
                Some(Level1::Benefit),
                Some(Level2::SocialBenefit),
                "与委托运营方合同完成率",
                "=100%"
            ),
            (
                Some(Level1::Satisfaction),
                Some(Level2::ServiceSatisfaction),
                "场馆开放满意度",
                ">=90%"
            ),
        ]
    );
    let weights: Vec<Option<Decimal>> = d.indicators.iter().map(|i| i.weight).collect();
    assert_eq!(
        weights,
        [dec("10"), dec("20"), dec("20"), dec("30"), dec("10")]
    );
    assert_eq!(e.indicators.len(), d.indicators.len());
    let actuals: Vec<&str> = e
        .indicators
        .iter()
        .filter_map(|i| i.actual.as_deref())
        .collect();
    assert_eq!(actuals, ["100%", "100%", "及时", "100%", "100%"]);
    let scores: Vec<Option<Decimal>> = e.indicators.iter().map(|i| i.score).collect();
    assert_eq!(scores, weights, "every indicator scored full marks");
    assert!(e.indicators.iter().all(|i| i.deviation.is_none()));
    assert_eq!(e.total, dec("98.62"));
    assert_eq!(e.total_weight, dec("100"));
    assert_eq!(e.source.line, 20);
    // The published parts add up: 8.62 + 90 = 98.62.
    let parts: Decimal =
        scores.iter().flatten().sum::<Decimal>() + e.budget.score.unwrap_or_default();
    assert_eq!(Some(parts), e.total);
}

#[test]
fn golden_json() {
    golden("putuo.json", &to_json(&putuo()));
}

#[test]
fn write_form_reads_back_to_an_equal_model() {
    let doc = putuo();
    let text = write_form(&doc);
    assert!(text.contains("财政项目支出绩效自评表"));
    assert!(text.contains("年度资金总额\t250000.00\t250000.00\t215457.6\t10\t86.19%\t8.62"));
    let (again, diagnostics) = read_form(&text, &ReadOptions::named("putuo.form.txt"))
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    assert_eq!(again, doc);
    assert_eq!(write_form(&again), text);
    let json = to_json(&doc);
    let from_json = jixiao::read::read(json.as_bytes(), &ReadOptions::named("putuo.json"))
        .expect("canonical JSON reads back");
    assert_eq!(to_json(&from_json.document), json);
}

#[test]
fn a_budget_row_with_only_dashes_is_no_row() {
    // A 上年结转资金 row of dashes holds no figure: it is no row (`None`), as the list
    // and workbook layouts, which cannot tell a blank row from none, read it too.
    let text = "财政项目支出绩效自评表\n项目名称\t示例\n项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\t年度资金总额\t１０\t10\t9.5\t10\t95%\t9.5\n\t上年结转资金\t—\t—\t—\t—\t—\t—\n";
    let (doc, _) = read_form(text, &ReadOptions::default()).expect("reads");
    let e = doc.declarations[0].evaluation.as_ref().expect("evaluation");
    assert_eq!(e.unit, MoneyUnit::WanYuan);
    assert_eq!(e.budget.initial, dec("10"));
    assert_eq!(e.budget_carryover, None);
}
