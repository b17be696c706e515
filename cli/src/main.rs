//! `jixiao`: read, check, score, audit and roll up budget performance documents
//! (绩效目标申报表 / 绩效自评表). A thin shell over the `jixiao` library: argument parsing
//! and printing only; every verb is a library call.

mod commands;
mod diff;
mod input;
mod output;
mod progress;

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
        /// Input files (`-` for standard input): form text, CSV, TSV, .xlsx, .xls, .docx, .pdf
        /// or jixiao JSON.
        #[arg(required = true)]
        files: Vec<String>,
        /// Output format: json, form, csv, tsv, md, xlsx or docx.
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
    /// Target review (绩效目标审核): exit 0 when no errors, 1 when there are errors.
    Check {
        /// Input files (`-` for standard input).
        #[arg(required = true)]
        files: Vec<String>,
        /// Review profile: any, classic, mof-2021, shanghai-2025, or a bureau's checklist
        /// (shenzhen-2023).
        #[arg(long, default_value = "any")]
        profile: String,
        /// Output: text (aligned tables), json, comments (the numbered comments per project
        /// a reviewer sends back, by 完整性/可测性/可行性) or xlsx (the same, one row per
        /// project; needs -o).
        #[arg(long, default_value = "text")]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        #[command(flatten)]
        input: input::InputArgs,
    },
    /// Score a self-evaluation (单位自评), or a declaration plus a separate actuals file.
    Score {
        /// The self-evaluation or declaration (`-` for standard input).
        file: String,
        /// A file of actual values (CSV, TSV or JSON) joined to the declarations.
        #[arg(long)]
        actuals: Option<String>,
        /// Scoring profile: auto (budget-20 for a form with a 20-point budget, else mof-2020),
        /// mof-2020, budget-20, mof-2021, shanghai-2025.
        #[arg(long, default_value = "auto")]
        profile: String,
        /// Output: text, json, md or xlsx.
        #[arg(long, default_value = "text")]
        format: String,
        /// Also print the explanation of every point (text output).
        #[arg(long)]
        explain: bool,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        #[command(flatten)]
        input: input::InputArgs,
    },
    /// Re-check the published figures of self-evaluations (自评复核).
    Audit {
        /// Input files (`-` for standard input).
        #[arg(required = true)]
        files: Vec<String>,
        /// Scoring profile: auto (budget-20 for a form with a 20-point budget, else mof-2020),
        /// mof-2020, budget-20, mof-2021, shanghai-2025.
        #[arg(long, default_value = "auto")]
        profile: String,
        /// Output: text or json.
        #[arg(long, default_value = "text")]
        format: String,
        #[command(flatten)]
        input: input::InputArgs,
    },
    /// Roll-up (汇总) across declarations.
    Summary {
        /// Input files (`-` for standard input).
        #[arg(required = true)]
        files: Vec<String>,
        /// Framework profile used for the findings counts.
        #[arg(long, default_value = "any")]
        profile: String,
        /// Scoring profile for the self-evaluations among the inputs.
        #[arg(long = "score-profile", default_value = "auto")]
        score_profile: String,
        /// Output: text, json or csv.
        #[arg(long, default_value = "text")]
        format: String,
        #[command(flatten)]
        input: input::InputArgs,
    },
    /// HTML report (审核/复核报告): one self-contained page per document, a roll-up page for
    /// several files.
    Report {
        /// Input files (`-` for standard input).
        #[arg(required = true)]
        files: Vec<String>,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Framework profile of the target review: any, classic, mof-2021, shanghai-2025.
        #[arg(long, default_value = "any")]
        profile: String,
        /// Scoring profile of the self-evaluations: auto, mof-2020, budget-20, mof-2021,
        /// shanghai-2025.
        #[arg(long = "score-profile", default_value = "auto")]
        score_profile: String,
        /// A roll-up page even for one file (several files always get one).
        #[arg(long)]
        rollup: bool,
        #[command(flatten)]
        input: input::InputArgs,
    },
    /// Mid-year monitoring (绩效运行监控): budget and indicator colours of 执行监控表s.
    Monitor {
        /// Monitoring tables (`-` for standard input).
        #[arg(required = true)]
        files: Vec<String>,
        /// The period's last month (1-M月); default: the month the table states.
        #[arg(long)]
        month: Option<u32>,
        /// Warning policy: monitor-bands, milestones-local-example, or a JSON policy file.
        #[arg(long, default_value = "monitor-bands")]
        policy: String,
        /// Output: text or json.
        #[arg(long, default_value = "text")]
        format: String,
        /// Print the roll-up by department instead of the projects.
        #[arg(long)]
        rollup: bool,
        /// A self-evaluation (自评表) of the same year to check the forecasts against.
        #[arg(long = "selfeval")]
        selfeval: Option<String>,
        #[command(flatten)]
        input: input::InputArgs,
    },
    /// Target changes (目标调整, year on year) from the OLD declarations to the NEW ones.
    Diff {
        /// The earlier declarations (last year's, or the original before 调整).
        old: String,
        /// The later declarations.
        new: String,
        /// Last year's self-evaluation (绩效自评表): flags new targets below its actuals.
        #[arg(long)]
        actuals: Option<String>,
        /// Output: text or json.
        #[arg(long, default_value = "text")]
        format: String,
        #[command(flatten)]
        input: input::InputArgs,
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
        Command::Check {
            files,
            profile,
            format,
            output,
            input,
        } => commands::check(&files, &input, &profile, &format, output.as_deref()),
        Command::Score {
            file,
            actuals,
            profile,
            format,
            explain,
            output,
            input,
        } => commands::score(
            &file,
            actuals.as_deref(),
            &input,
            &profile,
            &format,
            explain,
            output.as_deref(),
        ),
        Command::Audit {
            files,
            profile,
            format,
            input,
        } => commands::audit(&files, &input, &profile, &format),
        Command::Summary {
            files,
            profile,
            score_profile,
            format,
            input,
        } => commands::summary(&files, &input, &profile, &score_profile, &format),
        Command::Report {
            files,
            output,
            profile,
            score_profile,
            rollup,
            input,
        } => commands::report(
            &files,
            &input,
            &profile,
            &score_profile,
            rollup,
            output.as_deref(),
        ),
        Command::Monitor {
            files,
            month,
            policy,
            format,
            rollup,
            selfeval,
            input,
        } => commands::monitor::run(
            &files,
            &input,
            commands::monitor::Options {
                month,
                policy: &policy,
                format: &format,
                rollup,
                selfeval: selfeval.as_deref(),
            },
        ),
        Command::Diff {
            old,
            new,
            actuals,
            format,
            input,
        } => diff::diff(&old, &new, actuals.as_deref(), &input, &format),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("jixiao: {message}");
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}
