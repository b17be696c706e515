//! 分值: the weight of every indicator (`domain.md` §5 "Weights"). A published 分值
//! wins; otherwise the level's points — the form's own level header when it has one,
//! else the profile's — less the weights given in that level, split equally among the
//! indicators without one, to 2 decimals. A form that splits its table into two or more
//! point groups (`年度绩效目标1(40分)`, `年度绩效目标2(40分)`) gives the points by group:
//! an indicator of a group whose 一级 has no points in the form shares its group's.

use rust_decimal::Decimal;

use super::engine::{Explain, Flags};
use super::{round2, FlagCode, Profile, WeightSource};
use crate::model::{Declaration, Indicator};
use crate::taxonomy::Level1;

/// The level an indicator draws its points from: its 一级 (or its 二级's natural parent),
/// with a 一级 成本指标 sharing 产出指标 when the profile says so.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum LevelKey {
    /// A known 一级.
    Known(Level1),
    /// A 一级 the taxonomy does not know, by its text.
    Unknown(String),
}

impl LevelKey {
    pub(crate) fn name(&self) -> String {
        match self {
            LevelKey::Known(l) => l.as_str().to_owned(),
            LevelKey::Unknown(t) if t.is_empty() => "(未分类)".to_owned(),
            LevelKey::Unknown(t) => t.clone(),
        }
    }

    fn order(&self) -> usize {
        match self {
            LevelKey::Known(l) => Level1::ALL.iter().position(|x| x == l).unwrap_or(0),
            LevelKey::Unknown(_) => Level1::ALL.len(),
        }
    }
}

/// The level points a form wrote for `level`, when it did.
fn form_points(declaration: &Declaration, level: Level1) -> Option<Decimal> {
    declaration.level_points.get(level.as_str()).copied()
}

pub(crate) fn level_of(
    indicator: &Indicator,
    declaration: &Declaration,
    profile: &Profile,
) -> LevelKey {
    let level = indicator
        .level1
        .or_else(|| indicator.level2.map(|l2| l2.natural_parent()));
    match level {
        Some(l) => LevelKey::Known(profile.points_level(l, form_points(declaration, l).is_some())),
        None => LevelKey::Unknown(indicator.level1_label().to_owned()),
    }
}

/// The points of a level: the form's own, else the profile's, with where they came from.
pub(crate) fn level_points(
    key: &LevelKey,
    declaration: &Declaration,
    profile: &Profile,
) -> Option<(Decimal, &'static str)> {
    match key {
        LevelKey::Known(l) => form_points(declaration, *l)
            .map(|p| (p, "form"))
            .or_else(|| profile.level_points.get(l).map(|p| (*p, "profile"))),
        LevelKey::Unknown(_) => None,
    }
}

/// Where an indicator without a 分值 draws its share from: its level's points, or its
/// point group's.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pool {
    Level(LevelKey),
    Group(String),
}

/// Whether the declaration's points are given by point groups: two groups or more (one
/// block over the whole table only states the indicators' total, which the levels split).
pub(crate) fn by_groups(declaration: &Declaration) -> bool {
    declaration.group_points.len() >= 2
}

/// The pool of an indicator of level `key`.
fn pool_of(indicator: &Indicator, key: &LevelKey, declaration: &Declaration) -> Pool {
    let level_in_form = match key {
        LevelKey::Known(l) => form_points(declaration, *l).is_some(),
        LevelKey::Unknown(_) => false,
    };
    match &indicator.group {
        Some(g)
            if by_groups(declaration)
                && !level_in_form
                && declaration.group_points.contains_key(g) =>
        {
            Pool::Group(g.clone())
        }
        _ => Pool::Level(key.clone()),
    }
}

/// The weight of each indicator, with its source and a note of how it was found.
pub(crate) struct Weights {
    pub per_indicator: Vec<(Option<Decimal>, WeightSource, String)>,
    pub levels: Vec<LevelKey>,
    pub keys: Vec<LevelKey>,
    pub flags: Flags,
}

/// Assigns the weights; the notes and flag messages are built only when explaining.
pub(crate) fn assign(declaration: &Declaration, profile: &Profile, explain: Explain) -> Weights {
    let keys: Vec<LevelKey> = declaration
        .indicators
        .iter()
        .map(|i| level_of(i, declaration, profile))
        .collect();
    let mut levels: Vec<LevelKey> = Vec::new();
    for key in &keys {
        if !levels.contains(key) {
            levels.push(key.clone());
        }
    }
    levels.sort_by_key(LevelKey::order);
    let pools: Vec<Pool> = declaration
        .indicators
        .iter()
        .zip(&keys)
        .map(|(i, k)| pool_of(i, k, declaration))
        .collect();
    let mut pool_order: Vec<Pool> = levels.iter().cloned().map(Pool::Level).collect();
    for pool in &pools {
        if !pool_order.contains(pool) {
            pool_order.push(pool.clone());
        }
    }
    let mut flags = Flags::new(explain);
    let mut per_indicator: Vec<(Option<Decimal>, WeightSource, String)> = declaration
        .indicators
        .iter()
        .map(|i| match i.weight {
            Some(w) => (
                Some(w),
                WeightSource::Given,
                explain.text(|| format!("分值 {} (published)", super::plain(w))),
            ),
            None => (None, WeightSource::None, String::new()),
        })
        .collect();
    for pool in &pool_order {
        let members: Vec<usize> = pools
            .iter()
            .enumerate()
            .filter(|(_, p)| *p == pool)
            .map(|(i, _)| i)
            .collect();
        let given = super::engine::sum(
            members
                .iter()
                .filter_map(|&i| declaration.indicators.get(i).and_then(|ind| ind.weight)),
        );
        let open: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| {
                declaration
                    .indicators
                    .get(i)
                    .is_some_and(|ind| ind.weight.is_none())
            })
            .collect();
        if open.is_empty() {
            continue;
        }
        let found = match pool {
            Pool::Level(level) => level_points(level, declaration, profile),
            Pool::Group(g) => declaration.group_points.get(g).map(|p| (*p, "group")),
        };
        let pool_name = || match pool {
            Pool::Level(level) => level.name(),
            Pool::Group(g) => g.clone(),
        };
        let Some((points, from)) = found else {
            for &i in &open {
                if let Some(slot) = per_indicator.get_mut(i) {
                    slot.2 = explain.text(|| {
                        format!(
                            "no 分值 given and {} has no points in the form or the profile",
                            pool_name()
                        )
                    });
                }
            }
            continue;
        };
        let name = explain.text(pool_name);
        let left = points.saturating_sub(given);
        if left < Decimal::ZERO {
            flags.push(FlagCode::WeightsExceedLevel, || (
                format!("{name}已给出的分值合计 {} 超过该级分值 {}，其余指标分值记 0", super::plain(given), super::plain(points)),
                format!("the weights given in {name} add up to {}, above its {} points; the others get 0", super::plain(given), super::plain(points)),
            ));
        }
        let left = left.max(Decimal::ZERO);
        let count = Decimal::from(open.len());
        let share = round2(left / count);
        let from = match from {
            "form" => "form header",
            "group" => "the form's point group",
            _ => "profile",
        };
        let note = explain.text(|| {
            if given.is_zero() {
                format!(
                    "{name} {} points ({from}) / {} indicators = {}",
                    super::plain(points),
                    open.len(),
                    share
                )
            } else {
                format!(
                    "({name} {} points ({from}) − {} given) / {} indicators = {}",
                    super::plain(points),
                    super::plain(given),
                    open.len(),
                    share
                )
            }
        });
        for &i in &open {
            if let Some(slot) = per_indicator.get_mut(i) {
                *slot = (Some(share), WeightSource::Split, note.clone());
            }
        }
    }
    Weights {
        per_indicator,
        levels,
        keys,
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Level2;
    use crate::value::Target;

    fn ind(l1: Option<Level1>, l2: Option<Level2>, w: Option<i64>) -> Indicator {
        let mut i = Indicator::new(l1, l2, "x", Target::parse("达标"));
        i.weight = w.map(Decimal::from);
        i
    }

    #[test]
    fn equal_split_to_two_decimals() {
        let mut d = Declaration::default();
        for _ in 0..7 {
            d.indicators.push(ind(Some(Level1::Output), None, None));
        }
        let w = assign(&d, &Profile::default(), Explain(true));
        assert!(w
            .per_indicator
            .iter()
            .all(|(w, s, _)| *w == Some(Decimal::new(714, 2)) && *s == WeightSource::Split));
    }

    #[test]
    fn given_weights_are_subtracted() {
        let mut d = Declaration::default();
        d.indicators.push(ind(Some(Level1::Output), None, Some(20)));
        d.indicators.push(ind(Some(Level1::Output), None, None));
        d.indicators.push(ind(Some(Level1::Output), None, None));
        let w = assign(&d, &Profile::default(), Explain(true));
        assert_eq!(w.per_indicator[0].0, Some(Decimal::from(20)));
        assert_eq!(w.per_indicator[1].0, Some(Decimal::new(1500, 2)));
        assert_eq!(w.per_indicator[1].1, WeightSource::Split);
    }

    #[test]
    fn form_level_points_win_and_cost_shares_output() {
        let mut d = Declaration::default();
        d.level_points
            .insert("产出指标".to_owned(), Decimal::from(60));
        d.indicators.push(ind(Some(Level1::Output), None, None));
        d.indicators
            .push(ind(Some(Level1::Cost), Some(Level2::EconomicCost), None));
        d.indicators
            .push(ind(None, Some(Level2::SocialBenefit), None));
        let w = assign(
            &d,
            &Profile::by_name("mof-2021").expect("profile"),
            Explain(true),
        );
        assert_eq!(w.per_indicator[0].0, Some(Decimal::from(30)));
        assert_eq!(w.per_indicator[1].0, Some(Decimal::from(30)));
        assert_eq!(w.per_indicator[2].0, Some(Decimal::from(30)));
        assert_eq!(w.levels.len(), 2);
    }

    #[test]
    fn unknown_level_without_weight_has_none() {
        let mut d = Declaration::default();
        d.indicators.push(ind(None, None, None));
        let w = assign(&d, &Profile::default(), Explain(true));
        assert_eq!(w.per_indicator[0].0, None);
        assert_eq!(w.per_indicator[0].1, WeightSource::None);
    }

    #[test]
    fn over_given_weights_leave_zero_and_flag() {
        let mut d = Declaration::default();
        d.indicators
            .push(ind(Some(Level1::Satisfaction), None, Some(12)));
        d.indicators
            .push(ind(Some(Level1::Satisfaction), None, None));
        let w = assign(&d, &Profile::default(), Explain(true));
        assert_eq!(w.per_indicator[1].0, Some(Decimal::new(0, 2)));
        assert_eq!(w.flags.list.len(), 1);
    }
}

#[cfg(test)]
mod group_tests {
    use super::*;
    use crate::value::Target;

    fn ind(l1: Level1, group: Option<&str>, w: Option<i64>) -> Indicator {
        let mut i = Indicator::new(Some(l1), None, "x", Target::parse("达标"));
        i.group = group.map(str::to_owned);
        i.weight = w.map(Decimal::from);
        i
    }

    fn groups(d: &mut Declaration, points: &[(&str, i64)]) {
        for (g, p) in points {
            d.group_points.insert((*g).to_owned(), Decimal::from(*p));
        }
    }

    #[test]
    fn two_groups_split_their_own_points_across_levels() {
        let mut d = Declaration::default();
        groups(&mut d, &[("年度绩效目标1", 40), ("年度绩效目标2", 40)]);
        d.indicators
            .push(ind(Level1::Output, Some("年度绩效目标1"), None));
        d.indicators
            .push(ind(Level1::Satisfaction, Some("年度绩效目标1"), Some(10)));
        d.indicators
            .push(ind(Level1::Output, Some("年度绩效目标1"), None));
        d.indicators
            .push(ind(Level1::Output, Some("年度绩效目标2"), None));
        let w = assign(&d, &Profile::default(), Explain(true));
        let got: Vec<Option<Decimal>> = w.per_indicator.iter().map(|p| p.0).collect();
        // group 1: (40 − 10 given) / 2 = 15; group 2: 40 / 1.
        let want = [15, 10, 15, 40].map(|n| Some(Decimal::from(n)));
        assert_eq!(got, want);
        assert!(w.per_indicator[0].2.contains("年度绩效目标1"));
        // The subtotals stay by 一级.
        assert_eq!(w.levels.len(), 2);
    }

    #[test]
    fn one_block_or_a_level_written_with_points_keeps_the_level_split() {
        let mut d = Declaration::default();
        groups(&mut d, &[("年度绩效目标", 80)]);
        d.indicators
            .push(ind(Level1::Output, Some("年度绩效目标"), None));
        d.indicators
            .push(ind(Level1::Benefit, Some("年度绩效目标"), None));
        let w = assign(&d, &Profile::default(), Explain(true));
        // mof-2020: 产出 50, 效益 30 (one block only states the total).
        assert_eq!(w.per_indicator[0].0, Some(Decimal::from(50)));
        assert_eq!(w.per_indicator[1].0, Some(Decimal::from(30)));

        groups(&mut d, &[("年度绩效目标2", 20)]);
        d.level_points
            .insert("产出指标".to_owned(), Decimal::from(60));
        let w = assign(&d, &Profile::default(), Explain(true));
        // 产出指标(60分) written in the form wins over the group; 效益 shares its group's 80.
        assert_eq!(w.per_indicator[0].0, Some(Decimal::from(60)));
        assert_eq!(w.per_indicator[1].0, Some(Decimal::from(80)));
    }
}
