//! The form layout (表单式) reader. PLACEHOLDER: replaced by the form-reader work.

use crate::diagnostic::Finding;
use crate::error::ReadError;
use crate::model::Document;

use super::ReadOptions;

/// Whether the text looks like the form layout (it has a form title line).
pub fn looks_like_form(text: &str) -> bool {
    text.lines()
        .take(200)
        .any(|l| l.contains("申报表") || l.contains("自评表"))
}

/// Reads declarations and self-evaluations in the form layout.
pub fn read_form(text: &str, options: &ReadOptions) -> Result<(Document, Vec<Finding>), ReadError> {
    let _ = text;
    Err(ReadError::NoDeclaration {
        at: options.location(),
        expected: "the form reader is not written yet".to_owned(),
    })
}
