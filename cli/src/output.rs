//! Writing results: to a file or standard output, and diagnostics to standard error.

use std::io::{IsTerminal, Write};
use std::path::Path;

use jixiao::read::Encoding;
use jixiao::{Finding, Severity};

/// Parses an output encoding name (`utf-8`, `gb18030`).
pub fn parse_encoding(name: &str) -> Result<Encoding, String> {
    match name.parse::<Encoding>()? {
        Encoding::Auto => Ok(Encoding::Utf8),
        other => Ok(other),
    }
}

/// Writes `bytes` to `out`, or to standard output. Binary output (a workbook) is refused on
/// a terminal.
pub fn emit(bytes: &[u8], out: Option<&Path>, binary: bool) -> Result<(), String> {
    match out {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|e| format!("{}: cannot write: {e}", path.display())),
        None => {
            let stdout = std::io::stdout();
            if binary && stdout.is_terminal() {
                return Err(
                    "refusing to write a binary workbook to a terminal; use -o FILE".to_owned(),
                );
            }
            let mut lock = stdout.lock();
            lock.write_all(bytes)
                .and_then(|()| lock.flush())
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    }
}

/// Prints reader diagnostics at or above `min` to standard error, one per line.
pub fn print_diagnostics(diagnostics: &[Finding], min: Severity) {
    for finding in diagnostics.iter().filter(|f| f.severity >= min) {
        eprintln!("{finding}");
    }
}

/// The two output forms of the reporting verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned tables for a person.
    Text,
    /// JSON for a program.
    Json,
}

/// Parses `text` or `json`.
pub fn text_or_json(name: &str) -> Result<Format, String> {
    match name {
        "text" => Ok(Format::Text),
        "json" => Ok(Format::Json),
        other => Err(format!("unknown format `{other}` (expected text or json)")),
    }
}

/// Pretty JSON with a final newline.
pub fn json_bytes<T: serde::Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// Prints pretty JSON to standard output.
pub fn print_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<(), String> {
    emit(&json_bytes(value)?, None, false)
}

/// The width tables printed to standard output are fitted to: `COLUMNS` when it is set to a
/// number, else the terminal's width when standard output is a terminal; `None` (print every
/// cell in full) when output goes to a pipe or a file.
pub fn terminal_width() -> Option<usize> {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
    {
        return Some(columns);
    }
    terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0))
}
