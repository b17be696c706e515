//! HTML: `Document.report()`, `jixiao.report()` and the `_repr_html_` of documents,
//! declarations and scorecards. Every page and fragment is core's `write::html`, so a
//! notebook shows what the page shows; this module only picks the options and converts.

use std::sync::Arc;

use pyo3::prelude::*;

use jixiao::write::html::{document_fragment, document_html, rollup_html, HtmlOptions};
use jixiao::{Declaration, Document, Finding};

use crate::analysis::{policy_arg, profile_arg};
use crate::document::PyDocument;

pub(crate) use jixiao::write::html::esc;

/// The table style of the small tables that are not report pages (a review's findings).
pub(crate) const STYLE: &str = "<style>.jixiao td,.jixiao th{text-align:left;vertical-align:top}.jixiao td.n{text-align:right}</style>";

/// How many declarations a notebook shows of a document.
const NOTEBOOK_LIMIT: usize = 20;

/// The report options of `profile=` (the review framework) and `score=` (the scoring
/// profile: a name, a dict, or `None` for `auto`).
fn options(profile: Option<&str>, score: Option<&Bound<'_, PyAny>>) -> PyResult<HtmlOptions> {
    Ok(HtmlOptions {
        policy: policy_arg(profile)?,
        profile: profile_arg(score)?,
    })
}

/// The notebook view of a document: the report's sections (the first 20 declarations).
pub(crate) fn document(doc: &Document, diagnostics: &[Finding]) -> String {
    document_fragment(doc, diagnostics, &HtmlOptions::default(), NOTEBOOK_LIMIT)
}

/// The notebook view of one declaration: its report section alone.
pub(crate) fn declaration(doc: &Document, d: &Declaration) -> String {
    let alone = Document {
        schema: doc.schema.clone(),
        title: None,
        year: doc.year,
        declarations: vec![d.clone()],
    };
    document_fragment(&alone, &[], &HtmlOptions::default(), 1)
}

/// The page of one document (`Document.report()`).
pub(crate) fn document_page(
    py: Python<'_>,
    doc: &Arc<Document>,
    diagnostics: &Arc<Vec<Finding>>,
    profile: Option<&str>,
    score: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let options = options(profile, score)?;
    let (doc, diagnostics) = (doc.clone(), diagnostics.clone());
    Ok(py.detach(move || crate::errors::guard(|| document_html(&doc, &diagnostics, &options)))?)
}

/// The HTML report (审核/复核报告) of several documents as one self-contained page: a
/// roll-up (funding by source, grade distribution, findings by code, a table of every
/// project linking to its section), then each project's section as `Document.report()`
/// shows it. `documents` holds `Document`s or what `read` takes (paths, bytes), read
/// here; `profile` is the review framework (`any` by default), `score` the scoring
/// profile (a name or dict; `auto` by default).
///
/// >>> page = jixiao.report(["tests/data/shanghai-eeb-enforcement-2024.txt", doc])
/// >>> page.startswith("<!DOCTYPE html>"), "项目 10" in page
/// (True, True)
#[pyfunction]
#[pyo3(signature = (documents, *, profile = None, score = None))]
pub(crate) fn report(
    py: Python<'_>,
    documents: &Bound<'_, PyAny>,
    profile: Option<&str>,
    score: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    if documents.is_instance_of::<pyo3::types::PyString>()
        || documents.is_instance_of::<pyo3::types::PyBytes>()
        || documents.cast::<PyDocument>().is_ok()
    {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "report() expects a list of documents or paths; for one document use Document.report()",
        ));
    }
    let options = options(profile, score)?;
    let mut docs: Vec<Arc<Document>> = Vec::new();
    for item in documents.try_iter()? {
        let item = item?;
        match item.cast::<PyDocument>() {
            Ok(d) => docs.push(d.get().doc.clone()),
            Err(_) => {
                let doc = crate::document::read(py, &item, None, None, None)?;
                docs.push(doc.doc);
            }
        }
    }
    Ok(py.detach(move || {
        crate::errors::guard(|| {
            let all: Vec<Document> = docs.iter().map(|d| (**d).clone()).collect();
            rollup_html(&all, &options)
        })
    })?)
}
