//! A bureau's checklist (审核口径) as review rules: the `K` rules and the standard comments
//! (问题 + 建议) a reviewer sends back to the unit.
//!
//! The one checklist shipped is a Shenzhen district's 2023 绩效目标审核口径 (profile
//! `shenzhen-2023`; the real workbook is `tests/real/songgang/review-rules-shenhekoujing.xlsx`).
//! Each item of it is a row of [`SHENZHEN_2023`]: its number (the checklist's 编码), object,
//! aspect, title, standard comment, the pattern the checklist uses, and the rule that
//! implements it: a `K` rule of this module (code `K` and the three-digit 编码), a rule every
//! profile runs (`S009`, `T009`, `S004`, `T003`), or none (the checklist's manual items that
//! need a reader's judgement).
//!
//! Where the checklist's pattern is a crude regular expression, the rule implements its
//! intent with the library's typed targets; `docs/review.md` says where the two differ.
//! Adding a bureau's checklist is a table like [`SHENZHEN_2023`] plus, for an item no rule
//! covers yet, one small rule function.

use serde::{Deserialize, Serialize};

use super::{Aspect, Ctx, RuleInfo};
use crate::diagnostic::{Finding, Severity};
use crate::model::Indicator;
use crate::taxonomy::{Framework, Level1, Level2};
use crate::value::{QualitativeClass, TargetKind, UnitClass};

/// A bureau's checklist (审核口径) a review can apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Checklist {
    /// 深圳市宝安区 2023 年绩效目标审核口径 (profile `shenzhen-2023`).
    #[serde(rename = "shenzhen-2023")]
    Shenzhen2023,
}

impl Checklist {
    /// The names [`Checklist::by_name`] knows.
    pub const NAMES: [&'static str; 1] = ["shenzhen-2023"];

    /// The checklist of a profile name (`shenzhen-2023`), if it is one.
    pub fn by_name(name: &str) -> Option<Checklist> {
        match name.trim() {
            "shenzhen-2023" => Some(Checklist::Shenzhen2023),
            _ => None,
        }
    }

    /// The profile name.
    pub fn name(self) -> &'static str {
        match self {
            Checklist::Shenzhen2023 => "shenzhen-2023",
        }
    }

    /// The indicator framework the checklist's template uses.
    pub fn framework(self) -> Framework {
        match self {
            Checklist::Shenzhen2023 => Framework::Classic,
        }
    }

    /// The 一级 the checklist lets a unit answer `不适用` (the template's 满意度 rows: "满意度
    /// 指标仅针对直接面向社会主体及公众提供公共服务…的项目"); rule S001 does not require them, and
    /// K010 asks that they be filled or marked, not left blank.
    pub fn optional_level1(self) -> &'static [Level1] {
        match self {
            Checklist::Shenzhen2023 => &[Level1::Satisfaction],
        }
    }

    /// Every item of the checklist, in its order.
    pub fn items(self) -> &'static [ChecklistItem] {
        match self {
            Checklist::Shenzhen2023 => &SHENZHEN_2023,
        }
    }

    /// The item a finding's rule implements, if any.
    pub fn item_for(self, code: &str) -> Option<&'static ChecklistItem> {
        self.items().iter().find(|i| i.rule == Some(code))
    }
}

/// One item of a checklist (审核口径的一行).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    /// The checklist's own number (编码).
    pub number: u32,
    /// 审核对象: what the item looks at (`政策依据`, `数量`, `指标值`, …).
    pub object: &'static str,
    /// 审核要点 (完整性, 可测性, 可行性).
    pub aspect: Aspect,
    /// 审核细项: the item's title.
    pub title: &'static str,
    /// 审核意见表述: the standard comment (问题 + 建议) sent back to the unit.
    pub comment: &'static str,
    /// The standard comment in English.
    pub comment_en: &'static str,
    /// The checklist's own detection (正则表达式, `人工` for manual items), as written.
    pub pattern: &'static str,
    /// The code of the rule that implements the item, or `None` for a manual item the
    /// library does not check.
    pub rule: Option<&'static str>,
}

/// The required 二级 of the template (数量, 质量, 时效, 成本, 社会效益): `不适用` is not an
/// allowed answer for them.
const REQUIRED_LEVEL2: [(Level2, &RuleInfo); 5] = [
    (Level2::Quantity, &K005),
    (Level2::Quality, &K006),
    (Level2::Timeliness, &K007),
    (Level2::Cost, &K008),
    (Level2::SocialBenefit, &K009),
];

/// The 二级 rows of the template that may be answered `不适用` but not left blank.
const OPTIONAL_LEVEL2: [Level2; 3] = [
    Level2::EconomicBenefit,
    Level2::EcologicalBenefit,
    Level2::Sustainability,
];

/// The checklist's length limit for a 三级 name (`.{15,}`): this many characters or more is
/// too long.
pub const LONG_NAME_CHARS: usize = 15;

macro_rules! rule {
    ($id:ident, $code:literal, $sev:ident, $aspect:ident, $title:literal, $en:literal) => {
        #[doc = concat!($code, ": ", $title)]
        pub(super) const $id: RuleInfo = RuleInfo {
            code: $code,
            severity: Severity::$sev,
            title: $title,
            title_en: $en,
            source: "深圳市宝安区2023年绩效目标审核口径",
            aspect: Aspect::$aspect,
        };
    };
}

rule!(
    K000,
    "K000",
    Warning,
    Completeness,
    "政策依据不规范",
    "The policy basis is not in the expected form"
);
rule!(
    K001,
    "K001",
    Warning,
    Completeness,
    "测算依据不规范",
    "The calculation basis is not in the expected form"
);
rule!(
    K002,
    "K002",
    Error,
    Completeness,
    "年度绩效目标未填写",
    "The annual goal is empty"
);
rule!(
    K003,
    "K003",
    Warning,
    Completeness,
    "年度绩效目标不规范",
    "The annual goal is not in the expected form"
);
rule!(
    K005,
    "K005",
    Error,
    Completeness,
    "数量指标未填写",
    "No quantity indicator"
);
rule!(
    K006,
    "K006",
    Error,
    Completeness,
    "质量指标未填写",
    "No quality indicator"
);
rule!(
    K007,
    "K007",
    Error,
    Completeness,
    "时效指标未填写",
    "No timeliness indicator"
);
rule!(
    K008,
    "K008",
    Error,
    Completeness,
    "成本指标未填写",
    "No cost indicator"
);
rule!(
    K009,
    "K009",
    Error,
    Completeness,
    "社会效益指标未填写",
    "No social benefit indicator"
);
rule!(
    K010,
    "K010",
    Warning,
    Completeness,
    "绩效指标不能留空",
    "A template row is left blank instead of 不适用"
);
rule!(
    K011,
    "K011",
    Warning,
    Completeness,
    "数量指标不规范",
    "The quantity indicator does not name a quantity"
);
rule!(
    K012,
    "K012",
    Warning,
    Completeness,
    "质量指标不规范",
    "The quality indicator does not name a standard or rate"
);
rule!(
    K013,
    "K013",
    Warning,
    Completeness,
    "时效指标不规范",
    "The timeliness indicator does not name a time"
);
rule!(
    K014,
    "K014",
    Warning,
    Completeness,
    "成本指标不规范",
    "The cost indicator does not name a cost"
);
rule!(
    K015,
    "K015",
    Warning,
    Completeness,
    "社会效益指标不规范",
    "The social benefit indicator does not name an effect"
);
rule!(
    K017,
    "K017",
    Warning,
    Completeness,
    "指标解释未填写",
    "The indicator explanation is empty"
);
rule!(
    K021,
    "K021",
    Warning,
    Completeness,
    "绩效指标表述过于冗长",
    "The indicator name is too long"
);
rule!(
    K023,
    "K023",
    Warning,
    Measurability,
    "指标值不具量化易评性",
    "The target is not quantified"
);
rule!(
    K025,
    "K025",
    Warning,
    Feasibility,
    "时间限制不合理可行",
    "The timeliness target names no time limit"
);

/// The Shenzhen district's 2023 checklist, item by item (编码 0–25).
pub static SHENZHEN_2023: [ChecklistItem; 26] = [
    item(0, "政策依据", Aspect::Completeness, "政策依据不规范",
        "政策依据表述过于简单，请描述项目的立项依据及相关文件，如三定方案中规定的履职范围、政府出台相关文件的要求、单位“十四五规划”及年度工作计划中对该项目工作规划、办公会议纪要工作开展要求、保障单位各类日常事务有序运行及后勤供应等，设立该项目。（范例：为贯彻落实XXX文件，按照XX工作会议和批示精神，深入开展XX工作，拟设立XXX项目。）",
        "The policy basis is too brief: describe why the project was set up and the documents it rests on (the unit's mandate, government documents, the unit's plans, meeting minutes). Example: to implement document XXX, following meeting XX, the project XXX is set up.",
        r#"\《[\u4e00-\u9fa5\-a-zA-Z0-9\"\'\(\)\（\）]{5,}\》"#, Some("K000")),
    item(1, "测算依据", Aspect::Completeness, "测算依据不规范",
        "测算依据表述过于简单，请补充资金具体分配情况，支出用途情况，同时列明各分项支出资金预算测算过程及测算标准文件。参考模板：本项目支出主要用于XX等方面，其中子项1根据《XX标准》进行测算，子项成本=单价*数量=XX万元，子项2根据《XX标准》进行测算，子项成本=单价*数量=XX万元···，综上，项目总成本为XX万元。",
        "The calculation basis is too brief: give how the money is allocated and spent, and for each part the calculation (unit price × quantity = amount) and the standard it uses; then the total.",
        r"[0-9]+(\.?[0-9]+)?(…)[x\*][0-9]+(\.?[0-9]+)?(…).*\《[\u4e00-\u9fa5\-a-zA-Z0-9]{5,}\》", Some("K001")),
    item(2, "年度目标", Aspect::Completeness, "年度绩效目标未填写",
        "项目年度目标未填写，请补充完整。补充模板参考如：“通过做什么事情（产出目标的内容），达到什么目的或效果（效益目标的内容）”、“在什么时间，用多少钱，做什么事，预期实现什么效果”。",
        "The annual goal is empty; fill it in, e.g. \"by doing what (the outputs), to achieve what (the effects)\" or \"when, with how much money, doing what, to achieve what\".",
        "空", Some("K002")),
    item(3, "年度目标", Aspect::Completeness, "年度绩效目标不规范",
        "年度绩效目标过于简单/口语化/缺乏定量表述，未结合绩效指标反映进行细化、量化，充分体现项目预期产出和效果。补充模板参考如：“通过做什么事情（产出目标的内容），达到什么目的或效果（效益目标的内容）”、“在什么时间，用多少钱，做什么事，预期实现什么效果”。",
        "The annual goal is too simple, colloquial or not quantified: state the expected outputs and effects in line with the indicators, e.g. \"by doing what (the outputs), to achieve what (the effects)\".",
        "通过.*达成", Some("K003")),
    item(4, "绩效目标表", Aspect::Completeness, "绩效目标表未填写",
        "绩效目标表未填写，请补充完整。其中年度目标、产出指标、效益指标均为必填项，满意度指标仅针对直接面向社会主体及公众提供公共服务，以及其他事关群众切身利益的项目支出需设置满意度指标，其他项目结合实际情况可不设满意度指标。",
        "The target table is empty; fill it in. The annual goal, output and benefit indicators are required; satisfaction indicators are required for projects that serve the public directly.",
        r"^\s*$", Some("S009")),
    item(5, "数量", Aspect::Completeness, "数量指标未填写",
        "数量指标为必填项，但未填写，请补充完整。数量指标反映预算项目计划完成的公共产品或服务数量。参考模板如：数量指标为“物业服务面积”，指标值为“≥n平方米”，“资助企业数量”，指标值为“100家”，指标解释为“考察本项目X事项X工作的完成情况，根据历史标准\\《xx办法/规程》市区会议纪要(xx号)年度工作任务取值，计算方式=XX实际完成数/XX计划数”。",
        "A quantity indicator is required but missing: it states how much public goods or services the project delivers, e.g. \"物业服务面积 ≥n平方米\".",
        r"^\s*$", Some("K005")),
    item(6, "质量", Aspect::Completeness, "质量指标未填写",
        "质量指标为必填项，但未填写，请补充完整。质量指标反映预期提供的公共产品或服务达到的标准和水平。参考模板如：质量指标为“信息化系统故障率”，指标值为“≤2%”，指标解释为“考察本项目X事项XX工作是否达到XX标准，根据历史标准\\《xx办法/规程》市区会议纪要(xx号)年度工作任务取值。计算方式=XX实际质量达标数/XX计划数”。",
        "A quality indicator is required but missing: it states the standard the goods or services reach, e.g. \"信息化系统故障率 ≤2%\".",
        r"^\s*$", Some("K006")),
    item(7, "时效", Aspect::Completeness, "时效指标未填写",
        "时效指标为必填项，但未填写，请补充完整。时效指标反映预期提供的公共产品或服务的及时程度和效率情况。参考模板如：时效指标为“物业综合投诉响应及时性”，指标值为“n小时之内”，指标解释为“考察本项目X事项X工作是否在XX时间内及时完成，根据历史标准\\《xx办法/规程》市区会议纪要(xx号)年度工作任务取值，计算方式=XX实际及时完成数/XX计划数”。",
        "A timeliness indicator is required but missing: it states how timely the goods or services are, e.g. \"物业综合投诉响应及时性 n小时之内\".",
        r"^\s*$", Some("K007")),
    item(8, "成本", Aspect::Completeness, "成本指标未填写",
        "成本指标为必填项，但未填写，请补充完整。成本指标反映预期提供的公共产品或服务所产生的成本。参考模板如：成本指标为“设备采购成本”，指标值为“≤XX万元/台”，指标解释为“考察本项目X事项X工作成本标准是否控制在XX以内，根据历史标准\\《xx办法/规程》市区会议纪要(xx号)年度工作任务取值。计算公式为:XX完成率/达标率=XX实际数/XX计划数”。",
        "A cost indicator is required but missing: it states what the goods or services cost, e.g. \"设备采购成本 ≤XX万元/台\".",
        r"^\s*$", Some("K008")),
    item(9, "社会", Aspect::Completeness, "社会效益未填写",
        "社会效益指标为必填项，但未填写，请补充完整。社会效益指标反映相关产出对社会发展带来的影响和效果。参考模板如：社会效益指标为“对办公环境的改善或提升程度”，指标值为“显著/明显/一般”，指标解释为“考察本项目X事项X工作对XX的影响程度，根据历史标准\\《xx办法/规程》市区会议纪要(xx号)年度工作任务取值。”。",
        "A social benefit indicator is required but missing: it states the effect of the outputs on society, e.g. \"对办公环境的改善或提升程度 显著/明显/一般\".",
        r"^\s*$", Some("K009")),
    item(10, "绩效目标表", Aspect::Completeness, "绩效指标不能留空",
        "绩效指标均不可留空，若本项目不涉及经济效益、可持续影响、生态效益、服务对象满意度、其他满意度，请在“三级指标、指标值、指标解释”部分填写“不适用”，不可留空。",
        "No indicator row may be left blank: where the project has no economic, sustainability, ecological or satisfaction indicator, write 不适用 in the name, target and explanation cells.",
        r"^\s*$", Some("K010")),
    item(11, "二级指标==数量", Aspect::Completeness, "数量指标不规范",
        "数量指标填写不规范，请修改完善。三级指标反映预算项目计划完成的公共产品或服务数量。参考模板如：数量指标为“物业服务面积”，指标值为“≥n平方米”，指标解释为“考察/体现/反映XXX”；“资助企业数量”，指标值为“100家”，指标解释为“考察/体现/反映本项目X事项X工作的完成情况”。",
        "The quantity indicator is not in the expected form: its name should state a quantity delivered (e.g. \"资助企业数量\", \"100家\").",
        "(数量|数|单位数|时间|完成率|班次|人数|次|人|设备|场所)$", Some("K011")),
    item(12, "二级指标==质量", Aspect::Completeness, "质量指标不规范",
        "质量指标填写不规范，请修改完善。质量指标反映预期提供的公共产品或服务达到的标准和水平。参考模板如：质量指标为“信息化系统故障率”，指标值为“≤2%”，指标解释为“考察/体现/反映XXX”；“工程验收合格率”，指标值为“100%”，指标解释为“考察/体现/反映XXX”；“信息化系统故障率”，指标值为“≤2%”，指标解释为“考察/体现/反映本项目X事项XX工作是否达到XX标准”。",
        "The quality indicator is not in the expected form: it should state a standard or a rate (e.g. \"工程验收合格率 100%\").",
        "(合格率|达标率|到位率|发生率|准确率|故障率|率)$", Some("K012")),
    item(13, "二级指标==时效", Aspect::Completeness, "时效指标不规范",
        "时效指标填写不规范，请修改完善。时效指标反映预期提供的公共产品或服务的及时程度和效率情况。参考模板如：时效指标为“物业综合投诉响应及时性”，指标值为“n小时之内”，指标解释为“考察/体现/反映本项目X事项X工作是否在XX时间内及时完成”；“活动开展及时率”，指标值为“100%”，指标解释为“考察/体现/反映XXX”。",
        "The timeliness indicator is not in the expected form: it should state a time or timeliness (e.g. \"活动开展及时率 100%\").",
        "(及时性|及时率|时间|及时)$", Some("K013")),
    item(14, "二级指标==成本", Aspect::Completeness, "成本指标不规范",
        "成本指标为填写不规范，请修改完善。成本指标反映预期提供的公共产品或服务所产生的成本。参考模板如：成本指标为“设备采购成本”，指标值为“≤XX万元/台”，指标解释为“该指标主要考察XXX”；“机关物业管理费控制率”，指标值为“≤n%”，指标解释为“考察/体现/反映本项目X事项X工作成本标准是否控制在XX以内”。",
        "The cost indicator is not in the expected form: it should state a cost (e.g. \"设备采购成本 ≤XX万元/台\", \"机关物业管理费控制率 ≤n%\").",
        "成本$|单价$|(成本|费用|费)控制率?|成本节约率$", Some("K014")),
    item(15, "二级指标==社会", Aspect::Completeness, "社会效益指标不规范",
        "社会效益指标填写不规范，请修改完善。社会效益指标反映相关产出对社会发展带来的影响和效果。参考模板如：社会效益指标为“对办公环境的改善或提升程度”，指标值为“显著/明显/一般”，指标解释为“考察XXX，其中若符合XX条件为显著、XX为明显、XX为一般”。；“重大安全事故发生率”指标值“0”，指标解释为“考察/体现/反映本项目X事项X情况”。",
        "The social benefit indicator is not in the expected form: it should state an effect on society (e.g. \"对办公环境的改善或提升程度\", \"重大安全事故发生率 0\").",
        "提升|改善", Some("K015")),
    item(16, "指标值", Aspect::Completeness, "指标值未填写",
        "指标值未填写。请参考项目相关历史数据、行业标准、计划标准等，科学设定指标值。",
        "The target is empty: set it from the project's history, industry or planning standards.",
        "空", Some("T009")),
    item(17, "指标解释", Aspect::Completeness, "指标解释未填写",
        "指标解释未填写，指标解释是对末级指标名称的概念性定义，反映该指标衡量的具体内容、计算方法和数据口径等，请补充完整。参考模板如：考察/体现/反映本项目X事项X情况。",
        "The indicator explanation is empty: define what the indicator measures, how it is computed and from which data.",
        "考察|体现|反映|反应", Some("K017")),
    item(18, "绩效指标", Aspect::Completeness, "绩效指标归类不正确",
        "绩效指标归类不准确，属于，建议移至于，同时建议该指标修改为。",
        "The indicator is filed under the wrong level: move it and rename it.",
        "无（人工）", None),
    item(19, "绩效指标", Aspect::Completeness, "绩效指标重复",
        "与重复，请修改完善。",
        "The indicator repeats another; revise it.",
        "无（人工）", Some("S004")),
    item(20, "指标值", Aspect::Completeness, "指标值数量单位未填写单位",
        "指标值缺少数量单位，请补充完整。",
        "The target has no unit; add it.",
        r"^[0-9]+(\.?[0-9]+)?$", Some("T003")),
    item(21, "三级指标", Aspect::Completeness, "绩效指标表述过于冗长",
        "表述冗长，不够简洁明确、重点突出、通俗易懂，请简明扼要表述。要求：如“房屋修缮面积”、“设备更新改造数量”、“验收合格率”等。",
        "The name is too long: make it short and clear, e.g. \"房屋修缮面积\", \"验收合格率\".",
        ".{15,}", Some("K021")),
    item(22, "绩效指标", Aspect::Completeness, "绩效指标与年度目标不相关",
        "与项目年度目标不相关或者相关度较低，缺乏价值，请根据项目实际情况进行修改不相关部分。",
        "The indicator is unrelated (or weakly related) to the annual goal.",
        "无（人工）", None),
    item(23, "指标值", Aspect::Measurability, "指标值不具量化易评性",
        "指标值不够量化明确，一般用完成程度即百分比或具体数值表示值，同时避免选用难以确定具体指标值、标准不明确或缺乏约束力的指标。建议修改为。",
        "The target is not quantified: state it as a percentage or a figure, and avoid targets with no clear standard or no binding force.",
        r"(大于|大于等于|小于|小于等于|≥|>|≤|<|约)?[0-9]+(\.?[0-9]+)?(\%|…)?|((\d{2,4}|一)年)?\d{1,2}月\d{1,2}日", Some("K023")),
    item(24, "绩效指标", Aspect::Completeness, "绩效目标与项目资金量不匹配",
        "项目本年度预算金额为XX万元，而绩效指标仅仅设置了XX条，绩效指标与项目的主要工作资金量不匹配，请补充本项目相关指标。",
        "The indicators do not match the project's money: add indicators for the project's main work.",
        "无（人工）", None),
    item(25, "绩效指标", Aspect::Feasibility, "时间限制不合理可行。",
        "时效指标指标值未反映产出具体完成的时限或效率。对于有时限完成要求、关键性时间节点明确的项目，还需要分解设置约束性时效指标；对于内容相对较多并且复杂的项目，可根据工作开展周期或频次设定相应指标。应根据工作实际情况设置明确、有约束力的指标值，体现完成的时限。如建议设置“XX年XX月前”、“≤XX分钟/小时/天之内”、“x月(周、季度)/次。",
        "The timeliness target names no time limit or efficiency: set a binding one such as \"before month XX of year XX\", \"within XX minutes/hours/days\" or \"once every X months\".",
        "及时", Some("K025")),
];

/// One row of a checklist table.
#[allow(clippy::too_many_arguments)]
const fn item(
    number: u32,
    object: &'static str,
    aspect: Aspect,
    title: &'static str,
    comment: &'static str,
    comment_en: &'static str,
    pattern: &'static str,
    rule: Option<&'static str>,
) -> ChecklistItem {
    ChecklistItem {
        number,
        object,
        aspect,
        title,
        comment,
        comment_en,
        pattern,
        rule,
    }
}

/// Runs the checklist's `K` rules.
pub(super) fn check(list: Checklist, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    match list {
        Checklist::Shenzhen2023 => shenzhen_2023(ctx, out),
    }
}

fn shenzhen_2023(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let decl = ctx.decl;
    let project = &decl.project;
    policy_basis(ctx, project.policy_basis.as_deref(), out);
    calculation_basis(ctx, project.calculation_basis.as_deref(), out);
    annual_goal(ctx, decl.goals.annual.as_deref(), out);
    if decl.indicators.is_empty() {
        return; // the empty skeleton: S009, once
    }
    required_level2(ctx, out);
    for indicator in &decl.indicators {
        if indicator.name.trim().is_empty() {
            continue;
        }
        naming(ctx, indicator, out);
        explanation(ctx, indicator, out);
        long_name(ctx, indicator, out);
        quantified(ctx, indicator, out);
        time_limit(ctx, indicator, out);
    }
}

/// The text without spaces (what the checklist's patterns see, after trimming).
fn compact(text: &str) -> String {
    crate::text::no_spaces(&crate::text::fold_width(text))
}

/// Whether a text cites a document: `《…》` with a name of two characters or more, or a
/// document number (`〔2019〕136号`, `深财预〔2023〕12号`, `第5号`).
fn cites_document(text: &str) -> bool {
    let titled = text.split('《').skip(1).any(|rest| {
        rest.split_once('》')
            .is_some_and(|(name, _)| name.trim().chars().count() >= 2)
    });
    let chars: Vec<char> = text.chars().collect();
    let numbered = chars
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && w[1] == '号')
        || (text.contains('〔') && text.contains('〕'));
    titled || numbered
}

/// K000: the 政策依据 cites the documents the project rests on. The checklist's pattern asks
/// for a `《…》` title of five characters or more; a document number (`〔2019〕136号`) counts
/// here too.
fn policy_basis(ctx: &Ctx<'_>, text: Option<&str>, out: &mut Vec<Finding>) {
    let text = text.unwrap_or("").trim();
    let (zh, en) = if text.is_empty() {
        (
            "政策依据未填写".to_owned(),
            "the policy basis is empty".to_owned(),
        )
    } else if !cites_document(text) {
        (
            "政策依据未列明所依据的文件（《文件名称》或文号）".to_owned(),
            "the policy basis cites no document (a 《title》 or a document number)".to_owned(),
        )
    } else {
        return;
    };
    out.push(ctx.at_project(&K000, &ctx.decl.source, zh, en));
}

/// K001: the 测算依据 shows the calculation: figures and at least one computation
/// (`单价×数量`, `*`, `=`, or a unit price in words: `每人每月6666元`). The checklist's pattern also asks for a `《标准》`; a basis that
/// computes but cites no standard passes here (the comment asks for both; the computation
/// is what a reviewer cannot do without).
fn calculation_basis(ctx: &Ctx<'_>, text: Option<&str>, out: &mut Vec<Finding>) {
    let text = text.unwrap_or("").trim();
    let has_figure = text.contains(|c: char| c.is_ascii_digit());
    let computes = text.contains(['×', '*', '＊', 'x', 'X', '=', '＝', '乘'])
        || (text.contains("单价") && text.contains("数量"))
        || states_unit_price(text);
    let (zh, en) = if text.is_empty() {
        (
            "测算依据未填写".to_owned(),
            "the calculation basis is empty".to_owned(),
        )
    } else if !has_figure {
        (
            "测算依据没有任何金额或数量".to_owned(),
            "the calculation basis gives no figure".to_owned(),
        )
    } else if !computes {
        (
            "测算依据只列金额，未列测算过程（单价×数量=金额）".to_owned(),
            "the calculation basis lists amounts but no calculation (unit price × quantity)"
                .to_owned(),
        )
    } else {
        return;
    };
    out.push(ctx.at_project(&K001, &ctx.decl.source, zh, en));
}

/// Whether a text states a unit price in words: a clause with `每` and an amount of money
/// (`安保人员19人，每人每月6666元`, `每季度9.4万元`).
fn states_unit_price(text: &str) -> bool {
    text.split(['，', '；', '。', ',', ';', '\n'])
        .filter_map(|clause| clause.find('每').map(|i| &clause[i..]))
        .any(|rest| super::cross::money_figures(rest).next().is_some())
}

/// The words that say what a goal achieves (达到什么目的或效果).
const EFFECT_WORDS: &[&str] = &[
    "达到", "达成", "实现", "提高", "提升", "确保", "保障", "改善", "满足", "促进", "推动", "保持",
    "使", "让", "增强", "降低", "减少", "维护", "加强", "优化", "助力", "推进", "保证", "保护",
    "防止", "严防", "构建", "发挥",
];

/// The shortest annual goal that can say what is done and what it achieves.
const MIN_GOAL_CHARS: usize = 15;

/// K002 (empty) and K003: too short, or saying neither what it achieves (an effect word:
/// 达到, 提高, 保障, …) nor anything measurable (a figure). The checklist's pattern
/// (`通过.*达成`) asks for one wording; a goal that states its effect or a quantity in
/// other words passes here.
fn annual_goal(ctx: &Ctx<'_>, text: Option<&str>, out: &mut Vec<Finding>) {
    let text = compact(text.unwrap_or(""));
    if text.is_empty() {
        out.push(ctx.at_project(
            &K002,
            &ctx.decl.source,
            "年度绩效目标未填写".to_owned(),
            "the annual goal is empty".to_owned(),
        ));
        return;
    }
    let chars = text.chars().count();
    let (zh, en) = if chars < MIN_GOAL_CHARS {
        (
            format!("年度绩效目标仅 {chars} 个字，过于简单"),
            format!("the annual goal has only {chars} characters"),
        )
    } else if !EFFECT_WORDS.iter().any(|w| text.contains(w))
        && !text.contains(|c: char| c.is_ascii_digit())
    {
        (
            "年度绩效目标未说明达到什么目的或效果，也没有定量表述".to_owned(),
            "the annual goal states neither what it achieves nor any figure".to_owned(),
        )
    } else {
        return;
    };
    out.push(ctx.at_project(&K003, &ctx.decl.source, zh, en));
}

/// K005–K009: each required 二级 has an indicator; `不适用` is not an answer for it. K010:
/// the other 二级 rows of the template (经济效益, 生态效益, 可持续影响) and the 满意度 rows are
/// filled or say `不适用`, not left blank.
fn required_level2(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let decl = ctx.decl;
    let has = |level2: Level2| {
        decl.indicators
            .iter()
            .any(|i| i.level2 == Some(level2) && !i.name.trim().is_empty())
    };
    let marked = |level2: Level2| decl.not_applicable.iter().any(|n| n.level2 == Some(level2));
    for (level2, rule) in REQUIRED_LEVEL2 {
        if has(level2) {
            continue;
        }
        let (zh, en) = if marked(level2) {
            (
                format!("{level2}为必填项，不能填写“不适用”"),
                format!("{level2} is required; 不适用 is not an allowed answer"),
            )
        } else {
            (
                format!("{level2}为必填项，但未填写"),
                format!("{level2} is required but missing"),
            )
        };
        out.push(ctx.at_project(rule, &decl.source, zh, en));
    }
    let mut blank: Vec<String> = OPTIONAL_LEVEL2
        .iter()
        .filter(|l| !has(**l) && !marked(**l))
        .map(|l| l.to_string())
        .collect();
    let satisfaction = decl
        .indicators
        .iter()
        .any(|i| i.level1 == Some(Level1::Satisfaction))
        || decl
            .not_applicable
            .iter()
            .any(|n| n.level1 == Some(Level1::Satisfaction));
    if !satisfaction {
        blank.push(Level1::Satisfaction.to_string());
    }
    if !blank.is_empty() {
        let list = blank.join("、");
        out.push(ctx.at_project(
            &K010,
            &decl.source,
            format!("{list}留空：不涉及时应填写“不适用”"),
            format!("{list} left blank: write 不适用 where the project has none"),
        ));
    }
}

/// How a 二级's name may show what it measures (K011–K015): words of the name, or the
/// target's kind, unit or class.
struct Naming {
    level2: Level2,
    rule: &'static RuleInfo,
    /// Words one of which the name contains.
    words: &'static [&'static str],
    /// What the target may be instead.
    target_ok: fn(&Indicator) -> bool,
    /// What the finding says is missing.
    missing: &'static str,
    missing_en: &'static str,
}

fn unit_class(i: &Indicator) -> Option<UnitClass> {
    i.target
        .unit_class
        .or_else(|| i.target.unit_info().map(|u| u.class))
}

const NAMING: [Naming; 5] = [
    Naming {
        level2: Level2::Quantity,
        rule: &K011,
        words: &[
            "数量",
            "数",
            "量",
            "面积",
            "长度",
            "里程",
            "规模",
            "次",
            "人",
            "户",
            "家",
            "个",
            "项",
            "台",
            "套",
            "份",
            "册",
            "场",
            "处",
            "栋",
            "所",
            "条",
            "篇",
            "件",
            "宗",
            "完成率",
            "覆盖率",
            "时间",
            "班次",
            "设备",
            "场所",
        ],
        target_ok: |i| {
            matches!(
                unit_class(i),
                Some(UnitClass::Count | UnitClass::Area | UnitClass::Length | UnitClass::Other)
            )
        },
        missing: "未体现计划完成的数量",
        missing_en: "does not state a quantity",
    },
    Naming {
        level2: Level2::Quality,
        rule: &K012,
        words: &[
            "率", "度", "性", "质量", "标准", "水平", "合格", "达标", "等级", "准确", "完好",
            "验收", "规范",
        ],
        target_ok: |i| {
            unit_class(i) == Some(UnitClass::Percent)
                || i.target.class == Some(QualitativeClass::Comply)
        },
        missing: "未体现达到的标准或水平",
        missing_en: "does not state a standard or level",
    },
    Naming {
        level2: Level2::Timeliness,
        rule: &K013,
        words: &[
            "及时", "时间", "时限", "时效", "期限", "周期", "进度", "按时", "按期", "日期", "天数",
            "时长", "响应", "效率",
        ],
        target_ok: |i| {
            unit_class(i) == Some(UnitClass::Time)
                || i.target.class == Some(QualitativeClass::OnTime)
                || i.target.deadline(None).is_some()
        },
        missing: "未体现及时程度或时限",
        missing_en: "does not state a time or timeliness",
    },
    Naming {
        level2: Level2::Cost,
        rule: &K014,
        words: &[
            "成本",
            "单价",
            "费",
            "经费",
            "资金",
            "价格",
            "价",
            "支出",
            "投入",
            "预算",
            "金额",
            "控制率",
            "节约率",
        ],
        target_ok: |i| unit_class(i) == Some(UnitClass::Money),
        missing: "未体现成本或费用",
        missing_en: "does not state a cost",
    },
    Naming {
        level2: Level2::SocialBenefit,
        rule: &K015,
        words: &[
            "提升", "改善", "提高", "增强", "降低", "减少", "促进", "保障", "推动", "优化", "加强",
            "增加", "维护", "满意", "率", "影响", "效果", "效益", "水平", "程度", "安全", "稳定",
            "发生", "事故", "覆盖", "受益", "知晓", "参与", "作用",
        ],
        target_ok: |i| {
            matches!(
                i.target.class,
                Some(
                    QualitativeClass::Improve
                        | QualitativeClass::Reduce
                        | QualitativeClass::PositiveEffect
                )
            ) || unit_class(i) == Some(UnitClass::Percent)
        },
        missing: "未体现对社会发展带来的影响和效果",
        missing_en: "does not state an effect on society",
    },
];

/// K011–K015: the 三级 name (or its target) shows what its 二级 measures. The checklist's
/// patterns require the name to end in a few words (`(合格率|…|率)$`); a name passes here
/// when it contains any word of a wider list, or when its target is of the 二级's kind (a
/// count for 数量, a percent for 质量, a time or deadline for 时效, money for 成本).
fn naming(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    let Some(level2) = indicator.level2 else {
        return;
    };
    let Some(rule) = NAMING.iter().find(|n| n.level2 == level2) else {
        return;
    };
    let name = compact(&indicator.name);
    if rule.words.iter().any(|w| name.contains(w)) || (rule.target_ok)(indicator) {
        return;
    }
    out.push(ctx.at_indicator(
        rule.rule,
        indicator,
        format!("{level2}“{name}”{}", rule.missing),
        format!("{level2} `{name}` {}", rule.missing_en),
    ));
}

/// K017: every indicator has its 指标解释 (the template's explanation column).
fn explanation(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    let filled = indicator
        .extra
        .iter()
        .any(|(k, v)| compact(k).contains("指标解释") && !v.trim().is_empty());
    if !filled {
        let name = indicator.name.trim();
        out.push(ctx.at_indicator(
            &K017,
            indicator,
            format!("三级指标“{name}”的指标解释未填写"),
            format!("indicator `{name}` has no explanation (指标解释)"),
        ));
    }
}

/// K021: a 三级 name of 15 characters or more (spaces and a `指标N:` prefix not counted).
fn long_name(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    let name = compact(crate::read::cell::without_slot_prefix(
        indicator.name.trim(),
    ));
    let chars = name.chars().count();
    if chars >= LONG_NAME_CHARS {
        out.push(ctx.at_indicator(
            &K021,
            indicator,
            format!("三级指标“{name}”有 {chars} 个字，表述冗长"),
            format!("indicator name `{name}` has {chars} characters"),
        ));
    }
}

/// Degree words a graded qualitative target may use (the checklist's own example for
/// 社会效益: `显著/明显/一般`).
const GRADE_WORDS: &[&str] = &["显著", "明显", "一般", "较好", "良好", "优秀", "优良"];

/// K023: a target the grammar reads as qualitative and that is of no recognised class
/// (not an improvement, reduction, compliance, satisfaction, effect or deadline word) and
/// not a grade word. Vague recognised words (`提高` with no base) are T007's; timeliness
/// targets are K025's.
fn quantified(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    let t = &indicator.target;
    if t.kind != TargetKind::Qualitative || indicator.level2 == Some(Level2::Timeliness) {
        return;
    }
    if !matches!(t.class, None | Some(QualitativeClass::Other)) {
        return;
    }
    let text = compact(&t.text);
    // a figure the grammar could not place (`排查大于19970栋`) still quantifies the target,
    // as the checklist's own (unanchored) pattern sees it
    let figure = text.contains(|c: char| c.is_ascii_digit());
    if text.is_empty() || figure || GRADE_WORDS.iter().any(|w| text.contains(w)) {
        return;
    }
    let name = indicator.name.trim();
    out.push(ctx.at_indicator(
        &K023,
        indicator,
        format!("三级指标“{name}”的指标值“{text}”不够量化明确"),
        format!("the target `{text}` of `{name}` is not quantified"),
    ));
}

/// K025: a 时效 target names its time limit: a deadline date, a duration, a frequency or a
/// rate (`100%` 及时率). A bare `及时` / `按时` names none (the checklist's own pattern is
/// `及时`).
fn time_limit(ctx: &Ctx<'_>, indicator: &Indicator, out: &mut Vec<Finding>) {
    if indicator.level2 != Some(Level2::Timeliness) {
        return;
    }
    let t = &indicator.target;
    if t.text.trim().is_empty() || t.kind == TargetKind::Invalid {
        return; // T009 / T001
    }
    let dated = t.deadline(ctx.year).is_some();
    let measured = t.is_quantitative()
        || matches!(
            unit_class(indicator),
            Some(UnitClass::Time | UnitClass::Percent)
        );
    let periodic = t.text.contains(['月', '周', '季', '天', '日', '时', '年'])
        && t.text
            .contains(|c: char| c.is_ascii_digit() || "一二两三四五六七八九十半每".contains(c));
    if dated || measured || periodic {
        return;
    }
    let name = indicator.name.trim();
    let text = t.text.trim();
    out.push(ctx.at_indicator(
        &K025,
        indicator,
        format!("时效指标“{name}”的指标值“{text}”未体现完成的时限或效率"),
        format!("the timeliness target `{text}` of `{name}` names no time limit"),
    ));
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{rules, ReviewPolicy};
    use super::*;
    use crate::model::NotApplicable;
    use crate::value::Target;

    fn policy() -> ReviewPolicy {
        ReviewPolicy::for_profile("shenzhen-2023").unwrap()
    }

    /// A declaration that meets the checklist: every required 二级, explanations, texts.
    fn good() -> crate::model::Declaration {
        let mut d = clean();
        d.project.policy_basis =
            Some("为贯彻落实《深圳市社区工作站管理办法》，设立本项目。".into());
        d.project.calculation_basis =
            Some("保洁服务费=单价1.5万元/月×12月=18万元，依据《物业服务收费标准》。".into());
        d.goals.annual =
            Some("通过聘用17名保洁人员开展日常保洁，达到党群服务中心整洁有序的效果。".into());
        d.funding.annual = Some(rust_decimal::Decimal::new(18, 0));
        d.funding.annual_fiscal = None;
        d.funding.annual_carryover = None;
        d.funding.annual_other = None;
        d.funding.unit = crate::model::MoneyUnit::WanYuan;
        let more = [
            (Level2::Quality, "保洁合格率", Target::parse("≥95%")),
            (Level2::Timeliness, "投诉响应时间", Target::parse("≤2小时")),
            (Level2::Cost, "保洁服务成本", Target::parse("≤18万元")),
        ];
        for (k, (level2, name, target)) in more.into_iter().enumerate() {
            d.indicators
                .push(ind(Level1::Output, level2, name, target, 20 + k as u32));
        }
        for i in &mut d.indicators {
            i.extra
                .insert("指标解释".into(), "考察本项目的完成情况".into());
        }
        for level2 in OPTIONAL_LEVEL2 {
            d.not_applicable.push(NotApplicable {
                level1: Some(Level1::Benefit),
                level2: Some(level2),
                level2_text: None,
            });
        }
        d
    }

    fn k_codes(d: &crate::model::Declaration) -> Vec<String> {
        codes(d, &policy())
            .into_iter()
            .filter(|c| c.starts_with('K'))
            .collect()
    }

    #[test]
    fn a_declaration_that_meets_the_checklist_has_no_k_finding() {
        assert!(k_codes(&good()).is_empty(), "{:?}", k_codes(&good()));
        // and the K rules do not run without the checklist
        let mut d = good();
        d.project.policy_basis = None;
        assert!(codes(&d, &ReviewPolicy::default())
            .iter()
            .all(|c| !c.starts_with('K')));
        assert_eq!(k_codes(&d), ["K000"]);
    }

    #[test]
    fn every_item_names_a_known_rule_and_every_k_rule_an_item() {
        let list = Checklist::Shenzhen2023;
        for item in list.items() {
            if let Some(code) = item.rule {
                assert!(rules().iter().any(|r| r.code == code), "{code}");
            }
            assert!(!item.comment.is_empty() && !item.comment_en.is_empty());
        }
        for rule in rules().iter().filter(|r| r.code.starts_with('K')) {
            let item = list.item_for(rule.code).expect(rule.code);
            assert_eq!(format!("K{:03}", item.number), rule.code);
            assert_eq!(item.aspect, rule.aspect, "{}", rule.code);
        }
    }

    #[test]
    fn basis_texts() {
        let mut d = good();
        d.project.policy_basis = Some("根据街道工作安排".into());
        d.project.calculation_basis = Some("保洁服务费18.51万元，安保服务费23.8644万元".into());
        assert_eq!(k_codes(&d), ["K000", "K001"]);
        d.project.policy_basis = Some("依据深财预〔2023〕12号文".into());
        d.project.calculation_basis = Some("安保人员19人，每人每月6666元，一年1519848元".into());
        assert!(!k_codes(&d).contains(&"K001".to_owned()));
        d.project.calculation_basis = Some("按实际发生".into());
        let found = super::super::review_declaration(&d, None, &policy());
        let k001 = found.iter().find(|f| f.code == "K001").unwrap();
        assert!(k001.message.contains("没有任何金额"), "{}", k001.message);
        assert!(!found.iter().any(|f| f.code == "K000"));
    }

    #[test]
    fn annual_goal_empty_short_or_without_effect() {
        let mut d = good();
        d.goals.annual = None;
        assert_eq!(k_codes(&d), ["K002"]);
        d.goals.annual = Some("做好保洁工作".into());
        assert_eq!(k_codes(&d), ["K003"]);
        d.goals.annual = Some("该项目经费按财务制度，经相关部门审核后，按时支出相关费用。".into());
        assert_eq!(k_codes(&d), ["K003"]);
        // an effect in other words, or a figure, passes
        d.goals.annual = Some("通过日常巡查，保证党群服务中心的安全稳定。".into());
        assert!(k_codes(&d).is_empty());
        d.goals.annual = Some("该项目经费按财务制度审核后按时支出，11月底支出98%".into());
        assert!(k_codes(&d).is_empty());
    }

    #[test]
    fn required_level2_and_not_applicable() {
        let mut d = good();
        d.indicators
            .retain(|i| i.level2 != Some(Level2::Timeliness));
        d.not_applicable.push(NotApplicable {
            level1: Some(Level1::Output),
            level2: Some(Level2::Timeliness),
            level2_text: None,
        });
        d.indicators.retain(|i| i.level2 != Some(Level2::Cost));
        let found = super::super::review_declaration(&d, None, &policy());
        let k007 = found.iter().find(|f| f.code == "K007").unwrap();
        assert!(
            k007.message.contains("不能填写“不适用”"),
            "{}",
            k007.message
        );
        assert!(found.iter().any(|f| f.code == "K008"));
        // a blank optional row (neither an indicator nor 不适用)
        let mut d = good();
        d.not_applicable
            .retain(|n| n.level2 != Some(Level2::Sustainability));
        let found = super::super::review_declaration(&d, None, &policy());
        let k010 = found.iter().find(|f| f.code == "K010").unwrap();
        assert!(
            k010.message.starts_with("可持续影响指标留空"),
            "{}",
            k010.message
        );
        // the empty skeleton: one S009, no K per row
        let mut d = good();
        d.indicators.clear();
        let got = codes(&d, &policy());
        assert!(got.contains(&"S009".to_owned()), "{got:?}");
        assert!(
            !got.iter()
                .any(|c| c.starts_with("K00") && c.as_str() >= "K005"),
            "{got:?}"
        );
    }

    #[test]
    fn names_targets_and_time_limits() {
        let mut d = good();
        let n = d.indicators.len() as u32;
        let add = |d: &mut crate::model::Declaration, l1, l2, name: &str, t: &str, line| {
            let mut i = ind(l1, l2, name, Target::parse(t), line);
            i.extra.insert("指标解释".into(), "考察".into());
            d.indicators.push(i);
        };
        add(
            &mut d,
            Level1::Output,
            Level2::Timeliness,
            "安保及保洁人员响应",
            "及时",
            30 + n,
        );
        add(
            &mut d,
            Level1::Benefit,
            Level2::SocialBenefit,
            "社区工作",
            "全覆盖居民",
            31 + n,
        );
        add(
            &mut d,
            Level1::Output,
            Level2::Quality,
            "居民及工作人员对党群服务中心环境的评价",
            "好评",
            32 + n,
        );
        let got = k_codes(&d);
        assert_eq!(
            got,
            ["K025", "K015", "K023", "K012", "K021", "K023"],
            "{got:?}"
        );
        // a 时效 target with a deadline, duration or rate passes
        for t in ["2023年12月前", "≤3个工作日", "100%", "每月1次", "半小时内"] {
            let mut d = good();
            add(
                &mut d,
                Level1::Output,
                Level2::Timeliness,
                "完成时间",
                t,
                40,
            );
            assert!(k_codes(&d).is_empty(), "{t}: {:?}", k_codes(&d));
        }
        // the explanation column
        let mut d = good();
        d.indicators[0].extra.clear();
        assert_eq!(k_codes(&d), ["K017"]);
    }
}
