use super::*;
use crate::read::{read, ReadOptions};

fn document(text: &str) -> Result<Document, crate::error::ReadError> {
    Ok(read(text.as_bytes(), &ReadOptions::default())?.document)
}

const FORM: &str =
    "某局2024年度项目绩效目标汇总表\n财政项目支出绩效目标申报表\n(2024年度)\n项目名称\t示例项目\n\
    项目资金 (元)\t项目资金总额\t100\t年度资金申请总额\t100\n\
    \t一级指标\t二级指标\t三级指标\t指标值\n\
    \t产出指标\t数量指标\t培训人数\t≥17(人)\n\
    \t产出指标\t数量指标\t培训场次\t≥2场\n\
    \t产出指标\t质量指标\t合格率\t≥90%\n\
    \t满意度指标\t服务对象满意度指标\t满意度\t≥90%\n";

fn table_of(blocks: &[Block]) -> Option<(&Vec<Vec<String>>, &Vec<Merge>)> {
    blocks.iter().find_map(|b| match b {
        Block::Table { rows, merged } => Some((rows, merged)),
        Block::Paragraph { .. } => None,
    })
}

#[test]
fn titles_are_paragraphs_and_levels_merge() -> Result<(), Box<dyn std::error::Error>> {
    let doc = document(FORM)?;
    let blocks = layout(&doc, true);
    let texts: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text, .. } => Some(text.as_str()),
            Block::Table { .. } => None,
        })
        .collect();
    assert_eq!(
        texts,
        [
            "某局2024年度项目绩效目标汇总表",
            "财政项目支出绩效目标申报表",
            "(2024年度)"
        ]
    );
    let (rows, merged) = table_of(&blocks).ok_or("no table")?;
    let header = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "绩效指标"))
        .ok_or("no header")?;
    let at = |r: usize, c: usize| rows.get(r).and_then(|row| row.get(c)).map(String::as_str);
    // 产出指标 over three rows, 数量指标 over two; the covered cells empty.
    let h = u32::try_from(header)?;
    let m = |top, left, bottom, right| Merge {
        top,
        left,
        bottom,
        right,
    };
    assert!(merged.contains(&m(h + 1, 1, h + 3, 1)), "{merged:?}");
    assert!(merged.contains(&m(h + 1, 2, h + 2, 2)), "{merged:?}");
    assert!(merged.contains(&m(h, 0, h + 4, 0)), "{merged:?}");
    assert_eq!(at(header + 2, 1), Some(""));
    assert_eq!(at(header + 3, 2), Some("质量指标"));
    assert_eq!(at(header + 4, 1), Some("满意度指标"));
    Ok(())
}

#[test]
fn writes_a_zip_that_reads_back() -> Result<(), Box<dyn std::error::Error>> {
    let doc = document(FORM)?;
    let bytes = to_docx(&doc)?;
    assert!(bytes.starts_with(b"PK\x03\x04"));
    // The merged layout is the one kept.
    assert_eq!(bytes, xml::package(&layout(&doc, true))?);
    let (back, _) = crate::read::docx::read_word_document(&bytes, &ReadOptions::default())?;
    assert_eq!(back, doc);
    Ok(())
}

#[test]
fn text_is_escaped() -> Result<(), Box<dyn std::error::Error>> {
    let mut doc = document(FORM)?;
    let name = "A&B <项目> \"x\"\u{1}";
    doc.declarations
        .first_mut()
        .ok_or("no declaration")?
        .project
        .name = name.to_owned();
    let bytes = to_docx(&doc)?;
    let (back, _) = crate::read::docx::read_word_document(&bytes, &ReadOptions::default())?;
    let back_name = back
        .declarations
        .first()
        .map(|d| d.project.name.clone())
        .unwrap_or_default();
    assert_eq!(back_name, "A&B <项目> \"x\"");
    Ok(())
}

/// The real documents keep their level merges (the file reads back as the text does).
#[test]
fn real_documents_keep_the_merged_layout() -> Result<(), Box<dyn std::error::Error>> {
    for name in [
        "shanghai-eeb-enforcement-2024.txt",
        "selfeval-putuo-sports-2022.txt",
    ] {
        let path = format!("{}/../tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        let doc = read(&std::fs::read(path)?, &ReadOptions::named(name))?.document;
        assert_eq!(to_docx(&doc)?, xml::package(&layout(&doc, true))?, "{name}");
    }
    Ok(())
}
