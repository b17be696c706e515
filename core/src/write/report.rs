//! Writers for results (scorecards and roll-ups) rather than documents: Markdown and
//! `.xlsx` scorecards in the layout of the 绩效自评表 (both walking [`Scorecard::rows`]), and
//! the roll-up as CSV.

use rust_decimal::Decimal;

use crate::score::Scorecard;
use crate::summary::{Figures, Summary};

fn show(value: Option<Decimal>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| v.normalize().to_string())
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The scorecards as Markdown: a heading per project, then one table in the 自评表's
/// columns (一级/二级/三级, 年度指标值, 实际完成值, 分值, 得分, 状态), the budget row first
/// and the total last.
pub fn scorecards_markdown(cards: &[Scorecard]) -> String {
    let mut out = String::new();
    for card in cards {
        out.push_str(&format!("## {}\n\n", cell(&card.project)));
        out.push_str(
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 状态 |\n",
        );
        out.push_str("| --- | --- | --- | --- | --- | ---: | ---: | --- |\n");
        for row in card.rows() {
            let line = match row.budget {
                Some(b) => format!(
                    "| 预算执行率 |  |  | 全年预算数 {} | 执行数 {} ({}) | {} | {} | {} |\n",
                    show(b.adjusted),
                    show(b.executed),
                    b.rate
                        .map_or_else(|| "—".to_owned(), crate::score::rate_percent),
                    show(row.weight),
                    show(row.score),
                    row.status.as_str(),
                ),
                None => format!(
                    "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
                    cell(row.level1),
                    cell(row.level2),
                    cell(row.name),
                    cell(row.target.unwrap_or("")),
                    cell(row.actual.unwrap_or("—")),
                    show(row.weight),
                    show(row.score),
                    row.status.as_str(),
                ),
            };
            out.push_str(&line);
        }
        let grade = card.grade.as_deref().unwrap_or("—");
        out.push_str(&format!(
            "| 总分 |  |  |  |  | {} | {} | {} |\n\n",
            show(Some(card.max)),
            show(Some(card.total)),
            if card.complete {
                grade.to_owned()
            } else {
                format!("incomplete, {} open", show(Some(card.open)))
            },
        ));
    }
    out
}

/// The scorecards as a workbook: one sheet listing every indicator of every project with
/// its rule and explanation, and numbers written as numbers only where they are exact in a
/// spreadsheet (scores have 2 decimals); everything else as text.
#[cfg(feature = "xlsx")]
pub fn scorecards_xlsx(cards: &[Scorecard]) -> Result<Vec<u8>, crate::WriteError> {
    use rust_xlsxwriter::{Format, Workbook};

    let failed = |e: rust_xlsxwriter::XlsxError| crate::WriteError::Failed {
        format: "xlsx".to_owned(),
        message: e.to_string(),
    };
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("自评得分").map_err(failed)?;
    let bold = Format::new().set_bold();
    let plain = Format::new();
    // One row of text cells, left to right.
    let put = |sheet: &mut rust_xlsxwriter::Worksheet,
               row: u32,
               cells: [String; 11],
               format: &Format|
     -> Result<(), crate::WriteError> {
        for (col, text) in (0u16..).zip(cells) {
            sheet
                .write_with_format(row, col, text, format)
                .map_err(failed)?;
        }
        Ok(())
    };
    let headers = [
        "项目名称",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "状态",
        "规则",
        "说明",
    ];
    for (col, header) in (0u16..).zip(headers) {
        sheet
            .write_with_format(0, col, header, &bold)
            .map_err(failed)?;
    }
    let mut row = 1u32;
    for card in cards {
        for r in card.rows() {
            // The budget row: 预算执行率 in the 一级 column, 全年预算数 and 执行数 in the 指标值
            // and 实际完成值 columns.
            let (level1, level2, name, target, actual) = match r.budget {
                Some(b) => ("预算执行率", "", "", show(b.adjusted), show(b.executed)),
                None => (
                    r.level1,
                    r.level2,
                    r.name,
                    r.target.unwrap_or("").to_owned(),
                    r.actual.unwrap_or("").to_owned(),
                ),
            };
            let values = [
                card.project.clone(),
                level1.to_owned(),
                level2.to_owned(),
                name.to_owned(),
                target,
                actual,
                show(r.weight),
                show(r.score),
                r.status.as_str().to_owned(),
                r.rule.to_owned(),
                r.explanation.to_owned(),
            ];
            put(sheet, row, values, &plain)?;
            row += 1;
        }
        let total = [
            card.project.clone(),
            "总分".to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            show(Some(card.max)),
            show(Some(card.total)),
            card.grade
                .clone()
                .unwrap_or_else(|| "incomplete".to_owned()),
            String::new(),
            String::new(),
        ];
        put(sheet, row, total, &bold)?;
        row += 2;
    }
    sheet.autofit();
    book.save_to_buffer().map_err(failed)
}

/// The roll-up as CSV: one row for everything, then one per document, 主管部门 and
/// 实施单位, with the same columns (amounts in 元 as exact decimals).
pub fn summary_csv(summary: &Summary) -> String {
    let header = [
        "group",
        "name",
        "projects",
        "indicators",
        "quantitative",
        "qualitative",
        "invalid",
        "quantitative_share",
        "annual",
        "annual_fiscal",
        "annual_carryover",
        "annual_other",
        "total",
        "errors",
        "warnings",
        "infos",
        "evaluated",
        "scored_complete",
        "mean_score",
        "grades",
    ];
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| (*h).to_owned()).collect()];
    let mut push = |group: &str, name: Option<&str>, f: &Figures| {
        let money = |v: Option<Decimal>| v.map(|d| d.to_string()).unwrap_or_default();
        rows.push(vec![
            group.to_owned(),
            name.unwrap_or_default().to_owned(),
            f.projects.to_string(),
            f.indicators.to_string(),
            f.quantitative.to_string(),
            f.qualitative.to_string(),
            f.invalid.to_string(),
            money(f.quantitative_share),
            money(f.funding.annual),
            money(f.funding.annual_fiscal),
            money(f.funding.annual_carryover),
            money(f.funding.annual_other),
            money(f.funding.total),
            f.findings.errors.to_string(),
            f.findings.warnings.to_string(),
            f.findings.infos.to_string(),
            f.scores
                .as_ref()
                .map(|s| s.evaluated.to_string())
                .unwrap_or_default(),
            f.scores
                .as_ref()
                .map(|s| s.complete.to_string())
                .unwrap_or_default(),
            money(f.scores.as_ref().and_then(|s| s.mean)),
            f.scores
                .as_ref()
                .map(|s| {
                    s.grades
                        .iter()
                        .map(|(g, n)| format!("{g}:{n}"))
                        .collect::<Vec<_>>()
                        .join(";")
                })
                .unwrap_or_default(),
        ]);
    };
    push("all", None, &summary.figures);
    for g in &summary.by_document {
        push("document", g.name.as_deref(), &g.figures);
    }
    for g in &summary.by_department {
        push("department", g.name.as_deref(), &g.figures);
    }
    for g in &summary.by_implementer {
        push("implementer", g.name.as_deref(), &g.figures);
    }
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    for row in &rows {
        // Every row has the header's width and the sink is a Vec: writing cannot fail.
        let _ = writer.write_record(row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::ReviewPolicy;
    use crate::score::Profile;
    use crate::summary::summarize_scored;

    fn putuo() -> crate::Document {
        let text = include_str!("../../../tests/data/selfeval-putuo-sports-2022.txt");
        crate::read(text.as_bytes(), &crate::ReadOptions::default())
            .expect("putuo reads")
            .document
    }

    #[test]
    fn summary_csv_rows_have_the_header_width() {
        let summary = summarize_scored(&[putuo()], &ReviewPolicy::default(), &Profile::default());
        let csv = summary_csv(&summary);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let width = reader.headers().expect("header").len();
        let rows: Vec<_> = reader
            .records()
            .collect::<Result<_, _>>()
            .expect("every row parses");
        assert_eq!(rows.len(), 4, "{csv}");
        assert!(rows.iter().all(|r| r.len() == width));
        assert_eq!(&rows[0][0], "all");
        assert_eq!(&rows[0][18], "98.62");
        assert_eq!(&rows[0][19], "优:1");
    }

    #[test]
    fn scorecard_markdown_has_every_row() {
        let cards = crate::score::score_document(&putuo(), &Profile::default());
        let md = scorecards_markdown(&cards);
        assert_eq!(
            md.lines().filter(|l| l.starts_with("| ")).count(),
            1 + 1 + 5 + 1 + 1,
            "{md}"
        );
        assert!(
            md.contains("| 总分 |  |  |  |  | 100 | 98.62 | 优 |"),
            "{md}"
        );
    }

    #[cfg(feature = "xlsx")]
    #[test]
    fn scorecard_workbook_opens() {
        use calamine::Reader;
        let cards = crate::score::score_document(&putuo(), &Profile::default());
        let bytes = scorecards_xlsx(&cards).expect("writes");
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("opens");
        let range = book.worksheet_range("自评得分").expect("sheet");
        assert_eq!(range.height(), 1 + 1 + 5 + 1);
        assert_eq!(
            range.get_value((7, 7)).map(ToString::to_string).as_deref(),
            Some("98.62")
        );
    }
}
