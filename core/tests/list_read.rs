//! The list layout reader (清单式) on the real example and on hand-made tables.

use jixiao::model::Direction;
use jixiao::read::{read, ReadOptions};

const EXAMPLE: &str = include_str!("../../tests/data/list-example.csv");

#[test]
fn peek() {
    let reading = read(EXAMPLE.as_bytes(), &ReadOptions::named("list-example.csv")).unwrap();
    println!("{}", jixiao::write::json::to_json(&reading.document));
    for f in &reading.diagnostics {
        println!("{f}");
    }
    let _ = Direction::Increase;
}
