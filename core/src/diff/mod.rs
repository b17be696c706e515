//! Target changes (目标调整 and year on year, `domain.md` §9): what changed between two
//! declarations of the same projects — two budget years, or an original and its 调整后
//! version — with an optional prior self-evaluation (上年自评表) for the historical
//! standard.
//!
//! Projects are matched by 项目编码 when both sides have one, else by name, else by
//! similarity of the names (flagged uncertain); indicators by (一级, 二级, normalized 三级
//! name, unit), then by name alone, then by similarity (flagged uncertain) — see
//! [`matching`]. Each difference is a [`Change`] with a stable code and a [`ChangeKind`];
//! unchanged indicators give nothing. `docs/changes.md` explains every code.
//!
//! ```
//! let read = |t: &str| jixiao::read(t.as_bytes(), &Default::default()).unwrap().document;
//! let head = "财政项目支出绩效目标申报表\n项目名称\t示例项目\n一级指标\t二级指标\t三级指标\t指标值\n";
//! let old = read(&format!("{head}产出指标\t质量指标\t验收合格率\t≥98%\n"));
//! let new = read(&format!("{head}产出指标\t质量指标\t验收合格率\t≥95%\n"));
//! let projects = jixiao::diff::diff(&old, &new, None);
//! let change = &projects[0].changes[0];
//! assert_eq!((change.code.as_str(), change.kind.as_str()), ("C010", "relaxed"));
//! assert_eq!((change.old.as_deref(), change.new.as_deref()), (Some("≥98%"), Some("≥95%")));
//! ```

mod funding;
mod kinds;
pub mod matching;
mod report;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::model::{Declaration, Document, Indicator};
use crate::taxonomy::Level1;

pub use matching::{similarity, IndicatorMatch, MatchedBy, SIMILARITY_THRESHOLD};
pub use report::{diff_json, diff_text};

/// The kind of a target change (变更类型), as `formats.md` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// 新增: an indicator (or a project) that the old declaration did not have.
    Added,
    /// 删除: an indicator (or a project) the new declaration no longer has.
    Removed,
    /// 更名: an indicator matched by similarity under another name.
    Renamed,
    /// 调整层级: an indicator now under another 一级/二级.
    Moved,
    /// 目标放宽: a 正向 target lowered, a 反向 target raised (or a strict comparator
    /// made inclusive at the same value).
    Relaxed,
    /// 目标提高: the reverse of relaxed — more ambitious.
    Tightened,
    /// 目标弱化: quantitative → qualitative, `≥` → `=`, or the direction reversed.
    Softened,
    /// 计量单位改变: the values are no longer comparable (人 → 人次).
    UnitChanged,
    /// 低于上年实际: a 正向 target below last year's actual (above it, for 反向).
    BelowLastActual,
    /// 一级指标缺失: a 一级 (效益, 满意度, …) the old declaration had is gone.
    LevelRemoved,
    /// 资金与产出: funding against the quantity outputs (unit cost, funding up while
    /// outputs are flat or down).
    FundingVsOutput,
    /// 资金变化: 年度资金申请总额 changed.
    FundingChanged,
}

impl ChangeKind {
    /// The snake_case name used in JSON (`relaxed`, `unit_changed`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Renamed => "renamed",
            ChangeKind::Moved => "moved",
            ChangeKind::Relaxed => "relaxed",
            ChangeKind::Tightened => "tightened",
            ChangeKind::Softened => "softened",
            ChangeKind::UnitChanged => "unit_changed",
            ChangeKind::BelowLastActual => "below_last_actual",
            ChangeKind::LevelRemoved => "level_removed",
            ChangeKind::FundingVsOutput => "funding_vs_output",
            ChangeKind::FundingChanged => "funding_changed",
        }
    }

    /// The Chinese name shown in text output (新增, 删除, 放宽, …).
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Added => "新增",
            ChangeKind::Removed => "删除",
            ChangeKind::Renamed => "更名",
            ChangeKind::Moved => "调整层级",
            ChangeKind::Relaxed => "放宽",
            ChangeKind::Tightened => "提高",
            ChangeKind::Softened => "弱化",
            ChangeKind::UnitChanged => "单位改变",
            ChangeKind::BelowLastActual => "低于上年实际",
            ChangeKind::LevelRemoved => "一级缺失",
            ChangeKind::FundingVsOutput => "资金与产出",
            ChangeKind::FundingChanged => "资金变化",
        }
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One target change (目标变化): a stable code, its kind, the indicator it is about and
/// the old and new values as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The stable code (`C001`…; never reused for another meaning).
    pub code: String,
    /// The kind (`relaxed`, `softened`, …).
    pub kind: ChangeKind,
    /// The 三级 name (the new one; the old one for a removed indicator), or `None` for a
    /// project-level change (funding, a lost 一级, a project added or removed).
    pub indicator: Option<String>,
    /// The old value (target text, name, level path, amount or unit cost), if any.
    pub old: Option<String>,
    /// The new value, if any.
    pub new: Option<String>,
    /// The message in Chinese, naming the old and new values.
    pub message: String,
    /// The message in English.
    pub message_en: String,
    /// `warning` for what a reviewer should look at (relaxed, softened, removed, …),
    /// `info` for the rest (added, tightened, funding changed, unit cost).
    pub severity: Severity,
    /// Whether the match behind this change was made by similarity (a guess to confirm).
    pub uncertain: bool,
}

impl Change {
    fn new(
        code: &str,
        kind: ChangeKind,
        indicator: Option<&str>,
        old: Option<String>,
        new: Option<String>,
        message: String,
        message_en: String,
    ) -> Change {
        Change {
            code: code.to_owned(),
            kind,
            indicator: indicator.map(str::to_owned),
            old,
            new,
            message,
            message_en,
            severity: severity_of(code),
            uncertain: false,
        }
    }
}

/// The severity of each code: information for what is not a concern.
fn severity_of(code: &str) -> Severity {
    match code {
        "C001" | "C003" | "C004" | "C006" | "C011" | "C013" | "C014" | "C040" | "C042" => {
            Severity::Info
        }
        _ => Severity::Warning,
    }
}

/// How two projects were matched (项目匹配方式).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectMatch {
    /// The same 项目编码.
    Code,
    /// The same 项目名称 (spaces and full/half width ignored).
    Name,
    /// Similar names (uncertain).
    Similar,
}

/// The changes of one project (项目目标变化): the project as matched, and its changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectChanges {
    /// 项目名称: the new declaration's (the old one's for a removed project).
    pub project: String,
    /// 项目名称 in the old declaration, when there is one.
    pub old_project: Option<String>,
    /// 项目编码, when given (the new declaration's, else the old one's).
    pub code: Option<String>,
    /// How the project was matched; `None` for a project on one side only.
    pub matched_by: Option<ProjectMatch>,
    /// Whether the project match is a guess by similarity.
    pub uncertain: bool,
    /// The changes, project-level first, then per indicator in the new form's order,
    /// then removed indicators, then funding.
    pub changes: Vec<Change>,
}

/// Compares two documents (目标调整 / 年度对比): every project of `new` with its match in
/// `old`, then the projects of `old` that `new` no longer has. With `prior` (the 自评表
/// of the old year), a new 正向 target below last year's actual (反向: above) is flagged
/// `below_last_actual`.
///
/// Never panics; projects on one side only give one `added` or `removed` change.
pub fn diff(old: &Document, new: &Document, prior: Option<&Document>) -> Vec<ProjectChanges> {
    let pairs = matching::match_projects(&old.declarations, &new.declarations);
    let prior_pairs = prior.map(|p| {
        let matched = matching::match_projects(&p.declarations, &new.declarations);
        (p, matched)
    });
    let mut out = Vec::new();
    for (j, decl) in new.declarations.iter().enumerate() {
        let found = pairs.iter().find(|p| p.new == j);
        let prior_decl = prior_pairs.as_ref().and_then(|(p, matched)| {
            matched
                .iter()
                .find(|m| m.new == j)
                .and_then(|m| p.declarations.get(m.old))
        });
        match found.and_then(|p| old.declarations.get(p.old).map(|o| (p, o))) {
            Some((pair, old_decl)) => {
                let mut changes = compare(old_decl, decl, prior_decl);
                if pair.by == ProjectMatch::Similar {
                    changes.iter_mut().for_each(|c| c.uncertain = true);
                }
                out.push(ProjectChanges {
                    project: decl.project.name.clone(),
                    old_project: Some(old_decl.project.name.clone()),
                    code: decl.project.code.clone().or(old_decl.project.code.clone()),
                    matched_by: Some(pair.by),
                    uncertain: pair.by == ProjectMatch::Similar,
                    changes,
                });
            }
            None => out.push(one_sided(decl, true)),
        }
    }
    for (i, decl) in old.declarations.iter().enumerate() {
        if !pairs.iter().any(|p| p.old == i) {
            out.push(one_sided(decl, false));
        }
    }
    out
}

/// A project only in the new document (`added`) or only in the old one (`removed`).
fn one_sided(decl: &Declaration, added: bool) -> ProjectChanges {
    let name = &decl.project.name;
    let change = if added {
        Change::new(
            "C006",
            ChangeKind::Added,
            None,
            None,
            Some(name.clone()),
            format!("新增项目：{name}（原申报中无对应项目）"),
            format!("project added: {name} (no matching project in the old declarations)"),
        )
    } else {
        Change::new(
            "C007",
            ChangeKind::Removed,
            None,
            Some(name.clone()),
            None,
            format!("项目 {name} 在新申报中不再出现"),
            format!("project removed: {name} is not in the new declarations"),
        )
    };
    ProjectChanges {
        project: name.clone(),
        old_project: (!added).then(|| name.clone()),
        code: decl.project.code.clone(),
        matched_by: None,
        uncertain: false,
        changes: vec![change],
    }
}

/// The changes between two declarations of one project.
pub fn compare(old: &Declaration, new: &Declaration, prior: Option<&Declaration>) -> Vec<Change> {
    let mut changes = levels_removed(&old.indicators, &new.indicators);
    let matches = matching::match_indicators(&old.indicators, &new.indicators);
    let prior_matches = prior.map(|p| {
        (
            p,
            matching::match_indicators(&p.indicators, &new.indicators),
        )
    });
    for (j, ind) in new.indicators.iter().enumerate() {
        let pair = matches.iter().find(|m| m.new == j);
        let Some((m, old_ind)) = pair.and_then(|m| old.indicators.get(m.old).map(|o| (m, o)))
        else {
            changes.push(kinds::added(ind));
            continue;
        };
        let mut found = kinds::compare_indicators(old_ind, ind, m.by);
        if let Some((p, pm)) = &prior_matches {
            if let Some(actual) = pm
                .iter()
                .find(|x| x.new == j)
                .and_then(|x| prior_actual(p, x.old))
            {
                found.extend(kinds::below_last_actual(ind, actual));
            }
        }
        if m.by == MatchedBy::Similar {
            found.iter_mut().for_each(|c| c.uncertain = true);
        }
        changes.extend(found);
    }
    for (i, ind) in old.indicators.iter().enumerate() {
        if !matches.iter().any(|m| m.old == i) {
            changes.push(kinds::removed(ind));
        }
    }
    changes.extend(funding::funding_changes(old, new, &matches));
    changes
}

/// The published 实际完成值 of the prior self-evaluation's indicator `i`, if any.
fn prior_actual(prior: &Declaration, i: usize) -> Option<&str> {
    prior
        .evaluation
        .as_ref()?
        .indicators
        .get(i)?
        .actual
        .as_deref()
        .filter(|a| !a.trim().is_empty())
}

/// `C005 level_removed`: each 一级 the old indicators had and the new ones lack.
fn levels_removed(old: &[Indicator], new: &[Indicator]) -> Vec<Change> {
    Level1::ALL
        .iter()
        .filter(|l| {
            old.iter().any(|i| i.level1 == Some(**l)) && !new.iter().any(|i| i.level1 == Some(**l))
        })
        .map(|l| {
            let n = old.iter().filter(|i| i.level1 == Some(*l)).count();
            Change::new(
                "C005",
                ChangeKind::LevelRemoved,
                None,
                Some(l.as_str().to_owned()),
                None,
                format!("一级指标“{l}”在新申报中缺失（原有 {n} 个三级指标）"),
                format!(
                    "level-1 category {l} is gone from the new declaration ({n} indicator(s) before)"
                ),
            )
        })
        .collect()
}
