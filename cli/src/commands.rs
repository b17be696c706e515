//! One function per verb: read the inputs, call the library, print the result.

pub mod monitor;

use std::path::Path;

use jixiao::actuals::{apply_actuals, read_actuals};
use jixiao::read::encoding::encode;
use jixiao::review::{comments, comments_text, review, ReviewPolicy};
use jixiao::score::{score_document, Profile};
use jixiao::write::report;
use jixiao::{OutputFormat, Severity};

use super::progress::Progress;
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
    out: Option<&Path>,
) -> Result<u8, String> {
    let policy = ReviewPolicy::from_spec(profile).map_err(|e| e.to_string())?;
    if matches!(format, "comments" | "xlsx") {
        return check_comments(files, args, &policy, format == "xlsx", out);
    }
    let format = output::text_or_json(format)
        .map_err(|e| format!("{e}; check also writes comments or xlsx"))?;
    let mut any_errors = false;
    let mut reports = Vec::new();
    let progress = Progress::new(files.len(), args.quiet, "checking");
    for file in files {
        let (document, diagnostics) = input::read_one(file, args)?;
        let mut result = review(&document, &policy);
        // What the reader recovered from belongs to the review of the file too.
        result.findings.splice(0..0, diagnostics);
        any_errors |= result.has_errors();
        reports.push((file, result));
        progress.inc();
    }
    drop(progress);
    let bytes = match format {
        output::Format::Text => {
            let mut text = String::new();
            for (file, result) in &reports {
                if reports.len() > 1 {
                    text.push_str(&format!("== {file}\n"));
                }
                text.push_str(&result.to_text());
            }
            text.into_bytes()
        }
        output::Format::Json => {
            let json: Vec<_> = reports
                .iter()
                .map(|(file, r)| serde_json::json!({ "file": file, "review": r }))
                .collect();
            output::json_bytes(&if json.len() == 1 {
                json[0]["review"].clone()
            } else {
                json.into()
            })?
        }
    };
    output::emit(&bytes, out, false)?;
    Ok(if any_errors { EXIT_FINDINGS } else { EXIT_OK })
}

/// `jixiao check --format comments|xlsx`: the review comments for the units, every
/// project of every file in one list (text) or one sheet (xlsx).
fn check_comments(
    files: &[String],
    args: &input::InputArgs,
    policy: &ReviewPolicy,
    xlsx: bool,
    out: Option<&Path>,
) -> Result<u8, String> {
    let mut list = Vec::new();
    let mut any_errors = false;
    for file in files {
        let (document, diagnostics) = input::read_one(file, args)?;
        output::print_diagnostics(&diagnostics, Severity::Warning);
        any_errors |= review(&document, policy).has_errors();
        list.extend(comments(&document, policy));
    }
    let bytes = if xlsx {
        jixiao::write::comments::comments_xlsx(&list).map_err(|e| e.to_string())?
    } else {
        comments_text(&list).into_bytes()
    };
    output::emit(&bytes, out, xlsx)?;
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
    let profile = Profile::from_spec(profile).map_err(|e| e.to_string())?;
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
    let profile = Profile::from_spec(profile).map_err(|e| e.to_string())?;
    let format = output::text_or_json(format)?;
    let mut audits = Vec::new();
    let progress = Progress::new(files.len(), args.quiet, "auditing");
    for file in files {
        let (document, diagnostics) = input::read_one(file, args)?;
        progress.suspend(|| output::print_diagnostics(&diagnostics, Severity::Warning));
        audits.extend(jixiao::audit::audit_document(&document, &profile));
        progress.inc();
    }
    drop(progress);
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
    let policy = ReviewPolicy::from_spec(profile).map_err(|e| e.to_string())?;
    let score_profile = Profile::from_spec(score_profile).map_err(|e| e.to_string())?;
    // A roll-up of a folder goes on past a file it cannot read: each such file is named
    // with its error, the summary covers the others, and the exit status says so.
    let mut documents = Vec::new();
    let mut unreadable = 0usize;
    let progress = Progress::new(files.len(), args.quiet, "reading");
    for file in files {
        match input::read_one(file, args) {
            Ok((document, diagnostics)) => {
                progress.suspend(|| output::print_diagnostics(&diagnostics, Severity::Warning));
                documents.push(document);
            }
            Err(message) => {
                progress.suspend(|| eprintln!("jixiao: {message}"));
                unreadable += 1;
            }
        }
        progress.inc();
    }
    drop(progress);
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

/// `jixiao report`: the HTML report of one document, or the roll-up page of several.
pub fn report(
    files: &[String],
    args: &input::InputArgs,
    profile: &str,
    score_profile: &str,
    rollup: bool,
    out: Option<&Path>,
) -> Result<u8, String> {
    let options = jixiao::write::html::HtmlOptions::by_names(profile, score_profile)?;
    let html = if files.len() == 1 && !rollup {
        let (document, diagnostics) = input::read_one(&files[0], args)?;
        jixiao::write::html::document_html(&document, &diagnostics, &options)
    } else {
        let mut documents = Vec::new();
        for file in files {
            let (document, diagnostics) = input::read_one(file, args)?;
            output::print_diagnostics(&diagnostics, Severity::Warning);
            documents.push(document);
        }
        jixiao::write::html::rollup_html(&documents, &options)
    };
    output::emit(html.as_bytes(), out, false)?;
    Ok(EXIT_OK)
}
