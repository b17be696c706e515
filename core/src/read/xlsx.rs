//! `.xlsx` workbooks in the list layout. PLACEHOLDER: replaced by the list work.

use crate::diagnostic::Finding;
use crate::error::ReadError;
use crate::model::Document;

use super::ReadOptions;

/// Reads every sheet of a workbook that has a recognizable header row.
pub fn read_workbook(
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    let _ = bytes;
    Err(ReadError::Workbook {
        at: options.location(),
        message: "the workbook reader is not written yet".to_owned(),
    })
}
