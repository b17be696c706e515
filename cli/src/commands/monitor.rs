//! `jixiao monitor`: mid-year monitoring of 执行监控表s.

use jixiao::monitor::{
    check_against_evaluation, monitor_document, rollup, DepartmentRollup, MonitorPolicy,
};
use jixiao::Severity;

use crate::{input, output, EXIT_OK};

/// The options of `jixiao monitor` besides the files.
pub struct Options<'a> {
    /// `--month`.
    pub month: Option<u32>,
    /// `--policy`: a shipped name or a JSON file.
    pub policy: &'a str,
    /// `--format`.
    pub format: &'a str,
    /// `--rollup`.
    pub rollup: bool,
    /// `--selfeval`.
    pub selfeval: Option<&'a str>,
}

/// A shipped policy name, or a file holding a JSON policy.
fn policy(name: &str) -> Result<MonitorPolicy, String> {
    if jixiao::monitor::POLICY_NAMES.contains(&name) || !std::path::Path::new(name).is_file() {
        return MonitorPolicy::parse(name);
    }
    let bytes = input::read_bytes(name)?;
    MonitorPolicy::from_json(&String::from_utf8_lossy(&bytes)).map_err(|e| format!("{name}: {e}"))
}

/// Runs the verb.
pub fn run(files: &[String], args: &input::InputArgs, o: Options<'_>) -> Result<u8, String> {
    let policy = policy(o.policy)?;
    let format = output::text_or_json(o.format)?;
    let mut reports = Vec::new();
    let mut documents = Vec::new();
    for file in files {
        let (document, diagnostics) = input::read_one(file, args)?;
        output::print_diagnostics(&diagnostics, Severity::Warning);
        reports.extend(
            monitor_document(&document, o.month, &policy).map_err(|e| format!("{file}: {e}"))?,
        );
        documents.push(document);
    }
    if let Some(selfeval) = o.selfeval {
        let (evaluation, diagnostics) = input::read_one(selfeval, args)?;
        output::print_diagnostics(&diagnostics, Severity::Warning);
        let findings: Vec<_> = documents
            .iter()
            .flat_map(|d| check_against_evaluation(d, &evaluation, &policy))
            .collect();
        match format {
            output::Format::Json => output::print_json(&findings)?,
            output::Format::Text => {
                for f in &findings {
                    println!(
                        "[{}] {} {}: {}",
                        f.code,
                        f.project,
                        f.indicator.as_deref().unwrap_or("budget"),
                        f.message
                    );
                }
            }
        }
        return Ok(EXIT_OK);
    }
    if o.rollup {
        let rollups = rollup(&reports);
        match format {
            output::Format::Json => output::print_json(&rollups)?,
            output::Format::Text => print!("{}", DepartmentRollup::to_text(&rollups)),
        }
        return Ok(EXIT_OK);
    }
    match format {
        output::Format::Json => output::print_json(&reports)?,
        output::Format::Text => {
            for r in &reports {
                print!("{}", r.to_text());
            }
        }
    }
    Ok(EXIT_OK)
}
