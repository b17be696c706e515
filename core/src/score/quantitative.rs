//! 定量指标: 正向 / 反向 / 等于 rules, including T = 0 (`domain.md` §5 table).

use std::cmp::Ordering;
use std::fmt::Write as _;

use rust_decimal::{Decimal, RoundingStrategy};

use super::engine::{Explain, Flags, Outcome};
use super::quantity::{convert, normalize_unit, read_quantity, Conversion};
use super::{plain, round2, Figure, FlagCode, Profile, ReversePolicy, Status};
use crate::model::Direction;
use crate::value::{Comparator, Target};

const INCREASE: &str =
    "正向指标：A ≥ T 得满分，否则按比例 A/T × W 记分 (财预〔2020〕10号 附件2 定量指标按比例记分)";
const EQUAL: &str =
    "等于 (T > 0) 按正向计分：A ≥ T 得满分，否则 A/T × W (财预〔2020〕10号; domain.md §5)";
const ZERO: &str =
    "目标值为 0 (= 0 / ≤ 0)：A ≤ 0 得满分，否则 0 分 (jixiao 默认规则, domain.md §5)";
const REVERSE_LINEAR: &str =
    "反向指标：A ≤ T 得满分；T < A < 2T 按 (1 − (A − T)/T) × W；A ≥ 2T 得 0 分 \
     (jixiao 政策 reverse=linear, domain.md §5, 延伸财预〔2020〕10号按比例记分)";
const REVERSE_RATIO: &str =
    "反向指标：A ≤ T 得满分；A > T 按 T/A × W 记分 (jixiao 政策 reverse=ratio, domain.md §5)";
const NOT_COMPARABLE: &str = "定量指标：实际值须为可与目标值比较的数值 (domain.md §5 not scorable)";

/// How `a` compares with `b`: figures of one scale (the actual and target as most forms
/// write them) compare as integers, others as decimals.
fn compare(a: Decimal, b: Decimal) -> Ordering {
    if a.scale() == b.scale() {
        a.mantissa().cmp(&b.mantissa())
    } else {
        a.cmp(&b)
    }
}

/// `value < 0`, without aligning scales (a zero may carry a sign: `-0` is not negative).
fn is_negative(value: Decimal) -> bool {
    value.is_sign_negative() && !value.is_zero()
}

/// `value > 0`, without aligning scales.
fn is_positive(value: Decimal) -> bool {
    value.is_sign_positive() && !value.is_zero()
}

fn r6(value: Decimal) -> String {
    plain(value.round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero))
}

/// Scores a quantitative indicator: target `target`, actual text `actual`, weight `w`.
/// `direction` is the 正向/反向 a list export may declare beside the comparator: a `=`
/// target declared 反向 is scored as `≤` (an exact target cannot say which side is better).
pub(crate) fn score(
    target: &Target,
    actual: &str,
    w: Decimal,
    direction: Option<Direction>,
    profile: &Profile,
    explain: Explain,
) -> Outcome<'static> {
    let written = target.comparator.unwrap_or(Comparator::Equal);
    let comparator = match (written, direction) {
        (Comparator::Equal, Some(Direction::Decrease)) => Comparator::AtMost,
        _ => written,
    };
    let Some(t) = target.value else {
        return Outcome::not_scorable(explain, NOT_COMPARABLE, || {
            format!(
                "目标值 `{}` 没有数值 (the target has no number)",
                target.text
            )
        });
    };
    let Some(q) = read_quantity(actual) else {
        return Outcome::not_scorable(explain, NOT_COMPARABLE, || {
            format!("实际完成值 `{actual}` 不是数值，无法与定量目标比较 (non-numeric actual for a quantitative target)")
        });
    };
    let mut flags = Flags::new(explain);
    if comparator != written {
        flags.push(FlagCode::DirectionApplied, || {
            (
                "“=”目标声明为反向指标，按“≤”计分".to_owned(),
                "an exact (=) target declared 反向 is scored as ≤".to_owned(),
            )
        });
    }
    if let Some(c) = q.comparator {
        flags.push(FlagCode::ActualComparator, || {
            (
                format!(
                    "实际完成值带有比较符 `{}`，按数值 {} 计",
                    c.symbol(),
                    plain(q.value)
                ),
                format!(
                    "the actual carries a comparator `{}`; its number {} is used",
                    c.symbol(),
                    plain(q.value)
                ),
            )
        });
    }
    let target_unit = target.unit.as_deref().and_then(normalize_unit);
    let (mut a, t, unit, note) =
        match convert(q.value, q.unit.as_deref(), t, target_unit.as_deref()) {
            Conversion::Same(a, t, u) => (a, t, u.unwrap_or_default(), None),
            Conversion::Converted(a, t, u, note) => (a, t, u.unwrap_or_default(), Some(note)),
            Conversion::Mismatch(au, tu) => {
                return Outcome::not_scorable(explain, NOT_COMPARABLE, move || {
                    format!(
                        "单位不一致：实际 {au}，目标 {tu}，无法换算 (unit mismatch: {au} vs {tu})"
                    )
                });
            }
        };
    if let Some(note) = &note {
        flags.push(FlagCode::UnitConverted, || {
            (
                format!("单位换算：{note}"),
                format!("unit converted exactly: {note}"),
            )
        });
    }
    if is_negative(a) {
        flags.push(FlagCode::NegativeActual, || {
            (
                format!("实际值 {} 为负，按 0 计", plain(a)),
                format!("the actual {} is negative and counts as 0", plain(a)),
            )
        });
        a = Decimal::ZERO;
    }
    let inputs = |out: &mut String| {
        let _ = write!(out, "A = {}{unit}", Figure(a.normalize()));
        if let Some(n) = &note {
            let _ = write!(out, " ({n})");
        }
        let _ = write!(
            out,
            ", T: {}{}{unit}, W = {}",
            comparator.symbol(),
            Figure(t.normalize()),
            Figure(w.normalize())
        );
    };
    let full = |rule: &'static str, why: &str, flags: Flags| Outcome {
        raw: Some(w),
        status: Status::Met,
        rule,
        explanation: explain.text(|| {
            let mut out = String::with_capacity(96);
            inputs(&mut out);
            let _ = write!(out, ": {why} → {}", Figure(round2(w)));
            out
        }),
        flags,
        reason: None,
    };
    let partial =
        |rule: &'static str, arithmetic: &dyn Fn() -> String, raw: Decimal, flags: Flags| {
            let score = round2(raw);
            Outcome {
                raw: Some(raw),
                status: if is_positive(score) {
                    Status::Partial
                } else {
                    Status::Unmet
                },
                rule,
                explanation: explain.text(|| {
                    let mut out = String::with_capacity(160);
                    inputs(&mut out);
                    let _ = write!(out, ": {} = {} → {}", arithmetic(), r6(raw), Figure(score));
                    out
                }),
                flags,
                reason: None,
            }
        };
    if is_negative(t) {
        return Outcome::not_scorable(explain, NOT_COMPARABLE, || {
            format!(
                "目标值 {} 为负，无法计分 (a negative target cannot be scored)",
                plain(t)
            )
        });
    }
    match comparator {
        Comparator::AtLeast | Comparator::Above | Comparator::Equal if is_positive(t) => {
            let rule = if comparator == Comparator::Equal {
                EQUAL
            } else {
                INCREASE
            };
            // A/T overflows only for absurd figures (T tiny, A huge): saturate, it is ≥ 1.3.
            let ratio = a.checked_div(t).unwrap_or(Decimal::MAX);
            if ratio >= profile.over_achievement_ratio {
                flags.push(FlagCode::OverAchievement, || {
                    (
                        format!(
                            "超额完成 (A/T = {} ≥ {})：目标值可能设置偏低，须说明偏差原因",
                            r6(ratio),
                            plain(profile.over_achievement_ratio)
                        ),
                        format!(
                            "over-achieved (A/T = {} ≥ {}): the target may have been set too low; a deviation note is required",
                            r6(ratio),
                            plain(profile.over_achievement_ratio)
                        ),
                    )
                });
            }
            if comparator == Comparator::Equal && compare(a, t).is_gt() {
                flags.push(FlagCode::ExactExceeded, || {
                    (
                        "实际值超过“等于”目标值，按正向计满分（不超过分值）".to_owned(),
                        "the actual exceeds an exact (=) target: scored as 正向, capped at the weight"
                            .to_owned(),
                    )
                });
            }
            if compare(a, t).is_ge() {
                full(rule, "A ≥ T → W", flags)
            } else {
                partial(
                    rule,
                    &|| format!("A < T → {} / {} × {}", plain(a), plain(t), plain(w)),
                    ratio.saturating_mul(w),
                    flags,
                )
            }
        }
        Comparator::AtLeast | Comparator::Above => Outcome::not_scorable(explain, INCREASE, || {
            format!(
                "目标为 {} 0：任何实际值都满足，无法按比例计分 (T = 0 with {}: not scorable)",
                comparator.symbol(),
                comparator.symbol()
            )
        }),
        Comparator::Equal | Comparator::AtMost | Comparator::Below if t.is_zero() => {
            if !is_positive(a) {
                full(ZERO, "A ≤ 0 → W", flags)
            } else {
                partial(ZERO, &|| "A > 0 → 0".to_owned(), Decimal::ZERO, flags)
            }
        }
        // Equal with T = 0 is the arm above; what is left is 反向 with T > 0.
        Comparator::Equal | Comparator::AtMost | Comparator::Below => {
            if compare(a, t).is_le() {
                let rule = match profile.reverse {
                    ReversePolicy::Linear => REVERSE_LINEAR,
                    ReversePolicy::Ratio => REVERSE_RATIO,
                };
                return full(rule, "A ≤ T → W", flags);
            }
            match profile.reverse {
                ReversePolicy::Linear => {
                    if a >= t.saturating_add(t) {
                        partial(
                            REVERSE_LINEAR,
                            &|| "A ≥ 2T → 0".to_owned(),
                            Decimal::ZERO,
                            flags,
                        )
                    } else {
                        // T < A < 2T: 0 < (A − T)/T < 1, no overflow.
                        let excess = a.saturating_sub(t).checked_div(t).unwrap_or(Decimal::ONE);
                        let raw = (Decimal::ONE - excess.min(Decimal::ONE)).saturating_mul(w);
                        partial(
                            REVERSE_LINEAR,
                            &|| {
                                format!(
                                    "T < A < 2T → (1 − ({} − {}) / {}) × {}",
                                    plain(a),
                                    plain(t),
                                    plain(t),
                                    plain(w)
                                )
                            },
                            raw,
                            flags,
                        )
                    }
                }
                ReversePolicy::Ratio => partial(
                    REVERSE_RATIO,
                    &|| format!("A > T → {} / {} × {}", plain(t), plain(a), plain(w)),
                    t.checked_div(a).unwrap_or(Decimal::ZERO).saturating_mul(w),
                    flags,
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::TargetKind;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    fn target(c: Comparator, v: &str, unit: Option<&str>) -> Target {
        Target {
            text: format!("{}{v}{}", c.symbol(), unit.unwrap_or("")),
            kind: TargetKind::Quantitative,
            comparator: Some(c),
            value: Some(d(v)),
            unit: unit.map(str::to_owned),
            unit_class: None,
            class: None,
            problem: None,
        }
    }

    fn s(c: Comparator, t: &str, unit: Option<&str>, a: &str, w: &str) -> Outcome<'static> {
        score(
            &target(c, t, unit),
            a,
            d(w),
            None,
            &Profile::default(),
            Explain(true),
        )
    }

    #[test]
    fn compare_agrees_with_decimal_order() {
        let values = [
            "0", "-0", "0.00", "1", "1.0", "0.99", "-1.5", "100", "99.99", "1e-28",
        ];
        for a in values {
            for b in values {
                let (a, b) = (
                    a.parse()
                        .unwrap_or_else(|_| Decimal::from_scientific(a).unwrap_or_default()),
                    b.parse()
                        .unwrap_or_else(|_| Decimal::from_scientific(b).unwrap_or_default()),
                );
                assert_eq!(compare(a, b), a.cmp(&b), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn increase() {
        let o = s(Comparator::AtLeast, "98", Some("%"), "95%", "10");
        assert_eq!(o.status, Status::Partial);
        assert_eq!(round2(o.raw.expect("scored")), d("9.69"));
        let o = s(Comparator::AtLeast, "98", Some("%"), "99%", "10");
        assert_eq!((o.status, o.raw), (Status::Met, Some(d("10"))));
        let o = s(Comparator::Above, "5", Some("台"), "0台", "10");
        assert_eq!(o.status, Status::Unmet);
    }

    #[test]
    fn over_achievement_and_cap() {
        let o = s(Comparator::AtLeast, "100", Some("人"), "130人", "10");
        assert_eq!(o.raw, Some(d("10")));
        assert!(o.flags.list.iter().any(|f| f.code == "over_achievement"));
        let o = s(Comparator::AtLeast, "100", Some("人"), "129人", "10");
        assert!(o.flags.list.is_empty());
    }

    #[test]
    fn equal_overshoot_is_capped_and_flagged() {
        let o = s(Comparator::Equal, "100", Some("%"), "105%", "10");
        assert_eq!((o.status, o.raw), (Status::Met, Some(d("10"))));
        assert!(o.flags.list.iter().any(|f| f.code == "exact_exceeded"));
        let o = s(Comparator::Equal, "100", Some("%"), "90%", "10");
        assert_eq!(o.raw, Some(d("9")));
    }

    #[test]
    fn zero_targets() {
        assert_eq!(
            s(Comparator::Equal, "0", Some("起"), "0", "5").raw,
            Some(d("5"))
        );
        let o = s(Comparator::AtMost, "0", Some("起"), "1起", "5");
        assert_eq!((o.status, o.raw), (Status::Unmet, Some(d("0"))));
        assert_eq!(
            s(Comparator::AtLeast, "0", Some("个"), "3个", "5").status,
            Status::NotScorable
        );
    }

    #[test]
    fn reverse_linear_and_ratio() {
        assert_eq!(
            s(Comparator::AtMost, "90", Some("万元"), "80万元", "10").raw,
            Some(d("10"))
        );
        let o = s(Comparator::AtMost, "100", Some("万元"), "125万元", "10");
        assert_eq!(o.raw, Some(d("7.5")));
        assert_eq!(o.status, Status::Partial);
        assert_eq!(
            s(Comparator::AtMost, "100", Some("万元"), "200万元", "10").raw,
            Some(d("0"))
        );
        let ratio = Profile {
            reverse: ReversePolicy::Ratio,
            ..Profile::default()
        };
        let o = score(
            &target(Comparator::AtMost, "100", Some("万元")),
            "125万元",
            d("10"),
            None,
            &ratio,
            Explain(true),
        );
        assert_eq!(o.raw, Some(d("8")));
    }

    #[test]
    fn units() {
        let o = s(Comparator::AtMost, "90", Some("万元"), "850000元", "10");
        assert_eq!(o.raw, Some(d("10")));
        assert!(o.flags.list.iter().any(|f| f.code == "unit_converted"));
        assert_eq!(
            s(Comparator::AtLeast, "50", Some("个"), "50", "10").raw,
            Some(d("10"))
        );
        let o = s(Comparator::AtLeast, "5000", Some("人次"), "5000人", "10");
        assert_eq!(o.status, Status::NotScorable);
        assert!(o.reason.expect("reason").contains("人"));
        let o = s(Comparator::AtLeast, "98", Some("百分比"), "98%", "10");
        assert_eq!(o.status, Status::Met);
    }

    #[test]
    fn negative_and_non_numeric_actuals() {
        let o = s(Comparator::AtLeast, "5", Some("台"), "-2台", "10");
        assert_eq!(o.raw, Some(d("0")));
        assert!(o.flags.list.iter().any(|f| f.code == "negative_actual"));
        let o = s(Comparator::AtLeast, "5", Some("台"), "达成年度指标", "10");
        assert_eq!(o.status, Status::NotScorable);
    }

    #[test]
    fn declared_reverse_direction_turns_equal_into_at_most() {
        let t = target(Comparator::Equal, "5", Some("%"));
        let o = score(
            &t,
            "4%",
            d("10"),
            Some(Direction::Decrease),
            &Profile::default(),
            Explain(true),
        );
        assert_eq!((o.status, o.raw), (Status::Met, Some(d("10"))));
        assert_eq!(o.flags.list[0].code, "direction_applied");
        let o = score(
            &t,
            "4%",
            d("10"),
            Some(Direction::Increase),
            &Profile::default(),
            Explain(true),
        );
        assert_eq!(o.raw, Some(d("8")));
    }

    #[test]
    fn comparator_in_actual_is_noted() {
        let o = s(Comparator::AtLeast, "266", Some("米"), "≥266米", "10");
        assert_eq!(o.status, Status::Met);
        assert_eq!(o.flags.list[0].code, "actual_comparator");
    }
}
