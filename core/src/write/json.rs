//! The canonical JSON writer.

use crate::model::Document;

/// The canonical JSON of a document, pretty-printed with two-space indents and a final
/// newline. Keys come in model order; money and values are decimal strings.
pub fn to_json(document: &Document) -> String {
    // Serializing the model cannot fail: every map key is a string and no value is a float.
    let mut out = serde_json::to_string_pretty(document)
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// The canonical JSON on one line, for embedding.
pub fn to_json_compact(document: &Document) -> String {
    serde_json::to_string(document).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
