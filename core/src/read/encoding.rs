//! Text encodings: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK, which
//! legacy Chinese finance systems still write. Line ends are normalized to `\n`.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::error::{Location, ReadError};

/// The text encoding of an input or an output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Encoding {
    /// Detect: a BOM decides; else valid UTF-8 is UTF-8; else GB18030.
    #[default]
    Auto,
    /// UTF-8 (a BOM is skipped).
    Utf8,
    /// GB18030, a superset of GBK and GB2312.
    Gb18030,
}

impl Encoding {
    /// `auto`, `utf-8` or `gb18030`.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "utf-8",
            Encoding::Gb18030 => "gb18030",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Encoding {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "auto" | "" => Ok(Encoding::Auto),
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "gb18030" | "gbk" | "gb2312" | "cp936" => Ok(Encoding::Gb18030),
            other => Err(format!(
                "unknown encoding `{other}` (expected auto, utf-8 or gb18030)"
            )),
        }
    }
}

/// Decoded text with `\n` line ends, and the name of the encoding it was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, line ends normalized to `\n`, BOM removed.
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE` or `GB18030`.
    pub encoding: &'static str,
}

/// Decodes bytes to text (see [`Encoding`]) and normalizes `\r\n` and `\r` to `\n`.
///
/// Binary input (NUL bytes outside UTF-16, or bytes GB18030 cannot decode either) is an
/// error naming the line of the first bad byte.
///
/// Two mistakes that would otherwise read as garbage are refused with `bad_encoding`:
/// UTF-16 without a byte-order mark (NUL bytes all on even or all on odd offsets, and the
/// bytes valid UTF-16), and GB18030 asked for while the bytes are UTF-8 with Chinese text
/// (at least [`UTF8_EVIDENCE`] multi-byte sequences), which GB18030 would turn into
/// mojibake silently.
pub fn decode(bytes: &[u8], encoding: Encoding, file: Option<&str>) -> Result<Decoded, ReadError> {
    decode_borrowed(bytes, encoding, file).map(|(text, encoding)| Decoded {
        text: text.into_owned(),
        encoding,
    })
}

/// [`decode`] without a copy when none is needed: UTF-8 input with `\n` line ends (the
/// common case) is borrowed. Returns the text and the name of the encoding.
pub fn decode_borrowed<'a>(
    bytes: &'a [u8],
    encoding: Encoding,
    file: Option<&str>,
) -> Result<(Cow<'a, str>, &'static str), ReadError> {
    let at = Location::file(file);
    refuse_mistaken(bytes, encoding, &at)?;
    let (text, name): (Cow<'a, str>, _) = match encoding {
        Encoding::Utf8 => (strict_utf8(strip_utf8_bom(bytes), &at)?.into(), "UTF-8"),
        Encoding::Gb18030 => (strict_gb18030(bytes, &at)?.into(), "GB18030"),
        Encoding::Auto => {
            if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
                if enc == encoding_rs::UTF_8 {
                    (strict_utf8(&bytes[bom_len..], &at)?.into(), "UTF-8")
                } else {
                    let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
                    if had_errors {
                        return Err(ReadError::Encoding {
                            at,
                            encoding: enc.name().to_owned(),
                        });
                    }
                    (text.into_owned().into(), enc.name())
                }
            } else if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
                (text.into(), "UTF-8")
            } else {
                (strict_gb18030(bytes, &at)?.into(), "GB18030")
            }
        }
    };
    if let Some(pos) = memchr::memchr(0, text.as_bytes()) {
        return Err(ReadError::Binary {
            at: at.line(line_of(&text, pos)),
        });
    }
    Ok((normalize_line_ends(text), name))
}

/// The two mistakes refused before any decoding, by [`decode`] and by the streaming
/// reader alike: UTF-16 without a byte-order mark, and GB18030 asked for while the bytes
/// are UTF-8 with Chinese text (see [`decode`]).
fn refuse_mistaken(bytes: &[u8], encoding: Encoding, at: &Location) -> Result<(), ReadError> {
    if encoding_rs::Encoding::for_bom(bytes).is_none() {
        if let Some(utf16) = utf16_without_bom(bytes) {
            let expected = match encoding {
                Encoding::Gb18030 => "GB18030",
                Encoding::Utf8 => "UTF-8",
                Encoding::Auto => "UTF-8 or GB18030",
            };
            return Err(ReadError::Encoding {
                at: at.clone().line(1),
                encoding: format!(
                    "{expected}: it looks like {utf16} without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)"
                ),
            });
        }
    }
    if encoding == Encoding::Gb18030 {
        let body = strip_utf8_bom(bytes);
        if body.len() != bytes.len() || utf8_with_chinese(body) {
            return Err(ReadError::Encoding {
                at: at.clone().line(1),
                encoding: "GB18030: the bytes are UTF-8 (reading them as GB18030 would garble every Chinese character); read it as UTF-8 or auto"
                    .to_owned(),
            });
        }
    }
    Ok(())
}

/// The encoding of a streamed input, chosen on its first bytes (`head`) as [`decode`]
/// chooses it on the whole input, with the same refusals: a BOM, else what was asked,
/// else UTF-8 when the head is valid UTF-8 (a sequence cut at the end of the head is
/// fine), else GB18030.
pub(crate) fn choose_for_head(
    head: &[u8],
    asked: Encoding,
    file: Option<&str>,
) -> Result<&'static encoding_rs::Encoding, ReadError> {
    refuse_mistaken(head, asked, &Location::file(file))?;
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(head) {
        if asked == Encoding::Auto || encoding == encoding_rs::UTF_8 {
            return Ok(encoding);
        }
    }
    Ok(match asked {
        Encoding::Utf8 => encoding_rs::UTF_8,
        Encoding::Gb18030 => encoding_rs::GB18030,
        Encoding::Auto => match std::str::from_utf8(head) {
            Ok(_) => encoding_rs::UTF_8,
            Err(e) if e.error_len().is_none() => encoding_rs::UTF_8,
            Err(_) => encoding_rs::GB18030,
        },
    })
}

/// The name of an encoding as [`decode`] gives it (`UTF-8`, `GB18030`, `UTF-16LE`, …).
pub(crate) fn encoding_name(encoding: &'static encoding_rs::Encoding) -> &'static str {
    if encoding == encoding_rs::GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// Encodes text for output in `encoding` (`Auto` means UTF-8). Characters GB18030
/// cannot represent do not exist (it covers all of Unicode), so this cannot fail.
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Auto | Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Gb18030 => encoding_rs::GB18030.encode(text).0.into_owned(),
    }
}

/// How many multi-byte UTF-8 sequences make bytes "UTF-8 with Chinese text" rather than
/// GB18030 that happens to be valid UTF-8 (which a short GB18030 string can be).
pub const UTF8_EVIDENCE: usize = 4;

/// Whether `bytes` are valid UTF-8 with at least [`UTF8_EVIDENCE`] multi-byte characters.
fn utf8_with_chinese(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|text| {
        text.chars()
            .filter(|c| c.len_utf8() > 1)
            .nth(UTF8_EVIDENCE - 1)
            .is_some()
    })
}

/// `Some("UTF-16LE")` / `Some("UTF-16BE")` when the bytes look like UTF-16 without a BOM:
/// an even length, at least two NUL bytes in the first 64 KiB, more of them on odd offsets
/// (LE: ASCII `A` is `41 00`) than on even ones (or the reverse: BE), and the whole valid
/// UTF-16 with no control character but TAB and line ends (binary data has some).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let head = &bytes[..bytes.len().min(1 << 16)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in head.iter().enumerate() {
        if b == 0 {
            if i.is_multiple_of(2) {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let (enc, name) = if odd >= 2 && odd > even {
        (encoding_rs::UTF_16LE, "UTF-16LE")
    } else if even >= 2 && even > odd {
        (encoding_rs::UTF_16BE, "UTF-16BE")
    } else {
        return None;
    };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    (!had_errors && !text.chars().any(control)).then_some(name)
}

fn strip_utf8_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn strict_utf8<'a>(bytes: &'a [u8], at: &Location) -> Result<&'a str, ReadError> {
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
            Err(ReadError::Encoding {
                at: at.clone().line(u32::try_from(line).unwrap_or(u32::MAX)),
                encoding: "UTF-8".to_owned(),
            })
        }
    }
}

fn strict_gb18030(bytes: &[u8], at: &Location) -> Result<String, ReadError> {
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 / 2 + 16);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(out),
        _ => {
            let line = 1 + bytes[..read.min(bytes.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            let looks_binary = bytes.iter().take(4096).any(|&b| b == 0);
            let at = at.clone().line(u32::try_from(line).unwrap_or(u32::MAX));
            if looks_binary {
                Err(ReadError::Binary { at })
            } else {
                Err(ReadError::Encoding {
                    at,
                    encoding: "UTF-8 or GB18030".to_owned(),
                })
            }
        }
    }
}

fn normalize_line_ends(text: Cow<'_, str>) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n").into()
}

fn line_of(text: &str, byte_pos: usize) -> u32 {
    let line = 1 + text.as_bytes()[..byte_pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    u32::try_from(line).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_encodings() {
        let text = "项目名称\t环保热线运行\r\n一级指标\r";
        let utf8 = decode(text.as_bytes(), Encoding::Auto, None).unwrap();
        assert_eq!(utf8.text, "项目名称\t环保热线运行\n一级指标\n");
        assert_eq!(utf8.encoding, "UTF-8");

        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom, Encoding::Auto, None).unwrap().text, utf8.text);

        let gb = encode(text, Encoding::Gb18030);
        let decoded = decode(&gb, Encoding::Auto, None).unwrap();
        assert_eq!(decoded.text, utf8.text);
        assert_eq!(decoded.encoding, "GB18030");

        let mut utf16 = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&utf16, Encoding::Auto, None).unwrap();
        assert_eq!(decoded.text, utf8.text);
        assert_eq!(decoded.encoding, "UTF-16LE");
    }

    #[test]
    fn refuses_utf16_without_bom_and_utf8_as_gb18030() {
        let text = "项目名称\t环保热线运行\n一级指标\n";
        let mut le = Vec::new();
        let mut be = Vec::new();
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        for (bytes, name) in [(&le, "UTF-16LE"), (&be, "UTF-16BE")] {
            for enc in [Encoding::Auto, Encoding::Gb18030, Encoding::Utf8] {
                let err = decode(bytes, enc, None).unwrap_err();
                assert_eq!(err.code(), "bad_encoding", "{enc} {name}");
                assert!(err.to_string().contains(name), "{err}");
            }
        }
        let err = decode(text.as_bytes(), Encoding::Gb18030, None).unwrap_err();
        assert_eq!(err.code(), "bad_encoding");
        assert!(err.to_string().contains("UTF-8"), "{err}");
        // Real GB18030 still reads as GB18030, ASCII too.
        let gb = encode(text, Encoding::Gb18030);
        assert_eq!(decode(&gb, Encoding::Gb18030, None).unwrap().text, text);
        assert_eq!(decode(b"abc", Encoding::Gb18030, None).unwrap().text, "abc");
        // Binary with NULs on both parities stays binary.
        let err = decode(b"a\x00\x00b\x00\x01", Encoding::Auto, None).unwrap_err();
        assert_eq!(err.code(), "binary_input");
    }

    #[test]
    fn rejects_binary_and_bad_text() {
        let err = decode(b"abc\n\x00\x01\x02", Encoding::Auto, Some("x.bin")).unwrap_err();
        assert_eq!(err.code(), "binary_input");
        assert_eq!(err.location().line, Some(2));
        let err = decode(b"ok\n\xff\xff", Encoding::Utf8, None).unwrap_err();
        assert_eq!(err.code(), "bad_encoding");
        assert_eq!(err.location().line, Some(2));
    }
}
