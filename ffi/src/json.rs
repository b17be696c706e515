//! JSON conversions of core values that core does not serialize to text itself.

use jixiao::Finding;

/// Findings as a pretty JSON array with a final newline (their serde form).
pub(crate) fn findings_json(findings: &[Finding]) -> String {
    // Serializing findings cannot fail: string keys, no floats.
    let mut out = serde_json::to_string_pretty(findings).unwrap_or_else(|_| "[]".to_owned());
    out.push('\n');
    out
}
