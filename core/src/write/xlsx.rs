//! The `.xlsx` writer. PLACEHOLDER: replaced by the list work.

use crate::error::WriteError;
use crate::model::Document;

/// Writes a workbook: a list-layout sheet, and a form-like sheet per project.
pub fn write_workbook(document: &Document) -> Result<Vec<u8>, WriteError> {
    let _ = document;
    Err(WriteError::Unsupported {
        format: "xlsx".to_owned(),
        why: "not written yet".to_owned(),
    })
}
