//! Literal formulas of a BIFF8 workbook stream, decoded from their tokens: the cells where
//! a target was typed as `=100%` (Excel and LibreOffice store it as a formula whose cached
//! value is `1`). calamine decodes a plain formula but not a **shared** one (a `ptgExp`
//! token pointing at a `SHRFMLA` record), which is how LibreOffice saves the same formula
//! typed in several cells; without this the second and third `=100%` of a form read as
//! `1`.
//!
//! Only formulas made of literals are decoded (numbers, `%`, unary and binary arithmetic,
//! parentheses, spacing): anything with a reference, a name, a string or a function is
//! left to calamine (`None`), as such a cell is a computation, not a target typed.

/// A literal formula of a sheet: the sheet's name, its row and column (0-based), and the
/// formula's text without `=` (`100%`).
pub(super) type LiteralFormula = (String, u32, u32, String);

/// The longest formula (in tokens) that is decoded.
const MAX_TOKENS: usize = 64;

fn word(b: &[u8], i: usize) -> Option<u16> {
    b.get(i..i + 2)
        .and_then(|w| <[u8; 2]>::try_from(w).ok())
        .map(u16::from_le_bytes)
}

fn long(b: &[u8], i: usize) -> Option<u32> {
    b.get(i..i + 4)
        .and_then(|w| <[u8; 4]>::try_from(w).ok())
        .map(u32::from_le_bytes)
}

/// Every record of a BIFF stream: (offset, kind, body).
fn records(stream: &[u8]) -> impl Iterator<Item = (usize, u16, &[u8])> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let kind = word(stream, at)?;
        let len = usize::from(word(stream, at + 2)?);
        let body = stream.get(at + 4..(at + 4 + len).min(stream.len()))?;
        let here = at;
        at += 4 + len;
        Some((here, kind, body))
    })
}

/// A sheet name of a BOUNDSHEET8 record (ShortXLUnicodeString after 6 bytes).
fn sheet_name(body: &[u8]) -> Option<String> {
    let cch = usize::from(*body.get(6)?);
    let high = body.get(7)? & 1 == 1;
    let chars = body.get(8..)?;
    if high {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(cch)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        (units.len() == cch).then(|| String::from_utf16_lossy(&units))
    } else {
        let bytes = chars.get(..cch)?;
        Some(bytes.iter().map(|&b| char::from(b)).collect())
    }
}

/// The literal formulas of every worksheet of a BIFF8 `Workbook` stream.
pub(super) fn literal_formulas(stream: &[u8]) -> Vec<LiteralFormula> {
    // BOUNDSHEET8: the stream offset of each sheet's BOF, and its name
    let mut sheets: Vec<(u32, String)> = records(stream)
        .filter(|(_, kind, _)| *kind == 0x0085)
        .filter_map(|(_, _, body)| Some((long(body, 0)?, sheet_name(body)?)))
        .collect();
    sheets.sort();
    let mut out = Vec::new();
    let mut sheet: Option<&str> = None;
    // the shared formulas of the sheet: (first row, last row, first col, last col, rgce)
    let mut shared: Vec<(u16, u16, u8, u8, &[u8])> = Vec::new();
    // FORMULA cells pointing at a shared formula, resolved when its SHRFMLA is seen
    let mut pending: Vec<(u16, u16, u16, u16)> = Vec::new();
    let flush = |sheet: Option<&str>,
                 shared: &mut Vec<(u16, u16, u8, u8, &[u8])>,
                 pending: &mut Vec<(u16, u16, u16, u16)>,
                 out: &mut Vec<LiteralFormula>| {
        if let Some(name) = sheet {
            for (row, col, top, left) in pending.drain(..) {
                let owner = shared.iter().find(|(r0, r1, c0, c1, _)| {
                    (*r0..=*r1).contains(&top) && (u16::from(*c0)..=u16::from(*c1)).contains(&left)
                });
                if let Some(text) = owner.and_then(|(_, _, _, _, rgce)| decode(rgce)) {
                    out.push((name.to_owned(), u32::from(row), u32::from(col), text));
                }
            }
        }
        shared.clear();
        pending.clear();
    };
    for (offset, kind, body) in records(stream) {
        match kind {
            // BOF: a sheet starts when its offset is a BOUNDSHEET's
            0x0809 => {
                flush(sheet, &mut shared, &mut pending, &mut out);
                sheet = u32::try_from(offset).ok().and_then(|o| {
                    sheets
                        .binary_search_by_key(&o, |(at, _)| *at)
                        .ok()
                        .map(|i| sheets[i].1.as_str())
                });
            }
            // FORMULA: row, column, xf, cached value (8), flags, chn (4), cce, rgce
            0x0006 if sheet.is_some() => {
                let (Some(row), Some(col), Some(cce)) =
                    (word(body, 0), word(body, 2), word(body, 20))
                else {
                    continue;
                };
                let Some(rgce) = body.get(22..22 + usize::from(cce)) else {
                    continue;
                };
                if rgce.first() == Some(&0x01) {
                    if let (Some(top), Some(left)) = (word(rgce, 1), word(rgce, 3)) {
                        pending.push((row, col, top, left));
                    }
                } else if let (Some(name), Some(text)) = (sheet, decode(rgce)) {
                    out.push((name.to_owned(), u32::from(row), u32::from(col), text));
                }
            }
            // SHRFMLA: the range (rows u16 ×2, columns u8 ×2), reserved, uses, cce, rgce
            0x04BC if sheet.is_some() => {
                let (Some(r0), Some(r1), Some(&c0), Some(&c1), Some(cce)) = (
                    word(body, 0),
                    word(body, 2),
                    body.get(4),
                    body.get(5),
                    word(body, 8),
                ) else {
                    continue;
                };
                if let Some(rgce) = body.get(10..10 + usize::from(cce)) {
                    shared.push((r0, r1, c0, c1, rgce));
                }
            }
            _ => {}
        }
    }
    flush(sheet, &mut shared, &mut pending, &mut out);
    out
}

/// Decodes a formula made of literals into its text (`100%`, `-0.5`, `(1+2)*3`); `None`
/// for any other token.
fn decode(rgce: &[u8]) -> Option<String> {
    let mut stack: Vec<String> = Vec::new();
    let mut i = 0usize;
    let mut tokens = 0usize;
    while i < rgce.len() {
        tokens += 1;
        if tokens > MAX_TOKENS {
            return None;
        }
        let token = rgce[i];
        i += 1;
        match token {
            // ptgInt
            0x1E => {
                stack.push(word(rgce, i)?.to_string());
                i += 2;
            }
            // ptgNum
            0x1F => {
                let bytes = <[u8; 8]>::try_from(rgce.get(i..i + 8)?).ok()?;
                let value = f64::from_le_bytes(bytes);
                if !value.is_finite() {
                    return None;
                }
                stack.push(format!("{value}"));
                i += 8;
            }
            // ptgPercent, ptgUplus, ptgUminus, ptgParen
            0x14 => {
                let x = stack.pop()?;
                stack.push(format!("{x}%"));
            }
            0x12 => {
                let x = stack.pop()?;
                stack.push(format!("+{x}"));
            }
            0x13 => {
                let x = stack.pop()?;
                stack.push(format!("-{x}"));
            }
            0x15 => {
                let x = stack.pop()?;
                stack.push(format!("({x})"));
            }
            // ptgAdd, ptgSub, ptgMul, ptgDiv, ptgPower
            0x03..=0x07 => {
                let b = stack.pop()?;
                let a = stack.pop()?;
                let op = ["+", "-", "*", "/", "^"][usize::from(token - 0x03)];
                stack.push(format!("{a}{op}{b}"));
            }
            // ptgAttr with only the space flag: layout, no value
            0x19 => {
                if rgce.get(i)? & !0x40 != 0 {
                    return None;
                }
                i += 3;
            }
            _ => return None,
        }
    }
    match stack.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: f64) -> Vec<u8> {
        let mut t = vec![0x1F];
        t.extend(v.to_le_bytes());
        t
    }

    #[test]
    fn literal_tokens_decode_and_others_do_not() {
        let mut pct = num(100.0);
        pct.push(0x14);
        assert_eq!(decode(&pct).as_deref(), Some("100%"));
        assert_eq!(decode(&[0x1E, 17, 0]).as_deref(), Some("17"));
        let mut neg = num(0.5);
        neg.push(0x13);
        assert_eq!(decode(&neg).as_deref(), Some("-0.5"));
        // 1 + 2, in parentheses
        assert_eq!(
            decode(&[0x1E, 1, 0, 0x1E, 2, 0, 0x03, 0x15]).as_deref(),
            Some("(1+2)")
        );
        // a reference (ptgRef) is a computation, not a literal
        assert_eq!(decode(&[0x24, 0, 0, 0, 0]), None);
        // truncated, or two values left on the stack
        assert_eq!(decode(&[0x1F, 0, 0]), None);
        assert_eq!(decode(&[0x1E, 1, 0, 0x1E, 2, 0]), None);
        assert_eq!(decode(&[0x14]), None);
    }

    #[test]
    fn shared_formulas_resolve_through_their_shrfmla() {
        fn record(kind: u16, body: &[u8]) -> Vec<u8> {
            let mut r = kind.to_le_bytes().to_vec();
            r.extend((body.len() as u16).to_le_bytes());
            r.extend(body);
            r
        }
        fn formula(row: u16, col: u16, rgce: &[u8]) -> Vec<u8> {
            let mut b = Vec::new();
            b.extend(row.to_le_bytes());
            b.extend(col.to_le_bytes());
            b.extend([0u8; 2 + 8 + 2 + 4]);
            b.extend((rgce.len() as u16).to_le_bytes());
            b.extend(rgce);
            record(0x0006, &b)
        }
        let mut pct = num(100.0);
        pct.push(0x14);
        // globals: BOF, BOUNDSHEET pointing at the sheet's BOF; then the sheet
        let mut globals = record(0x0809, &[0; 16]);
        let sheet_at = globals.len() + 4 + 6 + 2 + 2; // after the BOUNDSHEET below
        let mut bound = (sheet_at as u32).to_le_bytes().to_vec();
        bound.extend([0, 0, 2, 0]);
        bound.extend(b"S1");
        globals.extend(record(0x0085, &bound));
        let mut stream = globals;
        assert_eq!(stream.len(), sheet_at);
        stream.extend(record(0x0809, &[0; 16]));
        stream.extend(formula(14, 4, &pct));
        // two cells pointing at the shared formula of (15, 4)
        stream.extend(formula(15, 4, &[0x01, 15, 0, 4, 0]));
        let mut shr = vec![15, 0, 17, 0, 4, 4, 0, 2];
        shr.extend((pct.len() as u16).to_le_bytes());
        shr.extend(&pct);
        stream.extend(record(0x04BC, &shr));
        stream.extend(formula(17, 4, &[0x01, 15, 0, 4, 0]));
        stream.extend(record(0x000A, &[]));
        let got = literal_formulas(&stream);
        let cells: Vec<(u32, u32, &str)> = got
            .iter()
            .map(|(s, r, c, t)| {
                assert_eq!(s, "S1");
                (*r, *c, t.as_str())
            })
            .collect();
        assert_eq!(cells, [(14, 4, "100%"), (15, 4, "100%"), (17, 4, "100%")]);
        // garbage never panics
        assert!(literal_formulas(&[0x06, 0x00, 0xFF, 0xFF, 1, 2]).is_empty());
    }
}
