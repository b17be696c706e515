//! Rendering for a terminal: text tables aligned by display width (CJK counts two), shared
//! by the roll-up, the review and every other text a person reads in a terminal.
//!
//! It sits beside `write`, not in it: the analyses (`review`, `summary`, `diff`) use it, and
//! `write` uses the analyses (the HTML report reviews and scores), so a table aligner under
//! `write` made `review → write → review` an import cycle.

use crate::text::display_width;

/// Lays out rows in columns aligned by display width (CJK counts two); columns whose
/// `right[i]` is true are right-aligned.
pub(crate) fn table(header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(display_width(cell));
            }
        }
    }
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    let mut out = String::new();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let width = widths.get(i).copied().unwrap_or(0);
            let pad = " ".repeat(width.saturating_sub(display_width(cell)));
            if i > 0 {
                line.push_str("  ");
            }
            if right.get(i).copied().unwrap_or(false) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
