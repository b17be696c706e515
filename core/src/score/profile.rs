//! Scoring profiles (评分方案): the points, policies and bands a self-evaluation is scored
//! under. A profile is data (serde), so a caller can load its own from JSON; the named
//! built-in ones are [`Profile::names`].

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::Declaration;
use crate::taxonomy::{Framework, Level1};

/// The two profiles `auto` chooses from, built once.
static AUTO_CHOICES: LazyLock<(Profile, Profile)> = LazyLock::new(|| {
    (
        Profile::default(),
        Profile::by_name("budget-20").unwrap_or_default(),
    )
});

/// How a 反向 (`≤`, `<`) indicator is scored when the actual exceeds the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReversePolicy {
    /// 线性扣分 (default): T < A < 2T → (1 − (A − T)/T) × W; A ≥ 2T → 0.
    #[default]
    Linear,
    /// 比例得分: A > T → T / A × W.
    Ratio,
}

impl ReversePolicy {
    /// `linear` or `ratio`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReversePolicy::Linear => "linear",
            ReversePolicy::Ratio => "ratio",
        }
    }
}

/// 定性指标 scoring: the bands of 财预〔2020〕10号 and the default share of a bare grade.
/// Every figure is a fraction of the indicator's weight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualitativePolicy {
    /// 达成年度指标 without an explicit score takes this share (default 1.00).
    pub met: Decimal,
    /// 部分达成年度指标并具有一定效果 without an explicit score (default 0.70).
    pub partial: Decimal,
    /// 未达成年度指标且效果较差 without an explicit score (default 0.30).
    pub unmet: Decimal,
    /// Lower edge of the 达成 band, inclusive (default 0.80): 达成 is [0.80, 1].
    pub met_min: Decimal,
    /// Lower edge of the 部分达成 band, inclusive (default 0.60): 部分达成 is [0.60, 0.80).
    pub partial_min: Decimal,
}

impl Default for QualitativePolicy {
    fn default() -> Self {
        QualitativePolicy {
            met: Decimal::ONE,
            partial: Decimal::new(70, 2),
            unmet: Decimal::new(30, 2),
            met_min: Decimal::new(80, 2),
            partial_min: Decimal::new(60, 2),
        }
    }
}

/// One grade band (等级): a total at or above `min` gets `grade`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeBand {
    /// 优, 良, 中 or 差.
    pub grade: String,
    /// The lowest total of the band, inclusive.
    pub min: Decimal,
}

/// 评分方案: a scoring profile. [`Profile::default`] is `mof-2020` (财预〔2020〕10号).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// The profile name (`mof-2020`, `budget-20`, `mof-2021`, `shanghai-2025`, or a caller's own).
    pub name: String,
    /// What the profile is and where its figures come from.
    #[serde(default)]
    pub description: String,
    /// The indicator framework the profile belongs to (for target review).
    #[serde(default)]
    pub framework: Framework,
    /// 预算执行率 分值 (10 under 10号).
    pub budget_points: Decimal,
    /// Points per 一级指标 (产出 50, 效益 30, 满意度 10 under 10号). A form's own level
    /// header (`产出指标(70分)`) wins over these.
    pub level_points: BTreeMap<Level1, Decimal>,
    /// The 一级 whose points a 一级 成本指标 shares when it has no points of its own
    /// (产出指标 under `mof-2021`/`shanghai-2025`); `None` scores it on its own.
    #[serde(default)]
    pub cost_shares: Option<Level1>,
    /// How 反向 indicators are scored above their target.
    #[serde(default)]
    pub reverse: ReversePolicy,
    /// 定性指标 bands and defaults.
    #[serde(default)]
    pub qualitative: QualitativePolicy,
    /// A/T at or above this raises the over-achievement flag on 正向 indicators (1.3).
    pub over_achievement_ratio: Decimal,
    /// Grade bands, highest first (优 90, 良 80, 中 60, 差 0).
    pub grades: Vec<GradeBand>,
    /// The document the profile's points come from, quoted in every budget rule.
    #[serde(default)]
    pub source: String,
    /// `auto`: not a set of points but a choice per declaration ([`Profile::for_declaration`]):
    /// `budget-20` for a form that states a 20-point budget (`预算执行情况(20分)`), else
    /// `mof-2020`. What the CLI, Python and C use when the caller names no profile.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub auto: bool,
}

/// The names of the built-in profiles.
const NAMES: &[&str] = &["auto", "mof-2020", "budget-20", "mof-2021", "shanghai-2025"];

/// The budget points of a form that make `auto` choose `budget-20`.
const BUDGET_20: Decimal = Decimal::from_parts(20, 0, 0, false, 0);

fn points(output: i64, benefit: i64, satisfaction: i64) -> BTreeMap<Level1, Decimal> {
    BTreeMap::from([
        (Level1::Output, Decimal::from(output)),
        (Level1::Benefit, Decimal::from(benefit)),
        (Level1::Satisfaction, Decimal::from(satisfaction)),
    ])
}

fn default_grades() -> Vec<GradeBand> {
    [("优", 90), ("良", 80), ("中", 60), ("差", 0)]
        .into_iter()
        .map(|(grade, min)| GradeBand {
            grade: grade.to_owned(),
            min: Decimal::from(min),
        })
        .collect()
}

impl Default for Profile {
    /// `mof-2020`: 预算执行率 10 + 产出 50 + 效益 30 + 满意度 10 (财预〔2020〕10号).
    fn default() -> Self {
        Profile {
            name: "mof-2020".to_owned(),
            description:
                "财预〔2020〕10号《项目支出绩效评价管理办法》: 预算执行率 10, 产出指标 50, \
                          效益指标 30, 满意度指标 10"
                    .to_owned(),
            framework: Framework::Classic,
            budget_points: Decimal::from(10),
            level_points: points(50, 30, 10),
            cost_shares: Some(Level1::Output),
            reverse: ReversePolicy::Linear,
            qualitative: QualitativePolicy::default(),
            over_achievement_ratio: Decimal::new(13, 1),
            grades: default_grades(),
            source: "财预〔2020〕10号".to_owned(),
            auto: false,
        }
    }
}

impl Profile {
    /// The profile a caller gives as text: a built-in name ([`Profile::by_name`]) or the
    /// profile itself as a JSON object. The one parser the C ABI, Python and the command
    /// line share.
    ///
    /// ```
    /// use jixiao::score::Profile;
    /// assert_eq!(Profile::from_spec("budget-20").unwrap().name, "budget-20");
    /// assert_eq!(Profile::from_spec("nope").unwrap_err().code(), "unknown_profile");
    /// assert_eq!(Profile::from_spec("{\"budget_points\": 1").unwrap_err().code(), "bad_profile");
    /// ```
    pub fn from_spec(spec: &str) -> Result<Profile, crate::ProfileError> {
        const KIND: &str = "scoring profile";
        if spec.trim_start().starts_with('{') {
            return serde_json::from_str(spec).map_err(|e| crate::ProfileError::InvalidJson {
                kind: KIND,
                message: e.to_string(),
            });
        }
        Profile::by_name(spec).map_err(|_| crate::ProfileError::UnknownName {
            kind: KIND,
            name: spec.trim().to_owned(),
            known: Profile::names().join(", "),
        })
    }

    /// A built-in profile by name (see [`Profile::names`]).
    ///
    /// ```
    /// use jixiao::score::Profile;
    /// let p = Profile::by_name("budget-20").unwrap();
    /// assert_eq!(p.budget_points.to_string(), "20");
    /// assert!(Profile::by_name("nope").is_err());
    /// ```
    pub fn by_name(name: &str) -> Result<Profile, String> {
        let base = Profile::default();
        match name.trim() {
            "mof-2020" | "default" => Ok(base),
            "auto" => Ok(Profile::auto()),
            "budget-20" => Ok(Profile {
                name: "budget-20".to_owned(),
                description: "预算执行率 20 + 绩效指标 80 (产出指标 40, 效益指标 30, 满意度指标 10), as \
                              云南 保山 and 湖北 自评表 weight budget execution; a form's own level \
                              points (产出指标(40分)) win over these"
                    .to_owned(),
                framework: Framework::Any,
                budget_points: Decimal::from(20),
                level_points: points(40, 30, 10),
                source: "地方自评表 (预算执行率 20分)".to_owned(),
                ..base
            }),
            "mof-2021" => Ok(Profile {
                name: "mof-2021".to_owned(),
                description: "财预〔2020〕10号 points with the 财预〔2021〕101号 tree: a 一级 成本指标 \
                              is scored inside 产出指标's 50"
                    .to_owned(),
                framework: Framework::Mof2021,
                source: "财预〔2020〕10号, 财预〔2021〕101号".to_owned(),
                ..base
            }),
            "shanghai-2025" => Ok(Profile {
                name: "shanghai-2025".to_owned(),
                description: "财预〔2020〕10号 points with the 上海 2025 指引 tree (成本指标 required, \
                              scored inside 产出指标's 50)"
                    .to_owned(),
                framework: Framework::Shanghai2025,
                source: "财预〔2020〕10号, 上海市 2025 指引".to_owned(),
                ..base
            }),
            other => Err(format!(
                "unknown scoring profile `{other}` (expected one of: {})",
                NAMES.join(", ")
            )),
        }
    }

    /// `auto`: `budget-20` for a form whose budget row states 20 points, else `mof-2020`
    /// (see [`Profile::for_declaration`]); the default of every surface when no profile is named.
    ///
    /// ```
    /// use jixiao::score::Profile;
    /// let p = Profile::auto();
    /// assert!(p.auto);
    /// assert_eq!(p.name, "auto");
    /// ```
    pub fn auto() -> Profile {
        Profile {
            name: "auto".to_owned(),
            description: "budget-20 for a form that states a 20-point budget \
                          (预算执行情况(20分)), else mof-2020"
                .to_owned(),
            auto: true,
            ..Profile::default()
        }
    }

    /// The profile a declaration is scored under, and why when `auto` chose it: the profile
    /// itself unless it is `auto`; then `budget-20` when the form states a 20-point budget
    /// (real 地方自评表: 云南 保山, 湖北), else `mof-2020`.
    pub fn for_declaration(&self, declaration: &Declaration) -> (Cow<'_, Profile>, Option<String>) {
        if !self.auto {
            return (Cow::Borrowed(self), None);
        }
        let budget = declaration
            .evaluation
            .as_ref()
            .and_then(|e| e.budget.weight);
        if budget == Some(BUDGET_20) {
            let why = "评分方案 budget-20（自动选择：表中预算执行率为 20 分）\
                       (profile budget-20, chosen because the form gives the budget 20 points)";
            (Cow::Borrowed(&AUTO_CHOICES.1), Some(why.to_owned()))
        } else {
            (Cow::Borrowed(&AUTO_CHOICES.0), None)
        }
    }

    /// The names of the built-in profiles.
    pub fn names() -> &'static [&'static str] {
        NAMES
    }

    /// The total the profile's points add up to (budget + every level): 100 for the built-ins.
    pub fn total_points(&self) -> Decimal {
        self.level_points
            .values()
            .fold(self.budget_points, |a, b| a.saturating_add(*b))
    }

    /// The grade (优/良/中/差) of a total, by the profile's bands.
    pub fn grade(&self, total: Decimal) -> Option<&str> {
        self.grades
            .iter()
            .find(|band| total >= band.min)
            .map(|band| band.grade.as_str())
    }

    /// The 一级 an indicator's points are drawn from: a 一级 成本指标 without points of
    /// its own shares [`Profile::cost_shares`] (unless the form gives it points).
    pub fn points_level(&self, level: Level1, form_has_own: bool) -> Level1 {
        if level == Level1::Cost && !form_has_own && !self.level_points.contains_key(&level) {
            if let Some(shared) = self.cost_shares {
                return shared;
            }
        }
        level
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_ins_total_100() {
        for name in Profile::names() {
            let p = Profile::by_name(name).expect("built-in");
            assert_eq!(p.total_points(), Decimal::from(100), "{name}");
            assert_eq!(&p.name, name);
        }
    }

    #[test]
    fn grades() {
        let p = Profile::default();
        assert_eq!(p.grade(Decimal::from(90)), Some("优"));
        assert_eq!(p.grade(Decimal::new(8999, 2)), Some("良"));
        assert_eq!(p.grade(Decimal::from(60)), Some("中"));
        assert_eq!(p.grade(Decimal::new(5999, 2)), Some("差"));
    }

    #[test]
    fn profile_round_trips_as_json() {
        let p = Profile::by_name("shanghai-2025").expect("built-in");
        let json = serde_json::to_string(&p).expect("json");
        assert!(json.contains("\"产出指标\":\"50\""), "{json}");
        let back: Profile = serde_json::from_str(&json).expect("back");
        assert_eq!(back, p);
    }

    #[test]
    fn cost_shares_output_unless_given_points() {
        let p = Profile::by_name("mof-2021").expect("built-in");
        assert_eq!(p.points_level(Level1::Cost, false), Level1::Output);
        assert_eq!(p.points_level(Level1::Cost, true), Level1::Cost);
        assert_eq!(p.points_level(Level1::Benefit, false), Level1::Benefit);
    }
}
