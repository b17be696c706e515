//! Properties of the review and the roll-up on arbitrary declarations: they never panic
//! (extreme amounts, odd text, missing levels), the counts agree with the findings, and the
//! roll-up's finding counts are the review's.

use chrono::NaiveDate;
use jixiao::model::{Declaration, Document, Indicator, MoneyUnit};
use jixiao::review::{review, ReviewPolicy};
use jixiao::summary::summarize;
use jixiao::taxonomy::{Level1, Level2};
use jixiao::value::Target;
use jixiao::Severity;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn amount() -> impl Strategy<Value = Option<Decimal>> {
    prop_oneof![
        Just(None),
        Just(Some(Decimal::MAX)),
        Just(Some(Decimal::MIN)),
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Some(Decimal::new(m, s))),
    ]
}

fn level1() -> impl Strategy<Value = Option<Level1>> {
    prop_oneof![
        Just(None),
        (0usize..4).prop_map(|i| Level1::ALL.get(i).copied())
    ]
}

fn level2() -> impl Strategy<Value = Option<Level2>> {
    prop_oneof![
        Just(None),
        (0usize..12).prop_map(|i| Level2::ALL.get(i).copied())
    ]
}

fn target_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("≥**%".to_owned()),
        Just("提高".to_owned()),
        Just("满意".to_owned()),
        Just("≥120%".to_owned()),
        Just("≤99999999999999999999999999999万元".to_owned()),
        "[≥≤=<>0-9.%人万元提高降低满意达标 ]{0,12}",
    ]
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        level1(),
        level2(),
        "[数量合格率 ]{0,4}",
        target_text(),
        amount(),
        proptest::option::of("[产出效益指标]{0,4}"),
    )
        .prop_map(|(l1, l2, name, target, weight, l1_text)| {
            let mut i = Indicator::new(l1, l2, &name, Target::parse(&target));
            i.weight = weight;
            i.level1_text = l1_text;
            i
        })
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of((2000i32..2040, 1u32..=12, 1u32..=28))
        .prop_map(|d| d.and_then(|(y, m, day)| NaiveDate::from_ymd_opt(y, m, day)))
}

fn declaration() -> impl Strategy<Value = Declaration> {
    (
        "[项目 ]{0,3}",
        proptest::option::of("[一次性经常]{0,5}"),
        [
            amount(),
            amount(),
            amount(),
            amount(),
            amount(),
            amount(),
            amount(),
        ],
        any::<bool>(),
        (date(), date()),
        proptest::collection::vec(indicator(), 0..8),
        proptest::option::of(amount()),
    )
        .prop_map(|(name, nature, m, wan, (start, end), indicators, points)| {
            let mut d = Declaration::default();
            d.project.name = name;
            d.project.nature = nature;
            d.project.start_date = start;
            d.project.end_date = end;
            d.funding.unit = if wan {
                MoneyUnit::WanYuan
            } else {
                MoneyUnit::Yuan
            };
            let [a, b, c, e, f, g, h] = m;
            d.funding.total = a;
            d.funding.total_fiscal = b;
            d.funding.total_other = c;
            d.funding.annual = e;
            d.funding.annual_fiscal = f;
            d.funding.annual_carryover = g;
            d.funding.annual_other = h;
            d.indicators = indicators;
            if let Some(Some(p)) = points {
                d.level_points.insert("产出指标".into(), p);
            }
            d
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn review_and_summary_never_panic_and_agree(
        decls in proptest::collection::vec(declaration(), 0..4),
        year in proptest::option::of(2000i32..2040),
        profile in prop_oneof![Just("any"), Just("classic"), Just("mof-2021"), Just("shanghai-2025")],
    ) {
        let doc = Document { year, declarations: decls, ..Document::default() };
        let policy = ReviewPolicy::for_profile(profile).unwrap();
        let r = review(&doc, &policy);
        let (e, w, i) = (r.count(Severity::Error), r.count(Severity::Warning), r.count(Severity::Info));
        prop_assert_eq!(e + w + i, r.findings.len());
        prop_assert_eq!(r.has_errors(), e > 0);
        let _ = r.to_text();
        let s = summarize(std::slice::from_ref(&doc), &policy);
        prop_assert_eq!(s.figures.findings.errors, e);
        prop_assert_eq!(s.figures.findings.warnings, w);
        prop_assert_eq!(s.figures.projects, doc.declarations.len());
        prop_assert_eq!(
            s.figures.indicators,
            s.figures.quantitative + s.figures.qualitative + s.figures.invalid
        );
        let _ = s.to_text();
        prop_assert!(serde_json::to_string(&s).is_ok());
    }
}
