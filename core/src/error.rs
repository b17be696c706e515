//! Errors of the operations that can fail as a whole. Each variant has a stable
//! snake_case [`code`](ReadError::code) and a [`Location`].

use std::fmt;

use serde::Serialize;

/// Where in an input an error happened. Every field is optional; `Display` prints what is
/// known as `file:line:column` (or `file[sheet]:row:column` for a workbook).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file name as the caller gave it.
    pub file: Option<String>,
    /// The sheet, for a workbook.
    pub sheet: Option<String>,
    /// 1-based line (or sheet row).
    pub line: Option<u32>,
    /// 1-based column (characters in text, cells in a sheet).
    pub column: Option<u32>,
}

impl Location {
    /// A location in `file` (which may be unknown) with no line yet.
    pub fn file(file: Option<&str>) -> Self {
        Location {
            file: file.map(str::to_owned),
            ..Location::default()
        }
    }

    /// The same location at `line`.
    pub fn line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }

    /// The same location at `column`.
    pub fn column(mut self, column: u32) -> Self {
        self.column = Some(column);
        self
    }

    /// The same location in `sheet`.
    pub fn sheet(mut self, sheet: &str) -> Self {
        self.sheet = Some(sheet.to_owned());
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.as_deref().unwrap_or("<input>");
        write!(f, "{file}")?;
        if let Some(sheet) = &self.sheet {
            write!(f, "[{sheet}]")?;
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// Why an input could not be read at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The input holds no bytes (or only whitespace).
    #[error("{at}: the input is empty")]
    Empty {
        /// Where.
        at: Location,
    },
    /// The input is binary data, not text nor a workbook.
    #[error("{at}: the input is binary data, not text (expected a form, a list, JSON or an .xlsx workbook)")]
    Binary {
        /// Where.
        at: Location,
    },
    /// The text cannot be decoded in the encoding asked for (or any encoding detected).
    #[error("{at}: the text is not valid {encoding}")]
    Encoding {
        /// Where (the line of the first bad byte, when known).
        at: Location,
        /// The encoding expected.
        encoding: String,
    },
    /// The input is larger than the documented limits.
    #[error("{at}: {what} exceeds the limit of {limit}")]
    TooLarge {
        /// Where.
        at: Location,
        /// What is too large.
        what: String,
        /// The limit.
        limit: String,
    },
    /// The canonical JSON is malformed or does not match the schema.
    #[error("{at}: invalid jixiao JSON: {message}")]
    Json {
        /// Where (line and column of the JSON error).
        at: Location,
        /// What the JSON parser expected.
        message: String,
    },
    /// No declaration was found: neither a form title, nor a list header row, nor JSON.
    #[error("{at}: no declaration found: {expected}")]
    NoDeclaration {
        /// Where.
        at: Location,
        /// What was expected.
        expected: String,
    },
    /// A form or list is structurally broken in a way the reader cannot recover from.
    #[error("{at}: {message}")]
    Malformed {
        /// Where.
        at: Location,
        /// What was found and what was expected.
        message: String,
    },
    /// A workbook or PDF cannot be opened (corrupt, encrypted, not a workbook, a scan).
    #[error("{at}: cannot read the document: {message}")]
    Workbook {
        /// Where.
        at: Location,
        /// Why.
        message: String,
    },
    /// The streaming reader met what only a whole read can join: a list project whose
    /// rows come again after another project's (`read` reads the file whole and joins
    /// them; the stream delivered the project when its rows first ended).
    #[error("{at}: cannot be read as a stream: {message}")]
    NotStreamable {
        /// Where.
        at: Location,
        /// What was found.
        message: String,
    },
}

impl ReadError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::Empty { .. } => "empty_input",
            ReadError::Binary { .. } => "binary_input",
            ReadError::Encoding { .. } => "bad_encoding",
            ReadError::TooLarge { .. } => "too_large",
            ReadError::Json { .. } => "bad_json",
            ReadError::NoDeclaration { .. } => "no_declaration",
            ReadError::Malformed { .. } => "malformed",
            ReadError::Workbook { .. } => "bad_workbook",
            ReadError::NotStreamable { .. } => "not_streamable",
        }
    }

    /// Where the error happened.
    pub fn location(&self) -> &Location {
        match self {
            ReadError::Empty { at }
            | ReadError::Binary { at }
            | ReadError::Encoding { at, .. }
            | ReadError::TooLarge { at, .. }
            | ReadError::Json { at, .. }
            | ReadError::NoDeclaration { at, .. }
            | ReadError::Malformed { at, .. }
            | ReadError::Workbook { at, .. }
            | ReadError::NotStreamable { at, .. } => at,
        }
    }
}

/// Why a document could not be written in the format asked for.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The format cannot be produced in this build (e.g. `.xlsx` without the `xlsx` feature).
    #[error("the {format} writer is not available: {why}")]
    Unsupported {
        /// The format.
        format: String,
        /// Why.
        why: String,
    },
    /// The writer failed (e.g. the workbook library reported an error).
    #[error("cannot write {format}: {message}")]
    Failed {
        /// The format.
        format: String,
        /// Why.
        message: String,
    },
    /// The text cannot be represented in the output encoding asked for.
    #[error("the output has characters that {encoding} cannot represent")]
    Unencodable {
        /// The encoding.
        encoding: String,
    },
}

impl WriteError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            WriteError::Unsupported { .. } => "unsupported_format",
            WriteError::Failed { .. } => "write_failed",
            WriteError::Unencodable { .. } => "unencodable",
        }
    }
}

/// Why a profile or policy given by name or as JSON could not be used (审核口径 / 评分口径).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    /// A name that is no built-in profile.
    #[error("unknown {kind} `{name}`: expected one of {known}, or the {kind} as a JSON object")]
    UnknownName {
        /// What was named: `review profile`, `scoring profile`.
        kind: &'static str,
        /// The name given.
        name: String,
        /// The names that are known, comma-separated.
        known: String,
    },
    /// A JSON object that is not a valid profile.
    #[error("invalid {kind} JSON: {message}")]
    InvalidJson {
        /// What was given: `review profile`, `scoring profile`.
        kind: &'static str,
        /// What the JSON parser said.
        message: String,
    },
}

impl ProfileError {
    /// The stable code of this error: `unknown_profile` or `bad_profile`.
    pub fn code(&self) -> &'static str {
        match self {
            ProfileError::UnknownName { .. } => "unknown_profile",
            ProfileError::InvalidJson { .. } => "bad_profile",
        }
    }
}
