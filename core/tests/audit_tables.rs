//! Audits (自评复核) of deliberately inconsistent published tables: each slip gets its
//! stable code with the published and the computed figure; evaluator discretion inside a
//! qualitative band is not a finding.

#[path = "score_fixture_putuo.rs"]
mod fixture;

use fixture::{d, putuo, quantitative};
use jixiao::audit::{audit_declaration, audit_document, Audit, AuditFinding};
use jixiao::model::{Declaration, Document, Indicator, IndicatorEvaluation};
use jixiao::score::Profile;
use jixiao::taxonomy::{Level1, Level2};
use jixiao::value::Comparator;
use jixiao::Severity;

fn audit(declaration: &Declaration) -> Audit {
    audit_declaration(declaration, &Profile::default())
}

fn codes(audit: &Audit) -> Vec<&str> {
    audit.findings.iter().map(|f| f.code.as_str()).collect()
}

fn find<'a>(audit: &'a Audit, code: &str) -> &'a AuditFinding {
    audit
        .findings
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no {code} in {}", audit.to_text()))
}

fn with(mut declaration: Declaration, edit: impl FnOnce(&mut Declaration)) -> Declaration {
    edit(&mut declaration);
    declaration
}

fn evaluation(declaration: &mut Declaration) -> &mut jixiao::model::Evaluation {
    declaration.evaluation.as_mut().expect("a self-evaluation")
}

#[test]
fn a001_indicator_score_differs() {
    // 合同结算条款完成率 actual 90% of =100%, weight 20: 18, published 20 — and the total kept 98.62.
    let decl = with(putuo(), |d0| {
        evaluation(d0).indicators[1].actual = Some("90%".to_owned());
        evaluation(d0).indicators[1].deviation = Some("部分条款顺延至次年".to_owned());
    });
    let a = audit(&decl);
    let f = find(&a, "A001");
    assert_eq!(f.where_, "合同结算条款完成率");
    assert_eq!((f.published, f.computed), (Some(d("20")), Some(d("18.00"))));
    assert_eq!(f.severity, Severity::Error);
    let total = find(&a, "A012");
    assert_eq!(
        (total.published, total.computed),
        (Some(d("98.62")), Some(d("96.62")))
    );
    assert!(
        !codes(&a).contains(&"A003"),
        "the published figures still add up"
    );
}

#[test]
fn a002_budget_score_vs_rate() {
    let decl = with(putuo(), |d0| {
        evaluation(d0).budget.score = Some(d("8.61"));
        evaluation(d0).total = Some(d("98.61"));
    });
    let a = audit(&decl);
    let f = find(&a, "A002");
    assert_eq!(
        (f.where_.as_str(), f.published, f.computed),
        ("budget", Some(d("8.61")), Some(d("8.62")))
    );
    assert!(f.message.contains("215457.6 / 250000"), "{}", f.message);
}

#[test]
fn a003_published_scores_do_not_add_up() {
    let decl = with(putuo(), |d0| evaluation(d0).total = Some(d("99.62")));
    let a = audit(&decl);
    let f = find(&a, "A003");
    assert_eq!(
        (f.published, f.computed),
        (Some(d("99.62")), Some(d("98.62")))
    );
    assert!(codes(&a).contains(&"A012"));
}

#[test]
fn a004_weights_sum_to_110() {
    let decl = with(putuo(), |d0| {
        d0.indicators[1].weight = Some(d("30"));
        evaluation(d0).indicators[1].score = Some(d("30"));
        evaluation(d0).total = Some(d("108.62"));
        evaluation(d0).total_weight = Some(d("100"));
    });
    let a = audit(&decl);
    let level = a
        .findings
        .iter()
        .find(|f| f.code == "A004" && f.where_ == "产出指标")
        .expect("level A004");
    assert_eq!(
        (level.published, level.computed),
        (Some(d("60")), Some(d("50")))
    );
    let total = a
        .findings
        .iter()
        .find(|f| f.code == "A004" && f.where_ == "total")
        .expect("total A004");
    assert_eq!(
        (total.published, total.computed),
        (Some(d("110.00")), Some(d("100")))
    );
    assert!(codes(&a).contains(&"A014"));
}

#[test]
fn a005_score_above_weight() {
    let decl = with(putuo(), |d0| {
        evaluation(d0).indicators[0].score = Some(d("12"));
        evaluation(d0).total = Some(d("100.62"));
    });
    let a = audit(&decl);
    let f = find(&a, "A005");
    assert_eq!(
        (f.where_.as_str(), f.published, f.computed),
        ("与委托运营方结算完成率", Some(d("12")), Some(d("10.00")))
    );
    assert!(codes(&a).contains(&"A001"));
}

#[test]
fn a006_met_but_points_deducted_without_a_note() {
    // 费用结算及时性 is 及时 (met); 17 lies inside the 达成 band [16, 20]: no A001/A009,
    // but points were deducted from a met indicator with no deviation note.
    let decl = with(putuo(), |d0| {
        evaluation(d0).indicators[2].score = Some(d("17"));
        evaluation(d0).total = Some(d("95.62"));
    });
    let a = audit(&decl);
    assert_eq!(codes(&a), ["A006"], "{}", a.to_text());
    assert_eq!(find(&a, "A006").severity, Severity::Warning);
    // With a note, nothing at all: the evaluator's choice inside the band.
    let noted = with(decl, |d0| {
        evaluation(d0).indicators[2].deviation = Some("个别结算延迟".to_owned())
    });
    assert!(
        audit(&noted).findings.is_empty(),
        "{}",
        audit(&noted).to_text()
    );
}

#[test]
fn a007_over_achievement_without_a_note() {
    let mut decl = putuo();
    let mut indicator = Indicator::new(
        Some(Level1::Output),
        Some(Level2::Quantity),
        "场馆开放天数",
        quantitative("≥200天", Comparator::AtLeast, "200", "天"),
    );
    indicator.weight = Some(d("0"));
    decl.indicators.push(indicator);
    evaluation(&mut decl).indicators.push(IndicatorEvaluation {
        actual: Some("300天".to_owned()),
        score: Some(d("0")),
        deviation: None,
    });
    let a = audit(&decl);
    let f = find(&a, "A007");
    assert_eq!(f.where_, "场馆开放天数");
    assert!(f.message_en.contains("too low"));
}

#[test]
fn a008_form_level_points_differ_from_the_profile() {
    let decl = with(putuo(), |d0| {
        d0.level_points.insert("产出指标".to_owned(), d("50"));
        d0.level_points.insert("效益指标".to_owned(), d("40"));
    });
    let a = audit(&decl);
    let f = find(&a, "A008");
    assert_eq!(
        (f.where_.as_str(), f.published, f.computed),
        ("效益指标", Some(d("40")), Some(d("30")))
    );
    assert_eq!(
        codes(&a).iter().filter(|c| **c == "A008").count(),
        1,
        "产出指标 50 agrees"
    );
}

#[test]
fn a009_qualitative_score_outside_its_band() {
    let decl = with(putuo(), |d0| {
        evaluation(d0).indicators[2].score = Some(d("12"));
        evaluation(d0).indicators[2].deviation = Some("结算略有延迟".to_owned());
        evaluation(d0).total = Some(d("90.62"));
    });
    let a = audit(&decl);
    let f = find(&a, "A009");
    assert_eq!((f.published, f.computed), (Some(d("12")), Some(d("20.00"))));
    assert!(
        !codes(&a).contains(&"A001"),
        "a band violation is reported once, as A009"
    );
}

#[test]
fn a010_published_rate_differs() {
    let decl = with(putuo(), |d0| {
        evaluation(d0).budget.rate = Some("88.19%".to_owned())
    });
    let a = audit(&decl);
    let f = find(&a, "A010");
    assert_eq!(
        (f.published, f.computed),
        (Some(d("88.19")), Some(d("86.18")))
    );
    // The published 86.19% (86.183 written one hundredth high) is within tolerance.
    assert!(audit(&putuo()).findings.is_empty());
}

#[test]
fn a011_partial_without_a_note() {
    let decl = with(putuo(), |d0| {
        evaluation(d0).indicators[4].actual = Some("81%".to_owned());
        evaluation(d0).indicators[4].score = Some(d("9"));
        evaluation(d0).total = Some(d("97.62"));
    });
    let a = audit(&decl);
    assert_eq!(codes(&a), ["A011"], "{}", a.to_text());
}

#[test]
fn a013_cannot_recompute() {
    let decl = with(putuo(), |d0| {
        evaluation(d0).indicators[0].actual = Some("已完成".to_owned())
    });
    let a = audit(&decl);
    let f = find(&a, "A013");
    assert_eq!((f.published, f.computed), (Some(d("10")), None));
    assert_eq!(f.severity, Severity::Info);
    assert!(
        !codes(&a).contains(&"A012"),
        "an incomplete recomputation has no total to compare"
    );
}

#[test]
fn a000_no_evaluation() {
    let decl = with(putuo(), |d0| d0.evaluation = None);
    assert_eq!(codes(&audit(&decl)), ["A000"]);
}

#[test]
fn several_slips_at_once_and_json() {
    let decl = with(putuo(), |d0| {
        evaluation(d0).budget.score = Some(d("9"));
        evaluation(d0).indicators[3].score = Some(d("35"));
        evaluation(d0).total = Some(d("100"));
    });
    let a = audit(&decl);
    let mut found = codes(&a);
    found.sort_unstable();
    assert_eq!(
        found,
        ["A001", "A002", "A003", "A005", "A012"],
        "{}",
        a.to_text()
    );
    let json: serde_json::Value = serde_json::from_str(&a.to_json()).expect("json");
    let first = &json["findings"][0];
    assert_eq!(first["code"], "A002");
    assert_eq!(first["where"], "budget");
    assert_eq!(first["published"], "9");
    assert_eq!(first["computed"], "8.62");
    assert!(a.has_errors());
    let doc = Document {
        declarations: vec![putuo(), decl],
        ..Document::default()
    };
    let audits = audit_document(&doc, &Profile::default());
    assert_eq!(audits.len(), 2);
    assert!(audits[0].findings.is_empty());
    let text = audits[1].to_text();
    assert!(text.contains("A002 error"), "{text}");
}

/// The published Putuo text with slips typed into it, read by the form reader.
#[test]
fn slips_in_the_published_text_are_found() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/selfeval-putuo-sports-2022.txt"
    );
    let text = std::fs::read_to_string(path).expect("the Putuo text");
    let text = text
        .replace(
            "费用结算及时性\t及时\t及时\t20\t20",
            "费用结算及时性\t及时\t及时\t20\t25",
        )
        .replace("\t10\t86.19%\t8.62", "\t10\t86.19%\t9.62")
        .replace("100\t98.62", "100\t99.62");
    let doc = jixiao::read::read(
        text.as_bytes(),
        &jixiao::read::ReadOptions::named("slips.txt"),
    )
    .expect("reads")
    .document;
    let audits = audit_document(&doc, &Profile::default());
    let a = &audits[0];
    let mut found = codes(a);
    found.sort_unstable();
    assert_eq!(
        found,
        ["A002", "A003", "A005", "A009", "A012"],
        "{}",
        a.to_text()
    );
    assert_eq!(find(a, "A003").computed, Some(d("104.62")));
    assert_eq!(find(a, "A012").computed, Some(d("98.62")));
    assert_eq!(find(a, "A005").where_, "费用结算及时性");
}
