//! Properties of the list layout: any document the list can hold (see `write::list`)
//! reads back equal from every list writer, and the list readers never panic.
#![allow(clippy::unwrap_used)] // property helpers build fixtures that cannot fail

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

use jixiao::model::{
    BudgetRow, Declaration, Direction, Document, Evaluation, Funding, Goals, Indicator,
    IndicatorEvaluation, MoneyUnit, Project,
};
use jixiao::read::{read, stream, InputFormat, ReadOptions};
use jixiao::taxonomy::Level2;
use jixiao::value::parse_target;
use jixiao::write::list::{write_list, ListStyle};

/// Text a cell can hold: no leading or trailing spaces, never empty.
fn text() -> impl Strategy<Value = String> {
    "[甲乙丙项目资金a-z0-9,\"|<>&\\\\#;：（）()% \n-]{0,12}".prop_map(|s| {
        let t = s.trim().to_owned();
        format!("项{t}目")
    })
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (0i64..100_000_000, 0u32..3).prop_map(|(n, scale)| Decimal::new(n, scale))
}

fn target() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("≥17.00(人)".to_owned()),
        Just("=100%".to_owned()),
        Just("≤90万元".to_owned()),
        Just(">=90%".to_owned()),
        Just("提高".to_owned()),
        Just("有积极促进作用".to_owned()),
        Just("1次/月".to_owned()),
        Just("2023年12月底前".to_owned()),
        (1u32..10_000).prop_map(|n| n.to_string()),
        (
            1u32..10_000,
            prop::sample::select(vec!["人", "%", "万元", "套", "平方米"])
        )
            .prop_map(|(n, u)| format!("≥{n}{u}")),
        text(),
    ]
}

fn indicator() -> impl Strategy<Value = (Indicator, IndicatorEvaluation)> {
    (
        prop::sample::select(Level2::ALL.to_vec()),
        text(),
        target(),
        prop::option::of(decimal()),
        prop::option::of(prop::sample::select(vec![
            Direction::Increase,
            Direction::Decrease,
            Direction::Qualitative,
        ])),
        (
            prop::option::of(text()),
            prop::sample::select(vec!["备注", "权重", "指标性质", "计量单位", "指标值日期"]),
        ),
        (
            prop::option::of(text()),
            prop::option::of(decimal()),
            prop::option::of(text()),
        ),
        prop::sample::select(vec![
            None,
            Some("项目完成指标"),
            Some("其他类"),
            Some("产出指标"),
        ]),
    )
        .prop_map(
            |(
                level2,
                name,
                target,
                weight,
                direction,
                (note, key),
                (actual, score, deviation),
                level1_text,
            )| {
                let mut indicator = Indicator::new(
                    Some(level2.natural_parent()),
                    Some(level2),
                    &name,
                    parse_target(&target),
                );
                indicator.weight = weight;
                indicator.direction = direction;
                if let Some(note) = note {
                    indicator.extra.insert(key.to_owned(), note);
                }
                indicator.level1_text = level1_text.map(str::to_owned);
                let evaluation = IndicatorEvaluation {
                    actual,
                    score,
                    deviation,
                };
                (indicator, evaluation)
            },
        )
}

fn declaration() -> impl Strategy<Value = Declaration> {
    (
        (
            text(),
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(text()),
        ),
        (
            prop::option::of(0u32..3000),
            prop::option::of(decimal()),
            prop::option::of(decimal()),
        ),
        (prop::option::of(text()), prop::option::of(text())),
        prop::collection::vec(indicator(), 0..5),
        prop::option::of((
            decimal(),
            decimal(),
            prop::option::of(text()),
            prop::option::of(decimal()),
        )),
        (any::<bool>(), prop::option::of(decimal())),
    )
        .prop_map(
            |(
                (name, code, department, extra),
                (start, annual, fiscal),
                (overall, annual_goal),
                rows,
                evaluation,
                (wan, points),
            )| {
                let mut project = Project {
                    name,
                    code,
                    department,
                    start_date: start.and_then(|d| {
                        NaiveDate::from_ymd_opt(2024, 1, 1)?
                            .checked_add_days(chrono::Days::new(u64::from(d)))
                    }),
                    ..Project::default()
                };
                if let Some(extra) = extra {
                    project.extra.insert("预算级次".to_owned(), extra);
                }
                let (mut indicators, evaluations): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
                // With level points, the first indicator stands in a point group too.
                let group_points: BTreeMap<String, _> = match (points, indicators.first_mut()) {
                    (Some(p), Some(first)) => {
                        first.group = Some("年度绩效目标1".to_owned());
                        BTreeMap::from([("年度绩效目标1".to_owned(), p)])
                    }
                    _ => BTreeMap::new(),
                };
                let evaluation = evaluation.map(|(total, executed, rate, carryover)| Evaluation {
                    budget_carryover: carryover.map(|c| BudgetRow {
                        initial: Some(c),
                        ..BudgetRow::default()
                    }),
                    unit: if wan {
                        MoneyUnit::WanYuan
                    } else {
                        MoneyUnit::Yuan
                    },
                    budget: BudgetRow {
                        executed: Some(executed),
                        rate,
                        ..BudgetRow::default()
                    },
                    indicators: evaluations,
                    total: Some(total),
                    ..Evaluation::default()
                });
                Declaration {
                    project,
                    funding: Funding {
                        unit: if wan {
                            MoneyUnit::WanYuan
                        } else {
                            MoneyUnit::Yuan
                        },
                        annual,
                        annual_fiscal: fiscal,
                        ..Funding::default()
                    },
                    goals: Goals {
                        overall,
                        annual: annual_goal,
                    },
                    indicators,
                    level_points: points
                        .map(|p| {
                            BTreeMap::from([("产出指标".to_owned(), p), ("其他类".to_owned(), p)])
                        })
                        .unwrap_or_default(),
                    group_points,
                    not_applicable: Vec::new(),
                    evaluation,
                    monitoring: None,
                    source: Default::default(),
                }
            },
        )
}

fn document() -> impl Strategy<Value = Document> {
    documents(1..4)
}

/// A document of `count` declarations.
fn documents(count: std::ops::Range<usize>) -> impl Strategy<Value = Document> {
    (
        prop::collection::vec(declaration(), count),
        prop::option::of(text()),
        prop::option::of(2000i32..2100),
    )
        .prop_map(|(declarations, title, year)| Document {
            title,
            year,
            declarations,
            ..Document::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_list_writer_reads_back_equal(document in document()) {
        for (style, name) in [(ListStyle::Csv, "p.csv"), (ListStyle::Tsv, "p.tsv"), (ListStyle::Markdown, "p.md")] {
            let text = write_list(&document, style);
            let back = read(text.as_bytes(), &ReadOptions::named(name));
            prop_assert!(back.is_ok(), "{style:?}: {:?}\n{text}", back.err());
            prop_assert_eq!(&back.unwrap().document, &document, "{:?}\n{}", style, text);
        }
    }

    #[test]
    fn xlsx_reads_back_equal(document in document()) {
        let bytes = jixiao::write::xlsx::write_workbook(&document).unwrap();
        let back = read(&bytes, &ReadOptions::named("p.xlsx")).unwrap();
        prop_assert_eq!(back.document, document);
    }

    /// Streaming a list yields the declarations of `read`, in its order, with its findings
    /// (the stream once queued the projects read with the header out of order).
    #[test]
    fn list_streams_as_read(document in documents(2..9)) {
        for (style, name) in [(ListStyle::Csv, "p.csv"), (ListStyle::Tsv, "p.tsv")] {
            let text = write_list(&document, style);
            let options = ReadOptions::named(name);
            let whole = read(text.as_bytes(), &options).unwrap();
            let mut declarations = Vec::new();
            let mut findings = Vec::new();
            for item in stream::declarations(text.as_bytes(), &options).unwrap() {
                let (d, f) = item.unwrap();
                declarations.push(d);
                findings.extend(f);
            }
            prop_assert_eq!(&declarations, &whole.document.declarations, "{:?}\n{}", style, text);
            let key = |f: &jixiao::Finding| (f.line, f.code.clone(), f.message.clone());
            let mut streamed: Vec<_> = findings.iter().map(key).collect();
            let mut read_whole: Vec<_> = whole.diagnostics.iter().map(key).collect();
            streamed.sort();
            read_whole.sort();
            prop_assert_eq!(streamed, read_whole, "{:?}\n{}", style, text);
        }
    }

    #[test]
    fn list_readers_never_panic(text in "[项目名称三级指标,\t|\"\n 甲1≥%-]{0,200}") {
        for format in [InputFormat::Csv, InputFormat::Tsv] {
            let _ = read(text.as_bytes(), &ReadOptions { format: Some(format), ..ReadOptions::default() });
        }
        let with_header = format!("项目名称,三级指标,指标值,分值\n{text}");
        let _ = read(with_header.as_bytes(), &ReadOptions::default());
    }
}
