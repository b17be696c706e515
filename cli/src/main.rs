//! `jixiao`: read, check, score, audit and roll up budget performance documents
//! (绩效目标申报表 / 绩效自评表). A thin shell over the `jixiao` library: argument parsing
//! and printing only; every verb is a library call.

mod input;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit status when the command ran and found no errors.
const EXIT_OK: u8 = 0;
/// Exit status when `check` found errors.
const EXIT_FINDINGS: u8 = 1;
/// Exit status when an input could not be read at all (or the arguments were wrong).
const EXIT_UNREADABLE: u8 = 2;

/// Chinese budget project performance targets (绩效目标) and self-evaluations (绩效自评).
#[derive(Parser)]
#[command(name = "jixiao", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read any supported input and write it in another format (default: canonical JSON).
    Read {
        /// Input files (`-` for standard input): form text, CSV, TSV, .xlsx or jixiao JSON.
        #[arg(required = true)]
        files: Vec<String>,
        /// Output format: json, form, csv, tsv, md or xlsx.
        #[arg(long = "to", default_value = "json")]
        to: String,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        #[command(flatten)]
        input: input::InputArgs,
        /// Encoding of text output: utf-8 or gb18030.
        #[arg(long = "out-encoding", default_value = "utf-8")]
        out_encoding: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Read {
            files,
            to,
            output,
            input,
            out_encoding,
        } => commands::read(&files, &input, &to, output.as_deref(), &out_encoding),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("jixiao: {message}");
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}

mod commands {
    use std::path::Path;

    use jixiao::read::encoding::encode;
    use jixiao::{OutputFormat, Severity};

    use super::{input, output, EXIT_OK};

    /// `jixiao read`.
    pub fn read(
        files: &[String],
        args: &input::InputArgs,
        to: &str,
        out: Option<&Path>,
        out_encoding: &str,
    ) -> Result<u8, String> {
        let format: OutputFormat = to.parse()?;
        let encoding = output::parse_encoding(out_encoding)?;
        let (document, diagnostics) = input::read_all(files, args)?;
        output::print_diagnostics(&diagnostics, Severity::Info);
        let bytes = jixiao::write(&document, format).map_err(|e| e.to_string())?;
        let bytes = if format == OutputFormat::Xlsx {
            bytes
        } else {
            encode(&String::from_utf8_lossy(&bytes), encoding)
        };
        output::emit(&bytes, out, format == OutputFormat::Xlsx)?;
        Ok(EXIT_OK)
    }
}
