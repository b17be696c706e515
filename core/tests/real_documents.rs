//! Real published self-evaluations (`tests/real/selfeval/`, transcribed cell for cell; see
//! `tests/real/README.md`): each reads with no template or footer row as an indicator and every
//! 一级 known, and scores and audits as a reviewer working by hand from `domain.md` §5–§6
//! gets. The expected figures below were worked out by hand from the rules (the arithmetic is
//! in `tests/real/README.md`), not taken from the program's output.

mod form_common;

use form_common::{read_named, repo_file};
use jixiao::audit::audit_declaration;
use jixiao::score::{score_declaration, Profile};
use jixiao::Declaration;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().expect("a decimal")
}

fn declaration(case: &str) -> Declaration {
    let name = format!("real/selfeval/{case}.form.txt");
    let path = repo_file(&name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (doc, _) = read_named(&bytes, &name);
    assert_eq!(doc.declarations.len(), 1, "{case}");
    let decl = doc
        .declarations
        .into_iter()
        .next()
        .expect("one declaration");
    for i in &decl.indicators {
        assert!(i.level1.is_some(), "{case}: {} has no 一级", i.name);
        for word in [
            "指标1",
            "……",
            "总分",
            "合计",
            "偏差",
            "改进措施",
            "填报",
            "备注",
        ] {
            assert!(
                !i.name.starts_with(word),
                "{case}: `{}` is not an indicator",
                i.name
            );
        }
    }
    decl
}

/// The published indicator names, in order (`.published.json`).
fn published_names(case: &str) -> Vec<String> {
    let path = repo_file(&format!("real/selfeval/{case}.published.json"));
    let text = std::fs::read_to_string(&path).expect("the published figures");
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    json["indicators"]
        .as_array()
        .expect("an indicators array")
        .iter()
        .map(|i| i["name"].as_str().expect("a name").to_owned())
        .collect()
}

/// Expected per indicator: (name, weight, score or None when not scorable).
type Expect<'a> = &'a [(&'a str, &'a str, Option<&'a str>)];

fn check_scores(
    case: &str,
    profile: &str,
    budget: (&str, &str),
    items: Expect<'_>,
) -> jixiao::score::Scorecard {
    let decl = declaration(case);
    let names: Vec<&str> = decl.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        published_names(case),
        "{case}: exactly the published indicators"
    );
    let card = score_declaration(&decl, &Profile::auto());
    assert_eq!(card.profile, profile, "{case}");
    assert_eq!(card.budget.max, d(budget.0), "{case}: budget points");
    assert_eq!(card.budget.score, Some(d(budget.1)), "{case}: budget score");
    for (name, weight, score) in items {
        let i = card
            .indicator(name)
            .unwrap_or_else(|| panic!("{case}: no {name}"));
        assert_eq!(i.max, Some(d(weight)), "{case}: weight of {name}");
        assert_eq!(i.score, score.map(d), "{case}: score of {name}");
    }
    card
}

fn audit_codes(case: &str) -> Vec<(String, String)> {
    let audit = audit_declaration(&declaration(case), &Profile::auto());
    audit
        .findings
        .iter()
        .map(|f| (f.code.clone(), f.where_.clone()))
        .collect()
}

fn has(codes: &[(String, String)], code: &str, at: &str) -> bool {
    codes.iter().any(|(c, w)| c == code && w == at)
}

#[test]
fn suixi_given_weights_product_units_and_an_open_satisfaction_row() {
    let card = check_scores(
        "suixi_linshijiuzhu_2019_partial",
        "mof-2020",
        ("10", "10.00"),
        &[
            (
                "★★★特困人员救助供养人数(按月平均)(≥**人)",
                "5",
                Some("4.84"),
            ),
            ("★农村低保标准(≥**元/人·月)", "5", Some("5.00")),
            (
                "农村特困人员救助供养基本生活标准(≥**元/人·月)",
                "5",
                Some("5.00"),
            ),
            (
                "扶贫临时救助标准(<**元/户·年)——一户年最高5300元",
                "10",
                Some("9.00"),
            ),
            ("★★★受益建档立卡贫困人口数≥**人", "30", Some("30.00")),
            ("★受助对象满意度(≥**%)", "10", None),
        ],
    );
    assert_eq!(card.total, d("88.84"));
    assert!(!card.complete);
    assert_eq!(card.open, d("10"));
    assert_eq!(card.grade, None);
}

#[test]
fn xiaoxian_sub_rows_take_no_points() {
    let card = check_scores(
        "xiaoxian_hexicun_2023_partial",
        "mof-2020",
        ("10", "10.00"),
        &[
            ("★补助各类瓜果蔬菜种植面积", "20", Some("20.00")),
            ("其中桃树种植面积", "0", Some("0.00")),
            ("养殖家畜家禽成活率", "5", Some("5.00")),
            ("特色产业带动增加受益农户收入(总收入)", "20", Some("20.00")),
        ],
    );
    // The excerpt stops before 满意度: its 10 points cannot be earned.
    assert_eq!(card.total, d("90.00"));
    assert_eq!(card.max, d("90.00"));
}

#[test]
fn qushangwu_form_level_points_win_and_the_120_points_are_found() {
    let card = check_scores(
        "qushangwu_fuwumaoyi_2020",
        "budget-20",
        ("20", "20.00"),
        &[
            ("服务外包在岸(万美元)", "10", Some("10.00")),
            ("资金拨付及时性", "10", Some("10.00")),
            // 有利于推动企业走出去 restates 是否利于企业走出去: met (domain.md §5).
            ("推动企业走出去方面发挥的作用", "20", Some("20.00")),
            ("企业国际质量提升", "10", Some("10.00")),
        ],
    );
    // 20 + 产出指标(60分) + 效益指标(40分): the form's own points add up to 120, all met.
    assert_eq!(card.max, d("120.00"));
    assert_eq!(card.total, d("120.00"));
    assert!(card.complete);
    let codes = audit_codes("qushangwu_fuwumaoyi_2020");
    assert!(has(&codes, "A003", "total"), "{codes:?}");
    // 年度绩效目标(80分) over 产出指标(60分) and 效益指标(40分).
    assert!(has(&codes, "A015", "年度绩效目标"), "{codes:?}");
    assert!(has(&codes, "A008", "产出指标"), "{codes:?}");
    assert!(has(&codes, "A008", "效益指标"), "{codes:?}");
    assert!(
        !has(&codes, "A008", "budget"),
        "the 20-point budget chose budget-20: {codes:?}"
    );
}

#[test]
fn huanggang_budget_20_and_two_point_groups_of_40() {
    // 年度绩效目标1(40分) holds three indicators, 年度绩效目标2(40分) two, none with a 分值:
    // each group's points split equally among its own (domain.md §5: the form's points win).
    let card = check_scores(
        "huanggang_shuitubaochi_2020",
        "budget-20",
        ("20", "20.00"),
        &[
            ("监测数据必须合格", "13.33", Some("13.33")),
            ("整编资料审核", "13.33", Some("13.33")),
            ("完成年度资料上报", "20", Some("20.00")),
        ],
    );
    assert_eq!(card.total, d("99.99"), "20 + 3 × 13.33 + 2 × 20");
    assert_eq!(card.grade.as_deref(), Some("优"));
    assert!(
        !card.flags.iter().any(|f| f.code == "level_empty"),
        "the points are the groups', no level's are lost: {:?}",
        card.flags
    );
    let codes = audit_codes("huanggang_shuitubaochi_2020");
    // 19.6 published against 13.33; 10 and 10 published for met indicators worth 13.33.
    assert!(has(&codes, "A005", "整编资料审核"), "{codes:?}");
    assert!(has(&codes, "A006", "监测数据必须合格"), "{codes:?}");
    assert!(
        !has(&codes, "A005", "完成年度资料上报"),
        "20 of 20: {codes:?}"
    );
    assert!(
        !has(&codes, "A001", "监测数据资料整编"),
        "20 of 20: {codes:?}"
    );
    assert!(
        has(&codes, "A012", "total"),
        "99.6 against 99.99: {codes:?}"
    );
    assert!(
        !codes.iter().any(|(c, _)| c == "A015"),
        "3 × 13.33 of 40 is the split's rounding: {codes:?}"
    );
}

#[test]
fn changjiang_budget_20_and_a_satisfaction_row_worth_40() {
    let card = check_scores(
        "changjiang_jinbu_2020",
        "budget-20",
        ("20", "20.00"),
        &[
            ("补贴渔船数", "13.33", Some("13.33")),
            ("退捕渔民抽样调查满意度", "10", Some("10.00")),
        ],
    );
    assert_eq!(card.total, d("69.99"));
    let codes = audit_codes("changjiang_jinbu_2020");
    assert!(has(&codes, "A005", "补贴渔船数"), "{codes:?}");
    assert!(has(&codes, "A005", "退捕渔民抽样调查满意度"), "{codes:?}");
    assert!(has(&codes, "A012", "total"), "{codes:?}");
}
