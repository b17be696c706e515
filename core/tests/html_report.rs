//! The HTML report (`write::html`): each page kind on the bundled documents, with the
//! figures, codes and merged cells expected from `domain.md` and the forms themselves.

use jixiao::model::Document;
use jixiao::read::{read, ReadOptions};
use jixiao::write::html::{document_fragment, document_html, rollup_html, HtmlOptions};

fn load(path: &str) -> (Document, Vec<jixiao::Finding>) {
    let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&full).unwrap_or_else(|e| panic!("{path}: {e}"));
    let name = path.rsplit('/').next().unwrap_or(path);
    let reading = read(&bytes, &ReadOptions::named(name)).expect("reads");
    (reading.document, reading.diagnostics)
}

const SEED: &str = "tests/data/shanghai-eeb-enforcement-2024.txt";
const PUTUO: &str = "tests/data/selfeval-putuo-sports-2022.txt";
const HUANGGANG: &str = "tests/real/selfeval/huanggang_shuitubaochi_2020.form.txt";

fn options(policy: &str) -> HtmlOptions {
    HtmlOptions::by_names(policy, "auto").expect("known profiles")
}

/// The `<tr …>…</tr>` holding `text`.
fn row_with<'a>(html: &'a str, text: &str) -> &'a str {
    let at = html.find(text).unwrap_or_else(|| panic!("no {text}"));
    let start = html[..at].rfind("<tr").expect("inside a row");
    let end = at + html[at..].find("</tr>").expect("row ends");
    &html[start..end]
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

/// Nothing the page would fetch: no script, no external reference.
fn self_contained(html: &str) {
    assert!(!html.contains("<script"), "a script");
    assert!(!html.contains("src="), "a src attribute");
    assert!(!html.contains("href=\"http"), "an external link");
    assert!(!html.contains("url("), "a CSS url()");
    assert!(!html.contains("@import"), "a CSS import");
}

#[test]
fn a_declaration_page_marks_each_finding_on_its_row() {
    let (doc, diagnostics) = load(SEED);
    let html = document_html(&doc, &diagnostics, &options("shanghai-2025"));
    self_contained(&html);
    // T007 (vague qualitative target): 提高, 降低, 有一定促进作用, 有积极促进作用 (twice);
    // T006 (满意 as text); S007 (no 成本指标 under shanghai-2025) once per project.
    assert_eq!(count(&html, "data-code=\"T007\""), 5);
    assert_eq!(count(&html, "data-code=\"T006\""), 1);
    assert_eq!(count(&html, "data-code=\"S007\""), 5);
    let row = row_with(&html, "热线受理人员满意度");
    assert!(row.starts_with("<tr class=\"warning\""), "{row}");
    assert!(row.contains("data-code=\"T006\""), "{row}");
    let row = row_with(&html, "热线平台故障发生率");
    assert!(row.contains("data-code=\"T007\""), "{row}");
    // a row with nothing to say has no marker
    let row = row_with(&html, "服务费保障聘用人员数量");
    assert!(!row.contains("data-code"), "{row}");
    // 环保热线运行: 产出指标 spans 数量 (1) + 质量 (4) + 时效 (2) rows, 质量指标 four
    assert!(html.contains("rowspan=\"7\">产出指标</td>"));
    assert!(html.contains("rowspan=\"4\">质量指标</td>"));
    // summary on top of the first project: 0 errors, 4 warnings, 5 of 9 quantitative
    assert!(html.contains("data-count=\"warnings\">警告 4</span>"));
    assert!(html.contains("定量指标占比 55.56% （5 / 9）"));
    // the funding block and its checks
    assert!(html.contains("data-field=\"annual\">2650000</td>"));
    assert_eq!(count(&html, "data-check=\"funding\""), 5);
    // one section per project, each linked from the contents
    assert_eq!(count(&html, "data-kind=\"declaration\""), 5);
    for k in 0..5 {
        assert!(html.contains(&format!("href=\"#p{k}\"")));
        assert!(html.contains(&format!("id=\"p{k}\"")));
    }
    // English beside the Chinese
    assert!(html.contains("lang=\"en\">satisfaction target is the text"));
}

#[test]
fn a_self_evaluation_page_shows_98_62_and_优() {
    let (doc, diagnostics) = load(PUTUO);
    let html = document_html(&doc, &diagnostics, &HtmlOptions::default());
    self_contained(&html);
    assert!(html.contains("data-figure=\"computed_total\">98.62</td>"));
    assert!(html.contains("data-figure=\"grade\">等级 优</span>"));
    assert!(html.contains("data-figure=\"published_total\">公布总分 98.62</span>"));
    // the budget row: 215457.6 of 250000 → 86.18% → 8.62 of 10, 部分达成
    let row = row_with(&html, "全年执行数 215457.6");
    assert!(row.contains("86.18%"), "{row}");
    assert!(row.contains("<td class=\"n\">8.62</td>"), "{row}");
    assert!(row.contains("data-status=\"partial\""), "{row}");
    // every indicator met, its explanation expandable
    assert_eq!(count(&html, "data-status=\"met\""), 5);
    assert_eq!(count(&html, "<details>"), 6);
    // nothing differs from the published figures
    assert!(html.contains("data-check=\"audit\""));
    assert!(!html.contains("data-code=\"A"));
    // the level chart: one scale of 260 px for 50 points: 8.62 → 44.8, 50 → 260, 30 → 156
    assert!(html.contains("<svg"));
    assert!(html.contains("width=\"44.8\""));
    assert!(html.contains("width=\"260\""));
    assert!(html.contains("width=\"156\""));
}

#[test]
fn audit_findings_sit_on_the_rows_they_concern() {
    let (doc, diagnostics) = load(HUANGGANG);
    let html = document_html(&doc, &diagnostics, &HtmlOptions::default());
    // 整编资料审核: published 19.6 above its weight 13.33 (40 points of its group / 3: A005)
    // and not the recomputed 13.33 (A001)
    let row = row_with(&html, "整编资料审核");
    assert!(row.starts_with("<tr class=\"error\""), "{row}");
    assert!(row.contains("data-code=\"A005\""), "{row}");
    assert!(row.contains("data-code=\"A001\""), "{row}");
    // the published 99.6 against the recomputed 99.99: A012 on the 总分 row
    let row = row_with(&html, "data-row=\"total\"");
    assert!(row.contains("data-code=\"A012\""), "{row}");
    // errors: A001 on the three rows of group 1 (10, 10, 19.6 against 13.33), A005, A012
    assert!(html.contains("data-count=\"errors\">错误 5</span>"));
    // what the reader recovered from is listed on top
    assert!(html.contains("data-code=\"unknown_header_label\""));
}

#[test]
fn every_text_is_escaped() {
    let mut d = jixiao::Declaration::default();
    d.project.name = "<script>alert(\"x\")</script>&'".into();
    d.project.department = Some("<img src=x>".into());
    d.indicators.push(jixiao::Indicator::new(
        None,
        None,
        "<b>培训</b>人数",
        jixiao::Target::parse("≥17(人)"),
    ));
    let doc = Document {
        title: Some("</title><script>".into()),
        declarations: vec![d],
        ..Document::default()
    };
    let html = document_html(&doc, &[], &HtmlOptions::default());
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>培训"));
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"));
    assert!(html.contains("<title>&lt;/title&gt;&lt;script&gt;</title>"));
    assert!(html.contains("&lt;b&gt;培训&lt;/b&gt;人数"));
}

#[test]
fn a_funding_slip_is_shown_in_the_funding_block() {
    let mut d = jixiao::Declaration::default();
    d.project.name = "资金不符".into();
    d.funding.annual = Some("100".parse().unwrap());
    d.funding.annual_fiscal = Some("50".parse().unwrap());
    d.funding.annual_carryover = Some("20".parse().unwrap());
    d.funding.annual_other = Some("10".parse().unwrap());
    let doc = Document {
        declarations: vec![d],
        ..Document::default()
    };
    let html = document_html(&doc, &[], &HtmlOptions::default());
    let block = &html[html.find("资金核对").expect("checks")..];
    let block = &block[..block.find("</table>").unwrap_or(block.len())];
    // 100 ≠ 50 + 20 + 10 = 80: F001, and the pass badge is gone
    assert!(block.contains("data-code=\"F001\""), "{block}");
    assert!(!html.contains("data-check=\"funding\""));
}

#[test]
fn the_print_stylesheet_is_a4_and_keeps_rows_whole() {
    let (doc, _) = load(PUTUO);
    let html = document_html(&doc, &[], &HtmlOptions::default());
    assert!(html.contains("@page{size:A4"));
    assert!(html.contains("@media print"));
    assert!(html.contains(".jx tr,"));
    assert!(html.contains("break-inside:avoid"));
    assert!(html.contains("overflow-wrap:anywhere"));
}

#[test]
fn a_roll_up_links_every_project_and_counts_codes() {
    let docs: Vec<Document> = [SEED, PUTUO, HUANGGANG].iter().map(|p| load(p).0).collect();
    let html = rollup_html(&docs, &HtmlOptions::default());
    self_contained(&html);
    // 5 + 1 + 1 projects, each linked and anchored
    assert_eq!(count(&html, "<section class=\"project"), 7);
    for (n, k) in [(0, 0), (0, 4), (1, 0), (2, 0)] {
        assert!(html.contains(&format!("href=\"#d{n}p{k}\"")));
        assert!(html.contains(&format!("id=\"d{n}p{k}\"")));
    }
    assert!(html.contains("data-figure=\"projects\">项目 7</span>"));
    // the seed's annual requests: 2650000 + 4228800 + 1946200 + 730000 + 10000000
    assert!(html.contains("data-figure=\"annual\">19,555,000.00</td>"));
    // T007 five times under `any`, A012 once
    assert!(html.contains("data-code=\"T007\"><td class=\"code\">T007</td>"));
    let row = row_with(&html, "<td class=\"code\">T007</td>");
    assert!(row.contains("<td class=\"n\">5</td>"), "{row}");
    let row = row_with(&html, "<td class=\"code\">A012</td>");
    assert!(row.contains("<td class=\"n\">1</td>"), "{row}");
    // the grades chart: 优 (putuo, 98.62; huanggang, 99.99)
    assert!(html.contains("等级 (grade distribution)"));
    let row = row_with(&html, ">普陀体育中心与委托运营方结算费用</a>");
    assert!(
        row.contains("98.62") && row.contains("<td>优</td>"),
        "{row}"
    );
}

#[test]
fn the_notebook_fragment_is_the_page_content() {
    let (doc, _) = load(SEED);
    let frag = document_fragment(&doc, &[], &HtmlOptions::default(), 2);
    assert!(frag.starts_with("<div class=\"jx\"><style>"));
    assert!(!frag.contains("<html"));
    assert_eq!(count(&frag, "data-kind=\"declaration\""), 2);
    assert!(frag.contains("另有 3 个项目未显示"));
}

#[test]
fn extreme_figures_render_without_a_panic() {
    let mut d = jixiao::Declaration::default();
    d.project.name = "极端金额".into();
    d.funding.annual = Some(rust_decimal::Decimal::MAX);
    d.funding.annual_fiscal = Some(rust_decimal::Decimal::MAX);
    d.funding.annual_carryover = Some(rust_decimal::Decimal::MAX);
    let other = jixiao::Declaration {
        funding: jixiao::Funding {
            annual: Some(rust_decimal::Decimal::MAX),
            ..jixiao::Funding::default()
        },
        ..jixiao::Declaration::default()
    };
    let doc = Document {
        declarations: vec![d, other],
        ..Document::default()
    };
    let page = rollup_html(std::slice::from_ref(&doc), &HtmlOptions::default());
    // Decimal::MAX twice over does not fit a sum: the rules and the roll-up leave it out
    assert!(page.contains("data-figure=\"projects\">项目 2</span>"));
    let page = document_html(&doc, &[], &HtmlOptions::default());
    assert!(page.contains("极端金额"));
}

/// Every document the repository's tests read renders as a page and in a roll-up, each
/// project in its own section.
#[test]
fn every_bundled_document_renders() {
    let root = format!("{}/..", env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    for dir in [
        "tests/data",
        "tests/real/selfeval",
        "tests/real/songgang",
        "tests/broken",
    ] {
        let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(bytes) = std::fs::read(entry.path()) else {
                continue;
            };
            let Ok(reading) = read(&bytes, &ReadOptions::default()) else {
                continue;
            };
            let page = document_html(
                &reading.document,
                &reading.diagnostics,
                &HtmlOptions::default(),
            );
            assert_eq!(
                count(&page, "<section class=\"project"),
                reading.document.declarations.len(),
                "{}",
                entry.path().display()
            );
            self_contained(&page);
            docs.push(reading.document);
        }
    }
    assert!(docs.len() >= 10, "{} documents", docs.len());
    let projects: usize = docs.iter().map(|d| d.declarations.len()).sum();
    let page = rollup_html(&docs, &HtmlOptions::default());
    assert_eq!(count(&page, "<section class=\"project"), projects);
    self_contained(&page);
}
