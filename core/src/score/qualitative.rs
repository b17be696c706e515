//! 定性指标: the grade from the actual's words, the bands of 财预〔2020〕10号, explicit
//! scores validated against their band (`domain.md` §5 "Qualitative grade").

use std::borrow::Cow;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::engine::{Explain, Flags, Outcome};
use super::quantity::read_quantity;
use super::{plain, round2, Figure, FlagCode, Profile, Status};
use crate::text::{fold_char, fold_width, strip_html};
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

/// The first characters of the words of [`UNMET`], [`PARTIAL`] and [`MET`] (checked by a
/// test): an actual with none of them cannot contain a word of the list, so the list is
/// not searched.
const UNMET_FIRST: &[char] = &['未', '没', '不', '效', '较', '滞', '逾', '延'];
const PARTIAL_FIRST: &[char] = &['部', '基'];
const MET_FIRST: &[char] = &[
    '达', '完', '实', '及', '按', '满', '良', '合', '符', '正', '优',
];

/// The first word of `words` that `text` contains; `first` holds the words' first
/// characters, so most texts are ruled out in one pass.
fn find_word(text: &str, words: &[&'static str], first: &[char]) -> Option<&'static str> {
    // One pass over the text: at each character that starts a word, the words that start
    // there; the earliest in `words` wins (as `words.iter().find(|w| text.contains(w))`).
    let mut best: Option<usize> = None;
    for (at, c) in text.char_indices() {
        if !first.contains(&c) {
            continue;
        }
        let rest = text.get(at..).unwrap_or("");
        let limit = best.unwrap_or(words.len());
        if let Some(k) = words
            .get(..limit)
            .unwrap_or(words)
            .iter()
            .position(|w| rest.starts_with(w))
        {
            best = Some(k);
            if k == 0 {
                break;
            }
        }
    }
    best.and_then(|k| words.get(k).copied())
}

/// Whether `key` drops this (already folded) character: spaces and punctuation.
fn dropped(c: char) -> bool {
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        // CJK ideographs, most of every text: neither space nor punctuation.
        return false;
    }
    c.is_whitespace()
        || matches!(
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
}

/// The text as compared: HTML stripped, width folded, spaces and punctuation removed
/// (borrowed when that changes nothing, as for most actuals).
fn key(text: &str) -> Cow<'_, str> {
    if is_key(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        fold_width(&strip_html(text))
            .chars()
            .filter(|c| !dropped(*c))
            .collect(),
    )
}

/// Whether [`key`] leaves `text` as it is: no `<` or `&` (HTML), nothing width-folded or
/// dropped. Three-byte characters led by E4–E9 (U+4000–U+9FFF, the ideographs) are
/// skipped without decoding.
fn is_key(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        if (0xE4..=0xE9).contains(&lead) {
            at += 3;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        if matches!(c, '<' | '&') || fold_char(c) != c || dropped(c) {
            return false;
        }
        at += c.len_utf8();
    }
    true
}

/// Why an actual got its grade (rendered by [`Why::text`] only when explaining).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// The actual contains this word.
    Contains(&'static str),
    /// The actual is exactly a word of the grade.
    Is,
    /// The actual contains the target.
    MatchesTarget,
    /// The actual restates the target in other words (see [`restates`]).
    RestatesTarget,
    /// A completion date (the first) against a deadline (the second).
    Deadline(NaiveDate, NaiveDate),
    /// A percentage of 100 or more.
    Percent(Decimal),
}

impl Why {
    /// The reasoning, readable: `实际完成值含“完成” → 达成`.
    pub(crate) fn text(self, grade: Grade, actual: &str, target: &Target) -> String {
        let label = match grade {
            Grade::Met => "达成",
            Grade::Partial => "部分达成",
            Grade::Unmet => "未达成",
        };
        match self {
            Why::Contains(w) => format!("实际完成值含“{w}” → {label}"),
            Why::Is => format!("实际完成值为“{}” → {label}", key(actual)),
            Why::MatchesTarget => format!("实际完成值与目标“{}”一致 → 达成", target.text.trim()),
            Why::RestatesTarget => format!(
                "实际完成值复述目标“{}”（目标的字句依次出现在实际完成值中） → 达成",
                target.text.trim()
            ),
            Why::Deadline(done, due) if done <= due => {
                format!("完成日期 {done} 不晚于期限 {due} → 达成")
            }
            Why::Deadline(done, due) => format!("完成日期 {done} 晚于期限 {due} → 未达成"),
            Why::Percent(value) => format!("实际完成值 {}% ≥ 100% → 达成", plain(value)),
        }
    }
}

/// The grade an actual's words give, with why; or the reason no grade can be read.
pub(crate) fn grade(target: &Target, actual: &str) -> Result<(Grade, Why), String> {
    let a = key(actual);
    let t = key(&target.text);
    if a.is_empty() {
        return Err("实际完成值为空 (missing actual)".to_owned());
    }
    if let Some(w) = find_word(&a, UNMET, UNMET_FIRST) {
        return Ok((Grade::Unmet, Why::Contains(w)));
    }
    if let Some(w) = find_word(&a, PARTIAL, PARTIAL_FIRST) {
        return Ok((Grade::Partial, Why::Contains(w)));
    }
    if PARTIAL_EXACT.contains(&a.as_ref()) {
        return Ok((Grade::Partial, Why::Is));
    }
    if !t.is_empty() && a.contains(t.as_ref()) {
        return Ok((Grade::Met, Why::MatchesTarget));
    }
    // A date in the actual is the evidence for a deadline target, before any words
    // (`2024年1月5日完成` misses `2023年12月底前` although it says 完成).
    if let Some(done) = deadline(actual) {
        // A target without a year (`12月底前`) is read in the year of the actual.
        if let Some(due) = deadline_in(&target.text, Some(done.year())) {
            let grade = if done <= due {
                Grade::Met
            } else {
                Grade::Unmet
            };
            return Ok((grade, Why::Deadline(done, due)));
        }
    }
    if let Some(w) = find_word(&a, MET, MET_FIRST) {
        return Ok((Grade::Met, Why::Contains(w)));
    }
    if MET_EXACT.contains(&a.as_ref()) {
        return Ok((Grade::Met, Why::Is));
    }
    if let Some(q) = read_quantity(actual) {
        if q.unit.as_deref() == Some("%") && q.value >= Decimal::ONE_HUNDRED {
            return Ok((Grade::Met, Why::Percent(q.value)));
        }
    }
    if restates(&t, &a) {
        return Ok((Grade::Met, Why::RestatesTarget));
    }
    Err(format!(
        "无法从实际完成值“{}”判断达成程度 (cannot grade the actual against the qualitative target “{}”)",
        actual.trim(),
        target.text.trim()
    ))
}

/// Words that frame a qualitative target without being what is to be achieved
/// (`是否利于企业走出去`, `获得目的国受众欢迎`): left out when an actual restates it.
const FRAMING: &[&str] = &["是否", "能否", "获得", "得到"];

/// Characters of a negation: an actual that has one its target has not does not restate
/// it (`不利于企业走出去` against `是否利于企业走出去`).
const NEGATIONS: &[char] = &['不', '未', '没', '无', '否', '非'];

/// The longest target [`restates`] compares, in characters: longer texts are not graded
/// by restatement (the comparison is quadratic).
const RESTATE_MAX_CHARS: usize = 200;

/// Whether an actual restates a qualitative target in other words — the last reading
/// before "not scorable" (`domain.md` §5: an actual that restates the target is met): the
/// target without its bracketed asides and framing words (`获得目的国(地区)受众欢迎` →
/// `目的国受众欢迎`), at least 4 characters, appears in the actual in order with at most
/// one character in five missing (`受目的国受众欢迎显著`, `企业较好把握正确政治导向…`,
/// `有利于推动企业走出去`), and the actual adds no negation.
fn restates(target: &str, actual: &str) -> bool {
    let mut core = String::with_capacity(target.len());
    let mut depth = 0usize;
    for c in target.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => core.push(c),
            _ => {}
        }
    }
    for w in FRAMING {
        core = core.replace(w, "");
    }
    let core: Vec<char> = core.chars().collect();
    let actual_chars: Vec<char> = actual.chars().collect();
    if core.len() < 4 || core.len() > RESTATE_MAX_CHARS || actual_chars.len() > RESTATE_MAX_CHARS {
        return false;
    }
    if actual_chars
        .iter()
        .any(|c| NEGATIONS.contains(c) && !core.contains(c))
    {
        return false;
    }
    // Longest common subsequence, one row at a time.
    let mut row = vec![0usize; actual_chars.len() + 1];
    for &t in &core {
        let mut diagonal = 0;
        for (j, &a) in actual_chars.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let value = if t == a {
                diagonal + 1
            } else {
                above.max(left)
            };
            diagonal = above;
            if let Some(slot) = row.get_mut(j + 1) {
                *slot = value;
            }
        }
    }
    let common = row.last().copied().unwrap_or(0);
    common * 5 >= core.len() * 4
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
pub(crate) fn score<'r>(
    target: &Target,
    actual: &str,
    w: Decimal,
    published: Option<Decimal>,
    profile: &Profile,
    rule: &'r str,
    explain: Explain,
) -> Outcome<'r> {
    let (g, why) = match grade(target, actual) {
        Ok(found) => found,
        Err(reason) => return Outcome::not_scorable(explain, rule, || reason),
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
    let band = || {
        format!(
            "{name} band [{}, {}{}",
            round2(low),
            round2(high),
            if g == Grade::Met { "]" } else { ")" }
        )
    };
    let mut flags = Flags::new(explain);
    let (raw, how) = match published {
        Some(p) if inside(p) => (
            p,
            explain.text(|| {
                format!(
                    "published score {} inside the {}: kept (evaluator's choice)",
                    plain(p),
                    band()
                )
            }),
        ),
        Some(p) => {
            flags.push(FlagCode::BandViolation, || {
                (
                    format!(
                        "自评得分 {} 不在{name}区间 {} 内，按默认比例计分",
                        plain(p),
                        band()
                    ),
                    format!(
                        "the published score {} lies outside the {}; the band default applies",
                        plain(p),
                        band()
                    ),
                )
            });
            (
                share.saturating_mul(w),
                explain.text(|| {
                    format!(
                        "published {} outside the {} → default {}% × {} = {}",
                        plain(p),
                        band(),
                        plain(share.saturating_mul(Decimal::ONE_HUNDRED)),
                        plain(w),
                        plain(share.saturating_mul(w))
                    )
                }),
            )
        }
        None => (
            share.saturating_mul(w),
            explain.text(|| {
                format!(
                    "no published score → default {}% × {} = {}",
                    Figure(share.saturating_mul(Decimal::ONE_HUNDRED).normalize()),
                    Figure(w.normalize()),
                    Figure(share.saturating_mul(w).normalize())
                )
            }),
        ),
    };
    let raw = raw.min(w);
    Outcome {
        raw: Some(raw),
        status,
        rule,
        explanation: explain.text(|| {
            let mut out = String::with_capacity(how.len() + 192);
            let _ = write!(
                out,
                "A = “{}”, T = “{}”, W = {}: {}; {how} → {}",
                actual.trim(),
                target.text.trim(),
                Figure(w.normalize()),
                why.text(g, actual, target),
                Figure(round2(raw))
            );
            out
        }),
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
    fn first_characters_match_the_word_lists() {
        for (words, first) in [
            (UNMET, UNMET_FIRST),
            (PARTIAL, PARTIAL_FIRST),
            (MET, MET_FIRST),
        ] {
            let mut expected: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
            expected.sort_unstable();
            expected.dedup();
            let mut got = first.to_vec();
            got.sort_unstable();
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn key_texts_are_recognized_as_the_characters_say() {
        let naive = |t: &str| {
            !t.contains(['<', '&']) && t.chars().all(|c| fold_char(c) == c && !dropped(c))
        };
        for text in [
            "",
            "及时",
            "部分达成年度指标并具有一定效果",
            "100%",
            "达 成",
            "达成。",
            "达成，",
            "<p>达成</p>",
            "A&B",
            "ＡＢ",
            "\u{3000}达成",
            "\u{4000}\u{9FFF}\u{A000}",
            "㐀达成",
            "é",
            "满意度≥90%",
            "“达成”",
            "達成",
            "\u{FEFF}",
            "x\u{2003}y",
        ] {
            assert_eq!(is_key(text), naive(text), "{text:?}");
        }
    }

    #[test]
    fn one_pass_search_finds_the_first_listed_word() {
        // Every text made of up to three pieces (words of the lists, their first
        // characters, filler): the one-pass search agrees with searching word by word.
        let mut pieces: Vec<&str> = vec!["", "年度", "效", "未", "基", "达", "完成时间"];
        pieces.extend(UNMET.iter().chain(PARTIAL).chain(MET));
        for a in &pieces {
            for b in &pieces {
                for c in ["", "效果较差", "达成", "基本"] {
                    let text = format!("{a}{b}{c}");
                    for words in [UNMET, PARTIAL, MET] {
                        let first: Vec<char> =
                            words.iter().filter_map(|w| w.chars().next()).collect();
                        let naive = words.iter().copied().find(|w| text.contains(w));
                        assert_eq!(find_word(&text, words, &first), naive, "{text}");
                    }
                }
            }
        }
    }

    #[test]
    fn an_actual_restating_the_target_is_met() {
        // Published in a real 自评表 (tests/real/selfeval/qushangwu_fuwumaoyi_2020).
        assert_eq!(
            g("获得目的国(地区)受众欢迎", "受目的国受众欢迎显著"),
            Some(Grade::Met)
        );
        assert_eq!(
            g(
                "企业把握正确政治导向和文化方向情况的评价",
                "企业较好把握正确政治导向和文化方向情况的评价"
            ),
            Some(Grade::Met)
        );
        assert_eq!(
            g("是否利于企业走出去", "有利于推动企业走出去"),
            Some(Grade::Met)
        );
        // A negation the target has not, a different text, a target too short to judge.
        assert_eq!(g("是否利于企业走出去", "不利于企业走出去"), None);
        assert_eq!(g("是否利于企业走出去", "无法推动企业走出去"), None);
        assert_eq!(g("获得目的国(地区)受众欢迎", "目的国反响平平"), None);
        assert_eq!(g("群众认可", "群众认"), None);
        assert_eq!(
            g(&"群众认可度高".repeat(40), &"群众认可度高".repeat(40)),
            Some(Grade::Met)
        );
        assert_eq!(
            g(&"群众认可度".repeat(50), &"群众认可度很".repeat(50)),
            None
        );
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
        let r = rule(&p);
        let o = score(&t("满意"), "满意", d("10"), None, &p, &r, Explain(true));
        assert_eq!((o.raw, o.status), (Some(d("10")), Status::Met));
        let o = score(
            &t("满意"),
            "满意",
            d("10"),
            Some(d("8.5")),
            &p,
            &r,
            Explain(true),
        );
        assert_eq!(o.raw, Some(d("8.5")));
        assert!(o.flags.list.is_empty());
        let o = score(
            &t("满意"),
            "满意",
            d("10"),
            Some(d("7")),
            &p,
            &r,
            Explain(true),
        );
        assert_eq!(o.raw, Some(d("10")));
        assert_eq!(o.flags.list[0].code, "band_violation");
        let o = score(
            &t("提高"),
            "部分达成年度指标并具有一定效果",
            d("10"),
            None,
            &p,
            &r,
            Explain(true),
        );
        assert_eq!((o.raw, o.status), (Some(d("7.0")), Status::Partial));
        let o = score(
            &t("提高"),
            "部分达成",
            d("10"),
            Some(d("8")),
            &p,
            &r,
            Explain(true),
        );
        assert_eq!(o.raw, Some(d("7.0")), "8 is the 达成 band, not 部分达成");
        let o = score(
            &t("提高"),
            "未达成",
            d("10"),
            Some(d("5.9")),
            &p,
            &r,
            Explain(true),
        );
        assert_eq!((o.raw, o.status), (Some(d("5.9")), Status::Unmet));
        let o = score(&t("提高"), "未达成", d("10"), None, &p, &r, Explain(true));
        assert_eq!(o.raw, Some(d("3.0")));
        let o = score(
            &t("提高"),
            "看不出",
            d("10"),
            Some(d("9")),
            &p,
            &r,
            Explain(true),
        );
        assert_eq!(o.status, Status::NotScorable);
    }
}
