//! The list layout writers (CSV, TSV, Markdown). PLACEHOLDER: replaced by the list work.

use crate::model::Document;

/// Which list-layout text to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStyle {
    /// RFC 4180 CSV.
    Csv,
    /// TAB-separated.
    Tsv,
    /// A Markdown pipe table.
    Markdown,
}

/// Writes one row per indicator with the project fields repeated.
pub fn write_list(document: &Document, style: ListStyle) -> String {
    let _ = (document, style);
    String::new()
}
