//! Targets of the canonical JSON read in one pass.
//!
//! The general reading of a target ([`TargetJson`], an untagged enum) first copies the
//! whole JSON value into serde's buffer, then tries each form on the copy: every string
//! of every target is copied twice, which was most of the time of reading a canonical
//! JSON file. The canonical JSON writes a target in one of two forms only, a string or
//! an object of the known keys, and this reader takes exactly these, in one pass.
//! Anything else (an unknown key, a key twice, a float, a wrong type, an array) is an
//! error here, and the caller reads the document again the general way, which gives the
//! same document or the error at its line and column ([`one_pass_targets`]).
//!
//! What this pass accepts, the general reading accepts too, with the same result: the
//! same `Deserialize` impls read each key's value, and the value is handed to the same
//! [`TargetJson`] conversion.

use std::cell::Cell;
use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, MapAccess, Visitor};
use serde::Deserialize;

use super::{parse_number, Comparator, QualitativeClass, TargetJson, TargetKind};
use super::{UnitClass, ValueProblem};

thread_local! {
    /// Whether targets deserialized on this thread take the one-pass reading.
    static ONE_PASS: Cell<bool> = const { Cell::new(false) };
}

/// Runs `read` with targets read in one pass on this thread (see the module's notes),
/// and the general reading again afterwards, also when `read` panics.
///
/// An error of `read` may come from a target the one-pass reading does not take: the
/// caller reads again the general way for the document or the located error.
pub fn one_pass_targets<T>(read: impl FnOnce() -> T) -> T {
    /// Restores the previous mode when dropped.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            ONE_PASS.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(ONE_PASS.with(|c| c.replace(true)));
    read()
}

/// Whether targets are read in one pass on this thread now.
pub(super) fn enabled() -> bool {
    ONE_PASS.with(Cell::get)
}

/// Reads a target's JSON in one pass: a string, or an object of the known keys.
pub(super) fn deserialize<'de, D: de::Deserializer<'de>>(d: D) -> Result<TargetJson, D::Error> {
    d.deserialize_any(TargetVisitor)
}

/// The keys of a target object.
enum Key {
    Text,
    Kind,
    Comparator,
    Value,
    Unit,
    UnitClass,
    Class,
    Problem,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a target key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(match v {
                    "text" => Key::Text,
                    "kind" => Key::Kind,
                    "comparator" => Key::Comparator,
                    "value" => Key::Value,
                    "unit" => Key::Unit,
                    "unit_class" => Key::UnitClass,
                    "class" => Key::Class,
                    "problem" => Key::Problem,
                    // Ignored by the general reading: left to it.
                    _ => return Err(E::custom("a key the one-pass reading leaves")),
                })
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

/// A decimal as the general reading takes it (`decimal_json`): a string that
/// [`parse_number`] reads, or an integer within `i64`.
struct ExactDecimal(Decimal);

impl<'de> Deserialize<'de> for ExactDecimal {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DecimalVisitor;
        impl Visitor<'_> for DecimalVisitor {
            type Value = ExactDecimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an exact decimal")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ExactDecimal, E> {
                parse_number(v)
                    .map(ExactDecimal)
                    .ok_or_else(|| E::custom("not an exact decimal"))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ExactDecimal, E> {
                Ok(ExactDecimal(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ExactDecimal, E> {
                i64::try_from(v)
                    .map(|v| ExactDecimal(Decimal::from(v)))
                    .map_err(|_| E::custom("beyond i64"))
            }
        }
        d.deserialize_any(DecimalVisitor)
    }
}

/// Reads a target: a string, or an object of the known keys.
struct TargetVisitor;

/// Stores a key's value, refusing the key a second time (as the general reading does).
fn once<T, E: de::Error>(slot: &mut Option<T>, value: T) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::custom("a key twice"));
    }
    *slot = Some(value);
    Ok(())
}

impl<'de> Visitor<'de> for TargetVisitor {
    type Value = TargetJson;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a target: its text, or an object")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<TargetJson, E> {
        Ok(TargetJson::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<TargetJson, E> {
        Ok(TargetJson::Text(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TargetJson, A::Error> {
        let mut text: Option<Option<String>> = None;
        let mut kind: Option<Option<TargetKind>> = None;
        let mut comparator: Option<Option<Comparator>> = None;
        let mut value: Option<Option<ExactDecimal>> = None;
        let mut unit: Option<Option<String>> = None;
        let mut unit_class: Option<Option<UnitClass>> = None;
        let mut class: Option<Option<QualitativeClass>> = None;
        let mut problem: Option<Option<ValueProblem>> = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Text => once(&mut text, map.next_value()?)?,
                Key::Kind => once(&mut kind, map.next_value()?)?,
                Key::Comparator => once(&mut comparator, map.next_value()?)?,
                Key::Value => once(&mut value, map.next_value()?)?,
                Key::Unit => once(&mut unit, map.next_value()?)?,
                Key::UnitClass => once(&mut unit_class, map.next_value()?)?,
                Key::Class => once(&mut class, map.next_value()?)?,
                Key::Problem => once(&mut problem, map.next_value()?)?,
            }
        }
        Ok(TargetJson::Full {
            text: text.flatten().unwrap_or_default(),
            kind: kind.flatten(),
            comparator: comparator.flatten(),
            value: value.flatten().map(|d| d.0),
            unit: unit.flatten(),
            unit_class: unit_class.flatten(),
            class: class.flatten(),
            problem: problem.flatten(),
        })
    }
}
