//! 定性指标: the grade from the actual's words, the bands of 财预〔2020〕10号, explicit
//! scores validated against their band (`domain.md` §5 "Qualitative grade").

use chrono::Datelike;
use rust_decimal::Decimal;

use super::engine::Outcome;
use super::quantity::read_quantity;
use super::{plain, round2, Flag, Profile, Status};
use crate::text::{fold_width, strip_html};
use crate::value::{deadline, deadline_in, Target};

/// The three grades of 10号.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grade {
    /// 达成年度指标.
    Met,
    /// 部分达成年度指标并具有一定效果.
    Partial,
    /// 未达成年度指标且效果较差.
    Unmet,
}

const UNMET: &[&str] = &[
    "未达成",
    "未完成",
    "未达到",
    "未达标",
    "未实现",
    "未按时",
    "未按期",
    "未及时",
    "没有完成",
    "没有达到",
    "不合格",
    "不达标",
    "不满意",
    "不及时",
    "效果较差",
    "较差",
    "滞后",
    "逾期",
    "延期",
];
const PARTIAL: &[&str] = &[
    "部分达成",
    "部分完成",
    "部分实现",
    "部分达到",
    "基本完成",
    "基本达成",
    "基本达到",
    "基本实现",
    "基本满意",
    "基本及时",
    "基本合格",
    "基本达标",
    "基本符合",
];
const PARTIAL_EXACT: &[&str] = &["一般"];
const MET: &[&str] = &[
    "达成", "完成", "达到", "实现", "及时", "按时", "按期", "满意", "良好", "合格", "达标", "符合",
    "正常", "优秀",
];
const MET_EXACT: &[&str] = &["是", "已", "优", "好", "有", "通过"];

/// The text as compared: HTML stripped, width folded, spaces and punctuation removed.
fn key(text: &str) -> String {
    fold_width(&strip_html(text))
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '。' | '，'
                        | '、'
                        | '；'
                        | ';'
                        | ','
                        | '.'
                        | '!'
                        | '！'
                        | '"'
                        | '“'
                        | '”'
                        | '\''
                        | '‘'
                        | '’'
                )
        })
        .collect()
}

/// The grade an actual's words give, with why; or the reason no grade can be read.
pub(crate) fn grade(target: &Target, actual: &str) -> Result<(Grade, String), String> {
    let a = key(actual);
    let t = key(&target.text);
    if a.is_empty() {
        return Err("实际完成值为空 (missing actual)".to_owned());
    }
    if let Some(w) = UNMET.iter().find(|w| a.contains(**w)) {
        return Ok((Grade::Unmet, format!("实际完成值含“{w}” → 未达成")));
    }
    if let Some(w) = PARTIAL.iter().find(|w| a.contains(**w)) {
        return Ok((Grade::Partial, format!("实际完成值含“{w}” → 部分达成")));
    }
    if PARTIAL_EXACT.contains(&a.as_str()) {
        return Ok((Grade::Partial, format!("实际完成值为“{a}” → 部分达成")));
    }
    if !t.is_empty() && a.contains(&t) {
        return Ok((
            Grade::Met,
            format!("实际完成值与目标“{}”一致 → 达成", target.text.trim()),
        ));
    }
    // A date in the actual is the evidence for a deadline target, before any words
    // (`2024年1月5日完成` misses `2023年12月底前` although it says 完成).
    if let Some(done) = deadline(actual) {
        // A target without a year (`12月底前`) is read in the year of the actual.
        if let Some(due) = deadline_in(&target.text, Some(done.year())) {
            return Ok(if done <= due {
                (
                    Grade::Met,
                    format!("完成日期 {done} 不晚于期限 {due} → 达成"),
                )
            } else {
                (
                    Grade::Unmet,
                    format!("完成日期 {done} 晚于期限 {due} → 未达成"),
                )
            });
        }
    }
    if let Some(w) = MET.iter().find(|w| a.contains(**w)) {
        return Ok((Grade::Met, format!("实际完成值含“{w}” → 达成")));
    }
    if MET_EXACT.contains(&a.as_str()) {
        return Ok((Grade::Met, format!("实际完成值为“{a}” → 达成")));
    }
    if let Some(q) = read_quantity(actual) {
        if q.unit.as_deref() == Some("%") && q.value >= Decimal::ONE_HUNDRED {
            return Ok((
                Grade::Met,
                format!("实际完成值 {}% ≥ 100% → 达成", plain(q.value)),
            ));
        }
    }
    Err(format!(
        "无法从实际完成值“{}”判断达成程度 (cannot grade the actual against the qualitative target “{}”)",
        actual.trim(),
        target.text.trim()
    ))
}

/// The rule text for the profile's bands (built once per scorecard).
pub(crate) fn rule(profile: &Profile) -> String {
    let q = &profile.qualitative;
    let pct = |d: Decimal| plain(d.saturating_mul(Decimal::ONE_HUNDRED));
    format!(
        "定性指标：达成年度指标 [{}%, 100%]、部分达成年度指标并具有一定效果 [{}%, {}%)、未达成年度指标且效果较差 \
         [0, {}%) 的分值区间内评分 (财预〔2020〕10号 附件2)；未给出得分时取 {}% / {}% / {}% (jixiao 默认政策)",
        pct(q.met_min),
        pct(q.partial_min),
        pct(q.met_min),
        pct(q.partial_min),
        pct(q.met),
        pct(q.partial),
        pct(q.unmet)
    )
}

/// Scores a qualitative indicator; `published` is the evaluator's score when there is one.
pub(crate) fn score(
    target: &Target,
    actual: &str,
    w: Decimal,
    published: Option<Decimal>,
    profile: &Profile,
    rule: &str,
) -> Outcome {
    let (g, why) = match grade(target, actual) {
        Ok(found) => found,
        Err(reason) => return Outcome::not_scorable(rule, reason),
    };
    let q = &profile.qualitative;
    let (low, high, share, status, name) = match g {
        Grade::Met => (q.met_min.saturating_mul(w), w, q.met, Status::Met, "达成"),
        Grade::Partial => (
            q.partial_min.saturating_mul(w),
            q.met_min.saturating_mul(w),
            q.partial,
            Status::Partial,
            "部分达成",
        ),
        Grade::Unmet => (
            Decimal::ZERO,
            q.partial_min.saturating_mul(w),
            q.unmet,
            Status::Unmet,
            "未达成",
        ),
    };
    let inside =
        |p: Decimal| p >= low && (p < high || (g == Grade::Met && p <= high)) && p >= Decimal::ZERO;
    let band = format!(
        "{name} band [{}, {}{}",
        round2(low),
        round2(high),
        if g == Grade::Met { "]" } else { ")" }
    );
    let mut flags = Vec::new();
    let (raw, how) = match published {
        Some(p) if inside(p) => (
            p,
            format!(
                "published score {} inside the {band}: kept (evaluator's choice)",
                plain(p)
            ),
        ),
        Some(p) => {
            flags.push(Flag::new(
                "band_violation",
                format!(
                    "自评得分 {} 不在{name}区间 {band} 内，按默认比例计分",
                    plain(p)
                ),
                format!(
                    "the published score {} lies outside the {band}; the band default applies",
                    plain(p)
                ),
            ));
            (
                share.saturating_mul(w),
                format!(
                    "published {} outside the {band} → default {}% × {} = {}",
                    plain(p),
                    plain(share.saturating_mul(Decimal::ONE_HUNDRED)),
                    plain(w),
                    plain(share.saturating_mul(w))
                ),
            )
        }
        None => (
            share.saturating_mul(w),
            format!(
                "no published score → default {}% × {} = {}",
                plain(share.saturating_mul(Decimal::ONE_HUNDRED)),
                plain(w),
                plain(share.saturating_mul(w))
            ),
        ),
    };
    let raw = raw.min(w);
    Outcome {
        raw: Some(raw),
        status,
        rule: rule.to_owned(),
        explanation: format!(
            "A = “{}”, T = “{}”, W = {}: {why}; {how} → {}",
            actual.trim(),
            target.text.trim(),
            plain(w),
            round2(raw)
        ),
        flags,
        reason: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Target {
        let mut t = Target::parse(text);
        t.kind = crate::value::TargetKind::Qualitative;
        t
    }

    fn g(target: &str, actual: &str) -> Option<Grade> {
        grade(&t(target), actual).ok().map(|(g, _)| g)
    }

    #[test]
    fn grade_order() {
        assert_eq!(g("提高", "未达成年度指标且效果较差"), Some(Grade::Unmet));
        assert_eq!(g("满意", "不满意"), Some(Grade::Unmet));
        assert_eq!(
            g("提高", "部分达成年度指标并具有一定效果"),
            Some(Grade::Partial)
        );
        assert_eq!(g("按期完成", "基本完成"), Some(Grade::Partial));
        assert_eq!(g("及时", "及时"), Some(Grade::Met));
        assert_eq!(g("有一定促进作用", "有一定促进作用"), Some(Grade::Met));
        assert_eq!(g("提高", "有所提高"), Some(Grade::Met));
        assert_eq!(g("提高", "达成年度指标"), Some(Grade::Met));
        assert_eq!(g("效果明显", "达成预期指标"), Some(Grade::Met));
        assert_eq!(g("规范", "是"), Some(Grade::Met));
        assert_eq!(g("及时", "100%"), Some(Grade::Met));
        assert_eq!(g("及时", "95%"), None);
        assert_eq!(g("提高", "有待观察"), None);
        assert_eq!(g("提高", ""), None);
    }

    #[test]
    fn deadlines() {
        assert_eq!(g("2023年12月底前", "2023年11月20日"), Some(Grade::Met));
        assert_eq!(g("2023年12月底前", "2024年1月5日"), Some(Grade::Unmet));
        assert_eq!(g("12月底前", "2023-12-31"), Some(Grade::Met));
        assert_eq!(g("2023年12月", "2023年12月"), Some(Grade::Met));
        assert_eq!(g("2023年6月30日前", "2023年7月1日"), Some(Grade::Unmet));
        assert_eq!(g("2023年12月底前", "2024年1月5日完成"), Some(Grade::Unmet));
        assert_eq!(g("2023年12月底前", "已于2023-11-30完成"), Some(Grade::Met));
    }

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    #[test]
    fn bands() {
        let p = Profile::default();
        let o = score(&t("满意"), "满意", d("10"), None, &p, &rule(&p));
        assert_eq!((o.raw, o.status), (Some(d("10")), Status::Met));
        let o = score(&t("满意"), "满意", d("10"), Some(d("8.5")), &p, &rule(&p));
        assert_eq!(o.raw, Some(d("8.5")));
        assert!(o.flags.is_empty());
        let o = score(&t("满意"), "满意", d("10"), Some(d("7")), &p, &rule(&p));
        assert_eq!(o.raw, Some(d("10")));
        assert_eq!(o.flags[0].code, "band_violation");
        let o = score(
            &t("提高"),
            "部分达成年度指标并具有一定效果",
            d("10"),
            None,
            &p,
            &rule(&p),
        );
        assert_eq!((o.raw, o.status), (Some(d("7.0")), Status::Partial));
        let o = score(&t("提高"), "部分达成", d("10"), Some(d("8")), &p, &rule(&p));
        assert_eq!(o.raw, Some(d("7.0")), "8 is the 达成 band, not 部分达成");
        let o = score(&t("提高"), "未达成", d("10"), Some(d("5.9")), &p, &rule(&p));
        assert_eq!((o.raw, o.status), (Some(d("5.9")), Status::Unmet));
        let o = score(&t("提高"), "未达成", d("10"), None, &p, &rule(&p));
        assert_eq!(o.raw, Some(d("3.0")));
        let o = score(&t("提高"), "看不出", d("10"), Some(d("9")), &p, &rule(&p));
        assert_eq!(o.status, Status::NotScorable);
    }
}
