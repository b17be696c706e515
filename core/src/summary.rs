//! Roll-up (汇总): `domain.md` §7. Totals of funding by source, projects and indicators by
//! 一级/二级, the quantitative share and the review findings by severity — for all the
//! documents together, per document, and grouped by 主管部门 and by 实施单位.
//!
//! Money is summed exactly in 元 (万元 × 10000, no floats) and written with at least two
//! decimals. A funding cell absent from every declaration stays absent (`null`); absent
//! cells are never counted as zero.
//!
//! ```
//! use jixiao::model::{Declaration, Document};
//! use jixiao::review::ReviewPolicy;
//! use jixiao::summary::summarize;
//! let mut decl = Declaration::default();
//! decl.project.name = "示例".into();
//! decl.funding.annual = Some("2650000.00".parse().unwrap());
//! let doc = Document { declarations: vec![decl], ..Default::default() };
//! let s = summarize(&[doc], &ReviewPolicy::default());
//! assert_eq!(s.figures.projects, 1);
//! assert_eq!(s.figures.funding.annual.unwrap().to_string(), "2650000.00");
//! ```

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::diagnostic::Severity;
use crate::model::{Declaration, Document, Funding};
use crate::render::table;
use crate::review::{review_declaration, ReviewPolicy};
use crate::score::{score_declaration, Profile, Scorecard};
use crate::taxonomy::{Level1, Level2};
use crate::value::TargetKind;

/// 汇总: the roll-up of one or more documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The framework profile the findings were counted under (`any`, `classic`, …).
    pub profile: String,
    /// How many documents were rolled up.
    pub documents: usize,
    /// The figures of everything together.
    #[serde(flatten)]
    pub figures: Figures,
    /// The same figures per document, in the order given (named by the document title).
    pub by_document: Vec<Group>,
    /// The same figures per 主管部门, in first-seen order.
    pub by_department: Vec<Group>,
    /// The same figures per 实施单位, in first-seen order.
    pub by_implementer: Vec<Group>,
    /// The scoring profile the self-evaluations were scored under, when they were
    /// (see [`summarize_scored`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_profile: Option<String>,
}

/// One group of a roll-up (a document, a 主管部门 or a 实施单位) with its figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// The group's name; `None` for declarations that leave the field empty.
    pub name: Option<String>,
    /// The group's figures.
    #[serde(flatten)]
    pub figures: Figures,
}

/// The figures every level of a roll-up has.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Figures {
    /// 项目数: declarations.
    pub projects: usize,
    /// 三级指标数.
    pub indicators: usize,
    /// 定量 indicators.
    pub quantitative: usize,
    /// 定性 indicators.
    pub qualitative: usize,
    /// Indicators whose target is empty, a placeholder or unparseable.
    pub invalid: usize,
    /// quantitative / indicators, rounded to 4 decimals half away from zero; `None`
    /// when there are no indicators.
    pub quantitative_share: Option<Decimal>,
    /// 三级指标 counts by 一级 (normalized label, else as written), in form order.
    pub by_level1: Tally,
    /// 三级指标 counts by `一级/二级`, in form order.
    pub by_level2: Tally,
    /// Funding totals in 元.
    pub funding: FundingTotals,
    /// Review findings by severity and code.
    pub findings: FindingCounts,
    /// How the self-evaluations scored (自评得分分布 and 等级), when the roll-up was scored
    /// ([`summarize_scored`]) and the group has self-evaluations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scores: Option<ScoreFigures>,
}

/// 自评得分: how the self-evaluations of a group scored.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ScoreFigures {
    /// Declarations with a self-evaluation (scored).
    pub evaluated: usize,
    /// Scorecards with every item scorable (the only ones with a grade).
    pub complete: usize,
    /// Scorecards with something not scorable (no grade).
    pub incomplete: usize,
    /// The mean 总分 of the complete scorecards, 2 decimals (half away from zero).
    pub mean: Option<Decimal>,
    /// The lowest 总分 of the complete scorecards.
    pub min: Option<Decimal>,
    /// The highest 总分 of the complete scorecards.
    pub max: Option<Decimal>,
    /// 得分分布: complete scorecards by ten-point band of 总分 (`90-100`, `80-90`, …, `0-10`).
    pub distribution: BTreeMap<String, usize>,
    /// 等级 counts (优/良/中/差 by the profile's bands) of the complete scorecards.
    pub grades: BTreeMap<String, usize>,
    #[serde(skip)]
    sum: Decimal,
}

impl ScoreFigures {
    fn of(card: &Scorecard) -> Self {
        let mut fig = ScoreFigures {
            evaluated: 1,
            ..ScoreFigures::default()
        };
        if card.complete {
            fig.complete = 1;
            fig.sum = card.total;
            fig.min = Some(card.total);
            fig.max = Some(card.total);
            fig.distribution.insert(band_of(card.total), 1);
            if let Some(grade) = &card.grade {
                fig.grades.insert(grade.clone(), 1);
            }
        } else {
            fig.incomplete = 1;
        }
        fig.finish();
        fig
    }

    fn merge(&mut self, o: &ScoreFigures) {
        self.evaluated += o.evaluated;
        self.complete += o.complete;
        self.incomplete += o.incomplete;
        self.sum += o.sum;
        self.min = [self.min, o.min].into_iter().flatten().min();
        self.max = [self.max, o.max].into_iter().flatten().max();
        for (k, v) in &o.distribution {
            *self.distribution.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &o.grades {
            *self.grades.entry(k.clone()).or_default() += v;
        }
        self.finish();
    }

    fn finish(&mut self) {
        self.mean = (self.complete > 0).then(|| {
            (self.sum / Decimal::from(self.complete))
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        });
    }
}

/// The ten-point band of a total: `90-100` holds 90 up to and including 100, the others
/// their lower bound and not their upper (`80-90` is 80 ≤ total < 90).
fn band_of(total: Decimal) -> String {
    let ten = Decimal::from(10);
    let lower = (total / ten).floor().clamp(Decimal::ZERO, Decimal::from(9)) * ten;
    format!("{}-{}", lower.normalize(), (lower + ten).normalize())
}

/// Funding totals (项目资金) in 元, each the exact sum over the declarations that fill it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FundingTotals {
    /// 项目资金总额.
    pub total: Option<Decimal>,
    /// 其中：财政资金.
    pub total_fiscal: Option<Decimal>,
    /// 其他资金 (project period).
    pub total_other: Option<Decimal>,
    /// 年度资金申请总额.
    pub annual: Option<Decimal>,
    /// 其中：当年财政拨款.
    pub annual_fiscal: Option<Decimal>,
    /// 上年结转资金.
    pub annual_carryover: Option<Decimal>,
    /// 其他资金 (the year).
    pub annual_other: Option<Decimal>,
    /// Declarations with no 年度资金申请总额 (not counted in `annual`).
    pub annual_missing: usize,
}

/// Findings by severity, and by code.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FindingCounts {
    /// 错误.
    pub errors: usize,
    /// 警告.
    pub warnings: usize,
    /// 提示.
    pub infos: usize,
    /// Count per rule code.
    pub by_code: BTreeMap<String, usize>,
}

/// Counts by label, kept in form order (产出, 成本, 效益, 满意度; 二级 in taxonomy order;
/// unknown labels after, alphabetically). Serializes as a JSON object.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tally {
    entries: BTreeMap<(usize, usize, String), usize>,
}

impl Tally {
    /// The counts, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, usize)> {
        self.entries.iter().map(|((_, _, k), v)| (k.as_str(), *v))
    }

    /// The count for a label (0 when absent).
    pub fn get(&self, label: &str) -> usize {
        self.iter().find(|(k, _)| *k == label).map_or(0, |(_, v)| v)
    }

    fn add(&mut self, rank: (usize, usize), label: String, n: usize) {
        *self.entries.entry((rank.0, rank.1, label)).or_default() += n;
    }

    fn merge(&mut self, other: &Tally) {
        for (k, v) in &other.entries {
            *self.entries.entry(k.clone()).or_default() += v;
        }
    }
}

impl Serialize for Tally {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

fn rank1(level: Option<Level1>) -> usize {
    level
        .and_then(|l| Level1::ALL.iter().position(|x| *x == l))
        .unwrap_or(Level1::ALL.len())
}

fn rank2(level: Option<Level2>) -> usize {
    level
        .and_then(|l| Level2::ALL.iter().position(|x| *x == l))
        .unwrap_or(Level2::ALL.len())
}

/// An amount in 元, exact, with at least two decimals; `None` beyond the range of a
/// decimal (no real amount is).
fn yuan(value: Decimal, funding: &Funding) -> Option<Decimal> {
    let mut y = value.checked_mul(funding.unit.in_yuan())?;
    if y.scale() < 2 {
        y.rescale(2);
    }
    Some(y)
}

/// Adds `value` to `sum`; an absent value adds nothing, and a sum beyond the range of a
/// decimal keeps its last value rather than panicking.
fn add_opt(sum: &mut Option<Decimal>, value: Option<Decimal>) {
    if let Some(v) = value {
        *sum = Some(match *sum {
            Some(s) => s.checked_add(v).unwrap_or(s),
            None => v,
        });
    }
}

impl FundingTotals {
    fn of(f: &Funding) -> Self {
        let y = |v: Option<Decimal>| v.and_then(|v| yuan(v, f));
        FundingTotals {
            total: y(f.total),
            total_fiscal: y(f.total_fiscal),
            total_other: y(f.total_other),
            annual: y(f.annual),
            annual_fiscal: y(f.annual_fiscal),
            annual_carryover: y(f.annual_carryover),
            annual_other: y(f.annual_other),
            annual_missing: usize::from(f.annual.is_none()),
        }
    }

    fn merge(&mut self, o: &FundingTotals) {
        add_opt(&mut self.total, o.total);
        add_opt(&mut self.total_fiscal, o.total_fiscal);
        add_opt(&mut self.total_other, o.total_other);
        add_opt(&mut self.annual, o.annual);
        add_opt(&mut self.annual_fiscal, o.annual_fiscal);
        add_opt(&mut self.annual_carryover, o.annual_carryover);
        add_opt(&mut self.annual_other, o.annual_other);
        self.annual_missing += o.annual_missing;
    }
}

impl FindingCounts {
    fn merge(&mut self, o: &FindingCounts) {
        self.errors += o.errors;
        self.warnings += o.warnings;
        self.infos += o.infos;
        for (k, v) in &o.by_code {
            *self.by_code.entry(k.clone()).or_default() += v;
        }
    }
}

impl Figures {
    /// The figures of one declaration, its findings from the review under `policy`.
    fn of(decl: &Declaration, year: Option<i32>, policy: &ReviewPolicy) -> Self {
        let mut fig = Figures {
            projects: 1,
            funding: FundingTotals::of(&decl.funding),
            ..Figures::default()
        };
        for i in &decl.indicators {
            if i.name.trim().is_empty() {
                continue; // an empty 二级 row is not an indicator
            }
            fig.indicators += 1;
            match i.target.kind {
                TargetKind::Quantitative => fig.quantitative += 1,
                TargetKind::Qualitative if !i.target.text.trim().is_empty() => {
                    fig.qualitative += 1;
                }
                _ => fig.invalid += 1,
            }
            let (r1, r2) = (rank1(i.level1), rank2(i.level2));
            fig.by_level1.add((r1, 0), i.level1_label().to_owned(), 1);
            let path = format!("{}/{}", i.level1_label(), i.level2_label());
            fig.by_level2.add((r1, r2), path, 1);
        }
        for f in review_declaration(decl, year, policy) {
            match f.severity {
                Severity::Error => fig.findings.errors += 1,
                Severity::Warning => fig.findings.warnings += 1,
                Severity::Info => fig.findings.infos += 1,
            }
            *fig.findings.by_code.entry(f.code).or_default() += 1;
        }
        fig.finish();
        fig
    }

    fn merge(&mut self, o: &Figures) {
        self.projects += o.projects;
        self.indicators += o.indicators;
        self.quantitative += o.quantitative;
        self.qualitative += o.qualitative;
        self.invalid += o.invalid;
        self.by_level1.merge(&o.by_level1);
        self.by_level2.merge(&o.by_level2);
        self.funding.merge(&o.funding);
        self.findings.merge(&o.findings);
        if let Some(theirs) = &o.scores {
            match &mut self.scores {
                Some(mine) => mine.merge(theirs),
                None => self.scores = Some(theirs.clone()),
            }
        }
        self.finish();
    }

    fn finish(&mut self) {
        self.quantitative_share = (self.indicators > 0).then(|| {
            let mut share = (Decimal::from(self.quantitative) / Decimal::from(self.indicators))
                .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
            share.rescale(4);
            share
        });
    }
}

/// Adds `fig` to the group named `name`, creating it at the end when new.
fn add_to(groups: &mut Vec<Group>, name: Option<String>, fig: &Figures) {
    match groups.iter_mut().find(|g| g.name == name) {
        Some(g) => g.figures.merge(fig),
        None => groups.push(Group {
            name,
            figures: fig.clone(),
        }),
    }
}

fn filled(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// The figures of one declaration (项目数 1, its indicators by kind and level, its
/// funding in 元 and its review findings under `policy`); `year` is its document's budget
/// year, when known.
pub fn declaration_figures(
    decl: &Declaration,
    year: Option<i32>,
    policy: &ReviewPolicy,
) -> Figures {
    Figures::of(decl, year, policy)
}

/// Rolls up `documents` (汇总), reviewing each declaration under `policy` for the finding
/// counts.
pub fn summarize(documents: &[Document], policy: &ReviewPolicy) -> Summary {
    roll_up(documents, policy, None)
}

/// Rolls up `documents` like [`summarize`], and scores every declaration that carries a
/// self-evaluation under `profile` for the score figures ([`ScoreFigures`]) of each group.
pub fn summarize_scored(
    documents: &[Document],
    policy: &ReviewPolicy,
    profile: &Profile,
) -> Summary {
    roll_up(documents, policy, Some(profile))
}

fn roll_up(documents: &[Document], policy: &ReviewPolicy, profile: Option<&Profile>) -> Summary {
    let mut all = Figures::default();
    let mut by_document = Vec::new();
    let mut by_department = Vec::new();
    let mut by_implementer = Vec::new();
    for doc in documents {
        let mut doc_fig = Figures::default();
        for decl in &doc.declarations {
            let mut fig = Figures::of(decl, doc.year, policy);
            if let (Some(profile), Some(_)) = (profile, &decl.evaluation) {
                fig.scores = Some(ScoreFigures::of(&score_declaration(decl, profile)));
            }
            doc_fig.merge(&fig);
            add_to(&mut by_department, filled(&decl.project.department), &fig);
            add_to(&mut by_implementer, filled(&decl.project.implementer), &fig);
        }
        all.merge(&doc_fig);
        by_document.push(Group {
            name: filled(&doc.title),
            figures: doc_fig,
        });
    }
    Summary {
        profile: policy.framework.as_str().to_owned(),
        documents: documents.len(),
        figures: all,
        by_document,
        by_department,
        by_implementer,
        score_profile: profile.map(|p| p.name.clone()),
    }
}

/// One paragraph on how the self-evaluations scored.
fn scores_text(scores: &ScoreFigures, profile: &str) -> String {
    let show = |v: Option<Decimal>| v.map_or_else(|| "—".to_owned(), |d| d.to_string());
    let list = |map: &BTreeMap<String, usize>| {
        map.iter()
            .rev()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("，")
    };
    format!(
        "自评得分（口径 {profile}）：{} 个自评，完整 {}，不完整 {}；平均 {}，最低 {}，最高 {}\n等级：{}\n分布：{}\n\n",
        scores.evaluated,
        scores.complete,
        scores.incomplete,
        show(scores.mean),
        show(scores.min),
        show(scores.max),
        list(&scores.grades),
        list(&scores.distribution),
    )
}

/// Money for people: thousands separators, two decimals at least (`19,555,000.00`).
pub(crate) fn money_text(value: Option<Decimal>) -> String {
    let Some(v) = value else {
        return "—".to_owned();
    };
    let text = v.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

pub(crate) fn share_text(share: Option<Decimal>) -> String {
    share.map_or("—".to_owned(), |s| {
        let pct = (s.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(s))
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        format!("{pct}%")
    })
}

fn groups_table(title: &str, groups: &[Group]) -> String {
    let rows: Vec<Vec<String>> = groups
        .iter()
        .map(|g| {
            let f = &g.figures;
            vec![
                g.name.clone().unwrap_or_else(|| "（未填）".to_owned()),
                f.projects.to_string(),
                f.indicators.to_string(),
                share_text(f.quantitative_share),
                money_text(f.funding.annual),
                f.findings.errors.to_string(),
                f.findings.warnings.to_string(),
                f.findings.infos.to_string(),
            ]
        })
        .collect();
    table(
        &[
            title,
            "项目",
            "指标",
            "定量占比",
            "年度资金申请总额(元)",
            "错误",
            "警告",
            "提示",
        ],
        &rows,
        &[false, true, true, true, true, true, true, true],
    )
}

impl Summary {
    /// The roll-up as aligned tables for a terminal (CJK by display width).
    pub fn to_text(&self) -> String {
        let f = &self.figures;
        let mut out = format!(
            "汇总（审核口径 {}）：{} 个文件，{} 个项目，{} 个三级指标（定量 {}，定性 {}，无效 {}；定量占比 {}）\n审核结果：错误 {}，警告 {}，提示 {}\n\n",
            self.profile,
            self.documents,
            f.projects,
            f.indicators,
            f.quantitative,
            f.qualitative,
            f.invalid,
            share_text(f.quantitative_share),
            f.findings.errors,
            f.findings.warnings,
            f.findings.infos,
        );
        if let (Some(scores), Some(profile)) = (&f.scores, &self.score_profile) {
            out.push_str(&scores_text(scores, profile));
        }
        let m = &f.funding;
        let funding_rows: Vec<Vec<String>> = [
            ("年度资金申请总额", m.annual),
            ("  其中：当年财政拨款", m.annual_fiscal),
            ("  上年结转资金", m.annual_carryover),
            ("  其他资金", m.annual_other),
            ("项目资金总额", m.total),
            ("  其中：财政资金", m.total_fiscal),
            ("  其他资金", m.total_other),
        ]
        .into_iter()
        .map(|(label, v)| vec![label.to_owned(), money_text(v)])
        .collect();
        out.push_str(&table(
            &["项目资金", "金额(元)"],
            &funding_rows,
            &[false, true],
        ));
        if m.annual_missing > 0 {
            out.push_str(&format!(
                "（{} 个项目未填年度资金申请总额，未计入）\n",
                m.annual_missing
            ));
        }
        out.push('\n');
        let level_rows: Vec<Vec<String>> = f
            .by_level2
            .iter()
            .map(|(path, n)| {
                let (l1, l2) = path.split_once('/').unwrap_or((path, ""));
                vec![l1.to_owned(), l2.to_owned(), n.to_string()]
            })
            .collect();
        out.push_str(&table(
            &["一级指标", "二级指标", "三级指标数"],
            &level_rows,
            &[false, false, true],
        ));
        if !f.findings.by_code.is_empty() {
            out.push('\n');
            let code_rows: Vec<Vec<String>> = f
                .findings
                .by_code
                .iter()
                .map(|(code, n)| {
                    let title = crate::review::rules()
                        .iter()
                        .find(|r| r.code == code)
                        .map_or("", |r| r.title);
                    vec![code.clone(), n.to_string(), title.to_owned()]
                })
                .collect();
            out.push_str(&table(
                &["代码", "次数", "规则"],
                &code_rows,
                &[false, true, false],
            ));
        }
        for (title, groups) in [
            ("主管部门", &self.by_department),
            ("实施单位", &self.by_implementer),
        ] {
            out.push('\n');
            out.push_str(&groups_table(title, groups));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Indicator, MoneyUnit};
    use crate::text::display_width;
    use crate::value::Target;

    fn quant() -> Target {
        Target {
            text: "≥90%".into(),
            kind: TargetKind::Quantitative,
            comparator: Some(crate::value::Comparator::AtLeast),
            value: Some(Decimal::from(90)),
            unit: Some("%".into()),
            unit_class: None,
            class: None,
            problem: None,
        }
    }

    fn qual(text: &str) -> Target {
        Target {
            text: text.into(),
            kind: TargetKind::Qualitative,
            comparator: None,
            value: None,
            unit: None,
            unit_class: None,
            class: None,
            problem: None,
        }
    }

    fn decl(name: &str, dept: &str, annual: Decimal, unit: MoneyUnit) -> Declaration {
        let mut d = Declaration::default();
        d.project.name = name.into();
        d.project.department = Some(dept.into());
        d.project.implementer = Some("执法总队".into());
        d.project.start_date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1);
        d.project.end_date = chrono::NaiveDate::from_ymd_opt(2024, 12, 31);
        d.funding.unit = unit;
        d.funding.annual = Some(annual);
        d.funding.annual_fiscal = Some(annual);
        d.indicators = vec![
            Indicator::new(Some(Level1::Output), Some(Level2::Quantity), "a", quant()),
            Indicator::new(
                Some(Level1::Output),
                Some(Level2::Quality),
                "b",
                qual("达标"),
            ),
            Indicator::new(
                Some(Level1::Benefit),
                Some(Level2::SocialBenefit),
                "c",
                quant(),
            ),
            Indicator::new(
                Some(Level1::Satisfaction),
                Some(Level2::ServiceSatisfaction),
                "d",
                qual("满意"),
            ),
        ];
        d
    }

    fn docs() -> Vec<Document> {
        vec![
            Document {
                title: Some("甲".into()),
                declarations: vec![
                    decl(
                        "p1",
                        "局A",
                        "2650000.00".parse().unwrap_or_default(),
                        MoneyUnit::Yuan,
                    ),
                    decl(
                        "p2",
                        "局B",
                        "265.5".parse().unwrap_or_default(),
                        MoneyUnit::WanYuan,
                    ),
                ],
                ..Document::default()
            },
            Document {
                title: None,
                declarations: vec![decl("p3", "局A", Decimal::from(1), MoneyUnit::Yuan)],
                ..Document::default()
            },
        ]
    }

    #[test]
    fn totals_convert_wan_yuan_exactly() {
        let s = summarize(&docs(), &ReviewPolicy::default());
        let f = &s.figures;
        assert_eq!(f.projects, 3);
        assert_eq!(f.indicators, 12);
        assert_eq!(f.quantitative, 6);
        assert_eq!(
            f.funding.annual.map(|d| d.to_string()).as_deref(),
            Some("5305001.00")
        );
        assert_eq!(f.funding.total, None);
        assert_eq!(f.funding.annual_carryover, None);
        assert_eq!(f.quantitative_share, Some(Decimal::new(5000, 4)));
        assert_eq!(f.by_level1.get("产出指标"), 6);
        assert_eq!(f.by_level2.get("产出指标/质量指标"), 3);
        // 满意 as a 满意度 target: one T006 warning per declaration
        assert_eq!(f.findings.warnings, 3);
        assert_eq!(f.findings.by_code.get("T006"), Some(&3));
        assert_eq!(s.documents, 2);
        assert!(s.figures.scores.is_none() && s.score_profile.is_none());
    }

    #[test]
    fn groups_have_the_same_shape() {
        let s = summarize(&docs(), &ReviewPolicy::default());
        let names: Vec<_> = s.by_department.iter().map(|g| g.name.clone()).collect();
        assert_eq!(names, [Some("局A".to_owned()), Some("局B".to_owned())]);
        let a = &s.by_department[0].figures;
        assert_eq!(a.projects, 2);
        assert_eq!(
            a.funding.annual.map(|d| d.to_string()).as_deref(),
            Some("2650001.00")
        );
        assert_eq!(s.by_implementer.len(), 1);
        assert_eq!(s.by_implementer[0].figures, s.figures);
        assert_eq!(s.by_document.len(), 2);
        assert_eq!(s.by_document[1].name, None);
        let json = serde_json::to_value(&s).unwrap_or_default();
        assert_eq!(json["by_department"][0]["name"], "局A");
        assert_eq!(json["by_department"][0]["funding"]["annual"], "2650001.00");
        assert_eq!(json["annual_missing"], serde_json::Value::Null);
        assert_eq!(json["funding"]["annual_missing"], 0);
        assert_eq!(json["by_level1"]["产出指标"], 6);
        assert_eq!(json["quantitative_share"], "0.5000");
        assert!(json["grades"].is_null());
    }

    #[test]
    fn level_order_is_form_order() {
        let s = summarize(&docs(), &ReviewPolicy::default());
        let keys: Vec<_> = s.figures.by_level1.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["产出指标", "效益指标", "满意度指标"]);
    }

    #[test]
    fn empty_input() {
        let s = summarize(&[], &ReviewPolicy::default());
        assert_eq!(s.figures.projects, 0);
        assert_eq!(s.figures.quantitative_share, None);
        assert!(s.to_text().contains("0 个项目"));
    }

    #[test]
    fn text_is_aligned() {
        let s = summarize(&docs(), &ReviewPolicy::default());
        let text = s.to_text();
        assert!(text.contains("5,305,001.00"), "{text}");
        // the funding table's amounts end in the same display column
        let ends: Vec<usize> = text
            .lines()
            .skip_while(|l| !l.starts_with("项目资金"))
            .take(8)
            .map(display_width)
            .collect();
        assert_eq!(ends.len(), 8);
        assert!(ends.iter().all(|w| *w == ends[0]), "{text}");
    }

    #[test]
    fn money_grouping() {
        assert_eq!(money_text(Some(Decimal::new(123, 2))), "1.23");
        assert_eq!(
            money_text(Some(Decimal::new(-123_456_789, 2))),
            "-1,234,567.89"
        );
        assert_eq!(money_text(Some(Decimal::from(1000))), "1,000");
        assert_eq!(money_text(None), "—");
    }
}

#[cfg(test)]
mod score_tests {
    use super::*;
    use crate::model::{BudgetRow, Evaluation, Indicator, IndicatorEvaluation};
    use crate::taxonomy::{Level1, Level2};
    use crate::value::parse_target;

    fn evaluated(name: &str, dept: &str, actual: &str) -> Declaration {
        let mut decl = Declaration::default();
        decl.project.name = name.into();
        decl.project.department = Some(dept.into());
        let mut ind = Indicator::new(
            Some(Level1::Output),
            Some(Level2::Quantity),
            "培训人数",
            parse_target("≥100人"),
        );
        ind.weight = Some(Decimal::from(90));
        decl.indicators.push(ind);
        decl.evaluation = Some(Evaluation {
            budget: BudgetRow {
                adjusted: Some(Decimal::from(100)),
                executed: Some(Decimal::from(100)),
                weight: Some(Decimal::from(10)),
                ..BudgetRow::default()
            },
            indicators: vec![IndicatorEvaluation {
                actual: Some(actual.into()),
                ..IndicatorEvaluation::default()
            }],
            ..Evaluation::default()
        });
        decl
    }

    #[test]
    fn scored_roll_up_counts_grades_and_bands() {
        let doc = Document {
            declarations: vec![
                evaluated("甲", "局A", "100人"), // 100
                evaluated("乙", "局A", "50人"),  // 10 + 45 = 55
                evaluated("丙", "局B", ""),      // incomplete: missing actual
                Declaration::default(),          // a declaration, not scored
            ],
            ..Document::default()
        };
        let s = summarize_scored(&[doc], &ReviewPolicy::default(), &Profile::default());
        assert_eq!(s.score_profile.as_deref(), Some("mof-2020"));
        let scores = s.figures.scores.as_ref().expect("scored");
        assert_eq!(
            (scores.evaluated, scores.complete, scores.incomplete),
            (3, 2, 1)
        );
        assert_eq!(scores.mean, Some(Decimal::new(7750, 2)));
        assert_eq!(scores.min, Some(Decimal::from(55)));
        assert_eq!(scores.max, Some(Decimal::from(100)));
        assert_eq!(scores.grades.get("优"), Some(&1));
        assert_eq!(scores.grades.get("差"), Some(&1));
        assert_eq!(scores.distribution.get("90-100"), Some(&1));
        assert_eq!(scores.distribution.get("50-60"), Some(&1));
        let dept_a = s
            .by_department
            .iter()
            .find(|g| g.name.as_deref() == Some("局A"))
            .expect("局A");
        assert_eq!(dept_a.figures.scores.as_ref().map(|f| f.complete), Some(2));
        assert!(s.to_text().contains("自评得分"));
        assert!(summarize(&[Document::default()], &ReviewPolicy::default())
            .figures
            .scores
            .is_none());
    }

    #[test]
    fn bands() {
        assert_eq!(band_of(Decimal::from(100)), "90-100");
        assert_eq!(band_of(Decimal::new(8999, 2)), "80-90");
        assert_eq!(band_of(Decimal::ZERO), "0-10");
        assert_eq!(band_of(Decimal::from(-5)), "0-10");
    }
}
