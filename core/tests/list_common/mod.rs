//! Shared by the list tests: a hand-built document with every field the model has.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use jixiao::model::{
    BudgetRow, Declaration, Direction, Document, Evaluation, Funding, Goals, Indicator,
    IndicatorEvaluation, MoneyUnit, Project,
};
use jixiao::taxonomy::{Level1, Level2};
use jixiao::value::parse_target;

fn dec(s: &str) -> Decimal {
    s.parse().expect("a decimal")
}

fn indicator(l1: Level1, l2: Level2, name: &str, target: &str) -> Indicator {
    Indicator::new(Some(l1), Some(l2), name, parse_target(target))
}

/// A declaration with every field the model has, and a self-evaluation.
pub fn rich_document() -> Document {
    let mut first = indicator(Level1::Output, Level2::Quantity, "培训人次", "≥5,000(人次)");
    first.weight = Some(dec("20.00"));
    first.direction = Some(Direction::Increase);
    first
        .extra
        .insert("备注".to_owned(), "含线上, \"直播\"\n第二行".to_owned());
    first.level1_text = Some("项目完成指标".to_owned());
    let mut second = indicator(Level1::Output, Level2::Cost, "单位成本", "≤90万元");
    second.weight = Some(dec("10"));
    second.direction = Some(Direction::Decrease);
    second.level2_text = Some("成本".to_owned());
    let mut third = indicator(
        Level1::Benefit,
        Level2::SocialBenefit,
        "执法效能",
        "有积极促进作用",
    );
    third.direction = Some(Direction::Qualitative);
    third.level1_text = Some("自定义一级".to_owned());
    third
        .extra
        .insert("指标解释".to_owned(), "a|b <c> & d".to_owned());
    let mut fourth = indicator(
        Level1::Satisfaction,
        Level2::ServiceSatisfaction,
        "满意率",
        ">=90%",
    );
    fourth.weight = Some(dec("10"));
    let mut unknown = Indicator::new(None, None, "其他指标", parse_target("按时完成"));
    unknown.level1_text = Some("其他类".to_owned());
    unknown.level2_text = Some("其他二级".to_owned());
    let mut project = Project {
        name: "环保热线运行".to_owned(),
        code: Some("31000024T000000123".to_owned()),
        nature: Some("其他一次性项目".to_owned()),
        category: Some("特定目标类".to_owned()),
        department: Some("上海市生态环境局".to_owned()),
        implementer: Some("上海市生态环境局执法总队".to_owned()),
        start_date: NaiveDate::from_ymd_opt(2024, 1, 1),
        end_date: NaiveDate::from_ymd_opt(2024, 12, 31),
        policy_basis: None,
        calculation_basis: None,
        extra: BTreeMap::new(),
    };
    project
        .extra
        .insert("预算级次".to_owned(), "市级".to_owned());
    let funding = Funding {
        unit: MoneyUnit::WanYuan,
        total: Some(dec("265.00")),
        total_fiscal: Some(dec("265.00")),
        total_other: None,
        annual: Some(dec("265.00")),
        annual_fiscal: Some(dec("200.50")),
        annual_carryover: Some(dec("64.50")),
        annual_other: Some(dec("0.00")),
        source: Default::default(),
    };
    let evaluation = Evaluation {
        unit: MoneyUnit::Yuan,
        budget: BudgetRow {
            initial: Some(dec("250000.00")),
            adjusted: Some(dec("250000.00")),
            executed: Some(dec("215457.60")),
            weight: Some(dec("10")),
            rate: Some("86.18%".to_owned()),
            score: Some(dec("8.62")),
            source: Default::default(),
        },
        budget_fiscal: Some(BudgetRow {
            initial: Some(dec("250000.00")),
            executed: Some(dec("215457.60")),
            ..BudgetRow::default()
        }),
        budget_carryover: None,
        budget_other: None,
        goal_achieved: Some("完成了年度目标".to_owned()),
        grade: None,
        deviation_analysis: None,
        improvement: None,
        indicators: vec![
            IndicatorEvaluation {
                actual: Some("5200人次".to_owned()),
                score: Some(dec("20")),
                deviation: None,
            },
            IndicatorEvaluation {
                actual: Some("95万元".to_owned()),
                score: Some(dec("9.47")),
                deviation: Some("成本上涨，\n下年压减".to_owned()),
            },
            IndicatorEvaluation::default(),
            IndicatorEvaluation {
                actual: Some("92%".to_owned()),
                score: Some(dec("10")),
                deviation: None,
            },
            IndicatorEvaluation::default(),
        ],
        total: Some(dec("98.62")),
        total_weight: Some(dec("100")),
        source: Default::default(),
    };
    let mut level_points = BTreeMap::new();
    level_points.insert("产出指标".to_owned(), dec("50"));
    level_points.insert("效益指标".to_owned(), dec("30"));
    // Two point groups (指标组), the second written without its points.
    first.group = Some("年度绩效目标1".to_owned());
    second.group = Some("年度绩效目标2".to_owned());
    let mut group_points = BTreeMap::new();
    group_points.insert("年度绩效目标1".to_owned(), dec("40"));
    let rich = Declaration {
        project,
        funding,
        goals: Goals {
            overall: Some("保障热线运行, 提高\"满意度\"".to_owned()),
            annual: Some("年度目标".to_owned()),
        },
        indicators: vec![first, second, third, fourth, unknown],
        level_points,
        group_points,
        not_applicable: Vec::new(),
        evaluation: Some(evaluation),
        monitoring: None,
        source: Default::default(),
    };
    let bare = Declaration {
        project: Project {
            name: "无指标项目".to_owned(),
            ..Project::default()
        },
        ..Declaration::default()
    };
    let mut same_name = Declaration {
        project: Project {
            name: "环保热线运行".to_owned(),
            code: Some("31000024T000000123".to_owned()),
            ..Project::default()
        },
        ..Declaration::default()
    };
    same_name.indicators.push(indicator(
        Level1::Output,
        Level2::Quality,
        "合格率",
        "=100%",
    ));
    Document {
        title: Some("上海市生态环境局执法总队2024年度项目绩效目标汇总表".to_owned()),
        year: Some(2024),
        declarations: vec![rich, bare, same_name],
        ..Document::default()
    }
}
