//! `jixiao diff`: target changes (目标调整 / 年度对比) between two declarations.

use jixiao::Severity;

use super::{input, output, EXIT_OK};

/// `jixiao diff OLD NEW [--actuals PRIOR]`: what changed from `old` to `new`, with the
/// prior self-evaluation (上年自评表) for `below_last_actual`.
pub fn diff(
    old: &str,
    new: &str,
    actuals: Option<&str>,
    args: &input::InputArgs,
    format: &str,
) -> Result<u8, String> {
    let format = output::text_or_json(format)?;
    let read = |file: &str| -> Result<jixiao::Document, String> {
        let (document, diagnostics) = input::read_one(file, args)?;
        output::print_diagnostics(&diagnostics, Severity::Warning);
        Ok(document)
    };
    let (old, new) = (read(old)?, read(new)?);
    let prior = actuals.map(read).transpose()?;
    if let Some(p) = &prior {
        if p.declarations.iter().all(|d| d.evaluation.is_none()) {
            return Err(format!(
                "{}: no self-evaluation (绩效自评表) in this file: --actuals expects last year's 自评表",
                actuals.unwrap_or_default()
            ));
        }
    }
    let changes = jixiao::diff::diff(&old, &new, prior.as_ref());
    match format {
        output::Format::Text => print!("{}", jixiao::diff::diff_text(&changes)),
        output::Format::Json => {
            output::emit(jixiao::diff::diff_json(&changes).as_bytes(), None, false)?
        }
    }
    Ok(EXIT_OK)
}
