//! Text normalization shared by the readers and the grammar: full-width folding,
//! HTML stripping, whitespace.

/// Folds full-width ASCII forms (`０-９`, `Ａ-Ｚ`, `（`, `％`, `＞`, `＝`, the ideographic
/// space) to their half-width equivalents; everything else is kept.
///
/// ```
/// assert_eq!(jixiao::text::fold_width("≥９０％（人）"), "≥90%(人)");
/// ```
pub fn fold_width(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    out.extend(text.chars().map(fold_char));
    out
}

/// Folds one character (see [`fold_width`]).
pub fn fold_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Removes HTML tags (`<p>`, `</p>`, `<br/>`) and decodes the common entities
/// (`&nbsp;`, `&lt;`, `&gt;`, `&amp;`, `&quot;`), then trims. A `<` that does not open a
/// tag (`<5%`) is kept.
///
/// ```
/// assert_eq!(jixiao::text::strip_html("<p>全面落实</p>"), "全面落实");
/// assert_eq!(jixiao::text::strip_html("故障率<5%"), "故障率<5%");
/// ```
pub fn strip_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('<') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match (is_tag, after.find('>')) {
            (true, Some(end)) => rest = &after[end + 1..],
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    decode_entities(&out).trim().to_owned()
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Collapses every run of whitespace to one ASCII space and trims.
pub fn squash_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes all whitespace: the key under which labels with inner spaces
/// (`项目 绩效 目标`) are compared.
pub fn no_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Display width of a text in a terminal (CJK characters are two columns).
pub fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html() {
        assert_eq!(strip_html("<p>a&amp;b</p>"), "a&b");
        assert_eq!(strip_html("x < y"), "x < y");
        assert_eq!(strip_html("<p>"), "");
    }

    #[test]
    fn widths() {
        assert_eq!(display_width("产出指标"), 8);
        assert_eq!(fold_width("ＡＢ１"), "AB1");
    }
}
