//! The indicator-level changes of `domain.md` §9: structure (added, removed, renamed,
//! moved), direction-aware level changes (relaxed, tightened), softening, unit changes and
//! the historical standard (below last year's actual). Values are compared in `Decimal`
//! after bringing both into one unit ([`unit::align`]).

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::matching::MatchedBy;
use super::{Change, ChangeKind};
use crate::model::{Direction, Indicator};
use crate::value::{parse_actual, unit, Comparator, Target};

/// 正向 or 反向, as a change is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sense {
    /// More is better.
    Up,
    /// Less is better.
    Down,
}

impl Sense {
    fn label(self) -> &'static str {
        match self {
            Sense::Up => "正向",
            Sense::Down => "反向",
        }
    }
    fn label_en(self) -> &'static str {
        match self {
            Sense::Up => "increase",
            Sense::Down => "decrease",
        }
    }
}

/// The sense of a quantitative target: the 正向/反向 declared beside it wins; else its
/// comparator (`≥ >` 正向, `≤ <` 反向); `=` is 正向 as scoring reads it, but `= 0` is
/// 反向 (nothing is the best: 事故数 = 0).
pub(crate) fn sense(indicator: &Indicator) -> Sense {
    match indicator.direction {
        Some(Direction::Increase) => return Sense::Up,
        Some(Direction::Decrease) => return Sense::Down,
        _ => {}
    }
    match indicator.target.comparator {
        Some(Comparator::Below | Comparator::AtMost) => Sense::Down,
        Some(Comparator::Equal) | None if indicator.target.value.is_some_and(|v| v.is_zero()) => {
            Sense::Down
        }
        _ => Sense::Up,
    }
}

/// The target as shown in a change: the text as written, trimmed.
fn shown(t: &Target) -> String {
    t.text.trim().to_owned()
}

/// The 一级/二级 path of an indicator.
fn path(i: &Indicator) -> String {
    format!("{}/{}", i.level1_label(), i.level2_label())
}

/// `C001 added`.
pub(crate) fn added(ind: &Indicator) -> Change {
    let t = shown(&ind.target);
    Change::new(
        "C001",
        ChangeKind::Added,
        Some(&ind.name),
        None,
        Some(t.clone()),
        format!("新增指标“{}”（{}），指标值 {t}", ind.name, path(ind)),
        format!("indicator added: {} ({}), target {t}", ind.name, path(ind)),
    )
}

/// `C002 removed`.
pub(crate) fn removed(ind: &Indicator) -> Change {
    let t = shown(&ind.target);
    Change::new(
        "C002",
        ChangeKind::Removed,
        Some(&ind.name),
        Some(t.clone()),
        None,
        format!("删除指标“{}”（{}），原指标值 {t}", ind.name, path(ind)),
        format!(
            "indicator removed: {} ({}), target was {t}",
            ind.name,
            path(ind)
        ),
    )
}

/// The changes between two matched indicators (`old` → `new`).
pub(crate) fn compare_indicators(old: &Indicator, new: &Indicator, by: MatchedBy) -> Vec<Change> {
    let mut out = Vec::new();
    let name = new.name.as_str();
    if by == MatchedBy::Similar && old.name.trim() != new.name.trim() {
        out.push(Change::new(
            "C003",
            ChangeKind::Renamed,
            Some(name),
            Some(old.name.clone()),
            Some(new.name.clone()),
            format!(
                "指标“{}”更名为“{}”（按名称相似匹配，请确认）",
                old.name, new.name
            ),
            format!(
                "indicator renamed from {} to {} (matched by similarity: confirm)",
                old.name, new.name
            ),
        ));
    }
    if path(old) != path(new) {
        out.push(Change::new(
            "C004",
            ChangeKind::Moved,
            Some(name),
            Some(path(old)),
            Some(path(new)),
            format!("指标“{name}”由 {} 调整至 {}", path(old), path(new)),
            format!("indicator {name} moved from {} to {}", path(old), path(new)),
        ));
    }
    out.extend(target_changes(old, new));
    out
}

/// The changes of the target value itself.
fn target_changes(old: &Indicator, new: &Indicator) -> Vec<Change> {
    let (ot, nt) = (&old.target, &new.target);
    let name = new.name.as_str();
    let (os, ns) = (shown(ot), shown(nt));
    let change = |code: &str, kind: ChangeKind, zh: String, en: String| {
        Change::new(
            code,
            kind,
            Some(name),
            Some(os.clone()),
            Some(ns.clone()),
            zh,
            en,
        )
    };
    match (ot.is_quantitative(), nt.is_quantitative()) {
        (false, false) => return Vec::new(),
        (true, false) => {
            return vec![change(
                "C020",
                ChangeKind::Softened,
                format!("指标“{name}”由定量目标 {os} 改为定性表述“{ns}”，不再可衡量"),
                format!("{name}: quantitative target {os} became qualitative \"{ns}\" (no longer measurable)"),
            )]
        }
        (false, true) => {
            return vec![change(
                "C014",
                ChangeKind::Tightened,
                format!("指标“{name}”由定性表述“{os}”改为定量目标 {ns}"),
                format!("{name}: qualitative \"{os}\" became the quantitative target {ns}"),
            )]
        }
        (true, true) => {}
    }
    let (Some(ov), Some(nv)) = (ot.value, nt.value) else {
        return Vec::new();
    };
    let (ou, nu) = (
        ot.unit.as_deref().unwrap_or(""),
        nt.unit.as_deref().unwrap_or(""),
    );
    let Some((a, b)) = unit::align(ov, ou, nv, nu) else {
        return vec![change(
            "C022",
            ChangeKind::UnitChanged,
            format!("指标“{name}”计量单位由“{ou}”改为“{nu}”（{os} → {ns}），前后数值不可比"),
            format!(
                "{name}: unit changed from {ou} to {nu} ({os} → {ns}); the values do not compare"
            ),
        )];
    };
    // An exact target (`=`, no declared direction) says nothing of its sense: it takes the
    // other side's (`≤5%` → `=5%` is a softened 反向 target, not a reversed one).
    let exact = |i: &Indicator| {
        i.direction.is_none()
            && i.target.comparator.unwrap_or(Comparator::Equal) == Comparator::Equal
    };
    let (so, sn) = match (exact(old), exact(new)) {
        (true, false) => (sense(new), sense(new)),
        (false, true) => (sense(old), sense(old)),
        _ => (sense(old), sense(new)),
    };
    if so != sn {
        return vec![change(
            "C023",
            ChangeKind::Softened,
            format!("指标“{name}”方向由{}改为{}（{os} → {ns}），前后目标不可比", so.label(), sn.label()),
            format!("{name}: direction reversed from {} to {} ({os} → {ns}); the targets do not compare", so.label_en(), sn.label_en()),
        )];
    }
    let mut out = Vec::new();
    let (oc, nc) = (
        ot.comparator.unwrap_or(Comparator::Equal),
        nt.comparator.unwrap_or(Comparator::Equal),
    );
    let open = |c: Comparator| c != Comparator::Equal;
    if open(oc) && nc == Comparator::Equal && new.direction.is_none() {
        out.push(change(
            "C021",
            ChangeKind::Softened,
            format!(
                "指标“{name}”比较符由“{}”改为“=”（{os} → {ns}），不再要求{}",
                oc.symbol(),
                if sn == Sense::Up {
                    "达到或超过"
                } else {
                    "不超过"
                }
            ),
            format!("{name}: comparator {} became = ({os} → {ns})", oc.symbol()),
        ));
    }
    // Better when the new value is higher (正向) or lower (反向).
    let towards = match (sn, b.cmp(&a)) {
        (_, Ordering::Equal) => Ordering::Equal,
        (Sense::Up, o) => o,
        (Sense::Down, o) => o.reverse(),
    };
    let pct = change_rate(a, b)
        .map(|r| format!("，变动 {r}%"))
        .unwrap_or_default();
    let pct_en = change_rate(a, b)
        .map(|r| format!(", {r}%"))
        .unwrap_or_default();
    match towards {
        Ordering::Less => out.push(change(
            "C010",
            ChangeKind::Relaxed,
            format!("{}指标“{name}”目标放宽：{os} → {ns}{pct}", sn.label()),
            format!(
                "{name} ({}): target relaxed from {os} to {ns}{pct_en}",
                sn.label_en()
            ),
        )),
        Ordering::Greater => out.push(change(
            "C011",
            ChangeKind::Tightened,
            format!("{}指标“{name}”目标提高：{os} → {ns}{pct}", sn.label()),
            format!(
                "{name} ({}): target raised in ambition from {os} to {ns}{pct_en}",
                sn.label_en()
            ),
        )),
        Ordering::Equal => {
            // The same value: only the comparator can have changed.
            let strict = |c: Comparator| matches!(c, Comparator::Above | Comparator::Below);
            if strict(oc) && open(nc) && !strict(nc) {
                out.push(change(
                    "C012",
                    ChangeKind::Relaxed,
                    format!(
                        "指标“{name}”由严格比较“{}”改为“{}”（{os} → {ns}），目标放宽",
                        oc.symbol(),
                        nc.symbol()
                    ),
                    format!(
                        "{name}: strict comparator {} became {} ({os} → {ns}): relaxed",
                        oc.symbol(),
                        nc.symbol()
                    ),
                ));
            } else if (oc == Comparator::Equal && open(nc)) || (!strict(oc) && strict(nc)) {
                out.push(change(
                    "C013",
                    ChangeKind::Tightened,
                    format!(
                        "指标“{name}”比较符由“{}”改为“{}”（{os} → {ns}），要求提高",
                        oc.symbol(),
                        nc.symbol()
                    ),
                    format!(
                        "{name}: comparator {} became {} ({os} → {ns}): more ambitious",
                        oc.symbol(),
                        nc.symbol()
                    ),
                ));
            }
        }
    }
    out
}

/// `(b − a) / a × 100`, two decimals (MidpointAwayFromZero), signed (`+5.66`, `-3.06`);
/// `None` when `a` is zero.
pub(crate) fn change_rate(a: Decimal, b: Decimal) -> Option<String> {
    if a.is_zero() {
        return None;
    }
    let r = (b.checked_sub(a)?)
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(a)?
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    Some(if r.is_sign_positive() && !r.is_zero() {
        format!("+{r:.2}")
    } else {
        format!("{r:.2}")
    })
}

/// `C030 below_last_actual`: the new target against last year's published actual.
pub(crate) fn below_last_actual(new: &Indicator, actual_text: &str) -> Option<Change> {
    let t = &new.target;
    if !t.is_quantitative() {
        return None;
    }
    let tv = t.value?;
    let actual = parse_actual(actual_text);
    let av = actual.value?;
    let (a, b) = unit::align(
        av,
        actual.unit.as_deref().unwrap_or(""),
        tv,
        t.unit.as_deref().unwrap_or(""),
    )?;
    let s = sense(new);
    let below = match s {
        Sense::Up => b < a,
        Sense::Down => b > a,
    };
    if !below {
        return None;
    }
    let name = new.name.as_str();
    let (ns, at) = (shown(t), actual_text.trim().to_owned());
    let (zh, en) = match s {
        Sense::Up => (
            format!("正向指标“{name}”新目标 {ns} 低于上年实际完成值 {at}"),
            format!("{name} (increase): the new target {ns} is below last year's actual {at}"),
        ),
        Sense::Down => (
            format!("反向指标“{name}”新目标 {ns} 高于上年实际完成值 {at}"),
            format!("{name} (decrease): the new target {ns} is above last year's actual {at}"),
        ),
    };
    Some(Change::new(
        "C030",
        ChangeKind::BelowLastActual,
        Some(name),
        Some(at),
        Some(ns),
        zh,
        en,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Level2;

    fn ind(target: &str) -> Indicator {
        Indicator::new(
            Some(Level2::Quality.natural_parent()),
            Some(Level2::Quality),
            "指标",
            Target::parse(target),
        )
    }

    fn codes(old: &str, new: &str) -> Vec<String> {
        compare_indicators(&ind(old), &ind(new), MatchedBy::Key)
            .into_iter()
            .map(|c| format!("{} {}", c.code, c.kind))
            .collect()
    }

    #[test]
    fn direction_aware() {
        assert_eq!(codes("≥98%", "≥95%"), ["C010 relaxed"]);
        assert_eq!(codes("≥90%", "≥95%"), ["C011 tightened"]);
        assert_eq!(codes("≤5%", "≤8%"), ["C010 relaxed"]);
        assert_eq!(codes("≤5%", "≤3%"), ["C011 tightened"]);
        assert_eq!(codes("≥90%", "≥90.00%"), Vec::<String>::new());
        assert_eq!(codes("≤90万元", "≤900000元"), Vec::<String>::new());
        assert_eq!(codes("≤90万元", "≤1000000元"), ["C010 relaxed"]);
    }

    #[test]
    fn softening_and_units() {
        assert_eq!(codes("≥90%", "及时"), ["C020 softened"]);
        assert_eq!(codes("及时", "≥90%"), ["C014 tightened"]);
        assert_eq!(codes("≥90%", "=90%"), ["C021 softened"]);
        assert_eq!(codes("≥98%", "=95%"), ["C021 softened", "C010 relaxed"]);
        assert_eq!(codes("≥17人", "≥17人次"), ["C022 unit_changed"]);
        assert_eq!(codes("≥90%", "≤90%"), ["C023 softened"]);
        assert_eq!(codes("≤5%", "=5%"), ["C021 softened"]);
        assert_eq!(codes("≤5%", "=8%"), ["C021 softened", "C010 relaxed"]);
        assert_eq!(codes(">90%", "≥90%"), ["C012 relaxed"]);
        assert_eq!(codes("=100%", "≥100%"), ["C013 tightened"]);
        assert_eq!(codes("提高", "有所提高"), Vec::<String>::new());
    }

    #[test]
    fn last_actual() {
        assert!(below_last_actual(&ind("≥95%"), "98%").is_some());
        assert!(below_last_actual(&ind("≥98%"), "98%").is_none());
        assert!(below_last_actual(&ind("≤5%"), "3%").is_some());
        assert!(below_last_actual(&ind("≤3%"), "3%").is_none());
        assert!(below_last_actual(&ind("≥95%"), "已完成").is_none());
        assert!(below_last_actual(&ind("≥17人"), "20人次").is_none());
    }

    #[test]
    fn rates() {
        assert_eq!(
            change_rate(Decimal::from(2650000), Decimal::from(2800000)).as_deref(),
            Some("+5.66")
        );
        assert_eq!(
            change_rate(Decimal::from(98), Decimal::from(95)).as_deref(),
            Some("-3.06")
        );
        assert_eq!(change_rate(Decimal::ZERO, Decimal::ONE), None);
    }
}
