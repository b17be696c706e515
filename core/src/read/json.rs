//! The canonical JSON (`jixiao/1`) as an input.

use crate::error::ReadError;
use crate::model::{Document, SCHEMA};

use super::ReadOptions;

/// Reads the canonical JSON. The `schema` key must be `jixiao/1` when present.
///
/// Money, values and weights are strings in the canonical JSON. A JSON number is accepted
/// where one is expected only when it reads exactly: the JSON parser goes through `f64`,
/// so a number that `f64` cannot hold (`12345678901234567.89`, 17 significant digits) is
/// refused (`bad_json`, at its line and column) instead of silently rounded.
/// Nesting is bounded by serde_json's recursion limit ([`crate::limits::MAX_JSON_DEPTH`]).
pub fn read_json(text: &str, options: &ReadOptions) -> Result<Document, ReadError> {
    // One pass over the bytes finds whether any number needs the located check.
    if any_inexact_number(text) {
        check_numbers(text, options)?;
    }
    // Targets read in one pass (`value::one_pass_targets`); anything that pass does not
    // take is read again the general way, which gives the same document or the error at
    // its line and column.
    if let Ok(document) = crate::value::one_pass_targets(|| serde_json::from_str::<Document>(text))
    {
        if document.schema == SCHEMA {
            return Ok(document);
        }
    }
    let document: Document = serde_json::from_str(text).map_err(|e| ReadError::Json {
        at: options
            .location()
            .line(u32::try_from(e.line()).unwrap_or(u32::MAX))
            .column(u32::try_from(e.column()).unwrap_or(u32::MAX)),
        message: e.to_string(),
    })?;
    if document.schema != SCHEMA {
        return Err(ReadError::Json {
            at: options.location().line(1),
            message: format!("schema is `{}`, expected `{SCHEMA}`", document.schema),
        });
    }
    Ok(document)
}

/// Whether [`check_numbers`] would refuse a number of `text`: the same scan, with strings
/// skipped by `memchr`, the structure between them looked at only when it holds a digit
/// or a minus sign, and no line or column kept (they are found by [`check_numbers`] when
/// there is an error to place).
fn any_inexact_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        let rest = bytes.get(i..).unwrap_or_default();
        let quote = memchr::memchr(b'"', rest).map_or(bytes.len(), |at| i + at);
        let gap = bytes.get(i..quote).unwrap_or_default();
        // Without an early exit, so that it runs on whole vectors.
        let may_hold_number = gap
            .iter()
            .fold(false, |any, b| any | matches!(b, b'-' | b'0'..=b'9'));
        if may_hold_number && any_inexact_between(text, i, quote) {
            return true;
        }
        if quote >= bytes.len() {
            return false;
        }
        // To the closing quote; a backslash takes the byte after it along.
        i = quote + 1;
        loop {
            let rest = bytes.get(i..).unwrap_or_default();
            let Some(at) = memchr::memchr2(b'"', b'\\', rest) else {
                return false;
            };
            let j = i + at;
            if bytes.get(j) == Some(&b'\\') {
                i = j + 2;
            } else {
                i = j + 1;
                break;
            }
        }
    }
}

/// Whether a number literal between `from` and `to` (outside strings, no quote between
/// them) is refused by [`exact_in_f64`].
fn any_inexact_between(text: &str, from: usize, to: usize) -> bool {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < to {
        if bytes
            .get(i)
            .is_some_and(|b| matches!(b, b'-' | b'0'..=b'9'))
        {
            let start = i;
            while bytes
                .get(i)
                .is_some_and(|c| matches!(c, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
            {
                i += 1;
            }
            if !exact_in_f64(text.get(start..i).unwrap_or("")) {
                return true;
            }
        } else {
            i += 1;
        }
    }
    false
}

/// Refuses a number literal that `f64` cannot hold exactly (see [`read_json`]). Integers
/// that fit `i64`/`u64` are exact (the parser keeps them as integers).
fn check_numbers(text: &str, options: &ReadOptions) -> Result<(), ReadError> {
    let bytes = text.as_bytes();
    let (mut line, mut line_start) = (1u32, 0usize);
    let mut in_string = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                b'\n' => {
                    line = line.saturating_add(1);
                    line_start = i + 1;
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'\n' => {
                line = line.saturating_add(1);
                line_start = i + 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|c| matches!(c, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                {
                    i += 1;
                }
                let number = text.get(start..i).unwrap_or("");
                if !exact_in_f64(number) {
                    let column = text.get(line_start..start).map_or(0, |s| s.chars().count()) + 1;
                    return Err(ReadError::Json {
                        at: options
                            .location()
                            .line(line)
                            .column(u32::try_from(column).unwrap_or(u32::MAX)),
                        message: format!(
                            "the number {number} cannot be read exactly (it has more digits than a binary float holds); write money and values as strings: \"{number}\""
                        ),
                    });
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Whether a JSON number literal reads exactly: an integer within `i64`/`u64`, or a
/// number whose nearest `f64`, printed shortest, is the same decimal. Malformed or
/// out-of-range literals are left to the JSON parser, which reports them.
fn exact_in_f64(number: &str) -> bool {
    use rust_decimal::Decimal;
    use std::str::FromStr;
    if !number.contains(['.', 'e', 'E'])
        && (number.parse::<i64>().is_ok() || number.parse::<u64>().is_ok())
    {
        return true;
    }
    let Ok(float) = number.parse::<f64>() else {
        return true;
    };
    if !float.is_finite() {
        return true;
    }
    let written = Decimal::from_str(number).or_else(|_| Decimal::from_scientific(number));
    let read = Decimal::from_str(&format!("{float}"));
    match (written, read) {
        (Ok(w), Ok(r)) => w == r,
        // Beyond Decimal's range either way: the model cannot hold it; the parser or the
        // Decimal deserializer reports it.
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_that_floats_would_round_are_refused() {
        let options = ReadOptions::named("n.json");
        let doc = |annual: &str| {
            format!(
                "{{\"schema\":\"jixiao/1\",\"declarations\":[{{\"project\":{{\"name\":\"x\"}},\n\"funding\":{{\"annual\":{annual}}}}}]}}"
            )
        };
        for exact in [
            "0.1",
            "2650000.00",
            "17",
            "-3",
            "12345678901234567",
            "1e3",
            "\"12345678901234567.89\"",
        ] {
            assert!(read_json(&doc(exact), &options).is_ok(), "{exact}");
        }
        let err = read_json(&doc("12345678901234567.89"), &options).unwrap_err();
        assert_eq!(err.code(), "bad_json");
        assert_eq!(
            (err.location().line, err.location().column),
            (Some(2), Some(21))
        );
        assert!(err.to_string().contains("12345678901234567.89"), "{err}");
        // A number inside a string is text.
        assert!(check_numbers("{\"a\":\"1.00000000000000000001\"}", &options).is_ok());
    }

    /// The quick scan refuses exactly what the located check refuses.
    #[test]
    fn the_quick_number_scan_agrees_with_the_located_check() {
        let options = ReadOptions::named("n.json");
        for text in [
            "",
            "{}",
            "{\"a\":12345678901234567.89}",
            "{\"a\":\"12345678901234567.89\"}",
            "{\"a\":\"x\\\"\",\"b\":12345678901234567.89}",
            "{\"a\":\"x\\\\\",\"b\":12345678901234567.89}",
            "{\"a\":\"\\\"12345678901234567.89\"}",
            "[0.1, -0, 1e5, -1.5E-3, 17, 2650000.00]",
            "[1e400, 1., -, --1, 1e, 9007199254740993]",
            "[18446744073709551616]",
            "[-12345678901234567.89]",
            "{\"a\":\"unterminated 12345678901234567.89",
            "{\"a\":\"\\",
            "{\"键\":\"１２３\",\"b\":[0.30000000000000004, 0.3]}",
            "\"\"12345678901234567.89",
        ] {
            assert_eq!(
                any_inexact_number(text),
                check_numbers(text, &options).is_err(),
                "{text}"
            );
        }
    }

    /// The general reading (targets through the untagged `TargetJson`), as the reader was
    /// before the one-pass targets.
    fn read_generally(text: &str) -> Result<Document, String> {
        serde_json::from_str::<Document>(text).map_err(|e| e.to_string())
    }

    /// A target read in one pass equals the general reading of the same text: for the
    /// canonical JSON of every seed document, and for targets written by hand in every
    /// form the general reading takes (and some it refuses).
    #[test]
    fn one_pass_targets_read_as_the_general_reading() {
        let options = ReadOptions::named("t.json");
        let mut texts = Vec::new();
        for seed in [
            "shanghai-eeb-enforcement-2024.txt",
            "selfeval-putuo-sports-2022.txt",
            "selfeval-eeb-hotline-2024-constructed.txt",
        ] {
            let path = format!("{}/../tests/data/{seed}", env!("CARGO_MANIFEST_DIR"));
            let bytes = std::fs::read(&path).unwrap();
            let document = crate::read::read(&bytes, &ReadOptions::default())
                .unwrap()
                .document;
            texts.push(crate::write::json::to_json(&document));
            texts.push(crate::write::json::to_json_compact(&document));
        }
        for target in [
            "\"≥17(人)\"",
            "\"\"",
            "\"提\\u9ad8\"",
            "null",
            "{}",
            "{\"text\":\"≥90%\"}",
            "{\"text\":null,\"kind\":null}",
            "{\"text\":\"及时\",\"kind\":\"qualitative\"}",
            "{\"text\":\"x\",\"kind\":\"invalid\"}",
            "{\"text\":\"=100%\",\"kind\":\"quantitative\",\"comparator\":\"=\",\"value\":100,\"unit\":\"%\"}",
            "{\"text\":\"=100%\",\"kind\":\"quantitative\",\"value\":-3}",
            "{\"text\":\"=100%\",\"kind\":\"quantitative\",\"value\":\"1e3\"}",
            "{\"text\":\"t\",\"kind\":\"quantitative\",\"value\":9223372036854775808}",
            "{\"text\":\"t\",\"kind\":\"quantitative\",\"value\":1.5}",
            "{\"text\":\"t\",\"kind\":\"quantitative\",\"value\":\"abc\"}",
            "{\"text\":\"t\",\"kind\":\"quantitative\",\"value\":true}",
            "{\"text\":\"t\",\"kind\":\"qualitative\",\"class\":\"on_time\",\"problem\":null}",
            "{\"text\":\"t\",\"kind\":\"bogus\"}",
            "{\"text\":\"t\",\"comparator\":\"≥\"}",
            "{\"text\":\"t\",\"text\":\"u\"}",
            "{\"text\":\"t\",\"note\":[1,{\"a\":null}]}",
            "{\"text\":\"t\",\"note\":1e400}",
            "{\"text\":5}",
            "[\"x\", null]",
            "[\"x\"]",
            "17",
            "true",
        ] {
            texts.push(format!(
                "{{\"schema\":\"jixiao/1\",\"declarations\":[{{\"project\":{{\"name\":\"p\"}},\n\"indicators\":[{{\"name\":\"n\",\"target\":{target}}}]}}]}}"
            ));
        }
        for text in &texts {
            let general = read_generally(text);
            let one_pass =
                crate::value::one_pass_targets(|| serde_json::from_str::<Document>(text));
            if let Ok(document) = one_pass {
                assert_eq!(Ok(&document), general.as_ref(), "{text}");
                assert_eq!(
                    serde_json::to_string(&document).ok(),
                    general
                        .as_ref()
                        .ok()
                        .and_then(|d| serde_json::to_string(d).ok()),
                    "{text}"
                );
            }
            let read = read_json(text, &options);
            match (&read, &general) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
                (Err(ReadError::Json { message, .. }), Err(e)) => assert_eq!(message, e),
                _ => panic!("{text}: {read:?} / {general:?}"),
            }
        }
    }
}
