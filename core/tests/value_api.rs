//! The 实际完成值 grammar, deadlines and unit conversions as scoring uses them.

use chrono::NaiveDate;
use jixiao::value::{
    deadline, deadline_in, parse_actual, parse_number, parse_target, unit, Comparator,
    QualitativeClass, TargetKind, UnitClass,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

#[test]
fn actuals() {
    // (text, comparator written, value, unit)
    type Case = (
        &'static str,
        Option<Comparator>,
        Option<&'static str>,
        Option<&'static str>,
    );
    let cases: [Case; 14] = [
        ("100%", None, Some("100"), Some("%")),
        ("17人", None, Some("17"), Some("人")),
        ("98.5%", None, Some("98.5"), Some("%")),
        ("≥266米", Some(Comparator::AtLeast), Some("266"), Some("米")),
        ("=100%", Some(Comparator::Equal), Some("100"), Some("%")),
        ("5,000", None, Some("5000"), None),
        ("５，０００人次", None, Some("5000"), Some("人次")),
        ("215,457.6", None, Some("215457.6"), None),
        ("4578.00(平方米)", None, Some("4578.00"), Some("平方米")),
        ("90%以上", Some(Comparator::AtLeast), Some("90"), Some("%")),
        ("及时", None, None, None),
        ("达成年度指标", None, None, None),
        ("2023年12月20日", None, None, None),
        ("", None, None, None),
    ];
    for (text, comparator, value, unit) in cases {
        let a = parse_actual(text);
        assert_eq!(a.text, text);
        assert_eq!(
            (
                a.comparator,
                a.value.map(|v| v.to_string()),
                a.unit.as_deref()
            ),
            (comparator, value.map(str::to_owned), unit),
            "{text}"
        );
    }
}

#[test]
fn numbers_are_exact_and_never_floats() {
    assert_eq!(
        parse_number("17.00").map(|v| v.to_string()).as_deref(),
        Some("17.00")
    );
    assert_eq!(parse_number("0.1").map(|v| v + d("0.2")), Some(d("0.3")));
    for text in [
        "NaN", "nan", "inf", "-inf", "Infinity", "1e999", "1E5", "0x10", "1.2.3", "5 000", "--5",
    ] {
        assert_eq!(parse_number(text), None, "{text}");
    }
    // The largest mantissa rust_decimal holds, and one digit more.
    assert!(parse_number("79228162514264337593543950335").is_some());
    assert_eq!(parse_number("79228162514264337593543950336"), None);
    assert!(parse_number("0.0000000000000000000000000001").is_some());
    assert_eq!(parse_number("0.00000000000000000000000000001"), None);
}

#[test]
fn deadlines_of_targets_and_actuals() {
    let ymd = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
    let t = parse_target("2023年12月底前");
    assert_eq!(
        (t.kind, t.class),
        (TargetKind::Qualitative, Some(QualitativeClass::OnTime))
    );
    assert_eq!(deadline(&t.text), ymd(2023, 12, 31));
    assert_eq!(deadline("2023年12月20日"), ymd(2023, 12, 20));
    assert_eq!(deadline("12月底前"), None);
    assert_eq!(deadline_in("12月底前", Some(2023)), ymd(2023, 12, 31));
    assert_eq!(deadline_in("6月30日前", Some(2024)), ymd(2024, 6, 30));
    assert_eq!(deadline("按期完成"), None);
}

#[test]
fn units_in_scoring() {
    // A target in 万元 against an actual in 元.
    let t = parse_target("≤90万元");
    let a = parse_actual("875,000元");
    let (tv, tu) = (t.value.expect("value"), t.unit.expect("unit"));
    let (av, au) = (a.value.expect("value"), a.unit.expect("unit"));
    assert_eq!(unit::convert(av, &au, &tu), Some(d("87.5")));
    assert_eq!(
        unit::align(tv, &tu, av, &au),
        Some((d("900000"), d("875000")))
    );
    // `250万` against a money target: a pure magnitude.
    assert_eq!(unit::convert(d("250"), "万", "万元"), Some(d("250")));
    assert_eq!(unit::convert(d("250"), "万", "%"), None);
    // Percent spelled three ways.
    assert!(unit::same("%", "百分比") && unit::same("(%)", "%(百分比)") && unit::same("％", "%"));
    assert!(!unit::same("%", "‰"));
    assert_eq!(
        unit::classify("‰").map(|i| i.class),
        Some(UnitClass::Percent)
    );
    // Different bases do not convert.
    assert_eq!(unit::convert(d("1"), "天", "月"), None);
    assert_eq!(unit::convert(d("1"), "平方米", "米"), None);
    assert_eq!(unit::align(d("1"), "人次", d("1"), "人"), None);
    // A side without a unit is read in the other side's unit.
    assert_eq!(
        unit::align(d("50"), "", d("48"), "个"),
        Some((d("50"), d("48")))
    );
}

#[test]
fn percent_above_100_parses() {
    let t = parse_target("≥120%");
    assert_eq!(
        (t.kind, t.unit_class),
        (TargetKind::Quantitative, Some(UnitClass::Percent))
    );
    assert_eq!(t.value, Some(d("120")));
}

/// A target that writes the indicator's name before its limit (`成本不超过1.4万元`) is the
/// limit; a relative change (`比上年增加不少于5个`), a long sentence before the limit and a
/// text with no number after the comparator stay qualitative.
#[test]
fn a_name_before_the_limit() {
    let t = parse_target("总成本不超过347.3万元/年");
    assert_eq!(t.kind, TargetKind::Quantitative);
    assert_eq!(t.comparator, Some(Comparator::AtMost));
    assert_eq!(t.value, Some(d("347.3")));
    for text in [
        "比上年增加不少于5个",
        "较上年提高不低于5%",
        "通过项目实施使辖区内居民生活环境得到明显改善达到95%",
        "群众满意度不低于上年",
        "群众满意度明显提高",
    ] {
        assert_eq!(parse_target(text).kind, TargetKind::Qualitative, "{text}");
    }
}
