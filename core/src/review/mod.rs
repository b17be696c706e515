//! Target review (绩效目标审核): the checks of `domain.md` §4.
//!
//! Each check is one small rule with a **stable code** (a letter per family and a number:
//! `F` funding, `D` dates, `S` structure, `T` targets, `W` weights, `X` cross-checks between
//! the form's figures, `K` the items of a bureau's checklist), one severity, a title in
//! Chinese and English, the aspect it reviews (完整性 / 可测性 / 可行性) and the document it
//! rests on. The rules read the model only; the thresholds and profiles they use are data
//! in [`ReviewPolicy`], which the caller may change.
//! [`rules`] lists every rule; `docs/review.md` explains each.
//!
//! ```
//! use jixiao::model::{Declaration, Document};
//! use jixiao::review::{review, ReviewPolicy};
//! let mut decl = Declaration::default();
//! decl.project.name = "示例项目".into();
//! let doc = Document { declarations: vec![decl], ..Default::default() };
//! let result = review(&doc, &ReviewPolicy::default());
//! // no indicators at all: the indicator table is empty (one finding, not one per level)
//! assert!(result.has_errors());
//! assert!(result.findings.iter().any(|f| f.code == "S009"));
//! ```

mod checklist;
mod comments;
mod cross;
mod dates;
mod funding;
mod structure;
mod targets;
mod weights;

pub use checklist::{Checklist, ChecklistItem};
pub use comments::{comments, comments_text, CommentSection, ProjectComments};
pub use cross::{UNIT_BAND_HIGH, UNIT_BAND_LOW};

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Finding, Severity};
use crate::model::{Declaration, Document, Indicator, Source};
use crate::taxonomy::{Framework, Level1};

/// A header field of a declaration (申报表表头) that a policy may require.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderField {
    /// 项目名称.
    ProjectName,
    /// 项目性质.
    Nature,
    /// 项目类别.
    Category,
    /// 主管部门.
    Department,
    /// 实施单位.
    Implementer,
    /// 计划开始日期.
    StartDate,
    /// 计划完成日期.
    EndDate,
    /// 年度资金申请总额.
    AnnualFunding,
    /// 年度总体目标.
    AnnualGoal,
}

impl HeaderField {
    /// The label as the form writes it (`项目名称`, …).
    pub fn label(self) -> &'static str {
        match self {
            HeaderField::ProjectName => "项目名称",
            HeaderField::Nature => "项目性质",
            HeaderField::Category => "项目类别",
            HeaderField::Department => "主管部门",
            HeaderField::Implementer => "实施单位",
            HeaderField::StartDate => "计划开始日期",
            HeaderField::EndDate => "计划完成日期",
            HeaderField::AnnualFunding => "年度资金申请总额",
            HeaderField::AnnualGoal => "年度总体目标",
        }
    }

    /// The English name used in messages.
    pub fn label_en(self) -> &'static str {
        match self {
            HeaderField::ProjectName => "project name",
            HeaderField::Nature => "project nature",
            HeaderField::Category => "project category",
            HeaderField::Department => "department",
            HeaderField::Implementer => "implementing unit",
            HeaderField::StartDate => "planned start date",
            HeaderField::EndDate => "planned end date",
            HeaderField::AnnualFunding => "annual funding requested",
            HeaderField::AnnualGoal => "annual goal",
        }
    }

    /// Whether the field is filled in `declaration` (blank text counts as empty).
    pub fn is_filled(self, declaration: &Declaration) -> bool {
        let p = &declaration.project;
        let text = |t: &Option<String>| t.as_deref().is_some_and(|s| !s.trim().is_empty());
        match self {
            HeaderField::ProjectName => !p.name.trim().is_empty(),
            HeaderField::Nature => text(&p.nature),
            HeaderField::Category => text(&p.category),
            HeaderField::Department => text(&p.department),
            HeaderField::Implementer => text(&p.implementer),
            HeaderField::StartDate => p.start_date.is_some(),
            HeaderField::EndDate => p.end_date.is_some(),
            HeaderField::AnnualFunding => declaration.funding.annual.is_some(),
            HeaderField::AnnualGoal => text(&declaration.goals.annual),
        }
    }
}

/// 审核口径: the profile and thresholds a review applies. Every default is documented
/// with its source; the caller may change any of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ReviewPolicy {
    /// The indicator framework (`classic`, `mof-2021`, `shanghai-2025`, or `any`, which
    /// accepts both trees). Decides the required 一级 and the allowed 二级.
    pub framework: Framework,
    /// The lowest acceptable share of quantitative (定量) 三级 indicators in a declaration
    /// (rule T008). Default 0.5: 财预〔2015〕88号 asks that targets be 细化、量化, "定量指标为主、
    /// 定性指标为辅"; the half-way line is this library's reading of 为主.
    pub min_quantitative_share: Decimal,
    /// The points each 一级's indicator weights must sum to when weights are given (rule
    /// W001); `None` turns the check off. Default, from 财预〔2020〕10号: 产出指标 50,
    /// 效益指标 30, 满意度指标 10 — with 预算执行率 10 scored separately, the indicator
    /// weights sum to 90. When the map has no 成本指标 entry, the weights of a 一级
    /// 成本指标 (mof-2021, shanghai-2025) count inside 产出指标's 50. Points written in the
    /// form's own level headers (`产出指标(70分)`) win over these (rule W002 checks them).
    pub level_points: Option<BTreeMap<Level1, Decimal>>,
    /// Header fields that must be filled (rule S005, error). Default: 项目名称, the one field
    /// `domain.md` §1 marks required.
    pub required_fields: Vec<HeaderField>,
    /// Header fields that should be filled (rule S008, warning). Default: 主管部门, 实施单位,
    /// which every layout carries. 计划开始/完成日期 are on the 申报表 but not on the 自评表
    /// nor in list exports; add them to review 申报表 strictly.
    pub expected_fields: Vec<HeaderField>,
    /// Rule codes to skip (e.g. `T008`).
    pub disabled: BTreeSet<String>,
    /// A bureau's checklist (审核口径) whose items run as the `K` rules and whose standard
    /// comments the review comments use (profile `shenzhen-2023`); `None` by default.
    pub checklist: Option<Checklist>,
}

impl Default for ReviewPolicy {
    fn default() -> Self {
        ReviewPolicy {
            framework: Framework::Any,
            min_quantitative_share: Decimal::new(5, 1),
            level_points: Some(default_level_points()),
            required_fields: vec![HeaderField::ProjectName],
            expected_fields: vec![HeaderField::Department, HeaderField::Implementer],
            disabled: BTreeSet::new(),
            checklist: None,
        }
    }
}

/// 产出指标 50, 效益指标 30, 满意度指标 10 (财预〔2020〕10号).
fn default_level_points() -> BTreeMap<Level1, Decimal> {
    BTreeMap::from([
        (Level1::Output, Decimal::from(50)),
        (Level1::Benefit, Decimal::from(30)),
        (Level1::Satisfaction, Decimal::from(10)),
    ])
}

impl ReviewPolicy {
    /// The policy of a named profile: `any`, `classic`, `mof-2021`, `shanghai-2025`, or a
    /// bureau's checklist (`shenzhen-2023`: the classic framework plus the checklist's `K`
    /// rules and standard comments). All share the default thresholds.
    ///
    /// ```
    /// use jixiao::review::{Checklist, ReviewPolicy};
    /// use jixiao::taxonomy::Framework;
    /// let p = ReviewPolicy::for_profile("shanghai-2025").unwrap();
    /// assert_eq!(p.framework, Framework::Shanghai2025);
    /// let sz = ReviewPolicy::for_profile("shenzhen-2023").unwrap();
    /// assert_eq!((sz.framework, sz.checklist), (Framework::Classic, Some(Checklist::Shenzhen2023)));
    /// assert!(ReviewPolicy::for_profile("nope").is_err());
    /// ```
    pub fn for_profile(name: &str) -> Result<ReviewPolicy, String> {
        if let Some(checklist) = Checklist::by_name(name) {
            return Ok(ReviewPolicy {
                framework: checklist.framework(),
                checklist: Some(checklist),
                ..ReviewPolicy::default()
            });
        }
        let framework: Framework = name
            .parse()
            .map_err(|e: String| format!("{e}; or a checklist: {}", Checklist::NAMES.join(", ")))?;
        Ok(ReviewPolicy {
            framework,
            ..ReviewPolicy::default()
        })
    }

    /// The policy a caller gives as text: a profile name ([`ReviewPolicy::for_profile`]) or
    /// the policy itself as a JSON object (`{"framework": "classic", "disabled": ["T008"]}`,
    /// missing keys taking their defaults). The one parser the C ABI, Python and the command
    /// line share.
    ///
    /// ```
    /// use jixiao::review::ReviewPolicy;
    /// assert!(ReviewPolicy::from_spec("classic").is_ok());
    /// let p = ReviewPolicy::from_spec(r#"{"disabled": ["T008"]}"#).unwrap();
    /// assert!(p.disabled.contains("T008"));
    /// assert_eq!(ReviewPolicy::from_spec("nope").unwrap_err().code(), "unknown_profile");
    /// assert_eq!(ReviewPolicy::from_spec("{").unwrap_err().code(), "bad_profile");
    /// ```
    pub fn from_spec(spec: &str) -> Result<ReviewPolicy, crate::ProfileError> {
        const KIND: &str = "review profile";
        if spec.trim_start().starts_with('{') {
            return serde_json::from_str(spec).map_err(|e| crate::ProfileError::InvalidJson {
                kind: KIND,
                message: e.to_string(),
            });
        }
        ReviewPolicy::for_profile(spec).map_err(|_| crate::ProfileError::UnknownName {
            kind: KIND,
            name: spec.trim().to_owned(),
            known: ReviewPolicy::PROFILES.join(", "),
        })
    }

    /// The names [`ReviewPolicy::for_profile`] knows.
    pub const PROFILES: [&'static str; 5] = [
        "any",
        "classic",
        "mof-2021",
        "shanghai-2025",
        "shenzhen-2023",
    ];

    /// Whether the rule with this code runs.
    fn runs(&self, code: &str) -> bool {
        !self.disabled.contains(code)
    }
}

/// 审核要点: the aspect of a declaration a rule reviews, as reviewers group the comments
/// they send back to a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// 完整性: everything the form asks for is there, in the shape asked for.
    Completeness,
    /// 可测性: the targets can be measured (细化、量化).
    Measurability,
    /// 可行性: the targets and the money fit together and can be achieved in time.
    Feasibility,
}

impl Aspect {
    /// Every aspect, in the order comments list them.
    pub const ALL: [Aspect; 3] = [
        Aspect::Completeness,
        Aspect::Measurability,
        Aspect::Feasibility,
    ];

    /// The Chinese name (`完整性`, `可测性`, `可行性`).
    pub fn label(self) -> &'static str {
        match self {
            Aspect::Completeness => "完整性",
            Aspect::Measurability => "可测性",
            Aspect::Feasibility => "可行性",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Aspect::Completeness => "completeness",
            Aspect::Measurability => "measurability",
            Aspect::Feasibility => "feasibility",
        }
    }
}

/// One review rule: its stable code, severity, title, aspect and source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// The stable code (`F001`, …); never reused for another meaning.
    pub code: &'static str,
    /// The severity of every finding of this rule.
    pub severity: Severity,
    /// 规则名称 (Chinese).
    pub title: &'static str,
    /// The title in English.
    pub title_en: &'static str,
    /// The rule's source: 财预〔2015〕88号, 财预〔2020〕10号, 财预〔2021〕101号, 上海2025指引,
    /// or `domain.md` for the library's own consistency checks.
    pub source: &'static str,
    /// The aspect the rule reviews (the section of the review comments).
    pub aspect: Aspect,
}

impl RuleInfo {
    /// A finding of this rule with no location yet.
    fn finding(&self, message: String, message_en: String) -> Finding {
        Finding::new(self.code, self.severity, message, message_en)
    }
}

/// Every rule, family by family (F, X, D, S, T, W, K), in code order within each.
static RULES: [RuleInfo; 48] = [
    funding::F001,
    funding::F002,
    funding::F003,
    funding::F004,
    cross::X001,
    cross::X002,
    cross::X003,
    dates::D001,
    dates::D002,
    structure::S001,
    structure::S002,
    structure::S003,
    structure::S004,
    structure::S005,
    structure::S006,
    structure::S007,
    structure::S008,
    structure::S009,
    targets::T001,
    targets::T002,
    targets::T003,
    targets::T004,
    targets::T005,
    targets::T006,
    targets::T007,
    targets::T008,
    targets::T009,
    weights::W001,
    weights::W002,
    checklist::K000,
    checklist::K001,
    checklist::K002,
    checklist::K003,
    checklist::K005,
    checklist::K006,
    checklist::K007,
    checklist::K008,
    checklist::K009,
    checklist::K010,
    checklist::K011,
    checklist::K012,
    checklist::K013,
    checklist::K014,
    checklist::K015,
    checklist::K017,
    checklist::K021,
    checklist::K023,
    checklist::K025,
];

/// Every review rule with its code, severity, titles, aspect and source, family by family
/// (funding, cross-checks, dates, structure, targets, weights, checklist items).
///
/// ```
/// let codes: Vec<_> = jixiao::review::rules().iter().map(|r| r.code).collect();
/// assert!(codes.contains(&"F001"));
/// ```
pub fn rules() -> &'static [RuleInfo] {
    &RULES
}

/// 审核结果: the findings of a review, in document order.
///
/// Serializes as `{"findings": […], "errors": n, "warnings": n, "infos": n}`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Review {
    /// The findings, declaration by declaration, in rule order within each.
    pub findings: Vec<Finding>,
}

impl Review {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

impl Review {
    /// The findings as text for a terminal: grouped by project (in document order), one
    /// aligned row per finding (line, code, severity, indicator, message), then the counts.
    /// When every located finding comes from one file, the file is named once on top and
    /// the rows give the line only.
    pub fn to_text(&self) -> String {
        let mut files: Vec<&str> = self
            .findings
            .iter()
            .filter_map(|f| f.file.as_deref())
            .collect();
        files.dedup();
        let one_file = match files.as_slice() {
            [file] => Some(*file),
            _ => None,
        };
        let mut projects: Vec<Option<&str>> = Vec::new();
        for f in &self.findings {
            let p = f.project.as_deref();
            if !projects.contains(&p) {
                projects.push(p);
            }
        }
        let mut out = String::new();
        if let Some(file) = one_file {
            out.push_str(&format!("文件：{file}\n\n"));
        }
        for project in projects {
            out.push_str(project.unwrap_or("（未命名项目）"));
            out.push('\n');
            let rows: Vec<Vec<String>> = self
                .findings
                .iter()
                .filter(|f| f.project.as_deref() == project)
                .map(|f| {
                    let at = match (&f.file, f.line) {
                        (Some(_), Some(line)) if one_file.is_some() => line.to_string(),
                        (Some(file), Some(line)) => format!("{file}:{line}"),
                        (None, Some(line)) => line.to_string(),
                        _ => String::new(),
                    };
                    let severity = match f.severity {
                        Severity::Error => "错误",
                        Severity::Warning => "警告",
                        Severity::Info => "提示",
                    };
                    vec![
                        format!("  {at}"),
                        f.code.clone(),
                        severity.to_owned(),
                        f.indicator.clone().unwrap_or_default(),
                        f.message.clone(),
                    ]
                })
                .collect();
            out.push_str(&crate::render::table(
                &["  行", "代码", "级别", "指标", "说明"],
                &rows,
                &[false; 5],
            ));
            out.push('\n');
        }
        out.push_str(&format!(
            "错误 {}，警告 {}，提示 {}\n",
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info)
        ));
        out
    }
}

impl Serialize for Review {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Review", 4)?;
        s.serialize_field("findings", &self.findings)?;
        s.serialize_field("errors", &self.count(Severity::Error))?;
        s.serialize_field("warnings", &self.count(Severity::Warning))?;
        s.serialize_field("infos", &self.count(Severity::Info))?;
        s.end()
    }
}

/// Reviews every declaration of `document` under `policy` (绩效目标审核).
pub fn review(document: &Document, policy: &ReviewPolicy) -> Review {
    let findings = document
        .declarations
        .iter()
        .flat_map(|d| review_declaration(d, document.year, policy))
        .collect();
    Review { findings }
}

/// Reviews one declaration (申报表); `year` is the document's budget year, when known.
/// The findings come in source-line order (rule order where lines are equal or unknown).
pub fn review_declaration(
    declaration: &Declaration,
    year: Option<i32>,
    policy: &ReviewPolicy,
) -> Vec<Finding> {
    let ctx = Ctx {
        decl: declaration,
        year,
        policy,
    };
    let mut out = Vec::new();
    funding::check(&ctx, &mut out);
    cross::check(&ctx, &mut out);
    dates::check(&ctx, &mut out);
    structure::check(&ctx, &mut out);
    targets::check(&ctx, &mut out);
    weights::check(&ctx, &mut out);
    if let Some(list) = policy.checklist {
        checklist::check(list, &ctx, &mut out);
    }
    out.retain(|f| policy.runs(&f.code));
    // in source order; findings without a line (documents not read from text) keep rule order
    out.sort_by_key(|f| f.line.unwrap_or(0));
    out
}

/// What every rule sees: the declaration, the budget year and the policy.
struct Ctx<'a> {
    decl: &'a Declaration,
    year: Option<i32>,
    policy: &'a ReviewPolicy,
}

impl Ctx<'_> {
    /// A finding about the declaration as a whole, located at `source` (or at the
    /// declaration's start when `source` is unknown).
    fn at_project(&self, rule: &RuleInfo, source: &Source, zh: String, en: String) -> Finding {
        let source = if source.is_known() {
            source
        } else {
            &self.decl.source
        };
        let f = rule.finding(zh, en).at(source);
        match self.project_name() {
            Some(name) => f.in_project(name),
            None => f,
        }
    }

    /// A finding about one indicator, located at its row.
    fn at_indicator(
        &self,
        rule: &RuleInfo,
        indicator: &Indicator,
        zh: String,
        en: String,
    ) -> Finding {
        self.at_project(rule, &indicator.source, zh, en)
            .on_indicator(indicator_path(indicator))
    }

    /// The project name, when it is filled.
    fn project_name(&self) -> Option<&str> {
        let name = self.decl.project.name.trim();
        (!name.is_empty()).then_some(name)
    }
}

/// The indicator path `一级/二级/三级` as labels (normalized, else as written).
pub fn indicator_path(indicator: &Indicator) -> String {
    format!(
        "{}/{}/{}",
        indicator.level1_label(),
        indicator.level2_label(),
        indicator.name.trim()
    )
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Hand-built declarations and targets, independent of the value grammar.

    use rust_decimal::Decimal;

    use crate::model::{Declaration, Indicator, Source};
    use crate::taxonomy::{Level1, Level2};
    use crate::value::{Comparator, QualitativeClass, Target, TargetKind, ValueProblem};

    /// A quantitative target.
    pub fn quant(comparator: Comparator, value: &str, unit: Option<&str>) -> Target {
        Target {
            text: format!("{}{}{}", comparator.symbol(), value, unit.unwrap_or("")),
            kind: TargetKind::Quantitative,
            comparator: Some(comparator),
            value: value.parse::<Decimal>().ok(),
            unit: unit.map(str::to_owned),
            unit_class: None,
            class: None,
            problem: None,
        }
    }

    /// A qualitative target with a class.
    pub fn qual(text: &str, class: Option<QualitativeClass>) -> Target {
        Target {
            text: text.to_owned(),
            kind: TargetKind::Qualitative,
            comparator: None,
            value: None,
            unit: None,
            unit_class: None,
            class,
            problem: None,
        }
    }

    /// An invalid target.
    pub fn invalid(text: &str, problem: ValueProblem) -> Target {
        Target {
            text: text.to_owned(),
            kind: TargetKind::Invalid,
            comparator: None,
            value: None,
            unit: None,
            unit_class: None,
            class: None,
            problem: Some(problem),
        }
    }

    /// An indicator at `line`.
    pub fn ind(l1: Level1, l2: Level2, name: &str, target: Target, line: u32) -> Indicator {
        let mut i = Indicator::new(Some(l1), Some(l2), name, target);
        i.source = Source::at(Some("t.txt"), line);
        i
    }

    /// A clean declaration: header filled, funding consistent, one indicator per required
    /// 一级, all quantitative with units.
    pub fn clean() -> Declaration {
        let mut d = Declaration::default();
        d.project.name = "测试项目".into();
        d.project.nature = Some("其他一次性项目".into());
        d.project.department = Some("某局".into());
        d.project.implementer = Some("某单位".into());
        d.project.start_date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1);
        d.project.end_date = chrono::NaiveDate::from_ymd_opt(2024, 12, 31);
        d.funding.unit = crate::model::MoneyUnit::WanYuan;
        d.funding.annual = Some(Decimal::new(100_000, 2));
        d.funding.annual_fiscal = Some(Decimal::new(80_000, 2));
        d.funding.annual_carryover = Some(Decimal::new(20_000, 2));
        d.funding.annual_other = Some(Decimal::ZERO);
        d.funding.source = Source::at(Some("t.txt"), 5);
        d.source = Source::at(Some("t.txt"), 1);
        d.indicators = vec![
            ind(
                Level1::Output,
                Level2::Quantity,
                "培训人数",
                quant(Comparator::AtLeast, "17", Some("人")),
                10,
            ),
            ind(
                Level1::Benefit,
                Level2::SocialBenefit,
                "覆盖率",
                quant(Comparator::AtLeast, "90", Some("%")),
                11,
            ),
            ind(
                Level1::Satisfaction,
                Level2::ServiceSatisfaction,
                "满意度",
                quant(Comparator::AtLeast, "90", Some("%")),
                12,
            ),
        ];
        d
    }

    /// The codes a declaration gets under a policy; checks that each finding's code and
    /// severity are the ones [`super::rules`] lists.
    pub fn codes(d: &Declaration, policy: &super::ReviewPolicy) -> Vec<String> {
        super::review_declaration(d, Some(2024), policy)
            .into_iter()
            .map(|f| {
                let rule = super::rules().iter().find(|r| r.code == f.code);
                assert_eq!(rule.map(|r| r.severity), Some(f.severity), "{f:?}");
                f.code
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn clean_declaration_has_no_findings() {
        let d = clean();
        let found = review_declaration(&d, Some(2024), &ReviewPolicy::default());
        assert!(found.is_empty(), "{found:?}");
        for name in ["any", "classic", "mof-2021"] {
            let policy = ReviewPolicy::for_profile(name).unwrap();
            assert!(codes(&d, &policy).is_empty(), "{name}");
        }
    }

    #[test]
    fn rule_codes_are_unique() {
        let codes: Vec<_> = rules().iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes.len(), sorted.len());
        for r in rules() {
            assert!(!r.title.is_empty() && !r.title_en.is_empty() && !r.source.is_empty());
        }
    }

    #[test]
    fn review_counts_and_json() {
        let mut d = clean();
        d.project.name = String::new();
        d.indicators.pop();
        let doc = Document {
            declarations: vec![d],
            ..Default::default()
        };
        let r = review(&doc, &ReviewPolicy::default());
        assert!(r.has_errors());
        assert_eq!(r.count(Severity::Error), 2, "{:?}", r.findings); // S005, S001
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["errors"], 2);
        assert_eq!(json["warnings"], 0);
        assert_eq!(json["findings"].as_array().map(Vec::len), Some(2));
        // a finding without a project name carries none
        assert!(r.findings.iter().all(|f| f.project.is_none()));
    }

    #[test]
    fn text_groups_by_project() {
        let mut a = clean();
        a.indicators.pop();
        let mut b = clean();
        b.project.name = "另一项目".into();
        b.indicators[0].target = invalid("**", crate::value::ValueProblem::Placeholder);
        let doc = Document {
            declarations: vec![a, b],
            ..Default::default()
        };
        let text = review(&doc, &ReviewPolicy::default()).to_text();
        let first = text.find("测试项目").unwrap_or(usize::MAX);
        let second = text.find("另一项目").unwrap_or(usize::MAX);
        assert!(first < second && second < text.len(), "{text}");
        assert!(text.starts_with("文件：t.txt\n"), "{text}");
        assert!(text.contains("  10  T002  错误"), "{text}");
        assert!(text.ends_with("错误 2，警告 0，提示 0\n"), "{text}");
    }

    #[test]
    fn disabled_rules_are_skipped() {
        let mut d = clean();
        d.indicators.pop();
        let mut policy = ReviewPolicy::default();
        assert_eq!(codes(&d, &policy), ["S001"]);
        policy.disabled.insert("S001".into());
        assert!(codes(&d, &policy).is_empty());
    }

    #[test]
    fn policy_round_trips_through_json() {
        let p = ReviewPolicy::for_profile("shanghai-2025").unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains("\"产出指标\":\"50\""), "{json}");
        let back: ReviewPolicy = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
        let partial: ReviewPolicy = serde_json::from_str(r#"{"framework":"classic"}"#).unwrap();
        assert_eq!(partial.min_quantitative_share, Decimal::new(5, 1));
    }
}
