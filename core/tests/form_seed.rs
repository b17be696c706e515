//! The seed: 上海市生态环境局执法总队 2024年度项目绩效目标汇总表, five 申报表 in the form layout.

mod form_common;

use form_common::{data, golden, read_named};
use jixiao::model::MoneyUnit;
use jixiao::read::encoding::{encode, Encoding};
use jixiao::read::form::read_form;
use jixiao::read::ReadOptions;
use jixiao::taxonomy::{Level1, Level2};
use jixiao::value::{parse_target, Comparator, TargetKind};
use jixiao::write::form::write_form;
use jixiao::write::json::to_json;
use rust_decimal::Decimal;

const SEED: &str = "shanghai-eeb-enforcement-2024.txt";

fn seed() -> jixiao::Document {
    let (doc, diagnostics) = read_named(data(SEED).as_bytes(), SEED);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    doc
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn document_title_year_and_counts() {
    let doc = seed();
    assert_eq!(
        doc.title.as_deref(),
        Some("上海市生态环境局执法总队2024年度项目绩效目标汇总表")
    );
    assert_eq!(doc.year, Some(2024));
    assert_eq!(doc.declarations.len(), 5);
    assert_eq!(doc.indicators().count(), 29);
    let names: Vec<&str> = doc
        .declarations
        .iter()
        .map(|d| d.project.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "环保热线运行",
            "生态环境综合执法相关配套工作",
            "办案经费",
            "生态环境执法工作能力建设",
            "办公用房修缮及装修经费"
        ]
    );
    let counts: Vec<usize> = doc
        .declarations
        .iter()
        .map(|d| d.indicators.len())
        .collect();
    assert_eq!(counts, [9, 4, 5, 5, 6]);
    assert!(doc.declarations.iter().all(|d| d.evaluation.is_none()));
}

#[test]
fn header_fields_and_dates() {
    let doc = seed();
    for d in &doc.declarations {
        let p = &d.project;
        assert_eq!(p.nature.as_deref(), Some("其他一次性项目"));
        assert_eq!(p.category.as_deref(), Some("特定目标类"));
        assert_eq!(p.department.as_deref(), Some("上海市生态环境局"));
        assert_eq!(p.implementer.as_deref(), Some("上海市生态环境局执法总队"));
        assert_eq!(
            p.start_date.map(|d| d.to_string()).as_deref(),
            Some("2024-01-01")
        );
        assert_eq!(
            p.end_date.map(|d| d.to_string()).as_deref(),
            Some("2024-12-31")
        );
        assert!(p.extra.is_empty(), "{:?}", p.extra);
        assert!(d.source.line > 0);
    }
    assert_eq!(doc.declarations[0].source.line, 5);
    assert_eq!(
        doc.declarations[0].source.file.as_deref(),
        Some("shanghai-eeb-enforcement-2024.txt")
    );
}

#[test]
fn funding_is_exact_and_empty_cells_are_none() {
    let doc = seed();
    let annual: Vec<String> = doc
        .declarations
        .iter()
        .map(|d| d.funding.annual.map(|a| a.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(
        annual,
        [
            "2650000.00",
            "4228800.00",
            "1946200.00",
            "730000.00",
            "10000000.00"
        ]
    );
    let sum: Decimal = doc
        .declarations
        .iter()
        .filter_map(|d| d.funding.annual)
        .sum();
    assert_eq!(sum, dec("19555000.00"));
    for d in &doc.declarations {
        let f = &d.funding;
        assert_eq!(f.unit, MoneyUnit::Yuan);
        assert_eq!(f.total, None);
        assert_eq!(f.total_fiscal, None);
        assert_eq!(f.total_other, None);
        assert_eq!(f.annual_fiscal, f.annual);
        // The seed's first form shifts this row by a column: `\t\t\t\t上年结转资金\t0.00`.
        assert_eq!(f.annual_carryover, Some(dec("0.00")));
        assert_eq!(f.annual_other, Some(dec("0.00")));
        assert!(f.source.line > d.source.line);
    }
    assert_eq!(doc.declarations[0].funding.source.line, 12);
}

#[test]
fn goals_have_no_html() {
    let doc = seed();
    for d in &doc.declarations {
        let overall = d.goals.overall.as_deref().unwrap_or_default();
        let annual = d.goals.annual.as_deref().unwrap_or_default();
        assert!(overall.chars().count() > 50, "{overall}");
        assert!(annual.chars().count() > 50, "{annual}");
        for text in [overall, annual] {
            assert!(!text.contains("<p>") && !text.contains("</p>"), "{text}");
        }
    }
    let second = &doc.declarations[1].goals;
    assert!(second
        .overall
        .as_deref()
        .unwrap_or_default()
        .starts_with("全面落实习近平生态文明思想"));
}

#[test]
fn every_row_has_the_right_levels() {
    let doc = seed();
    use Level1::*;
    use Level2::*;
    let expected: [(Level1, Level2); 29] = [
        (Output, Quantity),
        (Output, Quality),
        (Output, Quality),
        (Output, Quality),
        (Output, Quality),
        (Output, Timeliness),
        (Output, Timeliness),
        (Benefit, SocialBenefit),
        (Satisfaction, ServiceSatisfaction),
        (Output, Quantity),
        (Output, Quality),
        (Benefit, SocialBenefit),
        (Satisfaction, ServiceSatisfaction),
        (Output, Quantity),
        (Output, Quality),
        (Output, Timeliness),
        (Benefit, EcologicalBenefit),
        (Satisfaction, ServiceSatisfaction),
        (Output, Quantity),
        (Output, Quality),
        (Output, Timeliness),
        (Benefit, SocialBenefit),
        (Satisfaction, ServiceSatisfaction),
        (Output, Quantity),
        (Output, Quality),
        (Output, Quality),
        (Output, Timeliness),
        (Benefit, SocialBenefit),
        (Satisfaction, ServiceSatisfaction),
    ];
    let got: Vec<(Option<Level1>, Option<Level2>)> =
        doc.indicators().map(|i| (i.level1, i.level2)).collect();
    let want: Vec<(Option<Level1>, Option<Level2>)> =
        expected.iter().map(|&(a, b)| (Some(a), Some(b))).collect();
    assert_eq!(got, want);
    // The two rows that lack a whole label column are 质量指标 under 产出指标.
    for name in ["热线受理平台功能优化合格率", "服务费用按时发放"] {
        let i = doc
            .indicators()
            .find(|i| i.name == name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(
            (i.level1, i.level2),
            (Some(Output), Some(Quality)),
            "{name}"
        );
    }
    for i in doc.indicators() {
        assert!(i.source.line > 0, "{}", i.name);
        assert_eq!(i.weight, None);
    }
}

#[test]
fn shifted_rows_keep_their_target() {
    let doc = seed();
    let first = &doc.declarations[0].indicators;
    let pairs: Vec<(&str, &str)> = first
        .iter()
        .map(|i| (i.name.as_str(), i.target.text.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("服务费保障聘用人员数量", "≥17.00(人)"),
            ("热线受理平台功能优化质量", "提高"),
            ("热线受理平台功能优化合格率", "≥98.00(%)"),
            ("热线平台故障发生率", "降低"),
            ("服务费用按时发放", "按月发放"),
            ("热线受理平台功能优化完成及时率", "=100.00 (%)"),
            ("热线受理平台故障响应处置及时率", "=100.00 (%)"),
            ("有奖举报奖励落实发放率", "≥90.00 (%)"),
            ("热线受理人员满意度", "满意"),
        ]
    );
    assert_eq!(first[2].source.line, 21);
    let last = doc.declarations[4]
        .indicators
        .last()
        .map(|i| i.target.text.as_str());
    assert_eq!(last, Some("$\\geq 90.00\\%$"));
    // Every target is what the grammar makes of the text as written.
    for i in doc.indicators() {
        assert_eq!(i.target, parse_target(&i.target.text), "{}", i.name);
    }
}

#[test]
fn targets_are_typed_by_the_grammar() {
    let doc = seed();
    let target = |name: &str| {
        doc.indicators()
            .find(|i| i.name == name)
            .map(|i| i.target.clone())
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    let t = target("服务费保障聘用人员数量");
    assert_eq!(t.kind, TargetKind::Quantitative);
    assert_eq!(t.comparator, Some(Comparator::AtLeast));
    assert_eq!(t.value.map(|v| v.to_string()).as_deref(), Some("17.00"));
    assert_eq!(t.unit.as_deref(), Some("人"));
    let t = target("使用人员满意率");
    assert_eq!(t.kind, TargetKind::Quantitative);
    assert_eq!(t.comparator, Some(Comparator::AtLeast));
    assert_eq!(t.value.map(|v| v.to_string()).as_deref(), Some("90.00"));
    assert_eq!(t.unit.as_deref(), Some("%"));
    let t = target("房屋修缮工程量");
    assert_eq!(t.comparator, Some(Comparator::AtMost));
    assert_eq!(t.unit.as_deref(), Some("平方米"));
    assert_eq!(target("设备验收合格率").comparator, Some(Comparator::Equal));
    assert_eq!(
        target("热线受理平台功能优化质量").kind,
        TargetKind::Qualitative
    );
    let kinds: Vec<TargetKind> = doc.indicators().map(|i| i.target.kind).collect();
    let count = |kind: TargetKind| kinds.iter().filter(|k| **k == kind).count();
    assert_eq!(count(TargetKind::Quantitative), 21);
    assert_eq!(count(TargetKind::Qualitative), 8);
    assert_eq!(count(TargetKind::Invalid), 0);
    for i in doc.indicators() {
        match i.target.kind {
            TargetKind::Quantitative => {
                assert!(
                    i.target.comparator.is_some() && i.target.value.is_some(),
                    "{}",
                    i.name
                )
            }
            _ => assert!(i.target.class.is_some(), "{}: {:?}", i.name, i.target),
        }
    }
}

#[test]
fn golden_json() {
    golden("seed.json", &to_json(&seed()));
}

#[test]
fn gb18030_crlf_copy_gives_identical_json() {
    let text = data(SEED).replace('\n', "\r\n");
    let bytes = encode(&text, Encoding::Gb18030);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the copy must really be GB18030"
    );
    let reading = jixiao::read::read(&bytes, &ReadOptions::named(SEED)).expect("GB18030 seed");
    assert_eq!(reading.encoding, "GB18030");
    assert!(reading.diagnostics.is_empty());
    assert_eq!(to_json(&reading.document), to_json(&seed()));
}

#[test]
fn form_json_form_json_is_stable() {
    let doc = seed();
    let json = to_json(&doc);
    let from_json = jixiao::read::read(json.as_bytes(), &ReadOptions::named("seed.json"))
        .expect("canonical JSON reads back");
    assert_eq!(from_json.document, doc);
    let form = write_form(&from_json.document);
    let (again, diagnostics) = read_form(&form, &ReadOptions::named("seed.form.txt"))
        .unwrap_or_else(|e| panic!("{e}\n{form}"));
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    assert_eq!(to_json(&again), json);
}

#[test]
fn write_form_reads_back_to_an_equal_model() {
    let doc = seed();
    let text = write_form(&doc);
    assert!(text.contains("财政项目支出绩效目标申报表"));
    assert!(text.contains("年度资金申请总额\t2650000.00"));
    let (again, diagnostics) = read_form(&text, &ReadOptions::default()).expect("reads back");
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    assert_eq!(again, doc);
    assert_eq!(write_form(&again), text);
}
