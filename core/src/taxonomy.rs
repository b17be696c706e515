//! The indicator taxonomy: 一级/二级 categories, the aliases real forms use, and the
//! framework profiles (`classic`, `mof-2021`, `shanghai-2025`) that say which 二级 may
//! stand under which 一级 and which 一级 are required (`domain.md` §2).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// 一级指标: the top level of the indicator tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level1 {
    /// 产出指标 (also written 项目完成指标).
    #[serde(rename = "产出指标")]
    Output,
    /// 效益指标 (also written 项目效益指标, 效果指标).
    #[serde(rename = "效益指标")]
    Benefit,
    /// 满意度指标.
    #[serde(rename = "满意度指标")]
    Satisfaction,
    /// 成本指标 as a 一级 (财预〔2021〕101号 and later).
    #[serde(rename = "成本指标")]
    Cost,
}

/// 二级指标: the middle level of the indicator tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level2 {
    /// 数量指标.
    #[serde(rename = "数量指标")]
    Quantity,
    /// 质量指标.
    #[serde(rename = "质量指标")]
    Quality,
    /// 时效指标.
    #[serde(rename = "时效指标")]
    Timeliness,
    /// 成本指标 as a 二级 under 产出指标 (classic framework).
    #[serde(rename = "成本指标")]
    Cost,
    /// 经济效益指标.
    #[serde(rename = "经济效益指标")]
    EconomicBenefit,
    /// 社会效益指标.
    #[serde(rename = "社会效益指标")]
    SocialBenefit,
    /// 生态效益指标 (also written 环境效益指标).
    #[serde(rename = "生态效益指标")]
    EcologicalBenefit,
    /// 可持续影响指标.
    #[serde(rename = "可持续影响指标")]
    Sustainability,
    /// 服务对象满意度指标 (also written 社会公众或服务对象满意度指标).
    #[serde(rename = "服务对象满意度指标")]
    ServiceSatisfaction,
    /// 经济成本指标 (under a 一级 成本指标).
    #[serde(rename = "经济成本指标")]
    EconomicCost,
    /// 社会成本指标 (under a 一级 成本指标).
    #[serde(rename = "社会成本指标")]
    SocialCost,
    /// 生态环境成本指标 (under a 一级 成本指标).
    #[serde(rename = "生态环境成本指标")]
    EcologicalCost,
}

impl Level1 {
    /// Every 一级, in form order.
    pub const ALL: [Level1; 4] = [
        Level1::Output,
        Level1::Cost,
        Level1::Benefit,
        Level1::Satisfaction,
    ];

    /// The normalized Chinese name (`产出指标`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Level1::Output => "产出指标",
            Level1::Benefit => "效益指标",
            Level1::Satisfaction => "满意度指标",
            Level1::Cost => "成本指标",
        }
    }

    /// Reads a 一级 label as real forms write it: aliases, inner spaces, full-width
    /// characters, a missing trailing 指标, a points suffix (`产出指标(50分)`).
    ///
    /// ```
    /// use jixiao::taxonomy::Level1;
    /// assert_eq!(Level1::parse("项目完成指标"), Some(Level1::Output));
    /// assert_eq!(Level1::parse("效 果"), Some(Level1::Benefit));
    /// assert_eq!(Level1::parse("产出指标（50分）"), Some(Level1::Output));
    /// assert_eq!(Level1::parse("数量指标"), None);
    /// ```
    pub fn parse(label: &str) -> Option<Level1> {
        let key = label_key(label);
        match key.as_str() {
            "产出" | "项目完成" | "项目产出" => Some(Level1::Output),
            "效益" | "项目效益" | "效果" | "项目效果" => Some(Level1::Benefit),
            "满意度" | "项目满意度" => Some(Level1::Satisfaction),
            "成本" | "项目成本" => Some(Level1::Cost),
            _ => None,
        }
    }
}

impl Level2 {
    /// Every 二级.
    pub const ALL: [Level2; 12] = [
        Level2::Quantity,
        Level2::Quality,
        Level2::Timeliness,
        Level2::Cost,
        Level2::EconomicBenefit,
        Level2::SocialBenefit,
        Level2::EcologicalBenefit,
        Level2::Sustainability,
        Level2::ServiceSatisfaction,
        Level2::EconomicCost,
        Level2::SocialCost,
        Level2::EcologicalCost,
    ];

    /// The normalized Chinese name (`数量指标`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Level2::Quantity => "数量指标",
            Level2::Quality => "质量指标",
            Level2::Timeliness => "时效指标",
            Level2::Cost => "成本指标",
            Level2::EconomicBenefit => "经济效益指标",
            Level2::SocialBenefit => "社会效益指标",
            Level2::EcologicalBenefit => "生态效益指标",
            Level2::Sustainability => "可持续影响指标",
            Level2::ServiceSatisfaction => "服务对象满意度指标",
            Level2::EconomicCost => "经济成本指标",
            Level2::SocialCost => "社会成本指标",
            Level2::EcologicalCost => "生态环境成本指标",
        }
    }

    /// Reads a 二级 label as real forms write it (aliases, spaces, full-width, no 指标).
    ///
    /// ```
    /// use jixiao::taxonomy::Level2;
    /// assert_eq!(Level2::parse("环境效益指标"), Some(Level2::EcologicalBenefit));
    /// assert_eq!(Level2::parse("服务对象满意度 指标"), Some(Level2::ServiceSatisfaction));
    /// assert_eq!(Level2::parse("社会公众或服务对象满意度指标"), Some(Level2::ServiceSatisfaction));
    /// assert_eq!(Level2::parse("数量"), Some(Level2::Quantity));
    /// assert_eq!(Level2::parse("产出数量"), Some(Level2::Quantity));
    /// assert_eq!(Level2::parse("群众满意度指标"), Some(Level2::ServiceSatisfaction));
    /// ```
    pub fn parse(label: &str) -> Option<Level2> {
        let key = label_key(label);
        let l2 = match key.as_str() {
            // 产出数量 …: the 二级 spelled with their 一级 in front.
            "数量" | "产出数量" => Level2::Quantity,
            "质量" | "产出质量" => Level2::Quality,
            // 进度指标: the 时效 二级 of the Hubei 自评表 template.
            "时效" | "进度" | "产出时效" => Level2::Timeliness,
            "成本" | "产出成本" => Level2::Cost,
            "经济效益" => Level2::EconomicBenefit,
            "社会效益" => Level2::SocialBenefit,
            "生态效益" | "环境效益" | "生态环境效益" => Level2::EcologicalBenefit,
            "可持续影响" | "可持续发展" | "可持续" => Level2::Sustainability,
            "服务对象满意度"
            | "社会公众或服务对象满意度"
            | "社会公众满意度"
            | "满意度"
            | "服务对象满意"
            | "群众满意度"
            | "公众满意度"
            | "受益群众满意度"
            | "受益对象满意度"
            // 其他满意度: the second 满意度 row of a finance system's template; the text
            // as written is kept beside the category.
            | "其他满意度" => Level2::ServiceSatisfaction,
            "经济成本" => Level2::EconomicCost,
            "社会成本" => Level2::SocialCost,
            "生态环境成本" | "生态成本" | "环境成本" => Level2::EcologicalCost,
            _ => return None,
        };
        Some(l2)
    }

    /// The 一级 this 二级 belongs under in the classic framework; `Level2::Cost` is
    /// under 产出指标 there. The cost 二级 of 101号 belong under a 一级 成本指标.
    pub fn natural_parent(self) -> Level1 {
        match self {
            Level2::Quantity | Level2::Quality | Level2::Timeliness | Level2::Cost => {
                Level1::Output
            }
            Level2::EconomicBenefit
            | Level2::SocialBenefit
            | Level2::EcologicalBenefit
            | Level2::Sustainability => Level1::Benefit,
            Level2::ServiceSatisfaction => Level1::Satisfaction,
            Level2::EconomicCost | Level2::SocialCost | Level2::EcologicalCost => Level1::Cost,
        }
    }
}

impl fmt::Display for Level1 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Level2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The comparison key of a label: full-width folded to half-width, spaces and
/// punctuation dropped, a trailing points suffix (`(50分)`) and a trailing 指标 removed.
pub fn label_key(label: &str) -> String {
    // One allocation: the readers key every level cell (and every 三级 name) they meet.
    let mut folded = String::with_capacity(label.len());
    for c in label.chars().map(crate::text::fold_char) {
        if !c.is_whitespace() && !matches!(c, ':' | '：' | '*' | '★') {
            folded.push(c);
        }
    }
    // The key is a prefix of `folded` (it has no whitespace left to trim).
    let mut key = strip_points_suffix(&folded).0;
    while let Some(stripped) = key.strip_suffix("指标") {
        key = stripped;
    }
    let len = key.len();
    folded.truncate(len);
    folded
}

/// Splits a trailing points suffix off a level label: `产出指标(50分)` → (`产出指标`, `50`).
pub fn strip_points_suffix(label: &str) -> (&str, Option<&str>) {
    let trimmed = label.trim_end();
    let Some(body) = trimmed
        .strip_suffix(')')
        .or_else(|| trimmed.strip_suffix('）'))
    else {
        return (trimmed, None);
    };
    let Some(open) = body.rfind(['(', '（']) else {
        return (trimmed, None);
    };
    let inner = body[open..].trim_start_matches(['(', '（']).trim();
    let number = inner.strip_suffix('分').unwrap_or(inner).trim();
    if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '.') {
        (body[..open].trim_end(), Some(number))
    } else {
        (trimmed, None)
    }
}

/// A framework profile: which 一级 are required and which 二级 are allowed under each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Framework {
    /// 财预〔2015〕88号 and 10号: 成本指标 is a 二级 under 产出指标.
    #[serde(rename = "classic")]
    Classic,
    /// 财预〔2021〕101号: 成本指标 is a 一级 (经济/社会/生态环境成本指标).
    #[serde(rename = "mof-2021")]
    Mof2021,
    /// 上海 2025 指引: as `mof-2021`, and a 成本指标 is required.
    #[serde(rename = "shanghai-2025")]
    Shanghai2025,
    /// Reading default: accepts both trees, requires no 成本指标.
    #[default]
    #[serde(rename = "any")]
    Any,
}

impl Framework {
    /// Every framework, for listings.
    pub const ALL: [Framework; 4] = [
        Framework::Any,
        Framework::Classic,
        Framework::Mof2021,
        Framework::Shanghai2025,
    ];

    /// The profile name (`classic`, `mof-2021`, `shanghai-2025`, `any`).
    pub fn as_str(self) -> &'static str {
        match self {
            Framework::Classic => "classic",
            Framework::Mof2021 => "mof-2021",
            Framework::Shanghai2025 => "shanghai-2025",
            Framework::Any => "any",
        }
    }

    /// The 一级 every declaration must have under this framework.
    pub fn required_level1(self) -> &'static [Level1] {
        match self {
            Framework::Shanghai2025 => &[
                Level1::Output,
                Level1::Cost,
                Level1::Benefit,
                Level1::Satisfaction,
            ],
            _ => &[Level1::Output, Level1::Benefit, Level1::Satisfaction],
        }
    }

    /// Whether `level2` may stand under `level1` in this framework.
    pub fn allows(self, level1: Level1, level2: Level2) -> bool {
        let parent = level2.natural_parent();
        match self {
            Framework::Classic => parent == level1 && parent != Level1::Cost,
            Framework::Mof2021 | Framework::Shanghai2025 => {
                parent == level1 && level2 != Level2::Cost
                    || (level1 == Level1::Cost && level2 == Level2::Cost)
            }
            Framework::Any => {
                parent == level1 || (level1 == Level1::Cost && level2 == Level2::Cost)
            }
        }
    }

    /// Whether this framework has 成本指标 as a 一级.
    pub fn cost_is_level1(self) -> bool {
        !matches!(self, Framework::Classic)
    }
}

impl FromStr for Framework {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Framework::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!("unknown framework `{s}` (expected one of: any, classic, mof-2021, shanghai-2025)")
            })
    }
}

impl fmt::Display for Framework {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_aliases() {
        assert_eq!(Level1::parse("项目效益指标"), Some(Level1::Benefit));
        assert_eq!(Level1::parse("满意度指标"), Some(Level1::Satisfaction));
        assert_eq!(Level1::parse("成本指标"), Some(Level1::Cost));
        assert_eq!(
            Level2::parse("生态效益指标"),
            Some(Level2::EcologicalBenefit)
        );
        assert_eq!(Level2::parse("质 量 指 标"), Some(Level2::Quality));
        assert_eq!(Level2::parse("经济成本指标"), Some(Level2::EconomicCost));
        assert_eq!(Level2::parse("绩效指标"), None);
    }

    #[test]
    fn points_suffix() {
        assert_eq!(
            strip_points_suffix("产出指标(70分)"),
            ("产出指标", Some("70"))
        );
        assert_eq!(
            strip_points_suffix("产出指标（50）"),
            ("产出指标", Some("50"))
        );
        assert_eq!(
            strip_points_suffix("产出指标(说明)"),
            ("产出指标(说明)", None)
        );
    }

    #[test]
    fn frameworks() {
        assert!(Framework::Classic.allows(Level1::Output, Level2::Cost));
        assert!(!Framework::Classic.allows(Level1::Cost, Level2::EconomicCost));
        assert!(Framework::Mof2021.allows(Level1::Cost, Level2::EconomicCost));
        assert!(!Framework::Mof2021.allows(Level1::Output, Level2::Cost));
        assert!(Framework::Any.allows(Level1::Output, Level2::Cost));
        assert!(!Framework::Any.allows(Level1::Benefit, Level2::Quantity));
        assert_eq!("mof-2021".parse::<Framework>(), Ok(Framework::Mof2021));
    }
}
