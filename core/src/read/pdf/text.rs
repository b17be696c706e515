//! Characters into text: lines by baseline, characters in a line by position, lines of
//! one cell joined.
//!
//! - A line is the characters whose baselines are within a third of an em of each other,
//!   read left to right. A character drawn twice at (nearly) the same place — fake bold,
//!   a shadow — is read once.
//! - A space is read where a space glyph is drawn. Between characters with no space glyph,
//!   a gap wider than [`GAP_SPACE`] ems reads as one space, unless both sides are CJK
//!   (Chinese never spaces ideographs; 分散对齐 labels spread them apart).
//! - Lines of one cell are joined with **a space** where the line ends (or the next
//!   begins) with a drawn space glyph — LibreOffice and Word draw the space they wrap at —
//!   or between two Latin words (letters or digits on both sides, not both a number);
//!   with **nothing** everywhere else: where either side is CJK (an ideograph or a
//!   full-width mark: Chinese wraps anywhere), inside a number (`86.19` / `%`: a word too
//!   long for the cell), and at a symbol Chinese text wraps at (`2018-` / `2022年`,
//!   `(≥` / `**人)`).

use super::extract::Glyph;

/// A gap between two characters this many ems wide reads as a space.
const GAP_SPACE: f64 = 0.45;

/// Whether a character is CJK: an ideograph, kana, hangul, or a CJK or full-width mark.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF
        | 0xFE10..=0xFE1F | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Whether a character belongs in a number as forms write them (`1,946,200.00`, `86.19%`).
fn is_numeric(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '‰')
}

/// One line of text: its baseline and its characters left to right.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Line<'a> {
    /// The baseline (the first character's).
    pub y: f64,
    /// The characters, left to right.
    pub glyphs: Vec<&'a Glyph>,
}

impl Line<'_> {
    /// The text of the line, spaces as drawn (or as gaps tell), not trimmed.
    pub fn text(&self) -> String {
        let mut text = String::new();
        let mut last: Option<&Glyph> = None;
        for g in &self.glyphs {
            if let Some(p) = last {
                let gap = g.x - (p.x + p.advance);
                let em = p.size.max(g.size).max(1.0);
                let cjk = p.text.chars().last().is_some_and(is_cjk)
                    && g.text.chars().next().is_some_and(is_cjk);
                if gap > GAP_SPACE * em && !cjk && !p.is_space() && !g.is_space() {
                    text.push(' ');
                }
            }
            if g.is_space() {
                if !text.ends_with(' ') {
                    text.push(' ');
                }
            } else {
                text.push_str(&g.text);
            }
            last = Some(g);
        }
        text
    }
}

/// The characters as lines, top to bottom, each read left to right, duplicates dropped.
pub(super) fn lines<'a>(glyphs: &[&'a Glyph]) -> Vec<Line<'a>> {
    let mut sorted: Vec<&Glyph> = glyphs.to_vec();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut lines: Vec<Line<'a>> = Vec::new();
    for g in sorted {
        match lines.last_mut() {
            Some(line)
                if (line.y - g.y).abs()
                    <= 0.35 * g.size.max(line.glyphs.first().map_or(0.0, |f| f.size)) =>
            {
                line.glyphs.push(g);
            }
            _ => lines.push(Line {
                y: g.y,
                glyphs: vec![g],
            }),
        }
    }
    for line in &mut lines {
        line.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut kept: Vec<&Glyph> = Vec::with_capacity(line.glyphs.len());
        for g in line.glyphs.drain(..) {
            let twice = kept.iter().rev().take(3).any(|k| {
                k.text == g.text
                    && (k.x - g.x).abs() < 0.5 * k.advance.max(0.1 * k.size)
                    && (k.y - g.y).abs() < 0.15 * k.size.max(1.0)
            });
            if !twice {
                kept.push(g);
            }
        }
        line.glyphs = kept;
    }
    lines
}

/// Whether a line break between `before` and `after` falls between two Latin words
/// (letters or digits on both sides, not both part of a number): the one undrawn break
/// that reads as a space.
fn between_words(before: char, after: char) -> bool {
    before.is_ascii_alphanumeric()
        && after.is_ascii_alphanumeric()
        && !(is_numeric(before) && is_numeric(after))
}

/// Two texts of one cell joined at a line break (the rule of [`join`]).
pub(super) fn join_texts(before: &str, after: &str) -> String {
    let (b, a) = (before.trim_end(), after.trim_start());
    let joined = match (b.chars().last(), a.chars().next()) {
        (Some(x), Some(y)) => !between_words(x, y),
        _ => true,
    };
    if joined {
        format!("{b}{a}")
    } else {
        format!("{b} {a}")
    }
}

/// The text of a cell's lines joined (see the module documentation), trimmed.
pub(super) fn join(lines: &[Line<'_>]) -> String {
    let mut text = String::new();
    for line in lines {
        let part = line.text();
        let trimmed = part.trim();
        if trimmed.is_empty() {
            continue;
        }
        if !text.is_empty() {
            let before = text.chars().last();
            let after = trimmed.chars().next();
            let drawn_space = text.ends_with(' ') || part.starts_with(' ');
            let joined = match (before, after) {
                (Some(b), Some(a)) => !drawn_space && !between_words(b, a),
                _ => true,
            };
            let trimmed_end = text.trim_end().len();
            text.truncate(trimmed_end);
            if !joined {
                text.push(' ');
            }
        }
        text.push_str(trimmed);
        if part.ends_with(' ') {
            text.push(' ');
        }
    }
    text.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f64, y: f64) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut x = x;
        for c in text.chars() {
            let advance = if is_cjk(c) { 10.0 } else { 5.0 };
            out.push(Glyph {
                x,
                y,
                advance,
                size: 10.0,
                text: c.to_string(),
            });
            x += advance;
        }
        out
    }

    fn read(rows: &[(&str, f64)]) -> String {
        let all: Vec<Glyph> = rows
            .iter()
            .enumerate()
            .flat_map(|(i, (t, x))| glyphs(t, *x, 100.0 - 12.0 * i as f64))
            .collect();
        let refs: Vec<&Glyph> = all.iter().collect();
        join(&lines(&refs))
    }

    #[test]
    fn line_breaks() {
        assert_eq!(read(&[("计划开始", 0.0), ("日期", 0.0)]), "计划开始日期");
        assert_eq!(read(&[("项目资金 ", 0.0), ("(元)", 0.0)]), "项目资金 (元)");
        assert_eq!(read(&[("86.19", 0.0), ("%", 0.0)]), "86.19%");
        assert_eq!(read(&[("保障", 0.0), ("12345", 0.0)]), "保障12345");
        assert_eq!(read(&[("annual", 0.0), ("target", 0.0)]), "annual target");
        // Chinese text wraps at symbols too (LibreOffice's PDF of a real 自评表).
        assert_eq!(
            read(&[("取得2018-", 0.0), ("2022监测资料", 0.0)]),
            "取得2018-2022监测资料"
        );
        assert_eq!(read(&[("(≥", 0.0), ("**人)", 0.0)]), "(≥**人)");
        assert_eq!(read(&[("ISO", 0.0), ("9001", 0.0)]), "ISO 9001");
        assert_eq!(join_texts("2018-", "2022年"), "2018-2022年");
        assert_eq!(join_texts("annual", "target"), "annual target");
    }

    #[test]
    fn fake_bold_and_gaps() {
        let mut all = glyphs("总分", 0.0, 50.0);
        all.extend(glyphs("总分", 0.4, 50.0));
        all.extend(glyphs("98", 40.0, 50.2));
        let refs: Vec<&Glyph> = all.iter().collect();
        assert_eq!(join(&lines(&refs)), "总分 98");
        // Spread-out ideographs (分散对齐) are one word.
        let spread: Vec<Glyph> = "项目名称"
            .chars()
            .enumerate()
            .flat_map(|(i, c)| glyphs(&c.to_string(), 30.0 * i as f64, 0.0))
            .collect();
        let refs: Vec<&Glyph> = spread.iter().collect();
        assert_eq!(join(&lines(&refs)), "项目名称");
    }
}
