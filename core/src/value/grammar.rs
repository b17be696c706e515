//! The parser of 指标值 and 实际完成值 text (`domain.md` §3).
//!
//! The grammar, on the text after [`normalize`] (full-width folded, OCR LaTeX resolved):
//!
//! ```text
//! target      = [comparator] number [unit] [suffix]      quantitative
//!             | name comparator number [unit] [suffix]  quantitative (`成本不超过1.4万元`)
//!             | [comparator] placeholder [unit]          invalid: placeholder
//!             | text                                     qualitative
//! comparator  = symbol (≥ >= ≧ ⩾ ＞＝ > = ═ ﹦ < ≤ <= ≦ ⩽ …) | word (不低于, 不少于, 至少, 大于, …)
//! number      = [+|-] digits [, 3digits]* [. digits]     (scale kept as written)
//! unit        = known unit | unit-like word, optionally in parentheses: (人), (%)
//! suffix      = 以上 | 及以上 (→ >=) | 以下 | 以内 | 之内 | 内 (→ <=)
//! ```
//!
//! A symbol comparator followed by anything else is [`ValueProblem::Unparseable`]; a word
//! comparator followed by text is a qualitative target (`不低于上年水平`); a number followed
//! by text that is not a unit (`2023年12月底前`, `3个工作日内完成`) is qualitative. A `name`
//! is the indicator's own words written before the limit: at most 12 characters, no digit,
//! no word of a relative change (`比上年增加不少于5个` stays qualitative).

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::normalize::normalize;
use super::number::{chinese_number, number};
use super::qualitative;
use super::unit::{class_of, strip_parens, table_class, trim, trim_end, trim_start, word_like};
use super::{Comparator, Target, TargetKind, UnitClass, ValueProblem};

/// A parsed 实际完成值 (actual value). It follows the target grammar; a comparator
/// written in an actual (`≥266米`) is kept and noted, never fatal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actual {
    /// The text as written.
    pub text: String,
    /// A comparator written in the actual, if any (noted by scoring, not fatal).
    pub comparator: Option<Comparator>,
    /// The number, when the actual is numeric.
    pub value: Option<Decimal>,
    /// The unit as written, if any.
    pub unit: Option<String>,
}

/// The result of the grammar, borrowing from the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Scan<'a> {
    Quantitative {
        /// The comparator as written (prefix or suffix), `None` for a bare number.
        comparator: Option<Comparator>,
        value: Decimal,
        unit: Option<Cow<'a, str>>,
        unit_class: Option<UnitClass>,
    },
    Qualitative,
    Invalid(ValueProblem),
}

/// Parses a 指标值. Never fails: what cannot be parsed is [`TargetKind::Invalid`] with the
/// text kept and [`Target::problem`] saying why.
///
/// ```
/// use jixiao::value::{parse_target, Comparator, QualitativeClass, TargetKind, UnitClass, ValueProblem};
/// let t = parse_target("=100.00 (%)");
/// assert_eq!((t.comparator, t.value.unwrap().to_string(), t.unit.as_deref()), (Some(Comparator::Equal), "100.00".into(), Some("%")));
/// assert_eq!(t.unit_class, Some(UnitClass::Percent));
///
/// let t = parse_target("$\\geq 90.00\\%$");
/// assert_eq!((t.comparator, t.value.unwrap().to_string()), (Some(Comparator::AtLeast), "90.00".into()));
///
/// let t = parse_target("不少于5,000人次");
/// assert_eq!((t.comparator, t.value.unwrap().to_string(), t.unit.as_deref()), (Some(Comparator::AtLeast), "5000".into(), Some("人次")));
///
/// let t = parse_target("3个工作日以内");
/// assert_eq!((t.comparator, t.unit.as_deref()), (Some(Comparator::AtMost), Some("个工作日")));
///
/// assert_eq!(parse_target("有所提高").class, Some(QualitativeClass::Improve));
/// assert_eq!(parse_target("≥**%").problem, Some(ValueProblem::Placeholder));
/// assert_eq!(parse_target("≥abc%").problem, Some(ValueProblem::Unparseable));
/// assert_eq!(parse_target("  ").problem, Some(ValueProblem::Empty));
/// ```
pub fn parse_target(text: &str) -> Target {
    // The common shapes need no normalizing (a test checks it): read them as written.
    let raw = trim(text);
    let norm;
    let (s, scanned) = match common_shape(raw) {
        Some(scanned) => (raw, scanned),
        None => {
            norm = normalize(text);
            let s = trim(&norm);
            (s, scan(s))
        }
    };
    match scanned {
        Scan::Quantitative {
            comparator,
            value,
            unit,
            unit_class,
        } => Target {
            text: text.to_owned(),
            kind: TargetKind::Quantitative,
            comparator: Some(comparator.unwrap_or(Comparator::Equal)),
            value: Some(value),
            unit: unit.map(Cow::into_owned),
            unit_class,
            class: None,
            problem: None,
        },
        Scan::Qualitative => Target {
            text: text.to_owned(),
            kind: TargetKind::Qualitative,
            comparator: None,
            value: None,
            unit: None,
            unit_class: None,
            class: Some(qualitative::classify(s)),
            problem: None,
        },
        Scan::Invalid(problem) => Target {
            text: text.to_owned(),
            kind: TargetKind::Invalid,
            comparator: None,
            value: None,
            unit: None,
            unit_class: None,
            class: None,
            problem: Some(problem),
        },
    }
}

/// The comparator a 指标值 begins with, as [`parse_target`] reads it: symbols in every
/// form the grammar knows (`≥`, `＞＝`, `﹤`, `⩾`, OCR LaTeX `$\geq$`) and words
/// (`不低于`, `达到`). `None` when the text begins with none. The list reader asks it
/// before putting the 计算符号 column's comparator in front of a value.
///
/// ```
/// use jixiao::value::{leading_comparator, Comparator};
/// assert_eq!(leading_comparator("﹤1"), Some(Comparator::Below));
/// assert_eq!(leading_comparator(" ＞＝90%"), Some(Comparator::AtLeast));
/// assert_eq!(leading_comparator("不低于95%"), Some(Comparator::AtLeast));
/// assert_eq!(leading_comparator("$\\leq 5$"), Some(Comparator::AtMost));
/// assert_eq!(leading_comparator("90%"), None);
/// ```
pub fn leading_comparator(text: &str) -> Option<Comparator> {
    let norm = normalize(text);
    comparator(trim(&norm)).map(|(c, _, _)| c)
}

/// Parses an actual value (实际完成值) with the target grammar: `100%`, `17人`, `98.5%`,
/// `5,000`; a comparator written in it (`≥266米`) is kept in [`Actual::comparator`]. Text
/// (`及时`, `达成年度指标`) and anything else has no value. A remark in parentheses after
/// the quantity (`100%（已完成）`) is ignored.
///
/// ```
/// use jixiao::value::{parse_actual, Comparator};
/// let a = parse_actual("≥266米");
/// assert_eq!((a.comparator, a.value.unwrap().to_string(), a.unit.as_deref()), (Some(Comparator::AtLeast), "266".into(), Some("米")));
/// let a = parse_actual("98.5%");
/// assert_eq!((a.comparator, a.value.unwrap().to_string(), a.unit.as_deref()), (None, "98.5".into(), Some("%")));
/// assert_eq!(parse_actual("5,000").value.unwrap().to_string(), "5000");
/// assert_eq!(parse_actual("100%（已完成）").value.unwrap().to_string(), "100");
/// assert_eq!(parse_actual("达成年度指标").value, None);
/// ```
pub fn parse_actual(text: &str) -> Actual {
    match actual_quantity(text) {
        Some(q) => Actual {
            text: text.to_owned(),
            comparator: q.comparator,
            value: Some(q.value),
            unit: q.unit.map(Cow::into_owned),
        },
        None => Actual {
            text: text.to_owned(),
            comparator: None,
            value: None,
            unit: None,
        },
    }
}

/// 实际完成值 read as a number (what [`parse_actual`] gives when it has a value), borrowing
/// its unit from the text when the text needed no normalizing: scoring reads every actual
/// through this, without allocating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActualQuantity<'a> {
    /// A comparator written in the actual (`≥266米`).
    pub(crate) comparator: Option<Comparator>,
    /// The number.
    pub(crate) value: Decimal,
    /// The unit as written, if any (normalized text: width folded).
    pub(crate) unit: Option<Cow<'a, str>>,
}

/// The grammar of [`parse_actual`] without its allocations; `None` when the actual has no
/// value (text, placeholders, nothing).
pub(crate) fn actual_quantity(text: &str) -> Option<ActualQuantity<'_>> {
    if let Some(Scan::Quantitative {
        comparator,
        value,
        unit,
        ..
    }) = common_shape(trim(text))
    {
        return Some(ActualQuantity {
            comparator,
            value,
            unit,
        });
    }
    match normalize(text) {
        Cow::Borrowed(norm) => scan_actual(trim(norm)),
        Cow::Owned(norm) => scan_actual(trim(&norm)).map(|q| ActualQuantity {
            unit: q.unit.map(|u| Cow::Owned(u.into_owned())),
            ..q
        }),
    }
}

/// [`actual_quantity`] on normalized, trimmed text.
fn scan_actual(s: &str) -> Option<ActualQuantity<'_>> {
    let mut scanned = scan(s);
    if !matches!(scanned, Scan::Quantitative { .. }) {
        // An actual may carry a remark in parentheses: `100%(已完成)`, `17人（全年）`.
        if let Some((head, _)) = s.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
            if let quantity @ Scan::Quantitative { .. } = scan(trim(head)) {
                scanned = quantity;
            }
        }
    }
    match scanned {
        Scan::Quantitative {
            comparator,
            value,
            unit,
            ..
        } => Some(ActualQuantity {
            comparator,
            value,
            unit,
        }),
        Scan::Qualitative | Scan::Invalid(_) => None,
    }
}

/// Comparators written as words, longest first where one is a prefix of another.
const WORDS: &[(&str, Comparator)] = &[
    ("大于或等于", Comparator::AtLeast),
    ("大于等于", Comparator::AtLeast),
    ("不低于", Comparator::AtLeast),
    ("不少于", Comparator::AtLeast),
    ("不小于", Comparator::AtLeast),
    ("至少", Comparator::AtLeast),
    ("最少", Comparator::AtLeast),
    ("达到", Comparator::AtLeast),
    ("约", Comparator::Equal),
    ("大于", Comparator::Above),
    ("高于", Comparator::Above),
    ("超过", Comparator::Above),
    ("多于", Comparator::Above),
    ("等于", Comparator::Equal),
    ("小于或等于", Comparator::AtMost),
    ("小于等于", Comparator::AtMost),
    ("不高于", Comparator::AtMost),
    ("不超过", Comparator::AtMost),
    ("不大于", Comparator::AtMost),
    ("不多于", Comparator::AtMost),
    ("至多", Comparator::AtMost),
    ("最多", Comparator::AtMost),
    ("控制在", Comparator::AtMost),
    ("小于", Comparator::Below),
    ("低于", Comparator::Below),
    ("少于", Comparator::Below),
];

/// Suffixes after the number and unit, longest first.
const SUFFIXES: &[(&str, Comparator)] = &[
    ("及以上", Comparator::AtLeast),
    ("或以上", Comparator::AtLeast),
    ("以上", Comparator::AtLeast),
    ("及以下", Comparator::AtMost),
    ("或以下", Comparator::AtMost),
    ("以下", Comparator::AtMost),
    ("及以内", Comparator::AtMost),
    ("以内", Comparator::AtMost),
    ("之内", Comparator::AtMost),
    ("内", Comparator::AtMost),
    ("左右", Comparator::Equal),
];

/// Periods after `每` (`每月1次` = `1次/月`).
const PERIODS: &[&str] = &["半年", "季度", "年", "月", "季", "周", "天", "日"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    Symbol,
    Word,
}

/// A comparator at the start of `s`, and the text after it (spaces skipped).
fn comparator(s: &str) -> Option<(Comparator, Written, &str)> {
    use Comparator::*;
    let mut chars = s.chars();
    let first = chars.next()?;
    let after = chars.as_str();
    let (cmp, rest) = match first {
        '>' => match after.strip_prefix('=') {
            Some(r) => (AtLeast, r),
            None => (Above, after),
        },
        '<' => match after.strip_prefix('=') {
            Some(r) => (AtMost, r),
            None => (Below, after),
        },
        '=' => match after.chars().next() {
            Some('>') => (AtLeast, after.get(1..)?),
            Some('<') => (AtMost, after.get(1..)?),
            Some('=') => (Equal, after.get(1..)?),
            _ => (Equal, after),
        },
        '≥' | '≧' | '⩾' | '≮' => (AtLeast, after),
        '≤' | '≦' | '⩽' | '≯' => (AtMost, after),
        '═' | '﹦' => (Equal, after),
        '﹥' => (Above, after),
        '﹤' => (Below, after),
        '大' | '不' | '至' | '最' | '达' | '约' | '高' | '超' | '多' | '等' | '小' | '控'
        | '低' | '少' => {
            return WORDS.iter().find_map(|&(w, c)| {
                s.strip_prefix(w)
                    .map(|rest| (c, Written::Word, trim_start(rest)))
            })
        }
        _ => return None,
    };
    Some((cmp, Written::Symbol, trim_start(rest)))
}

/// The grammar on normalized, trimmed text: the common shapes first, then the whole
/// grammar.
fn scan(s: &str) -> Scan<'_> {
    common_shape(s).unwrap_or_else(|| scan_general(s))
}

/// The shapes most 指标值 and 实际完成值 have (`≥17.00(人)`, `=100.00 (%)`, `≤90万元`,
/// `95%`, `5,000`): a symbol comparator or none, a number starting with a digit, and
/// nothing more or a unit of the table, bare or in parentheses. Such text reads the
/// same before and after [`normalize`] (its characters are ASCII, comparators and
/// units of the table), and this gives what [`scan_general`] gives on the normalized
/// text (a test checks both); `None` for anything else.
fn common_shape(s: &str) -> Option<Scan<'_>> {
    let (prefix, rest) = match s.as_bytes().first()? {
        b'0'..=b'9' => (None, s),
        // `=`, `>`, `<`, and the symbols U+2xxx (`≥`, `≤`, `═`, …), never a word.
        b'=' | b'>' | b'<' | 0xE2 => match comparator(s)? {
            (c, Written::Symbol, rest) => (Some(c), rest),
            (_, Written::Word, _) => return None,
        },
        _ => return None,
    };
    if !rest.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    let (value, len) = number(rest)?;
    let tail = trim(rest.get(len..)?);
    let unit = match tail.as_bytes().first() {
        None => {
            return Some(Scan::Quantitative {
                comparator: prefix,
                value,
                unit: None,
                unit_class: None,
            })
        }
        Some(b'(') => tail.strip_prefix('(')?.strip_suffix(')')?,
        Some(_) => tail,
    };
    let unit_class = table_class(unit)?;
    Some(Scan::Quantitative {
        comparator: prefix,
        value,
        unit: Some(Cow::Borrowed(unit)),
        unit_class: Some(unit_class),
    })
}

/// The whole grammar on normalized, trimmed text.
fn scan_general(s: &str) -> Scan<'_> {
    if s.is_empty() {
        return Scan::Invalid(ValueProblem::Empty);
    }
    if is_machine_artefact(s) {
        return Scan::Invalid(ValueProblem::Unparseable);
    }
    match s.strip_prefix('每') {
        Some(rest) => per_period(rest),
        None => match scan_plain(s) {
            Scan::Qualitative => named_quantity(s).unwrap_or(Scan::Qualitative),
            scanned => scanned,
        },
    }
}

/// The longest name [`named_quantity`] takes before the comparator, in characters.
const NAME_MAX_CHARS: usize = 12;

/// Characters of a relative change (`较上年提高`, `比去年增加`, `同比下降`): a name holding
/// one is no name before an absolute limit.
const RELATIVE: &[char] = &['较', '比', '增', '减', '提', '降', '升', '涨'];

/// `成本不超过1.4万元`, `总成本不超过347.3万元/年`, `覆盖率达到95%以上`: the indicator's own
/// name written before a comparator, then a quantity. The name (at most
/// [`NAME_MAX_CHARS`] characters, no digit, no word of a relative change) is left out; the
/// rest reads as a target of its own when it is quantitative. `None` otherwise.
fn named_quantity(s: &str) -> Option<Scan<'_>> {
    for (i, c) in s.char_indices().skip(1).take(NAME_MAX_CHARS) {
        if c.is_ascii_digit() || RELATIVE.contains(&c) {
            return None;
        }
        let rest = s.get(i..)?;
        let Some((_, _, after)) = comparator(rest) else {
            continue;
        };
        if !after.starts_with(|d: char| d.is_ascii_digit()) {
            continue;
        }
        return match scan_plain(rest) {
            q @ Scan::Quantitative { .. } => Some(q),
            _ => None,
        };
    }
    None
}

/// What a program wrote where a number failed (`NaN`, `inf`, `#DIV/0!`, `null`): never a
/// qualitative 指标值, always a number that could not be written.
fn is_machine_artefact(s: &str) -> bool {
    const ARTEFACTS: &[&str] = &[
        "nan",
        "+nan",
        "-nan",
        "inf",
        "+inf",
        "-inf",
        "infinity",
        "+infinity",
        "-infinity",
        "#n/a",
        "#value!",
        "#div/0!",
        "#num!",
        "#ref!",
        "#name?",
        "#null!",
        "null",
        "none",
        "undefined",
    ];
    s.len() <= 10
        && matches!(
            s.as_bytes().first(),
            Some(b'n' | b'N' | b'i' | b'I' | b'u' | b'U' | b'+' | b'-' | b'#')
        )
        && ARTEFACTS.iter().any(|a| s.eq_ignore_ascii_case(a))
}

/// The grammar without a leading `每…`.
fn scan_plain(s: &str) -> Scan<'_> {
    let (prefix, written, rest) = match comparator(s) {
        Some((c, w, rest)) => (Some(c), Some(w), rest),
        None => (None, None, s),
    };
    let number = number(rest)
        .map(|(v, l)| (v, l, false))
        .or_else(|| chinese_number(rest).map(|(v, l)| (v, l, true)));
    let Some((value, len, chinese)) = number else {
        if let Some(after) = placeholder(rest) {
            let tail = strip_parens(strip_suffix(after).0);
            if prefix.is_some() || tail.is_empty() || class_of(tail).is_some() || word_like(tail) {
                return Scan::Invalid(ValueProblem::Placeholder);
            }
            return Scan::Qualitative;
        }
        return match written {
            Some(_) if rest.is_empty() => Scan::Invalid(ValueProblem::Unparseable),
            Some(Written::Symbol) => Scan::Invalid(ValueProblem::Unparseable),
            Some(Written::Word) | None => Scan::Qualitative,
        };
    };
    let tail = rest.get(len..).unwrap_or("");
    let (tail, suffix) = strip_suffix(trim(tail));
    let (tail, suffix) = inclusive(tail, suffix);
    let tail = strip_parens(tail);
    let unit_class = if tail.is_empty() {
        None
    } else {
        class_of(tail)
    };
    if chinese && unit_class.is_none() {
        // `一般`, `十分重要`, `三农`: Chinese numerals count only before a known unit.
        return match written {
            Some(Written::Symbol) => Scan::Invalid(ValueProblem::Unparseable),
            _ => Scan::Qualitative,
        };
    }
    let unit = if tail.is_empty() {
        None
    } else if unit_class.is_some() || word_like(tail) {
        Some(tail)
    } else if prefix.is_some() {
        return Scan::Invalid(ValueProblem::Unparseable);
    } else {
        return Scan::Qualitative;
    };
    let comparator = match (prefix, suffix) {
        (Some(p), Some(q)) => {
            if q == Comparator::Equal || p.direction() == q.direction() {
                Some(p)
            } else if p == Comparator::Equal {
                Some(q)
            } else {
                return Scan::Invalid(ValueProblem::Unparseable);
            }
        }
        (p, q) => p.or(q),
    };
    Scan::Quantitative {
        comparator,
        value,
        unit: unit.map(Cow::Borrowed),
        unit_class,
    }
}

/// `每月1次`, `每年不少于2次`, `每季度至少1次`: the count per period, as `次/月`.
fn per_period(rest: &str) -> Scan<'_> {
    let Some((period, rest)) = PERIODS
        .iter()
        .find_map(|p| rest.strip_prefix(p).map(|r| (*p, r)))
    else {
        return Scan::Qualitative;
    };
    let rest = rest.trim_start_matches([' ', ',', '，']);
    if rest.is_empty() {
        return Scan::Qualitative;
    }
    match scan_plain(rest) {
        Scan::Quantitative {
            comparator,
            value,
            unit: Some(unit),
            ..
        } if !unit.contains('/') => {
            let unit = format!("{unit}/{period}");
            Scan::Quantitative {
                comparator,
                value,
                unit_class: class_of(&unit),
                unit: Some(Cow::Owned(unit)),
            }
        }
        Scan::Invalid(ValueProblem::Placeholder) => Scan::Invalid(ValueProblem::Placeholder),
        _ => Scan::Qualitative,
    }
}

/// `(含)` after a number (`≥95%(含)`) says the bound is included; `(不含)` that it is not
/// (`90%(不含)以上` is `>90%`).
fn inclusive(tail: &str, suffix: Option<Comparator>) -> (&str, Option<Comparator>) {
    if !tail.ends_with(')') {
        return (tail, suffix);
    }
    if let Some(t) = tail.strip_suffix("(含)") {
        return (trim_end(t), suffix);
    }
    if let Some(t) = tail.strip_suffix("(不含)") {
        let strict = match suffix {
            Some(Comparator::AtLeast) => Some(Comparator::Above),
            Some(Comparator::AtMost) => Some(Comparator::Below),
            other => other,
        };
        return (trim_end(t), strict);
    }
    (tail, suffix)
}

/// Removes a trailing `以上`/`以内`/… and trailing sentence punctuation.
fn strip_suffix(s: &str) -> (&str, Option<Comparator>) {
    let s = trim_end(s.trim_end_matches(['。', '；', ';', ',', '、']));
    if !matches!(s.chars().next_back(), Some('上' | '下' | '内' | '右')) {
        return (s, None);
    }
    for &(w, c) in SUFFIXES {
        if let Some(rest) = s.strip_suffix(w) {
            return (trim_end(rest), Some(c));
        }
    }
    (s, None)
}

/// A placeholder left from a template at the start of `s` (`**`, `XX`, `_`, `-`, `—`,
/// `/`), and the text after it.
fn placeholder(s: &str) -> Option<&str> {
    let end = s
        .char_indices()
        .find(|&(_, c)| !(is_placeholder(c) || c == ' '))
        .map_or(s.len(), |(i, _)| i);
    if end == 0 || s.get(..end)?.trim().is_empty() {
        return None;
    }
    s.get(end..)
}

fn is_placeholder(c: char) -> bool {
    matches!(
        c,
        '*' | 'X'
            | 'x'
            | '×'
            | '_'
            | '?'
            | '？'
            | '#'
            | '-'
            | '—'
            | '–'
            | '─'
            | '―'
            | '…'
            | '/'
            | '\\'
            | '○'
            | '□'
            | '△'
            | '※'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{QualitativeClass, UnitClass};

    fn q(
        text: &str,
    ) -> (
        Option<Comparator>,
        String,
        Option<String>,
        Option<UnitClass>,
    ) {
        let t = parse_target(text);
        assert_eq!(t.kind, TargetKind::Quantitative, "{text}: {t:?}");
        assert_eq!(t.text, text);
        (
            t.comparator,
            t.value.map(|v| v.to_string()).unwrap_or_default(),
            t.unit,
            t.unit_class,
        )
    }

    #[test]
    fn product_units_read_with_their_value() {
        // Real 自评表 (宿州 睢溪, 2019): standards per person and month.
        for (text, cmp, value, unit) in [
            (">=530元/人*月", Comparator::AtLeast, "530", "元/人*月"),
            ("≥570元/人×月", Comparator::AtLeast, "570", "元/人×月"),
            ("≤5300元/户·年", Comparator::AtMost, "5300", "元/户·年"),
        ] {
            assert_eq!(
                q(text),
                (
                    Some(cmp),
                    value.to_owned(),
                    Some(unit.to_owned()),
                    Some(UnitClass::Other)
                ),
                "{text}"
            );
        }
        // A product sign at either end joins nothing: no unit.
        assert!(!crate::value::unit::word_like("*月"));
        assert!(!crate::value::unit::word_like("人*"));
    }

    #[test]
    fn domain_examples() {
        use Comparator::*;
        type Case = (
            &'static str,
            Comparator,
            &'static str,
            Option<&'static str>,
            Option<UnitClass>,
        );
        let cases: &[Case] = &[
            (
                "≥17.00(人)",
                AtLeast,
                "17.00",
                Some("人"),
                Some(UnitClass::Count),
            ),
            (
                "=100.00 (%)",
                Equal,
                "100.00",
                Some("%"),
                Some(UnitClass::Percent),
            ),
            ("≥90(%)", AtLeast, "90", Some("%"), Some(UnitClass::Percent)),
            (
                "≤4578.00(平方米)",
                AtMost,
                "4578.00",
                Some("平方米"),
                Some(UnitClass::Area),
            ),
            (
                "≥5000.00(人次)",
                AtLeast,
                "5000.00",
                Some("人次"),
                Some(UnitClass::Count),
            ),
            (
                "$\\geq 90.00\\%$",
                AtLeast,
                "90.00",
                Some("%"),
                Some(UnitClass::Percent),
            ),
            (">=90%", AtLeast, "90", Some("%"), Some(UnitClass::Percent)),
            (
                "≥266米",
                AtLeast,
                "266",
                Some("米"),
                Some(UnitClass::Length),
            ),
            (
                "≤90万元",
                AtMost,
                "90",
                Some("万元"),
                Some(UnitClass::Money),
            ),
            ("=300天", Equal, "300", Some("天"), Some(UnitClass::Time)),
            (
                "≥100百分比",
                AtLeast,
                "100",
                Some("百分比"),
                Some(UnitClass::Percent),
            ),
            ("1次/月", Equal, "1", Some("次/月"), Some(UnitClass::Other)),
            ("≥80M", AtLeast, "80", Some("M"), Some(UnitClass::Other)),
            ("10辆", Equal, "10", Some("辆"), Some(UnitClass::Count)),
            ("250万", Equal, "250", Some("万"), Some(UnitClass::Other)),
            (
                "≥９０％",
                AtLeast,
                "90",
                Some("%"),
                Some(UnitClass::Percent),
            ),
            ("5,000", Equal, "5000", None, None),
            (
                "＞＝９５．５％",
                AtLeast,
                "95.5",
                Some("%"),
                Some(UnitClass::Percent),
            ),
            (
                "不低于90%",
                AtLeast,
                "90",
                Some("%"),
                Some(UnitClass::Percent),
            ),
            (
                "90%以上",
                AtLeast,
                "90",
                Some("%"),
                Some(UnitClass::Percent),
            ),
            ("3天以内", AtMost, "3", Some("天"), Some(UnitClass::Time)),
            ("5%以下", AtMost, "5", Some("%"), Some(UnitClass::Percent)),
            (
                "不超过 2 小时",
                AtMost,
                "2",
                Some("小时"),
                Some(UnitClass::Time),
            ),
            (
                "$\\leq$ 5%",
                AtMost,
                "5",
                Some("%"),
                Some(UnitClass::Percent),
            ),
            ("≧3项", AtLeast, "3", Some("项"), Some(UnitClass::Count)),
            ("═100%", Equal, "100", Some("%"), Some(UnitClass::Percent)),
            ("﹦1套", Equal, "1", Some("套"), Some(UnitClass::Count)),
            ("高于95%", Above, "95", Some("%"), Some(UnitClass::Percent)),
            ("<5%", Below, "5", Some("%"), Some(UnitClass::Percent)),
            (
                "=0万元/人",
                Equal,
                "0",
                Some("万元/人"),
                Some(UnitClass::Other),
            ),
            (
                "≥10个村",
                AtLeast,
                "10",
                Some("个村"),
                Some(UnitClass::Count),
            ),
            (
                "=100%(百分比)",
                Equal,
                "100",
                Some("%(百分比)"),
                Some(UnitClass::Percent),
            ),
            ("≥5株", AtLeast, "5", Some("株"), Some(UnitClass::Count)),
        ];
        for &(text, c, v, u, class) in cases {
            assert_eq!(
                q(text),
                (Some(c), v.to_owned(), u.map(str::to_owned), class),
                "{text}"
            );
        }
    }

    /// `parse_target` through the whole grammar only.
    fn reference_target(text: &str) -> Target {
        let norm = normalize(text);
        let s = trim(&norm);
        let mut t = parse_target("");
        t.text = text.to_owned();
        match scan_general(s) {
            Scan::Quantitative {
                comparator,
                value,
                unit,
                unit_class,
            } => {
                t.kind = TargetKind::Quantitative;
                t.comparator = Some(comparator.unwrap_or(Comparator::Equal));
                t.value = Some(value);
                t.unit = unit.map(Cow::into_owned);
                t.unit_class = unit_class;
                t.problem = None;
            }
            Scan::Qualitative => {
                t.kind = TargetKind::Qualitative;
                t.class = Some(qualitative::classify(s));
                t.problem = None;
            }
            Scan::Invalid(problem) => t.problem = Some(problem),
        }
        t
    }

    #[test]
    fn common_shapes_read_as_the_whole_grammar_reads_them() {
        let units = [
            "",
            "%",
            "人",
            "人次",
            "万元",
            "平方米",
            "次/月",
            "%(百分比)",
            "含",
            "不含",
            "个村",
            "M",
            "m2",
            "㎡",
            "℃",
            "kW·h",
            "以上",
            "人以上",
            "% ",
            " 人",
            "(人)",
            "台,",
            "底前",
            "年",
            "个工作日",
            "元。",
            "百分比",
            "千分比",
            "‰",
            "\u{3000}人",
            "人\u{3000}",
            "\u{200B}人",
            "\u{FEFF}%",
            "％",
            "人\u{3000}次",
            "﹪",
            "m^2",
            "\\%",
            "$%$",
            "{人}",
            "\u{2002}人",
        ];
        let comparators = [
            "",
            "=",
            "==",
            "≥",
            "≤",
            ">",
            "<",
            ">=",
            "<=",
            "=>",
            "═",
            "≧",
            "≮",
            "不低于",
            "≥ ",
            "-",
            "+",
        ];
        let numbers = [
            "17",
            "17.00",
            "5,000",
            "0",
            "1.",
            "12,34",
            "3.5e2",
            "007",
            "99999999999999999999999999999",
        ];
        let mut checked = 0;
        for c in comparators {
            for n in numbers {
                for u in units {
                    for text in [
                        format!("{c}{n}{u}"),
                        format!("{c}{n}({u})"),
                        format!("{c}{n} ({u})"),
                        format!("{c}{n}（{u}）"),
                        format!("{c}{n}{u})"),
                    ] {
                        let norm = normalize(&text);
                        let s = trim(&norm);
                        if let Some(fast) = common_shape(s) {
                            assert_eq!(fast, scan_general(s), "{text}");
                            checked += 1;
                        }
                        // As written, before normalizing.
                        if let Some(fast) = common_shape(trim(&text)) {
                            assert_eq!(fast, scan_general(s), "{text} as written");
                        }
                        assert_eq!(parse_target(&text), reference_target(&text), "{text}");
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn qualitative_and_invalid() {
        for (text, class) in [
            ("提高", QualitativeClass::Improve),
            ("2023年12月底前", QualitativeClass::OnTime),
            ("12月底前", QualitativeClass::OnTime),
            ("3个工作日内完成", QualitativeClass::OnTime),
            ("不低于上年水平", QualitativeClass::Other),
            ("X光机运行正常", QualitativeClass::Comply),
        ] {
            let t = parse_target(text);
            assert_eq!(
                (t.kind, t.class),
                (TargetKind::Qualitative, Some(class)),
                "{text}"
            );
        }
        for (text, problem) in [
            ("", ValueProblem::Empty),
            ("  \u{3000}", ValueProblem::Empty),
            ("**", ValueProblem::Placeholder),
            ("XX", ValueProblem::Placeholder),
            ("*", ValueProblem::Placeholder),
            ("_", ValueProblem::Placeholder),
            ("-", ValueProblem::Placeholder),
            ("—", ValueProblem::Placeholder),
            ("≥**%", ValueProblem::Placeholder),
            ("XX%", ValueProblem::Placeholder),
            ("≥XX人", ValueProblem::Placeholder),
            ("≥", ValueProblem::Unparseable),
            ("≥abc%", ValueProblem::Unparseable),
            ("≥90%完成", ValueProblem::Unparseable),
            ("≥5%以下", ValueProblem::Unparseable),
            ("不低于", ValueProblem::Unparseable),
            ("NaN", ValueProblem::Unparseable),
            ("-inf", ValueProblem::Unparseable),
            ("#DIV/0!", ValueProblem::Unparseable),
            ("null", ValueProblem::Unparseable),
        ] {
            let t = parse_target(text);
            assert_eq!(
                (t.kind, t.problem),
                (TargetKind::Invalid, Some(problem)),
                "{text}"
            );
        }
    }

    #[test]
    fn chinese_numerals_before_known_units() {
        for (text, value, unit) in [
            ("三次", "3", "次"),
            ("每年两次", "2", "次/年"),
            ("不少于十二个月", "12", "个月"),
            ("一百五十人", "150", "人"),
            ("≥二十个", "20", "个"),
            ("三万元", "3", "万元"),
        ] {
            let t = parse_target(text);
            assert_eq!(
                (t.kind, t.value.map(|v| v.to_string()), t.unit.as_deref()),
                (TargetKind::Quantitative, Some(value.to_owned()), Some(unit)),
                "{text}"
            );
        }
        for text in [
            "一般",
            "一致",
            "一次性",
            "十分重要",
            "三农",
            "二〇二三年十二月底前",
            "百分百",
        ] {
            assert_eq!(parse_target(text).kind, TargetKind::Qualitative, "{text}");
        }
        assert_eq!(
            super::super::number::chinese_number("一百零五"),
            Some((Decimal::from(105), 12))
        );
        assert_eq!(
            super::super::number::chinese_number("十"),
            Some((Decimal::from(10), 3))
        );
        assert_eq!(super::super::number::chinese_number("百"), None);
    }
}
