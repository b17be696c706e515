//! Findings: what a reader recovered from and what a review found. Each has a stable
//! code, a severity, a location (project, indicator path, source line) and a message in
//! Chinese and in English.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::Source;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing to fix.
    Info,
    /// Should be fixed; the declaration can still be processed.
    Warning,
    /// Must be fixed.
    Error,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding: a reader's diagnostic or a review check's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The stable code (e.g. `F001`, `R-read-unknown-level2`): never reused for another meaning.
    pub code: String,
    /// error, warning or info.
    pub severity: Severity,
    /// The project (项目名称) it is about, when it is about one.
    pub project: Option<String>,
    /// The indicator path `一级/二级/三级` it is about, when it is about one.
    pub indicator: Option<String>,
    /// The source file, when the document was read from one.
    pub file: Option<String>,
    /// The 1-based source line, when the document was read from text.
    pub line: Option<u32>,
    /// The message in Chinese.
    pub message: String,
    /// The message in English.
    pub message_en: String,
}

impl Finding {
    /// A finding with no location yet.
    pub fn new(
        code: &str,
        severity: Severity,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Finding {
            code: code.to_owned(),
            severity,
            project: None,
            indicator: None,
            file: None,
            line: None,
            message: message.into(),
            message_en: message_en.into(),
        }
    }

    /// Sets the source location (file and line) when it is known.
    pub fn at(mut self, source: &Source) -> Self {
        if source.is_known() {
            self.file.clone_from(&source.file);
            self.line = Some(source.line);
        }
        self
    }

    /// Sets the project the finding is about.
    pub fn in_project(mut self, project: &str) -> Self {
        self.project = Some(project.to_owned());
        self
    }

    /// Sets the indicator path the finding is about.
    pub fn on_indicator(mut self, path: impl Into<String>) -> Self {
        self.indicator = Some(path.into());
        self
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: ")?,
            (None, Some(line)) => write!(f, "line {line}: ")?,
            _ => {}
        }
        write!(f, "{} [{}] {}", self.severity, self.code, self.message)
    }
}
