//! Matching (匹配) for target changes: which project of the old document is which of the
//! new one, and which indicator is which (`domain.md` §9).
//!
//! - Projects: the same 项目编码 when both have one; else the same 项目名称 (spaces, full/half
//!   width and a trailing 指标 ignored); else the most similar name at or above
//!   [`SIMILARITY_THRESHOLD`] (uncertain). Two projects with different codes never match.
//! - Indicators, in three passes over what is still unmatched: (1) the key (一级, 二级,
//!   normalized 三级 name, unit — units that convert, 元/万元, count as one); (2) the same
//!   normalized name under any level or unit (a moved indicator, a unit change); (3) within
//!   one 一级, the most similar names at or above the threshold (uncertain: a rename).
//!
//! Similarity is the Dice coefficient of the names' character bigrams (2 × shared /
//! total), exact in `Decimal`: `热线受理人员满意度` and `热线受理服务满意度` share 5 of 8
//! bigrams each, 0.625.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ProjectMatch;
use crate::model::{Declaration, Indicator};
use crate::taxonomy::label_key;
use crate::value::unit;

/// The lowest similarity at which two names are taken for the same (0.5).
pub const SIMILARITY_THRESHOLD: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

/// How two indicators were matched (指标匹配方式).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The same (一级, 二级, normalized name, comparable unit).
    Key,
    /// The same normalized name, under another level or with another unit.
    Name,
    /// Similar names within one 一级 (uncertain).
    Similar,
}

/// One matched pair of indicators: positions in the old and the new list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndicatorMatch {
    /// Index into the old indicators.
    pub old: usize,
    /// Index into the new indicators.
    pub new: usize,
    /// How they were matched.
    pub by: MatchedBy,
}

/// One matched pair of declarations (projects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ProjectPair {
    pub(crate) old: usize,
    pub(crate) new: usize,
    pub(crate) by: ProjectMatch,
}

/// The similarity of two names (名称相似度), 0 to 1: the Dice coefficient of their
/// character bigrams after normalizing (spaces, width, trailing 指标). Names of one
/// character compare whole.
///
/// ```
/// use jixiao::diff::similarity;
/// assert_eq!(similarity("热线受理人员满意度", "热线受理服务满意度").to_string(), "0.625");
/// assert_eq!(similarity("执法人员满意度", "执法人员 满意度").to_string(), "1");
/// assert!(similarity("办案经费", "办公用房修缮及装修经费") < jixiao::diff::SIMILARITY_THRESHOLD);
/// ```
pub fn similarity(a: &str, b: &str) -> Decimal {
    let (a, b) = (label_key(a), label_key(b));
    if a == b {
        return Decimal::ONE;
    }
    let grams = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (ga, mut gb) = (grams(&a), grams(&b));
    let total = ga.len() + gb.len();
    if total == 0 {
        return Decimal::ZERO;
    }
    let mut shared = 0usize;
    for g in &ga {
        if let Some(k) = gb.iter().position(|x| x == g) {
            gb.swap_remove(k);
            shared += 1;
        }
    }
    (Decimal::from(2 * shared) / Decimal::from(total)).normalize()
}

/// Whether two units compare (the same, convertible, or one side without a unit).
pub(crate) fn units_comparable(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => unit::align(Decimal::ONE, a, Decimal::ONE, b).is_some(),
        _ => true,
    }
}

/// Matches the indicators of two declarations of one project; each index appears at most
/// once. Pairs come in the new list's order.
pub fn match_indicators(old: &[Indicator], new: &[Indicator]) -> Vec<IndicatorMatch> {
    let okeys: Vec<String> = old.iter().map(|i| label_key(&i.name)).collect();
    let nkeys: Vec<String> = new.iter().map(|i| label_key(&i.name)).collect();
    let mut used_old = vec![false; old.len()];
    let mut pairs: Vec<IndicatorMatch> = Vec::new();
    let same_levels = |o: &Indicator, n: &Indicator| {
        o.level1_label() == n.level1_label() && o.level2_label() == n.level2_label()
    };
    // Pass 1: the key; pass 2: the name alone.
    for by in [MatchedBy::Key, MatchedBy::Name] {
        for (j, n) in new.iter().enumerate() {
            if pairs.iter().any(|p| p.new == j) {
                continue;
            }
            let found = (0..old.len()).find(|&i| {
                !used_old[i]
                    && okeys[i] == nkeys[j]
                    && (by == MatchedBy::Name
                        || (same_levels(&old[i], n)
                            && units_comparable(
                                old[i].target.unit.as_deref(),
                                n.target.unit.as_deref(),
                            )))
            });
            if let Some(i) = found {
                used_old[i] = true;
                pairs.push(IndicatorMatch { old: i, new: j, by });
            }
        }
    }
    // Pass 3: similar names within one 一级, best first.
    let mut candidates: Vec<(Decimal, bool, usize, usize)> = Vec::new();
    for (j, n) in new.iter().enumerate() {
        if pairs.iter().any(|p| p.new == j) {
            continue;
        }
        for (i, o) in old.iter().enumerate() {
            if used_old[i] || o.level1_label() != n.level1_label() {
                continue;
            }
            let s = similarity(&o.name, &n.name);
            if s >= SIMILARITY_THRESHOLD {
                candidates.push((s, same_levels(o, n), j, i));
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    for (_, _, j, i) in candidates {
        if used_old[i] || pairs.iter().any(|p| p.new == j) {
            continue;
        }
        used_old[i] = true;
        pairs.push(IndicatorMatch {
            old: i,
            new: j,
            by: MatchedBy::Similar,
        });
    }
    pairs.sort_by_key(|p| p.new);
    pairs
}

/// The 项目编码 of a declaration, when it has a non-blank one.
fn code_of(d: &Declaration) -> Option<&str> {
    d.project
        .code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

/// Matches the declarations (projects) of two documents; see the module text.
pub(crate) fn match_projects(old: &[Declaration], new: &[Declaration]) -> Vec<ProjectPair> {
    let mut used_old = vec![false; old.len()];
    let mut pairs: Vec<ProjectPair> = Vec::new();
    let coded_apart = |o: &Declaration, n: &Declaration| match (code_of(o), code_of(n)) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    };
    for by in [ProjectMatch::Code, ProjectMatch::Name] {
        for (j, n) in new.iter().enumerate() {
            if pairs.iter().any(|p| p.new == j) {
                continue;
            }
            let found = (0..old.len()).find(|&i| {
                !used_old[i]
                    && match by {
                        ProjectMatch::Code => {
                            code_of(&old[i]).is_some() && code_of(&old[i]) == code_of(n)
                        }
                        _ => {
                            !coded_apart(&old[i], n)
                                && label_key(&old[i].project.name) == label_key(&n.project.name)
                        }
                    }
            });
            if let Some(i) = found {
                used_old[i] = true;
                pairs.push(ProjectPair { old: i, new: j, by });
            }
        }
    }
    let mut candidates: Vec<(Decimal, usize, usize)> = Vec::new();
    for (j, n) in new.iter().enumerate() {
        if pairs.iter().any(|p| p.new == j) {
            continue;
        }
        for (i, o) in old.iter().enumerate() {
            if used_old[i] || coded_apart(o, n) {
                continue;
            }
            let s = similarity(&o.project.name, &n.project.name);
            if s >= SIMILARITY_THRESHOLD {
                candidates.push((s, j, i));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, j, i) in candidates {
        if used_old[i] || pairs.iter().any(|p| p.new == j) {
            continue;
        }
        used_old[i] = true;
        pairs.push(ProjectPair {
            old: i,
            new: j,
            by: ProjectMatch::Similar,
        });
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::{Level1, Level2};
    use crate::value::Target;

    fn ind(l2: Level2, name: &str, target: &str) -> Indicator {
        Indicator::new(
            Some(l2.natural_parent()),
            Some(l2),
            name,
            Target::parse(target),
        )
    }

    #[test]
    fn passes_in_order() {
        let old = vec![
            ind(Level2::Quantity, "出动人次", "≥5000人次"),
            ind(Level2::Quality, "验收合格率", "=100%"),
            ind(Level2::ServiceSatisfaction, "热线受理人员满意度", "≥90%"),
        ];
        let new = vec![
            ind(Level2::ServiceSatisfaction, "热线受理服务满意度", "≥90%"),
            ind(Level2::Quantity, "出动人次", "≥5000人"),
            ind(Level2::Timeliness, "验收合格率", "=100%"),
        ];
        let m = match_indicators(&old, &new);
        let got: Vec<_> = m.iter().map(|p| (p.old, p.new, p.by)).collect();
        assert_eq!(
            got,
            vec![
                (2, 0, MatchedBy::Similar),
                (0, 1, MatchedBy::Name),
                (1, 2, MatchedBy::Name)
            ]
        );
        assert_eq!(new[0].level1, Some(Level1::Satisfaction));
    }

    #[test]
    fn dissimilar_names_do_not_match() {
        let old = vec![ind(Level2::Quantity, "购置执法专用设备", "≥5台")];
        let new = vec![ind(Level2::Quantity, "培训人数", "≥5人")];
        assert!(match_indicators(&old, &new).is_empty());
    }
}
