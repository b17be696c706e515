//! The list layout (清单式) reader for CSV and TSV. PLACEHOLDER: replaced by the list work.

use crate::diagnostic::Finding;
use crate::error::ReadError;
use crate::model::Document;

use super::ReadOptions;

/// The delimiter of a list-layout text whose first non-empty line is a header row of
/// known columns, if it is one.
pub fn sniff_delimiter(text: &str) -> Option<u8> {
    let _ = text;
    None
}

/// Reads a list-layout table.
pub fn read_list(
    text: &str,
    delimiter: u8,
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    let _ = (text, delimiter);
    Err(ReadError::NoDeclaration {
        at: options.location(),
        expected: "the list reader is not written yet".to_owned(),
    })
}
