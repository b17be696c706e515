//! Writers: [`Document`] → bytes, in every format a reader reads back to an equal model.

#[cfg(feature = "xlsx")]
pub mod comments;
#[cfg(feature = "xlsx")]
pub mod docx;
pub mod form;
pub mod html;
pub mod json;
pub mod list;
pub mod names;
pub mod report;
#[cfg(feature = "xlsx")]
pub mod xlsx;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::WriteError;
use crate::model::Document;

/// The formats a document can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputFormat {
    /// The canonical JSON (`jixiao/1`), pretty-printed.
    Json,
    /// The form layout, TAB-separated, one 申报表/自评表 per declaration.
    Form,
    /// The list layout as CSV.
    Csv,
    /// The list layout as TSV.
    Tsv,
    /// The list layout as a Markdown table.
    Markdown,
    /// An `.xlsx` workbook: the list layout, and a form-like sheet per project.
    Xlsx,
    /// A Word `.docx` document: each declaration as its official form, one table a page,
    /// with the merged cells a printed form has.
    Docx,
}

impl OutputFormat {
    /// `json`, `form`, `csv`, `tsv`, `md`, `xlsx` or `docx`.
    pub fn as_str(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Form => "form",
            OutputFormat::Csv => "csv",
            OutputFormat::Tsv => "tsv",
            OutputFormat::Markdown => "md",
            OutputFormat::Xlsx => "xlsx",
            OutputFormat::Docx => "docx",
        }
    }

    /// Whether the format is a binary office file (`.xlsx`, `.docx`), not text: it is
    /// never re-encoded, and a terminal is no place for it.
    pub fn is_binary(self) -> bool {
        matches!(self, OutputFormat::Xlsx | OutputFormat::Docx)
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for OutputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(OutputFormat::Json),
            "form" | "txt" => Ok(OutputFormat::Form),
            "csv" => Ok(OutputFormat::Csv),
            "tsv" => Ok(OutputFormat::Tsv),
            "md" | "markdown" => Ok(OutputFormat::Markdown),
            "xlsx" => Ok(OutputFormat::Xlsx),
            "docx" => Ok(OutputFormat::Docx),
            other => Err(format!(
                "unknown output format `{other}` (expected json, form, csv, tsv, md, xlsx or docx)"
            )),
        }
    }
}

/// Writes a document in `format` (text formats as UTF-8).
pub fn write(document: &Document, format: OutputFormat) -> Result<Vec<u8>, WriteError> {
    match format {
        OutputFormat::Json => Ok(json::to_json(document).into_bytes()),
        OutputFormat::Form => Ok(form::write_form(document).into_bytes()),
        OutputFormat::Csv => Ok(list::write_list(document, list::ListStyle::Csv).into_bytes()),
        OutputFormat::Tsv => Ok(list::write_list(document, list::ListStyle::Tsv).into_bytes()),
        OutputFormat::Markdown => {
            Ok(list::write_list(document, list::ListStyle::Markdown).into_bytes())
        }
        #[cfg(feature = "xlsx")]
        OutputFormat::Xlsx => xlsx::write_workbook(document),
        #[cfg(feature = "xlsx")]
        OutputFormat::Docx => docx::to_docx(document),
        #[cfg(not(feature = "xlsx"))]
        OutputFormat::Xlsx | OutputFormat::Docx => Err(WriteError::Unsupported {
            format: format.as_str().to_owned(),
            why: format!("this build has no .{format} support (the `xlsx` feature is off)"),
        }),
    }
}
