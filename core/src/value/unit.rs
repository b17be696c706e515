//! Units of 指标值 (计量单位): kept as written, classified when known, converted exactly
//! where units share a base (元/万元/亿元, 米/厘米/公里, 平方米/公顷/平方公里, 秒/分钟/小时/天,
//! 月/季度/年, …).
//!
//! Representation of a magnitude written without a unit (`250万`, `3亿`): the unit is kept
//! as written (`万`), classified [`UnitClass::Other`] with an empty [`UnitInfo::base`] and
//! the magnitude as [`UnitInfo::factor`] (10000). Such a *pure scale* converts into any
//! unit but a percent: `250万` is `2500000元` against a money target, `250万元` against a
//! target in 万元 (`domain.md` §3: "万 = ×10000 when the unit is money").
//!
//! A unit prefixed by a magnitude (`万人次`, `万平方米`, `千元`) is its unit times the
//! magnitude. A compound unit (`次/月`, `万元/人`, `人/次`) is [`UnitClass::Other`]; its
//! base is the numerator's base over the denominator (`万元/人` = 10000 `元/人`).
//! A unit with a gloss in parentheses that means the same (`%(百分比)`) is that unit.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::text::fold_char;

/// The class of a unit (计量单位的类别).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitClass {
    /// `%`, `百分比`, `‰`.
    Percent,
    /// Counts: 人, 人次, 台, 套, 个, 辆, 次, 件, 份, 家, 项, …
    Count,
    /// Areas: 平方米, 亩, 公顷, 平方公里.
    Area,
    /// Lengths: 米, 厘米, 公里, 千米.
    Length,
    /// Money: 元, 万元, 亿元.
    Money,
    /// Durations: 天, 日, 月, 年, 小时, 分钟, 工作日.
    Time,
    /// Anything else that is still clearly a unit (`M`, `次/月`, `万元/人`, `吨`, `万`).
    Other,
}

/// What is known about one unit (计量单位): its class and how to convert it to its base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitInfo {
    /// The class.
    pub class: UnitClass,
    /// The base unit values convert to (`元` for 万元, `米` for 公里, `秒` for 小时,
    /// `月` for 年, `元/人` for 万元/人), or the unit itself when it has no convertible
    /// base. Empty for a pure magnitude (`万`, `亿`).
    pub base: String,
    /// How many base units one of this unit is (10000 for 万元, 0.01 for 厘米).
    pub factor: Decimal,
}

/// Longest unit (in bytes) that is looked up; longer text is not a unit. Also bounds the
/// recursion of glosses and compounds.
const MAX_UNIT_BYTES: usize = 48;

/// A unit as the lookup sees it (borrowing from the table or from the unit text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Known<'a> {
    pub(crate) class: UnitClass,
    pub(crate) base: &'a str,
    pub(crate) per: Option<&'a str>,
    pub(crate) factor: Decimal,
}

/// Classifies a unit as written (`人`, `%`, `(%)`, `百分比`, `万元`, `平方米`, `次/月`, …);
/// `None` when the unit is not known.
///
/// ```
/// use jixiao::value::unit::{classify, UnitClass};
/// let info = classify("万元").unwrap();
/// assert_eq!((info.class, info.base.as_str(), info.factor.to_string().as_str()), (UnitClass::Money, "元", "10000"));
/// assert_eq!(classify("(%)").unwrap().class, UnitClass::Percent);
/// assert_eq!(classify("%(百分比)").unwrap().class, UnitClass::Percent);
/// assert_eq!(classify("人次").unwrap().class, UnitClass::Count);
/// assert_eq!(classify("次/月").unwrap().class, UnitClass::Other);
/// assert_eq!(classify("万").unwrap().base, "");
/// assert_eq!(classify("底前"), None);
/// ```
pub fn classify(unit: &str) -> Option<UnitInfo> {
    let norm = normalize(unit);
    let known = lookup(&norm)?;
    Some(UnitInfo {
        class: known.class,
        base: match known.per {
            Some(per) => format!("{}/{}", known.base, per),
            None => known.base.to_owned(),
        },
        factor: known.factor,
    })
}

/// The class of a unit, without allocating (the parser's hot path). The unit must be
/// normalized already (folded, trimmed, parentheses removed).
pub(crate) fn class_of(unit: &str) -> Option<UnitClass> {
    lookup(unit).map(|k| k.class)
}

/// The class of a unit as written (parentheses and full-width forms allowed).
pub(crate) fn class_of_written(unit: &str) -> Option<UnitClass> {
    lookup(&normalize(unit)).map(|k| k.class)
}

/// Whether two units are the same unit (no conversion needed): `%`, `(%)`, `百分比` and
/// `%(百分比)` are; `公里` and `千米` are; `人` and `人次` are not. Unknown units are the
/// same when their text is (after width folding and removing parentheses).
///
/// ```
/// use jixiao::value::unit::same;
/// assert!(same("%", "百分比"));
/// assert!(same("(%)", "%(百分比)"));
/// assert!(same("公里", "千米"));
/// assert!(!same("元", "万元"));
/// assert!(!same("人", "人次"));
/// ```
pub fn same(a: &str, b: &str) -> bool {
    relation(a, b) == Relation::Same
}

/// How two units relate, with each looked up once: what [`same`], [`convert`] and
/// [`align`] all start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    /// The same unit ([`same`]).
    Same,
    /// Units of one base: one `from` is `factors.0` base units, one `to` is `factors.1`.
    Convertible(Decimal, Decimal),
    /// Units that do not convert.
    Unrelated,
}

/// The [`Relation`] of unit `from` to unit `to`.
pub(crate) fn relation(from: &str, to: &str) -> Relation {
    let (nf, nt) = (normalize(from), normalize(to));
    if nf == nt {
        return Relation::Same;
    }
    let (Some(f), Some(t)) = (lookup(&nf), lookup(&nt)) else {
        return Relation::Unrelated;
    };
    if f.base == t.base && f.per == t.per && f.factor == t.factor {
        return Relation::Same;
    }
    let scale_only = |k: &Known<'_>| k.base.is_empty() && k.per.is_none();
    let compatible = (f.base == t.base && f.per == t.per)
        || (scale_only(&f) && t.class != UnitClass::Percent)
        || (scale_only(&t) && f.class != UnitClass::Percent);
    if compatible {
        Relation::Convertible(f.factor, t.factor)
    } else {
        Relation::Unrelated
    }
}

/// Converts a value from one unit to another, exactly: only between units of one base
/// (元↔万元↔亿元, 米↔厘米↔公里/千米, 平方米↔公顷↔平方公里, 秒↔分钟↔小时↔天, 月↔季度↔年,
/// 千克↔吨, …; a percent only to a percent). A pure magnitude (`万`) converts into any
/// unit but a percent. `None` when the units do not share a base, or when the result is
/// not exactly representable (1 分钟 in 小时); compare such values with [`align`].
///
/// ```
/// use rust_decimal::Decimal;
/// use jixiao::value::unit::convert;
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(convert(d("90"), "万元", "元"), Some(d("900000")));
/// assert_eq!(convert(d("250000"), "元", "万元"), Some(d("25")));
/// assert_eq!(convert(d("1.5"), "公里", "米"), Some(d("1500")));
/// assert_eq!(convert(d("250"), "万", "元"), Some(d("2500000")));
/// assert_eq!(convert(d("90"), "%", "百分比"), Some(d("90")));
/// assert_eq!(convert(d("1"), "分钟", "小时"), None);
/// assert_eq!(convert(d("1"), "元", "%"), None);
/// assert_eq!(convert(d("1"), "人", "人次"), None);
/// ```
pub fn convert(value: Decimal, from: &str, to: &str) -> Option<Decimal> {
    convert_by(value, factors(from, to)?)
}

/// [`convert`] with the units' factors into their common base (`(from, to)`).
pub(crate) fn convert_by(value: Decimal, (f, t): (Decimal, Decimal)) -> Option<Decimal> {
    let base = value.checked_mul(f)?;
    let out = base.checked_div(t)?;
    (out.checked_mul(t)? == base).then_some(out)
}

/// A value in its unit's base unit (`2万元` → `20000`, `元`); exact. A unit that is not
/// known is its own base (factor 1).
///
/// ```
/// use rust_decimal::Decimal;
/// let (v, base) = jixiao::value::unit::to_base(Decimal::from(2), "万元").unwrap();
/// assert_eq!((v, base.as_str()), (Decimal::from(20000), "元"));
/// ```
pub fn to_base(value: Decimal, unit: &str) -> Option<(Decimal, String)> {
    let norm = normalize(unit);
    match lookup(&norm) {
        Some(k) => Some((
            value.checked_mul(k.factor)?,
            match k.per {
                Some(per) => format!("{}/{}", k.base, per),
                None => k.base.to_owned(),
            },
        )),
        None => Some((value, norm.into_owned())),
    }
}

/// Two values brought into one unit, exactly: the finer of their two units (so that no
/// division is needed: `1小时` against `90分钟` → `(60, 90)`). A side whose unit is empty
/// is read in the other side's unit (`50` against `≥50个`). `None` when the units do not
/// share a base.
///
/// ```
/// use rust_decimal::Decimal;
/// use jixiao::value::unit::align;
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(align(d("1"), "小时", d("100"), "分钟"), Some((d("60"), d("100"))));
/// assert_eq!(align(d("50"), "", d("50"), "个"), Some((d("50"), d("50"))));
/// assert_eq!(align(d("1.2"), "万元", d("9000"), "元"), Some((d("12000"), d("9000"))));
/// assert_eq!(align(d("1"), "人", d("1"), "台"), None);
/// ```
pub fn align(a: Decimal, a_unit: &str, b: Decimal, b_unit: &str) -> Option<(Decimal, Decimal)> {
    if a_unit.trim().is_empty() || b_unit.trim().is_empty() || same(a_unit, b_unit) {
        return Some((a, b));
    }
    align_by(a, b, factors(a_unit, b_unit)?)
}

/// [`align`] of two values in units of one base, with their factors into it
/// (`(a's, b's)`).
pub(crate) fn align_by(
    a: Decimal,
    b: Decimal,
    (fa, fb): (Decimal, Decimal),
) -> Option<(Decimal, Decimal)> {
    // Express both in the finer unit: multiply the coarser side by the ratio when it is
    // exact, else fall back to the base unit.
    if fa >= fb {
        if let Some(r) = exact_div(fa, fb) {
            return Some((a.checked_mul(r)?, b));
        }
    } else if let Some(r) = exact_div(fb, fa) {
        return Some((a, b.checked_mul(r)?));
    }
    Some((a.checked_mul(fa)?, b.checked_mul(fb)?))
}

fn exact_div(x: Decimal, y: Decimal) -> Option<Decimal> {
    let q = x.checked_div(y)?;
    (q.checked_mul(y)? == x).then_some(q)
}

/// The factors of two units into their common base, when they have one.
fn factors(from: &str, to: &str) -> Option<(Decimal, Decimal)> {
    match relation(from, to) {
        Relation::Same => Some((Decimal::ONE, Decimal::ONE)),
        Relation::Convertible(f, t) => Some((f, t)),
        Relation::Unrelated => None,
    }
}

/// Folds full-width forms, trims, removes enclosing parentheses (`(%)` → `%`).
/// Allocates only when the text has full-width characters.
pub(crate) fn normalize(unit: &str) -> Cow<'_, str> {
    let folded: Cow<'_, str> = if unit.chars().any(|c| fold_char(c) != c) {
        Cow::Owned(unit.chars().map(fold_char).collect())
    } else {
        Cow::Borrowed(unit)
    };
    match folded {
        Cow::Borrowed(s) => Cow::Borrowed(strip_parens(s)),
        Cow::Owned(s) => Cow::Owned(strip_parens(&s).to_owned()),
    }
}

/// `str::trim` with a fast path for text that starts and ends with a visible ASCII
/// character or a CJK character.
pub(crate) fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

/// `str::trim_start`, fast when nothing is to be trimmed.
pub(crate) fn trim_start(s: &str) -> &str {
    match s.as_bytes() {
        [b, ..] if b.is_ascii_graphic() => s,
        [] => s,
        [lead, second, ..] if !may_be_space(*lead, *second) => s,
        _ => s.trim_start(),
    }
}

/// `str::trim_end`, fast when nothing is to be trimmed.
pub(crate) fn trim_end(s: &str) -> &str {
    match s.as_bytes() {
        [.., b] if b.is_ascii_graphic() => s,
        [] => s,
        // A three-byte character at the end (CJK, `≥`, `%`…).
        [.., lead, second, _] if *lead >= 0xE0 && !may_be_space(*lead, *second) => s,
        _ => s.trim_end(),
    }
}

/// Whether a multi-byte character starting with these two bytes may be Unicode white
/// space (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
fn may_be_space(lead: u8, second: u8) -> bool {
    lead < 0x80
        || lead == 0xC2
        || lead == 0xE1
        || (lead == 0xE2 && second <= 0x81)
        || (lead == 0xE3 && second == 0x80)
}

/// Trims and removes parentheses that enclose the whole text, repeatedly.
pub(crate) fn strip_parens(mut s: &str) -> &str {
    loop {
        s = trim(s);
        match s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            Some(inner) if !inner.contains(['(', ')']) => s = inner,
            _ => return s,
        }
    }
}

/// The unit lookup: the table, then a same-meaning gloss (`%(百分比)`), a compound
/// (`万元/人`), a magnitude prefix (`万人次`), a classifier with its noun (`个村`).
pub(crate) fn lookup(u: &str) -> Option<Known<'_>> {
    if u.is_empty() || u.len() > MAX_UNIT_BYTES {
        return None;
    }
    if let Some((class, base, factor)) = table(u) {
        return Some(Known {
            class,
            base,
            per: None,
            factor,
        });
    }
    if let Some(k) = gloss(u) {
        return Some(k);
    }
    if let Some((num, den)) = u.split_once('/') {
        return compound(num, den);
    }
    if let Some(k) = magnitude(u) {
        return Some(k);
    }
    classifier_noun(u)
}

/// `%(百分比)`: a unit followed by a parenthesized unit of the same meaning.
fn gloss(u: &str) -> Option<Known<'_>> {
    let inner = u.strip_suffix(')')?;
    let (x, y) = inner.split_once('(')?;
    if x.is_empty() || y.contains(['(', ')']) {
        return None;
    }
    let (kx, ky) = (lookup(x.trim())?, lookup(y.trim())?);
    (kx.base == ky.base && kx.per == ky.per && kx.factor == ky.factor).then_some(kx)
}

/// `次/月`, `万元/人`, `人/次`, `元/平方米`.
fn compound<'a>(num: &'a str, den: &'a str) -> Option<Known<'a>> {
    let (num, den) = (num.trim(), den.trim());
    if num.is_empty() || den.is_empty() || den.contains('/') || num.contains('/') {
        return None;
    }
    if !(table(den).is_some() || word_like(den)) {
        return None;
    }
    let (base, factor) = match lookup(num) {
        Some(k) if k.per.is_none() && !k.base.is_empty() => (k.base, k.factor),
        Some(_) => return None,
        None if word_like(num) => (num, Decimal::ONE),
        None => return None,
    };
    Some(Known {
        class: UnitClass::Other,
        base,
        per: Some(den),
        factor,
    })
}

/// Magnitude prefixes (`万`, `亿`, …) alone or before a known unit.
fn magnitude(u: &str) -> Option<Known<'_>> {
    const PREFIXES: [(&str, i64); 7] = [
        ("十万", 100_000),
        ("百万", 1_000_000),
        ("千万", 10_000_000),
        ("万", 10_000),
        ("亿", 100_000_000),
        ("千", 1_000),
        ("百", 100),
    ];
    for (prefix, mult) in PREFIXES {
        let Some(rest) = u.strip_prefix(prefix) else {
            continue;
        };
        let mult = Decimal::from(mult);
        if rest.is_empty() {
            return Some(Known {
                class: UnitClass::Other,
                base: "",
                per: None,
                factor: mult,
            });
        }
        let (class, base, factor) = table(rest)?;
        if class == UnitClass::Percent {
            return None;
        }
        return Some(Known {
            class,
            base,
            per: None,
            factor: factor.checked_mul(mult)?,
        });
    }
    None
}

/// A classifier followed by its noun (`个村`, `家企业`, `所学校`, `名学员`): a count whose
/// base is the whole unit.
fn classifier_noun(u: &str) -> Option<Known<'_>> {
    let mut chars = u.chars();
    let first = chars.next()?;
    let noun = chars.as_str();
    let is_classifier = matches!(
        first,
        '个' | '名'
            | '家'
            | '所'
            | '座'
            | '台'
            | '套'
            | '辆'
            | '件'
            | '项'
            | '户'
            | '条'
            | '张'
            | '本'
            | '处'
            | '间'
            | '栋'
            | '只'
            | '头'
            | '株'
            | '棵'
            | '批'
            | '场'
            | '篇'
            | '部'
            | '支'
            | '位'
            | '组'
            | '队'
            | '宗'
            | '块'
            | '种'
            | '类'
            | '款'
            | '册'
            | '期'
            | '轮'
            | '门'
            | '节'
            | '份'
    );
    let n = noun.chars().count();
    (is_classifier && (1..=5).contains(&n) && noun.chars().all(is_cjk) && word_like(noun))
        .then_some(Known {
            class: UnitClass::Count,
            base: u,
            per: None,
            factor: Decimal::ONE,
        })
}

/// A CJK ideograph.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Whether a text not in the table can still be a unit as written (`株`, `M`, `Mbps`,
/// `个大棚`, `人*月`): 1 to 8 letters (CJK or Latin, with `/ · ² ³ ° ℃`, and the product
/// signs `* × ·` between letters), no digits, and none of the words that show the text is a
/// phrase (`前`, `底`, `完成`, `以上`, `提高`, …).
pub(crate) fn word_like(u: &str) -> bool {
    let mut n = 0;
    for c in u.chars() {
        n += 1;
        if n > 8 {
            return false;
        }
        let ok = is_cjk(c)
            || c.is_ascii_alphabetic()
            || matches!(c, '/' | '·' | '²' | '³' | '°' | '℃' | '*' | '×');
        if !ok {
            return false;
        }
    }
    let joiner = |c: char| matches!(c, '/' | '*' | '×' | '·');
    n > 0 && !u.starts_with(joiner) && !u.ends_with(joiner) && !has_stopword(u)
}

/// Characters and words that do not occur in units but do in phrases.
fn has_stopword(u: &str) -> bool {
    const CHARS: &[char] = &[
        '的', '前', '内', '底', '末', '后', '不', '未', '无', '率', '每', '至', '达', '到', '以',
        '及', '或', '已', '是', '否', '约', '于', '被', '将', '需', '应', '须', '得', '很', '较',
        '更', '最', '均', '好', '差', '高', '低',
    ];
    const WORDS: &[&str] = &[
        "完成", "满意", "合格", "符合", "规范", "促进", "提高", "提升", "降低", "下降", "减少",
        "增加", "增长", "及时", "按时", "按期", "改善", "明显", "显著", "有效", "正常", "运行",
        "要求", "标准", "验收", "左右", "效果", "作用", "水平", "情况", "发放", "保障", "落实",
    ];
    u.contains(CHARS) || WORDS.iter().any(|w| u.contains(w))
}

/// The table of known units: the names written, class, base, factor into the base
/// (mantissa, scale).
type Row = (&'static [&'static str], UnitClass, &'static str, i64, u32);

#[rustfmt::skip]
const UNIT_TABLE: &[Row] = {
    use UnitClass::*;
    &[
        // Percent (base %).
        (&["%", "百分比", "百分率"], Percent, "%", 1, 0),
        (&["‰", "千分比", "千分率"], Percent, "%", 1, 1),
        // Areas (base 平方米; 亩 is its own: 1 亩 = 2000/3 平方米 is not exact).
        (&["平方米", "平米", "㎡", "m²", "m2", "M2", "M²"], Area, "平方米", 1, 0),
        (&["公顷", "hm²", "hm2"], Area, "平方米", 10_000, 0),
        (&["亩"], Area, "亩", 1, 0),
        // Lengths (base 米).
        (&["米", "m", "延米"], Length, "米", 1, 0),
        (&["厘米", "cm"], Length, "米", 1, 2),
        (&["毫米", "mm"], Length, "米", 1, 3),
        (&["公里", "千米", "km", "KM", "Km", "㎞"], Length, "米", 1_000, 0),
        // Money (base 元).
        (&["元"], Money, "元", 1, 0),
        (&["千元"], Money, "元", 1_000, 0),
        (&["万元"], Money, "元", 10_000, 0),
        (&["十万元"], Money, "元", 100_000, 0),
        (&["百万元"], Money, "元", 1_000_000, 0),
        (&["千万元"], Money, "元", 10_000_000, 0),
        (&["亿元"], Money, "元", 100_000_000, 0),
        // Durations (bases 秒, 月, 工作日).
        (&["秒", "秒钟", "s"], Time, "秒", 1, 0),
        (&["分钟", "min"], Time, "秒", 60, 0),
        (&["小时", "个小时", "h"], Time, "秒", 3_600, 0),
        (&["天", "日", "自然日"], Time, "秒", 86_400, 0),
        (&["周", "星期", "个星期"], Time, "秒", 604_800, 0),
        (&["月", "个月"], Time, "月", 1, 0),
        (&["季度", "个季度"], Time, "月", 3, 0),
        (&["半年"], Time, "月", 6, 0),
        (&["年"], Time, "月", 12, 0),
        (&["工作日", "个工作日"], Time, "工作日", 1, 0),
        // Other units with a base.
        (&["千克", "公斤", "kg"], Other, "千克", 1, 0),
        (&["克", "g"], Other, "千克", 1, 3),
        (&["斤"], Other, "千克", 5, 1),
        (&["吨", "t"], Other, "千克", 1_000, 0),
        (&["立方米", "方", "m³", "m3"], Other, "立方米", 1, 0),
        (&["升", "L"], Other, "立方米", 1, 3),
        (&["毫升", "ml", "mL"], Other, "立方米", 1, 6),
        (&["瓦", "W"], Other, "瓦", 1, 0),
        (&["千瓦", "kW", "KW"], Other, "瓦", 1_000, 0),
        (&["千瓦时", "度", "kWh", "kW·h"], Other, "千瓦时", 1, 0),
        (&["M"], Other, "M", 1, 0),
        (&["G"], Other, "G", 1, 0),
        (&["T"], Other, "T", 1, 0),
        (&["MB"], Other, "MB", 1, 0),
        (&["GB"], Other, "GB", 1, 0),
        (&["TB"], Other, "TB", 1, 0),
        (&["Mbps", "Mb/s", "M/s"], Other, "Mbps", 1, 0),
        (&["兆"], Other, "M", 1, 0),
        (&["℃", "°C"], Other, "℃", 1, 0),
        (&["分"], Other, "分", 1, 0),
        (&["百分点", "个百分点"], Other, "百分点", 1, 0),
        (&["倍"], Other, "倍", 1, 0),
        (&["级"], Other, "级", 1, 0),
    ]
};

/// Counting units (量词); each is its own base.
#[rustfmt::skip]
const COUNTS: &[&str] = &[
    "人", "人次", "台", "套", "个", "辆", "次", "件", "份", "家", "项", "场", "户", "篇", "本", "册", "株", "棵",
    "只", "头", "条", "张", "部", "所", "座", "处", "批", "期", "轮", "门", "节", "课时", "学时", "间", "栋", "幢",
    "箱", "支", "名", "位", "组", "队", "起", "宗", "例", "块", "盏", "根", "卷", "盒", "袋", "瓶", "床", "笔",
    "首", "集", "款", "种", "类", "个次", "批次", "架次", "车次", "班次", "户次", "台次", "台套", "辆次", "场次", "期次",
    "篇次", "项次", "家次", "册次",
];

/// A unit name of up to 16 bytes packed into an integer: the table's key.
fn key(name: &str) -> Option<u128> {
    let b = name.as_bytes();
    if b.len() > 16 {
        return None;
    }
    Some(
        b.iter()
            .enumerate()
            .fold(0u128, |k, (i, &byte)| k | u128::from(byte) << (8 * i)),
    )
}

/// A multiplicative hash of a packed key (the table is fixed and small).
#[derive(Default)]
struct KeyHash(u64);

impl Hasher for KeyHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u128(&mut self, k: u128) {
        // The high half holds bytes 9..16 of a name (usually zero): fold it in.
        let (lo, hi) = (k as u64, (k >> 64) as u64);
        self.0 = (lo ^ hi.rotate_left(29))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(26);
    }
}

type Entry = (UnitClass, &'static str, Decimal);
type UnitMap = HashMap<u128, Entry, BuildHasherDefault<KeyHash>>;

fn unit_map() -> &'static UnitMap {
    static MAP: OnceLock<UnitMap> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = UnitMap::with_capacity_and_hasher(320, BuildHasherDefault::default());
        let rows = COUNTS
            .iter()
            .map(|&name| (name, (UnitClass::Count, name, Decimal::ONE)))
            .chain(
                UNIT_TABLE
                    .iter()
                    .flat_map(|&(names, class, base, m, scale)| {
                        names
                            .iter()
                            .map(move |&name| (name, (class, base, Decimal::new(m, scale))))
                    }),
            );
        for (name, entry) in rows {
            if let Some(k) = key(name) {
                map.insert(k, entry);
            }
        }
        map
    })
}

/// The class of a unit of the table (no gloss, compound or prefix).
pub(crate) fn table_class(u: &str) -> Option<UnitClass> {
    table(u).map(|(class, _, _)| class)
}

/// A unit of the table.
fn table(u: &str) -> Option<Entry> {
    if u == "%" {
        // By far the most frequent unit.
        return Some((UnitClass::Percent, "%", Decimal::ONE));
    }
    unit_map().get(&key(u)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn classes() {
        for (u, c) in [
            ("%", UnitClass::Percent),
            ("百分比", UnitClass::Percent),
            ("（％）", UnitClass::Percent),
            ("%(百分比)", UnitClass::Percent),
            ("人", UnitClass::Count),
            ("人次", UnitClass::Count),
            ("万人次", UnitClass::Count),
            ("个村", UnitClass::Count),
            ("平方米", UnitClass::Area),
            ("㎡", UnitClass::Area),
            ("公顷", UnitClass::Area),
            ("米", UnitClass::Length),
            ("公里", UnitClass::Length),
            ("万元", UnitClass::Money),
            ("亿元", UnitClass::Money),
            ("天", UnitClass::Time),
            ("个月", UnitClass::Time),
            ("工作日", UnitClass::Time),
            ("次/月", UnitClass::Other),
            ("万元/人", UnitClass::Other),
            ("人/次", UnitClass::Other),
            ("M", UnitClass::Other),
            ("万", UnitClass::Other),
        ] {
            assert_eq!(classify(u).map(|i| i.class), Some(c), "{u}");
        }
        for u in [
            "",
            "底前",
            "月底前",
            "完成",
            "个工作日内",
            "12",
            "%完成",
            "(",
            "/",
            "a/",
        ] {
            assert_eq!(classify(u), None, "{u}");
        }
    }

    #[test]
    fn every_table_name_is_a_key() {
        let names = COUNTS
            .iter()
            .chain(UNIT_TABLE.iter().flat_map(|row| row.0.iter()));
        for name in names {
            assert!(key(name).is_some() && table(name).is_some(), "{name}");
        }
    }

    #[test]
    fn fast_trims_agree_with_str_trim() {
        let parts = [
            "", " ", "\u{3000}", "\u{00A0}", "\u{2003}", "\u{200B}", "\u{205F}", "≥", "人", "a",
            "\t", "𠀀", "é",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let s = format!("{a}{b}x{b}{c}");
                    assert_eq!(trim(&s), s.trim(), "{s:?}");
                    let s = format!("{a}{c}");
                    assert_eq!(trim(&s), s.trim(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn compound_bases() {
        let i = classify("万元/人").unwrap_or_else(|| panic!("万元/人"));
        assert_eq!((i.base.as_str(), i.factor), ("元/人", d("10000")));
        assert_eq!(convert(d("1"), "万元/人", "元/人"), Some(d("10000")));
        assert_eq!(convert(d("1"), "次/月", "次/年"), None);
    }

    #[test]
    fn conversions() {
        assert_eq!(convert(d("150"), "厘米", "米"), Some(d("1.50")));
        assert_eq!(convert(d("2"), "公顷", "平方米"), Some(d("20000")));
        assert_eq!(convert(d("1"), "年", "个月"), Some(d("12")));
        assert_eq!(convert(d("90"), "分钟", "小时"), Some(d("1.5")));
        assert_eq!(convert(d("1"), "亩", "平方米"), None);
        assert_eq!(convert(d("5"), "万", "%"), None);
        assert_eq!(convert(d("5"), "‰", "%"), Some(d("0.5")));
        assert_eq!(convert(d("1"), "天", "工作日"), None);
        assert_eq!(convert(d("3"), "株", "株"), Some(d("3")));
    }
}
