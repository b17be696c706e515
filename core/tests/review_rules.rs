//! The review through the public API: the rule list, the docs, the JSON shape, and the
//! checks of issue 4 on documents given as canonical JSON (typed targets, so the test does
//! not depend on the value grammar).

use jixiao::review::{review, rules, ReviewPolicy};
use jixiao::{Document, Severity};

/// Every rule code is explained in docs/review.md, with its severity.
#[test]
fn docs_list_every_code() {
    let docs = include_str!("../../docs/review.md");
    for rule in rules() {
        let row = docs
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", rule.code)))
            .unwrap_or_else(|| panic!("{} is not in docs/review.md", rule.code));
        assert!(
            row.contains(&format!("| {} |", rule.severity.as_str())),
            "{}: docs give another severity: {row}",
            rule.code
        );
    }
    // and the docs list no code the engine does not have
    for line in docs.lines() {
        if let Some(code) = line.strip_prefix("| ").and_then(|l| l.split(' ').next()) {
            let looks_like_code = code.len() == 4
                && code.starts_with(['F', 'D', 'S', 'T', 'W', 'X', 'K'])
                && code[1..].chars().all(|c| c.is_ascii_digit());
            if looks_like_code {
                assert!(
                    rules().iter().any(|r| r.code == code),
                    "{code} in docs only"
                );
            }
        }
    }
}

fn doc(indicators: &str, funding: &str) -> Document {
    let json = format!(
        r#"{{"schema": "jixiao/1", "title": "t", "year": 2024, "declarations": [{{
          "project": {{"name": "热线运行", "nature": "其他一次性项目", "department": "局",
                       "implementer": "队", "start_date": "2024-01-01", "end_date": "2024-12-31"}},
          "funding": {funding},
          "indicators": [
            {{"level1": "产出指标", "level2": "数量指标", "name": "人数",
              "target": {{"text": "≥17人", "kind": "quantitative", "comparator": ">=", "value": "17", "unit": "人"}}}},
            {{"level1": "效益指标", "level2": "社会效益指标", "name": "发放率",
              "target": {{"text": "≥90%", "kind": "quantitative", "comparator": ">=", "value": "90", "unit": "%"}}}},
            {{"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "满意度",
              "target": {{"text": "≥90%", "kind": "quantitative", "comparator": ">=", "value": "90", "unit": "%"}}}}
            {indicators}
          ]}}]}}"#
    );
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

const GOOD_FUNDING: &str = r#"{"unit": "元", "annual": "2650000.00", "annual_fiscal": "2650000.00",
    "annual_carryover": "0.00", "annual_other": "0.00"}"#;

#[test]
fn a_clean_declaration_passes_every_profile() {
    let d = doc("", GOOD_FUNDING);
    for profile in ["any", "classic", "mof-2021"] {
        let r = review(&d, &ReviewPolicy::for_profile(profile).unwrap());
        assert!(r.findings.is_empty(), "{profile}: {:?}", r.findings);
    }
    let r = review(&d, &ReviewPolicy::for_profile("shanghai-2025").unwrap());
    let codes: Vec<_> = r.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["S007"]);
    assert!(!r.has_errors());
}

#[test]
fn funding_mismatch_names_the_project() {
    let funding = r#"{"unit": "元", "annual": "2650000.00", "annual_fiscal": "2600000.00",
        "annual_carryover": "0.00", "annual_other": "0.00"}"#;
    let r = review(&doc("", funding), &ReviewPolicy::default());
    assert!(r.has_errors());
    assert_eq!(r.findings.len(), 1);
    let f = &r.findings[0];
    assert_eq!(f.code, "F001");
    assert_eq!(f.project.as_deref(), Some("热线运行"));
    assert!(f.message.contains("50000.00"), "{}", f.message);
}

#[test]
fn quantity_under_benefit_is_an_error_at_the_indicator() {
    let extra = r#", {"level1": "效益指标", "level2": "数量指标", "name": "受益人数",
        "target": {"text": "≥100人", "kind": "quantitative", "comparator": ">=", "value": "100", "unit": "人"}}"#;
    let r = review(&doc(extra, GOOD_FUNDING), &ReviewPolicy::default());
    assert_eq!(r.count(Severity::Error), 1);
    assert_eq!(r.findings[0].code, "S002");
    assert_eq!(
        r.findings[0].indicator.as_deref(),
        Some("效益指标/数量指标/受益人数")
    );
}

#[test]
fn placeholder_is_an_error() {
    let extra = r#", {"level1": "产出指标", "level2": "质量指标", "name": "合格率",
        "target": {"text": "≥**%", "kind": "invalid", "problem": "placeholder"}}"#;
    let r = review(&doc(extra, GOOD_FUNDING), &ReviewPolicy::default());
    let codes: Vec<_> = r.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["T002"]);
    assert!(r.has_errors());
}

#[test]
fn review_json_shape() {
    let extra = r#", {"level1": "产出指标", "level2": "质量指标", "name": "质量",
        "target": {"text": "提高", "kind": "qualitative", "class": "improve"}}"#;
    let r = review(&doc(extra, GOOD_FUNDING), &ReviewPolicy::default());
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["errors"], 0);
    assert_eq!(json["warnings"], 1);
    assert_eq!(json["infos"], 0);
    let f = &json["findings"][0];
    assert_eq!(f["code"], "T007");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["project"], "热线运行");
    assert_eq!(f["indicator"], "产出指标/质量指标/质量");
    assert!(f["message"].as_str().is_some_and(|m| m.contains("提高")));
    assert!(f["message_en"]
        .as_str()
        .is_some_and(|m| m.contains("baseline")));
}

#[test]
fn rules_serialize_for_listings() {
    let json = serde_json::to_value(rules()).unwrap();
    assert_eq!(json[0]["code"], "F001");
    assert_eq!(json[0]["severity"], "error");
    assert!(json.as_array().is_some_and(|a| a.len() == rules().len()));
}

/// The target rules on targets parsed from their text by the value grammar (the JSON gives
/// each 指标值 as a plain string).
#[test]
fn target_rules_on_parsed_text() {
    let cases: &[(&str, &str, &str, &[&str])] = &[
        // (一级, 二级, 指标值, expected codes)
        ("产出指标", "质量指标", "≥**%", &["T002"]),
        ("产出指标", "质量指标", "", &["T009"]),
        ("产出指标", "质量指标", "≥120%", &["T004"]),
        ("产出指标", "质量指标", "=100%", &[]),
        ("产出指标", "数量指标", "≥17", &["T003"]),
        ("产出指标", "数量指标", "≥17(人)", &[]),
        ("成本指标", "经济成本指标", "≥90万元", &["T005"]),
        ("成本指标", "经济成本指标", "≤90万元", &[]),
        ("满意度指标", "服务对象满意度指标", "≤90%", &["T005"]),
        ("满意度指标", "服务对象满意度指标", "满意", &["T006"]),
        ("满意度指标", "服务对象满意度指标", "$\\geq 90.00\\%$", &[]),
        ("产出指标", "质量指标", "提高", &["T007"]),
        ("产出指标", "质量指标", "有所提高", &["T007"]),
        ("产出指标", "质量指标", "降低", &["T007"]),
        ("效益指标", "社会效益指标", "有一定促进作用", &["T007"]),
        ("效益指标", "社会效益指标", "有积极促进作用", &["T007"]),
        ("产出指标", "质量指标", "较上年提高", &[]),
        ("产出指标", "质量指标", "达标", &[]),
        ("产出指标", "时效指标", "按月发放", &[]),
        ("产出指标", "时效指标", "2024年12月底前", &[]),
    ];
    for (l1, l2, target, expected) in cases {
        let extra = format!(
            r#", {{"level1": "{l1}", "level2": "{l2}", "name": "新指标", "target": {}}}"#,
            serde_json::to_string(target).unwrap()
        );
        let r = review(&doc(&extra, GOOD_FUNDING), &ReviewPolicy::default());
        let codes: Vec<_> = r.findings.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(&codes, expected, "{l1}/{l2} `{target}`: {:?}", r.findings);
    }
}
