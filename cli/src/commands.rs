//! One function per verb: read the inputs, call the library, print the result.

use std::path::Path;

use jixiao::actuals::{apply_actuals, read_actuals};
use jixiao::read::encoding::encode;
use jixiao::review::{review, ReviewPolicy};
use jixiao::score::{score_document, Profile};
use jixiao::write::report;
use jixiao::{OutputFormat, Severity};

use super::{input, output, EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE};

/// `jixiao read`: any input → any output format.
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
    let bytes = if format.is_binary() {
        bytes
    } else {
        encode(&String::from_utf8_lossy(&bytes), encoding)
    };
    output::emit(&bytes, out, format.is_binary())?;
    Ok(EXIT_OK)
}

/// `jixiao check`: target review; exit 1 when there are errors.
pub fn check(
    files: &[String],
    args: &input::InputArgs,
    profile: &str,
    format: &str,
) -> Result<u8, String> {
    let policy = ReviewPolicy::for_profile(profile)?;
    let format = output::text_or_json(format)?;
    let mut any_errors = false;
    let mut reports = Vec::new();
    for file in files {
        let (document, diagnostics) = input::read_one(file, args)?;
        let mut result = review(&document, &policy);
        // What the reader recovered from belongs to the review of the file too.
        result.findings.splice(0..0, diagnostics);
        any_errors |= result.has_errors();
        reports.push((file, result));
    }
    match format {
        output::Format::Text => {
            for (file, result) in &reports {
                if reports.len() > 1 {
                    println!("== {file}");
                }
                print!("{}", result.to_text());
            }
        }
        output::Format::Json => {
            let json: Vec<_> = reports
                .iter()
                .map(|(file, r)| serde_json::json!({ "file": file, "review": r }))
                .collect();
            output::print_json(&if json.len() == 1 {
                json[0]["review"].clone()
            } else {
                json.into()
            })?;
        }
    }
    Ok(if any_errors { EXIT_FINDINGS } else { EXIT_OK })
}

/// `jixiao score`: score each declaration's self-evaluation.
pub fn score(
    file: &str,
    actuals: Option<&str>,
    args: &input::InputArgs,
    profile: &str,
    format: &str,
    explain: bool,
    out: Option<&Path>,
) -> Result<u8, String> {
    let profile = Profile::by_name(profile)?;
    let (mut document, diagnostics) = input::read_one(file, args)?;
    output::print_diagnostics(&diagnostics, Severity::Warning);
    if let Some(actuals_file) = actuals {
        let bytes = input::read_bytes(actuals_file)?;
        let table = read_actuals(&bytes, &input::options(actuals_file, args)?)
            .map_err(|e| e.to_string())?;
        let (joined, findings) = apply_actuals(&document, &table).map_err(|e| e.to_string())?;
        output::print_diagnostics(&findings, Severity::Info);
        document = joined;
    }
    let cards = score_document(&document, &profile);
    let width = out.is_none().then(output::terminal_width).flatten();
    let bytes = match format {
        "text" => {
            let mut text = String::new();
            for card in &cards {
                match width {
                    Some(w) => text.push_str(&card.to_text_width(w)),
                    None => text.push_str(&card.to_text()),
                }
                if explain {
                    text.push('\n');
                    text.push_str(&card.explain());
                }
                text.push('\n');
            }
            text.into_bytes()
        }
        "json" => output::json_bytes(&cards)?,
        "md" | "markdown" => report::scorecards_markdown(&cards).into_bytes(),
        "xlsx" => report::scorecards_xlsx(&cards).map_err(|e| e.to_string())?,
        other => {
            return Err(format!(
                "unknown format `{other}` (expected text, json, md or xlsx)"
            ))
        }
    };
    output::emit(&bytes, out, format == "xlsx")?;
    Ok(EXIT_OK)
}

/// `jixiao audit`: re-check published figures.
pub fn audit(
    files: &[String],
    args: &input::InputArgs,
    profile: &str,
    format: &str,
) -> Result<u8, String> {
    let profile = Profile::by_name(profile)?;
    let format = output::text_or_json(format)?;
    let mut audits = Vec::new();
    for file in files {
        let (document, diagnostics) = input::read_one(file, args)?;
        output::print_diagnostics(&diagnostics, Severity::Warning);
        audits.extend(jixiao::audit::audit_document(&document, &profile));
    }
    match format {
        output::Format::Text => audits.iter().for_each(|a| print!("{}", a.to_text())),
        output::Format::Json => output::print_json(&audits)?,
    }
    Ok(EXIT_OK)
}

/// `jixiao summary`: roll-up across declarations.
pub fn summary(
    files: &[String],
    args: &input::InputArgs,
    profile: &str,
    score_profile: &str,
    format: &str,
) -> Result<u8, String> {
    let policy = ReviewPolicy::for_profile(profile)?;
    let score_profile = Profile::by_name(score_profile)?;
    // A roll-up of a folder goes on past a file it cannot read: each such file is named
    // with its error, the summary covers the others, and the exit status says so.
    let mut documents = Vec::new();
    let mut unreadable = 0usize;
    for file in files {
        match input::read_one(file, args) {
            Ok((document, diagnostics)) => {
                output::print_diagnostics(&diagnostics, Severity::Warning);
                documents.push(document);
            }
            Err(message) => {
                eprintln!("jixiao: {message}");
                unreadable += 1;
            }
        }
    }
    if documents.is_empty() {
        return Err(format!("none of the {} files could be read", files.len()));
    }
    if unreadable > 0 {
        eprintln!(
            "jixiao: {unreadable} of {} files could not be read; the summary covers the other {}",
            files.len(),
            documents.len()
        );
    }
    let summary = jixiao::summary::summarize_scored(&documents, &policy, &score_profile);
    match format {
        "text" => print!("{}", summary.to_text()),
        "json" => output::print_json(&summary)?,
        "csv" => print!("{}", report::summary_csv(&summary)),
        other => {
            return Err(format!(
                "unknown format `{other}` (expected text, json or csv)"
            ))
        }
    }
    Ok(if unreadable > 0 {
        EXIT_UNREADABLE
    } else {
        EXIT_OK
    })
}
