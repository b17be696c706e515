//! Text normalization before the 指标值 grammar: full-width forms folded, zero-width
//! characters dropped, OCR LaTeX resolved (`$\geq 90.00\%$` → `≥ 90.00%`).

use std::borrow::Cow;

use crate::text::fold_char;

/// Folds full-width forms (`≥９０％（人）` → `≥90%(人)`), drops zero-width characters, and
/// resolves OCR LaTeX (`$\geq 90.00\%$` → `≥ 90.00%`). Borrows when there is nothing
/// to do (the common case).
pub(crate) fn normalize(text: &str) -> Cow<'_, str> {
    if !needs_normalizing(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let latex = text.contains(['$', '\\']);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().map(fold_char).peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{FEFF}' | '\u{200B}' => {}
            '﹪' => out.push('%'),
            '$' if latex => {}
            '{' | '}' if latex => {}
            '^' => {
                // `m^2`, `m^{2}`: a squared or cubed unit.
                let mut ahead = chars.clone();
                let braced = ahead.peek() == Some(&'{');
                if braced {
                    ahead.next();
                }
                let power = match ahead.next() {
                    Some('2') => Some('²'),
                    Some('3') => Some('³'),
                    _ => None,
                };
                match power {
                    Some(p) if !braced || ahead.peek() == Some(&'}') => {
                        if braced {
                            ahead.next();
                        }
                        chars = ahead;
                        out.push(p);
                    }
                    _ => out.push('^'),
                }
            }
            '\\' if latex => {
                // A command name: letters, up to 16 kept (longer ones are unknown anyway).
                let mut name = [0u8; 16];
                let mut len = 0;
                while let Some(&n) = chars.peek() {
                    if !n.is_ascii_alphabetic() {
                        break;
                    }
                    if let Some(slot) = name.get_mut(len) {
                        *slot = n as u8;
                    }
                    len += 1;
                    chars.next();
                }
                if len == 0 {
                    match chars.next() {
                        Some('%') => out.push('%'),
                        Some(',' | ';' | ' ' | ':' | '!') => out.push(' '),
                        Some('(' | ')' | '[' | ']') | None => {}
                        Some(other) => out.push(other),
                    }
                    continue;
                }
                let name = name.get(..len).unwrap_or(&[]);
                match name {
                    b"geq" | b"ge" | b"geqslant" | b"geqq" => out.push('≥'),
                    b"leq" | b"le" | b"leqslant" | b"leqq" => out.push('≤'),
                    b"gt" => out.push('>'),
                    b"lt" => out.push('<'),
                    b"times" => out.push('×'),
                    b"cdot" => out.push('·'),
                    b"text" | b"mathrm" | b"textrm" | b"rm" | b"mathbf" | b"mathit"
                    | b"operatorname" | b"left" | b"right" | b"quad" | b"qquad" => out.push(' '),
                    _ => {
                        // Unknown: keep it visible, so the text does not parse as a number.
                        out.push('\\');
                        out.extend(name.iter().map(|&b| char::from(b)));
                    }
                }
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether a text has anything [`normalize`] changes: `$ \\ ^`, a U+FExx/U+FFxx character
/// (lead byte EF: full-width forms, BOM, `﹪`), or U+2000–U+203F/U+3000–U+303F punctuation
/// (E2 80 / E3 80: zero-width and ideographic spaces). Eight bytes at a time.
fn needs_normalizing(b: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let has = |x: u64, c: u8| {
        let v = x ^ (LO * u64::from(c));
        v.wrapping_sub(LO) & !v & HI != 0
    };
    let mut chunks = b.chunks_exact(8);
    let mut continuation = false;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        if has(x, b'$') | has(x, b'\\') | has(x, b'^') | has(x, 0xEF) {
            return true;
        }
        continuation |= has(x, 0x80);
    }
    // The last bytes, padded with zeros (not special) to a chunk, assembled in a register
    // (copying them into an array and loading it stalls on the store).
    let x = chunks
        .remainder()
        .iter()
        .rev()
        .fold(0u64, |x, &c| x << 8 | u64::from(c));
    if has(x, b'$') | has(x, b'\\') | has(x, b'^') | has(x, 0xEF) {
        return true;
    }
    (continuation || has(x, 0x80)) && b.windows(2).any(|w| matches!(w, [0xE2 | 0xE3, 0x80]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_is_detected_at_every_position() {
        let naive = |t: &str| {
            t.contains(['$', '\\', '^'])
                || t.chars().any(|c| {
                    matches!(c, '\u{FE00}'..='\u{FFFF}' | '\u{2000}'..='\u{203F}' | '\u{3000}'..='\u{303F}')
                })
        };
        for special in [
            "$", "\\", "^", "％", "\u{FEFF}", "\u{3000}", "\u{200B}", "—", "﹪", "", "一", "人",
            "a",
        ] {
            for pad in 0..20 {
                let text = format!("{}{special}{}", "1".repeat(pad), "人".repeat(pad % 4));
                assert_eq!(needs_normalizing(text.as_bytes()), naive(&text), "{text:?}");
            }
        }
    }
}
