//! Joining actuals to a document's declarations.

use std::collections::BTreeMap;

use super::{key, ActualRow, Actuals, ActualsError};
use crate::diagnostic::{Finding, Severity};
use crate::error::Location;
use crate::model::{Declaration, Document, Evaluation, IndicatorEvaluation};
use crate::taxonomy::{Level1, Level2};
use crate::text::fold_width;

/// The declarations a project name (or 项目编码) names.
fn projects_named(document: &Document, name: &str) -> Vec<usize> {
    let k = key(name);
    document
        .declarations
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            key(&d.project.name) == k || d.project.code.as_deref().is_some_and(|c| key(c) == k)
        })
        .map(|(i, _)| i)
        .collect()
}

/// What a row refers to: an indicator name, narrowed by 一级/二级 when given.
struct Reference {
    name: String,
    level1: Option<String>,
    level2: Option<String>,
}

/// A row's reference; `一级/二级/三级` and `二级/三级` paths are split when their leading
/// parts are level labels (a name that merely contains `/` stays a name).
fn reference(row: &ActualRow) -> Reference {
    let folded = fold_width(&row.indicator);
    let parts: Vec<&str> = folded.split('/').map(str::trim).collect();
    let path = match parts.as_slice() {
        [l1, l2, name] if Level1::parse(l1).is_some() && Level2::parse(l2).is_some() => {
            Some((Some(*l1), Some(*l2), *name))
        }
        [l, name] if Level1::parse(l).is_some() => Some((Some(*l), None, *name)),
        [l, name] if Level2::parse(l).is_some() => Some((None, Some(*l), *name)),
        _ => None,
    };
    match path {
        Some((l1, l2, name)) => Reference {
            name: name.to_owned(),
            level1: l1.map(str::to_owned).or_else(|| row.level1.clone()),
            level2: l2.map(str::to_owned).or_else(|| row.level2.clone()),
        },
        None => Reference {
            name: row.indicator.trim().to_owned(),
            level1: row.level1.clone(),
            level2: row.level2.clone(),
        },
    }
}

fn matches(indicator: &crate::model::Indicator, r: &Reference) -> bool {
    if key(&indicator.name) != key(&r.name) {
        return false;
    }
    let level1_ok = r
        .level1
        .as_deref()
        .is_none_or(|label| match Level1::parse(label) {
            Some(l) if indicator.level1.is_some() => indicator.level1 == Some(l),
            _ => key(indicator.level1_label()) == key(label),
        });
    let level2_ok = r
        .level2
        .as_deref()
        .is_none_or(|label| match Level2::parse(label) {
            Some(l) if indicator.level2.is_some() => indicator.level2 == Some(l),
            _ => key(indicator.level2_label()) == key(label),
        });
    level1_ok && level2_ok
}

fn path(declaration: &Declaration, i: usize) -> String {
    declaration
        .indicators
        .get(i)
        .map_or_else(String::new, |ind| {
            format!("{}/{}/{}", ind.level1_label(), ind.level2_label(), ind.name)
        })
}

fn evaluation_of(declaration: &mut Declaration) -> &mut Evaluation {
    let count = declaration.indicators.len();
    let evaluation = declaration
        .evaluation
        .get_or_insert_with(Evaluation::default);
    if evaluation.indicators.len() < count {
        evaluation
            .indicators
            .resize(count, IndicatorEvaluation::default());
    }
    evaluation
}

/// Joins an actuals file to a document: fills each declaration's [`Evaluation`] (actuals,
/// deviation notes, published scores, budget figures). A row naming an unknown or ambiguous
/// project or indicator is an error naming the row; an indicator left without an actual, a
/// project without budget figures and a duplicate row are findings.
pub fn apply_actuals(
    document: &Document,
    actuals: &Actuals,
) -> Result<(Document, Vec<Finding>), ActualsError> {
    let mut doc = document.clone();
    let mut findings = Vec::new();
    let at = |row: u32| Location::file(actuals.file.as_deref()).line(row);
    let known = || {
        document
            .declarations
            .iter()
            .map(|d| d.project.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let project_of = |name: Option<&str>, row: u32| -> Result<Option<usize>, ActualsError> {
        match name {
            Some(name) => match projects_named(document, name).as_slice() {
                [] => Err(ActualsError::UnknownProject {
                    at: at(row),
                    name: name.to_owned(),
                    known: known(),
                }),
                [one] => Ok(Some(*one)),
                several => Err(ActualsError::Ambiguous {
                    at: at(row),
                    name: name.to_owned(),
                    candidates: format!("{} projects of that name", several.len()),
                }),
            },
            None if document.declarations.len() == 1 => Ok(Some(0)),
            None => Ok(None),
        }
    };
    let count = doc.declarations.len();
    let mut touched = vec![false; count];
    let mut budgeted = vec![false; count];
    for budget in &actuals.budgets {
        let Some(p) = project_of(budget.project.as_deref(), budget.row)? else {
            return Err(ActualsError::Ambiguous {
                at: at(budget.row),
                name: "budget figures".to_owned(),
                candidates: format!("{count} projects (add a 项目名称 column or \"project\")"),
            });
        };
        if let Some(declaration) = doc.declarations.get_mut(p) {
            let evaluation = evaluation_of(declaration);
            evaluation.unit = budget.unit;
            evaluation.budget.initial = budget.initial.or(evaluation.budget.initial);
            evaluation.budget.adjusted = budget.adjusted.or(evaluation.budget.adjusted);
            evaluation.budget.executed = budget.executed.or(evaluation.budget.executed);
        }
        if let Some(flag) = budgeted.get_mut(p) {
            *flag = true;
        }
        if let Some(flag) = touched.get_mut(p) {
            *flag = true;
        }
    }
    let mut filled: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for row in &actuals.rows {
        let r = reference(row);
        let scope: Vec<usize> = match project_of(row.project.as_deref(), row.row)? {
            Some(p) => vec![p],
            None => (0..count).collect(),
        };
        let hits: Vec<(usize, usize)> = scope
            .iter()
            .filter_map(|&p| document.declarations.get(p).map(|d| (p, d)))
            .flat_map(|(p, d)| {
                d.indicators
                    .iter()
                    .enumerate()
                    .filter(|(_, ind)| matches(ind, &r))
                    .map(move |(i, _)| (p, i))
            })
            .collect();
        let (p, i) = match hits.as_slice() {
            [] => {
                return Err(ActualsError::UnknownIndicator {
                    at: at(row.row),
                    project: match scope.as_slice() {
                        [p] => document
                            .declarations
                            .get(*p)
                            .map_or_else(String::new, |d| d.project.name.clone()),
                        _ => "any".to_owned(),
                    },
                    name: row.indicator.clone(),
                })
            }
            [one] => *one,
            several => {
                let candidates = several
                    .iter()
                    .filter_map(|(p, i)| {
                        document
                            .declarations
                            .get(*p)
                            .map(|d| format!("{}: {}", d.project.name, path(d, *i)))
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                return Err(ActualsError::Ambiguous {
                    at: at(row.row),
                    name: row.indicator.clone(),
                    candidates,
                });
            }
        };
        let Some(declaration) = doc.declarations.get_mut(p) else {
            continue;
        };
        if let Some(first) = filled.insert((p, i), row.row) {
            findings.push(
                Finding::new(
                    "S-actual-duplicate",
                    Severity::Warning,
                    format!(
                        "指标在第 {first} 行和第 {} 行都有实际完成值，采用后者",
                        row.row
                    ),
                    format!(
                        "the indicator has actuals on rows {first} and {}; the later one is used",
                        row.row
                    ),
                )
                .in_project(&declaration.project.name)
                .on_indicator(path(declaration, i)),
            );
        }
        let evaluation = evaluation_of(declaration);
        if let Some(slot) = evaluation.indicators.get_mut(i) {
            if row.actual.is_some() {
                slot.actual.clone_from(&row.actual);
            }
            if row.deviation.is_some() {
                slot.deviation.clone_from(&row.deviation);
            }
            if row.score.is_some() {
                slot.score = row.score;
            }
        }
        if let Some(flag) = touched.get_mut(p) {
            *flag = true;
        }
    }
    for (p, declaration) in doc.declarations.iter().enumerate() {
        let name = declaration.project.name.as_str();
        if !touched.get(p).copied().unwrap_or(false) {
            findings.push(
                Finding::new(
                    "S-project-no-actuals",
                    Severity::Warning,
                    "实际完成值文件中没有该项目：全部指标无法评分",
                    "the actuals file has nothing for this project: none of its indicators can be scored",
                )
                .in_project(name),
            );
            continue;
        }
        let evaluation = declaration.evaluation.as_ref();
        for (i, _) in declaration.indicators.iter().enumerate() {
            let has = evaluation
                .and_then(|e| e.indicators.get(i))
                .and_then(|e| e.actual.as_deref())
                .is_some_and(|a| !a.trim().is_empty());
            if !has {
                findings.push(
                    Finding::new(
                        "S-actual-missing",
                        Severity::Warning,
                        "该指标没有实际完成值：无法评分（不计 0 分）",
                        "no actual for this indicator: it will be not scorable (never a silent 0)",
                    )
                    .in_project(name)
                    .on_indicator(path(declaration, i)),
                );
            }
        }
        let has_budget =
            evaluation.is_some_and(|e| e.budget.adjusted.is_some() && e.budget.executed.is_some());
        if !has_budget && !budgeted.get(p).copied().unwrap_or(false) {
            findings.push(
                Finding::new(
                    "S-budget-missing",
                    Severity::Warning,
                    "没有全年预算数/全年执行数：预算执行率无法评分",
                    "no 全年预算数 / 全年执行数: the budget execution item will be not scorable",
                )
                .in_project(name),
            );
        }
    }
    Ok((doc, findings))
}
