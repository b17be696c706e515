//! Every list writer reads back to an equal model: the list example and hand-built
//! documents with funding, goals, dates, extras, evaluations.
#![allow(clippy::unwrap_used)] // test helpers build fixtures that cannot fail

mod list_common;

use jixiao::model::Document;
use jixiao::read::list::read_table;
use jixiao::read::{read, InputFormat, ReadOptions};
use jixiao::write::list::{list_table, write_list, ListStyle};

const EXAMPLE: &str = include_str!("../../tests/data/list-example.csv");

fn read_back(bytes: &[u8], name: &str) -> Document {
    match read(bytes, &ReadOptions::named(name)) {
        Ok(reading) => reading.document,
        Err(e) => panic!("{name}: {e}\n{}", String::from_utf8_lossy(bytes)),
    }
}

fn assert_round_trips(document: &Document) {
    for (style, name) in [
        (ListStyle::Csv, "out.csv"),
        (ListStyle::Tsv, "out.tsv"),
        (ListStyle::Markdown, "out.md"),
    ] {
        let text = write_list(document, style);
        let back = read_back(text.as_bytes(), name);
        assert_eq!(&back, document, "{style:?}:\n{text}");
    }
    let table = list_table(document);
    let (back, _) = read_table(&table.headers, &table.rows, &ReadOptions::default()).unwrap();
    let mut expected = document.clone();
    expected.title = None;
    expected.year = None;
    assert_eq!(back, expected, "table");
}

#[test]
fn example_round_trips_through_every_list_writer() {
    let document = read_back(EXAMPLE.as_bytes(), "list-example.csv");
    assert_eq!(document.declarations.len(), 2);
    assert_round_trips(&document);
}

#[test]
fn rich_document_round_trips() {
    assert_round_trips(&list_common::rich_document());
}

#[test]
fn years_and_titles() {
    let mut document = list_common::rich_document();
    document.year = None;
    assert_round_trips(&document);
    document.year = Some(2023);
    assert_round_trips(&document);
    document.title = None;
    assert_round_trips(&document);
    document.year = None;
    assert_round_trips(&document);
}

#[test]
fn formats_are_detected() {
    let document = list_common::rich_document();
    for (style, format) in [
        (ListStyle::Csv, InputFormat::Csv),
        (ListStyle::Tsv, InputFormat::Tsv),
    ] {
        let text = write_list(&document, style);
        let reading = read(text.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(reading.format, format);
    }
}

fn seed(name: &str) -> Document {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    read_back(&bytes, name)
}

#[test]
fn seed_round_trips_through_every_list_writer() {
    let document = seed("shanghai-eeb-enforcement-2024.txt");
    assert_eq!(document.declarations.len(), 5);
    assert_round_trips(&document);
}

#[test]
fn putuo_self_evaluation_round_trips_through_every_list_writer() {
    let document = seed("selfeval-putuo-sports-2022.txt");
    assert!(document.declarations[0].evaluation.is_some());
    assert_round_trips(&document);
}
