//! The canonical JSON (`jixiao/1`) as an input.

use crate::error::ReadError;
use crate::model::{Document, SCHEMA};

use super::ReadOptions;

/// Reads the canonical JSON. The `schema` key must be `jixiao/1` when present.
pub fn read_json(text: &str, options: &ReadOptions) -> Result<Document, ReadError> {
    let document: Document = serde_json::from_str(text).map_err(|e| ReadError::Json {
        at: options
            .location()
            .line(u32::try_from(e.line()).unwrap_or(u32::MAX))
            .column(u32::try_from(e.column()).unwrap_or(u32::MAX)),
        message: e.to_string(),
    })?;
    if document.schema != SCHEMA {
        return Err(ReadError::Json {
            at: options.location().line(1),
            message: format!("schema is `{}`, expected `{SCHEMA}`", document.schema),
        });
    }
    Ok(document)
}
