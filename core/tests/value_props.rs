//! Properties of the 指标值 grammar: canonical rendering parses back to the same target,
//! and parsing never panics.

use jixiao::value::{
    parse_actual, parse_number, parse_target, unit, Comparator, Target, TargetKind,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

const UNITS: &[&str] = &[
    "%",
    "百分比",
    "%(百分比)",
    "‰",
    "人",
    "人次",
    "台",
    "套",
    "个",
    "辆",
    "次",
    "件",
    "份",
    "家",
    "项",
    "场",
    "户",
    "篇",
    "本",
    "册",
    "株",
    "个村",
    "家企业",
    "平方米",
    "㎡",
    "亩",
    "公顷",
    "平方公里",
    "米",
    "厘米",
    "公里",
    "千米",
    "元",
    "千元",
    "万元",
    "亿元",
    "天",
    "日",
    "月",
    "个月",
    "年",
    "小时",
    "分钟",
    "工作日",
    "个工作日",
    "次/月",
    "万元/人",
    "人/次",
    "元/平方米",
    "M",
    "Mbps",
    "吨",
    "万",
    "亿",
    "万人次",
    "分",
    "个百分点",
];

const QUALITATIVE: &[&str] = &[
    "提高",
    "有所提高",
    "稳步提高",
    "有效提升",
    "降低",
    "逐年下降",
    "达标",
    "合格",
    "符合国家相关规定",
    "规范",
    "满意",
    "较满意",
    "有一定促进作用",
    "有积极促进作用",
    "效果明显",
    "持续改善",
    "及时",
    "按时",
    "按月发放",
    "按期完成",
    "2023年12月底前",
    "12月底前",
    "不低于上年水平",
    "达成年度指标",
    "是",
    "X光机运行正常",
    "3个工作日内完成",
];

fn comparator() -> impl Strategy<Value = Comparator> {
    prop_oneof![
        Just(Comparator::AtLeast),
        Just(Comparator::Above),
        Just(Comparator::Equal),
        Just(Comparator::Below),
        Just(Comparator::AtMost),
    ]
}

fn quantitative() -> impl Strategy<Value = Target> {
    (
        comparator(),
        0i64..1_000_000_000_000,
        0u32..=4,
        proptest::option::of(proptest::sample::select(UNITS)),
        any::<bool>(),
    )
        .prop_map(|(c, m, scale, unit, negative)| {
            let value = Decimal::new(if negative && m != 0 { -m } else { m }, scale);
            Target {
                text: String::new(),
                kind: TargetKind::Quantitative,
                comparator: Some(c),
                value: Some(value),
                unit: unit.map(str::to_owned),
                unit_class: unit.and_then(unit::classify).map(|i| i.class),
                class: None,
                problem: None,
            }
        })
}

/// Everything but the verbatim text.
fn typed(t: &Target) -> Target {
    Target {
        text: String::new(),
        ..t.clone()
    }
}

/// Strings made of the characters the grammar cares about.
fn grammar_text() -> impl Strategy<Value = String> {
    "[0-9０-９.,，%％≥≤≧≦＞＜<>=＝═ ()（）$\\\\geqlt{}^Xx*_\\-—/以上下内及不低于少超过至人次万元平方米天月年个村底前提高满意达标合格按时每约左右含季度一二两三十百〇般性 \u{3000}]{0,16}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn quantitative_round_trip(t in quantitative()) {
        let rendered = t.render();
        let back = parse_target(&rendered);
        prop_assert_eq!(&back.text, &rendered);
        prop_assert_eq!(typed(&back), typed(&t), "rendered as {}", rendered);
    }

    #[test]
    fn qualitative_round_trip(i in 0..QUALITATIVE.len(), pad in "[ \u{3000}]{0,2}") {
        let text = format!("{pad}{}{pad}", QUALITATIVE[i]);
        let t = parse_target(&text);
        prop_assert_eq!(t.kind, TargetKind::Qualitative, "{}", text);
        prop_assert!(t.class.is_some());
        prop_assert_eq!(typed(&parse_target(&t.render())), typed(&t));
    }

    /// Whatever the text, its canonical rendering parses to the same target.
    #[test]
    fn render_is_canonical(text in grammar_text()) {
        let t = parse_target(&text);
        prop_assert_eq!(&t.text, &text);
        let again = parse_target(&t.render());
        prop_assert_eq!(typed(&again), typed(&t), "text {:?} rendered {:?}", text, t.render());
    }

    #[test]
    fn never_panics(text in any::<String>()) {
        let t = parse_target(&text);
        prop_assert_eq!(&t.text, &text);
        let _ = typed(&parse_target(&t.render()));
        let _ = parse_actual(&text);
        let _ = parse_number(&text);
        let _ = unit::classify(&text);
        let _ = jixiao::value::deadline_in(&text, Some(2024));
        let _ = unit::same(&text, "%");
        let _ = unit::convert(Decimal::MAX, &text, "元");
        let _ = unit::align(Decimal::MAX, &text, Decimal::MIN, "万元");
        let _ = unit::to_base(Decimal::MAX, &text);
    }

    #[test]
    fn units_never_panic(a in "[万亿千百元米人次%/()（）平方公里小时分钟天月年个村 ]{0,8}", b in "[万亿千百元米人次%/()平方公里小时分钟天月年个 ]{0,8}") {
        let _ = unit::same(&a, &b);
        prop_assert_eq!(unit::same(&a, &b), unit::same(&b, &a));
        let _ = unit::convert(Decimal::MAX, &a, &b);
        let _ = unit::align(Decimal::MAX, &a, Decimal::MIN, &b);
        if let Some(x) = unit::convert(Decimal::ONE, &a, &b) {
            // Converting back gives the value again.
            prop_assert_eq!(unit::convert(x, &b, &a), Some(Decimal::ONE), "{} → {}", a, b);
        }
    }

    #[test]
    fn never_panics_on_grammar_text(text in grammar_text()) {
        let a = parse_actual(&text);
        prop_assert_eq!(&a.text, &text);
        if let Some(v) = parse_number(&text) {
            // A number that parses alone parses as a bare-number target with that value.
            prop_assert_eq!(parse_target(&text).value, Some(v));
        }
    }

    #[test]
    fn numbers_keep_their_scale(m in 0u64..u64::MAX, scale in 0u32..=6) {
        let d = Decimal::new(i64::try_from(m / 2).unwrap_or(0), scale);
        prop_assert_eq!(parse_number(&d.to_string()), Some(d));
    }

    #[test]
    fn conversions_are_exact(m in 0i64..1_000_000_000, scale in 0u32..=2) {
        let v = Decimal::new(m, scale);
        for (a, b) in [("万元", "元"), ("公里", "米"), ("小时", "分钟"), ("年", "月"), ("公顷", "平方米")] {
            let there = unit::convert(v, a, b);
            prop_assert!(there.is_some());
            prop_assert_eq!(there.and_then(|x| unit::convert(x, b, a)), Some(v));
        }
    }
}

/// Long inputs are linear and do not overflow the stack.
#[test]
fn long_inputs() {
    for piece in [
        "每",
        "≥",
        "(",
        ")",
        "1",
        "1,000",
        "提高",
        "X",
        "$\\geq",
        "万",
        "年",
        "/",
        "%(百分比)",
    ] {
        let text = piece.repeat(100_000);
        let start = std::time::Instant::now();
        let t = parse_target(&text);
        let _ = parse_actual(&text);
        let _ = unit::classify(&text);
        let _ = jixiao::value::deadline_in(&text, Some(2024));
        assert_eq!(t.text.len(), text.len());
        assert!(
            start.elapsed().as_secs() < 5,
            "{piece}: {:?}",
            start.elapsed()
        );
    }
}
