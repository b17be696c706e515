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

/// The text cut to at most `width` terminal columns, ending in `…` when cut (CJK characters
/// count two columns; a wide character that would cross the edge is left out).
///
/// ```
/// use jixiao::text::cut_to_width;
/// assert_eq!(cut_to_width("农村低保发放人数", 9), "农村低保…");
/// assert_eq!(cut_to_width("abc", 3), "abc");
/// ```
pub fn cut_to_width(text: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if display_width(text) <= width {
        return std::borrow::Cow::Borrowed(text);
    }
    let room = width.saturating_sub(1);
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

/// Shrinks column widths so that the columns and their two-space gaps fit in `limit`
/// columns: the widest shrinkable column loses a column at a time, none below its floor
/// (`floors[k]`; `None` marks a column that keeps its width). Returns the widths; when even
/// the floors do not fit they are returned as they are.
pub fn fit_widths(mut widths: Vec<usize>, floors: &[Option<usize>], limit: usize) -> Vec<usize> {
    let gaps = 2 * widths.len().saturating_sub(1);
    loop {
        let total: usize = widths.iter().sum::<usize>() + gaps;
        if total <= limit {
            return widths;
        }
        let widest = (0..widths.len())
            .filter(|&k| {
                floors
                    .get(k)
                    .copied()
                    .flatten()
                    .is_some_and(|f| widths[k] > f)
            })
            .max_by_key(|&k| widths[k]);
        match widest {
            Some(k) => widths[k] -= 1,
            None => return widths,
        }
    }
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
    fn cuts_and_fits() {
        assert_eq!(cut_to_width("产出指标", 8), "产出指标");
        assert_eq!(cut_to_width("产出指标", 7), "产出指…");
        assert_eq!(cut_to_width("产出指标", 4), "产…");
        assert_eq!(display_width(&cut_to_width("a产出指标", 6)), 6);
        assert_eq!(
            fit_widths(vec![10, 40, 10], &[None, Some(8), None], 40),
            vec![10, 16, 10]
        );
        assert_eq!(
            fit_widths(vec![10, 40], &[None, Some(30)], 20),
            vec![10, 30]
        );
    }

    #[test]
    fn widths() {
        assert_eq!(display_width("产出指标"), 8);
        assert_eq!(fold_width("ＡＢ１"), "AB1");
    }
}
