//! Qualitative (定性) targets: the classes real forms use (`domain.md` §3).

use serde::{Deserialize, Serialize};

use super::deadline::deadline_in;
use super::unit::is_cjk;

/// The class of a qualitative target (定性指标的类别, `domain.md` §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QualitativeClass {
    /// 提高, 提升, 有所提高, 稳步提高, 有效提升, 逐步提升, 显著提升.
    Improve,
    /// 降低, 下降, 减少.
    Reduce,
    /// 达标, 合格, 符合…规定, 规范.
    Comply,
    /// 满意, 较满意.
    Satisfied,
    /// 有一定促进作用, 有积极促进作用, 效果明显, 持续改善.
    PositiveEffect,
    /// 及时, 按时, 按月发放, 按期完成, `2023年12月底前`.
    OnTime,
    /// Anything else.
    Other,
}

use QualitativeClass::*;

/// The precedence of the classes when a text has words of several (`满意度提高` is an
/// improvement, `按时达标` is on time): lower wins.
fn rank(class: QualitativeClass) -> u8 {
    match class {
        PositiveEffect => 0,
        Improve => 1,
        Reduce => 2,
        OnTime => 3,
        Satisfied => 4,
        Comply => 5,
        Other => 6,
    }
}

/// The keywords that start with one character.
fn keywords(first: char) -> &'static [(&'static str, QualitativeClass)] {
    match first {
        '促' => &[("促进", PositiveEffect)],
        '积' => &[("积极作用", PositiveEffect), ("积极影响", PositiveEffect)],
        '推' => &[("推动作用", PositiveEffect)],
        '带' => &[("带动作用", PositiveEffect)],
        '效' => &[
            ("效果明显", PositiveEffect),
            ("效果显著", PositiveEffect),
            ("效果良好", PositiveEffect),
        ],
        '成' => &[("成效明显", PositiveEffect), ("成效显著", PositiveEffect)],
        '作' => &[("作用明显", PositiveEffect), ("作用显著", PositiveEffect)],
        '改' => &[("改善", PositiveEffect)],
        '提' => &[("提高", Improve), ("提升", Improve)],
        '增' => &[("增加", Improve), ("增长", Improve), ("增强", Improve)],
        '上' => &[("上升", Improve)],
        '加' => &[("加强", Improve)],
        '扩' => &[("扩大", Improve)],
        '优' => &[("优化", Improve)],
        '降' => &[("降低", Reduce)],
        '下' => &[("下降", Reduce)],
        '减' => &[("减少", Reduce), ("减轻", Reduce)],
        '缩' => &[("缩短", Reduce)],
        '压' => &[("压缩", Reduce)],
        '及' => &[("及时", OnTime)],
        '按' => &[
            ("按时", OnTime),
            ("按期", OnTime),
            ("按月", OnTime),
            ("按季", OnTime),
            ("按年", OnTime),
            ("按计划", OnTime),
            ("按进度", OnTime),
            ("按要求", Comply),
            ("按规定", Comply),
        ],
        '如' => &[("如期", OnTime)],
        '准' => &[("准时", OnTime)],
        '底' => &[("底前", OnTime)],
        '末' => &[("末前", OnTime)],
        '月' => &[("月前", OnTime), ("月底", OnTime), ("月末", OnTime)],
        '日' => &[("日前", OnTime)],
        '年' => &[("年底", OnTime), ("年末", OnTime)],
        '之' => &[("之前", OnTime)],
        '以' => &[("以前", OnTime)],
        '内' => &[("内完成", OnTime)],
        '满' => &[("满意", Satisfied), ("满足", Comply)],
        '达' => &[("达标", Comply), ("达到", Comply)],
        '合' => &[("合格", Comply), ("合规", Comply)],
        '符' => &[("符合", Comply)],
        '规' => &[("规范", Comply), ("规定", Comply)],
        '严' => &[("严格", Comply)],
        '应' => &[("应保尽保", Comply)],
        '不' => &[("不超预算", Comply)],
        '标' => &[("标准", Comply)],
        '要' => &[("要求", Comply)],
        '验' => &[("验收", Comply)],
        '正' => &[("正常", Comply)],
        '通' => &[("通过", Comply)],
        _ => &[],
    }
}

/// Classifies a qualitative target by its words (`domain.md` §3). A deadline
/// (`2023年12月底前`) is [`QualitativeClass::OnTime`]; a text with no known word is
/// [`QualitativeClass::Other`].
///
/// ```
/// use jixiao::value::qualitative::{classify, QualitativeClass};
/// assert_eq!(classify("有所提高"), QualitativeClass::Improve);
/// assert_eq!(classify("降低"), QualitativeClass::Reduce);
/// assert_eq!(classify("符合国家相关规定"), QualitativeClass::Comply);
/// assert_eq!(classify("较满意"), QualitativeClass::Satisfied);
/// assert_eq!(classify("有积极促进作用"), QualitativeClass::PositiveEffect);
/// assert_eq!(classify("按月发放"), QualitativeClass::OnTime);
/// assert_eq!(classify("2023年12月底前"), QualitativeClass::OnTime);
/// assert_eq!(classify("是"), QualitativeClass::Other);
/// ```
pub fn classify(text: &str) -> QualitativeClass {
    let mut best = Other;
    for (i, c) in text.char_indices() {
        if !is_cjk(c) {
            continue;
        }
        let Some(rest) = text.get(i..) else {
            continue;
        };
        for &(word, class) in keywords(c) {
            if rank(class) < rank(best) && rest.starts_with(word) {
                best = class;
            }
        }
        if best == PositiveEffect {
            break;
        }
    }
    if rank(best) > rank(OnTime) && text.contains(['年', '月', '-', '/', '.']) {
        // A bare deadline such as `2023年12月` or `2024-06-30`.
        if deadline_in(text, Some(2000)).is_some() {
            return OnTime;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_words() {
        for (text, class) in [
            ("提高", Improve),
            ("提升", Improve),
            ("有所提高", Improve),
            ("稳步提高", Improve),
            ("有效提升", Improve),
            ("逐步提升", Improve),
            ("显著提升", Improve),
            ("降低", Reduce),
            ("下降", Reduce),
            ("减少", Reduce),
            ("达标", Comply),
            ("合格", Comply),
            ("符合相关规定", Comply),
            ("规范", Comply),
            ("满意", Satisfied),
            ("较满意", Satisfied),
            ("有一定促进作用", PositiveEffect),
            ("有积极促进作用", PositiveEffect),
            ("效果明显", PositiveEffect),
            ("持续改善", PositiveEffect),
            ("及时", OnTime),
            ("按时", OnTime),
            ("按月发放", OnTime),
            ("按期完成", OnTime),
            ("2023年12月底前", OnTime),
            ("2023年12月", OnTime),
            ("12月底前", OnTime),
            ("满意度提高", Improve),
            ("无", Other),
            ("", Other),
        ] {
            assert_eq!(classify(text), class, "{text}");
        }
    }
}
