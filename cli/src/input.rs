//! Reading the command's input files (or standard input) through the library.

use std::io::Read;

use clap::Args;
use jixiao::read::{Encoding, InputFormat, ReadOptions};
use jixiao::{Document, Finding};

/// Options shared by every command that reads documents.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Input format (json, form, csv, tsv, xlsx, xls, docx, pdf); detected from the content
    /// when omitted.
    #[arg(long = "from")]
    pub from: Option<String>,
    /// Input text encoding (auto, utf-8, gb18030).
    #[arg(long = "encoding", default_value = "auto")]
    pub encoding: String,
    /// No progress bar (one is shown on standard error, when it is a terminal, while many
    /// files are read).
    #[arg(short = 'q', long = "quiet")]
    pub quiet: bool,
}

/// Reads the bytes of `file`, or standard input for `-`.
pub fn read_bytes(file: &str) -> Result<Vec<u8>, String> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("<stdin>: cannot read standard input: {e}"))?;
        Ok(bytes)
    } else {
        std::fs::read(file).map_err(|e| format!("{file}: cannot read the file: {e}"))
    }
}

/// The read options for `file` under `args`.
pub fn options(file: &str, args: &InputArgs) -> Result<ReadOptions, String> {
    let format = args
        .from
        .as_deref()
        .map(str::parse::<InputFormat>)
        .transpose()?;
    let encoding: Encoding = args.encoding.parse()?;
    Ok(ReadOptions {
        file_name: Some(if file == "-" {
            "<stdin>".to_owned()
        } else {
            file.to_owned()
        }),
        format,
        encoding,
    })
}

/// Reads one file into a document and its diagnostics.
pub fn read_one(file: &str, args: &InputArgs) -> Result<(Document, Vec<Finding>), String> {
    let bytes = read_bytes(file)?;
    let reading = jixiao::read(&bytes, &options(file, args)?).map_err(|e| e.to_string())?;
    Ok((reading.document, reading.diagnostics))
}

/// Reads every file and joins their declarations into one document (the title and year
/// are kept when only one file is given).
pub fn read_all(files: &[String], args: &InputArgs) -> Result<(Document, Vec<Finding>), String> {
    let mut joined: Option<Document> = None;
    let mut diagnostics = Vec::new();
    let progress = crate::progress::Progress::new(files.len(), args.quiet, "reading");
    for file in files {
        let (document, found) = read_one(file, args)?;
        progress.inc();
        diagnostics.extend(found);
        match &mut joined {
            None => joined = Some(document),
            Some(all) => {
                if all.title != document.title {
                    all.title = None;
                }
                if all.year != document.year {
                    all.year = None;
                }
                all.declarations.extend(document.declarations);
            }
        }
    }
    joined
        .map(|d| (d, diagnostics))
        .ok_or_else(|| "no input file given".to_owned())
}
