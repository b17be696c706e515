//! The 指标值 grammar (`domain.md` §3): a target value is **quantitative** (定量:
//! comparator + number + unit) or **qualitative** (定性: text with a class). The original
//! text is always kept verbatim beside the parsed form, and [`Target::render`] gives the
//! canonical form back, so that `parse(render(t))` equals `t` in every typed field.
//!
//! - [`parse_target`] (指标值), [`parse_actual`] (实际完成值), [`parse_number`]: the grammar
//!   (comparators in symbols, ASCII, full-width and words; numbers with their written scale;
//!   units in parentheses or trailing; OCR LaTeX; placeholders).
//! - [`unit`](mod@unit): classification and exact conversion of units. A magnitude written without a
//!   unit (`250万`) keeps `万` as its unit: a pure scale (×10000, empty base) that converts
//!   into any unit but a percent.
//! - [`qualitative`]: the classes of 定性 targets.
//! - [`deadline`]/[`deadline_in`]: the date a deadline target (`2023年12月底前`) names.

mod deadline;
mod grammar;
mod normalize;
pub(crate) mod number;
mod one_pass;
pub mod qualitative;
pub mod unit;

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use deadline::{deadline, deadline_in};
pub(crate) use grammar::actual_quantity;
pub use grammar::{leading_comparator, parse_actual, parse_target, Actual};
pub use number::parse_number;
pub(crate) use one_pass::one_pass_targets;
pub use qualitative::QualitativeClass;
pub use unit::{UnitClass, UnitInfo};

/// How a quantitative target compares the actual value against the target value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparator {
    /// `≥`, `不低于`, `…以上`: more is better, reaching T is enough.
    #[serde(rename = ">=")]
    AtLeast,
    /// `>`, `高于`, `超过`.
    #[serde(rename = ">")]
    Above,
    /// `=`, or a bare number.
    #[serde(rename = "=")]
    Equal,
    /// `<`, `低于`.
    #[serde(rename = "<")]
    Below,
    /// `≤`, `不超过`, `…以内`.
    #[serde(rename = "<=")]
    AtMost,
}

impl Comparator {
    /// The ASCII symbol used in the canonical JSON (`>=`, `>`, `=`, `<`, `<=`).
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::AtLeast => ">=",
            Comparator::Above => ">",
            Comparator::Equal => "=",
            Comparator::Below => "<",
            Comparator::AtMost => "<=",
        }
    }

    /// The symbol forms print (`≥`, `>`, `=`, `<`, `≤`).
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::Above => ">",
            Comparator::Equal => "=",
            Comparator::Below => "<",
            Comparator::AtMost => "≤",
        }
    }

    /// The direction of the comparator: 正向, 反向, or exact.
    pub fn direction(self) -> TargetDirection {
        match self {
            Comparator::AtLeast | Comparator::Above => TargetDirection::Increase,
            Comparator::Equal => TargetDirection::Exact,
            Comparator::Below | Comparator::AtMost => TargetDirection::Decrease,
        }
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The direction a comparator implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetDirection {
    /// 正向: more is better.
    Increase,
    /// Exactly the value.
    Exact,
    /// 反向: less is better.
    Decrease,
}

/// What kind of target a 指标值 is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// 定量: comparator + number + unit.
    Quantitative,
    /// 定性: text.
    Qualitative,
    /// Neither: empty, a placeholder left from a template (`**`, `XX`), or unparseable.
    /// The text is kept; [`Target::problem`] says what is wrong.
    Invalid,
}

/// Why a target is [`TargetKind::Invalid`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueProblem {
    /// Nothing was written.
    Empty,
    /// A template placeholder (`**`, `XX`, `*`, `_`, `-`, `≥**%`) was left unfilled.
    Placeholder,
    /// A comparator or number is there but the whole does not parse (`≥abc%`, `≥`).
    Unparseable,
}

/// 指标值: a target value, parsed, with its original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    /// The text as written, verbatim.
    pub text: String,
    /// Quantitative, qualitative, or invalid.
    pub kind: TargetKind,
    /// The comparator, for a quantitative target.
    pub comparator: Option<Comparator>,
    /// The number as written (scale kept: `17.00` stays `17.00`), for a quantitative target.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub value: Option<Decimal>,
    /// The unit as written without its parentheses (`人`, `%`, `平方米`, `万元`), if any.
    pub unit: Option<String>,
    /// The class of the unit, when it is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_class: Option<UnitClass>,
    /// The class of a qualitative target (improve, reduce, comply, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<QualitativeClass>,
    /// Why an invalid target is invalid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<ValueProblem>,
}

impl Target {
    /// Parses a 指标值; never fails: what cannot be parsed becomes [`TargetKind::Invalid`]
    /// with its text kept. Same as [`parse_target`].
    ///
    /// ```
    /// use jixiao::value::{Comparator, Target, TargetKind};
    /// let t = Target::parse("≥17.00(人)");
    /// assert_eq!(t.kind, TargetKind::Quantitative);
    /// assert_eq!(t.comparator, Some(Comparator::AtLeast));
    /// assert_eq!(t.value.unwrap().to_string(), "17.00");
    /// assert_eq!(t.unit.as_deref(), Some("人"));
    /// assert_eq!(t.text, "≥17.00(人)");
    /// ```
    pub fn parse(text: &str) -> Target {
        parse_target(text)
    }

    /// Whether this is a quantitative target.
    pub fn is_quantitative(&self) -> bool {
        self.kind == TargetKind::Quantitative
    }

    /// The canonical text: `≥17.00人`, `=100.00%`, or the qualitative text (trimmed).
    /// Parsing it gives the same target in every field but [`Target::text`].
    ///
    /// ```
    /// use jixiao::value::Target;
    /// for (text, canonical) in [("≥17.00(人)", "≥17.00人"), ("$\\geq 90.00\\%$", "≥90.00%"),
    ///                           ("不少于5,000人次", "≥5000人次"), ("3天以内", "≤3天"), ("100%", "=100%"),
    ///                           (" 提高 ", "提高")] {
    ///     let t = Target::parse(text);
    ///     assert_eq!(t.render(), canonical);
    ///     let again = Target::parse(&t.render());
    ///     assert_eq!((again.kind, again.comparator, again.value, again.unit), (t.kind, t.comparator, t.value, t.unit));
    /// }
    /// ```
    pub fn render(&self) -> String {
        match self.kind {
            TargetKind::Quantitative => {
                let mut out = String::new();
                if let Some(c) = self.comparator {
                    out.push_str(c.symbol());
                }
                if let Some(v) = self.value {
                    out.push_str(&v.to_string());
                }
                if let Some(u) = &self.unit {
                    out.push_str(u);
                }
                out
            }
            TargetKind::Qualitative | TargetKind::Invalid => self.text.trim().to_owned(),
        }
    }

    /// The date a deadline target names (`2023年12月底前` → 2023-12-31), with `year` for
    /// texts without one (`12月底前`). See [`deadline_in`].
    ///
    /// ```
    /// let t = jixiao::value::Target::parse("12月底前");
    /// assert_eq!(t.deadline(Some(2024)).map(|d| d.to_string()).as_deref(), Some("2024-12-31"));
    /// ```
    pub fn deadline(&self, year: Option<i32>) -> Option<chrono::NaiveDate> {
        deadline_in(&self.text, year)
    }

    /// The unit's classification, looked up from [`Target::unit`].
    pub fn unit_info(&self) -> Option<UnitInfo> {
        self.unit.as_deref().and_then(unit::classify)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The JSON form of a target as read: every key is optional (`null` the same as absent,
/// a missing `text` is empty), and a target given only as `{"text": …}` (or as a plain
/// string) is parsed from its text.
#[derive(Deserialize)]
#[serde(untagged)]
enum TargetJson {
    Text(String),
    Full {
        #[serde(default, deserialize_with = "crate::model::null_as_default")]
        text: String,
        kind: Option<TargetKind>,
        #[serde(default)]
        comparator: Option<Comparator>,
        #[serde(default, deserialize_with = "decimal_json")]
        value: Option<Decimal>,
        #[serde(default)]
        unit: Option<String>,
        #[serde(default)]
        unit_class: Option<UnitClass>,
        #[serde(default)]
        class: Option<QualitativeClass>,
        #[serde(default)]
        problem: Option<ValueProblem>,
    },
}

/// A decimal as JSON holds it: a string (`"17.00"`, the canonical form) or an integer.
/// Floats are refused (they are not exact).
#[derive(Deserialize)]
#[serde(untagged)]
enum DecimalJson {
    Text(String),
    Int(i64),
}

fn decimal_json<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    use serde::de::Error;
    match Option::<DecimalJson>::deserialize(d)? {
        None => Ok(None),
        Some(DecimalJson::Int(i)) => Ok(Some(Decimal::from(i))),
        Some(DecimalJson::Text(s)) => parse_number(&s)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("not an exact decimal: {s:?}"))),
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = if one_pass::enabled() {
            one_pass::deserialize(deserializer)?
        } else {
            TargetJson::deserialize(deserializer)?
        };
        Ok(Target::from_json(json))
    }
}

impl Target {
    /// The target a JSON form as read stands for.
    fn from_json(json: TargetJson) -> Target {
        match json {
            TargetJson::Text(text) => parse_target(&text),
            TargetJson::Full {
                text, kind: None, ..
            } => parse_target(&text),
            TargetJson::Full {
                text,
                kind: Some(kind),
                comparator,
                value,
                unit,
                unit_class,
                class,
                problem,
            } => {
                // Hand-written JSON may leave out what follows from the text: fill it in.
                let unit_class = match (kind, unit_class) {
                    (TargetKind::Quantitative, None) => {
                        unit.as_deref().and_then(unit::class_of_written)
                    }
                    (_, given) => given,
                };
                let class = match (kind, class) {
                    (TargetKind::Qualitative, None) => {
                        Some(parse_target(&text).class.unwrap_or(QualitativeClass::Other))
                    }
                    (_, given) => given,
                };
                let problem = match (kind, problem) {
                    (TargetKind::Invalid, None) => parse_target(&text)
                        .problem
                        .or(Some(ValueProblem::Unparseable)),
                    (_, given) => given,
                };
                Target {
                    text,
                    kind,
                    comparator,
                    value,
                    unit,
                    unit_class,
                    class,
                    problem,
                }
            }
        }
    }
}
