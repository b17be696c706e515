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
    check_numbers(text, options)?;
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
}
