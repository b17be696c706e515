//! `jx_scorecard`: self-evaluation scoring (单位自评, domain.md §5) of every declaration of
//! a document, optionally joined to a separate actuals file first.

use std::ffi::{c_char, CString};

use jixiao::actuals::{apply_actuals, read_actuals};
use jixiao::read::ReadOptions;
use jixiao::score::{score_document, Scorecard};
use jixiao::Finding;

use crate::bytes::{hand_out, jx_bytes};
use crate::document::{doc_ref, jx_document};
use crate::error::{actuals_error, jx_result, null_parameter, read_error};
use crate::options::{encode_text, jx_encoding, jx_read_options, optional_str};
use crate::panic::{ffi_boundary, try_non_null, try_ok};
use crate::profile::scoring_profile;
use crate::report::jx_report;

/// The C strings of one scorecard, made once so accessors can lend them.
struct CCard {
    project: CString,
    total: CString,
    max: CString,
    open: CString,
    grade: Option<CString>,
}

/// The scorecards (自评得分表) of every declaration of a document: for each, the budget
/// execution score, every indicator's score with the rule, inputs and arithmetic behind
/// it, the points per 一级, the total (总分), whether everything could be scored, and the
/// grade (等级). Nothing unscorable is silently 0: it is left open, and the scorecard is
/// then incomplete, with no grade.
///
/// Ownership: the caller owns it and releases it with `jx_scorecard_free`, exactly once.
/// It is an independent copy: it stays valid after the document is freed. Strings the
/// accessors return belong to the scorecard and stay valid until `jx_scorecard_free`.
///
/// Encoding: every string and text output is in the encoding chosen in `jx_score`.
///
/// Threads: immutable; may be read from several threads at once.
pub struct jx_scorecard {
    cards: Vec<Scorecard>,
    /// The cards as JSON values, made on the first `jx_scorecard_get`.
    values: std::sync::OnceLock<Vec<serde_json::Value>>,
    strings: Vec<CCard>,
    diagnostics: Vec<Finding>,
    encoding: jx_encoding,
}

fn c_text(text: &str, encoding: jx_encoding) -> Result<CString, jx_result> {
    let mut bytes = encode_text(text, encoding)?;
    bytes.retain(|&b| b != 0);
    Ok(CString::new(bytes).unwrap_or_default())
}

/// Scores every declaration of `doc` (绩效自评, domain.md §5) under `profile` and returns
/// a new scorecard set, one scorecard per declaration, every string in `encoding`.
///
/// `profile` is NULL (the default, `auto`: `budget-20` for a form with a 20-point budget,
/// else `mof-2020`: 预算执行率 10, 产出 50, 效益 30, 满意度 10, 财预〔2020〕10号), a name
/// (`auto`, `mof-2020`, `budget-20`, `mof-2021`, `shanghai-2025`), or a
/// scoring profile as JSON (see the Rust `Profile`).
///
/// A self-evaluation (自评表) carries its actuals. A declaration (申报表) is scored with a
/// separate actuals file: `actuals_len` bytes at `actuals` (CSV/TSV with a header row, or
/// JSON; UTF-8 or GB18030), read with `actuals_options` (NULL: defaults; only `encoding`
/// and `file_name` apply) and joined to the document by project and indicator name. Pass
/// `actuals = NULL, actuals_len = 0` for none. Indicators the file leaves without an
/// actual become diagnostics (`jx_scorecard_diagnostics`) and are not scorable.
///
/// On success writes `*out` (free it with `jx_scorecard_free`). On failure writes nothing
/// and returns `JX_RESULT_NULL_PARAMETER`, `JX_RESULT_INVALID_ARGUMENT`,
/// `JX_RESULT_UNKNOWN_PROFILE`, a read error of the actuals file (100–199) or an actuals
/// error (300–399: a row naming an unknown or ambiguous project or indicator), with file
/// and row in `jx_last_error_message`. Thread-safe for a shared `doc`.
#[no_mangle]
pub extern "C" fn jx_score(
    doc: *const jx_document,
    profile: *const c_char,
    actuals: *const u8,
    actuals_len: usize,
    actuals_options: *const jx_read_options,
    encoding: jx_encoding,
    out: *mut *mut jx_scorecard,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let doc = try_non_null!(unsafe { doc_ref(doc) }, "doc");
        if out.is_null() {
            return null_parameter("out");
        }
        if actuals.is_null() && actuals_len > 0 {
            return null_parameter("actuals");
        }
        if let Err(e) = encoding.to_core() {
            return e;
        }
        // SAFETY: `profile` is NULL or NUL-terminated (documented contract).
        let profile = try_ok!(unsafe { scoring_profile(profile) });
        let document = &doc.reading().document;
        let (cards, diagnostics) = if actuals.is_null() {
            (score_document(document, &profile), Vec::new())
        } else {
            // SAFETY: not NULL, and the caller guarantees `actuals_len` readable bytes.
            let bytes = try_ok!(unsafe { crate::options::c_slice(actuals, actuals_len, "actuals") });
            // SAFETY: NULL or a readable jx_read_options (documented contract).
            let options = unsafe { actuals_options.as_ref() };
            let mut read_options = ReadOptions::default();
            if let Some(o) = options {
                read_options.encoding = try_ok!(o.encoding.to_core());
                // SAFETY: `file_name` is NULL or NUL-terminated (documented contract).
                read_options.file_name = try_ok!(unsafe { optional_str(o.file_name, "file_name") });
            }
            let table = match read_actuals(bytes, &read_options) {
                Ok(t) => t,
                Err(error) => return read_error(&error),
            };
            match apply_actuals(document, &table) {
                Ok((joined, findings)) => (score_document(&joined, &profile), findings),
                Err(error) => return actuals_error(&error),
            }
        };
        let strings = match cards
            .iter()
            .map(|card| {
                Ok(CCard {
                    project: c_text(&card.project, encoding)?,
                    total: c_text(&card.total.to_string(), encoding)?,
                    max: c_text(&card.max.to_string(), encoding)?,
                    open: c_text(&card.open.to_string(), encoding)?,
                    grade: card.grade.as_deref().map(|g| c_text(g, encoding)).transpose()?,
                })
            })
            .collect::<Result<Vec<_>, jx_result>>()
        {
            Ok(s) => s,
            Err(e) => return e,
        };
        let scorecard = jx_scorecard {
            cards,
            values: std::sync::OnceLock::new(),
            strings,
            diagnostics,
            encoding,
        };
        // SAFETY: `out` is not NULL (checked first) and valid for one pointer write.
        unsafe { *out = Box::into_raw(Box::new(scorecard)) };
        jx_result::Ok
    }
}

/// Borrows the strings of scorecard `index`; `None` for NULL or out of range.
fn strings<'a>(sc: *const jx_scorecard, index: usize) -> Option<&'a CCard> {
    // SAFETY: `sc` is NULL or a live handle (documented contract of every accessor).
    unsafe { sc.as_ref() }.and_then(|s| s.strings.get(index))
}

/// Borrows scorecard `index`; `None` for NULL or out of range.
fn card<'a>(sc: *const jx_scorecard, index: usize) -> Option<&'a Scorecard> {
    // SAFETY: `sc` is NULL or a live handle (documented contract of every accessor).
    unsafe { sc.as_ref() }.and_then(|s| s.cards.get(index))
}

/// The number of scorecards (one per declaration); 0 when `sc` is NULL.
#[no_mangle]
pub extern "C" fn jx_scorecard_count(sc: *const jx_scorecard) -> usize {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let sc = try_non_null!(unsafe { sc.as_ref() }, "sc");
        sc.cards.len()
    }
}

/// The project (项目名称) of scorecard `index`, or NULL when there is no such scorecard.
/// Valid until `jx_scorecard_free`.
#[no_mangle]
pub extern "C" fn jx_scorecard_project(sc: *const jx_scorecard, index: usize) -> *const c_char {
    ffi_boundary! { strings(sc, index).map_or(std::ptr::null(), |s| s.project.as_ptr()) }
}

/// 总分 of scorecard `index` as an exact decimal string (`"98.62"`): the budget score plus
/// every indicator's rounded score, of what could be scored. NULL when there is no such
/// scorecard. Valid until `jx_scorecard_free`.
#[no_mangle]
pub extern "C" fn jx_scorecard_total(sc: *const jx_scorecard, index: usize) -> *const c_char {
    ffi_boundary! { strings(sc, index).map_or(std::ptr::null(), |s| s.total.as_ptr()) }
}

/// The points scorecard `index` is out of (`"100.00"`), as an exact decimal string; NULL
/// when there is no such scorecard. Valid until `jx_scorecard_free`.
#[no_mangle]
pub extern "C" fn jx_scorecard_max(sc: *const jx_scorecard, index: usize) -> *const c_char {
    ffi_boundary! { strings(sc, index).map_or(std::ptr::null(), |s| s.max.as_ptr()) }
}

/// The points left open by what could not be scored (`"0"` when complete), as an exact
/// decimal string; NULL when there is no such scorecard. Valid until `jx_scorecard_free`.
#[no_mangle]
pub extern "C" fn jx_scorecard_open(sc: *const jx_scorecard, index: usize) -> *const c_char {
    ffi_boundary! { strings(sc, index).map_or(std::ptr::null(), |s| s.open.as_ptr()) }
}

/// 等级 of scorecard `index` (`优`, `良`, `中`, `差`), or NULL when the scorecard is
/// incomplete (no grade) or there is no such scorecard. Valid until `jx_scorecard_free`.
#[no_mangle]
pub extern "C" fn jx_scorecard_grade(sc: *const jx_scorecard, index: usize) -> *const c_char {
    ffi_boundary! {
        strings(sc, index)
            .and_then(|s| s.grade.as_ref())
            .map_or(std::ptr::null(), |g| g.as_ptr())
    }
}

/// 1 when everything in scorecard `index` could be scored, 0 when something was left open
/// or there is no such scorecard.
#[no_mangle]
pub extern "C" fn jx_scorecard_complete(sc: *const jx_scorecard, index: usize) -> u32 {
    ffi_boundary! { u32::from(card(sc, index).is_some_and(|c| c.complete)) }
}

/// What `jx_scorecard_json`, `_explain` and `_text` produce.
#[derive(Clone, Copy)]
enum CardText {
    Json,
    Explain,
    Table,
}

fn card_text(
    sc: *const jx_scorecard,
    index: usize,
    what: CardText,
    out: *mut *mut jx_bytes,
) -> jx_result {
    // SAFETY: NULL or a live handle (documented contract).
    let sc = match unsafe { sc.as_ref() } {
        Some(sc) => sc,
        None => return null_parameter("sc"),
    };
    if out.is_null() {
        return null_parameter("out");
    }
    let Some(card) = sc.cards.get(index) else {
        return past_the_end(sc, index);
    };
    let text = match what {
        CardText::Json => card.to_json() + "\n",
        CardText::Explain => card.explain(),
        CardText::Table => card.to_text(),
    };
    match encode_text(&text, sc.encoding) {
        Ok(bytes) => {
            hand_out(out, bytes);
            jx_result::Ok
        }
        Err(e) => e,
    }
}

/// Scorecard `index` as pretty JSON with a final newline (formats.md: `profile`, `budget`,
/// `indicators` with `score`/`status`/`rule`/`explanation`/`flags`, `levels`, `total`,
/// `complete`, `open`, `grade`; every figure a decimal string), in the scorecard's
/// encoding. The same bytes as the Rust `Scorecard::to_json` plus a newline, and as the
/// Python and CLI JSON.
///
/// On success writes a new buffer to `*out` (free it with `jx_bytes_free`); on failure
/// writes nothing and returns `JX_RESULT_NULL_PARAMETER` or `JX_RESULT_INVALID_ARGUMENT`
/// (`index >= jx_scorecard_count(sc)`).
#[no_mangle]
pub extern "C" fn jx_scorecard_json(
    sc: *const jx_scorecard,
    index: usize,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! { card_text(sc, index, CardText::Json, out) }
}

/// One value of scorecard `index`'s JSON (see `jx_scorecard_json`), addressed by a JSON
/// pointer (RFC 6901) such as `/indicators/2/score` (an exact decimal string), `/indicators/2/status`
/// (`met`, `partial`, `unmet`, `not_scorable`), `/indicators/2/explanation`,
/// `/budget/rate` or `/levels/产出指标/score`; in the scorecard's encoding. A string comes
/// back as its text, anything else as compact JSON; use `jx_scorecard_len` for counts.
///
/// On success writes a new buffer to `*out` (free it with `jx_bytes_free`). On failure
/// writes nothing and returns `JX_RESULT_NOT_FOUND`, `JX_RESULT_NO_VALUE` (`null`: e.g. the
/// score of an indicator that could not be scored), `JX_RESULT_NULL_PARAMETER` or
/// `JX_RESULT_INVALID_ARGUMENT` (index past the end, not a JSON pointer).
#[no_mangle]
pub extern "C" fn jx_scorecard_get(
    sc: *const jx_scorecard,
    index: usize,
    pointer: *const c_char,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let sc = try_non_null!(unsafe { sc.as_ref() }, "sc");
        if out.is_null() {
            return null_parameter("out");
        }
        let Some(card) = card_value(sc, index) else {
            return past_the_end(sc, index);
        };
        // SAFETY: `pointer` is NULL or NUL-terminated (documented contract).
        let value = try_ok!(unsafe { crate::json::lookup(card, pointer, "/indicators/0/score") });
        let text = try_ok!(crate::json::value_text(value));
        match encode_text(&text, sc.encoding) {
            Ok(bytes) => {
                hand_out(out, bytes);
                jx_result::Ok
            }
            Err(e) => e,
        }
    }
}

/// The number of elements of the array (or keys of the object) at a JSON pointer of
/// scorecard `index`'s JSON, e.g. `/indicators`; see `jx_scorecard_get`. On success writes
/// `*out`; on failure writes nothing and returns `JX_RESULT_NOT_FOUND`,
/// `JX_RESULT_NO_VALUE`, `JX_RESULT_INVALID_ARGUMENT` or `JX_RESULT_NULL_PARAMETER`.
#[no_mangle]
pub extern "C" fn jx_scorecard_len(
    sc: *const jx_scorecard,
    index: usize,
    pointer: *const c_char,
    out: *mut usize,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let sc = try_non_null!(unsafe { sc.as_ref() }, "sc");
        if out.is_null() {
            return null_parameter("out");
        }
        let Some(card) = card_value(sc, index) else {
            return past_the_end(sc, index);
        };
        // SAFETY: `pointer` is NULL or NUL-terminated (documented contract).
        let value = try_ok!(unsafe { crate::json::lookup(card, pointer, "/indicators") });
        let len = match value {
            serde_json::Value::Array(items) => items.len(),
            serde_json::Value::Object(map) => map.len(),
            serde_json::Value::Null => return crate::json::no_value(),
            _ => {
                return crate::error::invalid_argument(
                    "the value is neither an array nor an object".to_owned(),
                )
            }
        };
        // SAFETY: `out` is not NULL and valid for one size_t write (documented contract).
        unsafe { *out = len };
        jx_result::Ok
    }
}

fn card_value(sc: &jx_scorecard, index: usize) -> Option<&serde_json::Value> {
    sc.values
        .get_or_init(|| {
            sc.cards
                .iter()
                .map(|c| serde_json::to_value(c).unwrap_or(serde_json::Value::Null))
                .collect()
        })
        .get(index)
}

fn past_the_end(sc: &jx_scorecard, index: usize) -> jx_result {
    crate::error::invalid_argument(format!(
        "index {index} is past the last scorecard ({} in all)",
        sc.cards.len()
    ))
}

/// Every scorecard as one pretty JSON array with a final newline, in the scorecard's
/// encoding: the same bytes as the Rust `serde_json::to_string_pretty(&cards)` plus a
/// newline (`tests/golden/seed-scorecards.json` is such an array). On success writes a new
/// buffer to `*out` (free it with `jx_bytes_free`); on failure writes nothing and returns
/// `JX_RESULT_NULL_PARAMETER`.
#[no_mangle]
pub extern "C" fn jx_scorecard_json_all(
    sc: *const jx_scorecard,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let sc = try_non_null!(unsafe { sc.as_ref() }, "sc");
        if out.is_null() {
            return null_parameter("out");
        }
        // Scorecards serialize with string keys and decimal strings: this cannot fail.
        let mut json = serde_json::to_string_pretty(&sc.cards).unwrap_or_default();
        json.push('\n');
        match encode_text(&json, sc.encoding) {
            Ok(bytes) => {
                hand_out(out, bytes);
                jx_result::Ok
            }
            Err(e) => e,
        }
    }
}

/// The explanation of scorecard `index`: for every item the rule applied (with the
/// document it comes from), the inputs and the arithmetic, then the levels and the total.
/// Same contract as `jx_scorecard_json`.
#[no_mangle]
pub extern "C" fn jx_scorecard_explain(
    sc: *const jx_scorecard,
    index: usize,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! { card_text(sc, index, CardText::Explain, out) }
}

/// Scorecard `index` as an aligned table (一级指标, 三级指标, 指标值, 实际完成值, 分值, 得分,
/// 状态) with the total and grade, as a terminal shows it. Same contract as
/// `jx_scorecard_json`.
#[no_mangle]
pub extern "C" fn jx_scorecard_text(
    sc: *const jx_scorecard,
    index: usize,
    out: *mut *mut jx_bytes,
) -> jx_result {
    ffi_boundary! { card_text(sc, index, CardText::Table, out) }
}

/// What joining the actuals file reported (indicators left without an actual, projects
/// without budget figures, duplicate rows) as a new report in the scorecard's encoding;
/// empty when no actuals file was given. On success writes `*out` (free it with
/// `jx_report_free`); on failure writes nothing and returns `JX_RESULT_NULL_PARAMETER`.
#[no_mangle]
pub extern "C" fn jx_scorecard_diagnostics(
    sc: *const jx_scorecard,
    out: *mut *mut jx_report,
) -> jx_result {
    ffi_boundary! {
        // SAFETY: NULL or a live handle (documented contract).
        let sc = try_non_null!(unsafe { sc.as_ref() }, "sc");
        if out.is_null() {
            return null_parameter("out");
        }
        let json = crate::json::findings_json(&sc.diagnostics);
        match jx_report::new(&sc.diagnostics, &json, sc.encoding) {
            Ok(report) => {
                report.hand_out(out);
                jx_result::Ok
            }
            Err(e) => e,
        }
    }
}

/// Releases a scorecard set. NULL is allowed and does nothing. Every string obtained from
/// it is invalid afterwards; buffers made from it stay valid.
#[no_mangle]
pub extern "C" fn jx_scorecard_free(sc: *mut jx_scorecard) {
    ffi_boundary! {
        if !sc.is_null() {
            // SAFETY: `sc` came from Box::into_raw in `jx_score` and is freed once
            // (documented contract).
            drop(unsafe { Box::from_raw(sc) });
        }
    }
}
