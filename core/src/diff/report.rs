//! The target changes as JSON (`formats.md`, `jixiao diff`) and as the text a terminal
//! shows.

use super::{ProjectChanges, ProjectMatch};
use crate::diagnostic::Severity;

/// The changes as pretty JSON with a final newline: an array with one object per project,
/// `{"project", "old_project", "code", "matched_by", "uncertain", "changes": [{"code",
/// "kind", "indicator", "old", "new", "message", "message_en", "severity",
/// "uncertain"}]}`; absent values are `null`.
pub fn diff_json(projects: &[ProjectChanges]) -> String {
    // Strings, booleans and enums only: serializing cannot fail.
    let mut out = serde_json::to_string_pretty(projects).unwrap_or_else(|_| "[]".to_owned());
    out.push('\n');
    out
}

/// The changes as aligned text: per project its name, how it was matched, and one row per
/// change (code, kind, indicator, old → new, message); then the counts.
pub fn diff_text(projects: &[ProjectChanges]) -> String {
    let mut out = String::new();
    let (mut warnings, mut infos) = (0usize, 0usize);
    for p in projects {
        let how = match (p.matched_by, &p.old_project) {
            (Some(ProjectMatch::Code), Some(old)) if *old != p.project => {
                format!("按项目编码匹配，原名“{old}”")
            }
            (Some(ProjectMatch::Code), _) => "按项目编码匹配".to_owned(),
            (Some(ProjectMatch::Name), _) => "按项目名称匹配".to_owned(),
            (Some(ProjectMatch::Similar), Some(old)) => {
                format!("按名称相似匹配原项目“{old}”，请确认")
            }
            (Some(ProjectMatch::Similar), None) => "按名称相似匹配，请确认".to_owned(),
            (None, _) => "无对应项目".to_owned(),
        };
        out.push_str(&format!("{}（{how}）\n", p.project));
        if p.changes.is_empty() {
            out.push_str("  无变化\n\n");
            continue;
        }
        let rows: Vec<Vec<String>> = p
            .changes
            .iter()
            .map(|c| {
                match c.severity {
                    Severity::Info => infos += 1,
                    _ => warnings += 1,
                }
                let values = match (&c.old, &c.new) {
                    (Some(o), Some(n)) => format!("{o} → {n}"),
                    (Some(o), None) => format!("{o} → —"),
                    (None, Some(n)) => format!("— → {n}"),
                    (None, None) => String::new(),
                };
                vec![
                    format!("  {}", c.code),
                    c.kind.label().to_owned(),
                    c.indicator.clone().unwrap_or_default(),
                    values,
                    if c.uncertain && c.kind != super::ChangeKind::Renamed {
                        format!("{}（匹配待确认）", c.message)
                    } else {
                        c.message.clone()
                    },
                ]
            })
            .collect();
        out.push_str(&crate::render::table(
            &["  代码", "类型", "指标", "原值 → 新值", "说明"],
            &rows,
            &[false; 5],
        ));
        out.push('\n');
    }
    out.push_str(&format!(
        "项目 {}，变化 {}（警告 {warnings}，提示 {infos}）\n",
        projects.len(),
        warnings + infos
    ));
    out
}
