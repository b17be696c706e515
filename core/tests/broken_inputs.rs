//! The broken-input table (`tests/broken/cases.json`, docs/robustness.md): every case gets
//! exactly the error code and line, or the reader diagnostic, review finding and values,
//! the table says. The C (`tests/c/test_broken.c`) and Python (`tests/python/test_broken.py`)
//! tests replay the same table.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a broken fixture should fail loudly

use std::path::{Path, PathBuf};

use serde_json::Value;

use jixiao::read::{read, Encoding, InputFormat, ReadOptions};
use jixiao::review::{review, ReviewPolicy};

fn broken_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/broken")
}

/// A form title line, then one line of 10,000,000 bytes.
fn long_line() -> Vec<u8> {
    let mut bytes = "财政项目支出绩效目标申报表\n项目名称\t".as_bytes().to_vec();
    bytes.resize(bytes.len() + 10_000_000, b'a');
    bytes.push(b'\n');
    bytes
}

/// DEFLATE bits, least significant first (RFC 1951 §3.1.1).
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, bits: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push((self.acc & 0xFF) as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, sent most significant bit first.
    fn code(&mut self, code: u32, bits: u32) {
        let reversed = code.reverse_bits() >> (32 - bits);
        self.put(reversed, bits);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push((self.acc & 0xFF) as u8);
        }
        self.out
    }
}

/// An `.xlsx`-named zip whose sheet entry is a real deflate stream of 1 + 258 × `repeats`
/// zero bytes (one literal, then length-258 distance-1 matches in a fixed-Huffman block:
/// 13 bits per 258 bytes), its true size declared. The CRC is left 0: the reader must
/// refuse the entry from its declared size before inflating anything.
fn zip_bomb(repeats: u32) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.put(1, 1); // BFINAL
    bits.put(1, 2); // BTYPE = 01, fixed Huffman
    bits.code(0x30, 8); // literal 0
    for _ in 0..repeats {
        bits.code(0xC5, 8); // length code 285: 258
        bits.code(0, 5); // distance code 0: 1
    }
    bits.code(0, 7); // end of block
    let data = bits.finish();
    let size = 1 + 258 * repeats;
    let name = b"xl/worksheets/sheet1.xml";
    let mut zip = Vec::new();
    let u16le = |v: u16| v.to_le_bytes();
    let u32le = |v: u32| v.to_le_bytes();
    let compressed = u32::try_from(data.len()).unwrap();
    // Local file header.
    zip.extend_from_slice(&u32le(0x0403_4b50));
    zip.extend_from_slice(&u16le(20));
    zip.extend_from_slice(&u16le(0));
    zip.extend_from_slice(&u16le(8));
    zip.extend_from_slice(&u16le(0));
    zip.extend_from_slice(&u16le(0x21));
    zip.extend_from_slice(&u32le(0));
    zip.extend_from_slice(&u32le(compressed));
    zip.extend_from_slice(&u32le(size));
    zip.extend_from_slice(&u16le(u16::try_from(name.len()).unwrap()));
    zip.extend_from_slice(&u16le(0));
    zip.extend_from_slice(name);
    zip.extend_from_slice(&data);
    // Central directory.
    let cd_offset = u32::try_from(zip.len()).unwrap();
    zip.extend_from_slice(&u32le(0x0201_4b50));
    zip.extend_from_slice(&u16le(20));
    zip.extend_from_slice(&u16le(20));
    zip.extend_from_slice(&u16le(0));
    zip.extend_from_slice(&u16le(8));
    zip.extend_from_slice(&u16le(0));
    zip.extend_from_slice(&u16le(0x21));
    zip.extend_from_slice(&u32le(0));
    zip.extend_from_slice(&u32le(compressed));
    zip.extend_from_slice(&u32le(size));
    zip.extend_from_slice(&u16le(u16::try_from(name.len()).unwrap()));
    zip.extend_from_slice(&[0; 12]); // extra, comment, disk, attributes (2+2+2+2+4)
    zip.extend_from_slice(&u32le(0)); // local header offset
    zip.extend_from_slice(name);
    let cd_size = u32::try_from(zip.len()).unwrap() - cd_offset;
    // End of central directory.
    zip.extend_from_slice(&u32le(0x0605_4b50));
    zip.extend_from_slice(&[0; 4]);
    zip.extend_from_slice(&u16le(1));
    zip.extend_from_slice(&u16le(1));
    zip.extend_from_slice(&u32le(cd_size));
    zip.extend_from_slice(&u32le(cd_offset));
    zip.extend_from_slice(&u16le(0));
    zip
}

fn input(case: &Value) -> (Vec<u8>, String) {
    if let Some(generate) = case["generate"].as_str() {
        return match generate {
            "long_line" => (long_line(), "long-line.txt".to_owned()),
            "zip_bomb" => (zip_bomb(1_200_000), "bomb.xlsx".to_owned()),
            other => panic!("unknown generator {other}"),
        };
    }
    let file = case["file"]
        .as_str()
        .expect("a case names a file or a generator");
    let bytes = std::fs::read(broken_dir().join(file)).expect(file);
    (bytes, file.to_owned())
}

fn options(case: &Value, file: &str) -> ReadOptions {
    let o = &case["options"];
    ReadOptions {
        file_name: Some(file.to_owned()),
        format: o["format"]
            .as_str()
            .map(|f| f.parse::<InputFormat>().unwrap()),
        encoding: o["encoding"]
            .as_str()
            .map_or(Encoding::Auto, |e| e.parse::<Encoding>().unwrap()),
    }
}

/// The table flattened for the C test (no JSON parser in C): one TAB-separated line per
/// case: name, file (or `@generator`), format, encoding, error, line, declarations,
/// diagnostic code, diagnostic line, then pointer and value pairs (`\N`: null). Empty
/// fields are absent values.
fn cases_tsv(table: &Value) -> String {
    let text = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut out = String::from(
        "# Generated from cases.json by core/tests/broken_inputs.rs (JIXIAO_BLESS=1 rewrites it); read by tests/c/test_broken.c.\n",
    );
    for case in table["cases"].as_array().unwrap() {
        let input = match case["generate"].as_str() {
            Some(g) => format!("@{g}"),
            None => text(&case["file"]),
        };
        let mut fields = vec![
            text(&case["name"]),
            input,
            text(&case["options"]["format"]),
            text(&case["options"]["encoding"]),
            text(&case["error"]),
            text(&case["line"]),
            text(&case["declarations"]),
            text(&case["diagnostic"]["code"]),
            text(&case["diagnostic"]["line"]),
        ];
        for v in case["values"].as_array().into_iter().flatten() {
            fields.push(text(&v["pointer"]));
            fields.push(match &v["equals"] {
                Value::Null => "\\N".to_owned(),
                other => text(other),
            });
        }
        assert!(fields.iter().all(|f| !f.contains(['\t', '\n'])));
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

#[test]
fn the_c_table_matches_the_json_table() {
    let table: Value =
        serde_json::from_slice(&std::fs::read(broken_dir().join("cases.json")).unwrap()).unwrap();
    let want = cases_tsv(&table);
    let path = broken_dir().join("cases.tsv");
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let got = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "tests/broken/cases.tsv is stale: run JIXIAO_BLESS=1 cargo test -p jixiao --test broken_inputs"
    );
}

#[test]
fn the_zip_bomb_is_a_real_deflate_stream() {
    // The generator is right: the stream inflates (by the zip library calamine uses, here
    // through a small size the limits allow) to exactly the size declared.
    use std::io::Read;
    let bytes = zip_bomb(1_000);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let mut entry = archive.by_index(0).unwrap();
    assert_eq!(entry.size(), 258_001);
    let mut out = Vec::new();
    // The CRC is 0, so the final check fails; the bytes before it are what counts.
    let _ = entry.read_to_end(&mut out);
    assert_eq!(out.len(), 258_001);
    assert!(out.iter().all(|&b| b == 0));
}

#[test]
fn every_broken_input_gets_its_answer() {
    let table: Value =
        serde_json::from_slice(&std::fs::read(broken_dir().join("cases.json")).unwrap()).unwrap();
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() >= 30, "the table has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let (bytes, file) = input(case);
        let result = read(&bytes, &options(case, &file));
        if let Some(code) = case["error"].as_str() {
            match result {
                Err(e) => {
                    let line = case["line"].as_u64().map(|l| u32::try_from(l).unwrap());
                    if e.code() != code || e.location().line != line {
                        failures.push(format!(
                            "{name}: got {} at line {:?}, expected {code} at line {line:?}: {e}",
                            e.code(),
                            e.location().line
                        ));
                    }
                    if e.location().file.as_deref() != Some(file.as_str()) {
                        failures.push(format!("{name}: the error does not name the file: {e}"));
                    }
                }
                Ok(r) => failures.push(format!(
                    "{name}: read {} declarations, expected the error {code}",
                    r.document.declarations.len()
                )),
            }
            continue;
        }
        let reading = match result {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let expected = case["declarations"].as_u64().unwrap();
        if reading.document.declarations.len() as u64 != expected {
            failures.push(format!(
                "{name}: {} declarations, expected {expected}",
                reading.document.declarations.len()
            ));
        }
        if let Some(d) = case.get("diagnostic") {
            let (code, line) = (d["code"].as_str().unwrap(), d["line"].as_u64());
            let found = reading
                .diagnostics
                .iter()
                .any(|f| f.code == code && f.line.map(u64::from) == line);
            if !found {
                failures.push(format!(
                    "{name}: no diagnostic {code} at line {line:?} in {:?}",
                    reading
                        .diagnostics
                        .iter()
                        .map(|f| (&f.code, f.line))
                        .collect::<Vec<_>>()
                ));
            }
        }
        if let Some(r) = case.get("review") {
            let (code, line) = (r["code"].as_str().unwrap(), r["line"].as_u64());
            let findings = review(&reading.document, &ReviewPolicy::default()).findings;
            if !findings
                .iter()
                .any(|f| f.code == code && f.line.map(u64::from) == line)
            {
                failures.push(format!(
                    "{name}: no review finding {code} at line {line:?} in {:?}",
                    findings
                        .iter()
                        .map(|f| (&f.code, f.line))
                        .collect::<Vec<_>>()
                ));
            }
        }
        let json: Value =
            serde_json::from_str(&jixiao::write::json::to_json(&reading.document)).unwrap();
        for v in case["values"].as_array().into_iter().flatten() {
            let pointer = v["pointer"].as_str().unwrap();
            match json.pointer(pointer) {
                Some(got) if *got == v["equals"] => {}
                got => failures.push(format!(
                    "{name}: {pointer} is {got:?}, expected {}",
                    v["equals"]
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
