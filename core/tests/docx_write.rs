//! `to_docx` → `docx_grids` → `read_grids` gives back the model: every test document
//! (tests/data/*.txt, the golden JSON documents, the hand-written office fixtures) and
//! generated declarations. The reference is the form text writer's round trip
//! (`write_form` → `read_form`), whose content the Word file carries; for the test
//! documents it is the document itself.

use std::error::Error;

use jixiao::model::Document;
use jixiao::read::docx::read_word_document;
use jixiao::read::form::read_form;
use jixiao::read::{read, ReadOptions};
use jixiao::write::docx::to_docx;
use jixiao::write::form::write_form;
use proptest::prelude::*;

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn documents() -> Result<Vec<(String, Document)>> {
    let mut out = Vec::new();
    for dir in ["tests/data", "tests/data/office", "tests/golden"] {
        let mut paths: Vec<_> = std::fs::read_dir(root().join(dir))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path.display().to_string();
            let bytes = std::fs::read(&path)?;
            // Golden files that are not documents (scorecards, summaries) are skipped.
            let Ok(reading) = read(&bytes, &ReadOptions::named(&name)) else {
                continue;
            };
            if !reading.document.declarations.is_empty() {
                out.push((name, reading.document));
            }
        }
    }
    Ok(out)
}

fn word_round_trip(document: &Document) -> Result<Document> {
    let bytes = to_docx(document)?;
    Ok(read_word_document(&bytes, &ReadOptions::named("written.docx"))?.0)
}

#[test]
fn test_documents_read_back_from_word() -> Result {
    let documents = documents()?;
    assert!(documents.len() >= 5, "{} documents", documents.len());
    for (name, document) in &documents {
        let back = word_round_trip(document)?;
        let via_text = read_form(&write_form(document), &ReadOptions::default())?.0;
        assert_eq!(
            back.declarations, via_text.declarations,
            "{name}: Word vs form text"
        );
        if via_text.declarations == document.declarations {
            assert_eq!(back.declarations, document.declarations, "{name}");
        }
    }
    Ok(())
}

/// The real documents round-trip exactly (by hand: the text copies read back equal).
#[test]
fn real_documents_are_equal_after_word() -> Result {
    for name in [
        "tests/data/shanghai-eeb-enforcement-2024.txt",
        "tests/data/selfeval-putuo-sports-2022.txt",
    ] {
        let document = read(
            &std::fs::read(root().join(name))?,
            &ReadOptions::named(name),
        )?
        .document;
        assert_eq!(word_round_trip(&document)?, document, "{name}");
    }
    Ok(())
}

/// A form text from generated pieces: names, levels, targets, weights and actuals.
fn form_text() -> impl Strategy<Value = String> {
    let level1 = prop::sample::select(vec![
        "产出指标",
        "效益指标",
        "满意度指标",
        "产出指标(60分)",
        "",
    ]);
    let level2 = prop::sample::select(vec![
        "数量指标",
        "质量指标",
        "社会效益指标",
        "服务对象满意度指标",
        "",
    ]);
    let target = prop::sample::select(vec!["≥17(人)", "=100%", "及时", "≤3天", "", "提高"]);
    let name = "[a-z甲乙丙丁]{1,6}";
    let row = (
        level1,
        level2,
        name,
        target,
        0u8..30,
        prop::option::of("[0-9]{1,3}%"),
    );
    (
        "[甲乙项目]{1,8}",
        prop::collection::vec(row, 1..8),
        any::<bool>(),
    )
        .prop_map(|(project, rows, evaluation)| {
            let mut text = if evaluation {
                "财政项目支出绩效自评表\n(2023年度)\n".to_owned()
            } else {
                "财政项目支出绩效目标申报表\n(2023年度)\n".to_owned()
            };
            text.push_str(&format!("项目名称\t{project}\n"));
            if evaluation {
                text.push_str("绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n");
            } else {
                text.push_str("绩效指标\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值\t分值\n");
            }
            for (l1, l2, name, target, weight, actual) in rows {
                if evaluation {
                    let actual = actual.unwrap_or_default();
                    text.push_str(&format!("\t{l1}\t{l2}\t{name}\t{target}\t{actual}\t{weight}\t{weight}\t\n"));
                } else {
                    text.push_str(&format!("\t{l1}\t{l2}\t{name}\t{target}\t{weight}\n"));
                }
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn generated_forms_read_back_from_word(text in form_text()) {
        let Ok((document, _)) = read_form(&text, &ReadOptions::default()) else {
            return Ok(());
        };
        let via_text = read_form(&write_form(&document), &ReadOptions::default()).map(|r| r.0.declarations);
        let back = word_round_trip(&document).map(|d| d.declarations).map_err(|e| e.to_string());
        prop_assert_eq!(back.ok(), via_text.ok(), "{}", text);
    }
}
