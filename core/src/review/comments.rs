//! Review comments for the unit (审核意见): per project, the numbered list a reviewer sends
//! back, in sections 完整性 / 可测性 / 可行性, in the checklist's wording when the policy
//! has a checklist.
//!
//! Each comment is `【title】specific message。standard comment`: the title and the
//! standard comment are the checklist item's (`ReviewPolicy::checklist`), else the rule's
//! title alone; the specific message is the finding's (it names the indicator or the
//! figures). Errors and warnings become comments; infos do not.

use serde::Serialize;

use super::{review_declaration, rules, Aspect, ReviewPolicy};
use crate::diagnostic::Severity;
use crate::model::Document;

/// One section of a project's comments (一、完整性 …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommentSection {
    /// The aspect (审核要点).
    pub aspect: Aspect,
    /// The comments, in the order of the findings (source lines).
    pub comments: Vec<String>,
}

/// The review comments of one project (one row of the sheet reviewers exchange).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectComments {
    /// 项目编码, when the declaration has one.
    pub code: Option<String>,
    /// 项目名称.
    pub name: String,
    /// The sections that have comments, in [`Aspect::ALL`] order.
    pub sections: Vec<CommentSection>,
}

impl ProjectComments {
    /// The comments of one aspect (empty when it has none).
    pub fn section(&self, aspect: Aspect) -> &[String] {
        self.sections
            .iter()
            .find(|s| s.aspect == aspect)
            .map(|s| s.comments.as_slice())
            .unwrap_or_default()
    }

    /// The numbered comments of one aspect as one text (`1. …\n2. …`), as a sheet's cell
    /// holds them.
    pub fn section_text(&self, aspect: Aspect) -> String {
        numbered(self.section(aspect))
    }
}

/// The numbered list `1. …` one per line.
fn numbered(comments: &[String]) -> String {
    comments
        .iter()
        .enumerate()
        .map(|(n, c)| format!("{}. {c}", n + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The review comments of every declaration of `document` under `policy`, in document
/// order; a project with nothing to say has no sections.
///
/// ```
/// use jixiao::model::{Declaration, Document};
/// use jixiao::review::{comments, Aspect, ReviewPolicy};
/// let mut decl = Declaration::default();
/// decl.project.name = "示例项目".into();
/// let doc = Document { declarations: vec![decl], ..Default::default() };
/// let policy = ReviewPolicy::for_profile("shenzhen-2023").unwrap();
/// let list = comments(&doc, &policy);
/// assert!(list[0].section(Aspect::Completeness)[0].starts_with("【"));
/// ```
pub fn comments(document: &Document, policy: &ReviewPolicy) -> Vec<ProjectComments> {
    document
        .declarations
        .iter()
        .map(|decl| {
            let mut sections: Vec<CommentSection> = Vec::new();
            for f in review_declaration(decl, document.year, policy) {
                if f.severity == Severity::Info {
                    continue;
                }
                let rule = rules().iter().find(|r| r.code == f.code);
                let item = policy.checklist.and_then(|c| c.item_for(&f.code));
                let aspect = item
                    .map(|i| i.aspect)
                    .or(rule.map(|r| r.aspect))
                    .unwrap_or(Aspect::Completeness);
                let title = item
                    .map(|i| i.title.trim_end_matches('。'))
                    .or(rule.map(|r| r.title))
                    .unwrap_or(f.code.as_str());
                let message = f.message.trim_end_matches('。');
                let text = match item {
                    Some(i) => format!("【{title}】{message}。{}", i.comment),
                    None => format!("【{title}】{message}。"),
                };
                match sections.iter_mut().find(|s| s.aspect == aspect) {
                    Some(s) => s.comments.push(text),
                    None => sections.push(CommentSection {
                        aspect,
                        comments: vec![text],
                    }),
                }
            }
            sections.sort_by_key(|s| s.aspect);
            ProjectComments {
                code: decl.project.code.clone(),
                name: decl.project.name.trim().to_owned(),
                sections,
            }
        })
        .collect()
}

/// The comments as text: per project its code and name, then 一、完整性 / 二、可测性 /
/// 三、可行性 with the numbered comments; `无审核意见` for a project with none.
pub fn comments_text(list: &[ProjectComments]) -> String {
    const ORDINALS: [&str; 3] = ["一", "二", "三"];
    let mut out = String::new();
    for (k, p) in list.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if let Some(code) = &p.code {
            out.push_str(&format!("项目编码：{code}\n"));
        }
        let name = if p.name.is_empty() {
            "（未命名项目）"
        } else {
            &p.name
        };
        out.push_str(&format!("项目名称：{name}\n"));
        if p.sections.is_empty() {
            out.push_str("无审核意见\n");
        }
        for (n, s) in p.sections.iter().enumerate() {
            out.push_str(&format!("{}、{}\n", ORDINALS[n], s.aspect.label()));
            out.push_str(&numbered(&s.comments));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn sections_follow_the_aspects_and_number_from_one() {
        let mut d = clean();
        d.goals.annual = None; // K002, 完整性
        let doc = Document {
            declarations: vec![d],
            ..Default::default()
        };
        let policy = ReviewPolicy::for_profile("shenzhen-2023").unwrap();
        let list = comments(&doc, &policy);
        assert_eq!(list.len(), 1);
        let p = &list[0];
        let aspects: Vec<_> = p.sections.iter().map(|s| s.aspect).collect();
        let mut sorted = aspects.clone();
        sorted.sort();
        assert_eq!(aspects, sorted);
        let complete = p.section(Aspect::Completeness);
        assert!(
            complete
                .iter()
                .any(|c| c
                    .starts_with("【年度绩效目标未填写】年度绩效目标未填写。项目年度目标未填写")),
            "{complete:?}"
        );
        let text = comments_text(&list);
        assert!(
            text.starts_with("项目名称：测试项目\n一、完整性\n1. 【"),
            "{text}"
        );
        // without a checklist the comments carry the rule titles only
        let plain = comments(&doc, &ReviewPolicy::default());
        assert!(plain[0]
            .sections
            .iter()
            .flat_map(|s| &s.comments)
            .all(|c| !c.contains("请补充")));
    }

    #[test]
    fn a_project_with_nothing_to_say() {
        let doc = Document {
            declarations: vec![clean()],
            ..Default::default()
        };
        let list = comments(&doc, &ReviewPolicy::default());
        assert!(list[0].sections.is_empty());
        assert_eq!(comments_text(&list), "项目名称：测试项目\n无审核意见\n");
    }
}
